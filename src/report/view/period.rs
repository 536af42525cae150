//! The IRM-style period report: cover, summary, process, the
//! institutions' self-assessment beside the review, commitments, change,
//! recommendations, method and annex.

use std::collections::BTreeMap;

use serde::Serialize;

use super::format::num;
use super::{
    ChangeView, CommitmentView, DocMeta, GlanceRowView, Input, InstitutionRow, JurisdictionView, LevelView,
    ManifestRow, NameList, PeriodView, ProcessView, ReviewView, ReviewedRow, RulesView,
};
use crate::compare::Comparison;
use crate::model::Period;
use crate::score::Recommendation;
use crate::score::irm::Rules;

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
    /// Some institution's claim on it is carried over and not confirmed.
    pub unconfirmed: bool,
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
    /// Institutions whose claim is carried over and not confirmed: no
    /// recommendation is made on a level nobody claimed this period.
    pub unconfirmed: NameList,
}

/// The names of the three recommendations: the rubric's own, or the
/// catalogue's.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationNames {
    /// At or above `maintain-from`.
    pub maintain: String,
    /// From `improve-from`.
    pub improve: String,
    /// Below `improve-from`.
    pub start: String,
}

/// The method section's facts.
#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    /// Rubric title.
    pub rubric: String,
    /// Who set its points.
    pub authority: Option<String>,
    /// Where the rubric comes from.
    pub source: Option<String>,
    /// The rule of the recommendations in the words of whoever set it.
    pub rule: Option<String>,
    /// The recommendations' names.
    pub names: RecommendationNames,
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
    /// Points carried over and not confirmed.
    pub unconfirmed: usize,
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
    /// The workspace's notice (e.g. that sample names are illustrative).
    pub notice: Option<String>,
    /// The review, if any.
    pub review: Option<ReviewView>,
    /// The methodology's rules as the report states them.
    pub rules: RulesView,
    /// "At a Glance", row by row.
    pub glance: Vec<GlanceRowView>,
    /// Number of commitments.
    pub commitment_count: usize,
    /// Key figures.
    pub figures: Figures,
    /// The commitments the highlight section lists (starred, or promising):
    /// "1. Title".
    pub highlighted: Vec<String>,
    /// The scale.
    pub scale: Vec<LevelView>,
    /// The top level.
    pub max_level: u32,
    /// The lowest level.
    pub min_level: u32,
    /// Points.
    pub points: Vec<PointView>,
    /// Institutions.
    pub institutions: Vec<InstitutionRow>,
    /// The process section's records.
    #[serde(flatten)]
    pub process: ProcessView,
    /// The reviewer's levels beside the institutions' own.
    pub reviewed: Vec<ReviewedRow>,
    /// How many levels the reviewer gave in all.
    pub reviewed_total: usize,
    /// "and 40 more (see the scorecards)" when the table is cut.
    pub reviewed_more: String,
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
    fn recommendation_names(&self) -> RecommendationNames {
        let labels = self.rubric().and_then(|r| r.recommendations.as_ref()).and_then(|r| r.labels.as_ref());
        match labels {
            Some(l) => RecommendationNames {
                maintain: self.tr(&l.maintain),
                improve: self.tr(&l.improve),
                start: self.tr(&l.start),
            },
            None => RecommendationNames {
                maintain: self.t("recommendation.maintain-and-extend"),
                improve: self.t("recommendation.improve"),
                start: self.t("recommendation.start"),
            },
        }
    }

    /// A recommendation's name, the rubric's own when it words them.
    pub(super) fn recommendation_name(&self, r: Recommendation) -> String {
        let names = self.recommendation_names();
        match r {
            Recommendation::MaintainAndExtend => names.maintain,
            Recommendation::Improve => names.improve,
            Recommendation::Start => names.start,
        }
    }

    /// The period report for `period`; `change` is the comparison with the
    /// previous period, when there is one.
    pub fn period_report(&self, period: &str, change: Option<(&Period, &Comparison)>) -> Option<PeriodReport> {
        let s = self.strings;
        let manifest = &self.ws.manifest.as_ref()?.value;
        let rubric = self.rubric()?;
        let p = self.period(period)?;
        let ps = self.scores.period(period)?;
        let assessments = self.assessments(period);
        let (scale, max_level) = self.scale();
        let review = self.ws.review(period);
        let rules = Rules::of(review);
        let points = rubric
            .points
            .iter()
            .zip(&ps.points)
            .map(|(rp, sp)| PointView {
                number: rp.number,
                id: rp.id.clone(),
                title: self.tr(&rp.title),
                description: self.tr_opt(rp.description.as_ref()),
                weight: rp.weight,
                mean_claimed: s.number(sp.mean_claimed, 2),
                mean_backed: s.number(sp.mean_backed, 2),
                mean_claimed_num: num(sp.mean_claimed),
                mean_backed_num: num(sp.mean_backed),
                distribution: sp.distribution.values().copied().collect(),
                unconfirmed: ps.institutions.iter().any(|i| i.points.iter().any(|x| x.point == rp.id && x.unconfirmed)),
            })
            .collect::<Vec<_>>();
        let institutions = ps.institutions.iter().map(|i| self.institution_row(i)).collect::<Vec<_>>();
        let commitments = self.commitments(rules, ps, &assessments);
        let highlighted = commitments
            .iter()
            .filter(|c| if rules.has_star() { c.starred } else { c.promising })
            .map(|c| format!("{}. {}", c.number, c.title))
            .collect();
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
                        .filter(|i| i.points.get(k).is_some_and(|x| !x.unconfirmed && x.recommendation == r))
                        .map(|i| self.short(&i.institution))
                        .collect();
                    NameList::new(names, s)
                };
                RecommendationView {
                    number: rp.number,
                    title: self.tr(&rp.title),
                    maintain: who(Recommendation::MaintainAndExtend),
                    improve: who(Recommendation::Improve),
                    start: who(Recommendation::Start),
                    unconfirmed: NameList::new(
                        ps.institutions
                            .iter()
                            .filter(|i| i.points.get(k).is_some_and(|x| x.unconfirmed))
                            .map(|i| self.short(&i.institution))
                            .collect(),
                        s,
                    ),
                }
            })
            .collect();
        let (reviewed, reviewed_total) = self.reviewed_rows(ps);
        let reviewed_more = match reviewed_total.checked_sub(reviewed.len()) {
            Some(n) if n > 0 => s.get("names_more").replace("{n}", &n.to_string()),
            _ => String::new(),
        };
        let title = self.period_title(review);
        let jurisdiction = self.jurisdiction();
        let subtitle = format!("{} · {}", jurisdiction.name, self.name(&p.label));
        let all_points = || ps.institutions.iter().flat_map(|i| &i.points);
        Some(PeriodReport {
            doc: self.doc(
                title,
                subtitle,
                p.end,
                vec!["OGP".into(), "IRM-style".into(), jurisdiction.name.clone(), p.id.clone()],
            ),
            t: self.filled.clone(),
            plan: self.tr(&manifest.action_plan.title),
            plan_span: format!("{} – {}", s.date(manifest.action_plan.start), s.date(manifest.action_plan.end)),
            period: self.period_view(p),
            context: self.tr_opt(manifest.context.as_ref()),
            notice: self.tr_opt(manifest.notice.as_ref()),
            review: review.map(|r| self.review_view(r)),
            rules: self.rules_view(rules),
            glance: self.glance(rules, &ps.commitments),
            commitment_count: ps.commitments.len(),
            figures: Figures {
                assessed: ps.institutions.len(),
                institutions: self.ws.institutions.len(),
                mean_claimed: s.number(ps.mean_index_claimed, 1),
                mean_backed: s.number(ps.mean_index_backed, 1),
                unsupported: all_points().filter(|p| p.unsupported).count(),
                unconfirmed: all_points().filter(|p| p.unconfirmed).count(),
                evidence: all_points().map(|p| p.evidence).sum(),
            },
            highlighted,
            scale,
            max_level,
            min_level: rubric.range().0,
            points,
            institutions,
            process: self.process(p),
            reviewed,
            reviewed_total,
            reviewed_more,
            commitments,
            change: change.map(|(from, c)| self.change(from, p, c)),
            recommendations,
            method: MethodView {
                rubric: self.tr(&rubric.title),
                authority: self.tr_opt(rubric.authority.as_ref()),
                source: self.tr_opt(rubric.source.as_ref()),
                rule: self.tr_opt(thresholds.rule.as_ref()),
                names: self.recommendation_names(),
                maintain_from: thresholds.maintain_from,
                improve_from: thresholds.improve_from,
                assessed: ps.institutions.len(),
                institutions: self.ws.institutions.len(),
            },
            manifest: self.manifest(&assessments),
            jurisdiction,
        })
    }
}
