//! Rules on assessments: the file's place (E011, E015, E018), points
//! (E014, E020, E030), evidence (E032–E035, W001), submission date (E031),
//! milestone progress (E012, E013), prerequisites (W003) and institutions
//! with no assessment in a period (W005), and points or milestones carried
//! over and not yet confirmed (W006).

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Code, Diagnostic, Msg};
use crate::load::{Doc, Seg};
use crate::model::{Assessment, Rubric};
use crate::msg;
use crate::path;

use super::{Context, evidence_refs, unknown};

pub(super) fn check(cx: &mut Context<'_>) {
    let levels = cx.levels();
    let rubric = cx.rubric;
    let mut assessed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for doc in &cx.ws.assessments {
        let a = &doc.value;
        assessed.entry(a.period.as_str()).or_default().insert(a.institution.as_str());
        place(cx, doc);
        // Without a rubric (its file has its own diagnostic) the points
        // are still checked for what does not need one: their evidence.
        points(cx, doc, rubric.map(|r| &r.value), &levels);
        if let Some(rubric) = rubric {
            prerequisites(cx, doc, &rubric.value);
        }
        progress(cx, doc);
    }
    // An institution missing from a period others have assessed.
    for (period, done) in &assessed {
        if !cx.periods.contains_key(period) {
            continue;
        }
        for (id, inst) in &cx.institutions {
            // An invalid id (E019) could not name the file to create.
            let valid = crate::model::id::is_valid(id) && crate::model::id::is_valid(period);
            if valid && !done.contains(id) && !cx.has_file(&format!("assessments/{period}/{id}.yaml")) {
                cx.out.push(
                    Diagnostic::new(
                        Code::MissingAssessment,
                        msg!(
                            "`{id}` has no assessment for the period `{period}`",
                            "`{id}` belum memiliki penilaian untuk periode `{period}`"
                        ),
                    )
                    .at(inst.at(path!["id"]))
                    .for_period(period)
                    .hint(msg!(
                        "create it with `terbuka new assessment --institution {id} --period {period}`",
                        "buat dengan `terbuka new assessment --institution {id} --period {period}`"
                    )),
                );
            }
        }
    }
}

/// The file must sit at `assessments/<period>/<institution>.yaml`.
fn place(cx: &mut Context<'_>, doc: &Doc<Assessment>) {
    let a = &doc.value;
    let known_inst = cx.check_institution(&a.institution, || doc.at(path!["institution"]));
    let known_period = cx.check_period(&a.period, || doc.at(path!["period"]));
    if known_inst && doc.stem() != a.institution {
        let (inst, stem, period) = (&a.institution, doc.stem(), &a.period);
        cx.push(
            Diagnostic::new(
                Code::WrongDirectory,
                msg!(
                    "this assessment is for `{inst}` but the file is named `{stem}.yaml`",
                    "penilaian ini untuk `{inst}` tetapi nama berkasnya `{stem}.yaml`"
                ),
            )
            .at(doc.at(path!["institution"]))
            .hint(msg!(
                "an institution assesses only its own file: assessments/{period}/{inst}.yaml",
                "setiap institusi hanya mengisi berkasnya sendiri: assessments/{period}/{inst}.yaml"
            )),
        );
    }
    if known_period && doc.parent_dir() != a.period {
        let (period, dir, inst) = (&a.period, doc.parent_dir(), &a.institution);
        cx.push(
            Diagnostic::new(
                Code::WrongDirectory,
                msg!(
                    "this assessment is for `{period}` but it is in the folder `{dir}`",
                    "penilaian ini untuk `{period}` tetapi berada di folder `{dir}`"
                ),
            )
            .at(doc.at(path!["period"]))
            .hint(msg!("move it to assessments/{period}/{inst}.yaml", "pindahkan ke assessments/{period}/{inst}.yaml")),
        );
    }
    if let (Some(submitted), Some(period)) = (a.submitted, cx.periods.get(a.period.as_str()))
        && submitted < period.start
    {
        let (start, id) = (period.start, &period.id);
        cx.push(
            Diagnostic::new(
                Code::SubmittedBeforePeriod,
                msg!(
                    "submitted on {submitted}, before the period `{id}` starts ({start})",
                    "diserahkan pada {submitted}, sebelum periode `{id}` dimulai ({start})"
                ),
            )
            .at(doc.at(path!["submitted"]))
            .hint(msg!(
                "check the date, or whether the file belongs to another period",
                "periksa tanggalnya, atau apakah berkas ini milik periode lain"
            )),
        );
    }
}

fn points(cx: &mut Context<'_>, doc: &Doc<Assessment>, rubric: Option<&Rubric>, levels: &[u32]) {
    let a = &doc.value;
    let (min, max) = (levels.first().copied().unwrap_or(0), levels.last().copied().unwrap_or(0));
    let carried = carried_forward(doc);
    for (id, p) in &a.points {
        let Some(rubric) = rubric else {
            for (i, item) in p.evidence.iter().enumerate() {
                evidence_refs::check_item(cx, doc, item, path!["points", id, "evidence", i]);
            }
            continue;
        };
        let Some(point) = rubric.points.iter().find(|q| &q.id == id) else {
            cx.push(
                unknown(
                    Code::UnknownPoint,
                    id,
                    rubric.points.iter().map(|q| q.id.as_str()),
                    msg!("unknown rubric point `{id}`", "poin rubrik `{id}` tidak dikenal"),
                    msg!("not a point of the rubric", "bukan poin dalam rubrik"),
                )
                .at(doc.key_at(path!["points", id])),
            );
            continue;
        };
        let level = p.level;
        if p.confirmed.get() && carried && !p.confirmed.written() {
            confirmed_missing(cx, doc, path!["points", id], msg!("the point `{id}`", "poin `{id}`"));
        }
        if !p.confirmed.get() {
            unconfirmed_point(cx, doc, id, level, min);
        }
        if !levels.contains(&level) {
            cx.push(
                Diagnostic::new(
                    Code::LevelOutOfScale,
                    msg!(
                        "the level {level} is not on the rubric's scale ({min}–{max})",
                        "level {level} tidak ada dalam skala rubrik ({min}–{max})"
                    ),
                )
                .at(doc.at(path!["points", id, "level"]))
                .hint(msg!(
                    "choose a level from {min} to {max}; the rubric describes each one",
                    "pilih level {min} sampai {max}; rubrik menjelaskan setiap level"
                )),
            );
        }
        for (i, item) in p.evidence.iter().enumerate() {
            evidence_refs::check_item(cx, doc, item, path!["points", id, "evidence", i]);
        }
        if let Some(from) = point.evidence_required_from
            && level >= from
            && p.evidence.is_empty()
            && levels.contains(&level)
        {
            let backed = from.saturating_sub(1).max(min);
            cx.push(
                Diagnostic::new(
                    Code::EvidenceRequired,
                    msg!("level {level} of `{id}` needs evidence, and none is cited", "level {level} untuk `{id}` memerlukan bukti, tetapi tidak ada bukti yang dicantumkan"),
                )
                .at(doc.at(path!["points", id, "level"]))
                .label(msg!("scored as {backed} until evidence is added", "dihitung sebagai {backed} sampai bukti ditambahkan"))
                .hint(msg!(
                    "add an `evidence:` list with a file (`- file: evidence/...`) or a link (`- url: https://...`)",
                    "tambahkan daftar `evidence:` berisi berkas (`- file: evidence/...`) atau tautan (`- url: https://...`)"
                )),
            );
        }
    }
    let Some(rubric) = rubric else { return };
    let missing = rubric.points.iter().filter(|q| !a.points.contains_key(&q.id)).collect::<Vec<_>>();
    for point in missing {
        let (id, n) = (&point.id, point.number);
        cx.push(
            Diagnostic::new(
                Code::MissingPoint,
                msg!("the point `{id}` (point {n}) is missing", "poin `{id}` (poin {n}) belum diisi"),
            )
            .at(doc.key_at(path!["points"]))
            .hint(msg!(
                "add `{id}:` under `points:` with a `level` ({min} if nothing is in place yet)",
                "tambahkan `{id}:` di bawah `points:` beserta `level` ({min} bila belum ada apa pun)"
            )),
        );
    }
}

/// W003: a point more than one level above the lowest point it requires.
fn prerequisites(cx: &mut Context<'_>, doc: &Doc<Assessment>, rubric: &Rubric) {
    let a = &doc.value;
    for point in &rubric.points {
        if let Some((req, low)) = crate::score::prerequisite_gap(rubric, a, point) {
            let level = a.points.get(&point.id).map_or(0, |p| p.level);
            let (id, n) = (&point.id, point.number);
            let rn = rubric_number(rubric, req);
            cx.push(
                Diagnostic::new(
                    Code::PrerequisiteGap,
                    msg!(
                        "point {n} (`{id}`) is at {level} while point {rn} (`{req}`), which it builds on, is at {low}",
                        "poin {n} (`{id}`) berada di level {level}, padahal poin {rn} (`{req}`) yang menjadi dasarnya di level {low}"
                    ),
                )
                .at(doc.at(path!["points", id, "level"]))
                .hint(msg!(
                    "a point can be at most one level above the points it requires; check both levels",
                    "sebuah poin paling tinggi satu level di atas poin yang menjadi syaratnya; periksa kedua level tersebut"
                )),
            );
        }
    }
}

fn rubric_number(rubric: &Rubric, id: &str) -> u32 {
    rubric.points.iter().find(|p| p.id == id).map_or(0, |p| p.number)
}

/// Whether `new assessment` carried the file forward: it writes
/// `confirmed:` on every point and milestone, so one without it was typed in
/// again (or its line deleted).
fn carried_forward(doc: &Doc<Assessment>) -> bool {
    let a = &doc.value;
    a.points.values().any(|p| p.confirmed.written())
        || a.commitments.values().flat_map(BTreeMap::values).any(|m| m.confirmed.written())
}

fn progress(cx: &mut Context<'_>, doc: &Doc<Assessment>) {
    let carried = carried_forward(doc);
    for (cid, milestones) in &doc.value.commitments {
        if !cx.check_commitment(cid, || doc.key_at(path!["commitments", cid])) {
            continue;
        }
        let Some(commitment) = cx.commitments.get(cid.as_str()).copied() else {
            continue;
        };
        for (mid, progress) in milestones {
            if !commitment.value.milestones.iter().any(|m| &m.id == mid) {
                cx.push(
                    unknown(
                        Code::UnknownMilestone,
                        mid,
                        commitment.value.milestones.iter().map(|m| m.id.as_str()),
                        msg!(
                            "the commitment `{cid}` has no milestone `{mid}`",
                            "komitmen `{cid}` tidak memiliki tonggak capaian `{mid}`"
                        ),
                        msg!("unknown milestone", "tonggak capaian tidak dikenal"),
                    )
                    .at(doc.key_at(path!["commitments", cid, mid])),
                );
            }
            for (i, item) in progress.evidence.iter().enumerate() {
                evidence_refs::check_item(cx, doc, item, path!["commitments", cid, mid, "evidence", i]);
            }
            if progress.confirmed.get() && carried && !progress.confirmed.written() {
                let what = msg!(
                    "the progress on milestone `{mid}` of `{cid}`",
                    "kemajuan tonggak capaian `{mid}` pada `{cid}`"
                );
                confirmed_missing(cx, doc, path!["commitments", cid, mid], what);
            }
            if !progress.confirmed.get() {
                let completion = crate::export_kebab(&progress.completion).unwrap_or_default();
                cx.push(
                    Diagnostic::new(
                        Code::Unconfirmed,
                        msg!(
                            "the progress on milestone `{mid}` of `{cid}` is not yet confirmed",
                            "kemajuan tonggak capaian `{mid}` pada `{cid}` belum dikonfirmasi"
                        ),
                    )
                    .at(doc.at(path!["commitments", cid, mid, "confirmed"]))
                    .label(msg!("not counted until confirmed", "belum dihitung sampai dikonfirmasi"))
                    .hint(msg!(
                        "check `completion: {completion}` against this period's work, change it if needed, then write `confirmed: true`",
                        "periksa `completion: {completion}` dengan pekerjaan periode ini, ubah bila perlu, lalu tulis `confirmed: true`"
                    )),
                );
            } else if crate::score::irm::milestones::uncounted(progress)
                == Some(crate::score::irm::milestones::Uncounted::Unbacked)
            {
                let completion = crate::export_kebab(&progress.completion).unwrap_or_default();
                cx.push(
                    Diagnostic::new(
                        Code::MilestoneEvidence,
                        msg!(
                            "milestone `{mid}` of `{cid}` is reported `{completion}` with no evidence",
                            "tonggak capaian `{mid}` pada `{cid}` dilaporkan `{completion}` tanpa bukti"
                        ),
                    )
                    .at(doc.at(path!["commitments", cid, mid, "completion"]))
                    .label(msg!("not counted until evidence is added", "tidak dihitung sampai bukti ditambahkan"))
                    .hint(msg!(
                        "add an `evidence:` list under `{mid}:` with a file (`- file: evidence/...`) or a link (`- url: https://...`) that shows the work",
                        "tambahkan daftar `evidence:` di bawah `{mid}:` berisi berkas (`- file: evidence/...`) atau tautan (`- url: https://...`) yang menunjukkan pekerjaannya"
                    )),
                );
            }
        }
    }
}

/// W013 on a point (or milestone) with no `confirmed:` line in a file
/// whose others have one.
fn confirmed_missing(cx: &mut Context<'_>, doc: &Doc<Assessment>, at: &[Seg], what: Msg) {
    cx.push(
        Diagnostic::new(
            Code::ConfirmedMissing,
            Msg::new(
                format!("{} has no `confirmed:` line, unlike the others in this file", what.en),
                format!("{} tidak punya baris `confirmed:`, tidak seperti yang lain di berkas ini", what.id),
            ),
        )
        .at(doc.key_at(at))
        .label(msg!("counted as confirmed", "dihitung sudah dikonfirmasi"))
        .hint(msg!(
            "once you have checked it against this period's work, write `confirmed: true` under it, as for the others; `confirmed: false` if it still holds last period's claim",
            "setelah Anda memeriksanya dengan pekerjaan periode ini, tulis `confirmed: true` di bawahnya, seperti yang lain; `confirmed: false` bila isinya masih klaim periode lalu"
        )),
    );
}

/// W006 on a point still as `new assessment` carried it over.
fn unconfirmed_point(cx: &mut Context<'_>, doc: &Doc<Assessment>, id: &str, level: u32, lowest: u32) {
    cx.push(
        Diagnostic::new(
            Code::Unconfirmed,
            msg!(
                "the point `{id}` is not yet confirmed",
                "poin `{id}` belum dikonfirmasi"
            ),
        )
        .at(doc.at(path!["points", id, "confirmed"]))
        .label(msg!("scored as {lowest} until confirmed", "dihitung {lowest} sampai dikonfirmasi"))
        .hint(msg!(
            "check `level: {level}`, the justification and the evidence against this period's work (`terbuka new assessment` carried them from the previous period, or left them blank), change what is not true, then write `confirmed: true`",
            "periksa `level: {level}`, justifikasi dan bukti dengan pekerjaan periode ini (`terbuka new assessment` membawanya dari periode sebelumnya, atau membiarkannya kosong), ubah yang tidak sesuai, lalu tulis `confirmed: true`"
        )),
    );
}
