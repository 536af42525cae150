//! Diagnostics: every problem terbuka finds, as data.
//!
//! A [`Diagnostic`] has a stable [`Code`], a severity, a message and hints in
//! both languages, and a [`Location`] in a workspace file. Each code's
//! family file builds its diagnostics (a typed constructor per code, beside
//! the code's [`RuleDoc`] and its check); `render` is the one place that
//! turns them into text.

mod code;
mod msg;
pub mod path;
pub mod render;
mod rule;
pub mod scope;
mod source;

pub use code::Code;
pub use msg::Msg;
pub use path::{KeyPath, Seg, Subject};
pub use rule::{RuleDoc, Words};
pub use source::{Location, SourceFile, Sources, Span};

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth fixing; the inputs can still be used.
    Warning,
    /// The inputs are wrong; commands that need them stop.
    Error,
}

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// Severity (from the code).
    pub severity: Severity,
    /// What is wrong.
    pub message: Msg,
    /// Where it is, when it is somewhere in a file.
    pub location: Option<Location>,
    /// Short text shown beside the caret.
    pub label: Option<Msg>,
    /// How to fix it.
    pub hints: Vec<Msg>,
    /// The period it is about, when that is not its file's (W005 sits in an
    /// institution's file but is about one period): `validate --period`
    /// uses it.
    pub period: Option<String>,
    /// The evidence file it is about, by the name `evidence.lock` knows it
    /// by (E032, E036, W007): `evidence verify` counts files by it.
    pub evidence: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's severity and no location.
    pub fn new(code: Code, message: Msg) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message,
            location: None,
            label: None,
            hints: Vec::new(),
            period: None,
            evidence: None,
        }
    }

    /// Says which evidence file (its lock name) the diagnostic is about.
    #[must_use]
    pub fn about_evidence(mut self, key: impl Into<String>) -> Self {
        self.evidence = Some(key.into());
        self
    }

    /// Sets the location.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Sets the location if there is one.
    #[must_use]
    pub fn at_opt(mut self, location: Option<Location>) -> Self {
        self.location = location.or(self.location);
        self
    }

    /// Sets the label beside the caret.
    #[must_use]
    pub fn label(mut self, label: Msg) -> Self {
        self.label = Some(label);
        self
    }

    /// Says which period it is about.
    #[must_use]
    pub fn for_period(mut self, period: &str) -> Self {
        self.period = Some(period.to_owned());
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: Msg) -> Self {
        self.hints.push(hint);
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file, position, then code, so output order never
/// depends on the order rules ran in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            d.location.as_ref().map(|l| (l.file.clone(), l.span.map(|s| (s.start, s.end)).unwrap_or((0, 0))))
        };
        key(a).cmp(&key(b)).then(a.code.cmp(&b.code)).then_with(|| a.message.en.cmp(&b.message.en))
    });
}

/// Counts errors and warnings.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// Suggests the closest of `candidates` to `wrong` ("did you mean"), if one
/// is close enough to be a likely misspelling.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest_with(wrong, candidates, 0.8)
}

/// [`closest`] with another least similarity (Jaro–Winkler, 0 to 1).
pub fn closest_with<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>, least: f64) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&wrong.to_lowercase(), &candidate.to_lowercase());
        if score >= least && best.is_none_or(|(s, c)| score > s || (score == s && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The character shown instead of `c` on a terminal, when `c` could act
/// on the terminal rather than show: C0 control characters (but line
/// breaks and tabs) become their Control Pictures (`␛` for escape), DEL
/// `␡`, C1 control characters and the bidirectional overrides that can
/// reorder what a reader sees `\u{fffd}`.
pub fn shown_char(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `text` with every character that could act on a terminal replaced by a
/// visible one ([`shown_char`]): text from YAML files never reaches a
/// terminal raw.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| shown_char(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(|c| shown_char(c).unwrap_or(c)).collect())
}

/// [`clean`] of a source text, and a byte range in it carried over to the
/// cleaned text.
pub fn clean_source(text: &str, range: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    if !text.chars().any(|c| shown_char(c).is_some()) {
        return (text.to_owned(), range);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let (mut start, mut end) = (range.start, range.end);
    for (i, c) in text.char_indices() {
        if i == range.start {
            start = out.len();
        }
        if i == range.end {
            end = out.len();
        }
        out.push(shown_char(c).unwrap_or(c));
    }
    if range.start >= text.len() {
        start = out.len() - (text.len() - range.start.min(text.len()));
    }
    if range.end >= text.len() {
        end = out.len() - (text.len() - range.end.min(text.len()));
    }
    (out, start..end.max(start))
}

#[cfg(test)]
mod clean_tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_shown_not_run() {
        assert_eq!(clean("a\u{1b}[2Jb\u{7}\u{9b}c\u{202e}d"), "a\u{241b}[2Jb\u{2407}\u{fffd}c\u{fffd}d");
        assert_eq!(clean("line\nnext\ttab"), "line\nnext\ttab");
        let text = "ab\u{1b}cd\u{1b}ef";
        let (shown, range) = clean_source(text, 6..8);
        assert_eq!(&shown[range], "ef");
        let (shown, range) = clean_source(text, 2..3);
        assert_eq!(&shown[range], "\u{241b}");
    }
}
