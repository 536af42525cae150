//! What the indentation of a file that does not parse says: which line is
//! indented wrong, and by how much. The YAML parser reports where it gave
//! up, often many lines after the line to edit, or at the start of the
//! block the line broke.

use crate::diag::{Code, Diagnostic, Location, SourceFile};

/// The spaces a line starts with.
pub(super) fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line holds nothing YAML reads: blank, or only a comment.
fn is_blank(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

/// The line a diagnostic points at: its number, its text, and the key it
/// sets when it sets one.
fn key_line<'a>(at: Option<&Location>, source: &'a SourceFile) -> Option<(usize, &'a str, &'a str)> {
    let span = at?.span?;
    let (line, _) = source.line_col(span.start);
    let this = &source.text[source.line_range(line)];
    let key = this.trim_start().split(':').next().unwrap_or("").trim_start_matches("- ");
    let key_ok = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    key_ok.then_some((line, this, key))
}

/// A value of the wrong type that runs on into a more indented next line
/// (`end:` indented one space too far is read as part of `start`'s value):
/// line `next` is `extra` spaces deeper than `key:` on `line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Continuation {
    pub next: usize,
    pub extra: usize,
    pub key: String,
    pub line: usize,
}

/// Which line to change, and by how much, when the value of `d` (a wrong
/// type) runs on into the next line.
pub(super) fn continuation(d: &Diagnostic, source: &SourceFile) -> Option<Continuation> {
    if d.code != Code::WrongType {
        return None;
    }
    let (line, this, key) = key_line(d.location.as_ref(), source)?;
    let has_value = this.split_once(": ").is_some_and(|(_, v)| !v.trim().is_empty() && !v.trim().starts_with('#'));
    if !has_value {
        return None;
    }
    let next = line + 1;
    let next_text = &source.text[source.line_range(next)];
    let (have, want) = (indent_of(next_text), indent_of(this));
    (have > want && !is_blank(next_text)).then(|| Continuation { next, extra: have - want, key: key.to_owned(), line })
}

/// A key indented differently from the key above it: line `line` starts
/// with `have` spaces, the line `prev` above it with `want`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sibling {
    pub line: usize,
    pub have: usize,
    pub prev: usize,
    pub want: usize,
}

/// Which line to change, and to how many spaces, when the key `at` points
/// at is indented differently from the key above it.
pub(super) fn sibling(at: &Location, source: &SourceFile) -> Option<Sibling> {
    let (line, this, _) = key_line(Some(at), source)?;
    // The nearest line above that is not blank or a comment.
    let (prev, prev_text) =
        (1..line).rev().map(|l| (l, &source.text[source.line_range(l)])).find(|(_, t)| !is_blank(t))?;
    let (have, want) = (indent_of(this), indent_of(prev_text));
    let opens = prev_text.trim_end().ends_with(':');
    (have != want && !opens && !prev_text.trim_start().starts_with("- ")).then_some(Sibling { line, have, prev, want })
}

/// A line whose indentation fits no block open above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misindent {
    /// The line to edit (1-based).
    pub line: usize,
    /// The spaces it starts with.
    pub have: usize,
    /// The spaces it should start with: those of the nearest line above at
    /// the level it most likely belongs to.
    pub want: usize,
    /// A line above at that level (1-based); none when the line is blamed
    /// for the line after it not lining up.
    pub like: Option<usize>,
}

/// A column where a block's entries start, and whether its entries are
/// list items (`- `).
#[derive(Debug, Clone, Copy)]
struct Level {
    column: usize,
    dash: bool,
    /// The line that opened it or last used it.
    line: usize,
}

/// Reads the block structure of a file line by line and returns the first
/// line whose indentation matches no block it could belong to: more
/// indented than its sibling with no block opened for it, or between two
/// levels. Lines inside flow collections (`{…}` over several lines), block
/// scalars (`|`, `>`) and a plain text's continuation lines are skipped.
pub(super) fn misindented(text: &str) -> Option<Misindent> {
    let mut levels: Vec<Level> = Vec::new();
    // A key whose value is a block (`key:`, `- key:`): its column.
    let mut opened: Option<usize> = None;
    // A block scalar's key column: lines more indented belong to it.
    let mut scalar_of: Option<usize> = None;
    // A plain value that may continue on more indented lines: its column.
    let mut plain_of: Option<usize> = None;
    let mut flow_depth = 0i32;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if is_blank(line) || line.starts_with("---") || line.starts_with("...") {
            continue;
        }
        let have = indent_of(line);
        if flow_depth > 0 {
            flow_depth += flow_balance(line);
            continue;
        }
        if let Some(col) = scalar_of {
            if have > col {
                continue;
            }
            scalar_of = None;
        }
        let body = line.trim_start();
        let dash = body == "-" || body.starts_with("- ");
        if let Some(col) = opened.take() {
            // The first entry of a block: deeper than its key, or a list at
            // the key's own column.
            if have > col || (dash && have == col) {
                levels.retain(|l| l.column < have || (l.column == have && !dash && !l.dash));
                levels.push(Level { column: have, dash, line: n });
                plain_of = None;
                flow_depth += flow_balance(line);
                note_line(body, have, dash, n, &mut levels, &mut opened, &mut scalar_of, &mut plain_of);
                continue;
            }
        }
        if let Some(col) = plain_of
            && have > col
            && !body.contains(": ")
            && !body.ends_with(':')
            && !dash
        {
            // The plain text goes on.
            continue;
        }
        plain_of = None;
        // Back to a level open above: drop the deeper ones.
        match levels.iter().rposition(|l| l.column == have && (l.dash == dash || l.dash)) {
            Some(at) => {
                levels.truncate(at + 1);
                if levels[at].dash && !dash {
                    // A key at a list's column ends the list (`key:` then
                    // `- item` at the same column).
                    levels[at].dash = false;
                }
                levels[at].line = n;
            }
            None if levels.is_empty() && have == 0 => levels.push(Level { column: 0, dash, line: n }),
            None => {
                // The nearest level of the same kind, else the nearest.
                // On a tie, the deeper: the line is more likely one of the entries
                // just above it.
                let distance = |l: &&Level| (l.column.abs_diff(have), std::cmp::Reverse(l.column));
                let kind = levels.iter().filter(|l| l.dash == dash).min_by_key(distance);
                let near = *kind.or_else(|| levels.iter().min_by_key(distance))?;
                return Some(blame_opener(&levels, near, n, have).unwrap_or(Misindent {
                    line: n,
                    have,
                    want: near.column,
                    like: Some(near.line),
                }));
            }
        }
        flow_depth += flow_balance(line);
        note_line(body, have, dash, n, &mut levels, &mut opened, &mut scalar_of, &mut plain_of);
    }
    None
}

/// When the level a line misses was opened by the line just above it, and
/// that line is off the usual two spaces under its parent by as much as
/// this one is off it, the line above is the one to edit
/// (`evidence:`, `⎵⎵⎵- file: …` three deeper, then `⎵⎵⎵⎵note: …`).
fn blame_opener(levels: &[Level], near: Level, line: usize, have: usize) -> Option<Misindent> {
    let at = levels.iter().position(|l| l.column == near.column && l.line == near.line)?;
    if near.line + 1 != line || at == 0 {
        return None;
    }
    // The opener's own column: a `- key:` item's dash level, else its own.
    let (opener, parent) = match levels[at - 1] {
        dash if dash.dash && dash.line == near.line && at >= 2 => (dash.column, levels[at - 2].column),
        other => (near.column, other.column),
    };
    // The line is off its level by `shift` (either way); the opener, moved
    // by as much, would sit the usual two spaces under its parent.
    let shift = have as isize - near.column as isize;
    let usual = usize::try_from(opener as isize + shift).ok()?;
    (usual == parent + 2 && shift != 0).then_some(Misindent { line: near.line, have: opener, want: usual, like: None })
}

/// What a line opens for the lines after it: a block under its key, a
/// block scalar, a plain text that may continue; and, for `- key: value`,
/// the level of the item's keys.
#[allow(clippy::too_many_arguments)]
fn note_line(
    body: &str,
    have: usize,
    dash: bool,
    n: usize,
    levels: &mut Vec<Level>,
    opened: &mut Option<usize>,
    scalar_of: &mut Option<usize>,
    plain_of: &mut Option<usize>,
) {
    let (col, rest) = if dash { (have + 2, body[1..].trim_start()) } else { (have, body) };
    if dash && !rest.is_empty() && rest.contains(':') && !rest.starts_with(['{', '[', '"', '\'']) {
        // `- key: value`: the item's other keys start where `key` does.
        levels.push(Level { column: col, dash: false, line: n });
    }
    let value = match key_value(rest) {
        Some(value) => value,
        None if dash && rest.is_empty() => {
            *opened = Some(have);
            return;
        }
        None => {
            *plain_of = Some(col);
            return;
        }
    };
    let value = value.split(" #").next().unwrap_or("").trim();
    if value.is_empty() {
        *opened = Some(col);
    } else if value.starts_with(['|', '>']) {
        *scalar_of = Some(col);
    } else if !value.starts_with(['{', '[', '"', '\'']) {
        *plain_of = Some(col);
    }
}

/// The value after a plain key's `: ` (or empty after a final `:`).
fn key_value(body: &str) -> Option<&str> {
    if body.starts_with(['{', '[', '"', '\'', '#']) {
        return None;
    }
    if let Some(key) = body.strip_suffix(':') {
        return (!key.contains(": ")).then_some("");
    }
    body.split_once(": ").map(|(_, v)| v)
}

/// How many flow collections a line opens and does not close, outside
/// quotes.
fn flow_balance(line: &str) -> i32 {
    let mut depth = 0;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            (None, '#') => break,
            _ => {}
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<(usize, usize, usize)> {
        misindented(text).map(|m| (m.line, m.have, m.want))
    }

    #[test]
    fn well_indented_files_have_no_culprit() {
        let text = "a: 1\nb:\n  c: 2\n  d:\n    - x\n    - y: 1\n      z: 2\n  e: |\n    free\n      text\nf:\n- 1\n- 2\ng: long\n  text goes on\nh: {a: 1,\n  b: 2}\n";
        assert_eq!(at(text), None);
    }

    #[test]
    fn a_list_item_one_space_short() {
        let text = "points:\n  u:\n    evidence:\n      - url: x\n        note: y\n     - file: z\n";
        assert_eq!(at(text), Some((6, 5, 6)));
    }

    #[test]
    fn a_key_one_space_deep_after_a_value() {
        let text = "e:\n  - file: a\n     note: b\n";
        assert_eq!(at(text), Some((3, 5, 4)));
    }

    #[test]
    fn a_list_item_one_space_deep_is_blamed_not_its_next_line() {
        let text = "a:\n  evidence:\n     - file: x\n      note: y\n";
        assert_eq!(misindented(text), Some(Misindent { line: 3, have: 5, want: 4, like: None }));
    }

    #[test]
    fn a_list_item_one_space_short_is_blamed_not_its_next_line() {
        let text = "p:\n  u:\n    evidence:\n     - file: x\n        note: y\n";
        assert_eq!(misindented(text), Some(Misindent { line: 4, have: 5, want: 6, like: None }));
    }

    #[test]
    fn a_key_between_two_levels() {
        let text = "a:\n  b: 1\n c: 2\n";
        assert_eq!(at(text), Some((3, 1, 2)));
    }

    /// Every YAML file the project ships parses, so none has a culprit:
    /// the audit must not blame a line of a valid file.
    #[test]
    fn no_shipped_yaml_file_is_blamed() {
        fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                let name = entry.file_name();
                if name == "target" || name == ".git" || name == "fuzz" {
                    continue;
                }
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    found.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &mut files);
        assert!(files.len() > 50, "{}", files.len());
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if serde_yaml::from_str::<serde_yaml::Value>(&text).is_ok() {
                assert_eq!(misindented(&text), None, "{}", file.display());
            }
        }
    }
}
