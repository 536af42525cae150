//! The Local Monitoring Body's cycle on the shipped example
//! (`examples/kota-lestari`): `status`, the warnings `validate` gives about
//! each gap and each late item, the three reports read back with
//! `pdftotext`, and `new review`.

use serde_yaml::Value;

use crate::harness::{Ws, pdftotext};

/// 1 December 2026.
const DEC_2026: &str = "1796083200";

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

#[test]
fn the_example_validates_with_no_error_and_a_located_warning_per_gap() {
    let ws = Ws::example("kota-lestari");
    let run = ws.run_on(DEC_2026, &["validate", "--format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains(" — 0 errors, "), "{}", run.stdout);
    let lines = run.stdout.lines().collect::<Vec<_>>();
    let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
    // Computed from the logs, each at the log entry that shows it.
    assert!(
        has(
            "terbuka.yaml:126:13: warning[W014] minimum requirement not met: The forum meets at least every six months"
        ),
        "{}",
        run.stdout
    );
    assert!(
        has(
            "warning[W014] minimum requirement not met: The OGP Local web page is online and updated at least every four months"
        ),
        "{}",
        run.stdout
    );
    assert!(
        has("warning[W014] minimum requirement not met: Information is shared before the meetings"),
        "{}",
        run.stdout
    );
    // Taken from the review's answer, at the answer.
    assert!(
        has(
            "reviews/2025-s1.yaml:88:13: warning[W014] minimum requirement not met: Stakeholders get a reasoned response"
        ),
        "{}",
        run.stdout
    );
    // Late: the end-of-commitment assessment of the commitment that ended in August.
    assert!(
        has(
            "commitments/pengaduan-terpadu.yaml:29:6: warning[W015] late since 2026-09-30: the end-of-commitment assessment of `pengaduan-terpadu`"
        ),
        "{}",
        run.stdout
    );
    // Every W014 and W015 is located.
    for l in lines.iter().filter(|l| l.contains("[W014]") || l.contains("[W015]")) {
        assert!(l.split(": ").next().is_some_and(|f| f.contains(".yaml")), "{l}");
    }
    // The same workspace a year earlier: the forum's gap has not happened
    // yet, and nothing of August 2026 is late.
    let run = ws.run_on("1764547200", &["validate", "--format", "short"]);
    assert!(!run.stdout.contains("[W015]"), "{}", run.stdout);
    assert!(!run.stdout.contains("every six months"), "{}", run.stdout);
}

#[test]
fn status_lists_what_is_due_and_late_and_fails_on_overdue() {
    let ws = Ws::example("kota-lestari");
    let run = ws.run_on(DEC_2026, &["status"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("status on 2026-12-01 (SOURCE_DATE_EPOCH)\n"), "{out}");
    let row = |start: &str, needle: &str| out.lines().any(|l| l.starts_with(start) && l.contains(needle));
    assert!(
        row("late ", "the end-of-commitment assessment of `pengaduan-terpadu`, 1 month after it ends on 2026-08-31"),
        "{out}"
    );
    assert!(row("late ", "milestone `m3` of `pengaduan-terpadu`, due 2026-08-31"), "{out}");
    assert!(row("done late ", "the inception assessment, 2 months after the plan's submission on 2025-02-20"), "{out}");
    assert!(row("done on time ", "the end-of-commitment assessment of `satu-data`"), "{out}");
    assert!(row("not yet due ", "the website's next update, 4 months after its last on 2026-09-10"), "{out}");
    assert!(row("not yet due ", "the self-assessment of dpmptsp for 2026-s2"), "{out}");
    assert!(row("not yet due ", "1 entry of diskominfo for 2026-s2 carried forward and not yet confirmed"), "{out}");
    assert!(out.contains("reviews/2025-s1.yaml:17:12"), "{out}");
    assert!(out.ends_with("2 late, 5 not yet due, 1 done late, 1 done on time\n"), "{out}");

    let run = ws.run_on(DEC_2026, &["status", "--format", "json", "--fail-on-overdue"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["today"], "2026-12-01");
    assert_eq!(json["late"], 2);
    let late = json["items"].as_array().unwrap().iter().filter(|i| i["state"] == "late").collect::<Vec<_>>();
    assert_eq!(late[0]["kind"], "milestone");
    assert_eq!(late[1]["kind"], "end-of-commitment");
    assert_eq!(late[1]["file"], "commitments/pengaduan-terpadu.yaml");
    assert_eq!(late[1]["line"], 29);

    // Indonesian, and nothing late before August 2026.
    let run = ws.run_on("1751328000", &["--lang", "id", "status", "--fail-on-overdue"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.starts_with("status per 2025-07-01"), "{}", run.stdout);
    assert!(run.stdout.contains("selesai terlambat"), "{}", run.stdout);
    assert!(
        run.stdout.contains("penilaian awal, 2 bulan setelah rencana aksi diserahkan pada 2025-02-20"),
        "{}",
        run.stdout
    );
}

#[test]
fn status_of_a_workspace_without_a_monitoring_body_lists_the_institutions_only() {
    let ws = Ws::sample();
    let run = ws.run_on(DEC_2026, &["status", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let kinds = json["items"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect::<Vec<_>>();
    assert!(kinds.iter().all(|k| ["assessment", "unconfirmed", "milestone"].contains(k)), "{kinds:?}");
    let run = ws.run_on(DEC_2026, &["validate", "--format", "short"]);
    assert!(!run.stdout.contains("[W014]") && !run.stdout.contains("[W015]"), "{}", run.stdout);
}

#[test]
fn the_three_reports_show_their_anatomy_and_the_computed_checks() {
    let ws = Ws::example("kota-lestari");
    for lang in ["en", "id"] {
        let run = ws.run_on(DEC_2026, &["--lang", lang, "report", "--stage", "inception"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = pdftotext(&ws.path().join(format!("out/inception-2025-2027-{lang}.pdf")));
        let sections: &[&str] = if lang == "en" {
            &[
                "Inception Assessment of the Action Plan",
                "Action Plan Overview",
                "Clusters",
                "Open data and open budgets",
                "Promising Commitments",
                "Co-creation and Minimum Requirements",
                "Annex: Commitments, Coded and Clustered",
                "not a publication of the Independent Reporting Mechanism",
                "Illustrative example",
                "done late",
            ]
        } else {
            &[
                "Penilaian Awal Rencana Aksi",
                "Gambaran Rencana Aksi",
                "Komitmen yang Menjanjikan",
                "Ko-kreasi dan Persyaratan Minimum",
                "Lampiran: Komitmen, Berkode dan Berklaster",
                "selesai terlambat",
            ]
        };
        for s in sections {
            assert!(text.contains(s), "inception ({lang}) lacks {s:?}:\n{text}");
        }
        if lang == "en" {
            // As of the inception assessment's day: the meeting of July
            // 2026 does not count yet, the reasoned response is the review's.
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains("2 meetings from 2024-11-12 to 2025-01-28, never more than 6 months apart"),
                "{flat}"
            );
            assert!(flat.contains("Stakeholders get a reasoned response to their input Not met"), "{flat}");
            assert!(!flat.contains("2026-07-10"), "{flat}");
        }
    }

    let run = ws.run_on(DEC_2026, &["report", "--stage", "results"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&ws.path().join("out/results-2025-2027-en.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "Results Report",
        "Provisional: the action plan ends on 28 February 2027",
        "Factors that Affected Implementation",
        "Completion of the Commitments",
        "Results of the Commitments",
        "Participation Across the Cycle",
        "Minimum Requirements",
        "Lessons",
        "Recommendations",
        "Annex: Commitments, Coded and Clustered",
        "no meeting from 2025-11-20 to 2026-07-10: more than 6 months",
        "no update from 2025-10-01 to 2026-03-15: more than 4 months",
        "the papers of the meeting of 2026-07-10 were shared on 2026-07-10, not before it",
        "Government 41, Civil society 30",
    ] {
        assert!(flat.contains(s), "results lacks {s:?}:\n{flat}");
    }

    let run = ws.run_on(DEC_2026, &["report", "--stage", "end-of-commitment", "--commitment", "satu-data"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(&ws.path().join("out/end-of-commitment-satu-data-en.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "End-of-Commitment Assessment",
        "Lestari City One Data portal",
        "Did It Open Government?",
        "Transparency Major Disclosed more information",
        "The degree-of-change scale is not confirmed",
        "Lessons",
        "Attachments",
        "done on time",
    ] {
        assert!(flat.contains(s), "end-of-commitment lacks {s:?}:\n{flat}");
    }
    // The same day, the same bytes.
    let first = std::fs::read(ws.path().join("out/end-of-commitment-satu-data-en.pdf")).unwrap();
    ws.run_on(DEC_2026, &["report", "--stage", "end-of-commitment", "--commitment", "satu-data"]);
    assert_eq!(first, std::fs::read(ws.path().join("out/end-of-commitment-satu-data-en.pdf")).unwrap());

    // A mistyped commitment, or none: a message, no PDF.
    let run = ws.run_on(DEC_2026, &["report", "--stage", "end-of-commitment", "--commitment", "satu-dta"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("unknown commitment `satu-dta` (did you mean `satu-data`?)"), "{}", run.stderr);
    let run = ws.run_on(DEC_2026, &["report", "--stage", "end-of-commitment"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("needs `--commitment C`"), "{}", run.stderr);
}

const REVIEW: &str = "reviews/2026-s1.yaml";

#[test]
fn new_review_carries_the_previous_review_forward_unconfirmed() {
    let ws = Ws::example("kota-lestari");
    let run = ws.run_on(DEC_2026, &["new", "review", "--period", "2026-s1"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.trim_end().ends_with(REVIEW), "{}", run.stdout);
    assert!(run.stderr.contains("carried forward from the review of 2025-s1; 4 entries to confirm"), "{}", run.stderr);
    let text = ws.read(REVIEW);
    let new = yaml(&text);
    let old = yaml(&ws.read("reviews/2025-s1.yaml"));
    assert_eq!(new["period"], "2026-s1");
    assert_eq!(new["stage"], "results", "after a design review, the results");
    assert_eq!(new["reviewer"], old["reviewer"]);
    for (id, c) in new["commitments"].as_mapping().unwrap() {
        let before = &old["commitments"][id];
        assert_eq!(c["confirmed"], Value::Bool(false), "{id:?}");
        for field in ["verifiability", "relevance", "potential-for-results", "promising"] {
            assert_eq!(c[field], before[field], "{id:?} {field}");
        }
    }
    // Each field's choices in a comment; the end-of-commitment block for a
    // commitment that ended by the period's end.
    assert!(text.contains("    potential-for-results: substantial    # unclear, modest, substantial\n"), "{text}");
    assert!(text.contains("    # early-results:    # no-notable-results, marginal, moderate, significant\n"), "{text}");
    assert!(text.contains("#       result:        # disclosed-more-information, improved-quality"), "{text}");
    // validate: no error, a W006 per carried commitment; reports leave them out.
    let file = ws.path().join(REVIEW);
    let run = ws.run_on(DEC_2026, &["validate", "--format", "short", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout.matches("warning[W016] the review of commitment").count(), 4, "{}", run.stdout);
    let run = ws.run_on(DEC_2026, &["score", "--period", "2026-s1", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let c = json["commitments"].as_array().unwrap().iter().find(|c| c["commitment"] == "satu-data").unwrap();
    assert!(c["verifiability"].is_null(), "an unconfirmed review counts for nothing: {c}");
    // Confirmed, it counts.
    ws.write(REVIEW, &text.replace("    confirmed: false\n", ""));
    let run = ws.run_on(DEC_2026, &["score", "--period", "2026-s1", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let c = json["commitments"].as_array().unwrap().iter().find(|c| c["commitment"] == "satu-data").unwrap();
    assert_eq!(c["verifiability"], "verifiable", "{c}");
}

#[test]
fn new_review_never_overwrites() {
    let ws = Ws::example("kota-lestari");
    let before = ws.read("reviews/2025-s1.yaml");
    let run = ws.run_on(DEC_2026, &["new", "review", "--period", "2025-s1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("reviews/2025-s1.yaml already exists"), "{}", run.stderr);
    assert_eq!(ws.read("reviews/2025-s1.yaml"), before);
    // Nor a link to somewhere else.
    let run = ws.run_on(DEC_2026, &["new", "review", "--period", "2099-s1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("unknown period `2099-s1`"), "{}", run.stderr);
}

#[test]
fn new_review_without_a_previous_review_starts_at_the_design_stage() {
    let ws = Ws::example("kota-lestari");
    ws.remove("reviews/2025-s1.yaml");
    ws.remove("reviews/2026-s2.yaml");
    let run = ws.run_on(DEC_2026, &["--lang", "id", "new", "review", "--period", "2025-s1"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("belum ada tinjauan sebelumnya"), "{}", run.stderr);
    let text = ws.read("reviews/2025-s1.yaml");
    let new = yaml(&text);
    assert_eq!(new["stage"], "design");
    assert_eq!(new["methodology"], "refreshed-2021");
    assert_eq!(new["reviewer"]["name"], "Badan Pemantau Lokal Kota Lestari", "the monitoring body reviews");
    assert_eq!(new["reviewer"]["kind"], "local-monitoring-body");
    // Every co-creation check, as a comment to fill in; every commitment.
    for check in [
        "forum",
        "multi-stakeholder",
        "forum-meets-regularly",
        "endorsed",
        "website",
        "information-before-meetings",
        "reasoned-response",
        "contrary-to-process",
    ] {
        assert!(
            text.contains(&format!("  # {check}: {{answer: yes, explanation: \"\", evidence: []}}    # yes, no\n")),
            "{check}:\n{text}"
        );
    }
    assert_eq!(new["commitments"].as_mapping().unwrap().len(), 4);
    assert!(text.contains("    # verifiability:    # not-verifiable, verifiable\n"), "{text}");
    // It validates as it is.
    let file = ws.path().join("reviews/2025-s1.yaml");
    let run = ws.run_on(DEC_2026, &["validate", "--format", "short", file.to_str().unwrap()]);
    assert!(run.stdout.contains(" — 0 errors, "), "{}", run.stdout);
    // A stage the methodology does not have is refused.
    ws.remove("reviews/2025-s1.yaml");
    let run = ws.run_on(DEC_2026, &["new", "review", "--period", "2025-s1", "--stage", "mid-term"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`refreshed-2021` has no stage `mid-term`: use results, design"), "{}", run.stderr);
}

#[test]
fn new_review_of_a_legacy_workspace_keeps_its_methodology() {
    let ws = Ws::sample();
    ws.remove("reviews/2017-s2.yaml");
    let run = ws.run(&["new", "review", "--period", "2017-s2"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let text = ws.read("reviews/2017-s2.yaml");
    let new = yaml(&text);
    let old = yaml(&ws.read("reviews/2017-s1.yaml"));
    assert_eq!(new["methodology"], old["methodology"]);
    assert_eq!(new["stage"], "end-of-term", "the plan's last period");
    assert!(
        text.contains("# did-it-open-government:    # worsened, did-not-change, marginal, major, outstanding"),
        "{text}"
    );
    assert!(!text.contains("co-creation"), "{text}");
    let file = ws.path().join("reviews/2017-s2.yaml");
    let run = ws.run(&["validate", "--format", "short", file.to_str().unwrap()]);
    assert!(run.stdout.contains(" — 0 errors, "), "{}", run.stdout);
}

#[test]
fn text_from_yaml_cannot_write_keys_into_a_new_review() {
    let ws = Ws::example("kota-lestari");
    ws.remove("reviews/2026-s2.yaml");
    let c = "commitments/anggaran-terbuka.yaml";
    ws.edit(
        c,
        "  id: Anggaran terbuka dan Musrenbang daring",
        "  id: \"Anggaran terbuka\\n    on-time: true\\r\\u2028    completion: complete\\0\"",
    );
    let run = ws.run_on(DEC_2026, &["--lang", "id", "new", "review", "--period", "2026-s2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = ws.read("reviews/2026-s2.yaml");
    assert!(text.contains("  # 2. Anggaran terbuka     on-time: true      completion: complete \n"), "{text}");
    let new = yaml(&text);
    assert!(new["commitments"]["anggaran-terbuka"].get("on-time").is_none(), "{text}");
    let file = ws.path().join("reviews/2026-s2.yaml");
    let run = ws.run_on(DEC_2026, &["validate", "--format", "short", file.to_str().unwrap()]);
    assert!(run.stdout.contains(" — 0 errors, "), "{}", run.stdout);
}

#[test]
fn a_period_that_ends_on_the_last_day_there_is_does_not_panic() {
    let ws = Ws::example("kota-lestari");
    ws.edit("terbuka.yaml", "  end: 2027-02-28\n  submitted", "  end: +262142-12-31\n  submitted");
    ws.edit(
        "terbuka.yaml",
        "    start: 2026-09-01\n    end: 2027-02-28",
        "    start: 2026-09-01\n    end: +262142-12-31",
    );
    ws.remove("reviews/2026-s2.yaml");
    let run = ws.run_on(DEC_2026, &["new", "review", "--period", "2026-s2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = ws.run_on(DEC_2026, &["new", "assessment", "--institution", "dpmptsp", "--period", "2026-s2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = ws.run_on(DEC_2026, &["status"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_meeting_logged_ahead_does_not_hide_a_late_one() {
    let ws = Ws::example("kota-lestari");
    // The October meeting moved to a planned date after today.
    ws.edit("terbuka.yaml", "    - date: 2026-10-15", "    - date: 2026-12-20");
    ws.edit("terbuka.yaml", "    - date: 2026-07-10", "    - date: 2026-05-10");
    let run = ws.run_on(DEC_2026, &["status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let forum = json["items"].as_array().unwrap().iter().find(|i| i["kind"] == "forum-meeting").cloned();
    let forum = forum.unwrap_or_else(|| panic!("no forum row: {}", run.stdout));
    assert_eq!(forum["state"], "late", "{forum}");
    assert_eq!(forum["due"], "2026-11-10", "{forum}");
    let run = ws.run_on(DEC_2026, &["validate", "--format", "short"]);
    assert!(run.stdout.contains("warning[W015] late since 2026-11-10: the forum's next meeting"), "{}", run.stdout);
}

#[test]
fn two_clusters_with_one_id_are_an_error() {
    let ws = Ws::example("kota-lestari");
    ws.edit("terbuka.yaml", "    - id: layanan-publik", "    - id: data-terbuka");
    let run = ws.run_on(DEC_2026, &["validate", "--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("terbuka.yaml:24:11: error[E010] the cluster id `data-terbuka` is used twice"),
        "{}",
        run.stdout
    );
}
