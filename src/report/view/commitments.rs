//! A period report's commitment sections and "At a Glance", laid out by
//! the rules of the period's methodology and stage
//! ([`crate::score::irm::Rules`]): the view asks them which fields, values
//! and rows to show, and only writes them out.

use serde::Serialize;

use super::Input;
use crate::model::{Assessment, Commitment, ReviewField};
use crate::score::irm::milestones::{self, Uncounted};
use crate::score::irm::{Field, GlanceRow, RowLabel, Rules};
use crate::score::{self, CommitmentStatus, PeriodScores, StarStatus};

/// A row of "At a Glance".
#[derive(Debug, Clone, Serialize)]
pub struct GlanceRowView {
    /// What it counts.
    pub label: String,
    /// How many ("" for a group heading).
    pub count: String,
    /// A group heading.
    pub group: bool,
    /// Indented under a group.
    pub indented: bool,
    /// Counts starred commitments (the row carries the star).
    pub star: bool,
}

/// A tick in the OGP-values row of a commitment's overview.
#[derive(Debug, Clone, Serialize)]
pub struct ValueTick {
    /// The value, labelled.
    pub value: String,
    /// Whether the reviewer found the commitment relevant to it.
    pub ticked: bool,
}

/// One field of a commitment's overview.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    /// The field's name.
    pub label: String,
    /// Its value, labelled ("—" when not given).
    pub value: String,
    /// The value is reconstructed rather than from the public record.
    pub reconstructed: bool,
    /// Completion derived from milestone reports rather than given by the reviewer.
    pub derived: bool,
    /// The star column, and the commitment is starred.
    pub starred: bool,
    /// The star column.
    pub star_column: bool,
}

/// A milestone's row.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// What it delivers.
    pub deliverable: Option<String>,
    /// Due date.
    pub due: String,
    /// Completion, labelled ("—" when no report counts).
    pub completion: String,
    /// 0 (none) … 4 (complete), for the cell's colour.
    pub completion_num: u32,
    /// Who reported it.
    pub reported_by: String,
    /// Due by the period's end and not complete.
    pub overdue: bool,
    /// Reports left out of the count: "Dinas X: complete (no evidence)".
    pub uncounted: Vec<String>,
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
    /// "Withdrawn by government on 1 March 2023: reason", from its date on.
    pub withdrawn: Option<String>,
    /// The overview's fields, in the methodology's order.
    pub fields: Vec<FieldView>,
    /// What the values row is called (relevance, or the open-government lens).
    pub values_heading: String,
    /// OGP values with ticks (empty without a review).
    pub values: Vec<ValueTick>,
    /// The values row is reconstructed.
    pub values_reconstructed: bool,
    /// Completion, labelled (for the overview table of all commitments).
    pub completion: String,
    /// Completion derived from milestones rather than given by the reviewer.
    pub completion_derived: bool,
    /// Starred.
    pub starred: bool,
    /// Promising (refreshed).
    pub promising: bool,
    /// Some reviewer values are reconstructed rather than from the public record.
    pub reconstructed: bool,
    /// Reviewer's remarks.
    pub note: Option<String>,
    /// Milestones.
    pub milestones: Vec<MilestoneView>,
    /// Some milestone is overdue.
    pub any_overdue: bool,
    /// Some milestone report is not counted.
    pub any_uncounted: bool,
    /// Evidence of milestone progress.
    pub evidence: Vec<MilestoneEvidence>,
}

impl<'a> Input<'a> {
    /// "At a Glance" as the rules of the period lay it out.
    pub(super) fn glance(&self, rules: Rules, statuses: &[CommitmentStatus]) -> Vec<GlanceRowView> {
        let scale = rules.methodology.and_then(|m| self.ws.early_results(m));
        let ids = scale.map(|s| s.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>()).unwrap_or_default();
        rules
            .glance(statuses, &ids)
            .into_iter()
            .map(|GlanceRow { label, count, indented, star }| GlanceRowView {
                label: match label {
                    RowLabel::Key(key) => self.t(&format!("glance.{key}")),
                    RowLabel::EarlyResults(id) => scale.and_then(|s| s.level(&id)).map_or(id, |l| self.tr(&l.label)),
                },
                group: count.is_none(),
                count: count.map(|n| n.to_string()).unwrap_or_default(),
                indented,
                star,
            })
            .collect()
    }

    fn star_text(&self, star: &StarStatus) -> String {
        match star {
            StarStatus::Starred => self.t("star.starred"),
            StarStatus::NotApplicable => self.t("star.not-applicable"),
            StarStatus::NotStarred { failed } => {
                let failed = failed.iter().map(|c| self.t(&format!("criterion.{}", c.as_str()))).collect::<Vec<_>>();
                format!("{} ({}: {})", self.t("star.not-starred"), self.t("star.fails"), failed.join(", "))
            }
        }
    }

    /// One field of the overview: (value, reconstructed, derived).
    fn field(&self, field: Field, st: &CommitmentStatus) -> FieldView {
        let s = self.strings;
        let dash = || "—".to_owned();
        let yes_no = |b: Option<bool>| b.map_or_else(dash, |b| self.t(if b { "yes" } else { "no_word" }));
        let (value, source) = match field {
            Field::Specificity => {
                let verifiable = st
                    .verifiable
                    .map(|v| self.t(if v { "specificity.verifiable" } else { "specificity.not-verifiable" }));
                let value = match (st.specificity, verifiable) {
                    (Some(sp), Some(v)) => format!("{} ({v})", s.label("specificity", &sp)),
                    (None, Some(v)) => v,
                    (Some(sp), None) => s.label("specificity", &sp),
                    (None, None) => dash(),
                };
                (value, Some(ReviewField::Specificity))
            }
            Field::Verifiability => {
                (st.verifiability.map_or_else(dash, |v| s.label("verifiability", &v)), Some(ReviewField::Verifiability))
            }
            Field::PotentialImpact => {
                (st.potential_impact.map_or_else(dash, |i| s.label("impact", &i)), Some(ReviewField::PotentialImpact))
            }
            Field::PotentialForResults => (
                st.potential_for_results.map_or_else(dash, |r| s.label("results", &r)),
                Some(ReviewField::PotentialForResults),
            ),
            Field::Completion => {
                (st.completion.map_or_else(dash, |c| s.label("completion", &c)), Some(ReviewField::Completion))
            }
            Field::OnTime => (yes_no(st.on_time), Some(ReviewField::OnTime)),
            Field::DidItOpenGovernment => (
                st.did_it_open_government.map_or_else(dash, |d| s.label("opened", &d)),
                Some(ReviewField::DidItOpenGovernment),
            ),
            Field::EarlyResults => {
                let scale = st.methodology.and_then(|m| self.ws.early_results(m));
                let value = st.early_results.as_ref().map_or_else(dash, |id| {
                    scale.and_then(|sc| sc.level(id)).map_or_else(|| id.clone(), |l| self.tr(&l.label))
                });
                (value, Some(ReviewField::EarlyResults))
            }
            Field::Promising => (yes_no(st.promising), Some(ReviewField::Promising)),
            Field::Starred => (self.star_text(&st.star), None),
        };
        let reconstructed = source.is_some_and(|f| st.reconstructed_fields.contains(&f))
            // Specificity is the legacy reading of verifiability.
            || (field == Field::Specificity && st.specificity.is_none() && st.reconstructed_fields.contains(&ReviewField::Verifiability));
        FieldView {
            label: self.t(&format!("field.{}", field.as_str())),
            value,
            reconstructed,
            derived: field == Field::Completion
                && st.completion_source == Some(score::irm::CompletionSource::Milestones),
            starred: field == Field::Starred && st.star.is_starred(),
            star_column: field == Field::Starred,
        }
    }

    fn milestone_views(
        &self,
        c: &Commitment,
        st: &CommitmentStatus,
        assessments: &[&'a Assessment],
    ) -> Vec<MilestoneView> {
        let s = self.strings;
        let dash = || "—".to_owned();
        c.milestones
            .iter()
            .map(|m| {
                let counted = milestones::milestone_completion(c, assessments, &m.id);
                let mut uncounted = milestones::reports(c, assessments, &m.id)
                    .filter_map(|(completion, who, why)| {
                        let why = match why? {
                            Uncounted::Unconfirmed => self.t("uncounted.unconfirmed"),
                            Uncounted::Unbacked => self.t("uncounted.unbacked"),
                        };
                        Some(format!("{}: {} ({why})", self.short(who), s.label("completion", &completion)))
                    })
                    .collect::<Vec<_>>();
                uncounted.sort();
                MilestoneView {
                    id: m.id.clone(),
                    title: self.tr(&m.title),
                    deliverable: self.tr_opt(m.deliverable.as_ref()),
                    due: s.date(m.due),
                    completion: counted.map_or_else(dash, |(c, _)| s.label("completion", &c)),
                    completion_num: counted.map_or(0, |(c, _)| c as u32),
                    reported_by: counted.map_or_else(dash, |(_, who)| self.short(who)),
                    overdue: st.overdue.contains(&m.id),
                    uncounted,
                }
            })
            .collect()
    }

    pub(super) fn commitments(
        &self,
        rules: Rules,
        p: &PeriodScores,
        assessments: &[&'a Assessment],
    ) -> Vec<CommitmentView> {
        let s = self.strings;
        let dash = || "—".to_owned();
        let by_id = &self.commitments;
        let review = self.ws.review(&p.period);
        p.commitments
            .iter()
            .filter_map(|st| {
                let c = &by_id.get(st.commitment.as_str())?.value;
                let reviewed = review.and_then(|r| r.commitments.get(&c.id)).filter(|r| r.confirmed);
                let milestones = self.milestone_views(c, st, assessments);
                let mut evidence = Vec::new();
                for a in assessments {
                    let Some(progress) = a.commitments.get(&c.id) else { continue };
                    for (mid, pr) in progress {
                        for e in &pr.evidence {
                            evidence.push(MilestoneEvidence {
                                milestone: mid.clone(),
                                institution: self.short(&a.institution),
                                reference: Self::reference(e),
                                note: self.tr_opt(e.note.as_ref()).unwrap_or_default(),
                            });
                        }
                    }
                }
                evidence.sort_by(|a, b| (&a.milestone, &a.institution).cmp(&(&b.milestone, &b.institution)));
                let withdrawn =
                    c.withdrawn_by(self.period(&p.period).map_or(crate::model::Date::MAX, |p| p.end)).map(|w| {
                        self.t("withdrawn_on")
                            .replace("{date}", &s.date(w.date))
                            .replace("{reason}", &self.tr(&w.reason))
                    });
                let values = if reviewed.is_some() {
                    rules
                        .values()
                        .iter()
                        .map(|v| ValueTick { value: s.label("value", v), ticked: st.relevance.contains(v) })
                        .collect()
                } else {
                    Vec::new()
                };
                Some(CommitmentView {
                    number: c.number,
                    id: c.id.clone(),
                    title: self.tr(&c.title),
                    lead: self.short(&c.lead),
                    supporting: c.supporting.iter().map(|i| self.short(i)).collect::<Vec<_>>().join(", "),
                    problem: self.tr_opt(c.problem.as_ref()),
                    objective: self.tr_opt(c.objective.as_ref()),
                    span: format!("{} – {}", s.date(c.start), s.date(c.end)),
                    withdrawn,
                    fields: rules.fields().into_iter().map(|f| self.field(f, st)).collect(),
                    values_heading: self.t(&format!("values.{}", rules.values_heading())),
                    values,
                    values_reconstructed: st.reconstructed_fields.contains(&ReviewField::Relevance),
                    completion: if st.withdrawn {
                        self.t("withdrawn_short")
                    } else if st.outside {
                        self.t("outside_short")
                    } else {
                        st.completion.map_or_else(dash, |c| s.label("completion", &c))
                    },
                    completion_derived: st.completion_source == Some(score::irm::CompletionSource::Milestones),
                    starred: st.star.is_starred(),
                    promising: st.promising == Some(true),
                    reconstructed: st.reconstructed,
                    note: self.tr_opt(reviewed.and_then(|r| r.note.as_ref())),
                    any_overdue: milestones.iter().any(|m| m.overdue),
                    any_uncounted: milestones.iter().any(|m| !m.uncounted.is_empty()),
                    milestones,
                    evidence,
                })
            })
            .collect()
    }
}
