//! The Local Monitoring Body's cycle (`shared/irm.md`, "Local Monitoring
//! Body"), computed from the workspace's records: the local minimum
//! requirements ([`requirements`]) and what is due and late
//! ([`due`]). Both are computed only from dates the workspace holds and the
//! day asked for (today, or `SOURCE_DATE_EPOCH`'s day), so that the same
//! inputs give the same answer.
//!
//! The periods IRM in a Box sets, used here: the inception assessment
//! within two months of the plan's submission, an end-of-commitment
//! assessment one month after the commitment ends, the forum meeting at
//! least every six months and the website updated at least every four.

pub mod due;
pub mod requirements;

use chrono::Months;

use crate::load::{Doc, Workspace};
use crate::model::{Date, EndOfCommitment, Review, Stage};

/// Months from the plan's submission to the inception assessment.
pub const INCEPTION_MONTHS: u32 = 2;
/// Months from a commitment's end to its end-of-commitment assessment.
pub const END_OF_COMMITMENT_MONTHS: u32 = 1;
/// The longest the forum may go without meeting, in months.
pub const FORUM_MONTHS: u32 = 6;
/// The longest the website may go without an update, in months.
pub const WEBSITE_MONTHS: u32 = 4;
/// The end-of-commitment form's limit on attachments.
pub const MAX_ATTACHMENTS: usize = 3;

/// The day: `SOURCE_DATE_EPOCH`'s when set, else today's (UTC).
pub fn today(source_date_epoch: Option<i64>) -> Date {
    let secs = source_date_epoch.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
    });
    chrono::DateTime::from_timestamp(secs, 0).map(|t| t.date_naive()).unwrap_or_default()
}

/// `date` plus `months` calendar months (the last day of a shorter month:
/// 31 August + 6 months is 28 or 29 February).
pub fn add_months(date: Date, months: u32) -> Date {
    date.checked_add_months(Months::new(months)).unwrap_or(Date::MAX)
}

/// Whether the workspace runs the monitoring body's cycle: its
/// `terbuka.yaml` names a `monitoring-body`.
pub fn monitored(ws: &Workspace) -> bool {
    ws.manifest.as_ref().is_some_and(|m| m.value.monitoring_body.is_some())
}

/// The reviews in the order of their periods in `terbuka.yaml` (a review
/// of an unknown period last, by file name).
pub fn reviews_in_order(ws: &Workspace) -> Vec<&Doc<Review>> {
    let order = |r: &Review| {
        ws.manifest.as_ref().and_then(|m| m.value.periods.iter().position(|p| p.id == r.period)).unwrap_or(usize::MAX)
    };
    let mut reviews = ws.reviews.iter().collect::<Vec<_>>();
    reviews.sort_by(|a, b| order(&a.value).cmp(&order(&b.value)).then_with(|| a.file.cmp(&b.file)));
    reviews
}

/// The inception assessment: the first design-stage review of a refreshed
/// methodology.
pub fn inception(ws: &Workspace) -> Option<&Doc<Review>> {
    reviews_in_order(ws).into_iter().find(|r| r.value.methodology.is_refreshed() && r.value.stage() == Stage::Design)
}

/// The Results Report's review: the last results-stage review of a
/// refreshed methodology.
pub fn results(ws: &Workspace) -> Option<&Doc<Review>> {
    reviews_in_order(ws)
        .into_iter()
        .rev()
        .find(|r| r.value.methodology.is_refreshed() && r.value.stage() == Stage::Results)
}

/// A commitment's end-of-commitment assessment, from the last review that
/// has one confirmed, with that review.
pub fn end_of_commitment<'a>(ws: &'a Workspace, commitment: &str) -> Option<(&'a Doc<Review>, &'a EndOfCommitment)> {
    reviews_in_order(ws).into_iter().rev().find_map(|r| {
        let c = r.value.commitments.get(commitment).filter(|c| c.confirmed)?;
        Some((r, c.end_of_commitment.as_ref()?))
    })
}
