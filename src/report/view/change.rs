//! The change between two periods: per institution, point and
//! commitment, with every regression (the period report's change section
//! and the comparison report).

use serde::Serialize;

use super::format::num;
use super::{Input, PeriodView};
use crate::compare::{Comparison, Movement, Summary};
use crate::model::Period;
use crate::score::Ratio;

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
    /// Starred before; `None` where the methodology has no star.
    pub starred_from: Option<bool>,
    /// Starred now; `None` where the methodology has no star.
    pub starred_to: Option<bool>,
}

/// The change between two periods.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// Whether a period compared has no star (no review, or a methodology
    /// without one): the commitments table explains its mark.
    pub no_star: bool,
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

impl<'a> Input<'a> {
    /// The change from `a` to `b`, from their comparison.
    pub fn change(&self, from: &Period, to: &Period, c: &Comparison) -> ChangeView {
        let s = self.strings;
        let dash = || "—".to_owned();
        let rubric = self.rubric();
        let point_title =
            |id: &str| rubric.and_then(|r| r.points.iter().find(|p| p.id == id)).map(|p| self.tr(&p.title));
        let signed = |r: Ratio| {
            let t = s.number(r, 1);
            if r > Ratio::int(0) { format!("+{t}") } else { t }
        };
        let mut regression_list = Vec::new();
        // The institutions assessed in both periods: the others have nothing
        // to compare (the summary says how many).
        let institutions = c
            .institutions
            .iter()
            .filter(|i| i.index_backed.from.is_some() && i.index_backed.to.is_some())
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
                        Movement::Unchanged | Movement::NotComparable | Movement::Unconfirmed => {}
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
        let points = rubric
            .map(|r| {
                r.points
                    .iter()
                    .map(|p| {
                        // Over the institutions assessed in both periods, as
                        // the comparison's other means.
                        let both = c
                            .institutions
                            .iter()
                            .filter_map(|i| i.points.iter().find(|q| q.point == p.id))
                            .filter(|q| q.movement != Movement::Unconfirmed)
                            .filter_map(|q| Some((q.backed.from?, q.backed.to?)))
                            .collect::<Vec<_>>();
                        let side = |pick: fn(&(u32, u32)) -> u32| {
                            (!both.is_empty()).then(|| Ratio::mean(both.iter().map(|x| Ratio::int(pick(x).into()))))
                        };
                        let count = |m: Movement| {
                            c.institutions
                                .iter()
                                .filter(|i| i.points.iter().any(|q| q.point == p.id && q.movement == m))
                                .count()
                        };
                        let (f, t) = (side(|x| x.0), side(|x| x.1));
                        PointChangeView {
                            number: p.number,
                            title: self.tr(&p.title),
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
        let commitments: Vec<CommitmentChangeView> = c
            .commitments
            .iter()
            .map(|cc| CommitmentChangeView {
                number: cc.number,
                title: by_id
                    .get(cc.commitment.as_str())
                    .map_or_else(|| cc.commitment.clone(), |d| self.tr(&d.value.title)),
                from: match (cc.withdrawn.from, cc.outside.from) {
                    (Some(true), _) => self.t("withdrawn_short"),
                    (_, Some(true)) => self.t("outside_short"),
                    _ => cc.completion.from.map_or_else(dash, |x| s.label("completion", &x)),
                },
                to: match (cc.withdrawn.to, cc.outside.to) {
                    (Some(true), _) => self.t("withdrawn_short"),
                    (_, Some(true)) => self.t("outside_short"),
                    _ => cc.completion.to.map_or_else(dash, |x| s.label("completion", &x)),
                },
                starred_from: cc.starred.from,
                starred_to: cc.starred.to,
            })
            .collect();
        ChangeView {
            from: self.period_view(from),
            to: self.period_view(to),
            summary: c.summary,
            mean_from: c.mean_backed.from.map_or_else(dash, |m| s.number(m, 1)),
            mean_to: c.mean_backed.to.map_or_else(dash, |m| s.number(m, 1)),
            institutions,
            points,
            regression_list,
            no_star: commitments.iter().any(|c| c.starred_from.is_none() || c.starred_to.is_none()),
            commitments,
        }
    }
}
