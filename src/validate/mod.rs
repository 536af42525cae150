//! Validation: the named rules that check a loaded workspace as a whole —
//! ids and cross-references, the rubric, dates, assessments, evidence and
//! reviews — one family per file in [`rules`], each code's documentation,
//! constructor and check side by side.
//!
//! Every rule reports located diagnostics (see `diag::Code` for the index)
//! and keeps going, so one run shows every problem. Rules never read files:
//! the evidence facts they need are gathered first by `evidence`
//! ([`Facts`]).

pub mod rules;

pub use rules::addresses::is_email;
pub use rules::languages::translations;

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Location};
use crate::evidence::{self, PathStatus};
use crate::load::{Doc, Workspace};
use crate::model::{Commitment, Institution, Period, Rubric};

/// Facts about the file system that rules need, gathered before they run.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Status of every cited workspace path.
    pub paths: BTreeMap<String, PathStatus>,
    /// Every cited path that exists, with its links followed.
    pub resolved: BTreeMap<String, std::path::PathBuf>,
    /// SHA-256 and size of every cited file, when the workspace has an
    /// `evidence.lock` to compare them with (else empty).
    pub hashes: BTreeMap<String, (String, u64)>,
    /// Files `evidence.lock` seals that nothing cites any more, by their
    /// lock name: their SHA-256 and size now, or `None` when they are gone.
    pub uncited_sealed: BTreeMap<String, Option<(String, u64)>>,
    /// The day the monitoring body's due dates are checked against (W015);
    /// `None` checks none.
    pub today: Option<crate::model::Date>,
}

impl Facts {
    /// Checks every path the workspace cites, and hashes the files when
    /// there is an `evidence.lock`.
    pub fn gather(ws: &Workspace) -> Self {
        Facts::gather_from(&ws.root, cited_paths(ws), ws.lock.as_ref().map(|l| &l.value))
    }

    /// [`Facts::gather`], taking the hashes of files that did not change
    /// from `known` (a long-lived engine knows which files changed).
    pub fn gather_known(ws: &Workspace, known: &BTreeMap<String, (String, u64)>) -> Self {
        Facts::gather_with(&ws.root, cited_paths(ws), ws.lock.as_ref().map(|l| &l.value), known)
    }

    /// [`Facts::gather`] from the cited paths and the lock.
    pub fn gather_from<'a>(
        root: &std::path::Path,
        cited: impl IntoIterator<Item = &'a str>,
        lock: Option<&crate::model::EvidenceLock>,
    ) -> Self {
        Facts::gather_with(root, cited, lock, &BTreeMap::new())
    }

    fn gather_with<'a>(
        root: &std::path::Path,
        cited: impl IntoIterator<Item = &'a str>,
        lock: Option<&crate::model::EvidenceLock>,
        known: &BTreeMap<String, (String, u64)>,
    ) -> Self {
        let (paths, resolved) = evidence::check_all(root, cited);
        let hashes = match lock {
            None => BTreeMap::new(),
            Some(_) => {
                let (seen, fresh): (BTreeMap<_, _>, BTreeMap<_, _>) =
                    paths.iter().map(|(p, s)| (p.clone(), s.clone())).partition(|(p, _)| known.contains_key(p));
                let mut hashes = evidence::hash_files(root, &fresh);
                hashes.extend(seen.into_iter().filter(|(_, s)| *s == PathStatus::File).filter_map(|(p, _)| {
                    let h = known.get(&p)?.clone();
                    Some((p, h))
                }));
                hashes
            }
        };
        // A sealed file must stay as sealed whether or not it is cited: one
        // that stops being cited could come back under another name.
        let mut uncited_sealed = BTreeMap::new();
        if let Some(lock) = lock {
            let cited = paths
                .keys()
                .map(|p| lock_key(root, &resolved, p).into_owned())
                .collect::<std::collections::BTreeSet<_>>();
            let uncited = lock.files.keys().filter(|k| !cited.contains(*k)).map(String::as_str).collect::<Vec<_>>();
            let unknown = uncited.iter().copied().filter(|k| !known.contains_key(*k));
            let mut now = evidence::hash_all(root, unknown);
            now.extend(uncited.iter().filter_map(|k| known.get(*k).map(|h| ((*k).to_owned(), h.clone()))));
            uncited_sealed = uncited.into_iter().map(|k| (k.to_owned(), now.get(k).cloned())).collect();
        }
        Facts { paths, resolved, hashes, uncited_sealed, today: None }
    }

    /// These facts, for the day `today`.
    pub fn on(mut self, today: crate::model::Date) -> Self {
        self.today = Some(today);
        self
    }

    /// The name `evidence.lock` knows a cited file by: its path with links
    /// followed, relative to the root (`root`, canonical), so that a link
    /// to a sealed file is the sealed file; the path as cited when it does
    /// not exist.
    pub fn lock_key<'a>(&'a self, root: &std::path::Path, cited: &'a str) -> std::borrow::Cow<'a, str> {
        lock_key(root, &self.resolved, cited)
    }

    /// Facts for a workspace whose files are not checked (tests).
    pub fn assume_present(ws: &Workspace) -> Self {
        let paths = cited_paths(ws).map(|p| (p.to_owned(), PathStatus::File)).collect();
        Facts {
            paths,
            resolved: BTreeMap::new(),
            hashes: BTreeMap::new(),
            uncited_sealed: BTreeMap::new(),
            today: None,
        }
    }
}

/// [`Facts::lock_key`] from a map of resolved paths.
pub fn lock_key<'a>(
    root: &std::path::Path,
    resolved: &BTreeMap<String, std::path::PathBuf>,
    cited: &'a str,
) -> std::borrow::Cow<'a, str> {
    let real = resolved.get(cited).and_then(|real| real.strip_prefix(root).ok());
    match real.and_then(|r| r.to_str()) {
        Some(r) if r != cited => std::borrow::Cow::Owned(r.replace('\\', "/")),
        _ => std::borrow::Cow::Borrowed(cited),
    }
}

/// Every workspace path the YAML files cite (evidence and decrees).
pub fn cited_paths(ws: &Workspace) -> impl Iterator<Item = &str> {
    let decrees = ws
        .institutions
        .iter()
        .filter_map(|d| d.value.steering_committee.as_ref())
        .chain(ws.manifest.iter().filter_map(|m| m.value.steering_committee.as_ref()))
        .filter_map(|c| c.decree.as_deref());
    let items = ws.assessments.iter().flat_map(|a| {
        a.value
            .points
            .values()
            .flat_map(|p| p.evidence.iter())
            .chain(a.value.commitments.values().flat_map(|m| m.values()).flat_map(|m| m.evidence.iter()))
            .filter_map(|e| e.file.as_deref())
    });
    decrees.chain(items).chain(cycle_files(ws))
}

/// The workspace files the monitoring cycle's records cite: the forum's
/// minutes, the co-creation checks' evidence, end-of-commitment
/// attachments.
fn cycle_files(ws: &Workspace) -> impl Iterator<Item = &str> {
    let minutes = ws
        .manifest
        .iter()
        .filter_map(|m| m.value.steering_committee.as_ref())
        .flat_map(|c| c.meetings.iter())
        .filter_map(|m| m.minutes.as_ref());
    let reviewed = ws.reviews.iter().flat_map(|r| {
        r.value.co_creation.values().flat_map(|a| a.evidence.iter()).chain(
            r.value
                .commitments
                .values()
                .filter_map(|c| c.end_of_commitment.as_ref())
                .flat_map(|e| e.attachments.iter()),
        )
    });
    minutes.chain(reviewed).filter_map(|e| e.file.as_deref())
}

/// Runs every rule.
pub fn validate(ws: &Workspace, facts: &Facts) -> Vec<Diagnostic> {
    let mut cx = Context::new(ws, facts);
    rules::check_all(&mut cx);
    cx.out
}

/// What rules share: the workspace, lookups by id, and the output.
pub(crate) struct Context<'a> {
    pub ws: &'a Workspace,
    pub facts: &'a Facts,
    pub institutions: BTreeMap<&'a str, &'a Doc<Institution>>,
    pub commitments: BTreeMap<&'a str, &'a Doc<Commitment>>,
    pub periods: BTreeMap<&'a str, &'a Period>,
    pub rubric: Option<&'a Doc<Rubric>>,
    pub out: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    fn new(ws: &'a Workspace, facts: &'a Facts) -> Self {
        let periods = ws.manifest.iter().flat_map(|m| m.value.periods.iter()).fold(BTreeMap::new(), |mut map, p| {
            map.entry(p.id.as_str()).or_insert(p);
            map
        });
        Context {
            ws,
            facts,
            institutions: ws.institutions_by_id(),
            commitments: ws.commitments_by_id(),
            periods,
            rubric: ws.rubric(),
            out: Vec::new(),
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    /// Whether `id` names an institution, or a file for one exists (even
    /// one that failed to load or declares another id: its own diagnostic
    /// says what is wrong, so references to it are not reported again).
    pub fn knows_institution(&self, id: &str) -> bool {
        self.institutions.contains_key(id) || self.has_file(&format!("institutions/{id}.yaml"))
    }

    /// Whether `id` names a commitment, or a file for one exists.
    pub fn knows_commitment(&self, id: &str) -> bool {
        self.commitments.contains_key(id) || self.has_file(&format!("commitments/{id}.yaml"))
    }

    /// Whether `id` is a period of `terbuka.yaml` (any id is, when there is
    /// no `terbuka.yaml` at all: its absence has its own diagnostic).
    pub fn knows_period(&self, id: &str) -> bool {
        self.periods.contains_key(id) || self.ws.manifest.is_none()
    }

    /// Whether the workspace has a file at `rel`, even one that failed to
    /// load or declares another id: its own diagnostic says what is wrong,
    /// so references to it are not reported again.
    pub fn has_file(&self, rel: &str) -> bool {
        self.ws.broken.contains(rel) || self.ws.sources.get(rel).is_some()
    }

    /// The line `at` starts on (1-based), for a hint that names it.
    pub fn line_of(&self, at: &Location) -> Option<usize> {
        self.ws.sources.resolve(at).map(|((line, _), _)| line)
    }

    /// The rubric's levels, in the order of its scale.
    pub fn levels(&self) -> Vec<u32> {
        self.rubric.map(|r| r.value.scale.iter().map(|s| s.level).collect()).unwrap_or_default()
    }
}
