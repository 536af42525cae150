//! The view-model: everything a report template may show, already in the
//! report's language and already formatted (dates, decimal marks, labels of
//! IRM scales). Templates see only these structs, never the YAML model, so a
//! template cannot reach anything the report should not print.
//!
//! Numbers meant for charts are plain floats rounded to four places
//! (`*_num`); numbers meant for reading are strings.
//!
//! One file per report: [`period`] (the IRM-style period report), with
//! [`process`] (its process section), [`review`] (the review, its author
//! and rules, the reviewer's levels) and
//! [`commitments`] (its commitment sections and At a Glance), [`change`]
//! (the change between two periods, in the period report and the
//! comparison report), [`manifest`] (the evidence annex), [`scorecard`],
//! [`compare`] (the comparison report), and [`format`] (numbers for
//! charts). This file holds what they share: [`Input`] and its lookups, and
//! the views more than one report shows. IRM rules are the model's and
//! `score`'s answers (`score::irm::Rules`: the fields, values, At a Glance
//! rows and star rule of each methodology; `compare::Movement::between`);
//! the views only ask. Texts are shown in the report's language, marked
//! when they exist only in the other ([`Input::tr`]); rubric facts fill
//! the fixed strings' placeholders (`{points}`, `{rubric}`, `{min}`,
//! `{max}`).

mod change;
mod commitments;
mod compare;
mod cycle;
mod format;
mod manifest;
mod period;
mod process;
mod review;
mod scorecard;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::load::{Doc, Workspace};
use crate::model::{Assessment, Commitment, EvidenceItem, Institution, Lang, Period, Rubric, Sector, Text};
use crate::score::{self, Scores};

use super::strings::Strings;
use format::num;

pub use change::{ChangeView, CommitmentChangeView, IndexChange, PointChangeView, RegressionView};
pub use commitments::{CommitmentView, FieldView, GlanceRowView, MilestoneEvidence, MilestoneView, ValueTick};
pub use compare::CompareReport;
pub use cycle::{EndOfCommitmentReport, InceptionReport, ResultsReport};
pub use manifest::ManifestRow;
pub use period::{Figures, MethodView, PeriodReport, PointView, RecommendationNames, RecommendationView};
pub use process::{CommitteeView, ConsultationView, MemberView, ProcessView, SectorView, WorkingGroupView};
pub use review::{ReviewView, ReviewedRow, RulesView, ScaleNoteView};
pub use scorecard::{EvidenceView, ScorePointView, Scorecard};

/// SHA-256 (hex) and size of every cited workspace file, by path.
pub type Hashes = BTreeMap<String, (String, u64)>;

/// What every view is built from, with the lookups a batch of views needs
/// indexed once (a report of N institutions makes O(N) lookups).
#[derive(Debug, Clone)]
pub struct Input<'a> {
    /// The validated workspace.
    pub ws: &'a Workspace,
    /// Its scores.
    pub scores: &'a Scores,
    /// The fixed strings in the report's language.
    pub strings: &'a Strings,
    /// Hashes of cited files.
    pub hashes: &'a Hashes,
    institutions: BTreeMap<&'a str, &'a Doc<Institution>>,
    commitments: BTreeMap<&'a str, &'a Doc<Commitment>>,
    /// (period, institution) → assessment; the first file wins on a duplicate.
    assessments: BTreeMap<(&'a str, &'a str), &'a Assessment>,
    /// The workspace's first language: what a plain string is written in.
    first: Lang,
    /// The fixed strings with the rubric's placeholders filled in.
    filled: BTreeMap<String, String>,
}

/// PDF metadata and the cover's lines.
#[derive(Debug, Clone, Serialize)]
pub struct DocMeta {
    /// `id` or `en`.
    pub lang: &'static str,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// The jurisdiction (PDF author).
    pub author: String,
    /// The document date, written out.
    pub date: String,
    /// PDF keywords.
    pub keywords: Vec<String>,
}

/// The jurisdiction.
#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionView {
    /// Official name.
    pub name: String,
    /// Province.
    pub region: Option<String>,
    /// Country code.
    pub country: String,
    /// Head of government.
    pub head: Option<String>,
}

/// A period.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodView {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// "1 Juli 2017 – 31 Desember 2017".
    pub span: String,
}

/// A level of the rubric's scale.
#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    /// Number.
    pub level: u32,
    /// Name.
    pub label: String,
}

/// One cell of the heat map.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// Claimed level.
    pub claimed: u32,
    /// Evidence-backed level.
    pub backed: u32,
    /// Claimed above what the evidence supports.
    pub unsupported: bool,
    /// The reviewer's level, when the reviewer gave one ("none" in Typst).
    pub reviewed: Option<u32>,
    /// Carried over and not confirmed: scored as the lowest level.
    pub unconfirmed: bool,
    /// More than one level above a point it builds on (W003).
    pub gap: bool,
}

/// An institution's row.
#[derive(Debug, Clone, Serialize)]
pub struct InstitutionRow {
    /// Id.
    pub id: String,
    /// Official name.
    pub name: String,
    /// Short name (or the name).
    pub short: String,
    /// Kind, labelled.
    pub kind: String,
    /// Claimed index, written.
    pub index_claimed: String,
    /// Backed index, written.
    pub index_backed: String,
    /// For charts.
    pub index_backed_num: f64,
    /// Per point in rubric order.
    pub cells: Vec<CellView>,
}

/// Most names a running list of institutions shows in the period report;
/// the rest are counted. A province's report would otherwise hold lists of
/// thousands of names, which nobody reads and which Typst lays out in time
/// that grows faster than the list (one paragraph of 10,000 names took 22 s).
pub const NAMES_SHOWN: usize = 30;

/// A list of names, cut at [`NAMES_SHOWN`].
#[derive(Debug, Clone, Serialize)]
pub struct NameList {
    /// The first names.
    pub names: Vec<String>,
    /// How many there are in all.
    pub total: usize,
    /// "and 970 more (see their scorecards)" when cut, else empty.
    pub more: String,
}

impl NameList {
    fn new(mut names: Vec<String>, s: &Strings) -> NameList {
        let total = names.len();
        let more = match total.checked_sub(NAMES_SHOWN) {
            Some(n) if n > 0 => s.get("names_more").replace("{n}", &n.to_string()),
            _ => String::new(),
        };
        names.truncate(NAMES_SHOWN);
        NameList { names, total, more }
    }
}

/// The fixed strings with the rubric's facts in their placeholders:
/// `{rubric}` (its title), `{points}` (how many points), `{min}` and
/// `{max}` (the scale's lowest and highest level), so no fixed string needs
/// to name a rubric or count its points.
fn fill(strings: &Strings, rubric: Option<&Rubric>) -> BTreeMap<String, String> {
    let lang = strings.lang();
    let (min, max) = rubric.map_or((0, 0), Rubric::range);
    let vars = [
        ("{rubric}", rubric.map(|r| r.title.get(lang).to_owned()).unwrap_or_default()),
        ("{points}", rubric.map_or(0, |r| r.points.len()).to_string()),
        ("{min}", min.to_string()),
        ("{max}", max.to_string()),
    ];
    strings
        .all()
        .iter()
        .map(|(k, v)| {
            let mut v = v.clone();
            if v.contains('{') {
                for (name, value) in &vars {
                    v = v.replace(name, value);
                }
            }
            (k.clone(), v)
        })
        .collect()
}

/// The manifest's periods in date order.
fn periods_in_order(ws: &Workspace) -> Vec<&Period> {
    let mut periods = ws.manifest.as_ref().map(|m| m.value.periods.iter().collect::<Vec<_>>()).unwrap_or_default();
    periods.sort_by_key(|p| p.start);
    periods
}

/// The period before `id`, in date order.
pub fn previous_period<'a>(ws: &'a Workspace, id: &str) -> Option<&'a Period> {
    let periods = periods_in_order(ws);
    let i = periods.iter().position(|p| p.id == id)?;
    i.checked_sub(1).map(|j| periods[j])
}

impl<'a> Input<'a> {
    /// Indexes the workspace for building views.
    pub fn new(ws: &'a Workspace, scores: &'a Scores, strings: &'a Strings, hashes: &'a Hashes) -> Input<'a> {
        let mut assessments = BTreeMap::new();
        for a in ws.assessments.iter().map(|d| &d.value) {
            assessments.entry((a.period.as_str(), a.institution.as_str())).or_insert(a);
        }
        let first = ws.manifest.as_ref().and_then(|m| m.value.languages.first().copied()).unwrap_or(strings.lang());
        let filled = fill(strings, ws.rubric().map(|r| &r.value));
        Input {
            ws,
            scores,
            strings,
            hashes,
            institutions: ws.institutions_by_id(),
            commitments: ws.commitments_by_id(),
            assessments,
            first,
            filled,
        }
    }

    /// A fixed string with the rubric's placeholders filled in; a missing
    /// key shows as `[key]`, as in [`Strings::get`].
    pub(crate) fn t(&self, key: &str) -> String {
        self.filled.get(key).cloned().unwrap_or_else(|| format!("[{key}]"))
    }

    /// A text in the report's language, marked (`[id]`, `[en]`) when it is
    /// given only in the other language: a reader must see that it is
    /// shown as written, not translated.
    pub(crate) fn tr(&self, text: &Text) -> String {
        match text.in_lang(self.lang(), self.first) {
            (t, None) => t.to_owned(),
            (t, Some(other)) if !t.is_empty() => {
                format!("{t} {}", self.strings.get(&format!("mark.in-{}", other.code())))
            }
            (t, Some(_)) => t.to_owned(),
        }
    }

    /// [`Input::tr`] of an optional text.
    pub(crate) fn tr_opt(&self, text: Option<&Text>) -> Option<String> {
        text.map(|t| self.tr(t))
    }

    /// A name (of a jurisdiction, an institution, a period) in the report's
    /// language: names are not translated, so they are never marked.
    pub(crate) fn name(&self, text: &Text) -> String {
        text.get(self.lang()).to_owned()
    }

    fn lang(&self) -> Lang {
        self.strings.lang()
    }

    fn rubric(&self) -> Option<&'a Rubric> {
        self.ws.rubric().map(|d| &d.value)
    }

    fn periods(&self) -> Vec<&'a Period> {
        periods_in_order(self.ws)
    }

    fn period(&self, id: &str) -> Option<&'a Period> {
        self.periods().into_iter().find(|p| p.id == id)
    }

    pub(crate) fn period_view(&self, p: &Period) -> PeriodView {
        let s = self.strings;
        PeriodView {
            id: p.id.clone(),
            label: self.name(&p.label),
            span: format!("{} – {}", s.date(p.start), s.date(p.end)),
        }
    }

    pub(crate) fn jurisdiction(&self) -> JurisdictionView {
        match &self.ws.manifest {
            Some(m) => {
                let j = &m.value.jurisdiction;
                JurisdictionView {
                    name: self.name(&j.name),
                    region: j.region.clone(),
                    country: j.country.clone(),
                    head: j.head.clone(),
                }
            }
            None => JurisdictionView { name: String::new(), region: None, country: String::new(), head: None },
        }
    }

    pub(crate) fn institution(&self, id: &str) -> Option<&'a Institution> {
        self.institutions.get(id).map(|d| &d.value)
    }

    /// The short name of an institution (or its name, or its id).
    pub(crate) fn short(&self, id: &str) -> String {
        match self.institution(id) {
            Some(i) => i.short_name.clone().unwrap_or_else(|| self.name(&i.name)),
            None => id.to_owned(),
        }
    }

    pub(crate) fn scale(&self) -> (Vec<LevelView>, u32) {
        let Some(rubric) = self.rubric() else { return (Vec::new(), 0) };
        let scale =
            rubric.scale.iter().map(|l| LevelView { level: l.level, label: self.tr(&l.label) }).collect::<Vec<_>>();
        let max = rubric.scale.iter().map(|l| l.level).max().unwrap_or(0);
        (scale, max)
    }

    fn doc(&self, title: String, subtitle: String, date: crate::model::Date, keywords: Vec<String>) -> DocMeta {
        DocMeta {
            lang: self.lang().code(),
            title,
            subtitle,
            author: self.jurisdiction().name,
            date: self.strings.date(date),
            keywords,
        }
    }

    /// The period's assessments, by institution id.
    fn assessments(&self, period: &str) -> Vec<&'a Assessment> {
        self.assessments.range((period, "")..).take_while(|((p, _), _)| *p == period).map(|(_, a)| *a).collect()
    }

    fn reference(item: &EvidenceItem) -> String {
        item.file.clone().or_else(|| item.url.clone()).unwrap_or_default()
    }

    fn institution_row(&self, s: &score::InstitutionScore) -> InstitutionRow {
        let strings = self.strings;
        let inst = self.institution(&s.institution);
        InstitutionRow {
            id: s.institution.clone(),
            name: inst.map_or_else(|| s.institution.clone(), |i| self.name(&i.name)),
            short: self.short(&s.institution),
            kind: inst.map(|i| strings.label("kind", &i.kind)).unwrap_or_default(),
            index_claimed: strings.number(s.index_claimed, 1),
            index_backed: strings.number(s.index_backed, 1),
            index_backed_num: num(s.index_backed),
            cells: s
                .points
                .iter()
                .map(|p| CellView {
                    claimed: p.claimed,
                    backed: p.backed,
                    unsupported: p.unsupported,
                    reviewed: p.reviewed,
                    unconfirmed: p.unconfirmed,
                    gap: p.prerequisite_gap,
                })
                .collect(),
        }
    }

    fn sectors(&self, sectors: impl IntoIterator<Item = Sector>) -> String {
        let set: BTreeSet<Sector> = sectors.into_iter().collect();
        set.iter().map(|s| self.strings.label("sector", s)).collect::<Vec<_>>().join(", ")
    }
}
