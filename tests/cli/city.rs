//! A workspace nobody tuned terbuka to (`tests/fixtures/city`): English
//! first, six points on a 1–5 scale, yearly periods, a `legacy-2014` review
//! in 2022 and a `refreshed-2021` Results Report in 2023, a commitment
//! withdrawn in March 2023. Its PDFs, read through `pdftotext`, speak that
//! workspace and each review's methodology, and nothing of the sample.

use crate::harness::{Ws, assert_no_string_key, one_line, pdftotext};

/// The report of `period` in `lang`, as text with whitespace squashed.
fn report(ws: &Ws, period: &str, lang: &str) -> String {
    let pdf = ws.path().join(format!("r-{period}-{lang}.pdf"));
    let run = ws.run(&["--lang", lang, "report", "--period", period, "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    one_line(&pdftotext(&pdf))
}

#[track_caller]
fn has(text: &str, needle: &str) {
    assert!(text.contains(needle), "the PDF lacks {needle:?}:\n{text}");
}

#[track_caller]
fn lacks(text: &str, needle: &str) {
    assert!(!text.contains(needle), "the PDF has {needle:?}:\n{text}");
}

/// Whether `word` occurs as a whole word, in any case.
fn has_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    text.match_indices(&word).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// Nothing of the sample, and no string key left unfilled (`[glance.x]`).
#[track_caller]
fn nothing_of_the_sample(text: &str) {
    for word in ["Bojonegoro", "Bupati", "Suyoto", "eight", "delapan", "Diskominfo", "Jawa"] {
        assert!(!has_word(text, word), "the PDF has the sample's {word:?}:\n{text}");
    }
    assert_no_string_key(text);
}

#[test]
fn a_legacy_2014_mid_term_report_in_both_languages() {
    let ws = Ws::fixture("city");
    let run = ws.run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let en = report(&ws, "2022", "en");
    nothing_of_the_sample(&en);
    has(&en, "IRM-style Mid-term Progress Report City of Riverton");
    has(&en, "Author: IRM-style review by Riverton Local Monitoring Body");
    has(&en, "Review: Mid-term review · Legacy IRM (2014)");
    // The rubric's own title, point count, scale and authority.
    has(&en, "the 6 points of the rubric “Riverton Open City Readiness Standards”");
    has(&en, "4.1 The 6 Points");
    has(&en, "each on a scale from 1 to 5");
    has(&en, "The points were set by the Riverton City Council.");
    has(&en, "1 Emerging 2 Basic 3 Developing 4 Advanced 5 Leading");
    // Its recommendation labels and rule.
    has(&en, "The rule set by the Riverton City Council: Standards at Advanced or above are sustained");
    has(&en, "Sustain: ≥ 4; Strengthen: ≥ 2; Begin: < 2");
    // At a Glance: legacy-2014's rows and its star rule (moderate counts).
    has(&en, "Moderate or transformative potential impact 1");
    has(&en, "✪ Starred: verifiable, relevant, ambitious enough and substantial or complete 1");
    has(&en, "Star (rule A, legacy IRM until mid-2014)");
    has(&en, "Specificity Potential impact Completion On time? ✪ Starred");
    for other in [
        "Transformative potential impact",
        "Potential for results",
        "Promising",
        "Early results",
        "Did it open government?",
        "open-government lens",
        "All three",
    ] {
        lacks(&en, other);
    }
    // Withdrawn only from its date on (31 March 2023).
    lacks(&en, "Withdrawn");
    // The index runs from the scale's lowest level.
    has(&en, "the sum of weight × (level − 1) over the sum of weight × (5 − 1), times 100");

    let id = report(&ws, "2022", "id");
    nothing_of_the_sample(&id);
    has(&id, "Penulis: Tinjauan gaya IRM oleh Riverton Local Monitoring Body");
    has(&id, "4.1 6 Poin");
    has(&id, "“Standar Kesiapan Kota Terbuka Riverton”");
    has(&id, "Poin-poin ini ditetapkan oleh Dewan Kota Riverton.");
    has(&id, "Potensi dampak sedang atau transformatif 1");
    has(&id, "✪ Berbintang: dapat diverifikasi, relevan, cukup ambisius, dan substansial atau selesai 1");
    has(&id, "Pertahankan: ≥ 4; Perkuat: ≥ 2; Mulai: < 2");
    for other in ["Potensi hasil", "menjanjikan", "Hasil awal", "Apakah membuka pemerintahan?", "Ditarik"] {
        lacks(&id, other);
    }
}

#[test]
fn a_refreshed_2021_results_report_in_both_languages() {
    let ws = Ws::fixture("city");
    let en = report(&ws, "2023", "en");
    nothing_of_the_sample(&en);
    has(&en, "IRM-style Results Report City of Riverton");
    has(&en, "Author: IRM-style review by Maria Santos, Riverton State University (independent reviewer)");
    has(&en, "The review is the work of Maria Santos, Riverton State University (independent reviewer);");
    has(&en, "4.1 The 6 Points");
    // At a Glance: the refreshed rows; withdrawn counted apart, so the
    // completion rows (1 + 1 + 0 + 0) and the withdrawn one add up to 3.
    has(
        &en,
        "Number of commitments 3 Verifiable 3 With an open-government lens 3 Potential for results Substantial 1 \
         Modest 1 Unclear 1 Promising commitments 1 Level of completion Completed 1 Substantial 1 Limited 0 \
         Not started 0 Withdrawn by government (counted apart) 1 Early results Significant 1 Moderate 1 \
         Marginal 0 No notable results 0",
    );
    has(&en, "1.3 Promising Commitments • 1. Open budget portal");
    has(&en, "Verifiability Potential for results Completion Early results Promising");
    has(&en, "Open-government lens");
    has(&en, "Withdrawn by government on 31 March 2023: The national e-procurement system took over");
    // The early-results scale is data, and says it is unconfirmed.
    has(&en, "Early results are judged on the scale No notable results, Marginal, Moderate, Significant.");
    has(&en, "do not confirm this scale");
    for other in ["✪", "Starred", "Star (", "Specificity", "Potential impact", "Did it open government?", "On time?"]
    {
        lacks(&en, other);
    }

    let id = report(&ws, "2023", "id");
    nothing_of_the_sample(&id);
    has(&id, "Laporan Hasil Gaya IRM Kota Riverton");
    has(&id, "Potensi hasil Substansial 1 Sederhana 1 Belum jelas 1 Komitmen menjanjikan 1");
    has(&id, "Ditarik oleh pemerintah (dihitung terpisah) 1");
    has(&id, "Hasil awal Signifikan 1 Sedang 1 Marginal 0 Tidak ada hasil berarti 0");
    for other in ["✪", "Berbintang", "Spesifisitas", "Potensi dampak", "Apakah membuka pemerintahan?"] {
        lacks(&id, other);
    }
}

#[test]
fn the_city_exports_each_methodology_s_fields() {
    let ws = Ws::fixture("city");
    let out = ws.path().join("open-data");
    let run = ws.run(&["export", "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = std::fs::read_to_string(out.join("commitments.csv")).unwrap();
    let rows = csv.lines().skip(1).collect::<Vec<_>>();
    assert_eq!(
        rows,
        [
            "2022,open-budget,true,moderate,substantial,,true,legacy-2014,mid-term,high,,true,false,true,false,,,,true,,,",
            "2022,participatory-planning,true,minor,limited,,false,legacy-2014,mid-term,medium,,false,true,false,false,,,,true,,,",
            // Low specificity: not verifiable, so assessed no further.
            "2022,contract-registry,false,,limited,,false,legacy-2014,mid-term,low,,,,,,,,,false,,,",
            "2023,open-budget,true,,complete,,false,refreshed-2021,results,,verifiable,,false,true,false,true,false,substantial,,true,significant,",
            "2023,participatory-planning,true,,substantial,,false,refreshed-2021,results,,verifiable,,true,false,false,false,true,modest,,false,moderate,",
            "2023,contract-registry,true,,,,false,refreshed-2021,results,,verifiable,,false,false,false,true,false,unclear,,false,,2023-03-31",
        ],
        "{csv}"
    );
    // Index on a 1–5 scale: the lowest level scores 0, the highest 100.
    let run = ws.run(&["score", "--period", "2023", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("finance"), "{}", run.stdout);
}
