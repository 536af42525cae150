//! `terbuka score`, `compare` and `export` on the sample workspace.

use crate::harness::Ws;

#[test]
fn score_table_of_the_newest_period() {
    let run = Ws::sample().run(&["score"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Period 2017-s2"), "{}", run.stdout);
    insta::assert_snapshot!("score_2017_s2", run.stdout);
}

#[test]
fn score_one_institution() {
    let run = Ws::sample().run(&["score", "--institution", "polres-bojonegoro", "--period", "2017-s2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("score_polres_2017_s2", run.stdout);
}

#[test]
fn score_json_is_exact_and_consistent() {
    let run = Ws::sample().run(&["score", "--format", "json", "--period", "2017-s1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["period"], "2017-s1");
    for inst in v["institutions"].as_array().unwrap() {
        for p in inst["points"].as_array().unwrap() {
            assert!(p["backed"].as_u64() <= p["claimed"].as_u64(), "{p}");
        }
        let exact = inst["index_backed"]["exact"].as_str().unwrap();
        let (n, d) = exact.split_once('/').unwrap();
        let value = n.parse::<f64>().unwrap() / d.parse::<f64>().unwrap();
        assert!((0.0..=100.0).contains(&value));
        assert_eq!(inst["index_backed"]["value"], format!("{value:.2}"));
    }
}

#[test]
fn unknown_period_is_a_usage_error() {
    let run = Ws::sample().run(&["score", "--period", "2017-s3"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown period `2017-s3` (did you mean `2017-s1`?)"), "{}", run.stderr);
}

#[test]
fn compare_shows_the_designed_regressions_and_improvements() {
    let run = Ws::sample().run(&["compare", "2017-s1", "2017-s2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let words = run.stdout.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
    let has = |prefix: &str| words.iter().any(|l| l.starts_with(prefix));
    // institution, point, movement, claimed, backed
    for line in [
        "bappeda 5 consultation regression 3→2 3→2",
        "dpmptsp 2 action-plan regression 3→2 3→2",
        "desa-ngringinrejo 4 self-assessment regression 2→1 2→1",
        "bank-indonesia 6 working-group regression 2→1 2→1",
        // An unsupported claim: 3 claimed in s2 with no evidence backs only 1.
        "polres-bojonegoro 8 concrete-action regression 2→3 2→1",
    ] {
        assert!(has(line), "missing `{line}`:\n{}", run.stdout);
    }
    let summary = run.stdout.lines().last().unwrap();
    // Four designed regressions, plus the unsupported claim above.
    assert!(summary.starts_with("5 regressions, 66 improvements, "), "{summary}");
    insta::assert_snapshot!("compare_2017_s1_s2", run.stdout);
}

#[test]
fn fail_on_regression_exits_1_only_when_something_dropped() {
    let ws = Ws::sample();
    assert_eq!(ws.run(&["compare", "2017-s1", "2017-s2", "--fail-on-regression"]).code, 1);
    let same = ws.run(&["compare", "2017-s2", "2017-s2", "--fail-on-regression"]);
    assert_eq!(same.code, 0);
    assert!(same.stdout.lines().last().unwrap().starts_with("0 regressions, 0 improvements,"), "{}", same.stdout);
    let diskominfo = ws.run(&["compare", "2017-s1", "2017-s2", "--institution", "diskominfo", "--fail-on-regression"]);
    assert_eq!(diskominfo.code, 0, "{}", diskominfo.stdout);
}

#[test]
fn swapping_periods_reverses_every_change() {
    let ws = Ws::sample();
    let json = |a: &str, b: &str| -> serde_json::Value {
        serde_json::from_str(&ws.run(&["compare", a, b, "--format", "json"]).stdout).unwrap()
    };
    let (ab, ba) = (json("2017-s1", "2017-s2"), json("2017-s2", "2017-s1"));
    assert_eq!(ab["summary"]["regressions"], ba["summary"]["improvements"]);
    assert_eq!(ab["summary"]["improvements"], ba["summary"]["regressions"]);
    assert_eq!(ab["summary"]["evidence_added"], ba["summary"]["evidence_dropped"]);
    assert_eq!(ab["summary"]["evidence_reused"], ba["summary"]["evidence_reused"]);
    for (x, y) in ab["institutions"].as_array().unwrap().iter().zip(ba["institutions"].as_array().unwrap()) {
        for (p, q) in x["points"].as_array().unwrap().iter().zip(y["points"].as_array().unwrap()) {
            assert_eq!(p["backed"]["from"], q["backed"]["to"]);
            assert_eq!(p["claimed"]["to"], q["claimed"]["from"]);
        }
    }
    // Decrees cited in both periods are reused unchanged.
    let bappeda = &ab["institutions"].as_array().unwrap().iter().find(|i| i["institution"] == "bappeda").unwrap();
    let sc = bappeda["points"].as_array().unwrap().iter().find(|p| p["point"] == "steering-committee").unwrap();
    assert!(
        sc["evidence"]["reused"].as_array().unwrap().iter().any(|e| e == "evidence/bappeda/sk-dewan-pengarah.txt"),
        "{sc}"
    );
}

#[test]
fn export_csv_has_exactly_the_documented_columns() {
    let ws = Ws::sample();
    let out = ws.path().join("open-data");
    let run = ws.run(&["export", "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();

    let points = read("points.csv");
    let mut lines = points.lines();
    assert_eq!(lines.next(), Some("period,institution,point,claimed,backed,reviewed,recommendation,confirmed"));
    assert_eq!(points.lines().count(), 1 + 2 * 15 * 8);
    assert!(points.contains("\n2017-s2,polres-bojonegoro,concrete-action,3,1,2,improve,true\n"), "{points}");
    assert!(points.contains("\n2017-s2,diskominfo,action-plan,4,4,,maintain-and-extend,true\n"));
    for line in lines {
        let fields = line.split(',').collect::<Vec<_>>();
        assert_eq!(fields.len(), 8, "{line}");
        let (claimed, backed) = (fields[3].parse::<u32>().unwrap(), fields[4].parse::<u32>().unwrap());
        assert!(backed <= claimed && claimed <= 4, "{line}");
        assert!(fields[5].is_empty() || fields[5].parse::<u32>().is_ok(), "{line}");
        assert!(["maintain-and-extend", "improve", "start"].contains(&fields[6]), "{line}");
        assert_eq!(fields[7], "true", "the sample has no unconfirmed point: {line}");
    }

    let institutions = read("institutions.csv");
    assert_eq!(institutions.lines().next(), Some("period,institution,index_claimed,index_backed"));
    assert!(institutions.contains("\n2017-s2,polres-bojonegoro,55.00,45.00\n"), "{institutions}");
    for line in institutions.lines().skip(1) {
        let fields = line.split(',').collect::<Vec<_>>();
        assert_eq!(fields.len(), 4);
        for f in &fields[2..] {
            assert_eq!(f.split('.').nth(1).map(str::len), Some(2), "two decimals: {line}");
        }
    }

    let commitments = read("commitments.csv");
    // Today's columns first, in their order; the methodology's fields after.
    let expected = "period,commitment,verifiable,potential_impact,completion,did_it_open_government,starred,\
        methodology,stage,specificity,verifiability,value_access_to_information,value_civic_participation,\
        value_public_accountability,value_technology_and_innovation,value_transparency,value_inclusion,\
        potential_for_results,on_time,promising,early_results,withdrawn\n";
    assert!(commitments.starts_with(expected), "{commitments}");
    let s2 = commitments.lines().filter(|l| l.starts_with("2017-s2,")).collect::<Vec<_>>();
    // The Final IRM Report 2017's figures; commitment 1 relevant to access to
    // information, public accountability and technology and innovation. The
    // refreshed methodology's values are empty: local-pilot-2017 has none.
    assert_eq!(
        s2,
        [
            "2017-s2,data-revolution,true,transformative,limited,marginal,false,local-pilot-2017,end-of-term,medium,verifiable,true,false,true,true,,,,false,,,",
            "2017-s2,village-accountability,true,moderate,substantial,marginal,false,local-pilot-2017,end-of-term,high,verifiable,true,true,true,false,,,,false,,,",
            "2017-s2,budget-transparency,true,moderate,substantial,marginal,false,local-pilot-2017,end-of-term,high,verifiable,true,false,true,false,,,,false,,,",
            "2017-s2,open-contracting,true,moderate,substantial,major,false,local-pilot-2017,end-of-term,high,verifiable,true,false,true,true,,,,false,,,",
            "2017-s2,public-services,true,minor,substantial,major,false,local-pilot-2017,end-of-term,medium,verifiable,true,true,true,false,,,,false,,,",
        ]
    );
    let json =
        ws.run(&["export", "--format", "json", "--period", "2017-s2", "-o", ws.path().join("j").to_str().unwrap()]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let rows: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ws.path().join("j/commitments-2017-s2.json")).unwrap()).unwrap();
    let first = &rows[0];
    assert_eq!(first["methodology"], "local-pilot-2017");
    assert_eq!(first["values"]["public-accountability"], true);
    assert_eq!(first["values"]["transparency"], serde_json::Value::Null);
}

#[test]
fn export_json_carries_the_same_records() {
    let ws = Ws::sample();
    let out = ws.path().join("json");
    let run = ws.run(&["export", "--format", "json", "--period", "2017-s2", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // One period's files carry its id.
    assert!(!out.join("points.json").exists());
    let text = std::fs::read_to_string(out.join("points-2017-s2.json")).unwrap();
    let rows: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 15 * 8);
    let first = &rows[0];
    let keys = first.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        keys,
        ["period", "institution", "point", "claimed", "backed", "reviewed", "recommendation", "confirmed"]
    );
}
