//! Bounded work: template overrides that loop, make text or pages without
//! end; and long unbroken words, which must break rather than run off the
//! page.

use std::time::{Duration, Instant};

use super::{Scene, leftovers};

fn with_template(s: &Scene, name: &str, tail: &str) {
    let template = std::fs::read_to_string(crate::harness::repo_root().join("report-templates").join(name)).unwrap();
    s.ws.write(&format!("report-templates/{name}"), &format!("{template}\n{tail}\n"));
}

#[test]
fn template_loops_and_text_bombs_run_out_of_fuel() {
    for bomb in [
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "{% set s = 'x' * 90000000 %}{{ s }}",
        "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    ] {
        let mut s = Scene::minimal();
        with_template(&s, "period.typ.j2", bomb);
        s.freeze();
        let start = Instant::now();
        let run = s.run(&["report"]);
        assert!(start.elapsed() < Duration::from_secs(20), "{bomb}: {:?}", start.elapsed());
        assert_eq!(run.code, 1, "{bomb}: {}", run.stderr);
        assert!(run.stderr.contains("error[E060]"), "{bomb}: {}", run.stderr);
        assert!(!s.root().join("out/report-2017-s2-en.pdf").exists());
        s.unchanged(bomb);
    }
}

#[test]
fn typst_that_never_ends_is_stopped_with_a_message() {
    let mut s = Scene::minimal();
    with_template(&s, "period.typ.j2", "#let f(n) = { let s = 0; for i in range(n) { s += i }; s }\n#f(100000000000)");
    s.freeze();
    let start = Instant::now();
    let run = s.run_env(&["report"], &[("TERBUKA_MAX_TYPESET_SECONDS", "2")]);
    assert!(start.elapsed() < Duration::from_secs(15), "{:?}", start.elapsed());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("the report was not written: Typst took longer than 2 seconds"), "{}", run.stderr);
    assert!(run.stderr.contains("TERBUKA_MAX_TYPESET_SECONDS"), "{}", run.stderr);
    assert_eq!(leftovers(s.root()), Vec::<String>::new());
    s.unchanged("report");
}

#[test]
fn a_page_bomb_is_refused_past_the_page_limit() {
    let mut s = Scene::minimal();
    with_template(&s, "scorecard.typ.j2", "#for i in range(300) [#pagebreak() page]");
    s.freeze();
    let run =
        s.run_env(&["report", "--institution", "dinas-a", "--period", "2017-s1"], &[("TERBUKA_MAX_PAGES", "100")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("pages, more than the limit of 100"), "{}", run.stderr);
    assert!(run.stderr.contains("TERBUKA_MAX_PAGES"), "{}", run.stderr);
    assert!(!s.root().join("out/scorecard-2017-s1-dinas-a-en.pdf").exists());
    s.unchanged("report");
    // Raised on purpose, the same report is written.
    let run =
        s.run_env(&["report", "--institution", "dinas-a", "--period", "2017-s1"], &[("TERBUKA_MAX_PAGES", "1000")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn long_words_and_urls_break_inside_the_page() {
    let s = Scene::minimal();
    let url = "https://ppid.contoh.go.id/informasi-publik/daftar-informasi-publik-setiap-saat/laporan-keuangan-daerah-tahun-anggaran-2017.pdf";
    let word = "Pemberdayaanmasyarakatdanpemerintahandesakabupatencontoh";
    s.ws.edit("assessments/2017-s1/dinas-a.yaml", "https://example.org/rencana-aksi", url);
    s.ws.edit("institutions/dinas-b.yaml", "name: Dinas B", &format!("name: Dinas B\nshort-name: {word}"));
    let run = s.run(&["report", "--period", "2017-s1", "--typ"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = s.root().join("out/report-2017-s1-en.pdf");
    // Every line of text lies inside the page (A4, 595 points wide).
    let out = std::process::Command::new("pdftotext").args(["-bbox-layout"]).arg(&pdf).arg("-").output().unwrap();
    let xml = String::from_utf8_lossy(&out.stdout);
    for line in xml.lines().filter(|l| l.trim_start().starts_with("<line ")) {
        let x_max =
            line.split("xMax=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse::<f64>().ok()).unwrap();
        assert!(x_max <= 595.0, "a line runs off the page: {line}");
    }
    // And the text reads back whole: a reader copying the URL gets it.
    let text = crate::harness::pdftotext(&pdf);
    let squashed = text.split_whitespace().collect::<String>();
    assert!(squashed.contains(&url.replace("https://", "")[..40]), "{text}");
    assert!(squashed.contains(word), "{text}");
}
