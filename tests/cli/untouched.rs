//! No command changes an input: the whole workspace is hashed before and
//! after each command, and only the outputs the command is meant to write
//! may differ.

use std::collections::BTreeMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::harness::Ws;

/// Every file under `root` (relative path → SHA-256), and every folder.
fn tree(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                out.insert(format!("{rel}/"), String::new());
                walk(root, &path, out);
            } else {
                let digest = Sha256::digest(std::fs::read(&path).unwrap());
                out.insert(rel, digest.iter().map(|b| format!("{b:02x}")).collect());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

#[test]
fn no_command_changes_an_input() {
    // (arguments, what the command may write: path prefixes)
    let commands: &[(&[&str], &[&str])] = &[
        (&["validate"], &[]),
        (&["validate", "--format", "json"], &[]),
        (&["score"], &[]),
        (&["score", "--format", "csv"], &[]),
        (&["compare", "2017-s1", "2017-s2"], &[]),
        (&["compare", "2017-s1", "2017-s2", "--format", "pdf"], &["out/"]),
        (&["report"], &["out/"]),
        (&["report", "--institution", "diskominfo", "--typ"], &["out/"]),
        (&["report", "--all"], &["out/"]),
        (&["export", "--format", "csv"], &["out/"]),
        (&["export", "--format", "json"], &["out/"]),
        (&["schema"], &["schema/"]),
        (&["evidence", "verify"], &[]),
        (&["evidence", "seal"], &["evidence.lock"]),
        (&["completions", "bash"], &[]),
        (&["man"], &[]),
        (&["new", "assessment", "--institution", "diskominfo", "--period", "2017-s2"], &[]),
        // Refused: an input as the output (`@` is the workspace's root).
        (&["report", "-o", "@/terbuka.yaml"], &[]),
        (&["report", "-o", "@/evidence/x.pdf"], &[]),
        (&["export", "--format", "csv", "-o", "@/assessments"], &[]),
        (&["schema", "-o", "@/rubrics"], &[]),
    ];
    for (args, allowed) in commands {
        let ws = Ws::sample();
        let root = ws.path().to_string_lossy().into_owned();
        let args = args.iter().map(|a| a.replacen('@', &root, 1)).collect::<Vec<_>>();
        let args = args.iter().map(String::as_str).collect::<Vec<_>>();
        let before = tree(ws.path());
        let run = ws.run(&args);
        let refused = args.iter().any(|a| a.starts_with(&root));
        let expected = if refused || args.starts_with(&["new"]) { 2 } else { 0 };
        assert_eq!(run.code, expected, "{args:?}: {}", run.stderr);
        if refused {
            assert!(run.stderr.contains("it would replace or add to the workspace's inputs"), "{}", run.stderr);
        }
        let after = tree(ws.path());
        let changed = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k) != after.get(*k))
            .filter(|k| !allowed.iter().any(|a| k.starts_with(a)))
            // Every command that loads the workspace keeps its caches
            // (terbuka's own files, not inputs).
            .filter(|k| !(k.as_str() == "out/" || k.starts_with("out/.cache/")))
            .collect::<Vec<_>>();
        assert!(changed.is_empty(), "{args:?} changed {changed:?}");
    }
    // `new assessment` writes exactly the new file.
    let ws = Ws::sample();
    ws.remove("assessments/2017-s2/diskominfo.yaml");
    let before = tree(ws.path());
    let run = ws.run(&["new", "assessment", "--institution", "diskominfo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = tree(ws.path());
    let changed =
        after.keys().filter(|k| before.get(*k) != after.get(*k)).filter(|k| !k.starts_with("out/")).collect::<Vec<_>>();
    assert_eq!(changed, ["assessments/2017-s2/diskominfo.yaml"]);
    assert!(before.keys().all(|k| after.get(k) == before.get(k)));
}
