//! `terbuka watch report [the options of report]` and `terbuka watch site
//! [the options of site]`: keeps one engine open, and after every save
//! re-reads the files that changed, validates again and writes the report
//! (or the site) again, in place and atomically; it prints each change's
//! diagnostics, and a broken edit keeps the last good output and says so.
//! Ctrl-C ends it, leaving no temporary file.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::diag::render::{self, Format};
use crate::engine::{Engine, JobError, JobKind};
use crate::model::Lang;
use crate::settings::Settings;
use crate::{msg, report, watch};

use super::{Error, Outcome, ReportArgs};

/// `terbuka watch report`.
pub fn report(settings: &Settings, args: ReportArgs) -> Result<Outcome, Error> {
    std::thread::spawn(report::typeset::warm_up);
    let check = |engine: &Engine| match &args.output {
        Some(path) if !args.all => engine.inputs().check(path).map_err(Error::from),
        _ => Ok(()),
    };
    let what = msg!("the report", "laporan");
    run(settings, &check, &what, &|engine| write(engine, settings, &args))
}

/// `terbuka watch site`.
pub fn site(settings: &Settings, period: Option<String>, output: Option<PathBuf>) -> Result<Outcome, Error> {
    let what = msg!("the site", "situs");
    let write = |engine: &Engine| -> Result<Vec<PathBuf>, Error> {
        if !checked(engine, settings, &what) {
            return Ok(Vec::new());
        }
        let period = match engine.period_arg(period.as_deref()) {
            Ok(p) => p,
            Err(m) => {
                super::print::err_line(&format!("terbuka: {}", m.get(engine.lang())));
                return Ok(Vec::new());
            }
        };
        let dir = match &output {
            Some(dir) => dir.clone(),
            None => super::site::default_dir(engine)?,
        };
        let batch = crate::output::Batch::begin(engine.inputs(), &dir, &[])?;
        Ok(match super::site::write(engine, settings, &period, batch)? {
            Outcome::Ok => vec![dir],
            Outcome::Problems => Vec::new(),
        })
    };
    run(settings, &|_| Ok(()), &what, &write)
}

/// The watch loop: `check` refuses a bad output before the first run;
/// `write` validates and writes `what`, returning the paths written.
fn run(
    settings: &Settings,
    check: &dyn Fn(&Engine) -> Result<(), Error>,
    what: &crate::diag::Msg,
    write: &dyn Fn(&Engine) -> Result<Vec<PathBuf>, Error>,
) -> Result<Outcome, Error> {
    // Stopping a watch is how it ends: Ctrl-C exits with 0 (after the
    // handler removed any temporary file).
    super::INTERRUPT_EXIT.store(0, Ordering::Relaxed);
    let mut engine = super::open(settings)?;
    let lang = engine.lang();
    check(&engine)?;
    let what = what.get(lang);
    let mut watcher = watch::Watcher::new(&engine.workspace().root)
        .map_err(|e| Error::Other(msg!("cannot watch the workspace: {e}", "ruang kerja tidak dapat dipantau: {e}")))?;
    let root = engine.workspace().root.display().to_string();
    super::print::err_line(
        msg!(
            "terbuka: watching {root}; {what} is written again on every save (Ctrl-C stops)",
            "terbuka: memantau {root}; {what} ditulis ulang setiap kali berkas disimpan (Ctrl-C untuk berhenti)"
        )
        .get(lang),
    );
    let mut written = write(&engine)?;
    watcher.ignore(written.clone());
    loop {
        let Some(changed) = watcher.next(watch::QUIET) else { return Ok(Outcome::Ok) };
        let start = Instant::now();
        crate::timings::reset();
        let changed = changed.into_iter().collect::<Vec<_>>();
        let applied = engine.apply(&changed);
        if !applied.any() {
            continue;
        }
        let paths = write(&engine)?;
        if !paths.is_empty() {
            let ms = start.elapsed().as_millis();
            super::print::err_line(&format!("terbuka: {} ({ms} ms)", stamp(lang)));
            if let Some(table) = crate::timings::table() {
                super::print::err(&table);
            }
            written = paths;
            watcher.ignore(written.clone());
        }
    }
}

fn stamp(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "written again",
        Lang::Id => "ditulis ulang",
    }
}

/// Validates, and when there is no error writes the report; the paths
/// written (none when the workspace has errors or the report failed: the
/// last good files stay).
fn write(engine: &Engine, settings: &Settings, args: &ReportArgs) -> Result<Vec<PathBuf>, Error> {
    let lang = engine.lang();
    if !checked(engine, settings, &msg!("the report", "laporan")) {
        return Ok(Vec::new());
    }
    let stage = args.stage.map(|stage| super::report::cycle_kind(engine, stage, args.commitment.as_deref()));
    let period = match (&stage, engine.period_arg(args.period.as_deref())) {
        (Some(_), _) => String::new(),
        (None, Ok(p)) => p,
        (None, Err(m)) => {
            super::print::err_line(&format!("terbuka: {}", m.get(lang)));
            return Ok(Vec::new());
        }
    };
    if args.all && stage.is_none() {
        let pdf = super::PdfOutput { output: args.output.clone(), typ: args.typ };
        let dir = match &pdf.output {
            Some(dir) => dir.clone(),
            None => engine.default_batch_dir(&period)?,
        };
        return Ok(match super::report::all(engine, settings, &period, pdf)? {
            Outcome::Ok => vec![dir],
            Outcome::Problems => Vec::new(),
        });
    }
    let kind = match (stage, &args.institution) {
        (Some(Ok(kind)), _) => kind,
        (Some(Err(e)), _) => {
            super::print::err_line(&format!("terbuka: {}", e.message(lang)));
            return Ok(Vec::new());
        }
        (None, Some(id)) => JobKind::Scorecard(period, id.clone()),
        (None, None) => JobKind::Period(period),
    };
    let path = match &args.output {
        Some(path) => path.clone(),
        None => engine.default_path(&kind)?,
    };
    let typ_path = crate::engine::shown(&engine.workspace().root, &path.with_extension("typ"));
    match engine.make(&kind, &typ_path) {
        Ok(rendered) => {
            super::stdout(&super::report::write(engine.inputs(), &path, &rendered, args.typ)?)?;
            let mut paths = vec![path.clone()];
            if args.typ {
                paths.push(path.with_extension("typ"));
            }
            Ok(paths)
        }
        Err(JobError::Failure(f)) => {
            super::report::print_failure(engine, f, settings);
            Ok(Vec::new())
        }
        Err(JobError::Msg(m)) => {
            super::print::err_line(&format!("terbuka: {}", m.get(lang)));
            Ok(Vec::new())
        }
    }
}

/// Prints the diagnostics of the workspace as it is now; false (and says
/// that `what` stays as last written) when any is an error.
fn checked(engine: &Engine, settings: &Settings, what: &crate::diag::Msg) -> bool {
    let lang = engine.lang();
    let color = settings.color && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let diagnostics = engine.diagnostics();
    if !diagnostics.is_empty() {
        let text =
            render::render(diagnostics, &engine.workspace().sources, Format::Human, render::Options { lang, color });
        super::print::err(&text);
    }
    if !engine.has_errors() {
        return true;
    }
    let (errors, _) = engine.counts();
    let word = super::plural(errors, "error", "errors");
    let what = what.get(lang);
    super::print::err_line(
        msg!(
            "terbuka: {errors} {word}: {what} was not written again; the last one written stays",
            "terbuka: {errors} galat: {what} tidak ditulis ulang; yang terakhir ditulis tetap ada"
        )
        .get(lang),
    );
    false
}
