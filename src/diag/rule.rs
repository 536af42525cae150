//! A rule's documentation, as its family file writes it beside the rule's
//! constructor and check: what it checks, why it matters and how to fix
//! it, each in English and Bahasa Indonesia. `crate::rules` gathers them;
//! `docs/diagnostics.md` and `docs/diagnostics.id.md` are generated from
//! there.

use super::Code;
use crate::model::Lang;

/// A text in both languages, written in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// English.
    pub en: &'static str,
    /// Bahasa Indonesia.
    pub id: &'static str,
}

impl Words {
    /// A text from its two translations.
    pub const fn new(en: &'static str, id: &'static str) -> Self {
        Words { en, id }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Id => self.id,
        }
    }
}

/// The documentation of one rule (one code).
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// The code.
    pub code: Code,
    /// The module the documentation is written in (`module_path!()`), which
    /// the index's [`Code::home`] must name.
    pub home: &'static str,
    /// One line: what the rule checks, for tables.
    pub summary: Words,
    /// What the rule checks, in one or two sentences.
    pub what: Words,
    /// Why it matters: what goes wrong in scores, reports or the site when
    /// the problem stays.
    pub why: Words,
    /// How a user fixes it, step by step in one or two sentences.
    pub fix: Words,
}
