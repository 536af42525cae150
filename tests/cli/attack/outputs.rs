//! Outputs: the guard on paths (`..` after a missing folder, links into
//! inputs and out of the workspace), temporary files that a planted link
//! cannot redirect, ids that would become paths, batches that replace
//! their folder whole, and commands that would write into a folder that is
//! not a workspace.

use std::os::unix::fs::symlink;

use super::{Scene, leftovers, said};

#[test]
fn parent_steps_after_missing_folders_never_reach_an_input() {
    let mut s = Scene::minimal();
    std::fs::create_dir_all(s.root().join("out")).unwrap();
    symlink(s.root().join("evidence"), s.root().join("out/evid")).unwrap();
    s.freeze();
    let cases: &[(&[&str], &str)] = &[
        // The reported example, and variants.
        (&["report", "-o", "out/nope/../../terbuka.yaml"], "terbuka.yaml"),
        (&["report", "-o", "out/a/b/../../../terbuka.yaml"], "terbuka.yaml"),
        (&["report", "-o", "out/../evidence/new/r.pdf"], "evidence/new/r.pdf"),
        (&["report", "-o", "out/evid/new/deeper/r.pdf"], "evid/new/deeper/r.pdf"),
        (&["report", "--all", "-o", "out/x/../../evidence"], "evidence"),
        (&["report", "--all", "-o", "."], "."),
        (&["compare", "2017-s1", "2017-s2", "--format", "pdf", "-o", "out/./../rubrics/x.pdf"], "rubrics/x.pdf"),
        (&["export", "--format", "csv", "-o", "out/../institutions/a/b"], "institutions/a/b"),
        (&["schema", "-o", "out/../commitments/s"], "commitments/s"),
        (&["man", "-o", "out/../reviews"], "reviews"),
    ];
    for (args, shown) in cases {
        // Every path after `-o` is inside the workspace.
        let mut args = args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
        let at = args.iter().position(|a| a == "-o").unwrap() + 1;
        args[at] = format!("{}/{}", s.root().display(), args[at]);
        let args = args.iter().map(String::as_str).collect::<Vec<_>>();
        let run = s.run(&args);
        let text = said(&run, s.root());
        assert_eq!(run.code, 2, "{args:?}:\n{text}");
        assert!(text.contains("refusing to"), "{args:?}: {text}");
        assert!(text.contains(shown.trim_start_matches("./")) || *shown == ".", "{args:?}: {text}");
        s.unchanged(&format!("{args:?}"));
        assert!(!s.root().join("evidence/new").exists() && !s.root().join("institutions/a").exists());
    }
}

#[test]
fn a_link_never_carries_an_output_out_of_the_workspace() {
    let mut s = Scene::minimal();
    // `out` itself is a link to a folder outside.
    symlink(s.outside.path(), s.root().join("out")).unwrap();
    s.freeze();
    for args in [&["report"][..], &["export", "--format", "json"], &["report", "--all"]] {
        let run = s.run(args);
        let text = said(&run, s.root());
        assert_eq!(run.code, 2, "{args:?}: {text}");
        assert!(text.contains("a symbolic link in the workspace would carry it outside the workspace"), "{text}");
        s.unchanged(&format!("{args:?}"));
    }
    // A path outside, given on purpose, is the user's choice.
    let chosen = s.out("chosen.pdf");
    let run = s.run(&["report", "-o", chosen.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(chosen.is_file());
}

#[test]
fn a_link_planted_at_a_temporary_name_is_never_written_through() {
    let mut s = Scene::minimal();
    let victim = s.out("victim.txt");
    let out = s.root().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // The names terbuka 0.1 used (`.NAME.PID.tmp`), for the next pids the
    // system will hand out, and guesses at the new scheme.
    let next = std::process::Command::new("true").spawn().unwrap().id();
    for pid in next..next + 400 {
        for name in ["report-2017-s1-en.pdf", "report-2017-s2-en.pdf", "points.csv", "points.json", "evidence.lock"] {
            let dir = if name == "evidence.lock" { s.root().to_owned() } else { out.clone() };
            symlink(&victim, dir.join(format!(".{name}.{pid}.tmp"))).unwrap();
        }
    }
    for pid in next..next + 50 {
        symlink(&victim, out.join(format!(".terbuka-{pid}-0000000000000000.tmp"))).unwrap();
    }
    s.freeze();
    for args in [&["report"][..], &["export", "--format", "csv"], &["evidence", "seal"]] {
        let run = s.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me", "{args:?} wrote through a planted link");
    }
    assert!(out.join("report-2017-s1-en.pdf").is_file());
}

#[test]
fn ids_never_become_paths_outside_their_folder() {
    let mut s = Scene::minimal();
    s.ws.edit("terbuka.yaml", "- {id: 2017-s2,", "- {id: \"../../esc\",");
    s.ws.edit("institutions/dinas-b.yaml", "id: dinas-b", "id: \"../b\"");
    s.freeze();
    let run = s.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("terbuka.yaml:7:10: error[E019] the period id `../../esc` is not a valid id"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("e.g. `esc`"), "{}", run.stdout);
    assert!(run.stdout.contains("error[E019] the institution id `../b` is not a valid id"), "{}", run.stdout);
    for args in [
        &["new", "assessment", "--institution", "dinas-a", "--period", "../../esc"][..],
        &["report", "--period", "../../esc"],
        &["report", "--all", "--period", "../../esc"],
        &["new", "assessment", "--institution", "../b"],
    ] {
        let run = s.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("E019"), "{args:?}: {}", run.stderr);
        s.unchanged(&format!("{args:?}"));
    }
    assert!(!s.root().parent().unwrap().join("esc").exists());
}

#[test]
fn report_all_replaces_its_folder_and_leaves_no_stale_scorecard() {
    let s = Scene::minimal();
    let dir = s.root().join("out/scorecards-2017-s1-en");
    std::fs::create_dir_all(&dir).unwrap();
    // A scorecard of an institution that is no longer assessed, from an
    // earlier version (no marker).
    std::fs::write(dir.join("gone.pdf"), "old").unwrap();
    let run = s.run(&["report", "--all", "--period", "2017-s1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut names =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect::<Vec<_>>();
    names.sort();
    assert_eq!(names, [".terbuka-output", "dinas-a.pdf", "dinas-b.pdf"]);
    assert_eq!(leftovers(s.root()), Vec::<String>::new());
    // A folder of someone else's files is never replaced.
    let mine = s.out("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "mine").unwrap();
    let run = s.run(&["report", "--all", "-o", mine.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the folder holds files terbuka did not write; choose an empty or new folder with -o"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(mine.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn a_failed_batch_leaves_the_old_folder_whole() {
    let s = Scene::minimal();
    assert_eq!(s.run(&["report", "--all", "--period", "2017-s1"]).code, 0);
    let dir = s.root().join("out/scorecards-2017-s1-en");
    let before = super::tree(&dir);
    s.ws.write("report-templates/scorecard.typ.j2", "{{ no_such_value }}");
    let run = s.run(&["report", "--all", "--period", "2017-s1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(super::tree(&dir), before);
    assert_eq!(leftovers(s.root()), Vec::<String>::new());
}

#[test]
fn commands_that_write_refuse_a_folder_that_is_not_a_workspace() {
    let home = tempfile::tempdir().unwrap();
    for args in [&["evidence", "seal"][..], &["schema"]] {
        let run = crate::harness::run_in(home.path(), args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("is not a workspace: it has no terbuka.yaml"), "{}", run.stderr);
        assert!(run.stderr.contains("terbuka new workspace DIR"), "{}", run.stderr);
        assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0, "{args:?} wrote into the folder");
    }
}

#[test]
fn stale_temporary_files_of_dead_runs_are_swept() {
    let s = Scene::minimal();
    let out = s.root().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // Left by runs that were killed (pids no system hands out).
    std::fs::write(out.join(".terbuka-4194304999-0123456789abcdef.tmp"), "x").unwrap();
    std::fs::write(out.join(".report-2017-s2-en.pdf.4194304998.tmp"), "x").unwrap();
    std::fs::write(s.root().join(".evidence.lock.4194304997.tmp"), "x").unwrap();
    assert_eq!(s.run(&["report"]).code, 0);
    assert_eq!(s.run(&["evidence", "seal"]).code, 0);
    assert_eq!(leftovers(s.root()), Vec::<String>::new());
    assert!(!out.join(".report-2017-s2-en.pdf.4194304998.tmp").exists());
    assert!(!s.root().join(".evidence.lock.4194304997.tmp").exists());
}

#[test]
fn an_interrupted_batch_leaves_no_temporary_file() {
    let s = Scene::sample();
    for signal in ["INT", "TERM"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_terbuka"))
            .arg("--root")
            .arg(s.root())
            .args(["--lang", "en", "report", "--all"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the batch's temporary folder exists, then interrupt.
        let start = std::time::Instant::now();
        while leftovers(s.root()).is_empty() && start.elapsed() < std::time::Duration::from_secs(20) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let _ = std::process::Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status();
        let status = child.wait().unwrap();
        assert!(!status.success() || leftovers(s.root()).is_empty(), "{signal}");
        assert_eq!(leftovers(s.root()), Vec::<String>::new(), "{signal}: temporary files left");
    }
}

#[test]
fn a_file_in_the_way_of_a_folder_is_named() {
    let s = Scene::minimal();
    s.ws.write("out", "a file named out");
    let run = s.run(&["report"]);
    assert_eq!(run.code, 2);
    assert!(
        said(&run, s.root()).contains(
            "<ws>/out is a file, where a folder is needed; move or rename that file, or choose another path with -o"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn the_caches_are_never_written_through_a_link_out_of_the_workspace() {
    let mut s = Scene::minimal();
    // `out/.cache` (not `out`) is a link to a folder outside, and so, in a
    // second round, is the parse cache's own file.
    std::fs::create_dir_all(s.root().join("out")).unwrap();
    symlink(s.outside.path(), s.root().join("out/.cache")).unwrap();
    s.freeze();
    for args in [&["validate"][..], &["score"], &["validate"], &["report"]] {
        let run = s.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", said(&run, s.root()));
        s.unchanged(&format!("{args:?} with out/.cache a link out"));
    }
    std::fs::remove_file(s.root().join("out/.cache")).unwrap();
    std::fs::create_dir_all(s.root().join("out/.cache")).unwrap();
    symlink(s.out("victim.txt"), s.root().join("out/.cache/parse.bin")).unwrap();
    symlink(s.out("victim.txt"), s.root().join("out/.cache/validate.bin")).unwrap();
    for args in [&["validate"][..], &["score"]] {
        let run = s.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", said(&run, s.root()));
        s.unchanged(&format!("{args:?} with the cache files links out"));
    }
    assert!(leftovers(s.root()).is_empty(), "{:?}", leftovers(s.root()));
}
