//! One institution's scorecard.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{DocMeta, Input, InstitutionRow, JurisdictionView, LevelView, PeriodView};

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
    /// Whether there is an earlier level to compare with (no mark otherwise).
    pub comparable: bool,
    /// Claimed above the evidence.
    pub unsupported: bool,
    /// Carried over and not confirmed: scored as the lowest level.
    pub unconfirmed: bool,
    /// More than one level above a point it builds on (W003).
    pub gap: bool,
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
    /// The lowest level.
    pub min_level: u32,
    /// Points.
    pub points: Vec<ScorePointView>,
    /// Commitments it leads or supports: "1. Title (lead)".
    pub commitments: Vec<String>,
}

impl<'a> Input<'a> {
    /// One institution's scorecard for `period`.
    pub fn scorecard(&self, period: &str, id: &str) -> Option<Scorecard> {
        let s = self.strings;
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
                let before_unconfirmed = previous
                    .and_then(|(_, qs)| qs.points.iter().find(|q| q.point == rp.id))
                    .is_some_and(|q| q.unconfirmed);
                let moved = if sp.unconfirmed || before_unconfirmed {
                    crate::compare::Movement::Unconfirmed
                } else {
                    crate::compare::Movement::between(before, Some(sp.backed))
                };
                let (sign, movement) = (moved.sign(), self.t(&format!("movement.{}", moved.as_str())));
                ScorePointView {
                    number: rp.number,
                    title: self.tr(&rp.title),
                    weight: rp.weight,
                    // An unconfirmed claim shows as written (last period's,
                    // marked `?`), not as the lowest level it counts at.
                    claimed: if sp.unconfirmed { claim.map_or(sp.claimed, |c| c.level) } else { sp.claimed },
                    backed: sp.backed,
                    reviewed: sp.reviewed.map_or_else(dash, |r| r.to_string()),
                    previous: before.map_or_else(dash, |b| b.to_string()),
                    previous_num: before.unwrap_or(0),
                    movement,
                    movement_sign: sign,
                    comparable: !matches!(
                        moved,
                        crate::compare::Movement::NotComparable | crate::compare::Movement::Unconfirmed
                    ),
                    unsupported: sp.unsupported,
                    unconfirmed: sp.unconfirmed,
                    gap: sp.prerequisite_gap,
                    recommendation: if sp.unconfirmed {
                        self.t("unconfirmed_group")
                    } else {
                        self.recommendation_name(sp.recommendation)
                    },
                    recommendation_id: if sp.unconfirmed { "unconfirmed" } else { sp.recommendation.as_str() },
                    descriptor: rp.descriptors.get(&sp.claimed).map(|d| self.tr(d)).unwrap_or_default(),
                    justification: self.tr_opt(claim.and_then(|c| c.justification.as_ref())).unwrap_or_default(),
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
                                        note: self.tr_opt(e.note.as_ref()).unwrap_or_default(),
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
                let role = self.t(if c.lead == id { "role.lead" } else { "role.supporting" });
                (c.number, format!("{}. {} ({role})", c.number, self.tr(&c.title)))
            })
            .collect::<Vec<_>>();
        commitments.sort();
        let row = self.institution_row(score);
        let focal = &inst.focal_point;
        Some(Scorecard {
            doc: self.doc(
                format!("{} — {}", self.t("scorecard.title"), row.short),
                format!("{} · {}", row.name, self.name(&p.label)),
                p.end,
                vec!["OGP".into(), row.short.clone(), p.id.clone()],
            ),
            t: self.filled.clone(),
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
            min_level: self.rubric().map_or(0, |r| r.range().0),
            points,
            commitments: commitments.into_iter().map(|(_, c)| c).collect(),
        })
    }
}
