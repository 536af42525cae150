//! The star under each methodology (`shared/irm.md`, "Computed rules").

use serde::Serialize;

use crate::model::{Completion, Methodology, PotentialImpact};

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
    /// The methodology has no star (`refreshed-2021`), there is no review,
    /// or the commitment was withdrawn.
    NotApplicable,
}

impl StarStatus {
    /// Whether starred.
    pub fn is_starred(&self) -> bool {
        matches!(self, StarStatus::Starred)
    }
}

/// Whether `impact` is ambitious enough for the star of `methodology`:
/// moderate or transformative under rule A (`legacy-2014`), transformative
/// under rule B (`legacy-2015`) and "all three" (`local-pilot-2017`).
pub fn ambitious_enough(methodology: Methodology, impact: Option<PotentialImpact>) -> bool {
    match methodology {
        Methodology::Legacy2014 => matches!(impact, Some(PotentialImpact::Moderate | PotentialImpact::Transformative)),
        Methodology::Legacy2015 | Methodology::LocalPilot2017 => impact == Some(PotentialImpact::Transformative),
        Methodology::Refreshed2021 => false,
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
    if !methodology.has_star() {
        return StarStatus::NotApplicable;
    }
    let high_completion = matches!(completion, Some(Completion::Substantial | Completion::Complete));
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
    if !ambitious_enough(methodology, impact) {
        failed.push(Criterion::PotentialImpact);
    }
    if !high_completion {
        failed.push(Criterion::Completion);
    }
    if failed.is_empty() { StarStatus::Starred } else { StarStatus::NotStarred { failed } }
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
