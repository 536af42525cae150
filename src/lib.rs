//! terbuka: tracks Open Government Partnership commitments and institutions'
//! self-assessments, and writes IRM-style reports.
//!
//! Data flows one way (see `docs/architecture.md`):
//! `cli` → `settings` → `load` → `validate` → `score` → `compare` →
//! `report` → `render` → `typeset` → `output`.

pub mod cli;
pub mod compare;
pub mod cycle;
pub mod diag;
pub mod engine;
pub mod evidence;
pub mod export;
pub mod files;
pub mod fonts;
pub mod load;
pub mod model;
pub mod output;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod score;
pub mod seal;
pub mod settings;
pub mod site;
pub mod tables;
pub mod timings;
pub mod validate;
pub mod watch;

/// The kebab-case name of a serialisable enum value (IRM scales).
pub fn export_kebab<T: serde::Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}
