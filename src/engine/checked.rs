//! The result cache of `validate`: the diagnostics of a whole workspace,
//! kept in `out/.cache/validate.bin` with what they were made from — the
//! SHA-256 of every YAML file (and the version, model and limits, as the
//! parse cache), and a digest of the file-system facts validation used.
//!
//! On the next `validate`, every YAML file is read and hashed, and the
//! cited files checked again (nothing is taken on a date); when the files
//! and the facts are what they were, the diagnostics are too, and no file
//! is parsed or checked again. Like the parse cache, it is bound to this
//! folder on this machine, ignored when it cannot be read, and off with
//! `--no-cache`.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Engine, Options};
use crate::diag::{Code, Diagnostic, Location, Msg, SourceFile, Sources, Span};
use crate::load;
use crate::model::{EvidenceLock, Lang};
use crate::validate::{self, Facts};

/// Where the cache lives, relative to the workspace root.
pub const PATH: &str = "out/.cache/validate.bin";

/// What `validate` shows besides the diagnostics.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    /// YAML files found.
    pub files: usize,
    /// Institutions loaded.
    pub institutions: usize,
    /// Commitments loaded.
    pub commitments: usize,
    /// Period ids in `terbuka.yaml`.
    pub periods: Vec<String>,
    /// Institution ids.
    pub institution_ids: Vec<String>,
    /// Files that did not load.
    pub broken: BTreeSet<String>,
    /// Whether `terbuka.yaml` loaded.
    pub manifest: bool,
    /// The workspace's first language.
    pub first_lang: Option<Lang>,
}

/// A validated workspace, from the result cache or an engine.
#[derive(Debug, Clone)]
pub struct Checked {
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of every file read.
    pub sources: Sources,
    /// What the summary line says.
    pub summary: Summary,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    facts: String,
    cited: Vec<String>,
    lock: Option<EvidenceLock>,
    summary: Summary,
    diagnostics: Vec<StoredDiagnostic>,
}

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    code: String,
    message: (String, String),
    file: Option<String>,
    span: Option<(usize, usize)>,
    path: Option<Vec<crate::diag::Seg>>,
    subject: Option<crate::diag::Subject>,
    label: Option<(String, String)>,
    hints: Vec<(String, String)>,
    period: Option<String>,
    evidence: Option<String>,
}

fn pair(m: &Msg) -> (String, String) {
    (m.en.clone(), m.id.clone())
}

impl StoredDiagnostic {
    fn from(d: &Diagnostic) -> StoredDiagnostic {
        StoredDiagnostic {
            code: d.code.as_str().to_owned(),
            message: pair(&d.message),
            file: d.location.as_ref().map(|l| l.file.to_string()),
            span: d.location.as_ref().and_then(|l| l.span).map(|s| (s.start, s.end)),
            path: d.location.as_ref().and_then(|l| l.path.as_deref()).map(<[_]>::to_vec),
            subject: d.location.as_ref().and_then(|l| l.subject.as_deref()).cloned(),
            label: d.label.as_ref().map(pair),
            hints: d.hints.iter().map(pair).collect(),
            period: d.period.clone(),
            evidence: d.evidence.clone(),
        }
    }

    fn into_diagnostic(self) -> Option<Diagnostic> {
        let code = Code::ALL.iter().copied().find(|c| c.as_str() == self.code)?;
        let mut d = Diagnostic::new(code, Msg::new(self.message.0, self.message.1));
        if let Some(file) = self.file {
            let file: Arc<str> = file.into();
            d.location = Some(Location {
                file,
                span: self.span.map(|(start, end)| Span { start, end }),
                path: self.path.map(Into::into),
                subject: self.subject.map(Arc::new),
            });
        }
        d.label = self.label.map(|(en, id)| Msg::new(en, id));
        d.hints = self.hints.into_iter().map(|(en, id)| Msg::new(en, id)).collect();
        d.period = self.period;
        d.evidence = self.evidence;
        Some(d)
    }
}

/// The key of a set of files: the caches' version key and every file's
/// path and the SHA-256 of its text (its bytes without a byte-order mark).
fn key(root: &Path, limits: load::Limits, files: &[(String, load::cache::Digest32)]) -> String {
    let mut h = Sha256::new();
    h.update(load::cache::key(root, limits));
    let mut files = files.iter().collect::<Vec<_>>();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (rel, digest) in files {
        h.update(rel.as_bytes());
        h.update([0]);
        h.update(digest);
    }
    hex(&h.finalize())
}

/// The stored result, when it can be read.
fn stored(root: &Path) -> Option<Stored> {
    let bytes = crate::files::read(root, PATH, 64 << 20).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A digest of the facts validation used.
fn facts_digest(facts: &Facts) -> String {
    hex(&Sha256::digest(format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}",
        facts.paths, facts.resolved, facts.hashes, facts.uncited_sealed, facts.today
    )))
}

/// The workspace's diagnostics from the result cache, when every YAML file
/// and every fact is what it was; `None` otherwise (or with no cache).
pub fn quick(options: &Options) -> Option<Checked> {
    if !options.cache {
        return None;
    }
    let root = options.root.canonicalize().ok().filter(|r| r.is_dir())?;
    let stored = stored(&root)?;
    let mut found = Vec::new();
    let files = load::discover_files(&root, &mut found).ok()?;
    if files.len() > options.limits.max_files {
        return None;
    }
    // Only the files diagnostics point into are shown: only their text is
    // kept.
    let shown = stored.diagnostics.iter().filter_map(|d| d.file.as_deref()).collect::<BTreeSet<_>>();
    // Every file read and hashed again (nothing is taken on a date or a
    // size); one that cannot be read is the full run's to report.
    let read = files
        .par_iter()
        .map(|(_, rel)| {
            let (bytes, _) = crate::files::read_plain(&root, rel, options.limits.max_file_bytes).ok()?;
            let digest = load::cache::text_digest(&bytes);
            Some((rel.clone(), digest, shown.contains(rel.as_str()).then_some(bytes)))
        })
        .collect::<Option<Vec<_>>>()?;
    let digests = read.iter().map(|(rel, d, _)| (rel.clone(), *d)).collect::<Vec<_>>();
    if key(&root, options.limits, &digests) != stored.key {
        return None;
    }
    let cited = stored.cited.iter().map(String::as_str);
    let facts = Facts::gather_from(&root, cited, stored.lock.as_ref()).on(options.today());
    if facts_digest(&facts) != stored.facts {
        return None;
    }
    let mut sources = Sources::default();
    for (rel, _, bytes) in read {
        if let Some(bytes) = bytes {
            let text = String::from_utf8(load::cache::without_bom(&bytes).to_vec()).ok()?;
            sources.insert(Arc::new(SourceFile::new(rel.into(), text)));
        }
    }
    let diagnostics =
        stored.diagnostics.into_iter().map(StoredDiagnostic::into_diagnostic).collect::<Option<Vec<_>>>()?;
    Some(Checked { diagnostics, sources, summary: stored.summary })
}

impl Engine {
    /// The workspace's diagnostics from the result cache, when the files
    /// the engine loaded and the facts are those it was written for: every
    /// command on a workspace that did not change since it was last
    /// validated skips validating it again.
    pub(super) fn recall(&self) -> Option<Vec<Diagnostic>> {
        let digests = self.digests.as_ref().filter(|d| d.len() == self.ws.files)?;
        let stored = stored(&self.ws.root)?;
        if key(&self.ws.root, self.options.limits, digests) != stored.key || facts_digest(self.facts()) != stored.facts
        {
            return None;
        }
        stored.diagnostics.into_iter().map(StoredDiagnostic::into_diagnostic).collect()
    }

    /// What `validate` shows: the diagnostics, the sources and the summary.
    pub fn checked(&self) -> Checked {
        let ws = &self.ws;
        let summary = Summary {
            files: ws.files,
            institutions: ws.institutions.len(),
            commitments: ws.commitments.len(),
            periods: ws.manifest.iter().flat_map(|m| m.value.periods.iter().map(|p| p.id.clone())).collect(),
            institution_ids: ws.institutions_by_id().keys().map(|k| (*k).to_owned()).collect(),
            broken: ws.broken.clone(),
            manifest: ws.manifest.is_some(),
            first_lang: self.workspace_lang(),
        };
        Checked { diagnostics: self.diagnostics().to_vec(), sources: ws.sources.clone(), summary }
    }

    /// Keeps this workspace's diagnostics in the result cache (when the
    /// cache is on, `out/` can hold it, and they were not read from it).
    pub fn remember(&self) {
        if !self.options.cache || self.recalled.load(std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        let Some(path) = load::Cache::path(&self.ws.root).map(|_| self.ws.root.join(PATH)) else { return };
        let ws = &self.ws;
        let files = match &self.digests {
            Some(digests) => digests.clone(),
            None => ws.sources.iter().map(|s| (s.path.to_string(), load::cache::digest(s.text.as_bytes()))).collect(),
        };
        // A file that did not load as text has no source: such a workspace
        // is not worth keeping.
        if files.len() != ws.files {
            return;
        }
        let stored = Stored {
            key: key(&ws.root, self.options.limits, &files),
            facts: facts_digest(self.facts()),
            cited: validate::cited_paths(ws).map(str::to_owned).collect(),
            lock: ws.lock.as_ref().map(|l| l.value.clone()),
            summary: self.checked().summary,
            diagnostics: self.diagnostics().iter().map(StoredDiagnostic::from).collect(),
        };
        if let Ok(bytes) = serde_json::to_vec(&stored) {
            let _ = crate::output::write_cache(&ws.root, &path, &bytes);
        }
    }
}
