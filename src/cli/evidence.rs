//! `terbuka evidence seal` records the SHA-256 and size of every cited
//! file in `evidence.lock`; `terbuka evidence verify` reports every file
//! changed, missing or unsealed since.

use std::io::IsTerminal;

use crate::diag::render::{self, Format};
use crate::settings::Settings;
use crate::{msg, output};

use super::{Error, Outcome};

/// Writes `evidence.lock`. A sealed file that changed or went missing is
/// not re-sealed unless `accept_changes`, and a lock that cannot be read
/// is not rebuilt: sealing must not approve an edit nobody looked at
/// (`seal::plan` decides).
pub fn seal(settings: &Settings, accept_changes: bool) -> Result<Outcome, Error> {
    super::require_workspace(settings)?;
    let (ws, diagnostics) = crate::load::load(&settings.root, settings.limits)?;
    let lang = settings.lang_for(ws.manifest.as_ref().and_then(|m| m.value.languages.first().copied()));
    let (lock, left) = match crate::seal::plan(&ws, accept_changes) {
        crate::seal::Plan::Write { lock, left_out } => (lock, left_out),
        crate::seal::Plan::Changed(changed) => {
            let list = changed.iter().map(|p| format!("  {p}\n")).collect::<String>();
            let n = changed.len();
            let (files, them) = if n == 1 { ("file", "it") } else { ("files", "them") };
            let m = msg!(
                "terbuka: {n} sealed {files} changed or went missing since the last seal:\n{list}`terbuka evidence verify` shows where each is cited. Restore {them}, or, once the steering committee has checked the changes, run `terbuka evidence seal --accept-changes`",
                "terbuka: {n} berkas yang disegel berubah atau hilang sejak penyegelan terakhir:\n{list}`terbuka evidence verify` menunjukkan tempat setiap berkas dirujuk. Kembalikan berkas itu, atau, setelah dewan pengarah memeriksa perubahannya, jalankan `terbuka evidence seal --accept-changes`"
            );
            super::print::err_line(m.get(lang));
            return Ok(Outcome::Problems);
        }
        crate::seal::Plan::Unreadable => {
            let own = diagnostics.into_iter().filter(crate::seal::in_lock).collect::<Vec<_>>();
            let color = settings.color && std::io::stderr().is_terminal();
            let text = render::render(&own, &ws.sources, Format::Human, render::Options { lang, color });
            super::print::err(&text);
            let m = msg!(
                "terbuka: evidence.lock cannot be read, so nothing was sealed: rebuilding it from the files as they are now would approve every change since the last seal. Fix it (after a merge, keep one side of each conflict) or restore it with `git checkout evidence.lock`, then seal again",
                "terbuka: evidence.lock tidak dapat dibaca, jadi tidak ada yang disegel: membuatnya ulang dari berkas yang ada sekarang akan menyetujui setiap perubahan sejak penyegelan terakhir. Perbaiki berkas itu (setelah merge, pertahankan satu sisi dari setiap konflik) atau pulihkan dengan `git checkout evidence.lock`, lalu segel lagi"
            );
            super::print::err_line(m.get(lang));
            return Ok(Outcome::Problems);
        }
    };
    let path = ws.root.join("evidence.lock");
    output::write_atomic(&path, lock.to_text().as_bytes())?;
    super::stdout(&format!("{}\n", path.display()))?;
    let sealed = lock.files.len();
    let m = if left == 0 {
        msg!("terbuka: {sealed} files sealed", "terbuka: {sealed} berkas disegel")
    } else {
        msg!(
            "terbuka: {sealed} files sealed; {left} cited path(s) are not files in the workspace and were left out (see `terbuka validate`)",
            "terbuka: {sealed} berkas disegel; {left} jalur yang dirujuk bukan berkas di dalam ruang kerja sehingga dilewati (lihat `terbuka validate`)"
        )
    };
    super::print::err_line(m.get(lang));
    Ok(Outcome::Ok)
}

/// Checks every cited file against `evidence.lock`.
pub fn verify(settings: &Settings) -> Result<Outcome, Error> {
    let engine = super::open(settings)?;
    let (ws, lang) = (engine.workspace(), engine.lang());
    let Some(v) = crate::seal::verify(ws, engine.diagnostics()) else {
        super::print::err_line(
            msg!(
                "terbuka: this workspace has no evidence.lock; run `terbuka evidence seal` first",
                "terbuka: ruang kerja ini belum memiliki evidence.lock; jalankan `terbuka evidence seal` dahulu"
            )
            .get(lang),
        );
        return Ok(Outcome::Problems);
    };
    print(ws, &v.found, settings, lang);
    if ws.lock.is_none() {
        return Ok(Outcome::Problems);
    }
    let (total, changed, missing, unsealed) = (v.sealed, v.changed, v.missing, v.unsealed);
    let m = msg!(
        "evidence.lock: {total} files sealed — {changed} changed, {missing} missing, {unsealed} cited but not sealed",
        "evidence.lock: {total} berkas disegel — {changed} berubah, {missing} hilang, {unsealed} dirujuk tetapi belum disegel"
    );
    super::stdout(&format!("{}\n", m.get(lang)))?;
    Ok(if v.failed() { Outcome::Problems } else { Outcome::Ok })
}

fn print(
    ws: &crate::load::Workspace,
    found: &[crate::diag::Diagnostic],
    settings: &Settings,
    lang: crate::model::Lang,
) {
    let color = settings.color && std::io::stdout().is_terminal();
    let text = render::render(found, &ws.sources, Format::Human, render::Options { lang, color });
    let _ = super::stdout(&text);
}
