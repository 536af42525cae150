//! Renders diagnostics as text: `human` (the line with a caret and hints),
//! `short` (one line each), `json`, and `github` (workflow commands).

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};
use serde::Serialize;

use super::{Diagnostic, Severity, Sources};
use crate::model::Lang;

/// Output formats for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source line, caret and hints.
    Human,
    /// One line per diagnostic: `path:line:column: severity[code] message`.
    Short,
    /// A JSON array.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Language of messages and hints.
    pub lang: Lang,
    /// Whether to use ANSI colours (`human` only).
    pub color: bool,
}

/// Renders all diagnostics in `format`.
pub fn render(diagnostics: &[Diagnostic], sources: &Sources, format: Format, options: Options) -> String {
    match format {
        Format::Human => diagnostics.iter().map(|d| human(d, sources, options)).collect(),
        Format::Short => diagnostics.iter().map(|d| short(d, sources, options.lang) + "\n").collect(),
        Format::Json => json(diagnostics, sources, options.lang),
        Format::Github => diagnostics.iter().map(|d| github(d, sources, options.lang) + "\n").collect(),
    }
}

fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Error, Lang::Id) => "galat",
        (Severity::Warning, Lang::Id) => "peringatan",
    }
}

fn hint_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "hint",
        Lang::Id => "saran",
    }
}

/// One diagnostic with its source line, caret and hints.
pub fn human(d: &Diagnostic, sources: &Sources, options: Options) -> String {
    let lang = options.lang;
    let mut files = SimpleFiles::new();
    let mut cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_code(d.code.as_str())
    .with_message(super::clean(d.message.get(lang)));
    let mut notes = Vec::new();
    // When a long line is cut, codespan counts the column in the cut text:
    // (what it prints, what is true).
    let mut header_fix = None;
    if let Some(location) = &d.location {
        match (location.span, sources.get(&location.file)) {
            (Some(span), Some(file)) => {
                let (text, range) = shown_excerpt(file, span.start..span.end);
                if range.start != span.start {
                    let (line, column) = file.line_col(span.start);
                    let printed = text[..range.start].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    let name = &location.file;
                    header_fix = Some((format!("{name}:{line}:{printed}"), format!("{name}:{line}:{column}")));
                }
                let (text, range) = super::clean_source(&text, range);
                let id = files.add(location.file.to_string(), text);
                let mut label = Label::primary(id, range);
                if let Some(text) = &d.label {
                    label = label.with_message(super::clean(text.get(lang)));
                }
                cs = cs.with_labels(vec![label]);
            }
            _ => notes.push(format!("{}: {}", file_word(lang), location.file)),
        }
    }
    notes.extend(d.hints.iter().map(|h| format!("{}: {}", hint_word(lang), super::clean(h.get(lang)))));
    cs = cs.with_notes(notes);
    let config = Config::default();
    let mut out = String::new();
    let rendered = if options.color {
        let mut buffer = termcolor::Buffer::ansi();
        term::emit_to_write_style(&mut buffer, &config, &files, &cs)
            .map(|()| String::from_utf8_lossy(buffer.as_slice()).into_owned())
    } else {
        term::emit_to_string(&mut out, &config, &files, &cs).map(|()| std::mem::take(&mut out))
    };
    let mut text = rendered.unwrap_or_else(|_| short(d, sources, lang) + "\n");
    if let Some((printed, real)) = header_fix {
        text = text.replacen(&printed, &real, 1);
    }
    text = translate_header(text, d.severity, lang);
    text
}

/// Lines longer than this are shown cut around the caret.
const LONGEST_SHOWN_LINE: usize = 240;

/// The text codespan shows for `span`, and where `span` is in it: the file
/// itself, or, when the span's line is very long (a 20,000-character
/// value), that line cut to a window around the span, marked with `…`,
/// after as many empty lines as keep its line number.
fn shown_excerpt(file: &super::SourceFile, span: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    let (line, _) = file.line_col(span.start);
    let range = file.line_range(line);
    if range.len() <= LONGEST_SHOWN_LINE {
        // codespan breaks lines at `\n` only; a lone `\r` (old Mac files)
        // becomes `\n`, which keeps every byte offset.
        let bytes = file.text.as_bytes();
        let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if (0..bytes.len()).any(lone_cr) {
            let text = file.text.char_indices().map(|(i, c)| if c == '\r' && lone_cr(i) { '\n' } else { c }).collect();
            return (text, span);
        }
        return (file.text.clone(), span);
    }
    let floor = |mut i: usize| {
        while !file.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start.saturating_sub(40).max(range.start));
    let end = floor((start + LONGEST_SHOWN_LINE).min(range.end));
    let prefix = "\n".repeat(line - 1);
    let (open, close) = (if start > range.start { "…" } else { "" }, if end < range.end { "…" } else { "" });
    let text = format!("{prefix}{open}{}{close}\n", &file.text[start..end]);
    let shift = prefix.len() + open.len();
    let s = span.start - start + shift;
    let e = (span.end.min(end) - start + shift).max(s + 1);
    (text, s..e)
}

fn file_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "file",
        Lang::Id => "berkas",
    }
}

/// codespan prints `error`/`warning`; in Indonesian the header says
/// `galat`/`peringatan`.
fn translate_header(text: String, severity: Severity, lang: Lang) -> String {
    if lang == Lang::En {
        return text;
    }
    let from = severity_word(severity, Lang::En);
    let to = severity_word(severity, lang);
    // The header is the first visible word; with colours, only ANSI escape
    // sequences come before it.
    let first_line = text.find('\n').unwrap_or(text.len());
    match text[..first_line].find(from) {
        Some(i) if without_ansi(&text[..i]).trim().is_empty() => {
            format!("{}{}{}", &text[..i], to, &text[i + from.len()..])
        }
        _ => text,
    }
}

/// `s` without ANSI escape sequences (`ESC [ … letter`).
fn without_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn position<'a>(d: &'a Diagnostic, sources: &Sources) -> (Option<&'a str>, Option<(usize, usize)>) {
    match &d.location {
        Some(l) => (Some(&l.file), sources.resolve(l).map(|(start, _)| start)),
        None => (None, None),
    }
}

/// `path:line:column: error[E011] message` on one line.
pub fn short(d: &Diagnostic, sources: &Sources, lang: Lang) -> String {
    let prefix = match position(d, sources) {
        (Some(file), Some((line, column))) => format!("{file}:{line}:{column}: "),
        (Some(file), None) => format!("{file}: "),
        _ => String::new(),
    };
    let mut line = format!("{prefix}{}[{}] {}", severity_word(d.severity, lang), d.code.as_str(), d.message.get(lang));
    for hint in &d.hints {
        line.push_str(&format!(" ({}: {})", hint_word(lang), hint.get(lang)));
    }
    super::clean(&line).into_owned()
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a super::Subject>,
    message: &'a str,
    label: Option<&'a str>,
    hints: Vec<&'a str>,
}

/// A JSON array, one object per diagnostic.
pub fn json(diagnostics: &[Diagnostic], sources: &Sources, lang: Lang) -> String {
    let items = diagnostics
        .iter()
        .map(|d| {
            let range = d.location.as_ref().and_then(|l| sources.resolve(l));
            JsonDiagnostic {
                code: d.code.as_str(),
                name: d.code.name(),
                severity: d.severity,
                file: d.location.as_ref().map(|l| &*l.file),
                line: range.map(|r| r.0.0),
                column: range.map(|r| r.0.1),
                end_line: range.map(|r| r.1.0),
                end_column: range.map(|r| r.1.1),
                path: d.location.as_ref().and_then(|l| l.path_text()),
                subject: d.location.as_ref().and_then(|l| l.subject.as_deref()),
                message: d.message.get(lang),
                label: d.label.as_ref().map(|l| l.get(lang)),
                hints: d.hints.iter().map(|h| h.get(lang)).collect(),
            }
        })
        .collect::<Vec<_>>();
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// A GitHub Actions workflow command (an annotation on the line).
pub fn github(d: &Diagnostic, sources: &Sources, lang: Lang) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = Vec::new();
    if let (Some(file), position) = position(d, sources) {
        props.push(format!("file={}", escape_property(file)));
        if let Some((line, column)) = position {
            props.push(format!("line={line},col={column}"));
        }
    }
    props.push(format!("title={}", escape_property(&format!("{} {}", d.code.as_str(), d.code.name()))));
    let mut message = d.message.get(lang).to_owned();
    for hint in &d.hints {
        message.push_str(&format!("\n{}: {}", hint_word(lang), hint.get(lang)));
    }
    format!("::{kind} {}::{}", props.join(","), escape_data(&super::clean(&message)))
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
