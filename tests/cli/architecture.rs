//! The shape of `src/`, read from the source itself: no import cycle
//! between the top-level modules, and no long file without a reason.
//!
//! The layers (`docs/architecture.md`) only work while data flows one way:
//! a cycle such as `load → validate → load` ties every file of both
//! modules together, so that neither can be changed, tested or reused
//! (by `serve` or `import`) alone. The graph is built from every
//! `crate::<module>` reference (`use crate::x::…`, `use crate::{x, y}`,
//! `crate::x::f()` in an expression), including `#[cfg(test)]` code, with
//! comments and string literals left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::repo_root;

/// A file of `src/` longer than this must say at its top why it is one unit.
const LONG: usize = 600;

/// The words that open the sentence a long file's `//!` header must have.
const ONE_UNIT: &str = "One unit:";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect::<Vec<_>>();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `text` with comments removed and string and character literals emptied,
/// so that only code is left to look for `crate::` in.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if b[i] == b'r' && (rest.starts_with(b"r\"") || rest.starts_with(b"r#")) && !ident_before(b, i) {
            // A raw string: r"…", r#"…"#, …
            let hashes = rest[1..].iter().take_while(|&&c| c == b'#').count();
            if rest.get(1 + hashes) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            let close = [b"\"".as_slice(), &vec![b'#'; hashes]].concat();
            i += 2 + hashes;
            while i < b.len() && !b[i..].starts_with(&close) {
                i += 1;
            }
            i += close.len();
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' {
            // A character literal ('x', '\n', '\u{7f}', 'é'), else a lifetime.
            let end = if rest.get(1) == Some(&b'\\') {
                rest.iter().skip(2).position(|&c| c == b'\'').map(|p| p + 2)
            } else {
                let width = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (rest.get(1 + width) == Some(&b'\'')).then_some(1 + width)
            };
            match end {
                Some(end) => {
                    i += end + 1;
                    out.push_str("' '");
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let width = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[i..i + width]);
            i += width;
        }
    }
    out
}

fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

fn ident_at(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules `code` names through `crate::`, with the line of
/// each first mention.
fn references(code: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut from = 0;
    while let Some(found) = code[from..].find("crate") {
        let at = from + found;
        from = at + 5;
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = code[at + 5..].trim_start();
        let Some(rest) = rest.strip_prefix("::") else { continue };
        let rest = rest.trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::c, d as e}`: the first name of each item.
            let mut depth = 0;
            let mut item_start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        let name = ident_at(&group[j..]);
                        if !name.is_empty() {
                            out.entry(name.to_owned()).or_insert_with(|| line_of(at));
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident_at(rest);
            if !name.is_empty() {
                out.entry(name.to_owned()).or_insert_with(|| line_of(at));
            }
        }
    }
    out
}

/// The top-level module a file of `src/` belongs to (`None` for the crate
/// root).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_owned())
}

/// The edges between top-level modules, each with the places that make it.
type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn graph() -> (Graph, Vec<(String, String)>) {
    let src = repo_root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules = files.iter().filter_map(|f| module_of(f.strip_prefix(&src).unwrap())).collect::<BTreeSet<_>>();
    let mut graph = Graph::new();
    let mut texts = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let text = fs::read_to_string(file).unwrap();
        let shown = format!("src/{}", rel.display());
        if let Some(from) = module_of(rel) {
            for (to, line) in references(&code_only(&text)) {
                if to != from && modules.contains(&to) {
                    let places = graph.entry(from.clone()).or_default().entry(to).or_default();
                    places.push(format!("{shown}:{line}"));
                }
            }
            graph.entry(from).or_default();
        }
        texts.push((shown, text));
    }
    (graph, texts)
}

/// The strongly connected components of more than one module (Tarjan).
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph[v].keys() {
            let w = w.as_str();
            if !s.graph.contains_key(w) {
                continue;
            }
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out.sort();
    s.out
}

#[test]
fn no_import_cycle_between_the_top_level_modules() {
    let (graph, _) = graph();
    let found = cycles(&graph);
    let mut report = String::new();
    for component in &found {
        report.push_str(&format!("cycle: {}\n", component.join(" · ")));
        for from in component {
            for (to, places) in &graph[from] {
                if component.contains(to) {
                    report.push_str(&format!("  {from} → {to}: {}\n", places.join(", ")));
                }
            }
        }
    }
    assert!(found.is_empty(), "the top-level modules of src/ import each other in a cycle:\n{report}");
}

#[test]
fn a_long_file_says_why_it_is_one_unit() {
    let (_, texts) = graph();
    let mut long = Vec::new();
    for (file, text) in &texts {
        let lines = text.lines().count();
        let header = text.lines().take_while(|l| l.starts_with("//!")).collect::<Vec<_>>().join(" ");
        if lines > LONG && !header.contains(ONE_UNIT) {
            long.push(format!("{file} ({lines} lines)"));
        }
    }
    assert!(
        long.is_empty(),
        "files of src/ over {LONG} lines whose `//!` header has no sentence starting `{ONE_UNIT}` \
         (split the file, or say why it is one unit):\n  {}",
        long.join("\n  ")
    );
}

#[test]
fn the_reader_sees_what_the_compiler_sees() {
    // The checks above are only as good as their reading of Rust.
    let code = code_only(
        "use crate::{a, b::{c, d}, e as f};\n// crate::g\nlet s = \"crate::h\"; let r = r#\"crate::i\"#;\n\
         /* crate::j /* nested */ crate::k */ let c = '\"'; fn x<'a>(y: &'a str) { crate::l::m(); }\n\
         $crate::n; pub(crate) fn o() {} super::crate_p;",
    );
    let found = references(&code).into_keys().collect::<Vec<_>>();
    assert_eq!(found, ["a", "b", "e", "l"]);
    let graph = Graph::from([
        ("x".into(), BTreeMap::from([("y".into(), vec![])])),
        ("y".into(), BTreeMap::from([("z".into(), vec![]), ("x".into(), vec![])])),
        ("z".into(), BTreeMap::new()),
    ]);
    assert_eq!(cycles(&graph), [vec!["x".to_owned(), "y".to_owned()]]);
}
