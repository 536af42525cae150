//! Temporary files and folders beside outputs.
//!
//! Each is named `.terbuka-<pid>-<random>.tmp` and created exclusively
//! (`O_CREAT | O_EXCL`, which never follows a link already at the name),
//! so a workspace that ships links at likely names cannot make terbuka
//! write through them. Every live one is registered, so that Ctrl-C,
//! SIGTERM or SIGHUP remove them ([`remove_all`]); a run killed outright
//! leaves them, and the next run that writes into the same folder removes
//! those of processes that are gone ([`sweep_once`]), including the
//! `.<name>.<pid>.tmp` files of terbuka versions before 0.2.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// The start of every temporary name.
pub const PREFIX: &str = ".terbuka-";
/// The end of every temporary name.
pub const SUFFIX: &str = ".tmp";

/// Temporary files and folders that exist now.
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    LIVE.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// An unpredictable name: the process's random hash keys (seeded by the
/// operating system), a counter and the time.
fn random_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    h.write_u128(nanos);
    format!("{PREFIX}{}-{:016x}{SUFFIX}", std::process::id(), h.finish())
}

/// Tries `make` on fresh names until one is free.
fn create<T>(dir: &Path, make: impl Fn(&Path) -> std::io::Result<T>) -> std::io::Result<(PathBuf, T)> {
    let mut last = None;
    for _ in 0..16 {
        let path = dir.join(random_name());
        match make(&path) {
            Ok(made) => {
                live().insert(path.clone());
                return Ok((path, made));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

/// A temporary file, removed when dropped unless it was put in place.
#[derive(Debug)]
pub struct TempFile {
    /// The open file.
    pub file: File,
    path: PathBuf,
}

/// A new temporary file in `dir` (which exists).
pub fn file_in(dir: &Path) -> std::io::Result<TempFile> {
    let (path, file) = create(dir, |p| fs::OpenOptions::new().write(true).create_new(true).open(p))?;
    Ok(TempFile { file, path })
}

impl TempFile {
    /// Renames the file to `to`, replacing what is there.
    pub fn persist(self, to: &Path) -> std::io::Result<()> {
        fs::rename(&self.path, to)
    }

    /// Links the file to `to`, failing if something is there.
    pub fn persist_new(self, to: &Path) -> std::io::Result<()> {
        fs::hard_link(&self.path, to)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // After a rename this finds nothing; after a link it removes the
        // temporary name.
        let _ = fs::remove_file(&self.path);
        live().remove(&self.path);
    }
}

/// A temporary folder, removed (with what it holds) when dropped unless
/// it was put in place.
#[derive(Debug)]
pub struct TempDir {
    path: PathBuf,
}

/// A new temporary folder in `dir` (which exists).
pub fn dir_in(dir: &Path) -> std::io::Result<TempDir> {
    let (path, ()) = create(dir, |p| fs::create_dir(p))?;
    Ok(TempDir { path })
}

impl TempDir {
    /// Its path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        remove(&self.path);
        live().remove(&self.path);
    }
}

/// Removes a file, link or folder (a link is removed, never followed).
fn remove(path: &Path) {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let _ = fs::remove_dir_all(path);
        }
        Ok(_) => {
            let _ = fs::remove_file(path);
        }
        Err(_) => {}
    }
}

/// Removes every live temporary file and folder (on Ctrl-C or SIGTERM).
pub fn remove_all() {
    let paths = std::mem::take(&mut *live());
    for path in paths {
        remove(&path);
    }
}

/// Removes the temporary files and folders in `dir` that were left by
/// runs that are gone, once per folder per process.
pub fn sweep_once(dir: &Path) {
    static SWEPT: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    if SWEPT.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(key) {
        sweep(dir);
    }
}

/// The process id in a temporary name of ours, if it is one.
fn owner(name: &str) -> Option<u32> {
    if let Some(rest) = name.strip_prefix(PREFIX).and_then(|r| r.strip_suffix(SUFFIX)) {
        return rest.split('-').next()?.parse().ok();
    }
    // Before 0.2: `.<output name>.<pid>.tmp`.
    let rest = name.strip_prefix('.')?.strip_suffix(SUFFIX)?;
    let (output, pid) = rest.rsplit_once('.')?;
    if output.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` may still be running (when it cannot be told,
/// it is assumed to be).
fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Removes what [`sweep_once`] removes, every time.
pub fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let me = std::process::id();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else { continue };
        match owner(&name) {
            Some(pid) if pid != me && !alive(pid) => remove(&entry.path()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_ours_and_unpredictable() {
        let (a, b) = (random_name(), random_name());
        assert_ne!(a, b);
        assert_eq!(owner(&a), Some(std::process::id()));
        assert_eq!(owner(".report-2017-s1-id.pdf.4242.tmp"), Some(4242));
        assert_eq!(owner(".notes.tmp"), None);
        assert_eq!(owner("report.pdf"), None);
    }

    #[test]
    fn leftovers_of_dead_runs_are_swept_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // No process has the largest pid.
        let dead = format!("{PREFIX}4194304999-0123456789abcdef{SUFFIX}");
        let old = ".evidence.lock.4194304998.tmp";
        let mine = dir_in(dir.path()).unwrap();
        fs::write(dir.path().join(&dead), "x").unwrap();
        fs::write(dir.path().join(old), "x").unwrap();
        fs::create_dir(dir.path().join(format!("{PREFIX}4194304997-00{SUFFIX}"))).unwrap();
        fs::write(dir.path().join("keep.tmp"), "x").unwrap();
        sweep(dir.path());
        let mut left = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect::<Vec<_>>();
        left.sort();
        assert_eq!(left, vec![mine.path().file_name().unwrap().to_owned(), "keep.tmp".into()]);
        drop(mine);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
