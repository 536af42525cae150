//! Where a run's time goes. With `TERBUKA_TIMINGS=1` in the environment,
//! every phase of the pipeline (reading YAML, validating, scoring,
//! rendering templates, typesetting, PDF export, writing) adds up its time,
//! and the command prints a table to stderr when it ends, with the share of
//! the run spent outside Typst. Without the variable, [`time`] is one
//! relaxed atomic load.
//!
//! Phases that run on several threads (a batch of scorecards) add up the
//! time of each thread, so their sum can exceed the wall time; the share
//! outside Typst is then a share of the work done, not of the wall time.

use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The phases of a Typst report, whose time counts as "inside Typst".
pub const TYPST_PHASES: &[&str] = &[WARM_UP, PARSE_TYPST, TYPESET, EXPORT_PDF];

/// Parsing the command line.
pub const ARGUMENTS: &str = "parse arguments";
/// Reading and parsing the YAML files.
pub const LOAD: &str = "read YAML";
/// Checking (and hashing) the files the YAML cites.
pub const CHECK_FILES: &str = "check cited files";
/// The validation rules.
pub const VALIDATE: &str = "validate";
/// Scoring every period.
pub const SCORE: &str = "score";
/// Comparing two periods.
pub const COMPARE: &str = "compare";
/// Hashing evidence for a report.
pub const HASH: &str = "hash evidence";
/// Loading the report templates.
pub const TEMPLATES: &str = "load templates";
/// Building what a template sees.
pub const VIEW: &str = "build view";
/// Rendering a minijinja template to Typst markup.
pub const RENDER: &str = "render template";
/// Loading Typst's fonts and standard library.
pub const WARM_UP: &str = "fonts, library (Typst)";
/// Typst's parsing of the generated markup.
pub const PARSE_TYPST: &str = "parse (Typst)";
/// Typst's compilation (evaluation, layout).
pub const TYPESET: &str = "typeset (Typst)";
/// typst-pdf's export.
pub const EXPORT_PDF: &str = "export PDF (Typst)";
/// Listing the inputs that no output may replace.
pub const INPUTS: &str = "list inputs";
/// Writing outputs.
pub const WRITE: &str = "write";
/// Writing the parse cache.
pub const WRITE_CACHE: &str = "write parse cache";

static ENABLED: AtomicBool = AtomicBool::new(false);

struct Totals {
    start: Mutex<Instant>,
    /// Phase, calls, total time; in the order first seen.
    phases: Mutex<Vec<(&'static str, u64, Duration)>>,
}

fn totals() -> &'static Totals {
    static TOTALS: OnceLock<Totals> = OnceLock::new();
    TOTALS.get_or_init(|| Totals { start: Mutex::new(Instant::now()), phases: Mutex::new(Vec::new()) })
}

/// Turns timing on when `TERBUKA_TIMINGS` is set to anything but `0` or
/// empty; the wall clock starts now.
pub fn init_from_env() {
    let on = std::env::var_os("TERBUKA_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
    if on {
        let _ = totals();
        ENABLED.store(true, Ordering::Relaxed);
    }
}

/// Whether timing is on.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Runs `f`, adding its time to `phase` when timing is on.
pub fn time<T>(phase: &'static str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let value = f();
    add(phase, start.elapsed());
    value
}

fn add(phase: &'static str, elapsed: Duration) {
    let mut phases = totals().phases.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    match phases.iter_mut().find(|(p, ..)| *p == phase) {
        Some((_, calls, total)) => {
            *calls += 1;
            *total += elapsed;
        }
        None => phases.push((phase, 1, elapsed)),
    }
}

/// Starts counting again from zero (`watch` shows each change's table).
pub fn reset() {
    if !enabled() {
        return;
    }
    *totals().start.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Instant::now();
    totals().phases.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
}

/// The table, or `None` when timing is off.
pub fn table() -> Option<String> {
    if !enabled() {
        return None;
    }
    let wall = totals().start.lock().unwrap_or_else(std::sync::PoisonError::into_inner).elapsed();
    let mut phases = totals().phases.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
    let measured: Duration = phases.iter().map(|(_, _, d)| *d).sum();
    // What no phase measured (start-up, argument checks, printing), when the
    // phases ran one after another.
    if let Some(other) = wall.checked_sub(measured) {
        phases.push(("other", 1, other));
    }
    let work: Duration = phases.iter().map(|(_, _, d)| *d).sum();
    let typst: Duration = phases.iter().filter(|(p, ..)| TYPST_PHASES.contains(p)).map(|(_, _, d)| *d).sum();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let share = |d: Duration| if work.is_zero() { 0.0 } else { 100.0 * d.as_secs_f64() / work.as_secs_f64() };
    let mut out = String::from("terbuka: timings (TERBUKA_TIMINGS)\n");
    out.push_str(&format!("  {:<24} {:>7} {:>11} {:>7}\n", "phase", "calls", "ms", "share"));
    for (phase, calls, d) in &phases {
        out.push_str(&format!("  {phase:<24} {calls:>7} {:>11.1} {:>6.1}%\n", ms(*d), share(*d)));
    }
    out.push_str(&format!("  {:<24} {:>7} {:>11.1}\n", "wall", "", ms(wall)));
    if measured > wall {
        out.push_str("  (phases on several threads add up each thread's time)\n");
    }
    if !typst.is_zero() {
        out.push_str(&format!("  outside Typst: {:.1}%\n", share(work.saturating_sub(typst))));
    }
    Some(out)
}
