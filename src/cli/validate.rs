//! `terbuka validate`: every problem of the workspace, in one run, in the
//! chosen format, with a summary line; exit 1 when there is an error.

use crate::diag::render::{self, Format};
use crate::engine::{self, Summary};
use crate::model::Lang;
use crate::settings::Settings;

pub use crate::diag::scope::Scope;

use super::{Error, Outcome, plural};

pub fn run(settings: &Settings, format: Format, scope: Scope, translations: bool) -> Result<Outcome, Error> {
    // The result cache answers when no file and no fact changed; else the
    // workspace is opened, validated and remembered. One-language texts
    // (W011) are asked for, never remembered: they need the workspace.
    let quick = if translations { None } else { engine::quick(&settings.engine_options(None)) };
    let checked = match quick {
        Some(checked) => checked,
        None => {
            let engine = super::open(settings)?;
            engine.remember();
            let mut checked = engine.checked();
            if translations {
                checked.diagnostics.extend(crate::validate::translations::check(engine.workspace()));
                crate::diag::sort(&mut checked.diagnostics);
            }
            engine.finish();
            checked
        }
    };
    let (summary, lang) = (&checked.summary, settings.lang_for(checked.summary.first_lang));
    if let Some(p) = &scope.period
        && summary.manifest
        && !summary.periods.contains(p)
    {
        return Err(engine::unknown_period(p, summary.periods.iter().map(String::as_str)).into());
    }
    if let Some(i) = &scope.institution
        && !summary.broken.contains(&format!("institutions/{i}.yaml"))
        && !summary.institution_ids.contains(i)
    {
        return Err(engine::unknown_institution(i, summary.institution_ids.iter().map(String::as_str)).into());
    }
    let mut diagnostics = checked.diagnostics;
    diagnostics.retain(|d| scope.keeps(d));
    let options = render::Options { lang, color: settings.color && format == Format::Human };
    let mut text = render::render(&diagnostics, &checked.sources, format, options);
    let (errors, warnings) = crate::diag::count(&diagnostics);
    if format != Format::Json {
        text.push_str(&summary_line(summary, errors, warnings, lang));
        text.push_str(&scope.note(lang));
        text.push('\n');
    }
    super::stdout(&text)?;
    Ok(if errors > 0 { Outcome::Problems } else { Outcome::Ok })
}

/// The one-line summary of `validate`.
pub fn summary_line(summary: &Summary, errors: usize, warnings: usize, lang: Lang) -> String {
    let files = summary.files;
    let institutions = summary.institutions;
    let commitments = summary.commitments;
    let periods = summary.periods.len();
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
