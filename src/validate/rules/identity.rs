//! The rules of identity: what names a thing and what refers to it. Ids
//! that name nothing (E011–E016), files whose name disagrees with what they
//! hold (E017, E018), ids that cannot be file names (E019), numbers used
//! twice (E022) — and the ids used twice (E010, whose home is
//! `load::rules`: this file holds `validate`'s checks of it).
//!
//! One unit: every reference between files is checked in one walk over the
//! files that make them, and each of the family's ten codes keeps its
//! documentation in both languages beside its constructor.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic, Location, RuleDoc, Words};
use crate::load::rules::{Duplicated, FirstUse, duplicate};
use crate::model::id;
use crate::{msg, path};

use super::super::Context;
use super::suggest;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E011, E012, E013, E014, E015, E016, E017, E018, E019, E022];

/// Checks every id the workspace declares, and every id it refers to.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    invalid_ids(cx);
    manifest(cx);
    rubrics(cx);
    commitments(cx);
    institutions(cx);
    assessments(cx);
    reviews(cx);
}

// ── E011 unknown-institution ─────────────────────────────────────────────

/// E011 `unknown-institution`: what it checks, why, and how to fix it.
pub const E011: RuleDoc = RuleDoc {
    code: Code::UnknownInstitution,
    home: module_path!(),
    summary: Words::new(
        "An institution id that has no file under `institutions/`.",
        "Id institusi yang tidak memiliki berkas di `institutions/`.",
    ),
    what: Words::new(
        "An institution id (in a commitment's `lead` or `supporting`, an assessment's `institution`, or a review's `institutions`) that has no file `institutions/<id>.yaml`.",
        "Id institusi (pada `lead` atau `supporting` komitmen, `institution` penilaian, atau `institutions` tinjauan) yang tidak memiliki berkas `institutions/<id>.yaml`.",
    ),
    why: Words::new(
        "A reference to an institution that does not exist leaves a commitment without its lead, or an assessment without its owner: its scores count for no one.",
        "Rujukan ke institusi yang tidak ada membuat komitmen kehilangan penanggung jawabnya, atau penilaian kehilangan pemiliknya: skornya tidak dihitung untuk siapa pun.",
    ),
    fix: Words::new(
        "Correct the id to one of the files under `institutions/` (the hint suggests the closest), or add the missing institution file.",
        "Perbaiki id agar sesuai dengan salah satu berkas di folder `institutions/` (petunjuk menyarankan yang paling mirip), atau tambahkan berkas institusi yang belum ada.",
    ),
};

/// E011: `id` names no institution; `known` are the ones there are.
pub fn unknown_institution<'a>(id: &str, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    let d =
        Diagnostic::new(Code::UnknownInstitution, msg!("unknown institution `{id}`", "institusi `{id}` tidak dikenal"))
            .label(msg!("no file institutions/{id}.yaml", "tidak ada berkas institutions/{id}.yaml"));
    suggest(d, id, known)
}

/// E011 at `at()` unless `id` names an institution (or a file for it
/// exists, even one that does not load: its own diagnostic says why).
/// Locations are worked out only for a problem: one needs the file's
/// location index, which `load` builds only when it is asked for.
fn institution(cx: &mut Context<'_>, id: &str, at: impl FnOnce() -> Location) {
    if !cx.knows_institution(id) {
        let d = unknown_institution(id, cx.institutions.keys().copied());
        cx.push(d.at(at()));
    }
}

// ── E012 unknown-commitment ──────────────────────────────────────────────

/// E012 `unknown-commitment`: what it checks, why, and how to fix it.
pub const E012: RuleDoc = RuleDoc {
    code: Code::UnknownCommitment,
    home: module_path!(),
    summary: Words::new(
        "A commitment id that has no file under `commitments/`.",
        "Id komitmen yang tidak memiliki berkas di `commitments/`.",
    ),
    what: Words::new(
        "A commitment id (in a working group's `commitments`, or under `commitments` in an assessment or review) that has no file `commitments/<id>.yaml`.",
        "Id komitmen (pada `commitments` kelompok kerja, atau di bawah `commitments` pada penilaian atau tinjauan) yang tidak memiliki berkas `commitments/<id>.yaml`.",
    ),
    why: Words::new(
        "Progress or a review reported for a commitment that does not exist counts toward nothing and never appears in a report.",
        "Capaian atau tinjauan untuk komitmen yang tidak ada tidak dihitung ke mana pun dan tidak pernah tampil di laporan.",
    ),
    fix: Words::new(
        "Correct the id to one of the files under `commitments/` (the hint suggests the closest), or add the missing commitment file.",
        "Perbaiki id agar sesuai dengan salah satu berkas di folder `commitments/` (petunjuk menyarankan yang paling mirip), atau tambahkan berkas komitmen yang belum ada.",
    ),
};

/// E012: `id` names no commitment; `known` are the ones there are.
pub fn unknown_commitment<'a>(id: &str, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    let d =
        Diagnostic::new(Code::UnknownCommitment, msg!("unknown commitment `{id}`", "komitmen `{id}` tidak dikenal"))
            .label(msg!("no file commitments/{id}.yaml", "tidak ada berkas commitments/{id}.yaml"));
    suggest(d, id, known)
}

/// E012 at `at()` unless `id` names a commitment (or a file for it).
fn commitment(cx: &mut Context<'_>, id: &str, at: impl FnOnce() -> Location) {
    if !cx.knows_commitment(id) {
        let d = unknown_commitment(id, cx.commitments.keys().copied());
        cx.push(d.at(at()));
    }
}

// ── E013 unknown-milestone ───────────────────────────────────────────────

/// E013 `unknown-milestone`: what it checks, why, and how to fix it.
pub const E013: RuleDoc = RuleDoc {
    code: Code::UnknownMilestone,
    home: module_path!(),
    summary: Words::new(
        "A milestone id that the commitment does not have.",
        "Id tonggak capaian yang tidak dimiliki komitmennya.",
    ),
    what: Words::new(
        "Progress in an assessment, under `commitments:` and a commitment id, for a milestone id that the commitment's `milestones` list does not have.",
        "Capaian dalam penilaian, di bawah `commitments:` dan id sebuah komitmen, untuk id tonggak capaian yang tidak ada dalam daftar `milestones` komitmen tersebut.",
    ),
    why: Words::new(
        "Progress on a milestone the commitment does not list cannot count toward its completion, so the work reported would be lost.",
        "Capaian pada tonggak capaian yang tidak tercantum di komitmennya tidak dapat dihitung dalam penyelesaiannya, sehingga pekerjaan yang dilaporkan akan hilang.",
    ),
    fix: Words::new(
        "Correct the milestone id to one listed in `commitments/<id>.yaml` (the hint shows the known ids), or add the milestone to that file's `milestones`.",
        "Perbaiki id tonggak capaian agar sesuai dengan yang tercantum di `commitments/<id>.yaml` (petunjuk menampilkan id yang dikenal), atau tambahkan tonggak capaian tersebut ke `milestones` pada berkas itu.",
    ),
};

/// E013: the commitment `commitment` has no milestone `milestone`; `known`
/// are the ones it has.
pub fn unknown_milestone<'a>(
    commitment: &str,
    milestone: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let (cid, mid) = (commitment, milestone);
    let d = Diagnostic::new(
        Code::UnknownMilestone,
        msg!(
            "the commitment `{cid}` has no milestone `{mid}`",
            "komitmen `{cid}` tidak memiliki tonggak capaian `{mid}`"
        ),
    )
    .label(msg!("unknown milestone", "tonggak capaian tidak dikenal"));
    suggest(d, mid, known)
}

// ── E014 unknown-point ───────────────────────────────────────────────────

/// E014 `unknown-point`: what it checks, why, and how to fix it.
pub const E014: RuleDoc = RuleDoc {
    code: Code::UnknownPoint,
    home: module_path!(),
    summary: Words::new(
        "A rubric point id that the rubric does not have.",
        "Id poin rubrik yang tidak dimiliki rubrik.",
    ),
    what: Words::new(
        "A rubric point id (under `points` in an assessment, under an institution in a review, or in a point's `requires`) that the rubric does not have.",
        "Id poin rubrik (di bawah `points` pada penilaian, di bawah sebuah institusi pada tinjauan, atau pada `requires` sebuah poin) yang tidak ada dalam rubrik.",
    ),
    why: Words::new(
        "A level claimed for a point the rubric does not have is never scored: the claim would vanish from the index without notice.",
        "Tingkat yang diklaim untuk poin yang tidak ada dalam rubrik tidak pernah dihitung: klaim itu hilang dari indeks tanpa pemberitahuan.",
    ),
    fix: Words::new(
        "Correct the id to one of the point ids in the rubric file under `rubrics/` (the hint suggests the closest).",
        "Perbaiki id agar sesuai dengan salah satu id poin dalam berkas rubrik di folder `rubrics/` (petunjuk menyarankan yang paling mirip).",
    ),
};

/// Where a point id that the rubric does not have is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointRef {
    /// Under `points` of an assessment, or under an institution of a
    /// review: a claim or a reviewer's level.
    Assessed,
    /// In a point's `requires`, in the rubric itself.
    Required,
}

/// E014: `id` is not a point of the rubric, whose points are `known`.
pub fn unknown_point<'a>(id: &str, place: PointRef, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    let d = match place {
        PointRef::Assessed => {
            Diagnostic::new(Code::UnknownPoint, msg!("unknown rubric point `{id}`", "poin rubrik `{id}` tidak dikenal"))
                .label(msg!("not a point of the rubric", "bukan poin dalam rubrik"))
        }
        PointRef::Required => {
            Diagnostic::new(Code::UnknownPoint, msg!("unknown point `{id}`", "poin `{id}` tidak dikenal"))
                .label(msg!("not a point of this rubric", "bukan poin dalam rubrik ini"))
        }
    };
    suggest(d, id, known)
}

// ── E015 unknown-period ──────────────────────────────────────────────────

/// E015 `unknown-period`: what it checks, why, and how to fix it.
pub const E015: RuleDoc = RuleDoc {
    code: Code::UnknownPeriod,
    home: module_path!(),
    summary: Words::new(
        "A period id that `terbuka.yaml` does not list.",
        "Id periode yang tidak tercantum di `terbuka.yaml`.",
    ),
    what: Words::new(
        "A period id in an assessment's or review's `period` that is not listed under `periods` in `terbuka.yaml`.",
        "Id periode pada `period` penilaian atau tinjauan yang tidak tercantum di `periods` pada `terbuka.yaml`.",
    ),
    why: Words::new(
        "Scores, comparisons and reports go period by period, by the periods `terbuka.yaml` lists: a file for any other period would be left out of all of them.",
        "Skor, perbandingan, dan laporan disusun per periode, menurut periode yang tercantum di `terbuka.yaml`: berkas untuk periode lain akan tertinggal dari semuanya.",
    ),
    fix: Words::new(
        "Correct the id to one listed under `periods` (the hint suggests the closest), or add the period to `terbuka.yaml` with its `id`, `label`, `start` and `end`.",
        "Perbaiki id agar sesuai dengan salah satu yang tercantum di `periods` (petunjuk menyarankan yang paling mirip), atau tambahkan periode tersebut ke `terbuka.yaml` beserta `id`, `label`, `start`, dan `end`.",
    ),
};

/// E015: `id` is not a period `terbuka.yaml` lists; `known` are the ones
/// it lists.
pub fn unknown_period<'a>(id: &str, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    let d = Diagnostic::new(Code::UnknownPeriod, msg!("unknown period `{id}`", "periode `{id}` tidak dikenal"))
        .label(msg!("not listed under `periods` in terbuka.yaml", "tidak tercantum di `periods` pada terbuka.yaml"));
    suggest(d, id, known)
}

/// E015 at `at()` unless `id` is a period; whether it is.
fn period(cx: &mut Context<'_>, id: &str, at: impl FnOnce() -> Location) -> bool {
    if cx.knows_period(id) {
        return true;
    }
    let d = unknown_period(id, cx.periods.keys().copied());
    cx.push(d.at(at()));
    false
}

// ── E016 unknown-rubric ──────────────────────────────────────────────────

/// E016 `unknown-rubric`: what it checks, why, and how to fix it.
pub const E016: RuleDoc = RuleDoc {
    code: Code::UnknownRubric,
    home: module_path!(),
    summary: Words::new(
        "The rubric named in `terbuka.yaml` has no file under `rubrics/`.",
        "Rubrik yang disebut di `terbuka.yaml` tidak memiliki berkas di `rubrics/`.",
    ),
    what: Words::new(
        "The `rubric` key in `terbuka.yaml` names a rubric that has no file `rubrics/<id>.yaml`.",
        "Kunci `rubric` di `terbuka.yaml` menyebut rubrik yang tidak memiliki berkas `rubrics/<id>.yaml`.",
    ),
    why: Words::new(
        "Every level is scored on the rubric's scale and points: without the rubric, no assessment can be scored.",
        "Setiap tingkat dihitung pada skala dan poin rubrik: tanpa rubrik, tidak ada penilaian yang dapat dihitung.",
    ),
    fix: Words::new(
        "Correct `rubric:` to the id of a file under `rubrics/` (the hint suggests the closest), or add the rubric file.",
        "Perbaiki `rubric:` agar sesuai dengan id salah satu berkas di folder `rubrics/` (petunjuk menyarankan yang paling mirip), atau tambahkan berkas rubriknya.",
    ),
};

/// E016: `terbuka.yaml` names the rubric `id`, which has no file; `known`
/// are the rubrics there are.
pub fn unknown_rubric<'a>(id: &str, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    let d = Diagnostic::new(Code::UnknownRubric, msg!("unknown rubric `{id}`", "rubrik `{id}` tidak dikenal"))
        .label(msg!("no file rubrics/{id}.yaml", "tidak ada berkas rubrics/{id}.yaml"));
    suggest(d, id, known)
}

// ── E017 id-mismatch ─────────────────────────────────────────────────────

/// E017 `id-mismatch`: what it checks, why, and how to fix it.
pub const E017: RuleDoc = RuleDoc {
    code: Code::IdMismatch,
    home: module_path!(),
    summary: Words::new(
        "A file's name disagrees with the id it declares.",
        "Nama berkas tidak sesuai dengan id yang dinyatakannya.",
    ),
    what: Words::new(
        "The `id` inside an institution, commitment or rubric file differs from the file's name, or a review's `period` differs from its file name.",
        "`id` di dalam berkas institusi, komitmen, atau rubrik berbeda dengan nama berkasnya, atau `period` sebuah tinjauan berbeda dengan nama berkasnya.",
    ),
    why: Words::new(
        "terbuka and the people who use it find a file by its name (`institutions/<id>.yaml`); when the name and the id differ, the two ways of finding it lead to different places.",
        "terbuka dan para penggunanya menemukan berkas dari namanya (`institutions/<id>.yaml`); bila nama dan id berbeda, kedua cara itu menuju tempat yang berbeda.",
    ),
    fix: Words::new(
        "Make the two agree: rename the file to `<id>.yaml`, or change `id` (in a review, `period`) to the file's name. If you change an id, update the files that refer to it.",
        "Samakan keduanya: ganti nama berkas menjadi `<id>.yaml`, atau ubah `id` (pada tinjauan, `period`) sesuai nama berkas. Bila Anda mengubah id, sesuaikan juga berkas yang merujuknya.",
    ),
};

/// What disagrees with a file's name.
#[derive(Debug, Clone, Copy)]
pub enum Mismatch<'a> {
    /// The `id` of a file in the folder `dir` (`institutions`,
    /// `commitments`, `rubrics`), whose name is `stem.yaml`.
    Id { id: &'a str, stem: &'a str, dir: &'a str },
    /// The `period` of a review whose file is `stem.yaml`.
    ReviewPeriod { period: &'a str, stem: &'a str },
}

/// E017: a file's name disagrees with what it declares.
pub fn id_mismatch(mismatch: Mismatch<'_>) -> Diagnostic {
    match mismatch {
        Mismatch::Id { id, stem, dir } => Diagnostic::new(
            Code::IdMismatch,
            msg!(
                "the id `{id}` does not match the file name `{stem}.yaml`",
                "id `{id}` tidak sesuai dengan nama berkas `{stem}.yaml`"
            ),
        )
        .hint(if id::is_valid(id) {
            msg!(
                "rename the file to `{dir}/{id}.yaml`, or write `id: {stem}`",
                "ganti nama berkas menjadi `{dir}/{id}.yaml`, atau tulis `id: {stem}`"
            )
        } else {
            // Not a name a file could have (E019 says why).
            msg!("write `id: {stem}`", "tulis `id: {stem}`")
        }),
        Mismatch::ReviewPeriod { period, stem } => Diagnostic::new(
            Code::IdMismatch,
            msg!(
                "this review is for `{period}` but the file is named `{stem}.yaml`",
                "tinjauan ini untuk `{period}` tetapi nama berkasnya `{stem}.yaml`"
            ),
        )
        .hint(msg!("rename the file to reviews/{period}.yaml", "ganti nama berkas menjadi reviews/{period}.yaml")),
    }
}

// ── E018 wrong-directory ─────────────────────────────────────────────────

/// E018 `wrong-directory`: what it checks, why, and how to fix it.
pub const E018: RuleDoc = RuleDoc {
    code: Code::WrongDirectory,
    home: module_path!(),
    summary: Words::new(
        "An assessment's directory or file name disagrees with its `period` or `institution`.",
        "Folder atau nama berkas penilaian tidak sesuai dengan `period` atau `institution`-nya.",
    ),
    what: Words::new(
        "An assessment that is not at `assessments/<period>/<institution>.yaml`: its folder differs from its `period`, or its file name from its `institution`.",
        "Penilaian yang tidak berada di `assessments/<periode>/<institusi>.yaml`: foldernya berbeda dengan `period`, atau nama berkasnya berbeda dengan `institution`.",
    ),
    why: Words::new(
        "Each institution fills in only its own file, one per period, and that place is how readers (and `terbuka new assessment`) find it: a file elsewhere looks like another institution's or another period's.",
        "Setiap institusi hanya mengisi berkasnya sendiri, satu per periode, dan dari tempat itulah pembaca (dan `terbuka new assessment`) menemukannya: berkas di tempat lain tampak seperti milik institusi atau periode lain.",
    ),
    fix: Words::new(
        "Move or rename the file to the path the hint gives, or correct `period` or `institution` inside it if that value is wrong. Each institution fills in only its own file.",
        "Pindahkan atau ganti nama berkas sesuai jalur di petunjuk, atau perbaiki `period` atau `institution` di dalamnya bila nilai itu yang salah. Setiap institusi hanya mengisi berkasnya sendiri.",
    ),
};

/// Where an assessment is, against where it belongs.
#[derive(Debug, Clone, Copy)]
pub enum Misplaced<'a> {
    /// For `institution`, in a file named `stem.yaml`.
    FileName { institution: &'a str, stem: &'a str, period: &'a str },
    /// For `period`, in the folder `folder`.
    Folder { period: &'a str, folder: &'a str, institution: &'a str },
}

/// E018: an assessment that is not at
/// `assessments/<period>/<institution>.yaml`.
pub fn wrong_directory(misplaced: Misplaced<'_>) -> Diagnostic {
    match misplaced {
        Misplaced::FileName { institution: inst, stem, period } => Diagnostic::new(
            Code::WrongDirectory,
            msg!(
                "this assessment is for `{inst}` but the file is named `{stem}.yaml`",
                "penilaian ini untuk `{inst}` tetapi nama berkasnya `{stem}.yaml`"
            ),
        )
        .hint(msg!(
            "an institution assesses only its own file: assessments/{period}/{inst}.yaml",
            "setiap institusi hanya mengisi berkasnya sendiri: assessments/{period}/{inst}.yaml"
        )),
        Misplaced::Folder { period, folder: dir, institution: inst } => Diagnostic::new(
            Code::WrongDirectory,
            msg!(
                "this assessment is for `{period}` but it is in the folder `{dir}`",
                "penilaian ini untuk `{period}` tetapi berada di folder `{dir}`"
            ),
        )
        .hint(msg!("move it to assessments/{period}/{inst}.yaml", "pindahkan ke assessments/{period}/{inst}.yaml")),
    }
}

// ── E019 invalid-id ──────────────────────────────────────────────────────

/// E019 `invalid-id`: what it checks, why, and how to fix it.
pub const E019: RuleDoc = RuleDoc {
    code: Code::InvalidId,
    home: module_path!(),
    summary: Words::new(
        "An id that is not lower-case letters, digits, `-` and `_` (at most 64, starting with a letter or digit): ids become file and folder names.",
        "Id yang tidak ditulis hanya dengan huruf kecil, angka, `-` dan `_` (paling banyak 64, diawali huruf atau angka): id menjadi nama berkas dan folder.",
    ),
    what: Words::new(
        "An id (of a period, institution, commitment, milestone, rubric point, working group, the rubric, the jurisdiction or the action plan) that is not written with lower-case letters `a`–`z`, digits, `-` and `_` only, starting with a letter or digit, at most 64 characters. Ids become the names of files and folders (`assessments/<period>/<institution>.yaml`, `out/report-<period>-id.pdf`), so an id such as `../../x` or `Dinas Kesehatan` could place a file outside its folder or clash on another computer.",
        "Id (periode, institusi, komitmen, tonggak, poin rubrik, kelompok kerja, rubrik, daerah, atau rencana aksi) yang tidak ditulis hanya dengan huruf kecil `a`–`z`, angka, `-` dan `_`, diawali huruf atau angka, paling banyak 64 karakter. Id menjadi nama berkas dan folder (`assessments/<periode>/<institusi>.yaml`, `out/report-<periode>-id.pdf`), sehingga id seperti `../../x` atau `Dinas Kesehatan` dapat menaruh berkas di luar foldernya atau bentrok di komputer lain.",
    ),
    why: Words::new(
        "Ids become file and folder names and parts of the site's links: an id with spaces, capitals or `/` could clash on another computer, break a link, or place a file outside its folder.",
        "Id menjadi nama berkas dan folder serta bagian tautan situs: id yang memuat spasi, huruf besar, atau `/` dapat bentrok di komputer lain, merusak tautan, atau menaruh berkas di luar foldernya.",
    ),
    fix: Words::new(
        "Rewrite the id as the hint suggests (e.g. `dinas-kesehatan`), and change every file that refers to it, including file and folder names.",
        "Tulis ulang id seperti yang disarankan (misalnya `dinas-kesehatan`), dan ubah setiap berkas yang merujuknya, termasuk nama berkas dan folder.",
    ),
};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOf {
    Jurisdiction,
    ActionPlan,
    Rubric,
    Period,
    Point,
    Commitment,
    Milestone,
    Institution,
    WorkingGroup,
}

impl IdOf {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            IdOf::Jurisdiction => ("jurisdiction", "daerah"),
            IdOf::ActionPlan => ("action plan", "rencana aksi"),
            IdOf::Rubric => ("rubric", "rubrik"),
            IdOf::Period => ("period", "periode"),
            IdOf::Point => ("rubric point", "poin rubrik"),
            IdOf::Commitment => ("commitment", "komitmen"),
            IdOf::Milestone => ("milestone", "tonggak"),
            IdOf::Institution => ("institution", "institusi"),
            IdOf::WorkingGroup => ("working group", "kelompok kerja"),
        }
    }
}

/// E019: `value`, the id of a `what`, is not a valid id.
pub fn invalid_id(what: IdOf, value: &str) -> Diagnostic {
    let (what_en, what_id) = what.words();
    let shown = value.escape_debug().to_string();
    let suggestion = id::suggest(value);
    let max = id::MAX_LEN;
    Diagnostic::new(Code::InvalidId, msg!("the {what_en} id `{shown}` is not a valid id", "id {what_id} `{shown}` tidak sah"))
        .label(msg!("ids become file and folder names", "id menjadi nama berkas dan folder"))
        .hint(msg!(
            "write ids with lower-case letters a–z, digits, `-` and `_` only, starting with a letter or digit, at most {max} characters: e.g. `{suggestion}`",
            "tulis id hanya dengan huruf kecil a–z, angka, `-` dan `_`, diawali huruf atau angka, paling banyak {max} karakter: misalnya `{suggestion}`"
        ))
        .hint(msg!(
            "then change every file that refers to it, including file and folder names",
            "lalu ubah setiap berkas yang merujuknya, termasuk nama berkas dan folder"
        ))
}

/// E019 on every id a workspace declares — periods, institutions,
/// commitments, milestones, rubric points, working groups, the rubric, the
/// jurisdiction and the action plan — because ids become file and folder
/// names.
fn invalid_ids(cx: &mut Context<'_>) {
    let mut found = Vec::new();
    let mut one = |what: IdOf, value: &str, at: &dyn Fn() -> Location| {
        if !id::is_valid(value) {
            found.push(invalid_id(what, value).at(at()));
        }
    };
    if let Some(doc) = &cx.ws.manifest {
        let m = &doc.value;
        one(IdOf::Jurisdiction, &m.jurisdiction.id, &|| doc.at(path!["jurisdiction", "id"]));
        one(IdOf::ActionPlan, &m.action_plan.id, &|| doc.at(path!["action-plan", "id"]));
        one(IdOf::Rubric, &m.rubric, &|| doc.at(path!["rubric"]));
        for (i, p) in m.periods.iter().enumerate() {
            one(IdOf::Period, &p.id, &|| doc.at(path!["periods", i, "id"]));
        }
    }
    for doc in &cx.ws.rubrics {
        one(IdOf::Rubric, &doc.value.id, &|| doc.at(path!["id"]));
        for (i, p) in doc.value.points.iter().enumerate() {
            one(IdOf::Point, &p.id, &|| doc.at(path!["points", i, "id"]));
        }
    }
    for doc in &cx.ws.commitments {
        one(IdOf::Commitment, &doc.value.id, &|| doc.at(path!["id"]));
        for (i, m) in doc.value.milestones.iter().enumerate() {
            one(IdOf::Milestone, &m.id, &|| doc.at(path!["milestones", i, "id"]));
        }
    }
    for doc in &cx.ws.institutions {
        one(IdOf::Institution, &doc.value.id, &|| doc.at(path!["id"]));
        for (i, g) in doc.value.working_groups.iter().enumerate() {
            one(IdOf::WorkingGroup, &g.id, &|| doc.at(path!["working-groups", i, "id"]));
        }
    }
    cx.out.extend(found);
}

// ── E022 duplicate-number ────────────────────────────────────────────────

/// E022 `duplicate-number`: what it checks, why, and how to fix it.
pub const E022: RuleDoc = RuleDoc {
    code: Code::DuplicateNumber,
    home: module_path!(),
    summary: Words::new(
        "Two rubric points or commitments share a number.",
        "Dua poin rubrik atau dua komitmen memakai nomor yang sama.",
    ),
    what: Words::new(
        "Two rubric points, or two commitments, share a `number`.",
        "Dua poin rubrik, atau dua komitmen, memakai `number` yang sama.",
    ),
    why: Words::new(
        "Reports list points and commitments by number, as the action plan does: two with one number cannot be told apart in tables and charts.",
        "Laporan mencantumkan poin dan komitmen menurut nomornya, seperti rencana aksi: dua hal dengan nomor yang sama tidak dapat dibedakan dalam tabel dan grafik.",
    ),
    fix: Words::new(
        "Give one of them an unused `number` (the hint names the one that already has it). For commitments, use the numbering of the action plan.",
        "Beri salah satunya `number` yang belum dipakai (petunjuk menyebut mana yang sudah memakainya). Untuk komitmen, gunakan penomoran dalam rencana aksi.",
    ),
};

/// What a number numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    /// A commitment (as the action plan numbers it).
    Commitment,
    /// A rubric point.
    Point,
}

/// E022: the number `n` of a `what` is used twice; `first` is the id of
/// the one that has it already.
pub fn duplicate_number(what: Numbered, n: u32, first: &str) -> Diagnostic {
    let message = match what {
        Numbered::Commitment => msg!("the commitment number {n} is used twice", "nomor komitmen {n} dipakai dua kali"),
        Numbered::Point => msg!("the point number {n} is used twice", "nomor poin {n} dipakai dua kali"),
    };
    Diagnostic::new(Code::DuplicateNumber, message)
        .hint(msg!("`{first}` already has number {n}", "`{first}` sudah bernomor {n}"))
}

// ── The checks, by the file they read ────────────────────────────────────

/// `terbuka.yaml`: the rubric it names (E016), its periods and clusters
/// used twice (E010).
fn manifest(cx: &mut Context<'_>) {
    let Some(doc) = cx.ws.manifest.as_ref() else { return };
    let m = &doc.value;
    let mut seen = BTreeMap::new();
    for (i, period) in m.periods.iter().enumerate() {
        if let Some(first) = seen.insert(period.id.as_str(), i) {
            let line = cx.line_of(&doc.at(path!["periods", first, "id"]));
            let d = duplicate(Duplicated::Period, &period.id, line.map(FirstUse::Line));
            cx.push(d.at(doc.at(path!["periods", i, "id"])));
        }
    }
    let clusters = m.action_plan.clusters.iter().map(|c| c.id.as_str()).collect::<Vec<_>>();
    for (i, id) in clusters.iter().enumerate() {
        if let Some(first) = clusters[..i].iter().position(|c| c == id) {
            let line = cx.line_of(&doc.at(path!["action-plan", "clusters", first, "id"]));
            let d = duplicate(Duplicated::Cluster, id, line.map(FirstUse::Line));
            cx.push(d.at(doc.at(path!["action-plan", "clusters", i, "id"])));
        }
    }
    // A rubric file that exists but does not load has its own diagnostic.
    if cx.rubric.is_none() && !cx.has_file(&format!("rubrics/{}.yaml", m.rubric)) {
        let known = cx.ws.rubrics.iter().map(|r| r.value.id.as_str()).collect::<Vec<_>>();
        cx.push(unknown_rubric(&m.rubric, known.iter().copied()).at(doc.at(path!["rubric"])));
    }
}

/// Every rubric's file name (E017); the workspace's rubric: its levels and
/// point ids used twice (E010), point numbers used twice (E022), `requires`
/// naming no point (E014).
fn rubrics(cx: &mut Context<'_>) {
    for doc in &cx.ws.rubrics {
        if doc.stem() != doc.value.id {
            let d = id_mismatch(Mismatch::Id { id: &doc.value.id, stem: doc.stem(), dir: "rubrics" });
            cx.push(d.at(doc.at(path!["id"])));
        }
    }
    let Some(doc) = cx.rubric else { return };
    let r = &doc.value;
    let mut levels = BTreeMap::new();
    for (i, s) in r.scale.iter().enumerate() {
        if let Some(first) = levels.insert(s.level, i) {
            let line = cx.line_of(&doc.at(path!["scale", first, "level"]));
            let d = duplicate(Duplicated::Level, &s.level.to_string(), line.map(FirstUse::Line));
            cx.push(d.at(doc.at(path!["scale", i, "level"])));
        }
    }
    let mut ids = BTreeMap::new();
    let mut numbers = BTreeMap::new();
    for (i, p) in r.points.iter().enumerate() {
        if let Some(first) = ids.insert(p.id.as_str(), i) {
            let line = cx.line_of(&doc.at(path!["points", first, "id"]));
            let d = duplicate(Duplicated::Point, &p.id, line.map(FirstUse::Line));
            cx.push(d.at(doc.at(path!["points", i, "id"])));
        }
        if let Some(first) = numbers.insert(p.number, i) {
            let d = duplicate_number(Numbered::Point, p.number, &r.points[first].id);
            cx.push(d.at(doc.at(path!["points", i, "number"])));
        }
    }
    for (i, p) in r.points.iter().enumerate() {
        for (j, req) in p.requires.iter().enumerate() {
            if !ids.contains_key(req.as_str()) {
                let d = unknown_point(req, PointRef::Required, ids.keys().copied());
                cx.push(d.at(doc.at(path!["points", i, "requires", j])));
            }
        }
    }
}

/// Commitments: file name (E017), ids and numbers used twice (E010, E022),
/// lead and supporting institutions (E011), milestone ids used twice
/// (E010).
fn commitments(cx: &mut Context<'_>) {
    let mut ids = BTreeMap::new();
    let mut numbers = BTreeMap::new();
    for doc in &cx.ws.commitments {
        let c = &doc.value;
        if doc.stem() != c.id {
            let d = id_mismatch(Mismatch::Id { id: &c.id, stem: doc.stem(), dir: "commitments" });
            cx.push(d.at(doc.at(path!["id"])));
        }
        if let Some(first) = ids.insert(c.id.as_str(), doc.file.clone()) {
            let d = duplicate(Duplicated::Commitment, &c.id, Some(FirstUse::File(first.to_string())));
            cx.push(d.at(doc.at(path!["id"])));
        }
        if let Some(first) = numbers.insert(c.number, c.id.as_str()) {
            cx.push(duplicate_number(Numbered::Commitment, c.number, first).at(doc.at(path!["number"])));
        }
        institution(cx, &c.lead, || doc.at(path!["lead"]));
        for (i, s) in c.supporting.iter().enumerate() {
            institution(cx, s, || doc.at(path!["supporting", i]));
        }
        let mut milestones = BTreeMap::new();
        for (i, m) in c.milestones.iter().enumerate() {
            if let Some(first) = milestones.insert(m.id.as_str(), i) {
                let line = cx.line_of(&doc.at(path!["milestones", first, "id"]));
                let d = duplicate(Duplicated::Milestone, &m.id, line.map(FirstUse::Line));
                cx.push(d.at(doc.at(path!["milestones", i, "id"])));
            }
        }
    }
}

/// Institutions: file name (E017), ids used twice (E010), working groups:
/// their ids used twice (E010) and the commitments they name (E012).
fn institutions(cx: &mut Context<'_>) {
    let mut ids = BTreeMap::new();
    for doc in &cx.ws.institutions {
        let inst = &doc.value;
        if doc.stem() != inst.id {
            let d = id_mismatch(Mismatch::Id { id: &inst.id, stem: doc.stem(), dir: "institutions" });
            cx.push(d.at(doc.at(path!["id"])));
        }
        if let Some(first) = ids.insert(inst.id.as_str(), doc.file.clone()) {
            let d = duplicate(Duplicated::Institution, &inst.id, Some(FirstUse::File(first.to_string())));
            cx.push(d.at(doc.at(path!["id"])));
        }
        let mut groups = BTreeMap::new();
        for (i, group) in inst.working_groups.iter().enumerate() {
            if let Some(first) = groups.insert(group.id.as_str(), i) {
                let line = cx.line_of(&doc.at(path!["working-groups", first, "id"]));
                let d = duplicate(Duplicated::WorkingGroup, &group.id, line.map(FirstUse::Line));
                cx.push(d.at(doc.at(path!["working-groups", i, "id"])));
            }
            for (j, c) in group.commitments.iter().enumerate() {
                commitment(cx, c, || doc.at(path!["working-groups", i, "commitments", j]));
            }
        }
    }
}

/// Assessments: the institution and period they are for (E011, E015) and
/// where the file is (E018), the points they claim (E014), the commitments
/// and milestones they report on (E012, E013).
fn assessments(cx: &mut Context<'_>) {
    let rubric = cx.rubric;
    for doc in &cx.ws.assessments {
        let a = &doc.value;
        let known_inst = cx.knows_institution(&a.institution);
        institution(cx, &a.institution, || doc.at(path!["institution"]));
        let known_period = period(cx, &a.period, || doc.at(path!["period"]));
        if known_inst && doc.stem() != a.institution {
            let d = wrong_directory(Misplaced::FileName {
                institution: &a.institution,
                stem: doc.stem(),
                period: &a.period,
            });
            cx.push(d.at(doc.at(path!["institution"])));
        }
        if known_period && doc.parent_dir() != a.period {
            let folder = doc.parent_dir();
            let d = wrong_directory(Misplaced::Folder { period: &a.period, folder, institution: &a.institution });
            cx.push(d.at(doc.at(path!["period"])));
        }
        if let Some(rubric) = rubric {
            let points = &rubric.value.points;
            for id in a.points.keys().filter(|id| !points.iter().any(|q| &q.id == *id)) {
                let d = unknown_point(id, PointRef::Assessed, points.iter().map(|q| q.id.as_str()));
                cx.push(d.at(doc.key_at(path!["points", id])));
            }
        }
        for (cid, milestones) in &a.commitments {
            commitment(cx, cid, || doc.key_at(path!["commitments", cid]));
            let Some(c) = cx.commitments.get(cid.as_str()).copied() else { continue };
            for mid in milestones.keys().filter(|mid| !c.value.milestones.iter().any(|m| &m.id == *mid)) {
                let d = unknown_milestone(cid, mid, c.value.milestones.iter().map(|m| m.id.as_str()));
                cx.push(d.at(doc.key_at(path!["commitments", cid, mid])));
            }
        }
    }
}

/// Reviews: the period (E015) and the file's name (E017), the commitments,
/// institutions and points they name (E012, E011, E014).
fn reviews(cx: &mut Context<'_>) {
    let rubric = cx.rubric;
    for doc in &cx.ws.reviews {
        let r = &doc.value;
        if period(cx, &r.period, || doc.at(path!["period"])) && doc.stem() != r.period {
            let d = id_mismatch(Mismatch::ReviewPeriod { period: &r.period, stem: doc.stem() });
            cx.push(d.at(doc.at(path!["period"])));
        }
        for cid in r.commitments.keys() {
            commitment(cx, cid, || doc.key_at(path!["commitments", cid]));
        }
        for (iid, points) in &r.institutions {
            institution(cx, iid, || doc.key_at(path!["institutions", iid]));
            let Some(rubric) = rubric else { continue };
            let known = &rubric.value.points;
            for pid in points.keys().filter(|pid| !known.iter().any(|q| &q.id == *pid)) {
                let d = unknown_point(pid, PointRef::Assessed, known.iter().map(|q| q.id.as_str()));
                cx.push(d.at(doc.key_at(path!["institutions", iid, pid])));
            }
        }
    }
}
