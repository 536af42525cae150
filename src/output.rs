//! Writing outputs: every file terbuka writes goes through here.
//!
//! A file is written to a temporary file in the same folder — created
//! exclusively, with an unpredictable name, never through a link already
//! there — then synced and renamed into place, so a reader never sees a
//! half-written file. Temporary files are removed on failure, on Ctrl-C
//! and SIGTERM ([`temps::remove_all`]), and, when a run was killed
//! outright, by the next run that writes into the same folder
//! ([`temps::sweep`]).
//!
//! Before anything is written, [`Inputs::check`] resolves the path the way
//! the operating system will (the longest part that exists with its links
//! followed, the rest normalised, `..` included) and refuses the
//! workspace's inputs, and any path inside the workspace that a link
//! would carry out of it. The check is made again once the folders exist.

mod batch;
pub mod temps;

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

pub use batch::Batch;

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The OS refused.
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// The path is one of the workspace's inputs.
    #[error("refusing to write {}: it is one of the workspace's inputs", path.display())]
    Input { path: PathBuf },
    /// The path lies inside the workspace, but a symbolic link carries it
    /// outside.
    #[error("refusing to write {}: a symbolic link leads it outside the workspace", path.display())]
    LinkOut { path: PathBuf },
    /// A file stands where a folder is needed.
    #[error("cannot write {}: {} is a file, not a folder", path.display(), blocker.display())]
    NotAFolder { path: PathBuf, blocker: PathBuf },
    /// A folder stands where the file would go.
    #[error("cannot write {}: it is a folder", path.display())]
    IsAFolder { path: PathBuf },
    /// A derived file name that is not a plain name (a bug, or an id that
    /// escaped validation).
    #[error("refusing to write {}: the name would leave its folder", path.display())]
    BadName { path: PathBuf },
    /// The folder a batch would replace holds files terbuka did not write.
    #[error("refusing to replace {}: it holds files terbuka did not write", path.display())]
    ForeignFolder { path: PathBuf },
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
                    "{path} tidak ditulis: berkas itu akan menimpa atau menambah masukan ruang kerja (berkas YAML, bukti, templat laporan, evidence.lock); pilih jalur lain dengan -o"
                )
            }
            WriteError::LinkOut { path } => {
                let path = path.display();
                crate::msg!(
                    "refusing to write {path}: a symbolic link in the workspace would carry it outside the workspace; remove the link, or give a path outside the workspace with -o",
                    "{path} tidak ditulis: sebuah tautan simbolik di dalam ruang kerja akan membawanya ke luar ruang kerja; hapus tautan itu, atau beri jalur di luar ruang kerja dengan -o"
                )
            }
            WriteError::NotAFolder { path, blocker } => {
                let (path, blocker) = (path.display(), blocker.display());
                crate::msg!(
                    "cannot write {path}: {blocker} is a file, where a folder is needed; move or rename that file, or choose another path with -o",
                    "{path} tidak dapat ditulis: {blocker} adalah berkas, padahal di situ dibutuhkan folder; pindahkan atau ganti nama berkas itu, atau pilih jalur lain dengan -o"
                )
            }
            WriteError::IsAFolder { path } => {
                let path = path.display();
                crate::msg!(
                    "cannot write {path}: a folder of that name is in the way; choose a file name with -o",
                    "{path} tidak dapat ditulis: ada folder dengan nama itu; pilih nama berkas dengan -o"
                )
            }
            WriteError::BadName { path } => {
                let path = path.display();
                crate::msg!(
                    "refusing to write {path}: the name would leave its folder",
                    "{path} tidak ditulis: namanya akan keluar dari foldernya"
                )
            }
            WriteError::ForeignFolder { path } => {
                let path = path.display();
                crate::msg!(
                    "refusing to replace {path}: the folder holds files terbuka did not write; choose an empty or new folder with -o",
                    "{path} tidak diganti: folder itu berisi berkas yang tidak ditulis terbuka; pilih folder kosong atau baru dengan -o"
                )
            }
        }
    }
}

/// The workspace's inputs, which no output may replace or add to: the
/// YAML files read, `evidence.lock`, every cited file, and everything
/// under the folders terbuka reads from.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    root: PathBuf,
    /// Only looked up: a set of 10,000 paths is built faster by hashing
    /// than by ordering them.
    files: std::collections::HashSet<PathBuf>,
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
        let mut files = files.par_iter().map(|f| resolve(f)).collect::<std::collections::HashSet<_>>();
        files.extend(resolved);
        let dirs = dirs.iter().map(|d| resolve(&root.join(d))).collect();
        Inputs { root: root.to_owned(), files, dirs }
    }

    /// Refuses `path` when it is, or resolves to, an input or a folder, or
    /// when it lies inside the workspace and a link carries it out.
    pub fn check(&self, path: &Path) -> Result<(), WriteError> {
        let real = resolve(path);
        if self.files.contains(&real) || self.dirs.iter().any(|d| real.starts_with(d)) {
            return Err(WriteError::Input { path: path.to_owned() });
        }
        if !self.root.as_os_str().is_empty() && lexical(path).starts_with(&self.root) && !real.starts_with(&self.root) {
            return Err(WriteError::LinkOut { path: path.to_owned() });
        }
        if real.is_dir() {
            return Err(WriteError::IsAFolder { path: path.to_owned() });
        }
        Ok(())
    }
}

/// `path` made absolute (against the current directory) and normalised
/// without the file system: `.` steps dropped, `..` steps taken.
pub fn lexical(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_owned())
    };
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Where `path` will really be written: the longest part of it that exists
/// with every link followed, then the rest normalised (a `..` after a
/// folder that does not exist undoes that folder, as it will once the
/// folder is made).
pub fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_owned())
    };
    let components = absolute.components().collect::<Vec<_>>();
    // The longest prefix the system can resolve.
    for split in (1..=components.len()).rev() {
        let prefix = components[..split].iter().collect::<PathBuf>();
        let Ok(mut real) = prefix.canonicalize() else { continue };
        for c in &components[split..] {
            match c {
                Component::ParentDir => {
                    real.pop();
                }
                Component::CurDir => {}
                other => real.push(other),
            }
        }
        return real;
    }
    lexical(&absolute)
}

/// `dir` joined with a file name made from ids: refused unless `name` is
/// one plain name (no folder steps, not `.` or `..`), so that a derived
/// output stays in its folder whatever an id holds.
pub fn child(dir: &Path, name: &str) -> Result<PathBuf, WriteError> {
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && Path::new(name).components().count() == 1;
    if plain { Ok(dir.join(name)) } else { Err(WriteError::BadName { path: dir.join(name) }) }
}

/// [`write_atomic`], after checking that `path` is not one of `inputs` —
/// before the folders are made and again after.
pub fn write_output(inputs: &Inputs, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    inputs.check(path)?;
    let dir = parent(path);
    create_folders(path, &dir)?;
    inputs.check(path)?;
    write_in(&dir, path, bytes, Commit::Replace)
}

/// Checks every path of a set of outputs before any is written.
pub fn check_all<'a>(inputs: &Inputs, paths: impl IntoIterator<Item = &'a Path>) -> Result<(), WriteError> {
    paths.into_iter().try_for_each(|p| inputs.check(p))
}

/// Writes `bytes` to `path` atomically, creating parent directories.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = parent(path);
    create_folders(path, &dir)?;
    write_in(&dir, path, bytes, Commit::Replace)
}

/// Whether `path`, once written, stays in the workspace at `root`
/// (canonical): no link on its way carries it out.
pub fn stays_inside(root: &Path, path: &Path) -> bool {
    resolve(path).starts_with(root)
}

/// [`write_atomic`] without waiting for the disk: for terbuka's caches,
/// which a crash may lose (the next run reads the files again) but never
/// leaves half-written for a reader. A cache is written only inside the
/// workspace at `root` (canonical), checked before the folders are made
/// and again after: a link at `out/` or `out/.cache/` that leads out of it
/// is refused, as for any output.
pub fn write_cache(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let inside = || stays_inside(root, path).then_some(()).ok_or_else(|| WriteError::LinkOut { path: path.to_owned() });
    inside()?;
    let dir = parent(path);
    create_folders(path, &dir)?;
    inside()?;
    write_in(&dir, path, bytes, Commit::ReplaceUnsynced)
}

/// Writes `bytes` to `path` atomically, only if nothing is there yet: the
/// temporary file is linked into place, which fails when `path` exists,
/// even if it appeared after the check. Used by `terbuka new`, which never
/// overwrites.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = parent(path);
    create_folders(path, &dir)?;
    write_in(&dir, path, bytes, Commit::NoClobber)
}

/// How a temporary file is put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Commit {
    /// Renamed over whatever is there.
    Replace,
    /// Renamed over whatever is there, without syncing first.
    ReplaceUnsynced,
    /// Linked, failing if something is there.
    NoClobber,
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Makes `dir` and its parents, saying which file is in the way when one is.
fn create_folders(path: &Path, dir: &Path) -> Result<(), WriteError> {
    match fs::create_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(source) => {
            let blocker = dir.ancestors().find(|a| a.is_file());
            Err(match blocker {
                Some(b) => WriteError::NotAFolder { path: path.to_owned(), blocker: b.to_owned() },
                None => WriteError::Io { path: path.to_owned(), source },
            })
        }
    }
}

/// Writes a temporary file in `dir`, syncs it, and puts it in place; the
/// temporary file never outlives a failure.
fn write_in(dir: &Path, path: &Path, bytes: &[u8], commit: Commit) -> Result<(), WriteError> {
    let io = |source| WriteError::Io { path: path.to_owned(), source };
    temps::sweep_once(dir);
    let mut tmp = temps::file_in(dir).map_err(io)?;
    let result = tmp.file.write_all(bytes);
    let result = if commit == Commit::ReplaceUnsynced { result } else { result.and_then(|()| tmp.file.sync_all()) };
    if let Err(e) = result {
        return Err(io(e));
    }
    let put = match commit {
        Commit::Replace | Commit::ReplaceUnsynced => tmp.persist(path),
        Commit::NoClobber => tmp.persist_new(path),
    };
    put.map_err(|e| {
        if e.kind() == std::io::ErrorKind::IsADirectory {
            WriteError::IsAFolder { path: path.to_owned() }
        } else {
            io(e)
        }
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn parent_steps_after_missing_folders_are_taken() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        fs::create_dir(root.join("out")).unwrap();
        assert_eq!(resolve(&root.join("out/nope/../../terbuka.yaml")), root.join("terbuka.yaml"));
        assert_eq!(resolve(&root.join("out/../evidence/new/r.pdf")), root.join("evidence/new/r.pdf"));
        fs::create_dir(root.join("evidence")).unwrap();
        std::os::unix::fs::symlink(root.join("evidence"), root.join("link")).unwrap();
        assert_eq!(resolve(&root.join("link/a/b/r.pdf")), root.join("evidence/a/b/r.pdf"));
        let inputs = Inputs::new(&root, ["terbuka.yaml"], [], &["evidence"]);
        for bad in ["out/nope/../../terbuka.yaml", "out/../evidence/new/r.pdf", "link/a/b/r.pdf", "out/./../evidence/x"]
        {
            assert!(matches!(inputs.check(&root.join(bad)), Err(WriteError::Input { .. })), "{bad}");
        }
        assert!(inputs.check(&root.join("out/report.pdf")).is_ok());
    }

    #[test]
    fn a_link_that_carries_an_output_out_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), root.join("out")).unwrap();
        let inputs = Inputs::new(&root, [], [], &[]);
        assert!(matches!(inputs.check(&root.join("out/r.pdf")), Err(WriteError::LinkOut { .. })));
        assert!(inputs.check(&elsewhere.path().join("r.pdf")).is_ok());
    }

    #[test]
    fn derived_names_stay_in_their_folder() {
        let dir = Path::new("/w/out");
        assert!(child(dir, "report-2017-s1-id.pdf").is_ok());
        for bad in ["", ".", "..", "../x.pdf", "a/b.pdf", "a\\b", "x\0"] {
            assert!(child(dir, bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_planted_link_at_a_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        // Every name the old scheme would have used.
        for name in [".r.pdf.1.tmp", ".r.pdf.tmp"] {
            std::os::unix::fs::symlink(&victim, dir.path().join(name)).unwrap();
        }
        write_atomic(&dir.path().join("r.pdf"), b"pdf").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"keep");
        assert_eq!(fs::read(dir.path().join("r.pdf")).unwrap(), b"pdf");
    }
}
