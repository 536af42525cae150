//! A focal point's first mistakes (issue 16): what she did not confirm, a
//! period few have filled in, a period after the plan, and a `#` in her
//! text never reach a report as a fact.

use crate::harness::{Ws, one_line, pdftotext};

/// The sample with one of Diskominfo's 2017-s2 points carried over and not
/// confirmed (its level 4 is last period's claim).
fn one_unconfirmed() -> Ws {
    let ws = Ws::sample();
    ws.edit(
        "assessments/2017-s2/diskominfo.yaml",
        "  understanding:\n    level: 4\n",
        "  understanding:\n    level: 4\n    confirmed: false\n",
    );
    ws
}

#[test]
fn an_unconfirmed_point_is_never_shown_as_a_level() {
    let ws = one_unconfirmed();
    for lang in ["en", "id"] {
        let pdf = ws.path().join(format!("r-{lang}.pdf"));
        let run = ws.run(&["--lang", lang, "report", "-o", pdf.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        // The terminal says how many and where.
        let said = match lang {
            "en" => {
                "terbuka: 1 entry is not yet confirmed (`confirmed: false`): reports mark them unconfirmed and count them at the scale's lowest level until `confirmed: true` is written at assessments/2017-s2/diskominfo.yaml:14"
            }
            _ => {
                "terbuka: 1 isian belum dikonfirmasi (`confirmed: false`): laporan menandainya belum dikonfirmasi dan menghitungnya pada tingkat terendah skala sampai `confirmed: true` ditulis di assessments/2017-s2/diskominfo.yaml:14"
            }
        };
        assert!(run.stderr.contains(said), "{}", run.stderr);
        let text = one_line(&pdftotext(&pdf));
        // Not a regression "4 → 0", and counted apart in the change.
        let (regressions, not_compared) = match lang {
            "en" => ("1.4 Top Regressions", "Points not yet confirmed, not compared: 1."),
            _ => ("1.4 Penurunan Terbesar", "Poin yang belum dikonfirmasi dan tidak dibandingkan: 1."),
        };
        let top = &text[text.find(regressions).unwrap()..];
        let top = &top[..top.find("2 ").unwrap_or(top.len()).min(1500)];
        assert!(!top.contains("Diskominfo 1."), "{top}");
        assert!(text.contains(not_compared), "{text}");
        // Its recommendation is not made on a level nobody claimed.
        let group = if lang == "en" { "Not yet confirmed (1) Diskominfo" } else { "Belum dikonfirmasi (1) Diskominfo" };
        assert!(text.contains(group), "{text}");
    }
    // The scorecard: `?` for the backed level, the reason instead of the
    // level's descriptor, and no movement.
    let pdf = ws.path().join("sc.pdf");
    let run = ws.run(&["--lang", "en", "report", "--institution", "diskominfo", "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = one_line(&pdftotext(&pdf));
    assert!(text.contains("Claimed: 4 (not confirmed) · Evidence-backed: ? · Not yet confirmed"), "{text}");
    assert!(text.contains("Carried over from the previous period and not yet confirmed by the institution"), "{text}");
    let first = &text[text.find("1. Understand the OGP concept and how it works Claimed").unwrap()..];
    let first = &first[..first.find("2. Make an action plan Claimed").unwrap()];
    assert!(!first.contains("Level "), "the descriptor of a level nobody confirmed: {first}");
    // compare: the point's movement is `unconfirmed`, not a regression.
    let run = ws.run(&["compare", "2017-s1", "2017-s2", "--institution", "diskominfo", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let point = &json["institutions"][0]["points"][0];
    assert_eq!(point["point"], "understanding");
    assert_eq!(point["movement"], "unconfirmed", "{point}");
    assert_eq!(json["summary"]["unconfirmed"], 1);
}

#[test]
fn a_period_few_have_filled_in_compares_only_those_in_both() {
    let ws = Ws::sample();
    for entry in std::fs::read_dir(ws.path().join("assessments/2017-s2")).unwrap() {
        let path = entry.unwrap().path();
        if !path.ends_with("diskominfo.yaml") {
            std::fs::remove_file(path).unwrap();
        }
    }
    let pdf = ws.path().join("r.pdf");
    let run = ws.run(&["--lang", "en", "report", "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = one_line(&pdftotext(&pdf));
    assert!(text.contains("1/15 institutions assessed themselves"), "{text}");
    assert!(
        text.contains("Institutions that assessed themselves in both periods, compared: 1; in one of them only, left out (of the means and the evidence too): 14."),
        "{text}"
    );
    // The mean compared is Diskominfo's in both periods, not 15 against 1.
    let run = ws.run(&["compare", "2017-s1", "2017-s2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["summary"]["institutions_both"], 1);
    assert_eq!(json["summary"]["institutions_one"], 14);
    let only = ws.run(&["compare", "2017-s1", "2017-s2", "--institution", "diskominfo", "--format", "json"]);
    let only: serde_json::Value = serde_json::from_str(&only.stdout).unwrap();
    assert_eq!(json["mean_backed"], only["mean_backed"]);
    assert_eq!(json["summary"]["evidence_dropped"], only["summary"]["evidence_dropped"]);
    // report --all says whom it skipped.
    for (lang, said) in [
        ("en", "terbuka: institutions with no assessment for 2017-s2, so no scorecard (14): bank-indonesia, bappeda,"),
        (
            "id",
            "terbuka: institusi tanpa penilaian untuk 2017-s2, sehingga tanpa kartu skor (14): bank-indonesia, bappeda,",
        ),
    ] {
        let out = ws.path().join(format!("all-{lang}"));
        let run = ws.run(&["--lang", lang, "report", "--all", "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.contains(said), "{}", run.stderr);
    }
}

#[test]
fn a_period_after_the_plan_is_outside_it_not_no_evidence() {
    let ws = Ws::sample();
    ws.edit(
        "terbuka.yaml",
        "    end: 2017-12-31\n",
        "    end: 2017-12-31\n  - id: 2018-s1\n    label: {id: Semester I 2018, en: First half of 2018}\n    start: 2018-01-01\n    end: 2018-06-30\n",
    );
    let file = ws.read("assessments/2017-s2/diskominfo.yaml");
    let file =
        file.replace("period: 2017-s2", "period: 2018-s1").replace("submitted: 2018-01-05", "submitted: 2018-07-05");
    std::fs::create_dir_all(ws.path().join("assessments/2018-s1")).unwrap();
    std::fs::write(ws.path().join("assessments/2018-s1/diskominfo.yaml"), file.split("\ncommitments:").next().unwrap())
        .unwrap();
    let run = ws.run(&["--lang", "en", "compare", "2017-s2", "2018-s1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1   data-revolution           limited → outside its span"), "{}", run.stdout);
    assert!(!run.stdout.contains("no-evidence-available"), "{}", run.stdout);
    for (lang, row) in [
        ("en", "Outside the commitment's span in this period (counted apart) 5"),
        ("id", "Periode ini di luar masa komitmen (dihitung terpisah) 5"),
    ] {
        let pdf = ws.path().join(format!("r-{lang}.pdf"));
        let run = ws.run(&["--lang", lang, "report", "--period", "2018-s1", "-o", pdf.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = one_line(&pdftotext(&pdf));
        assert!(text.contains(row), "{text}");
        assert!(!text.contains("No evidence available") && !text.contains("Tidak ada bukti"), "{text}");
    }
}

/// A mistake made in a text editor: the file, what to write over it, and
/// what must be said.
struct Mistake {
    name: &'static str,
    edit: fn(&Ws),
}

fn replace(ws: &Ws, file: &str, from: &str, to: &str) {
    ws.edit(file, from, to);
}

const A: &str = "assessments/2017-s1/dinas-a.yaml";

fn mistakes() -> Vec<Mistake> {
    vec![
        Mistake {
            name: "tabs_on_every_line",
            edit: |ws| {
                let text = ws.read(A).lines().map(|l| l.replacen("  ", "\t", 1)).collect::<Vec<_>>().join("\n");
                std::fs::write(ws.path().join(A), text).unwrap();
            },
        },
        Mistake {
            name: "saved_as_utf16",
            edit: |ws| {
                let text = ws.read("institutions/dinas-b.yaml");
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                std::fs::write(ws.path().join("institutions/dinas-b.yaml"), bytes).unwrap();
            },
        },
        Mistake {
            name: "saved_as_windows_1252",
            edit: |ws| {
                let text = format!(
                    "# Dibuat oleh `terbuka new assessment` — salinan\n{}",
                    ws.read("institutions/dinas-b.yaml")
                );
                let bytes = text.replace("name: Dinas B", "name: Dinas B – Umum").bytes().collect::<Vec<_>>();
                // U+2014 and U+2013 as Windows-1252 writes them.
                let text = String::from_utf8(bytes).unwrap().replace('—', "\u{97}").replace('–', "\u{96}");
                let bytes = text.chars().map(|c| if (c as u32) < 0x100 { c as u8 } else { b'?' }).collect::<Vec<_>>();
                std::fs::write(ws.path().join("institutions/dinas-b.yaml"), bytes).unwrap();
            },
        },
        Mistake {
            name: "windows_path_in_double_quotes",
            edit: |ws| {
                replace(
                    ws,
                    A,
                    "{file: evidence/dinas-a/sosialisasi.txt,",
                    "{file: \"evidence\\dinas-a\\sosialisasi.txt\",",
                );
            },
        },
        Mistake {
            name: "windows_path_whose_escapes_parse",
            edit: |ws| {
                replace(ws, A, "{file: evidence/dinas-a/sosialisasi.txt,", "{file: \"evidence\\notulen\\tahun.txt\",");
            },
        },
        Mistake {
            name: "drive_path_in_double_quotes",
            edit: |ws| {
                replace(ws, A, "{file: evidence/dinas-a/sosialisasi.txt,", "{file: \"C:\\Users\\agus\\sk.pdf\",");
            },
        },
        Mistake { name: "negative_level", edit: |ws| replace(ws, A, "level: 2", "level: -1") },
        Mistake { name: "level_written_as_a_word", edit: |ws| replace(ws, A, "level: 2", "level: tiga") },
        Mistake {
            name: "evidence_item_without_dash",
            edit: |ws| {
                replace(
                    ws,
                    A,
                    "    evidence:\n      - {file: evidence/dinas-a/sosialisasi.txt, note: Notulen}",
                    "    evidence:\n      file: evidence/dinas-a/sosialisasi.txt",
                );
            },
        },
        Mistake {
            name: "date_with_a_word_after_it",
            edit: |ws| replace(ws, A, "submitted: 2017-07-05", "submitted: 2017-07-05 pagi"),
        },
        Mistake {
            name: "url_without_scheme",
            edit: |ws| replace(ws, A, "https://example.org/rencana-aksi", "example.org/rencana-aksi"),
        },
        Mistake { name: "unclosed_mapping_in_a_list", edit: |ws| replace(ws, A, "note: Notulen}", "note: Notulen") },
        Mistake {
            name: "an_evidence_item_one_space_short",
            edit: |ws| {
                replace(
                    ws,
                    A,
                    "      - {url: \"https://example.org/rencana-aksi\"}",
                    "      - url: https://example.org/rencana-aksi\n        note: Rencana\n     - file: evidence/dinas-a/sosialisasi.txt",
                );
            },
        },
        Mistake {
            name: "an_evidence_item_one_space_deep",
            edit: |ws| {
                replace(
                    ws,
                    A,
                    "      - {url: \"https://example.org/rencana-aksi\"}",
                    "       - url: https://example.org/rencana-aksi\n        note: Rencana",
                );
            },
        },
        Mistake {
            name: "an_evidence_note_one_space_too_far",
            edit: |ws| {
                replace(
                    ws,
                    A,
                    "      - {url: \"https://example.org/rencana-aksi\"}",
                    "      - url: https://example.org/rencana-aksi\n         note: Rencana",
                );
            },
        },
        Mistake {
            name: "a_new_period_indented_too_far",
            edit: |ws| {
                let text = ws.read("terbuka.yaml")
                    + "   - {id: 2018-s1, label: {id: S1 2018, en: H1 2018}, start: 2018-01-01, end: 2018-06-30}\n";
                std::fs::write(ws.path().join("terbuka.yaml"), text).unwrap();
            },
        },
        Mistake { name: "a_stray_space_before_a_key", edit: |ws| replace(ws, A, "\nsubmitted:", "\n submitted:") },
        Mistake {
            name: "a_key_indented_one_space_too_far",
            edit: |ws| {
                replace(
                    ws,
                    "terbuka.yaml",
                    "action-plan: {id: 2017, title: {id: Rencana Aksi 2017, en: Action plan 2017}, start: 2017-01-01, end: 2017-12-31}",
                    "action-plan:\n  id: 2017\n  title: Rencana Aksi 2017\n  start: 2017-01-01\n   end: 2017-12-31",
                );
            },
        },
    ]
}

#[test]
fn each_mistake_is_told_in_both_languages_at_the_line_to_edit() {
    for m in mistakes() {
        let ws = Ws::fixture("minimal");
        (m.edit)(&ws);
        for lang in ["en", "id"] {
            let run = ws.run(&["--lang", lang, "validate"]);
            assert_eq!(run.code, 1, "{} ({lang}): {}", m.name, run.stdout);
            assert!(
                run.stdout.contains(if lang == "en" { "= hint: " } else { "= saran: " }),
                "{}: {}",
                m.name,
                run.stdout
            );
            let name = if lang == "en" { m.name.to_owned() } else { format!("{}_id", m.name) };
            insta::assert_snapshot!(name, run.stdout);
        }
    }
}

/// The YAML parser, chrono and url speak English; what they say reaches
/// an Indonesian reader only through our own words.
#[test]
fn no_english_library_phrase_in_an_indonesian_snapshot() {
    const PHRASES: &[&str] = &[
        "did not find expected",
        "mapping values are not allowed",
        "struct ",
        "while parsing",
        "while scanning",
        "found character",
        "found unexpected",
        "trailing input",
        "premature end",
        "relative URL",
        "invalid YAML",
        "expected struct",
        "unknown escape",
        "cannot start any token",
        "pemetaan kunci",
    ];
    let dir = crate::harness::repo_root().join("tests/cli/snapshots");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with("_id.snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Only what terbuka says: the lines that quote the file are hers.
        let said = text.lines().filter(|l| {
            !l.trim_start()
                .split_once(" │")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
        });
        for line in said {
            for p in PHRASES {
                if line.contains(p) {
                    found.push(format!("{name}: {p:?} in {line:?}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "English library words in Indonesian output:\n{}", found.join("\n"));
}

/// Run from a subfolder, terbuka finds the workspace above, as git does,
/// and says which; with a `terbuka.yaml` that does not parse, it still
/// speaks the workspace's first language, and with none, the system's or
/// Indonesian, never silently English.
#[test]
fn her_language_and_her_workspace_are_found() {
    use crate::harness::{bare, output};
    let ws = Ws::fixture("minimal");
    let sub = ws.path().join("assessments/2017-s1");
    let run = output(bare().current_dir(&sub).env("LANG", "C.UTF-8").arg("validate"));
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let root = ws.path().canonicalize().unwrap();
    assert!(
        run.stderr.contains(&format!(
            "terbuka: the workspace is {} (the nearest folder above with terbuka.yaml)",
            root.display()
        )),
        "{}",
        run.stderr
    );
    // The fixture's first language is English; an Indonesian-first one with a
    // broken terbuka.yaml speaks Indonesian.
    ws.edit("terbuka.yaml", "languages: [en, id]", "languages: [id, en]");
    ws.edit("terbuka.yaml", "rubric: mini", "rubric: mini\nperiods: [oops");
    let run = output(bare().current_dir(ws.path()).env("LANG", "en_US.UTF-8").args(["validate", "--format", "short"]));
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains(": galat[E00"), "{}", run.stdout);
    assert!(!run.stdout.contains("struct"), "{}", run.stdout);
    // No workspace at all: the system's language, else Indonesian.
    let empty = tempfile::tempdir().unwrap();
    let run = output(bare().current_dir(empty.path()).env("LANG", "C.UTF-8").arg("validate"));
    assert!(run.stdout.contains("galat[E006]: direktori ini tidak memiliki `terbuka.yaml`"), "{}", run.stdout);
    let run = output(bare().current_dir(empty.path()).env("LANG", "en_GB.UTF-8").arg("validate"));
    assert!(run.stdout.contains("error[E006]: this directory has no `terbuka.yaml`"), "{}", run.stdout);
}
