//! `terbuka report` (and `compare --format pdf`): asks the engine for the
//! document, writes the PDF (and with `--typ` the generated Typst)
//! atomically, and prints the path, or the report's problems with their
//! template and generated sources. `--all` writes every scorecard of a
//! period as one folder, with a progress bar on a terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::diag::render::{self, Format};
use crate::engine::{self, Engine, JobError, JobKind};
use crate::model::Lang;
use crate::report::{Failure, Rendered};
use crate::settings::Settings;
use crate::{diag, output, report, timings};

use super::{Error, Outcome, PdfOutput, ReportArgs};

/// What happens when Typst runs past a limit: it cannot be stopped, so the
/// run ends here, saying why and leaving no temporary file.
pub fn on_overrun() -> engine::Overrun {
    engine::Overrun(std::sync::Arc::new(|overrun, lang| {
        let m = match overrun {
            report::limits::Overrun::Time(s) => crate::msg!(
                "terbuka: the report was not written: Typst took longer than {s} seconds (a template override that never ends?); to allow more, set TERBUKA_MAX_TYPESET_SECONDS",
                "terbuka: laporan tidak ditulis: Typst bekerja lebih lama dari {s} detik (templat pengganti yang tidak pernah selesai?); untuk memberi waktu lebih, isi TERBUKA_MAX_TYPESET_SECONDS"
            ),
            report::limits::Overrun::Memory(m) => crate::msg!(
                "terbuka: the report was not written: it needed more than {m} MiB of memory (a template override that makes content without end?); to allow more, set TERBUKA_MAX_MEMORY_MB",
                "terbuka: laporan tidak ditulis: laporan ini membutuhkan lebih dari {m} MiB memori (templat pengganti yang membuat isi tanpa akhir?); untuk memberi lebih, isi TERBUKA_MAX_MEMORY_MB"
            ),
        };
        super::print::err_line(m.get(lang));
        output::temps::remove_all();
        std::process::exit(1);
    }))
}

/// `terbuka report`.
pub fn run(settings: &Settings, args: ReportArgs) -> Result<Outcome, Error> {
    // Typst's fonts and library load while the workspace is read (the first
    // report waits for them if it gets there first).
    std::thread::spawn(report::typeset::warm_up);
    let engine = match super::prepare(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(outcome),
    };
    if !args.all {
        // The process ends with this one document.
        report::typeset::ends_after_one();
    }
    if let Some(stage) = args.stage {
        return cycle(&engine, settings, stage, args);
    }
    let period = engine.period_arg(args.period.as_deref())?;
    if let Some(id) = &args.institution {
        engine.institution_arg(id)?;
    }
    // A refused output is said before any work is done (a batch's folder
    // is checked when the batch begins, before any scorecard is typeset).
    if let (Some(path), false) = (&args.output, args.all) {
        engine.inputs().check(path)?;
    }
    super::note_warnings(&engine);
    if let Err(failure) = engine.strings() {
        return Ok(print_failure(&engine, failure.clone(), settings));
    }
    let pdf = PdfOutput { output: args.output, typ: args.typ };
    match args.institution {
        _ if args.all => all(&engine, settings, &period, pdf),
        Some(id) => one(&engine, settings, JobKind::Scorecard(period, id), pdf),
        None => one(&engine, settings, JobKind::Period(period), pdf),
    }
}

/// `report --stage`: one of the monitoring body's reports.
fn cycle(engine: &Engine, settings: &Settings, stage: super::CycleStage, args: ReportArgs) -> Result<Outcome, Error> {
    let kind = cycle_kind(engine, stage, args.commitment.as_deref())?;
    if let Some(path) = &args.output {
        engine.inputs().check(path)?;
    }
    super::note_warnings(engine);
    if let Err(failure) = engine.strings() {
        return Ok(print_failure(engine, failure.clone(), settings));
    }
    one(engine, settings, kind, PdfOutput { output: args.output, typ: args.typ })
}

/// The document `--stage` (and `--commitment`) ask for.
pub(super) fn cycle_kind(
    engine: &Engine,
    stage: super::CycleStage,
    commitment: Option<&str>,
) -> Result<JobKind, Error> {
    let known = || engine.workspace().commitments_by_id().into_keys().collect::<Vec<_>>();
    Ok(match (stage, commitment) {
        (super::CycleStage::Inception, None) => JobKind::Inception,
        (super::CycleStage::Results, None) => JobKind::Results,
        (super::CycleStage::EndOfCommitment, Some(c)) => {
            if !known().contains(&c) {
                return Err(engine::unknown_commitment(c, known()).into());
            }
            JobKind::EndOfCommitment(c.to_owned())
        }
        (super::CycleStage::EndOfCommitment, None) => {
            let known = known().join(", ");
            return Err(Error::Other(crate::msg!(
                "`--stage end-of-commitment` needs `--commitment C`, one of: {known}",
                "`--stage end-of-commitment` memerlukan `--commitment C`, salah satu dari: {known}"
            )));
        }
        (_, Some(_)) => {
            return Err(Error::Other(crate::msg!(
                "`--commitment` goes with `--stage end-of-commitment` only",
                "`--commitment` hanya dipakai bersama `--stage end-of-commitment`"
            )));
        }
    })
}

/// Makes one document and writes it where `pdf` says (or its default
/// path), printing the path.
pub fn one(engine: &Engine, settings: &Settings, kind: JobKind, pdf: PdfOutput) -> Result<Outcome, Error> {
    let path = match pdf.output {
        Some(path) => path,
        None => engine.default_path(&kind)?,
    };
    let typ_path = engine::shown(&engine.workspace().root, &path.with_extension("typ"));
    match engine.make(&kind, &typ_path) {
        Ok(rendered) => {
            super::stdout(&write(engine.inputs(), &path, &rendered, pdf.typ)?)?;
            Ok(Outcome::Ok)
        }
        Err(JobError::Failure(f)) => {
            keep_failed_typ(engine.inputs(), &f, &path, pdf.typ)?;
            Ok(print_failure(engine, f, settings))
        }
        Err(JobError::Msg(m)) => Err(Error::Other(m)),
    }
}

/// A job's error, printed (a failure) or returned (a message).
pub fn job_error(engine: &Engine, settings: &Settings, e: JobError) -> Result<Outcome, Error> {
    match e {
        JobError::Failure(f) => Ok(print_failure(engine, f, settings)),
        JobError::Msg(m) => Err(Error::Other(m)),
    }
}

/// With `--typ`, writes the generated Typst that failed to typeset beside
/// where the PDF would have gone, to debug it.
fn keep_failed_typ(inputs: &output::Inputs, failure: &Failure, pdf: &Path, typ: bool) -> Result<(), Error> {
    if let (true, Some(text)) = (typ, &failure.typ) {
        output::write_output(inputs, &pdf.with_extension("typ"), text.as_bytes())?;
    }
    Ok(())
}

/// Prints a report failure's diagnostics to stderr.
pub fn print_failure(engine: &Engine, failure: Failure, settings: &Settings) -> Outcome {
    let mut sources = engine.workspace().sources.clone();
    for s in failure.sources {
        sources.insert(s);
    }
    let mut diagnostics = failure.diagnostics;
    diag::sort(&mut diagnostics);
    diagnostics.dedup();
    let color = settings.color && std::io::stderr().is_terminal();
    let lang = engine.lang();
    super::print::err(&render::render(&diagnostics, &sources, Format::Human, render::Options { lang, color }));
    let n = diagnostics.len();
    super::print::err_line(&match lang {
        Lang::En => format!("terbuka: the report was not written ({n} {})", if n == 1 { "error" } else { "errors" }),
        Lang::Id => format!("terbuka: laporan tidak ditulis ({n} galat)"),
    });
    Outcome::Problems
}

/// Writes the PDF (and the `.typ` with `--typ`) and returns the lines to print.
pub fn write(inputs: &output::Inputs, path: &Path, rendered: &Rendered, typ: bool) -> Result<String, Error> {
    timings::time(timings::WRITE, || {
        let mut lines = format!("{}\n", path.display());
        let typ_path = path.with_extension("typ");
        if typ {
            output::check_all(inputs, [path, typ_path.as_path()])?;
        }
        output::write_output(inputs, path, &rendered.pdf)?;
        if typ {
            output::write_output(inputs, &typ_path, rendered.typ.as_bytes())?;
            lines.push_str(&format!("{}\n", typ_path.display()));
        }
        Ok(lines)
    })
}

/// `terbuka report --all`: every assessed institution's scorecard, in
/// parallel, into one folder that replaces the old one only once every
/// scorecard is written (no scorecard of an institution no longer assessed
/// is left among the new ones, and a failed run leaves the old folder
/// whole).
pub fn all(engine: &Engine, settings: &Settings, period: &str, out: PdfOutput) -> Result<Outcome, Error> {
    let dir = match out.output.clone() {
        Some(dir) => dir,
        None => engine.default_batch_dir(period)?,
    };
    let ids = engine.assessed(period);
    // Who has no scorecard, and why: said before the work starts.
    let skipped = engine
        .workspace()
        .institutions
        .iter()
        .map(|d| d.value.id.as_str())
        .filter(|id| !ids.iter().any(|a| a == id))
        .collect::<std::collections::BTreeSet<_>>();
    if !skipped.is_empty() {
        let (n, list) = (skipped.len(), skipped.into_iter().collect::<Vec<_>>().join(", "));
        let m = crate::msg!(
            "terbuka: institutions with no assessment for {period}, so no scorecard ({n}): {list}",
            "terbuka: institusi tanpa penilaian untuk {period}, sehingga tanpa kartu skor ({n}): {list}"
        );
        super::print::err_line(m.get(engine.lang()));
    }
    let hashes = engine.hashes(Some(&[period]));
    let bar = indicatif::ProgressBar::hidden();
    if std::io::stderr().is_terminal() {
        super::show_progress(&bar, ids.len());
    }
    let inputs = engine.inputs();
    let batch = output::Batch::begin(inputs, &dir, &["pdf", "typ"])?;
    let root = &engine.workspace().root;
    // A scorecard typeset, or why it could not be.
    type Made = Result<(PathBuf, Result<Rendered, JobError>), Error>;
    let make = |i: usize| -> Made {
        let id = &ids[i];
        let path = output::child(&dir, &format!("{id}.pdf"))?;
        let typ_path = engine::shown(root, &path.with_extension("typ"));
        let made = engine.make_scorecard(&hashes, period, id, &typ_path);
        bar.inc(1);
        bar.set_message(id.clone());
        Ok((path, made))
    };
    let mut write = |_: usize, made: Made| -> Result<Result<String, JobError>, Error> {
        let (path, made) = made?;
        let rendered = match made {
            Ok(rendered) => rendered,
            Err(JobError::Failure(f)) => {
                keep_failed_typ(inputs, &f, &path, out.typ)?;
                return Ok(Err(JobError::Failure(f)));
            }
            Err(e) => return Ok(Err(e)),
        };
        timings::time(timings::WRITE, || {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            batch.write(&name, &rendered.pdf)?;
            let mut lines = format!("{}\n", path.display());
            if out.typ {
                let typ = Path::new(&name).with_extension("typ").to_string_lossy().into_owned();
                batch.write(&typ, rendered.typ.as_bytes())?;
                lines.push_str(&format!("{}\n", path.with_extension("typ").display()));
            }
            Ok(Ok(lines))
        })
    };
    let results = report::batch::run(ids.len(), &make, &mut write).map_err(|e| {
        Error::Other(crate::msg!("cannot start the worker threads: {e}", "thread pekerja tidak dapat dimulai: {e}"))
    })?;
    bar.finish_and_clear();
    let mut listing = String::new();
    let mut failure = Failure::default();
    for result in results {
        match result? {
            Ok(lines) => listing.push_str(&lines),
            Err(JobError::Failure(f)) => {
                failure.diagnostics.extend(f.diagnostics);
                failure.sources.extend(f.sources);
            }
            Err(JobError::Msg(m)) => return Err(Error::Other(m)),
        }
    }
    if !failure.diagnostics.is_empty() {
        // The batch is dropped: the old folder stays as it was.
        return Ok(print_failure(engine, failure, settings));
    }
    timings::time(timings::WRITE, || batch.commit())?;
    super::stdout(&listing)?;
    Ok(Outcome::Ok)
}
