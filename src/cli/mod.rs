//! The command line: it parses the arguments ([`args`]), resolves them
//! once into [`Settings`], runs one command — each in its own file, a thin
//! adapter from the arguments to the [`Engine`] and back to text, files and
//! an exit code — and prints only through [`print`].

mod args;
mod compare;
mod evidence;
mod export;
pub mod help;
mod man;
mod new;
mod print;
mod report;
mod schema;
mod score;
mod site;
mod status;
mod validate;
mod watch;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::diag::Msg;
use crate::diag::render::{self, Format};
use crate::engine::Engine;
use crate::load::{self, Limits};
use crate::model::Lang;
use crate::settings::{ColorChoice, Settings};
use crate::{msg, output, timings};

pub use args::{
    Args, Command, CompareFormat, CycleStage, EvidenceCommand, ExportFormat, NewCommand, PdfOutput, ReportArgs,
    StatusFormat, TableFormat, WatchCommand,
};

/// Why a command could not run (exit code 2).
#[derive(Debug)]
pub enum Error {
    /// The workspace could not be read.
    Load(load::LoadError),
    /// An output could not be written.
    Write(output::WriteError),
    /// Writing to stdout failed.
    Stdout(std::io::Error),
    /// Anything else, in both languages.
    Other(Msg),
}

impl Error {
    /// The message in `lang`, without the `terbuka: error:` prefix.
    pub fn message(&self, lang: Lang) -> String {
        let msg = match self {
            Error::Load(e) => e.msg(),
            Error::Write(e) => e.msg(),
            Error::Stdout(e) => {
                msg!("cannot write to standard output: {e}", "keluaran standar tidak dapat ditulis: {e}")
            }
            Error::Other(m) => m.clone(),
        };
        msg.get(lang).to_owned()
    }
}

impl From<load::LoadError> for Error {
    fn from(e: load::LoadError) -> Self {
        Error::Load(e)
    }
}

impl From<output::WriteError> for Error {
    fn from(e: output::WriteError) -> Self {
        Error::Write(e)
    }
}

/// What a command found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Success (exit 0).
    Ok,
    /// Problems in the inputs, or a check failed (exit 1).
    Problems,
}

impl From<Msg> for Error {
    fn from(m: Msg) -> Self {
        Error::Other(m)
    }
}

/// The exit code of a run ended by Ctrl-C, SIGTERM or SIGHUP: 130, but 0
/// for `watch`, which ends that way.
pub(crate) static INTERRUPT_EXIT: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(130);

/// Parses the process's arguments, runs the command and maps the outcome to
/// an exit code: 0 ok, 1 problems in the inputs, 2 the tool could not run.
pub fn main() -> ExitCode {
    crate::timings::init_from_env();
    // Ctrl-C, SIGTERM and SIGHUP remove the temporary files of a write
    // under way; the output stays as it was.
    let _ = ctrlc::set_handler(|| {
        output::temps::remove_all();
        std::process::exit(INTERRUPT_EXIT.load(std::sync::atomic::Ordering::Relaxed));
    });
    let code = main_inner();
    if let Some(table) = crate::timings::table() {
        print::err(&table);
    }
    code
}

fn main_inner() -> ExitCode {
    let argv = std::env::args_os().collect::<Vec<_>>();
    let early = help::Early::scan(&argv);
    let parsed = timings::time(timings::ARGUMENTS, || {
        help::command(early)
            .try_get_matches_from(&argv)
            .and_then(|matches| <Args as clap::FromArgMatches>::from_arg_matches(&matches))
    });
    let args = match parsed {
        Ok(args) => args,
        Err(e) => {
            match help::error_text(&e, early.lang) {
                Some(text) => print::err(&text),
                None => {
                    let _ = e.print();
                }
            }
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                _ => ExitCode::from(2),
            };
        }
    };
    match run(args) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) => {
            let lang = early.lang;
            let prefix = match lang {
                Lang::En => "error",
                Lang::Id => "galat",
            };
            print::err_line(&format!("terbuka: {prefix}: {}", e.message(lang)));
            ExitCode::from(2)
        }
    }
}

/// Resolves the settings and runs the command.
pub fn run(args: Args) -> Result<Outcome, Error> {
    let settings = resolve(&args)?;
    match args.command {
        Command::Validate { format, period, institution, translations, files } => {
            let files = validate::workspace_files(&settings, &files)?;
            validate::run(&settings, format, validate::Scope { period, institution, files }, translations)
        }
        Command::Schema { output } => schema::run(&settings, output),
        Command::Score { period, institution, format } => score::run(&settings, period, institution, format),
        Command::Compare { from, to, institution, format, output, typ, fail_on_regression } => {
            let pdf = PdfOutput { output, typ };
            compare::run(&settings, &from, &to, institution, format, pdf, fail_on_regression)
        }
        Command::Report(report) => report::run(&settings, report),
        Command::Status { format, fail_on_overdue } => status::run(&settings, format, fail_on_overdue),
        Command::Export { period, format, output } => export::run(&settings, period, format, output),
        Command::Site { period, output } => site::run(&settings, period.as_deref(), output),
        Command::New { what: NewCommand::Assessment { institution, period } } => {
            new::assessment(&settings, &institution, period.as_deref())
        }
        Command::New { what: NewCommand::Review { period, stage } } => new::review(&settings, &period, stage),
        Command::New { what: NewCommand::Workspace { dir } } => new::workspace(&settings, &dir),
        Command::Completions { shell } => man::completions(&settings, shell),
        Command::Man { output } => man::run(&settings, output),
        Command::Evidence { what: EvidenceCommand::Seal { accept_changes } } => {
            evidence::seal(&settings, accept_changes)
        }
        Command::Evidence { what: EvidenceCommand::Verify } => evidence::verify(&settings),
        Command::Watch { what: WatchCommand::Report(report) } => watch::report(&settings, report),
        Command::Watch { what: WatchCommand::Site { period, output } } => watch::site(&settings, period, output),
    }
}

/// An environment variable that is set and not empty (an empty one is as
/// good as unset).
fn env_value(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()).filter(|v| !v.trim().is_empty())
}

fn resolve(args: &Args) -> Result<Settings, Error> {
    let mut found_root = None;
    let root = match (&args.root, env_value("TERBUKA_ROOT")) {
        (Some(root), _) => root.clone(),
        (None, Some(root)) => PathBuf::from(root),
        (None, None) => {
            let here = std::env::current_dir().map_err(|e| {
                Error::Other(msg!("cannot read the current directory: {e}", "folder saat ini tidak dapat dibaca: {e}"))
            })?;
            // Run from a subfolder (`assessments/2018-s1/`), terbuka works
            // on the workspace that folder is in, and says so.
            match crate::settings::find_root(&here) {
                Some(found) if found != here => {
                    found_root = Some(found.clone());
                    found
                }
                _ => here,
            }
        }
    };
    let lang = match (args.lang, env_value("TERBUKA_LANG")) {
        (Some(lang), _) => Some(lang),
        (None, Some(v)) => Some(Lang::from_code(v.trim()).ok_or_else(|| {
            Error::Other(msg!(
                "TERBUKA_LANG is `{v}`: set it to `id` or `en`, or unset it",
                "TERBUKA_LANG berisi `{v}`: isi dengan `id` atau `en`, atau kosongkan"
            ))
        })?),
        (None, None) => None,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
    };
    let source_date_epoch = match env_value("SOURCE_DATE_EPOCH") {
        Some(v) => {
            let secs = v.trim().parse::<i64>().map_err(|_| {
                Error::Other(msg!(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not `{v}`",
                    "SOURCE_DATE_EPOCH harus bilangan bulat (detik sejak 1970), bukan `{v}`"
                ))
            })?;
            // The dates a report can carry: 1970 to 9999.
            if !(0..=253_402_300_799).contains(&secs) {
                return Err(Error::Other(msg!(
                    "SOURCE_DATE_EPOCH is `{v}`, which is not a date between 1970 and 9999; set it to the seconds since 1970-01-01 (e.g. `date +%s`), or unset it",
                    "SOURCE_DATE_EPOCH berisi `{v}`, yang bukan tanggal antara 1970 dan 9999; isi dengan jumlah detik sejak 1970-01-01 (misalnya `date +%s`), atau kosongkan"
                )));
            }
            Some(secs)
        }
        None => None,
    };
    let mut limits = Limits::default();
    let limit = |name: &str, default: u64| -> Result<u64, Error> {
        match std::env::var(name) {
            Ok(v) if !v.trim().is_empty() => v.trim().parse::<u64>().ok().filter(|&n| n > 0).ok_or_else(|| {
                Error::Other(msg!(
                    "{name} must be a positive whole number, not `{v}`",
                    "{name} harus bilangan bulat positif, bukan `{v}`"
                ))
            }),
            _ => Ok(default),
        }
    };
    limits.max_file_bytes = limit("TERBUKA_MAX_FILE_BYTES", limits.max_file_bytes)?;
    limits.max_files = usize::try_from(limit("TERBUKA_MAX_FILES", limits.max_files as u64)?).unwrap_or(usize::MAX);
    limits.max_text_chars =
        usize::try_from(limit("TERBUKA_MAX_TEXT_CHARS", limits.max_text_chars as u64)?).unwrap_or(usize::MAX);
    let mut report_limits = crate::report::limits::Limits::default();
    if std::env::var("TERBUKA_TEMPLATE_FUEL").is_ok_and(|v| !v.trim().is_empty()) {
        report_limits.fuel = Some(limit("TERBUKA_TEMPLATE_FUEL", 0)?);
    }
    report_limits.typeset_seconds = limit("TERBUKA_MAX_TYPESET_SECONDS", report_limits.typeset_seconds)?;
    report_limits.memory_mib = limit("TERBUKA_MAX_MEMORY_MB", report_limits.memory_mib)?;
    report_limits.pages = limit("TERBUKA_MAX_PAGES", report_limits.pages)?;
    report_limits.output_bytes = limit("TERBUKA_MAX_OUTPUT_BYTES", report_limits.output_bytes)?;
    let settings = Settings { root, lang, color, source_date_epoch, limits, report_limits, cache: !args.no_cache };
    let uses_root =
        !matches!(args.command, Command::New { what: NewCommand::Workspace { .. } } | Command::Completions { .. });
    if let (Some(found), true) = (found_root, uses_root) {
        let shown = found.display();
        let m = msg!(
            "terbuka: the workspace is {shown} (the nearest folder above with terbuka.yaml)",
            "terbuka: ruang kerjanya {shown} (folder terdekat di atas yang berisi terbuka.yaml)"
        );
        print::err_line(m.get(settings.lang_for(None)));
    }
    Ok(settings)
}

/// Refuses a root that is not a workspace, for commands that write into
/// it without loading it all (`evidence seal`, `schema`): a home folder
/// must not get an `evidence.lock` or a `schema/` folder.
pub(crate) fn require_workspace(settings: &Settings) -> Result<(), Error> {
    let root = &settings.root;
    if root.is_file() {
        return Err(Error::Load(load::LoadError::RootNotFolder { path: root.clone() }));
    }
    if root.join("terbuka.yaml").symlink_metadata().is_err() {
        let shown = root.display();
        return Err(Error::Other(msg!(
            "{shown} is not a workspace: it has no terbuka.yaml. Run terbuka inside a workspace, pass --root DIR, or start one with `terbuka new workspace DIR`",
            "{shown} bukan ruang kerja: folder itu tidak berisi terbuka.yaml. Jalankan terbuka di dalam ruang kerja, beri --root DIR, atau buat ruang kerja baru dengan `terbuka new workspace DIR`"
        )));
    }
    Ok(())
}

/// From this many YAML files on, reading them shows a progress bar.
const BIG_WORKSPACE: usize = 2000;

/// Draws a hidden `bar` on stderr from now on, `len` steps long (callers
/// check that stderr is a terminal).
pub(crate) fn show_progress(bar: &indicatif::ProgressBar, len: usize) {
    bar.set_length(len as u64);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
        bar.set_style(style.progress_chars("=> "));
    }
}

/// Opens the workspace in an engine: reading a big one shows a progress
/// bar on a terminal, and a parse cache that was ignored says why.
/// The engine of a command, which ends with the process: however the
/// command returns, the parse cache is waited for and the engine is left
/// for the process's end to free ([`Engine::finish`]: taking apart a big
/// workspace's allocations one by one costs tens of milliseconds).
#[derive(Debug)]
pub(crate) struct OneShot(Option<Engine>);

impl std::ops::Deref for OneShot {
    type Target = Engine;

    fn deref(&self) -> &Engine {
        self.0.as_ref().unwrap_or_else(|| unreachable!("an engine is taken only when dropped"))
    }
}

impl std::ops::DerefMut for OneShot {
    fn deref_mut(&mut self) -> &mut Engine {
        self.0.as_mut().unwrap_or_else(|| unreachable!("an engine is taken only when dropped"))
    }
}

impl Drop for OneShot {
    fn drop(&mut self) {
        if let Some(engine) = self.0.take() {
            engine.finish();
        }
    }
}

pub(crate) fn open(settings: &Settings) -> Result<OneShot, Error> {
    let bar = indicatif::ProgressBar::hidden();
    let terminal = std::io::stderr().is_terminal();
    let progress = |step: load::Progress| match step {
        load::Progress::Found(n) if terminal && n >= BIG_WORKSPACE => {
            show_progress(&bar, n);
            bar.set_message("YAML");
        }
        load::Progress::Found(_) => {}
        load::Progress::Read => bar.inc(1),
        load::Progress::Done => bar.finish_and_clear(),
    };
    let engine = Engine::open(settings.engine_options(Some(report::on_overrun())), &progress)?;
    if let Some(note) = engine.cache_note() {
        print::err_line(note.get(engine.lang()));
    }
    Ok(OneShot(Some(engine)))
}

/// Opens and validates the workspace; on errors prints them to stderr and
/// says so (the command then stops with exit 1).
pub(crate) fn prepare(settings: &Settings) -> Result<Result<OneShot, Outcome>, Error> {
    let mut engine = match prepare_located(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(Err(outcome)),
    };
    engine.forget_locations();
    Ok(Ok(engine))
}

/// [`prepare`], keeping where each key is written (for a command that
/// prints locations).
pub(crate) fn prepare_located(settings: &Settings) -> Result<Result<OneShot, Outcome>, Error> {
    let engine = open(settings)?;
    let lang = engine.lang();
    let (errors, _) = engine.counts();
    // The next command on the same files and facts reads them back.
    engine.remember();
    if errors > 0 {
        let errors_only = engine.diagnostics().iter().filter(|d| d.is_error()).cloned().collect::<Vec<_>>();
        let color = settings.color && std::io::stderr().is_terminal();
        let text =
            render::render(&errors_only, &engine.workspace().sources, Format::Human, render::Options { lang, color });
        print::err(&text);
        print::err_line(&match lang {
            Lang::En => format!(
                "terbuka: {errors} {} in the workspace; fix {} first (`terbuka validate` lists every problem)",
                plural(errors, "error", "errors"),
                plural(errors, "it", "them")
            ),
            Lang::Id => format!(
                "terbuka: ada {errors} galat di ruang kerja; perbaiki dahulu (`terbuka validate` menampilkan semua masalah)"
            ),
        });
        return Ok(Err(Outcome::Problems));
    }
    Ok(Ok(engine))
}

/// Says on stderr that there are warnings; called once the command's own
/// arguments are checked, so that a mistyped `--period` is the first and
/// only thing printed.
pub(crate) fn note_warnings(engine: &Engine) {
    let (_, warnings) = engine.counts();
    if warnings > 0 {
        let word = plural(warnings, "warning", "warnings");
        let m = msg!(
            "terbuka: {warnings} {word} (see `terbuka validate`)",
            "terbuka: {warnings} peringatan (lihat `terbuka validate`)"
        );
        print::err_line(m.get(engine.lang()));
    }
    // Claims nobody has confirmed reach the reports only as "unconfirmed":
    // say where they are, so that they are confirmed before the reports go
    // out.
    // Each as file:line, the line to edit (a handful; the rest counted).
    const SHOWN: usize = 8;
    let sources = &engine.workspace().sources;
    let places = engine
        .diagnostics()
        .iter()
        .filter(|d| d.code == crate::diag::Code::Unconfirmed)
        .filter_map(|d| d.location.as_ref())
        .map(|at| match (at.span, sources.get(&at.file)) {
            (Some(span), Some(source)) => format!("{}:{}", at.file, source.line_col(span.start).0),
            _ => at.file.to_string(),
        })
        .collect::<Vec<_>>();
    if !places.is_empty() {
        let n = places.len();
        let mut list = places.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
        if n > SHOWN {
            list.push_str(&format!(", … (+{})", n - SHOWN));
        }
        let entries = plural(n, "entry is", "entries are");
        let m = msg!(
            "terbuka: {n} {entries} not yet confirmed (`confirmed: false`): reports mark them unconfirmed and count them at the scale's lowest level until `confirmed: true` is written at {list}",
            "terbuka: {n} isian belum dikonfirmasi (`confirmed: false`): laporan menandainya belum dikonfirmasi dan menghitungnya pada tingkat terendah skala sampai `confirmed: true` ditulis di {list}"
        );
        print::err_line(m.get(engine.lang()));
    }
}

pub(crate) fn stdout(text: &str) -> Result<(), Error> {
    print::out(text)
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Writes each `(name, text)` into `dir` atomically, then prints the paths.
fn write_listed<N: AsRef<std::path::Path>, B: AsRef<[u8]>>(
    inputs: &output::Inputs,
    dir: &std::path::Path,
    files: Vec<(N, B)>,
) -> Result<(), Error> {
    let paths = files.iter().map(|(name, _)| dir.join(name)).collect::<Vec<_>>();
    output::check_all(inputs, paths.iter().map(PathBuf::as_path))?;
    let mut listing = String::new();
    for (path, (_, bytes)) in paths.iter().zip(files) {
        output::write_output(inputs, path, bytes.as_ref())?;
        listing.push_str(&format!("{}\n", path.display()));
    }
    stdout(&listing)
}

/// The language of `--help`-like output (completions, man pages): as asked,
/// else the workspace's first, else English.
fn help_lang(settings: &Settings) -> Lang {
    settings.lang.or_else(|| help::workspace_lang(&settings.root)).unwrap_or_else(crate::settings::fallback_lang)
}

/// The inputs of the root for commands that do not load the workspace
/// (`schema`, `man`): its manifest, lock and input folders.
fn root_inputs(settings: &Settings) -> output::Inputs {
    let root = settings.root.canonicalize().unwrap_or_else(|_| settings.root.clone());
    output::Inputs::new(&root, ["terbuka.yaml", "evidence.lock"], [], crate::engine::INPUT_DIRS)
}
