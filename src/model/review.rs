//! `reviews/<period>.yaml`: an independent reviewer's IRM-style assessment of
//! the commitments, and reviewer levels for institutions' points.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    CheckAnswer, CoCreationCheck, Completion, Date, DidItOpenGovernment, EndOfCommitment, Id, Level, Methodology,
    OgpValue, PotentialForResults, PotentialImpact, PublicInfluence, Specificity, Stage, Text, Verifiability,
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
    /// The report stage: `mid-term` or `end-of-term` (legacy, default
    /// end-of-term), `design` or `results` (refreshed, default results).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// Who reviewed: the author of the review, credited on the report's
    /// cover. Never the IRM itself: a review that reproduces a published IRM
    /// report names that report under `source`.
    pub reviewer: Reviewer,
    /// The published IRM report whose figures this review reproduces, if
    /// any; the report cites it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<PublishedReport>,
    /// The day the review (for a design stage, the inception assessment)
    /// was finalised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Date>,
    /// The co-creation checks of the inception assessment, each answered
    /// `yes` or `no` with an explanation and evidence.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "super::unique::map")]
    pub co_creation: BTreeMap<CoCreationCheck, CheckAnswer>,
    /// The multi-stakeholder process during the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<ProcessReview>,
    /// The review's summary: for the inception assessment, the plan's
    /// overview; for the Results Report, its main findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// The factors that affected implementation (Results Report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factors: Option<Text>,
    /// Lessons learnt across the cycle (Results Report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lessons: Option<Text>,
    /// Recommendations for the next action plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Text>,
    /// Commitment id → IRM fields.
    #[serde(default, deserialize_with = "super::unique::map")]
    pub commitments: BTreeMap<Id, CommitmentReview>,
    /// Institution id → point id → reviewer's level.
    #[serde(default, deserialize_with = "super::unique::nested")]
    pub institutions: BTreeMap<Id, BTreeMap<Id, PointReview>>,
}

impl Review {
    /// The stage, or the methodology's default stage.
    pub fn stage(&self) -> Stage {
        self.stage.unwrap_or(self.methodology.stages()[0])
    }
}

/// The reviewer: a person, an organisation or a Local Monitoring Body.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Reviewer {
    /// Full name of the person or body.
    pub name: String,
    /// Organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// What kind of reviewer: `person` (the default), `organisation` or
    /// `local-monitoring-body`.
    #[serde(default)]
    pub kind: ReviewerKind,
}

/// What kind of body reviewed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewerKind {
    /// An independent reviewer.
    #[default]
    Person,
    /// An organisation (a university, a civil-society organisation).
    Organisation,
    /// An OGP Local member's Local Monitoring Body.
    LocalMonitoringBody,
}

/// A published IRM report that a review reproduces.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PublishedReport {
    /// Title as published, e.g. `Bojonegoro Final IRM Report 2017`.
    pub title: Text,
    /// The IRM researcher who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The researcher's organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
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
/// `verifiability`), `potential-impact` and, at the end of term,
/// `did-it-open-government`; refreshed reviews give `verifiability`,
/// `potential-for-results`, `promising` and, in the Results Report,
/// `early-results`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CommitmentReview {
    /// `false` while carried forward from the previous review by
    /// `terbuka new review` and not yet confirmed: reports leave the
    /// commitment's values out until the reviewer confirms them.
    #[serde(default = "super::assessment::yes", skip_serializing_if = "super::assessment::is_true")]
    pub confirmed: bool,
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
    /// Early results (refreshed-2021 Results Report), a value of the
    /// early-results scale in `methodologies/refreshed-2021.yaml` (shipped
    /// with terbuka; a workspace may override it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub early_results: Option<Id>,
    /// Which values were reconstructed rather than taken from the public
    /// record: `true` (all of them), or a list of the fields, e.g.
    /// `[specificity, potential-impact]`.
    #[serde(default, skip_serializing_if = "Reconstructed::is_none")]
    pub reconstructed: Reconstructed,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The end-of-commitment assessment (refreshed-2021), once the
    /// commitment is fully implemented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_commitment: Option<EndOfCommitment>,
}

/// The reviewer's level for one institution's point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PointReview {
    /// `false` while carried forward from the previous review and not yet
    /// confirmed: it does not count until confirmed.
    #[serde(default = "super::assessment::yes", skip_serializing_if = "super::assessment::is_true")]
    pub confirmed: bool,
    /// Level the reviewer finds.
    pub level: Level,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A field of a commitment's review, as named in YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewField {
    Specificity,
    Verifiability,
    Relevance,
    PotentialImpact,
    PotentialForResults,
    Completion,
    OnTime,
    DidItOpenGovernment,
    Promising,
    EarlyResults,
}

impl ReviewField {
    /// Every field, in the order reports show them.
    pub const ALL: [ReviewField; 10] = [
        ReviewField::Specificity,
        ReviewField::Verifiability,
        ReviewField::Relevance,
        ReviewField::PotentialImpact,
        ReviewField::PotentialForResults,
        ReviewField::Completion,
        ReviewField::OnTime,
        ReviewField::DidItOpenGovernment,
        ReviewField::Promising,
        ReviewField::EarlyResults,
    ];
}

/// Which review values are reconstructed: all (`true`), none (`false`, the
/// default), or the fields listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Reconstructed {
    /// `true`: every value; `false`: none.
    All(bool),
    /// The fields listed.
    Fields(Vec<ReviewField>),
}

impl Default for Reconstructed {
    fn default() -> Self {
        Reconstructed::All(false)
    }
}

impl Reconstructed {
    /// Whether no value is reconstructed.
    pub fn is_none(&self) -> bool {
        match self {
            Reconstructed::All(all) => !all,
            Reconstructed::Fields(f) => f.is_empty(),
        }
    }

    /// Whether `field` is reconstructed.
    pub fn has(&self, field: ReviewField) -> bool {
        match self {
            Reconstructed::All(all) => *all,
            Reconstructed::Fields(f) => f.contains(&field),
        }
    }
}

impl<'de> Deserialize<'de> for Reconstructed {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Reconstructed;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("`true`, `false` or a list of review fields")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Reconstructed, E> {
                Ok(Reconstructed::All(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Reconstructed, A::Error> {
                let mut fields = Vec::new();
                while let Some(f) = seq.next_element::<ReviewField>()? {
                    fields.push(f);
                }
                Ok(Reconstructed::Fields(fields))
            }
        }
        d.deserialize_any(V)
    }
}
