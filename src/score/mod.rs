//! Scoring: what each institution's self-assessment is worth once its
//! evidence is weighed, per point, per institution and for the
//! jurisdiction; and how each commitment stands on the IRM's scales.
//!
//! A pure function of a validated workspace: no I/O, no floats (exact
//! [`Ratio`]s, rounded once for display), and every list in a fixed order
//! (rubric order for points, id order for institutions and commitments).

pub mod irm;
mod ratio;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::Workspace;
use crate::model::{Assessment, Id, Level, Point, Rubric};
pub use irm::{CommitmentStatus, Criterion, StarStatus};
pub use ratio::Ratio;

/// The recommendation for a point, on thresholds the rubric sets (the
/// sample's is the Bupati of Bojonegoro's rule: what fits OGP is kept and
/// extended, what falls short is improved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    /// Evidence-backed level below `improve-from`.
    Start,
    /// Between `improve-from` and `maintain-from`.
    Improve,
    /// At or above `maintain-from`: keep and extend.
    MaintainAndExtend,
}

impl Recommendation {
    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::Start => "start",
            Recommendation::Improve => "improve",
            Recommendation::MaintainAndExtend => "maintain-and-extend",
        }
    }
}

/// One institution's score on one point in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointScore {
    /// The rubric point's id.
    pub point: Id,
    /// Its number.
    pub number: u32,
    /// The level the institution claims.
    pub claimed: Level,
    /// The level its evidence supports.
    pub backed: Level,
    /// The reviewer's level, where one was given.
    pub reviewed: Option<Level>,
    /// Self minus reviewer (claimed − reviewed), where reviewed.
    pub gap: Option<i64>,
    /// Number of evidence items cited.
    pub evidence: usize,
    /// Carried over from the previous period and not yet confirmed: scored
    /// as the lowest level.
    pub unconfirmed: bool,
    /// Claimed above what its evidence supports.
    pub unsupported: bool,
    /// Claimed more than one level above a point it builds on (W003).
    pub prerequisite_gap: bool,
    /// What to do next.
    pub recommendation: Recommendation,
}

/// One institution in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstitutionScore {
    /// The institution's id.
    pub institution: Id,
    /// Points in rubric order.
    pub points: Vec<PointScore>,
    /// Weighted index of the claimed levels, 0–100.
    pub index_claimed: Ratio,
    /// Weighted index of the evidence-backed levels, 0–100.
    pub index_backed: Ratio,
}

/// One point across the jurisdiction in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointSummary {
    /// The point's id.
    pub point: Id,
    /// Its number.
    pub number: u32,
    /// Level → number of institutions at it (evidence-backed), every level of the scale.
    pub distribution: BTreeMap<Level, usize>,
    /// Mean claimed level.
    pub mean_claimed: Ratio,
    /// Mean evidence-backed level.
    pub mean_backed: Ratio,
}

/// Everything computed for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodScores {
    /// The period's id.
    pub period: Id,
    /// Institutions that assessed themselves, by id.
    pub institutions: Vec<InstitutionScore>,
    /// Per point, in rubric order.
    pub points: Vec<PointSummary>,
    /// Mean of the institutions' claimed indices.
    pub mean_index_claimed: Ratio,
    /// Mean of the institutions' evidence-backed indices.
    pub mean_index_backed: Ratio,
    /// IRM fields per commitment, by number.
    pub commitments: Vec<CommitmentStatus>,
}

/// Scores of every period, in the manifest's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scores {
    /// Per period.
    pub periods: Vec<PeriodScores>,
}

impl Scores {
    /// The scores of one period.
    pub fn period(&self, id: &str) -> Option<&PeriodScores> {
        self.periods.iter().find(|p| p.period == id)
    }
}

impl PeriodScores {
    /// One institution's scores (`institutions` is sorted by id).
    pub fn institution(&self, id: &str) -> Option<&InstitutionScore> {
        let i = self.institutions.binary_search_by(|i| i.institution.as_str().cmp(id)).ok()?;
        self.institutions.get(i)
    }
}

/// The level a claim's evidence supports: a level at or above
/// `evidence-required-from` with no evidence item backs only the level
/// below it, and never less than the scale's lowest level `lowest`
/// (validation refuses a threshold at or below it, E024).
pub fn backed_level(point: &Point, claimed: Level, evidence: usize, lowest: Level) -> Level {
    match point.evidence_required_from {
        Some(from) if claimed >= from && evidence == 0 => from.saturating_sub(1).max(lowest).min(claimed),
        _ => claimed,
    }
}

/// The point `point` builds on that `a` claims lowest, when `point` is
/// claimed more than one level above it (W003): (that point's id, its
/// level). Ties go to the point with the lower number.
pub fn prerequisite_gap<'r>(rubric: &Rubric, a: &Assessment, point: &'r Point) -> Option<(&'r Id, Level)> {
    let claimed = a.points.get(&point.id)?.level;
    let number = |id: &str| rubric.points.iter().find(|p| p.id == id).map_or(0, |p| p.number);
    let (low, req) = point
        .requires
        .iter()
        .filter_map(|r| a.points.get(r).map(|q| (q.level, r)))
        .min_by(|x, y| x.0.cmp(&y.0).then(number(x.1).cmp(&number(y.1))))?;
    (claimed > low + 1).then_some((req, low))
}

/// The recommendation for an evidence-backed level.
pub fn recommend(rubric: &Rubric, backed: Level) -> Recommendation {
    let thresholds = rubric.thresholds();
    if backed >= thresholds.maintain_from {
        Recommendation::MaintainAndExtend
    } else if backed >= thresholds.improve_from {
        Recommendation::Improve
    } else {
        Recommendation::Start
    }
}

/// The weighted index Σ weight·(level − min) / Σ weight·(max − min) × 100,
/// normalised to the scale's range (its lowest level scores 0, its highest
/// 100, whatever the numbers), with `level_of` called once per point in
/// rubric order.
pub fn index(rubric: &Rubric, mut level_of: impl FnMut(&Point) -> Level) -> Ratio {
    let (min, max) = rubric.range();
    let (min, max) = (i128::from(min), i128::from(max));
    let (mut num, mut den) = (0i128, 0i128);
    for p in &rubric.points {
        let w = i128::from(p.weight.max(0));
        num += w * (i128::from(level_of(p)) - min).max(0);
        den += w * (max - min);
    }
    Ratio::new(100 * num, den)
}

/// Scores one assessment.
pub fn score_assessment(
    rubric: &Rubric,
    a: &Assessment,
    reviewed: Option<&BTreeMap<Id, crate::model::PointReview>>,
) -> InstitutionScore {
    let lowest = rubric.scale.iter().map(|s| s.level).min().unwrap_or(0);
    let points = rubric
        .points
        .iter()
        .map(|p| {
            let claim = a.points.get(&p.id);
            // An unconfirmed point is last period's claim, not this one's:
            // it scores as the lowest level until the focal point confirms it.
            let unconfirmed = claim.is_some_and(|c| !c.confirmed.get());
            let claimed = claim.filter(|c| c.confirmed.get()).map_or(lowest, |c| c.level);
            let evidence = claim.map_or(0, |c| c.evidence.len());
            let backed = if unconfirmed { lowest } else { backed_level(p, claimed, evidence, lowest) };
            let reviewed = reviewed.and_then(|r| r.get(&p.id)).filter(|r| r.confirmed).map(|r| r.level);
            PointScore {
                point: p.id.clone(),
                number: p.number,
                claimed,
                backed,
                reviewed,
                // No claim yet, no gap to the reviewer.
                gap: reviewed.filter(|_| !unconfirmed).map(|r| i64::from(claimed) - i64::from(r)),
                evidence,
                unconfirmed,
                unsupported: backed < claimed,
                prerequisite_gap: prerequisite_gap(rubric, a, p).is_some(),
                recommendation: recommend(rubric, backed),
            }
        })
        .collect::<Vec<_>>();
    // `points` is in rubric order, as `index` walks the rubric.
    let level = |field: fn(&PointScore) -> Level| {
        let mut levels = points.iter().map(field);
        index(rubric, |_| levels.next().unwrap_or(0))
    };
    InstitutionScore {
        institution: a.institution.clone(),
        index_claimed: level(|s| s.claimed),
        index_backed: level(|s| s.backed),
        points,
    }
}

/// Scores every period of a validated workspace.
pub fn score(ws: &Workspace) -> Scores {
    let Some(manifest) = &ws.manifest else {
        return Scores { periods: Vec::new() };
    };
    let Some(rubric) = ws.rubric() else {
        return Scores { periods: Vec::new() };
    };
    let by_period = assessments_by_period(ws);
    let periods = manifest.value.periods.iter().map(|p| period_scores(ws, &rubric.value, &p.id, &by_period)).collect();
    Scores { periods }
}

/// Scores one period of a validated workspace (an engine re-scores only
/// the period whose files changed).
pub fn score_period(ws: &Workspace, period: &str) -> Option<PeriodScores> {
    let rubric = ws.rubric()?;
    Some(period_scores(ws, &rubric.value, period, &assessments_by_period(ws)))
}

fn assessments_by_period(ws: &Workspace) -> BTreeMap<&str, Vec<&Assessment>> {
    let mut by_period: BTreeMap<&str, Vec<&Assessment>> = BTreeMap::new();
    for doc in &ws.assessments {
        by_period.entry(doc.value.period.as_str()).or_default().push(&doc.value);
    }
    by_period
}

fn period_scores(
    ws: &Workspace,
    rubric: &Rubric,
    period: &str,
    by_period: &BTreeMap<&str, Vec<&Assessment>>,
) -> PeriodScores {
    let levels: Vec<Level> = rubric.scale.iter().map(|s| s.level).collect();
    let review = ws.reviews.iter().find(|r| r.value.period == period).map(|r| &r.value);
    let mut assessments = by_period.get(period).cloned().unwrap_or_default();
    assessments.sort_by(|a, b| a.institution.cmp(&b.institution));
    assessments.dedup_by(|a, b| a.institution == b.institution);
    let institutions = assessments
        .iter()
        .map(|a| score_assessment(rubric, a, review.and_then(|r| r.institutions.get(&a.institution))))
        .collect::<Vec<_>>();
    let points = rubric
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut distribution: BTreeMap<Level, usize> = levels.iter().map(|&l| (l, 0)).collect();
            for inst in &institutions {
                *distribution.entry(inst.points[i].backed).or_default() += 1;
            }
            PointSummary {
                point: p.id.clone(),
                number: p.number,
                distribution,
                mean_claimed: Ratio::mean(institutions.iter().map(|s| Ratio::int(s.points[i].claimed.into()))),
                mean_backed: Ratio::mean(institutions.iter().map(|s| Ratio::int(s.points[i].backed.into()))),
            }
        })
        .collect();
    PeriodScores {
        period: period.to_owned(),
        mean_index_claimed: Ratio::mean(institutions.iter().map(|s| s.index_claimed)),
        mean_index_backed: Ratio::mean(institutions.iter().map(|s| s.index_backed)),
        commitments: irm::assess(
            ws,
            ws.manifest.as_ref().and_then(|m| m.value.periods.iter().find(|p| p.id == period)),
            review,
            &assessments,
        ),
        institutions,
        points,
    }
}

#[cfg(test)]
pub(crate) mod tests;
