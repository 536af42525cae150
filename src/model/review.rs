//! `reviews/<period>.yaml`: an independent reviewer's IRM-style assessment of
//! the commitments, and reviewer levels for institutions' points.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Completion, DidItOpenGovernment, Id, Level, Methodology, OgpValue, PotentialForResults, PotentialImpact,
    PublicInfluence, Specificity, Stage, Text, Verifiability,
};

/// A review of one period.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "review")]
pub struct Review {
    /// Id of the period; must equal the file name.
    pub period: Id,
    /// The IRM methodology version the review follows.
    pub methodology: Methodology,
    /// Mid-term or end-of-term.
    #[serde(default)]
    pub stage: Stage,
    /// Who reviewed.
    pub reviewer: Reviewer,
    /// The multi-stakeholder process during the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<ProcessReview>,
    /// Commitment id → IRM fields.
    #[serde(default, deserialize_with = "super::unique::map")]
    pub commitments: BTreeMap<Id, CommitmentReview>,
    /// Institution id → point id → reviewer's level.
    #[serde(default, deserialize_with = "super::unique::nested")]
    pub institutions: BTreeMap<Id, BTreeMap<Id, PointReview>>,
}

/// The reviewer.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Reviewer {
    /// Full name.
    pub name: String,
    /// Organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

/// The process, as the IRM assesses it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProcessReview {
    /// Level of public influence while the plan was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence_development: Option<PublicInfluence>,
    /// Level of public influence while it was carried out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence_implementation: Option<PublicInfluence>,
    /// Number of times the multi-stakeholder forum met in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forum_meetings: Option<u32>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// IRM fields for one commitment. Legacy reviews give `specificity` (or
/// `verifiability`) and `potential-impact`; refreshed reviews give
/// `verifiability` and `potential-for-results`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CommitmentReview {
    /// Specificity (legacy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specificity: Option<Specificity>,
    /// Verifiability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verifiability: Option<Verifiability>,
    /// OGP values the commitment is relevant to.
    #[serde(default)]
    pub relevance: Vec<OgpValue>,
    /// Potential impact (legacy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential_impact: Option<PotentialImpact>,
    /// Potential for results (refreshed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential_for_results: Option<PotentialForResults>,
    /// Completion; when empty, derived from milestone progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<Completion>,
    /// Whether the commitment was on time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_time: Option<bool>,
    /// Did it open government?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub did_it_open_government: Option<DidItOpenGovernment>,
    /// A promising commitment (refreshed-2021 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promising: Option<bool>,
    /// True when values were reconstructed rather than taken from the public record.
    #[serde(default)]
    pub reconstructed: bool,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The reviewer's level for one institution's point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PointReview {
    /// Level the reviewer finds.
    pub level: Level,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
