//! `rubrics/<id>.yaml`: the rubric institutions score themselves against
//! (the sample's is the eight points the Bupati of Bojonegoro set; any
//! number of points on any scale works).

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
    /// Who set the points, e.g. `the Bupati of Bojonegoro` (reports say
    /// "the points set by …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Text>,
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
    /// The rule in the words of whoever set it, printed with the
    /// recommendations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Text>,
    /// The names of the three recommendations, when the rubric words them
    /// its own way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<RecommendationLabels>,
}

/// The rubric's own names for the three recommendations.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RecommendationLabels {
    /// At or above `maintain-from`.
    pub maintain: Text,
    /// From `improve-from`.
    pub improve: Text,
    /// Below `improve-from`.
    pub start: Text,
}

impl Rubric {
    /// The recommendation thresholds in force.
    pub fn thresholds(&self) -> Recommendations {
        let top = self.scale.iter().map(|s| s.level).max().unwrap_or(0);
        self.recommendations.clone().unwrap_or(Recommendations {
            maintain_from: 3.min(top),
            improve_from: 1.min(top),
            rule: None,
            labels: None,
        })
    }

    /// The lowest and highest level of the scale (0, 0 for an empty scale).
    pub fn range(&self) -> (Level, Level) {
        let levels = || self.scale.iter().map(|s| s.level);
        (levels().min().unwrap_or(0), levels().max().unwrap_or(0))
    }
}

/// One point of the rubric.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Point {
    /// Identifier, used as the key in assessments.
    pub id: Id,
    /// The point's number, as reports print it.
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

/// The largest weight a point may have: weights compare points with each
/// other, and a bound keeps every index's arithmetic far from overflow
/// (`validate` refuses a larger one with E021; `load` names it when a
/// weight is far too large for any number).
pub const MAX_WEIGHT: i64 = 1000;
