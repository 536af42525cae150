//! Reports read as a person reads them: through poppler's `pdftotext` and
//! `pdfinfo` (installed by `scripts/test`).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use terbuka::load::{self, Limits};
use terbuka::model::Lang;

use crate::harness::{Ws, assert_no_string_key, pdftotext, repo_root};

/// `pdfinfo`'s fields.
fn pdfinfo(pdf: &Path) -> BTreeMap<String, String> {
    let out = Command::new("pdfinfo").arg("-enc").arg("UTF-8").arg(pdf).output().expect("pdfinfo");
    assert!(out.status.success(), "pdfinfo failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())))
        .collect()
}

/// Text without whitespace, so a phrase wrapped over lines or table cells
/// still matches.
fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

/// `pdftotext` joins a word hyphenated at a line end ("Sub-\ndistrict" →
/// "Subdistrict"), so a phrase with a hyphen also matches without it.
fn assert_contains(text: &str, needle: &str, what: &str) {
    let (text, needle) = (squash(text), squash(needle));
    let found = text.contains(&needle) || text.replace('-', "").contains(&needle.replace('-', ""));
    assert!(found, "the PDF lacks {what}: {needle:?}");
}

/// Titles and names from the sample, in `lang`.
struct Names {
    commitments: Vec<String>,
    points: Vec<String>,
    institutions: Vec<String>,
}

fn names(root: &Path, lang: Lang) -> Names {
    let (ws, _) = load::load(root, Limits::default()).expect("load sample");
    let rubric = &ws.rubric().expect("rubric").value;
    Names {
        commitments: ws.commitments.iter().map(|c| c.value.title.get(lang).to_owned()).collect(),
        points: rubric.points.iter().map(|p| p.title.get(lang).to_owned()).collect(),
        institutions: ws.institutions.iter().map(|i| i.value.name.get(lang).to_owned()).collect(),
    }
}

#[test]
fn the_period_report_names_every_commitment_point_and_institution() {
    let ws = Ws::sample();
    let run = ws.run(&["--lang", "id", "report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = ws.path().join("out/report-2017-s2-id.pdf");
    assert_eq!(run.stdout.trim(), pdf.display().to_string());
    let text = pdftotext(&pdf);
    let n = names(ws.path(), Lang::Id);
    assert_eq!(n.commitments.len(), 5);
    assert_eq!(n.points.len(), 8);
    assert_eq!(n.institutions.len(), 15);
    for c in &n.commitments {
        assert_contains(&text, c, "a commitment title");
    }
    for p in &n.points {
        assert_contains(&text, p, "a point title");
    }
    for i in &n.institutions {
        assert_contains(&text, i, "an institution's name");
    }
    for heading in
        ["Ringkasan Eksekutif", "Sekilas", "Dewan Pengarah", "Peta Panas", "Rekomendasi", "Lampiran: Daftar Bukti"]
    {
        assert_contains(&text, heading, "a section");
    }
    // At a Glance, as the Final IRM Report 2017 has it: 0 with all three,
    // did it open government 2 major, 0 outstanding.
    assert_contains(
        &text,
        "✪ Berbintang: ketiganya (relevan, transformatif, substansial atau selesai) 0",
        "the starred count",
    );
    assert_contains(&text, "Apakah membuka pemerintahan? Besar 2 Luar biasa 0", "the did-it-open-government counts");
    assert_contains(&text, "31 Desember 2017", "an Indonesian date");
    assert_no_string_key(&text);
    assert_contains(&text, "62,5", "a decimal comma");
    let info = pdfinfo(&pdf);
    let pages: usize = info["Pages"].parse().unwrap();
    assert!((15..=40).contains(&pages), "{pages} pages");
    assert_eq!(info["Title"], "Laporan Akhir Periode Gaya IRM");
    assert_eq!(info["Author"], "Kabupaten Bojonegoro");
    assert_eq!(info["Page size"], "595.276 x 841.89 pts (A4)");
}

#[test]
fn the_period_report_comes_in_english() {
    let ws = Ws::sample();
    let pdf = ws.path().join("r.pdf");
    let run = ws.run(&["--lang", "en", "report", "--period", "2017-s1", "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&pdf);
    let n = names(ws.path(), Lang::En);
    for s in n.commitments.iter().chain(&n.points).chain(&n.institutions) {
        assert_contains(&text, s, "an English title or name");
    }
    for s in ["Executive Summary", "At a Glance", "Steering Committee", "Recommendations", "30 June 2017"] {
        assert_contains(&text, s, "an English fixed string");
    }
    assert_no_string_key(&text);
    // The first period has no previous one to compare with.
    assert_contains(&text, "This is the first period", "the no-previous-period note");
    assert_eq!(pdfinfo(&pdf)["Title"], "IRM-style Mid-term Progress Report");
}

#[test]
fn a_starred_commitment_carries_the_star() {
    let ws = Ws::sample();
    ws.edit(
        "reviews/2017-s2.yaml",
        "    potential-impact: transformative\n    completion: limited",
        "    potential-impact: transformative\n    completion: substantial",
    );
    let pdf = ws.path().join("r.pdf");
    let run = ws.run(&["report", "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&pdf);
    assert_contains(
        &text,
        "✪ Starred: all three (relevant, transformative, substantial or complete) 1",
        "the starred count",
    );
    assert_contains(&text, "✪ 1. Data revolution", "the starred list");
    assert_contains(&text, "Commitment 1. Data revolution ✪", "the star beside the commitment's heading");
}

#[test]
fn two_runs_give_byte_identical_pdfs() {
    let ws = Ws::sample();
    let (pa, pb) = (ws.path().join("a.pdf"), ws.path().join("b.pdf"));
    let a = ws.run(&["report", "-o", pa.to_str().unwrap()]);
    let b = ws.run(&["report", "-o", pb.to_str().unwrap()]);
    assert_eq!((a.code, b.code), (0, 0), "{}{}", a.stderr, b.stderr);
    let (a, b) = (std::fs::read(ws.path().join("a.pdf")).unwrap(), std::fs::read(ws.path().join("b.pdf")).unwrap());
    assert!(a == b, "two runs differ");
    // The document date is the period's end, or SOURCE_DATE_EPOCH.
    assert!(pdfinfo(&ws.path().join("a.pdf"))["CreationDate"].contains("2017"));
}

/// Text that would run as Typst code, or change the layout, if it were not
/// escaped.
const INJECTIONS: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#import \"@preview/cetz:0.2.2\": *",
    "$ x^2 $ and $$",
    "*bold* _emph_ `raw`",
    "<label> @ref",
    "// line /* block */",
    "= Heading",
    "- item + enum",
    "\\ backslash \\u{41} \\\\",
    "#{ panic(\"boom\") }",
    "#set page(width: 1cm)",
    "]) #strong[x] [",
    "~ -- --- ... 'single' \"double\"",
    "{{ jinja }} {% if x %} {# c #}",
];

fn yaml_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[test]
fn injection_attempts_appear_literally_in_the_pdf() {
    let ws = Ws::sample();
    // Every commitment title, the jurisdiction's name and the context.
    let commitments = ["data-revolution", "village-accountability", "budget-transparency", "open-contracting"];
    let mut placed = Vec::new();
    for (file, attack) in commitments.iter().zip(INJECTIONS) {
        let rel = format!("commitments/{file}.yaml");
        let text = ws.read(&rel);
        let start = text.find("\ntitle:").unwrap() + 1;
        let end = start + text[start..].find("\nlead:").unwrap() + 1;
        ws.write(&rel, &format!("{}title: {}\n{}", &text[..start], yaml_quote(attack), &text[end..]));
        placed.push(*attack);
    }
    let context = INJECTIONS.join(" | ");
    let manifest = ws.read("terbuka.yaml");
    let start = manifest.find("\ncontext:").unwrap() + 1;
    ws.write("terbuka.yaml", &format!("{}context: {}\n", &manifest[..start], yaml_quote(&context)));
    ws.edit(
        "institutions/ulp.yaml",
        "name:\n  id: Unit Layanan Pengadaan\n  en: Procurement Service Unit\nshort-name: ULP\n",
        &format!("name: {}\n", yaml_quote(INJECTIONS[10])),
    );
    let pdf = ws.path().join("r.pdf");
    let run = ws.run(&["report", "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&pdf);
    // Exactly, hyphens included (no line-end allowance).
    for attack in INJECTIONS {
        assert!(squash(&text).contains(&squash(attack)), "the PDF lacks the literal text {attack:?}");
    }
    for (k, attack) in placed.iter().enumerate() {
        assert_contains(&text, &format!("Commitment {}. {attack}", k + 1), "a title in its heading");
    }
    // Nothing was read: no line of /etc/passwd, and the page is still A4.
    assert!(!text.contains("root:x:0:0"), "a file outside the workspace reached the PDF");
    let info = pdfinfo(&pdf);
    assert_eq!(info["Page size"], "595.276 x 841.89 pts (A4)");
    assert!(info["Pages"].parse::<usize>().unwrap() < 40, "the layout changed: {} pages", info["Pages"]);
}

#[test]
fn a_scorecard_and_every_scorecard() {
    let ws = Ws::sample();
    let run = ws.run(&["report", "--institution", "polres-bojonegoro"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = ws.path().join("out/scorecard-2017-s2-polres-bojonegoro-en.pdf");
    let text = pdftotext(&pdf);
    let n = names(ws.path(), Lang::En);
    let (sample, _) = load::load(ws.path(), Limits::default()).unwrap();
    let polres = sample.institutions.iter().find(|i| i.value.id == "polres-bojonegoro").unwrap();
    assert_contains(&text, polres.value.name.get(Lang::En), "the institution's name");
    for p in &n.points {
        assert_contains(&text, p, "a point title");
    }
    assert_contains(&text, "First half of 2017", "the previous period on the radar");
    let run = ws.run(&["report", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed = run.stdout.lines().collect::<Vec<_>>();
    assert_eq!(listed.len(), 15, "{}", run.stdout);
    for i in &n.institutions {
        let found = listed.iter().any(|l| squash(&pdftotext(Path::new(l))).contains(&squash(i)));
        assert!(found, "no scorecard names {i}");
    }
    // Typeset in parallel, a scorecard is the same bytes as on its own.
    let batch = std::fs::read(ws.path().join("out/scorecards-2017-s2-en/polres-bojonegoro.pdf")).unwrap();
    assert!(batch == std::fs::read(&pdf).unwrap(), "the batch scorecard differs from the single one");
}

#[test]
fn the_comparison_report() {
    let ws = Ws::sample();
    let run = ws.run(&["compare", "2017-s1", "2017-s2", "--format", "pdf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = ws.path().join("out/compare-2017-s1-2017-s2-en.pdf");
    assert_eq!(run.stdout.trim(), pdf.display().to_string());
    let text = pdftotext(&pdf);
    assert_contains(&text, "Comparison Between Periods", "the title");
    assert_contains(&text, "points dropped", "the regressions");
    assert_contains(
        &text,
        "Evidence cited for the rubric's points: 116 new, 76 dropped, 21 reused unchanged.",
        "the evidence summary",
    );
    assert_contains(&text, "Bappeda 5. Set up a consultation mechanism 3 2", "a regression row");
}

#[test]
fn a_template_error_points_into_the_template() {
    let ws = Ws::sample();
    ws.write("report-templates/period.typ.j2", "#import \"style.typ\": *\n= {{ t.nope }}\n");
    let run = ws.run(&["report"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error[E060]"), "{}", run.stderr);
    assert!(run.stderr.contains("report-templates/period.typ.j2:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("delete it to use the built-in one"), "{}", run.stderr);
    assert!(!ws.path().join("out/report-2017-s2-en.pdf").exists());
}

#[test]
fn a_package_import_is_a_clear_error_not_a_download() {
    let ws = Ws::sample();
    let style = std::fs::read_to_string(repo_root().join("report-templates/style.typ")).unwrap();
    ws.write("report-templates/style.typ", &format!("#import \"@preview/cetz:0.2.2\"\n{style}"));
    let run = ws.run(&["report", "--typ"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("error[E061]"), "{}", run.stderr);
    assert!(run.stderr.contains("Typst packages such as `@preview/cetz:0.2.2` are not available"), "{}", run.stderr);
    assert!(run.stderr.contains("report-templates/style.typ:1:"), "{}", run.stderr);
    // The generated Typst is written for debugging; no PDF is.
    assert!(ws.path().join("out/report-2017-s2-en.typ").exists());
    assert!(!ws.path().join("out/report-2017-s2-en.pdf").exists());
}

#[test]
fn a_template_cannot_read_outside_the_workspace() {
    let ws = Ws::sample();
    let style = std::fs::read_to_string(repo_root().join("report-templates/style.typ")).unwrap();
    for attempt in ["../../../../etc/passwd", "/../../etc/passwd"] {
        ws.write("report-templates/style.typ", &format!("#let leak = read({attempt:?})\n{style}"));
        let run = ws.run(&["report"]);
        assert_eq!(run.code, 1, "{attempt}: {}", run.stderr);
        assert!(run.stderr.contains("error[E061]"), "{}", run.stderr);
        assert!(!run.stderr.contains("root:x:0:0"), "{}", run.stderr);
    }
    // Inside the workspace, reading is allowed (a logo, an evidence image).
    ws.write("report-templates/style.typ", &format!("#let ok = read(\"/terbuka.yaml\")\n{style}"));
    assert_eq!(ws.run(&["report"]).code, 0);
}

/// Keys whose values are free text (a string, or `{id: …, en: …}`).
const TEXT_KEYS: &[&str] = &[
    "name",
    "short-name",
    "title",
    "label",
    "problem",
    "objective",
    "deliverable",
    "description",
    "source",
    "justification",
    "note",
    "position",
    "organisation",
    "head",
    "region",
    "context",
    "topic",
    "summary",
];

/// Replaces every free-text value in `value` by the next attempt.
fn inject(value: &mut serde_yaml::Value, next: &mut impl FnMut() -> &'static str) {
    use serde_yaml::Value;
    match value {
        Value::Mapping(map) => {
            for (key, v) in map.iter_mut() {
                let text_key = key.as_str().is_some_and(|k| TEXT_KEYS.contains(&k));
                let descriptors = key.as_str() == Some("descriptors");
                match v {
                    Value::String(s) if text_key => *s = next().to_owned(),
                    Value::Mapping(m) if text_key && m.keys().all(|k| k == "id" || k == "en") => {
                        for (_, t) in m.iter_mut() {
                            *t = Value::String(next().to_owned());
                        }
                    }
                    Value::Mapping(m) if descriptors => {
                        for (_, t) in m.iter_mut() {
                            *t = Value::String(next().to_owned());
                        }
                    }
                    _ => inject(v, next),
                }
            }
        }
        Value::Sequence(items) => items.iter_mut().for_each(|v| inject(v, next)),
        _ => {}
    }
}

#[test]
fn every_text_field_holding_an_injection_attempt_shows_it_literally() {
    let ws = Ws::sample();
    let mut k = 0;
    let mut next = || {
        k += 1;
        INJECTIONS[k % INJECTIONS.len()]
    };
    let mut files = vec!["terbuka.yaml".to_owned()];
    for dir in ["commitments", "institutions", "rubrics", "reviews", "assessments/2017-s1", "assessments/2017-s2"] {
        let mut names = std::fs::read_dir(ws.path().join(dir))
            .unwrap()
            .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
            .collect::<Vec<_>>();
        names.sort();
        files.extend(names);
    }
    for rel in &files {
        let mut value: serde_yaml::Value = serde_yaml::from_str(&ws.read(rel)).unwrap();
        inject(&mut value, &mut next);
        ws.write(rel, &serde_yaml::to_string(&value).unwrap());
    }
    assert!(k > 500, "only {k} text fields were replaced");
    let run = ws.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stdout);

    let pdfs = [
        (vec!["report"], "out/report-2017-s2-en.pdf"),
        (vec!["report", "--institution", "diskominfo"], "out/scorecard-2017-s2-diskominfo-en.pdf"),
        (vec!["compare", "2017-s1", "2017-s2", "--format", "pdf"], "out/compare-2017-s1-2017-s2-en.pdf"),
    ];
    let mut all = String::new();
    for (args, pdf) in pdfs {
        let run = ws.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let text = pdftotext(&ws.path().join(pdf));
        assert!(!text.contains("root:x:0:0"), "{pdf}: a file outside the workspace reached the PDF");
        let info = pdfinfo(&ws.path().join(pdf));
        assert_eq!(info["Page size"], "595.276 x 841.89 pts (A4)", "{pdf}");
        all.push_str(&text);
    }
    let all = squash(&all);
    for attack in INJECTIONS {
        assert!(all.contains(&squash(attack)), "no PDF shows the literal text {attack:?}");
    }
}

#[test]
fn the_annex_lists_every_cited_file_with_its_fingerprint_and_who_cites_it_where() {
    use sha2::{Digest, Sha256};
    let ws = Ws::sample();
    // Diskominfo cites one file for two points: one entry, both numbers.
    let file = "evidence/diskominfo/2017-s2/notulen-bimtek-ogp.txt";
    ws.edit(
        "assessments/2017-s2/diskominfo.yaml",
        "      - file: evidence/diskominfo/2017-s2/dokumen-skenario-ogp-revisi.txt\n",
        &format!("      - file: {file}\n      - file: evidence/diskominfo/2017-s2/dokumen-skenario-ogp-revisi.txt\n"),
    );
    let pdf = ws.path().join("r.pdf");
    let run = ws.run(&["--lang", "en", "report", "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&pdf);
    let annex = &text[text.rfind("Annex: Evidence Manifest").expect("the annex")..];

    let (loaded, _) = load::load(ws.path(), Limits::default()).expect("load");
    let numbers: BTreeMap<&str, u32> =
        loaded.rubric().unwrap().value.points.iter().map(|p| (p.id.as_str(), p.number)).collect();
    let mut cited = 0;
    for a in loaded.assessments.iter().filter(|a| a.value.period == "2017-s2") {
        for e in a.value.points.values().flat_map(|p| &p.evidence) {
            let Some(path) = &e.file else { continue };
            let digest = Sha256::digest(std::fs::read(ws.path().join(path)).unwrap());
            let sha = digest.iter().map(|b| format!("{b:02x}")).collect::<String>();
            assert_contains(annex, path, "a cited file");
            assert_contains(annex, &sha[..32], "the first half of its SHA-256");
            assert_contains(annex, &sha[32..], "the second half of its SHA-256");
            cited += 1;
        }
    }
    assert!(cited > 100, "{cited} citations");
    let scenario = numbers["scenario"];
    assert_contains(annex, &format!("Diskominfo ({}, {scenario})", numbers["understanding"]), "one citer, two points");
}
