//! `terbuka export`: the scores and IRM fields as open data (CSV or JSON).

use std::path::PathBuf;

use crate::export;
use crate::settings::Settings;

use super::{Error, ExportFormat, Outcome};

pub fn run(
    settings: &Settings,
    period: Option<String>,
    format: ExportFormat,
    dir: Option<PathBuf>,
) -> Result<Outcome, Error> {
    let engine = match super::prepare(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(outcome),
    };
    let period = match period {
        Some(p) => Some(engine.period_arg(Some(&p))?),
        None => None,
    };
    if let Some(dir) = &dir {
        engine.inputs().check(&dir.join("points.csv"))?;
    }
    super::note_warnings(&engine);
    let records = export::records(engine.scores(), period.as_deref());
    let dir = dir.unwrap_or_else(|| engine.workspace().root.join("out"));
    let files = match format {
        ExportFormat::Csv => vec![
            ("points.csv", export::points_csv(&records.points)),
            ("institutions.csv", export::institutions_csv(&records.institutions)),
            ("commitments.csv", export::commitments_csv(&records.commitments)),
        ],
        ExportFormat::Json => vec![
            ("points.json", export::json(&records.points)),
            ("institutions.json", export::json(&records.institutions)),
            ("commitments.json", export::json(&records.commitments)),
        ],
    };
    super::write_listed(engine.inputs(), &dir, files)?;
    Ok(Outcome::Ok)
}
