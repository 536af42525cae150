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
    // One period's files are named after it (`points-2017-s2.csv`), so
    // that they never pass for every period's, nor overwrite them.
    let name = |kind: &str, ext: &str| match &period {
        Some(p) => format!("{kind}-{p}.{ext}"),
        None => format!("{kind}.{ext}"),
    };
    let ext = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Json => "json",
        ExportFormat::Xlsx => "xlsx",
    };
    if let Some(dir) = &dir {
        let first = if ext == "xlsx" { name("terbuka", ext) } else { name("points", ext) };
        engine.inputs().check(&dir.join(first))?;
    }
    super::note_warnings(&engine);
    let records = export::records(engine.scores(), period.as_deref());
    let dir = dir.unwrap_or_else(|| engine.workspace().root.join("out"));
    let files = match format {
        ExportFormat::Csv => vec![
            (name("points", ext), export::points_csv(&records.points)),
            (name("institutions", ext), export::institutions_csv(&records.institutions)),
            (name("commitments", ext), export::commitments_csv(&records.commitments)),
        ],
        ExportFormat::Xlsx => {
            let bytes = export::xlsx(&records).map_err(|e| {
                let e = e.to_string();
                super::Error::Other(crate::msg!(
                    "the spreadsheet cannot be written: {e}",
                    "lembar kerja tidak dapat ditulis: {e}"
                ))
            })?;
            super::write_listed(engine.inputs(), &dir, vec![(name("terbuka", ext), bytes)])?;
            return Ok(Outcome::Ok);
        }
        ExportFormat::Json => vec![
            (name("points", ext), export::json(&records.points)),
            (name("institutions", ext), export::json(&records.institutions)),
            (name("commitments", ext), export::json(&records.commitments)),
        ],
    };
    super::write_listed(engine.inputs(), &dir, files)?;
    Ok(Outcome::Ok)
}
