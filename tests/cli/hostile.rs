//! Hostile and odd inputs, one fixture per class (docs/hardening.md): each
//! gives its exit code and its full, located message, or works as the
//! user meant.

use std::process::Command;

use crate::harness::{Run, Ws, output};

const B: &str = "assessments/2017-s1/dinas-b.yaml";
const INST: &str = "institutions/dinas-b.yaml";
const A: &str = "assessments/2017-s1/dinas-a.yaml";

enum Setup {
    /// Replace the one occurrence of a text in a file.
    Edit(&'static str, &'static str, &'static str),
    /// Write a file (bytes made by a function, for big or odd content).
    File(&'static str, fn() -> Vec<u8>),
    /// A symbolic link in the workspace to a path outside it.
    Link(&'static str, &'static str),
}
use Setup::{Edit, File, Link};

/// `name: x` as an institution file.
fn institution(name: &str) -> Vec<u8> {
    format!("id: dinas-b\nname: {name}\nkind: public-service\nfocal-point: {{name: Agus Contoh}}\n").into_bytes()
}

fn billion_laughs() -> Vec<u8> {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, next) in ["a", "b", "c", "d", "e", "f", "g", "h"].iter().zip(["b", "c", "d", "e", "f", "g", "h", "i"]) {
        text.push_str(&format!(
            "{next}: &{next} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    text.push_str("id: dinas-b\nname: *i\n");
    text.into_bytes()
}

/// (name, setup, arguments, expected exit code).
fn cases() -> Vec<(&'static str, Vec<Setup>, Vec<&'static str>, i32)> {
    vec![
        // Limits.
        ("file_too_big", vec![File(INST, || institution(&"x".repeat(5 * 1024 * 1024)))], vec!["validate"], 1),
        ("text_too_long", vec![File(INST, || institution(&"kata ".repeat(4001)))], vec!["validate"], 1),
        (
            "nesting_100000_deep",
            vec![File(INST, || institution(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))))],
            vec!["validate"],
            1,
        ),
        ("billion_laughs", vec![File(INST, billion_laughs)], vec!["validate"], 1),
        // Encodings and YAML 1.1 surprises.
        ("latin1_bytes", vec![File(INST, || b"id: dinas-b\nname: Dinas B\xe9\n".to_vec())], vec!["validate"], 1),
        (
            "byte_order_mark_works",
            vec![File(INST, || [b"\xef\xbb\xbf".as_slice(), &institution("Dinas B")].concat())],
            vec!["validate"],
            0,
        ),
        (
            "old_mac_line_endings_work",
            vec![File(INST, || String::from_utf8(institution("Dinas B")).unwrap().replace('\n', "\r").into_bytes())],
            vec!["validate"],
            0,
        ),
        ("lone_carriage_return_located", vec![File(INST, || b"id: dinas-b\rname: [\r".to_vec())], vec!["validate"], 1),
        (
            "crlf_works",
            vec![File(INST, || String::from_utf8(institution("Dinas B")).unwrap().replace('\n', "\r\n").into_bytes())],
            vec!["validate"],
            0,
        ),
        (
            "tab_indentation",
            vec![Edit("institutions/dinas-a.yaml", "  established", "\testablished")],
            vec!["validate"],
            1,
        ),
        (
            "duplicate_key",
            vec![Edit(INST, "kind: public-service\n", "kind: public-service\nname: Dinas C\n")],
            vec!["validate"],
            1,
        ),
        ("empty_file", vec![File(INST, Vec::new)], vec!["validate"], 1),
        ("only_comments", vec![File(INST, || b"# diisi nanti\n# to be filled in\n".to_vec())], vec!["validate"], 1),
        (
            "two_documents",
            vec![File(INST, || [institution("Dinas B"), b"---\nid: dinas-c\n".to_vec()].concat())],
            vec!["validate"],
            1,
        ),
        ("no_as_text_works", vec![File(INST, || institution("no"))], vec!["validate"], 0),
        ("date_as_text_works", vec![File(INST, || institution("2017-01-01"))], vec!["validate"], 0),
        ("hex_as_text", vec![File(INST, || institution("0x10"))], vec!["validate"], 1),
        ("tilde_as_text", vec![File(INST, || institution("~"))], vec!["validate"], 1),
        (
            "on_as_boolean",
            vec![Edit(B, "understanding: {level: 1}", "understanding: {level: 1, confirmed: on}")],
            vec!["validate"],
            1,
        ),
        (
            "exponent_as_level",
            vec![Edit(B, "understanding: {level: 1}", "understanding: {level: 1e3}")],
            vec!["validate"],
            1,
        ),
        // Paths and URLs.
        (
            "absolute_path",
            vec![Edit(A, "file: evidence/dinas-a/sosialisasi.txt", "file: /etc/passwd")],
            vec!["validate"],
            1,
        ),
        (
            "parent_steps",
            vec![Edit(A, "file: evidence/dinas-a/sosialisasi.txt", "file: ../../etc/passwd")],
            vec!["validate"],
            1,
        ),
        (
            "windows_drive",
            vec![Edit(A, "file: evidence/dinas-a/sosialisasi.txt", "file: 'C:\\Data\\notulen.pdf'")],
            vec!["validate"],
            1,
        ),
        (
            "nul_byte",
            vec![Edit(A, "file: evidence/dinas-a/sosialisasi.txt", "file: \"evidence/dinas-a/\\0sk.txt\"")],
            vec!["validate"],
            1,
        ),
        (
            "symlink_out",
            vec![
                Link("evidence/dinas-a/passwd.txt", "/etc/passwd"),
                Edit(A, "file: evidence/dinas-a/sosialisasi.txt", "file: evidence/dinas-a/passwd.txt"),
            ],
            vec!["validate"],
            1,
        ),
        ("file_url", vec![Edit(A, "https://example.org/rencana-aksi", "file:///etc/passwd")], vec!["validate"], 1),
        ("template_symlink_out", vec![Link("report-templates/style.typ", "/etc/passwd")], vec!["report"], 1),
        // Outputs.
        ("output_over_an_input", vec![], vec!["report", "-o", "@/terbuka.yaml"], 2),
        ("output_into_evidence", vec![], vec!["export", "--format", "csv", "-o", "@/evidence"], 2),
        ("output_directory_unwritable", vec![], vec!["report", "-o", "@/terbuka.yaml/report.pdf"], 2),
        (
            "new_never_overwrites",
            vec![],
            vec!["new", "assessment", "--institution", "dinas-b", "--period", "2017-s1"],
            2,
        ),
        ("too_many_files", vec![], vec!["validate"], 2),
    ]
}

/// Exit code, stdout and stderr, with the temporary root shown as `<ws>`.
fn shown(run: &Run, root: &str) -> String {
    format!("exit: {}\n--- stdout\n{}--- stderr\n{}", run.code, run.stdout, run.stderr).replace(root, "<ws>")
}

#[test]
fn every_class_of_hostile_input_has_a_located_message() {
    for (name, setup, args, exit) in cases() {
        let ws = Ws::fixture("minimal");
        for step in setup {
            match step {
                Edit(file, from, to) => ws.edit(file, from, to),
                File(file, bytes) => std::fs::write(ws.path().join(file), bytes()).unwrap(),
                Link(file, target) => {
                    let path = ws.path().join(file);
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::os::unix::fs::symlink(target, path).unwrap();
                }
            }
        }
        let root = ws.path().to_string_lossy().into_owned();
        let args = args.iter().map(|a| a.replacen('@', &root, 1)).collect::<Vec<_>>();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_terbuka"));
        cmd.arg("--root").arg(ws.path()).args(["--lang", "en", "--color", "never"]).args(&args);
        cmd.env_remove("TERBUKA_LANG").env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
        if name == "too_many_files" {
            cmd.env("TERBUKA_MAX_FILES", "5");
        }
        let run = output(&mut cmd);
        let text = shown(&run, &root);
        assert_eq!(run.code, exit, "{name}:\n{text}");
        // Every problem in a file is located: a line and column, or the file.
        for block in run.stdout.split("\n\n").filter(|b| b.starts_with("error[") || b.starts_with("warning[")) {
            assert!(block.contains(" ┌─ ") || block.contains("= file: "), "{name}: unlocated:\n{block}");
        }
        // No content from outside the workspace.
        assert!(!text.contains("root:x:0:0"), "{name}: /etc/passwd leaked:\n{text}");
        let text: String = text
            .lines()
            .map(|l| if l.chars().count() > 300 { "<long line>\n".to_owned() } else { format!("{l}\n") })
            .collect();
        insta::assert_snapshot!(name, text);
    }
}
