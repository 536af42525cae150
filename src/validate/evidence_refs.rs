//! Rules on cited evidence: the item's shape (E035), workspace paths
//! (E032, E033), URLs (E034), and the seal of `evidence.lock` (E036, W007).

use crate::diag::{Code, Diagnostic, Location};
use crate::evidence::{
    Differs, InvalidReason, Lookalike, NotAFile, OutsideReason, PathStatus, check_syntax, normal_spelling,
};
use crate::load::{Doc, ItemIds, Seg};
use crate::model::EvidenceItem;
use crate::msg;

use super::Context;

/// Checks one evidence item written at `at` (its key path) in `doc`.
pub(super) fn check_item<T: ItemIds>(cx: &mut Context<'_>, doc: &Doc<T>, item: &EvidenceItem, at: &[Seg]) {
    let child = |key: &str| {
        let mut p = at.to_vec();
        p.push(Seg::from(key));
        p
    };
    match (&item.file, &item.url) {
        (Some(file), None) => check_file(cx, file, || doc.at(&child("file"))),
        (None, Some(url)) => check_url(cx, url, || doc.at(&child("url"))),
        (Some(_), Some(_)) => cx.push(
            Diagnostic::new(
                Code::EvidenceShape,
                msg!("this evidence item gives both `file` and `url`", "butir bukti ini memuat `file` sekaligus `url`"),
            )
            .at(doc.key_at(&child("url")))
            .hint(msg!(
                "write one item for the file and another for the URL",
                "tulis satu butir untuk berkas dan satu butir lain untuk URL"
            )),
        ),
        (None, None) => cx.push(
            Diagnostic::new(
                Code::EvidenceShape,
                msg!(
                    "this evidence item gives neither `file` nor `url`",
                    "butir bukti ini tidak memuat `file` maupun `url`"
                ),
            )
            .at(doc.at(at))
            .hint(msg!(
                "write `file: evidence/...` for a file in the workspace, or `url: https://...`",
                "tulis `file: evidence/...` untuk berkas di dalam ruang kerja, atau `url: https://...`"
            )),
        ),
    }
}

/// Checks a cited workspace path.
pub(super) fn check_file(cx: &mut Context<'_>, file: &str, at: impl FnOnce() -> Location) {
    let status = cx.facts.paths.get(file).cloned().or_else(|| check_syntax(file).err());
    let shown = file.replace('\0', "\\0");
    let raw_path = file;
    let d = match status {
        Some(PathStatus::File) => return sealed(cx, file, at),
        None => return,
        Some(PathStatus::Missing(like)) => missing(&shown, &like).about_evidence(file),
        Some(PathStatus::NotAFile(what)) => {
            let (en, id) = match what {
                NotAFile::Directory => ("a folder, not a file", "sebuah folder, bukan berkas"),
                NotAFile::Special(kind) => kind.words(),
                NotAFile::LinkLoop => (
                    "a symbolic link in a loop (links that point to each other)",
                    "tautan simbolik yang berputar (tautan yang saling menunjuk)",
                ),
            };
            Diagnostic::new(
                Code::EvidenceMissing,
                msg!("the evidence path `{shown}` is {en}", "jalur bukti `{shown}` adalah {id}"),
            )
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
        Some(PathStatus::Outside(reason)) => {
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
        Some(PathStatus::Invalid(reason)) => {
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
                    let fixed = raw_path.replace('\\', "/").replace('\n', "/n").replace('\t', "/t").replace('\r', "/r");
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
    };
    cx.push(d.at(at()));
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

/// With an `evidence.lock`: the file must be sealed (W007) and unchanged
/// since (E036).
fn sealed(cx: &mut Context<'_>, file: &str, at: impl FnOnce() -> Location) {
    let Some(lock) = &cx.ws.lock else { return };
    let Some((sha, size)) = cx.facts.hashes.get(file) else { return };
    let key = cx.facts.lock_key(&cx.ws.root, file);
    let d = match lock.value.files.get(&*key) {
        None => Diagnostic::new(
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
        )),
        Some(s) if &s.sha256 != sha || s.size != *size => {
            let (was, now) = (&s.sha256[..s.sha256.len().min(12)], &sha[..12.min(sha.len())]);
            let (was_size, now_size) = (s.size, *size);
            Diagnostic::new(
                Code::EvidenceChanged,
                msg!(
                    "the evidence file `{file}` changed after it was sealed",
                    "berkas bukti `{file}` berubah setelah disegel"
                ),
            )
            .label(msg!(
                "SHA-256 {was}… ({was_size} bytes) when sealed, {now}… ({now_size} bytes) now",
                "SHA-256 {was}… ({was_size} bita) saat disegel, kini {now}… ({now_size} bita)"
            ))
            .hint(msg!(
                "restore the sealed file; if the change is meant, the steering committee checks it and runs `terbuka evidence seal --accept-changes`",
                "kembalikan berkas yang disegel; bila perubahan itu memang disengaja, dewan pengarah memeriksanya lalu menjalankan `terbuka evidence seal --accept-changes`"
            ))
        }
        Some(_) => return,
    };
    cx.push(d.at(at()).about_evidence(key.into_owned()));
}

/// E036 for a file `evidence.lock` seals that nothing cites any more and
/// that changed since: the seal covers it still.
pub(super) fn check_lock(cx: &mut Context<'_>) {
    let Some(lock) = &cx.ws.lock else { return };
    let mut found = Vec::new();
    for (key, now) in &cx.facts.uncited_sealed {
        let (Some(sealed), Some((sha, size))) = (lock.value.files.get(key), now) else { continue };
        if &sealed.sha256 == sha && sealed.size == *size {
            continue;
        }
        let (was, is) = (&sealed.sha256[..sealed.sha256.len().min(12)], &sha[..12.min(sha.len())]);
        found.push(
            Diagnostic::new(
                Code::EvidenceChanged,
                msg!(
                    "the sealed file `{key}` changed after it was sealed (no assessment cites it now)",
                    "berkas yang disegel `{key}` berubah setelah disegel (kini tidak dirujuk penilaian mana pun)"
                ),
            )
            .at(lock.key_at(crate::path!["files", key.as_str()]))
            .label(msg!("SHA-256 {was}… when sealed, {is}… now", "SHA-256 {was}… saat disegel, kini {is}…"))
            .hint(msg!(
                "restore the sealed file; if the change is meant, the steering committee checks it and runs `terbuka evidence seal --accept-changes`",
                "kembalikan berkas yang disegel; bila perubahan itu memang disengaja, dewan pengarah memeriksanya lalu menjalankan `terbuka evidence seal --accept-changes`"
            ))
            .about_evidence(key.clone()),
        );
    }
    for d in found {
        cx.push(d);
    }
}

/// Checks an evidence URL: http or https, with a host, no spaces.
pub(super) fn check_url(cx: &mut Context<'_>, raw: &str, at: impl FnOnce() -> Location) {
    let shown = raw;
    check_web_address(cx, raw, at, msg!("invalid evidence URL `{shown}`", "URL bukti `{shown}` tidak sah"));
}

/// Checks a web address (`headline` says which): http or https, with a
/// host, no spaces.
pub(super) fn check_web_address(
    cx: &mut Context<'_>,
    raw: &str,
    at: impl FnOnce() -> Location,
    headline: crate::diag::Msg,
) {
    let problem = match url::Url::parse(raw.trim()) {
        Ok(u) if u.scheme() != "http" && u.scheme() != "https" => {
            let scheme = u.scheme().to_owned();
            Some(msg!(
                "the scheme `{scheme}:` is not allowed; evidence URLs are http or https",
                "skema `{scheme}:` tidak diperbolehkan; URL bukti harus http atau https"
            ))
        }
        Ok(u) if u.host_str().is_none_or(|h| h.is_empty() || !h.contains('.') && h != "localhost") => {
            Some(msg!("the URL has no valid host name", "URL ini tidak memiliki nama host yang sah"))
        }
        Ok(_) if raw.trim().contains(char::is_whitespace) => {
            Some(msg!("the URL contains spaces", "URL ini memuat spasi"))
        }
        Ok(_) => None,
        Err(e) => {
            let (en, id) = match e {
                url::ParseError::RelativeUrlWithoutBase => {
                    ("it does not start with `https://`", "tidak diawali `https://`")
                }
                url::ParseError::EmptyHost => ("it has no host name", "tidak memiliki nama host"),
                url::ParseError::InvalidPort => ("its port number is not valid", "nomor port-nya tidak sah"),
                url::ParseError::InvalidDomainCharacter | url::ParseError::IdnaError => (
                    "its host name has characters a host name cannot have",
                    "nama host-nya memuat karakter yang tidak boleh ada",
                ),
                _ => ("it is not a web address", "bukan alamat web"),
            };
            Some(msg!("the URL is not well-formed: {en}", "URL ini tidak tersusun dengan benar: {id}"))
        }
    };
    if let Some(problem) = problem {
        cx.push(Diagnostic::new(Code::InvalidUrl, headline).at(at()).hint(problem).hint(msg!(
            "copy the full address from the browser's address bar, starting with https://",
            "salin alamat lengkap dari bilah alamat peramban, diawali https://"
        )));
    }
}
