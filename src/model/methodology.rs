//! `methodologies/<version>.yaml`: what an IRM methodology keeps as data
//! rather than as code, because the public sources do not confirm it
//! (`shared/irm.md`): today the refreshed methodology's early-results scale.
//!
//! terbuka ships one such file per methodology that needs it
//! ([`builtin`]); a workspace overrides it with a file of the same name.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Methodology, OgpValue, Text};

/// A methodology's data.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "methodology")]
pub struct MethodologyFile {
    /// The methodology version; must equal the file name.
    pub methodology: Methodology,
    /// The scale of early results (the refreshed Results Report's field
    /// that replaced "did it open government?").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub early_results: Option<ResultScale>,
    /// The end-of-commitment assessment's degree of change per OGP value
    /// ("did it open government?").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub degree_of_change: Option<ResultScale>,
    /// The end-of-commitment assessment's immediate results, per OGP value:
    /// the values a reviewer chooses from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub immediate_results: BTreeMap<OgpValue, ResultScale>,
}

/// A scale kept as data, lowest value first.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ResultScale {
    /// Whether the public sources confirm the scale; reports say so when
    /// they do not.
    pub confirmed: bool,
    /// Where the values come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// The values, lowest first.
    pub levels: Vec<ResultLevel>,
}

/// One value of a [`ResultScale`].
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ResultLevel {
    /// The value as written in reviews, e.g. `marginal`.
    pub id: Id,
    /// Its name.
    pub label: Text,
}

impl ResultScale {
    /// The value `id`, if the scale has it.
    pub fn level(&self, id: &str) -> Option<&ResultLevel> {
        self.levels.iter().find(|l| l.id == id)
    }
}

const REFRESHED_2021: &str = include_str!("../methodologies/refreshed-2021.yaml");

/// The file terbuka ships for `methodology`, as (file name, text).
pub fn builtin_text(methodology: Methodology) -> Option<(&'static str, &'static str)> {
    match methodology {
        Methodology::Refreshed2021 => Some(("methodologies/refreshed-2021.yaml", REFRESHED_2021)),
        _ => None,
    }
}

/// The data terbuka ships for `methodology` (a test parses every shipped
/// file, so this never falls back in a release).
pub fn builtin(methodology: Methodology) -> Option<&'static MethodologyFile> {
    static REFRESHED: OnceLock<Option<MethodologyFile>> = OnceLock::new();
    match methodology {
        Methodology::Refreshed2021 => REFRESHED.get_or_init(|| serde_yaml::from_str(REFRESHED_2021).ok()).as_ref(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_file_parses_and_names_its_methodology() {
        for m in Methodology::ALL {
            if let Some((name, _)) = builtin_text(m) {
                let file = builtin(m).unwrap_or_else(|| panic!("{name} does not parse"));
                assert_eq!(file.methodology, m);
                assert_eq!(name, format!("methodologies/{}.yaml", m.as_str()));
            }
        }
        let scale = builtin(Methodology::Refreshed2021).and_then(|f| f.early_results.as_ref());
        let ids = scale.map(|s| s.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>());
        assert_eq!(ids, Some(vec!["no-notable-results", "marginal", "moderate", "significant"]));
        assert_eq!(scale.map(|s| s.confirmed), Some(false), "shared/irm.md: the scale is not confirmed");
    }
}
