//! Settings: the command line and environment, resolved once into one
//! immutable value before any work starts. Nothing downstream reads
//! `std::env` or the argument structs.

use std::path::PathBuf;

use crate::model::Lang;

/// Where colour may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Settings shared by every command.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Absolute path of the workspace root.
    pub root: PathBuf,
    /// Language asked for with `--lang` or `TERBUKA_LANG`; when `None`, the
    /// workspace's first language is used.
    pub lang: Option<Lang>,
    /// Whether stdout gets ANSI colours.
    pub color: bool,
    /// `SOURCE_DATE_EPOCH`: when set, the date reports carry (else the end
    /// of the period they report on).
    pub source_date_epoch: Option<i64>,
    /// What the loader accepts: the defaults, or `TERBUKA_MAX_FILE_BYTES`,
    /// `TERBUKA_MAX_FILES` and `TERBUKA_MAX_TEXT_CHARS`.
    pub limits: crate::load::Limits,
    /// What a report may take: the defaults, or `TERBUKA_TEMPLATE_FUEL`,
    /// `TERBUKA_MAX_TYPESET_SECONDS`, `TERBUKA_MAX_MEMORY_MB`,
    /// `TERBUKA_MAX_PAGES` and `TERBUKA_MAX_OUTPUT_BYTES`.
    pub report_limits: crate::report::limits::Limits,
    /// Whether the parse cache is used (`--no-cache` turns it off).
    pub cache: bool,
}

impl Settings {
    /// What an engine on this workspace is opened with; when Typst runs
    /// past a limit, `on_overrun` is told why, in the report's language.
    pub fn engine_options(&self, on_overrun: Option<crate::engine::Overrun>) -> crate::engine::Options {
        crate::engine::Options {
            root: self.root.clone(),
            lang: self.lang,
            limits: self.limits,
            report_limits: self.report_limits,
            on_overrun,
            source_date_epoch: self.source_date_epoch,
            cache: self.cache,
            fallback_lang: fallback_lang(),
        }
    }

    /// The language for messages: the one asked for, else the workspace's
    /// first (read leniently from `terbuka.yaml` when it does not load),
    /// else the system's (see [`fallback_lang`]).
    pub fn lang_for(&self, workspace_first: Option<Lang>) -> Lang {
        self.lang.or(workspace_first).or_else(|| crate::load::first_lang(&self.root)).unwrap_or_else(fallback_lang)
    }
}

/// The language when neither `--lang`, `TERBUKA_LANG` nor the workspace
/// says: the system's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) when it is
/// English or Indonesian, else Indonesian, the language of the people who
/// fill the files in. Never silently English.
pub fn fallback_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_default();
    match locale.get(..2) {
        Some("en") => Lang::En,
        _ => Lang::Id,
    }
}

/// The workspace `start` is in: the nearest of `start` and its ancestors
/// that holds a `terbuka.yaml`, as git and cargo look upward (`None` when
/// none does).
pub fn find_root(start: &std::path::Path) -> Option<PathBuf> {
    start.ancestors().find(|dir| dir.join("terbuka.yaml").is_file()).map(std::path::Path::to_path_buf)
}
