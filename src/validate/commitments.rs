//! Rules on commitments: file name (E017), unique ids and numbers (E010,
//! E022), lead and supporting institutions (E011), dates (E040, E041), and
//! milestones overdue at the end of the latest assessed period (W010).

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::msg;
use crate::path;

use super::Context;
use super::rubric::id_mismatch;

pub(super) fn check(cx: &mut Context<'_>) {
    overdue(cx);
    let mut ids = BTreeMap::new();
    let mut numbers = BTreeMap::new();
    for doc in &cx.ws.commitments {
        let c = &doc.value;
        if doc.stem() != c.id {
            cx.push(id_mismatch(doc.at(path!["id"]), &c.id, doc.stem(), "commitments"));
        }
        if let Some(first) = ids.insert(c.id.as_str(), doc.file.clone()) {
            let id = &c.id;
            cx.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    msg!("the commitment id `{id}` is used twice", "id komitmen `{id}` dipakai dua kali"),
                )
                .at(doc.at(path!["id"]))
                .hint(msg!("{first} already uses it", "{first} sudah memakainya")),
            );
        }
        if let Some(first) = numbers.insert(c.number, c.id.as_str()) {
            let n = c.number;
            cx.push(
                Diagnostic::new(
                    Code::DuplicateNumber,
                    msg!("the commitment number {n} is used twice", "nomor komitmen {n} dipakai dua kali"),
                )
                .at(doc.at(path!["number"]))
                .hint(msg!("`{first}` already has number {n}", "`{first}` sudah bernomor {n}")),
            );
        }
        cx.check_institution(&c.lead, || doc.at(path!["lead"]));
        for (i, s) in c.supporting.iter().enumerate() {
            cx.check_institution(s, || doc.at(path!["supporting", i]));
        }
        if c.end < c.start {
            cx.push(
                Diagnostic::new(
                    Code::BadDateRange,
                    msg!("this end date is before the start date", "tanggal akhir ini lebih awal dari tanggal mulai"),
                )
                .at(doc.at(path!["end"])),
            );
        }
        let mut milestones = BTreeMap::new();
        for (i, m) in c.milestones.iter().enumerate() {
            if milestones.insert(m.id.as_str(), i).is_some() {
                let id = &m.id;
                let n = c.milestones.len() + 1;
                cx.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        msg!("the milestone id `{id}` is used twice", "id tonggak capaian `{id}` dipakai dua kali"),
                    )
                    .at(doc.at(path!["milestones", i, "id"]))
                    .hint(msg!(
                        "milestone ids are unique within a commitment: give this one a new id, e.g. `m{n}`",
                        "id tonggak capaian harus unik dalam satu komitmen: beri tonggak capaian ini id baru, misalnya `m{n}`"
                    )),
                );
            }
            for (key, date) in [("start", m.start), ("due", Some(m.due))] {
                let Some(date) = date else { continue };
                if date < c.start || date > c.end {
                    let (start, end) = (c.start, c.end);
                    cx.push(
                        Diagnostic::new(
                            Code::MilestoneOutsideSpan,
                            msg!(
                                "the milestone date {date} is outside the commitment ({start} to {end})",
                                "tanggal tonggak capaian {date} berada di luar masa komitmen ({start} s.d. {end})"
                            ),
                        )
                        .at(doc.at(path!["milestones", i, key]))
                        .hint(msg!(
                            "move the date, or change the commitment's `start`/`end`",
                            "geser tanggalnya, atau ubah `start`/`end` komitmen"
                        )),
                    );
                }
            }
        }
    }
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
    let by_period = crate::score::irm::milestones::reports_by_period(cx.ws, end);
    let mut found = Vec::new();
    for doc in &cx.ws.commitments {
        let c = &doc.value;
        for (i, m) in c.milestones.iter().enumerate() {
            // Not late before its day has come (the latest period may be
            // the current one).
            let passed = cx.facts.today.is_none_or(|today| m.due < today);
            if passed && crate::score::irm::milestones::overdue(c, &by_period, &m.id, m.due, end) {
                let (cid, mid, due, lead) = (&c.id, &m.id, m.due, &c.lead);
                found.push(
                    Diagnostic::new(
                        Code::OverdueMilestone,
                        msg!(
                            "milestone `{mid}` of `{cid}` was due on {due} and is not reported complete by the end of `{pid}` ({end})",
                            "tonggak capaian `{mid}` pada `{cid}` jatuh tempo {due} dan belum dilaporkan selesai pada akhir `{pid}` ({end})"
                        ),
                    )
                    .at(doc.at(path!["milestones", i, "due"]))
                    .label(msg!("overdue", "terlambat"))
                    .hint(msg!(
                        "if it is done, report `completion: complete` with evidence under `commitments: {cid}: {mid}:` in assessments/{pid}/{lead}.yaml; if the plan changed, move `due`",
                        "bila sudah selesai, laporkan `completion: complete` beserta bukti di bawah `commitments: {cid}: {mid}:` pada assessments/{pid}/{lead}.yaml; bila rencananya berubah, geser `due`"
                    )),
                );
            }
        }
    }
    cx.out.extend(found);
}
