//! What each methodology shows: the fields of a commitment's overview, the
//! values it ticks, the rows of "At a Glance", and the star's rule. The
//! report's views ask these; they decide no IRM rule themselves.

use serde::Serialize;

use super::CommitmentStatus;
use crate::model::{Completion, DidItOpenGovernment, Methodology, OgpValue, PotentialForResults, Review, Stage};

/// A field of a commitment's overview table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// Specificity (legacy): none, low, medium, high; medium or high is verifiable.
    Specificity,
    /// Verifiability (refreshed): verifiable or not.
    Verifiability,
    /// Potential impact (legacy).
    PotentialImpact,
    /// Potential for results (refreshed).
    PotentialForResults,
    /// Completion.
    Completion,
    /// On time (legacy).
    OnTime,
    /// Did it open government? (legacy, end of term).
    DidItOpenGovernment,
    /// Early results (refreshed Results Report).
    EarlyResults,
    /// Promising (refreshed).
    Promising,
    /// The star (legacy).
    Starred,
}

impl Field {
    /// The kebab-case name (strings key `field.<name>`).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Specificity => "specificity",
            Field::Verifiability => "verifiability",
            Field::PotentialImpact => "potential-impact",
            Field::PotentialForResults => "potential-for-results",
            Field::Completion => "completion",
            Field::OnTime => "on-time",
            Field::DidItOpenGovernment => "did-it-open-government",
            Field::EarlyResults => "early-results",
            Field::Promising => "promising",
            Field::Starred => "starred",
        }
    }
}

/// The label of a row of "At a Glance".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowLabel {
    /// A fixed string: `glance.<key>` in the strings catalogue.
    Key(&'static str),
    /// A value of the early-results scale (its label comes from the
    /// methodology's data).
    EarlyResults(String),
}

/// One row of "At a Glance".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlanceRow {
    /// What the row counts.
    pub label: RowLabel,
    /// How many commitments; `None` for a group heading.
    pub count: Option<usize>,
    /// Whether the row is indented under a group heading.
    pub indented: bool,
    /// Whether the row counts starred commitments.
    pub star: bool,
}

impl GlanceRow {
    fn top(key: &'static str, count: usize) -> GlanceRow {
        GlanceRow { label: RowLabel::Key(key), count: Some(count), indented: false, star: false }
    }
    fn group(key: &'static str) -> GlanceRow {
        GlanceRow { label: RowLabel::Key(key), count: None, indented: false, star: false }
    }
    fn sub(key: &'static str, count: usize) -> GlanceRow {
        GlanceRow { label: RowLabel::Key(key), count: Some(count), indented: true, star: false }
    }
}

/// The rules a period's report follows: its review's methodology and
/// stage, or none when nobody reviewed the period (then only what the
/// institutions report is shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rules {
    /// The methodology.
    pub methodology: Option<Methodology>,
    /// The stage.
    pub stage: Option<Stage>,
}

impl Rules {
    /// The rules of a period with `review`.
    pub fn of(review: Option<&Review>) -> Rules {
        Rules { methodology: review.map(|r| r.methodology), stage: review.map(Review::stage) }
    }

    /// Whether completion is judged (not in an Action Plan Review).
    pub fn judges_completion(self) -> bool {
        self.stage.is_none_or(Stage::judges_completion)
    }

    /// Whether results are judged: did it open government (legacy, end of
    /// term) or early results (refreshed, Results Report).
    pub fn judges_results(self) -> bool {
        self.stage.is_some_and(Stage::judges_results)
    }

    /// The fields of a commitment's overview, in order.
    pub fn fields(self) -> Vec<Field> {
        let Some(m) = self.methodology else { return vec![Field::Completion] };
        let mut fields = Vec::new();
        if m.is_refreshed() {
            fields.extend([Field::Verifiability, Field::PotentialForResults]);
            if self.judges_completion() {
                fields.push(Field::Completion);
            }
            if self.judges_results() {
                fields.push(Field::EarlyResults);
            }
            fields.push(Field::Promising);
        } else {
            fields.extend([Field::Specificity, Field::PotentialImpact, Field::Completion, Field::OnTime]);
            if self.judges_results() {
                fields.push(Field::DidItOpenGovernment);
            }
            fields.push(Field::Starred);
        }
        fields
    }

    /// The OGP values a commitment's overview ticks.
    pub fn values(self) -> &'static [OgpValue] {
        Methodology::ogp_values(self.methodology)
    }

    /// What the values are called: `relevance` (legacy) or `lens`
    /// (refreshed: the open-government lens).
    pub fn values_heading(self) -> &'static str {
        if self.methodology.is_some_and(Methodology::is_refreshed) { "lens" } else { "relevance" }
    }

    /// Whether the methodology stars commitments (else it marks promising ones).
    pub fn has_star(self) -> bool {
        self.methodology.is_some_and(Methodology::has_star)
    }

    /// The rows of "At a Glance" for `statuses`. `early_results` lists the
    /// values of the early-results scale, lowest first.
    pub fn glance(self, statuses: &[CommitmentStatus], early_results: &[&str]) -> Vec<GlanceRow> {
        let count = |f: &dyn Fn(&CommitmentStatus) -> bool| statuses.iter().filter(|c| f(c)).count();
        let active = |c: &CommitmentStatus| c.withdrawn_on.is_none() && !c.outside;
        let completion = |want: Completion| count(&|c| active(c) && c.completion == Some(want));
        let mut rows = vec![GlanceRow::top("commitments", statuses.len())];
        let withdrawn = count(&|c| c.withdrawn_on.is_some());
        let outside = count(&|c| c.outside && c.withdrawn_on.is_none());
        let completion_rows = |rows: &mut Vec<GlanceRow>| {
            rows.push(GlanceRow::group("completion"));
            rows.push(GlanceRow::sub("complete", completion(Completion::Complete)));
            rows.push(GlanceRow::sub("substantial", completion(Completion::Substantial)));
            rows.push(GlanceRow::sub("limited", completion(Completion::Limited)));
            rows.push(GlanceRow::sub("not-started", completion(Completion::NotStarted)));
            let none = count(&|c| active(c) && matches!(c.completion, Some(Completion::NoEvidenceAvailable) | None));
            if none > 0 {
                rows.push(GlanceRow::sub("no-evidence-available", none));
            }
            // Counted apart: withdrawal is not a completion level.
            if withdrawn > 0 {
                rows.push(GlanceRow::top("withdrawn", withdrawn));
            }
            if outside > 0 {
                rows.push(GlanceRow::top("outside", outside));
            }
        };
        let Some(m) = self.methodology else {
            completion_rows(&mut rows);
            return rows;
        };
        let high = |c: &CommitmentStatus| {
            active(c) && matches!(c.completion, Some(Completion::Substantial | Completion::Complete))
        };
        if m.is_refreshed() {
            rows.push(GlanceRow::top("verifiable", count(&|c| c.verifiable == Some(true))));
            rows.push(GlanceRow::top("lens", count(&|c| c.relevant == Some(true))));
            rows.push(GlanceRow::group("potential-for-results"));
            for (key, want) in [
                ("results-substantial", PotentialForResults::Substantial),
                ("results-modest", PotentialForResults::Modest),
                ("results-unclear", PotentialForResults::Unclear),
            ] {
                rows.push(GlanceRow::sub(key, count(&|c| c.potential_for_results == Some(want))));
            }
            rows.push(GlanceRow::top("promising", count(&|c| c.promising == Some(true))));
            if self.judges_completion() {
                completion_rows(&mut rows);
            } else if withdrawn > 0 {
                rows.insert(1, GlanceRow::top("withdrawn", withdrawn));
            }
            if self.judges_results() {
                rows.push(GlanceRow::group("early-results"));
                for id in early_results.iter().rev() {
                    rows.push(GlanceRow {
                        label: RowLabel::EarlyResults((*id).to_owned()),
                        count: Some(count(&|c| c.early_results.as_deref() == Some(*id))),
                        indented: true,
                        star: false,
                    });
                }
            }
            return rows;
        }
        completion_rows(&mut rows);
        rows.push(GlanceRow::group("with"));
        rows.push(GlanceRow::sub("relevant", count(&|c| c.relevant == Some(true))));
        let ambition = match m {
            Methodology::Legacy2014 => GlanceRow::sub(
                "moderate-or-transformative",
                count(&|c| super::star::ambitious_enough(m, c.potential_impact)),
            ),
            _ => GlanceRow::sub(
                "transformative",
                count(&|c| c.potential_impact == Some(crate::model::PotentialImpact::Transformative)),
            ),
        };
        rows.push(ambition);
        rows.push(GlanceRow::sub("high-completion", count(&high)));
        rows.push(GlanceRow {
            label: RowLabel::Key(if m == Methodology::LocalPilot2017 { "all-three" } else { "starred" }),
            count: Some(count(&|c| c.star.is_starred())),
            indented: true,
            star: true,
        });
        if self.judges_results() {
            rows.push(GlanceRow::group("opened"));
            rows.push(GlanceRow::sub(
                "major",
                count(&|c| c.did_it_open_government == Some(DidItOpenGovernment::Major)),
            ));
            rows.push(GlanceRow::sub(
                "outstanding",
                count(&|c| c.did_it_open_government == Some(DidItOpenGovernment::Outstanding)),
            ));
        }
        rows
    }
}
