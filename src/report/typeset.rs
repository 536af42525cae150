//! Typesetting in-process: a Typst `World` that serves the generated main
//! file, the templates' Typst library (`style.typ`), files inside the
//! workspace and nothing else, with fonts embedded in the binary and a fixed
//! date; then PDF export with fixed identifiers, so the same inputs give the
//! same bytes.
//!
//! Fonts and the standard library are built once per process and shared by
//! every report of a batch; comemo's memoisation is shared too, so a second
//! report reuses the layout work of the first where it can.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use typst::diag::{FileError, FileResult, PackageError, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};

use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::files;
use crate::fonts::fonts;
use crate::model::Date;
use crate::timings;

/// Largest workspace file a report may read (an image cited as evidence).
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The virtual directory of generated and template files, so they never
/// collide with a workspace file.
const GENERATED_DIR: &str = "/.terbuka";

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// Whether the process ends once its one report is written.
static ENDS_AFTER_ONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says that this process ends once its one report is written: the
/// report's view, Typst's world and the laid-out document are then left
/// for the process's end to free, as `Engine::finish` leaves the engine
/// (freeing a big report's millions of small allocations one by one costs
/// tens of milliseconds). `report` and `compare --format pdf` say it for
/// one document; a batch and `watch` never do, and free each report's.
pub fn ends_after_one() {
    ENDS_AFTER_ONE.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Frees `value`, or leaves it for the process's end ([`ends_after_one`]).
pub(crate) fn discard<T>(value: T) {
    if ENDS_AFTER_ONE.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

/// Loads the fonts and the standard library now (they are otherwise loaded
/// by the first report), e.g. on a thread of its own while the workspace is
/// read and validated.
pub fn warm_up() {
    timings::time(timings::WARM_UP, || {
        let _ = fonts();
        let _ = library();
    });
}

/// The files a world serves from memory under `/.terbuka/` (the
/// templates' `.typ`), parsed once and shared by every report of a batch
/// (a `Source` clone is a reference count).
#[derive(Debug, Clone, Default)]
pub struct VirtualFiles(HashMap<FileId, Source>);

impl VirtualFiles {
    /// Parses `(file name, text)` pairs.
    pub fn new<'t>(files: impl IntoIterator<Item = (&'t str, &'t str)>) -> Option<VirtualFiles> {
        let mut map = HashMap::new();
        for (name, text) in files {
            let id = generated_id(name)?;
            map.insert(id, Source::new(id, text.to_owned()));
        }
        Some(VirtualFiles(map))
    }
}

/// The generated main file last typeset, by the path it is shown as
/// (where `--typ` writes it), kept so that the next one at that path
/// (`watch`'s next save) is parsed incrementally: Typst reparses only the
/// text between the first and the last change. Another path (the next
/// scorecard of a batch) is parsed whole, so that what a document's parse
/// starts from never depends on which document a thread made before it.
#[derive(Debug, Default)]
pub struct LastMain(Mutex<Option<(String, Source)>>);

impl LastMain {
    /// The source of `text` shown as `path`.
    fn source(&self, path: &str, text: String) -> Option<Source> {
        let last = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        match last {
            Some((last_path, mut source)) if last_path == path => {
                source.replace(&text);
                Some(source)
            }
            _ => Some(Source::new(generated_id("report.typ")?, text)),
        }
    }

    /// Keeps `source`, shown as `path`, for the next report at that path.
    pub fn keep(&self, path: &str, source: &Source) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some((path.to_owned(), source.clone()));
    }
}

/// The world one report is typeset in.
pub struct ReportWorld {
    root: PathBuf,
    main: Source,
    virtual_files: VirtualFiles,
    today: Datetime,
    readable: Readable,
    cache: Mutex<HashMap<FileId, FileResult<Bytes>>>,
}

impl std::fmt::Debug for ReportWorld {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportWorld").field("root", &self.root).field("main", &self.main.id()).finish()
    }
}

fn generated_id(name: &str) -> Option<FileId> {
    VirtualPath::new(format!("{GENERATED_DIR}/{name}")).ok().map(|p| RootedPath::new(VirtualRoot::Project, p).intern())
}

impl ReportWorld {
    /// A world whose main file is `main` (the generated Typst, shown as
    /// `path`; parsed incrementally from `last` when it holds the previous
    /// text at that path), with `files` beside it, reading workspace files
    /// under `root`, and whose `today()` is `today`.
    pub fn new(
        root: PathBuf,
        (path, main, last): (&str, String, &LastMain),
        files: &VirtualFiles,
        today: Date,
        readable: Readable,
    ) -> Option<ReportWorld> {
        use chrono::Datelike;
        let today = Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8)?;
        Some(ReportWorld {
            root,
            main: last.source(path, main)?,
            virtual_files: files.clone(),
            today,
            readable,
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// The generated main source.
    pub fn main_source(&self) -> &Source {
        &self.main
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!(
                    "Typst packages such as `{spec}` are not available: terbuka typesets offline, \
                     so reports draw with Typst's own functions"
                )
                .into(),
            ))));
        }
        let rel = id.vpath().get_without_slash();
        if rel.starts_with(&GENERATED_DIR[1..]) {
            return Err(FileError::NotFound(PathBuf::from(id.vpath().get_with_slash())));
        }
        if let Err(why) = self.readable.allows(rel) {
            return Err(FileError::Other(Some(why.into())));
        }
        match files::read(&self.root, rel, MAX_FILE_BYTES) {
            Ok(bytes) => Ok(Bytes::new(bytes)),
            Err(files::Problem::Missing) => Err(FileError::NotFound(PathBuf::from(rel))),
            Err(files::Problem::TooBig { .. }) => Err(FileError::Other(Some(
                format!("`{rel}` is larger than {} MiB", MAX_FILE_BYTES / 1024 / 1024).into(),
            ))),
            Err(files::Problem::Io(e)) => Err(FileError::Other(Some(format!("cannot read `{rel}`: {e}").into()))),
            Err(_) => Err(FileError::AccessDenied),
        }
    }
}

/// What a report's Typst may read from the workspace: the templates, the
/// workspace's own YAML, and the evidence its assessments cite — never a
/// hidden file or folder (`.git/`, `.env`), `out/`, or anything else.
#[derive(Debug, Clone, Default)]
pub struct Readable {
    cited: std::sync::Arc<std::collections::BTreeSet<String>>,
}

/// The folders of a workspace's own data, which a template may read.
const DATA_DIRS: &[&str] = &["report-templates", "commitments", "institutions", "rubrics", "assessments", "reviews"];

impl Readable {
    /// Templates and data, and the `cited` evidence paths.
    pub fn new(cited: impl IntoIterator<Item = String>) -> Readable {
        Readable { cited: std::sync::Arc::new(cited.into_iter().collect()) }
    }

    /// Whether a report may read `rel`, or why not.
    pub fn allows(&self, rel: &str) -> Result<(), &'static str> {
        let steps = rel.split('/').collect::<Vec<_>>();
        if steps.iter().any(|s| s.starts_with('.')) {
            return Err("reports do not read hidden files or folders (such as .git or .env)");
        }
        match steps.as_slice() {
            ["terbuka.yaml"] => Ok(()),
            [dir, _, ..] if DATA_DIRS.contains(dir) => Ok(()),
            _ if self.cited.contains(rel) => Ok(()),
            ["out", ..] => Err("reports do not read terbuka's own outputs (out/)"),
            _ => {
                Err("reports read only the templates, the workspace's YAML files and the evidence its assessments cite")
            }
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        if let Some(s) = self.virtual_files.0.get(&id) {
            return Ok(s.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        if let Some(s) = self.virtual_files.0.get(&id) {
            return Ok(Bytes::from_string(s.clone()));
        }
        let mut cache = self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cache.entry(id).or_insert_with(|| self.read(id)).clone()
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().face(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// A Typst error, located in one of the world's sources.
#[derive(Debug, Clone)]
pub struct TypstError {
    /// Typst's message.
    pub message: String,
    /// The limit the report went past, when that is the error instead.
    pub past: Option<super::rules::PastLimit>,
    /// Typst's hints.
    pub hints: Vec<String>,
    /// `report.typ` (the generated file), `style.typ`, or a workspace path.
    pub file: Option<String>,
    /// Byte range in that file.
    pub range: Option<std::ops::Range<usize>>,
}

/// Identifiers fixed for the PDF, so two runs give the same bytes.
#[derive(Debug, Clone)]
pub struct PdfMeta {
    /// A stable identifier of the document (kind, jurisdiction, period,
    /// language), hashed into the PDF's document id.
    pub ident: String,
    /// The document's creation date.
    pub date: Date,
}

/// Compiles the world's main file and exports it as PDF/A-2b.
pub fn typeset(
    world: &ReportWorld,
    meta: &PdfMeta,
    limits: &super::limits::Limits,
) -> Result<(Vec<u8>, usize), Vec<TypstError>> {
    use chrono::Datelike;
    let compiled = timings::time(timings::TYPESET, || typst::compile::<PagedDocument>(world));
    let document = compiled.output.map_err(|errors| convert(world, &errors))?;
    let pages = document.pages().len();
    if pages as u64 > limits.pages {
        let max = limits.pages;
        return Err(vec![TypstError {
            message: String::new(),
            past: Some(super::rules::PastLimit::Pages { pages, max }),
            hints: Vec::new(),
            file: None,
            range: None,
        }]);
    }
    let timestamp = Datetime::from_ymd_hms(meta.date.year(), meta.date.month() as u8, meta.date.day() as u8, 0, 0, 0)
        .map(typst_pdf::Timestamp::new_utc);
    let standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b]).map_err(|e| {
        vec![TypstError { message: e.message().to_string(), past: None, hints: Vec::new(), file: None, range: None }]
    })?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(meta.ident.clone()),
        creator: Smart::Custom(Some(format!("terbuka {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    let pdf = timings::time(timings::EXPORT_PDF, || {
        let pdf = typst_pdf::pdf(&document, &options);
        // Freeing the laid-out document is part of Typst's work too.
        discard(document);
        pdf
    });
    let pdf = pdf.map_err(|errors| convert(world, &errors))?;
    if pdf.len() as u64 > limits.output_bytes {
        let (size, max) = (pdf.len(), limits.output_bytes);
        return Err(vec![TypstError {
            message: String::new(),
            past: Some(super::rules::PastLimit::Bytes { size, max }),
            hints: Vec::new(),
            file: None,
            range: None,
        }]);
    }
    Ok((pdf, pages))
}

fn convert(world: &ReportWorld, errors: &[SourceDiagnostic]) -> Vec<TypstError> {
    errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let file = d.span.id().map(|id| {
                if id == world.main.id() {
                    "report.typ".to_owned()
                } else {
                    let path = id.vpath().get_without_slash();
                    path.strip_prefix(&GENERATED_DIR[1..]).map_or(path, |p| p.trim_start_matches('/')).to_owned()
                }
            });
            TypstError {
                message: d.message.to_string(),
                past: None,
                hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
                file,
                range: world.range(d.span),
            }
        })
        .collect()
}
