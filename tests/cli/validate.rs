//! `terbuka validate`: the sample is clean, and every rule's message is
//! located and rendered in full.

use crate::harness::{Ws, snapshot_tree};

#[test]
fn sample_workspace_is_clean() {
    let run = Ws::sample().run(&["validate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let summary = run.stdout.lines().last().unwrap();
    assert!(summary.contains("15 institutions, 5 commitments, 2 periods"), "{summary}");
    assert!(summary.contains("— 0 errors,"), "{summary}");
}

#[test]
fn sample_summary_in_indonesian_by_default() {
    let ws = Ws::sample();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_terbuka"));
    cmd.arg("--root").arg(ws.path()).arg("validate").env_remove("TERBUKA_LANG");
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("15 institusi, 5 komitmen, 2 periode — 0 galat"), "{stdout}");
}

/// The five problems every focal point meets first, on the real sample.
fn broken_sample() -> Ws {
    let ws = Ws::sample();
    // A misspelt key.
    ws.edit(
        "assessments/2017-s2/bappeda.yaml",
        "    justification: Sosialisasi internal",
        "    justifikasi: Sosialisasi internal",
    );
    // A wrong type.
    ws.edit("assessments/2017-s2/bpkad.yaml", "  understanding:\n    level: 3", "  understanding:\n    level: tiga");
    // A YAML syntax error.
    ws.edit("institutions/rtik.yaml", "kind: civil-society", "kind: \"civil-society");
    // An unknown institution id.
    ws.edit("commitments/budget-transparency.yaml", "lead: bpkad", "lead: bpkd");
    // A missing evidence file.
    let text = ws.read("assessments/2017-s2/diskominfo.yaml");
    let cited = text.lines().find(|l| l.contains("file: evidence/")).unwrap().to_owned();
    ws.edit("assessments/2017-s2/diskominfo.yaml", &cited, &cited.replacen(".txt", ".pdf", 1));
    ws
}

#[test]
fn five_first_problems_are_located_with_caret_and_hint() {
    let ws = broken_sample();
    let run = ws.run(&["validate"]);
    assert_eq!(run.code, 1);
    let errors = run.stdout.split("\n\n").filter(|b| b.starts_with("error")).collect::<Vec<_>>();
    assert_eq!(errors.len(), 5, "{}", run.stdout);
    for block in &errors {
        assert!(block.contains(" ┌─ "), "no location: {block}");
        assert!(block.contains('^'), "no caret: {block}");
        assert!(block.contains("= hint: "), "no hint: {block}");
    }
    insta::assert_snapshot!("five_first_problems", run.stdout);
}

#[test]
fn json_diagnostics_have_code_severity_file_line_column_message() {
    let ws = broken_sample();
    let run = ws.run(&["validate", "--format", "json"]);
    assert_eq!(run.code, 1);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let items = items.as_array().unwrap();
    let errors = items.iter().filter(|d| d["severity"] == "error").collect::<Vec<_>>();
    assert_eq!(errors.len(), 5);
    for d in errors {
        for key in ["code", "severity", "file", "line", "column", "message"] {
            assert!(!d[key].is_null(), "{key} missing in {d}");
        }
    }
    let lead = items.iter().find(|d| d["code"] == "E011").unwrap();
    assert_eq!(lead["file"], "commitments/budget-transparency.yaml");
    assert_eq!(lead["name"], "unknown-institution");
    assert_eq!(lead["hints"][0], "did you mean `bpkad`?");
    let text = ws.read("commitments/budget-transparency.yaml");
    let line = text.lines().position(|l| l == "lead: bpkd").unwrap() + 1;
    assert_eq!(lead["line"], line);
    assert_eq!(lead["column"], 7);
}

#[test]
fn short_and_github_formats() {
    let ws = broken_sample();
    let short = ws.run(&["validate", "--format", "short"]);
    assert_eq!(short.code, 1);
    let line = short.stdout.lines().find(|l| l.contains("E011")).unwrap();
    assert!(line.starts_with("commitments/budget-transparency.yaml:"), "{line}");
    assert!(line.contains(": error[E011] unknown institution `bpkd` (hint: did you mean `bpkad`?)"), "{line}");
    let gh = ws.run(&["validate", "--format", "github"]);
    let line = gh.stdout.lines().find(|l| l.contains("E011")).unwrap();
    assert!(line.starts_with("::error file=commitments/budget-transparency.yaml,line="), "{line}");
}

#[test]
fn indonesian_messages_have_the_same_codes_and_locations() {
    let ws = broken_sample();
    let en = ws.run(&["validate", "--format", "short"]);
    let id = ws.run(&["--lang", "id", "validate", "--format", "short"]);
    assert_eq!(en.code, id.code);
    let head = |s: &str| s.lines().map(|l| l.split(": ").next().unwrap_or("").to_owned()).collect::<Vec<_>>();
    let code = |s: &str| s.lines().filter_map(|l| l.split('[').nth(1)).map(|c| c[..4].to_owned()).collect::<Vec<_>>();
    assert_eq!(head(&en.stdout)[..9], head(&id.stdout)[..9]);
    assert_eq!(code(&en.stdout), code(&id.stdout));
    assert!(
        id.stdout.contains("galat[E011] institusi `bpkd` tidak dikenal (saran: mungkin maksud Anda `bpkad`?)"),
        "{}",
        id.stdout
    );
}

#[test]
fn never_writes_to_inputs() {
    let ws = broken_sample();
    // Inputs: everything but terbuka's own caches.
    let inputs = |root: &std::path::Path| {
        let mut tree = snapshot_tree(root);
        tree.retain(|(path, _)| !path.starts_with("out/.cache/"));
        tree
    };
    let before = inputs(ws.path());
    ws.run(&["validate"]);
    ws.run(&["validate", "--format", "json"]);
    assert_eq!(before, inputs(ws.path()));
}

#[test]
fn a_rubric_that_does_not_parse_is_reported_once() {
    let ws = Ws::fixture("minimal");
    ws.edit("rubrics/mini.yaml", "weight: 2", "weight: dua");
    let run = ws.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 1);
    let errors = run.stdout.lines().filter(|l| l.contains(": error[")).collect::<Vec<_>>();
    assert_eq!(errors.len(), 1, "{}", run.stdout);
    assert!(errors[0].starts_with("rubrics/mini.yaml:") && errors[0].contains("error[E004]"), "{}", run.stdout);
    assert!(!run.stdout.contains("E016"), "{}", run.stdout);
}

/// A milestone reported complete in one period stays complete: the next
/// period's files need not report it again, and it is not overdue there.
#[test]
fn a_milestone_complete_once_is_not_overdue_later() {
    let ws = Ws::fixture("minimal");
    ws.edit("commitments/open-data.yaml", "due: 2017-09-30}", "due: 2017-05-31}");
    ws.edit("assessments/2017-s1/dinas-a.yaml", "completion: substantial", "completion: complete");
    let next = ws.read("assessments/2017-s1/dinas-a.yaml").replace("period: 2017-s1", "period: 2017-s2");
    let next = next.split("commitments:").next().unwrap().replace("submitted: 2017-07-05", "submitted: 2018-01-05");
    std::fs::create_dir_all(ws.path().join("assessments/2017-s2")).unwrap();
    std::fs::write(ws.path().join("assessments/2017-s2/dinas-a.yaml"), next).unwrap();
    let run = ws.run(&["--lang", "en", "validate", "--format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // m2, due at the end of 2017 and never reported, is overdue; m1 is not.
    assert!(run.stdout.contains("W010] milestone `m2` of `open-data` was due on 2017-12-31"), "{}", run.stdout);
    assert!(!run.stdout.contains("milestone `m1` of `open-data` was due"), "{}", run.stdout);
}

/// Every diagnostic says what it is about: the YAML key path it concerns
/// (how the forms of `serve` and a workbook import place it) and the
/// entities that path names, on a workspace that is not the sample.
#[test]
fn json_diagnostics_carry_the_key_path_and_subject() {
    let ws = Ws::fixture("city");
    // A misspelt key, a level of the wrong type, an unknown institution in
    // a commitment, a missing file in the second evidence item, and an
    // overdue milestone.
    ws.edit(
        "assessments/2023/city-it.yaml",
        "    justification: {en: Level 4 this year., id: Tingkat 4 tahun ini.}\n    evidence:\n      - {file: evidence/city-it/2023/leadership.txt",
        "    justifikasi: {en: Level 4 this year., id: Tingkat 4 tahun ini.}\n    evidence:\n      - {file: evidence/city-it/2023/leadership.txt",
    );
    ws.edit("assessments/2022/finance.yaml", "leadership:\n    level: 4", "leadership:\n    level: four");
    ws.edit("commitments/open-budget.yaml", "supporting: [city-it]", "supporting: [city-itt]");
    ws.edit(
        "assessments/2023/finance.yaml",
        "      - {file: evidence/finance/2023/open-data.txt, note: {en: Record, id: Catatan}}",
        "      - {file: evidence/finance/2023/open-data.txt, note: {en: Record, id: Catatan}}\n      - {file: evidence/finance/2023/gone.txt}",
    );
    ws.edit(
        "commitments/open-budget.yaml",
        "due: 2023-06-30}",
        "due: 2023-06-30}\n  - {id: m3, title: {en: Citizens' budget, id: Anggaran warga}, due: 2023-09-30}",
    );
    let run = ws.run(&["validate", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let find = |code: &str| {
        items.as_array().unwrap().iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("no {code}: {items:#}"))
    };
    let e003 = find("E003");
    assert_eq!(e003["file"], "assessments/2023/city-it.yaml");
    assert_eq!(e003["path"], "points.leadership.justifikasi");
    assert_eq!(e003["subject"], serde_json::json!({"institution": "city-it", "period": "2023", "point": "leadership"}));
    let e004 = find("E004");
    assert_eq!(e004["path"], "points.leadership.level");
    assert_eq!(e004["subject"]["institution"], "finance");
    assert_eq!(e004["subject"]["period"], "2022");
    let e011 = find("E011");
    assert_eq!(e011["path"], "supporting[0]");
    assert_eq!(e011["subject"], serde_json::json!({"commitment": "open-budget"}));
    let e032 = find("E032");
    assert_eq!(e032["path"], "points.open-data.evidence[1].file");
    assert_eq!(e032["subject"], serde_json::json!({"institution": "finance", "period": "2023", "point": "open-data"}));
    let w010 = find("W010");
    assert_eq!(w010["file"], "commitments/open-budget.yaml");
    assert_eq!(w010["path"], "milestones[2].due");
    assert_eq!(w010["subject"], serde_json::json!({"commitment": "open-budget", "milestone": "m3"}));
    // The human format is unchanged: no path in it.
    let human = ws.run(&["validate"]);
    assert!(!human.stdout.contains("points.open-data.evidence[1].file"), "{}", human.stdout);
}
