//! The Local Monitoring Body's three reports (`report --stage`): the
//! inception assessment (the Action Plan Review's anatomy), one
//! commitment's end-of-commitment assessment, and the Results Report. The
//! checks come computed from `crate::cycle`; what the methodology does not
//! confirm (the degree-of-change scale, most immediate-result lists) is
//! said on the page, from the methodology's data.
//!
//! One unit: the three reports share their views of the body, the checks
//! and the commitments (`CycleCommon`, `CheckView`, `CycleCommitment`),
//! and each report's builder is a few dozen lines over them.

use serde::Serialize;

use crate::cycle::{self, due, requirements};
use crate::model::{Commitment, CommitmentReview, Date, EvidenceItem, Methodology, ResultScale, Review};
use crate::score::irm::milestones;

use super::{DocMeta, Input, JurisdictionView};

/// What the three reports share: the cover, the plan and the monitoring
/// body.
#[derive(Debug, Clone, Serialize)]
pub struct CycleCommon {
    /// PDF metadata and the cover's title.
    pub doc: DocMeta,
    /// The jurisdiction.
    pub jurisdiction: JurisdictionView,
    /// The plan's title.
    pub plan: String,
    /// Its span, written.
    pub plan_span: String,
    /// Its submission date, written.
    pub plan_submitted: Option<String>,
    /// The monitoring body.
    pub body: Option<BodyView>,
    /// "IRM-style review by …", when a review is the source.
    pub credit: Option<String>,
    /// The review's methodology and stage.
    pub methodology: String,
    /// The workspace's notice (illustrative data, …).
    pub notice: Option<String>,
    /// The day the report is as of, written.
    pub as_of: String,
}

/// The Local Monitoring Body.
#[derive(Debug, Clone, Serialize)]
pub struct BodyView {
    /// Name.
    pub name: String,
    /// Members: name, organisation, sector.
    pub members: Vec<(String, String, String)>,
    /// Its independence statement.
    pub independence: String,
    /// Its methods, labelled and joined.
    pub methods: String,
    /// Its e-mail address.
    pub email: Option<String>,
}

/// One co-creation check or minimum requirement.
#[derive(Debug, Clone, Serialize)]
pub struct CheckView {
    /// The check, in words.
    pub label: String,
    /// Met, not met, unknown — labelled.
    pub verdict: String,
    /// `met`, `gap` or `unknown`, for the template's colour.
    pub state: &'static str,
    /// What decided it — labelled.
    pub basis: String,
    /// What the logs show.
    pub computed: Option<String>,
    /// The reviewer's answer and explanation.
    pub answer: Option<String>,
    /// The period of the review that answered, labelled.
    pub answered_in: Option<String>,
    /// Files and addresses it rests on.
    pub evidence: Vec<String>,
}

/// A commitment in an annex or a cluster list.
#[derive(Debug, Clone, Serialize)]
pub struct CycleCommitment {
    /// Id.
    pub id: String,
    /// Number.
    pub number: u32,
    /// Title.
    pub title: String,
    /// Its cluster's title.
    pub cluster: String,
    /// Lead institution.
    pub lead: String,
    /// Verifiability, labelled ("—" when not reviewed).
    pub verifiability: String,
    /// The open-government lens: the values, labelled and joined.
    pub lens: String,
    /// Potential for results, labelled.
    pub potential: String,
    /// Promising, in words.
    pub promising: String,
    /// Whether it is promising.
    pub is_promising: bool,
    /// Completion, labelled.
    pub completion: String,
    /// Early results, labelled.
    pub early_results: String,
    /// The reviewer's note.
    pub note: Option<String>,
    /// The problem it addresses.
    pub problem: Option<String>,
    /// Its objective.
    pub objective: Option<String>,
    /// "1 March 2025 – 30 June 2026".
    pub span: String,
    /// Milestones: (title, start – due).
    pub milestones: Vec<(String, String)>,
}

/// A cluster and its commitments.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterView {
    /// Title.
    pub title: String,
    /// Its commitments' numbers and titles.
    pub commitments: Vec<CycleCommitment>,
}

/// The inception assessment.
#[derive(Debug, Clone, Serialize)]
pub struct InceptionReport {
    /// Shared.
    pub common: CycleCommon,
    /// The fixed strings, filled.
    pub t: std::collections::BTreeMap<String, String>,
    /// The review's summary (the plan's overview).
    pub summary: Option<String>,
    /// The plan's context (`terbuka.yaml`).
    pub context: Option<String>,
    /// The assessment's due date and when it was submitted.
    pub due: String,
    /// When it was submitted, written.
    pub submitted: Option<String>,
    /// Done, done late, open or late — labelled.
    pub state: String,
    /// Clusters, each with its commitments; commitments without one last.
    pub clusters: Vec<ClusterView>,
    /// The promising commitments, analysed.
    pub promising: Vec<CycleCommitment>,
    /// The other commitments, with the review's note.
    pub others: Vec<CycleCommitment>,
    /// The co-creation checks.
    pub checks: Vec<CheckView>,
    /// Every commitment, coded and clustered.
    pub annex: Vec<CycleCommitment>,
}

/// One OGP value's result in an end-of-commitment assessment.
#[derive(Debug, Clone, Serialize)]
pub struct ValueResultView {
    /// The value, labelled.
    pub value: String,
    /// The degree of change, labelled.
    pub change: String,
    /// The immediate result, labelled.
    pub result: String,
    /// Why.
    pub explanation: Option<String>,
    /// The immediate-result list is not confirmed by the public sources.
    pub unconfirmed: bool,
}

/// One commitment's end-of-commitment assessment.
#[derive(Debug, Clone, Serialize)]
pub struct EndOfCommitmentReport {
    /// Shared.
    pub common: CycleCommon,
    /// The fixed strings, filled.
    pub t: std::collections::BTreeMap<String, String>,
    /// The commitment.
    pub commitment: CycleCommitment,
    /// Supporting institutions.
    pub supporting: String,
    /// The commitment's contact: name, role, e-mail.
    pub contact: Option<String>,
    /// Due date, written.
    pub due: String,
    /// Submitted, written.
    pub submitted: Option<String>,
    /// Done, done late, open or late — labelled.
    pub state: String,
    /// Per OGP value.
    pub values: Vec<ValueResultView>,
    /// Lessons.
    pub lessons: Option<String>,
    /// Attachments (path or address, and note).
    pub attachments: Vec<(String, String)>,
    /// Dated modifications.
    pub modifications: Vec<(String, String)>,
    /// The degree-of-change scale is not confirmed.
    pub change_unconfirmed: bool,
    /// The degree-of-change scale's values, labelled, lowest first.
    pub change_scale: String,
}

/// One meeting of the forum.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    /// Date, written.
    pub date: String,
    /// Attendees by sector, labelled.
    pub attendees: String,
    /// Papers shared: the date, and whether before the meeting.
    pub papers: String,
    /// Papers shared before the meeting.
    pub papers_on_time: bool,
    /// The minutes' file or address.
    pub minutes: Option<String>,
}

/// The Results Report.
#[derive(Debug, Clone, Serialize)]
pub struct ResultsReport {
    /// Shared.
    pub common: CycleCommon,
    /// The fixed strings, filled.
    pub t: std::collections::BTreeMap<String, String>,
    /// The plan has not ended on the day of the report.
    pub provisional: Option<String>,
    /// The main findings.
    pub summary: Option<String>,
    /// Factors that affected implementation.
    pub factors: Option<String>,
    /// Completion of every commitment.
    pub completion: Vec<CycleCommitment>,
    /// The promising commitments and any other with significant results,
    /// with their end-of-commitment values.
    pub results: Vec<(CycleCommitment, Vec<ValueResultView>)>,
    /// The forum's meetings across the cycle.
    pub meetings: Vec<MeetingView>,
    /// Attendance across the cycle, by sector.
    pub attendance: String,
    /// The minimum requirements at the end of the cycle.
    pub checks: Vec<CheckView>,
    /// Lessons.
    pub lessons: Option<String>,
    /// Recommendations.
    pub recommendations: Vec<String>,
    /// Every commitment, coded and clustered, with completion.
    pub annex: Vec<CycleCommitment>,
    /// The early-results scale is not confirmed.
    pub early_unconfirmed: bool,
    /// The degree-of-change scale is not confirmed.
    pub change_unconfirmed: bool,
    /// Some result shows end-of-commitment values.
    pub any_values: bool,
    /// Some value's immediate-result list is not confirmed.
    pub result_unconfirmed: bool,
}

impl<'a> Input<'a> {
    fn common(&self, review: Option<&Review>, title_key: &str, today: Date, stage: bool) -> CycleCommon {
        let s = self.strings;
        let m = self.ws.manifest.as_ref().map(|d| &d.value);
        let plan = m.map(|m| self.name(&m.action_plan.title)).unwrap_or_default();
        let plan_span = m.map(|m| format!("{} – {}", s.date(m.action_plan.start), s.date(m.action_plan.end)));
        let body = m.and_then(|m| m.monitoring_body.as_ref()).map(|b| BodyView {
            name: self.name(&b.name),
            members: b
                .members
                .iter()
                .map(|x| (x.name.clone(), x.organisation.clone().unwrap_or_default(), s.label("sector", &x.sector)))
                .collect(),
            independence: self.tr(&b.independence),
            methods: b.methods.iter().map(|x| s.label("method", x)).collect::<Vec<_>>().join(", "),
            email: b.email.clone(),
        });
        let title = self.t(title_key);
        let jurisdiction = self.jurisdiction();
        let keywords = vec!["OGP".to_owned(), "IRM-style".to_owned(), jurisdiction.name.clone()];
        let mut doc = self.doc(title, plan.clone(), today, keywords);
        // The monitoring body writes these reports, not the government it
        // monitors.
        if let Some(author) = body.as_ref().map(|b| b.name.clone()).or_else(|| review.map(|r| r.reviewer.name.clone()))
        {
            doc.author = author;
        }
        CycleCommon {
            doc,
            jurisdiction,
            plan,
            plan_span: plan_span.unwrap_or_default(),
            plan_submitted: m.and_then(|m| m.action_plan.submitted).map(|d| s.date(d)),
            body,
            credit: review.map(|r| self.review_view(r).credit),
            methodology: review
                .map(|r| match stage {
                    true => format!("{} · {}", s.label("methodology", &r.methodology), s.label("stage", &r.stage())),
                    false => s.label("methodology", &r.methodology),
                })
                .unwrap_or_default(),
            notice: self.tr_opt(m.and_then(|m| m.notice.as_ref())),
            as_of: s.date(today),
        }
    }

    fn cluster_title(&self, c: &Commitment) -> String {
        let clusters = self.ws.manifest.as_ref().map(|m| m.value.action_plan.clusters.as_slice()).unwrap_or_default();
        c.cluster
            .as_ref()
            .and_then(|id| clusters.iter().find(|k| &k.id == id))
            .map_or_else(|| self.t("cycle.no_cluster"), |k| self.tr(&k.title))
    }

    /// A commitment with the review's values (`r`, confirmed only) and
    /// its completion: the review's, else derived from every assessment.
    fn cycle_commitment(
        &self,
        c: &Commitment,
        r: Option<&CommitmentReview>,
        m: Option<Methodology>,
    ) -> CycleCommitment {
        let s = self.strings;
        let dash = || "—".to_owned();
        let r = r.filter(|r| r.confirmed);
        let all = self.ws.assessments.iter().map(|d| &d.value).collect::<Vec<_>>();
        let completion = r.and_then(|r| r.completion).unwrap_or_else(|| milestones::derived_completion(c, &all));
        let early = r.and_then(|r| r.early_results.as_ref()).map_or_else(dash, |id| {
            let scale = m.and_then(|m| self.ws.early_results(m));
            scale.and_then(|sc| sc.level(id)).map_or_else(|| id.to_string(), |l| self.tr(&l.label))
        });
        let promising = r.and_then(|r| r.promising);
        CycleCommitment {
            id: c.id.to_string(),
            number: c.number,
            title: self.tr(&c.title),
            cluster: self.cluster_title(c),
            lead: self.short(&c.lead),
            verifiability: r.and_then(|r| r.verifiability).map_or_else(dash, |v| s.label("verifiability", &v)),
            lens: r
                .map(|r| r.relevance.iter().map(|v| s.label("value", v)).collect::<Vec<_>>().join(", "))
                .filter(|l| !l.is_empty())
                .unwrap_or_else(dash),
            potential: r.and_then(|r| r.potential_for_results).map_or_else(dash, |p| s.label("results", &p)),
            promising: match promising {
                Some(true) => s.get("yes"),
                Some(false) => s.get("no_word"),
                None => dash(),
            },
            is_promising: promising == Some(true),
            completion: s.label("completion", &completion),
            early_results: early,
            note: self.tr_opt(r.and_then(|r| r.note.as_ref())),
            problem: self.tr_opt(c.problem.as_ref()),
            objective: self.tr_opt(c.objective.as_ref()),
            span: format!("{} – {}", s.date(c.start), s.date(c.end)),
            milestones: c
                .milestones
                .iter()
                .map(|ms| {
                    let span = match ms.start {
                        Some(start) => format!("{} – {}", s.date(start), s.date(ms.due)),
                        None => s.date(ms.due),
                    };
                    (self.tr(&ms.title), span)
                })
                .collect(),
        }
    }

    fn commitments_sorted(&self) -> Vec<&'a Commitment> {
        let mut all = self.ws.commitments.iter().map(|d| &d.value).collect::<Vec<_>>();
        all.sort_by_key(|c| (c.number, c.id.clone()));
        all
    }

    fn checks(&self, today: Date) -> Vec<CheckView> {
        let s = self.strings;
        requirements::requirements(self.ws, today)
            .into_iter()
            .map(|r| {
                let state = match r.verdict {
                    requirements::Verdict::Met => "met",
                    requirements::Verdict::Gap => "gap",
                    requirements::Verdict::Unknown => "unknown",
                };
                let answer = r.answer.map(|a| {
                    let word = s.label("answer", &a);
                    // The question this check asks the other way round.
                    let word = match r.check {
                        crate::model::CoCreationCheck::ContraryToProcess => {
                            format!("{} {word}", self.t("cycle.contrary_question"))
                        }
                        _ => word,
                    };
                    match &r.explanation {
                        Some(e) => format!("{word}: {}", self.tr(e)),
                        None => word,
                    }
                });
                let answered_in = r.answered_in.as_ref().and_then(|p| self.period(p)).map(|p| self.name(&p.label));
                CheckView {
                    label: requirements::label(r.check).get(s.lang()).to_owned(),
                    verdict: s.get(&format!("verdict.{state}")),
                    state,
                    basis: s.label("basis", &r.basis),
                    computed: r.computed.map(|c| c.get(s.lang()).to_owned()),
                    answer,
                    answered_in,
                    evidence: r.evidence,
                }
            })
            .collect()
    }

    fn due_state(&self, kind: due::Kind, subject: &str, today: Date) -> Option<due::Item> {
        due::items(self.ws, today).into_iter().find(|i| i.kind == kind && i.subject == subject)
    }

    /// The inception assessment's report, as of `today`.
    pub fn inception_report(&self, today: Date) -> Option<InceptionReport> {
        let s = self.strings;
        let doc = cycle::inception(self.ws);
        let review = doc.map(|d| &d.value);
        let m = review.map(|r| r.methodology);
        let manifest = &self.ws.manifest.as_ref()?.value;
        let plan_id = manifest.action_plan.id.to_string();
        let item = self.due_state(due::Kind::Inception, &plan_id, today);
        let all = self.commitments_sorted();
        let annex = all
            .iter()
            .map(|c| self.cycle_commitment(c, review.and_then(|r| r.commitments.get(&c.id)), m))
            .collect::<Vec<_>>();
        let mut clusters = manifest
            .action_plan
            .clusters
            .iter()
            .map(|k| ClusterView {
                title: self.tr(&k.title),
                commitments: all
                    .iter()
                    .zip(&annex)
                    .filter(|(c, _)| c.cluster.as_ref() == Some(&k.id))
                    .map(|(_, v)| v.clone())
                    .collect(),
            })
            .collect::<Vec<_>>();
        let known = manifest.action_plan.clusters.iter().map(|k| &k.id).collect::<Vec<_>>();
        let loose = all
            .iter()
            .zip(&annex)
            .filter(|(c, _)| c.cluster.as_ref().is_none_or(|id| !known.contains(&id)))
            .map(|(_, v)| v.clone())
            .collect::<Vec<_>>();
        if !loose.is_empty() {
            clusters.push(ClusterView { title: self.t("cycle.no_cluster"), commitments: loose });
        }
        Some(InceptionReport {
            common: self.common(review, "cycle.inception.title", today, true),
            t: self.filled.clone(),
            summary: self.tr_opt(review.and_then(|r| r.summary.as_ref())),
            context: self.tr_opt(manifest.context.as_ref()),
            due: item.as_ref().map(|i| s.date(i.due)).unwrap_or_else(|| "—".to_owned()),
            submitted: review.and_then(|r| r.submitted).map(|d| s.date(d)),
            state: item.map(|i| s.label("due_state", &i.state)).unwrap_or_default(),
            clusters,
            promising: annex.iter().filter(|c| c.is_promising).cloned().collect(),
            others: annex.iter().filter(|c| !c.is_promising).cloned().collect(),
            checks: self.checks(today),
            annex,
        })
    }

    fn value_results(&self, m: Methodology, r: &CommitmentReview) -> Vec<ValueResultView> {
        let s = self.strings;
        let Some(eoc) = &r.end_of_commitment else { return Vec::new() };
        let data = self.ws.methodology(m);
        let label = |scale: Option<&ResultScale>, id: &str| {
            scale.and_then(|sc| sc.level(id)).map_or_else(|| id.to_owned(), |l| self.tr(&l.label))
        };
        eoc.values
            .iter()
            .map(|(value, v)| {
                let results = data.and_then(|d| d.immediate_results.get(value));
                ValueResultView {
                    value: s.label("value", value),
                    change: v
                        .change
                        .as_ref()
                        .map_or_else(|| "—".to_owned(), |c| label(data.and_then(|d| d.degree_of_change.as_ref()), c)),
                    result: v.result.as_ref().map_or_else(|| "—".to_owned(), |c| label(results, c)),
                    explanation: self.tr_opt(v.explanation.as_ref()),
                    unconfirmed: results.is_none_or(|sc| !sc.confirmed),
                }
            })
            .collect()
    }

    /// One commitment's end-of-commitment assessment, as of `today`.
    pub fn end_of_commitment_report(&self, commitment: &str, today: Date) -> Option<EndOfCommitmentReport> {
        let s = self.strings;
        let c = &self.commitments.get(commitment)?.value;
        let found = cycle::end_of_commitment(self.ws, commitment);
        // The review with the assessment, else the last that reviews the
        // commitment (its completion and design), confirmed.
        let holds = |r: &Review| r.commitments.get(commitment).is_some_and(|c| c.confirmed);
        let latest = cycle::reviews_in_order(self.ws).into_iter().rev().map(|d| &d.value).find(|r| holds(r));
        let review = found.map(|(d, _)| &d.value).or(latest);
        let m = review.map_or(Methodology::Refreshed2021, |r| r.methodology);
        let reviewed = review.and_then(|r| r.commitments.get(commitment));
        let item = self.due_state(due::Kind::EndOfCommitment, commitment, today);
        let data = self.ws.methodology(m);
        let change_scale = data.and_then(|d| d.degree_of_change.as_ref());
        let eoc = found.map(|(_, e)| e);
        Some(EndOfCommitmentReport {
            common: self.common(review, "cycle.eoc.title", today, false),
            t: self.filled.clone(),
            commitment: self.cycle_commitment(c, reviewed, Some(m)),
            supporting: c.supporting.iter().map(|i| self.short(i)).collect::<Vec<_>>().join(", "),
            contact: c.contact.as_ref().map(|k| {
                let role = k.role.as_ref().map(|r| format!(", {}", self.tr(r))).unwrap_or_default();
                let email = k.email.as_ref().map(|e| format!(" ({e})")).unwrap_or_default();
                format!("{}{role}{email}", k.name)
            }),
            due: item.as_ref().map(|i| s.date(i.due)).unwrap_or_else(|| "—".to_owned()),
            submitted: eoc.and_then(|e| e.submitted).map(|d| s.date(d)),
            state: item.map(|i| s.label("due_state", &i.state)).unwrap_or_default(),
            values: reviewed.map(|r| self.value_results(m, r)).unwrap_or_default(),
            lessons: self.tr_opt(eoc.and_then(|e| e.lessons.as_ref())),
            attachments: eoc
                .map(|e| e.attachments.iter().take(cycle::MAX_ATTACHMENTS).map(|a| self.attachment(a)).collect())
                .unwrap_or_default(),
            modifications: c.modifications.iter().map(|x| (s.date(x.date), self.tr(&x.change))).collect(),
            change_unconfirmed: change_scale.is_none_or(|sc| !sc.confirmed),
            change_scale: change_scale
                .map(|sc| sc.levels.iter().map(|l| self.tr(&l.label)).collect::<Vec<_>>().join(" · "))
                .unwrap_or_default(),
        })
    }

    fn attachment(&self, a: &EvidenceItem) -> (String, String) {
        (Input::reference(a), self.tr_opt(a.note.as_ref()).unwrap_or_default())
    }

    /// The Results Report, as of `today`.
    pub fn results_report(&self, today: Date) -> Option<ResultsReport> {
        let s = self.strings;
        let manifest = &self.ws.manifest.as_ref()?.value;
        let review = cycle::results(self.ws).map(|d| &d.value);
        let m = review.map(|r| r.methodology);
        let design = cycle::inception(self.ws).map(|d| &d.value);
        let all = self.commitments_sorted();
        // The results review's values, else the design review's (for the
        // design fields of the annex).
        let reviewed = |id: &str| {
            let r = review.and_then(|r| r.commitments.get(id)).filter(|c| c.confirmed);
            r.or_else(|| design.and_then(|d| d.commitments.get(id)))
        };
        let annex = all.iter().map(|c| self.cycle_commitment(c, reviewed(&c.id), m)).collect::<Vec<_>>();
        let significant =
            self.ws.early_results(m.unwrap_or(Methodology::Refreshed2021)).and_then(|sc| sc.levels.last());
        let results = all
            .iter()
            .zip(&annex)
            .filter(|(c, v)| {
                let top = review
                    .and_then(|r| r.commitments.get(&c.id))
                    .and_then(|r| r.early_results.as_ref())
                    .is_some_and(|e| significant.is_some_and(|l| l.id == *e));
                v.is_promising || top
            })
            .map(|(c, v)| {
                let values = cycle::end_of_commitment(self.ws, &c.id)
                    .and_then(|(d, _)| Some((d.value.methodology, d.value.commitments.get(&c.id)?)))
                    .map(|(m, r)| self.value_results(m, r))
                    .unwrap_or_default();
                (v.clone(), values)
            })
            .collect::<Vec<_>>();
        let any_values = results.iter().any(|(_, v)| !v.is_empty());
        let result_unconfirmed = results.iter().flat_map(|(_, v)| v).any(|v| v.unconfirmed);
        let meetings = manifest.steering_committee.as_ref().map(|sc| sc.meetings.as_slice()).unwrap_or_default();
        let mut totals = std::collections::BTreeMap::new();
        for mt in meetings {
            for (sector, n) in &mt.attendees {
                *totals.entry(*sector).or_insert(0u32) += n;
            }
        }
        let by_sector = |map: &std::collections::BTreeMap<crate::model::Sector, u32>| {
            map.iter().map(|(k, n)| format!("{} {n}", s.label("sector", k))).collect::<Vec<_>>().join(", ")
        };
        let provisional = (today < manifest.action_plan.end)
            .then(|| self.t("cycle.results.provisional").replace("{end}", &s.date(manifest.action_plan.end)));
        Some(ResultsReport {
            common: self.common(review, "cycle.results.title", today, true),
            t: self.filled.clone(),
            provisional,
            summary: self.tr_opt(review.and_then(|r| r.summary.as_ref())),
            factors: self.tr_opt(review.and_then(|r| r.factors.as_ref())),
            completion: annex.clone(),
            results,
            meetings: meetings
                .iter()
                .map(|mt| MeetingView {
                    date: s.date(mt.date),
                    attendees: by_sector(&mt.attendees),
                    papers: mt.papers_shared.map(|d| s.date(d)).unwrap_or_else(|| "—".to_owned()),
                    papers_on_time: mt.papers_shared.is_some_and(|d| d < mt.date),
                    minutes: mt.minutes.as_ref().map(Input::reference),
                })
                .collect(),
            attendance: by_sector(&totals),
            checks: self.checks(today),
            lessons: self.tr_opt(review.and_then(|r| r.lessons.as_ref())),
            recommendations: review.map(|r| r.recommendations.iter().map(|x| self.tr(x)).collect()).unwrap_or_default(),
            annex,
            early_unconfirmed: m.and_then(|m| self.ws.early_results(m)).is_none_or(|sc| !sc.confirmed),
            any_values,
            result_unconfirmed,
            change_unconfirmed: self
                .ws
                .methodology(m.unwrap_or(Methodology::Refreshed2021))
                .and_then(|d| d.degree_of_change.as_ref())
                .is_none_or(|sc| !sc.confirmed),
        })
    }
}
