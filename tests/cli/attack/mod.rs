//! Attacks on a workspace, one test per class of hole (issue: "Safety
//! holes, tried as an attacker would"), each with the reported example and
//! variants of our own. Every test asserts the exit code and the message,
//! and that no input changed and nothing was written outside the
//! workspace.

mod evidence;
mod outputs;
mod reading;
mod terminal;
mod work;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::harness::{Run, Ws};

/// Every entry under `root`, without following links: files by their
/// bytes' length and content, links by their target, folders by name.
pub fn tree(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries {
            // Entries may come and go while a command runs: those are skipped.
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).map(|t| t.display().to_string()).unwrap_or_default();
                out.insert(rel, format!("-> {target}"));
            } else if meta.is_dir() {
                out.insert(format!("{rel}/"), String::new());
                walk(root, &path, out);
            } else if meta.is_file() {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                out.insert(rel, String::from_utf8_lossy(&bytes).into_owned());
            } else {
                out.insert(rel, "<special>".into());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// A workspace under attack, with a folder beside it that stands for
/// "outside the workspace" and must never change.
pub struct Scene {
    pub ws: Ws,
    pub outside: tempfile::TempDir,
    before: Option<(BTreeMap<String, String>, BTreeMap<String, String>)>,
}

impl Scene {
    /// The minimal fixture, and an outside folder holding `victim.txt`.
    pub fn minimal() -> Scene {
        Scene::of(Ws::fixture("minimal"))
    }

    /// The sample workspace, and an outside folder.
    pub fn sample() -> Scene {
        Scene::of(Ws::sample())
    }

    fn of(ws: Ws) -> Scene {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("victim.txt"), "keep me").unwrap();
        Scene { ws, outside, before: None }
    }

    /// The workspace's root.
    pub fn root(&self) -> &Path {
        self.ws.path()
    }

    /// A path outside the workspace.
    pub fn out(&self, name: &str) -> PathBuf {
        self.outside.path().join(name)
    }

    /// Records the workspace (but `out/`) and the outside folder as they
    /// are now: [`Scene::unchanged`] compares with this.
    pub fn freeze(&mut self) {
        self.before = Some((inputs(self.root()), tree(self.outside.path())));
    }

    /// Asserts that no input of the workspace and nothing outside changed
    /// since [`Scene::freeze`].
    pub fn unchanged(&self, what: &str) {
        let (ws, outside) = self.before.as_ref().expect("freeze first");
        assert_eq!(&inputs(self.root()), ws, "{what}: an input changed");
        assert_eq!(&tree(self.outside.path()), outside, "{what}: something outside the workspace changed");
    }

    /// Runs terbuka in English on the workspace.
    pub fn run(&self, args: &[&str]) -> Run {
        self.ws.run(args)
    }

    /// Runs terbuka in English with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_terbuka"));
        cmd.arg("--root").arg(self.root()).args(["--color", "never", "--lang", "en"]).args(args);
        cmd.env_remove("TERBUKA_LANG").env_remove("TERBUKA_ROOT").env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        crate::harness::output(&mut cmd)
    }
}

/// The workspace's inputs: every entry but `out/` and the temporary
/// files of terbuka's own.
fn inputs(root: &Path) -> BTreeMap<String, String> {
    let mut all = tree(root);
    all.retain(|k, _| !k.starts_with("out/") && k != "out/" && !k.contains(".terbuka-"));
    all
}

/// Temporary files of terbuka's own left anywhere under `root`.
pub fn leftovers(root: &Path) -> Vec<String> {
    tree(root)
        .into_keys()
        .filter(|k| k.rsplit('/').next().is_some_and(|n| n.starts_with(".terbuka-") && n.ends_with(".tmp")))
        .collect()
}

/// The text printed, with the workspace's path shown as `<ws>`.
pub fn said(run: &Run, root: &Path) -> String {
    format!("{}{}", run.stdout, run.stderr).replace(&root.to_string_lossy().into_owned(), "<ws>")
}
