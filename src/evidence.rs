//! Evidence: checks that cited paths are safe and exist, and hashes files.
//!
//! Evidence files are only ever read, never written. A cited path must be
//! relative to the workspace root and stay inside it, also after symbolic
//! links are resolved.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

/// What is wrong with a cited path, or what the file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStatus {
    /// A regular file inside the workspace of `size` bytes.
    File { size: u64 },
    /// Nothing there (or a directory).
    Missing,
    /// Absolute, a Windows drive path, a `..` step, or a link leading out.
    Outside(OutsideReason),
    /// Not a usable path at all (empty, NUL bytes, backslashes).
    Invalid(InvalidReason),
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
    if rel.contains('\\') {
        return Err(PathStatus::Invalid(InvalidReason::Backslash));
    }
    if Path::new(rel).components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(PathStatus::Outside(OutsideReason::ParentStep));
    }
    Ok(())
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
    let full = root.join(rel);
    match full.canonicalize() {
        Ok(real) => {
            let status = if !real.starts_with(root) {
                PathStatus::Outside(OutsideReason::Symlink)
            } else {
                match fs::metadata(&real) {
                    Ok(meta) if meta.is_file() => PathStatus::File { size: meta.len() },
                    _ => PathStatus::Missing,
                }
            };
            (status, Some(real))
        }
        Err(_) => {
            // A dangling link that points outside is still an escape.
            let status = match fs::read_link(&full) {
                Ok(target) if target.is_absolute() && !target.starts_with(root) => {
                    PathStatus::Outside(OutsideReason::Symlink)
                }
                _ => PathStatus::Missing,
            };
            (status, None)
        }
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
    let distinct = paths.into_iter().collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>();
    let checked = distinct.par_iter().map(|&path| (path, check_resolved(root, path))).collect::<Vec<_>>();
    let mut statuses = BTreeMap::new();
    let mut resolved = BTreeMap::new();
    for (path, (status, real)) in checked {
        statuses.insert(path.to_owned(), status);
        if let Some(real) = real {
            resolved.insert(path.to_owned(), real);
        }
    }
    (statuses, resolved)
}

/// SHA-256 (lowercase hex) and size of a file inside the workspace.
pub fn hash(root: &Path, rel: &str) -> std::io::Result<(String, u64)> {
    let mut file = fs::File::open(root.join(rel))?;
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
    hash_all(root, paths.iter().filter(|(_, s)| matches!(s, PathStatus::File { .. })).map(|(p, _)| p.as_str()))
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
    }
}
