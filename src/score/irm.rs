//! The IRM's assessment of each commitment in a period (`shared/irm.md`):
//! the reviewer's fields, completion derived from milestone progress where
//! the reviewer gives none, and the star under the methodology the review
//! names.

use serde::Serialize;

use crate::load::Workspace;
use crate::model::{
    Assessment, Commitment, Completion, DidItOpenGovernment, Id, Methodology, OgpValue, PotentialForResults,
    PotentialImpact, Review, Specificity, Verifiability,
};

/// Where a commitment's completion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CompletionSource {
    /// The reviewer gave it.
    Review,
    /// Derived from the milestone progress in the period's assessments.
    Milestones,
}

/// A criterion of the star.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criterion {
    /// Verifiable (specificity medium or high, or `verifiable`).
    Verifiable,
    /// Relevant to access to information, civic participation or public accountability.
    Relevant,
    /// Potential impact high enough for the methodology.
    PotentialImpact,
    /// Completion substantial or complete.
    Completion,
}

impl Criterion {
    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::Verifiable => "verifiable",
            Criterion::Relevant => "relevant",
            Criterion::PotentialImpact => "potential-impact",
            Criterion::Completion => "completion",
        }
    }
}

/// Whether a commitment is starred, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum StarStatus {
    /// Meets every criterion.
    Starred,
    /// Fails the listed criteria (the first is why it stopped when it is
    /// not verifiable: such a commitment is not assessed further).
    NotStarred { failed: Vec<Criterion> },
    /// The methodology has no star (`refreshed-2021`), or there is no review.
    NotApplicable,
}

impl StarStatus {
    /// Whether starred.
    pub fn is_starred(&self) -> bool {
        matches!(self, StarStatus::Starred)
    }
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
    /// Relevant (at least one value other than technology and innovation).
    pub relevant: Option<bool>,
    /// Potential impact (legacy).
    pub potential_impact: Option<PotentialImpact>,
    /// Potential for results (refreshed).
    pub potential_for_results: Option<PotentialForResults>,
    /// Completion.
    pub completion: Option<Completion>,
    /// Where completion came from.
    pub completion_source: Option<CompletionSource>,
    /// On time.
    pub on_time: Option<bool>,
    /// Did it open government?
    pub did_it_open_government: Option<DidItOpenGovernment>,
    /// Withdrawn by government.
    pub withdrawn: bool,
    /// Promising (refreshed-2021).
    pub promising: Option<bool>,
    /// The star.
    pub star: StarStatus,
    /// Values reconstructed rather than from the public record.
    pub reconstructed: bool,
    /// Whether the commitment was assessed beyond verifiability.
    pub assessed: bool,
}

/// One milestone's completion and the institution whose report gives it:
/// the lead institution's report when there is one, else the lowest report
/// of any other institution (ties go to the first by id). Progress carried
/// over and not yet confirmed is not a report.
pub fn milestone_completion<'a>(
    commitment: &Commitment,
    assessments: &[&'a Assessment],
    milestone: &str,
) -> Option<(Completion, &'a Id)> {
    let reports = || {
        assessments.iter().filter_map(move |a| {
            a.commitments
                .get(&commitment.id)
                .and_then(|m| m.get(milestone))
                .filter(|p| p.confirmed)
                .map(|p| (p.completion, &a.institution))
        })
    };
    reports().find(|(_, who)| **who == commitment.lead).or_else(|| reports().min())
}

/// Derives a commitment's completion from milestone progress.
///
/// Each milestone takes the lead institution's report when there is one,
/// else the lowest report of any other institution. Then: no report at
/// all → `no-evidence-available`; every milestone complete → `complete`;
/// none started (unreported counts as not started) → `not-started`; an
/// average of at least "substantial" (scoring not started 0, limited 1,
/// substantial 2, complete 3; no-evidence counts 0) → `substantial`; else
/// `limited`.
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

/// The star under `methodology`, with every failed criterion.
pub fn star(
    methodology: Methodology,
    verifiable: Option<bool>,
    relevant: Option<bool>,
    impact: Option<PotentialImpact>,
    completion: Option<Completion>,
) -> StarStatus {
    let high_completion = matches!(completion, Some(Completion::Substantial | Completion::Complete));
    let impact_ok = match methodology {
        Methodology::Legacy2014 => matches!(impact, Some(PotentialImpact::Moderate | PotentialImpact::Transformative)),
        Methodology::Legacy2015 | Methodology::LocalPilot2017 => impact == Some(PotentialImpact::Transformative),
        Methodology::Refreshed2021 => return StarStatus::NotApplicable,
    };
    // A non-verifiable commitment is not assessed further. For the pilot,
    // verifiability is implied unless the review says otherwise.
    let verifiable_ok = match methodology {
        Methodology::LocalPilot2017 => verifiable != Some(false),
        _ => verifiable == Some(true),
    };
    if !verifiable_ok {
        return StarStatus::NotStarred { failed: vec![Criterion::Verifiable] };
    }
    let mut failed = Vec::new();
    if relevant != Some(true) {
        failed.push(Criterion::Relevant);
    }
    if !impact_ok {
        failed.push(Criterion::PotentialImpact);
    }
    if !high_completion {
        failed.push(Criterion::Completion);
    }
    if failed.is_empty() { StarStatus::Starred } else { StarStatus::NotStarred { failed } }
}

/// The IRM fields of every commitment in a period, by number.
pub fn assess(ws: &Workspace, review: Option<&Review>, assessments: &[&Assessment]) -> Vec<CommitmentStatus> {
    let mut commitments = ws.commitments.iter().map(|d| &d.value).collect::<Vec<_>>();
    commitments.sort_by(|a, b| a.number.cmp(&b.number).then(a.id.cmp(&b.id)));
    commitments.dedup_by(|a, b| a.id == b.id);
    commitments
        .into_iter()
        .map(|c| {
            let r = review.and_then(|r| r.commitments.get(&c.id));
            let methodology = review.map(|r| r.methodology);
            let specificity = r.and_then(|r| r.specificity);
            let verifiability = r.and_then(|r| r.verifiability);
            let verifiable = match (verifiability, specificity) {
                (Some(v), _) => Some(v == Verifiability::Verifiable),
                (None, Some(s)) => Some(s >= Specificity::Medium),
                (None, None) => None,
            };
            let relevance = r.map(|r| r.relevance.clone()).unwrap_or_default();
            let relevant = r.map(|_| relevance.iter().any(|v| v.counts_for_relevance()));
            let (completion, completion_source) = match r.and_then(|r| r.completion) {
                Some(c) => (Some(c), Some(CompletionSource::Review)),
                None => (Some(derived_completion(c, assessments)), Some(CompletionSource::Milestones)),
            };
            let potential_impact = r.and_then(|r| r.potential_impact);
            let star = match (methodology, r) {
                (Some(m), Some(_)) => star(m, verifiable, relevant, potential_impact, completion),
                _ => StarStatus::NotApplicable,
            };
            let assessed = verifiable != Some(false);
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
                did_it_open_government: if assessed { r.and_then(|r| r.did_it_open_government) } else { None },
                withdrawn: c.status == crate::model::CommitmentStatus::Withdrawn,
                promising: r.and_then(|r| r.promising),
                star,
                reconstructed: r.is_some_and(|r| r.reconstructed),
                assessed,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Completion::{Complete, Limited, NotStarted, Substantial};
    use Methodology::*;
    use PotentialImpact::{Minor, Moderate, Transformative};

    #[test]
    fn rule_a_accepts_moderate_rule_b_does_not() {
        assert_eq!(star(Legacy2014, Some(true), Some(true), Some(Moderate), Some(Substantial)), StarStatus::Starred);
        assert_eq!(
            star(Legacy2015, Some(true), Some(true), Some(Moderate), Some(Substantial)),
            StarStatus::NotStarred { failed: vec![Criterion::PotentialImpact] }
        );
        assert_eq!(star(Legacy2015, Some(true), Some(true), Some(Transformative), Some(Complete)), StarStatus::Starred);
    }

    #[test]
    fn non_verifiable_is_not_assessed_further() {
        assert_eq!(
            star(Legacy2014, Some(false), Some(false), None, Some(Limited)),
            StarStatus::NotStarred { failed: vec![Criterion::Verifiable] }
        );
        assert_eq!(
            star(LocalPilot2017, Some(false), Some(true), Some(Transformative), Some(Complete)),
            StarStatus::NotStarred { failed: vec![Criterion::Verifiable] }
        );
    }

    #[test]
    fn pilot_needs_all_three() {
        assert_eq!(
            star(LocalPilot2017, None, Some(true), Some(Transformative), Some(Substantial)),
            StarStatus::Starred
        );
        assert_eq!(
            star(LocalPilot2017, Some(true), Some(true), Some(Transformative), Some(Limited)),
            StarStatus::NotStarred { failed: vec![Criterion::Completion] }
        );
        assert_eq!(
            star(LocalPilot2017, Some(true), Some(false), Some(Minor), Some(NotStarted)),
            StarStatus::NotStarred {
                failed: vec![Criterion::Relevant, Criterion::PotentialImpact, Criterion::Completion]
            }
        );
        assert_eq!(star(Refreshed2021, Some(true), Some(true), None, Some(Complete)), StarStatus::NotApplicable);
    }
}
