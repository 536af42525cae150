//! `rubrics/<id>.yaml`: the eight-point rubric institutions score themselves
//! against.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Text};

/// A level on the rubric's scale.
pub type Level = u32;

/// A self-assessment rubric.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "rubric")]
pub struct Rubric {
    /// Identifier; must equal the file name without `.yaml`.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Where the rubric comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// The ordered levels, lowest first.
    pub scale: Vec<ScaleLevel>,
    /// Thresholds for the per-point recommendation (default: maintain from
    /// 3, improve from 1, both capped at the top of the scale).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendations: Option<Recommendations>,
    /// The points, in order.
    pub points: Vec<Point>,
}

/// One level of the scale.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ScaleLevel {
    /// The level's number.
    pub level: Level,
    /// Its name.
    pub label: Text,
}

/// Thresholds on the evidence-backed level: at or above `maintain-from`,
/// *maintain & extend*; at or above `improve-from`, *improve*; below, *start*.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Recommendations {
    /// Lowest level that is kept and extended.
    pub maintain_from: Level,
    /// Lowest level that is improved rather than started.
    pub improve_from: Level,
}

impl Rubric {
    /// The recommendation thresholds in force.
    pub fn thresholds(&self) -> Recommendations {
        let top = self.scale.iter().map(|s| s.level).max().unwrap_or(0);
        self.recommendations.clone().unwrap_or(Recommendations { maintain_from: 3.min(top), improve_from: 1.min(top) })
    }
}

/// One point of the rubric (one of the Bupati's eight).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Point {
    /// Identifier, used as the key in assessments.
    pub id: Id,
    /// The point's number (1–8 for the Bupati's points).
    pub number: u32,
    /// Title.
    pub title: Text,
    /// Longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Weight in the institution's index; a positive whole number.
    #[serde(default = "default_weight")]
    pub weight: i64,
    /// What each level means for this point.
    #[serde(deserialize_with = "super::unique::map")]
    pub descriptors: BTreeMap<Level, Text>,
    /// A claimed level at or above this needs at least one evidence item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_required_from: Option<Level>,
    /// Points this one builds on.
    #[serde(default)]
    pub requires: Vec<Id>,
}

fn default_weight() -> i64 {
    1
}
