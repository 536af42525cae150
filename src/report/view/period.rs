//! The IRM-style period report: cover, summary, process, the
//! institutions' self-assessment, commitments, change, recommendations,
//! method and annex.

use std::collections::BTreeMap;

use serde::Serialize;

use super::format::num;
use super::{
    ChangeView, CommitmentView, DocMeta, Glance, Input, InstitutionRow, JurisdictionView, LevelView, ManifestRow,
    NameList, PeriodView,
};
use crate::compare::Comparison;
use crate::model::{Period, Sector, SteeringCommittee};
use crate::score::Recommendation;

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

impl<'a> Input<'a> {
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
                has_star: r.methodology.has_star(),
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
}
