//! Every rule terbuka checks, by code: the index (`diag::Code`: code, name,
//! severity, home) joined to each rule's documentation, which its family
//! file writes beside the rule's constructor and check.
//!
//! The families live in the lowest layer that raises their codes:
//!
//! | home | codes |
//! |---|---|
//! | `load::rules` | E001–E007, E010 (the rules of form: reading and parsing) |
//! | `validate::rules::<family>` | E011–E052, E070, E071, the warnings (see `validate::rules`) |
//! | `report::rules` | E060, E061 (making a report) |
//!
//! A code raised from several layers (E005 and E010 by `load` and
//! `validate`) has its home in the lowest, and the others call its
//! constructor, so that no layer imports one above it.
//!
//! **Adding a rule**: a line in the index (`src/diag/code.rs`), a section in
//! its family file (its `RuleDoc`, its constructor, its check), a fixture
//! and its snapshots (`tests/cli/rules.rs`), and the regenerated reference
//! (`docs/diagnostics*.md`). The steps in full are in `validate::rules` and
//! `CONTRIBUTING.md`. Nothing in this module changes: it reads every
//! family's `DOCS`.

use crate::diag::{Code, RuleDoc};

/// Every family's documentation, in no particular order.
fn families() -> impl Iterator<Item = &'static RuleDoc> {
    crate::load::rules::DOCS
        .iter()
        .chain(crate::validate::rules::DOCS.iter().flat_map(|family| family.iter()))
        .chain(crate::report::rules::DOCS)
}

/// Every rule's documentation, in code order.
pub fn all() -> Vec<&'static RuleDoc> {
    Code::ALL.iter().filter_map(|&code| doc(code)).collect()
}

/// The documentation of `code` (`None` only for a code whose family does
/// not list it, which a test forbids).
pub fn doc(code: Code) -> Option<&'static RuleDoc> {
    families().find(|d| d.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_documented_once_in_its_home() {
        for &code in Code::ALL {
            let found = families().filter(|d| d.code == code).collect::<Vec<_>>();
            assert_eq!(found.len(), 1, "{} is documented {} times", code.as_str(), found.len());
            let home = found[0].home.strip_prefix("terbuka::").unwrap_or(found[0].home);
            assert_eq!(home, code.home(), "{}'s documentation is not in the file its index line names", code.as_str());
        }
        assert_eq!(families().count(), Code::ALL.len(), "a family lists a code twice");
    }

    #[test]
    fn every_text_is_written_in_both_languages() {
        for d in all() {
            for (part, words) in [("summary", d.summary), ("what", d.what), ("why", d.why), ("fix", d.fix)] {
                assert!(!words.en.trim().is_empty() && !words.id.trim().is_empty(), "{} {part}", d.code.as_str());
                assert_ne!(words.en, words.id, "{} {part} is not translated", d.code.as_str());
            }
        }
    }
}
