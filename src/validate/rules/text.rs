//! The rules of what YAML text becomes in a report: characters the report
//! fonts cannot show (W008) and a ` #` that cuts an unquoted text short
//! (W012). Both are found in the files' text itself, comments left out, so
//! that each warning points at the character and names the field it is
//! in; the parser keeps neither comments nor where a text was cut.

use crate::diag::{Code, Diagnostic, Location, RuleDoc, Words};
use crate::fonts;
use crate::msg;

use super::super::Context;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[W008, W012];

/// Checks the text of every file read.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    glyphs(cx);
    comments(cx);
}

// ── W008 not-in-fonts ────────────────────────────────────────────────────

/// W008 `not-in-fonts`: what it checks, why, and how to fix it.
pub const W008: RuleDoc = RuleDoc {
    code: Code::NotInFonts,
    home: module_path!(),
    summary: Words::new(
        "Text in a script the report fonts do not have (CJK, emoji, …): reports show each such character as `□`.",
        "Teks dalam aksara yang tidak dimiliki fonta laporan (CJK, emoji, …): laporan menampilkan setiap karakter itu sebagai `□`.",
    ),
    what: Words::new(
        "A character that none of the fonts built into terbuka can show, such as Chinese, Japanese or Korean characters or emoji. The reports carry Noto Sans and the Noto faces of Javanese, Balinese, Sundanese, Buginese, Batak, Rejang, Arabic (for Jawi and Pegon) and Thai; a character beyond them appears in PDFs as `□`. The report is still made.",
        "Karakter yang tidak dapat ditampilkan oleh fonta bawaan terbuka, misalnya aksara Tionghoa, Jepang, atau Korea, atau emoji. Laporan memuat Noto Sans serta fonta Noto untuk aksara Jawa, Bali, Sunda, Bugis, Batak, Rejang, Arab (untuk Jawi dan Pegon), dan Thai; karakter di luar itu tampil di PDF sebagai `□`. Laporan tetap dibuat.",
    ),
    why: Words::new(
        "A PDF can show only the characters its fonts have: the report is still made, but readers would see `□` where the text was.",
        "PDF hanya dapat menampilkan karakter yang dimiliki fontanya: laporan tetap dibuat, tetapi pembaca akan melihat `□` di tempat teks itu.",
    ),
    fix: Words::new(
        "Write the text in Latin letters (e.g. the name's usual romanisation), or accept the `□` in the reports.",
        "Tulis teks itu dengan huruf Latin (misalnya alih aksara nama yang lazim), atau terima tanda `□` di laporan.",
    ),
};

/// W008: the report fonts cannot show `c`, written in the field `field`.
pub fn not_in_fonts(c: char, field: &str) -> Diagnostic {
    let (script_en, script_id) = fonts::script(c);
    let code = format!("U+{:04X}", c as u32);
    Diagnostic::new(
        Code::NotInFonts,
        msg!(
            "the report fonts cannot show `{c}` ({code}, {script_en}) in `{field}`",
            "fonta laporan tidak dapat menampilkan `{c}` ({code}, {script_id}) di `{field}`"
        ),
    )
    .label(msg!("shown as □ in reports", "tampil sebagai □ di laporan"))
    .hint(msg!(
        "write it in Latin letters, or accept □ in the PDFs; the report is still made",
        "tulis dengan huruf Latin, atau terima □ di PDF; laporan tetap dibuat"
    ))
}

/// Most warnings per file: one text in Chinese would otherwise give one
/// per character.
const MOST_PER_FILE: usize = 5;

fn glyphs(cx: &mut Context<'_>) {
    let mut found = Vec::new();
    for source in cx.ws.sources.iter() {
        if source.text.is_ascii() {
            continue;
        }
        let mut in_file = 0;
        let mut offset = 0;
        for line in source.text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            if line.trim_start().starts_with('#') || fonts::all_shown(line) {
                continue;
            }
            // One warning per line: the first character no font has.
            let Some((at, c)) = line.char_indices().find(|&(_, c)| !fonts::shown(c)) else { continue };
            let field = field_of(line);
            let at = start + at;
            found.push(not_in_fonts(c, &field).at(Location::span(&source.path, at, at + c.len_utf8())));
            in_file += 1;
            if in_file == MOST_PER_FILE {
                break;
            }
        }
    }
    cx.out.extend(found);
}

/// The key a line sets (`justification` in `  justification: …`), or the
/// text of the line's start.
fn field_of(line: &str) -> String {
    let trimmed = line.trim_start().trim_start_matches("- ");
    match trimmed.split_once(':') {
        Some((key, _)) if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') => {
            key.to_owned()
        }
        _ => "…".to_owned(),
    }
}

// ── W012 comment-in-text ─────────────────────────────────────────────────

/// W012 `comment-in-text`: what it checks, why, and how to fix it.
pub const W012: RuleDoc = RuleDoc {
    code: Code::CommentInText,
    home: module_path!(),
    summary: Words::new(
        "A ` #` inside unquoted text: YAML reads the rest of the line as a comment, so the text is cut there.",
        "` #` di dalam teks tanpa tanda kutip: YAML membaca sisa baris sebagai komentar, sehingga teksnya terpotong di situ.",
    ),
    what: Words::new(
        "A text (a justification, a note, a title) written without quotes that contains a space followed by `#`, such as `justification: SK Kepala Dinas #045/2018; rapat bulanan`. YAML reads everything from that `#` to the end of the line as a comment, so the report would show only \"SK Kepala Dinas\", and nothing else would say so.",
        "Teks (justifikasi, catatan, judul) yang ditulis tanpa tanda kutip dan memuat spasi diikuti `#`, misalnya `justification: SK Kepala Dinas #045/2018; rapat bulanan`. YAML membaca semua yang mulai dari `#` itu sampai akhir baris sebagai komentar, sehingga laporan hanya menampilkan \"SK Kepala Dinas\", tanpa pemberitahuan lain.",
    ),
    why: Words::new(
        "YAML drops a comment without a word, so the rest of the text would silently be missing from every report.",
        "YAML membuang komentar tanpa pemberitahuan, sehingga sisa teksnya akan hilang dari setiap laporan.",
    ),
    fix: Words::new(
        "Put the whole text in double quotes, as the hint shows: `justification: \"SK Kepala Dinas #045/2018; rapat bulanan\"`. Inside double quotes, write `\\\"` for a quote and `/` rather than `\\` in paths. A comment you meant as a comment goes on its own line.",
        "Apit seluruh teks dengan tanda kutip ganda, seperti pada saran: `justification: \"SK Kepala Dinas #045/2018; rapat bulanan\"`. Di dalam tanda kutip ganda, tulis `\\\"` untuk tanda kutip dan `/` alih-alih `\\` pada jalur. Komentar yang memang dimaksudkan sebagai komentar ditulis di barisnya sendiri.",
    ),
};

/// W012: the text of `key` stops at a ` #`: it keeps only `kept`, where
/// the line means `meant`.
pub fn comment_in_text(key: &str, kept: &str, meant: &str) -> Diagnostic {
    let quoted = format!("\"{}\"", meant.replace('\\', "\\\\").replace('"', "\\\""));
    Diagnostic::new(
        Code::CommentInText,
        msg!(
            "the text of `{key}` stops at `#`: YAML reads the rest of the line as a comment",
            "teks `{key}` terpotong di `#`: YAML membaca sisa baris sebagai komentar"
        ),
    )
    .label(msg!("reports show only \"{kept}\"", "laporan hanya menampilkan \"{kept}\""))
    .hint(msg!(
        "put the whole text in double quotes: `{key}: {quoted}`",
        "apit seluruh teks dengan tanda kutip ganda: `{key}: {quoted}`"
    ))
}

/// Keys whose values are texts people write (titles, names, notes): a
/// comment after one of them is almost always text cut short. Keys of
/// levels, dates, ids and paths are left out: a comment after `level: 3` is
/// a comment.
const TEXT_KEYS: &[&str] = &[
    "title",
    "name",
    "short-name",
    "justification",
    "note",
    "notes",
    "description",
    "problem",
    "objective",
    "reason",
    "deliverable",
    "label",
    "context",
    "notice",
    "position",
    "organisation",
    "author",
    "source",
    "rule",
    "authority",
    "topic",
    "mechanism",
    "summary",
    "head",
    "region",
    "role",
    // The languages of a bilingual text: only when the value has a space
    // (`id: m1 # first` is an id).
    "id",
    "en",
];

/// W012 on each line that sets a text key with a plain (unquoted) value in
/// which a ` #` starts a comment (found in the files' text: the parser
/// keeps no comments).
fn comments(cx: &mut Context<'_>) {
    let mut found = Vec::new();
    for source in cx.ws.sources.iter() {
        if !source.path.ends_with(".yaml") || !source.text.contains(" #") && !source.text.contains("\t#") {
            continue;
        }
        // Inside a block scalar (`key: |` or `key: >`) a `#` is text.
        let mut block: Option<usize> = None;
        let mut offset = 0;
        for line in source.text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            let indent = body.len() - body.trim_start().len();
            if let Some(b) = block {
                if body.trim().is_empty() || indent > b {
                    continue;
                }
                block = None;
            }
            let trimmed = body.trim_start();
            if trimmed.starts_with('#') || trimmed.is_empty() {
                continue;
            }
            let value_of_last_key = body.trim_end();
            if value_of_last_key.ends_with(": |")
                || value_of_last_key.ends_with(": >")
                || [": |-", ": >-", ": |+", ": >+"].iter().any(|e| value_of_last_key.ends_with(e))
            {
                block = Some(indent);
                continue;
            }
            let Some(hash) = comment_start(body) else { continue };
            let Some((key, value_start)) = last_key(&body[..hash]) else { continue };
            let value = body[value_start..hash].trim();
            if value.is_empty() || value.starts_with(['"', '\'', '{', '[', '|', '>', '&', '*', '!']) {
                continue;
            }
            if !TEXT_KEYS.contains(&key) || (matches!(key, "id" | "en") && !value.contains(' ')) {
                continue;
            }
            // In a flow mapping (`{note: Notulen #3}`) the comment also
            // swallows the closing `}`, and the file does not parse (E002).
            if in_flow(&body[..value_start]) {
                continue;
            }
            // What the line means: the text up to its end.
            let meant = format!("{value} {}", body[hash..].trim_end());
            let at = start + hash;
            found.push(comment_in_text(key, value, &meant).at(Location::span(&source.path, at, at + 1)));
        }
    }
    cx.out.extend(found);
}

/// Where a comment starts on `line`: the first `#` after a space or tab that
/// is not inside quotes.
fn comment_start(line: &str) -> Option<usize> {
    let (mut single, mut double, mut previous) = (false, false, ' ');
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single && previous != '\\' => double = !double,
            '#' if !single && !double && (previous == ' ' || previous == '\t') && i > 0 => return Some(i),
            _ => {}
        }
        previous = c;
    }
    None
}

/// The last `key: ` before the comment, and where its value starts.
fn last_key(before: &str) -> Option<(&str, usize)> {
    let mut best = None;
    for (i, _) in before.match_indices(": ") {
        let head = &before[..i];
        let key_start = head.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).map_or(0, |k| k + 1);
        let key = &head[key_start..];
        if !key.is_empty() {
            best = Some((key, i + 2));
        }
    }
    best
}

/// Whether a value starting after `before` is inside a flow mapping.
fn in_flow(before: &str) -> bool {
    before.matches('{').count() > before.matches('}').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comment_and_its_key_are_found() {
        let line = "    justification: SK Kepala Dinas #045/2018; rapat bulanan";
        let hash = comment_start(line).unwrap();
        assert_eq!(&line[hash..hash + 4], "#045");
        assert_eq!(last_key(&line[..hash]).map(|(k, _)| k), Some("justification"));
        assert_eq!(comment_start("  note: \"Notulen #3\""), None);
        assert_eq!(comment_start("  note: 'Notulen #3'"), None);
        assert_eq!(comment_start("  url: https://example.org/#top"), None);
        let flow = "  - {file: evidence/a.txt, note: Notulen #3}";
        let hash = comment_start(flow).unwrap();
        assert_eq!(last_key(&flow[..hash]).map(|(k, _)| k), Some("note"));
        assert!(in_flow(&flow[..hash]));
        assert!(!in_flow("    note: "));
    }
}
