//! Milestone progress as the IRM-style report counts it: which report of a
//! milestone counts, the completion a commitment derives from its
//! milestones, and which milestones are overdue.
//!
//! A report counts when it is confirmed (not carried over unchecked) and,
//! at `limited` or above, cites evidence: progress is a claim like a
//! rubric point, and an unbacked claim does not count (warning W009).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::Workspace;
use crate::model::{Assessment, Commitment, Completion, Date, Id, MilestoneProgress};

/// Why a milestone report is left out of the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Uncounted {
    /// Carried over from the previous period and not yet confirmed (W006).
    Unconfirmed,
    /// `limited` or above with no evidence (W009).
    Unbacked,
}

/// Whether a report of milestone progress counts, and why not.
pub fn uncounted(p: &MilestoneProgress) -> Option<Uncounted> {
    if !p.confirmed.get() {
        Some(Uncounted::Unconfirmed)
    } else if needs_evidence(p.completion) && p.evidence.is_empty() {
        Some(Uncounted::Unbacked)
    } else {
        None
    }
}

/// Whether a report at `completion` needs evidence: `limited` and above.
pub fn needs_evidence(completion: Completion) -> bool {
    completion >= Completion::Limited
}

/// Every institution's report of one milestone: (completion, institution,
/// why it is not counted).
pub fn reports<'a>(
    commitment: &'a Commitment,
    assessments: &'a [&'a Assessment],
    milestone: &'a str,
) -> impl Iterator<Item = (Completion, &'a Id, Option<Uncounted>)> + 'a {
    assessments.iter().filter_map(move |a| {
        a.commitments
            .get(&commitment.id)
            .and_then(|m| m.get(milestone))
            .map(|p| (p.completion, &a.institution, uncounted(p)))
    })
}

/// One milestone's completion and the institution whose report gives it:
/// the lead institution's counted report when there is one, else the
/// lowest counted report of any other institution (ties go to the first
/// by id). Reports that do not count ([`uncounted`]) are passed over.
pub fn milestone_completion<'a>(
    commitment: &Commitment,
    assessments: &[&'a Assessment],
    milestone: &str,
) -> Option<(Completion, &'a Id)> {
    let counted = || {
        assessments.iter().filter_map(move |a| {
            a.commitments
                .get(&commitment.id)
                .and_then(|m| m.get(milestone))
                .filter(|p| uncounted(p).is_none())
                .map(|p| (p.completion, &a.institution))
        })
    };
    counted().find(|(_, who)| **who == commitment.lead).or_else(|| counted().min())
}

/// Derives a commitment's completion from milestone progress.
///
/// Each milestone takes the lead institution's counted report when there
/// is one, else the lowest counted report of any other institution. Then:
/// no counted report at all → `no-evidence-available`; every milestone
/// complete → `complete`; none started (unreported counts as not started)
/// → `not-started`; an average of at least "substantial" (scoring not
/// started 0, limited 1, substantial 2, complete 3; no-evidence counts 0)
/// → `substantial`; else `limited`. The period report prints this rule in
/// its methodology section.
pub fn derived_completion(commitment: &Commitment, assessments: &[&Assessment]) -> Completion {
    let mut any = false;
    let mut sum = 0u32;
    let mut all_complete = !commitment.milestones.is_empty();
    for m in &commitment.milestones {
        let value = milestone_completion(commitment, assessments, &m.id).map(|(c, _)| c);
        any |= value.is_some();
        let c = value.unwrap_or(Completion::NotStarted);
        all_complete &= c == Completion::Complete;
        sum += match c {
            Completion::NoEvidenceAvailable | Completion::NotStarted => 0,
            Completion::Limited => 1,
            Completion::Substantial => 2,
            Completion::Complete => 3,
        };
    }
    let n = commitment.milestones.len() as u32;
    if !any {
        Completion::NoEvidenceAvailable
    } else if all_complete {
        Completion::Complete
    } else if sum == 0 {
        Completion::NotStarted
    } else if sum >= 2 * n {
        Completion::Substantial
    } else {
        Completion::Limited
    }
}

/// Whether a milestone due on `due` is overdue at the end of a period
/// (`period_end`): due by then and complete in no period's reports that
/// count (`by_period`: one list per period ending by then, see
/// [`reports_by_period`]; a milestone complete once stays complete). A
/// withdrawn commitment has no overdue milestones.
pub fn overdue(
    commitment: &Commitment,
    by_period: &[Vec<&Assessment>],
    milestone: &str,
    due: Date,
    period_end: Date,
) -> bool {
    due <= period_end
        && commitment.withdrawn_by(period_end).is_none()
        && !by_period.iter().any(|reports| {
            milestone_completion(commitment, reports, milestone).map(|(c, _)| c) == Some(Completion::Complete)
        })
}

/// The assessments of every period that ends by `end`, one list per period
/// (all periods when the manifest does not load).
pub fn reports_by_period(ws: &Workspace, end: Date) -> Vec<Vec<&Assessment>> {
    let ends = ws
        .manifest
        .as_ref()
        .map(|m| m.value.periods.iter().map(|p| (p.id.as_str(), p.end)).collect::<BTreeMap<_, _>>());
    let mut by_period = BTreeMap::<&str, Vec<&Assessment>>::new();
    for a in ws.assessments.iter().map(|d| &d.value) {
        let counts = match &ends {
            Some(ends) => ends.get(a.period.as_str()).is_some_and(|e| *e <= end),
            None => true,
        };
        if counts {
            by_period.entry(a.period.as_str()).or_default().push(a);
        }
    }
    by_period.into_values().collect()
}
