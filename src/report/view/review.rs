//! The review in a period report: who wrote it (the report's author, never
//! the IRM), what published report its figures reproduce, the methodology
//! and stage whose rules the report follows, and the reviewer's levels
//! beside the institutions' own.

use serde::Serialize;

use super::Input;
use crate::model::{Review, ReviewerKind};
use crate::score::PeriodScores;
use crate::score::irm::Rules;

/// Most rows the table of the reviewer's levels shows; the rest are
/// counted (the scorecards show every one).
pub const REVIEWED_ROWS: usize = 60;

/// The review.
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
    /// What kind of reviewer, labelled.
    pub kind: String,
    /// "IRM-style review by …": the cover's credit.
    pub credit: String,
    /// Who wrote the review: name, organisation, and for a person the kind.
    pub author: String,
    /// "Figures from … (researcher, organisation)", when the review
    /// reproduces a published IRM report.
    pub source: Option<String>,
    /// The same, as a sentence of its own (capitalised).
    pub source_sentence: Option<String>,
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

/// A scale kept as data, as the methodology section describes it.
#[derive(Debug, Clone, Serialize)]
pub struct ScaleNoteView {
    /// Whether the public sources confirm it.
    pub confirmed: bool,
    /// Where its values come from.
    pub source: Option<String>,
    /// Its values, lowest first, labelled and joined.
    pub levels: String,
}

/// The rules the report follows, as it states them.
#[derive(Debug, Clone, Serialize)]
pub struct RulesView {
    /// Methodology, labelled ("" without a review).
    pub methodology: String,
    /// Stage, labelled ("" without a review).
    pub stage: String,
    /// The methodology stars commitments.
    pub has_star: bool,
    /// The refreshed methodology.
    pub refreshed: bool,
    /// Completion is judged at this stage.
    pub judges_completion: bool,
    /// The star's rule, as the engine applied it.
    pub star_rule: Option<String>,
    /// "Starred Commitments" or "Promising Commitments".
    pub highlight: String,
    /// What the highlight section says when no commitment is in it.
    pub highlight_none: String,
    /// The early-results scale, when this stage judges early results.
    pub early_results: Option<ScaleNoteView>,
}

/// One of the reviewer's levels beside the institution's own.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewedRow {
    /// Institution (short name).
    pub institution: String,
    /// Point number.
    pub number: u32,
    /// Point title.
    pub point: String,
    /// Claimed level.
    pub claimed: u32,
    /// Evidence-backed level.
    pub backed: u32,
    /// The reviewer's level.
    pub reviewer: u32,
    /// Claimed minus reviewer, signed ("+1", "0", "−2").
    pub gap: String,
    /// The reviewer's level differs from the evidence-backed one.
    pub disagrees: bool,
    /// The claim is carried over and not confirmed.
    pub unconfirmed: bool,
}

impl<'a> Input<'a> {
    /// The report's title: the stage's (mid-term progress, end of term,
    /// Action Plan Review, Results Report), IRM-style.
    pub(super) fn period_title(&self, review: Option<&Review>) -> String {
        match review {
            Some(r) => self.t(&format!("title.{}", r.stage().as_str())),
            None => self.t("title.none"),
        }
    }

    pub(super) fn review_view(&self, r: &Review) -> ReviewView {
        let s = self.strings;
        let kind = s.label("reviewer_kind", &r.reviewer.kind);
        let who = match &r.reviewer.organisation {
            Some(org) => format!("{}, {org}", r.reviewer.name),
            None => r.reviewer.name.clone(),
        };
        let author = match r.reviewer.kind {
            ReviewerKind::Person => format!("{who} ({})", kind.to_lowercase()),
            _ => who,
        };
        let credit = self.t("credit.review").replace("{reviewer}", &author);
        let source = r.source.as_ref().map(|src| {
            let by =
                [src.author.clone(), src.organisation.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            let year = src.year.map(|y| format!(", {y}")).unwrap_or_default();
            let by = if by.is_empty() && year.is_empty() { String::new() } else { format!(" ({by}{year})") };
            self.t("credit.source").replace("{title}", &self.name(&src.title)).replace("{by}", &by)
        });
        let process = r.process.as_ref();
        ReviewView {
            methodology: s.label("methodology", &r.methodology),
            stage: s.label("stage", &r.stage()),
            reviewer: r.reviewer.name.clone(),
            organisation: r.reviewer.organisation.clone(),
            kind,
            credit,
            author,
            source_sentence: source.as_deref().map(capitalised),
            source,
            influence_development: process.and_then(|p| p.influence_development).map(|i| s.label("influence", &i)),
            influence_implementation: process
                .and_then(|p| p.influence_implementation)
                .map(|i| s.label("influence", &i)),
            forum_meetings: process.and_then(|p| p.forum_meetings),
            note: self.tr_opt(process.and_then(|p| p.note.as_ref())),
            has_star: r.methodology.has_star(),
        }
    }

    pub(super) fn rules_view(&self, rules: Rules) -> RulesView {
        let s = self.strings;
        let m = rules.methodology;
        let scale = m.filter(|_| rules.judges_results()).and_then(|m| self.ws.early_results(m));
        let highlight = if rules.has_star() { "starred" } else { "promising" };
        RulesView {
            methodology: m.map(|m| s.label("methodology", &m)).unwrap_or_default(),
            stage: rules.stage.map(|st| s.label("stage", &st)).unwrap_or_default(),
            has_star: rules.has_star(),
            refreshed: m.is_some_and(|m| m.is_refreshed()),
            judges_completion: rules.judges_completion(),
            star_rule: m.filter(|m| m.has_star()).map(|m| self.t(&format!("rule.star.{}", m.as_str()))),
            highlight: self.t(&format!("highlight.{highlight}")),
            highlight_none: match m {
                Some(m) => self.t(&format!("highlight.none.{}", m.as_str())),
                None => self.t("highlight.none.unreviewed"),
            },
            early_results: m.filter(|m| m.is_refreshed()).and(scale).map(|sc| ScaleNoteView {
                confirmed: sc.confirmed,
                source: self.tr_opt(sc.source.as_ref()),
                levels: sc.levels.iter().map(|l| self.tr(&l.label)).collect::<Vec<_>>().join(", "),
            }),
        }
    }

    /// The reviewer's levels beside the institutions' own, at most
    /// [`REVIEWED_ROWS`], and how many there are in all.
    pub(super) fn reviewed_rows(&self, ps: &PeriodScores) -> (Vec<ReviewedRow>, usize) {
        let titles = self
            .rubric()
            .map(|r| {
                r.points
                    .iter()
                    .map(|p| (p.id.as_str(), self.tr(&p.title)))
                    .collect::<std::collections::BTreeMap<_, _>>()
            })
            .unwrap_or_default();
        let mut rows = Vec::new();
        let mut total = 0;
        for inst in &ps.institutions {
            for p in inst.points.iter().filter(|p| p.reviewed.is_some()) {
                total += 1;
                if rows.len() >= REVIEWED_ROWS {
                    continue;
                }
                let reviewer = p.reviewed.unwrap_or_default();
                let gap = i64::from(p.claimed) - i64::from(reviewer);
                rows.push(ReviewedRow {
                    institution: self.short(&inst.institution),
                    number: p.number,
                    point: titles.get(p.point.as_str()).cloned().unwrap_or_default(),
                    claimed: p.claimed,
                    backed: p.backed,
                    reviewer,
                    gap: match gap {
                        0 => "0".to_owned(),
                        g if g > 0 => format!("+{g}"),
                        g => format!("−{}", -g),
                    },
                    disagrees: reviewer != p.backed,
                    unconfirmed: p.unconfirmed,
                });
            }
        }
        (rows, total)
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
