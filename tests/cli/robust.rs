//! No input of any shape makes terbuka panic: random edits of real files go
//! through load, validate and score, and every diagnostic names its file.

use proptest::prelude::*;

use terbuka::diag::render::{self, Format};
use terbuka::load::{self, Limits};
use terbuka::validate::{self, Facts};

use crate::harness::Ws;

const TARGETS: &[&str] = &[
    "assessments/2017-s1/dinas-a.yaml",
    "institutions/dinas-a.yaml",
    "rubrics/mini.yaml",
    "terbuka.yaml",
    "commitments/open-data.yaml",
    "reviews/2017-s1.yaml",
];

fn edit() -> impl Strategy<Value = (usize, usize, String)> {
    let pieces = prop::sample::select(vec![
        "",
        ":",
        " ",
        "\n",
        "\t",
        "-",
        "{",
        "}",
        "[",
        "]",
        "'",
        "\"",
        "*a",
        "&a ",
        "!!str ",
        "~",
        "no",
        "0x10",
        "1e3",
        "level: 9",
        "\u{feff}",
        "é",
        "#",
        "---\n",
        "..",
        "/",
        "\\",
        "\0",
        "\r\n",
        "    ",
        "{id: x}",
        "2017-13-45",
    ]);
    (0..TARGETS.len(), 0usize..4000, prop::collection::vec(pieces, 1..4).prop_map(|v| v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_never_panic_and_every_diagnostic_is_located(edits in prop::collection::vec(edit(), 1..4)) {
        let ws = Ws::fixture("minimal");
        for (target, at, text) in edits {
            let file = TARGETS[target];
            let mut bytes = std::fs::read(ws.path().join(file)).unwrap();
            let at = at % (bytes.len() + 1);
            let cut = (at + text.len() % 3).min(bytes.len());
            bytes.splice(at..cut, text.bytes());
            std::fs::write(ws.path().join(file), bytes).unwrap();
        }
        let (workspace, mut diagnostics) = load::load(ws.path(), Limits::default()).unwrap();
        diagnostics.extend(validate::validate(&workspace, &Facts::gather(&workspace)));
        for d in &diagnostics {
            prop_assert!(d.location.is_some(), "unlocated: {:?}", d);
        }
        let options = render::Options { lang: terbuka::model::Lang::En, color: false };
        for format in [Format::Human, Format::Short, Format::Json, Format::Github] {
            let _ = render::render(&diagnostics, &workspace.sources, format, options);
        }
        if diagnostics.iter().all(|d| !d.is_error()) {
            let scores = terbuka::score::score(&workspace);
            for p in &scores.periods {
                for i in &p.institutions {
                    prop_assert!(i.index_backed <= i.index_claimed);
                }
            }
        }
    }
}

/// One generated institution: per point (level, evidence items, confirmed).
type Claims = Vec<(u32, usize, bool)>;

fn institution_claims() -> impl Strategy<Value = Claims> {
    prop::collection::vec((0u32..=2, 0usize..=2, prop::bool::weighted(0.8)), 2)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Generated workspaces (the minimal fixture's rubric, 1–8 institutions
    /// with any levels, evidence and confirmations) validate without
    /// errors, and their scores keep every invariant of docs/scoring.md.
    #[test]
    fn generated_workspaces_score_consistently(institutions in prop::collection::vec(institution_claims(), 1..8)) {
        let ws = Ws::fixture("minimal");
        ws.remove("assessments/2017-s1/dinas-a.yaml");
        ws.remove("assessments/2017-s1/dinas-b.yaml");
        ws.remove("reviews/2017-s1.yaml");
        let points = ["understanding", "action-plan"];
        for (i, claims) in institutions.iter().enumerate() {
            let id = format!("gen-{i}");
            ws.write(
                &format!("institutions/{id}.yaml"),
                &format!("id: {id}\nname: Dinas {i}\nkind: government-office\nfocal-point: {{name: Focal {i}}}\n"),
            );
            let mut text = format!("institution: {id}\nperiod: 2017-s1\nassessor: {{name: Focal {i}}}\npoints:\n");
            for (point, (level, evidence, confirmed)) in points.iter().zip(claims) {
                text.push_str(&format!("  {point}:\n    level: {level}\n    confirmed: {confirmed}\n    evidence:\n"));
                for e in 0..*evidence {
                    text.push_str(&format!("      - url: https://example.org/{id}/{point}/{e}\n"));
                }
                if *evidence == 0 {
                    text.truncate(text.len() - "    evidence:\n".len());
                }
            }
            ws.write(&format!("assessments/2017-s1/{id}.yaml"), &text);
        }
        let (workspace, mut diagnostics) = load::load(ws.path(), Limits::default()).unwrap();
        diagnostics.extend(validate::validate(&workspace, &Facts::gather(&workspace)));
        let errors = diagnostics.iter().filter(|d| d.is_error()).collect::<Vec<_>>();
        prop_assert!(errors.is_empty(), "{errors:?}");
        let scores = terbuka::score::score(&workspace);
        let period = scores.period("2017-s1").unwrap();
        prop_assert_eq!(period.institutions.len(), institutions.len());
        let required = [2u32, 1];
        for (score, claims) in period.institutions.iter().zip(&institutions) {
            prop_assert!(score.index_backed <= score.index_claimed);
            for (p, (level, evidence, confirmed)) in score.points.iter().zip(claims) {
                prop_assert_eq!(p.unconfirmed, !confirmed);
                let claimed = if *confirmed { *level } else { 0 };
                prop_assert_eq!(p.claimed, claimed);
                prop_assert!(p.backed <= p.claimed);
                let required = required[(p.number - 1) as usize];
                let backed = if *evidence == 0 && claimed >= required { required - 1 } else { claimed };
                prop_assert_eq!(p.backed, backed);
                prop_assert_eq!(p.unsupported, backed < claimed);
            }
        }
        // Each point's distribution counts every institution once.
        for summary in &period.points {
            prop_assert_eq!(summary.distribution.values().sum::<usize>(), institutions.len());
        }
        // W006 once per unconfirmed point, each located.
        let unconfirmed = institutions.iter().flatten().filter(|(_, _, c)| !c).count();
        let w006 = diagnostics.iter().filter(|d| d.code == terbuka::diag::Code::Unconfirmed).count();
        prop_assert_eq!(w006, unconfirmed);
    }

    /// Any text, escaped for Typst markup, reads back as plain text: no
    /// code, markup or math node, and no parse error — but for the two forms
    /// the escaper writes itself: a place where a long run may break a line
    /// (`escape::BREAK`, `#h(0pt);`), and `#box[…]` around a range or a
    /// short slashed word (no line break inside it), whose content is plain
    /// text again.
    #[test]
    fn escaped_text_is_plain_markup(text in "\\PC{0,64}|[#$*_`<>@=\\-+/\\\\\\[\\]{}()~'\"., \n\ta-z0-9]{0,64}|[a-z0-9/._\\-]{0,120}") {
        use typst_syntax::SyntaxKind;
        let escaped = terbuka::report::escape::markup(&text);
        let root = typst_syntax::parse(&escaped);
        prop_assert!(root.errors_and_warnings().0.is_empty(), "{:?} → {:?}: {:?}", text, escaped, root.errors_and_warnings().0);
        let breaks = escaped.matches(terbuka::report::escape::BREAK).count();
        let (mut calls, mut boxes, mut hashes, mut semicolons) = (0, 0, 0, 0);
        let mut stack = vec![(root, false)];
        while let Some((node, in_box)) = stack.pop() {
            let kind = node.kind();
            match kind {
                SyntaxKind::FuncCall => {
                    let call = node.full_text();
                    if call.as_str() == "h(0pt)" {
                        calls += 1;
                        continue;
                    }
                    prop_assert!(!in_box && call.starts_with("box[") && call.ends_with(']'), "{:?} → {:?}: a call {:?}", text, escaped, call);
                    boxes += 1;
                    let content = node
                        .children()
                        .filter(|c| c.kind() == SyntaxKind::Args)
                        .flat_map(|args| args.children())
                        .filter(|c| c.kind() == SyntaxKind::ContentBlock)
                        .flat_map(|block| block.children())
                        .filter(|c| c.kind() == SyntaxKind::Markup)
                        .cloned()
                        .collect::<Vec<_>>();
                    prop_assert_eq!(content.len(), 1, "{:?} → {:?}: a box without content", text, escaped);
                    stack.extend(content.into_iter().map(|c| (c, true)));
                    continue;
                }
                SyntaxKind::Hash => hashes += 1,
                SyntaxKind::Semicolon => semicolons += 1,
                _ if node.children().len() == 0 && kind != SyntaxKind::Markup => prop_assert!(
                    matches!(kind, SyntaxKind::Text | SyntaxKind::Escape | SyntaxKind::Space),
                    "{:?} → {:?}: a {:?} node", text, escaped, kind
                ),
                _ => prop_assert!(kind == SyntaxKind::Markup, "{:?} → {:?}: a {:?} node", text, escaped, kind),
            }
            stack.extend(node.children().cloned().map(|c| (c, in_box)));
        }
        prop_assert_eq!((calls, hashes, semicolons), (breaks, breaks + boxes, breaks), "{:?} → {:?}", text, escaped);
    }
}

/// Every YAML file of the sample, relative to the repo root.
fn sample_yaml_files() -> Vec<String> {
    let root = crate::harness::repo_root();
    let mut files = vec!["terbuka.yaml".to_owned(), "evidence.lock".to_owned()];
    for dir in ["rubrics", "commitments", "institutions", "assessments", "reviews"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    files.push(path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    files.sort();
    files
}

/// A file that deserialises is not indexed (see `load::parse_text`), so a
/// key written twice must be refused by the model itself: writing any key
/// of any sample file a second time with its whole entry, right below
/// itself, is reported as E010 in that file.
#[test]
fn a_key_written_twice_anywhere_in_the_sample_is_reported() {
    let root = crate::harness::repo_root();
    let mut cases = 0;
    for rel in sample_yaml_files() {
        let text = std::fs::read_to_string(root.join(&rel)).unwrap();
        let lines = text.lines().collect::<Vec<_>>();
        // Lines of a block scalar (after `key: >-` or `key: |`) are text.
        let mut block_indent: Option<usize> = None;
        for (i, line) in lines.iter().enumerate() {
            let indent = line.len() - line.trim_start().len();
            let body = line.trim_start();
            if let Some(b) = block_indent {
                if body.is_empty() || indent > b {
                    continue;
                }
                block_indent = None;
            }
            if body.ends_with(['>', '|']) || body.ends_with(">-") || body.ends_with("|-") {
                block_indent = Some(indent);
            }
            let is_key = !body.starts_with(['-', '#']) && (body.contains(": ") || body.ends_with(':'));
            if !is_key {
                continue;
            }
            // The key's whole entry: its line and the lines indented below it.
            let end = (i + 1..lines.len())
                .find(|&j| {
                    let l = lines[j];
                    !l.trim().is_empty() && l.len() - l.trim_start().len() <= indent
                })
                .unwrap_or(lines.len());
            let mut edited = lines.clone();
            edited.splice(end..end, lines[i..end].iter().copied());
            let (diagnostics, _) = load::check_bytes(&rel, (edited.join("\n") + "\n").into_bytes(), Limits::default());
            assert!(
                diagnostics.iter().any(|d| d.code == terbuka::diag::Code::DuplicateId),
                "{rel}:{}: `{}` written twice is not reported: {:?}",
                i + 1,
                body,
                diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>()
            );
            cases += 1;
        }
    }
    assert!(cases > 1000, "{cases} keys tried");
}
