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
        let mut changed = BTreeSet::new();
        // Block until the first event that matters.
        while changed.is_empty() {
            let event = self.events.recv().ok()?;
            self.take(event, &mut changed);
        }
        // Then gather the rest of the burst.
        let mut deadline = Instant::now() + quiet;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(event) => {
                    if self.take(event, &mut changed) {
                        deadline = Instant::now() + quiet;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => return Some(changed),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Some(changed),
            }
        }
    }

    /// Adds an event's paths that matter; whether there were any.
    fn take(&self, event: notify::Result<notify::Event>, changed: &mut BTreeSet<PathBuf>) -> bool {
        let Ok(event) = event else { return false };
        if event.kind.is_access() {
            return false;
        }
        let mut any = false;
        for path in event.paths {
            if self.own.contains(&path) || is_temporary(&path) || !path.starts_with(&self.root) {
                continue;
            }
            any |= changed.insert(path);
        }
        any
    }
}

/// terbuka's own temporary files, and editors' (`.name.swp`, `name~`,
/// `#name#`).
fn is_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return true };
    name.starts_with(crate::output::temps::PREFIX)
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
}
