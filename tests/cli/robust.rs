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
