//! Loading: reads every YAML file of a workspace, deserialises it into the
//! model and indexes where each key is written.
//!
//! This stage owns reading the workspace's YAML (with `evidence`, the only
//! other stage that reads files). It reports problems of form — unreadable
//! files, YAML syntax, unknown keys, wrong types — as located diagnostics,
//! and keeps going so that every file's problems come out in one run. It
//! checks nothing across files: that is `validate`.

pub mod locate;
mod serde_error;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::diag::{Code, Diagnostic, Location, Msg, SourceFile, Sources};
use crate::files;
use crate::model::{Assessment, Commitment, EvidenceLock, Institution, Manifest, Review, Rubric};
use crate::msg;
pub use locate::{Locator, Seg};

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

impl<T> Doc<T> {
    /// The location of the value at `path` (or its nearest written ancestor).
    pub fn at(&self, path: &[Seg]) -> Location {
        match self.locator.value(path) {
            Some(span) => Location::span(&self.file, span.start, span.end),
            None => Location::file(&self.file),
        }
    }

    /// The location of the key at `path` (or its nearest written ancestor).
    pub fn key_at(&self, path: &[Seg]) -> Location {
        match self.locator.key(path) {
            Some(span) => Location::span(&self.file, span.start, span.end),
            None => Location::file(&self.file),
        }
    }

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
    /// `evidence.lock`, when the evidence has been sealed.
    pub lock: Option<Doc<EvidenceLock>>,
    /// Number of YAML files found (parsed or not).
    pub files: usize,
    /// Files that could not be loaded (their problems are reported); ids
    /// named after them are not reported again as unknown.
    pub broken: std::collections::BTreeSet<String>,
}

impl Workspace {
    /// Drops where each key is written, once the workspace has been
    /// validated and no diagnostic will point into it: the indexes built for
    /// files with a warning (or every file's, when read by the full path)
    /// are large, and a report needs the memory.
    pub fn forget_locations(&mut self) {
        let none = Arc::new(Locator::default());
        let forget = |locator: &mut Arc<Locator>| *locator = none.clone();
        self.manifest.iter_mut().for_each(|d| forget(&mut d.locator));
        self.rubrics.iter_mut().for_each(|d| forget(&mut d.locator));
        self.commitments.iter_mut().for_each(|d| forget(&mut d.locator));
        self.institutions.iter_mut().for_each(|d| forget(&mut d.locator));
        self.assessments.iter_mut().for_each(|d| forget(&mut d.locator));
        self.reviews.iter_mut().for_each(|d| forget(&mut d.locator));
        self.lock.iter_mut().for_each(|d| forget(&mut d.locator));
    }

    /// The rubric the manifest names.
    pub fn rubric(&self) -> Option<&Doc<Rubric>> {
        let id = &self.manifest.as_ref()?.value.rubric;
        self.rubrics.iter().find(|r| &r.value.id == id)
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

/// What kind of file a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Manifest,
    Rubric,
    Commitment,
    Institution,
    Assessment,
    Review,
    /// `evidence.lock` (written by terbuka, read like the rest).
    Lock,
}

/// Loads the workspace at `root`. Returns what could be loaded and every
/// problem found; an `Err` means the workspace could not be read at all.
pub fn load(root: &Path, limits: Limits) -> Result<(Workspace, Vec<Diagnostic>), LoadError> {
    load_with_progress(root, limits, &|_| {})
}

/// How far [`load_with_progress`] has got.
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
    let root = root.canonicalize().map_err(|e| LoadError::Root { path: root.to_owned(), source: e })?;
    if !root.is_dir() {
        return Err(LoadError::RootNotFolder { path: root });
    }
    let mut diagnostics = Vec::new();
    let files = discover(&root, &mut diagnostics)?;
    if files.len() > limits.max_files {
        return Err(LoadError::TooManyFiles { count: files.len(), limit: limits.max_files });
    }
    progress(Progress::Found(files.len()));
    let parsed = files
        .par_iter()
        .map(|(kind, rel)| {
            let outcome = read_one(&root, *kind, rel, limits);
            progress(Progress::Read);
            outcome
        })
        .collect::<Vec<_>>();
    progress(Progress::Done);

    let mut ws = Workspace { root, files: files.len(), ..Workspace::default() };
    for (outcome, (_, rel)) in parsed.into_iter().zip(&files) {
        if outcome.doc.is_none() {
            ws.broken.insert(rel.clone());
        }
        diagnostics.extend(outcome.diagnostics);
        if let Some(source) = outcome.source {
            ws.sources.insert(source);
        }
        match outcome.doc {
            Some(Parsed::Manifest(d)) => ws.manifest = Some(d),
            Some(Parsed::Rubric(d)) => ws.rubrics.push(d),
            Some(Parsed::Commitment(d)) => ws.commitments.push(d),
            Some(Parsed::Institution(d)) => ws.institutions.push(d),
            Some(Parsed::Assessment(d)) => ws.assessments.push(d),
            Some(Parsed::Review(d)) => ws.reviews.push(d),
            Some(Parsed::Lock(d)) => ws.lock = Some(d),
            None => {}
        }
    }
    Ok((ws, diagnostics))
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
                msg!("cannot open the workspace {path}: {source}", "workspace {path} tidak dapat dibuka: {source}")
            }
            LoadError::RootNotFolder { path } => {
                let folder = path.parent().map_or_else(|| ".".to_owned(), |p| p.display().to_string());
                let path = path.display();
                msg!(
                    "{path} is a file, not a workspace folder: give --root the folder that holds terbuka.yaml (here: --root {folder})",
                    "{path} adalah berkas, bukan folder workspace: beri --root folder yang berisi terbuka.yaml (di sini: --root {folder})"
                )
            }
            LoadError::ListDir { path, source } => {
                let path = path.display();
                msg!("cannot list {path}: {source}", "isi folder {path} tidak dapat dibaca: {source}")
            }
            LoadError::TooManyFiles { count, limit } => msg!(
                "the workspace has {count} YAML files, more than the limit of {limit} (is --root the right folder? to raise the limit, set TERBUKA_MAX_FILES)",
                "workspace berisi {count} berkas YAML, melebihi batas {limit} (apakah --root menunjuk folder yang benar? untuk menaikkan batas, isi TERBUKA_MAX_FILES)"
            ),
        }
    }
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
        let file: Arc<str> = "terbuka.yaml".into();
        diagnostics.push(
            Diagnostic::new(Code::MissingFile, msg!("this directory has no `terbuka.yaml`", "direktori ini tidak memiliki `terbuka.yaml`"))
                .at(Location::file(&file))
                .hint(msg!(
                    "run terbuka inside a workspace, pass `--root DIR`, or create one with `terbuka new workspace DIR`",
                    "jalankan terbuka di dalam workspace, beri `--root DIR`, atau buat workspace baru dengan `terbuka new workspace DIR`"
                )),
        );
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

enum Parsed {
    Manifest(Doc<Manifest>),
    Rubric(Doc<Rubric>),
    Commitment(Doc<Commitment>),
    Institution(Doc<Institution>),
    Assessment(Doc<Assessment>),
    Review(Doc<Review>),
    Lock(Doc<EvidenceLock>),
}

/// The folders of one kind of YAML file each (assessments have a folder
/// per period).
const FOLDERS: &[(&str, Kind)] = &[
    ("rubrics", Kind::Rubric),
    ("commitments", Kind::Commitment),
    ("institutions", Kind::Institution),
    ("reviews", Kind::Review),
];

struct Outcome {
    source: Option<Arc<SourceFile>>,
    doc: Option<Parsed>,
    diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// A file that could not be read as text: its diagnostic, and the lossy
    /// text to show the line from, if any.
    fn unreadable(path: &Arc<str>, failure: (Diagnostic, Option<String>)) -> Outcome {
        let (d, shown) = failure;
        let source = shown.map(|text| Arc::new(SourceFile::new(path.clone(), text)));
        Outcome { source, doc: None, diagnostics: vec![d] }
    }
}

fn read_one(root: &Path, kind: Kind, rel: &str, limits: Limits) -> Outcome {
    let path: Arc<str> = rel.into();
    match read_text(root, rel, &path, limits) {
        Ok(text) => parse_text(kind, path, text, limits),
        Err(failure) => Outcome::unreadable(&path, *failure),
    }
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
            return Outcome { source: Some(source), doc: Some(doc), diagnostics: Vec::new() };
        }
    }
    let mut outcome = Outcome { source: Some(source.clone()), doc: None, diagnostics: Vec::new() };
    let locator = Arc::new(Locator::with_text_limit(&source, limits.max_text_chars));
    for &(span, chars) in &locator.long_texts {
        let limit = limits.max_text_chars;
        outcome.diagnostics.push(
            Diagnostic::new(
                Code::TextTooLong,
                msg!(
                    "this text has {chars} characters, more than the limit of {limit}",
                    "teks ini berisi {chars} karakter, melebihi batas {limit}"
                ),
            )
            .at(Location::span(&path, span.start, span.end))
            .hint(msg!(
                "shorten it, or put the full document under evidence/ and cite it; to raise the limit, set TERBUKA_MAX_TEXT_CHARS",
                "persingkat, atau simpan dokumen lengkapnya di folder evidence/ dan rujuk sebagai bukti; untuk menaikkan batas, isi TERBUKA_MAX_TEXT_CHARS"
            )),
        );
    }
    for dup in &locator.duplicates {
        let (line, _) = source.line_col(dup.first.start);
        let key = &dup.key;
        outcome.diagnostics.push(
            Diagnostic::new(
                Code::DuplicateId,
                msg!(
                    "the key `{key}` is written twice in the same place",
                    "kunci `{key}` ditulis dua kali di tempat yang sama"
                ),
            )
            .at(Location::span(&path, dup.again.start, dup.again.end))
            .label(msg!("written again here", "ditulis lagi di sini"))
            .hint(msg!(
                "it is first written on line {line}; keep one of the two",
                "kunci ini pertama kali ditulis di baris {line}; pertahankan salah satunya"
            )),
        );
    }
    if locator.documents > 1 {
        outcome.diagnostics.push(
            Diagnostic::new(
                Code::YamlSyntax,
                msg!("this file holds more than one YAML document", "berkas ini memuat lebih dari satu dokumen YAML"),
            )
            .at(match locator.second_document {
                Some(s) => Location::span(&path, s.start, s.end),
                None => Location::file(&path),
            })
            .label(msg!("a second document starts here", "dokumen kedua dimulai di sini"))
            .hint(msg!(
                "remove the `---` lines: each file holds one document",
                "hapus baris `---`: setiap berkas hanya memuat satu dokumen"
            )),
        );
        return outcome;
    }
    let doc = deserialize(kind, &source, &locator)
        .map_err(|error| Box::new(serde_error::diagnose(&error, &source, &locator)));
    match doc {
        Ok(doc) => outcome.doc = Some(doc),
        // A key written twice is already reported, at both places.
        Err(d) if d.code == Code::DuplicateId && !locator.duplicates.is_empty() => {}
        Err(d) => outcome.diagnostics.push(*d),
    }
    outcome
}

/// Reads a workspace file as UTF-8 through [`files::read`] (a regular file
/// inside the workspace, at most the size limit). On failure, the
/// diagnostic and, for text that is not valid UTF-8, a lossy copy to show
/// the offending line from.
fn read_text(
    root: &Path,
    rel: &str,
    path: &Arc<str>,
    limits: Limits,
) -> Result<String, Box<(Diagnostic, Option<String>)>> {
    let unreadable = |m: Msg| Box::new((Diagnostic::new(Code::Unreadable, m).at(Location::file(path)), None));
    let bytes = files::read(root, rel, limits.max_file_bytes).map_err(|problem| match problem {
        files::Problem::TooBig { size, at_least } => {
            let limit = limits.max_file_bytes;
            let (d, _) = *unreadable(if at_least {
                msg!(
                    "this file has more than the limit of {limit} bytes (reading stopped at {size})",
                    "berkas ini lebih besar dari batas {limit} bita (pembacaan berhenti di {size})"
                )
            } else {
                msg!(
                    "this file has {size} bytes, more than the limit of {limit} bytes",
                    "berkas ini berukuran {size} bita, melebihi batas {limit} bita"
                )
            });
            let d = d.hint(msg!(
                "a terbuka file is rarely more than a few hundred KB: check that this is the right file; to raise the limit, set TERBUKA_MAX_FILE_BYTES",
                "berkas terbuka jarang lebih dari beberapa ratus KB: periksa apakah ini berkas yang benar; untuk menaikkan batas, isi TERBUKA_MAX_FILE_BYTES"
            ));
            Box::new((d, None))
        }
        files::Problem::Outside => unreadable(msg!(
            "this file is a symbolic link that leads outside the workspace; terbuka reads only files inside it, and did not read this one",
            "berkas ini tautan simbolik yang mengarah ke luar workspace; terbuka hanya membaca berkas di dalam workspace, dan tidak membaca berkas ini"
        )),
        files::Problem::Directory => unreadable(msg!(
            "this is a folder (or a link to one), not a file",
            "ini sebuah folder (atau tautan ke folder), bukan berkas"
        )),
        files::Problem::Special(kind) => {
            let (en, id) = kind.words();
            unreadable(msg!(
                "this is {en}, not a regular file; terbuka did not read it",
                "ini {id}, bukan berkas biasa; terbuka tidak membacanya"
            ))
        }
        files::Problem::LinkLoop => unreadable(msg!(
            "this is a symbolic link in a loop (links that point to each other)",
            "ini tautan simbolik yang berputar (tautan yang saling menunjuk)"
        )),
        files::Problem::Missing => unreadable(msg!(
            "this file disappeared while it was being read (or is a link to nothing)",
            "berkas ini hilang saat dibaca (atau tautan yang tidak menunjuk ke apa pun)"
        )),
        files::Problem::Io(e) => unreadable(msg!("cannot read this file: {e}", "berkas ini tidak dapat dibaca: {e}")),
    })?;
    decode(bytes, path)
}

/// Bytes as UTF-8 text without a byte-order mark; for bytes that are not
/// UTF-8, the located diagnostic and a lossy copy to show the line from.
fn decode(bytes: Vec<u8>, path: &Arc<str>) -> Result<String, Box<(Diagnostic, Option<String>)>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let valid = &e.as_bytes()[..at];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let d = Diagnostic::new(
            Code::Unreadable,
            msg!(
                "this file is not valid UTF-8 text (line {line}, byte {at})",
                "berkas ini bukan teks UTF-8 yang sah (baris {line}, bita ke-{at})"
            ),
        )
        .hint(msg!(
            "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)",
            "simpan ulang berkas dalam pengodean UTF-8 di editor Anda (\"Save with encoding\" → UTF-8)"
        ));
        // In the lossy copy the bad bytes became one U+FFFD (3 bytes).
        Box::new((d.at(Location::span(path, at, at + '\u{fffd}'.len_utf8())), Some(lossy)))
    })?;
    // A byte-order mark is harmless: drop it.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
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
    let outcome = match decode(bytes, &path) {
        Ok(text) => parse_text(kind, path, text, limits),
        Err(failure) => Outcome::unreadable(&path, *failure),
    };
    (outcome.diagnostics, outcome.source)
}

/// Deserialises a file of `kind`.
fn deserialize(kind: Kind, source: &Arc<SourceFile>, locator: &Arc<Locator>) -> Result<Parsed, serde_yaml::Error> {
    fn doc<T: DeserializeOwned>(source: &Arc<SourceFile>, locator: &Arc<Locator>) -> Result<Doc<T>, serde_yaml::Error> {
        let value = serde_yaml::from_str::<T>(&source.text)?;
        Ok(Doc { file: source.path.clone(), value, locator: locator.clone() })
    }
    Ok(match kind {
        Kind::Manifest => Parsed::Manifest(doc(source, locator)?),
        Kind::Rubric => Parsed::Rubric(doc(source, locator)?),
        Kind::Commitment => Parsed::Commitment(doc(source, locator)?),
        Kind::Institution => Parsed::Institution(doc(source, locator)?),
        Kind::Assessment => Parsed::Assessment(doc(source, locator)?),
        Kind::Review => Parsed::Review(doc(source, locator)?),
        Kind::Lock => Parsed::Lock(doc(source, locator)?),
    })
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
