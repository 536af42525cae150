//! The loaded workspace: one [`Doc`] per file, by kind, with the text of
//! every file read; and the edits a long-lived engine makes to it when a
//! file changes ([`Workspace::put`], [`Workspace::take`]).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Kind, Locator, Parsed, Seg};
use crate::diag::{Location, Sources};
use crate::model::{
    Assessment, Commitment, EvidenceLock, Institution, Manifest, Methodology, MethodologyFile, ResultScale, Review,
    Rubric,
};

/// A deserialised file with its location index.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    /// Path relative to the workspace root, `/`-separated.
    pub file: Arc<str>,
    /// The file's content.
    pub value: T,
    /// Where each key is written.
    pub locator: Arc<Locator>,
}

/// The id of the item a sequence path names in a file's value
/// (`milestones[2]` → `m3`), so that a diagnostic's subject names the
/// milestone, period or point it concerns rather than its position.
pub trait ItemIds {
    /// The id of the item at `path` (a sequence and a position in it).
    fn id_at(&self, _path: &[Seg]) -> Option<String> {
        None
    }
}

impl ItemIds for Commitment {
    fn id_at(&self, path: &[Seg]) -> Option<String> {
        match path {
            [Seg::Key(k), Seg::Index(i)] if k == "milestones" => self.milestones.get(*i).map(|m| m.id.to_string()),
            _ => None,
        }
    }
}

impl ItemIds for Manifest {
    fn id_at(&self, path: &[Seg]) -> Option<String> {
        match path {
            [Seg::Key(k), Seg::Index(i)] if k == "periods" => self.periods.get(*i).map(|p| p.id.to_string()),
            _ => None,
        }
    }
}

impl ItemIds for Rubric {
    fn id_at(&self, path: &[Seg]) -> Option<String> {
        match path {
            [Seg::Key(k), Seg::Index(i)] if k == "points" => self.points.get(*i).map(|p| p.id.to_string()),
            _ => None,
        }
    }
}

impl ItemIds for Assessment {}
impl ItemIds for Institution {}
impl ItemIds for Review {}
impl ItemIds for MethodologyFile {}
impl ItemIds for EvidenceLock {}

impl<T: ItemIds> Doc<T> {
    /// The location of the value at `path` (or its nearest written
    /// ancestor), concerning `path`.
    pub fn at(&self, path: &[Seg]) -> Location {
        let at = match self.locator.value(path) {
            Some(span) => Location::span(&self.file, span.start, span.end),
            None => Location::file(&self.file),
        };
        at.concerning(path, &|p| self.value.id_at(p))
    }

    /// The location of the key at `path` (or its nearest written
    /// ancestor), concerning `path`.
    pub fn key_at(&self, path: &[Seg]) -> Location {
        let at = match self.locator.key(path) {
            Some(span) => Location::span(&self.file, span.start, span.end),
            None => Location::file(&self.file),
        };
        at.concerning(path, &|p| self.value.id_at(p))
    }
}

impl<T> Doc<T> {
    /// The file name without directory and `.yaml`.
    pub fn stem(&self) -> &str {
        let name = self.file.rsplit('/').next().unwrap_or(&self.file);
        name.strip_suffix(".yaml").unwrap_or(name)
    }

    /// The name of the directory holding the file.
    pub fn parent_dir(&self) -> &str {
        let mut parts = self.file.rsplit('/');
        parts.next();
        parts.next().unwrap_or("")
    }
}

fn remove<T>(docs: &mut Vec<Doc<T>>, rel: &str) -> usize {
    let before = docs.len();
    docs.retain(|d| &*d.file != rel);
    before - docs.len()
}

/// Everything a workspace holds, as loaded.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// Absolute path of the workspace root.
    pub root: PathBuf,
    /// Text of every YAML file read.
    pub sources: Sources,
    /// `terbuka.yaml`.
    pub manifest: Option<Doc<Manifest>>,
    /// `rubrics/*.yaml`.
    pub rubrics: Vec<Doc<Rubric>>,
    /// `commitments/*.yaml`.
    pub commitments: Vec<Doc<Commitment>>,
    /// `institutions/*.yaml`.
    pub institutions: Vec<Doc<Institution>>,
    /// `assessments/<period>/<institution>.yaml`.
    pub assessments: Vec<Doc<Assessment>>,
    /// `reviews/<period>.yaml`.
    pub reviews: Vec<Doc<Review>>,
    /// `methodologies/<version>.yaml`: the workspace's own methodology data.
    pub methodologies: Vec<Doc<MethodologyFile>>,
    /// `evidence.lock`, when the evidence has been sealed.
    pub lock: Option<Doc<EvidenceLock>>,
    /// Number of YAML files found (parsed or not).
    pub files: usize,
    /// Files that could not be loaded (their problems are reported); ids
    /// named after them are not reported again as unknown.
    pub broken: std::collections::BTreeSet<String>,
    /// The text limit the files were read with (for indexes made later).
    pub max_text_chars: usize,
    /// Files read through a symbolic link (their real path is elsewhere):
    /// the output guard resolves these, and takes the others as they are.
    pub linked: std::collections::BTreeSet<String>,
}

impl Workspace {
    /// Drops where each key is written, once the workspace has been
    /// validated and no diagnostic will point into it: the indexes built for
    /// files with a warning (or every file's, when read by the full path)
    /// are large, and a report needs the memory.
    pub fn forget_locations(&mut self) {
        let (sources, max) = (&self.sources, self.max_text_chars);
        // A lazy index again: built anew only if something asks (an engine
        // that re-validates after an edit).
        let forget = |d: &mut Arc<Locator>, file: &str| {
            *d = Arc::new(match sources.get(file) {
                Some(source) => Locator::lazy(source.clone(), max),
                None => Locator::default(),
            })
        };
        self.manifest.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
        self.rubrics.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
        self.commitments.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
        self.institutions.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
        self.assessments.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
        self.reviews.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
        self.methodologies.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
        self.lock.iter_mut().for_each(|d| forget(&mut d.locator, &d.file.clone()));
    }

    /// Adds a file read by `load` (its source, and its document when it
    /// parsed), in the order `load` finds files. A file whose document did
    /// not load is recorded as broken.
    pub(super) fn put(
        &mut self,
        kind: Kind,
        rel: &str,
        source: Option<Arc<crate::diag::SourceFile>>,
        doc: Option<Parsed>,
    ) -> Vec<crate::diag::Diagnostic> {
        self.files += 1;
        if let Some(source) = source {
            self.sources.insert(source);
        }
        let Some(doc) = doc else {
            self.broken.insert(rel.to_owned());
            return Vec::new();
        };
        debug_assert_eq!(kind, doc.kind());
        // In `load`'s order: by folder, then name, step by step (a folder
        // `2017-s1` comes before `2017-s1-x`). `load` adds files in that
        // order, so they go at the end.
        fn before(a: &str, b: &str) -> bool {
            a.split('/').lt(b.split('/'))
        }
        fn insert<T>(docs: &mut Vec<Doc<T>>, doc: Doc<T>) {
            if docs.last().is_none_or(|last| before(&last.file, &doc.file)) {
                docs.push(doc);
                return;
            }
            let at = docs.partition_point(|d| before(&d.file, &doc.file));
            docs.insert(at, doc);
        }
        match doc {
            Parsed::Manifest(d) => self.manifest = Some(d),
            Parsed::Rubric(d) => insert(&mut self.rubrics, d),
            Parsed::Commitment(d) => insert(&mut self.commitments, d),
            Parsed::Institution(d) => insert(&mut self.institutions, d),
            Parsed::Assessment(d) => insert(&mut self.assessments, d),
            Parsed::Review(d) => insert(&mut self.reviews, d),
            Parsed::Methodology(d) => insert(&mut self.methodologies, d),
            Parsed::Lock(d) => self.lock = Some(d),
        }
        Vec::new()
    }

    /// Removes the file at `rel` (its document, source and broken mark).
    pub fn take(&mut self, rel: &str) {
        let mine = |file: &Arc<str>| &**file == rel;
        let before = self.sources.len() + usize::from(self.broken.contains(rel));
        let mut found = false;
        if self.manifest.as_ref().is_some_and(|d| mine(&d.file)) {
            self.manifest = None;
            found = true;
        }
        if self.lock.as_ref().is_some_and(|d| mine(&d.file)) {
            self.lock = None;
            found = true;
        }
        let mut drop_from = |n: usize| found |= n > 0;
        drop_from(remove(&mut self.rubrics, rel));
        drop_from(remove(&mut self.commitments, rel));
        drop_from(remove(&mut self.institutions, rel));
        drop_from(remove(&mut self.assessments, rel));
        drop_from(remove(&mut self.reviews, rel));
        drop_from(remove(&mut self.methodologies, rel));
        found |= self.broken.remove(rel);
        self.linked.remove(rel);
        found |= self.sources.remove(rel);
        if found || before != self.sources.len() {
            self.files = self.files.saturating_sub(1);
        }
    }

    /// The rubric the manifest names.
    pub fn rubric(&self) -> Option<&Doc<Rubric>> {
        let id = &self.manifest.as_ref()?.value.rubric;
        self.rubrics.iter().find(|r| &r.value.id == id)
    }

    /// The review of `period` (the first file wins on a duplicate).
    pub fn review(&self, period: &str) -> Option<&Review> {
        self.reviews.iter().map(|d| &d.value).find(|r| r.period == period)
    }

    /// The data of `methodology`: the workspace's own file when it has one
    /// (named after the methodology), else the one terbuka ships.
    pub fn methodology(&self, methodology: Methodology) -> Option<&MethodologyFile> {
        let name = format!("methodologies/{}.yaml", methodology.as_str());
        self.methodologies
            .iter()
            .find(|d| *d.file == *name && d.value.methodology == methodology)
            .map(|d| &d.value)
            .or_else(|| crate::model::methodology::builtin(methodology))
    }

    /// The early-results scale of `methodology`, if it has one.
    pub fn early_results(&self, methodology: Methodology) -> Option<&ResultScale> {
        self.methodology(methodology)?.early_results.as_ref()
    }

    /// Institutions by id (the first file wins on a duplicate).
    pub fn institutions_by_id(&self) -> BTreeMap<&str, &Doc<Institution>> {
        let mut map = BTreeMap::new();
        for doc in &self.institutions {
            map.entry(doc.value.id.as_str()).or_insert(doc);
        }
        map
    }

    /// Commitments by id (the first file wins on a duplicate).
    pub fn commitments_by_id(&self) -> BTreeMap<&str, &Doc<Commitment>> {
        let mut map = BTreeMap::new();
        for doc in &self.commitments {
            map.entry(doc.value.id.as_str()).or_insert(doc);
        }
        map
    }
}
