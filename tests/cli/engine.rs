//! The workspace engine, driven through the library: what an edit
//! invalidates, and the parse cache.

use std::sync::atomic::Ordering;

use terbuka::engine::{Engine, JobKind, Options};
use terbuka::load::Limits;

use crate::harness::Ws;

fn options(ws: &Ws, cache: bool) -> Options {
    Options {
        root: ws.path().to_owned(),
        lang: Some(terbuka::model::Lang::En),
        limits: Limits::default(),
        report_limits: Default::default(),
        on_overrun: None,
        source_date_epoch: Some(1_700_000_000),
        cache,
        fallback_lang: terbuka::model::Lang::Id,
    }
}

fn open(ws: &Ws, cache: bool) -> Engine {
    Engine::open(options(ws, cache), &|_| {}).unwrap()
}

#[test]
fn an_edit_to_an_assessment_rescores_its_period_only() {
    let ws = Ws::sample();
    let mut engine = open(&ws, false);
    assert!(!engine.has_errors());
    let before = engine.scores().period("2017-s1").unwrap().clone();
    assert_eq!(engine.stats().validations.load(Ordering::Relaxed), 1);
    assert_eq!((engine.stats().scored("2017-s1"), engine.stats().scored("2017-s2")), (1, 1));

    let file = "assessments/2017-s1/bappeda.yaml";
    ws.edit(file, "understanding:\n    level: 3", "understanding:\n    level: 1");
    let applied = engine.apply(&[ws.path().join(file)]);
    assert_eq!(applied.reread, [file]);
    assert_eq!(applied.periods, Some(["2017-s1".to_owned()].into()));
    assert!(!applied.templates);
    assert!(!engine.has_errors());
    assert_eq!(engine.stats().validations.load(Ordering::Relaxed), 2, "an edit is validated again");
    let after = engine.scores().period("2017-s1").unwrap();
    assert_eq!(
        (engine.stats().scored("2017-s1"), engine.stats().scored("2017-s2")),
        (2, 1),
        "only 2017-s1 is scored again"
    );
    assert_ne!(&before, after);
    let bappeda = after.institution("bappeda").unwrap();
    assert_eq!(bappeda.points[0].claimed, 1);
    // The engine's scores equal a fresh engine's.
    assert_eq!(engine.scores(), open(&ws, false).scores());
}

/// Validation indexes where keys are written (a second parse of the file)
/// only for the files it has something to show in: a rule that asks of
/// every file makes `validate` several times slower on a big workspace.
#[test]
fn only_files_with_a_diagnostic_are_indexed() {
    let ws = Ws::sample();
    // A file `new assessment` carried forward, every point confirmed since:
    // W013 asks of each point whether it has a `confirmed:` line.
    let file = "assessments/2017-s2/bpkad.yaml";
    let text = ws
        .read(file)
        .replace("\n    level: ", "\n    confirmed: true\n    level: ")
        .replace("\n      completion: ", "\n      confirmed: true\n      completion: ");
    ws.write(file, &text);
    let engine = open(&ws, false);
    let shown = engine
        .diagnostics()
        .iter()
        .filter_map(|d| d.location.as_ref().map(|l| l.file.to_string()))
        .collect::<std::collections::BTreeSet<_>>();
    assert!(!shown.contains(file), "the carried file is valid");
    let w = engine.workspace();
    let docs =
        w.assessments.iter().map(|d| (&d.file, &d.locator)).chain(w.institutions.iter().map(|d| (&d.file, &d.locator)));
    let indexed = docs.filter(|(_, l)| l.indexed()).map(|(f, _)| f.to_string()).collect::<Vec<_>>();
    assert!(indexed.iter().all(|f| shown.contains(f)), "indexed without a diagnostic: {indexed:?}");
}

#[test]
fn an_edit_to_a_template_renders_again_without_validating_again() {
    let ws = Ws::sample();
    let mut engine = open(&ws, false);
    let job = JobKind::Period("2017-s2".into());
    let first = engine.make(&job, "out/report.typ").unwrap();
    assert_eq!(engine.stats().template_loads.load(Ordering::Relaxed), 1);
    let validations = engine.stats().validations.load(Ordering::Relaxed);

    let template = std::fs::read_to_string(crate::harness::repo_root().join("report-templates/period.typ.j2")).unwrap();
    ws.write("report-templates/period.typ.j2", &format!("{template}\nA line only the edited template writes.\n"));
    let applied = engine.apply(&[ws.path().join("report-templates/period.typ.j2")]);
    assert!(applied.templates && applied.reread.is_empty());
    let second = engine.make(&job, "out/report.typ").unwrap();
    assert_eq!(engine.stats().template_loads.load(Ordering::Relaxed), 2, "the templates are loaded again");
    assert_eq!(engine.stats().validations.load(Ordering::Relaxed), validations, "nothing is validated again");
    assert_eq!(engine.stats().scored("2017-s2"), 1, "nothing is scored again");
    assert!(second.typ.contains("A line only the edited template writes."));
    assert!(!first.typ.contains("A line only the edited template writes."));
}

#[test]
fn a_broken_edit_is_reported_and_a_fix_clears_it() {
    let ws = Ws::sample();
    let mut engine = open(&ws, false);
    let file = "institutions/bpkad.yaml";
    let good = ws.read(file);
    ws.write(file, &format!("{good}\nnot yaml: [\n"));
    engine.apply(&[ws.path().join(file)]);
    assert!(engine.has_errors());
    let d = engine.diagnostics().iter().find(|d| d.is_error()).unwrap();
    assert_eq!(&*d.location.as_ref().unwrap().file, file);
    ws.write(file, &good);
    engine.apply(&[ws.path().join(file)]);
    assert!(!engine.has_errors());
    assert_eq!(engine.diagnostics(), open(&ws, false).diagnostics());
    // A file that goes and comes back.
    let gone = "assessments/2017-s2/bpkad.yaml";
    let text = ws.read(gone);
    ws.remove(gone);
    engine.apply(&[ws.path().join(gone)]);
    assert!(engine.scores().period("2017-s2").unwrap().institution("bpkad").is_none());
    ws.write(gone, &text);
    engine.apply(&[ws.path().join(gone)]);
    assert_eq!(engine.scores(), open(&ws, false).scores());
    assert_eq!(engine.workspace().files, open(&ws, false).workspace().files);
}

#[test]
fn the_parse_cache_gives_the_same_workspace_and_is_trusted_only_when_it_fits() {
    let ws = Ws::sample();
    let cold = open(&ws, true);
    let files = cold.workspace().files;
    assert_eq!(cold.stats().files_cached.load(Ordering::Relaxed), 0);
    // The cache is written while the command goes on.
    cold.wait_for_cache();
    assert!(ws.path().join("out/.cache/parse.bin").is_file());
    let warm = open(&ws, true);
    assert_eq!(warm.stats().files_cached.load(Ordering::Relaxed), files, "every file comes from the cache");
    assert_eq!(warm.scores(), cold.scores());
    assert_eq!(warm.diagnostics(), cold.diagnostics());
    let job = JobKind::Period("2017-s2".into());
    assert_eq!(warm.make(&job, "x.typ").unwrap().pdf, cold.make(&job, "x.typ").unwrap().pdf);

    warm.wait_for_cache();
    // A file whose bytes changed is parsed again.
    ws.edit("assessments/2017-s2/bpkad.yaml", "understanding:\n    level: 3", "understanding:\n    level: 2");
    let edited = open(&ws, true);
    edited.wait_for_cache();
    assert_eq!(edited.stats().files_cached.load(Ordering::Relaxed), files - 1);
    assert_eq!(edited.scores(), open(&ws, false).scores());

    // A damaged cache is ignored, with a note, and written again. It keeps
    // this build's header line, so only what follows it is damaged.
    let cache = ws.path().join("out/.cache/parse.bin");
    let bytes = std::fs::read(&cache).unwrap();
    let header = &bytes[..=bytes.iter().position(|&b| b == b'\n').unwrap()];
    std::fs::write(&cache, [header, b"garbage"].concat()).unwrap();
    let damaged = open(&ws, true);
    damaged.wait_for_cache();
    assert_eq!(damaged.stats().files_cached.load(Ordering::Relaxed), 0);
    assert!(damaged.cache_note().is_some_and(|n| n.en.contains("could not be read and was ignored")));
    assert_eq!(open(&ws, true).stats().files_cached.load(Ordering::Relaxed), files);

    // A cache written by another version of its format is set aside without
    // a note: it is not damage, only old.
    std::fs::write(&cache, b"terbuka parse cache 0\nwhatever it held").unwrap();
    let older = open(&ws, true);
    older.wait_for_cache();
    assert_eq!(older.stats().files_cached.load(Ordering::Relaxed), 0);
    assert!(older.cache_note().is_none(), "{:?}", older.cache_note());
    assert_eq!(open(&ws, true).stats().files_cached.load(Ordering::Relaxed), files);

    // A cache that came with a copy of the workspace is not trusted.
    let copy = Ws::sample();
    open(&ws, true).wait_for_cache();
    std::fs::create_dir_all(copy.path().join("out/.cache")).unwrap();
    std::fs::copy(ws.path().join("out/.cache/parse.bin"), copy.path().join("out/.cache/parse.bin")).unwrap();
    let copied = open(&copy, true);
    assert_eq!(copied.stats().files_cached.load(Ordering::Relaxed), 0);
    assert!(copied.cache_note().is_none(), "another folder's cache is not damage");
}

#[test]
fn no_cache_parses_every_file_and_writes_no_cache() {
    let ws = Ws::sample();
    let run = ws.run(&["--no-cache", "validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!ws.path().join("out/.cache/parse.bin").exists());
    let run = ws.run(&["validate"]);
    assert_eq!(run.code, 0);
    assert!(ws.path().join("out/.cache/parse.bin").is_file());
}

#[test]
fn the_result_cache_answers_only_for_the_same_files_and_facts() {
    let ws = Ws::sample();
    assert!(terbuka::engine::quick(&options(&ws, true)).is_none(), "no cache yet");
    let engine = open(&ws, true);
    engine.remember();
    let quick = terbuka::engine::quick(&options(&ws, true)).expect("the same files and facts");
    assert_eq!(quick.diagnostics, engine.diagnostics());
    assert_eq!(quick.summary.files, engine.workspace().files);
    assert!(terbuka::engine::quick(&options(&ws, false)).is_none(), "--no-cache");
    // The same bytes written again (a new modification time) still hash the same.
    let file = "assessments/2017-s1/bappeda.yaml";
    let text = ws.read(file);
    ws.write(file, &text);
    let renewed = open(&ws, true);
    renewed.remember();
    assert!(terbuka::engine::quick(&options(&ws, true)).is_some());
    // Another byte: not the same files.
    ws.write(file, &format!("{text}\n"));
    assert!(terbuka::engine::quick(&options(&ws, true)).is_none());
    ws.write(file, &text);
    open(&ws, true).remember();
    assert!(terbuka::engine::quick(&options(&ws, true)).is_some());
    // A cited file gone: not the same facts.
    ws.remove("evidence/bappeda/2017-s1/daftar-hadir-sosialisasi-ogp.txt");
    assert!(terbuka::engine::quick(&options(&ws, true)).is_none());
}

/// Every command validates through the engine, which reads the result
/// back when the files it loaded and the facts are those it was written
/// for, and validates again otherwise.
#[test]
fn an_unchanged_workspace_is_not_validated_again() {
    let validations = |e: &Engine| e.stats().validations.load(Ordering::Relaxed);
    let ws = Ws::sample();
    let first = open(&ws, true);
    let diagnostics = first.diagnostics().to_vec();
    assert!(!diagnostics.is_empty());
    assert_eq!(validations(&first), 1);
    first.remember();
    drop(first);
    let second = open(&ws, true);
    assert_eq!(second.diagnostics(), diagnostics);
    assert_eq!(validations(&second), 0, "read back");
    let no_cache = open(&ws, false);
    assert_eq!(no_cache.diagnostics(), diagnostics);
    assert_eq!(validations(&no_cache), 1, "--no-cache validates");
    // Another byte in one file: validated again.
    let file = "commitments/data-revolution.yaml";
    ws.edit(file, "lead: diskominfo", "lead: diskominfoo");
    let edited = open(&ws, true);
    assert_eq!(validations(&edited), 0);
    assert!(edited.has_errors());
    assert_eq!(validations(&edited), 1);
    ws.edit(file, "lead: diskominfoo", "lead: diskominfo");
    // A cited file gone (a fact): validated again.
    ws.remove("evidence/bappeda/2017-s1/daftar-hadir-sosialisasi-ogp.txt");
    let gone = open(&ws, true);
    assert!(gone.diagnostics().len() > diagnostics.len());
    assert_eq!(validations(&gone), 1);
}

/// An engine that read its diagnostics back and is then edited (as
/// `watch` is) validates again, and keeps the new result for the next run.
#[test]
fn an_edit_after_a_recall_is_validated_and_remembered() {
    let validations = |e: &Engine| e.stats().validations.load(Ordering::Relaxed);
    let ws = Ws::sample();
    let first = open(&ws, true);
    first.diagnostics();
    first.remember();
    drop(first);
    let mut engine = open(&ws, true);
    assert!(!engine.has_errors());
    assert_eq!(validations(&engine), 0, "read back");
    let file = "commitments/data-revolution.yaml";
    ws.edit(file, "lead: diskominfo", "lead: diskominfoo");
    engine.apply(&[ws.path().join(file)]);
    assert!(engine.has_errors());
    assert_eq!(validations(&engine), 1);
    engine.remember();
    let next = open(&ws, true);
    assert_eq!(next.diagnostics(), engine.diagnostics());
    assert_eq!(validations(&next), 0, "the edited workspace's result is read back");
}

#[test]
fn validate_says_the_same_with_and_without_its_caches() {
    let ws = Ws::sample();
    ws.edit("commitments/data-revolution.yaml", "lead: diskominfo", "lead: diskominfoo");
    for args in [
        &["validate"][..],
        &["validate", "--format", "json"],
        &["validate", "--period", "2017-s1", "--institution", "bpkad"],
    ] {
        let cold = ws.run(&[&["--no-cache"][..], args].concat());
        let first = ws.run(args);
        let warm = ws.run(args);
        assert_eq!((first.code, &first.stdout), (cold.code, &cold.stdout), "{args:?}");
        assert_eq!((warm.code, &warm.stdout), (cold.code, &cold.stdout), "{args:?}");
        assert_eq!(cold.code, if args.len() == 1 || args[1] == "--format" { 1 } else { 0 }, "{args:?}");
    }
    let run = ws.run(&["validate", "--period", "2071-s1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown period `2071-s1` (did you mean `2017-s1`?)"), "{}", run.stderr);
    std::fs::write(ws.path().join("out/.cache/validate.bin"), "{damaged").unwrap();
    let damaged = ws.run(&["validate"]);
    assert_eq!(damaged.stdout, ws.run(&["--no-cache", "validate"]).stdout);
}

/// A front end (a form's draft, a workbook being imported) checks a
/// file's text against the whole workspace without writing it: the
/// engine says what `validate` would say were the file saved so, and
/// reading the file again from disk puts the workspace back.
#[test]
fn a_text_checked_in_memory_is_validated_as_if_saved_and_nothing_is_written() {
    let ws = Ws::fixture("city");
    let file = "assessments/2023/finance.yaml";
    let before = terbuka_snapshot(&ws);
    let mut engine = open(&ws, false);
    assert!(!engine.has_errors());
    let draft =
        ws.read(file).replacen("level: 4", "level: 9", 1).replace("institution: finance", "institution: financ");
    let applied = engine.edit_text(file, Some(&draft));
    assert_eq!(applied.reread, [file]);
    let in_memory = engine
        .diagnostics()
        .iter()
        .map(|d| (d.code.as_str(), d.location.as_ref().and_then(|l| l.path_text())))
        .collect::<Vec<_>>();
    assert!(in_memory.contains(&("E020", Some("points.leadership.level".into()))), "{in_memory:?}");
    assert!(in_memory.contains(&("E011", Some("institution".into()))), "{in_memory:?}");
    assert_eq!(terbuka_snapshot(&ws), before, "nothing was written");

    // The same text saved and validated from the command line.
    let copy = Ws::fixture("city");
    copy.write(file, &draft);
    let on_disk = open(&copy, false)
        .diagnostics()
        .iter()
        .map(|d| (d.code.as_str(), d.location.as_ref().and_then(|l| l.path_text())))
        .collect::<Vec<_>>();
    assert_eq!(in_memory, on_disk);

    // A text that does not parse is reported as load reports it; the file
    // on disk read again gives the workspace back.
    engine.edit_text(file, Some("institution: a: b\n"));
    assert!(engine.diagnostics().iter().any(|d| d.code.as_str() == "E002"));
    engine.apply(&[ws.path().join(file)]);
    assert!(!engine.has_errors());
    // A file that is not a workspace YAML file changes nothing.
    assert!(!engine.edit_text("notes/todo.yaml", Some("x: 1")).any());
}

fn terbuka_snapshot(ws: &Ws) -> Vec<(String, Vec<u8>)> {
    crate::harness::snapshot_tree(ws.path())
}
