//! `examples/synth.rs`, the benchmark workspaces: the same seed gives the
//! same files, and what it writes validates cleanly and reports.

use std::path::PathBuf;
use std::process::Command;

use crate::harness::{bare, output, snapshot_tree};

/// The example's binary, built beside this test binary by `cargo test`.
fn synth() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join("examples").join("synth")
}

#[test]
fn synthetic_workspaces_are_deterministic_valid_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let run = output(
            Command::new(synth()).args(["--institutions", "40", "--periods", "3", "--seed", "9", "--out"]).arg(out),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let (fa, fb) = (snapshot_tree(&a), snapshot_tree(&b));
    assert!(fa.len() > 200, "{} files", fa.len());
    assert!(fa == fb, "the same seed gave different files");

    let ws = |args: &[&str]| output(bare().arg("--root").arg(&a).args(["--lang", "en"]).args(args));
    let run = ws(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.ends_with("40 institutions, 5 commitments, 3 periods — 0 errors, 0 warnings\n"),
        "{}",
        run.stdout
    );
    let run = ws(&["report", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names = std::fs::read_dir(a.join("out/scorecards-2022-s1-en")).unwrap().map(|e| e.unwrap().file_name());
    let (pdfs, other): (Vec<_>, Vec<_>) = names.partition(|n| n.to_string_lossy().ends_with(".pdf"));
    assert_eq!(pdfs.len(), 40);
    assert_eq!(
        other,
        vec![std::ffi::OsString::from(".terbuka-output")],
        "the batch folder holds its scorecards and its marker"
    );

    // The period report counts every institution of a recommendation, and
    // names at most 30 of them.
    let run = ws(&["report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = crate::harness::pdftotext(&a.join("out/report-2022-s1-en.pdf"));
    let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let counts = |label: &str| {
        let label = format!("{label} (");
        let each = squashed.split(label.as_str()).skip(1);
        each.filter_map(|rest| rest.split(')').next()?.parse::<usize>().ok()).collect::<Vec<_>>()
    };
    let (maintain, improve, start) = (counts("Maintain and extend"), counts("Improve"), counts("Start"));
    assert_eq!((maintain.len(), improve.len(), start.len()), (8, 8, 8), "one count per point and kind");
    for k in 0..8 {
        assert_eq!(maintain[k] + improve[k] + start[k], 40, "point {}: every institution is counted", k + 1);
    }
    for n in maintain.iter().chain(&improve).chain(&start).filter(|&&n| n > 30) {
        let more = format!("and {} more (see their scorecards)", n - 30);
        assert!(squashed.contains(&more), "the report lacks {more:?}");
    }
    assert!(squashed.contains("more (see their scorecards)"), "no list was cut at 40 institutions");
}
