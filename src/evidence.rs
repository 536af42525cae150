//! Evidence: checks that cited paths are safe and exist, and hashes files.
//!
//! Evidence files are only ever read, never written. A cited path must be
//! relative to the workspace root and stay inside it, also after symbolic
//! links are resolved.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::files;

use sha2::{Digest, Sha256};

/// What is wrong with a cited path, or what the file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStatus {
    /// A regular file inside the workspace.
    File,
    /// Nothing there; what is there instead, when something is close.
    Missing(Box<Lookalike>),
    /// Something that is not a regular file: a folder, a pipe, a link loop.
    NotAFile(NotAFile),
    /// Absolute, a Windows drive path, a `..` step, or a link leading out.
    Outside(OutsideReason),
    /// Not a usable path at all (empty, NUL bytes, backslashes, another
    /// spelling of a path).
    Invalid(InvalidReason),
}

/// What a cited path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    /// A folder.
    Directory,
    /// A FIFO, socket or device.
    Special(files::Special),
    /// Symbolic links in a loop.
    LinkLoop,
}

/// What is on disk near a missing path: a file whose name differs only
/// in capitals or Unicode normalisation, or is spelt much the same, in the
/// same folder; else the files of the nearest folder that exists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lookalike {
    /// The path of a file that is almost the one cited, and how it differs.
    pub near: Option<(String, Differs)>,
    /// The nearest folder that exists (relative, `/`-separated; empty for
    /// the root), and a few of the files in it, when nothing is near.
    pub folder: Option<(String, Vec<String>)>,
}

/// How a lookalike's name differs from the cited one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Differs {
    /// Only in capitals.
    Case,
    /// Only in how accented letters are encoded (NFC against NFD).
    Normalization,
    /// It is spelt much the same.
    Spelling,
}

/// Why a path leads outside the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideReason {
    /// `/...`
    Absolute,
    /// `C:...`
    WindowsDrive,
    /// A `..` step.
    ParentStep,
    /// A symbolic link that resolves outside the workspace.
    Symlink,
}

/// Why a path is not usable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidReason {
    /// The empty string.
    Empty,
    /// Contains a NUL byte.
    Nul,
    /// Uses `\` as separator.
    Backslash,
    /// Another spelling of a path (`a//b`, `a/./b`, `./a`, `a/`): the lock,
    /// the checks and the manifest know each file by one spelling.
    NotNormal,
}

/// Checks a workspace-relative path without touching the file system.
pub fn check_syntax(rel: &str) -> Result<(), PathStatus> {
    if rel.trim().is_empty() {
        return Err(PathStatus::Invalid(InvalidReason::Empty));
    }
    if rel.contains('\0') {
        return Err(PathStatus::Invalid(InvalidReason::Nul));
    }
    let bytes = rel.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Err(PathStatus::Outside(OutsideReason::WindowsDrive));
    }
    if rel.starts_with('/') || rel.starts_with('\\') || rel.starts_with('~') {
        return Err(PathStatus::Outside(OutsideReason::Absolute));
    }
    // A line break or tab in a path is a `\n` or `\t` that double quotes
    // turned into one: the backslash is the mistake.
    if rel.contains(['\\', '\n', '\t', '\r']) {
        return Err(PathStatus::Invalid(InvalidReason::Backslash));
    }
    if rel.split('/').any(|step| step == "..") {
        return Err(PathStatus::Outside(OutsideReason::ParentStep));
    }
    if rel.split('/').any(|step| step.is_empty() || step == ".") {
        return Err(PathStatus::Invalid(InvalidReason::NotNormal));
    }
    Ok(())
}

/// The one spelling of a path that [`check_syntax`] calls not normal:
/// without empty and `.` steps.
pub fn normal_spelling(rel: &str) -> String {
    rel.split('/').filter(|step| !step.is_empty() && *step != ".").collect::<Vec<_>>().join("/")
}

/// Checks a workspace-relative path against the file system. `root` must be
/// canonical.
pub fn check(root: &Path, rel: &str) -> PathStatus {
    check_resolved(root, rel).0
}

/// [`check`], and the path with its links followed, when it exists.
fn check_resolved(root: &Path, rel: &str) -> (PathStatus, Option<PathBuf>) {
    if let Err(status) = check_syntax(rel) {
        return (status, None);
    }
    let real = match files::resolve(root, rel) {
        Ok(real) => real,
        Err(files::Problem::Outside) => return (PathStatus::Outside(OutsideReason::Symlink), None),
        Err(files::Problem::LinkLoop) => return (PathStatus::NotAFile(NotAFile::LinkLoop), None),
        Err(_) => return (PathStatus::Missing(Box::new(lookalike(root, rel))), None),
    };
    // `real` is canonical: no link is left to follow.
    let status = match std::fs::symlink_metadata(&real) {
        Ok(meta) if meta.is_file() => PathStatus::File,
        Ok(meta) if meta.is_dir() => PathStatus::NotAFile(NotAFile::Directory),
        Ok(meta) => PathStatus::NotAFile(NotAFile::Special(files::special_kind(&meta))),
        Err(_) => PathStatus::Missing(Box::new(lookalike(root, rel))),
    };
    (status, Some(real))
}

/// The NFC form of a name, in lower case, to find names that differ only
/// in capitals or normalisation.
fn folded(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfc().collect::<String>().to_lowercase()
}

/// How `found` differs from `wanted` when their folded forms are equal.
fn difference(wanted: &str, found: &str) -> Differs {
    use unicode_normalization::UnicodeNormalization;
    if wanted.nfc().eq(found.nfc()) { Differs::Normalization } else { Differs::Case }
}

/// Most file names a "the folder holds" hint lists.
const FOLDER_NAMES_SHOWN: usize = 8;

/// What is on disk near the missing `rel`: walks its steps from the root;
/// at the first step that does not exist, looks for a name in that folder
/// that differs only in capitals or normalisation (and goes on with it),
/// or, for the file's own name, one spelt much the same.
pub fn lookalike(root: &Path, rel: &str) -> Lookalike {
    let steps = rel.split('/').collect::<Vec<_>>();
    let mut dir = root.to_owned();
    let mut shown = Vec::<String>::new();
    let mut differs = None;
    for (i, step) in steps.iter().enumerate() {
        let last = i + 1 == steps.len();
        if std::fs::symlink_metadata(dir.join(step)).is_ok() {
            dir.push(step);
            shown.push((*step).to_owned());
            continue;
        }
        let mut entries = std::fs::read_dir(&dir)
            .map(|rd| rd.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect::<Vec<_>>())
            .unwrap_or_default();
        entries.sort();
        let want = folded(step);
        if let Some(name) = entries.iter().find(|n| folded(n) == want) {
            differs.get_or_insert(difference(step, name));
            dir.push(name);
            shown.push(name.clone());
            continue;
        }
        let folder = shown.join("/");
        let is_file = |n: &&String| dir.join(n).is_file() && !n.starts_with('.');
        let files = entries.iter().filter(is_file).cloned().collect::<Vec<_>>();
        if last && let Some(best) = crate::diag::closest_with(step, files.iter().map(String::as_str), 0.85) {
            let path = if folder.is_empty() { best.to_owned() } else { format!("{folder}/{best}") };
            return Lookalike { near: Some((path, differs.unwrap_or(Differs::Spelling))), folder: None };
        }
        let listed = files.into_iter().take(FOLDER_NAMES_SHOWN).collect();
        return Lookalike { near: None, folder: Some((folder, listed)) };
    }
    // Every step was found once capitals or normalisation were set right.
    match differs {
        Some(d) if dir.is_file() => Lookalike { near: Some((shown.join("/"), d)), folder: None },
        _ => Lookalike::default(),
    }
}

/// Every distinct cited path checked once, in parallel (each check resolves
/// the path's links: a dozen system calls): the status of each, and the
/// resolved path of each that exists (the output guard reuses them).
pub fn check_all<'a>(
    root: &Path,
    paths: impl IntoIterator<Item = &'a str>,
) -> (BTreeMap<String, PathStatus>, BTreeMap<String, PathBuf>) {
    use rayon::prelude::*;
    let mut distinct = paths.into_iter().collect::<Vec<_>>();
    distinct.par_sort_unstable();
    distinct.dedup();
    // A path whose every folder is a folder (not a link) and whose last
    // step is a regular file is a file inside the workspace, without
    // resolving it step by step: each folder is looked at once, then each
    // file. Any other path (missing, reached through a link, odd) is
    // checked on its own.
    let valid = distinct.iter().copied().filter(|p| check_syntax(p).is_ok()).collect::<Vec<_>>();
    let mut folders = valid.iter().flat_map(|p| p.match_indices('/').map(|(i, _)| &p[..i])).collect::<Vec<_>>();
    folders.par_sort_unstable();
    folders.dedup();
    let plain_folders = folders
        .par_iter()
        .filter(|d| std::fs::symlink_metadata(root.join(d)).is_ok_and(|m| m.is_dir()))
        .copied()
        .collect::<HashSet<_>>();
    let plain = |path: &str| {
        path.match_indices('/').all(|(i, _)| plain_folders.contains(&path[..i]))
            && std::fs::symlink_metadata(root.join(path)).is_ok_and(|m| m.is_file())
    };
    let checked = distinct
        .par_iter()
        .map(|&path| {
            if check_syntax(path).is_ok() && plain(path) {
                (path, (PathStatus::File, Some(root.join(path))))
            } else {
                (path, check_resolved(root, path))
            }
        })
        .collect::<Vec<_>>();
    // `checked` is sorted by path: the maps are built in one pass.
    let mut statuses = Vec::with_capacity(checked.len());
    let mut resolved = Vec::with_capacity(checked.len());
    for (path, (status, real)) in checked {
        if let Some(real) = real {
            resolved.push((path.to_owned(), real));
        }
        statuses.push((path.to_owned(), status));
    }
    (statuses.into_iter().collect(), resolved.into_iter().collect())
}

/// SHA-256 (lowercase hex) and size of a regular file inside the
/// workspace (opened through [`files::open`]: no link out, no FIFO).
pub fn hash(root: &Path, rel: &str) -> std::io::Result<(String, u64)> {
    let mut file = match files::open(root, rel) {
        Ok(opened) => opened.file,
        Err(files::Problem::Io(e)) => return Err(e),
        Err(_) => {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file in the workspace"));
        }
    };
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buffer[..n]);
    }
    let digest = hasher.finalize();
    Ok((digest.iter().map(|b| format!("{b:02x}")).collect(), size))
}

/// SHA-256 and size of each of `paths` that can be read, hashed in
/// parallel.
pub fn hash_all<'a>(root: &Path, paths: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, (String, u64)> {
    use rayon::prelude::*;
    let paths = paths.into_iter().collect::<Vec<_>>();
    paths.par_iter().filter_map(|&p| hash(root, p).ok().map(|h| (p.to_owned(), h))).collect()
}

/// [`hash_all`] of the paths whose status is a file inside the workspace.
pub fn hash_files(root: &Path, paths: &BTreeMap<String, PathStatus>) -> BTreeMap<String, (String, u64)> {
    hash_all(root, paths.iter().filter(|(_, s)| matches!(s, PathStatus::File)).map(|(p, _)| p.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_escapes() {
        assert_eq!(check_syntax("/etc/passwd"), Err(PathStatus::Outside(OutsideReason::Absolute)));
        assert_eq!(check_syntax("C:\\x"), Err(PathStatus::Outside(OutsideReason::WindowsDrive)));
        assert_eq!(check_syntax("evidence/../../x"), Err(PathStatus::Outside(OutsideReason::ParentStep)));
        assert_eq!(check_syntax("a\0b"), Err(PathStatus::Invalid(InvalidReason::Nul)));
        assert_eq!(check_syntax("evidence\\a.txt"), Err(PathStatus::Invalid(InvalidReason::Backslash)));
        assert_eq!(check_syntax(""), Err(PathStatus::Invalid(InvalidReason::Empty)));
        assert_eq!(check_syntax("evidence/a.txt"), Ok(()));
        for other in ["evidence//a.txt", "evidence/./a.txt", "./evidence/a.txt", "evidence/a.txt/"] {
            assert_eq!(check_syntax(other), Err(PathStatus::Invalid(InvalidReason::NotNormal)), "{other}");
            assert_eq!(normal_spelling(other), "evidence/a.txt");
        }
    }
}
