//! The one place that writes to standard output and standard error.
//!
//! A closed pipe (`terbuka validate | head`) is not an error: what could
//! not be printed is dropped, and the command still ends with the exit
//! status of what it found. Writing to a closed standard error never
//! panics (the `eprint!` macros would).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Error;

/// Whether standard output was closed by its reader.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `text` to standard output. A closed pipe makes this and every
/// later call a no-op; any other failure is an error.
pub(crate) fn out(text: &str) -> Result<(), Error> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => Err(Error::Stdout(e)),
    }
}

/// Writes `text` to standard error, ignoring every failure: there is
/// nowhere left to report it.
pub(crate) fn err(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// [`err`] with a line break.
pub(crate) fn err_line(text: &str) {
    err(&format!("{text}\n"));
}
