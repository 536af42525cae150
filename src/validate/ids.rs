//! E019: every id a workspace declares follows the one pattern of
//! [`crate::model::id`] — periods, institutions, commitments, milestones,
//! rubric points, working groups, the rubric, the jurisdiction and the
//! action plan — because ids become file and folder names.

use crate::diag::{Code, Diagnostic, Location};
use crate::model::id;
use crate::msg;
use crate::path;

use super::Context;

pub(super) fn check(cx: &mut Context<'_>) {
    let mut found = Vec::new();
    if let Some(doc) = &cx.ws.manifest {
        let m = &doc.value;
        let what = ("jurisdiction", "daerah");
        check_one(&mut found, what, &m.jurisdiction.id, || doc.at(path!["jurisdiction", "id"]));
        check_one(&mut found, ("action plan", "rencana aksi"), &m.action_plan.id, || {
            doc.at(path!["action-plan", "id"])
        });
        check_one(&mut found, ("rubric", "rubrik"), &m.rubric, || doc.at(path!["rubric"]));
        for (i, p) in m.periods.iter().enumerate() {
            check_one(&mut found, ("period", "periode"), &p.id, || doc.at(path!["periods", i, "id"]));
        }
    }
    for doc in &cx.ws.rubrics {
        check_one(&mut found, ("rubric", "rubrik"), &doc.value.id, || doc.at(path!["id"]));
        for (i, p) in doc.value.points.iter().enumerate() {
            check_one(&mut found, ("rubric point", "poin rubrik"), &p.id, || doc.at(path!["points", i, "id"]));
        }
    }
    for doc in &cx.ws.commitments {
        check_one(&mut found, ("commitment", "komitmen"), &doc.value.id, || doc.at(path!["id"]));
        for (i, m) in doc.value.milestones.iter().enumerate() {
            check_one(&mut found, ("milestone", "tonggak"), &m.id, || doc.at(path!["milestones", i, "id"]));
        }
    }
    for doc in &cx.ws.institutions {
        check_one(&mut found, ("institution", "institusi"), &doc.value.id, || doc.at(path!["id"]));
        for (i, g) in doc.value.working_groups.iter().enumerate() {
            check_one(&mut found, ("working group", "kelompok kerja"), &g.id, || {
                doc.at(path!["working-groups", i, "id"])
            });
        }
    }
    for d in found {
        cx.push(d);
    }
}

fn check_one(out: &mut Vec<Diagnostic>, (what_en, what_id): (&str, &str), value: &str, at: impl FnOnce() -> Location) {
    if id::is_valid(value) {
        return;
    }
    let shown = value.escape_debug().to_string();
    let suggestion = id::suggest(value);
    let max = id::MAX_LEN;
    out.push(
        Diagnostic::new(
            Code::InvalidId,
            msg!("the {what_en} id `{shown}` is not a valid id", "id {what_id} `{shown}` tidak sah"),
        )
        .at(at())
        .label(msg!("ids become file and folder names", "id menjadi nama berkas dan folder"))
        .hint(msg!(
            "write ids with lower-case letters a–z, digits, `-` and `_` only, starting with a letter or digit, at most {max} characters: e.g. `{suggestion}`",
            "tulis id hanya dengan huruf kecil a–z, angka, `-` dan `_`, diawali huruf atau angka, paling banyak {max} karakter: misalnya `{suggestion}`"
        ))
        .hint(msg!(
            "then change every file that refers to it, including file and folder names",
            "lalu ubah setiap berkas yang merujuknya, termasuk nama berkas dan folder"
        )),
    );
}
