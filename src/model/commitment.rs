//! `commitments/<id>.yaml`: an action-plan commitment and its milestones.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Id, OgpValue, Text};

/// One commitment of the action plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "commitment")]
pub struct Commitment {
    /// Identifier; must equal the file name without `.yaml`.
    pub id: Id,
    /// The IRM's number for the commitment.
    pub number: u32,
    /// Title.
    pub title: Text,
    /// Id of the lead institution.
    pub lead: Id,
    /// Ids of supporting institutions.
    #[serde(default)]
    pub supporting: Vec<Id>,
    /// The problem the commitment addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Text>,
    /// What the commitment sets out to achieve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<Text>,
    /// OGP values the government states the commitment serves.
    #[serde(default)]
    pub ogp_values: Vec<OgpValue>,
    /// First day of implementation.
    pub start: Date,
    /// Last day of implementation.
    pub end: Date,
    /// Whether the commitment is active or was withdrawn by government.
    #[serde(default)]
    pub status: CommitmentStatus,
    /// Milestones, in order.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// A commitment's status; withdrawal is not a completion level (IRM).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CommitmentStatus {
    /// Being carried out.
    #[default]
    Active,
    /// Withdrawn by government.
    Withdrawn,
}

/// A verifiable step of a commitment.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Milestone {
    /// Identifier, unique within the commitment, e.g. `m1`.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Planned start, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Due date.
    pub due: Date,
    /// What is delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliverable: Option<Text>,
}
