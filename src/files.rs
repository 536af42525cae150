//! Reading a workspace's files, safely: only regular files that lie inside
//! the workspace (also after their links are followed), opened without
//! blocking and read up to a limit.
//!
//! Every file terbuka reads from a workspace — YAML, `evidence.lock`,
//! template overrides, evidence it hashes, files a report template asks
//! for — is opened here, so one set of rules keeps a hostile workspace
//! from making terbuka read `/proc/self/environ` through a link, hang on a
//! FIFO or `/dev/stdin`, or read `/dev/zero` until memory runs out. This
//! module only reads; it never writes.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a workspace file cannot be read.
#[derive(Debug)]
pub enum Problem {
    /// Nothing is there.
    Missing,
    /// A symbolic link that leads outside the workspace.
    Outside,
    /// A folder, not a file.
    Directory,
    /// Something other than a regular file: a FIFO, a socket, a device.
    Special(Special),
    /// Symbolic links that lead to each other in a loop.
    LinkLoop,
    /// Larger than the limit.
    TooBig {
        /// The size the file's metadata gives, or, for a file that claimed
        /// less (a special file), the bytes read before stopping.
        size: u64,
        /// Whether `size` is only a lower bound (reading stopped).
        at_least: bool,
    },
    /// The operating system refused.
    Io(std::io::Error),
}

/// Kinds of special file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A named pipe.
    Fifo,
    /// A socket.
    Socket,
    /// A character or block device.
    Device,
    /// Anything else that is not a regular file.
    Other,
}

impl Special {
    /// The kind in words, in both languages: (en, id).
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Special::Fifo => ("a named pipe (FIFO)", "pipa bernama (FIFO)"),
            Special::Socket => ("a socket", "soket"),
            Special::Device => ("a device", "perangkat (device)"),
            Special::Other => ("not a regular file", "bukan berkas biasa"),
        }
    }
}

/// An open regular file inside the workspace.
#[derive(Debug)]
pub struct Opened {
    /// The file.
    pub file: File,
    /// Its size when opened.
    pub size: u64,
    /// Whether no step of the path is a link: its real path is `root/rel`.
    pub plain: bool,
}

fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// What is at `full` when it cannot be canonicalised: a link loop, a
/// dangling link that points outside `root`, or nothing.
fn unresolvable(root: &Path, full: &Path, e: &std::io::Error) -> Problem {
    if is_loop(e) {
        return Problem::LinkLoop;
    }
    match std::fs::read_link(full) {
        Ok(target) if target.is_absolute() && !target.starts_with(root) => Problem::Outside,
        _ => Problem::Missing,
    }
}

/// Resolves `rel` under `root` (canonical): the real path, when it exists
/// and stays inside the workspace.
pub fn resolve(root: &Path, rel: &str) -> Result<PathBuf, Problem> {
    let full = root.join(rel);
    let real = full.canonicalize().map_err(|e| unresolvable(root, &full, &e))?;
    if !real.starts_with(root) {
        return Err(Problem::Outside);
    }
    Ok(real)
}

/// Opens `real` for reading without following a link at its last step
/// (it is canonical: a link there now was put there since) and without
/// blocking on a FIFO.
fn open_plain(real: &Path) -> std::io::Result<File> {
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = rustix::fs::open(real, flags, Mode::empty()).map_err(std::io::Error::from)?;
        Ok(File::from(fd))
    }
    #[cfg(not(unix))]
    {
        File::open(real)
    }
}

/// Opens the regular file `rel` of the workspace at `root` (canonical).
pub fn open(root: &Path, rel: &str) -> Result<Opened, Problem> {
    #[cfg(target_os = "linux")]
    if let Some(opened) = fast::open(root, rel) {
        return opened;
    }
    let real = resolve(root, rel)?;
    let file = open_plain(&real).map_err(|e| match e.kind() {
        _ if is_loop(&e) => Problem::LinkLoop,
        std::io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Io(e),
    })?;
    regular(file, real == root.join(rel))
}

/// The file, if it is a regular one.
fn regular(file: File, plain: bool) -> Result<Opened, Problem> {
    let meta = file.metadata().map_err(Problem::Io)?;
    if meta.is_dir() {
        return Err(Problem::Directory);
    }
    if !meta.is_file() {
        return Err(Problem::Special(special_kind(&meta)));
    }
    Ok(Opened { file, size: meta.len(), plain })
}

/// Linux's `openat2` with `RESOLVE_BENEATH`: the kernel resolves the path
/// (links included) and refuses any step out of the root, in one call
/// instead of a `canonicalize` (a call per step) and an `open`. Whatever
/// it does not answer for certain — an absolute link (always refused
/// beneath), an old kernel — goes the long way.
#[cfg(target_os = "linux")]
mod fast {
    use std::fs::File;
    use std::path::{Path, PathBuf};
    use std::sync::{Arc, Mutex};

    use rustix::fd::OwnedFd;
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    use rustix::io::Errno;

    use super::{Opened, Problem, regular};

    /// The roots opened so far (a process reads one workspace, or a few).
    static ROOTS: Mutex<Vec<(PathBuf, Arc<OwnedFd>)>> = Mutex::new(Vec::new());

    fn root_fd(root: &Path) -> Option<Arc<OwnedFd>> {
        let mut roots = ROOTS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, fd)) = roots.iter().find(|(r, _)| r == root) {
            return Some(fd.clone());
        }
        let flags = OFlags::DIRECTORY | OFlags::RDONLY | OFlags::CLOEXEC | OFlags::PATH;
        let fd = Arc::new(rustix::fs::open(root, flags, Mode::empty()).ok()?);
        roots.push((root.to_owned(), fd.clone()));
        Some(fd)
    }

    /// The answer, or `None` to go the long way.
    pub(super) fn open(root: &Path, rel: &str) -> Option<Result<Opened, Problem>> {
        let dir = root_fd(root)?;
        let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let beneath = ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS;
        // Without any link first (what almost every file is), which also
        // says the file's real path; then with links that stay inside.
        let (opened, plain) =
            match rustix::fs::openat2(&*dir, rel, flags, Mode::empty(), beneath | ResolveFlags::NO_SYMLINKS) {
                Err(Errno::LOOP) => (rustix::fs::openat2(&*dir, rel, flags, Mode::empty(), beneath), false),
                other => (other, true),
            };
        match opened {
            Ok(fd) => Some(regular(File::from(fd), plain)),
            Err(Errno::NOENT | Errno::NOTDIR) => Some(Err(Problem::Missing)),
            // EXDEV: out of the root, or an absolute link (which may lead
            // back in); ELOOP, ENOSYS, EINVAL, EPERM, EAGAIN: let the long
            // way say.
            Err(_) => None,
        }
    }
}

/// The kind of a file that is neither regular nor a folder.
pub fn special_kind(meta: &std::fs::Metadata) -> Special {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            Special::Fifo
        } else if t.is_socket() {
            Special::Socket
        } else if t.is_char_device() || t.is_block_device() {
            Special::Device
        } else {
            Special::Other
        }
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Special::Other
    }
}

/// Reads the regular file `rel` of the workspace, at most `limit` bytes: a
/// longer file is [`Problem::TooBig`], whatever its metadata says (a
/// special file can claim any size).
pub fn read(root: &Path, rel: &str, limit: u64) -> Result<Vec<u8>, Problem> {
    let opened = open(root, rel)?;
    if opened.size > limit {
        return Err(Problem::TooBig { size: opened.size, at_least: false });
    }
    read_opened(opened, limit)
}

/// [`read`], and whether no step of the path is a link.
pub fn read_plain(root: &Path, rel: &str, limit: u64) -> Result<(Vec<u8>, bool), Problem> {
    let opened = open(root, rel)?;
    if opened.size > limit {
        return Err(Problem::TooBig { size: opened.size, at_least: false });
    }
    let plain = opened.plain;
    Ok((read_opened(opened, limit)?, plain))
}

/// Reads an opened file, at most `limit` bytes.
pub fn read_opened(opened: Opened, limit: u64) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::with_capacity(usize::try_from(opened.size.min(limit)).unwrap_or(0));
    opened.file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(Problem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Problem::TooBig { size: bytes.len() as u64, at_least: true });
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn refuses_links_out_special_files_and_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("a.yaml"), "x: 1\n").unwrap();
        std::os::unix::fs::symlink("/etc/hostname", root.join("out.yaml")).unwrap();
        std::os::unix::fs::symlink("a.yaml", root.join("in.yaml")).unwrap();
        std::os::unix::fs::symlink("loop2", root.join("loop1")).unwrap();
        std::os::unix::fs::symlink("loop1", root.join("loop2")).unwrap();
        std::fs::create_dir(root.join("d.yaml")).unwrap();
        let fifo = std::process::Command::new("mkfifo").arg(root.join("p.yaml")).status();
        assert_eq!(read(&root, "a.yaml", 100).unwrap(), b"x: 1\n");
        assert_eq!(read(&root, "in.yaml", 100).unwrap(), b"x: 1\n");
        assert!(matches!(read(&root, "out.yaml", 100), Err(Problem::Outside)));
        assert!(matches!(read(&root, "loop1", 100), Err(Problem::LinkLoop)));
        assert!(matches!(read(&root, "d.yaml", 100), Err(Problem::Directory)));
        assert!(matches!(read(&root, "none.yaml", 100), Err(Problem::Missing)));
        assert!(matches!(read(&root, "a.yaml", 3), Err(Problem::TooBig { .. })));
        if fifo.is_ok_and(|s| s.success()) {
            assert!(matches!(read(&root, "p.yaml", 100), Err(Problem::Special(Special::Fifo))));
        }
    }
}
