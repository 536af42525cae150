//! Writing outputs: every file terbuka writes goes through here, written to
//! a temporary file in the same directory and then renamed, so a reader
//! never sees a half-written file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The OS refused.
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// The path is one of the workspace's inputs.
    #[error("refusing to write {}: it is one of the workspace's inputs", path.display())]
    Input { path: PathBuf },
}

/// The workspace's inputs, which no output may replace: the YAML files
/// read, `evidence.lock`, every cited file, and everything under the
/// folders terbuka reads from.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    files: std::collections::BTreeSet<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl Inputs {
    /// The inputs of the workspace at `root` (canonical): `files` relative
    /// to it, files already `resolved` (with their links followed), and the
    /// folders `dirs` whole.
    pub fn new<'a>(
        root: &Path,
        files: impl IntoIterator<Item = &'a str>,
        resolved: impl IntoIterator<Item = PathBuf>,
        dirs: &[&str],
    ) -> Self {
        use rayon::prelude::*;
        let files = files.into_iter().map(|f| root.join(f)).collect::<Vec<_>>();
        let mut files = files.par_iter().map(|f| resolve(f)).collect::<std::collections::BTreeSet<_>>();
        files.extend(resolved);
        let dirs = dirs.iter().map(|d| resolve(&root.join(d))).collect();
        Inputs { files, dirs }
    }

    /// Refuses `path` when it is, or resolves to, an input.
    pub fn check(&self, path: &Path) -> Result<(), WriteError> {
        let resolved = resolve(path);
        if self.files.contains(&resolved) || self.dirs.iter().any(|d| resolved.starts_with(d)) {
            return Err(WriteError::Input { path: path.to_owned() });
        }
        Ok(())
    }
}

/// `path` made absolute, with symbolic links in it followed as far as it
/// exists.
fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_owned())
    };
    if let Ok(real) = absolute.canonicalize() {
        return real;
    }
    match (absolute.parent().and_then(|p| p.canonicalize().ok()), absolute.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => absolute,
    }
}

/// [`write_atomic`], after checking that `path` is not one of `inputs`.
pub fn write_output(inputs: &Inputs, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    inputs.check(path)?;
    write_atomic(path, bytes)
}

impl WriteError {
    /// The message in both languages.
    pub fn msg(&self) -> crate::diag::Msg {
        match self {
            WriteError::Io { path, source } => {
                let path = path.display();
                crate::msg!("cannot write {path}: {source}", "{path} tidak dapat ditulis: {source}")
            }
            WriteError::Input { path } => {
                let path = path.display();
                crate::msg!(
                    "refusing to write {path}: it would replace or add to the workspace's inputs (its YAML files, evidence, report templates, evidence.lock); choose another path with -o",
                    "{path} tidak ditulis: berkas itu akan menimpa atau menambah masukan workspace (berkas YAML, bukti, templat laporan, evidence.lock); pilih jalur lain dengan -o"
                )
            }
        }
    }
}

/// Writes `bytes` to `path` atomically, creating parent directories.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_via_temp(path, bytes, |tmp, path| fs::rename(tmp, path))
}

/// Writes `bytes` to `path` atomically, only if nothing is there yet: the
/// temporary file is hard-linked into place, which fails when `path`
/// exists, even if it appeared after the check. Used by `terbuka new`,
/// which never overwrites.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_via_temp(path, bytes, |tmp, path| {
        let linked = fs::hard_link(tmp, path);
        let _ = fs::remove_file(tmp);
        linked
    })
}

/// Writes a temporary file beside `path`, syncs it, and puts it in place
/// with `commit`; the temporary file never outlives a failure.
fn write_via_temp(
    path: &Path,
    bytes: &[u8],
    commit: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let io = |source| WriteError::Io { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(io)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        commit(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}
