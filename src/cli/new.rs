//! `terbuka new assessment` and `terbuka new workspace`: they write new
//! files only, never over an existing one.

use std::io::IsTerminal;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::diag::render::{self, Format};
use crate::model::Lang;
use crate::settings::Settings;
use crate::{msg, output, scaffold};

use super::{Error, Outcome};

/// Writes `assessments/<period>/<institution>.yaml`.
pub fn assessment(settings: &Settings, institution: &str, period: Option<&str>) -> Result<Outcome, Error> {
    let engine = super::open(settings)?;
    let (ws, diagnostics, lang) = (engine.workspace(), engine.diagnostics(), engine.lang());
    // Only the files the new assessment is made from must be free of
    // errors; another institution's broken file is not this one's problem.
    let own = format!("/{institution}.yaml");
    let relevant = |d: &&Diagnostic| {
        d.is_error()
            && d.location.as_ref().is_none_or(|l| {
                let f: &str = &l.file;
                f == "terbuka.yaml"
                    || f.starts_with("rubrics/")
                    || f.starts_with("commitments/")
                    || f == format!("institutions/{institution}.yaml")
                    || (f.starts_with("assessments/") && f.ends_with(&own))
            })
    };
    let blocking = diagnostics.iter().filter(relevant).cloned().collect::<Vec<_>>();
    if !blocking.is_empty() {
        let color = settings.color && std::io::stderr().is_terminal();
        super::print::err(&render::render(&blocking, &ws.sources, Format::Human, render::Options { lang, color }));
        let n = blocking.len();
        super::print::err_line(
            msg!(
                "terbuka: the new assessment is made from these files; fix {n} error(s) in them first",
                "terbuka: penilaian baru dibuat dari berkas-berkas ini; perbaiki dahulu {n} galat di dalamnya"
            )
            .get(lang),
        );
        return Ok(Outcome::Problems);
    }
    engine.institution_arg(institution)?;
    let period = match period {
        Some(p) => engine.period_arg(Some(p))?,
        None => match scaffold::default_period(ws, institution) {
            Ok(Some(p)) => p.id.clone(),
            Ok(None) => engine.period_arg(None)?,
            Err(newest) => {
                let newest = &newest.id;
                return Err(Error::Other(msg!(
                    "`{institution}` already has an assessment for `{newest}`, the last period in terbuka.yaml: to work on it, edit assessments/{newest}/{institution}.yaml; to start the next period, first add it under `periods:` in terbuka.yaml (or name a period with `--period`)",
                    "`{institution}` sudah memiliki penilaian untuk `{newest}`, periode terakhir di terbuka.yaml: untuk melanjutkannya, sunting assessments/{newest}/{institution}.yaml; untuk memulai periode berikutnya, tambahkan dahulu periode itu di bawah `periods:` dalam terbuka.yaml (atau sebutkan periodenya dengan `--period`)"
                )));
            }
        },
    };
    let manifest = ws.manifest.as_ref().map(|m| &m.value);
    let Some(period) = manifest.and_then(|m| m.periods.iter().find(|p| p.id == period)) else {
        return Err(crate::engine::no_scores(&period).into());
    };
    let rel = format!("assessments/{}/{institution}.yaml", period.id);
    let path =
        output::child(&output::child(&ws.root.join("assessments"), &period.id)?, &format!("{institution}.yaml"))?;
    if path.symlink_metadata().is_ok() {
        return Err(exists(&rel));
    }
    let previous = scaffold::previous_assessment(ws, institution, period);
    let plan = scaffold::AssessmentPlan { institution, period, previous };
    let text = scaffold::assessment(ws, &plan, lang);
    write_new(&path, &rel, text.as_bytes())?;
    let unconfirmed = text.lines().filter(|l| l.trim() == "confirmed: false").count();
    let from = previous.map(|p| p.period.as_str());
    super::stdout(&format!("{}\n", path.display()))?;
    let note = match from {
        Some(from) => msg!(
            "terbuka: carried forward from {from}; {unconfirmed} entries to confirm (`confirmed: true`), then run `terbuka validate`",
            "terbuka: dilanjutkan dari {from}; {unconfirmed} isian perlu dikonfirmasi (`confirmed: true`), lalu jalankan `terbuka validate`"
        ),
        None => msg!(
            "terbuka: no earlier assessment to carry forward; fill in every point, then run `terbuka validate`",
            "terbuka: belum ada penilaian sebelumnya; isi setiap poin, lalu jalankan `terbuka validate`"
        ),
    };
    super::print::err_line(note.get(lang));
    Ok(Outcome::Ok)
}

/// Writes `reviews/<period>.yaml`.
pub fn review(settings: &Settings, period: &str, stage: Option<crate::model::Stage>) -> Result<Outcome, Error> {
    let engine = match super::prepare(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(outcome),
    };
    let (ws, lang) = (engine.workspace(), engine.lang());
    let period = engine.period_arg(Some(period))?;
    let Some(period) = ws.manifest.as_ref().and_then(|m| m.value.periods.iter().find(|p| p.id == period)) else {
        return Err(crate::engine::no_scores(&period).into());
    };
    let rel = format!("reviews/{}.yaml", period.id);
    let path = output::child(&ws.root.join("reviews"), &format!("{}.yaml", period.id))?;
    if path.symlink_metadata().is_ok() {
        return Err(exists(&rel));
    }
    let previous = scaffold::previous_review(ws, period);
    // The previous review's methodology; the refreshed one for a new
    // review, or a workspace with a monitoring body.
    let methodology = previous.map_or(crate::model::Methodology::Refreshed2021, |p| p.methodology);
    let stage = stage.unwrap_or_else(|| scaffold::default_stage(ws, methodology, period));
    if !methodology.stages().contains(&stage) {
        let (m, s) = (methodology.as_str(), stage.as_str());
        let stages = methodology.stages().iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        return Err(Error::Other(msg!(
            "`{m}` has no stage `{s}`: use {stages}",
            "`{m}` tidak memiliki tahap `{s}`: gunakan {stages}"
        )));
    }
    let plan = scaffold::ReviewPlan { period, methodology, stage, previous };
    let text = scaffold::review(ws, &plan, lang);
    write_new(&path, &rel, text.as_bytes())?;
    let unconfirmed = text
        .lines()
        .filter(|l| l.trim_start().starts_with("confirmed: false") || l.contains("confirmed: false}"))
        .count();
    super::stdout(&format!("{}\n", path.display()))?;
    let note = match previous {
        Some(p) => {
            let from = &p.period;
            msg!(
                "terbuka: carried forward from the review of {from}; {unconfirmed} entries to confirm (`confirmed: true`), then run `terbuka validate`",
                "terbuka: dilanjutkan dari tinjauan {from}; {unconfirmed} isian perlu dikonfirmasi (`confirmed: true`), lalu jalankan `terbuka validate`"
            )
        }
        None => msg!(
            "terbuka: no earlier review to carry forward; fill in every commitment, then run `terbuka validate`",
            "terbuka: belum ada tinjauan sebelumnya; isi setiap komitmen, lalu jalankan `terbuka validate`"
        ),
    };
    super::print::err_line(note.get(lang));
    Ok(Outcome::Ok)
}

/// Creates a fresh workspace in `dir`.
pub fn workspace(settings: &Settings, dir: &Path) -> Result<Outcome, Error> {
    let lang = settings.lang.unwrap_or(Lang::Id);
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        let shown = dir.display();
        return Err(Error::Other(msg!(
            "{shown} is not empty; `terbuka new workspace` only writes into an empty or new folder, so that nothing is overwritten",
            "{shown} tidak kosong; `terbuka new workspace` hanya menulis ke folder yang kosong atau baru, agar tidak ada yang tertimpa"
        )));
    }
    if dir.exists() && !dir.is_dir() {
        let shown = dir.display();
        return Err(Error::Other(msg!("{shown} exists and is not a folder", "{shown} sudah ada dan bukan folder")));
    }
    // Today (UTC), or SOURCE_DATE_EPOCH's day, picks the first period.
    let today = crate::cycle::today(settings.source_date_epoch);
    for (rel, text) in scaffold::workspace(today, lang) {
        write_new(&dir.join(&rel), &rel, text.as_bytes())?;
    }
    super::stdout(&format!("{}\n", dir.display()))?;
    let root = shell_word(dir);
    super::print::err_line(
        msg!(
            "terbuka: a new workspace; next: `terbuka --root {root} validate`, then `terbuka --root {root} new assessment --institution diskominfo`",
            "terbuka: ruang kerja baru siap; berikutnya: `terbuka --root {root} validate`, lalu `terbuka --root {root} new assessment --institution diskominfo`"
        )
        .get(lang)
    );
    Ok(Outcome::Ok)
}

fn shell_word(path: &Path) -> String {
    let s = path.display().to_string();
    if s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)) { s } else { format!("'{s}'") }
}

fn exists(rel: &str) -> Error {
    Error::Other(msg!(
        "{rel} already exists; `terbuka new` never overwrites a file: edit it, or move it away first",
        "{rel} sudah ada; `terbuka new` tidak pernah menimpa berkas: sunting berkas itu, atau pindahkan dahulu"
    ))
}

fn write_new(path: &Path, rel: &str, bytes: &[u8]) -> Result<(), Error> {
    match output::write_new(path, bytes) {
        Err(output::WriteError::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(exists(rel))
        }
        result => Ok(result?),
    }
}
