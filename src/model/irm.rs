//! The IRM's closed scales (`shared/irm.md`), kebab-case in YAML.
//!
//! Every enum is ordered from the lowest to the highest value, so `Ord`
//! compares them as the IRM does.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The IRM methodology version a review follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Methodology {
    /// National progress reports assessed up to mid-2014 (starred rule A).
    #[serde(rename = "legacy-2014")]
    Legacy2014,
    /// National reports 2015–2020 (starred rule B).
    #[serde(rename = "legacy-2015")]
    Legacy2015,
    /// The 15 subnational pioneers, incl. Bojonegoro 2016–17 ("all three").
    #[serde(rename = "local-pilot-2017")]
    LocalPilot2017,
    /// Action plans from 2021 on: no star, "promising" commitments.
    #[serde(rename = "refreshed-2021")]
    Refreshed2021,
}

impl Methodology {
    /// The OGP values a commitment's overview ticks: the refreshed
    /// methodology's open-government lens (its three values, then inclusion
    /// and technology and innovation, which count only in addition), or the
    /// legacy relevance values (also when no review names a methodology).
    pub fn ogp_values(methodology: Option<Methodology>) -> &'static [OgpValue] {
        match methodology {
            Some(Methodology::Refreshed2021) => &[
                OgpValue::Transparency,
                OgpValue::CivicParticipation,
                OgpValue::PublicAccountability,
                OgpValue::Inclusion,
                OgpValue::TechnologyAndInnovation,
            ],
            _ => &[
                OgpValue::AccessToInformation,
                OgpValue::CivicParticipation,
                OgpValue::PublicAccountability,
                OgpValue::TechnologyAndInnovation,
            ],
        }
    }

    /// Whether the methodology stars commitments (`refreshed-2021` marks
    /// promising ones instead).
    pub fn has_star(self) -> bool {
        self != Methodology::Refreshed2021
    }

    /// Whether this is the refreshed methodology (Action Plan Review and
    /// Results Report, verifiability, the open-government lens, potential
    /// for results, promising commitments, early results).
    pub fn is_refreshed(self) -> bool {
        self == Methodology::Refreshed2021
    }

    /// The report stages the methodology has, the default first.
    pub fn stages(self) -> &'static [Stage] {
        match self {
            Methodology::Refreshed2021 => &[Stage::Results, Stage::Design],
            _ => &[Stage::EndOfTerm, Stage::MidTerm],
        }
    }

    /// Every methodology, oldest first.
    pub const ALL: [Methodology; 4] =
        [Methodology::Legacy2014, Methodology::Legacy2015, Methodology::LocalPilot2017, Methodology::Refreshed2021];

    /// The kebab-case name used in YAML.
    pub fn as_str(self) -> &'static str {
        match self {
            Methodology::Legacy2014 => "legacy-2014",
            Methodology::Legacy2015 => "legacy-2015",
            Methodology::LocalPilot2017 => "local-pilot-2017",
            Methodology::Refreshed2021 => "refreshed-2021",
        }
    }
}

/// Report stage of a review. The legacy methodologies have a mid-term
/// progress report and an end-of-term report; the refreshed one has an
/// Action Plan Review (design) and a Results Report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Mid-term (progress) review (legacy).
    MidTerm,
    /// End-of-term review; its star is final (legacy).
    EndOfTerm,
    /// Action Plan Review, at the design stage (refreshed).
    Design,
    /// Results Report, after the plan (refreshed).
    Results,
}

impl Stage {
    /// Every stage.
    pub const ALL: [Stage; 4] = [Stage::MidTerm, Stage::EndOfTerm, Stage::Design, Stage::Results];

    /// The kebab-case name used in YAML.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::MidTerm => "mid-term",
            Stage::EndOfTerm => "end-of-term",
            Stage::Design => "design",
            Stage::Results => "results",
        }
    }

    /// Whether implementation is judged at this stage (completion, did it
    /// open government, early results): not at the design stage.
    pub fn judges_completion(self) -> bool {
        self != Stage::Design
    }

    /// Whether results are judged at this stage: "did it open government?"
    /// at the end of term, early results in the Results Report.
    pub fn judges_results(self) -> bool {
        matches!(self, Stage::EndOfTerm | Stage::Results)
    }
}

/// Specificity (legacy). Verifiable means medium or high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Specificity {
    None,
    Low,
    Medium,
    High,
}

/// Verifiability (refreshed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verifiability {
    NotVerifiable,
    Verifiable,
}

/// OGP values (legacy relevance; `transparency` is the refreshed lens's word
/// for access to information, and `inclusion` is the refreshed lens's
/// addition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OgpValue {
    AccessToInformation,
    CivicParticipation,
    PublicAccountability,
    TechnologyAndInnovation,
    Transparency,
    Inclusion,
}

impl OgpValue {
    /// Whether this value makes a commitment relevant, or gives it an
    /// open-government lens (technology and innovation, or inclusion, alone
    /// does not).
    pub fn counts_for_relevance(self) -> bool {
        !matches!(self, OgpValue::TechnologyAndInnovation | OgpValue::Inclusion)
    }

    /// The kebab-case name used in YAML.
    pub fn as_str(self) -> &'static str {
        match self {
            OgpValue::AccessToInformation => "access-to-information",
            OgpValue::CivicParticipation => "civic-participation",
            OgpValue::PublicAccountability => "public-accountability",
            OgpValue::TechnologyAndInnovation => "technology-and-innovation",
            OgpValue::Transparency => "transparency",
            OgpValue::Inclusion => "inclusion",
        }
    }
}

/// Potential impact (legacy), as if fully implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PotentialImpact {
    None,
    Minor,
    Moderate,
    Transformative,
}

/// Potential for results (refreshed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PotentialForResults {
    Unclear,
    Modest,
    Substantial,
}

/// Completion. High completion means substantial or complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Completion {
    NoEvidenceAvailable,
    NotStarted,
    Limited,
    Substantial,
    Complete,
}

/// Did it open government? Strong early results means major or outstanding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DidItOpenGovernment {
    Worsened,
    DidNotChange,
    Marginal,
    Major,
    Outstanding,
}

/// Level of public influence (IAP2 spectrum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PublicInfluence {
    NoConsultation,
    Inform,
    Consult,
    Involve,
    Collaborate,
    Empower,
}
