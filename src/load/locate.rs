//! A location index for one YAML file: key path → where the key and its
//! value are written.
//!
//! serde_yaml keeps no positions once it has deserialised a file, yet a
//! semantic error (an unknown institution id, say) must point at the line
//! where the id is written. This module walks the file once with
//! yaml-rust2's event parser and remembers, for every mapping entry and
//! sequence item, the byte range of its key and of its value.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diag::{SourceFile, Span};

pub use crate::diag::Seg;

/// Builds a key path: `path!["points", id, "evidence", 0usize]`.
#[macro_export]
macro_rules! path {
    ($($seg:expr),* $(,)?) => {
        &[$($crate::load::locate::Seg::from($seg)),*][..]
    };
}

/// Where one node is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// The key (for a mapping entry).
    pub key: Option<Span>,
    /// The value (its first token for a collection).
    pub value: Span,
}

/// A key written twice in one mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The key.
    pub key: String,
    /// Where it was first written.
    pub first: Span,
    /// Where it is written again.
    pub again: Span,
}

/// Where each key of one file is written, worked out the first time it is
/// asked for (dereference it for the [`Index`]). `load` makes a lazy one for
/// a file that deserialises cleanly and is shorter than the text limit, so a
/// valid workspace is parsed once; validation asks only where it has a
/// problem to show.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    /// The file, until it is indexed.
    file: Option<Arc<SourceFile>>,
    max_chars: usize,
    index: OnceLock<Index>,
}

impl Locator {
    /// Indexes `file` now. A syntax error stops the walk; what was read
    /// before it stays indexed.
    pub fn new(file: &SourceFile) -> Self {
        Locator::with_text_limit(file, usize::MAX)
    }

    /// Indexes `file` now, and notes every scalar longer than `max_chars`.
    pub fn with_text_limit(file: &SourceFile, max_chars: usize) -> Self {
        Locator { file: None, max_chars, index: OnceLock::from(Index::build(file, max_chars)) }
    }

    /// Indexes `file` when first asked.
    pub fn lazy(file: Arc<SourceFile>, max_chars: usize) -> Self {
        Locator { file: Some(file), max_chars, index: OnceLock::new() }
    }

    /// Whether the file has been indexed (a lazy locator is indexed only
    /// when a rule asks where something is).
    pub fn indexed(&self) -> bool {
        self.index.get().is_some()
    }
}

impl std::ops::Deref for Locator {
    type Target = Index;

    fn deref(&self) -> &Index {
        self.index.get_or_init(|| match &self.file {
            Some(file) => Index::build(file, self.max_chars),
            None => Index::default(),
        })
    }
}

/// Key path → location, for one file: a tree of the written nodes, each
/// found from its parent by its key or index (so a path is not stored
/// once per node, and building it allocates one string per mapping key).
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every written node; the document's root is the first.
    nodes: Vec<Node>,
    /// (parent, key or index) → child, as indices into `nodes`.
    children: HashMap<(u32, Seg), u32>,
    /// Keys written more than once in the same mapping.
    pub duplicates: Vec<DuplicateKey>,
    /// Whether the file has more than one YAML document.
    pub documents: usize,
    /// Where the second document starts, if there is one.
    pub second_document: Option<Span>,
    /// Scalars longer than the limit given to [`Locator::with_text_limit`]:
    /// where, and how many characters.
    pub long_texts: Vec<(Span, usize)>,
}

impl Index {
    fn build(file: &SourceFile, max_chars: usize) -> Self {
        let mut builder = Builder { file, stack: Vec::new(), locator: Index::default(), max_chars };
        let mut parser = Parser::new_from_str(&file.text);
        let _ = parser.load(&mut builder, true);
        builder.locator
    }

    /// Where the node at `path` is written.
    pub fn node(&self, path: &[Seg]) -> Option<Node> {
        match self.walk(path) {
            (node, 0) => node.map(|n| self.nodes[n as usize]),
            _ => None,
        }
    }

    /// The value at `path`, or the nearest written ancestor.
    pub fn value(&self, path: &[Seg]) -> Option<Span> {
        self.nearest(path).map(|n| n.value)
    }

    /// The key at `path` (its value for a sequence item), or the nearest
    /// written ancestor.
    pub fn key(&self, path: &[Seg]) -> Option<Span> {
        self.nearest(path).map(|n| n.key.unwrap_or(n.value))
    }

    fn nearest(&self, path: &[Seg]) -> Option<Node> {
        self.walk(path).0.map(|n| self.nodes[n as usize])
    }

    /// Follows `path` from the root as far as it is written: the last node
    /// reached and how many segments are left.
    fn walk(&self, path: &[Seg]) -> (Option<u32>, usize) {
        if self.nodes.is_empty() {
            return (None, path.len());
        }
        let mut at = 0;
        for (i, seg) in path.iter().enumerate() {
            match self.children.get(&(at, seg.clone())) {
                Some(&child) => at = child,
                None => return (Some(at), path.len() - i),
            }
        }
        (Some(at), 0)
    }
}

enum Frame {
    Mapping { key: Option<(Seg, Span)> },
    Sequence { index: usize },
}

struct Builder<'a> {
    file: &'a SourceFile,
    /// The open collections, each with its node.
    stack: Vec<(Frame, u32)>,
    locator: Index,
    max_chars: usize,
}

impl Builder<'_> {
    fn offset(&self, mark: Marker) -> usize {
        // yaml-rust2 markers: 1-based line, 0-based column in characters.
        self.file.offset(mark.line(), mark.col() + 1)
    }

    /// Ends a scalar written at `start` with `value` in `style`.
    fn scalar_end(&self, start: usize, value: &str, style: TScalarStyle) -> usize {
        let text = &self.file.text;
        let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
        let line = &text[start..line_end];
        let end = match style {
            TScalarStyle::Plain if !value.contains('\n') && line.starts_with(value) => value.len(),
            TScalarStyle::Plain => line.trim_end().len(),
            TScalarStyle::SingleQuoted => closing(line, '\'', false),
            TScalarStyle::DoubleQuoted => closing(line, '"', true),
            TScalarStyle::Literal | TScalarStyle::Folded => 1,
        };
        ceil_char_boundary(text, start + end.max(1).min(line.len().max(1)).min(text.len() - start))
    }

    /// Adds a node under `parent` (none for the root), returning its index.
    fn add(&mut self, parent: Option<(u32, Seg)>, node: Node) -> u32 {
        let id = u32::try_from(self.locator.nodes.len()).unwrap_or(u32::MAX);
        self.locator.nodes.push(node);
        if let Some(edge) = parent {
            // A key written twice points at its last value, as serde reads it.
            self.locator.children.insert(edge, id);
        }
        id
    }

    /// Called for every node; returns its index, if it is a value (not a
    /// key).
    fn place(&mut self, span: Span) -> Option<u32> {
        let Some((frame, parent)) = self.stack.last_mut() else {
            return Some(self.add(None, Node { key: None, value: span }));
        };
        let parent = *parent;
        match frame {
            Frame::Sequence { index } => {
                let seg = Seg::Index(*index);
                *index += 1;
                Some(self.add(Some((parent, seg)), Node { key: None, value: span }))
            }
            Frame::Mapping { key } => {
                let (seg, key_span) = key.take()?;
                Some(self.add(Some((parent, seg)), Node { key: Some(key_span), value: span }))
            }
        }
    }

    fn push(&mut self, frame: Frame, span: Span) {
        let id = match self.place(span) {
            Some(id) => id,
            // A collection used as a mapping key: its nodes go under `?`.
            None => {
                let parent = self.stack.last().map(|(_, id)| *id).unwrap_or_default();
                self.add(Some((parent, Seg::Key("?".into()))), Node { key: None, value: span })
            }
        };
        self.stack.push((frame, id));
    }
}

/// The first character boundary at or after `i` (a span never ends inside
/// a character: the fuzzer found a block scalar starting with `–`).
pub(super) fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn closing(line: &str, quote: char, backslash: bool) -> usize {
    let mut chars = line.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if backslash && c == '\\' {
            chars.next();
        } else if c == quote {
            if !backslash && line[i + 1..].starts_with(quote) {
                chars.next();
                continue;
            }
            return i + 1;
        }
    }
    line.len()
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let start = self.offset(mark);
        match event {
            Event::DocumentStart => {
                self.locator.documents += 1;
                if self.locator.documents == 2 {
                    self.locator.second_document = Some(Span { start, end: (start + 3).min(self.file.text.len()) });
                }
            }
            Event::Scalar(value, style, ..) if self.locator.documents <= 1 => {
                let span = Span { start, end: self.scalar_end(start, &value, style) };
                if value.len() > self.max_chars {
                    let chars = value.chars().count();
                    if chars > self.max_chars {
                        self.locator.long_texts.push((span, chars));
                    }
                }
                if let Some((Frame::Mapping { key }, parent)) = self.stack.last_mut()
                    && key.is_none()
                {
                    let seg = Seg::Key(value);
                    if let Some(first) = self.locator.children.get(&(*parent, seg.clone())) {
                        let first = self.locator.nodes[*first as usize].key.unwrap_or(span);
                        let Seg::Key(value) = &seg else { return };
                        self.locator.duplicates.push(DuplicateKey { key: value.clone(), first, again: span });
                    }
                    *key = Some((seg, span));
                    return;
                }
                self.place(span);
            }
            Event::Alias(_) if self.locator.documents <= 1 => {
                let end = self.file.text[start..]
                    .find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}')
                    .map_or(self.file.text.len(), |i| start + i);
                let span = Span { start, end };
                if let Some((Frame::Mapping { key, .. }, _)) = self.stack.last_mut()
                    && key.is_none()
                {
                    *key = Some((Seg::Key("*".into()), span));
                    return;
                }
                self.place(span);
            }
            Event::MappingStart(..) if self.locator.documents <= 1 => {
                let span = Span { start, end: (start + 1).min(self.file.text.len()) };
                self.push(Frame::Mapping { key: None }, span);
            }
            Event::SequenceStart(..) if self.locator.documents <= 1 => {
                let span = Span { start, end: (start + 1).min(self.file.text.len()) };
                self.push(Frame::Sequence { index: 0 }, span);
            }
            Event::MappingEnd | Event::SequenceEnd if self.locator.documents <= 1 => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

impl Index {
    /// The span of a key or value that starts at byte `start`.
    pub fn span_starting_at(&self, start: usize) -> Option<Span> {
        let mut found: Option<Span> = None;
        for node in &self.nodes {
            for span in node.key.into_iter().chain([node.value]) {
                if span.start == start && found.is_none_or(|f| span.end > f.end) {
                    found = Some(span);
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_at(file: &SourceFile, span: Span) -> &str {
        &file.text[span.start..span.end]
    }

    #[test]
    fn finds_keys_and_values() {
        let file = SourceFile::new(
            "x.yaml".into(),
            "# c\nid: diskominfo\nlist: [a, 'b c', \"d\\\"e\"]\npoints:\n  understanding:\n    level: 3\n    evidence:\n      - {file: evidence/a.txt}\n      - url: https://x\n".into(),
        );
        let loc = Locator::new(&file);
        let node = loc.node(path!["id"]).unwrap();
        assert_eq!(text_at(&file, node.key.unwrap()), "id");
        assert_eq!(text_at(&file, node.value), "diskominfo");
        assert_eq!(file.line_col(node.value.start), (2, 5));
        assert_eq!(text_at(&file, loc.value(path!["list", 1usize]).unwrap()), "'b c'");
        assert_eq!(text_at(&file, loc.value(path!["list", 2usize]).unwrap()), "\"d\\\"e\"");
        assert_eq!(text_at(&file, loc.value(path!["points", "understanding", "level"]).unwrap()), "3");
        let f = loc.node(path!["points", "understanding", "evidence", 0usize, "file"]).unwrap();
        assert_eq!(text_at(&file, f.value), "evidence/a.txt");
        assert_eq!(
            text_at(&file, loc.key(path!["points", "understanding", "evidence", 1usize, "url"]).unwrap()),
            "url"
        );
        // A path that is not written falls back to its nearest ancestor.
        assert_eq!(text_at(&file, loc.key(path!["points", "understanding", "nope"]).unwrap()), "understanding");
    }

    #[test]
    fn finds_duplicate_keys() {
        let file = SourceFile::new("x.yaml".into(), "a: 1\nb: 2\na: 3\n".into());
        let loc = Locator::new(&file);
        assert_eq!(loc.duplicates.len(), 1);
        assert_eq!(file.line_col(loc.duplicates[0].again.start), (3, 1));
    }
}
