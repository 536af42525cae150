//! The view-model: everything a report template may show, already in the
//! report's language and already formatted (dates, decimal marks, labels of
//! IRM scales). Templates see only these structs, never the YAML model, so a
//! template cannot reach anything the report should not print.
//!
//! Numbers meant for charts are plain floats rounded to four places
//! (`*_num`); numbers meant for reading are strings.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::compare::{Comparison, Movement, Summary};
use crate::load::{Doc, Workspace};
use crate::model::{
    Assessment, Commitment, EvidenceItem, Institution, Lang, Period, Rubric, Sector, SteeringCommittee,
};
use crate::score::{self, CommitmentStatus, PeriodScores, Ratio, Recommendation, Scores, StarStatus};

use super::strings::Strings;

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

/// A rubric point with the jurisdiction's figures.
#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    /// Number.
    pub number: u32,
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Weight.
    pub weight: i64,
    /// Mean claimed level, written.
    pub mean_claimed: String,
    /// Mean evidence-backed level, written.
    pub mean_backed: String,
    /// For charts.
    pub mean_claimed_num: f64,
    /// For charts.
    pub mean_backed_num: f64,
    /// Number of institutions at each level of the scale (backed).
    pub distribution: Vec<usize>,
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

/// A member of a committee.
#[derive(Debug, Clone, Serialize)]
pub struct MemberView {
    /// Name.
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// Role, labelled.
    pub role: String,
}

/// Members of one sector.
#[derive(Debug, Clone, Serialize)]
pub struct SectorView {
    /// Sector, labelled.
    pub sector: String,
    /// Its members.
    pub members: Vec<MemberView>,
}

/// A steering committee.
#[derive(Debug, Clone, Serialize)]
pub struct CommitteeView {
    /// Date formed.
    pub established: String,
    /// Decree path.
    pub decree: Option<String>,
    /// How often it meets, labelled.
    pub meets: Option<String>,
    /// Members by sector, in the four sectors' order (empty sectors kept).
    pub sectors: Vec<SectorView>,
    /// Total members.
    pub size: usize,
    /// Only government members.
    pub government_only: bool,
}

/// A working group.
#[derive(Debug, Clone, Serialize)]
pub struct WorkingGroupView {
    /// Institution (short name).
    pub institution: String,
    /// Group name.
    pub name: String,
    /// Commitment numbers, "1, 3".
    pub commitments: String,
    /// How often it meets.
    pub meets: String,
    /// Number of members.
    pub members: usize,
    /// Sectors represented, labelled.
    pub sectors: String,
}

/// A consultation.
#[derive(Debug, Clone, Serialize)]
pub struct ConsultationView {
    /// Date.
    pub date: String,
    /// Institution (short name).
    pub institution: String,
    /// Title.
    pub title: String,
    /// Mechanism.
    pub mechanism: String,
    /// Participants, written ("—" when unknown).
    pub participants: String,
    /// Sectors, labelled.
    pub sectors: String,
}

/// The reviewer's view of the process.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewView {
    /// Methodology, labelled.
    pub methodology: String,
    /// Stage, labelled.
    pub stage: String,
    /// Reviewer's name.
    pub reviewer: String,
    /// Reviewer's organisation.
    pub organisation: Option<String>,
    /// Public influence while the plan was made.
    pub influence_development: Option<String>,
    /// Public influence while it was carried out.
    pub influence_implementation: Option<String>,
    /// Forum meetings in the period.
    pub forum_meetings: Option<u32>,
    /// Remarks.
    pub note: Option<String>,
    /// Whether the methodology has a star.
    pub has_star: bool,
}

/// "Table 1: At a Glance".
#[derive(Debug, Clone, Default, Serialize)]
pub struct Glance {
    /// Commitments.
    pub commitments: usize,
    /// Complete.
    pub complete: usize,
    /// Substantial.
    pub substantial: usize,
    /// Limited.
    pub limited: usize,
    /// Not started.
    pub not_started: usize,
    /// No evidence available.
    pub no_evidence: usize,
    /// Withdrawn.
    pub withdrawn: usize,
    /// Clearly relevant to an OGP value.
    pub relevant: usize,
    /// Transformative potential impact.
    pub transformative: usize,
    /// Substantial or complete.
    pub high_completion: usize,
    /// All three (starred).
    pub starred: usize,
    /// Did it open government: major.
    pub major: usize,
    /// Did it open government: outstanding.
    pub outstanding: usize,
}

/// A tick in the OGP-values row of a commitment's overview.
#[derive(Debug, Clone, Serialize)]
pub struct ValueTick {
    /// The value, labelled.
    pub value: String,
    /// Whether the reviewer found the commitment relevant to it.
    pub ticked: bool,
}

/// A milestone's row.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Due date.
    pub due: String,
    /// Completion, labelled ("—" when nobody reported).
    pub completion: String,
    /// 0 (none) … 4 (complete), for the cell's colour.
    pub completion_num: u32,
    /// Who reported it.
    pub reported_by: String,
}

/// An evidence item of a commitment's milestones.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneEvidence {
    /// Milestone id.
    pub milestone: String,
    /// Institution (short name).
    pub institution: String,
    /// File path or URL.
    pub reference: String,
    /// Note.
    pub note: String,
}

/// One commitment's section.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentView {
    /// IRM number.
    pub number: u32,
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Lead institution.
    pub lead: String,
    /// Supporting institutions, comma-separated.
    pub supporting: String,
    /// Problem addressed.
    pub problem: Option<String>,
    /// Objective.
    pub objective: Option<String>,
    /// Start – end.
    pub span: String,
    /// Withdrawn by government.
    pub withdrawn: bool,
    /// Verifiability (or specificity), labelled.
    pub verifiability: String,
    /// OGP values with ticks.
    pub values: Vec<ValueTick>,
    /// Potential impact (or potential for results), labelled.
    pub impact: String,
    /// Completion, labelled.
    pub completion: String,
    /// Completion derived from milestones rather than given by the reviewer.
    pub completion_derived: bool,
    /// On time, labelled.
    pub on_time: String,
    /// Did it open government, labelled.
    pub opened_government: String,
    /// Starred.
    pub starred: bool,
    /// The star's verdict in words.
    pub star: String,
    /// Reviewer values reconstructed rather than from the public record.
    pub reconstructed: bool,
    /// Reviewer's remarks.
    pub note: Option<String>,
    /// Milestones.
    pub milestones: Vec<MilestoneView>,
    /// Evidence of milestone progress.
    pub evidence: Vec<MilestoneEvidence>,
}

/// A point that dropped.
#[derive(Debug, Clone, Serialize)]
pub struct RegressionView {
    /// Institution (short name).
    pub institution: String,
    /// Point number.
    pub number: u32,
    /// Point title.
    pub point: String,
    /// Backed level before.
    pub from: u32,
    /// Backed level now.
    pub to: u32,
}

/// An institution's index in two periods.
#[derive(Debug, Clone, Serialize)]
pub struct IndexChange {
    /// Institution (short name).
    pub institution: String,
    /// Before, written ("—" when not assessed).
    pub from: String,
    /// Now, written.
    pub to: String,
    /// For charts (0 when not assessed).
    pub from_num: f64,
    /// For charts.
    pub to_num: f64,
    /// Change, written with a sign.
    pub delta: String,
    /// Regressions among its points.
    pub regressions: usize,
    /// Improvements among its points.
    pub improvements: usize,
}

/// A point's jurisdiction mean in two periods.
#[derive(Debug, Clone, Serialize)]
pub struct PointChangeView {
    /// Number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Before.
    pub from: String,
    /// Now.
    pub to: String,
    /// For charts.
    pub from_num: f64,
    /// For charts.
    pub to_num: f64,
    /// Regressions on this point.
    pub regressions: usize,
    /// Improvements on this point.
    pub improvements: usize,
}

/// A commitment in two periods.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentChangeView {
    /// Number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Completion before.
    pub from: String,
    /// Completion now.
    pub to: String,
    /// Starred before.
    pub starred_from: bool,
    /// Starred now.
    pub starred_to: bool,
}

/// The change between two periods.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// The earlier period.
    pub from: PeriodView,
    /// The later period.
    pub to: PeriodView,
    /// The counts.
    pub summary: Summary,
    /// Mean backed index before.
    pub mean_from: String,
    /// Mean backed index now.
    pub mean_to: String,
    /// Per institution.
    pub institutions: Vec<IndexChange>,
    /// Per point.
    pub points: Vec<PointChangeView>,
    /// Every regression, largest drop first.
    pub regression_list: Vec<RegressionView>,
    /// Per commitment.
    pub commitments: Vec<CommitmentChangeView>,
}

/// Recommendations for one point.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationView {
    /// Number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Institutions to maintain & extend.
    pub maintain: NameList,
    /// Institutions to improve.
    pub improve: NameList,
    /// Institutions to start.
    pub start: NameList,
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

/// A row of the evidence manifest.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestRow {
    /// File path or URL.
    pub reference: String,
    /// A URL rather than a file.
    pub is_url: bool,
    /// SHA-256 in hex ("—" for URLs).
    pub sha256: String,
    /// Size ("—" for URLs).
    pub size: String,
    /// Dates given in the citations.
    pub date: String,
    /// Who cited it.
    pub cited_by: String,
}

/// The method section's facts.
#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    /// Rubric title.
    pub rubric: String,
    /// Where the rubric comes from.
    pub source: Option<String>,
    /// Lowest level kept and extended.
    pub maintain_from: u32,
    /// Lowest level improved.
    pub improve_from: u32,
    /// Institutions assessed.
    pub assessed: usize,
    /// Institutions in the workspace.
    pub institutions: usize,
}

/// Key figures of the executive summary.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Institutions that assessed themselves.
    pub assessed: usize,
    /// Institutions in the programme.
    pub institutions: usize,
    /// Mean claimed index.
    pub mean_claimed: String,
    /// Mean backed index.
    pub mean_backed: String,
    /// Points claimed above their evidence.
    pub unsupported: usize,
    /// Evidence items cited.
    pub evidence: usize,
}

/// The IRM-style period report.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodReport {
    /// Metadata.
    pub doc: DocMeta,
    /// Fixed strings.
    pub t: BTreeMap<String, String>,
    /// The jurisdiction.
    pub jurisdiction: JurisdictionView,
    /// Action plan title.
    pub plan: String,
    /// Action plan span.
    pub plan_span: String,
    /// The period.
    pub period: PeriodView,
    /// Background.
    pub context: Option<String>,
    /// The review, if any.
    pub review: Option<ReviewView>,
    /// At a glance.
    pub glance: Glance,
    /// Key figures.
    pub figures: Figures,
    /// Starred commitments ("1. Title").
    pub starred: Vec<String>,
    /// The scale.
    pub scale: Vec<LevelView>,
    /// The top level.
    pub max_level: u32,
    /// Points.
    pub points: Vec<PointView>,
    /// Institutions.
    pub institutions: Vec<InstitutionRow>,
    /// The jurisdiction's steering committee.
    pub steering: Option<CommitteeView>,
    /// Institutions with their own committee: "short (n members)".
    pub institution_committees: NameList,
    /// Working groups.
    pub working_groups: Vec<WorkingGroupView>,
    /// Consultations in the period.
    pub consultations: Vec<ConsultationView>,
    /// Commitments.
    pub commitments: Vec<CommitmentView>,
    /// Change since the previous period.
    pub change: Option<ChangeView>,
    /// Recommendations.
    pub recommendations: Vec<RecommendationView>,
    /// Method.
    pub method: MethodView,
    /// Evidence manifest.
    pub manifest: Vec<ManifestRow>,
}

/// A point on an institution's scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct ScorePointView {
    /// Number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Weight.
    pub weight: i64,
    /// Claimed level.
    pub claimed: u32,
    /// Backed level.
    pub backed: u32,
    /// Reviewer's level ("—").
    pub reviewed: String,
    /// Backed level in the previous period ("—").
    pub previous: String,
    /// For charts (0 when none).
    pub previous_num: u32,
    /// Movement, labelled.
    pub movement: String,
    /// -1, 0, 1 (0 when not comparable).
    pub movement_sign: i32,
    /// Claimed above the evidence.
    pub unsupported: bool,
    /// Recommendation, labelled.
    pub recommendation: String,
    /// Recommendation's id (for colour).
    pub recommendation_id: &'static str,
    /// Descriptor of the claimed level.
    pub descriptor: String,
    /// Justification.
    pub justification: String,
    /// Evidence.
    pub evidence: Vec<EvidenceView>,
}

/// One evidence item on a scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    /// File path or URL.
    pub reference: String,
    /// Note.
    pub note: String,
    /// Date.
    pub date: String,
    /// First 12 hex digits of the file's SHA-256.
    pub sha256: String,
}

/// One institution's scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    /// Metadata.
    pub doc: DocMeta,
    /// Fixed strings.
    pub t: BTreeMap<String, String>,
    /// The jurisdiction.
    pub jurisdiction: JurisdictionView,
    /// The period.
    pub period: PeriodView,
    /// The previous period with an assessment of this institution.
    pub previous: Option<PeriodView>,
    /// The institution.
    pub institution: InstitutionRow,
    /// Focal point.
    pub focal_point: String,
    /// Who filled in the assessment.
    pub assessor: String,
    /// When submitted.
    pub submitted: Option<String>,
    /// Previous backed index.
    pub previous_index: Option<String>,
    /// The scale.
    pub scale: Vec<LevelView>,
    /// The top level.
    pub max_level: u32,
    /// Points.
    pub points: Vec<ScorePointView>,
    /// Commitments it leads or supports: "1. Title (lead)".
    pub commitments: Vec<String>,
}

/// The comparison report.
#[derive(Debug, Clone, Serialize)]
pub struct CompareReport {
    /// Metadata.
    pub doc: DocMeta,
    /// Fixed strings.
    pub t: BTreeMap<String, String>,
    /// The jurisdiction.
    pub jurisdiction: JurisdictionView,
    /// The scale.
    pub scale: Vec<LevelView>,
    /// The top level.
    pub max_level: u32,
    /// The change.
    pub change: ChangeView,
    /// Institution filter, if any.
    pub institution: Option<String>,
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

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn num(r: Ratio) -> f64 {
    round4(r.to_f64())
}

impl<'a> Input<'a> {
    /// Indexes the workspace for building views.
    pub fn new(ws: &'a Workspace, scores: &'a Scores, strings: &'a Strings, hashes: &'a Hashes) -> Input<'a> {
        let mut assessments = BTreeMap::new();
        for a in ws.assessments.iter().map(|d| &d.value) {
            assessments.entry((a.period.as_str(), a.institution.as_str())).or_insert(a);
        }
        Input {
            ws,
            scores,
            strings,
            hashes,
            institutions: ws.institutions_by_id(),
            commitments: ws.commitments_by_id(),
            assessments,
        }
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

    fn period_view(&self, p: &Period) -> PeriodView {
        let s = self.strings;
        PeriodView {
            id: p.id.clone(),
            label: p.label.get(self.lang()).to_owned(),
            span: format!("{} – {}", s.date(p.start), s.date(p.end)),
        }
    }

    fn jurisdiction(&self) -> JurisdictionView {
        match &self.ws.manifest {
            Some(m) => {
                let j = &m.value.jurisdiction;
                JurisdictionView {
                    name: j.name.get(self.lang()).to_owned(),
                    region: j.region.clone(),
                    country: j.country.clone(),
                    head: j.head.clone(),
                }
            }
            None => JurisdictionView { name: String::new(), region: None, country: String::new(), head: None },
        }
    }

    fn institution(&self, id: &str) -> Option<&'a Institution> {
        self.institutions.get(id).map(|d| &d.value)
    }

    /// The short name of an institution (or its name, or its id).
    fn short(&self, id: &str) -> String {
        match self.institution(id) {
            Some(i) => i.short_name.clone().unwrap_or_else(|| i.name.get(self.lang()).to_owned()),
            None => id.to_owned(),
        }
    }

    fn scale(&self) -> (Vec<LevelView>, u32) {
        let Some(rubric) = self.rubric() else { return (Vec::new(), 0) };
        let scale = rubric
            .scale
            .iter()
            .map(|l| LevelView { level: l.level, label: l.label.get(self.lang()).to_owned() })
            .collect::<Vec<_>>();
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
            name: inst.map_or_else(|| s.institution.clone(), |i| i.name.get(self.lang()).to_owned()),
            short: self.short(&s.institution),
            kind: inst.map(|i| strings.label("kind", &i.kind)).unwrap_or_default(),
            index_claimed: strings.number(s.index_claimed, 1),
            index_backed: strings.number(s.index_backed, 1),
            index_backed_num: num(s.index_backed),
            cells: s
                .points
                .iter()
                .map(|p| CellView { claimed: p.claimed, backed: p.backed, unsupported: p.unsupported })
                .collect(),
        }
    }

    fn committee(&self, c: &SteeringCommittee) -> CommitteeView {
        let s = self.strings;
        let sectors = [Sector::Government, Sector::CivilSociety, Sector::Academia, Sector::Business]
            .into_iter()
            .map(|sector| SectorView {
                sector: s.label("sector", &sector),
                members: c
                    .members
                    .iter()
                    .filter(|m| m.sector == sector)
                    .map(|m| MemberView {
                        name: m.name.clone(),
                        organisation: m.organisation.clone().unwrap_or_default(),
                        role: s.label("role", &m.role),
                    })
                    .collect(),
            })
            .collect();
        CommitteeView {
            established: s.date(c.established),
            decree: c.decree.clone(),
            meets: c.meets.map(|m| s.label("meets", &m)),
            sectors,
            size: c.members.len(),
            government_only: !c.members.is_empty() && c.members.iter().all(|m| m.sector == Sector::Government),
        }
    }

    fn sectors(&self, sectors: impl IntoIterator<Item = Sector>) -> String {
        let set: BTreeSet<Sector> = sectors.into_iter().collect();
        set.iter().map(|s| self.strings.label("sector", s)).collect::<Vec<_>>().join(", ")
    }

    fn glance(&self, statuses: &[CommitmentStatus]) -> Glance {
        use crate::model::{Completion as C, DidItOpenGovernment as D, PotentialImpact as P};
        let mut g = Glance { commitments: statuses.len(), ..Glance::default() };
        for c in statuses {
            if c.withdrawn {
                g.withdrawn += 1;
            }
            match c.completion {
                Some(C::Complete) => g.complete += 1,
                Some(C::Substantial) => g.substantial += 1,
                Some(C::Limited) => g.limited += 1,
                Some(C::NotStarted) => g.not_started += 1,
                Some(C::NoEvidenceAvailable) | None => g.no_evidence += 1,
            }
            g.relevant += usize::from(c.relevant == Some(true));
            g.transformative += usize::from(c.potential_impact == Some(P::Transformative));
            g.high_completion += usize::from(matches!(c.completion, Some(C::Substantial | C::Complete)));
            g.starred += usize::from(c.star.is_starred());
            g.major += usize::from(c.did_it_open_government == Some(D::Major));
            g.outstanding += usize::from(c.did_it_open_government == Some(D::Outstanding));
        }
        g
    }

    fn star_text(&self, star: &StarStatus) -> String {
        let s = self.strings;
        match star {
            StarStatus::Starred => s.get("star.starred"),
            StarStatus::NotApplicable => s.get("star.not-applicable"),
            StarStatus::NotStarred { failed } => {
                let failed = failed.iter().map(|c| s.get(&format!("criterion.{}", c.as_str()))).collect::<Vec<_>>();
                format!("{} ({}: {})", s.get("star.not-starred"), s.get("star.fails"), failed.join(", "))
            }
        }
    }

    fn commitments(&self, p: &PeriodScores, assessments: &[&'a Assessment]) -> Vec<CommitmentView> {
        let s = self.strings;
        let lang = self.lang();
        let dash = || "—".to_owned();
        let by_id = &self.commitments;
        p.commitments
            .iter()
            .filter_map(|st| {
                let c = &by_id.get(st.commitment.as_str())?.value;
                let review = self
                    .ws
                    .reviews
                    .iter()
                    .find(|r| r.value.period == p.period)
                    .and_then(|r| r.value.commitments.get(&c.id));
                let verifiability = match (st.verifiability, st.specificity) {
                    (Some(v), _) => s.label("verifiability", &v),
                    (None, Some(sp)) => format!("{} ({})", s.label("specificity", &sp), s.get("specificity")),
                    (None, None) => dash(),
                };
                let refreshed = st.methodology == Some(crate::model::Methodology::Refreshed2021);
                let values = if refreshed {
                    vec![
                        crate::model::OgpValue::Transparency,
                        crate::model::OgpValue::CivicParticipation,
                        crate::model::OgpValue::PublicAccountability,
                    ]
                } else {
                    vec![
                        crate::model::OgpValue::AccessToInformation,
                        crate::model::OgpValue::CivicParticipation,
                        crate::model::OgpValue::PublicAccountability,
                        crate::model::OgpValue::TechnologyAndInnovation,
                    ]
                };
                let impact = match (st.potential_impact, st.potential_for_results) {
                    (Some(i), _) => s.label("impact", &i),
                    (None, Some(r)) => s.label("results", &r),
                    (None, None) => dash(),
                };
                let milestones = c
                    .milestones
                    .iter()
                    .map(|m| {
                        let reported = score::irm::milestone_completion(c, assessments, &m.id);
                        MilestoneView {
                            id: m.id.clone(),
                            title: m.title.get(lang).to_owned(),
                            due: s.date(m.due),
                            completion: reported.map_or_else(dash, |(c, _)| s.label("completion", &c)),
                            completion_num: reported.map_or(0, |(c, _)| c as u32),
                            reported_by: reported.map_or_else(dash, |(_, who)| self.short(who)),
                        }
                    })
                    .collect();
                let mut evidence = Vec::new();
                for a in assessments {
                    let Some(progress) = a.commitments.get(&c.id) else { continue };
                    for (mid, pr) in progress {
                        for e in &pr.evidence {
                            evidence.push(MilestoneEvidence {
                                milestone: mid.clone(),
                                institution: self.short(&a.institution),
                                reference: Self::reference(e),
                                note: e.note.as_ref().map(|n| n.get(lang).to_owned()).unwrap_or_default(),
                            });
                        }
                    }
                }
                evidence.sort_by(|a, b| (&a.milestone, &a.institution).cmp(&(&b.milestone, &b.institution)));
                Some(CommitmentView {
                    number: c.number,
                    id: c.id.clone(),
                    title: c.title.get(lang).to_owned(),
                    lead: self.short(&c.lead),
                    supporting: c.supporting.iter().map(|i| self.short(i)).collect::<Vec<_>>().join(", "),
                    problem: c.problem.as_ref().map(|t| t.get(lang).to_owned()),
                    objective: c.objective.as_ref().map(|t| t.get(lang).to_owned()),
                    span: format!("{} – {}", s.date(c.start), s.date(c.end)),
                    withdrawn: st.withdrawn,
                    verifiability,
                    values: values
                        .into_iter()
                        .map(|v| ValueTick { value: s.label("value", &v), ticked: st.relevance.contains(&v) })
                        .collect(),
                    impact,
                    completion: st.completion.map_or_else(dash, |c| s.label("completion", &c)),
                    completion_derived: st.completion_source == Some(score::irm::CompletionSource::Milestones),
                    on_time: st.on_time.map_or_else(dash, |b| s.get(if b { "yes" } else { "no_word" })),
                    opened_government: st.did_it_open_government.map_or_else(dash, |d| s.label("opened", &d)),
                    starred: st.star.is_starred(),
                    star: self.star_text(&st.star),
                    reconstructed: st.reconstructed,
                    note: review.and_then(|r| r.note.as_ref()).map(|n| n.get(lang).to_owned()),
                    milestones,
                    evidence,
                })
            })
            .collect()
    }

    /// The change from `a` to `b`, from their comparison.
    pub fn change(&self, from: &Period, to: &Period, c: &Comparison) -> ChangeView {
        let s = self.strings;
        let lang = self.lang();
        let dash = || "—".to_owned();
        let rubric = self.rubric();
        let point_title =
            |id: &str| rubric.and_then(|r| r.points.iter().find(|p| p.id == id)).map(|p| p.title.get(lang).to_owned());
        let signed = |r: Ratio| {
            let t = s.number(r, 1);
            if r > Ratio::int(0) { format!("+{t}") } else { t }
        };
        let mut regression_list = Vec::new();
        let institutions = c
            .institutions
            .iter()
            .map(|i| {
                let mut regressions = 0;
                let mut improvements = 0;
                for p in &i.points {
                    match p.movement {
                        Movement::Regression => {
                            regressions += 1;
                            regression_list.push(RegressionView {
                                institution: self.short(&i.institution),
                                number: p.number,
                                point: point_title(&p.point).unwrap_or_else(|| p.point.clone()),
                                from: p.backed.from.unwrap_or(0),
                                to: p.backed.to.unwrap_or(0),
                            });
                        }
                        Movement::Improvement => improvements += 1,
                        Movement::Unchanged | Movement::NotComparable => {}
                    }
                }
                let (f, t) = (i.index_backed.from, i.index_backed.to);
                IndexChange {
                    institution: self.short(&i.institution),
                    from: f.map_or_else(dash, |r| s.number(r, 1)),
                    to: t.map_or_else(dash, |r| s.number(r, 1)),
                    from_num: f.map_or(0.0, num),
                    to_num: t.map_or(0.0, num),
                    delta: match (f, t) {
                        (Some(f), Some(t)) => signed(t.minus(f)),
                        _ => dash(),
                    },
                    regressions,
                    improvements,
                }
            })
            .collect();
        regression_list.sort_by(|a, b| {
            let drop = |r: &RegressionView| i64::from(r.from) - i64::from(r.to);
            drop(b).cmp(&drop(a)).then(a.institution.cmp(&b.institution)).then(a.number.cmp(&b.number))
        });
        let scores_from = self.scores.period(&from.id);
        let scores_to = self.scores.period(&to.id);
        let points = rubric
            .map(|r| {
                r.points
                    .iter()
                    .enumerate()
                    .map(|(k, p)| {
                        let mean =
                            |ps: Option<&PeriodScores>| ps.and_then(|ps| ps.points.get(k)).map(|x| x.mean_backed);
                        let count = |m: Movement| {
                            c.institutions
                                .iter()
                                .filter(|i| i.points.iter().any(|q| q.point == p.id && q.movement == m))
                                .count()
                        };
                        let (f, t) = (mean(scores_from), mean(scores_to));
                        PointChangeView {
                            number: p.number,
                            title: p.title.get(lang).to_owned(),
                            from: f.map_or_else(dash, |r| s.number(r, 2)),
                            to: t.map_or_else(dash, |r| s.number(r, 2)),
                            from_num: f.map_or(0.0, num),
                            to_num: t.map_or(0.0, num),
                            regressions: count(Movement::Regression),
                            improvements: count(Movement::Improvement),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let by_id = &self.commitments;
        let commitments = c
            .commitments
            .iter()
            .map(|cc| CommitmentChangeView {
                number: cc.number,
                title: by_id
                    .get(cc.commitment.as_str())
                    .map_or_else(|| cc.commitment.clone(), |d| d.value.title.get(lang).to_owned()),
                from: cc.completion.from.map_or_else(dash, |x| s.label("completion", &x)),
                to: cc.completion.to.map_or_else(dash, |x| s.label("completion", &x)),
                starred_from: cc.starred.from == Some(true),
                starred_to: cc.starred.to == Some(true),
            })
            .collect();
        ChangeView {
            from: self.period_view(from),
            to: self.period_view(to),
            summary: c.summary,
            mean_from: scores_from.map_or_else(dash, |p| s.number(p.mean_index_backed, 1)),
            mean_to: scores_to.map_or_else(dash, |p| s.number(p.mean_index_backed, 1)),
            institutions,
            points,
            regression_list,
            commitments,
        }
    }

    fn manifest(&self, assessments: &[&'a Assessment]) -> Vec<ManifestRow> {
        /// Where one institution cites a file, in the order shown: points
        /// by number, a point the rubric lacks, then milestones.
        #[derive(PartialEq, Eq, PartialOrd, Ord)]
        enum Place {
            Point(u32),
            UnknownPoint(String),
            Milestone(String),
        }
        type Places = BTreeSet<Place>;
        let s = self.strings;
        // reference → (dates, citing institution → where it cites it)
        let mut rows: BTreeMap<String, (BTreeSet<crate::model::Date>, BTreeMap<String, Places>)> = BTreeMap::new();
        let numbers = self
            .rubric()
            .map(|r| r.points.iter().map(|p| (p.id.as_str(), p.number)).collect::<BTreeMap<_, _>>())
            .unwrap_or_default();
        for a in assessments {
            let who = self.short(&a.institution);
            for (point, pa) in &a.points {
                for e in &pa.evidence {
                    let place = match numbers.get(point.as_str()) {
                        Some(&n) => Place::Point(n),
                        None => Place::UnknownPoint(point.clone()),
                    };
                    let row = rows.entry(Self::reference(e)).or_default();
                    row.0.extend(e.date);
                    row.1.entry(who.clone()).or_default().insert(place);
                }
            }
            for (commitment, ms) in &a.commitments {
                for (mid, pr) in ms {
                    for e in &pr.evidence {
                        let row = rows.entry(Self::reference(e)).or_default();
                        row.0.extend(e.date);
                        row.1.entry(who.clone()).or_default().insert(Place::Milestone(format!("{commitment}/{mid}")));
                    }
                }
            }
        }
        let cited_by = |cited: BTreeMap<String, Places>| {
            let each = cited.into_iter().map(|(who, places)| {
                let places = places
                    .into_iter()
                    .map(|place| match place {
                        Place::Point(n) => n.to_string(),
                        Place::UnknownPoint(id) | Place::Milestone(id) => id,
                    })
                    .collect::<Vec<_>>();
                format!("{who} ({})", places.join(", "))
            });
            each.collect::<Vec<_>>().join("; ")
        };
        rows.into_iter()
            .map(|(reference, (dates, cited))| {
                let hashed = self.hashes.get(&reference);
                let is_url = reference.starts_with("http://") || reference.starts_with("https://");
                ManifestRow {
                    sha256: hashed.map_or_else(|| "—".to_owned(), |(h, _)| h.clone()),
                    size: hashed.map_or_else(|| "—".to_owned(), |(_, n)| s.size(*n)),
                    date: dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
                    cited_by: cited_by(cited),
                    is_url,
                    reference,
                }
            })
            .collect()
    }

    /// The period report for `period`; `change` is the comparison with the
    /// previous period, when there is one.
    pub fn period_report(&self, period: &str, change: Option<(&Period, &Comparison)>) -> Option<PeriodReport> {
        let s = self.strings;
        let lang = self.lang();
        let manifest = &self.ws.manifest.as_ref()?.value;
        let rubric = self.rubric()?;
        let p = self.period(period)?;
        let ps = self.scores.period(period)?;
        let assessments = self.assessments(period);
        let (scale, max_level) = self.scale();
        let review = self.ws.reviews.iter().map(|d| &d.value).find(|r| r.period == period);
        let points = rubric
            .points
            .iter()
            .zip(&ps.points)
            .map(|(rp, sp)| PointView {
                number: rp.number,
                id: rp.id.clone(),
                title: rp.title.get(lang).to_owned(),
                description: rp.description.as_ref().map(|d| d.get(lang).to_owned()),
                weight: rp.weight,
                mean_claimed: s.number(sp.mean_claimed, 2),
                mean_backed: s.number(sp.mean_backed, 2),
                mean_claimed_num: num(sp.mean_claimed),
                mean_backed_num: num(sp.mean_backed),
                distribution: sp.distribution.values().copied().collect(),
            })
            .collect::<Vec<_>>();
        let institutions = ps.institutions.iter().map(|i| self.institution_row(i)).collect::<Vec<_>>();
        let commitments = self.commitments(ps, &assessments);
        let starred = commitments.iter().filter(|c| c.starred).map(|c| format!("{}. {}", c.number, c.title)).collect();
        let mut working_groups = Vec::new();
        let mut consultations = Vec::new();
        let mut institution_committees = Vec::new();
        let by_number = &self.commitments;
        for inst in self.ws.institutions.iter().map(|d| &d.value) {
            let short = self.short(&inst.id);
            if let Some(c) = &inst.steering_committee {
                institution_committees.push(format!("{short} ({})", c.members.len()));
            }
            for wg in &inst.working_groups {
                let mut numbers = wg
                    .commitments
                    .iter()
                    .filter_map(|c| by_number.get(c.as_str()).map(|d| d.value.number))
                    .collect::<Vec<_>>();
                numbers.sort_unstable();
                working_groups.push(WorkingGroupView {
                    institution: short.clone(),
                    name: wg.name.as_ref().map_or_else(|| wg.id.clone(), |n| n.get(lang).to_owned()),
                    commitments: numbers.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                    meets: wg.meets.map_or_else(|| "—".to_owned(), |m| s.label("meets", &m)),
                    members: wg.members.len(),
                    sectors: self.sectors(wg.members.iter().map(|m| m.sector)),
                });
            }
            for c in inst.consultations.iter().filter(|c| c.date >= p.start && c.date <= p.end) {
                consultations.push((
                    c.date,
                    ConsultationView {
                        date: s.date(c.date),
                        institution: short.clone(),
                        title: c.title.get(lang).to_owned(),
                        mechanism: c.mechanism.as_ref().map(|m| m.get(lang).to_owned()).unwrap_or_default(),
                        participants: c.participants.map_or_else(|| "—".to_owned(), |n| n.to_string()),
                        sectors: self.sectors(c.sectors.iter().copied()),
                    },
                ));
            }
        }
        consultations.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.institution.cmp(&b.1.institution)));
        let thresholds = rubric.thresholds();
        let recommendations = rubric
            .points
            .iter()
            .enumerate()
            .map(|(k, rp)| {
                let who = |r: Recommendation| {
                    let names = ps
                        .institutions
                        .iter()
                        .filter(|i| i.points.get(k).is_some_and(|x| x.recommendation == r))
                        .map(|i| self.short(&i.institution))
                        .collect();
                    NameList::new(names, s)
                };
                RecommendationView {
                    number: rp.number,
                    title: rp.title.get(lang).to_owned(),
                    maintain: who(Recommendation::MaintainAndExtend),
                    improve: who(Recommendation::Improve),
                    start: who(Recommendation::Start),
                }
            })
            .collect();
        let title = s.get("period.title");
        let subtitle = format!("{} · {}", self.jurisdiction().name, p.label.get(lang));
        Some(PeriodReport {
            doc: self.doc(
                title,
                subtitle,
                p.end,
                vec!["OGP".into(), "IRM".into(), self.jurisdiction().name, p.id.clone()],
            ),
            t: s.all().clone(),
            jurisdiction: self.jurisdiction(),
            plan: manifest.action_plan.title.get(lang).to_owned(),
            plan_span: format!("{} – {}", s.date(manifest.action_plan.start), s.date(manifest.action_plan.end)),
            period: self.period_view(p),
            context: manifest.context.as_ref().map(|c| c.get(lang).to_owned()),
            review: review.map(|r| ReviewView {
                methodology: s.label("methodology", &r.methodology),
                stage: s.label("stage", &r.stage),
                reviewer: r.reviewer.name.clone(),
                organisation: r.reviewer.organisation.clone(),
                influence_development: r
                    .process
                    .as_ref()
                    .and_then(|p| p.influence_development)
                    .map(|i| s.label("influence", &i)),
                influence_implementation: r
                    .process
                    .as_ref()
                    .and_then(|p| p.influence_implementation)
                    .map(|i| s.label("influence", &i)),
                forum_meetings: r.process.as_ref().and_then(|p| p.forum_meetings),
                note: r.process.as_ref().and_then(|p| p.note.as_ref()).map(|n| n.get(lang).to_owned()),
                has_star: r.methodology != crate::model::Methodology::Refreshed2021,
            }),
            glance: self.glance(&ps.commitments),
            figures: Figures {
                assessed: ps.institutions.len(),
                institutions: self.ws.institutions.len(),
                mean_claimed: s.number(ps.mean_index_claimed, 1),
                mean_backed: s.number(ps.mean_index_backed, 1),
                unsupported: ps.institutions.iter().flat_map(|i| &i.points).filter(|p| p.unsupported).count(),
                evidence: ps.institutions.iter().flat_map(|i| &i.points).map(|p| p.evidence).sum(),
            },
            starred,
            scale,
            max_level,
            points,
            institutions,
            steering: manifest.steering_committee.as_ref().map(|c| self.committee(c)),
            institution_committees: NameList::new(institution_committees, s),
            working_groups,
            consultations: consultations.into_iter().map(|(_, c)| c).collect(),
            commitments,
            change: change.map(|(from, c)| self.change(from, p, c)),
            recommendations,
            method: MethodView {
                rubric: rubric.title.get(lang).to_owned(),
                source: rubric.source.as_ref().map(|t| t.get(lang).to_owned()),
                maintain_from: thresholds.maintain_from,
                improve_from: thresholds.improve_from,
                assessed: ps.institutions.len(),
                institutions: self.ws.institutions.len(),
            },
            manifest: self.manifest(&assessments),
        })
    }

    /// One institution's scorecard for `period`.
    pub fn scorecard(&self, period: &str, id: &str) -> Option<Scorecard> {
        let s = self.strings;
        let lang = self.lang();
        let rubric = self.rubric()?;
        let p = self.period(period)?;
        let ps = self.scores.period(period)?;
        let score = ps.institution(id)?;
        let inst = self.institution(id)?;
        let assessment = *self.assessments.get(&(period, id))?;
        // The latest earlier period in which the institution assessed itself.
        let previous = self
            .periods()
            .into_iter()
            .filter(|q| q.start < p.start)
            .filter_map(|q| self.scores.period(&q.id).and_then(|qs| qs.institution(id)).map(|qs| (q, qs)))
            .next_back();
        let (scale, max_level) = self.scale();
        let dash = || "—".to_owned();
        let points = rubric
            .points
            .iter()
            .zip(&score.points)
            .map(|(rp, sp)| {
                let claim = assessment.points.get(&rp.id);
                let before = previous.and_then(|(_, qs)| qs.points.iter().find(|q| q.point == rp.id)).map(|q| q.backed);
                let sign = before.map_or(0, |b| (sp.backed as i32 - b as i32).signum());
                let movement = match before {
                    None => s.get("movement.not-comparable"),
                    Some(_) if sign < 0 => s.get("movement.regression"),
                    Some(_) if sign > 0 => s.get("movement.improvement"),
                    Some(_) => s.get("movement.unchanged"),
                };
                ScorePointView {
                    number: rp.number,
                    title: rp.title.get(lang).to_owned(),
                    weight: rp.weight,
                    claimed: sp.claimed,
                    backed: sp.backed,
                    reviewed: sp.reviewed.map_or_else(dash, |r| r.to_string()),
                    previous: before.map_or_else(dash, |b| b.to_string()),
                    previous_num: before.unwrap_or(0),
                    movement,
                    movement_sign: sign,
                    unsupported: sp.unsupported,
                    recommendation: s.get(&format!("recommendation.{}", sp.recommendation.as_str())),
                    recommendation_id: sp.recommendation.as_str(),
                    descriptor: rp.descriptors.get(&sp.claimed).map(|d| d.get(lang).to_owned()).unwrap_or_default(),
                    justification: claim
                        .and_then(|c| c.justification.as_ref())
                        .map(|j| j.get(lang).to_owned())
                        .unwrap_or_default(),
                    evidence: claim
                        .map(|c| {
                            c.evidence
                                .iter()
                                .map(|e| {
                                    let reference = Self::reference(e);
                                    EvidenceView {
                                        sha256: self
                                            .hashes
                                            .get(&reference)
                                            .map(|(h, _)| h.chars().take(12).collect())
                                            .unwrap_or_default(),
                                        note: e.note.as_ref().map(|n| n.get(lang).to_owned()).unwrap_or_default(),
                                        date: e.date.map(|d| s.date(d)).unwrap_or_default(),
                                        reference,
                                    }
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        let mut commitments = self
            .ws
            .commitments
            .iter()
            .map(|d| &d.value)
            .filter(|c| c.lead == id || c.supporting.iter().any(|x| x == id))
            .map(|c| {
                let role = s.get(if c.lead == id { "role.lead" } else { "role.supporting" });
                (c.number, format!("{}. {} ({role})", c.number, c.title.get(lang)))
            })
            .collect::<Vec<_>>();
        commitments.sort();
        let row = self.institution_row(score);
        let focal = &inst.focal_point;
        Some(Scorecard {
            doc: self.doc(
                format!("{} — {}", s.get("scorecard.title"), row.short),
                format!("{} · {}", row.name, p.label.get(lang)),
                p.end,
                vec!["OGP".into(), row.short.clone(), p.id.clone()],
            ),
            t: s.all().clone(),
            jurisdiction: self.jurisdiction(),
            period: self.period_view(p),
            previous: previous.map(|(q, _)| self.period_view(q)),
            focal_point: match &focal.position {
                Some(pos) => format!("{} ({pos})", focal.name),
                None => focal.name.clone(),
            },
            assessor: match &assessment.assessor.role {
                Some(role) => format!("{} ({role})", assessment.assessor.name),
                None => assessment.assessor.name.clone(),
            },
            submitted: assessment.submitted.map(|d| s.date(d)),
            previous_index: previous.map(|(_, qs)| s.number(qs.index_backed, 1)),
            institution: row,
            scale,
            max_level,
            points,
            commitments: commitments.into_iter().map(|(_, c)| c).collect(),
        })
    }

    /// The comparison report.
    pub fn compare_report(
        &self,
        from: &str,
        to: &str,
        c: &Comparison,
        institution: Option<&str>,
    ) -> Option<CompareReport> {
        let s = self.strings;
        let (a, b) = (self.period(from)?, self.period(to)?);
        let (scale, max_level) = self.scale();
        let lang = self.lang();
        Some(CompareReport {
            doc: self.doc(
                s.get("compare.title"),
                format!("{} · {} → {}", self.jurisdiction().name, a.label.get(lang), b.label.get(lang)),
                a.end.max(b.end),
                vec!["OGP".into(), a.id.clone(), b.id.clone()],
            ),
            t: s.all().clone(),
            jurisdiction: self.jurisdiction(),
            scale,
            max_level,
            change: self.change(a, b, c),
            institution: institution.map(|i| self.short(i)),
        })
    }
}
