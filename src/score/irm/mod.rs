//! The IRM's assessment of each commitment in a period (`shared/irm.md`):
//! the reviewer's fields as the review's methodology and stage define them,
//! completion derived from milestone progress where the reviewer gives
//! none, withdrawal, and the star.
//!
//! [`star`] holds the star's rules, [`milestones`] which milestone reports
//! count and what they add up to, and [`rules`] what each methodology shows
//! (the report asks it, and decides no IRM rule itself).

pub mod milestones;
pub mod rules;
pub mod star;

use serde::Serialize;

use crate::load::Workspace;
use crate::model::{
    Assessment, Completion, Date, DidItOpenGovernment, Id, Methodology, OgpValue, Period, PotentialForResults,
    PotentialImpact, Review, ReviewField, Specificity, Stage, Verifiability,
};
pub use milestones::{derived_completion, milestone_completion};
pub use rules::{Field, GlanceRow, RowLabel, Rules};
pub use star::{Criterion, StarStatus, star};

/// Where a commitment's completion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CompletionSource {
    /// The reviewer gave it.
    Review,
    /// Derived from the milestone progress in the period's assessments.
    Milestones,
}

/// A commitment's IRM fields in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitmentStatus {
    /// The commitment's id.
    pub commitment: Id,
    /// The IRM's number.
    pub number: u32,
    /// The methodology of the period's review.
    pub methodology: Option<Methodology>,
    /// Verifiable, from specificity or verifiability.
    pub verifiable: Option<bool>,
    /// Specificity as reviewed (legacy).
    pub specificity: Option<Specificity>,
    /// Verifiability as reviewed.
    pub verifiability: Option<Verifiability>,
    /// OGP values as reviewed.
    pub relevance: Vec<OgpValue>,
    /// Relevant (at least one value other than technology and innovation
    /// or inclusion); under the refreshed methodology, an open-government lens.
    pub relevant: Option<bool>,
    /// Potential impact (legacy).
    pub potential_impact: Option<PotentialImpact>,
    /// Potential for results (refreshed).
    pub potential_for_results: Option<PotentialForResults>,
    /// Completion (none once withdrawn, or at the design stage).
    pub completion: Option<Completion>,
    /// Where completion came from.
    pub completion_source: Option<CompletionSource>,
    /// On time.
    pub on_time: Option<bool>,
    /// Did it open government?
    pub did_it_open_government: Option<DidItOpenGovernment>,
    /// Withdrawn by government: true from the withdrawal's date on.
    pub withdrawn: bool,
    /// Promising (refreshed-2021).
    pub promising: Option<bool>,
    /// The star.
    pub star: StarStatus,
    /// Some values reconstructed rather than from the public record.
    pub reconstructed: bool,
    /// Which values are reconstructed (every field when the review says
    /// `reconstructed: true`).
    pub reconstructed_fields: Vec<ReviewField>,
    /// Whether the commitment was assessed beyond verifiability.
    pub assessed: bool,
    /// The review's stage.
    pub stage: Option<Stage>,
    /// Early results (refreshed Results Report), a value of the
    /// methodology's early-results scale.
    pub early_results: Option<Id>,
    /// The day it was withdrawn, when that was by the period's end.
    pub withdrawn_on: Option<Date>,
    /// Milestones due by the period's end and not complete in the reports
    /// that count.
    pub overdue: Vec<Id>,
    /// The period lies wholly outside the commitment's span (after its end,
    /// or before its start): no completion, no star, counted apart.
    pub outside: bool,
}

/// The IRM fields of every commitment in `period`, by number.
pub fn assess(
    ws: &Workspace,
    period: Option<&Period>,
    review: Option<&Review>,
    assessments: &[&Assessment],
) -> Vec<CommitmentStatus> {
    let end = period.map_or(Date::MAX, |p| p.end);
    let rules = Rules::of(review);
    let by_period = milestones::reports_by_period(ws, end);
    let mut commitments = ws.commitments.iter().map(|d| &d.value).collect::<Vec<_>>();
    commitments.sort_by(|a, b| a.number.cmp(&b.number).then(a.id.cmp(&b.id)));
    commitments.dedup_by(|a, b| a.id == b.id);
    commitments
        .into_iter()
        .map(|c| {
            let r = review.and_then(|r| r.commitments.get(&c.id)).filter(|r| r.confirmed);
            let methodology = review.map(|r| r.methodology);
            let withdrawn_on = c.withdrawn_by(end).map(|w| w.date);
            let specificity = r.and_then(|r| r.specificity);
            let verifiability = r.and_then(|r| r.verifiability);
            let verifiable = match (verifiability, specificity) {
                (Some(v), _) => Some(v == Verifiability::Verifiable),
                (None, Some(s)) => Some(s >= Specificity::Medium),
                (None, None) => None,
            };
            let relevance = r.map(|r| r.relevance.clone()).unwrap_or_default();
            let relevant = r.map(|_| relevance.iter().any(|v| v.counts_for_relevance()));
            // A period wholly before the commitment's start or after its end
            // has nothing to say of it: it is outside, not "no evidence".
            let outside = period.is_some_and(|p| p.start > c.end || p.end < c.start);
            let (completion, completion_source) = if withdrawn_on.is_some() || outside || !rules.judges_completion() {
                (None, None)
            } else {
                match r.and_then(|r| r.completion) {
                    Some(c) => (Some(c), Some(CompletionSource::Review)),
                    None => (Some(derived_completion(c, assessments)), Some(CompletionSource::Milestones)),
                }
            };
            let potential_impact = r.and_then(|r| r.potential_impact);
            let star = match (methodology, r) {
                (Some(m), Some(_)) if withdrawn_on.is_none() && !outside => {
                    star(m, verifiable, relevant, potential_impact, completion)
                }
                _ => StarStatus::NotApplicable,
            };
            let assessed = verifiable != Some(false);
            let results = rules.judges_results() && assessed;
            let overdue = c
                .milestones
                .iter()
                .filter(|m| !outside && milestones::overdue(c, &by_period, &m.id, m.due, end))
                .map(|m| m.id.clone())
                .collect();
            CommitmentStatus {
                commitment: c.id.clone(),
                number: c.number,
                methodology,
                verifiable,
                specificity,
                verifiability,
                relevance: if assessed { relevance } else { Vec::new() },
                relevant: if assessed { relevant } else { None },
                potential_impact: if assessed { potential_impact } else { None },
                potential_for_results: if assessed { r.and_then(|r| r.potential_for_results) } else { None },
                completion,
                completion_source,
                on_time: r.and_then(|r| r.on_time),
                did_it_open_government: if results { r.and_then(|r| r.did_it_open_government) } else { None },
                withdrawn: withdrawn_on.is_some(),
                promising: r.and_then(|r| r.promising),
                star,
                reconstructed: r.is_some_and(|r| !r.reconstructed.is_none()),
                reconstructed_fields: r.map_or_else(Vec::new, |r| {
                    ReviewField::ALL.iter().copied().filter(|f| r.reconstructed.has(*f)).collect()
                }),
                assessed,
                stage: rules.stage,
                early_results: if results { r.and_then(|r| r.early_results.clone()) } else { None },
                withdrawn_on,
                overdue,
                outside,
            }
        })
        .collect()
}
