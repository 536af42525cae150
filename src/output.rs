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
}

impl WriteError {
    /// The message in both languages.
    pub fn msg(&self) -> crate::diag::Msg {
        match self {
            WriteError::Io { path, source } => {
                let path = path.display();
                crate::msg!("cannot write {path}: {source}", "{path} tidak dapat ditulis: {source}")
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
