//! W012: a ` #` inside unquoted text. YAML reads a `#` after a space as the
//! start of a comment, so `justification: SK Kepala Dinas #045/2018; rapat`
//! is read as "SK Kepala Dinas" and the rest is silently dropped. Found in
//! the files' text (the parser keeps no comments), on lines that set a
//! text key with a plain (unquoted) value.

use crate::diag::{Code, Diagnostic, Location};
use crate::msg;

use super::Context;

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

pub(super) fn check(cx: &mut Context<'_>) {
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
            let quoted = format!("\"{}\"", meant.replace('\\', "\\\\").replace('"', "\\\""));
            let kept = value.to_owned();
            let at = start + hash;
            found.push(
                Diagnostic::new(
                    Code::CommentInText,
                    msg!(
                        "the text of `{key}` stops at `#`: YAML reads the rest of the line as a comment",
                        "teks `{key}` terpotong di `#`: YAML membaca sisa baris sebagai komentar"
                    ),
                )
                .at(Location::span(&source.path, at, at + 1))
                .label(msg!("reports show only \"{kept}\"", "laporan hanya menampilkan \"{kept}\""))
                .hint(msg!(
                    "put the whole text in double quotes: `{key}: {quoted}`",
                    "apit seluruh teks dengan tanda kutip ganda: `{key}: {quoted}`"
                )),
            );
        }
    }
    for d in found {
        cx.push(d);
    }
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
