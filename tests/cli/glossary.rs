//! `docs/glossary.md` names one Indonesian term per concept and the words
//! not to use instead; the Indonesian that terbuka writes follows it.

use std::fs;

use crate::harness::{bare, output, repo_root};

/// `(concept, avoided word)` from the glossary's *Not* column.
fn avoided() -> Vec<(String, String)> {
    let text = fs::read_to_string(repo_root().join("docs/glossary.md")).unwrap();
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| Concept")) {
        let cells = line.split('|').map(str::trim).collect::<Vec<_>>();
        let (concept, not) = (cells[1], cells[4]);
        for word in not.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            out.push((concept.to_owned(), word.to_lowercase()));
        }
    }
    out
}

/// `text` without what is in backticks (YAML keys, commands, paths: what
/// the user types) and without quoted source lines of diagnostics.
fn prose(text: &str) -> String {
    let lines = text.lines().filter(|l| {
        let t = l.trim_start();
        !(t.split_once(" │").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())))
    });
    let mut out = String::new();
    for line in lines {
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                out.push_str(part);
                out.push(' ');
            }
        }
        out.push('\n');
    }
    out.to_lowercase()
}

/// Whether `word` occurs in `text` as a word (not inside a longer one).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '-');
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '-');
        before && after
    })
}

/// The Indonesian texts terbuka writes: the report strings, the generated
/// diagnostics reference and every command's help.
fn indonesian() -> Vec<(String, String)> {
    let root = repo_root();
    let strings: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(root.join("report-templates/strings.yaml")).unwrap()).unwrap();
    let mut report = String::new();
    for (_, entry) in strings.as_mapping().unwrap() {
        if let Some(id) = entry.get("id").and_then(|v| v.as_str()) {
            report.push_str(id);
            report.push('\n');
        }
    }
    let mut help = String::new();
    let top = output(bare().args(["--lang", "id", "--help"]));
    help.push_str(&top.stdout);
    let commands = top
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Perintah"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect::<Vec<_>>();
    assert!(commands.len() >= 8, "{}", top.stdout);
    for c in &commands {
        help.push_str(&output(bare().args(["--lang", "id", c, "--help"])).stdout);
    }
    vec![
        ("report-templates/strings.yaml".into(), prose(&report)),
        ("docs/diagnostics.id.md".into(), prose(&fs::read_to_string(root.join("docs/diagnostics.id.md")).unwrap())),
        ("--help".into(), prose(&help_prose(&help))),
    ]
}

/// Help without what the user types: usage lines and the names of
/// subcommands (`new workspace`).
fn help_prose(help: &str) -> String {
    let mut out = String::new();
    for line in help.lines().filter(|l| !l.starts_with("Penggunaan:")) {
        let listed = line.strip_prefix("  ").and_then(|rest| {
            let (name, text) = rest.split_once("  ")?;
            name.chars().all(|c| c.is_ascii_lowercase() || c == '-').then_some(text)
        });
        out.push_str(listed.unwrap_or(line));
        out.push('\n');
    }
    out
}

#[test]
fn indonesian_follows_the_glossary() {
    let avoided = avoided();
    assert!(avoided.len() >= 10, "{avoided:?}");
    let mut found = Vec::new();
    for (source, text) in indonesian() {
        for (concept, word) in &avoided {
            if has_word(&text, word) {
                found.push(format!("{source}: `{word}` for {concept}"));
            }
        }
    }
    assert!(found.is_empty(), "words the glossary avoids:\n{}", found.join("\n"));
}

#[test]
fn the_word_test_sees_words_only() {
    assert!(has_word("folder workspace ini", "workspace"));
    assert!(!has_word("workspaces", "workspace"));
    assert!(!has_word(&prose("jalankan `terbuka new workspace DIR`"), "workspace"));
    assert!(!has_word(&prose("12 │ workspace: x"), "workspace"));
}
