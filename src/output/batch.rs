//! A folder of outputs written as one (`report --all`, the site): built in
//! a temporary folder beside the target and swapped into place at the end,
//! so that an interrupted or failed run leaves the previous folder whole
//! and a finished one leaves no file of an earlier run behind.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Inputs, WriteError, resolve, temps};

/// The file that marks a folder as terbuka's own, so that the next run may
/// replace it.
pub const MARKER: &str = ".terbuka-output";

const MARKER_TEXT: &str = "This folder is written by terbuka and replaced whole by the next run that writes it:\n\
                           files added here are lost.\n";

/// A folder being written.
#[derive(Debug)]
pub struct Batch {
    target: PathBuf,
    tmp: temps::TempDir,
}

impl Batch {
    /// Starts writing the folder `target`. Refused when `target` is, holds
    /// or lies in one of the workspace's inputs, or already holds files
    /// terbuka did not write: it may hold only our marker, or, from before
    /// the marker, files whose extensions are in `legacy` (and no folder).
    pub fn begin(inputs: &Inputs, target: &Path, legacy: &[&str]) -> Result<Batch, WriteError> {
        let real = resolve(target);
        let input = inputs.files.iter().chain(&inputs.dirs).any(|i| i.starts_with(&real))
            || inputs.dirs.iter().any(|d| real.starts_with(d))
            || (!inputs.root.as_os_str().is_empty() && inputs.root.starts_with(&real));
        if input {
            return Err(WriteError::Input { path: target.to_owned() });
        }
        if !inputs.root.as_os_str().is_empty()
            && super::lexical(target).starts_with(&inputs.root)
            && !real.starts_with(&inputs.root)
        {
            return Err(WriteError::LinkOut { path: target.to_owned() });
        }
        if real.exists() && !ours(&real, legacy) {
            return Err(if real.is_dir() {
                WriteError::ForeignFolder { path: target.to_owned() }
            } else {
                WriteError::NotAFolder { path: target.to_owned(), blocker: target.to_owned() }
            });
        }
        let parent = super::parent(target);
        super::create_folders(target, &parent)?;
        temps::sweep_once(&parent);
        let tmp = temps::dir_in(&parent).map_err(|source| WriteError::Io { path: target.to_owned(), source })?;
        Ok(Batch { target: target.to_owned(), tmp })
    }

    /// The folder as it will be once in place (for messages).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes the file `name` (a plain name, or `a/b` below the folder) of
    /// the batch.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let shown = self.target.join(name);
        let io = |source| WriteError::Io { path: shown.clone(), source };
        if bad_name(name) {
            return Err(WriteError::BadName { path: shown });
        }
        let path = self.tmp.path().join(name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io)?;
        }
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(io)?;
        file.write_all(bytes).and_then(|()| file.sync_all()).map_err(io)
    }

    /// Writes many files of the batch (a site's thousands) in parallel,
    /// without a sync per file: the files are flushed together, once, before
    /// [`Batch::commit`] puts the folder in place.
    pub fn write_all(&self, files: &[(String, Vec<u8>)]) -> Result<(), WriteError> {
        use rayon::prelude::*;
        let dirs = files
            .iter()
            .filter_map(|(name, _)| name.rsplit_once('/').map(|(d, _)| d))
            .collect::<std::collections::BTreeSet<_>>();
        for dir in dirs {
            if bad_name(dir) {
                return Err(WriteError::BadName { path: self.target.join(dir) });
            }
            let path = self.tmp.path().join(dir);
            fs::create_dir_all(&path).map_err(|source| WriteError::Io { path: self.target.join(dir), source })?;
        }
        files.par_iter().try_for_each(|(name, bytes)| {
            let shown = self.target.join(name);
            if bad_name(name) {
                return Err(WriteError::BadName { path: shown });
            }
            let io = |source| WriteError::Io { path: shown.clone(), source };
            let mut file =
                fs::OpenOptions::new().write(true).create_new(true).open(self.tmp.path().join(name)).map_err(io)?;
            file.write_all(bytes).map_err(io)
        })?;
        self.flush()
    }

    /// Flushes everything written so far to the disk: the whole file
    /// system the batch is on, in one call where the system has one.
    fn flush(&self) -> Result<(), WriteError> {
        let io = |source| WriteError::Io { path: self.target.clone(), source };
        let dir = fs::File::open(self.tmp.path()).map_err(io)?;
        #[cfg(target_os = "linux")]
        {
            rustix::fs::syncfs(&dir).map_err(|e| io(e.into()))?;
        }
        #[cfg(not(target_os = "linux"))]
        {
            dir.sync_all().map_err(io)?;
        }
        Ok(())
    }

    /// Puts the folder in place of the old one, which is removed.
    pub fn commit(self) -> Result<(), WriteError> {
        let io = |source| WriteError::Io { path: self.target.clone(), source };
        fs::write(self.tmp.path().join(MARKER), MARKER_TEXT).map_err(io)?;
        if fs::symlink_metadata(&self.target).is_err() {
            return fs::rename(self.tmp.path(), &self.target).map_err(io);
        }
        // The old folder ends up at the temporary name, which is then removed.
        swap(self.tmp.path(), &self.target).map_err(io)
    }
}

/// Whether a name below the folder could step out of it or is not one
/// plain spelling (`a//b`, `./a`, `..`, a backslash).
fn bad_name(name: &str) -> bool {
    name.split('/').any(|step| step.is_empty() || step == "." || step == ".." || step.contains('\\'))
}

/// Whether the folder at `real` is one terbuka wrote.
fn ours(real: &Path, legacy: &[&str]) -> bool {
    let Ok(entries) = fs::read_dir(real) else { return false };
    let mut marked = false;
    let mut legacy_only = true;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == MARKER {
            marked = true;
            continue;
        }
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        let known = name.rsplit_once('.').is_some_and(|(_, ext)| legacy.contains(&ext));
        legacy_only &= is_file && known;
    }
    marked || legacy_only
}

/// Exchanges two folders atomically where the system can (Linux's
/// `renameat2` with `RENAME_EXCHANGE`), else with two renames.
fn swap(new: &Path, target: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    let aside = new.with_extension("old.tmp");
    fs::rename(target, &aside)?;
    fs::rename(new, target)?;
    // `new` is the temporary folder's name: what is removed with it.
    fs::rename(&aside, new)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_batch_replaces_its_folder_whole() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let inputs = Inputs::new(&root, ["terbuka.yaml"], [], &["evidence"]);
        let target = root.join("out/cards");
        let first = Batch::begin(&inputs, &target, &["pdf"]).unwrap();
        first.write("a.pdf", b"1").unwrap();
        first.write("gone.pdf", b"1").unwrap();
        first.commit().unwrap();
        let second = Batch::begin(&inputs, &target, &["pdf"]).unwrap();
        second.write("a.pdf", b"2").unwrap();
        // Until it is committed, the old folder is whole.
        assert_eq!(fs::read(target.join("gone.pdf")).unwrap(), b"1");
        second.commit().unwrap();
        let mut names = fs::read_dir(&target).unwrap().map(|e| e.unwrap().file_name()).collect::<Vec<_>>();
        names.sort();
        assert_eq!(names, vec![std::ffi::OsString::from(MARKER), "a.pdf".into()]);
        assert_eq!(fs::read(target.join("a.pdf")).unwrap(), b"2");
        // Nothing temporary is left beside it.
        assert_eq!(fs::read_dir(root.join("out")).unwrap().count(), 1);
        // A failed batch leaves the folder as it was.
        let failed = Batch::begin(&inputs, &target, &["pdf"]).unwrap();
        failed.write("b.pdf", b"3").unwrap();
        drop(failed);
        assert!(!target.join("b.pdf").exists());
        assert_eq!(fs::read_dir(root.join("out")).unwrap().count(), 1);
    }

    #[test]
    fn a_batch_never_replaces_inputs_or_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        fs::create_dir_all(root.join("evidence")).unwrap();
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/notes.txt"), "x").unwrap();
        let inputs = Inputs::new(&root, ["terbuka.yaml"], [], &["evidence"]);
        for bad in [".", "evidence", "evidence/x", "out/../evidence"] {
            assert!(matches!(Batch::begin(&inputs, &root.join(bad), &["pdf"]), Err(WriteError::Input { .. })), "{bad}");
        }
        assert!(matches!(Batch::begin(&inputs, &root.join("mine"), &["pdf"]), Err(WriteError::ForeignFolder { .. })));
    }
}
