//! `terbuka evidence seal` records the SHA-256 and size of every cited
//! file in `evidence.lock`; `terbuka evidence verify` reports every file
//! changed, missing or unsealed since.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use crate::diag::render::{self, Format};
use crate::diag::{self, Code, Diagnostic};
use crate::model::{EvidenceLock, Sealed};
use crate::settings::Settings;
use crate::validate;
use crate::{msg, output};

use super::{Error, Outcome};

/// Writes `evidence.lock`. A sealed file that changed or went missing is
/// not re-sealed unless `accept_changes`: sealing must not approve an edit
/// nobody looked at.
pub fn seal(settings: &Settings, accept_changes: bool) -> Result<Outcome, Error> {
    let (ws, _) = crate::load::load(&settings.root, settings.limits)?;
    let lang = settings.lang_for(super::workspace_lang(&ws));
    let (paths, _) = crate::evidence::check_all(&ws.root, validate::cited_paths(&ws));
    let hashes = crate::evidence::hash_files(&ws.root, &paths);
    let mut files: BTreeMap<String, Sealed> =
        hashes.into_iter().map(|(path, (sha256, size))| (path, Sealed { sha256, size })).collect();
    let old = ws.lock.as_ref().map(|l| &l.value.files);
    // Sealed before, and now different or gone (while still cited).
    let changed = old
        .into_iter()
        .flatten()
        .filter(|(path, sealed)| paths.contains_key(*path) && files.get(*path) != Some(sealed))
        .map(|(path, sealed)| (path.clone(), sealed.clone()))
        .collect::<Vec<_>>();
    if !changed.is_empty() && !accept_changes {
        let list = changed.iter().map(|(p, _)| format!("  {p}\n")).collect::<String>();
        let n = changed.len();
        let (files, them) = if n == 1 { ("file", "it") } else { ("files", "them") };
        let m = msg!(
            "terbuka: {n} sealed {files} changed or went missing since the last seal:\n{list}`terbuka evidence verify` shows where each is cited. Restore {them}, or, once the steering committee has checked the changes, run `terbuka evidence seal --accept-changes`",
            "terbuka: {n} berkas yang disegel berubah atau hilang sejak penyegelan terakhir:\n{list}`terbuka evidence verify` menunjukkan tempat setiap berkas dirujuk. Kembalikan berkas itu, atau, setelah dewan pengarah memeriksa perubahannya, jalankan `terbuka evidence seal --accept-changes`"
        );
        eprintln!("{}", m.get(lang));
        return Ok(Outcome::Problems);
    }
    // Without --accept-changes nothing changed; with it, a missing file
    // leaves the lock. Files no longer cited keep their entries only if
    // they still exist as sealed.
    for (path, sealed) in old.into_iter().flatten() {
        if !paths.contains_key(path)
            && crate::evidence::hash(&ws.root, path).ok() == Some((sealed.sha256.clone(), sealed.size))
        {
            files.insert(path.clone(), sealed.clone());
        }
    }
    let lock = EvidenceLock { version: 1, files };
    let path = ws.root.join("evidence.lock");
    output::write_atomic(&path, lock.to_text().as_bytes())?;
    super::stdout(&format!("{}\n", path.display()))?;
    let sealed = lock.files.len();
    let left = paths.iter().filter(|(p, _)| !lock.files.contains_key(*p)).count();
    let m = if left == 0 {
        msg!("terbuka: {sealed} files sealed", "terbuka: {sealed} berkas disegel")
    } else {
        msg!(
            "terbuka: {sealed} files sealed; {left} cited path(s) are not files in the workspace and were left out (see `terbuka validate`)",
            "terbuka: {sealed} berkas disegel; {left} jalur yang dirujuk bukan berkas di dalam workspace sehingga dilewati (lihat `terbuka validate`)"
        )
    };
    eprintln!("{}", m.get(lang));
    Ok(Outcome::Ok)
}

/// Checks every cited file against `evidence.lock`.
pub fn verify(settings: &Settings) -> Result<Outcome, Error> {
    let (ws, diagnostics, _) = super::check(settings)?;
    let lang = settings.lang_for(super::workspace_lang(&ws));
    let Some(lock) = &ws.lock else {
        let broken = ws.broken.contains("evidence.lock");
        if !broken {
            eprintln!(
                "{}",
                msg!(
                    "terbuka: this workspace has no evidence.lock; run `terbuka evidence seal` first",
                    "terbuka: workspace ini belum memiliki evidence.lock; jalankan `terbuka evidence seal` dahulu"
                )
                .get(lang)
            );
            return Ok(Outcome::Problems);
        }
        let own = diagnostics.into_iter().filter(in_lock).collect::<Vec<_>>();
        print(&ws, &own, settings, lang);
        return Ok(Outcome::Problems);
    };
    let sealed = |d: &Diagnostic| match d.code {
        Code::EvidenceChanged | Code::EvidenceUnsealed => true,
        // A sealed file that is gone.
        Code::EvidenceMissing => cited_path(&ws, d).is_some_and(|p| lock.value.files.contains_key(p)),
        _ => in_lock(d),
    };
    let found = diagnostics.into_iter().filter(sealed).collect::<Vec<_>>();
    print(&ws, &found, settings, lang);
    let count = |code: Code| {
        let mut paths = found.iter().filter(|d| d.code == code).filter_map(|d| cited_path(&ws, d)).collect::<Vec<_>>();
        paths.sort_unstable();
        paths.dedup();
        paths.len()
    };
    let (changed, missing, unsealed) =
        (count(Code::EvidenceChanged), count(Code::EvidenceMissing), count(Code::EvidenceUnsealed));
    let total = lock.value.files.len();
    let m = msg!(
        "evidence.lock: {total} files sealed — {changed} changed, {missing} missing, {unsealed} cited but not sealed",
        "evidence.lock: {total} berkas disegel — {changed} berubah, {missing} hilang, {unsealed} dirujuk tetapi belum disegel"
    );
    super::stdout(&format!("{}\n", m.get(lang)))?;
    Ok(if found.iter().any(Diagnostic::is_error) { Outcome::Problems } else { Outcome::Ok })
}

fn in_lock(d: &Diagnostic) -> bool {
    d.location.as_ref().is_some_and(|l| &*l.file == "evidence.lock")
}

/// The cited path a diagnostic points at (the value under its caret).
fn cited_path<'a>(ws: &'a crate::load::Workspace, d: &Diagnostic) -> Option<&'a str> {
    let location = d.location.as_ref()?;
    let span = location.span?;
    let text = &ws.sources.get(&location.file)?.text;
    text.get(span.start..span.end).map(|s| s.trim_matches(['"', '\'']))
}

fn print(ws: &crate::load::Workspace, found: &[Diagnostic], settings: &Settings, lang: crate::model::Lang) {
    let mut found = found.to_vec();
    diag::sort(&mut found);
    let color = settings.color && std::io::stdout().is_terminal();
    let text = render::render(&found, &ws.sources, Format::Human, render::Options { lang, color });
    let _ = super::stdout(&text);
}
