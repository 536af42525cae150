//! Text shown to users, in English and Bahasa Indonesia.

use crate::model::Lang;

/// A user-facing message in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// English.
    pub en: String,
    /// Bahasa Indonesia.
    pub id: String,
}

impl Msg {
    /// A message from its two translations.
    pub fn new(en: impl Into<String>, id: impl Into<String>) -> Self {
        Msg { en: en.into(), id: id.into() }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        }
    }
}

/// Builds a [`Msg`] from an English and an Indonesian format string, both
/// capturing the same variables: `msg!("unknown {x}", "{x} tidak dikenal")`.
#[macro_export]
macro_rules! msg {
    ($en:literal, $id:literal $(,)?) => {
        $crate::diag::Msg { en: format!($en), id: format!($id) }
    };
}
