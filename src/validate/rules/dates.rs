//! The rules of dates: a span that ends before it starts (E040), a
//! milestone outside its commitment (E041), periods that share days
//! (E042), and a milestone overdue at the end of the latest assessed
//! period (W010).

use crate::diag::{Code, Diagnostic, RuleDoc, Words};
use crate::model::Date;
use crate::score::irm::milestones;
use crate::{msg, path};

use super::super::Context;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E040, E041, E042, W010];

/// Checks the spans of `terbuka.yaml` and of the commitments, and the
/// milestones that are overdue.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    manifest(cx);
    commitments(cx);
    overdue(cx);
}

// ── E040 bad-date-range ──────────────────────────────────────────────────

/// E040 `bad-date-range`: what it checks, why, and how to fix it.
pub const E040: RuleDoc = RuleDoc {
    code: Code::BadDateRange,
    home: module_path!(),
    summary: Words::new("An end date before its start date.", "Tanggal akhir yang lebih awal dari tanggal mulainya."),
    what: Words::new(
        "An `end` date before its `start` date, in the action plan or a period in `terbuka.yaml`, or in a commitment.",
        "Tanggal `end` yang lebih awal dari tanggal `start`, pada rencana aksi atau periode di `terbuka.yaml`, atau pada komitmen.",
    ),
    why: Words::new(
        "Periods, the action plan and commitments are spans of time that due dates, overdue milestones and the reports' timelines are measured against: an end before the start measures nothing.",
        "Periode, rencana aksi, dan komitmen adalah rentang waktu yang menjadi ukuran tanggal jatuh tempo, tonggak capaian yang terlambat, dan linimasa laporan: tanggal akhir sebelum tanggal mulai tidak mengukur apa pun.",
    ),
    fix: Words::new(
        "Correct the date that is wrong: check the year and the order of month and day (YYYY-MM-DD).",
        "Perbaiki tanggal yang salah: periksa tahun serta urutan bulan dan hari (TTTT-BB-HH).",
    ),
};

/// What a span of time is the span of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// The action plan.
    ActionPlan,
    /// A period.
    Period,
    /// A commitment.
    Commitment,
}

/// E040: the end date of a `span` is before its start.
pub fn bad_date_range(span: Span) -> Diagnostic {
    let d = Diagnostic::new(
        Code::BadDateRange,
        msg!("this end date is before the start date", "tanggal akhir ini lebih awal dari tanggal mulai"),
    );
    match span {
        Span::ActionPlan | Span::Period => d.hint(msg!(
            "check the year and the order of month and day (YYYY-MM-DD)",
            "periksa tahun serta urutan bulan dan hari (TTTT-BB-HH)"
        )),
        Span::Commitment => d,
    }
}

// ── E041 milestone-outside-span ──────────────────────────────────────────

/// E041 `milestone-outside-span`: what it checks, why, and how to fix it.
pub const E041: RuleDoc = RuleDoc {
    code: Code::MilestoneOutsideSpan,
    home: module_path!(),
    summary: Words::new(
        "A milestone due outside its commitment's start and end.",
        "Tonggak capaian yang jatuh tempo di luar masa komitmennya.",
    ),
    what: Words::new(
        "A milestone whose `start` or `due` date falls outside its commitment's `start` to `end`.",
        "Tonggak capaian yang tanggal `start` atau `due`-nya berada di luar masa komitmennya (`start` sampai `end`).",
    ),
    why: Words::new(
        "A commitment's milestones are the steps of its work between its start and its end: a date outside them is mistyped or belongs to another commitment, and completion would be judged on the wrong dates.",
        "Tonggak capaian adalah langkah-langkah pekerjaan komitmen antara awal dan akhirnya: tanggal di luar rentang itu salah ketik atau milik komitmen lain, dan penyelesaian akan dinilai pada tanggal yang salah.",
    ),
    fix: Words::new(
        "Correct the milestone's date, or, if the commitment really runs longer, change the commitment's `start` or `end`.",
        "Perbaiki tanggal tonggak capaian tersebut, atau, bila masa komitmen memang lebih panjang, ubah `start` atau `end` komitmen.",
    ),
};

/// E041: the milestone date `date` is outside its commitment's `start` to
/// `end`.
pub fn milestone_outside_span(date: Date, start: Date, end: Date) -> Diagnostic {
    Diagnostic::new(
        Code::MilestoneOutsideSpan,
        msg!(
            "the milestone date {date} is outside the commitment ({start} to {end})",
            "tanggal tonggak capaian {date} berada di luar masa komitmen ({start} s.d. {end})"
        ),
    )
    .hint(msg!(
        "move the date, or change the commitment's `start`/`end`",
        "geser tanggalnya, atau ubah `start`/`end` komitmen"
    ))
}

// ── E042 overlapping-periods ─────────────────────────────────────────────

/// E042 `overlapping-periods`: what it checks, why, and how to fix it.
pub const E042: RuleDoc = RuleDoc {
    code: Code::OverlappingPeriods,
    home: module_path!(),
    summary: Words::new("Two periods that share days.", "Dua periode yang berbagi hari."),
    what: Words::new(
        "Two periods under `periods` in `terbuka.yaml` that share days; each day belongs to one period only.",
        "Dua periode di `periods` pada `terbuka.yaml` yang memiliki hari yang sama; setiap hari hanya milik satu periode.",
    ),
    why: Words::new(
        "Each day belongs to one period, so that an assessment, a due date or a meeting falls in exactly one: overlapping periods would count the same work twice.",
        "Setiap hari hanya milik satu periode, agar penilaian, tanggal jatuh tempo, atau rapat jatuh tepat pada satu periode: periode yang tumpang tindih akan menghitung pekerjaan yang sama dua kali.",
    ),
    fix: Words::new(
        "Change the `start` of the later period to a day after the `end` of the earlier one (or end the earlier one sooner).",
        "Ubah `start` periode yang lebih akhir menjadi setelah `end` periode sebelumnya (atau majukan `end` periode sebelumnya).",
    ),
};

/// E042: the period `later` starts before `earlier` ends on `end`.
pub fn overlapping_periods(earlier: &str, later: &str, end: Date) -> Diagnostic {
    let (ida, idb) = (earlier, later);
    Diagnostic::new(
        Code::OverlappingPeriods,
        msg!("the periods `{ida}` and `{idb}` overlap", "periode `{ida}` dan `{idb}` saling tumpang tindih"),
    )
    .label(msg!("starts before `{ida}` ends ({end})", "dimulai sebelum `{ida}` berakhir ({end})"))
    .hint(msg!(
        "a day belongs to one period only: start `{idb}` after {end}",
        "satu hari hanya milik satu periode: mulai `{idb}` setelah {end}"
    ))
}

// ── W010 overdue-milestone ───────────────────────────────────────────────

/// W010 `overdue-milestone`: what it checks, why, and how to fix it.
pub const W010: RuleDoc = RuleDoc {
    code: Code::OverdueMilestone,
    home: module_path!(),
    summary: Words::new(
        "A milestone whose due date has passed by the end of the latest assessed period (and by today) and that is not reported complete.",
        "Tonggak capaian yang tanggal jatuh temponya sudah lewat pada akhir periode terakhir yang dinilai (dan hari ini) dan belum dilaporkan selesai.",
    ),
    what: Words::new(
        "A milestone whose `due` date is on or before the end of the latest period with assessments, and before today (or `SOURCE_DATE_EPOCH`'s day), and that no counted report shows `complete`. The period report marks it overdue.",
        "Tonggak capaian yang tanggal `due`-nya sama dengan atau sebelum akhir periode terakhir yang memiliki penilaian, dan sebelum hari ini (atau hari `SOURCE_DATE_EPOCH`), dan tidak ada laporan terhitung yang menyatakannya `complete`. Laporan periode menandainya terlambat.",
    ),
    why: Words::new(
        "An overdue milestone is what the steering committee most needs to see early: the report marks it, and the warning says where to report it done or to move its date.",
        "Tonggak capaian yang terlambat adalah hal yang paling perlu dilihat dewan pengarah sejak dini: laporan menandainya, dan peringatan ini menunjukkan di mana melaporkannya selesai atau menggeser tanggalnya.",
    ),
    fix: Words::new(
        "If the work is done, report `completion: complete` with evidence in the lead institution's assessment; if the plan changed, move `due` in the commitment file (and say why in its notes).",
        "Bila pekerjaannya selesai, laporkan `completion: complete` beserta bukti pada penilaian institusi penanggung jawab; bila rencananya berubah, geser `due` di berkas komitmen (dan jelaskan alasannya).",
    ),
};

/// A milestone that is overdue: its commitment, its id, its due date and
/// the commitment's lead.
#[derive(Debug, Clone, Copy)]
pub struct Overdue<'a> {
    pub commitment: &'a str,
    pub milestone: &'a str,
    pub due: Date,
    pub lead: &'a str,
}

/// W010: the milestone was due and is not reported complete by the end of
/// the period `period` (on `end`).
pub fn overdue_milestone(m: Overdue<'_>, period: &str, end: Date) -> Diagnostic {
    let Overdue { commitment: cid, milestone: mid, due, lead } = m;
    let pid = period;
    Diagnostic::new(
        Code::OverdueMilestone,
        msg!(
            "milestone `{mid}` of `{cid}` was due on {due} and is not reported complete by the end of `{pid}` ({end})",
            "tonggak capaian `{mid}` pada `{cid}` jatuh tempo {due} dan belum dilaporkan selesai pada akhir `{pid}` ({end})"
        ),
    )
    .label(msg!("overdue", "terlambat"))
    .hint(msg!(
        "if it is done, report `completion: complete` with evidence under `commitments: {cid}: {mid}:` in assessments/{pid}/{lead}.yaml; if the plan changed, move `due`",
        "bila sudah selesai, laporkan `completion: complete` beserta bukti di bawah `commitments: {cid}: {mid}:` pada assessments/{pid}/{lead}.yaml; bila rencananya berubah, geser `due`"
    ))
}

/// W010: milestones due by the end of the latest period that has
/// assessments (the one focal points are filling in) and reported complete
/// in no period by then, in the reports that count.
fn overdue(cx: &mut Context<'_>) {
    let assessed = cx.ws.assessments.iter().map(|a| a.value.period.as_str()).collect::<std::collections::BTreeSet<_>>();
    let Some(period) = cx.periods.values().filter(|p| assessed.contains(p.id.as_str())).max_by_key(|p| p.end) else {
        return;
    };
    let (pid, end) = (period.id.as_str(), period.end);
    let by_period = milestones::reports_by_period(cx.ws, end);
    let mut found = Vec::new();
    for doc in &cx.ws.commitments {
        let c = &doc.value;
        for (i, m) in c.milestones.iter().enumerate() {
            // Not late before its day has come (the latest period may be
            // the current one).
            let passed = cx.facts.today.is_none_or(|today| m.due < today);
            if passed && milestones::overdue(c, &by_period, &m.id, m.due, end) {
                let late = Overdue { commitment: &c.id, milestone: &m.id, due: m.due, lead: &c.lead };
                found.push(overdue_milestone(late, pid, end).at(doc.at(path!["milestones", i, "due"])));
            }
        }
    }
    cx.out.extend(found);
}

// ── The checks of spans ──────────────────────────────────────────────────

/// `terbuka.yaml`: the action plan's and each period's span (E040), and
/// periods that share days (E042).
fn manifest(cx: &mut Context<'_>) {
    let Some(doc) = cx.ws.manifest.as_ref() else { return };
    let m = &doc.value;
    if m.action_plan.end < m.action_plan.start {
        cx.push(bad_date_range(Span::ActionPlan).at(doc.at(path!["action-plan", "end"])));
    }
    for (i, period) in m.periods.iter().enumerate() {
        if period.end < period.start {
            cx.push(bad_date_range(Span::Period).at(doc.at(path!["periods", i, "end"])));
        }
    }
    let mut order = (0..m.periods.len()).collect::<Vec<_>>();
    order.sort_by_key(|&i| (m.periods[i].start, i));
    for pair in order.windows(2) {
        let (a, b) = (&m.periods[pair[0]], &m.periods[pair[1]]);
        if b.start <= a.end && a.start <= a.end {
            cx.push(overlapping_periods(&a.id, &b.id, a.end).at(doc.at(path!["periods", pair[1], "start"])));
        }
    }
}

/// Each commitment's span (E040) and its milestones' dates (E041).
fn commitments(cx: &mut Context<'_>) {
    for doc in &cx.ws.commitments {
        let c = &doc.value;
        if c.end < c.start {
            cx.push(bad_date_range(Span::Commitment).at(doc.at(path!["end"])));
        }
        for (i, m) in c.milestones.iter().enumerate() {
            for (key, date) in [("start", m.start), ("due", Some(m.due))] {
                let Some(date) = date else { continue };
                if date < c.start || date > c.end {
                    let d = milestone_outside_span(date, c.start, c.end);
                    cx.push(d.at(doc.at(path!["milestones", i, key])));
                }
            }
        }
    }
}
