//! Reports: view-model → minijinja template → Typst markup → PDF, all
//! in-process.
//!
//! [`view`] builds what a template may see; [`templates`] renders it with
//! every value escaped for Typst ([`escape`]); [`typeset`] compiles the
//! markup in a `World` that serves only the workspace and the embedded
//! fonts, and exports a reproducible PDF/A-2b. Every failure comes back as
//! diagnostics pointing into the template or the generated `.typ`.

pub mod batch;
pub mod escape;
pub mod limits;
pub mod rules;
pub mod strings;
pub mod templates;
pub mod typeset;
pub mod view;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::diag::{Diagnostic, Location, SourceFile};
use crate::model::{Date, Lang};
use rules::{TemplateProblem, Typeset, template_error, typeset_error};
pub use strings::Strings;
pub use templates::Templates;
pub use typeset::PdfMeta;

/// Why a report could not be made: diagnostics and the files they point
/// into (templates, the generated Typst).
#[derive(Debug, Clone, Default)]
pub struct Failure {
    /// The problems.
    pub diagnostics: Vec<Diagnostic>,
    /// Files beside the workspace's own that the diagnostics point into.
    pub sources: Vec<Arc<SourceFile>>,
    /// The generated Typst, when typesetting failed (`--typ` writes it).
    pub typ: Option<String>,
}

/// A finished report.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The generated Typst markup.
    pub typ: String,
    /// Number of pages.
    pub pages: usize,
}

/// How many bytes `value` takes as JSON (the template's fuel grows with
/// it), counted without writing them anywhere.
fn json_size(value: &impl Serialize) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    serde_json::to_writer(&mut count, value).map_or(0, |()| count.0)
}

/// Renders reports of one workspace; shared by every report of a batch.
#[derive(Debug)]
pub struct Renderer {
    root: PathBuf,
    readable: typeset::Readable,
    limits: limits::Limits,
    on_overrun: Option<limits::OnOverrun>,
    templates: Templates,
    /// The templates' `.typ` files, parsed once.
    typst_files: typeset::VirtualFiles,
    /// The generated Typst last typeset, for an incremental parse of the
    /// next at the same path.
    last_main: typeset::LastMain,
}

impl Renderer {
    /// Loads the templates (built in, overridden by the workspace's).
    pub fn new(root: &Path) -> Result<Renderer, Failure> {
        let templates =
            Templates::load(root).map_err(|(diagnostics, sources)| Failure { diagnostics, sources, typ: None })?;
        let typ = templates.all().iter().filter(|t| t.name.ends_with(".typ"));
        let typst_files = typeset::VirtualFiles::new(typ.map(|t| (t.name, t.source.text.as_str()))).unwrap_or_default();
        Ok(Renderer {
            root: root.to_owned(),
            readable: typeset::Readable::default(),
            limits: limits::Limits::default(),
            on_overrun: None,
            templates,
            typst_files,
            last_main: typeset::LastMain::default(),
        })
    }

    /// Lets the templates read the evidence at `cited` (workspace paths)
    /// besides the templates and the YAML files.
    pub fn with_cited(mut self, cited: impl IntoIterator<Item = String>) -> Renderer {
        self.readable = typeset::Readable::new(cited);
        self
    }

    /// Sets the cited evidence anew (after the workspace changed).
    pub fn set_cited(&mut self, cited: impl IntoIterator<Item = String>) {
        self.readable = typeset::Readable::new(cited);
    }

    /// Bounds rendering and typesetting by `limits`; a watchdog calls
    /// `on_overrun` when Typst takes too long or too much memory.
    pub fn with_limits(mut self, limits: limits::Limits, on_overrun: limits::OnOverrun) -> Renderer {
        self.limits = limits;
        self.on_overrun = Some(on_overrun);
        self
    }

    /// The fixed strings in `lang`.
    pub fn strings(&self, lang: Lang) -> Result<Strings, Failure> {
        let Some(t) = self.templates.get("strings.yaml") else { return Err(Failure::default()) };
        Strings::parse(&t.source.text, lang).map_err(|e| {
            let location = match e.line_col {
                Some((line, col)) => {
                    let at = t.source.offset(line, col);
                    Location::span(&t.shown, at, at)
                }
                None => Location::file(&t.shown),
            };
            Failure {
                diagnostics: vec![template_error(TemplateProblem::Strings { message: &e.message }).at(location)],
                sources: vec![t.source.clone()],
                typ: None,
            }
        })
    }

    /// Renders `template` with `context` to Typst markup.
    pub fn markup(&self, template: &str, context: &impl Serialize) -> Result<String, Failure> {
        crate::timings::time(crate::timings::RENDER, || {
            self.templates.render(template, context, self.limits.fuel_for(json_size(context)))
        })
    }

    /// Renders and typesets. `typ_path` is how diagnostics name the
    /// generated Typst file (where `--typ` writes it).
    pub fn render(
        &self,
        template: &str,
        context: &impl Serialize,
        meta: &PdfMeta,
        typ_path: &str,
    ) -> Result<Rendered, Failure> {
        let typ = self.markup(template, context)?;
        self.typeset(typ, meta, typ_path)
    }

    /// Typesets generated markup.
    pub fn typeset(&self, typ: String, meta: &PdfMeta, typ_path: &str) -> Result<Rendered, Failure> {
        // Making the world parses the markup: Typst's work, timed as such.
        let world = crate::timings::time(crate::timings::PARSE_TYPST, || {
            typeset::ReportWorld::new(
                self.root.clone(),
                (typ_path, typ.clone(), &self.last_main),
                &self.typst_files,
                meta.date,
                self.readable.clone(),
            )
        });
        let Some(world) = world else {
            return Err(Failure {
                diagnostics: vec![typeset_error(Typeset::DateOutOfRange, &[], None)],
                sources: Vec::new(),
                typ: None,
            });
        };
        let _watch = self.on_overrun.as_ref().map(|on| limits::watch(&self.limits, on));
        let result = match typeset::typeset(&world, meta, &self.limits) {
            Ok((pdf, pages)) => Ok(Rendered { pdf, typ, pages }),
            Err(errors) => Err(self.typst_failure(&errors, &typ, typ_path)),
        };
        self.last_main.keep(typ_path, world.main_source());
        typeset::discard(world);
        result
    }

    fn typst_failure(&self, errors: &[typeset::TypstError], typ: &str, typ_path: &str) -> Failure {
        let generated = Arc::new(SourceFile::new(Arc::from(typ_path), typ.to_owned()));
        let mut sources = vec![generated.clone()];
        let diagnostics = errors
            .iter()
            .map(|e| {
                let why = match e.past {
                    Some(past) => Typeset::Past(past),
                    None => Typeset::Typst { message: &e.message },
                };
                let mut d = typeset_error(why, &e.hints, Some(typ_path));
                let template = e.file.as_deref().and_then(|f| self.templates.get(f));
                let location = match (e.file.as_deref(), template) {
                    (Some("report.typ"), _) => Some(&generated.path),
                    (_, Some(t)) => {
                        sources.push(t.source.clone());
                        Some(&t.shown)
                    }
                    _ => None,
                };
                if let Some(path) = location {
                    d = d.at(match &e.range {
                        Some(r) => Location::span(path, r.start, r.end),
                        None => Location::file(path),
                    });
                } else if let Some(f) = &e.file {
                    d = d.at(Location::file(&Arc::from(f.as_str())));
                }
                d
            })
            .collect();
        Failure { diagnostics, sources, typ: Some(typ.to_owned()) }
    }
}

/// The date a report carries: `SOURCE_DATE_EPOCH` when set, else the end of
/// what it reports on.
pub fn document_date(source_date_epoch: Option<i64>, period_end: Date) -> Date {
    source_date_epoch.and_then(|secs| chrono::DateTime::from_timestamp(secs, 0)).map_or(period_end, |t| t.date_naive())
}
