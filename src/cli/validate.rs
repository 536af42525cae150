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
                checked.diagnostics.extend(crate::validate::translations(engine.workspace()));
                crate::diag::sort(&mut checked.diagnostics);
            }
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

/// The files named on the command line, as workspace-relative paths; a
/// file outside the workspace, or that is not there, is refused with what
/// to write instead.
pub fn workspace_files(settings: &Settings, files: &[std::path::PathBuf]) -> Result<Vec<String>, Error> {
    let root = settings.root.canonicalize().unwrap_or_else(|_| settings.root.clone());
    files
        .iter()
        .map(|f| {
            let shown = f.display().to_string();
            // Canonical, so that `..` and links are followed before the
            // check that it is inside the workspace.
            let canonical = f.canonicalize().ok().filter(|c| c.is_file());
            match canonical.as_deref().and_then(|c| c.strip_prefix(&root).ok()) {
                Some(rel) => {
                    Ok(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
                }
                _ => {
                    let root = root.display();
                    Err(Error::Other(crate::msg!(
                        "{shown} is not a file of the workspace {root}; name a file in it (`terbuka validate assessments/2018-s1/diskominfo.yaml`), or choose with `--period P --institution I`",
                        "{shown} bukan berkas ruang kerja {root}; sebut berkas di dalamnya (`terbuka validate assessments/2018-s1/diskominfo.yaml`), atau pilih dengan `--period P --institution I`"
                    )))
                }
            }
        })
        .collect()
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
