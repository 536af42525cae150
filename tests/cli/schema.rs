//! `terbuka schema` writes the committed `schema/`.

use std::fs;

use crate::harness::{Ws, repo_root};

#[test]
fn committed_schemas_are_fresh() {
    let ws = Ws::fixture("minimal");
    let out = ws.path().join("fresh-schema");
    let run = ws.run(&["schema", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let committed = repo_root().join("schema");
    let mut names = fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect::<Vec<_>>();
    names.sort();
    assert_eq!(names.len(), 7);
    for name in names {
        let fresh = fs::read_to_string(out.join(&name)).unwrap();
        let old = fs::read_to_string(committed.join(&name)).unwrap_or_default();
        assert!(
            fresh == old,
            "schema/{} is stale; refresh it with `cargo run -- schema` in the repository root",
            name.to_string_lossy()
        );
    }
}

#[test]
fn every_sample_yaml_names_its_schema() {
    let root = repo_root();
    let mut checked = 0;
    for dir in ["", "commitments", "institutions", "rubrics", "reviews", "assessments/2017-s1", "assessments/2017-s2"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let text = fs::read_to_string(&path).unwrap();
                let first = text.lines().next().unwrap_or("");
                assert!(
                    first.starts_with("# yaml-language-server: $schema="),
                    "{} lacks the schema line",
                    path.display()
                );
                let target = first.trim_start_matches("# yaml-language-server: $schema=");
                assert!(path.parent().unwrap().join(target).is_file(), "{}: {target} does not exist", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 30, "only {checked} files checked");
}
