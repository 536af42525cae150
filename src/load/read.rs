//! Reading one workspace file as text: through [`crate::files`], up to
//! the size limit, as UTF-8 without a byte-order mark. Every failure is a
//! located diagnostic.

use std::path::Path;
use std::sync::Arc;

use super::Limits;
use crate::diag::{Code, Diagnostic, Location, Msg};
use crate::files;
use crate::msg;

/// A file that could not be read as text: its diagnostic, and for bytes
/// that are not UTF-8 a lossy copy to show the line from.
pub(super) type Unreadable = Box<(Diagnostic, Option<String>)>;

/// Reads a workspace file's bytes through [`files::read_plain`] (a regular
/// file inside the workspace, at most the size limit), and whether it was
/// reached without a link.
pub(super) fn read_bytes(
    root: &Path,
    rel: &str,
    path: &Arc<str>,
    limits: Limits,
) -> Result<(Vec<u8>, bool), Unreadable> {
    let unreadable = |m: Msg| Box::new((Diagnostic::new(Code::Unreadable, m).at(Location::file(path)), None));
    let read = files::read_plain(root, rel, limits.max_file_bytes).map_err(|problem| match problem {
        files::Problem::TooBig { size, at_least } => {
            let limit = limits.max_file_bytes;
            let (d, _) = *unreadable(if at_least {
                msg!(
                    "this file has more than the limit of {limit} bytes (reading stopped at {size})",
                    "berkas ini lebih besar dari batas {limit} bita (pembacaan berhenti di {size})"
                )
            } else {
                msg!(
                    "this file has {size} bytes, more than the limit of {limit} bytes",
                    "berkas ini berukuran {size} bita, melebihi batas {limit} bita"
                )
            });
            let d = d.hint(msg!(
                "a terbuka file is rarely more than a few hundred KB: check that this is the right file; to raise the limit, set TERBUKA_MAX_FILE_BYTES",
                "berkas terbuka jarang lebih dari beberapa ratus KB: periksa apakah ini berkas yang benar; untuk menaikkan batas, isi TERBUKA_MAX_FILE_BYTES"
            ));
            Box::new((d, None))
        }
        files::Problem::Outside => unreadable(msg!(
            "this file is a symbolic link that leads outside the workspace; terbuka reads only files inside it, and did not read this one",
            "berkas ini tautan simbolik yang mengarah ke luar ruang kerja; terbuka hanya membaca berkas di dalam ruang kerja, dan tidak membaca berkas ini"
        )),
        files::Problem::Directory => unreadable(msg!(
            "this is a folder (or a link to one), not a file",
            "ini sebuah folder (atau tautan ke folder), bukan berkas"
        )),
        files::Problem::Special(kind) => {
            let (en, id) = kind.words();
            unreadable(msg!(
                "this is {en}, not a regular file; terbuka did not read it",
                "ini {id}, bukan berkas biasa; terbuka tidak membacanya"
            ))
        }
        files::Problem::LinkLoop => unreadable(msg!(
            "this is a symbolic link in a loop (links that point to each other)",
            "ini tautan simbolik yang berputar (tautan yang saling menunjuk)"
        )),
        files::Problem::Missing => unreadable(msg!(
            "this file disappeared while it was being read (or is a link to nothing)",
            "berkas ini hilang saat dibaca (atau tautan yang tidak menunjuk ke apa pun)"
        )),
        files::Problem::Io(e) => unreadable(msg!("cannot read this file: {e}", "berkas ini tidak dapat dibaca: {e}")),
    })?;
    Ok(read)
}

/// Bytes as UTF-8 text without a byte-order mark; for bytes that are not
/// UTF-8, the located diagnostic and a lossy copy to show the line from.
pub(super) fn decode(bytes: Vec<u8>, path: &Arc<str>) -> Result<String, Unreadable> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let valid = &e.as_bytes()[..at];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let d = Diagnostic::new(
            Code::Unreadable,
            msg!(
                "this file is not valid UTF-8 text (line {line}, byte {at})",
                "berkas ini bukan teks UTF-8 yang sah (baris {line}, bita ke-{at})"
            ),
        )
        .hint(msg!(
            "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)",
            "simpan ulang berkas dalam pengodean UTF-8 di editor Anda (\"Save with encoding\" → UTF-8)"
        ));
        // In the lossy copy the bad bytes became one U+FFFD (3 bytes).
        Box::new((d.at(Location::span(path, at, at + '\u{fffd}'.len_utf8())), Some(lossy)))
    })?;
    // A byte-order mark is harmless: drop it.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}
