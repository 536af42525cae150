//! `commitments/<id>.yaml`: an action-plan commitment and its milestones.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Id, Modification, OgpValue, Text};

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
    /// When and why government withdrew the commitment, if it did.
    /// Withdrawal is a status of its own, not a completion level: reports
    /// show it from its date on and count it apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
    /// Milestones, in order.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Whom citizens write to about this commitment (the site shows it on
    /// the commitment's page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The cluster (`action-plan: clusters:` in terbuka.yaml) the
    /// commitment belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Id>,
    /// Dated changes to the commitment since the plan was submitted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifications: Vec<Modification>,
}

/// A commitment's withdrawal by government.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Withdrawal {
    /// The day it was withdrawn.
    pub date: Date,
    /// Why.
    pub reason: Text,
}

impl Commitment {
    /// The withdrawal, if it happened on or before `day`.
    pub fn withdrawn_by(&self, day: Date) -> Option<&Withdrawal> {
        self.withdrawn.as_ref().filter(|w| w.date <= day)
    }
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

/// A named person to contact about a commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Contact {
    /// The official's name.
    pub name: String,
    /// Their position, e.g. Kepala Bidang Statistik.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// An e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}
