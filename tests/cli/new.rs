//! `terbuka new assessment` and `terbuka new workspace`: what they carry
//! forward, what `validate` and `score` make of it, and that they never
//! overwrite.

use serde_yaml::Value;

use crate::harness::{Ws, bare, output, pdftotext};

const S2: &str = "assessments/2017-s2/diskominfo.yaml";

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

/// The sample with diskominfo's 2017-s2 assessment removed, so that
/// `new assessment` starts it again from 2017-s1.
fn sample_without_s2() -> Ws {
    let ws = Ws::sample();
    ws.remove(S2);
    ws
}

#[test]
fn carries_the_previous_period_forward_unconfirmed() {
    let ws = sample_without_s2();
    let run = ws.run(&["new", "assessment", "--institution", "diskominfo"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.trim_end().ends_with("assessments/2017-s2/diskominfo.yaml"), "{}", run.stdout);
    assert!(run.stderr.contains("carried forward from 2017-s1"), "{}", run.stderr);

    let text = ws.read(S2);
    let new = yaml(&text);
    let old = yaml(&ws.read("assessments/2017-s1/diskominfo.yaml"));
    assert_eq!(new["period"], "2017-s2");
    assert_eq!(new["institution"], "diskominfo");
    let points = new["points"].as_mapping().unwrap();
    assert_eq!(points.len(), 8);
    for (id, point) in points {
        let before = &old["points"][id];
        assert_eq!(point["level"], before["level"], "{id:?}");
        assert_eq!(point["confirmed"], Value::Bool(false), "{id:?}");
        assert_eq!(point["justification"], before["justification"], "{id:?}");
        assert_eq!(point["evidence"], before["evidence"], "{id:?}");
    }
    // Milestone progress carried forward, unconfirmed.
    let m1 = &new["commitments"]["data-revolution"]["m1"];
    assert_eq!(m1["completion"], old["commitments"]["data-revolution"]["m1"]["completion"]);
    assert_eq!(m1["confirmed"], Value::Bool(false));
    // The rubric's descriptors, as comments (English: `--lang en`).
    assert!(text.contains("#   3 Established — All managers and the staff handling commitments"), "{text}");
    assert!(text.contains("    level: 3    # 2017-s1: 3\n"), "{text}");

    // validate: no error, a located W006 per point and milestone.
    let run = ws.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let w006 = run.stdout.lines().filter(|l| l.contains("warning[W006]")).collect::<Vec<_>>();
    let milestones = text.matches("      confirmed: false").count();
    assert!(milestones > 0);
    assert_eq!(w006.len(), 8 + milestones, "{}", run.stdout);
    assert!(w006.iter().all(|l| l.starts_with(S2)), "{w006:?}");
    assert!(w006.iter().any(|l| l.contains("the point `understanding` is not yet confirmed")), "{w006:?}");

    // score: unconfirmed points count as the lowest level, and say so.
    let run = ws.run(&["score", "--period", "2017-s2", "--institution", "diskominfo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("index: 0.00 claimed, 0.00 evidence-backed"), "{}", run.stdout);
    assert!(run.stdout.contains("?: not yet confirmed"), "{}", run.stdout);
    let run = ws.run(&["score", "--period", "2017-s2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let dk = json["institutions"].as_array().unwrap().iter().find(|i| i["institution"] == "diskominfo").unwrap();
    assert!(dk["points"].as_array().unwrap().iter().all(|p| p["unconfirmed"] == true && p["claimed"] == 0));

    // Confirming every point makes it last period's claim again.
    ws.write(S2, &text.replace("confirmed: false", "confirmed: true"));
    let run = ws.run(&["validate", "--format", "short"]);
    assert!(!run.stdout.contains("W006"), "{}", run.stdout);
    let s1 = ws.run(&["score", "--period", "2017-s1", "--format", "json"]);
    let s2 = ws.run(&["score", "--period", "2017-s2", "--format", "json"]);
    let index = |run: &crate::harness::Run| {
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let dk = json["institutions"].as_array().unwrap().iter().find(|i| i["institution"] == "diskominfo").cloned();
        dk.unwrap()["index_claimed"].clone()
    };
    assert_eq!(index(&s1), index(&s2));
}

#[test]
fn never_overwrites() {
    let ws = Ws::sample();
    let before = ws.read(S2);
    let run = ws.run(&["new", "assessment", "--institution", "diskominfo", "--period", "2017-s2"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "terbuka: error: assessments/2017-s2/diskominfo.yaml already exists; `terbuka new` never overwrites a file: \
         edit it, or move it away first\n"
    );
    assert_eq!(ws.read(S2), before);
    // The default period is the one after the newest assessed; there is none.
    let run = ws.run(&["--lang", "id", "new", "assessment", "--institution", "diskominfo"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "terbuka: galat: `diskominfo` sudah memiliki penilaian untuk `2017-s2`, periode terakhir di terbuka.yaml: \
             untuk melanjutkannya, sunting assessments/2017-s2/diskominfo.yaml"
        ),
        "{}",
        run.stderr
    );
    let run = ws.run(&["new", "assessment", "--institution", "diskominfo-x", "--period", "2017-s2"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr, "terbuka: error: unknown institution `diskominfo-x` (did you mean `diskominfo`?)\n");
}

#[test]
fn with_no_previous_period_writes_a_commented_skeleton() {
    let ws = Ws::sample();
    ws.remove("assessments/2017-s1/rtik.yaml");
    let run = ws.run(&["--lang", "id", "new", "assessment", "--institution", "rtik", "--period", "2017-s1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("belum ada penilaian sebelumnya"), "{}", run.stderr);
    let text = ws.read("assessments/2017-s1/rtik.yaml");
    assert!(text.contains("# Dibuat oleh `terbuka new assessment`; belum ada penilaian rtik sebelumnya"), "{text}");
    assert!(text.contains("#   4 Melembaga — "), "{text}");
    let new = yaml(&text);
    for (id, point) in new["points"].as_mapping().unwrap() {
        assert_eq!(point["level"], 0, "{id:?}");
        assert_eq!(point["confirmed"], Value::Bool(false), "{id:?}");
        assert_eq!(point["evidence"], Value::Sequence(Vec::new()), "{id:?}");
    }
    // Milestones it never reported are offered as comments.
    assert!(text.contains("    # m1: {completion: not-started}"), "{text}");
    let run = ws.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout.matches("assessments/2017-s1/rtik.yaml").count(), 8, "{}", run.stdout);
}

#[test]
fn a_new_workspace_validates_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("kabupaten");
    let run =
        output(bare().args(["--lang", "id", "new", "workspace"]).arg(&root).env("SOURCE_DATE_EPOCH", "1795000000"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in ["terbuka.yaml", "rubrics/ogp-implementation-points.yaml", "commitments/open-data.yaml", "README.md"] {
        assert!(root.join(file).is_file(), "{file}");
    }
    // SOURCE_DATE_EPOCH 1795000000 is 18 November 2026: the period is 2026-s2.
    let manifest = std::fs::read_to_string(root.join("terbuka.yaml")).unwrap();
    assert!(manifest.contains("  - id: 2026-s2\n"), "{manifest}");

    // On the day the workspace was made (the milestones' days are ahead).
    let ws = |args: &[&str]| {
        output(bare().arg("--root").arg(&root).args(["--lang", "en"]).args(args).env("SOURCE_DATE_EPOCH", "1795000000"))
    };
    let run = ws(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.ends_with("— 0 errors, 0 warnings\n"), "{}", run.stdout);
    let run = ws(&["report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&root.join("out/report-2026-s2-en.pdf"));
    assert!(text.contains("Kabupaten Contoh"), "{text}");
    assert!(text.contains("Open local government data"), "{text}");

    // The focal point's first step.
    let run = ws(&["new", "assessment", "--institution", "diskominfo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = ws(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Eight points to confirm; the milestone due at the period's end is
    // not late before its day.
    assert!(run.stdout.ends_with("— 0 errors, 8 warnings\n"), "{}", run.stdout);
    assert_eq!(run.stdout.matches("warning[W006]").count(), 8, "{}", run.stdout);
    assert!(!run.stdout.contains("warning[W010]"), "{}", run.stdout);
    // On 1 January 2027 it is, as nobody has reported it complete.
    let run = output(
        bare().arg("--root").arg(&root).args(["--lang", "en", "validate"]).env("SOURCE_DATE_EPOCH", "1798761600"),
    );
    assert!(run.stdout.ends_with("— 0 errors, 9 warnings\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("warning[W010]: milestone `m1` of `open-data` was due on 2026-12-31"),
        "{}",
        run.stdout
    );

    // Not into a folder that has anything in it.
    let run = output(bare().args(["--lang", "en", "new", "workspace"]).arg(&root));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not empty; `terbuka new workspace` only writes into an empty or new folder"));
}

#[test]
fn completions_and_manual_pages() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = output(bare().args(["completions", shell]));
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["terbuka", "validate", "assessment", "institution"] {
            assert!(run.stdout.contains(word), "{shell}: no `{word}`");
        }
    }
    let run = output(bare().args(["--lang", "id", "completions", "fish"]));
    assert!(run.stdout.contains("Periksa setiap berkas ruang kerja"), "{}", run.stdout);
    let run = output(bare().args(["man"]));
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq") || run.stdout.contains(".TH terbuka"), "{}", run.stdout);
    let dir = tempfile::tempdir().unwrap();
    let run = output(bare().args(["--lang", "id", "man", "-o"]).arg(dir.path()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(dir.path().join("terbuka-new-assessment.1")).unwrap();
    assert!(page.contains(".SH NAMA") && page.contains("melanjutkan penilaian institusi"), "{page}");
}

#[test]
fn help_and_usage_errors_in_indonesian() {
    let run = output(bare().args(["--lang", "id", "--help"]));
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Penggunaan: terbuka [OPSI] <PERINTAH>"), "{}", run.stdout);
    assert!(run.stdout.contains("Periksa setiap berkas ruang kerja dan tampilkan semua masalah"));
    // The language also comes from TERBUKA_LANG, and from the workspace's first language.
    let run = output(bare().args(["new", "--help"]).env("TERBUKA_LANG", "id"));
    assert!(run.stdout.contains("Buat berkas baru"), "{}", run.stdout);
    let ws = Ws::sample();
    let run = output(bare().arg("--root").arg(ws.path()).args(["validat"]));
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("galat: perintah `validat` tidak dikenal"), "{}", run.stderr);
    assert!(run.stderr.contains("mungkin maksud Anda `validate`?"), "{}", run.stderr);
    let run = output(bare().current_dir(ws.path()).args(["score", "--period", "2017-s3"]));
    assert_eq!(run.code, 2);
    // The argument is checked before anything else is said.
    assert_eq!(
        run.stderr,
        "terbuka: galat: periode `2017-s3` tidak dikenal (mungkin maksud Anda `2017-s1`?); \
         periode yang ada: 2017-s1, 2017-s2\n"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let ws = Ws::fixture("minimal");
    ws.edit("commitments/open-data.yaml", "lead: dinas-a", "lead: dinas-c");
    let validate = |color: Option<&str>, no_color: bool| {
        let mut cmd = bare();
        cmd.arg("--root").arg(ws.path());
        if let Some(c) = color {
            cmd.args(["--color", c]);
        }
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        output(cmd.arg("validate")).stdout
    };
    // Standard output is a pipe here, not a terminal.
    assert!(!validate(None, false).contains('\u{1b}'));
    assert!(!validate(Some("auto"), true).contains('\u{1b}'));
    assert!(!validate(Some("never"), false).contains('\u{1b}'));
    assert!(validate(Some("always"), false).contains("\u{1b}["));
    // With colours, the Indonesian header is still Indonesian.
    let mut cmd = bare();
    let coloured = output(cmd.arg("--root").arg(ws.path()).args(["--lang", "id", "--color", "always", "validate"]));
    assert!(coloured.stdout.contains("galat"), "{}", coloured.stdout);
    assert!(!coloured.stdout.contains("error"), "{}", coloured.stdout);
}

#[test]
fn validate_can_keep_to_one_period_and_one_institution() {
    let ws = sample_without_s2();
    ws.run(&["new", "assessment", "--institution", "diskominfo"]);
    let all = ws.run(&["validate", "--format", "short"]);
    let only = ws.run(&["validate", "--format", "short", "--period", "2017-s2", "--institution", "diskominfo"]);
    assert_eq!(only.code, 0);
    let lines = only.stdout.lines().filter(|l| l.contains("warning[")).collect::<Vec<_>>();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| l.starts_with(S2)), "{lines:?}");
    assert!(all.stdout.lines().filter(|l| l.contains("warning[")).count() > lines.len());
    assert!(only.stdout.ends_with(&format!("— 0 errors, {} warnings (only 2017-s2, diskominfo)\n", lines.len())));
    // W005 sits in an institution's file but is about a period.
    ws.remove("assessments/2017-s1/rtik.yaml");
    let s1 = ws.run(&["validate", "--format", "short", "--period", "2017-s1"]);
    assert!(s1.stdout.contains("warning[W005] `rtik` has no assessment for the period `2017-s1`"), "{}", s1.stdout);
    let s2 = ws.run(&["validate", "--format", "short", "--period", "2017-s2"]);
    assert!(!s2.stdout.contains("W005"), "{}", s2.stdout);
}
