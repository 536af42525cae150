//! Report templates: built into the binary, overridable file by file from
//! the workspace's `report-templates/`, rendered by minijinja into Typst
//! markup with every interpolated value escaped for Typst.
//!
//! The escaping is minijinja's auto-escape with our own formatter, so it
//! applies to every `{{ ... }}` without a filter anyone could forget:
//! strings are escaped as Typst markup ([`escape::markup`]), numbers and
//! booleans are written as they are (they cannot hold markup). A template
//! that wants a Typst string literal (PDF metadata) uses the `str` filter,
//! which quotes and escapes. Undefined values are errors, not blanks.

use std::path::Path;
use std::sync::Arc;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};

use super::escape;
use super::rules::{Refused, TemplateProblem, template_error};
use crate::diag::{Diagnostic, Location, SourceFile};
use crate::files;

/// The directory of template overrides in a workspace.
pub const DIR: &str = "report-templates";

/// The built-in templates, in the order they are documented.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("period.typ.j2", include_str!("../../report-templates/period.typ.j2")),
    ("scorecard.typ.j2", include_str!("../../report-templates/scorecard.typ.j2")),
    ("compare.typ.j2", include_str!("../../report-templates/compare.typ.j2")),
    ("inception.typ.j2", include_str!("../../report-templates/inception.typ.j2")),
    ("end-of-commitment.typ.j2", include_str!("../../report-templates/end-of-commitment.typ.j2")),
    ("results.typ.j2", include_str!("../../report-templates/results.typ.j2")),
    ("macros.typ.j2", include_str!("../../report-templates/macros.typ.j2")),
    ("style.typ", include_str!("../../report-templates/style.typ")),
    ("strings.yaml", include_str!("../../report-templates/strings.yaml")),
];

/// Largest template file read from a workspace.
const MAX_BYTES: u64 = 1024 * 1024;

/// One template's text and where it came from.
#[derive(Debug, Clone)]
pub struct Template {
    /// File name, e.g. `period.typ.j2`.
    pub name: &'static str,
    /// The path diagnostics show: `report-templates/period.typ.j2` for an
    /// override, `<built-in>/period.typ.j2` otherwise.
    pub shown: Arc<str>,
    /// The text.
    pub source: Arc<SourceFile>,
    /// From the workspace rather than built in.
    pub overridden: bool,
}

/// Every template, ready to render.
#[derive(Debug)]
pub struct Templates {
    files: Vec<Template>,
    env: Environment<'static>,
}

impl Templates {
    /// Reads the workspace's overrides over the built-in templates and
    /// compiles them. Every problem is returned, with the files it points
    /// into.
    pub fn load(root: &Path) -> Result<Templates, (Vec<Diagnostic>, Vec<Arc<SourceFile>>)> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for &(name, text) in BUILT_IN {
            let rel = format!("{DIR}/{name}");
            let refused = |why: Refused<'_>| {
                template_error(TemplateProblem::Override { rel: &rel, why })
                    .at(Location::file(&Arc::from(rel.as_str())))
            };
            let (shown, text, overridden) = match files::read(root, &rel, MAX_BYTES) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => (rel.clone(), text.trim_start_matches('\u{feff}').to_owned(), true),
                    Err(_) => {
                        problems.push(refused(Refused::NotUtf8));
                        continue;
                    }
                },
                Err(files::Problem::Missing) => (format!("<built-in>/{name}"), text.to_owned(), false),
                Err(files::Problem::TooBig { .. }) => {
                    problems.push(refused(Refused::TooBig { max: MAX_BYTES }));
                    continue;
                }
                Err(files::Problem::Outside) => {
                    problems.push(refused(Refused::LinkOutside));
                    continue;
                }
                Err(files::Problem::Io(e)) => {
                    problems.push(refused(Refused::Unreadable(&e)));
                    continue;
                }
                Err(files::Problem::Directory | files::Problem::Special(_) | files::Problem::LinkLoop) => {
                    problems.push(refused(Refused::NotAFile));
                    continue;
                }
            };
            let shown: Arc<str> = Arc::from(shown.as_str());
            let source = Arc::new(SourceFile::new(shown.clone(), text));
            files.push(Template { name, shown, source, overridden });
        }
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(|_| AutoEscape::Custom("typst".into()));
        env.set_formatter(format_value);
        env.add_filter("str", |v: Value| Value::from_safe_string(escape::string(&text_of(&v))));
        env.add_filter("join_escaped", |v: Value, sep: String| -> Result<Value, Error> {
            let mut out = String::new();
            for (i, item) in v.try_iter()?.enumerate() {
                if i > 0 {
                    escape::push_markup(&mut out, &sep);
                }
                escape::push_markup(&mut out, &text_of(&item));
            }
            Ok(Value::from_safe_string(out))
        });
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build() {
            env.set_syntax(syntax);
        }
        let sources = files.iter().map(|t| t.source.clone()).collect::<Vec<_>>();
        for t in files.iter().filter(|t| t.name.ends_with(".j2")) {
            if let Err(e) = env.add_template_owned(t.name, t.source.text.clone()) {
                problems.push(diagnostic(&files, &e));
            }
        }
        if problems.is_empty() { Ok(Templates { files, env }) } else { Err((problems, sources)) }
    }

    /// A template by file name.
    pub fn get(&self, name: &str) -> Option<&Template> {
        self.files.iter().find(|t| t.name == name)
    }

    /// Every template.
    pub fn all(&self) -> &[Template] {
        &self.files
    }

    /// Renders template `name` with `context`, with `fuel` to spend
    /// (minijinja's budget of instructions and bytes made: a template that
    /// loops without end, or makes text without end, stops with an error).
    pub fn render(&self, name: &str, context: &impl serde::Serialize, fuel: u64) -> Result<String, super::Failure> {
        // The environment is shared by a batch; each render gets its own
        // budget (a clone shares the compiled templates).
        let mut env = self.env.clone();
        env.set_fuel(Some(fuel));
        let result = env.get_template(name).and_then(|t| t.render(Value::from(minijinja::value::Serde(context))));
        result.map_err(|e| {
            let shown = self.source_of(&e).or_else(|| self.get(name)).map(|t| t.source.clone());
            let source = shown.unwrap_or_else(|| Arc::new(SourceFile::new(name.into(), String::new())));
            super::Failure { diagnostics: vec![diagnostic(&self.files, &e)], sources: vec![source], typ: None }
        })
    }

    fn source_of(&self, e: &Error) -> Option<&Template> {
        e.name().and_then(|n| self.get(n))
    }
}

/// The text of a value for escaping.
fn text_of(v: &Value) -> String {
    match v.as_str() {
        Some(s) => s.to_owned(),
        None if v.is_none() || v.is_undefined() => String::new(),
        None => v.to_string(),
    }
}

/// The auto-escape formatter: every `{{ value }}` goes through here.
fn format_value(out: &mut minijinja::Output, state: &mut minijinja::State, value: &Value) -> Result<(), Error> {
    let write = |out: &mut minijinja::Output, s: &str| {
        std::fmt::Write::write_str(out, s)
            .map_err(|_| Error::new(ErrorKind::WriteFailure, "could not write the template output"))
    };
    if value.is_undefined() && state.undefined_behavior() == UndefinedBehavior::Strict {
        return Err(Error::new(ErrorKind::UndefinedError, "undefined value"));
    }
    if value.kind() == minijinja::value::ValueKind::Bool {
        return write(out, if value.is_true() { "true" } else { "false" });
    }
    if value.is_safe() || value.is_number() {
        return write(out, &value.to_string());
    }
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    write(out, &escape::markup(&text_of(value)))
}

/// A template error as a diagnostic pointing into the template.
fn diagnostic(files: &[Template], e: &Error) -> Diagnostic {
    let template = e.name().and_then(|n| files.iter().find(|t| t.name == n));
    let detail = e.detail().map(str::to_owned).unwrap_or_else(|| e.kind().to_string());
    let overridden = template.map(|t| t.overridden);
    let d = if e.kind() == ErrorKind::OutOfFuel {
        template_error(TemplateProblem::OutOfFuel { overridden })
    } else {
        template_error(TemplateProblem::Render { detail: &detail, overridden })
    };
    let Some(t) = template else { return d };
    let location = match (e.range(), e.line()) {
        (Some(r), _) => Location::span(&t.shown, r.start, r.end),
        (None, Some(line)) => {
            let r = t.source.line_range(line);
            Location::span(&t.shown, r.start, r.end)
        }
        (None, None) => Location::file(&t.shown),
    };
    d.at(location)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_with(template: &str) -> Result<String, String> {
        let dir = std::env::temp_dir().join(format!("terbuka-tpl-{}", std::process::id()));
        let t = Templates::load(&dir).map_err(|e| format!("{:?}", e.0))?;
        let mut env = t.env.clone();
        env.add_template_owned("x.typ.j2", template.to_owned()).map_err(|e| e.to_string())?;
        let ctx = serde_json::json!({
            "name": "#read(\"/etc/passwd\") *b* $x$ <l> @r // = - \\",
            "n": 2.5,
            "k": 3,
            "list": ["a*", "b_"],
            "nothing": null,
        });
        env.get_template("x.typ.j2")
            .and_then(|t| t.render(Value::from(minijinja::value::Serde(&ctx))))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn every_interpolation_is_escaped_without_a_filter() {
        assert_eq!(
            env_with("= {{ name }}").as_deref(),
            Ok("= \\#read\\(\\\"\\/etc\\/passwd\\\"\\) \\*b\\* \\$x\\$ \\<l\\> \\@r \\/\\/ \\= \\- \\\\")
        );
    }

    #[test]
    fn numbers_are_written_as_they_are() {
        assert_eq!(env_with("#f({{ n }}, {{ k }})").as_deref(), Ok("#f(2.5, 3)"));
    }

    #[test]
    fn the_str_filter_makes_a_string_literal() {
        assert_eq!(
            env_with("#let a = {{ name | str }}").as_deref(),
            Ok("#let a = \"#read(\\\"/etc/passwd\\\") *b* $x$ <l> @r // = - \\\\\"")
        );
        assert_eq!(env_with("{{ list | join_escaped(', ') }}").as_deref(), Ok("a\\*\\, b\\_"));
    }

    #[test]
    fn undefined_values_are_errors() {
        assert!(env_with("{{ missing }}").is_err_and(|e| e.contains("undefined")));
        assert_eq!(env_with("[{{ nothing }}]").as_deref(), Ok("[]"));
    }

    #[test]
    fn built_in_templates_compile() {
        let dir = std::env::temp_dir().join("terbuka-no-such-workspace");
        assert!(Templates::load(&dir).is_ok_and(|t| t.all().iter().all(|t| !t.overridden)));
    }
}
