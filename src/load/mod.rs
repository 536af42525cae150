//! Loading: reads every YAML file of a workspace, deserialises it into the
//! model and indexes where each key is written.
//!
//! This stage owns reading the workspace's YAML (with `evidence`, the only
//! other stage that reads files). It reports problems of form — unreadable
//! files, YAML syntax, unknown keys, wrong types — as located diagnostics,
//! and keeps going so that every file's problems come out in one run. It
//! checks nothing across files: that is `validate`.

pub mod cache;
mod indent;
pub mod locate;
mod parsed;
mod read;
pub mod rules;
mod serde_error;
mod track;
mod workspace;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Location, Msg, SourceFile};
use crate::msg;
pub use cache::Cache;
pub use locate::{Locator, Seg};
pub(crate) use parsed::Parsed;
use parsed::{deserialize, deserialize_tracked, from_json, to_json};
pub use read::first_lang;
pub use workspace::{Doc, ItemIds, Workspace};

/// Limits on what the loader accepts.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest YAML file, in bytes (`TERBUKA_MAX_FILE_BYTES`).
    pub max_file_bytes: u64,
    /// Most YAML files in a workspace (`TERBUKA_MAX_FILES`).
    pub max_files: usize,
    /// Longest text value, in characters (`TERBUKA_MAX_TEXT_CHARS`): every
    /// text can reach a report, where a runaway value would make pages of
    /// one paragraph.
    pub max_text_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 4 * 1024 * 1024, max_files: 200_000, max_text_chars: 20_000 }
    }
}

/// What kind of file a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Manifest,
    Rubric,
    Commitment,
    Institution,
    Assessment,
    Review,
    /// `methodologies/<version>.yaml`, a workspace's own data for an IRM
    /// methodology (overriding the file terbuka ships).
    Methodology,
    /// `evidence.lock` (written by terbuka, read like the rest).
    Lock,
}

/// Loads the workspace at `root`. Returns what could be loaded and every
/// problem found; an `Err` means the workspace could not be read at all.
pub fn load(root: &Path, limits: Limits) -> Result<(Workspace, Vec<Diagnostic>), LoadError> {
    load_with(root, limits, &|_| {}, None)
}

/// How far [`load_with`] has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The YAML files are listed: this many will be read.
    Found(usize),
    /// One more file is read and parsed (called from worker threads).
    Read,
    /// Every file is read.
    Done,
}

/// [`load`], telling `progress` how far it has got (for a progress bar on
/// big workspaces).
pub fn load_with_progress(
    root: &Path,
    limits: Limits,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Workspace, Vec<Diagnostic>), LoadError> {
    load_with(root, limits, progress, None)
}

/// [`load_with_progress`], taking each file that deserialised cleanly last
/// time from `cache` when its bytes are unchanged, and recording the others
/// in it.
pub fn load_with(
    root: &Path,
    limits: Limits,
    progress: &(dyn Fn(Progress) + Sync),
    mut cache: Option<&mut Cache>,
) -> Result<(Workspace, Vec<Diagnostic>), LoadError> {
    let root = canonical_root(root)?;
    let mut diagnostics = Vec::new();
    let files = discover(&root, &mut diagnostics)?;
    if files.len() > limits.max_files {
        return Err(LoadError::TooManyFiles { count: files.len(), limit: limits.max_files });
    }
    progress(Progress::Found(files.len()));
    let reader = cache.as_deref();
    let parsed = files
        .par_iter()
        .map(|(kind, rel)| {
            let outcome = read_one(&root, *kind, rel, limits, reader);
            progress(Progress::Read);
            outcome
        })
        .collect::<Vec<_>>();
    progress(Progress::Done);

    let mut ws = Workspace { root, max_text_chars: limits.max_text_chars, ..Workspace::default() };
    for (outcome, (kind, rel)) in parsed.into_iter().zip(&files) {
        if let Some(cache) = cache.as_deref_mut() {
            cache.saw(rel, outcome.digest);
            match outcome.cached {
                Cached::Fresh(entry) => cache.put(rel, entry),
                Cached::Stale => cache.drop_entry(rel),
                Cached::Hit => cache.count_hit(),
                Cached::No => {}
            }
        }
        if outcome.linked {
            ws.linked.insert(rel.clone());
        }
        diagnostics.extend(ws.put(*kind, rel, outcome.source, outcome.doc));
        diagnostics.extend(outcome.diagnostics);
    }
    if let Some(cache) = cache {
        cache.retain(&files.iter().map(|(_, rel)| rel.as_str()).collect());
    }
    Ok((ws, diagnostics))
}

/// The root, canonical, if it is a folder.
fn canonical_root(root: &Path) -> Result<PathBuf, LoadError> {
    let real = root.canonicalize().map_err(|e| LoadError::Root { path: root.to_owned(), source: e })?;
    if !real.is_dir() {
        return Err(LoadError::RootNotFolder { path: real });
    }
    Ok(real)
}

/// Reads and parses the file `rel` of the loaded workspace again (or drops
/// it, when it is gone), for an engine that watches the workspace. Its
/// diagnostics of form are returned; the file's kind comes from its path
/// (`None` for a path that holds no workspace YAML).
pub fn reload(ws: &mut Workspace, rel: &str, limits: Limits) -> Option<Vec<Diagnostic>> {
    let kind = kind_of(rel)?;
    ws.take(rel);
    let path = ws.root.join(rel);
    if path.symlink_metadata().is_err() {
        return Some(Vec::new());
    }
    let outcome = read_one(&ws.root.clone(), kind, rel, limits, None);
    if outcome.linked {
        ws.linked.insert(rel.to_owned());
    }
    let mut diagnostics = ws.put(kind, rel, outcome.source, outcome.doc);
    diagnostics.extend(outcome.diagnostics);
    Some(diagnostics)
}

/// [`reload`] from `text` instead of the file on disk: the workspace as it
/// would be were `rel` saved with that text (a form's draft, a workbook
/// being imported). Nothing is read or written; `None` when `rel` is not
/// a workspace YAML file.
pub fn reload_text(ws: &mut Workspace, rel: &str, text: &str, limits: Limits) -> Option<Vec<Diagnostic>> {
    let kind = kind_of(rel)?;
    ws.take(rel);
    let path: Arc<str> = rel.into();
    let size = text.len() as u64;
    let outcome = if size > limits.max_file_bytes {
        Outcome::unreadable(&path, (read::too_big(&path, size, false, limits), None))
    } else {
        match read::decode(text.as_bytes().to_vec(), &path) {
            Ok(text) => parse_text(kind, path, text, limits),
            Err(failure) => Outcome::unreadable(&path, *failure),
        }
    };
    let mut diagnostics = ws.put(kind, rel, outcome.source, outcome.doc);
    diagnostics.extend(outcome.diagnostics);
    Some(diagnostics)
}

/// The kind of workspace file at `rel` (relative, `/`-separated), as
/// [`load`] finds them: `None` for any other path.
pub fn kind_of(rel: &str) -> Option<Kind> {
    let name = rel.rsplit('/').next()?;
    if name.starts_with('.') {
        return None;
    }
    match rel.split('/').collect::<Vec<_>>().as_slice() {
        ["terbuka.yaml"] => Some(Kind::Manifest),
        ["evidence.lock"] => Some(Kind::Lock),
        ["assessments", period, name] if !period.starts_with('.') && name.ends_with(".yaml") => Some(Kind::Assessment),
        [dir, name] if name.ends_with(".yaml") => FOLDERS.iter().find(|(d, _)| d == dir).map(|&(_, k)| k),
        _ => None,
    }
}

/// Why a workspace could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The root directory is missing or unreadable.
    #[error("cannot open the workspace {}: {source}", path.display())]
    Root { path: PathBuf, source: std::io::Error },
    /// The root is a file.
    #[error("{} is a file, not a workspace folder", path.display())]
    RootNotFolder { path: PathBuf },
    /// A directory could not be listed.
    #[error("cannot list {}: {source}", path.display())]
    ListDir { path: PathBuf, source: std::io::Error },
    /// More files than the limit.
    #[error("the workspace has {count} YAML files, more than the limit of {limit}")]
    TooManyFiles { count: usize, limit: usize },
}

impl LoadError {
    /// The message in both languages.
    pub fn msg(&self) -> Msg {
        match self {
            LoadError::Root { path, source } => {
                let path = path.display();
                msg!("cannot open the workspace {path}: {source}", "ruang kerja {path} tidak dapat dibuka: {source}")
            }
            LoadError::RootNotFolder { path } => {
                let folder = path.parent().map_or_else(|| ".".to_owned(), |p| p.display().to_string());
                let path = path.display();
                msg!(
                    "{path} is a file, not a workspace folder: give --root the folder that holds terbuka.yaml (here: --root {folder})",
                    "{path} adalah berkas, bukan folder ruang kerja: beri --root folder yang berisi terbuka.yaml (di sini: --root {folder})"
                )
            }
            LoadError::ListDir { path, source } => {
                let path = path.display();
                msg!("cannot list {path}: {source}", "isi folder {path} tidak dapat dibaca: {source}")
            }
            LoadError::TooManyFiles { count, limit } => msg!(
                "the workspace has {count} YAML files, more than the limit of {limit} (is --root the right folder? to raise the limit, set TERBUKA_MAX_FILES)",
                "ruang kerja berisi {count} berkas YAML, melebihi batas {limit} (apakah --root menunjuk folder yang benar? untuk menaikkan batas, isi TERBUKA_MAX_FILES)"
            ),
        }
    }
}

/// The workspace's YAML files, as [`load`] finds them (for the result
/// cache, which reads them without parsing).
pub fn discover_files(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<(Kind, String)>, LoadError> {
    discover(root, diagnostics)
}

/// One file's text as [`load`] reads it (a regular file inside the
/// workspace, UTF-8 without a byte-order mark); `None` when it cannot be.
pub fn read_source(root: &Path, rel: &str, limits: Limits) -> Option<Arc<SourceFile>> {
    let path: Arc<str> = rel.into();
    let (bytes, _) = read::read_bytes(root, rel, &path, limits).ok()?;
    let text = read::decode(bytes, &path).ok()?;
    Some(Arc::new(SourceFile::new(path, text)))
}

/// E006: the folder has no `terbuka.yaml`.
pub fn missing_manifest() -> Diagnostic {
    let file: Arc<str> = "terbuka.yaml".into();
    rules::missing_manifest().at(Location::file(&file))
}

/// Finds the workspace's YAML files, in a fixed order.
fn discover(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<(Kind, String)>, LoadError> {
    let mut files = Vec::new();
    // Anything at the name is read (and refused by `files::read` when it is
    // not a regular file inside the workspace), so that a link or a pipe
    // named terbuka.yaml is reported rather than taken for no manifest.
    if root.join("terbuka.yaml").symlink_metadata().is_ok_and(|m| !m.is_dir()) {
        files.push((Kind::Manifest, "terbuka.yaml".to_owned()));
    } else {
        diagnostics.push(missing_manifest());
    }
    for &(dir, kind) in FOLDERS {
        for name in yaml_files(&root.join(dir))? {
            files.push((kind, format!("{dir}/{name}")));
        }
    }
    let assessments = root.join("assessments");
    for period in subdirs(&assessments)? {
        for name in yaml_files(&assessments.join(&period))? {
            files.push((Kind::Assessment, format!("assessments/{period}/{name}")));
        }
    }
    if root.join("evidence.lock").symlink_metadata().is_ok_and(|m| !m.is_dir()) {
        files.push((Kind::Lock, "evidence.lock".to_owned()));
    }
    Ok(files)
}

fn sorted_entries(dir: &Path) -> Result<Vec<(String, fs::FileType)>, LoadError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(LoadError::ListDir { path: dir.to_owned(), source: e });
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::ListDir { path: dir.to_owned(), source: e })?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        names.push((name, kind));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(names)
}

fn yaml_files(dir: &Path) -> Result<Vec<String>, LoadError> {
    Ok(sorted_entries(dir)?
        .into_iter()
        .filter(|(name, kind)| !kind.is_dir() && name.ends_with(".yaml") && !name.starts_with('.'))
        .map(|(name, _)| name)
        .collect())
}

fn subdirs(dir: &Path) -> Result<Vec<String>, LoadError> {
    Ok(sorted_entries(dir)?
        .into_iter()
        .filter(|(name, kind)| kind.is_dir() && !name.starts_with('.'))
        .map(|(name, _)| name)
        .collect())
}

/// The folders of one kind of YAML file each (assessments have a folder
/// per period).
const FOLDERS: &[(&str, Kind)] = &[
    ("rubrics", Kind::Rubric),
    ("commitments", Kind::Commitment),
    ("institutions", Kind::Institution),
    ("reviews", Kind::Review),
    ("methodologies", Kind::Methodology),
];

struct Outcome {
    source: Option<Arc<SourceFile>>,
    doc: Option<Parsed>,
    diagnostics: Vec<Diagnostic>,
    cached: Cached,
    /// Read through a link (its real path is not `root/rel`).
    linked: bool,
    /// The SHA-256 of its text, when it was read as text with a cache.
    digest: Option<cache::Digest32>,
}

/// What a read did with the parse cache.
enum Cached {
    /// No cache, or a file that is not cached (it has problems).
    No,
    /// Taken from the cache.
    Hit,
    /// Parsed; to be cached.
    Fresh(cache::Entry),
    /// The cached value did not read back: to be dropped.
    Stale,
}

impl Outcome {
    /// A file that could not be read as text: its diagnostic, and the lossy
    /// text to show the line from, if any.
    fn unreadable(path: &Arc<str>, failure: (Diagnostic, Option<String>)) -> Outcome {
        let (d, shown) = failure;
        let source = shown.map(|text| Arc::new(SourceFile::new(path.clone(), text)));
        Outcome { source, doc: None, diagnostics: vec![d], cached: Cached::No, linked: false, digest: None }
    }
}

fn read_one(root: &Path, kind: Kind, rel: &str, limits: Limits, cache: Option<&Cache>) -> Outcome {
    let path: Arc<str> = rel.into();
    let (bytes, plain) = match read::read_bytes(root, rel, &path, limits) {
        Ok(read) => read,
        Err(failure) => return Outcome::unreadable(&path, *failure),
    };
    let digest = cache.map(|_| cache::text_digest(&bytes));
    let mut text = match read::decode(bytes, &path) {
        Ok(text) => text,
        Err(failure) => return Outcome::unreadable(&path, *failure),
    };
    let mut stale = false;
    if let (Some(cache), Some(digest)) = (cache, &digest)
        && let Some(json) = cache.get(rel, digest)
    {
        let source = Arc::new(SourceFile::new(path.clone(), std::mem::take(&mut text)));
        let locator = Arc::new(Locator::lazy(source.clone(), limits.max_text_chars));
        match from_json(kind, &source, &locator, json) {
            Ok(doc) => {
                return Outcome {
                    source: Some(source),
                    doc: Some(doc),
                    diagnostics: Vec::new(),
                    cached: Cached::Hit,
                    linked: !plain,
                    digest: Some(*digest),
                };
            }
            Err(_) => {
                stale = true;
                text.clone_from(&source.text);
            }
        }
    }
    let mut outcome = parse_text(kind, path, text, limits);
    outcome.linked = !plain;
    outcome.digest = digest;
    if let (Some(sha256), Some(doc), true) = (digest, &outcome.doc, outcome.diagnostics.is_empty())
        && let Ok(json) = to_json(doc)
    {
        outcome.cached = Cached::Fresh(cache::Entry { sha256, json });
    } else if stale {
        outcome.cached = Cached::Stale;
    }
    outcome
}

/// Deserialises one file's text, and indexes where its keys are written
/// when it has a problem to show.
fn parse_text(kind: Kind, path: Arc<str>, text: String, limits: Limits) -> Outcome {
    let source = Arc::new(SourceFile::new(path.clone(), text));
    // A file no longer than the text limit holds no text that is too long,
    // and one that deserialises has one document and no key written twice
    // (structs and `model::unique` maps refuse those). Such a file — every
    // file of a valid workspace, usually — is parsed once; its index is
    // built only if a rule asks where something is.
    if source.text.len() <= limits.max_text_chars {
        let locator = Arc::new(Locator::lazy(source.clone(), limits.max_text_chars));
        if let Ok(doc) = deserialize(kind, &source, &locator) {
            return Outcome {
                source: Some(source),
                doc: Some(doc),
                diagnostics: Vec::new(),
                cached: Cached::No,
                linked: false,
                digest: None,
            };
        }
    }
    let mut outcome = Outcome {
        source: Some(source.clone()),
        doc: None,
        diagnostics: Vec::new(),
        cached: Cached::No,
        linked: false,
        digest: None,
    };
    let locator = Arc::new(Locator::with_text_limit(&source, limits.max_text_chars));
    for &(span, chars) in &locator.long_texts {
        let limit = limits.max_text_chars;
        outcome.diagnostics.push(rules::text_too_long(chars, limit).at(Location::span(&path, span.start, span.end)));
    }
    for dup in &locator.duplicates {
        let (line, _) = source.line_col(dup.first.start);
        let d = rules::duplicate(rules::Duplicated::Key, &dup.key, Some(rules::FirstUse::Line(line)));
        outcome.diagnostics.push(d.at(Location::span(&path, dup.again.start, dup.again.end)));
    }
    if locator.documents > 1 {
        outcome.diagnostics.push(rules::yaml_syntax(rules::Syntax::SecondDocument).at(match locator.second_document {
            Some(s) => Location::span(&path, s.start, s.end),
            None => Location::file(&path),
        }));
        return outcome;
    }
    let doc = deserialize_tracked(kind, &source, &locator)
        .map_err(|failure| Box::new(serde_error::diagnose(&failure, &source, &locator)));
    match doc {
        Ok(doc) => outcome.doc = Some(doc),
        // A key written twice is already reported, at both places.
        Err(d) if d.code == Code::DuplicateId && !locator.duplicates.is_empty() => {}
        Err(d) => outcome.diagnostics.push(*d),
    }
    outcome
}

/// Checks one file's bytes as the loader would read them from `rel`
/// (`terbuka.yaml`, `institutions/x.yaml`, …), without the file system:
/// the diagnostics, and the text they point into. For fuzzing and
/// property tests.
pub fn check_bytes(rel: &str, bytes: Vec<u8>, limits: Limits) -> (Vec<Diagnostic>, Option<Arc<SourceFile>>) {
    let kind = match rel.split('/').collect::<Vec<_>>().as_slice() {
        ["terbuka.yaml"] => Kind::Manifest,
        ["evidence.lock"] => Kind::Lock,
        [dir, _] => FOLDERS.iter().find(|(d, _)| d == dir).map_or(Kind::Assessment, |&(_, kind)| kind),
        _ => Kind::Assessment,
    };
    let path: Arc<str> = rel.into();
    let outcome = match read::decode(bytes, &path) {
        Ok(text) => parse_text(kind, path, text, limits),
        Err(failure) => Outcome::unreadable(&path, *failure),
    };
    (outcome.diagnostics, outcome.source)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs the fuzzer found: every span must lie inside the text.
    #[test]
    fn fuzz_findings_stay_inside_the_text() {
        let cases: [(&str, &[u8]); 4] = [
            ("terbuka.yaml", b"\r["),
            ("institutions/x.yaml", b"\n\r["),
            ("terbuka.yaml", b"a: [\r"),
            (
                "assessments/p/x.yaml",
                ">\n\u{2013}tion plgedgedgeeedgedgudgedgeedgudgedgeeedgedgudgedgeedgudgedge".as_bytes(),
            ),
        ];
        for (rel, bytes) in cases {
            let limits = Limits { max_text_chars: 64, ..Limits::default() };
            let (diagnostics, source) = check_bytes(rel, bytes.to_vec(), limits);
            let source = source.unwrap();
            assert!(!diagnostics.is_empty());
            for d in diagnostics {
                if let Some(span) = d.location.and_then(|l| l.span) {
                    assert!(span.end <= source.text.len(), "{rel} {bytes:?}: {span:?}");
                    assert!(source.text.is_char_boundary(span.start) && source.text.is_char_boundary(span.end));
                }
            }
        }
    }
}
