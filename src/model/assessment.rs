//! `assessments/<period>/<institution>.yaml`: an institution's
//! self-assessment for one period.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Completion, Date, Id, Level, Text};

/// One institution's self-assessment for one period.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "assessment")]
pub struct Assessment {
    /// Id of the institution; must equal the file name.
    pub institution: Id,
    /// Id of the period; must equal the directory name.
    pub period: Id,
    /// Who filled it in.
    pub assessor: Assessor,
    /// Date it was submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Date>,
    /// One entry per rubric point, keyed by the point's id.
    #[serde(deserialize_with = "super::unique::map")]
    pub points: BTreeMap<Id, PointAssessment>,
    /// Progress on milestones the institution leads or supports: commitment
    /// id → milestone id → progress.
    #[serde(default, deserialize_with = "super::unique::nested")]
    pub commitments: BTreeMap<Id, BTreeMap<Id, MilestoneProgress>>,
}

/// The person who filled in the assessment.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Assessor {
    /// Full name.
    pub name: String,
    /// Role, e.g. focal point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// The institution's claim on one rubric point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PointAssessment {
    /// The level claimed.
    pub level: Level,
    /// `false` while the point is still as `terbuka new assessment` carried
    /// it over from the previous period: the focal point has not yet checked
    /// it. An unconfirmed point scores as the lowest level (warning W006).
    #[serde(default, skip_serializing_if = "Confirmed::unwritten")]
    pub confirmed: Confirmed,
    /// Why the institution claims that level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<Text>,
    /// What shows it.
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
}

/// A piece of evidence: a workspace file or an http(s) URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EvidenceItem {
    /// Path relative to the workspace root, e.g. `evidence/diskominfo/sk.pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// An http or https address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the evidence shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Date of the evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// Progress on one milestone.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MilestoneProgress {
    /// Completion on IRM's scale.
    pub completion: Completion,
    /// `false` while the progress is still as carried over from the previous
    /// period; unconfirmed progress is not counted (warning W006).
    #[serde(default, skip_serializing_if = "Confirmed::unwritten")]
    pub confirmed: Confirmed,
    /// What was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// What shows it.
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
}

/// The `confirmed:` line of a point or milestone: whether the focal point
/// confirmed what `terbuka new assessment` carried forward (`true` when the
/// line is absent), and whether the file has the line at all. The second is
/// known from deserialising, so a rule that asks it (W013) needs no location
/// index; it survives the parse cache, which writes a written value back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Confirmed {
    value: bool,
    written: bool,
}

impl Confirmed {
    /// `confirmed: value`, as written in a file.
    pub const fn new(value: bool) -> Confirmed {
        Confirmed { value, written: true }
    }

    /// Whether the entry counts as confirmed.
    pub const fn get(self) -> bool {
        self.value
    }

    /// Whether the file has a `confirmed:` line for the entry.
    pub const fn written(self) -> bool {
        self.written
    }

    #[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's skip_serializing_if passes a reference")]
    fn unwritten(&self) -> bool {
        !self.written
    }
}

impl Default for Confirmed {
    /// No `confirmed:` line: confirmed.
    fn default() -> Confirmed {
        Confirmed { value: true, written: false }
    }
}

impl Serialize for Confirmed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(self.value)
    }
}

impl<'de> Deserialize<'de> for Confirmed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Confirmed, D::Error> {
        bool::deserialize(deserializer).map(Confirmed::new)
    }
}

impl JsonSchema for Confirmed {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        bool::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        bool::json_schema(generator)
    }
}

pub(super) fn yes() -> bool {
    true
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's skip_serializing_if passes a reference")]
pub(super) fn is_true(b: &bool) -> bool {
    *b
}
