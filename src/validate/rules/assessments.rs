//! The rules of assessments: every point assessed (E030), submitted in its
//! period (E031), claims backed by evidence (W001, W009), a point not far
//! above what it builds on (W003), every institution assessed (W005), and
//! what `terbuka new assessment` carried forward confirmed (W006, W013).

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Code, Diagnostic, Msg, RuleDoc, Seg, Words};
use crate::load::Doc;
use crate::model::{Assessment, Rubric};
use crate::score::irm::milestones::{Uncounted, uncounted};
use crate::{msg, path};

use super::super::Context;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E030, E031, W001, W003, W005, W006, W009, W013];

/// Checks every assessment, and that every institution has one where
/// others do.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    let rubric = cx.rubric;
    let mut assessed: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for doc in &cx.ws.assessments {
        let a = &doc.value;
        assessed.entry(a.period.as_str()).or_default().insert(a.institution.as_str());
        submitted(cx, doc);
        if let Some(rubric) = rubric {
            points(cx, doc, &rubric.value);
            prerequisites(cx, doc, &rubric.value);
        }
        progress(cx, doc);
    }
    missing_assessments(cx, &assessed);
}

// ── E030 missing-point ───────────────────────────────────────────────────

/// E030 `missing-point`: what it checks, why, and how to fix it.
pub const E030: RuleDoc = RuleDoc {
    code: Code::MissingPoint,
    home: module_path!(),
    summary: Words::new(
        "An assessment that leaves out a rubric point.",
        "Penilaian yang tidak memuat salah satu poin rubrik.",
    ),
    what: Words::new(
        "An assessment whose `points` leaves out a point of the rubric; every point must be assessed.",
        "Penilaian yang `points`-nya tidak memuat salah satu poin rubrik; setiap poin harus dinilai.",
    ),
    why: Words::new(
        "The index weighs every point of the rubric: a point left out would count as nothing in place, without anyone having said so.",
        "Indeks menimbang setiap poin rubrik: poin yang tidak diisi akan dihitung sebagai belum ada apa pun, tanpa ada yang menyatakannya.",
    ),
    fix: Words::new(
        "Add the point's id under `points:` with a `level` (0 if nothing is in place yet), and a `justification` and `evidence` where you have them.",
        "Tambahkan id poin tersebut di bawah `points:` beserta `level` (0 bila belum ada apa pun), serta `justification` dan `evidence` bila tersedia.",
    ),
};

/// E030: the rubric's point `point` (number `n`) is not assessed; `lowest`
/// is the scale's lowest level.
pub fn missing_point(point: &str, n: u32, lowest: u32) -> Diagnostic {
    let (id, min) = (point, lowest);
    Diagnostic::new(
        Code::MissingPoint,
        msg!("the point `{id}` (point {n}) is missing", "poin `{id}` (poin {n}) belum diisi"),
    )
    .hint(msg!(
        "add `{id}:` under `points:` with a `level` ({min} if nothing is in place yet)",
        "tambahkan `{id}:` di bawah `points:` beserta `level` ({min} bila belum ada apa pun)"
    ))
}

// ── E031 submitted-before-period ─────────────────────────────────────────

/// E031 `submitted-before-period`: what it checks, why, and how to fix it.
pub const E031: RuleDoc = RuleDoc {
    code: Code::SubmittedBeforePeriod,
    home: module_path!(),
    summary: Words::new(
        "An assessment submitted before its period started.",
        "Penilaian yang diserahkan sebelum periodenya dimulai.",
    ),
    what: Words::new(
        "An assessment whose `submitted` date is before the `start` of its period.",
        "Penilaian yang tanggal `submitted`-nya lebih awal dari `start` periodenya.",
    ),
    why: Words::new(
        "An assessment describes the work of its period, so it cannot be handed in before the period starts: the date or the period is wrong, and reports would date the claims wrongly.",
        "Penilaian menggambarkan pekerjaan pada periodenya, sehingga tidak mungkin diserahkan sebelum periode itu dimulai: tanggal atau periodenya salah, dan laporan akan memberi tanggal yang keliru pada klaimnya.",
    ),
    fix: Words::new(
        "Correct the `submitted` date (YYYY-MM-DD). If the file belongs to another period, move it to that period's folder and correct `period`.",
        "Perbaiki tanggal `submitted` (TTTT-BB-HH). Bila berkas ini milik periode lain, pindahkan ke folder periode tersebut dan perbaiki `period`.",
    ),
};

/// E031: submitted on `submitted`, before the period `period` starts on
/// `start`.
pub fn submitted_before_period(submitted: crate::model::Date, period: &str, start: crate::model::Date) -> Diagnostic {
    let id = period;
    Diagnostic::new(
        Code::SubmittedBeforePeriod,
        msg!(
            "submitted on {submitted}, before the period `{id}` starts ({start})",
            "diserahkan pada {submitted}, sebelum periode `{id}` dimulai ({start})"
        ),
    )
    .hint(msg!(
        "check the date, or whether the file belongs to another period",
        "periksa tanggalnya, atau apakah berkas ini milik periode lain"
    ))
}

fn submitted(cx: &mut Context<'_>, doc: &Doc<Assessment>) {
    let a = &doc.value;
    if let (Some(submitted), Some(period)) = (a.submitted, cx.periods.get(a.period.as_str()))
        && submitted < period.start
    {
        let d = submitted_before_period(submitted, &period.id, period.start);
        cx.push(d.at(doc.at(path!["submitted"])));
    }
}

// ── W001 evidence-required ───────────────────────────────────────────────

/// W001 `evidence-required`: what it checks, why, and how to fix it.
pub const W001: RuleDoc = RuleDoc {
    code: Code::EvidenceRequired,
    home: module_path!(),
    summary: Words::new(
        "A claimed level that needs evidence but cites none; scoring counts the level its evidence supports.",
        "Tingkat yang diklaim memerlukan bukti tetapi tidak mencantumkan bukti; skor menghitung tingkat yang didukung buktinya.",
    ),
    what: Words::new(
        "A point claims a level at or above the rubric's `evidence-required-from` but cites no evidence; until evidence is added, it is scored one level below `evidence-required-from`.",
        "Sebuah poin mengklaim level yang sama dengan atau di atas `evidence-required-from` pada rubrik, tetapi tidak mencantumkan bukti; sampai bukti ditambahkan, poin dihitung satu level di bawah `evidence-required-from`.",
    ),
    why: Words::new(
        "The rubric asks for evidence from this level up: an unbacked claim scores the level below, and the report shows both, so the institution should know why its index dropped.",
        "Rubrik meminta bukti mulai tingkat ini: klaim tanpa bukti dihitung pada tingkat di bawahnya, dan laporan menampilkan keduanya, sehingga institusi perlu tahu mengapa indeksnya turun.",
    ),
    fix: Words::new(
        "Add an `evidence:` list under the point with at least one item (`- file: evidence/...` or `- url: https://...`), or lower the `level` to what you can show.",
        "Tambahkan daftar `evidence:` di bawah poin tersebut dengan minimal satu butir (`- file: evidence/...` atau `- url: https://...`), atau turunkan `level` sesuai yang dapat Anda buktikan.",
    ),
};

/// W001: level `level` of the point `point` needs evidence and cites none;
/// it scores as `backed`.
pub fn evidence_required(point: &str, level: u32, backed: u32) -> Diagnostic {
    let id = point;
    Diagnostic::new(
        Code::EvidenceRequired,
        msg!(
            "level {level} of `{id}` needs evidence, and none is cited",
            "level {level} untuk `{id}` memerlukan bukti, tetapi tidak ada bukti yang dicantumkan"
        ),
    )
    .label(msg!("scored as {backed} until evidence is added", "dihitung sebagai {backed} sampai bukti ditambahkan"))
    .hint(msg!(
        "add an `evidence:` list with a file (`- file: evidence/...`) or a link (`- url: https://...`)",
        "tambahkan daftar `evidence:` berisi berkas (`- file: evidence/...`) atau tautan (`- url: https://...`)"
    ))
}

// ── W003 prerequisite-gap ────────────────────────────────────────────────

/// W003 `prerequisite-gap`: what it checks, why, and how to fix it.
pub const W003: RuleDoc = RuleDoc {
    code: Code::PrerequisiteGap,
    home: module_path!(),
    summary: Words::new(
        "A point more than one level above the lowest of the points it requires.",
        "Poin yang lebih dari satu tingkat di atas poin terendah yang menjadi syaratnya.",
    ),
    what: Words::new(
        "A point claimed more than one level above the lowest of the points it `requires` in the rubric. It is a warning only and does not change any score.",
        "Poin yang diklaim lebih dari satu level di atas poin terendah yang menjadi syaratnya (`requires` pada rubrik). Ini hanya peringatan dan tidak mengubah skor.",
    ),
    why: Words::new(
        "A point built on others rarely stands far above them: a large gap is usually a slip in one of the two levels, worth checking before the report goes out.",
        "Poin yang dibangun di atas poin lain jarang berada jauh di atasnya: selisih yang besar biasanya kekeliruan pada salah satu tingkat, yang perlu diperiksa sebelum laporan diterbitkan.",
    ),
    fix: Words::new(
        "Check both levels against the rubric's descriptors: lower this point's `level`, or raise the required point's `level` if it was set too low.",
        "Periksa kedua level dengan deskriptor rubrik: turunkan `level` poin ini, atau naikkan `level` poin yang menjadi syaratnya bila level itu terlalu rendah.",
    ),
};

/// A point and its level, as a prerequisite gap names them.
#[derive(Debug, Clone, Copy)]
pub struct PointAt<'a> {
    /// The point's id.
    pub id: &'a str,
    /// Its number in the rubric.
    pub number: u32,
    /// The level claimed.
    pub level: u32,
}

/// W003: `point` is more than one level above `required`, which it builds
/// on.
pub fn prerequisite_gap(point: PointAt<'_>, required: PointAt<'_>) -> Diagnostic {
    let PointAt { id, number: n, level } = point;
    let PointAt { id: req, number: rn, level: low } = required;
    Diagnostic::new(
        Code::PrerequisiteGap,
        msg!(
            "point {n} (`{id}`) is at {level} while point {rn} (`{req}`), which it builds on, is at {low}",
            "poin {n} (`{id}`) berada di level {level}, padahal poin {rn} (`{req}`) yang menjadi dasarnya di level {low}"
        ),
    )
    .hint(msg!(
        "a point can be at most one level above the points it requires; check both levels",
        "sebuah poin paling tinggi satu level di atas poin yang menjadi syaratnya; periksa kedua level tersebut"
    ))
}

fn prerequisites(cx: &mut Context<'_>, doc: &Doc<Assessment>, rubric: &Rubric) {
    let a = &doc.value;
    for point in &rubric.points {
        if let Some((req, low)) = crate::score::prerequisite_gap(rubric, a, point) {
            let level = a.points.get(&point.id).map_or(0, |p| p.level);
            let rn = rubric.points.iter().find(|p| &p.id == req).map_or(0, |p| p.number);
            let d = prerequisite_gap(
                PointAt { id: &point.id, number: point.number, level },
                PointAt { id: req, number: rn, level: low },
            );
            cx.push(d.at(doc.at(path!["points", &point.id, "level"])));
        }
    }
}

// ── W005 missing-assessment ──────────────────────────────────────────────

/// W005 `missing-assessment`: what it checks, why, and how to fix it.
pub const W005: RuleDoc = RuleDoc {
    code: Code::MissingAssessment,
    home: module_path!(),
    summary: Words::new(
        "An institution with no assessment for a period that has others.",
        "Institusi yang belum memiliki penilaian untuk periode yang sudah dinilai institusi lain.",
    ),
    what: Words::new(
        "An institution with no assessment for a period in which other institutions have one.",
        "Institusi yang belum memiliki penilaian untuk suatu periode, padahal institusi lain sudah memilikinya.",
    ),
    why: Words::new(
        "An institution without an assessment is left out of the period's scores and comparisons, so its absence should be a decision, not an oversight.",
        "Institusi tanpa penilaian tidak ikut dalam skor dan perbandingan periode itu, sehingga ketidakhadirannya sebaiknya sebuah keputusan, bukan kelalaian.",
    ),
    fix: Words::new(
        "Create it with `terbuka new assessment --institution <id> --period <period>`, then check and confirm each point.",
        "Buat dengan `terbuka new assessment --institution <id> --period <periode>`, lalu periksa dan konfirmasi setiap poin.",
    ),
};

/// W005: the institution `institution` has no assessment for `period`.
pub fn missing_assessment(institution: &str, period: &str) -> Diagnostic {
    let id = institution;
    Diagnostic::new(
        Code::MissingAssessment,
        msg!(
            "`{id}` has no assessment for the period `{period}`",
            "`{id}` belum memiliki penilaian untuk periode `{period}`"
        ),
    )
    .for_period(period)
    .hint(msg!(
        "create it with `terbuka new assessment --institution {id} --period {period}`",
        "buat dengan `terbuka new assessment --institution {id} --period {period}`"
    ))
}

/// W005 on an institution missing from a period others have assessed.
fn missing_assessments(cx: &mut Context<'_>, assessed: &BTreeMap<&str, BTreeSet<&str>>) {
    for (period, done) in assessed {
        if !cx.periods.contains_key(period) {
            continue;
        }
        for (id, inst) in &cx.institutions {
            // An invalid id (E019) could not name the file to create.
            let valid = crate::model::id::is_valid(id) && crate::model::id::is_valid(period);
            if valid && !done.contains(id) && !cx.has_file(&format!("assessments/{period}/{id}.yaml")) {
                cx.out.push(missing_assessment(id, period).at(inst.at(path!["id"])));
            }
        }
    }
}

// ── W006 unconfirmed ─────────────────────────────────────────────────────

/// W006 `unconfirmed`: what it checks, why, and how to fix it.
pub const W006: RuleDoc = RuleDoc {
    code: Code::Unconfirmed,
    home: module_path!(),
    summary: Words::new(
        "A point or milestone carried over from the previous period (`confirmed: false`) that the focal point has not yet confirmed; it scores as the lowest level, or as not reported.",
        "Poin atau tonggak capaian yang dibawa dari periode sebelumnya (`confirmed: false`) dan belum dikonfirmasi focal point; dihitung sebagai tingkat terendah, atau dianggap tidak dilaporkan.",
    ),
    what: Words::new(
        "A point or milestone progress with `confirmed: false`, as `terbuka new assessment` writes it (carried over from the previous period, or blank). An unconfirmed point scores as the lowest level; unconfirmed progress is not counted.",
        "Poin atau kemajuan tonggak capaian dengan `confirmed: false`, sebagaimana ditulis `terbuka new assessment` (dibawa dari periode sebelumnya, atau kosong). Poin yang belum dikonfirmasi dihitung sebagai tingkat terendah; capaian yang belum dikonfirmasi tidak dihitung.",
    ),
    why: Words::new(
        "A claim carried over from the previous period is last period's claim until someone checks it: counting it as this period's would report work nobody confirmed.",
        "Klaim yang dibawa dari periode sebelumnya tetap klaim periode lalu sampai ada yang memeriksanya: menghitungnya sebagai klaim periode ini berarti melaporkan pekerjaan yang tidak dikonfirmasi siapa pun.",
    ),
    fix: Words::new(
        "Check the `level`, `justification` and `evidence` (for a milestone, `completion`) against this period's work and change what is no longer true, then write `confirmed: true`.",
        "Periksa `level`, `justification`, dan `evidence` (untuk tonggak capaian, `completion`) dengan pekerjaan periode ini dan ubah yang sudah tidak sesuai, lalu tulis `confirmed: true`.",
    ),
};

/// What is not yet confirmed.
#[derive(Debug, Clone, Copy)]
pub enum Carried<'a> {
    /// The point `id`, at `level`; it scores as `lowest` until confirmed.
    Point { id: &'a str, level: u32, lowest: u32 },
    /// The progress on the milestone `milestone` of `commitment`, reported
    /// as `completion`.
    Milestone { commitment: &'a str, milestone: &'a str, completion: &'a str },
}

/// W006: a point or milestone progress still as `terbuka new assessment`
/// carried it over (`confirmed: false`).
pub fn unconfirmed(what: Carried<'_>) -> Diagnostic {
    match what {
        Carried::Point { id, level, lowest } => {
            Diagnostic::new(Code::Unconfirmed, msg!("the point `{id}` is not yet confirmed", "poin `{id}` belum dikonfirmasi"))
                .label(msg!("scored as {lowest} until confirmed", "dihitung {lowest} sampai dikonfirmasi"))
                .hint(msg!(
                    "check `level: {level}`, the justification and the evidence against this period's work (`terbuka new assessment` carried them from the previous period, or left them blank), change what is not true, then write `confirmed: true`",
                    "periksa `level: {level}`, justifikasi dan bukti dengan pekerjaan periode ini (`terbuka new assessment` membawanya dari periode sebelumnya, atau membiarkannya kosong), ubah yang tidak sesuai, lalu tulis `confirmed: true`"
                ))
        }
        Carried::Milestone { commitment: cid, milestone: mid, completion } => Diagnostic::new(
            Code::Unconfirmed,
            msg!(
                "the progress on milestone `{mid}` of `{cid}` is not yet confirmed",
                "kemajuan tonggak capaian `{mid}` pada `{cid}` belum dikonfirmasi"
            ),
        )
        .label(msg!("not counted until confirmed", "belum dihitung sampai dikonfirmasi"))
        .hint(msg!(
            "check `completion: {completion}` against this period's work, change it if needed, then write `confirmed: true`",
            "periksa `completion: {completion}` dengan pekerjaan periode ini, ubah bila perlu, lalu tulis `confirmed: true`"
        )),
    }
}

// ── W009 milestone-evidence-required ─────────────────────────────────────

/// W009 `milestone-evidence-required`: what it checks, why, and how to fix it.
pub const W009: RuleDoc = RuleDoc {
    code: Code::MilestoneEvidence,
    home: module_path!(),
    summary: Words::new(
        "Milestone progress reported at `limited` or above with no evidence: it is not counted until evidence is added.",
        "Capaian tonggak capaian yang dilaporkan `limited` atau lebih tanpa bukti: tidak dihitung sampai bukti ditambahkan.",
    ),
    what: Words::new(
        "Progress on a milestone reported as `limited`, `substantial` or `complete` with no evidence. Like a rubric point, such a claim needs evidence: until it has some, the report shows it with a mark and does not count it (completion is derived from the other reports of that milestone, or none).",
        "Kemajuan tonggak capaian yang dilaporkan `limited`, `substantial`, atau `complete` tanpa bukti. Seperti poin rubrik, klaim ini memerlukan bukti: selama belum ada, laporan menandainya dan tidak menghitungnya (penyelesaian diturunkan dari laporan lain atas tonggak capaian itu, atau tidak sama sekali).",
    ),
    why: Words::new(
        "A commitment's completion is read from its milestones: progress without evidence would raise completion on a claim alone.",
        "Penyelesaian komitmen ditentukan dari tonggak capaiannya: capaian tanpa bukti akan menaikkan penyelesaian hanya berdasarkan klaim.",
    ),
    fix: Words::new(
        "Under the milestone's progress, add an `evidence:` list with a file (`- file: evidence/...`) or a link (`- url: https://...`) that shows the work, or lower `completion` to what the evidence shows.",
        "Di bawah kemajuan tonggak capaian itu, tambahkan daftar `evidence:` berisi berkas (`- file: evidence/...`) atau tautan (`- url: https://...`) yang menunjukkan pekerjaannya, atau turunkan `completion` sesuai yang ditunjukkan bukti.",
    ),
};

/// W009: the milestone `milestone` of `commitment` is reported
/// `completion` with no evidence.
pub fn milestone_evidence(commitment: &str, milestone: &str, completion: &str) -> Diagnostic {
    let (cid, mid) = (commitment, milestone);
    Diagnostic::new(
        Code::MilestoneEvidence,
        msg!(
            "milestone `{mid}` of `{cid}` is reported `{completion}` with no evidence",
            "tonggak capaian `{mid}` pada `{cid}` dilaporkan `{completion}` tanpa bukti"
        ),
    )
    .label(msg!("not counted until evidence is added", "tidak dihitung sampai bukti ditambahkan"))
    .hint(msg!(
        "add an `evidence:` list under `{mid}:` with a file (`- file: evidence/...`) or a link (`- url: https://...`) that shows the work",
        "tambahkan daftar `evidence:` di bawah `{mid}:` berisi berkas (`- file: evidence/...`) atau tautan (`- url: https://...`) yang menunjukkan pekerjaannya"
    ))
}

// ── W013 confirmed-missing ───────────────────────────────────────────────

/// W013 `confirmed-missing`: what it checks, why, and how to fix it.
pub const W013: RuleDoc = RuleDoc {
    code: Code::ConfirmedMissing,
    home: module_path!(),
    summary: Words::new(
        "A point or milestone with no `confirmed:` line in a file whose other points have one (a file `terbuka new assessment` carried forward): it counts as confirmed without anyone having said so.",
        "Poin atau tonggak capaian tanpa baris `confirmed:` dalam berkas yang poin lainnya memilikinya (berkas yang dilanjutkan `terbuka new assessment`): dihitung sudah dikonfirmasi tanpa ada yang menyatakannya.",
    ),
    what: Words::new(
        "In a file that `terbuka new assessment` carried forward, every point starts with `confirmed: false`. A point without any `confirmed:` line in such a file (typed again or pasted from elsewhere, or with the line deleted) counts as confirmed, though nobody wrote that it was checked.",
        "Dalam berkas yang dilanjutkan oleh `terbuka new assessment`, setiap poin dimulai dengan `confirmed: false`. Poin tanpa baris `confirmed:` dalam berkas seperti itu (diketik ulang atau ditempel dari tempat lain, atau barisnya terhapus) dihitung sudah dikonfirmasi, walaupun tidak ada yang menulis bahwa poin itu sudah diperiksa.",
    ),
    why: Words::new(
        "In a file carried forward, `confirmed:` is how a focal point says a claim was checked: a point without the line counts as checked though nobody said so.",
        "Dalam berkas yang dilanjutkan, `confirmed:` adalah cara focal point menyatakan bahwa klaim sudah diperiksa: poin tanpa baris itu dihitung sudah diperiksa walaupun tidak ada yang menyatakannya.",
    ),
    fix: Words::new(
        "Check the point against this period's work, then write `confirmed: true` under it, as for the other points; or `confirmed: false` if it still holds last period's claim.",
        "Periksa poin itu dengan pekerjaan periode ini, lalu tulis `confirmed: true` di bawahnya, seperti poin lainnya; atau `confirmed: false` bila isinya masih klaim periode lalu.",
    ),
};

/// What has no `confirmed:` line.
#[derive(Debug, Clone, Copy)]
pub enum Unmarked<'a> {
    /// The point `id`.
    Point(&'a str),
    /// The progress on the milestone `milestone` of `commitment`.
    Milestone { commitment: &'a str, milestone: &'a str },
}

/// W013: a point or milestone with no `confirmed:` line in a file whose
/// others have one.
pub fn confirmed_missing(what: Unmarked<'_>) -> Diagnostic {
    let what = match what {
        Unmarked::Point(id) => msg!("the point `{id}`", "poin `{id}`"),
        Unmarked::Milestone { commitment: cid, milestone: mid } => {
            msg!("the progress on milestone `{mid}` of `{cid}`", "kemajuan tonggak capaian `{mid}` pada `{cid}`")
        }
    };
    Diagnostic::new(
        Code::ConfirmedMissing,
        Msg::new(
            format!("{} has no `confirmed:` line, unlike the others in this file", what.en),
            format!("{} tidak punya baris `confirmed:`, tidak seperti yang lain di berkas ini", what.id),
        ),
    )
    .label(msg!("counted as confirmed", "dihitung sudah dikonfirmasi"))
    .hint(msg!(
        "once you have checked it against this period's work, write `confirmed: true` under it, as for the others; `confirmed: false` if it still holds last period's claim",
        "setelah Anda memeriksanya dengan pekerjaan periode ini, tulis `confirmed: true` di bawahnya, seperti yang lain; `confirmed: false` bila isinya masih klaim periode lalu"
    ))
}

/// Whether `new assessment` carried the file forward: it writes
/// `confirmed:` on every point and milestone, so one without it was typed in
/// again (or its line deleted).
fn carried_forward(doc: &Doc<Assessment>) -> bool {
    let a = &doc.value;
    a.points.values().any(|p| p.confirmed.written())
        || a.commitments.values().flat_map(BTreeMap::values).any(|m| m.confirmed.written())
}

// ── The checks of points and progress ────────────────────────────────────

/// The points of an assessment against the rubric: each of the rubric's
/// assessed (E030); of the points the rubric has, the unconfirmed (W006),
/// those without a `confirmed:` line in a carried file (W013) and claims
/// without the evidence they need (W001).
fn points(cx: &mut Context<'_>, doc: &Doc<Assessment>, rubric: &Rubric) {
    let a = &doc.value;
    let levels = cx.levels();
    let min = levels.first().copied().unwrap_or(0);
    let carried = carried_forward(doc);
    for (id, p) in &a.points {
        let Some(point) = rubric.points.iter().find(|q| &q.id == id) else { continue };
        let level = p.level;
        if p.confirmed.get() && carried && !p.confirmed.written() {
            cx.push(confirmed_missing(Unmarked::Point(id)).at(doc.key_at(path!["points", id])));
        }
        if !p.confirmed.get() {
            let d = unconfirmed(Carried::Point { id, level, lowest: min });
            cx.push(d.at(doc.at(path!["points", id, "confirmed"])));
        }
        if let Some(from) = point.evidence_required_from
            && level >= from
            && p.evidence.is_empty()
            && levels.contains(&level)
        {
            let backed = from.saturating_sub(1).max(min);
            cx.push(evidence_required(id, level, backed).at(doc.at(path!["points", id, "level"])));
        }
    }
    for point in rubric.points.iter().filter(|q| !a.points.contains_key(&q.id)) {
        cx.push(missing_point(&point.id, point.number, min).at(doc.key_at(path!["points"])));
    }
}

/// The progress on milestones of the commitments that exist: without a
/// `confirmed:` line in a carried file (W013), unconfirmed (W006), claimed
/// without evidence (W009).
fn progress(cx: &mut Context<'_>, doc: &Doc<Assessment>) {
    let carried = carried_forward(doc);
    for (cid, milestones) in &doc.value.commitments {
        if !cx.commitments.contains_key(cid.as_str()) {
            continue;
        }
        for (mid, progress) in milestones {
            let at = |key: Option<&str>| {
                let mut p = vec![Seg::from("commitments"), Seg::from(cid.as_str()), Seg::from(mid.as_str())];
                p.extend(key.map(Seg::from));
                p
            };
            if progress.confirmed.get() && carried && !progress.confirmed.written() {
                let d = confirmed_missing(Unmarked::Milestone { commitment: cid, milestone: mid });
                cx.push(d.at(doc.key_at(&at(None))));
            }
            let completion = crate::export_kebab(&progress.completion).unwrap_or_default();
            if !progress.confirmed.get() {
                let d = unconfirmed(Carried::Milestone { commitment: cid, milestone: mid, completion: &completion });
                cx.push(d.at(doc.at(&at(Some("confirmed")))));
            } else if uncounted(progress) == Some(Uncounted::Unbacked) {
                let d = milestone_evidence(cid, mid, &completion);
                cx.push(d.at(doc.at(&at(Some("completion")))));
            }
        }
    }
}
