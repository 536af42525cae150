//! The rules of cited evidence: a file that is not there (E032), a path
//! that leads outside the workspace or cannot be used (E033), an item that
//! is not one file or one address (E035), and the seal of `evidence.lock`
//! (E036, W007). An item's address is checked by `addresses` (E034).
//!
//! The rules read no file: what is on disk comes from `Facts`, gathered
//! beforehand by `crate::evidence`.

use crate::diag::{Code, Diagnostic, Location, RuleDoc, Words};
use crate::evidence::{
    Differs, InvalidReason, Lookalike, NotAFile, OutsideReason, PathStatus, check_syntax, normal_spelling,
};
use crate::load::{Doc, ItemIds, Seg};
use crate::model::{CoCreationCheck, EvidenceItem, SteeringCommittee};
use crate::{msg, path};

use super::super::Context;
use super::addresses;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E032, E033, E035, E036, W007];

/// Checks every evidence item and decree the workspace cites, and the
/// sealed files nothing cites any more.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    let ws = cx.ws;
    if let Some(doc) = &ws.manifest
        && let Some(sc) = &doc.value.steering_committee
    {
        decree(cx, doc, sc, path!["steering-committee"]);
        for (i, meeting) in sc.meetings.iter().enumerate() {
            if let Some(item) = &meeting.minutes {
                check_item(cx, doc, item, path!["steering-committee", "meetings", i, "minutes"]);
            }
        }
    }
    for doc in &ws.institutions {
        if let Some(sc) = &doc.value.steering_committee {
            decree(cx, doc, sc, path!["steering-committee"]);
        }
    }
    let rubric = cx.rubric;
    for doc in &ws.assessments {
        // Without a rubric (its file has its own diagnostic) every point's
        // evidence is checked; with one, the evidence of its points.
        let known = |id: &str| rubric.is_none_or(|r| r.value.points.iter().any(|q| q.id == id));
        for (id, p) in doc.value.points.iter().filter(|(id, _)| known(id)) {
            for (i, item) in p.evidence.iter().enumerate() {
                check_item(cx, doc, item, path!["points", id, "evidence", i]);
            }
        }
        for (cid, milestones) in &doc.value.commitments {
            if !cx.commitments.contains_key(cid.as_str()) {
                continue;
            }
            for (mid, progress) in milestones {
                for (i, item) in progress.evidence.iter().enumerate() {
                    check_item(cx, doc, item, path!["commitments", cid, mid, "evidence", i]);
                }
            }
        }
    }
    for doc in &ws.reviews {
        for check in CoCreationCheck::ALL {
            let Some(answer) = doc.value.co_creation.get(&check) else { continue };
            for (i, item) in answer.evidence.iter().enumerate() {
                check_item(cx, doc, item, path!["co-creation", check.as_str(), "evidence", i]);
            }
        }
        for (cid, c) in &doc.value.commitments {
            let Some(eoc) = &c.end_of_commitment else { continue };
            for (i, item) in eoc.attachments.iter().enumerate() {
                check_item(cx, doc, item, path!["commitments", cid.as_str(), "end-of-commitment", "attachments", i]);
            }
        }
    }
    uncited_sealed(cx);
}

/// A steering committee's decree, a workspace file.
fn decree<T: ItemIds>(cx: &mut Context<'_>, doc: &Doc<T>, committee: &SteeringCommittee, at: &[Seg]) {
    if let Some(decree) = &committee.decree {
        let mut p = at.to_vec();
        p.push(Seg::from("decree"));
        check_file(cx, decree, || doc.at(&p));
    }
}

/// Checks one evidence item written at `at` (its key path) in `doc`.
fn check_item<T: ItemIds>(cx: &mut Context<'_>, doc: &Doc<T>, item: &EvidenceItem, at: &[Seg]) {
    let child = |key: &str| {
        let mut p = at.to_vec();
        p.push(Seg::from(key));
        p
    };
    match (&item.file, &item.url) {
        (Some(file), None) => check_file(cx, file, || doc.at(&child("file"))),
        (None, Some(url)) => addresses::check_url(cx, url, addresses::Address::Evidence, || doc.at(&child("url"))),
        (Some(_), Some(_)) => cx.push(evidence_shape(Shape::Both).at(doc.key_at(&child("url")))),
        (None, None) => cx.push(evidence_shape(Shape::Neither).at(doc.at(at))),
    }
}

/// Checks a cited workspace path.
fn check_file(cx: &mut Context<'_>, file: &str, at: impl FnOnce() -> Location) {
    let status = cx.facts.paths.get(file).cloned().or_else(|| check_syntax(file).err());
    let d = match status {
        Some(PathStatus::File) => return sealed(cx, file, at),
        None => return,
        Some(PathStatus::Missing(like)) => evidence_missing(file, Absent::Missing(&like)).about_evidence(file),
        Some(PathStatus::NotAFile(what)) => evidence_missing(file, Absent::NotAFile(what)),
        Some(PathStatus::Outside(reason)) => evidence_outside(file, Unusable::Outside(reason)),
        Some(PathStatus::Invalid(reason)) => evidence_outside(file, Unusable::Invalid(reason)),
    };
    cx.push(d.at(at()));
}

// ── E032 evidence-missing ────────────────────────────────────────────────

/// E032 `evidence-missing`: what it checks, why, and how to fix it.
pub const E032: RuleDoc = RuleDoc {
    code: Code::EvidenceMissing,
    home: module_path!(),
    summary: Words::new("An evidence file that does not exist.", "Berkas bukti yang tidak ada."),
    what: Words::new(
        "An evidence `file` (or a steering committee's `decree`) that does not exist at that path in the workspace.",
        "`file` bukti (atau `decree` dewan pengarah) yang tidak ada pada jalur tersebut di dalam ruang kerja.",
    ),
    why: Words::new(
        "A claim rests on its evidence: citing a file that is not there backs nothing, and the site would publish a broken link.",
        "Klaim bertumpu pada buktinya: merujuk berkas yang tidak ada tidak mendukung apa pun, dan situs akan menerbitkan tautan yang rusak.",
    ),
    fix: Words::new(
        "Check the path, written from the workspace root (the folder with `terbuka.yaml`): its spelling, capital letters and file extension (the hint suggests the closest file). Or copy the file to that path.",
        "Periksa jalurnya, yang ditulis dari akar ruang kerja (folder yang berisi `terbuka.yaml`): ejaan, huruf besar-kecil, dan ekstensi berkas (petunjuk menyarankan berkas yang paling mirip). Atau salin berkasnya ke jalur tersebut.",
    ),
};

/// What is at a cited path instead of a file.
#[derive(Debug, Clone)]
pub enum Absent<'a> {
    /// Nothing; what is on disk near it.
    Missing(&'a Lookalike),
    /// Something that is not a file terbuka can read.
    NotAFile(NotAFile),
}

/// E032: the cited `file` is not a file in the workspace.
pub fn evidence_missing(file: &str, absent: Absent<'_>) -> Diagnostic {
    let shown = file.replace('\0', "\\0");
    match absent {
        Absent::Missing(like) => missing(&shown, like),
        Absent::NotAFile(what) => {
            let (en, id) = match what {
                NotAFile::Directory => ("a folder, not a file", "sebuah folder, bukan berkas"),
                NotAFile::Special(kind) => kind.words(),
                NotAFile::LinkLoop => (
                    "a symbolic link in a loop (links that point to each other)",
                    "tautan simbolik yang berputar (tautan yang saling menunjuk)",
                ),
            };
            Diagnostic::new(Code::EvidenceMissing, msg!("the evidence path `{shown}` is {en}", "jalur bukti `{shown}` adalah {id}"))
                .label(msg!("not a file terbuka can read", "bukan berkas yang dapat dibaca terbuka"))
                .hint(match what {
                    NotAFile::Directory => msg!(
                        "cite a file inside the folder, e.g. `{shown}/notulen.pdf`",
                        "rujuk sebuah berkas di dalam folder itu, misalnya `{shown}/notulen.pdf`"
                    ),
                    _ => msg!(
                        "evidence must be an ordinary file in the workspace: copy the document there and cite the copy",
                        "bukti harus berupa berkas biasa di dalam ruang kerja: salin dokumennya ke sana dan rujuk salinannya"
                    ),
                })
        }
    }
}

/// "The evidence file does not exist", with what is on disk near it.
fn missing(shown: &str, like: &Lookalike) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::EvidenceMissing,
        msg!("the evidence file `{shown}` does not exist", "berkas bukti `{shown}` tidak ada"),
    )
    .label(msg!("no such file in the workspace", "berkas ini tidak ada di dalam ruang kerja"));
    match (&like.near, &like.folder) {
        (Some((near, Differs::Case)), _) => {
            d = d.hint(msg!(
                "the file is named `{near}`: capitals must match exactly",
                "nama berkasnya `{near}`: huruf besar dan kecil harus sama persis"
            ))
        }
        (Some((near, Differs::Normalization)), _) => {
            d = d.hint(msg!(
                "the file is named `{near}`, with its accented letters encoded differently (NFC against NFD); retype the path, or copy the name from the file manager",
                "nama berkasnya `{near}`, dengan huruf beraksen yang dikodekan berbeda (NFC dan NFD); ketik ulang jalurnya, atau salin namanya dari pengelola berkas"
            ))
        }
        (Some((near, Differs::Spelling)), _) => {
            d = d.hint(msg!("did you mean `{near}`?", "mungkin maksud Anda `{near}`?"))
        }
        (None, Some((folder, names))) => {
            let folder = if folder.is_empty() { "the workspace root".to_owned() } else { format!("`{folder}/`") };
            let folder_id = folder.replace("the workspace root", "akar ruang kerja");
            d = d.hint(if names.is_empty() {
                msg!("{folder} holds no file", "{folder_id} tidak berisi berkas")
            } else {
                let list = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
                msg!("{folder} holds: {list}", "{folder_id} berisi: {list}")
            })
        }
        (None, None) => {}
    }
    d.hint(msg!(
        "paths are relative to the workspace root (the folder with terbuka.yaml); check the spelling and the file's extension",
        "jalur ditulis relatif terhadap akar ruang kerja (folder yang berisi terbuka.yaml); periksa ejaan dan ekstensi berkas"
    ))
}

// ── E033 evidence-outside-workspace ──────────────────────────────────────

/// E033 `evidence-outside-workspace`: what it checks, why, and how to fix it.
pub const E033: RuleDoc = RuleDoc {
    code: Code::EvidenceOutside,
    home: module_path!(),
    summary: Words::new(
        "An evidence path that is absolute or leads outside the workspace.",
        "Jalur bukti yang absolut atau mengarah ke luar ruang kerja.",
    ),
    what: Words::new(
        "An evidence `file` (or `decree`) path that cannot be used: absolute (`/...`, `C:\\...`), stepping out with `..`, a link leading outside the workspace, empty, or with `\\` between folders.",
        "Jalur `file` bukti (atau `decree`) yang tidak dapat dipakai: jalur absolut (`/...`, `C:\\...`), keluar dengan `..`, tautan yang mengarah ke luar ruang kerja, kosong, atau memakai `\\` di antara folder.",
    ),
    why: Words::new(
        "Evidence is published with the workspace and checked by others on their own computers: a file outside it exists on one computer only, and terbuka never reads or publishes anything outside the workspace.",
        "Bukti diterbitkan bersama ruang kerja dan diperiksa orang lain di komputer mereka sendiri: berkas di luar ruang kerja hanya ada di satu komputer, dan terbuka tidak pernah membaca atau menerbitkan apa pun di luar ruang kerja.",
    ),
    fix: Words::new(
        "Copy the file into the workspace (e.g. under `evidence/`) and write its path from the workspace root with `/` between folders, e.g. `evidence/diskominfo/sk.pdf`.",
        "Salin berkas ke dalam ruang kerja (misalnya di bawah `evidence/`) dan tulis jalurnya dari akar ruang kerja dengan `/` di antara folder, misalnya `evidence/diskominfo/sk.pdf`.",
    ),
};

/// Why a cited path cannot be used.
#[derive(Debug, Clone, Copy)]
pub enum Unusable {
    /// It leads outside the workspace.
    Outside(OutsideReason),
    /// It is not written as a path terbuka takes.
    Invalid(InvalidReason),
}

/// E033: the cited `file` cannot be used as a path in the workspace.
pub fn evidence_outside(file: &str, why: Unusable) -> Diagnostic {
    let shown = file.replace('\0', "\\0");
    match why {
        Unusable::Outside(reason) => {
            let (why_en, why_id) = match reason {
                OutsideReason::Absolute => ("an absolute path", "jalur absolut"),
                OutsideReason::WindowsDrive => ("a Windows drive path", "jalur drive Windows"),
                OutsideReason::ParentStep => ("it steps out with `..`", "jalur keluar dengan `..`"),
                OutsideReason::Symlink => (
                    "a symbolic link that leads outside the workspace",
                    "tautan simbolik yang mengarah ke luar ruang kerja",
                ),
            };
            Diagnostic::new(
                Code::EvidenceOutside,
                msg!(
                    "the evidence path `{shown}` is outside the workspace ({why_en})",
                    "jalur bukti `{shown}` berada di luar ruang kerja ({why_id})"
                ),
            )
            .hint(msg!(
                "copy the file into the workspace (e.g. under evidence/) and cite it relative to the root",
                "salin berkas ke dalam ruang kerja (misalnya di bawah evidence/) dan tulis jalurnya relatif terhadap akar"
            ))
        }
        Unusable::Invalid(reason) => {
            let (en, id, hint) = match reason {
                InvalidReason::Empty => (
                    "the evidence path is empty",
                    "jalur bukti kosong",
                    msg!(
                        "write the file's path, e.g. evidence/notulen.pdf",
                        "tulis jalur berkas, misalnya evidence/notulen.pdf"
                    ),
                ),
                InvalidReason::Nul => (
                    "the evidence path contains a NUL character",
                    "jalur bukti memuat karakter NUL",
                    msg!("retype the path", "ketik ulang jalurnya"),
                ),
                InvalidReason::NotNormal => {
                    let normal = normal_spelling(file);
                    (
                        "the evidence path is written in an unusual way",
                        "jalur bukti ditulis dengan cara yang tidak lazim",
                        msg!(
                            "write it as `{normal}`: without `//`, `./` or a `/` at the end, so that every citation of a file is recognised as the same file (evidence.lock knows each file by one spelling)",
                            "tulis sebagai `{normal}`: tanpa `//`, `./` atau `/` di akhir, agar setiap rujukan ke berkas yang sama dikenali sebagai berkas yang sama (evidence.lock mengenal setiap berkas dengan satu ejaan)"
                        ),
                    )
                }
                InvalidReason::Backslash => {
                    // Her own path with `/`; inside double quotes `\n`,
                    // `\t` and `\r` became a line break, a tab, a return.
                    let fixed = file.replace('\\', "/").replace('\n', "/n").replace('\t', "/t").replace('\r', "/r");
                    (
                        "the evidence path uses `\\` between folders",
                        "jalur bukti memakai `\\` di antara folder",
                        msg!(
                            "write `/` between folders, without quotes: `file: {fixed}`",
                            "tulis `/` di antara folder, tanpa tanda kutip: `file: {fixed}`"
                        ),
                    )
                }
            };
            Diagnostic::new(Code::EvidenceOutside, crate::diag::Msg::new(en, id)).hint(hint)
        }
    }
}

// ── E035 evidence-shape ──────────────────────────────────────────────────

/// E035 `evidence-shape`: what it checks, why, and how to fix it.
pub const E035: RuleDoc = RuleDoc {
    code: Code::EvidenceShape,
    home: module_path!(),
    summary: Words::new(
        "An evidence item that gives both or neither of `file` and `url`.",
        "Butir bukti yang memuat `file` sekaligus `url`, atau tidak memuat keduanya.",
    ),
    what: Words::new(
        "An evidence item that gives both `file` and `url`, or neither; each item is one file or one link.",
        "Butir bukti yang memuat `file` sekaligus `url`, atau tidak memuat keduanya; setiap butir berisi satu berkas atau satu tautan.",
    ),
    why: Words::new(
        "Each evidence item is one document, a file or a web page: an item with both is two claims in one, and an item with neither backs nothing.",
        "Setiap butir bukti adalah satu dokumen, berkas atau halaman web: butir yang memuat keduanya adalah dua klaim dalam satu, dan butir tanpa keduanya tidak mendukung apa pun.",
    ),
    fix: Words::new(
        "Write `file: evidence/...` for a file in the workspace or `url: https://...` for a link. To cite both, write two items.",
        "Tulis `file: evidence/...` untuk berkas di dalam ruang kerja atau `url: https://...` untuk tautan. Untuk mencantumkan keduanya, tulis dua butir.",
    ),
};

/// What an evidence item gives of `file` and `url`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Both.
    Both,
    /// Neither.
    Neither,
}

/// E035: an evidence item that is not one file or one address.
pub fn evidence_shape(shape: Shape) -> Diagnostic {
    match shape {
        Shape::Both => Diagnostic::new(
            Code::EvidenceShape,
            msg!("this evidence item gives both `file` and `url`", "butir bukti ini memuat `file` sekaligus `url`"),
        )
        .hint(msg!(
            "write one item for the file and another for the URL",
            "tulis satu butir untuk berkas dan satu butir lain untuk URL"
        )),
        Shape::Neither => Diagnostic::new(
            Code::EvidenceShape,
            msg!(
                "this evidence item gives neither `file` nor `url`",
                "butir bukti ini tidak memuat `file` maupun `url`"
            ),
        )
        .hint(msg!(
            "write `file: evidence/...` for a file in the workspace, or `url: https://...`",
            "tulis `file: evidence/...` untuk berkas di dalam ruang kerja, atau `url: https://...`"
        )),
    }
}

// ── E036 evidence-changed ────────────────────────────────────────────────

/// E036 `evidence-changed`: what it checks, why, and how to fix it.
pub const E036: RuleDoc = RuleDoc {
    code: Code::EvidenceChanged,
    home: module_path!(),
    summary: Words::new(
        "A cited evidence file whose content differs from what `evidence.lock` sealed.",
        "Berkas bukti yang dirujuk, yang isinya berbeda dari yang disegel `evidence.lock`.",
    ),
    what: Words::new(
        "A cited evidence file whose SHA-256 or size differs from what `evidence.lock` recorded when the evidence was sealed (`terbuka evidence seal`): the file was changed or replaced afterwards. The label shows the start of both hashes and both sizes.",
        "Berkas bukti yang dirujuk, yang SHA-256 atau ukurannya berbeda dari catatan `evidence.lock` saat bukti disegel (`terbuka evidence seal`): berkas itu diubah atau diganti sesudahnya. Label menampilkan awal kedua hash dan kedua ukuran.",
    ),
    why: Words::new(
        "Sealing records what the steering committee saw: evidence that changed afterwards could back a claim with a document nobody checked.",
        "Penyegelan mencatat apa yang dilihat dewan pengarah: bukti yang berubah sesudahnya dapat mendukung klaim dengan dokumen yang tidak pernah diperiksa siapa pun.",
    ),
    fix: Words::new(
        "Restore the file as it was sealed (from the repository's history, for example). If the change is intended, have the steering committee check the new file, then run `terbuka evidence seal` again to record it.",
        "Kembalikan berkas seperti saat disegel (misalnya dari riwayat repositori). Bila perubahan itu memang disengaja, mintalah dewan pengarah memeriksa berkas baru, lalu jalankan `terbuka evidence seal` lagi untuk mencatatnya.",
    ),
};

/// A file's SHA-256 and size, as sealed or as it is now.
#[derive(Debug, Clone, Copy)]
pub struct Content<'a> {
    /// Its SHA-256, in lowercase hex.
    pub sha256: &'a str,
    /// Its size in bytes.
    pub size: u64,
}

/// E036: the sealed file `file` changed after it was sealed; `cited` when
/// an assessment cites it (else nothing does any more, and the sizes are
/// not shown).
pub fn evidence_changed(file: &str, was: Content<'_>, now: Content<'_>, cited: bool) -> Diagnostic {
    let short = |sha: &'_ str| sha[..sha.len().min(12)].to_owned();
    let (was_sha, now_sha) = (short(was.sha256), short(now.sha256));
    let d = if cited {
        let (was_size, now_size) = (was.size, now.size);
        Diagnostic::new(
            Code::EvidenceChanged,
            msg!(
                "the evidence file `{file}` changed after it was sealed",
                "berkas bukti `{file}` berubah setelah disegel"
            ),
        )
        .label(msg!(
            "SHA-256 {was_sha}… ({was_size} bytes) when sealed, {now_sha}… ({now_size} bytes) now",
            "SHA-256 {was_sha}… ({was_size} bita) saat disegel, kini {now_sha}… ({now_size} bita)"
        ))
    } else {
        Diagnostic::new(
            Code::EvidenceChanged,
            msg!(
                "the sealed file `{file}` changed after it was sealed (no assessment cites it now)",
                "berkas yang disegel `{file}` berubah setelah disegel (kini tidak dirujuk penilaian mana pun)"
            ),
        )
        .label(msg!(
            "SHA-256 {was_sha}… when sealed, {now_sha}… now",
            "SHA-256 {was_sha}… saat disegel, kini {now_sha}…"
        ))
    };
    d.hint(msg!(
        "restore the sealed file; if the change is meant, the steering committee checks it and runs `terbuka evidence seal --accept-changes`",
        "kembalikan berkas yang disegel; bila perubahan itu memang disengaja, dewan pengarah memeriksanya lalu menjalankan `terbuka evidence seal --accept-changes`"
    ))
    .about_evidence(file)
}

/// E036 for a file `evidence.lock` seals that nothing cites any more and
/// that changed since: the seal covers it still.
fn uncited_sealed(cx: &mut Context<'_>) {
    let Some(lock) = &cx.ws.lock else { return };
    let mut found = Vec::new();
    for (key, now) in &cx.facts.uncited_sealed {
        let (Some(sealed), Some((sha, size))) = (lock.value.files.get(key), now) else { continue };
        if &sealed.sha256 == sha && sealed.size == *size {
            continue;
        }
        let was = Content { sha256: &sealed.sha256, size: sealed.size };
        let d = evidence_changed(key, was, Content { sha256: sha, size: *size }, false);
        found.push(d.at(lock.key_at(path!["files", key.as_str()])));
    }
    cx.out.extend(found);
}

// ── W007 evidence-unsealed ───────────────────────────────────────────────

/// W007 `evidence-unsealed`: what it checks, why, and how to fix it.
pub const W007: RuleDoc = RuleDoc {
    code: Code::EvidenceUnsealed,
    home: module_path!(),
    summary: Words::new(
        "A cited evidence file that `evidence.lock` does not record (only when the workspace has an `evidence.lock`).",
        "Berkas bukti yang dirujuk tetapi tidak tercatat di `evidence.lock` (hanya bila ruang kerja memiliki `evidence.lock`).",
    ),
    what: Words::new(
        "A cited evidence file that `evidence.lock` does not record, usually evidence added after the last `terbuka evidence seal`. Only reported when the workspace has an `evidence.lock`.",
        "Berkas bukti yang dirujuk tetapi belum tercatat di `evidence.lock`, biasanya bukti yang ditambahkan sesudah `terbuka evidence seal` terakhir. Hanya dilaporkan bila ruang kerja memiliki `evidence.lock`.",
    ),
    why: Words::new(
        "Once a workspace seals its evidence, a file outside the seal can change without anyone noticing: sealing it records what was seen.",
        "Setelah ruang kerja menyegel buktinya, berkas di luar segel dapat berubah tanpa disadari siapa pun: menyegelnya mencatat apa yang telah dilihat.",
    ),
    fix: Words::new(
        "When the file is final, run `terbuka evidence seal` to record it (the steering committee usually seals at the end of a period).",
        "Setelah berkas final, jalankan `terbuka evidence seal` untuk mencatatnya (biasanya dewan pengarah menyegel pada akhir periode).",
    ),
};

/// W007: the cited `file` is not in `evidence.lock`.
pub fn evidence_unsealed(file: &str) -> Diagnostic {
    Diagnostic::new(
        Code::EvidenceUnsealed,
        msg!(
            "the evidence file `{file}` is not in evidence.lock",
            "berkas bukti `{file}` belum tercatat di evidence.lock"
        ),
    )
    .label(msg!("not sealed", "belum disegel"))
    .hint(msg!(
        "once the file is final, run `terbuka evidence seal` to record it",
        "setelah berkas final, jalankan `terbuka evidence seal` untuk mencatatnya"
    ))
}

/// With an `evidence.lock`: the file must be sealed (W007) and unchanged
/// since (E036).
fn sealed(cx: &mut Context<'_>, file: &str, at: impl FnOnce() -> Location) {
    let Some(lock) = &cx.ws.lock else { return };
    let Some((sha, size)) = cx.facts.hashes.get(file) else { return };
    let key = cx.facts.lock_key(&cx.ws.root, file);
    let d = match lock.value.files.get(&*key) {
        None => evidence_unsealed(file),
        Some(s) if &s.sha256 != sha || s.size != *size => {
            let was = Content { sha256: &s.sha256, size: s.size };
            evidence_changed(file, was, Content { sha256: sha, size: *size }, true)
        }
        Some(_) => return,
    };
    cx.push(d.at(at()).about_evidence(key.into_owned()));
}
