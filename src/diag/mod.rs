//! Diagnostics: every problem terbuka finds, as data.
//!
//! A [`Diagnostic`] has a stable [`Code`], a severity, a message and hints in
//! both languages, and a [`Location`] in a workspace file. Rules only build
//! diagnostics; `render` is the one place that turns them into text.

mod code;
pub mod code_docs;
mod msg;
pub mod render;
mod source;

pub use code::Code;
pub use msg::Msg;
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
        }
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
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&wrong.to_lowercase(), &candidate.to_lowercase());
        if score >= 0.8 && best.is_none_or(|(s, c)| score > s || (score == s && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}
