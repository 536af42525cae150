//! Comparison of two periods: per institution and point the change of the
//! claimed, evidence-backed and reviewed levels; evidence added, dropped,
//! changed and reused unchanged; per commitment the change of completion
//! and star; and a summary.
//!
//! Pure: the file hashes it needs to tell "reused unchanged" from "changed"
//! are gathered beforehand by `evidence` and passed in.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::load::Workspace;
use crate::model::{Assessment, Completion, EvidenceItem, Id, Level, Methodology};
use crate::score::{PeriodScores, Ratio};

/// A value in the earlier and the later period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Delta<T> {
    /// In the earlier period.
    pub from: Option<T>,
    /// In the later period.
    pub to: Option<T>,
}

impl Delta<Level> {
    /// `to − from` when both exist.
    pub fn change(&self) -> Option<i64> {
        Some(i64::from(self.to?) - i64::from(self.from?))
    }
}

/// How a point moved, judged on the evidence-backed level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Movement {
    /// The backed level dropped.
    Regression,
    /// The backed level rose.
    Improvement,
    /// Same backed level.
    Unchanged,
    /// Assessed in only one of the two periods.
    NotComparable,
    /// Carried over and not confirmed in one of the two periods: that
    /// level is last period's claim, so no movement is claimed.
    Unconfirmed,
}

impl Movement {
    /// How a backed level moved from `from` to `to` (either may be
    /// missing: the point was not assessed then).
    pub fn between(from: Option<crate::model::Level>, to: Option<crate::model::Level>) -> Movement {
        match (Delta { from, to }).change() {
            Some(d) if d < 0 => Movement::Regression,
            Some(d) if d > 0 => Movement::Improvement,
            Some(_) => Movement::Unchanged,
            None => Movement::NotComparable,
        }
    }

    /// -1 down, 1 up, 0 otherwise.
    pub fn sign(self) -> i32 {
        match self {
            Movement::Regression => -1,
            Movement::Improvement => 1,
            Movement::Unchanged | Movement::NotComparable | Movement::Unconfirmed => 0,
        }
    }

    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Movement::Regression => "regression",
            Movement::Improvement => "improvement",
            Movement::Unchanged => "unchanged",
            Movement::NotComparable => "not-comparable",
            Movement::Unconfirmed => "unconfirmed",
        }
    }
}

/// Evidence of one point across the two periods (by file path or URL).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EvidenceChange {
    /// Cited only in the later period.
    pub added: Vec<String>,
    /// Cited only in the earlier period.
    pub dropped: Vec<String>,
    /// Cited in both: the same URL, or a file with the same content (the
    /// same file, or a copy of it under another name).
    pub reused: Vec<String>,
}

/// One institution's point across two periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointChange {
    /// The point's id.
    pub point: Id,
    /// Its number.
    pub number: u32,
    /// Claimed level.
    pub claimed: Delta<Level>,
    /// Evidence-backed level.
    pub backed: Delta<Level>,
    /// Reviewer's level.
    pub reviewed: Delta<Level>,
    /// How it moved.
    pub movement: Movement,
    /// Its evidence.
    pub evidence: EvidenceChange,
}

/// One institution across two periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstitutionChange {
    /// The institution's id.
    pub institution: Id,
    /// Claimed index.
    pub index_claimed: Delta<Ratio>,
    /// Evidence-backed index.
    pub index_backed: Delta<Ratio>,
    /// Points in rubric order.
    pub points: Vec<PointChange>,
}

/// One commitment across two periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitmentChange {
    /// The commitment's id.
    pub commitment: Id,
    /// Its number.
    pub number: u32,
    /// Completion.
    pub completion: Delta<Completion>,
    /// Starred; `None` in a period without a review, or whose methodology
    /// has no star (`refreshed-2021`).
    pub starred: Delta<bool>,
    /// Withdrawn by government by the period's end.
    pub withdrawn: Delta<bool>,
    /// The period lies outside the commitment's span.
    pub outside: Delta<bool>,
}

/// Counts over every compared point.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Points whose backed level dropped.
    pub regressions: usize,
    /// Points whose backed level rose.
    pub improvements: usize,
    /// Points whose backed level stayed.
    pub unchanged: usize,
    /// Points not compared because one side is carried over and not
    /// confirmed.
    pub unconfirmed: usize,
    /// Institutions assessed in both periods: the ones compared.
    pub institutions_both: usize,
    /// Institutions assessed in one of the two periods only (not compared).
    pub institutions_one: usize,
    /// Points assessed in only one period.
    pub not_comparable: usize,
    /// Evidence items added.
    pub evidence_added: usize,
    /// Evidence items dropped.
    pub evidence_dropped: usize,
    /// Evidence items reused unchanged.
    pub evidence_reused: usize,
}

/// The comparison of two periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The earlier period.
    pub from: Id,
    /// The later period.
    pub to: Id,
    /// Institutions assessed in either period, by id.
    pub institutions: Vec<InstitutionChange>,
    /// Commitments by number.
    pub commitments: Vec<CommitmentChange>,
    /// Counts.
    pub summary: Summary,
    /// The mean evidence-backed index of the institutions assessed in both
    /// periods (a mean over everyone in one period and a few in the other
    /// would compare different groups).
    pub mean_backed: Delta<Ratio>,
}

impl Comparison {
    /// Every point that regressed, as (institution, point change).
    pub fn regressions(&self) -> impl Iterator<Item = (&str, &PointChange)> {
        self.institutions
            .iter()
            .flat_map(|i| i.points.iter().map(move |p| (i.institution.as_str(), p)))
            .filter(|(_, p)| p.movement == Movement::Regression)
    }
}

/// The key an evidence item is known by: its path or URL.
pub fn evidence_key(item: &EvidenceItem) -> Option<&str> {
    item.file.as_deref().or(item.url.as_deref())
}

/// Compares `from` and `to`. `hashes` maps cited file paths to their
/// SHA-256: a file is the same evidence as another when its content is the
/// same (a file missing from `hashes` is known by its path).
pub fn compare(
    ws: &Workspace,
    from: &PeriodScores,
    to: &PeriodScores,
    hashes: &BTreeMap<String, String>,
    only: Option<&str>,
) -> Comparison {
    // One pass over the assessments, not one scan per institution.
    let mut by_key: BTreeMap<(&str, &str), &Assessment> = BTreeMap::new();
    for d in &ws.assessments {
        by_key.entry((d.value.period.as_str(), d.value.institution.as_str())).or_insert(&d.value);
    }
    let assessment = |period: &str, inst: &str| by_key.get(&(period, inst)).copied();
    let ids: BTreeSet<&str> = from
        .institutions
        .iter()
        .chain(&to.institutions)
        .map(|i| i.institution.as_str())
        .filter(|id| only.is_none_or(|o| o == *id))
        .collect();
    let mut summary = Summary::default();
    let institutions = ids
        .into_iter()
        .map(|id| {
            let (a, b) = (from.institution(id), to.institution(id));
            let (aa, ab) = (assessment(&from.period, id), assessment(&to.period, id));
            // Evidence is compared only where both periods have an
            // assessment: an institution that has not yet written its file
            // has dropped nothing.
            let both = a.is_some() && b.is_some();
            if both {
                summary.institutions_both += 1;
            } else {
                summary.institutions_one += 1;
            }
            let n = a.or(b).map_or(0, |s| s.points.len());
            let points = (0..n)
                .map(|i| {
                    let (pa, pb) = (a.map(|s| &s.points[i]), b.map(|s| &s.points[i]));
                    let base = pa.or(pb).map(|p| (p.point.clone(), p.number)).unwrap_or_default();
                    let backed = Delta { from: pa.map(|p| p.backed), to: pb.map(|p| p.backed) };
                    let unconfirmed = pa.is_some_and(|p| p.unconfirmed) || pb.is_some_and(|p| p.unconfirmed);
                    let movement =
                        if unconfirmed { Movement::Unconfirmed } else { Movement::between(backed.from, backed.to) };
                    let evidence = if both {
                        evidence_change(
                            aa.and_then(|x| x.points.get(&base.0)).map(|p| p.evidence.as_slice()).unwrap_or_default(),
                            ab.and_then(|x| x.points.get(&base.0)).map(|p| p.evidence.as_slice()).unwrap_or_default(),
                            hashes,
                        )
                    } else {
                        EvidenceChange::default()
                    };
                    match movement {
                        Movement::Regression => summary.regressions += 1,
                        Movement::Improvement => summary.improvements += 1,
                        Movement::Unchanged => summary.unchanged += 1,
                        Movement::NotComparable => summary.not_comparable += 1,
                        Movement::Unconfirmed => summary.unconfirmed += 1,
                    }
                    summary.evidence_added += evidence.added.len();
                    summary.evidence_dropped += evidence.dropped.len();
                    summary.evidence_reused += evidence.reused.len();
                    PointChange {
                        point: base.0,
                        number: base.1,
                        claimed: Delta { from: pa.map(|p| p.claimed), to: pb.map(|p| p.claimed) },
                        backed,
                        reviewed: Delta { from: pa.and_then(|p| p.reviewed), to: pb.and_then(|p| p.reviewed) },
                        movement,
                        evidence,
                    }
                })
                .collect();
            InstitutionChange {
                institution: id.to_owned(),
                index_claimed: Delta { from: a.map(|s| s.index_claimed), to: b.map(|s| s.index_claimed) },
                index_backed: Delta { from: a.map(|s| s.index_backed), to: b.map(|s| s.index_backed) },
                points,
            }
        })
        .collect();
    let commitments = to
        .commitments
        .iter()
        .map(|c| {
            let before = from.commitments.iter().find(|x| x.commitment == c.commitment);
            CommitmentChange {
                commitment: c.commitment.clone(),
                number: c.number,
                completion: Delta { from: before.and_then(|b| b.completion), to: c.completion },
                starred: Delta {
                    from: before
                        .filter(|b| b.methodology.is_some_and(Methodology::has_star))
                        .map(|b| b.star.is_starred()),
                    to: c.methodology.filter(|m| m.has_star()).map(|_| c.star.is_starred()),
                },
                withdrawn: Delta { from: before.map(|b| b.withdrawn_on.is_some()), to: Some(c.withdrawn_on.is_some()) },
                outside: Delta { from: before.map(|b| b.outside), to: Some(c.outside) },
            }
        })
        .collect();
    let common = |p: &PeriodScores| {
        let indices = p
            .institutions
            .iter()
            .filter(|i| from.institution(&i.institution).is_some() && to.institution(&i.institution).is_some())
            .filter(|i| only.is_none_or(|o| o == i.institution))
            .map(|i| i.index_backed)
            .collect::<Vec<_>>();
        (!indices.is_empty()).then(|| Ratio::mean(indices))
    };
    let mean_backed = Delta { from: common(from), to: common(to) };
    Comparison { from: from.period.clone(), to: to.period.clone(), institutions, commitments, summary, mean_backed }
}

fn evidence_change(a: &[EvidenceItem], b: &[EvidenceItem], hashes: &BTreeMap<String, String>) -> EvidenceChange {
    // Identity: a URL by itself, a file by its content.
    let identities = |items: &[EvidenceItem]| -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        for item in items {
            let identity = match (&item.file, &item.url) {
                (Some(file), _) => hashes.get(file).map_or_else(|| format!("file:{file}"), |h| format!("sha256:{h}")),
                (None, Some(url)) => format!("url:{url}"),
                (None, None) => continue,
            };
            if let Some(shown) = evidence_key(item) {
                map.entry(identity).or_insert_with(|| shown.to_owned());
            }
        }
        map
    };
    let (ia, ib) = (identities(a), identities(b));
    let mut change = EvidenceChange::default();
    for (identity, shown) in &ib {
        if ia.contains_key(identity) { change.reused.push(shown.clone()) } else { change.added.push(shown.clone()) }
    }
    change.dropped = ia.iter().filter(|(k, _)| !ib.contains_key(*k)).map(|(_, v)| v.clone()).collect();
    change.added.sort();
    change.dropped.sort();
    change.reused.sort();
    change
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::score::score;
    use crate::score::tests::{arb_levels, assessment, rubric, workspace};

    proptest! {
    #[test]
    fn comparing_a_period_with_itself_shows_no_change_and_swapping_reverses(
        weights in prop::collection::vec(1i64..=3, 1..=8),
        a in prop::collection::vec(arb_levels(8), 1..=4),
        b in prop::collection::vec(arb_levels(8), 1..=4),
    ) {
        let n = weights.len();
        let r = rubric(&weights, Some(2));
        let mut assessments = a.iter().enumerate().map(|(i, l)| assessment(&format!("i{i}"), "s1", &l[..n])).collect::<Vec<_>>();
        assessments.extend(b.iter().enumerate().map(|(i, l)| assessment(&format!("i{i}"), "s2", &l[..n])));
        let ws = workspace(r, assessments);
        let scores = score(&ws);
        let (s1, s2) = (scores.period("s1").unwrap(), scores.period("s2").unwrap());
        let none = BTreeMap::new();
        let same = compare(&ws, s1, s1, &none, None);
        prop_assert_eq!(same.summary.regressions + same.summary.improvements, 0);
        prop_assert!(same.institutions.iter().flat_map(|i| &i.points).all(|p| p.movement == Movement::Unchanged));
        let (ab, ba) = (compare(&ws, s1, s2, &none, None), compare(&ws, s2, s1, &none, None));
        prop_assert_eq!(ab.summary.regressions, ba.summary.improvements);
        prop_assert_eq!(ab.summary.improvements, ba.summary.regressions);
        prop_assert_eq!(ab.summary.evidence_added, ba.summary.evidence_dropped);
        for (x, y) in ab.institutions.iter().zip(&ba.institutions) {
            for (p, q) in x.points.iter().zip(&y.points) {
                prop_assert_eq!(p.backed.change().map(|d| -d), q.backed.change());
                prop_assert_eq!(p.claimed.from, q.claimed.to);
            }
        }
    }
    }
}
