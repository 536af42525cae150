//! `terbuka site`: the citizen website, written as one folder that
//! replaces the previous one whole (an interrupted run leaves the old site
//! as it was).

use std::path::PathBuf;

use crate::engine::Engine;
use crate::output;
use crate::settings::Settings;

use super::{Error, Outcome};

pub fn run(settings: &Settings, period: Option<&str>, dir: Option<PathBuf>) -> Result<Outcome, Error> {
    let engine = match super::prepare(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(outcome),
    };
    let period = engine.period_arg(period)?;
    let dir = match dir {
        Some(dir) => dir,
        None => default_dir(&engine)?,
    };
    // A refused folder is said before any page is made.
    let batch = output::Batch::begin(engine.inputs(), &dir, &[])?;
    super::note_warnings(&engine);
    write(&engine, settings, &period, batch)
}

/// `out/site/` in the workspace.
pub fn default_dir(engine: &Engine) -> Result<PathBuf, Error> {
    Ok(output::child(&engine.workspace().root.join("out"), "site")?)
}

/// Builds the site and puts it in place of `batch`'s folder; prints the
/// page to open.
pub fn write(engine: &Engine, settings: &Settings, period: &str, batch: output::Batch) -> Result<Outcome, Error> {
    let files = match crate::timings::time(crate::timings::VIEW, || crate::site::build(engine, period)) {
        Ok(files) => files,
        Err(e) => return super::report::job_error(engine, settings, e),
    };
    let target = batch.target().to_owned();
    crate::timings::time(crate::timings::WRITE, || {
        batch.write_all(&files)?;
        batch.commit()
    })?;
    let n = files.len();
    let index = target.join("index.html");
    let m = crate::msg!("terbuka: {n} files written", "terbuka: {n} berkas ditulis");
    super::print::err_line(m.get(engine.lang()));
    super::stdout(&format!("{}\n", index.display()))?;
    Ok(Outcome::Ok)
}
