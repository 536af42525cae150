//! Bounds on the work a report may take, so that a template override with
//! a loop that never ends, or that makes pages without end, gets a clear
//! error instead of running until it is killed or memory runs out.
//!
//! - Template rendering has *fuel* (minijinja's budget of instructions and
//!   bytes made), in proportion to the view it renders.
//! - Typesetting is watched by a thread: past the time or memory limit the
//!   report stops with an error (Typst cannot be interrupted, so the
//!   watchdog ends the run after saying why; temporary files are removed).
//! - The finished document may have at most so many pages and bytes.
//!
//! Every limit is documented in `docs/hardening.md` and can be raised with
//! an environment variable.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// The bounds, with their defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Fuel for rendering one template: `None` makes it
    /// [`FUEL_BASE`] + [`FUEL_PER_BYTE`] × the size of the view in JSON
    /// (`TERBUKA_TEMPLATE_FUEL` sets a fixed amount).
    pub fuel: Option<u64>,
    /// Longest time Typst may take for one document
    /// (`TERBUKA_MAX_TYPESET_SECONDS`).
    pub typeset_seconds: u64,
    /// Most memory the process may hold while Typst works, in MiB
    /// (`TERBUKA_MAX_MEMORY_MB`).
    pub memory_mib: u64,
    /// Most pages in one document (`TERBUKA_MAX_PAGES`).
    pub pages: u64,
    /// Largest PDF, in bytes (`TERBUKA_MAX_OUTPUT_BYTES`).
    pub output_bytes: u64,
}

/// Fuel every render gets.
pub const FUEL_BASE: u64 = 1_000_000;
/// Fuel per byte of the view (as JSON). The built-in templates use about
/// a tenth of a unit per byte: the budget leaves room for a workspace's
/// own templates, and stops a runaway one while its memory is a small
/// multiple of the view's.
pub const FUEL_PER_BYTE: u64 = 2;

impl Default for Limits {
    fn default() -> Self {
        Limits { fuel: None, typeset_seconds: 300, memory_mib: 16 * 1024, pages: 5_000, output_bytes: 1 << 30 }
    }
}

impl Limits {
    /// The fuel for rendering a view of `view_bytes` bytes (as JSON).
    pub fn fuel_for(&self, view_bytes: usize) -> u64 {
        self.fuel.unwrap_or_else(|| FUEL_BASE.saturating_add(FUEL_PER_BYTE.saturating_mul(view_bytes as u64)))
    }
}

/// Why a watchdog stopped a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    /// Typst ran longer than the limit (seconds).
    Time(u64),
    /// The process held more memory than the limit (MiB).
    Memory(u64),
}

/// What the program does when a watchdog fires: say why and end the run
/// (set by the command line, which owns printing and exit codes).
#[derive(Clone)]
pub struct OnOverrun(pub Arc<dyn Fn(Overrun) + Send + Sync>);

impl OnOverrun {
    /// A watch that does nothing (the limits on pages, size and fuel still
    /// hold).
    pub fn none() -> OnOverrun {
        OnOverrun(Arc::new(|_| {}))
    }
}

impl std::fmt::Debug for OnOverrun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnOverrun")
    }
}

/// Watches one typesetting; dropping it stops the watch.
#[derive(Debug)]
pub struct Watch {
    _done: mpsc::Sender<()>,
}

/// How often memory is looked at.
const POLL: Duration = Duration::from_millis(100);

/// Starts watching: past `limits`' time or memory, `on_overrun` is called
/// on the watchdog's thread.
pub fn watch(limits: &Limits, on_overrun: &OnOverrun) -> Watch {
    let (done, stopped) = mpsc::channel::<()>();
    let on_overrun = on_overrun.clone();
    let (seconds, memory) = (limits.typeset_seconds, limits.memory_mib);
    let spawned = std::thread::Builder::new().name("terbuka-watchdog".into()).spawn(move || {
        let start = std::time::Instant::now();
        loop {
            match stopped.recv_timeout(POLL) {
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                _ => return,
            }
            if start.elapsed() > Duration::from_secs(seconds) {
                return (on_overrun.0)(Overrun::Time(seconds));
            }
            if resident_mib().is_some_and(|m| m > memory) {
                return (on_overrun.0)(Overrun::Memory(memory));
            }
        }
    });
    // Without a thread there is no watch; the report still runs.
    drop(spawned);
    Watch { _done: done }
}

/// The process's resident memory in MiB, where the system says.
fn resident_mib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / (1024 * 1024))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuel_grows_with_the_view() {
        let limits = Limits::default();
        assert_eq!(limits.fuel_for(0), FUEL_BASE);
        assert!(limits.fuel_for(3_000_000) > 10 * 337_264, "the 1,000-institution report took 337,264");
        assert_eq!(Limits { fuel: Some(7), ..limits }.fuel_for(1 << 20), 7);
    }

    #[test]
    fn a_watch_that_is_dropped_never_fires() {
        let fired = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = fired.clone();
        let on = OnOverrun(Arc::new(move |_| flag.store(true, std::sync::atomic::Ordering::SeqCst)));
        drop(watch(&Limits { typeset_seconds: 0, ..Limits::default() }, &on));
        std::thread::sleep(Duration::from_millis(250));
        assert!(!fired.load(std::sync::atomic::Ordering::SeqCst));
        let w = watch(&Limits { typeset_seconds: 0, ..Limits::default() }, &on);
        std::thread::sleep(Duration::from_millis(350));
        assert!(fired.load(std::sync::atomic::Ordering::SeqCst));
        drop(w);
    }
}
