//! Watching a workspace for changes (`terbuka watch`): the `notify`
//! crate's watcher on the root, and a debounce that turns a burst of
//! events (an editor's save is several) into one set of changed paths.
//!
//! What a change means is the engine's to decide ([`crate::engine::Engine::apply`]);
//! this module only says which paths changed. It ignores terbuka's own
//! temporary files and the paths a watch writes itself, so that writing a
//! report never sets off another.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher as _};

/// How long a burst of events must be quiet before it counts as one
/// change: an editor that saves through a temporary file and a rename makes
/// its events within a millisecond or two.
pub const QUIET: Duration = Duration::from_millis(5);

/// How long a burst waits for more once every file in it is complete (closed
/// after writing, renamed into place, or removed): the save is done, but one
/// save can touch several files in a row.
pub const SETTLED: Duration = Duration::from_millis(1);

/// A watch on a workspace.
pub struct Watcher {
    root: PathBuf,
    _watcher: notify::RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    /// Paths written by the watch itself (its outputs), not changes.
    own: BTreeSet<PathBuf>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher").field("root", &self.root).finish()
    }
}

impl Watcher {
    /// Starts watching everything under `root` (canonical).
    pub fn new(root: &Path) -> notify::Result<Watcher> {
        let (to_watch, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = to_watch.send(event);
        })?;
        watcher.watch(root, RecursiveMode::Recursive)?;
        Ok(Watcher { root: root.to_owned(), _watcher: watcher, events, own: BTreeSet::new() })
    }

    /// Says that `paths` are the watch's own outputs: their events are not
    /// changes (their folders' temporary files neither).
    pub fn ignore(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        self.own.extend(paths);
    }

    /// Waits for the next change and returns the paths that changed, once
    /// the burst has been quiet for `quiet`; `None` when the watch ended.
    pub fn next(&self, quiet: Duration) -> Option<BTreeSet<PathBuf>> {
        let mut burst = Burst::default();
        // Block until the first event that matters.
        while burst.changed.is_empty() {
            let event = self.events.recv().ok()?;
            self.take(event, &mut burst);
        }
        // Then gather the rest of the burst: until it has been quiet for
        // `quiet`, or for [`SETTLED`] once every file in it is complete.
        let wait = |burst: &Burst| if burst.writing.is_empty() { quiet.min(SETTLED) } else { quiet };
        let mut deadline = Instant::now() + wait(&burst);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(event) => {
                    if self.take(event, &mut burst) {
                        deadline = Instant::now() + wait(&burst);
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => return Some(burst.changed),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Some(burst.changed),
            }
        }
    }

    /// Adds an event's paths that matter to the burst; whether it changed
    /// what the burst holds (a path, or a file complete).
    fn take(&self, event: notify::Result<notify::Event>, burst: &mut Burst) -> bool {
        use notify::EventKind;
        use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
        let Ok(event) = event else { return false };
        let mut any = false;
        let last = event.paths.len().saturating_sub(1);
        for (i, path) in event.paths.into_iter().enumerate() {
            if self.own.contains(&path) || is_temporary(&path) || !path.starts_with(&self.root) {
                continue;
            }
            // Renamed into place (the last path of a rename is its new
            // name), or removed: that file is complete.
            let in_place = match event.kind {
                EventKind::Modify(ModifyKind::Name(RenameMode::To)) | EventKind::Remove(_) => true,
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => i == last,
                _ => false,
            };
            match event.kind {
                // Closed after writing: that file's save is complete.
                EventKind::Access(AccessKind::Close(AccessMode::Write)) => any |= burst.writing.remove(&path),
                EventKind::Access(_) => {}
                _ if in_place => {
                    burst.writing.remove(&path);
                    any |= burst.changed.insert(path);
                }
                EventKind::Modify(ModifyKind::Name(_)) => any |= burst.changed.insert(path),
                // Being written (or anything else): more may come.
                _ => {
                    any |= burst.writing.insert(path.clone());
                    any |= burst.changed.insert(path);
                }
            }
        }
        any
    }
}

/// The paths a burst of events changed, and those still being written
/// (modified, and not yet closed).
#[derive(Debug, Default)]
struct Burst {
    changed: BTreeSet<PathBuf>,
    writing: BTreeSet<PathBuf>,
}

/// terbuka's own temporary files, and editors' (`.name.swp`, `name~`,
/// `#name#`).
fn is_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return true };
    name.starts_with(crate::output::temps::PREFIX)
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode};
    use notify::{Event, EventKind};

    use super::*;

    fn event(kind: EventKind, paths: &[&Path]) -> notify::Result<Event> {
        Ok(paths.iter().fold(Event::new(kind), |e, p| e.add_path(p.to_path_buf())))
    }

    /// A save is complete once each file it wrote is closed, renamed into
    /// place or removed; until then the burst waits the full quiet time.
    #[test]
    fn a_burst_settles_once_every_file_is_complete() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let watcher = Watcher::new(&root).unwrap();
        let (a, tmp, b, gone) =
            (root.join("a.yaml"), root.join("b.yaml.swx"), root.join("b.yaml"), root.join("c.yaml"));
        let mut burst = Burst::default();
        // Written in place: modified, then closed.
        assert!(watcher.take(event(EventKind::Modify(ModifyKind::Data(DataChange::Any)), &[&a]), &mut burst));
        assert_eq!(burst.writing, BTreeSet::from([a.clone()]));
        assert!(watcher.take(event(EventKind::Access(AccessKind::Close(AccessMode::Write)), &[&a]), &mut burst));
        assert!(burst.writing.is_empty());
        // Saved through a temporary file renamed over the file.
        watcher.take(event(EventKind::Create(CreateKind::File), &[&tmp]), &mut burst);
        assert!(!burst.writing.is_empty());
        watcher.take(event(EventKind::Access(AccessKind::Close(AccessMode::Write)), &[&tmp]), &mut burst);
        watcher.take(event(EventKind::Modify(ModifyKind::Name(RenameMode::Both)), &[&tmp, &b]), &mut burst);
        assert!(burst.writing.is_empty(), "{:?}", burst.writing);
        // Removed.
        watcher.take(event(EventKind::Remove(RemoveKind::File), &[&gone]), &mut burst);
        assert!(burst.writing.is_empty());
        assert_eq!(burst.changed, BTreeSet::from([a.clone(), tmp, b, gone]));
        // Opening a file, or reading one, is no change.
        let mut quiet = Burst::default();
        assert!(!watcher.take(event(EventKind::Access(AccessKind::Open(AccessMode::Any)), &[&a]), &mut quiet));
        assert!(!watcher.take(event(EventKind::Access(AccessKind::Close(AccessMode::Read)), &[&a]), &mut quiet));
        assert!(quiet.changed.is_empty());
    }
}
