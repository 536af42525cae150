//! Open data: the scores and IRM fields as tidy records, written as CSV or
//! JSON with exactly the columns the design names.

use serde::Serialize;

use crate::model::{Methodology, OgpValue};
use crate::score::{CommitmentStatus, Scores};

/// One row of `points.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct PointRow {
    pub period: String,
    pub institution: String,
    pub point: String,
    pub claimed: u32,
    pub backed: u32,
    pub reviewed: Option<u32>,
    pub recommendation: &'static str,
    /// `false`: carried over from the previous period and not yet confirmed
    /// (scored as the lowest level).
    pub confirmed: bool,
}

/// One row of `institutions.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct InstitutionRow {
    pub period: String,
    pub institution: String,
    pub index_claimed: String,
    pub index_backed: String,
}

/// One row of `commitments.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentRow {
    pub period: String,
    pub commitment: String,
    pub verifiable: Option<bool>,
    pub potential_impact: Option<String>,
    pub completion: Option<String>,
    pub did_it_open_government: Option<String>,
    pub starred: bool,
    // Appended after the first columns, which keep their order: the review's
    // methodology and stage, and every field it has.
    pub methodology: Option<&'static str>,
    pub stage: Option<&'static str>,
    pub specificity: Option<String>,
    pub verifiability: Option<String>,
    /// One per OGP value, in [`VALUES`] order: whether the review ticks it,
    /// empty when the methodology does not have the value. In JSON, an
    /// object keyed by the value's name.
    #[serde(serialize_with = "values_by_name")]
    pub values: Vec<Option<bool>>,
    pub potential_for_results: Option<String>,
    pub on_time: Option<bool>,
    pub promising: Option<bool>,
    pub early_results: Option<String>,
    /// The day it was withdrawn, when that was by the period's end.
    pub withdrawn: Option<String>,
}

/// The OGP values of every methodology, in the order of their columns.
pub const VALUES: [OgpValue; 6] = [
    OgpValue::AccessToInformation,
    OgpValue::CivicParticipation,
    OgpValue::PublicAccountability,
    OgpValue::TechnologyAndInnovation,
    OgpValue::Transparency,
    OgpValue::Inclusion,
];

fn values_by_name<S: serde::Serializer>(values: &[Option<bool>], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(values.len()))?;
    for (v, ticked) in VALUES.iter().zip(values) {
        map.serialize_entry(v.as_str(), ticked)?;
    }
    map.end()
}

/// All records of the chosen periods.
#[derive(Debug, Clone, Serialize)]
pub struct Records {
    pub points: Vec<PointRow>,
    pub institutions: Vec<InstitutionRow>,
    pub commitments: Vec<CommitmentRow>,
}

fn commitment_row(period: &str, c: &CommitmentStatus) -> CommitmentRow {
    CommitmentRow {
        period: period.to_owned(),
        commitment: c.commitment.clone(),
        verifiable: c.verifiable,
        potential_impact: c.potential_impact.as_ref().and_then(crate::export_kebab),
        completion: c.completion.as_ref().and_then(crate::export_kebab),
        did_it_open_government: c.did_it_open_government.as_ref().and_then(crate::export_kebab),
        starred: c.star.is_starred(),
        methodology: c.methodology.map(Methodology::as_str),
        stage: c.stage.map(|s| s.as_str()),
        specificity: c.specificity.as_ref().and_then(crate::export_kebab),
        verifiability: c.verifiability.as_ref().and_then(crate::export_kebab),
        values: VALUES
            .iter()
            .map(|v| {
                // Empty when not assessed (a commitment that is not
                // verifiable is assessed no further) or not in the methodology.
                let has = c.assessed && c.methodology.is_some() && Methodology::ogp_values(c.methodology).contains(v);
                has.then(|| c.relevance.contains(v))
            })
            .collect(),
        potential_for_results: c.potential_for_results.as_ref().and_then(crate::export_kebab),
        on_time: c.on_time,
        promising: c.promising,
        early_results: c.early_results.as_ref().map(ToString::to_string),
        withdrawn: c.withdrawn_on.map(|d| d.to_string()),
    }
}

/// The records of `period` (or of every period).
pub fn records(scores: &Scores, period: Option<&str>) -> Records {
    let mut out = Records { points: Vec::new(), institutions: Vec::new(), commitments: Vec::new() };
    for p in scores.periods.iter().filter(|p| period.is_none_or(|id| id == p.period)) {
        for inst in &p.institutions {
            for s in &inst.points {
                out.points.push(PointRow {
                    period: p.period.clone(),
                    institution: inst.institution.clone(),
                    point: s.point.clone(),
                    claimed: s.claimed,
                    backed: s.backed,
                    reviewed: s.reviewed,
                    recommendation: s.recommendation.as_str(),
                    confirmed: !s.unconfirmed,
                });
            }
            out.institutions.push(InstitutionRow {
                period: p.period.clone(),
                institution: inst.institution.clone(),
                index_claimed: inst.index_claimed.display(2),
                index_backed: inst.index_backed.display(2),
            });
        }
        out.commitments.extend(p.commitments.iter().map(|c| commitment_row(&p.period, c)));
    }
    out
}

/// A CSV field, quoted when it needs to be (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// `points.csv`.
pub fn points_csv(rows: &[PointRow]) -> String {
    let mut out = String::from("period,institution,point,claimed,backed,reviewed,recommendation,confirmed\n");
    for r in rows {
        let fields = [
            csv_field(&r.period),
            csv_field(&r.institution),
            csv_field(&r.point),
            r.claimed.to_string(),
            r.backed.to_string(),
            opt(&r.reviewed),
            r.recommendation.to_owned(),
            r.confirmed.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// `institutions.csv`.
pub fn institutions_csv(rows: &[InstitutionRow]) -> String {
    let mut out = String::from("period,institution,index_claimed,index_backed\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{}\n",
            csv_field(&r.period),
            csv_field(&r.institution),
            r.index_claimed,
            r.index_backed
        ));
    }
    out
}

/// `commitments.csv`.
pub fn commitments_csv(rows: &[CommitmentRow]) -> String {
    let mut out = String::from(
        "period,commitment,verifiable,potential_impact,completion,did_it_open_government,starred,methodology,stage,specificity,verifiability",
    );
    for v in VALUES {
        out.push_str(",value_");
        out.push_str(&v.as_str().replace('-', "_"));
    }
    out.push_str(",potential_for_results,on_time,promising,early_results,withdrawn\n");
    for r in rows {
        let fields = [
            csv_field(&r.period),
            csv_field(&r.commitment),
            opt(&r.verifiable),
            opt(&r.potential_impact),
            opt(&r.completion),
            opt(&r.did_it_open_government),
            r.starred.to_string(),
            opt(&r.methodology),
            opt(&r.stage),
            opt(&r.specificity),
            opt(&r.verifiability),
        ];
        let tail = [
            opt(&r.potential_for_results),
            opt(&r.on_time),
            opt(&r.promising),
            opt(&r.early_results.as_deref().map(csv_field)),
            opt(&r.withdrawn),
        ];
        let values = r.values.iter().map(opt);
        let fields = fields.into_iter().chain(values).chain(tail).collect::<Vec<_>>();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// The comparison as CSV, one row per institution and point.
pub fn compare_csv(c: &crate::compare::Comparison) -> String {
    let mut out = String::from(
        "from,to,institution,point,claimed_from,claimed_to,backed_from,backed_to,reviewed_from,reviewed_to,movement,evidence_added,evidence_dropped,evidence_reused\n",
    );
    let o = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();
    for inst in &c.institutions {
        for p in &inst.points {
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                csv_field(&c.from),
                csv_field(&c.to),
                csv_field(&inst.institution),
                csv_field(&p.point),
                o(p.claimed.from),
                o(p.claimed.to),
                o(p.backed.from),
                o(p.backed.to),
                o(p.reviewed.from),
                o(p.reviewed.to),
                crate::export_kebab(&p.movement).unwrap_or_default(),
                p.evidence.added.len(),
                p.evidence.dropped.len(),
                p.evidence.reused.len()
            ));
        }
    }
    out
}

/// Pretty JSON of any record list, ending in a newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}

/// The three tables as one spreadsheet (`.xlsx`): a sheet per table, named
/// as the CSV files are, with the same columns in the same order, typed
/// cells (numbers, true/false, text; blank for no value), a bold and
/// frozen header row. Steering committees pass spreadsheets around, not
/// CSV. The same records give the same bytes: the workbook's dates are
/// fixed.
pub fn xlsx(records: &Records) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let when = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&when));
    let bold = Format::new().set_bold();
    let tables = [
        ("points", serde_json::to_value(&records.points)),
        ("institutions", serde_json::to_value(&records.institutions)),
        ("commitments", serde_json::to_value(&records.commitments)),
    ];
    for (name, rows) in tables {
        let rows = rows.unwrap_or_default();
        let rows = rows.as_array().map(Vec::as_slice).unwrap_or_default();
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        let columns = columns(rows);
        for (c, column) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, column, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, column) in columns.iter().enumerate() {
                let c = c as u16;
                match row.get(column) {
                    Some(serde_json::Value::Number(n)) => {
                        sheet.write_number(r, c, n.as_f64().unwrap_or_default())?;
                    }
                    Some(serde_json::Value::Bool(b)) => {
                        sheet.write_boolean(r, c, *b)?;
                    }
                    Some(serde_json::Value::String(s)) => {
                        sheet.write_string(r, c, s)?;
                    }
                    Some(serde_json::Value::Array(items)) => {
                        let text = items.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ");
                        sheet.write_string(r, c, text)?;
                    }
                    _ => {}
                }
            }
        }
        sheet.autofit();
    }
    book.save_to_buffer()
}

/// A table's columns: the keys of its rows, in their order (an empty table
/// has only a header from an empty row).
fn columns(rows: &[serde_json::Value]) -> Vec<String> {
    rows.first().and_then(|r| r.as_object()).map(|o| o.keys().cloned().collect()).unwrap_or_default()
}
