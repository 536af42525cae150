//! The command-line arguments (clap derive). [`super::resolve`] turns them
//! into [`crate::settings::Settings`] once; nothing after that reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::diag::render::Format;
use crate::model::Lang;
use crate::settings::ColorChoice;

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
    /// Parse every YAML file, without the parse cache (`out/.cache/parse.bin`).
    #[arg(long, global = true)]
    pub no_cache: bool,
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
        /// Also warn about every text written in one language only (W011), when the workspace reports in two.
        #[arg(long)]
        translations: bool,
        /// Only problems in these files of the workspace (all are checked; only theirs are shown).
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
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
    Report(ReportArgs),
    /// List what is due and what is late today (or on SOURCE_DATE_EPOCH's day): assessments, reviews, milestones, the forum, the website.
    Status {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: StatusFormat,
        /// Exit with 1 when anything is late (for a steering committee's CI).
        #[arg(long)]
        fail_on_overdue: bool,
    },
    /// Write the citizen website: a static, bilingual site of the plan, its commitments and institutions.
    Site {
        /// The period the site shows (default: the latest with assessments); earlier ones give the history.
        #[arg(long)]
        period: Option<String>,
        /// Folder to write the site into (default: `out/site/`); replaced whole.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Write the scores and IRM fields as open data (CSV, JSON or a spreadsheet).
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
    /// Start a new file: a self-assessment or a review carried forward from the previous period, or a workspace.
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
    /// Watch the workspace and write a report or the site again on every save.
    Watch {
        #[command(subcommand)]
        what: WatchCommand,
    },
}

/// What `terbuka report` writes.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// The period (default: the newest that has assessments).
    #[arg(long)]
    pub period: Option<String>,
    /// One institution's scorecard instead of the period report.
    #[arg(long, conflicts_with = "all")]
    pub institution: Option<String>,
    /// Every institution's scorecard, in parallel.
    #[arg(long)]
    pub all: bool,
    /// The file to write (default: `out/report-<period>-<lang>.pdf`); with `--all`, the directory.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Also write the generated Typst file beside each PDF (for debugging templates).
    #[arg(long)]
    pub typ: bool,
    /// A report of the monitoring body's cycle instead of the period report: `inception`, `end-of-commitment` (with `--commitment`) or `results`.
    #[arg(long, value_enum, conflicts_with_all = ["institution", "all", "period"])]
    pub stage: Option<CycleStage>,
    /// With `--stage end-of-commitment`: the commitment's id.
    #[arg(long, requires = "stage")]
    pub commitment: Option<String>,
}

/// The monitoring body's reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CycleStage {
    /// The inception assessment (the Action Plan Review's anatomy).
    Inception,
    /// One commitment's end-of-commitment assessment.
    EndOfCommitment,
    /// The Results Report, once the plan has ended.
    Results,
}

/// What `terbuka watch` writes again on every save.
#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// The report (`terbuka report` with the same options), written again after each change.
    Report(ReportArgs),
    /// The citizen website (`terbuka site` with the same options), written again after each change.
    Site {
        /// The period the site shows (default: the latest with assessments).
        #[arg(long)]
        period: Option<String>,
        /// Folder to write the site into (default: `out/site/`); replaced whole.
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
    /// Write `reviews/<period>.yaml`, carrying the previous review forward unconfirmed; never overwrites.
    Review {
        /// The period the review is of.
        #[arg(long)]
        period: String,
        /// The stage (`design` or `results` for refreshed-2021, `mid-term` or `end-of-term` for the legacy methodologies; default: design until there is a design review, then results).
        #[arg(long, value_parser = parse_stage)]
        stage: Option<crate::model::Stage>,
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

/// Formats of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// An aligned table for the terminal.
    Table,
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
    /// `terbuka.xlsx`: one workbook, a sheet per table.
    Xlsx,
}

pub(crate) fn parse_stage(s: &str) -> Result<crate::model::Stage, String> {
    crate::model::Stage::ALL
        .into_iter()
        .find(|stage| stage.as_str() == s)
        .ok_or_else(|| format!("unknown stage `{s}`: use design, results, mid-term or end-of-term"))
}

pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("unknown language `{s}`: use `id` or `en`"))
}
