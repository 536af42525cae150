//! Reading: workspace files that are links out, special files, or huge;
//! what a report's templates may read; scripts the fonts lack.

use std::os::unix::fs::symlink;
use std::time::{Duration, Instant};

use super::{Scene, said};

#[test]
fn yaml_is_never_read_through_a_link_out_or_from_a_special_file() {
    let mut s = Scene::minimal();
    std::fs::write(s.out("secret.yaml"), "id: dinas-c\nname: SECRET-TOKEN-1234\n").unwrap();
    let cases = [
        ("institutions/env.yaml", "/proc/self/environ"),
        ("institutions/zero.yaml", "/dev/zero"),
        ("institutions/stdin.yaml", "/dev/stdin"),
        ("institutions/random.yaml", "/dev/urandom"),
    ];
    for (name, target) in cases {
        symlink(target, s.root().join(name)).unwrap();
    }
    symlink(s.out("secret.yaml"), s.root().join("institutions/secret.yaml")).unwrap();
    let fifo = s.root().join("institutions/pipe.yaml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    s.freeze();
    let start = Instant::now();
    let run = s.run_env(&["validate", "--format", "short"], &[("CI_SECRET", "hunter2-ci-token")]);
    assert!(start.elapsed() < Duration::from_secs(10), "validate took {:?}", start.elapsed());
    let text = said(&run, s.root());
    assert_eq!(run.code, 1, "{text}");
    for (name, _) in cases {
        assert!(
            text.contains(&format!("{name}: error[E001] this file is a symbolic link that leads outside the workspace; terbuka reads only files inside it, and did not read this one")),
            "{name}: {text}"
        );
    }
    assert!(
        text.contains("institutions/secret.yaml: error[E001] this file is a symbolic link that leads outside"),
        "{text}"
    );
    assert!(text.contains("institutions/pipe.yaml: error[E001] this is a named pipe (FIFO), not a regular file; terbuka did not read it"), "{text}");
    assert!(!text.contains("hunter2") && !text.contains("SECRET-TOKEN") && !text.contains("PATH="), "{text}");
    s.unchanged("validate");
}

#[test]
fn the_manifest_itself_through_a_link_is_refused_and_located() {
    let s = Scene::minimal();
    std::fs::remove_file(s.root().join("terbuka.yaml")).unwrap();
    symlink("/proc/self/environ", s.root().join("terbuka.yaml")).unwrap();
    let run = s.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("terbuka.yaml: error[E001] this file is a symbolic link that leads outside the workspace"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("E006"), "a link is not a missing manifest: {}", run.stdout);
}

#[test]
fn a_file_that_lies_about_its_size_is_read_up_to_the_limit() {
    let s = Scene::minimal();
    // A link inside the workspace to a big file: the limit holds.
    let big = s.root().join("evidence/big.yaml");
    std::fs::write(&big, format!("id: x\nname: {}\n", "y".repeat(5000))).unwrap();
    symlink(&big, s.root().join("institutions/big.yaml")).unwrap();
    let run = s.run_env(&["validate", "--format", "short"], &[("TERBUKA_MAX_FILE_BYTES", "1000")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("institutions/big.yaml: error[E001] this file has 5013 bytes, more than the limit of 1000 bytes"),
        "{}",
        run.stdout
    );
}

#[test]
fn templates_read_only_templates_data_and_cited_evidence() {
    let mut s = Scene::minimal();
    std::fs::create_dir_all(s.root().join(".git")).unwrap();
    s.ws.write(".git/config", "[remote \"origin\"]\n\turl = https://ci-token-abc123@example.org/repo.git\n");
    s.ws.write(".env", "SECRET=hunter2\n");
    s.ws.write("evidence/uncited-draft.txt", "DRAFT-NOT-CITED\n");
    s.ws.write("notes.txt", "PRIVATE-NOTES\n");
    s.freeze();
    for target in [
        ".git/config",
        ".env",
        "evidence/uncited-draft.txt",
        "notes.txt",
        "out/report-2017-s2-en.typ",
        "evidence/../.env",
    ] {
        let template =
            std::fs::read_to_string(crate::harness::repo_root().join("report-templates/period.typ.j2")).unwrap();
        s.ws.write("report-templates/period.typ.j2", &format!("{template}\n#read(\"/{target}\")\n"));
        let run = s.run(&["report"]);
        let text = said(&run, s.root());
        assert_eq!(run.code, 1, "{target}: {text}");
        assert!(text.contains("error[E061]"), "{target}: {text}");
        for secret in ["ci-token", "hunter2", "DRAFT-NOT", "PRIVATE-NOTES"] {
            assert!(!text.contains(secret), "{target}: {text}");
        }
    }
    // A cited file and the workspace's own data are readable.
    let template = std::fs::read_to_string(crate::harness::repo_root().join("report-templates/period.typ.j2")).unwrap();
    s.ws.write(
        "report-templates/period.typ.j2",
        &format!("{template}\n#read(\"/evidence/dinas-a/sk.txt\") #read(\"/terbuka.yaml\").len()\n"),
    );
    let run = s.run(&["report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::remove_dir_all(s.root().join("report-templates")).unwrap();
    s.unchanged("report");
}

#[test]
fn scripts_of_indonesia_are_shown_and_others_warned_about_not_failed() {
    let s = Scene::minimal();
    // Javanese, Balinese, Sundanese, Arabic (Pegon), and Chinese and an emoji.
    s.ws.edit("institutions/dinas-b.yaml", "name: Dinas B", "name: \"Dinas B ꦧꦺꦴꦗꦤꦼꦒꦫ ᬩᬮᬶ ᮞᮥᮔ᮪ᮓ بوجونڮورو 华人 😀\"");
    let run = s.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("institutions/dinas-b.yaml:2:45: warning[W008] the report fonts cannot show `华` (U+534E, Chinese, Japanese or Korean (CJK)) in `name`"),
        "{}",
        run.stdout
    );
    let run = s.run(&["report", "--institution", "dinas-b", "--period", "2017-s1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = crate::harness::pdftotext(&s.root().join("out/scorecard-2017-s1-dinas-b-en.pdf"));
    // Shaped scripts come back from a reader with their marks reordered;
    // their letters are all there.
    for letter in ['ꦧ', 'ꦗ', 'ꦒ', 'ᬩ', 'ᬮ', 'ᮞ', 'ᮔ', 'ب', 'ڮ'] {
        assert!(text.contains(letter), "{letter} missing from:\n{text}");
    }
    assert!(text.contains("□□") && !text.contains('华'), "{text}");
}
