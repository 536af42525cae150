//! Test harness: copy a workspace to a temporary directory, edit it, run the
//! binary, and look at exit code, stdout, stderr and files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the sample Bojonegoro workspace).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The directories and files that make up a workspace.
const WORKSPACE_ENTRIES: &[&str] =
    &["terbuka.yaml", "commitments", "institutions", "rubrics", "assessments", "reviews", "evidence", "evidence.lock"];

/// A workspace in a temporary directory.
pub struct Ws {
    dir: tempfile::TempDir,
}

/// What a run printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Ws {
    /// A copy of the sample workspace in the repository root.
    pub fn sample() -> Ws {
        Ws::copy_of(&repo_root())
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Ws {
        Ws::copy_of(&repo_root().join("tests/fixtures").join(name))
    }

    /// A copy of `examples/<name>`.
    pub fn example(name: &str) -> Ws {
        Ws::copy_of(&repo_root().join("examples").join(name))
    }

    /// Runs like [`Ws::run`] on the day `SOURCE_DATE_EPOCH` says.
    pub fn run_on(&self, epoch: &str, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_terbuka"));
        cmd.arg("--root").arg(self.path()).arg("--color").arg("never");
        if !args.contains(&"--lang") {
            cmd.args(["--lang", "en"]);
        }
        cmd.args(args)
            .env_remove("TERBUKA_LANG")
            .env_remove("TERBUKA_ROOT")
            .env("SOURCE_DATE_EPOCH", epoch)
            .env("NO_COLOR", "1");
        output(&mut cmd)
    }

    fn copy_of(from: &Path) -> Ws {
        let dir = tempfile::tempdir().expect("temp dir");
        for entry in WORKSPACE_ENTRIES {
            let src = from.join(entry);
            if src.exists() {
                copy_tree(&src, &dir.path().join(entry));
            }
        }
        Ws { dir }
    }

    /// The root.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Reads a file.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Writes a file.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Replaces the one occurrence of `from` in a file by `to`.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "`{from}` must occur exactly once in {rel}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    /// Removes a file.
    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path().join(rel)).unwrap();
    }

    /// Runs `terbuka --root <ws> --color never <args>`.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }
}

/// Runs the binary with the workspace root set, in English unless `args`
/// choose otherwise.
pub fn run_in(root: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_terbuka"));
    cmd.arg("--root").arg(root).arg("--color").arg("never");
    if !args.contains(&"--lang") {
        cmd.args(["--lang", "en"]);
    }
    cmd.args(args)
        .env_remove("TERBUKA_LANG")
        .env_remove("TERBUKA_ROOT")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1");
    let out = cmd.output().expect("run terbuka");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The binary with a clean environment (no `TERBUKA_*`, `NO_COLOR` or
/// `SOURCE_DATE_EPOCH`) and nothing else set: for tests of how the command
/// line itself behaves.
pub fn bare() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_terbuka"));
    cmd.env_remove("TERBUKA_LANG").env_remove("TERBUKA_ROOT").env_remove("SOURCE_DATE_EPOCH").env_remove("NO_COLOR");
    cmd
}

/// Runs a command and collects what it printed.
pub fn output(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("run terbuka");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The text of a PDF as `pdftotext` extracts it.
pub fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: scripts/test installs it");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// Every file under `root` with its bytes, sorted by relative path.
pub fn snapshot_tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((path.strip_prefix(root).unwrap().display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        let mut entries = fs::read_dir(from).unwrap().map(|e| e.unwrap().path()).collect::<Vec<_>>();
        entries.sort();
        for entry in entries {
            copy_tree(&entry, &to.join(entry.file_name().unwrap()));
        }
    } else {
        fs::copy(from, to).unwrap();
    }
}

/// `text` on one line, its whitespace runs made single spaces: a phrase a
/// PDF wraps over lines or table cells still matches.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// No string of the report catalogue is missing: a missing one shows as its
/// key in brackets (`[glance.results-modest]`).
#[track_caller]
pub fn assert_no_string_key(text: &str) {
    let key =
        text.split('[').skip(1).filter_map(|s| s.split_once(']')).map(|(k, _)| k).find(|k| {
            k.len() > 2 && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c))
        });
    assert_eq!(key, None, "a string key is shown instead of its text");
}
