//! The text of workspace files, kept so diagnostics can show the line.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use super::path::{KeyPath, Seg, Subject};

/// A byte range in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte (at least `start`).
    pub end: usize,
}

/// Where a diagnostic points: a workspace file and, when known, a range in
/// it, the YAML key path it concerns and what that path names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// Path relative to the workspace root, with `/` separators.
    pub file: Arc<str>,
    /// The offending text; `None` for the file as a whole.
    pub span: Option<Span>,
    /// The key path it concerns (`points.understanding.level`), when the
    /// rule knows one: front ends place the diagnostic by it.
    pub path: Option<KeyPath>,
    /// The entities the file and key path name.
    pub subject: Option<Arc<Subject>>,
}

impl Location {
    /// The whole file.
    pub fn file(file: &Arc<str>) -> Self {
        Location { file: file.clone(), span: None, path: None, subject: None }
    }

    /// A range in the file.
    pub fn span(file: &Arc<str>, start: usize, end: usize) -> Self {
        Location { file: file.clone(), span: Some(Span { start, end: end.max(start) }), path: None, subject: None }
    }

    /// This location, concerning the key path `path`; the subject is what
    /// the file and the path name ([`Subject::of`]), with the ids of
    /// sequence items answered by `id_at`.
    #[must_use]
    pub fn concerning(mut self, path: &[Seg], id_at: &dyn Fn(&[Seg]) -> Option<String>) -> Self {
        let subject = Subject::of(&self.file, path, id_at);
        self.path = Some(path.into());
        self.subject = (!subject.is_empty()).then(|| Arc::new(subject));
        self
    }

    /// The key path as text (`points.understanding.evidence[1].file`).
    pub fn path_text(&self) -> Option<String> {
        self.path.as_deref().map(super::path::display)
    }
}

/// One file's text with its line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the workspace root.
    pub path: Arc<str>,
    /// The text (valid UTF-8).
    pub text: String,
    /// Worked out when a position in the file is first asked for: most
    /// files of a valid workspace never are (indexing every line of 5,000
    /// files was a tenth of reading them).
    lines: OnceLock<Lines>,
}

/// Where a file's lines start.
#[derive(Debug, Clone)]
struct Lines {
    starts: Vec<usize>,
    /// Whether the text is all ASCII (a column is then a byte count).
    ascii: bool,
}

impl Lines {
    fn of(text: &str) -> Lines {
        // Lines end as YAML says: `\n`, `\r\n`, or a lone `\r` (old Mac
        // files), so that lines agree with the parsers' positions.
        let bytes = text.as_bytes();
        let breaks = bytes.iter().enumerate().filter_map(|(i, &b)| match b {
            b'\n' => Some(i + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
            _ => None,
        });
        Lines { starts: std::iter::once(0).chain(breaks).collect(), ascii: text.is_ascii() }
    }
}

impl SourceFile {
    /// A file's text; its lines are indexed when first needed.
    pub fn new(path: Arc<str>, text: String) -> Self {
        SourceFile { path, text, lines: OnceLock::new() }
    }

    fn lines(&self) -> &Lines {
        self.lines.get_or_init(|| Lines::of(&self.text))
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = &self.lines().starts;
        let line = starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = starts[line];
        let column = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte offset of a 1-based line and 1-based column (in characters).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let lines = self.lines();
        let Some(&start) = lines.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        if lines.ascii {
            // The line ends where the next starts, less its line break.
            let bytes = self.text.as_bytes();
            let mut end = lines.starts.get(line.max(1)).copied().unwrap_or(bytes.len());
            if end > start && bytes[end - 1] == b'\n' {
                end -= 1;
            }
            if end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            return start + column.saturating_sub(1).min(end - start);
        }
        let rest = &self.text[start..];
        let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        rest[..line_end].char_indices().nth(column.saturating_sub(1)).map_or(start + line_end, |(i, _)| start + i)
    }

    /// The byte range of the 1-based line `line`, without its line break.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.lines().starts.get(line.saturating_sub(1)).copied().unwrap_or(self.text.len());
        let end = self.text[start..].find(['\n', '\r']).map_or(self.text.len(), |i| start + i);
        start..end
    }
}

/// Every source file that diagnostics may point into.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: BTreeMap<Arc<str>, Arc<SourceFile>>,
}

impl Sources {
    /// Adds a file (replacing one at the same path).
    pub fn insert(&mut self, file: Arc<SourceFile>) {
        self.files.insert(file.path.clone(), file);
    }

    /// The paths of every file, in order.
    pub fn paths(&self) -> impl Iterator<Item = &Arc<str>> {
        self.files.keys()
    }

    /// Removes the file at `path`; whether it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        self.files.remove(path).is_some()
    }

    /// Every file, in path order.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<SourceFile>> {
        self.files.values()
    }

    /// The file at `path`.
    pub fn get(&self, path: &str) -> Option<&Arc<SourceFile>> {
        self.files.get(path)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Line and column (both 1-based) where a location starts and ends.
    pub fn resolve(&self, location: &Location) -> Option<((usize, usize), (usize, usize))> {
        let span = location.span?;
        let file = self.get(&location.file)?;
        Some((file.line_col(span.start), file.line_col(span.end)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let f = SourceFile::new("a".into(), "a: 1\rb: 2\r\nc: 3".into());
        assert_eq!(f.line_col(5), (2, 1));
        assert_eq!(f.line_col(11), (3, 1));
        assert_eq!(f.line_range(2), 5..9);
        assert_eq!(f.offset(3, 1), 11);
    }

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("a".into(), "ab\nçé: x\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), (2, 5));
        assert_eq!(f.offset(2, 5), x);
        assert_eq!(f.line_range(2), 3..f.text.len() - 1);
    }

    #[test]
    fn offset_of_ascii_text_agrees_with_counting_characters() {
        for text in ["a: 1\rb: 22\r\nc: 333\n\nd:\n", "x", "", "\n\r\r\n", "k: v\r\n"] {
            let fast = SourceFile::new("a".into(), text.into());
            let slow = fast.clone();
            let lines = Lines { ascii: false, ..Lines::of(text) };
            slow.lines.set(lines).unwrap();
            assert!(fast.lines().ascii);
            for line in 0..8 {
                for column in 0..10 {
                    assert_eq!(fast.offset(line, column), slow.offset(line, column), "{text:?} {line}:{column}");
                }
            }
        }
    }
}
