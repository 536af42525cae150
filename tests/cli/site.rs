//! `terbuka site`: the citizen website, looked at in a real browser
//! (Debian's chromium, driven by `tests/browser/check.mjs` with
//! playwright-core and axe-core from npm; `scripts/test` installs them).

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::harness::{Ws, repo_root, snapshot_tree};

/// What the browser saw on every page of the site in `dir`.
fn browse(dir: &Path) -> Vec<Value> {
    let script = repo_root().join("tests/browser/check.mjs");
    assert!(
        repo_root().join("tests/browser/node_modules/playwright-core").is_dir(),
        "the browser tests need `npm ci --prefix tests/browser` and Debian's chromium: run scripts/test, which installs both"
    );
    let out = std::process::Command::new("node").arg(&script).arg(dir).output().expect("node runs");
    assert!(out.status.success(), "check.mjs failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("check.mjs prints JSON");
    report["pages"].as_array().expect("pages").clone()
}

fn site(ws: &Ws) -> std::path::PathBuf {
    let run = ws.run(&["site"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let dir = ws.path().join("out/site");
    assert_eq!(run.stdout.trim(), dir.join("index.html").canonicalize().unwrap().display().to_string());
    dir
}

fn text(page: &Value) -> &str {
    page["text"].as_str().unwrap_or("")
}

#[test]
fn every_page_reads_links_and_passes_axe_in_both_languages() {
    let ws = Ws::sample();
    let dir = site(&ws);
    let pages = browse(&dir);
    let files = pages.iter().map(|p| p["file"].as_str().unwrap().to_owned()).collect::<BTreeSet<_>>();
    // Every kind of page, in both languages, reached by following links.
    let commitments = std::fs::read_dir(ws.path().join("commitments")).unwrap().count();
    let institutions = std::fs::read_dir(ws.path().join("institutions")).unwrap().count();
    assert_eq!(pages.len(), 1 + 2 * (2 + commitments + institutions), "{files:?}");
    for lang in ["id", "en"] {
        for page in ["index.html", "downloads.html", "commitments/data-revolution.html", "institutions/diskominfo.html"]
        {
            assert!(files.contains(&format!("{lang}/{page}")), "{lang}/{page} not reached: {files:?}");
        }
    }
    let mut problems = Vec::new();
    for p in &pages {
        let file = p["file"].as_str().unwrap();
        for v in p["violations"].as_array().unwrap() {
            problems.push(format!("{file}: axe {} ({}): {}", v["id"], v["impact"], v["nodes"]));
        }
        for b in p["broken"].as_array().unwrap() {
            problems.push(format!("{file}: broken link {b}"));
        }
        for e in p["external"].as_array().unwrap() {
            let e = e.as_str().unwrap();
            if !(e.starts_with("https://") || e.starts_with("http://") || e.starts_with("mailto:")) {
                problems.push(format!("{file}: link to {e}"));
            }
        }
        if p["scriptRan"].as_bool() != Some(false) || p["scripts"].as_u64() != Some(0) {
            problems.push(format!("{file}: a script is on the page or ran"));
        }
        if p["overflowsPhone"].as_bool() != Some(false) {
            problems.push(format!("{file}: wider than a phone's screen"));
        }
        if !p["errors"].as_array().unwrap().is_empty() {
            problems.push(format!("{file}: console errors {}", p["errors"]));
        }
        // Read with JavaScript disabled: the page's own text is there.
        if text(p).trim().len() < 40 {
            problems.push(format!("{file}: no text without JavaScript"));
        }
        // The language switch lands on the same page in the other language.
        if let Some((lang, rest)) = file.split_once('/') {
            assert_eq!(p["lang"].as_str(), Some(lang), "{file}");
            for s in p["switches"].as_array().unwrap() {
                let (to, target) = (s["lang"].as_str().unwrap(), s["file"].as_str().unwrap());
                if target != format!("{to}/{rest}") || !files.contains(target) {
                    problems.push(format!("{file}: the switch to {to} goes to {target}"));
                }
            }
            if p["switches"].as_array().unwrap().len() != 1 {
                problems.push(format!("{file}: {} language switches", p["switches"]));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // The visible text: titles, statuses and names from the workspace.
    let page = |f: &str| pages.iter().find(|p| p["file"] == f).unwrap_or_else(|| panic!("{f}"));
    let home_id = text(page("id/index.html"));
    let home_en = text(page("en/index.html"));
    for (t, want) in [
        (home_id, "Revolusi data"),
        (home_id, "Substansial"),
        (home_id, "Kemajuan seluruh rencana aksi"),
        (home_id, "15 dari 15"),
        (home_en, "Data revolution"),
        (home_en, "Substantial"),
        (home_en, "What changed since the previous period"),
        (home_en, "Communication and Informatics Office"),
    ] {
        assert!(t.contains(want), "{want:?} not on the home page:\n{t}");
    }
    let c = text(page("en/commitments/data-revolution.html"));
    for want in [
        "Milestones",
        "First half of 2017",
        "Second half of 2017",
        "Past its due date",
        "What the institutions report",
        "SHA-256",
        "IRM-style assessment",
        "Limited",
    ] {
        assert!(c.contains(want), "{want:?} not on the commitment page:\n{c}");
    }
    let i = text(page("id/institutions/diskominfo.html"));
    for want in ["Penilaian mandiri per periode", "Semester I 2017", "Semester II 2017", "Revolusi data"] {
        assert!(i.contains(want), "{want:?} not on the institution page:\n{i}");
    }
    let d = text(page("en/downloads.html"));
    for want in ["points.csv", "commitments.json", "terbuka.xlsx", "Show the list of files"] {
        assert!(d.contains(want), "{want:?} not on the downloads page:\n{d}");
    }
    // Only cited files are copied, byte for byte.
    let copied = snapshot_tree(&dir.join("files"));
    assert!(!copied.is_empty());
    for (rel, bytes) in copied {
        assert_eq!(std::fs::read(ws.path().join(&rel)).unwrap(), bytes, "{rel}");
    }
}

#[test]
fn the_same_inputs_give_the_same_site_and_a_new_one_replaces_it_whole() {
    let ws = Ws::sample();
    let dir = site(&ws);
    let first = snapshot_tree(&dir);
    // A file left in the site by hand is gone after the next run; the rest
    // is byte-identical.
    std::fs::write(dir.join("id/stale.html"), "old").unwrap();
    let dir = site(&ws);
    assert_eq!(snapshot_tree(&dir), first);
    // A folder terbuka did not write is refused, and left as it was.
    let foreign = ws.path().join("public");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), "mine").unwrap();
    let run = ws.run(&["site", "-o", foreign.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert_eq!(std::fs::read_to_string(foreign.join("keep.txt")).unwrap(), "mine");
    // No page carries a script, an inline style or a remote resource, and
    // every page forbids them.
    for (rel, bytes) in &first {
        if rel.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            assert!(!html.contains("<script") && !html.contains(" style="), "{rel}");
            assert!(html.contains("default-src 'none'"), "{rel}");
            assert!(!html.contains("src=\"http") && !html.contains("href=\"//"), "{rel}");
        }
    }
}

/// Every text field of a workspace, filled with markup, links and scripts:
/// the browser shows each as text and runs nothing.
#[test]
fn injected_markup_is_shown_as_text_and_nothing_runs() {
    const CORPUS: &str = r#"<script>window.__pwned=true</script><img src=x onerror="window.__pwned=true">"><svg onload=alert(1)>{{ 7*7 }}#set[x]&amp;"#;
    let ws = Ws::fixture("minimal");
    let yaml = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let c = yaml(CORPUS);
    ws.edit(
        "commitments/open-data.yaml",
        "title: {id: Data terbuka, en: Open data}",
        &format!("title: {{id: {c}, en: {c}}}"),
    );
    ws.edit("institutions/dinas-a.yaml", "name: {id: Dinas A, en: Office A}", &format!("name: {{id: {c}, en: {c}}}"));
    ws.edit(
        "assessments/2017-s1/dinas-a.yaml",
        "justification: Sosialisasi OGP sudah dilakukan.",
        &format!("justification: {c}"),
    );
    ws.edit("assessments/2017-s1/dinas-a.yaml", "note: Notulen}", &format!("note: {c}}}"));
    ws.edit(
        "terbuka.yaml",
        "rubric: mini",
        &format!("rubric: mini\nnotice: {c}\nfeedback: {{email: ogp@contoh.go.id, note: {c}}}"),
    );
    let dir = site(&ws);
    let pages = browse(&dir);
    assert!(pages.len() > 5);
    let mut seen = 0;
    for p in &pages {
        let file = p["file"].as_str().unwrap();
        assert_eq!(p["scriptRan"].as_bool(), Some(false), "{file}: a script ran");
        assert_eq!(p["scripts"].as_u64(), Some(0), "{file}: a script element");
        assert!(p["handlers"].as_array().unwrap().is_empty(), "{file}: {}", p["handlers"]);
        if file != "index.html" {
            assert!(text(p).contains(CORPUS), "{file}: the corpus is not shown as text:\n{}", text(p));
            seen += 1;
        }
    }
    assert!(seen >= 6);
}

/// `export --format xlsx`: one workbook, a sheet per table with the CSV's
/// columns, typed cells, a frozen header; the same bytes every time.
#[test]
fn the_spreadsheet_has_a_typed_sheet_per_table() {
    use std::io::Read;
    let ws = Ws::sample();
    let run = ws.run(&["export", "--format", "xlsx"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let path = ws.path().join("out/terbuka.xlsx");
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(ws.run(&["export", "--format", "xlsx"]).code, 0);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "not deterministic");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut s).unwrap();
        s
    };
    let book = read("xl/workbook.xml");
    for sheet in ["points", "institutions", "commitments"] {
        assert!(book.contains(&format!("name=\"{sheet}\"")), "{book}");
    }
    let points = read("xl/worksheets/sheet1.xml");
    assert!(points.contains("<pane ySplit=\"1\"") && points.contains("state=\"frozen\""), "header not frozen");
    // Levels are numbers and `confirmed` a boolean, not text.
    assert!(points.contains("<c r=\"D2\"><v>"), "claimed level is not a number: {}", &points[..points.len().min(3000)]);
    assert!(points.contains("t=\"b\""), "no boolean cell");
    let strings = read("xl/sharedStrings.xml");
    for column in ["period", "institution", "point", "claimed", "backed", "confirmed"] {
        assert!(strings.contains(&format!("<t>{column}</t>")), "{column}");
    }
    let csv = ws.run(&["export", "--format", "csv"]);
    assert_eq!(csv.code, 0);
    let header = ws.read("out/points.csv").lines().next().unwrap().to_owned();
    for column in header.split(',') {
        assert!(strings.contains(&format!("<t>{column}</t>")), "{column} of points.csv is not a column");
    }
}

/// A workspace nobody here wrote the sample for: English first, six
/// points on a 1–5 scale, a contact and a feedback address.
#[test]
fn an_english_first_city_gets_its_own_site() {
    let ws = Ws::fixture("city");
    let dir = site(&ws);
    let chooser = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(chooser.contains("<html lang=\"en\">"), "{chooser}");
    // minijinja escapes `/` in HTML as `&#x2f;`.
    let (en, id) = (chooser.find("en&#x2f;index.html"), chooser.find("id&#x2f;index.html"));
    assert!(en.is_some() && en < id, "English is the city's first language: {chooser}");
    let pages = browse(&dir);
    let page = |f: &str| pages.iter().find(|p| p["file"] == f).unwrap_or_else(|| panic!("{f}"));
    for p in &pages {
        assert!(p["violations"].as_array().unwrap().is_empty(), "{}: {}", p["file"], p["violations"]);
        assert!(p["broken"].as_array().unwrap().is_empty(), "{}: {}", p["file"], p["broken"]);
    }
    let home = text(page("en/index.html"));
    assert!(home.contains("Riverton Open Government Action Plan 2022–2023"), "{home}");
    assert!(home.contains("opengov@riverton.example.org") && home.contains("ten working days"), "{home}");
    assert!(!home.contains("Bojonegoro"), "{home}");
    let c = text(page("id/commitments/open-budget.html"));
    assert!(c.contains("Ana Reyes, Pejabat Anggaran Kota") && c.contains("budget@riverton.example.org"), "{c}");
}
