//! `terbuka status`: what is due and what is late on the day
//! (`crate::cycle::due`), as a table or JSON; `--fail-on-overdue` exits 1
//! when anything is late.

use serde::Serialize;

use crate::cycle::due::{self, State};
use crate::model::{Date, Lang};
use crate::settings::Settings;

use super::{Error, Outcome, StatusFormat};

/// One item, as JSON gives it.
#[derive(Serialize)]
struct Row<'a> {
    kind: &'static str,
    state: &'static str,
    due: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    done: Option<Date>,
    subject: &'a str,
    what: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

#[derive(Serialize)]
struct Json<'a> {
    today: Date,
    late: usize,
    items: Vec<Row<'a>>,
}

pub fn run(settings: &Settings, format: StatusFormat, fail_on_overdue: bool) -> Result<Outcome, Error> {
    let engine = match super::prepare_located(settings)? {
        Ok(engine) => engine,
        Err(outcome) => return Ok(outcome),
    };
    let (ws, lang) = (engine.workspace(), engine.lang());
    let today = engine.options().today();
    let items = due::items(ws, today);
    let rows = items
        .iter()
        .map(|item| {
            let at = item.at.as_ref();
            let position = at.and_then(|l| ws.sources.resolve(l)).map(|(start, _)| start);
            Row {
                kind: item.kind.as_str(),
                state: item.state.as_str(),
                due: item.due,
                done: item.done,
                subject: &item.subject,
                what: item.what.get(lang),
                file: at.map(|l| &*l.file),
                line: position.map(|p| p.0),
                column: position.map(|p| p.1),
            }
        })
        .collect::<Vec<_>>();
    let late = items.iter().filter(|i| i.state == State::Late).count();
    let text = match format {
        StatusFormat::Json => crate::export::json(&Json { today, late, items: rows }),
        StatusFormat::Table => table(&rows, today, settings.source_date_epoch.is_some(), lang),
    };
    super::stdout(&text)?;
    Ok(if fail_on_overdue && late > 0 { Outcome::Problems } else { Outcome::Ok })
}

fn state_word(state: &str, lang: Lang) -> &'static str {
    match (state, lang) {
        ("late", Lang::En) => "late",
        ("open", Lang::En) => "not yet due",
        ("done-late", Lang::En) => "done late",
        (_, Lang::En) => "done on time",
        ("late", Lang::Id) => "terlambat",
        ("open", Lang::Id) => "belum jatuh tempo",
        ("done-late", Lang::Id) => "selesai terlambat",
        (_, Lang::Id) => "selesai tepat waktu",
    }
}

/// The aligned table, with the day it is for and a count per state.
fn table(rows: &[Row<'_>], today: Date, pinned: bool, lang: Lang) -> String {
    let head = match lang {
        Lang::En => ["STATE", "DUE", "DONE", "WHAT", "WHERE"],
        Lang::Id => ["STATUS", "JATUH TEMPO", "SELESAI", "APA", "LOKASI"],
    };
    let cells = rows
        .iter()
        .map(|r| {
            let place = match (r.file, r.line, r.column) {
                (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
                (Some(f), ..) => f.to_owned(),
                _ => String::new(),
            };
            let done = r.done.map(|d| d.to_string()).unwrap_or_default();
            [state_word(r.state, lang).to_owned(), r.due.to_string(), done, r.what.to_owned(), place]
        })
        .collect::<Vec<_>>();
    let mut widths = head.map(|h| h.chars().count());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            out.push_str(cell);
            if i + 1 < cells.len() {
                out.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        out.trim_end().to_owned() + "\n"
    };
    let source = match (pinned, lang) {
        (true, Lang::En) => " (SOURCE_DATE_EPOCH)",
        (true, Lang::Id) => " (SOURCE_DATE_EPOCH)",
        _ => "",
    };
    let mut out = match lang {
        Lang::En => format!("status on {today}{source}\n\n"),
        Lang::Id => format!("status per {today}{source}\n\n"),
    };
    if rows.is_empty() {
        out.push_str(match lang {
            Lang::En => "nothing is due\n",
            Lang::Id => "tidak ada yang jatuh tempo\n",
        });
        return out;
    }
    out.push_str(&line(&head.map(str::to_owned)));
    for row in &cells {
        out.push_str(&line(row));
    }
    let count = |s: &str| rows.iter().filter(|r| r.state == s).count();
    let (late, open, done_late, done) = (count("late"), count("open"), count("done-late"), count("done"));
    out.push('\n');
    out.push_str(&match lang {
        Lang::En => format!("{late} late, {open} not yet due, {done_late} done late, {done} done on time\n"),
        Lang::Id => format!(
            "{late} terlambat, {open} belum jatuh tempo, {done_late} selesai terlambat, {done} selesai tepat waktu\n"
        ),
    });
    out
}
