//! `terbuka compare P1 P2`: what moved between two periods, as a table,
//! CSV, JSON or the comparison report (PDF).

use crate::engine::{self, JobKind};
use crate::export;
use crate::settings::Settings;
use crate::{msg, tables};

use super::{CompareFormat, Error, Outcome, PdfOutput, plural};

pub fn run(
    settings: &Settings,
    from: &str,
    to: &str,
    institution: Option<String>,
    format: CompareFormat,
    pdf: PdfOutput,
    fail_on_regression: bool,
) -> Result<Outcome, Error> {
    let engine = match super::prepare(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(outcome),
    };
    let (from, to) = (engine.period_arg(Some(from))?, engine.period_arg(Some(to))?);
    if let Some(id) = &institution {
        engine.institution_arg(id)?;
    }
    if let (CompareFormat::Pdf, Some(path)) = (format, &pdf.output) {
        engine.inputs().check(path)?;
    }
    super::note_warnings(&engine);
    let scores = engine.scores();
    if scores.period(&from).is_none() || scores.period(&to).is_none() {
        return Err(engine::no_scores(&format!("{from}, {to}")).into());
    }
    let hashes = engine.hashes(Some(&[&from, &to]));
    let comparison = match engine.comparison(&from, &to, institution.as_deref(), &hashes) {
        Ok(c) => c,
        Err(e) => return super::report::job_error(&engine, settings, e),
    };
    let lang = engine.lang();
    let text = match format {
        CompareFormat::Table => tables::compare_table(&comparison, lang, settings.color),
        CompareFormat::Csv => export::compare_csv(&comparison),
        CompareFormat::Json => export::json(&comparison),
        CompareFormat::Pdf => {
            let kind = JobKind::Compare { from: from.clone(), to: to.clone(), institution: institution.clone() };
            // The process ends with this one document.
            crate::report::typeset::ends_after_one();
            match super::report::one(&engine, settings, kind, pdf)? {
                Outcome::Ok => String::new(),
                Outcome::Problems => return Ok(Outcome::Problems),
            }
        }
    };
    super::stdout(&text)?;
    if fail_on_regression && comparison.summary.regressions > 0 {
        let n = comparison.summary.regressions;
        let word = plural(n, "level", "levels");
        let m = msg!(
            "terbuka: {n} evidence-backed {word} dropped from {from} to {to} (--fail-on-regression)",
            "terbuka: {n} level yang didukung bukti turun dari {from} ke {to} (--fail-on-regression)"
        );
        super::print::err_line(m.get(lang));
        return Ok(Outcome::Problems);
    }
    Ok(Outcome::Ok)
}
