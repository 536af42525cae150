//! The rules of the rubric: levels on its scale (E020, in the rubric, the
//! assessments and the reviews), weights (E021), `requires` in a circle
//! (E023), the thresholds (E024) and the descriptors (W004).

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Code, Diagnostic, RuleDoc, Words};
use crate::load::Doc;
use crate::model::{MAX_WEIGHT, Rubric};
use crate::{msg, path};

use super::super::Context;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E020, E021, E023, E024, W004];

/// Checks the workspace's rubric, and the levels assessments and reviews
/// give.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    if let Some(doc) = cx.rubric {
        rubric(cx, doc);
    }
    levels_given(cx);
}

// ── E020 level-out-of-scale ──────────────────────────────────────────────

/// E020 `level-out-of-scale`: what it checks, why, and how to fix it.
pub const E020: RuleDoc = RuleDoc {
    code: Code::LevelOutOfScale,
    home: module_path!(),
    summary: Words::new("A level that is not on the rubric's scale.", "Tingkat yang tidak ada dalam skala rubrik."),
    what: Words::new(
        "A level that is not on the rubric's `scale`: a `level` in an assessment or review, a key under a point's `descriptors`, or a point's `evidence-required-from`.",
        "Level yang tidak ada dalam `scale` rubrik: `level` pada penilaian atau tinjauan, kunci di bawah `descriptors` sebuah poin, atau `evidence-required-from` sebuah poin.",
    ),
    why: Words::new(
        "Indices are computed on the rubric's scale: a level off the scale has no descriptor saying what it means, and would push an index out of its 0–100 range.",
        "Indeks dihitung pada skala rubrik: tingkat di luar skala tidak memiliki deskriptor yang menjelaskan artinya, dan akan membuat indeks keluar dari rentang 0–100.",
    ),
    fix: Words::new(
        "Choose a level from the rubric's `scale` (the message shows the range where it can); the point's `descriptors` in the rubric say what each level means.",
        "Pilih level yang ada dalam `scale` rubrik (bila memungkinkan, pesan menyebutkan rentangnya); `descriptors` poin tersebut dalam rubrik menjelaskan arti setiap level.",
    ),
};

/// Where a level off the scale is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelIn {
    /// An assessment's claim; the scale runs from `min` to `max`.
    Assessment { min: u32, max: u32 },
    /// A reviewer's level in a review.
    Review,
    /// A key of a point's `descriptors`, or its `evidence-required-from`;
    /// the scale runs from `min` to `max`.
    Rubric { min: u32, max: u32 },
}

/// E020: the level `level` is not on the rubric's scale.
pub fn level_out_of_scale(level: u32, place: LevelIn) -> Diagnostic {
    match place {
        LevelIn::Assessment { min, max } => Diagnostic::new(
            Code::LevelOutOfScale,
            msg!(
                "the level {level} is not on the rubric's scale ({min}–{max})",
                "level {level} tidak ada dalam skala rubrik ({min}–{max})"
            ),
        )
        .hint(msg!(
            "choose a level from {min} to {max}; the rubric describes each one",
            "pilih level {min} sampai {max}; rubrik menjelaskan setiap level"
        )),
        LevelIn::Review => Diagnostic::new(
            Code::LevelOutOfScale,
            msg!("the level {level} is not on the rubric's scale", "level {level} tidak ada dalam skala rubrik"),
        ),
        LevelIn::Rubric { min, max } => Diagnostic::new(
            Code::LevelOutOfScale,
            msg!(
                "the level {level} is not on the scale ({min}–{max})",
                "level {level} tidak ada dalam skala ({min}–{max})"
            ),
        ),
    }
}

/// E020 on the levels assessments claim (for the rubric's points) and
/// reviews give.
fn levels_given(cx: &mut Context<'_>) {
    let Some(rubric) = cx.rubric else { return };
    let levels = cx.levels();
    let (min, max) = (levels.first().copied().unwrap_or(0), levels.last().copied().unwrap_or(0));
    for doc in &cx.ws.assessments {
        for (id, p) in &doc.value.points {
            let known = rubric.value.points.iter().any(|q| &q.id == id);
            if known && !levels.contains(&p.level) {
                let d = level_out_of_scale(p.level, LevelIn::Assessment { min, max });
                cx.push(d.at(doc.at(path!["points", id, "level"])));
            }
        }
    }
    for doc in &cx.ws.reviews {
        for (iid, points) in &doc.value.institutions {
            for (pid, p) in points {
                if !levels.contains(&p.level) {
                    let d = level_out_of_scale(p.level, LevelIn::Review);
                    cx.push(d.at(doc.at(path!["institutions", iid, pid, "level"])));
                }
            }
        }
    }
}

// ── E021 invalid-weight ──────────────────────────────────────────────────

/// E021 `invalid-weight`: what it checks, why, and how to fix it.
pub const E021: RuleDoc = RuleDoc {
    code: Code::InvalidWeight,
    home: module_path!(),
    summary: Words::new(
        "A rubric point whose weight is zero, negative or larger than 1,000.",
        "Poin rubrik yang bobotnya nol, negatif, atau lebih besar dari 1.000.",
    ),
    what: Words::new(
        "A rubric point whose `weight` is zero, negative, or larger than 1,000.",
        "Poin rubrik dengan `weight` nol, negatif, atau lebih besar dari 1.000.",
    ),
    why: Words::new(
        "Weights say how much each point counts in the index: a zero or negative weight would make a point count for nothing or against the institution, and a huge one would drown the others.",
        "Bobot menentukan seberapa besar setiap poin dihitung dalam indeks: bobot nol atau negatif membuat poin tidak berarti atau justru merugikan institusi, dan bobot yang sangat besar menenggelamkan poin lainnya.",
    ),
    fix: Words::new(
        "Set `weight` to a whole number from 1 to 1,000. A point with a larger weight counts for more in the weighted index.",
        "Isi `weight` dengan bilangan bulat 1 sampai 1.000. Poin dengan bobot lebih besar berpengaruh lebih banyak pada indeks berbobot.",
    ),
};

/// E021: the weight `weight` is not from 1 to [`MAX_WEIGHT`].
pub fn invalid_weight(weight: i64) -> Diagnostic {
    let w = weight;
    if w <= 0 {
        Diagnostic::new(Code::InvalidWeight, msg!("the weight {w} is not positive", "bobot {w} bukan bilangan positif"))
            .hint(msg!("weights are whole numbers of at least 1", "bobot adalah bilangan bulat minimal 1"))
    } else {
        Diagnostic::new(
            Code::InvalidWeight,
            msg!("the weight {w} is larger than {MAX_WEIGHT}", "bobot {w} lebih besar dari {MAX_WEIGHT}"),
        )
        .hint(msg!(
            "weights say how much one point counts against the others: 1 to {MAX_WEIGHT}, e.g. 2 for a point that counts twice",
            "bobot menyatakan seberapa besar satu poin dihitung dibanding poin lain: 1 sampai {MAX_WEIGHT}, misalnya 2 untuk poin yang dihitung dua kali"
        ))
    }
}

// ── E023 requires-cycle ──────────────────────────────────────────────────

/// E023 `requires-cycle`: what it checks, why, and how to fix it.
pub const E023: RuleDoc = RuleDoc {
    code: Code::RequiresCycle,
    home: module_path!(),
    summary: Words::new(
        "Rubric points that require each other in a cycle.",
        "Poin-poin rubrik yang saling mensyaratkan secara melingkar.",
    ),
    what: Words::new(
        "Rubric points whose `requires` lists lead in a circle, so that a point ends up requiring itself (the message shows the circle).",
        "Poin-poin rubrik yang daftar `requires`-nya saling mensyaratkan secara melingkar, sehingga sebuah poin akhirnya mensyaratkan dirinya sendiri (pesan menampilkan lingkarannya).",
    ),
    why: Words::new(
        "`requires` says which points build on which: in a circle no point comes first, so the prerequisite check (W003) cannot tell which level to compare with.",
        "`requires` menyatakan poin mana yang menjadi dasar poin lain: dalam lingkaran tidak ada poin yang lebih dahulu, sehingga pemeriksaan prasyarat (W003) tidak dapat menentukan tingkat mana yang dibandingkan.",
    ),
    fix: Words::new(
        "Remove the `requires` entry that closes the circle, so that each point requires only points that come before it.",
        "Hapus isian `requires` yang menutup lingkaran tersebut, sehingga setiap poin hanya mensyaratkan poin yang mendahuluinya.",
    ),
};

/// E023: the points `names` (ids, in order) require each other in a
/// circle.
pub fn requires_cycle(names: &[&str]) -> Diagnostic {
    let names = names.iter().chain(names.first()).map(|id| format!("`{id}`")).collect::<Vec<_>>().join(" → ");
    Diagnostic::new(
        Code::RequiresCycle,
        msg!(
            "the points require each other in a cycle: {names}",
            "poin-poin ini saling mensyaratkan secara melingkar: {names}"
        ),
    )
    .hint(msg!(
        "a point can only require points that come before it",
        "sebuah poin hanya dapat mensyaratkan poin yang mendahuluinya"
    ))
}

/// Every cycle in `requires`, each once, as point indices from its smallest.
fn cycles(r: &Rubric) -> Vec<Vec<usize>> {
    let index: BTreeMap<&str, usize> = r.points.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let edges: Vec<Vec<usize>> =
        r.points.iter().map(|p| p.requires.iter().filter_map(|q| index.get(q.as_str()).copied()).collect()).collect();
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut state = vec![0u8; edges.len()]; // 0 new, 1 on stack, 2 done
    let mut stack = Vec::new();
    fn visit(n: usize, edges: &[Vec<usize>], state: &mut [u8], stack: &mut Vec<usize>, found: &mut Vec<Vec<usize>>) {
        state[n] = 1;
        stack.push(n);
        for &m in &edges[n] {
            if state[m] == 1 {
                let at = stack.iter().position(|&x| x == m).unwrap_or(0);
                let mut cycle = stack[at..].to_vec();
                let min = cycle.iter().enumerate().min_by_key(|(_, v)| **v).map_or(0, |(i, _)| i);
                cycle.rotate_left(min);
                if !found.contains(&cycle) {
                    found.push(cycle);
                }
            } else if state[m] == 0 {
                visit(m, edges, state, stack, found);
            }
        }
        stack.pop();
        state[n] = 2;
    }
    for n in 0..edges.len() {
        if state[n] == 0 {
            visit(n, &edges, &mut state, &mut stack, &mut found);
        }
    }
    found
}

// ── E024 bad-threshold ───────────────────────────────────────────────────

/// E024 `bad-threshold`: what it checks, why, and how to fix it.
pub const E024: RuleDoc = RuleDoc {
    code: Code::BadThreshold,
    home: module_path!(),
    summary: Words::new(
        "Rubric thresholds that are off the scale or out of order, or evidence required from the scale's lowest level.",
        "Ambang rubrik yang di luar skala atau tidak berurutan, atau bukti yang diwajibkan mulai tingkat terendah skala.",
    ),
    what: Words::new(
        "The rubric's thresholds are wrong: `maintain-from` or `improve-from` is not a level of the scale, `improve-from` is above `maintain-from`, or a point's `evidence-required-from` is the scale's lowest level (a claim without evidence would then score below the scale).",
        "Ambang pada rubrik tidak benar: `maintain-from` atau `improve-from` bukan level dalam skala, `improve-from` lebih tinggi dari `maintain-from`, atau `evidence-required-from` sebuah poin adalah level terendah skala (klaim tanpa bukti lalu bernilai di bawah skala).",
    ),
    why: Words::new(
        "Recommendations (maintain, improve) and evidence-backed levels are read off these thresholds: thresholds off the scale or out of order would recommend the wrong thing to every institution.",
        "Rekomendasi (pertahankan, tingkatkan) dan tingkat berbukti ditentukan dari ambang ini: ambang di luar skala atau tidak berurutan akan memberi rekomendasi yang salah kepada setiap institusi.",
    ),
    fix: Words::new(
        "Set both recommendation thresholds to levels of the scale, with `improve-from` at or below `maintain-from`, e.g. `recommendations: {maintain-from: 3, improve-from: 1}`; require evidence from a level above the lowest, or leave `evidence-required-from` out.",
        "Isi kedua ambang rekomendasi dengan level yang ada dalam skala, dengan `improve-from` sama dengan atau di bawah `maintain-from`, misalnya `recommendations: {maintain-from: 3, improve-from: 1}`; wajibkan bukti mulai level di atas yang terendah, atau hapus `evidence-required-from`.",
    ),
};

/// What is wrong with a threshold.
#[derive(Debug, Clone, Copy)]
pub enum Threshold<'a> {
    /// `key: value` is not a level of the scale (`min`–`max`).
    OffScale { key: &'a str, value: u32, min: u32, max: u32 },
    /// `improve-from` is above `maintain-from`.
    OutOfOrder,
    /// `evidence-required-from: from` is the scale's lowest level `min`;
    /// `next` is the level above it.
    EvidenceFromLowest { from: u32, min: u32, next: u32 },
}

/// E024: a threshold of the rubric is off the scale or out of order.
pub fn bad_threshold(threshold: Threshold<'_>) -> Diagnostic {
    match threshold {
        Threshold::OffScale { key, value, min, max } => Diagnostic::new(
            Code::BadThreshold,
            msg!(
                "`{key}: {value}` is not a level of the scale ({min}–{max})",
                "`{key}: {value}` bukan level dalam skala ({min}–{max})"
            ),
        ),
        Threshold::OutOfOrder => Diagnostic::new(
            Code::BadThreshold,
            msg!("`improve-from` is above `maintain-from`", "`improve-from` lebih tinggi dari `maintain-from`"),
        )
        .hint(msg!(
            "a point is improved below the level where it is maintained",
            "sebuah poin diperbaiki di bawah level tempat ia dipertahankan"
        )),
        // An unbacked claim scores the level below the threshold: at the
        // lowest level there is none.
        Threshold::EvidenceFromLowest { from, min, next } => Diagnostic::new(
            Code::BadThreshold,
            msg!(
                "`evidence-required-from: {from}` is the lowest level of the scale",
                "`evidence-required-from: {from}` adalah level terendah dalam skala"
            ),
        )
        .label(msg!("a claim without evidence would score below the scale", "klaim tanpa bukti akan bernilai di bawah skala"))
        .hint(msg!(
            "evidence can be required from a level above {min}, e.g. `evidence-required-from: {next}`; to require none, leave the key out",
            "bukti dapat diwajibkan mulai level di atas {min}, misalnya `evidence-required-from: {next}`; bila tidak diwajibkan, hapus kunci ini"
        )),
    }
}

// ── W004 missing-descriptor ──────────────────────────────────────────────

/// W004 `missing-descriptor`: what it checks, why, and how to fix it.
pub const W004: RuleDoc = RuleDoc {
    code: Code::MissingDescriptor,
    home: module_path!(),
    summary: Words::new(
        "A rubric point without a descriptor for some level of the scale.",
        "Poin rubrik tanpa deskriptor untuk suatu tingkat skala.",
    ),
    what: Words::new(
        "A rubric point without a descriptor for some level of the scale; focal points choose a level by its descriptor.",
        "Poin rubrik yang tidak memiliki deskriptor untuk suatu level dalam skala; focal point memilih level berdasarkan deskriptornya.",
    ),
    why: Words::new(
        "Focal points choose a level by reading its descriptor: a level without one is chosen by guess, and institutions would mean different things by it.",
        "Focal point memilih tingkat dengan membaca deskriptornya: tingkat tanpa deskriptor dipilih dengan menebak, dan setiap institusi bisa memaknainya berbeda.",
    ),
    fix: Words::new(
        "Under the point's `descriptors`, add an entry for each level the message names, e.g. `2: {id: ..., en: ...}`.",
        "Di bawah `descriptors` poin tersebut, tambahkan isian untuk setiap level yang disebut dalam pesan, misalnya `2: {id: ..., en: ...}`.",
    ),
};

/// W004: the point `point` has no descriptor for the levels `missing`.
pub fn missing_descriptor(point: &str, missing: &[u32]) -> Diagnostic {
    let (id, list) = (point, missing.iter().map(u32::to_string).collect::<Vec<_>>().join(", "));
    Diagnostic::new(
        Code::MissingDescriptor,
        msg!(
            "point `{id}` has no descriptor for level {list}",
            "poin `{id}` tidak memiliki deskriptor untuk level {list}"
        ),
    )
    .hint(msg!(
        "focal points choose a level by its descriptor: describe every level",
        "focal point memilih level berdasarkan deskriptornya: jelaskan setiap level"
    ))
}

// ── The check of the rubric ──────────────────────────────────────────────

/// The workspace's rubric: thresholds (E024), weights (E021), descriptors
/// (E020, W004), `evidence-required-from` (E020, E024) and `requires` in a
/// circle (E023).
fn rubric(cx: &mut Context<'_>, doc: &Doc<Rubric>) {
    let r = &doc.value;
    let levels = r.scale.iter().map(|s| s.level).collect::<BTreeSet<_>>();
    let (min, max) = (levels.first().copied().unwrap_or(0), levels.last().copied().unwrap_or(0));

    let thresholds = r.thresholds();
    for (key, value) in [("maintain-from", thresholds.maintain_from), ("improve-from", thresholds.improve_from)] {
        if !levels.contains(&value) {
            let d = bad_threshold(Threshold::OffScale { key, value, min, max });
            cx.push(d.at(doc.at(path!["recommendations", key])));
        }
    }
    if thresholds.improve_from > thresholds.maintain_from {
        cx.push(bad_threshold(Threshold::OutOfOrder).at(doc.at(path!["recommendations", "improve-from"])));
    }

    for (i, p) in r.points.iter().enumerate() {
        if p.weight <= 0 || p.weight > MAX_WEIGHT {
            cx.push(invalid_weight(p.weight).at(doc.at(path!["points", i, "weight"])));
        }
        for level in p.descriptors.keys().filter(|l| !levels.contains(l)) {
            let d = level_out_of_scale(*level, LevelIn::Rubric { min, max });
            cx.push(d.at(doc.key_at(path!["points", i, "descriptors", *level])));
        }
        let missing = levels.iter().copied().filter(|l| !p.descriptors.contains_key(l)).collect::<Vec<_>>();
        if !missing.is_empty() {
            cx.push(missing_descriptor(&p.id, &missing).at(doc.key_at(path!["points", i, "descriptors"])));
        }
        match p.evidence_required_from {
            Some(from) if !levels.contains(&from) => {
                let d = level_out_of_scale(from, LevelIn::Rubric { min, max });
                cx.push(d.at(doc.at(path!["points", i, "evidence-required-from"])));
            }
            Some(from) if from <= min => {
                let next = levels.range(min + 1..).next().copied().unwrap_or(min);
                let d = bad_threshold(Threshold::EvidenceFromLowest { from, min, next });
                cx.push(d.at(doc.at(path!["points", i, "evidence-required-from"])));
            }
            _ => {}
        }
    }

    for cycle in cycles(r) {
        let names = cycle.iter().map(|&i| r.points[i].id.as_str()).collect::<Vec<_>>();
        cx.push(requires_cycle(&names).at(doc.at(path!["points", cycle[0], "requires"])));
    }
}
