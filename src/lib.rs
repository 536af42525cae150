//! terbuka: tracks Open Government Partnership commitments and institutions'
//! self-assessments, and writes IRM-style reports.
//!
//! Data flows one way (see `docs/architecture.md`):
//! `cli` → `settings` → `load` → `validate` → `score` → `compare` →
//! `report` → `render` → `typeset` → `output`.

pub mod cli;
pub mod diag;
pub mod evidence;
pub mod load;
pub mod model;
pub mod output;
pub mod schema;
pub mod score;
pub mod settings;
pub mod validate;
