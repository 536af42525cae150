//! The command line: argument definitions (clap derive), their resolution
//! into [`Settings`], and one function per command. This module and `main`
//! are the only places that print.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diag::render::{self, Format};
use crate::diag::{self, Diagnostic};
use crate::load::{self, Limits, Workspace};
use crate::model::Lang;
use crate::settings::{ColorChoice, Settings};
use crate::validate::{self, Facts};
use crate::{output, schema};

/// terbuka — run an Open Government Partnership programme from YAML files.
#[derive(Debug, Parser)]
#[command(name = "terbuka", version, about, long_about = None)]
pub struct Args {
    /// The workspace root (the folder with terbuka.yaml).
    #[arg(long, global = true, env = "TERBUKA_ROOT", value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Language of messages and reports (`id` or `en`); default: the workspace's first.
    #[arg(long, global = true, env = "TERBUKA_LANG", value_parser = parse_lang)]
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
    },
    /// Write the JSON Schema of every YAML kind.
    Schema {
        /// Directory to write into (default: `schema/` in the workspace).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language `{s}`: use `id` or `en`"))
}

/// Why a command could not run (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The workspace could not be read.
    #[error(transparent)]
    Load(#[from] load::LoadError),
    /// An output could not be written.
    #[error(transparent)]
    Write(#[from] output::WriteError),
    /// Writing to stdout failed.
    #[error("cannot write to standard output: {0}")]
    Stdout(std::io::Error),
    /// Anything else.
    #[error("{0}")]
    Other(String),
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
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    match run(args) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(Error::Stdout(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("terbuka: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Resolves the settings and runs the command.
pub fn run(args: Args) -> Result<Outcome, Error> {
    let settings = resolve(&args)?;
    match args.command {
        Command::Validate { format } => cmd_validate(&settings, format),
        Command::Schema { output } => cmd_schema(&settings, output),
    }
}

fn resolve(args: &Args) -> Result<Settings, Error> {
    let root = match &args.root {
        Some(root) => root.clone(),
        None => std::env::current_dir()
            .map_err(|e| Error::Other(format!("cannot read the current directory: {e}")))?,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
    };
    Ok(Settings {
        root,
        lang: args.lang,
        color,
    })
}

/// Loads and validates the workspace.
pub fn check(settings: &Settings) -> Result<(Workspace, Vec<Diagnostic>), Error> {
    let (ws, mut diagnostics) = load::load(&settings.root, Limits::default())?;
    let facts = Facts::gather(&ws);
    diagnostics.extend(validate::validate(&ws, &facts));
    diag::sort(&mut diagnostics);
    Ok((ws, diagnostics))
}

fn workspace_lang(ws: &Workspace) -> Option<Lang> {
    ws.manifest
        .as_ref()
        .and_then(|m| m.value.languages.first().copied())
}

fn stdout(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Error::Stdout)
}

fn cmd_validate(settings: &Settings, format: Format) -> Result<Outcome, Error> {
    let (ws, diagnostics) = check(settings)?;
    let lang = settings.lang_for(workspace_lang(&ws));
    let options = render::Options {
        lang,
        color: settings.color && format == Format::Human,
    };
    let mut text = render::render(&diagnostics, &ws.sources, format, options);
    let (errors, warnings) = diag::count(&diagnostics);
    if format != Format::Json {
        text.push_str(&summary(&ws, errors, warnings, lang));
        text.push('\n');
    }
    stdout(&text)?;
    Ok(if errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

/// The one-line summary of `validate`.
pub fn summary(ws: &Workspace, errors: usize, warnings: usize, lang: Lang) -> String {
    let files = ws.files;
    let institutions = ws.institutions.len();
    let commitments = ws.commitments.len();
    let periods = ws.manifest.as_ref().map_or(0, |m| m.value.periods.len());
    match lang {
        Lang::En => format!(
            "checked {files} files: {institutions} institutions, {commitments} commitments, {periods} periods — {errors} {}, {warnings} {}",
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

fn cmd_schema(settings: &Settings, dir: Option<PathBuf>) -> Result<Outcome, Error> {
    let dir = dir.unwrap_or_else(|| settings.root.join("schema"));
    for (name, text) in schema::all() {
        output::write_atomic(&dir.join(name), text.as_bytes())?;
    }
    stdout(&format!("{}\n", dir.display()))?;
    Ok(Outcome::Ok)
}
