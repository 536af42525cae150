//! Turns a file that failed to deserialise into a located diagnostic with
//! a hint a focal point can act on, built by the rule's constructor
//! (`load::rules`).
//!
//! The failure comes from [`track`](super::track): serde's errors as data
//! (an unknown, missing or duplicated key, a value not among a closed
//! scale's, a value of the wrong type) with the key path the wrapper was
//! at, located by serde_yaml. Two kinds of failure are still only text,
//! because that is all their source gives: serde_yaml's own type errors,
//! which it words in serde's form (`invalid type: X, expected Y`) from a
//! YAML event without a visitor (the wrapper knows where and what was
//! expected; the text gives what was found), and the scanner's and
//! parser's syntax errors, classified by their problem and context.

use std::sync::Arc;

use crate::diag::{Diagnostic, Location, SourceFile};

use super::indent::{continuation, misindented, sibling};
use super::rules::{self, Advice, Bound, DateProblem, Found, FoundKind, Missing, Syntax, WrongType};
use super::track::{Failure, Fault};
use super::{Locator, Seg};

/// The diagnostic for a file serde_yaml could not deserialise, with what
/// its indentation says when that is the likely cause.
pub(super) fn diagnose(failure: &Failure, source: &Arc<SourceFile>, locator: &Locator) -> Diagnostic {
    let (mut d, path) = classify(failure, source, locator);
    if let Some(path) = path {
        d.location = d.location.take().map(|l| l.concerning(&path, &|_| None));
    }
    match continuation(&d, source) {
        Some(c) => d.hint(rules::continuation_hint(&c)),
        None => d,
    }
}

/// The key path as serde_yaml shows it (`points.x.evidence[0]`), or `None`
/// at the root.
fn shown(path: &[Seg]) -> Option<String> {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `path` and the key `field` under it.
fn with_key(path: &[Seg], field: &str) -> Vec<Seg> {
    let mut p = path.to_vec();
    p.push(Seg::Key(field.to_owned()));
    p
}

/// The diagnostic, and the key path it concerns (for a key that is
/// unknown, missing or written twice, that key).
fn classify(failure: &Failure, source: &Arc<SourceFile>, locator: &Locator) -> (Diagnostic, Option<Vec<Seg>>) {
    let raw = failure.error.as_ref().map(ToString::to_string).unwrap_or_default();
    // serde_yaml appends " at line L column C".
    let text = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw.as_str(),
    };
    let location = match (position(text), failure.error.as_ref().and_then(serde_yaml::Error::location)) {
        // libyaml's reader errors ("control characters are not allowed")
        // give a character position, and serde_yaml a location of 1:1.
        (Some(chars), _) => match source.text.char_indices().nth(chars) {
            Some((at, c)) => Location::span(&source.path, at, at + c.len_utf8()),
            None => Location::file(&source.path),
        },
        (None, Some(l)) => {
            let start = source.offset(l.line(), l.column());
            let span = token_at(source, locator, start);
            Location::span(&source.path, span.0, span.1)
        }
        (None, None) => Location::file(&source.path),
    };
    if source.text.trim().is_empty()
        || source.text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return (rules::missing_key(Missing::Everything).at(Location::file(&source.path)), None);
    }
    let path = &failure.path;
    let within = shown(path);
    let within = within.as_deref();
    let concerned = (!path.is_empty()).then(|| path.clone());
    match &failure.fault {
        Some(Fault::UnknownField { field, expected }) => {
            // serde_yaml points at the mapping; point at the key itself.
            let key_path = with_key(path, field);
            let in_flow = location.span.is_some_and(|s| source.text[s.start..].starts_with('{'));
            let location = match locator.node(&key_path).and_then(|n| n.key) {
                Some(span) => Location::span(&source.path, span.start, span.end),
                None => location,
            };
            (rules::unknown_key(field, expected, within, in_flow).at(location), Some(key_path))
        }
        Some(Fault::MissingField { field }) => {
            (rules::missing_key(Missing::Key { field, path: within }).at(location), Some(with_key(path, field)))
        }
        Some(Fault::DuplicateField { field }) => {
            (rules::duplicate(rules::Duplicated::Key, field, None).at(location), Some(with_key(path, field)))
        }
        Some(Fault::UnknownVariant { variant, expected }) => {
            let problem = WrongType::NotAllowed { value: variant, allowed: expected };
            (rules::wrong_type(problem, within).at(location), concerned)
        }
        Some(Fault::InvalidType { found, expected } | Fault::InvalidValue { found, expected }) => {
            (mismatch(found.kind, &found.shown, expected, within, location, source), concerned)
        }
        Some(Fault::Custom(text)) => {
            // The model's maps refuse a key written twice in these words
            // (`model::unique`); chrono words its date errors.
            if let Some(field) = text.strip_prefix(crate::model::DUPLICATE_KEY).and_then(|r| r.split('`').nth(1)) {
                let d = rules::duplicate(rules::Duplicated::Key, field, None).at(location);
                return (d, Some(with_key(path, field)));
            }
            if is_date_error(text) {
                return (rules::wrong_type(WrongType::Date(date_problem(text)), within).at(location), concerned);
            }
            (syntax(&raw, text, location, source, locator), concerned)
        }
        Some(fault @ (Fault::InvalidLength { .. } | Fault::Inner)) => {
            (syntax(&raw, &fault.to_string(), location, source, locator), concerned)
        }
        None => own(failure, &raw, text, location, source, locator),
    }
}

/// A failure of serde_yaml's own: a type error it built from a YAML event
/// (in serde's words, against what the wrapper's visitor expected), a
/// limit, or a syntax error of the scanner or parser.
fn own(
    failure: &Failure,
    raw: &str,
    text: &str,
    location: Location,
    source: &Arc<SourceFile>,
    locator: &Locator,
) -> (Diagnostic, Option<Vec<Seg>>) {
    let path = &failure.path;
    let within = shown(path);
    let concerned = (!path.is_empty()).then(|| path.clone());
    for form in ["invalid type: ", "invalid value: "] {
        let Some(at) = text.find(form) else { continue };
        let rest = &text[at + form.len()..];
        // What the visitor said it expects ends the message; a value
        // serde_yaml checks against its own words (`!!bool x`, "a boolean")
        // is split at serde's ", expected ".
        let expected = failure.expected.as_deref().filter(|e| rest.ends_with(&format!(", expected {e}")));
        let split = match expected {
            Some(e) => rest.strip_suffix(e).and_then(|r| r.strip_suffix(", expected ")).map(|found| (found, e)),
            None => rest.rsplit_once(", expected "),
        };
        let Some((found, expected)) = split else { continue };
        let d = mismatch(found_kind(found), found, expected, within.as_deref(), location, source);
        return (d, concerned);
    }
    if text.contains("recursion limit exceeded") {
        return (rules::yaml_syntax(Syntax::TooDeep).at(location), None);
    }
    if text.contains("repetition limit exceeded") {
        return (rules::yaml_syntax(Syntax::TooManyAliases).at(location), None);
    }
    (syntax(raw, text, location, source, locator), None)
}

/// A value of the wrong type (`found`, in serde's words, where `expected`
/// is), worded by what it is and where.
fn mismatch(
    kind: FoundKind,
    found: &str,
    expected: &str,
    within: Option<&str>,
    location: Location,
    source: &Arc<SourceFile>,
) -> Diagnostic {
    if let Some(problem) = out_of_range(found, expected, within.unwrap_or("")) {
        return rules::wrong_type(problem, within).at(location);
    }
    // A level written as a word (`level: tiga`) or in quotes.
    if within.is_some_and(|p| p.ends_with("level")) && found.starts_with("string ") {
        let written = found.trim_start_matches("string ");
        return rules::wrong_type(WrongType::LevelAsText { written }, within).at(location);
    }
    let written = location.span.and_then(|s| source.text.get(s.start..s.end));
    let found = Found { kind, shown: found };
    rules::wrong_type(WrongType::Mismatch { found, expected, written }, within).at(location.clone())
}

/// Everything else comes from the YAML scanner or parser, as "PROBLEM at
/// line L column C, while CONTEXT at line L column C": point at where the
/// construct that went wrong started.
fn syntax(raw: &str, problem: &str, location: Location, source: &Arc<SourceFile>, locator: &Locator) -> Diagnostic {
    let ((problem, gave_up), context) = match raw.split_once(", while ") {
        Some((p, c)) => (strip_position(p), Some(strip_position(c))),
        None => (strip_position(problem), None),
    };
    // The line where the parser gave up: the line to edit is at or above it.
    let gave_up = gave_up.map(|(line, _)| line).or_else(|| location.span.map(|s| source.line_col(s.start).0));
    let location = match context {
        Some((_, Some((line, column)))) => {
            let start = source.offset(line, column);
            let span = token_at(source, locator, start);
            Location::span(&source.path, span.0, span.1)
        }
        _ => location,
    };
    // The double-quoted text the construct starts with, to the end of its
    // line: a closed quote with a backslash in it is the backslash's fault.
    let quoted = location.span.and_then(|s| {
        let line = source.text.get(s.start..)?.lines().next()?;
        let body = line.strip_prefix('"')?;
        Some(body.split_once('"').map_or(body, |(inside, _)| inside))
    });
    let backslashed = quoted.is_some_and(|q| q.contains('\\'));
    if problem.contains("unknown escape character")
        || (backslashed && context.is_some_and(|(c, _)| c.contains("quoted scalar")))
    {
        let fixed = quoted.unwrap_or("").replace('\\', "/");
        let relative = !fixed.starts_with('/') && fixed.as_bytes().get(1) != Some(&b':');
        let fixed = (relative && !fixed.is_empty()).then_some(fixed.as_str());
        return rules::yaml_syntax(Syntax::Backslash { fixed }).at(location);
    }
    if context.is_some_and(|(c, _)| c.contains("quoted scalar")) {
        return rules::yaml_syntax(Syntax::UnclosedQuote).at(location);
    }
    // Every line indented with a tab, in one run (the parser stops at the
    // first).
    let tabbed = source
        .text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.chars().take_while(|c| c.is_whitespace()).any(|c| c == '\t'))
        .map(|(i, _)| i + 1)
        .collect::<Vec<_>>();
    let mut location = location;
    let advice = if !tabbed.is_empty() {
        Advice::Tabs
    } else if problem.contains("tab") {
        Advice::SpacesNotTabs
    } else if problem.contains("expected ',' or '}'") || problem.contains("expected ',' or ']'") {
        let (open, close) = if problem.contains('}') { ('{', '}') } else { ('[', ']') };
        Advice::Unclosed { open, close }
    } else if let Some(m) = misindented(&source.text).filter(|m| gave_up.is_none_or(|l| m.line <= l + 1)) {
        // The parser stops where the structure broke, often lines after
        // the line to edit or at the start of its block: point at the line.
        let range = source.line_range(m.line);
        let text = &source.text[range.clone()];
        let start = range.start + m.have;
        let end = text[m.have..].find([':', ' ']).map_or(range.end, |i| start + i.max(1));
        location = Location::span(&source.path, start, end);
        Advice::Misindented(m)
    } else if problem.contains("mapping values are not allowed") {
        Advice::QuoteColon
    } else {
        match sibling(&location, source) {
            Some(s) => Advice::Sibling(s),
            None => Advice::CheckLine,
        }
    };
    let context = context.map(|(c, _)| c);
    rules::yaml_syntax(Syntax::Invalid { problem, context, tabbed: &tabbed, advice }).at(location)
}

/// Splits "text at line L column C" into the text and (L, C).
fn strip_position(text: &str) -> (&str, Option<(usize, usize)>) {
    let Some(i) = text.rfind(" at line ") else { return (text, None) };
    let mut numbers = text[i + 9..].split(" column ").map(|n| n.trim().parse::<usize>());
    match (numbers.next(), numbers.next()) {
        (Some(Ok(line)), Some(Ok(column))) => (&text[..i], Some((line, column))),
        _ => (&text[..i], None),
    }
}

/// A whole number too large (or below zero) for its field: serde_yaml
/// says "integer `N` as u128, expected i64".
fn out_of_range<'a>(found: &'a str, expected: &str, path: &str) -> Option<WrongType<'a>> {
    let n = found.strip_prefix("integer `")?;
    let (number, _) = n.split_once('`')?;
    let (min, max): (i128, i128) = match expected.trim() {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    };
    if path.ends_with("level") {
        // A level belongs to the rubric's scale, whatever the number type.
        return Some(WrongType::LevelOffScale { number });
    }
    let value = number.parse::<i128>().ok();
    let below = value.is_some_and(|v| v < min) || number.starts_with('-');
    let bound = if path.ends_with("weight") {
        Bound::Weight
    } else if below {
        Bound::FromZero
    } else {
        Bound::UpTo(max)
    };
    Some(WrongType::OutOfRange { number, below, bound })
}

/// The kind of value serde's description of it (`string "x"`, `integer
/// `5``, `sequence`) names.
fn found_kind(found: &str) -> FoundKind {
    if found.starts_with("string ") {
        FoundKind::Text
    } else if found.starts_with("integer") {
        FoundKind::Integer
    } else if found.starts_with("floating point") {
        FoundKind::Float
    } else if found.starts_with("boolean") {
        FoundKind::Bool
    } else if found.starts_with("unit") || found.starts_with("null") {
        FoundKind::Nothing
    } else if found.starts_with("sequence") {
        FoundKind::List
    } else if found.starts_with("map") {
        FoundKind::Map
    } else {
        FoundKind::Other
    }
}

/// What chrono found wrong with a date (its own words are English and
/// terse).
fn date_problem(text: &str) -> DateProblem {
    if text.contains("trailing input") {
        DateProblem::Trailing
    } else if text.contains("premature end of input") {
        DateProblem::CutShort
    } else if text.contains("input is out of range") || text.contains("no possible date") {
        DateProblem::OutOfRange
    } else {
        DateProblem::Form
    }
}

fn is_date_error(text: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "input is not enough for unique date",
        "trailing input",
        "no possible date and time matching input",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// `N` from an error that ends "at position N".
fn position(text: &str) -> Option<usize> {
    text.rsplit_once("at position ").and_then(|(_, n)| n.trim().parse().ok())
}

/// The token written at `start`: a node's value span if one starts there,
/// else up to the end of the word.
fn token_at(source: &SourceFile, locator: &Locator, start: usize) -> (usize, usize) {
    if let Some(span) = locator.span_starting_at(start) {
        return (span.start, span.end);
    }
    let rest = source.text.get(start..).unwrap_or("");
    let len = rest.find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}').unwrap_or(rest.len());
    (start, super::locate::ceil_char_boundary(&source.text, start + len.max(1).min(rest.len())))
}
