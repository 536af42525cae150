//! The documents an engine makes: the period report, a scorecard, every
//! scorecard of a period, the comparison report — each from its view,
//! rendered and typeset, with its default path and its PDF metadata.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use super::{Engine, no_assessment, no_scores};
use crate::compare;
use crate::diag::Msg;
use crate::model::Period;
use crate::report::view::{Hashes, Input};
use crate::report::{Failure, PdfMeta, Rendered};
use crate::{output, timings};

/// A document to make.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JobKind {
    /// The IRM-style report of a period.
    Period(String),
    /// One institution's scorecard: (period, institution).
    Scorecard(String, String),
    /// The monitoring body's inception assessment.
    Inception,
    /// One commitment's end-of-commitment assessment.
    EndOfCommitment(String),
    /// The Results Report.
    Results,
    /// The comparison of two periods, for every institution or one.
    Compare {
        /// Earlier period.
        from: String,
        /// Later period.
        to: String,
        /// Only this institution.
        institution: Option<String>,
    },
}

/// A document to make, and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// What.
    pub kind: JobKind,
    /// The PDF's path.
    pub path: PathBuf,
    /// Also the generated Typst beside it.
    pub typ: bool,
}

/// Why a document could not be made: a report failure (diagnostics in the
/// templates or the generated Typst), or a message (nothing to report on).
#[derive(Debug, Clone)]
pub enum JobError {
    /// The templates or Typst failed.
    Failure(Failure),
    /// There is nothing to make the document from.
    Msg(Msg),
}

impl From<Failure> for JobError {
    fn from(f: Failure) -> Self {
        JobError::Failure(f)
    }
}

impl From<&Failure> for JobError {
    fn from(f: &Failure) -> Self {
        JobError::Failure(f.clone())
    }
}

impl Engine {
    /// Where a document goes by default: `out/report-<period>-<lang>.pdf`,
    /// `out/scorecard-<period>-<institution>-<lang>.pdf`,
    /// `out/compare-<from>-<to>[-<institution>]-<lang>.pdf`.
    pub fn default_path(&self, kind: &JobKind) -> Result<PathBuf, output::WriteError> {
        let lang = self.lang().code();
        let name = match kind {
            JobKind::Period(p) => format!("report-{p}-{lang}.pdf"),
            JobKind::Scorecard(p, i) => format!("scorecard-{p}-{i}-{lang}.pdf"),
            JobKind::Compare { from, to, institution: Some(i) } => format!("compare-{from}-{to}-{i}-{lang}.pdf"),
            JobKind::Compare { from, to, institution: None } => format!("compare-{from}-{to}-{lang}.pdf"),
            JobKind::Inception => format!("inception-{}-{lang}.pdf", self.plan_id()),
            JobKind::EndOfCommitment(c) => format!("end-of-commitment-{c}-{lang}.pdf"),
            JobKind::Results => format!("results-{}-{lang}.pdf", self.plan_id()),
        };
        output::child(&self.ws.root.join("out"), &name)
    }

    /// The folder `report --all` writes by default:
    /// `out/scorecards-<period>-<lang>/`.
    pub fn default_batch_dir(&self, period: &str) -> Result<PathBuf, output::WriteError> {
        output::child(&self.ws.root.join("out"), &format!("scorecards-{period}-{}", self.lang().code()))
    }

    /// The period before `id`, in date order.
    pub fn previous_period(&self, id: &str) -> Option<&Period> {
        let periods = self.periods();
        let i = periods.iter().position(|p| p.id == id)?;
        i.checked_sub(1).map(|j| periods[j])
    }

    /// Makes one document. `typ_path` is how diagnostics name the generated
    /// Typst (where `--typ` writes it).
    pub fn make(&self, kind: &JobKind, typ_path: &str) -> Result<Rendered, JobError> {
        let strings = self.strings()?;
        match kind {
            JobKind::Period(period) => {
                // The change since the previous period: the files cited in
                // both are hashed (the manifest and "reused unchanged").
                let previous = self.previous_period(period);
                let periods =
                    [Some(period.as_str()), previous.map(|p| p.id.as_str())].into_iter().flatten().collect::<Vec<_>>();
                let hashes = self.hashes(Some(&periods));
                let scores = self.scores();
                let input = Input::new(&self.ws, scores, strings, &hashes);
                let comparison = previous.and_then(|prev| {
                    let (a, b) = (scores.period(&prev.id)?, scores.period(period)?);
                    let content = content_hashes(&hashes);
                    Some((prev, timings::time(timings::COMPARE, || compare::compare(&self.ws, a, b, &content, None))))
                });
                let view = timings::time(timings::VIEW, || {
                    input.period_report(period, comparison.as_ref().map(|(p, c)| (*p, c)))
                });
                let view = view.ok_or_else(|| JobError::Msg(no_scores(period)))?;
                let end = self.period(period).map(|p| p.end).ok_or_else(|| JobError::Msg(no_scores(period)))?;
                let meta = PdfMeta { ident: self.ident("report", &[period]), date: self.document_date(end) };
                let rendered = self.render("period.typ.j2", &view, &meta, typ_path);
                drop(input);
                crate::report::typeset::discard((view, comparison, hashes));
                rendered
            }
            JobKind::Scorecard(period, id) => {
                let hashes = self.hashes(Some(&[period]));
                self.make_scorecard(&hashes, period, id, typ_path)
            }
            JobKind::Inception | JobKind::EndOfCommitment(_) | JobKind::Results => self.make_cycle(kind, typ_path),
            JobKind::Compare { from, to, institution } => {
                let scores = self.scores();
                let (Some(a), Some(b)) = (scores.period(from), scores.period(to)) else {
                    return Err(JobError::Msg(no_scores(&format!("{from}, {to}"))));
                };
                let hashes = self.hashes(Some(&[from, to]));
                let comparison = self.comparison(from, to, institution.as_deref(), &hashes)?;
                let _ = (a, b);
                let input = Input::new(&self.ws, scores, strings, &hashes);
                let view = timings::time(timings::VIEW, || {
                    input.compare_report(from, to, &comparison, institution.as_deref())
                });
                let view = view.ok_or_else(|| JobError::Msg(no_scores(&format!("{from}, {to}"))))?;
                let end = self.period(from).map(|p| p.end).max(self.period(to).map(|p| p.end));
                let end = end.ok_or_else(|| JobError::Msg(no_scores(to)))?;
                let mut parts = vec![from.as_str(), to.as_str()];
                parts.extend(institution.as_deref());
                let meta = PdfMeta { ident: self.ident("compare", &parts), date: self.document_date(end) };
                let rendered = self.render("compare.typ.j2", &view, &meta, typ_path);
                drop(input);
                crate::report::typeset::discard((view, comparison, hashes));
                rendered
            }
        }
    }

    fn plan_id(&self) -> String {
        self.ws.manifest.as_ref().map(|m| m.value.action_plan.id.to_string()).unwrap_or_default()
    }

    /// The monitoring body's reports. Each is as of its own day, so that
    /// the same workspace gives the same report: the inception assessment
    /// and an end-of-commitment assessment as of the day they were
    /// submitted, the Results Report as of the plan's end; today (or
    /// `SOURCE_DATE_EPOCH`'s day) while that day has not come.
    fn make_cycle(&self, kind: &JobKind, typ_path: &str) -> Result<Rendered, JobError> {
        let strings = self.strings()?;
        let hashes = self.hashes(Some(&[]));
        let input = Input::new(&self.ws, self.scores(), strings, &hashes);
        let today = self.options.today();
        let plan_end = self.ws.manifest.as_ref().map(|m| m.value.action_plan.end);
        let no_plan = || JobError::Msg(crate::msg!("terbuka.yaml does not load", "terbuka.yaml tidak dapat dibaca"));
        let plan = self.plan_id();
        match kind {
            JobKind::Inception => {
                let day = crate::cycle::inception(&self.ws).and_then(|r| r.value.submitted).unwrap_or(today);
                let view = timings::time(timings::VIEW, || input.inception_report(day)).ok_or_else(no_plan)?;
                let meta = PdfMeta { ident: self.ident("inception", &[&plan]), date: self.document_date(day) };
                self.render("inception.typ.j2", &view, &meta, typ_path)
            }
            JobKind::EndOfCommitment(c) => {
                let found = crate::cycle::end_of_commitment(&self.ws, c);
                let day = found.and_then(|(_, e)| e.submitted).unwrap_or(today);
                let view = timings::time(timings::VIEW, || input.end_of_commitment_report(c, day));
                let view = view.ok_or_else(|| {
                    JobError::Msg(super::unknown_commitment(c, self.ws.commitments_by_id().keys().copied()))
                })?;
                let meta = PdfMeta { ident: self.ident("end-of-commitment", &[c]), date: self.document_date(day) };
                self.render("end-of-commitment.typ.j2", &view, &meta, typ_path)
            }
            _ => {
                let day = plan_end.map_or(today, |end| end.min(today));
                let view = timings::time(timings::VIEW, || input.results_report(day)).ok_or_else(no_plan)?;
                let meta = PdfMeta { ident: self.ident("results", &[&plan]), date: self.document_date(day) };
                self.render("results.typ.j2", &view, &meta, typ_path)
            }
        }
    }

    /// The comparison of two periods (for every institution, or `only`).
    pub fn comparison(
        &self,
        from: &str,
        to: &str,
        only: Option<&str>,
        hashes: &Hashes,
    ) -> Result<compare::Comparison, JobError> {
        let scores = self.scores();
        let (Some(a), Some(b)) = (scores.period(from), scores.period(to)) else {
            return Err(JobError::Msg(no_scores(&format!("{from}, {to}"))));
        };
        let content = content_hashes(hashes);
        Ok(timings::time(timings::COMPARE, || compare::compare(&self.ws, a, b, &content, only)))
    }

    /// One scorecard, from hashes made once for its period (a batch shares
    /// them).
    pub fn make_scorecard(
        &self,
        hashes: &Hashes,
        period: &str,
        id: &str,
        typ_path: &str,
    ) -> Result<Rendered, JobError> {
        let strings = self.strings()?;
        let input = Input::new(&self.ws, self.scores(), strings, hashes);
        let view = timings::time(timings::VIEW, || input.scorecard(period, id));
        let view = view.ok_or_else(|| JobError::Msg(no_assessment(id, period)))?;
        let end = self.period(period).map(|p| p.end).ok_or_else(|| JobError::Msg(no_scores(period)))?;
        let meta = PdfMeta { ident: self.ident("scorecard", &[period, id]), date: self.document_date(end) };
        self.render("scorecard.typ.j2", &view, &meta, typ_path)
    }

    /// The institutions assessed in `period`, by id: the scorecards of
    /// `report --all`.
    pub fn assessed(&self, period: &str) -> Vec<String> {
        self.scores()
            .period(period)
            .map(|p| p.institutions.iter().map(|i| i.institution.clone()).collect())
            .unwrap_or_default()
    }

    fn render(
        &self,
        template: &str,
        view: &impl serde::Serialize,
        meta: &PdfMeta,
        typ_path: &str,
    ) -> Result<Rendered, JobError> {
        self.stats.renders.fetch_add(1, Ordering::Relaxed);
        Ok(self.renderer()?.render(template, view, meta, typ_path)?)
    }
}

/// Only the SHA-256 of each file.
pub fn content_hashes(hashes: &Hashes) -> std::collections::BTreeMap<String, String> {
    hashes.iter().map(|(f, (h, _))| (f.clone(), h.clone())).collect()
}

/// How a path is shown: relative to `root` when inside it.
pub fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}
