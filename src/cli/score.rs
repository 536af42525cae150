//! `terbuka score`: one row per institution, or one institution point by
//! point, as a table, CSV or JSON.

use crate::settings::Settings;
use crate::{engine, export, msg, tables};

use super::{Error, Outcome, TableFormat};

pub fn run(
    settings: &Settings,
    period: Option<String>,
    institution: Option<String>,
    format: TableFormat,
) -> Result<Outcome, Error> {
    let engine = match super::prepare(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(outcome),
    };
    let ws = engine.workspace();
    let period = engine.period_arg(period.as_deref())?;
    if let Some(id) = &institution {
        engine.institution_arg(id)?;
    }
    super::note_warnings(&engine);
    let Some(rubric) = ws.rubric() else {
        return Err(Error::Other(msg!("the workspace has no rubric", "ruang kerja tidak memiliki rubrik")));
    };
    let scores = engine.scores();
    let Some(p) = scores.period(&period) else { return Err(engine::no_scores(&period).into()) };
    let lang = engine.lang();
    let text = match format {
        TableFormat::Table => match &institution {
            Some(id) if p.institution(id).is_none() => {
                return Err(engine::no_assessment(id, &period).into());
            }
            Some(id) => tables::institution_table(&rubric.value, p, id, lang, settings.color),
            None => tables::score_table(ws, &rubric.value, p, lang, settings.color),
        },
        TableFormat::Csv => {
            let mut records = export::records(scores, Some(&period));
            if let Some(id) = &institution {
                records.points.retain(|r| &r.institution == id);
            }
            export::points_csv(&records.points)
        }
        TableFormat::Json => {
            let mut p = p.clone();
            if let Some(id) = &institution {
                p.institutions.retain(|i| &i.institution == id);
            }
            export::json(&p)
        }
    };
    super::stdout(&text)?;
    Ok(Outcome::Ok)
}
