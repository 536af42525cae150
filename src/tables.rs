//! Terminal tables for `score` and `compare`: aligned columns, a legend, and
//! colour only when asked (a terminal, no `NO_COLOR`).

use std::fmt::Write;

use crate::compare::{Comparison, Delta, Movement};
use crate::load::Workspace;
use crate::model::{Lang, Rubric};
use crate::score::{PeriodScores, StarStatus};

fn t(lang: Lang, en: &'static str, id: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

struct Paint(bool);

impl Paint {
    fn red(&self, s: &str) -> String {
        if self.0 { format!("\x1b[31m{s}\x1b[0m") } else { s.to_owned() }
    }
    fn green(&self, s: &str) -> String {
        if self.0 { format!("\x1b[32m{s}\x1b[0m") } else { s.to_owned() }
    }
    fn bold(&self, s: &str) -> String {
        if self.0 { format!("\x1b[1m{s}\x1b[0m") } else { s.to_owned() }
    }
}

/// Pads `s` to `width` characters (left-aligned).
fn pad(s: &str, width: usize) -> String {
    // Cells hold text from YAML files: nothing in it may act on the terminal.
    let s = crate::diag::clean(s);
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// Pads `s` to `width` characters (right-aligned).
fn rpad(s: &str, width: usize) -> String {
    let s = crate::diag::clean(s);
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(n)))
}

/// The `score` table of one period.
pub fn score_table(ws: &Workspace, rubric: &Rubric, p: &PeriodScores, lang: Lang, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    let label = ws
        .manifest
        .as_ref()
        .and_then(|m| m.value.periods.iter().find(|x| x.id == p.period))
        .map(|x| x.label.get(lang).to_owned())
        .unwrap_or_default();
    let _ = writeln!(out, "{}", paint.bold(&format!("{} {} — {label}", t(lang, "Period", "Periode"), p.period)));
    let width = p.institutions.iter().map(|i| i.institution.chars().count()).max().unwrap_or(10).max(11);
    let mut header = pad(t(lang, "institution", "institusi"), width);
    for point in &rubric.points {
        header.push_str(&rpad(&point.number.to_string(), 6));
    }
    let _ =
        writeln!(header, "  {}  {}", rpad(t(lang, "claimed", "diklaim"), 8), rpad(t(lang, "backed", "berbukti"), 8));
    out.push_str(&paint.bold(header.trim_end()));
    out.push('\n');
    for inst in &p.institutions {
        let mut row = pad(&inst.institution, width);
        for s in &inst.points {
            let cell = if s.unsupported { format!("{}({})", s.backed, s.claimed) } else { s.backed.to_string() };
            let cell = rpad(&if s.unconfirmed { format!("{cell}?") } else { cell }, 6);
            row.push_str(&if s.unsupported || s.unconfirmed { paint.red(&cell) } else { cell });
        }
        let _ =
            write!(row, "  {}  {}", rpad(&num(&inst.index_claimed, lang), 8), rpad(&num(&inst.index_backed, lang), 8));
        out.push_str(&row);
        out.push('\n');
    }
    let mut mean = pad(t(lang, "mean", "rata-rata"), width);
    for s in &p.points {
        mean.push_str(&rpad(&num(&s.mean_backed, lang), 6));
    }
    let _ = writeln!(
        mean,
        "  {}  {}",
        rpad(&num(&p.mean_index_claimed, lang), 8),
        rpad(&num(&p.mean_index_backed, lang), 8)
    );
    out.push_str(&mean);
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "cells: evidence-backed level; 1(3) = claimed 3, evidence supports 1. Indices 0–100, weighted.",
            "sel: tingkat berbukti; 1(3) = diklaim 3, bukti mendukung 1. Indeks 0–100, berbobot."
        )
    );
    if p.institutions.iter().flat_map(|i| &i.points).any(|s| s.unconfirmed) {
        let _ = writeln!(out, "{}", t(lang, UNCONFIRMED_EN, UNCONFIRMED_ID));
    }
    out.push('\n');
    let _ = writeln!(out, "{}", paint.bold(t(lang, "Commitments (IRM)", "Komitmen (IRM)")));
    let cw = p.commitments.iter().map(|c| c.commitment.chars().count()).max().unwrap_or(10).max(10);
    // The columns follow the period's methodology: potential impact, did it
    // open government and the star (legacy), or potential for results,
    // early results and promising (refreshed).
    let refreshed = p.commitments.iter().any(|c| c.methodology.is_some_and(|m| m.is_refreshed()));
    let (potential, results, last) = if refreshed {
        (
            t(lang, "potential", "potensi hasil"),
            t(lang, "early results", "hasil awal"),
            t(lang, "promising", "menjanjikan"),
        )
    } else {
        (t(lang, "impact", "dampak"), t(lang, "opened gov.", "membuka pem."), t(lang, "star", "bintang"))
    };
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&format!(
            "{}  {} {:<13} {:<8} {:<15} {:<22} {:<16} {}",
            pad("#", 2),
            pad(t(lang, "commitment", "komitmen"), cw),
            t(lang, "verifiable", "terverifikasi"),
            t(lang, "relevant", "relevan"),
            potential,
            t(lang, "completion", "penyelesaian"),
            results,
            last,
        ))
    );
    for c in &p.commitments {
        let yn = |v: Option<bool>| match v {
            Some(true) => t(lang, "yes", "ya"),
            Some(false) => t(lang, "no", "tidak"),
            None => "–",
        };
        let kebab = |v: Option<String>| v.unwrap_or_else(|| "–".into());
        let completion = match (c.completion, c.completion_source) {
            _ if c.withdrawn_on.is_some() => t(lang, "withdrawn", "ditarik").to_owned(),
            _ if c.outside => t(lang, "outside its span", "di luar masa").to_owned(),
            (Some(x), Some(crate::score::irm::CompletionSource::Milestones)) => {
                format!("{}*", kebab(crate::export_kebab(&x)))
            }
            (Some(x), _) => kebab(crate::export_kebab(&x)),
            _ => "–".into(),
        };
        let (potential, results, last) = if refreshed {
            (
                kebab(c.potential_for_results.as_ref().and_then(crate::export_kebab)),
                kebab(c.early_results.as_ref().map(ToString::to_string)),
                yn(c.promising).to_owned(),
            )
        } else {
            let star = match &c.star {
                StarStatus::Starred => paint.green("✪"),
                StarStatus::NotStarred { failed } => {
                    format!("– ({})", failed.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", "))
                }
                StarStatus::NotApplicable => t(lang, "n/a", "–").into(),
            };
            (
                kebab(c.potential_impact.as_ref().and_then(crate::export_kebab)),
                kebab(c.did_it_open_government.as_ref().and_then(crate::export_kebab)),
                star,
            )
        };
        let _ = writeln!(
            out,
            "{}  {} {:<13} {:<8} {:<15} {:<22} {:<16} {}",
            pad(&c.number.to_string(), 2),
            pad(&c.commitment, cw),
            yn(c.verifiable),
            yn(c.relevant),
            potential,
            completion,
            results,
            last
        );
    }
    let derived = p.commitments.iter().any(|c| {
        c.completion.is_some() && c.completion_source == Some(crate::score::irm::CompletionSource::Milestones)
    });
    if derived {
        let _ = writeln!(
            out,
            "{}",
            t(
                lang,
                "* completion derived from milestone progress (no reviewer value)",
                "* penyelesaian diturunkan dari kemajuan tonggak capaian (tanpa nilai peninjau)"
            )
        );
    }
    out
}

/// The point-by-point table of one institution.
pub fn institution_table(rubric: &Rubric, p: &PeriodScores, id: &str, lang: Lang, color: bool) -> String {
    let paint = Paint(color);
    let Some(inst) = p.institution(id) else { return String::new() };
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint.bold(&format!("{id} — {} {}", t(lang, "period", "periode"), p.period)));
    let tw = rubric.points.iter().map(|x| x.title.get(lang).chars().count()).max().unwrap_or(10).min(48);
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&format!(
            "{}  {}  {:>7} {:>8} {:>8} {:>4} {:>8}  {}",
            pad("#", 2),
            pad(t(lang, "point", "poin"), tw),
            t(lang, "claimed", "diklaim"),
            t(lang, "backed", "berbukti"),
            t(lang, "reviewed", "ditinjau"),
            t(lang, "gap", "selisih"),
            t(lang, "evidence", "bukti"),
            t(lang, "recommendation", "rekomendasi"),
        ))
    );
    for (s, point) in inst.points.iter().zip(&rubric.points) {
        let title = cut(point.title.get(lang), tw);
        // The rubric's own names for its recommendations, when it words them.
        let labels = rubric.recommendations.as_ref().and_then(|r| r.labels.as_ref());
        let rec = match (s.recommendation, labels) {
            (_, _) if s.unconfirmed => t(lang, "not yet confirmed", "belum dikonfirmasi").to_owned(),
            (crate::score::Recommendation::MaintainAndExtend, Some(l)) => l.maintain.get(lang).to_owned(),
            (crate::score::Recommendation::Improve, Some(l)) => l.improve.get(lang).to_owned(),
            (crate::score::Recommendation::Start, Some(l)) => l.start.get(lang).to_owned(),
            (crate::score::Recommendation::MaintainAndExtend, None) => {
                t(lang, "maintain & extend", "pertahankan & kembangkan").to_owned()
            }
            (crate::score::Recommendation::Improve, None) => t(lang, "improve", "perbaiki").to_owned(),
            (crate::score::Recommendation::Start, None) => t(lang, "start", "mulai").to_owned(),
        };
        let backed = rpad(&s.backed.to_string(), 8);
        let claimed = if s.unconfirmed { format!("{}?", s.claimed) } else { s.claimed.to_string() };
        let _ = writeln!(
            out,
            "{}  {}  {:>7} {} {:>8} {:>4} {:>8}  {}",
            pad(&s.number.to_string(), 2),
            pad(&title, tw),
            claimed,
            if s.unsupported { paint.red(&backed) } else { backed },
            s.reviewed.map_or("–".into(), |r| r.to_string()),
            s.gap.map_or("–".into(), |g| if g == 0 { "0".into() } else { format!("{g:+}") }),
            s.evidence,
            rec
        );
    }
    let _ = writeln!(
        out,
        "{}: {} {}, {} {}",
        t(lang, "index", "indeks"),
        num(&inst.index_claimed, lang),
        t(lang, "claimed", "diklaim"),
        num(&inst.index_backed, lang),
        t(lang, "evidence-backed", "berbukti")
    );
    if inst.points.iter().any(|s| s.unconfirmed) {
        let _ = writeln!(out, "{}", t(lang, UNCONFIRMED_EN, UNCONFIRMED_ID));
    }
    out
}

const UNCONFIRMED_EN: &str =
    "?: not yet confirmed (`confirmed: false`); scored as the lowest level until the focal point confirms it.";
const UNCONFIRMED_ID: &str =
    "?: belum dikonfirmasi (`confirmed: false`); dihitung sebagai level terendah sampai focal point mengonfirmasinya.";

fn delta_text(d: &Delta<u32>) -> String {
    match (d.from, d.to) {
        (Some(a), Some(b)) if a == b => format!("{a}"),
        (Some(a), Some(b)) => format!("{a}→{b}"),
        (Some(a), None) => format!("{a}→–"),
        (None, Some(b)) => format!("–→{b}"),
        (None, None) => "–".into(),
    }
}

/// The `compare` table.
pub fn compare_table(c: &Comparison, lang: Lang, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    let _ =
        writeln!(out, "{}", paint.bold(&format!("{} {} → {}", t(lang, "Comparison", "Perbandingan"), c.from, c.to)));
    let w = c.institutions.iter().map(|i| i.institution.chars().count()).max().unwrap_or(10).max(11);
    let pw = c
        .institutions
        .iter()
        .flat_map(|i| &i.points)
        .map(|p| format!("{} {}", p.number, p.point).chars().count())
        .max()
        .unwrap_or(10)
        .max(5);
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&format!(
            "{}  {}  {:<10} {:<8} {:<8} {:<8} {}",
            pad(t(lang, "institution", "institusi"), w),
            pad(t(lang, "point", "poin"), pw),
            t(lang, "movement", "perubahan"),
            t(lang, "claimed", "diklaim"),
            t(lang, "backed", "berbukti"),
            t(lang, "reviewed", "ditinjau"),
            t(lang, "evidence +added −dropped =reused", "bukti +baru −dihapus =dipakai ulang"),
        ))
    );
    for inst in &c.institutions {
        for p in &inst.points {
            let moved = matches!(p.movement, Movement::Regression | Movement::Improvement);
            let claimed_moved = p.claimed.from != p.claimed.to;
            if !moved && !claimed_moved && p.evidence.added.is_empty() && p.evidence.dropped.is_empty() {
                continue;
            }
            let movement = match p.movement {
                Movement::Regression => paint.red(&pad(t(lang, "regression", "kemunduran"), 10)),
                Movement::Improvement => paint.green(&pad(t(lang, "improved", "membaik"), 10)),
                Movement::Unchanged => pad(t(lang, "same", "tetap"), 10),
                Movement::NotComparable => pad(t(lang, "n/a", "–"), 10),
                Movement::Unconfirmed => pad(t(lang, "unconfirmed", "blm dikonf."), 10),
            };
            let _ = writeln!(
                out,
                "{}  {}  {} {:<8} {:<8} {:<8} +{} −{} ={}",
                pad(&inst.institution, w),
                pad(&format!("{} {}", p.number, p.point), pw),
                movement,
                delta_text(&p.claimed),
                delta_text(&p.backed),
                delta_text(&p.reviewed),
                p.evidence.added.len(),
                p.evidence.dropped.len(),
                p.evidence.reused.len()
            );
        }
    }
    out.push('\n');
    let _ = writeln!(out, "{}", paint.bold(t(lang, "Indices (evidence-backed)", "Indeks (berbukti)")));
    for inst in &c.institutions {
        let f = |d: &Delta<crate::score::Ratio>| match (d.from, d.to) {
            (Some(a), Some(b)) => format!("{} → {} ({})", num(&a, lang), num(&b, lang), signed(b.minus(a), lang)),
            (Some(a), None) => format!("{} → –", num(&a, lang)),
            (None, Some(b)) => format!("– → {}", num(&b, lang)),
            (None, None) => "–".into(),
        };
        let _ = writeln!(out, "{}  {}", pad(&inst.institution, w), f(&inst.index_backed));
    }
    out.push('\n');
    let _ = writeln!(out, "{}", paint.bold(t(lang, "Commitments", "Komitmen")));
    for k in &c.commitments {
        let comp = |v: Option<crate::model::Completion>, withdrawn: Option<bool>, outside: Option<bool>| {
            if withdrawn == Some(true) {
                return t(lang, "withdrawn", "ditarik").to_owned();
            }
            if outside == Some(true) {
                return t(lang, "outside its span", "di luar masa").to_owned();
            }
            v.as_ref().and_then(crate::export_kebab).unwrap_or_else(|| "–".into())
        };
        let star = |v: Option<bool>| match v {
            Some(true) => "✪",
            Some(false) => "–",
            None => t(lang, "n/a", "–"),
        };
        let _ = writeln!(
            out,
            "{}  {}  {} → {}   {} {} → {}",
            pad(&k.number.to_string(), 2),
            pad(&k.commitment, 24),
            comp(k.completion.from, k.withdrawn.from, k.outside.from),
            comp(k.completion.to, k.withdrawn.to, k.outside.to),
            t(lang, "star", "bintang"),
            star(k.starred.from),
            star(k.starred.to)
        );
    }
    out.push('\n');
    let s = &c.summary;
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::En => format!(
                "{} {}, {} {}, {} unchanged (evidence-backed levels); evidence: {} added, {} dropped, {} reused unchanged",
                s.regressions,
                if s.regressions == 1 { "regression" } else { "regressions" },
                s.improvements,
                if s.improvements == 1 { "improvement" } else { "improvements" },
                s.unchanged,
                s.evidence_added,
                s.evidence_dropped,
                s.evidence_reused
            ),
            Lang::Id => format!(
                "{} kemunduran, {} perbaikan, {} tetap (tingkat berbukti); bukti: {} baru, {} dihapus, {} dipakai ulang tanpa perubahan",
                s.regressions, s.improvements, s.unchanged, s.evidence_added, s.evidence_dropped, s.evidence_reused
            ),
        }
    );
    out
}

fn signed(r: crate::score::Ratio, lang: Lang) -> String {
    let text = num(&r, lang);
    if r > crate::score::Ratio::ZERO { format!("+{text}") } else { text }
}

/// A ratio with two decimals, with a decimal comma in Indonesian (as the
/// reports write it; CSV and JSON keep the point).
fn num(r: &crate::score::Ratio, lang: Lang) -> String {
    let text = r.display(2);
    if lang == Lang::Id { text.replace('.', ",") } else { text }
}

/// `text` cut to `width` characters at a word's end, marked `…`, so no
/// title is cut inside a word.
fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len + 1 > width {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(width.saturating_sub(1)).collect();
    }
    out.push('…');
    out
}
