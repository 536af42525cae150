//! Sealing evidence: what `terbuka evidence seal` records in
//! `evidence.lock`, and when it must refuse.
//!
//! The rule is that sealing never approves an edit nobody looked at: a
//! sealed file that changed or went missing stops the seal unless the
//! steering committee accepts the changes; a lock that cannot be read
//! stops it too (rebuilding it from the files as they are now would
//! approve every edit). Files are known by their path with links followed
//! ([`crate::validate::lock_key`]), so another way of reaching a sealed
//! file is the sealed file. This module decides; the CLI prints and writes.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::evidence::{self, PathStatus};
use crate::load::Workspace;
use crate::model::{EvidenceLock, Sealed};
use crate::validate;

/// What a seal would write, or why it must not.
#[derive(Debug, Clone)]
pub enum Plan {
    /// Write this lock.
    Write {
        /// The new `evidence.lock`.
        lock: EvidenceLock,
        /// Cited paths left out because they are not files in the workspace.
        left_out: usize,
    },
    /// Sealed files changed or went missing (their lock names): the seal
    /// stops unless the changes are accepted.
    Changed(Vec<String>),
    /// `evidence.lock` exists but cannot be read (its diagnostics say why).
    Unreadable,
}

/// What `evidence seal` would do to the loaded workspace `ws`.
pub fn plan(ws: &Workspace, accept_changes: bool) -> Plan {
    if ws.broken.contains("evidence.lock") {
        return Plan::Unreadable;
    }
    let (paths, resolved) = evidence::check_all(&ws.root, validate::cited_paths(ws));
    let hashes = evidence::hash_files(&ws.root, &paths);
    // Each file once, by the name the lock knows it by.
    let key = |cited: &str| validate::lock_key(&ws.root, &resolved, cited).into_owned();
    let mut files: BTreeMap<String, Sealed> =
        hashes.into_iter().map(|(path, (sha256, size))| (key(&path), Sealed { sha256, size })).collect();
    let cited = paths
        .iter()
        .filter(|(_, s)| !matches!(s, PathStatus::Invalid(_) | PathStatus::Outside(_)))
        .map(|(p, _)| key(p))
        .collect::<std::collections::BTreeSet<_>>();
    let old = ws.lock.as_ref().map(|l| &l.value.files);
    // Sealed before, and now different (cited or not: a file that stops
    // being cited and comes back under another name must not come back
    // unchecked), or gone while still cited.
    let mut changed = Vec::new();
    let mut kept = Vec::new();
    for (path, sealed) in old.into_iter().flatten() {
        let now = match files.get(path) {
            Some(now) => Some((now.sha256.clone(), now.size)),
            None => evidence::hash(&ws.root, path).ok(),
        };
        match now {
            Some((sha256, size)) if sha256 == sealed.sha256 && size == sealed.size => kept.push((path, sealed)),
            Some(_) => changed.push(path.clone()),
            None if cited.contains(path) => changed.push(path.clone()),
            // Gone and no longer cited: it leaves the lock.
            None => {}
        }
    }
    if !changed.is_empty() && !accept_changes {
        return Plan::Changed(changed);
    }
    // Files no longer cited keep their entries while they are as sealed.
    for (path, sealed) in kept {
        files.entry(path.clone()).or_insert_with(|| sealed.clone());
    }
    let left_out = paths.iter().filter(|(_, s)| !matches!(s, PathStatus::File)).count();
    Plan::Write { lock: EvidenceLock { version: 1, files }, left_out }
}

/// What `evidence verify` reports: the diagnostics about sealed and cited
/// files (E036, W007, E032 of a sealed file) and about `evidence.lock`
/// itself, and the files they concern, counted once each.
#[derive(Debug, Clone, Default)]
pub struct Verification {
    /// The diagnostics to show, sorted.
    pub found: Vec<Diagnostic>,
    /// Files sealed in the lock.
    pub sealed: usize,
    /// Sealed files whose content changed.
    pub changed: usize,
    /// Sealed files that are gone.
    pub missing: usize,
    /// Cited files the lock does not know.
    pub unsealed: usize,
}

impl Verification {
    /// Whether verification failed (a file changed or is gone, or the lock
    /// cannot be read).
    pub fn failed(&self) -> bool {
        self.found.iter().any(Diagnostic::is_error)
    }
}

/// Whether `d` is about `evidence.lock` itself.
pub fn in_lock(d: &Diagnostic) -> bool {
    d.location.as_ref().is_some_and(|l| &*l.file == "evidence.lock")
}

/// [`Verification`] of a workspace from its diagnostics; `None` when it
/// has no `evidence.lock` at all.
pub fn verify(ws: &Workspace, diagnostics: &[Diagnostic]) -> Option<Verification> {
    let Some(lock) = &ws.lock else {
        if !ws.broken.contains("evidence.lock") {
            return None;
        }
        let found = diagnostics.iter().filter(|d| in_lock(d)).cloned().collect();
        return Some(Verification { found, ..Verification::default() });
    };
    let concerns = |d: &&Diagnostic| match d.code {
        Code::EvidenceChanged | Code::EvidenceUnsealed => true,
        // A sealed file that is gone.
        Code::EvidenceMissing => d.evidence.as_ref().is_some_and(|p| lock.value.files.contains_key(p)),
        _ => in_lock(d),
    };
    let mut found = diagnostics.iter().filter(concerns).cloned().collect::<Vec<_>>();
    crate::diag::sort(&mut found);
    let count = |code: Code| {
        let paths = found.iter().filter(|d| d.code == code).filter_map(|d| d.evidence.as_deref());
        paths.collect::<std::collections::BTreeSet<_>>().len()
    };
    let (changed, missing, unsealed) =
        (count(Code::EvidenceChanged), count(Code::EvidenceMissing), count(Code::EvidenceUnsealed));
    Some(Verification { sealed: lock.value.files.len(), changed, missing, unsealed, found })
}
