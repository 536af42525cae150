//! Rules on `terbuka.yaml`: languages, periods (E010, E040, E042), the
//! rubric it names (E016), and the regency's steering committee.

use crate::diag::{Code, Diagnostic};
use crate::msg;
use crate::path;

use super::{Context, institutions, unknown};

pub(super) fn check(cx: &mut Context<'_>) {
    let Some(doc) = cx.ws.manifest.as_ref() else {
        return;
    };
    let m = &doc.value;

    if m.languages.is_empty() {
        cx.push(
            Diagnostic::new(
                Code::MissingKey,
                msg!("`languages` lists no language", "`languages` tidak mencantumkan bahasa apa pun"),
            )
            .at(doc.at(path!["languages"]))
            .hint(msg!("write `languages: [id, en]`", "tulis `languages: [id, en]`")),
        );
    }
    for (i, lang) in m.languages.iter().enumerate() {
        if m.languages[..i].contains(lang) {
            cx.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    msg!("the language `{lang}` is listed twice", "bahasa `{lang}` tercantum dua kali"),
                )
                .at(doc.at(path!["languages", i])),
            );
        }
    }

    if m.action_plan.end < m.action_plan.start {
        cx.push(bad_range(doc.at(path!["action-plan", "end"])));
    }

    let mut seen = std::collections::BTreeMap::new();
    for (i, period) in m.periods.iter().enumerate() {
        if let Some(first) = seen.insert(period.id.as_str(), i) {
            let id = &period.id;
            let line = doc.at(path!["periods", first, "id"]);
            let line = cx.ws.sources.resolve(&line).map_or(0, |r| r.0.0);
            cx.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    msg!("the period `{id}` is defined twice", "periode `{id}` didefinisikan dua kali"),
                )
                .at(doc.at(path!["periods", i, "id"]))
                .hint(msg!(
                    "it is first defined on line {line}",
                    "periode ini pertama kali didefinisikan di baris {line}"
                )),
            );
        }
        if period.end < period.start {
            cx.push(bad_range(doc.at(path!["periods", i, "end"])));
        }
    }
    let mut order = (0..m.periods.len()).collect::<Vec<_>>();
    order.sort_by_key(|&i| (m.periods[i].start, i));
    for pair in order.windows(2) {
        let (a, b) = (&m.periods[pair[0]], &m.periods[pair[1]]);
        if b.start <= a.end && a.start <= a.end {
            let (ida, idb, end) = (&a.id, &b.id, a.end);
            cx.push(
                Diagnostic::new(
                    Code::OverlappingPeriods,
                    msg!(
                        "the periods `{ida}` and `{idb}` overlap",
                        "periode `{ida}` dan `{idb}` saling tumpang tindih"
                    ),
                )
                .at(doc.at(path!["periods", pair[1], "start"]))
                .label(msg!("starts before `{ida}` ends ({end})", "dimulai sebelum `{ida}` berakhir ({end})"))
                .hint(msg!(
                    "a day belongs to one period only: start `{idb}` after {end}",
                    "satu hari hanya milik satu periode: mulai `{idb}` setelah {end}"
                )),
            );
        }
    }

    // A rubric file that exists but does not load has its own diagnostic.
    if cx.rubric.is_none() && !cx.has_file(&format!("rubrics/{}.yaml", m.rubric)) {
        let id = &m.rubric;
        let known = cx.ws.rubrics.iter().map(|r| r.value.id.as_str()).collect::<Vec<_>>();
        cx.push(
            unknown(
                Code::UnknownRubric,
                id,
                known.iter().copied(),
                msg!("unknown rubric `{id}`", "rubrik `{id}` tidak dikenal"),
                msg!("no file rubrics/{id}.yaml", "tidak ada berkas rubrics/{id}.yaml"),
            )
            .at(doc.at(path!["rubric"])),
        );
    }

    if let Some(committee) = &m.steering_committee {
        institutions::check_committee(cx, doc, committee, path!["steering-committee"]);
    }
}

fn bad_range(at: crate::diag::Location) -> Diagnostic {
    Diagnostic::new(
        Code::BadDateRange,
        msg!("this end date is before the start date", "tanggal akhir ini lebih awal dari tanggal mulai"),
    )
    .at(at)
    .hint(msg!(
        "check the year and the order of month and day (YYYY-MM-DD)",
        "periksa tahun serta urutan bulan dan hari (TTTT-BB-HH)"
    ))
}
