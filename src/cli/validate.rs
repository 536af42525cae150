//! `terbuka validate`: every problem of the workspace, in one run, in the
//! chosen format, with a summary line; exit 1 when there is an error.

use crate::diag::render::{self, Format};
use crate::load::Workspace;
use crate::model::Lang;
use crate::settings::Settings;

pub use crate::diag::scope::Scope;

use super::{Error, Outcome, plural};

pub fn run(settings: &Settings, format: Format, scope: Scope) -> Result<Outcome, Error> {
    let engine = super::open(settings)?;
    let (ws, lang) = (engine.workspace(), engine.lang());
    if ws.manifest.is_some()
        && let Some(p) = &scope.period
    {
        engine.period_arg(Some(p))?;
    }
    if let Some(i) = &scope.institution
        && !ws.broken.contains(&format!("institutions/{i}.yaml"))
    {
        engine.institution_arg(i)?;
    }
    let mut diagnostics = engine.diagnostics().to_vec();
    diagnostics.retain(|d| scope.keeps(d));
    let options = render::Options { lang, color: settings.color && format == Format::Human };
    let mut text = render::render(&diagnostics, &ws.sources, format, options);
    let (errors, warnings) = crate::diag::count(&diagnostics);
    if format != Format::Json {
        text.push_str(&summary(ws, errors, warnings, lang));
        text.push_str(&scope.note(lang));
        text.push('\n');
    }
    super::stdout(&text)?;
    Ok(if errors > 0 { Outcome::Problems } else { Outcome::Ok })
}

/// The one-line summary of `validate`.
pub fn summary(ws: &Workspace, errors: usize, warnings: usize, lang: Lang) -> String {
    let files = ws.files;
    let institutions = ws.institutions.len();
    let commitments = ws.commitments.len();
    let periods = ws.manifest.as_ref().map_or(0, |m| m.value.periods.len());
    match lang {
        Lang::En => format!(
            "checked {files} {}: {institutions} {}, {commitments} {}, {periods} {} — {errors} {}, {warnings} {}",
            plural(files, "file", "files"),
            plural(institutions, "institution", "institutions"),
            plural(commitments, "commitment", "commitments"),
            plural(periods, "period", "periods"),
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
        ),
        Lang::Id => format!(
            "{files} berkas diperiksa: {institutions} institusi, {commitments} komitmen, {periods} periode — {errors} galat, {warnings} peringatan"
        ),
    }
}
