//! The terminal: exit status when output is cut short, escape sequences
//! from YAML, and messages that name the real cause.

use std::io::Read;
use std::process::{Command, Stdio};

use super::{Scene, said};

/// Runs terbuka with its standard output read for `keep` bytes and then
/// closed (as `| head -c` does), and its exit status.
fn cut_short(s: &Scene, args: &[&str], keep: usize) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_terbuka"))
        .arg("--root")
        .arg(s.root())
        .args(["--lang", "en", "--color", "never"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = vec![0; keep];
    let _ = stdout.read_exact(&mut first);
    drop(stdout);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    // A panic exits with 101; a signal has no code.
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn a_closed_pipe_keeps_the_exit_status_of_what_was_found() {
    let s = Scene::sample();
    // A broken workspace: many problems, and far more output than a pipe holds.
    for i in 0..400 {
        s.ws.write(&format!("institutions/broken-{i:03}.yaml"), &format!("id: broken-{i:03}\nkind: nonsense\n"));
    }
    for args in [&["validate"][..], &["validate", "--format", "short"], &["validate", "--format", "json"]] {
        let (code, stderr) = cut_short(&s, args, 10);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // A tampered workspace, checked by `evidence verify | head`.
    let s = Scene::sample();
    let victim = "evidence/diskominfo/sk-dewan-pengarah.txt";
    s.ws.write(victim, "forged");
    let (code, stderr) = cut_short(&s, &["evidence", "verify"], 1);
    assert_eq!(code, 1, "{stderr}");
    // A clean run stays 0.
    let (code, _) = cut_short(&Scene::minimal(), &["score"], 1);
    assert_eq!(code, 0);
}

#[test]
fn a_closed_standard_error_never_panics() {
    let s = Scene::minimal();
    s.ws.edit("institutions/dinas-b.yaml", "kind: public-service", "kind: nonsense");
    for args in [&["score"][..], &["report"], &["evidence", "seal"], &["--lang", "xx", "validate"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_terbuka"))
            .arg("--root")
            .arg(s.root())
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        // The status of what was found; never a panic (101) or a signal.
        assert!(matches!(status.code(), Some(0..=2)), "{args:?}: {status:?}");
    }
}

#[test]
fn escape_sequences_from_yaml_never_reach_the_terminal() {
    let s = Scene::minimal();
    // Through an unknown id (a message), and raw in the file (a source line).
    s.ws.edit("commitments/open-data.yaml", "lead: dinas-a", "lead: \"\\e[2J\\e]0;pwned\\a\\e[31mx\"");
    s.ws.write(
        "institutions/dinas-c.yaml",
        "id: dinas-c\nname: Dinas \u{1b}[2J\u{1b}[8mC\nkind: village\nfocal-point: {name: X}\n",
    );
    for format in ["human", "short", "github"] {
        let run = s.run(&["validate", "--format", format]);
        assert_eq!(run.code, 1);
        assert!(
            !run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'),
            "{format}: raw escape in {:?}",
            run.stdout
        );
        assert!(run.stdout.contains("\u{241b}[2J"), "{format}: {}", run.stdout);
    }
    // The raw one is located where it is, not at 1:1.
    let run = s.run(&["validate", "--format", "short"]);
    assert!(
        run.stdout
            .contains("institutions/dinas-c.yaml:2:13: error[E002] invalid YAML: control characters are not allowed"),
        "{}",
        run.stdout
    );
    let human = s.run(&["validate"]).stdout;
    assert!(human.contains("2 │ name: Dinas ␛[2J␛[8mC"), "{human}");
    // Names from YAML in tables.
    let s = Scene::minimal();
    s.ws.edit("institutions/dinas-b.yaml", "name: Dinas B", "name: \"Dinas \\e[2JB\"");
    let run = s.run(&["score"]);
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
}

#[test]
fn messages_name_the_real_cause() {
    let s = Scene::minimal();
    let empty = s.run_env(&["validate"], &[("TERBUKA_LANG", ""), ("TERBUKA_ROOT", "")]);
    assert_eq!(empty.code, 0, "empty variables are as good as unset: {}", empty.stderr);
    let bad = crate::harness::output(
        crate::harness::bare().arg("--root").arg(s.root()).arg("validate").env("TERBUKA_LANG", "xx"),
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("TERBUKA_LANG is `xx`: set it to `id` or `en`, or unset it"), "{}", bad.stderr);
    let run = crate::harness::run_in(&s.root().join("terbuka.yaml"), &["validate"]);
    assert_eq!(run.code, 2);
    assert!(said(&run, s.root()).contains("<ws>/terbuka.yaml is a file, not a workspace folder: give --root the folder that holds terbuka.yaml (here: --root <ws>)"), "{}", run.stderr);
    let run = s.run_env(&["report"], &[("SOURCE_DATE_EPOCH", "99999999999999")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("SOURCE_DATE_EPOCH is `99999999999999`, which is not a date between 1970 and 9999"),
        "{}",
        run.stderr
    );
    s.ws.edit("rubrics/mini.yaml", "weight: 2", "weight: 99999999999999999999");
    let run = s.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[E004] the number 99999999999999999999 is far too large (in `points[1].weight`) (hint: weights are whole numbers from 1 to 1000)"), "{}", run.stdout);
    assert!(!run.stdout.contains("E016"), "a rubric that does not load is not an unknown rubric: {}", run.stdout);
    s.ws.edit("rubrics/mini.yaml", "weight: 99999999999999999999", "weight: 5000");
    let run = s.run(&["validate", "--format", "short"]);
    assert!(run.stdout.contains("error[E021] the weight 5000 is larger than 1000"), "{}", run.stdout);
}
