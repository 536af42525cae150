//! `terbuka report` and `terbuka compare --format pdf`: builds the view,
//! renders and typesets it, and writes the PDF (and with `--typ` the
//! generated Typst) atomically.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Error, Outcome, PdfOutput, Ready};
use crate::compare::{self, Comparison};
use crate::diag::render::{self, Format};
use crate::model::Lang;
use crate::report::view::{self, Hashes, Input};
use crate::report::{self, Failure, PdfMeta, Rendered, Renderer, Strings};
use crate::score::{self, Scores};
use crate::settings::Settings;
use crate::{diag, output, timings};

/// With `--typ`, writes the generated Typst that failed to typeset beside
/// where the PDF would have gone, to debug it.
fn keep_failed_typ(inputs: &output::Inputs, failure: &Failure, pdf: &Path, typ: bool) -> Result<(), Error> {
    if let (true, Some(text)) = (typ, &failure.typ) {
        output::write_output(inputs, &pdf.with_extension("typ"), text.as_bytes())?;
    }
    Ok(())
}

/// The renderer and the fixed strings; on a template problem, prints it.
fn renderer(ready: &Ready, settings: &Settings) -> Result<(Renderer, Strings), Outcome> {
    let renderer = timings::time(timings::TEMPLATES, || Renderer::new(&ready.ws.root))
        .map_err(|f| print_failure(ready, f, settings))?
        .with_cited(crate::validate::cited_paths(&ready.ws).map(str::to_owned))
        .with_limits(settings.report_limits, on_overrun(ready.lang));
    let strings = renderer.strings(ready.lang).map_err(|f| print_failure(ready, f, settings))?;
    Ok((renderer, strings))
}

/// What happens when Typst runs past a limit: it cannot be stopped, so
/// the run ends here, saying why and leaving no temporary file.
fn on_overrun(lang: Lang) -> report::limits::OnOverrun {
    report::limits::OnOverrun(std::sync::Arc::new(move |overrun| {
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

/// Stack of each thread that typesets a batch: what the main thread gets
/// for a single report.
const BATCH_STACK_BYTES: usize = 8 * 1024 * 1024;

/// After how many scorecards of a batch Typst's memoised results that the
/// last ones did not use are dropped. Measured on 1,000 scorecards
/// (docs/performance.md): every 8, 15.2 s and 0.3 GB; every 16, 15.5 s and
/// 0.4 GB; every 64, 13.8 s and 1.0 GB; never, 14.0 s and 3.7 GB.
const EVICT_EVERY: usize = 8;

/// One report to render, typeset and write.
struct Job<'a, V> {
    template: &'a str,
    view: &'a V,
    meta: PdfMeta,
    path: PathBuf,
}

/// Renders, typesets and writes one report, printing its path, or prints
/// why it could not be made.
fn emit<V: serde::Serialize>(
    ready: &Ready,
    settings: &Settings,
    renderer: &Renderer,
    job: Job<'_, V>,
    typ: bool,
) -> Result<Outcome, Error> {
    let typ_path = shown(&ready.ws.root, &job.path.with_extension("typ"));
    match renderer.render(job.template, job.view, &job.meta, &typ_path) {
        Ok(rendered) => {
            super::stdout(&write(ready.inputs(), &job.path, &rendered, typ)?)?;
            Ok(Outcome::Ok)
        }
        Err(f) => {
            keep_failed_typ(ready.inputs(), &f, &job.path, typ)?;
            Ok(print_failure(ready, f, settings))
        }
    }
}

/// Prints a report failure's diagnostics to stderr.
fn print_failure(ready: &Ready, failure: Failure, settings: &Settings) -> Outcome {
    let mut sources = ready.ws.sources.clone();
    for s in failure.sources {
        sources.insert(s);
    }
    let mut diagnostics = failure.diagnostics;
    diag::sort(&mut diagnostics);
    diagnostics.dedup();
    let color = settings.color && std::io::stderr().is_terminal();
    let options = render::Options { lang: ready.lang, color };
    super::print::err(&render::render(&diagnostics, &sources, Format::Human, options));
    let n = diagnostics.len();
    super::print::err_line(&match ready.lang {
        Lang::En => format!("terbuka: the report was not written ({n} {})", if n == 1 { "error" } else { "errors" }),
        Lang::Id => format!("terbuka: laporan tidak ditulis ({n} galat)"),
    });
    Outcome::Problems
}

/// How a path is shown: relative to the workspace when inside it.
fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// Writes the PDF (and the `.typ` with `--typ`) and returns the lines to print.
fn write(inputs: &output::Inputs, path: &Path, rendered: &Rendered, typ: bool) -> Result<String, Error> {
    timings::time(timings::WRITE, || write_files(inputs, path, rendered, typ))
}

fn write_files(inputs: &output::Inputs, path: &Path, rendered: &Rendered, typ: bool) -> Result<String, Error> {
    output::write_output(inputs, path, &rendered.pdf)?;
    let mut lines = format!("{}\n", path.display());
    if typ {
        let typ_path = path.with_extension("typ");
        output::write_output(inputs, &typ_path, rendered.typ.as_bytes())?;
        lines.push_str(&format!("{}\n", typ_path.display()));
    }
    Ok(lines)
}

fn ident(ready: &Ready, kind: &str, parts: &[&str]) -> String {
    let jurisdiction = ready.ws.manifest.as_ref().map_or("", |m| m.value.jurisdiction.id.as_str());
    format!("terbuka/{jurisdiction}/{kind}/{}/{}", parts.join("/"), ready.lang.code())
}

fn period_end(ready: &Ready, period: &str) -> Option<crate::model::Date> {
    ready.ws.manifest.as_ref()?.value.periods.iter().find(|p| p.id == period).map(|p| p.end)
}

/// `terbuka report`.
pub fn run(
    settings: &Settings,
    period: Option<String>,
    institution: Option<String>,
    all: bool,
    out: PdfOutput,
) -> Result<Outcome, Error> {
    // Typst's fonts and library load while the workspace is read (the first
    // report waits for them if it gets there first).
    std::thread::spawn(report::typeset::warm_up);
    let ready = match super::prepare(settings)? {
        Ok(ready) => ready,
        Err(outcome) => return Ok(outcome),
    };
    let ws = &ready.ws;
    let period = super::period_arg(ws, period.as_deref())?;
    if let Some(id) = &institution {
        super::institution_arg(ws, id)?;
    }
    // A refused output is said before any work is done (a batch's folder
    // is checked when the batch begins, before any scorecard is typeset).
    if let (Some(path), false) = (&out.output, all) {
        ready.inputs().check(path).map_err(Error::from)?;
    }
    ready.note_warnings();
    let (renderer, strings) = match renderer(&ready, settings) {
        Ok(r) => r,
        Err(outcome) => return Ok(outcome),
    };
    let scores = timings::time(timings::SCORE, || score::score(ws));
    // `period_arg` checked the period, so it has an end.
    let end = period_end(&ready, &period).ok_or_else(|| super::no_scores(&period))?;
    let date = report::document_date(settings.source_date_epoch, end);
    let lang = ready.lang.code();
    let out_dir = ws.root.join("out");

    if all || institution.is_some() {
        let hashes = super::evidence_hashes(&ready, Some(&[&period]));
        let input = Input::new(ws, &scores, &strings, &hashes);
        let Some(id) = institution else {
            return scorecards(settings, &ready, &renderer, &input, &period, date, out);
        };
        let Some(view) = timings::time(timings::VIEW, || input.scorecard(&period, &id)) else {
            return Err(super::no_assessment(&id, &period));
        };
        let path = match out.output.clone() {
            Some(path) => path,
            None => output::child(&out_dir, &format!("scorecard-{period}-{id}-{lang}.pdf"))?,
        };
        let meta = PdfMeta { ident: ident(&ready, "scorecard", &[&period, &id]), date };
        let job = Job { template: "scorecard.typ.j2", view: &view, meta, path };
        return emit(&ready, settings, &renderer, job, out.typ);
    }

    // The period report, with the change since the previous period: the
    // files cited in both are hashed (the manifest and "reused unchanged").
    let previous = view::previous_period(ws, &period);
    let periods = [Some(period.as_str()), previous.map(|p| p.id.as_str())].into_iter().flatten().collect::<Vec<_>>();
    let hashes = super::evidence_hashes(&ready, Some(&periods));
    let input = Input::new(ws, &scores, &strings, &hashes);
    let comparison = previous.and_then(|prev| {
        let (a, b) = (scores.period(&prev.id)?, scores.period(&period)?);
        Some((
            prev,
            timings::time(timings::COMPARE, || compare::compare(ws, a, b, &super::content_hashes(&hashes), None)),
        ))
    });
    let view = timings::time(timings::VIEW, || input.period_report(&period, comparison.as_ref().map(|(p, c)| (*p, c))));
    let Some(view) = view else {
        return Err(super::no_scores(&period));
    };
    let path = match out.output.clone() {
        Some(path) => path,
        None => output::child(&out_dir, &format!("report-{period}-{lang}.pdf"))?,
    };
    let meta = PdfMeta { ident: ident(&ready, "report", &[&period]), date };
    emit(&ready, settings, &renderer, Job { template: "period.typ.j2", view: &view, meta, path }, out.typ)
}

/// `terbuka report --all`: every assessed institution's scorecard, in
/// parallel, with a progress bar on a terminal.
fn scorecards(
    settings: &Settings,
    ready: &Ready,
    renderer: &Renderer,
    input: &Input<'_>,
    period: &str,
    date: crate::model::Date,
    out: PdfOutput,
) -> Result<Outcome, Error> {
    let ws = &ready.ws;
    let lang = ready.lang.code();
    let dir = match out.output.clone() {
        Some(dir) => dir,
        None => output::child(&ws.root.join("out"), &format!("scorecards-{period}-{lang}"))?,
    };
    let ids = input
        .scores
        .period(period)
        .map(|p| p.institutions.iter().map(|i| i.institution.clone()).collect::<Vec<_>>())
        .unwrap_or_default();
    let bar = indicatif::ProgressBar::hidden();
    if std::io::stderr().is_terminal() {
        super::show_progress(&bar, ids.len());
    }
    let inputs = ready.inputs();
    // The batch is built in a fresh folder and replaces the old one only
    // once every scorecard is written: no scorecard of an institution no
    // longer assessed is left among the new ones, and a failed run leaves
    // the old folder whole.
    let owned_batch = output::Batch::begin(inputs, &dir, &["pdf", "typ"])?;
    let batch = &owned_batch;
    let next = AtomicUsize::new(0);
    // A scorecard typeset, or why it could not be.
    type Typeset = Result<Result<(PathBuf, Rendered), Failure>, Error>;
    let one = |id: &String| -> Typeset {
        let result = match timings::time(timings::VIEW, || input.scorecard(period, id)) {
            Some(view) => {
                let path = output::child(&dir, &format!("{id}.pdf"))?;
                let meta = PdfMeta { ident: ident(ready, "scorecard", &[period, id]), date };
                let typ_path = shown(&ws.root, &path.with_extension("typ"));
                match renderer.render("scorecard.typ.j2", &view, &meta, &typ_path) {
                    Ok(rendered) => Ok(Ok((path, rendered))),
                    Err(f) => keep_failed_typ(inputs, &f, &path, out.typ).map(|()| Err(f)),
                }
            }
            None => Err(super::no_assessment(id, period)),
        };
        bar.inc(1);
        bar.set_message(id.clone());
        result
    };
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(ids.len().max(1));
    // Finished scorecards go to one writer thread, so that no worker waits
    // for the disk (each file is synced before it is renamed into place).
    let (to_writer, from_workers) = std::sync::mpsc::sync_channel::<(usize, PathBuf, Rendered)>(2 * workers);
    // Each worker takes the next scorecard until none is left. Plain threads,
    // not rayon tasks: Typst and typst-pdf run parts of one document on
    // rayon's pool and, while they wait, a rayon worker runs whatever task is
    // queued; were the scorecards rayon tasks, one worker would start
    // scorecard after scorecard inside the export of the first, holding all
    // of them in memory and on its stack.
    let worker = |to_writer: std::sync::mpsc::SyncSender<(usize, PathBuf, Rendered)>| {
        let mut failed = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(id) = ids.get(i) else { return failed };
            match one(id) {
                // The writer stops only after every worker has.
                Ok(Ok((path, rendered))) => to_writer.send((i, path, rendered)).unwrap_or(()),
                Ok(Err(f)) => failed.push((i, Ok(Err(f)))),
                Err(e) => failed.push((i, Err(e))),
            }
            // Typst memoises layouts across compilations; a batch would keep
            // every scorecard's. Now and then, drop what recent ones did not use.
            if i % EVICT_EVERY == EVICT_EVERY - 1 {
                comemo::evict(2);
            }
        }
    };
    let writer = move || {
        let written = from_workers.into_iter().map(|(i, path, rendered)| {
            let lines = timings::time(timings::WRITE, || -> Result<String, Error> {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                batch.write(&name, &rendered.pdf)?;
                let mut lines = format!("{}\n", path.display());
                if out.typ {
                    let typ = std::path::Path::new(&name).with_extension("typ").to_string_lossy().into_owned();
                    batch.write(&typ, rendered.typ.as_bytes())?;
                    lines.push_str(&format!("{}\n", path.with_extension("typ").display()));
                }
                Ok(lines)
            });
            (i, lines.map(Ok))
        });
        written.collect::<Vec<(usize, Result<Result<String, Failure>, Error>)>>()
    };
    let mut results = std::thread::scope(|scope| {
        let spawn_error = |e: std::io::Error| {
            Error::Other(crate::msg!("cannot start the worker threads: {e}", "thread pekerja tidak dapat dimulai: {e}"))
        };
        let writer = std::thread::Builder::new().spawn_scoped(scope, writer).map_err(spawn_error)?;
        let handles = (0..workers)
            .map(|_| {
                let to_writer = to_writer.clone();
                std::thread::Builder::new().stack_size(BATCH_STACK_BYTES).spawn_scoped(scope, move || worker(to_writer))
            })
            .collect::<Result<Vec<_>, _>>();
        drop(to_writer);
        let handles = handles.map_err(spawn_error)?;
        let mut results = Vec::with_capacity(ids.len());
        for handle in handles.into_iter().chain([writer]) {
            match handle.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok::<_, Error>(results)
    })?;
    results.sort_by_key(|(i, _)| *i);
    let results = results.into_iter().map(|(_, r)| r);
    bar.finish_and_clear();
    let mut listing = String::new();
    let mut failure = Failure::default();
    for result in results {
        match result? {
            Ok(lines) => listing.push_str(&lines),
            Err(f) => {
                failure.diagnostics.extend(f.diagnostics);
                failure.sources.extend(f.sources);
            }
        }
    }
    if !failure.diagnostics.is_empty() {
        // The batch is dropped: the old folder stays as it was.
        return Ok(print_failure(ready, failure, settings));
    }
    timings::time(timings::WRITE, || owned_batch.commit())?;
    super::stdout(&listing)?;
    Ok(Outcome::Ok)
}

/// The periods and filter of a comparison report.
#[derive(Debug, Clone, Copy)]
pub struct CompareJob<'a> {
    /// Earlier period.
    pub from: &'a str,
    /// Later period.
    pub to: &'a str,
    /// Only this institution.
    pub institution: Option<&'a str>,
}

/// `terbuka compare P1 P2 --format pdf`.
pub fn compare_pdf(
    settings: &Settings,
    ready: &Ready,
    scores: &Scores,
    hashes: &Hashes,
    comparison: &Comparison,
    job: CompareJob<'_>,
    out: PdfOutput,
) -> Result<Outcome, Error> {
    let ws = &ready.ws;
    let (renderer, strings) = match renderer(ready, settings) {
        Ok(r) => r,
        Err(outcome) => return Ok(outcome),
    };
    let input = Input::new(ws, scores, &strings, hashes);
    let view = timings::time(timings::VIEW, || input.compare_report(job.from, job.to, comparison, job.institution));
    let Some(view) = view else {
        return Err(super::no_scores(&format!("{}, {}", job.from, job.to)));
    };
    let end = period_end(ready, job.from).max(period_end(ready, job.to));
    let end = end.ok_or_else(|| super::no_scores(job.to))?;
    let date = report::document_date(settings.source_date_epoch, end);
    let lang = ready.lang.code();
    let name = match job.institution {
        Some(i) => format!("compare-{}-{}-{i}-{lang}.pdf", job.from, job.to),
        None => format!("compare-{}-{}-{lang}.pdf", job.from, job.to),
    };
    let path: PathBuf = match out.output.clone() {
        Some(path) => path,
        None => output::child(&ws.root.join("out"), &name)?,
    };
    let mut parts = vec![job.from, job.to];
    parts.extend(job.institution);
    let meta = PdfMeta { ident: ident(ready, "compare", &parts), date };
    emit(ready, settings, &renderer, Job { template: "compare.typ.j2", view: &view, meta, path }, out.typ)
}
