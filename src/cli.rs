//! The command line: argument definitions (clap derive), their resolution
//! into [`Settings`], and one function per command. This module and `main`
//! are the only places that print.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diag::Msg;
use crate::diag::render::{self, Format};
use crate::diag::{self, Diagnostic};
use crate::load::{self, Limits, Workspace};
use crate::model::Lang;
use crate::settings::{ColorChoice, Settings};
use crate::validate::{self, Facts};
use crate::{compare, export, msg, output, report, schema, score, tables, timings};

mod evidence_cmd;
pub mod help;
mod new_cmd;
mod print;
mod report_cmd;

/// Where a PDF goes.
#[derive(Debug, Clone, Default)]
pub struct PdfOutput {
    /// `-o`: the file (or the directory, for a batch).
    pub output: Option<PathBuf>,
    /// `--typ`: also write the generated Typst file.
    pub typ: bool,
}

/// terbuka — run an Open Government Partnership programme from YAML files.
#[derive(Debug, Parser)]
#[command(name = "terbuka", version, about, long_about = None)]
pub struct Args {
    /// The workspace root (the folder with terbuka.yaml); also TERBUKA_ROOT.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Language of messages and reports (`id` or `en`); also TERBUKA_LANG; default: the workspace's first language.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// When to use colours.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every file of the workspace and report all problems.
    Validate {
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Only problems that concern this period (its assessments and review, and the files every period shares).
        #[arg(long)]
        period: Option<String>,
        /// Only problems in this institution's own files (and in the files everyone shares: terbuka.yaml, the rubric).
        #[arg(long)]
        institution: Option<String>,
    },
    /// Score every institution's self-assessment, weighing its evidence.
    Score {
        /// The period (default: the newest that has assessments).
        #[arg(long)]
        period: Option<String>,
        /// Only this institution, point by point.
        #[arg(long)]
        institution: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
    },
    /// Compare two periods: regressions, improvements, evidence, commitments.
    Compare {
        /// The earlier period.
        from: String,
        /// The later period.
        to: String,
        /// Only this institution.
        #[arg(long)]
        institution: Option<String>,
        /// Output format (`pdf`: the comparison report with charts).
        #[arg(long, value_enum, default_value = "table")]
        format: CompareFormat,
        /// With `--format pdf`: the file to write (default: `out/compare-<from>-<to>-<lang>.pdf`).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With `--format pdf`: also write the generated Typst file beside the PDF.
        #[arg(long)]
        typ: bool,
        /// Exit with 1 when any evidence-backed level dropped.
        #[arg(long)]
        fail_on_regression: bool,
    },
    /// Write the IRM-style PDF report of a period, or institutions' scorecards.
    Report {
        /// The period (default: the newest that has assessments).
        #[arg(long)]
        period: Option<String>,
        /// One institution's scorecard instead of the period report.
        #[arg(long, conflicts_with = "all")]
        institution: Option<String>,
        /// Every institution's scorecard, in parallel.
        #[arg(long)]
        all: bool,
        /// The file to write (default: `out/report-<period>-<lang>.pdf`); with `--all`, the directory.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Also write the generated Typst file beside each PDF (for debugging templates).
        #[arg(long)]
        typ: bool,
    },
    /// Write the scores and IRM fields as open data (CSV or JSON).
    Export {
        /// Only this period (default: every period).
        #[arg(long)]
        period: Option<String>,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Directory to write into (default: `out/` in the workspace).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Write the JSON Schema of every YAML kind.
    Schema {
        /// Directory to write into (default: `schema/` in the workspace).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Start a new file: a self-assessment carried forward from the previous period, or a workspace.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Seal the cited evidence in evidence.lock, or check it against the seal.
    Evidence {
        #[command(subcommand)]
        what: EvidenceCommand,
    },
    /// Write a shell completion script to standard output.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the manual page (roff) to standard output, or every page into a directory.
    Man {
        /// Directory for `terbuka.1` and one page per command.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
}

/// What `terbuka evidence` does.
#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Record the SHA-256 and size of every cited file in evidence.lock.
    Seal {
        /// Also re-seal sealed files that changed or went missing (after the steering committee checked them).
        #[arg(long)]
        accept_changes: bool,
    },
    /// Report every cited file changed, missing or not sealed since the last seal.
    Verify,
}

/// What `terbuka new` makes.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Write `assessments/<period>/<institution>.yaml`, carrying the institution's previous assessment forward; never overwrites.
    Assessment {
        /// The institution's id (its file name under `institutions/`, without `.yaml`).
        #[arg(long)]
        institution: String,
        /// The period (default: the one after the institution's newest assessment).
        #[arg(long)]
        period: Option<String>,
    },
    /// Create a fresh, minimal, valid workspace in DIR (which must be empty or new).
    Workspace {
        /// The folder to create.
        dir: PathBuf,
    },
}

/// Formats of `score` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// An aligned table for the terminal.
    Table,
    /// CSV.
    Csv,
    /// JSON.
    Json,
}

/// Formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    /// An aligned table for the terminal.
    Table,
    /// CSV.
    Csv,
    /// JSON.
    Json,
    /// The comparison report as PDF.
    Pdf,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// `points.csv`, `institutions.csv`, `commitments.csv`.
    Csv,
    /// `points.json`, `institutions.json`, `commitments.json`.
    Json,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language `{s}`: use `id` or `en`"))
}

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

/// Parses the process's arguments, runs the command and maps the outcome to
/// an exit code: 0 ok, 1 problems in the inputs, 2 the tool could not run.
pub fn main() -> ExitCode {
    crate::timings::init_from_env();
    // Ctrl-C, SIGTERM and SIGHUP remove the temporary files of a write
    // under way; the output stays as it was.
    let _ = ctrlc::set_handler(|| {
        output::temps::remove_all();
        std::process::exit(130);
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
        Command::Validate { format, period, institution } => {
            cmd_validate(&settings, format, Scope { period, institution })
        }
        Command::Schema { output } => cmd_schema(&settings, output),
        Command::Score { period, institution, format } => cmd_score(&settings, period, institution, format),
        Command::Compare { from, to, institution, format, output, typ, fail_on_regression } => {
            let pdf = PdfOutput { output, typ };
            cmd_compare(&settings, &from, &to, institution, format, pdf, fail_on_regression)
        }
        Command::Report { period, institution, all, output, typ } => {
            report_cmd::run(&settings, period, institution, all, PdfOutput { output, typ })
        }
        Command::Export { period, format, output } => cmd_export(&settings, period, format, output),
        Command::New { what: NewCommand::Assessment { institution, period } } => {
            new_cmd::assessment(&settings, &institution, period.as_deref())
        }
        Command::New { what: NewCommand::Workspace { dir } } => new_cmd::workspace(&settings, &dir),
        Command::Completions { shell } => {
            let mut cmd = help::command(help::Early { lang: help_lang(&settings), color: Some(false) });
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "terbuka", &mut buf);
            stdout(&String::from_utf8_lossy(&buf))?;
            Ok(Outcome::Ok)
        }
        Command::Man { output } => cmd_man(&settings, output),
        Command::Evidence { what: EvidenceCommand::Seal { accept_changes } } => {
            evidence_cmd::seal(&settings, accept_changes)
        }
        Command::Evidence { what: EvidenceCommand::Verify } => evidence_cmd::verify(&settings),
    }
}

/// An environment variable that is set and not empty (an empty one is as
/// good as unset).
fn env_value(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()).filter(|v| !v.trim().is_empty())
}

fn resolve(args: &Args) -> Result<Settings, Error> {
    let root = match (&args.root, env_value("TERBUKA_ROOT")) {
        (Some(root), _) => root.clone(),
        (None, Some(root)) => PathBuf::from(root),
        (None, None) => std::env::current_dir().map_err(|e| {
            Error::Other(msg!("cannot read the current directory: {e}", "folder saat ini tidak dapat dibaca: {e}"))
        })?,
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
    let mut report_limits = report::limits::Limits::default();
    if std::env::var("TERBUKA_TEMPLATE_FUEL").is_ok_and(|v| !v.trim().is_empty()) {
        report_limits.fuel = Some(limit("TERBUKA_TEMPLATE_FUEL", 0)?);
    }
    report_limits.typeset_seconds = limit("TERBUKA_MAX_TYPESET_SECONDS", report_limits.typeset_seconds)?;
    report_limits.memory_mib = limit("TERBUKA_MAX_MEMORY_MB", report_limits.memory_mib)?;
    report_limits.pages = limit("TERBUKA_MAX_PAGES", report_limits.pages)?;
    report_limits.output_bytes = limit("TERBUKA_MAX_OUTPUT_BYTES", report_limits.output_bytes)?;
    Ok(Settings { root, lang, color, source_date_epoch, limits, report_limits })
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
            "{shown} bukan workspace: folder itu tidak berisi terbuka.yaml. Jalankan terbuka di dalam workspace, beri --root DIR, atau buat workspace baru dengan `terbuka new workspace DIR`"
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

/// Loads and validates the workspace.
pub fn check(settings: &Settings) -> Result<(Workspace, Vec<Diagnostic>, Facts), Error> {
    // A big workspace gets a progress bar while it is read, on a terminal only.
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
    let (ws, mut diagnostics) =
        timings::time(timings::LOAD, || load::load_with_progress(&settings.root, settings.limits, &progress))?;
    let facts = timings::time(timings::CHECK_FILES, || Facts::gather(&ws));
    diagnostics.extend(timings::time(timings::VALIDATE, || validate::validate(&ws, &facts)));
    diag::sort(&mut diagnostics);
    Ok((ws, diagnostics, facts))
}

pub(crate) fn workspace_lang(ws: &Workspace) -> Option<Lang> {
    ws.manifest.as_ref().and_then(|m| m.value.languages.first().copied())
}

pub(crate) fn stdout(text: &str) -> Result<(), Error> {
    print::out(text)
}

/// What `validate --period/--institution` keeps.
#[derive(Debug, Default)]
struct Scope {
    period: Option<String>,
    institution: Option<String>,
}

impl Scope {
    /// Whether `d` concerns the chosen period and institution. Problems in
    /// `terbuka.yaml` and the rubric concern everyone.
    fn keeps(&self, d: &Diagnostic) -> bool {
        if let (Some(p), Some(q)) = (&self.period, &d.period)
            && p != q
        {
            return false;
        }
        let Some(file) = d.location.as_ref().map(|l| &*l.file) else { return true };
        let parts = file.split('/').collect::<Vec<_>>();
        let period_ok = self.period.as_deref().is_none_or(|p| match parts.as_slice() {
            ["assessments", dir, _] => dir == &p,
            ["reviews", name] => name.strip_suffix(".yaml") == Some(p),
            _ => true,
        });
        let institution_ok = self.institution.as_deref().is_none_or(|i| match parts.as_slice() {
            ["institutions", name] | ["assessments", _, name] => name.strip_suffix(".yaml") == Some(i),
            ["commitments", _] | ["reviews", _] => false,
            _ => true,
        });
        period_ok && institution_ok
    }

    /// What the summary line adds: ` (only 2018-s1, diskominfo)`.
    fn note(&self, lang: Lang) -> String {
        let parts = [self.period.as_deref(), self.institution.as_deref()].into_iter().flatten().collect::<Vec<_>>();
        if parts.is_empty() {
            return String::new();
        }
        let only = match lang {
            Lang::En => "only",
            Lang::Id => "hanya",
        };
        format!(" ({only} {})", parts.join(", "))
    }
}

fn cmd_validate(settings: &Settings, format: Format, scope: Scope) -> Result<Outcome, Error> {
    let (ws, mut diagnostics, _) = check(settings)?;
    let lang = settings.lang_for(workspace_lang(&ws));
    if ws.manifest.is_some()
        && let Some(p) = &scope.period
    {
        period_arg(&ws, Some(p))?;
    }
    if let Some(i) = &scope.institution
        && !ws.broken.contains(&format!("institutions/{i}.yaml"))
    {
        institution_arg(&ws, i)?;
    }
    diagnostics.retain(|d| scope.keeps(d));
    let options = render::Options { lang, color: settings.color && format == Format::Human };
    let mut text = render::render(&diagnostics, &ws.sources, format, options);
    let (errors, warnings) = diag::count(&diagnostics);
    if format != Format::Json {
        text.push_str(&summary(&ws, errors, warnings, lang));
        text.push_str(&scope.note(lang));
        text.push('\n');
    }
    stdout(&text)?;
    Ok(if errors > 0 { Outcome::Problems } else { Outcome::Ok })
}

/// The one-line summary of `validate`.
pub fn summary(ws: &Workspace, errors: usize, warnings: usize, lang: Lang) -> String {
    let files = ws.files;
    let institutions = ws.institutions.len();
    let commitments = ws.commitments.len();
    let periods = ws.manifest.as_ref().map_or(0, |m| m.value.periods.len());
    match lang {
        Lang::En => format!(
            "checked {files} {}: {institutions} {}, {commitments} {}, {periods} {} — {errors} {}, {warnings} {}",
            plural(files, "file", "files"),
            plural(institutions, "institution", "institutions"),
            plural(commitments, "commitment", "commitments"),
            plural(periods, "period", "periods"),
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
        ),
        Lang::Id => format!(
            "{files} berkas diperiksa: {institutions} institusi, {commitments} komitmen, {periods} periode — {errors} galat, {warnings} peringatan"
        ),
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `terbuka man`: the root page to stdout, or every page into a directory.
fn cmd_man(settings: &Settings, dir: Option<PathBuf>) -> Result<Outcome, Error> {
    let lang = help_lang(settings);
    let cmd = help::command(help::Early { lang, color: Some(false) });
    let pages = help::man_pages(&cmd, lang);
    match dir {
        None => stdout(&pages[0].1)?,
        Some(dir) => write_listed(&root_inputs(settings), &dir, pages)?,
    }
    Ok(Outcome::Ok)
}

/// Writes each `(name, text)` into `dir` atomically, then prints the paths.
fn write_listed<N: AsRef<std::path::Path>>(
    inputs: &output::Inputs,
    dir: &std::path::Path,
    files: Vec<(N, String)>,
) -> Result<(), Error> {
    let paths = files.iter().map(|(name, _)| dir.join(name)).collect::<Vec<_>>();
    output::check_all(inputs, paths.iter().map(PathBuf::as_path))?;
    let mut listing = String::new();
    for (path, (_, text)) in paths.iter().zip(files) {
        output::write_output(inputs, path, text.as_bytes())?;
        listing.push_str(&format!("{}\n", path.display()));
    }
    stdout(&listing)
}

/// The language of `--help`-like output (completions, man pages): as asked,
/// else the workspace's first, else English.
fn help_lang(settings: &Settings) -> Lang {
    settings.lang.or_else(|| help::workspace_lang(&settings.root)).unwrap_or(Lang::En)
}

fn cmd_schema(settings: &Settings, dir: Option<PathBuf>) -> Result<Outcome, Error> {
    if dir.is_none() {
        require_workspace(settings)?;
    }
    let dir = dir.unwrap_or_else(|| settings.root.join("schema"));
    let inputs = root_inputs(settings);
    for (name, text) in schema::all() {
        output::write_output(&inputs, &dir.join(name), text.as_bytes())?;
    }
    stdout(&format!("{}\n", dir.display()))?;
    Ok(Outcome::Ok)
}

/// A workspace without errors, ready to score.
pub(crate) struct Ready {
    pub(crate) ws: Workspace,
    pub(crate) lang: Lang,
    /// How many warnings `validate` would show.
    pub(crate) warnings: usize,
    /// What no output may replace; see [`Ready::inputs`].
    inputs: std::sync::OnceLock<output::Inputs>,
    /// SHA-256 and size of the cited files, when validation hashed them
    /// (the workspace has an `evidence.lock`).
    pub(crate) hashes: report::view::Hashes,
    /// The cited paths validation resolved.
    resolved: BTreeMap<String, PathBuf>,
}

impl Ready {
    /// The workspace's inputs, which no output may replace (worked out
    /// when a command first writes a file: it resolves every input's path).
    pub(crate) fn inputs(&self) -> &output::Inputs {
        self.inputs.get_or_init(|| timings::time(timings::INPUTS, || workspace_inputs(&self.ws, &self.resolved)))
    }

    /// Says on stderr that there are warnings; called once the command's
    /// own arguments are checked, so that a mistyped `--period` is the
    /// first and only thing printed.
    pub(crate) fn note_warnings(&self) {
        let warnings = self.warnings;
        if warnings > 0 {
            let word = plural(warnings, "warning", "warnings");
            let m = msg!(
                "terbuka: {warnings} {word} (see `terbuka validate`)",
                "terbuka: {warnings} peringatan (lihat `terbuka validate`)"
            );
            print::err_line(m.get(self.lang));
        }
    }
}

/// Loads and validates; on errors prints them to stderr and says so.
pub(crate) fn prepare(settings: &Settings) -> Result<Result<Ready, Outcome>, Error> {
    let (mut ws, diagnostics, facts) = check(settings)?;
    let lang = settings.lang_for(workspace_lang(&ws));
    let (errors, warnings) = diag::count(&diagnostics);
    if errors > 0 {
        let errors_only = diagnostics.into_iter().filter(Diagnostic::is_error).collect::<Vec<_>>();
        let color = settings.color && std::io::stderr().is_terminal();
        let text = render::render(&errors_only, &ws.sources, Format::Human, render::Options { lang, color });
        print::err(&text);
        print::err_line(&match lang {
            Lang::En => format!(
                "terbuka: {errors} {} in the workspace; fix {} first (`terbuka validate` lists every problem)",
                plural(errors, "error", "errors"),
                plural(errors, "it", "them")
            ),
            Lang::Id => format!(
                "terbuka: ada {errors} galat di workspace; perbaiki dahulu (`terbuka validate` menampilkan semua masalah)"
            ),
        });
        return Ok(Err(Outcome::Problems));
    }
    ws.forget_locations();
    let inputs = std::sync::OnceLock::new();
    Ok(Ok(Ready { ws, lang, warnings, inputs, hashes: facts.hashes, resolved: facts.resolved }))
}

/// The workspace's inputs: every YAML file, `evidence.lock`, every cited
/// file, and the folders terbuka reads from. The cited paths that
/// validation already `resolved` are not resolved again.
pub(crate) fn workspace_inputs(ws: &Workspace, resolved: &BTreeMap<String, PathBuf>) -> output::Inputs {
    let sources = ws.sources.paths().map(|p| &**p);
    let cited = validate::cited_paths(ws).filter(|p| !resolved.contains_key(*p));
    let files = sources.chain(["terbuka.yaml", "evidence.lock"]).chain(cited).collect::<Vec<_>>();
    output::Inputs::new(&ws.root, files, resolved.values().cloned(), INPUT_DIRS)
}

/// The inputs of the root for commands that do not load the workspace
/// (`schema`, `man`): its manifest, lock and input folders.
fn root_inputs(settings: &Settings) -> output::Inputs {
    let root = settings.root.canonicalize().unwrap_or_else(|_| settings.root.clone());
    output::Inputs::new(&root, ["terbuka.yaml", "evidence.lock"], [], INPUT_DIRS)
}

/// The folders terbuka reads from: nothing is ever written into them.
const INPUT_DIRS: &[&str] =
    &["evidence", "report-templates", "commitments", "institutions", "rubrics", "assessments", "reviews"];

/// Checks a period id given on the command line.
pub(crate) fn period_arg(ws: &Workspace, id: Option<&str>) -> Result<String, Error> {
    let Some(manifest) = &ws.manifest else {
        return Err(Error::Other(msg!("the workspace has no terbuka.yaml", "workspace tidak memiliki terbuka.yaml")));
    };
    let periods = &manifest.value.periods;
    match id {
        Some(id) if periods.iter().any(|p| p.id == id) => Ok(id.to_owned()),
        Some(id) => {
            let known = periods.iter().map(|p| p.id.as_str()).collect::<Vec<_>>();
            let (hint_en, hint_id) = did_you_mean(id, known.iter().copied());
            let known = known.join(", ");
            Err(Error::Other(msg!(
                "unknown period `{id}`{hint_en}; the periods are: {known}",
                "periode `{id}` tidak dikenal{hint_id}; periode yang ada: {known}"
            )))
        }
        // The newest period that has assessments: a period just added to
        // terbuka.yaml, with one institution started, is not yet the one to
        // report on.
        None => {
            let assessed = |p: &&crate::model::Period| ws.assessments.iter().any(|a| a.value.period == p.id);
            periods
                .iter()
                .filter(assessed)
                .max_by_key(|p| p.start)
                .or_else(|| periods.iter().max_by_key(|p| p.start))
                .map(|p| p.id.clone())
                .ok_or_else(|| {
                    Error::Other(msg!("terbuka.yaml lists no periods", "terbuka.yaml tidak mencantumkan periode"))
                })
        }
    }
}

/// "No scores for the period" (the period has no assessments).
pub(crate) fn no_scores(period: &str) -> Error {
    Error::Other(msg!(
        "no scores for `{period}`: no institution has an assessment for it",
        "belum ada skor untuk `{period}`: belum ada institusi yang mengisi penilaian mandiri untuk periode itu"
    ))
}

/// "The institution has no assessment for the period", with the command that starts one.
pub(crate) fn no_assessment(id: &str, period: &str) -> Error {
    Error::Other(msg!(
        "`{id}` has no assessment for `{period}` (start one with `terbuka new assessment --institution {id} --period {period}`)",
        "`{id}` belum memiliki penilaian mandiri untuk `{period}` (buat dengan `terbuka new assessment --institution {id} --period {period}`)"
    ))
}

/// Checks an institution id given on the command line.
pub(crate) fn institution_arg(ws: &Workspace, id: &str) -> Result<(), Error> {
    let ids = ws.institutions_by_id();
    if ids.contains_key(id) {
        return Ok(());
    }
    let (hint_en, hint_id) = did_you_mean(id, ids.keys().copied());
    Err(Error::Other(msg!("unknown institution `{id}`{hint_en}", "institusi `{id}` tidak dikenal{hint_id}")))
}

/// " (did you mean `x`?)" in both languages, or nothing.
fn did_you_mean<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> (String, String) {
    match diag::closest(id, known) {
        Some(b) => (format!(" (did you mean `{b}`?)"), format!(" (mungkin maksud Anda `{b}`?)")),
        None => Default::default(),
    }
}

fn cmd_score(
    settings: &Settings,
    period: Option<String>,
    institution: Option<String>,
    format: TableFormat,
) -> Result<Outcome, Error> {
    let ready = match prepare(settings)? {
        Ok(ready) => ready,
        Err(outcome) => return Ok(outcome),
    };
    let ws = &ready.ws;
    let period = period_arg(ws, period.as_deref())?;
    if let Some(id) = &institution {
        institution_arg(ws, id)?;
    }
    ready.note_warnings();
    let Some(rubric) = ws.rubric() else {
        return Err(Error::Other(msg!("the workspace has no rubric", "workspace tidak memiliki rubrik")));
    };
    let scores = timings::time(timings::SCORE, || score::score(ws));
    let Some(p) = scores.period(&period) else { return Err(no_scores(&period)) };
    let text = match format {
        TableFormat::Table => match &institution {
            Some(id) if p.institution(id).is_none() => {
                return Err(no_assessment(id, &period));
            }
            Some(id) => tables::institution_table(&rubric.value, p, id, ready.lang, settings.color),
            None => tables::score_table(ws, &rubric.value, p, ready.lang, settings.color),
        },
        TableFormat::Csv => {
            let mut records = export::records(&scores, Some(&period));
            if let Some(id) = &institution {
                records.points.retain(|r| &r.institution == id);
            }
            export::points_csv(&records.points)
        }
        TableFormat::Json => {
            let mut p = p.clone();
            if let Some(id) = &institution {
                p.institutions.retain(|i| &i.institution == id);
            }
            export::json(&p)
        }
    };
    stdout(&text)?;
    Ok(Outcome::Ok)
}

/// SHA-256 and size of every file cited in the assessments of `periods`
/// (of every period when `None`): those validation already hashed, and the
/// others hashed now, in parallel.
pub(crate) fn evidence_hashes(ready: &Ready, periods: Option<&[&str]>) -> report::view::Hashes {
    let ws = &ready.ws;
    let files: std::collections::BTreeSet<&str> = ws
        .assessments
        .iter()
        .filter(|a| periods.is_none_or(|p| p.contains(&a.value.period.as_str())))
        .flat_map(|a| {
            let points = a.value.points.values().flat_map(|p| p.evidence.iter());
            let milestones = a.value.commitments.values().flat_map(|m| m.values().flat_map(|p| p.evidence.iter()));
            points.chain(milestones)
        })
        .filter_map(|e| e.file.as_deref())
        .collect();
    let known = files.iter().filter_map(|&f| ready.hashes.get_key_value(f)).map(|(f, h)| (f.clone(), h.clone()));
    let mut hashes = known.collect::<report::view::Hashes>();
    let missing = files.into_iter().filter(|f| !ready.hashes.contains_key(*f));
    hashes.extend(timings::time(timings::HASH, || crate::evidence::hash_all(&ws.root, missing)));
    hashes
}

/// Only the SHA-256 of each file.
pub(crate) fn content_hashes(hashes: &report::view::Hashes) -> std::collections::BTreeMap<String, String> {
    hashes.iter().map(|(f, (h, _))| (f.clone(), h.clone())).collect()
}

fn cmd_compare(
    settings: &Settings,
    from: &str,
    to: &str,
    institution: Option<String>,
    format: CompareFormat,
    pdf: PdfOutput,
    fail_on_regression: bool,
) -> Result<Outcome, Error> {
    let ready = match prepare(settings)? {
        Ok(ready) => ready,
        Err(outcome) => return Ok(outcome),
    };
    let ws = &ready.ws;
    let (from, to) = (period_arg(ws, Some(from))?, period_arg(ws, Some(to))?);
    if let Some(id) = &institution {
        institution_arg(ws, id)?;
    }
    if let (CompareFormat::Pdf, Some(path)) = (format, &pdf.output) {
        ready.inputs().check(path)?;
    }
    ready.note_warnings();
    let scores = timings::time(timings::SCORE, || score::score(ws));
    let (Some(a), Some(b)) = (scores.period(&from), scores.period(&to)) else {
        return Err(no_scores(&format!("{from}, {to}")));
    };
    let hashes = evidence_hashes(&ready, Some(&[&from, &to]));
    let comparison = timings::time(timings::COMPARE, || {
        compare::compare(ws, a, b, &content_hashes(&hashes), institution.as_deref())
    });
    let text = match format {
        CompareFormat::Table => tables::compare_table(&comparison, ready.lang, settings.color),
        CompareFormat::Csv => export::compare_csv(&comparison),
        CompareFormat::Json => export::json(&comparison),
        CompareFormat::Pdf => {
            let job = report_cmd::CompareJob { from: &from, to: &to, institution: institution.as_deref() };
            match report_cmd::compare_pdf(settings, &ready, &scores, &hashes, &comparison, job, pdf)? {
                Outcome::Ok => String::new(),
                Outcome::Problems => return Ok(Outcome::Problems),
            }
        }
    };
    stdout(&text)?;
    if fail_on_regression && comparison.summary.regressions > 0 {
        let n = comparison.summary.regressions;
        let word = plural(n, "level", "levels");
        let m = msg!(
            "terbuka: {n} evidence-backed {word} dropped from {from} to {to} (--fail-on-regression)",
            "terbuka: {n} level yang didukung bukti turun dari {from} ke {to} (--fail-on-regression)"
        );
        print::err_line(m.get(ready.lang));
        return Ok(Outcome::Problems);
    }
    Ok(Outcome::Ok)
}

fn cmd_export(
    settings: &Settings,
    period: Option<String>,
    format: ExportFormat,
    dir: Option<PathBuf>,
) -> Result<Outcome, Error> {
    let ready = match prepare(settings)? {
        Ok(ready) => ready,
        Err(outcome) => return Ok(outcome),
    };
    let ws = &ready.ws;
    let period = match period {
        Some(p) => Some(period_arg(ws, Some(&p))?),
        None => None,
    };
    if let Some(dir) = &dir {
        ready.inputs().check(&dir.join("points.csv"))?;
    }
    ready.note_warnings();
    let scores = timings::time(timings::SCORE, || score::score(ws));
    let records = export::records(&scores, period.as_deref());
    let dir = dir.unwrap_or_else(|| settings.root.join("out"));
    let files = match format {
        ExportFormat::Csv => vec![
            ("points.csv", export::points_csv(&records.points)),
            ("institutions.csv", export::institutions_csv(&records.institutions)),
            ("commitments.csv", export::commitments_csv(&records.commitments)),
        ],
        ExportFormat::Json => vec![
            ("points.json", export::json(&records.points)),
            ("institutions.json", export::json(&records.institutions)),
            ("commitments.json", export::json(&records.commitments)),
        ],
    };
    write_listed(ready.inputs(), &dir, files)?;
    Ok(Outcome::Ok)
}
