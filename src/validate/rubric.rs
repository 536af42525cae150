//! Rules on the rubric: the scale (E010), weights (E021), point numbers
//! (E022), `requires` (E014, E023), descriptors (E020, W004) and the
//! recommendation thresholds (E024).

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Code, Diagnostic};
use crate::load::Doc;
use crate::model::MAX_WEIGHT;
use crate::model::Rubric;
use crate::msg;
use crate::path;

use super::{Context, unknown};

pub(super) fn check(cx: &mut Context<'_>) {
    for doc in &cx.ws.rubrics {
        if doc.stem() != doc.value.id {
            cx.push(id_mismatch(doc.at(path!["id"]), &doc.value.id, doc.stem(), "rubrics"));
        }
    }
    let Some(doc) = cx.rubric else { return };
    check_rubric(cx, doc);
}

pub(super) fn id_mismatch(at: crate::diag::Location, id: &str, stem: &str, dir: &str) -> Diagnostic {
    Diagnostic::new(
        Code::IdMismatch,
        msg!(
            "the id `{id}` does not match the file name `{stem}.yaml`",
            "id `{id}` tidak sesuai dengan nama berkas `{stem}.yaml`"
        ),
    )
    .at(at)
    .hint(if crate::model::id::is_valid(id) {
        msg!(
            "rename the file to `{dir}/{id}.yaml`, or write `id: {stem}`",
            "ganti nama berkas menjadi `{dir}/{id}.yaml`, atau tulis `id: {stem}`"
        )
    } else {
        // Not a name a file could have (E019 says why).
        msg!("write `id: {stem}`", "tulis `id: {stem}`")
    })
}

fn check_rubric(cx: &mut Context<'_>, doc: &Doc<Rubric>) {
    let r = &doc.value;
    let mut levels = BTreeSet::new();
    for (i, s) in r.scale.iter().enumerate() {
        if !levels.insert(s.level) {
            let level = s.level;
            cx.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    msg!(
                        "the level {level} is defined twice in the scale",
                        "level {level} didefinisikan dua kali dalam skala"
                    ),
                )
                .at(doc.at(path!["scale", i, "level"])),
            );
        }
    }
    let (min, max) = (levels.first().copied().unwrap_or(0), levels.last().copied().unwrap_or(0));

    let thresholds = r.thresholds();
    for (key, value) in [("maintain-from", thresholds.maintain_from), ("improve-from", thresholds.improve_from)] {
        if !levels.contains(&value) {
            cx.push(
                Diagnostic::new(
                    Code::BadThreshold,
                    msg!(
                        "`{key}: {value}` is not a level of the scale ({min}–{max})",
                        "`{key}: {value}` bukan level dalam skala ({min}–{max})"
                    ),
                )
                .at(doc.at(path!["recommendations", key])),
            );
        }
    }
    if thresholds.improve_from > thresholds.maintain_from {
        cx.push(
            Diagnostic::new(
                Code::BadThreshold,
                msg!("`improve-from` is above `maintain-from`", "`improve-from` lebih tinggi dari `maintain-from`"),
            )
            .at(doc.at(path!["recommendations", "improve-from"]))
            .hint(msg!(
                "a point is improved below the level where it is maintained",
                "sebuah poin diperbaiki di bawah level tempat ia dipertahankan"
            )),
        );
    }

    let mut ids = BTreeMap::new();
    let mut numbers = BTreeMap::new();
    for (i, p) in r.points.iter().enumerate() {
        if let Some(first) = ids.insert(p.id.as_str(), i) {
            let id = &p.id;
            let n = r.points[first].number;
            cx.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    msg!("the point id `{id}` is used twice", "id poin `{id}` dipakai dua kali"),
                )
                .at(doc.at(path!["points", i, "id"]))
                .hint(msg!("point {n} already has this id", "poin {n} sudah memakai id ini")),
            );
        }
        if let Some(first) = numbers.insert(p.number, i) {
            let (n, other) = (p.number, &r.points[first].id);
            cx.push(
                Diagnostic::new(
                    Code::DuplicateNumber,
                    msg!("the point number {n} is used twice", "nomor poin {n} dipakai dua kali"),
                )
                .at(doc.at(path!["points", i, "number"]))
                .hint(msg!("`{other}` already has number {n}", "`{other}` sudah bernomor {n}")),
            );
        }
        if p.weight <= 0 {
            let w = p.weight;
            cx.push(
                Diagnostic::new(
                    Code::InvalidWeight,
                    msg!("the weight {w} is not positive", "bobot {w} bukan bilangan positif"),
                )
                .at(doc.at(path!["points", i, "weight"]))
                .hint(msg!("weights are whole numbers of at least 1", "bobot adalah bilangan bulat minimal 1")),
            );
        } else if p.weight > MAX_WEIGHT {
            let w = p.weight;
            cx.push(
                Diagnostic::new(
                    Code::InvalidWeight,
                    msg!("the weight {w} is larger than {MAX_WEIGHT}", "bobot {w} lebih besar dari {MAX_WEIGHT}"),
                )
                .at(doc.at(path!["points", i, "weight"]))
                .hint(msg!(
                    "weights say how much one point counts against the others: 1 to {MAX_WEIGHT}, e.g. 2 for a point that counts twice",
                    "bobot menyatakan seberapa besar satu poin dihitung dibanding poin lain: 1 sampai {MAX_WEIGHT}, misalnya 2 untuk poin yang dihitung dua kali"
                )),
            );
        }
        for level in p.descriptors.keys() {
            if !levels.contains(level) {
                cx.push(
                    Diagnostic::new(
                        Code::LevelOutOfScale,
                        msg!(
                            "the level {level} is not on the scale ({min}–{max})",
                            "level {level} tidak ada dalam skala ({min}–{max})"
                        ),
                    )
                    .at(doc.key_at(path!["points", i, "descriptors", *level])),
                );
            }
        }
        let missing = levels.iter().filter(|l| !p.descriptors.contains_key(l)).map(u32::to_string).collect::<Vec<_>>();
        if !missing.is_empty() {
            let (id, list) = (&p.id, missing.join(", "));
            cx.push(
                Diagnostic::new(
                    Code::MissingDescriptor,
                    msg!(
                        "point `{id}` has no descriptor for level {list}",
                        "poin `{id}` tidak memiliki deskriptor untuk level {list}"
                    ),
                )
                .at(doc.key_at(path!["points", i, "descriptors"]))
                .hint(msg!(
                    "focal points choose a level by its descriptor: describe every level",
                    "focal point memilih level berdasarkan deskriptornya: jelaskan setiap level"
                )),
            );
        }
        if let Some(from) = p.evidence_required_from
            && !levels.contains(&from)
        {
            cx.push(
                Diagnostic::new(
                    Code::LevelOutOfScale,
                    msg!(
                        "the level {from} is not on the scale ({min}–{max})",
                        "level {from} tidak ada dalam skala ({min}–{max})"
                    ),
                )
                .at(doc.at(path!["points", i, "evidence-required-from"])),
            );
        } else if let Some(from) = p.evidence_required_from
            && from <= min
        {
            // An unbacked claim scores the level below the threshold: at the
            // lowest level there is none.
            let next = levels.range(min + 1..).next().copied().unwrap_or(min);
            cx.push(
                Diagnostic::new(
                    Code::BadThreshold,
                    msg!(
                        "`evidence-required-from: {from}` is the lowest level of the scale",
                        "`evidence-required-from: {from}` adalah level terendah dalam skala"
                    ),
                )
                .at(doc.at(path!["points", i, "evidence-required-from"]))
                .label(msg!(
                    "a claim without evidence would score below the scale",
                    "klaim tanpa bukti akan bernilai di bawah skala"
                ))
                .hint(msg!(
                    "evidence can be required from a level above {min}, e.g. `evidence-required-from: {next}`; to require none, leave the key out",
                    "bukti dapat diwajibkan mulai level di atas {min}, misalnya `evidence-required-from: {next}`; bila tidak diwajibkan, hapus kunci ini"
                )),
            );
        }
    }

    for (i, p) in r.points.iter().enumerate() {
        for (j, req) in p.requires.iter().enumerate() {
            if !ids.contains_key(req.as_str()) {
                cx.push(
                    unknown(
                        Code::UnknownPoint,
                        req,
                        ids.keys().copied(),
                        msg!("unknown point `{req}`", "poin `{req}` tidak dikenal"),
                        msg!("not a point of this rubric", "bukan poin dalam rubrik ini"),
                    )
                    .at(doc.at(path!["points", i, "requires", j])),
                );
            }
        }
    }
    for cycle in cycles(r) {
        let first = cycle[0];
        let names =
            cycle.iter().chain([&first]).map(|&i| format!("`{}`", r.points[i].id)).collect::<Vec<_>>().join(" → ");
        cx.push(
            Diagnostic::new(
                Code::RequiresCycle,
                msg!(
                    "the points require each other in a cycle: {names}",
                    "poin-poin ini saling mensyaratkan secara melingkar: {names}"
                ),
            )
            .at(doc.at(path!["points", first, "requires"]))
            .hint(msg!(
                "a point can only require points that come before it",
                "sebuah poin hanya dapat mensyaratkan poin yang mendahuluinya"
            )),
        );
    }
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
