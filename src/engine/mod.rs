//! The workspace engine: it owns a loaded workspace and works out each
//! stage of the pipeline on demand, once — the diagnostics, the scores of
//! each period, the hashes of cited files, the renderer with its
//! templates and Typst's warm state — and knows which stages an edit to a
//! given file invalidates ([`Engine::apply`]).
//!
//! Every command is a thin adapter over it (arguments → engine → output),
//! and so is `watch`, which keeps one engine for as long as it runs: after
//! an edit to an assessment only that period is scored again, after an
//! edit to a template nothing is validated again, and Typst's memoised
//! layouts and the loaded fonts stay warm between renders.
//!
//! The engine reads files (through `load`, `evidence` and `report`) but
//! never writes one, but the parse cache, and never prints: messages are
//! [`Msg`]s for the caller to show.

mod changes;
mod checked;
mod jobs;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::diag::{self, Diagnostic, Msg};
use crate::load::{self, Limits, Workspace};
use crate::model::{Lang, Period};
use crate::report::limits::OnOverrun;

/// What to do when Typst runs past a limit, told the report's language.
#[derive(Clone)]
pub struct Overrun(pub std::sync::Arc<dyn Fn(crate::report::limits::Overrun, Lang) + Send + Sync>);

impl std::fmt::Debug for Overrun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Overrun")
    }
}
use crate::report::view::Hashes;
use crate::report::{Failure, Renderer, Strings};
use crate::score::{self, Scores};
use crate::validate::{self, Facts};
use crate::{msg, output, timings};

pub use changes::{Applied, Change};
pub use checked::{Checked, Summary, quick};
pub use jobs::{Job, JobError, JobKind, content_hashes, shown};

/// What an engine is opened with (resolved once, from the command line and
/// the environment).
#[derive(Debug, Clone)]
pub struct Options {
    /// The workspace root.
    pub root: PathBuf,
    /// The language asked for; `None` takes the workspace's first.
    pub lang: Option<Lang>,
    /// What the loader accepts.
    pub limits: Limits,
    /// What a report may take.
    pub report_limits: crate::report::limits::Limits,
    /// What to do when Typst runs past a limit (the caller says why, in
    /// the engine's language, and ends the run); `None` leaves Typst
    /// unwatched.
    pub on_overrun: Option<Overrun>,
    /// `SOURCE_DATE_EPOCH`: the date reports carry, when set.
    pub source_date_epoch: Option<i64>,
    /// Whether to use the parse cache (`out/.cache/parse.bin`).
    pub cache: bool,
    /// The language when neither `lang` nor the workspace says (the
    /// system's, resolved by the caller: the engine reads no environment).
    pub fallback_lang: Lang,
}

impl Options {
    /// The day due dates are checked against: `SOURCE_DATE_EPOCH`'s, else
    /// today's.
    pub fn today(&self) -> crate::model::Date {
        crate::cycle::today(self.source_date_epoch)
    }
}

/// How often each stage ran: for tests of what an edit invalidates, and
/// for `TERBUKA_TIMINGS`.
#[derive(Debug, Default)]
pub struct Stats {
    /// YAML files read and parsed (not taken from a cache).
    pub files_parsed: AtomicUsize,
    /// Files taken from the parse cache.
    pub files_cached: AtomicUsize,
    /// Whole-workspace validations.
    pub validations: AtomicUsize,
    /// Periods scored, by period.
    pub scored: Mutex<BTreeMap<String, usize>>,
    /// Template sets loaded (and compiled).
    pub template_loads: AtomicUsize,
    /// Documents rendered from a template.
    pub renders: AtomicUsize,
}

impl Stats {
    /// How many times `period` was scored.
    pub fn scored(&self, period: &str) -> usize {
        self.scored.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(period).copied().unwrap_or(0)
    }

    fn count_scored(&self, period: &str) {
        *self.scored.lock().unwrap_or_else(std::sync::PoisonError::into_inner).entry(period.to_owned()).or_default() +=
            1;
    }
}

/// A loaded workspace and everything worked out from it so far.
#[derive(Debug)]
pub struct Engine {
    options: Options,
    ws: Workspace,
    /// Problems of form, by file (`load`'s), kept apart so that one file
    /// read again replaces only its own.
    load_diagnostics: BTreeMap<String, Vec<Diagnostic>>,
    cache_note: Option<Msg>,
    /// The text digest of every file as loaded (with the caches on, when
    /// every file read as text), for the result cache; dropped by an edit.
    digests: Option<Vec<(String, load::cache::Digest32)>>,
    /// Whether the diagnostics came from the result cache.
    recalled: std::sync::atomic::AtomicBool,
    /// The thread writing the parse cache, joined before the engine ends.
    cache_writer: Mutex<Option<std::thread::JoinHandle<Result<(), output::WriteError>>>>,
    facts: OnceLock<Facts>,
    /// Hashes of cited and sealed files from facts dropped by an edit, for
    /// the files that did not change since.
    known_hashes: BTreeMap<String, (String, u64)>,
    diagnostics: OnceLock<Vec<Diagnostic>>,
    scores: OnceLock<Scores>,
    /// SHA-256 and size of cited files hashed so far.
    hashes: Mutex<Hashes>,
    inputs: OnceLock<output::Inputs>,
    renderer: OnceLock<Result<Renderer, Failure>>,
    strings: OnceLock<Result<Strings, Failure>>,
    stats: Stats,
}

/// Groups diagnostics by the file they are in.
fn by_file(diagnostics: Vec<Diagnostic>) -> BTreeMap<String, Vec<Diagnostic>> {
    let mut out: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        let file = d.location.as_ref().map(|l| l.file.to_string()).unwrap_or_default();
        out.entry(file).or_default().push(d);
    }
    out
}

impl Engine {
    /// Loads the workspace at `options.root`, through the parse cache when
    /// asked; `progress` hears how far reading has got.
    pub fn open(options: Options, progress: &(dyn Fn(load::Progress) + Sync)) -> Result<Engine, load::LoadError> {
        let stats = Stats::default();
        let (ws, diagnostics, cache_note, cache_writer, digests) =
            timings::time(timings::LOAD, || -> Result<_, load::LoadError> {
                if !options.cache {
                    let (ws, d) = load::load_with(&options.root, options.limits, progress, None)?;
                    return Ok((ws, d, None, None, None));
                }
                let root = options.root.canonicalize().unwrap_or_else(|_| options.root.clone());
                let mut cache = load::Cache::open(&root, options.limits);
                let (ws, d) = load::load_with(&options.root, options.limits, progress, Some(&mut cache))?;
                stats.files_cached.store(cache.hits(), Ordering::Relaxed);
                let note = cache.note.take();
                let digests = cache.seen();
                let writer = (cache.changed()).then(|| load::Cache::path(&ws.root)).flatten().and_then(|path| {
                    // The cache only saves time: a folder that cannot hold it
                    // costs the next run its speed, nothing else. It is written
                    // while the command goes on.
                    let root = ws.root.clone();
                    let write = move || {
                        timings::time(timings::WRITE_CACHE, || output::write_cache(&root, &path, &cache.to_bytes()))
                    };
                    std::thread::Builder::new().name("terbuka-cache".into()).spawn(write).ok()
                });
                Ok((ws, d, note, writer, digests))
            })?;
        stats
            .files_parsed
            .store(ws.files.saturating_sub(stats.files_cached.load(Ordering::Relaxed)), Ordering::Relaxed);
        Ok(Engine {
            options,
            ws,
            load_diagnostics: by_file(diagnostics),
            cache_note,
            digests,
            recalled: std::sync::atomic::AtomicBool::new(false),
            cache_writer: Mutex::new(cache_writer),
            facts: OnceLock::new(),
            known_hashes: BTreeMap::new(),
            diagnostics: OnceLock::new(),
            scores: OnceLock::new(),
            hashes: Mutex::new(Hashes::new()),
            inputs: OnceLock::new(),
            renderer: OnceLock::new(),
            strings: OnceLock::new(),
            stats,
        })
    }

    /// The options it was opened with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The loaded workspace.
    pub fn workspace(&self) -> &Workspace {
        &self.ws
    }

    /// How often each stage ran.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Why the parse cache was ignored, if it was.
    pub fn cache_note(&self) -> Option<&Msg> {
        self.cache_note.as_ref()
    }

    /// The language of messages and reports: the one asked for, else the
    /// workspace's first (read leniently when `terbuka.yaml` does not
    /// load), else [`Options::fallback_lang`].
    pub fn lang(&self) -> Lang {
        self.options
            .lang
            .or_else(|| self.workspace_lang())
            .or_else(|| load::first_lang(&self.options.root))
            .unwrap_or(self.options.fallback_lang)
    }

    /// The workspace's first language, if `terbuka.yaml` loaded.
    pub fn workspace_lang(&self) -> Option<Lang> {
        self.ws.manifest.as_ref().and_then(|m| m.value.languages.first().copied())
    }

    /// The file-system facts validation needs (cited paths checked, hashed
    /// when sealed).
    pub fn facts(&self) -> &Facts {
        self.facts.get_or_init(|| {
            timings::time(timings::CHECK_FILES, || {
                Facts::gather_known(&self.ws, &self.known_hashes).on(self.options.today())
            })
        })
    }

    /// Every problem: of form (from loading) and of content (validation),
    /// sorted.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.diagnostics.get_or_init(|| {
            let facts = self.facts();
            // The result cache answers when no file and no fact changed
            // since it was written.
            if let Some(recalled) = timings::time(timings::VALIDATE, || self.recall()) {
                self.recalled.store(true, Ordering::Relaxed);
                return recalled;
            }
            self.stats.validations.fetch_add(1, Ordering::Relaxed);
            let mut all = self.load_diagnostics.values().flatten().cloned().collect::<Vec<_>>();
            all.extend(timings::time(timings::VALIDATE, || validate::validate(&self.ws, facts)));
            diag::sort(&mut all);
            all
        })
    }

    /// (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        diag::count(self.diagnostics())
    }

    /// Whether the workspace has any error.
    pub fn has_errors(&self) -> bool {
        self.counts().0 > 0
    }

    /// Drops the location indexes built for diagnostics (a one-shot run
    /// that found no error needs the memory for its report); they are
    /// built again if asked for.
    pub fn forget_locations(&mut self) {
        self.ws.forget_locations();
    }

    /// The scores of every period.
    pub fn scores(&self) -> &Scores {
        self.scores.get_or_init(|| {
            let scores = timings::time(timings::SCORE, || score::score(&self.ws));
            for p in &scores.periods {
                self.stats.count_scored(&p.period);
            }
            scores
        })
    }

    /// The periods in date order.
    pub fn periods(&self) -> Vec<&Period> {
        let mut periods =
            self.ws.manifest.as_ref().map(|m| m.value.periods.iter().collect::<Vec<_>>()).unwrap_or_default();
        periods.sort_by_key(|p| p.start);
        periods
    }

    /// A period by id.
    pub fn period(&self, id: &str) -> Option<&Period> {
        self.ws.manifest.as_ref()?.value.periods.iter().find(|p| p.id == id)
    }

    /// The period a command names: `id` checked against `terbuka.yaml`
    /// (with a did-you-mean), or the default — the newest period that has
    /// assessments (a period just added, with one institution started, is
    /// not yet the one to report on), else the newest.
    pub fn period_arg(&self, id: Option<&str>) -> Result<String, Msg> {
        let Some(manifest) = &self.ws.manifest else {
            return Err(msg!("the workspace has no terbuka.yaml", "ruang kerja tidak memiliki terbuka.yaml"));
        };
        let periods = &manifest.value.periods;
        match id {
            Some(id) if periods.iter().any(|p| p.id == id) => Ok(id.to_owned()),
            Some(id) => Err(unknown_period(id, periods.iter().map(|p| p.id.as_str()))),
            None => {
                let assessed = |p: &&Period| self.ws.assessments.iter().any(|a| a.value.period == p.id);
                periods
                    .iter()
                    .filter(assessed)
                    .max_by_key(|p| p.start)
                    .or_else(|| periods.iter().max_by_key(|p| p.start))
                    .map(|p| p.id.clone())
                    .ok_or_else(|| msg!("terbuka.yaml lists no periods", "terbuka.yaml tidak mencantumkan periode"))
            }
        }
    }

    /// Checks an institution id a command names, with a did-you-mean.
    pub fn institution_arg(&self, id: &str) -> Result<(), Msg> {
        let ids = self.ws.institutions_by_id();
        if ids.contains_key(id) {
            return Ok(());
        }
        Err(unknown_institution(id, ids.keys().copied()))
    }

    /// SHA-256 and size of every file cited in the assessments of
    /// `periods` (of every period when `None`): those hashed before, by
    /// validation or an earlier call, and the others now, in parallel.
    pub fn hashes(&self, periods: Option<&[&str]>) -> Hashes {
        let files: BTreeSet<&str> = self
            .ws
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
        let mut memo = self.hashes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let sealed = &self.facts.get().map(|f| &f.hashes);
        let missing = files
            .iter()
            .copied()
            .filter(|f| !memo.contains_key(*f) && sealed.is_none_or(|h| !h.contains_key(*f)))
            .collect::<Vec<_>>();
        let fresh = timings::time(timings::HASH, || crate::evidence::hash_all(&self.ws.root, missing));
        memo.extend(fresh);
        files
            .into_iter()
            .filter_map(|f| {
                let known = memo.get(f).or_else(|| sealed.and_then(|h| h.get(f)));
                known.map(|h| (f.to_owned(), h.clone()))
            })
            .collect()
    }

    /// The workspace's inputs, which no output may replace (worked out
    /// when first asked: it resolves every input's path).
    pub fn inputs(&self) -> &output::Inputs {
        self.inputs.get_or_init(|| {
            timings::time(timings::INPUTS, || {
                let facts = self.facts();
                let ws = &self.ws;
                // A file read without a link is where it says; only the
                // others need resolving.
                let (linked, plain): (Vec<_>, Vec<_>) =
                    ws.sources.paths().map(|p| &**p).partition(|p| ws.linked.contains(*p));
                let cited = validate::cited_paths(ws).filter(|p| !facts.resolved.contains_key(*p));
                let files =
                    linked.into_iter().chain(["terbuka.yaml", "evidence.lock"]).chain(cited).collect::<Vec<_>>();
                let real = plain.into_iter().map(|p| ws.root.join(p)).chain(facts.resolved.values().cloned());
                output::Inputs::new(&ws.root, files, real, INPUT_DIRS)
            })
        })
    }

    /// The renderer: templates loaded (built in, or the workspace's own)
    /// and compiled, allowed to read the cited evidence, bounded by the
    /// report limits.
    pub fn renderer(&self) -> Result<&Renderer, &Failure> {
        self.renderer
            .get_or_init(|| {
                self.stats.template_loads.fetch_add(1, Ordering::Relaxed);
                let renderer = timings::time(timings::TEMPLATES, || Renderer::new(&self.ws.root))?;
                let renderer = renderer.with_cited(validate::cited_paths(&self.ws).map(str::to_owned));
                Ok(match &self.options.on_overrun {
                    Some(Overrun(on)) => {
                        let (on, lang) = (on.clone(), self.lang());
                        let on = OnOverrun(std::sync::Arc::new(move |o| on(o, lang)));
                        renderer.with_limits(self.options.report_limits, on)
                    }
                    None => renderer.with_limits(self.options.report_limits, OnOverrun::none()),
                })
            })
            .as_ref()
    }

    /// The report strings in the engine's language.
    pub fn strings(&self) -> Result<&Strings, &Failure> {
        self.strings
            .get_or_init(|| match self.renderer() {
                Ok(renderer) => renderer.strings(self.lang()),
                Err(failure) => Err(failure.clone()),
            })
            .as_ref()
    }

    /// The date a report on what ends at `end` carries.
    pub fn document_date(&self, end: crate::model::Date) -> crate::model::Date {
        crate::report::document_date(self.options.source_date_epoch, end)
    }

    /// The stable identifier of a document (hashed into the PDF's id).
    pub fn ident(&self, kind: &str, parts: &[&str]) -> String {
        let jurisdiction = self.ws.manifest.as_ref().map_or("", |m| m.value.jurisdiction.id.as_str());
        format!("terbuka/{jurisdiction}/{kind}/{}/{}", parts.join("/"), self.lang().code())
    }

    /// Ends a one-shot run: the engine is not taken apart piece by piece
    /// (freeing a big workspace's hundreds of thousands of allocations
    /// costs tens of milliseconds); the process's end frees it whole.
    pub fn finish(self) {
        self.wait_for_cache();
        std::mem::forget(self);
    }

    /// Waits until the parse cache is written.
    pub fn wait_for_cache(&self) {
        let writer = self.cache_writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        if let Some(writer) = writer {
            let _ = writer.join();
        }
    }

    /// Re-reads the files that changed and drops what they invalidate (see
    /// [`Change`]): a changed assessment or review re-scores its period only;
    /// a changed template reloads the templates and nothing else; a
    /// changed evidence file is hashed again.
    pub fn apply(&mut self, paths: &[PathBuf]) -> Applied {
        changes::apply(self, paths)
    }

    /// The workspace as it would be were the YAML file `rel` (relative,
    /// `/`-separated) saved with `text` — or removed, with `None` — without
    /// reading or writing it: a form's draft or a workbook being imported
    /// is checked against the whole workspace this way, and
    /// [`Engine::diagnostics`] then says what `validate` would say of it.
    /// It drops what [`Engine::apply`] would drop. `apply` on the same
    /// path reads the file on disk again. Nothing happens when `rel` is
    /// not a workspace YAML file (`Applied::any` is false).
    pub fn edit_text(&mut self, rel: &str, text: Option<&str>) -> Applied {
        if load::kind_of(rel).is_none() {
            return Applied { periods: Some(BTreeSet::new()), ..Applied::default() };
        }
        let texts = std::iter::once((rel.to_owned(), text)).collect();
        changes::apply_texts(self, &[PathBuf::from(rel)], &texts)
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.wait_for_cache();
    }
}

/// The folders terbuka reads from: nothing is ever written into them.
pub const INPUT_DIRS: &[&str] =
    &["evidence", "report-templates", "commitments", "institutions", "rubrics", "assessments", "reviews"];

/// " (did you mean `x`?)" in both languages, or nothing.
fn did_you_mean<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> (String, String) {
    match diag::closest(id, known) {
        Some(b) => (format!(" (did you mean `{b}`?)"), format!(" (mungkin maksud Anda `{b}`?)")),
        None => Default::default(),
    }
}

/// "Unknown period", with a did-you-mean and the periods there are.
pub fn unknown_period<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Msg {
    let known = known.into_iter().collect::<Vec<_>>();
    let (hint_en, hint_id) = did_you_mean(id, known.iter().copied());
    let known = known.join(", ");
    msg!(
        "unknown period `{id}`{hint_en}; the periods are: {known}",
        "periode `{id}` tidak dikenal{hint_id}; periode yang ada: {known}"
    )
}

/// "Unknown institution", with a did-you-mean.
pub fn unknown_institution<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Msg {
    let (hint_en, hint_id) = did_you_mean(id, known);
    msg!("unknown institution `{id}`{hint_en}", "institusi `{id}` tidak dikenal{hint_id}")
}

/// "Unknown commitment", with a did-you-mean.
pub fn unknown_commitment<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Msg {
    let (hint_en, hint_id) = did_you_mean(id, known);
    msg!("unknown commitment `{id}`{hint_en}", "komitmen `{id}` tidak dikenal{hint_id}")
}

/// "No scores for the period" (the period has no assessments).
pub fn no_scores(period: &str) -> Msg {
    msg!(
        "no scores for `{period}`: no institution has an assessment for it",
        "belum ada skor untuk `{period}`: belum ada institusi yang mengisi penilaian mandiri untuk periode itu"
    )
}

/// "The institution has no assessment for the period", with the command
/// that starts one.
pub fn no_assessment(id: &str, period: &str) -> Msg {
    msg!(
        "`{id}` has no assessment for `{period}` (start one with `terbuka new assessment --institution {id} --period {period}`)",
        "`{id}` belum memiliki penilaian mandiri untuk `{period}` (buat dengan `terbuka new assessment --institution {id} --period {period}`)"
    )
}

/// The path of `path` relative to `root`, `/`-separated, when it is inside.
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts = rel.components().map(|c| c.as_os_str().to_str()).collect::<Option<Vec<_>>>()?;
    Some(parts.join("/"))
}
