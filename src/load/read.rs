//! Reading one workspace file as text: through [`crate::files`], up to
//! the size limit, as UTF-8 without a byte-order mark. Every failure is a
//! located diagnostic.

use std::path::Path;
use std::sync::Arc;

use super::Limits;
use super::rules::{self, Unreadable as Why};
use crate::diag::{Diagnostic, Location};
use crate::files;
use crate::model::Lang;

/// A file that could not be read as text: its diagnostic, and for bytes
/// that are not UTF-8 a lossy copy to show the line from.
pub(super) type Unreadable = Box<(Diagnostic, Option<String>)>;

/// A file of `size` bytes (or at least that many), past the size limit.
pub(super) fn too_big(path: &Arc<str>, size: u64, at_least: bool, limits: Limits) -> Diagnostic {
    let limit = limits.max_file_bytes;
    rules::unreadable(Why::TooBig { size, limit, at_least }).at(Location::file(path))
}

/// Reads a workspace file's bytes through [`files::read_plain`] (a regular
/// file inside the workspace, at most the size limit), and whether it was
/// reached without a link.
pub(super) fn read_bytes(
    root: &Path,
    rel: &str,
    path: &Arc<str>,
    limits: Limits,
) -> Result<(Vec<u8>, bool), Unreadable> {
    let unreadable = |why: Why<'_>| Box::new((rules::unreadable(why).at(Location::file(path)), None));
    let read = files::read_plain(root, rel, limits.max_file_bytes).map_err(|problem| match problem {
        files::Problem::TooBig { size, at_least } => Box::new((too_big(path, size, at_least, limits), None)),
        files::Problem::Outside => unreadable(Why::LinkOutside),
        files::Problem::Directory => unreadable(Why::Folder),
        files::Problem::Special(kind) => unreadable(Why::Special(kind)),
        files::Problem::LinkLoop => unreadable(Why::LinkLoop),
        files::Problem::Missing => unreadable(Why::Vanished),
        files::Problem::Io(e) => unreadable(Why::Io(&e)),
    })?;
    Ok(read)
}

/// Bytes as UTF-8 text without a byte-order mark; for bytes that are not
/// UTF-8, the located diagnostic and a lossy copy to show the line from.
pub(super) fn decode(bytes: Vec<u8>, path: &Arc<str>) -> Result<String, Unreadable> {
    if let Some(unreadable) = utf16(&bytes, path) {
        return Err(unreadable);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        // The first bad byte in her text, not in a comment terbuka wrote
        // (an editor that re-saves as Windows-1252 breaks the generated
        // header's dashes first).
        let first = e.utf8_error().valid_up_to();
        let at = first_bad_outside_comments(e.as_bytes()).unwrap_or(first);
        let valid = &e.as_bytes()[..at];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        // A lone byte from 0x80 up where UTF-8 wants a sequence: the
        // file was most likely saved as Windows-1252 ("ANSI").
        let ansi = e.as_bytes().get(at).is_some_and(|&b| b >= 0x80)
            && e.as_bytes().get(at + 1).is_none_or(|&b| !(0x80..0xC0).contains(&b));
        let d = rules::unreadable(Why::NotUtf8 { line, byte: at, ansi });
        // In the lossy copy the bad bytes before `at` became U+FFFD (3
        // bytes each, one per bad sequence): find `at` there.
        let lossy_at = String::from_utf8_lossy(valid).len();
        Box::new((d.at(Location::span(path, lossy_at, lossy_at + '\u{fffd}'.len_utf8())), Some(lossy)))
    })?;
    // A byte-order mark is harmless: drop it.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// A file saved as UTF-16 (Windows "Unicode"): said as such, with the
/// editor's menu, and shown decoded, not as bytes with NULs between them.
fn utf16(bytes: &[u8], path: &Arc<str>) -> Option<Unreadable> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        // No mark, but every other byte NUL in the first line: UTF-16 too.
        _ if bytes.len() >= 8 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 => true,
        _ if bytes.len() >= 8 && bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0 => false,
        _ => return None,
    };
    let units = bytes
        .chunks_exact(2)
        .map(|p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
    let decoded = char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect::<String>();
    let decoded = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded).to_owned();
    let d = rules::unreadable(Why::Utf16).at(Location::file(path));
    Some(Box::new((d, Some(decoded))))
}

/// The first byte that is not UTF-8 on a line that is not a comment.
fn first_bad_outside_comments(bytes: &[u8]) -> Option<usize> {
    let mut offset = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.iter().position(|&b| b != b' ' && b != b'\t').map_or(&line[..0], |i| &line[i..]);
        if trimmed.first() == Some(&b'#') {
            continue;
        }
        if let Err(e) = std::str::from_utf8(line) {
            return Some(start + e.valid_up_to());
        }
    }
    None
}

/// The first language of `root/terbuka.yaml`, read leniently: from the
/// parsed file, or, when it does not parse, from its `languages:` line (a
/// focal point who broke the manifest still reads the message in her
/// language).
pub fn first_lang(root: &Path) -> Option<Lang> {
    #[derive(serde::Deserialize)]
    struct Languages {
        #[serde(default)]
        languages: Vec<String>,
    }
    let path = root.join("terbuka.yaml");
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    if let Ok(manifest) = serde_yaml::from_str::<Languages>(&text) {
        return manifest.languages.first().and_then(|code| Lang::from_code(code));
    }
    let mut lines = text.lines().skip_while(|l| !l.starts_with("languages:"));
    let first = lines.next()?.trim_start_matches("languages:").trim();
    let code = if first.is_empty() {
        lines.next()?.trim().trim_start_matches('-').trim().to_owned()
    } else {
        first.trim_start_matches('[').split([',', ']', ' ']).find(|c| !c.is_empty())?.to_owned()
    };
    Lang::from_code(code.trim_matches(['"', '\'']))
}
