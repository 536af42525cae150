//! A period report's commitment sections and "Table 1: At a Glance".

use serde::Serialize;

use super::Input;
use crate::model::Assessment;
use crate::score::{self, CommitmentStatus, PeriodScores, StarStatus};

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

impl<'a> Input<'a> {
    pub(super) fn glance(&self, statuses: &[CommitmentStatus]) -> Glance {
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

    pub(super) fn commitments(&self, p: &PeriodScores, assessments: &[&'a Assessment]) -> Vec<CommitmentView> {
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
                let values = crate::model::Methodology::ogp_values(st.methodology);
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
                        .iter()
                        .map(|v| ValueTick { value: s.label("value", v), ticked: st.relevance.contains(v) })
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
}
