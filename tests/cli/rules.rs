//! One fixture per validation rule: the minimal workspace with one edit,
//! and the full rendered output of `validate` as a snapshot.

use std::collections::BTreeSet;

use terbuka::diag::Code;

use crate::harness::Ws;

pub enum Edit {
    Replace(&'static str, &'static str, &'static str),
    /// Replaces a text by a key followed by one character repeated.
    Long(&'static str, &'static str, &'static str, char, usize),
    Remove(&'static str),
    Write(&'static str, &'static [u8]),
}
use Edit::{Long, Remove, Replace, Write};

pub const A: &str = "assessments/2017-s1/dinas-a.yaml";
const B: &str = "assessments/2017-s1/dinas-b.yaml";
const RUBRIC: &str = "rubrics/mini.yaml";
const COMMITMENT: &str = "commitments/open-data.yaml";

/// (snapshot name, the code it shows, edits).
pub fn cases() -> Vec<(&'static str, Code, Vec<Edit>)> {
    vec![
        (
            "e001_unreadable",
            Code::Unreadable,
            vec![Write("institutions/dinas-b.yaml", b"id: dinas-b\nname: Dinas \xff\n")],
        ),
        (
            "e002_yaml_syntax",
            Code::YamlSyntax,
            vec![Replace("institutions/dinas-b.yaml", "name: Dinas B", "name: \"Dinas B")],
        ),
        (
            "e003_unknown_key",
            Code::UnknownKey,
            vec![Replace("institutions/dinas-b.yaml", "focal-point:", "focal-pont:")],
        ),
        (
            "e004_wrong_type",
            Code::WrongType,
            vec![Replace(B, "understanding: {level: 1}", "understanding: {level: satu}")],
        ),
        (
            "e004_unknown_variant",
            Code::WrongType,
            vec![Replace("institutions/dinas-b.yaml", "kind: public-service", "kind: public-servis")],
        ),
        (
            "e005_missing_key",
            Code::MissingKey,
            vec![Replace("institutions/dinas-b.yaml", "kind: public-service\n", "")],
        ),
        ("e006_missing_manifest", Code::MissingFile, vec![Remove("terbuka.yaml")]),
        ("e007_text_too_long", Code::TextTooLong, vec![Long("institutions/dinas-b.yaml", "name: Dinas B", "name: ", 'x', 20_001)]),
        ("e010_duplicate_id", Code::DuplicateId, vec![Replace(COMMITMENT, "{id: m2,", "{id: m1,")]),
        (
            "e011_unknown_institution",
            Code::UnknownInstitution,
            vec![Replace(COMMITMENT, "lead: dinas-a", "lead: dinas-c")],
        ),
        (
            "e012_unknown_commitment",
            Code::UnknownCommitment,
            vec![Replace("institutions/dinas-a.yaml", "commitments: [open-data]", "commitments: [open-dta]")],
        ),
        ("e013_unknown_milestone", Code::UnknownMilestone, vec![Replace(A, "    m1:\n      completion", "    m3:\n      completion")]),
        (
            "e014_unknown_point",
            Code::UnknownPoint,
            vec![Replace(B, "action-plan: {level: 0}", "action-plam: {level: 0}")],
        ),
        (
            "e015_unknown_period",
            Code::UnknownPeriod,
            vec![Replace("reviews/2017-s1.yaml", "period: 2017-s1", "period: 2017-s3")],
        ),
        ("e016_unknown_rubric", Code::UnknownRubric, vec![Replace("terbuka.yaml", "rubric: mini", "rubric: mni")]),
        (
            "e017_id_mismatch",
            Code::IdMismatch,
            vec![Replace("institutions/dinas-b.yaml", "id: dinas-b", "id: dinas-bb")],
        ),
        (
            "e018_wrong_directory",
            Code::WrongDirectory,
            vec![Replace(B, "institution: dinas-b", "institution: dinas-a")],
        ),
        ("e019_invalid_id", Code::InvalidId, vec![Replace(COMMITMENT, "{id: m2,", "{id: Tahap 2,")]),
        (
            "e020_level_out_of_scale",
            Code::LevelOutOfScale,
            vec![Replace(B, "understanding: {level: 1}", "understanding: {level: 7}")],
        ),
        ("e021_invalid_weight", Code::InvalidWeight, vec![Replace(RUBRIC, "weight: 2", "weight: 0")]),
        ("e022_duplicate_number", Code::DuplicateNumber, vec![Replace(RUBRIC, "number: 2", "number: 1")]),
        (
            "e023_requires_cycle",
            Code::RequiresCycle,
            vec![Replace(
                RUBRIC,
                "evidence-required-from: 2\n  - id: action-plan",
                "evidence-required-from: 2\n    requires: [action-plan]\n  - id: action-plan",
            )],
        ),
        (
            "e024_bad_threshold",
            Code::BadThreshold,
            vec![Replace(RUBRIC, "points:\n", "recommendations: {maintain-from: 1, improve-from: 2}\npoints:\n")],
        ),
        ("e030_missing_point", Code::MissingPoint, vec![Replace(B, "  action-plan: {level: 0}\n", "")]),
        (
            "e031_submitted_before_period",
            Code::SubmittedBeforePeriod,
            vec![Replace(B, "submitted: 2017-07-06", "submitted: 2016-12-31")],
        ),
        ("e032_evidence_missing", Code::EvidenceMissing, vec![Replace(A, "sosialisasi.txt", "sosialisasi.pdf")]),
        (
            "e033_evidence_outside",
            Code::EvidenceOutside,
            vec![Replace(A, "evidence/dinas-a/sosialisasi.txt", "../../etc/passwd")],
        ),
        (
            "e033_evidence_absolute",
            Code::EvidenceOutside,
            vec![Replace(A, "evidence/dinas-a/sosialisasi.txt", "/etc/passwd")],
        ),
        (
            "e034_invalid_url",
            Code::InvalidUrl,
            vec![Replace(A, "https://example.org/rencana-aksi", "ftp://example.org/rencana-aksi")],
        ),
        (
            "e035_evidence_shape",
            Code::EvidenceShape,
            vec![Replace(A, "{url: \"https://example.org/rencana-aksi\"}", "{note: tanpa berkas}")],
        ),
        (
            "e036_evidence_changed",
            Code::EvidenceChanged,
            vec![
                Write(
                    "evidence.lock",
                    b"version: 1\nfiles:\n  evidence/dinas-a/sk.txt: {sha256: 986b0291bb57c89a5c52bf02351fbb3df099b5b1445b480043f57da389a0dd7f, size: 27}\n  evidence/dinas-a/sosialisasi.txt: {sha256: 7684f26597384ab684cc573fb96b0e249676aaedb148dcb00326f7b8e405afd8, size: 29}\n",
                ),
                Write("evidence/dinas-a/sosialisasi.txt", b"Notulen sosialisasi (diubah)\n"),
            ],
        ),
        (
            "e040_bad_date_range",
            Code::BadDateRange,
            vec![Replace("terbuka.yaml", "end: 2017-06-30}", "end: 2016-06-30}")],
        ),
        (
            "e041_milestone_outside_span",
            Code::MilestoneOutsideSpan,
            vec![Replace(COMMITMENT, "due: 2017-09-30}", "due: 2018-06-30}")],
        ),
        (
            "e042_overlapping_periods",
            Code::OverlappingPeriods,
            vec![Replace("terbuka.yaml", "start: 2017-07-01", "start: 2017-06-01")],
        ),
        (
            "e050_scale_not_in_methodology",
            Code::ReviewScaleMismatch,
            vec![Replace(
                "reviews/2017-s1.yaml",
                "potential-impact: moderate}",
                "potential-impact: moderate, potential-for-results: modest}",
            )],
        ),
        (
            "e051_not_on_scale",
            Code::NotOnScale,
            vec![Replace(
                "reviews/2017-s1.yaml",
                "methodology: local-pilot-2017\nstage: mid-term",
                "methodology: refreshed-2021\nstage: results",
            ), Replace(
                "reviews/2017-s1.yaml",
                "{verifiability: verifiable, relevance: [access-to-information], potential-impact: moderate}",
                "{verifiability: verifiable, relevance: [transparency], completion: substantial, early-results: huge}",
            )],
        ),
        (
            "e070_unknown_cluster",
            Code::UnknownCluster,
            vec![
                Replace("terbuka.yaml", "end: 2017-12-31}\nlanguages", "end: 2017-12-31, clusters: [{id: data, title: Data}]}\nlanguages"),
                Replace(COMMITMENT, "lead: dinas-a", "cluster: dta\nlead: dinas-a"),
            ],
        ),
        (
            "e071_too_many_attachments",
            Code::TooManyAttachments,
            vec![
                Replace("reviews/2017-s1.yaml", "methodology: local-pilot-2017\nstage: mid-term", "methodology: refreshed-2021\nstage: results"),
                Replace(
                    "reviews/2017-s1.yaml",
                    "{verifiability: verifiable, relevance: [access-to-information], potential-impact: moderate}",
                    "\n    verifiability: verifiable\n    end-of-commitment:\n      attachments:\n        - {url: \"https://example.org/1\"}\n        - {url: \"https://example.org/2\"}\n        - {url: \"https://example.org/3\"}\n        - {url: \"https://example.org/4\"}",
                ),
            ],
        ),
        (
            "e052_irm_authorship",
            Code::IrmAuthorship,
            vec![Replace("reviews/2017-s1.yaml", "reviewer: {name: Peneliti Contoh}", "reviewer: {name: IRM}")],
        ),
        (
            "w001_evidence_required",
            Code::EvidenceRequired,
            vec![Replace(
                A,
                "level: 1\n    evidence:\n      - {url: \"https://example.org/rencana-aksi\"}",
                "level: 1",
            )],
        ),
        (
            "w002_government_only_committee",
            Code::GovernmentOnlyCommittee,
            vec![Replace("institutions/dinas-a.yaml", "sector: civil-society", "sector: government")],
        ),
        (
            "w003_prerequisite_gap",
            Code::PrerequisiteGap,
            vec![Replace(
                B,
                "understanding: {level: 1}\n  action-plan: {level: 0}",
                "understanding: {level: 0}\n  action-plan: {level: 2, evidence: [{url: \"https://example.org/ra\"}]}",
            )],
        ),
        (
            "w004_missing_descriptor",
            Code::MissingDescriptor,
            vec![Replace(
                RUBRIC,
                "{0: Belum paham, 1: Sebagian paham, 2: Paham}",
                "{0: Belum paham, 1: Sebagian paham}",
            )],
        ),
        (
            "e037_invalid_email",
            Code::InvalidEmail,
            vec![Replace("terbuka.yaml", "rubric: mini", "rubric: mini\nfeedback: {email: ogp contoh.go.id}")],
        ),
        ("w005_missing_assessment", Code::MissingAssessment, vec![Remove(B)]),
        (
            "w007_evidence_unsealed",
            Code::EvidenceUnsealed,
            vec![Write(
                "evidence.lock",
                b"version: 1\nfiles:\n  evidence/dinas-a/sk.txt: {sha256: 986b0291bb57c89a5c52bf02351fbb3df099b5b1445b480043f57da389a0dd7f, size: 27}\n",
            )],
        ),
        ("w008_not_in_fonts", Code::NotInFonts, vec![Replace("institutions/dinas-b.yaml", "name: Dinas B", "name: Dinas B 华人")]),
        (
            "w006_unconfirmed",
            Code::Unconfirmed,
            vec![Replace(B, "understanding: {level: 1}", "understanding: {level: 1, confirmed: false}")],
        ),
        (
            "w009_milestone_evidence",
            Code::MilestoneEvidence,
            vec![Replace(A, "\n      evidence:\n        - {url: \"https://example.org/portal-data\", note: Portal uji coba}", "")],
        ),
        (
            "w010_overdue_milestone",
            Code::OverdueMilestone,
            vec![Replace(COMMITMENT, "due: 2017-09-30}", "due: 2017-05-31}")],
        ),
        (
            "w012_comment_in_text",
            Code::CommentInText,
            vec![Replace(A, "justification: Sosialisasi OGP sudah dilakukan.", "justification: Sosialisasi OGP #2 sudah dilakukan.")],
        ),
        (
            "w013_confirmed_missing",
            Code::ConfirmedMissing,
            vec![Replace(B, "understanding: {level: 1}", "understanding: {level: 1, confirmed: true}")],
        ),
        (
            "w014_minimum_requirement_gap",
            Code::RequirementGap,
            vec![
                Replace("terbuka.yaml", "rubric: mini\n", "rubric: mini\nmonitoring-body: {name: Badan Pemantau, members: [{name: Sari, sector: civil-society}], independence: Tidak ada konflik kepentingan.}\nsteering-committee:\n  established: 2016-11-01\n  members: [{name: Budi, sector: government}, {name: Sari, sector: civil-society}]\n  meetings:\n    - {date: 2017-01-10, papers-shared: 2017-01-03}\n    - {date: 2017-09-20, papers-shared: 2017-09-20}\n    - {date: 2017-12-01, papers-shared: 2017-11-25}\n"),
            ],
        ),
        (
            "w015_late",
            Code::Late,
            vec![Replace(
                "terbuka.yaml",
                "rubric: mini\n",
                "rubric: mini\nmonitoring-body: {name: Badan Pemantau, members: [{name: Sari, sector: civil-society}], independence: Tidak ada konflik kepentingan.}\nwebsite:\n  url: https://contoh.example.org/ogp\n  updates: [{date: 2017-01-05}, {date: 2017-04-20}, {date: 2017-08-10}]\n",
            ), Replace("terbuka.yaml", "end: 2017-12-31}\nlanguages", "end: 2017-12-31, submitted: 2016-12-15}\nlanguages")],
        ),
        (
            "w016_review_unconfirmed",
            Code::ReviewUnconfirmed,
            vec![Replace(
                "reviews/2017-s1.yaml",
                "{verifiability: verifiable, relevance: [access-to-information], potential-impact: moderate}",
                "{confirmed: false, verifiability: verifiable, relevance: [access-to-information], potential-impact: moderate}",
            )],
        ),
        // Only asked for: `validate --translations`.
        (
            "w011_one_language_only",
            Code::OneLanguage,
            vec![Replace(COMMITMENT, "title: {id: Data terbuka, en: Open data}", "title: {en: Open data}")],
        ),
        // Reports (`terbuka report`, diagnostics on stderr).
        (
            "e060_template_error",
            Code::TemplateError,
            vec![Write("report-templates/period.typ.j2", b"#import \"style.typ\": *\n= {{ t.nope }}\n")],
        ),
        (
            "e061_typeset_error",
            Code::TypesetError,
            vec![Write(
                "report-templates/period.typ.j2",
                b"#import \"style.typ\": *\n= {{ t.context }}\n#let x = (1 +\n",
            )],
        ),
    ]
}

#[test]
fn minimal_fixture_is_clean() {
    let run = Ws::fixture("minimal").run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.ends_with("— 0 errors, 0 warnings\n"), "{}", run.stdout);
}

/// Applies a case's edits to a fresh copy of the minimal fixture.
pub fn workspace(edits: &[Edit]) -> Ws {
    let ws = Ws::fixture("minimal");
    for edit in edits {
        match *edit {
            Replace(file, from, to) => ws.edit(file, from, to),
            Long(file, from, key, c, n) => ws.edit(file, from, &format!("{key}{}", c.to_string().repeat(n))),
            Remove(file) => ws.remove(file),
            Write(file, bytes) => {
                let path = ws.path().join(file);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
        }
    }
    ws
}

/// Runs the command that reports `code` (`report` for the report codes,
/// else `validate`) in `lang`; returns the exit code and what it printed
/// about the problems.
pub fn run_case(ws: &Ws, code: Code, lang: &str) -> (i32, String) {
    let report = matches!(code, Code::TemplateError | Code::TypesetError);
    let mut args = vec!["--lang", lang, if report { "report" } else { "validate" }];
    if code == Code::OneLanguage {
        args.push("--translations");
    }
    let run = ws.run(&args);
    (run.code, if report { run.stderr } else { run.stdout })
}

/// Every `file:line:column` and `[code]` of an output, in order.
fn locations_and_codes(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            if let Some(at) = l.strip_prefix("┌─ ") {
                Some(at.to_owned())
            } else if let Some(at) = l.strip_prefix("= file: ").or_else(|| l.strip_prefix("= berkas: ")) {
                Some(at.to_owned())
            } else {
                l.find('[').filter(|_| !l.starts_with('=')).map(|i| l[i..].split(']').next().unwrap_or("").to_owned())
            }
        })
        .collect()
}

#[test]
fn every_rule_has_a_located_fixture_in_both_languages() {
    let mut covered = BTreeSet::new();
    for (name, code, edits) in cases() {
        let ws = workspace(&edits);
        let expected_exit = if code.severity() == terbuka::diag::Severity::Error { 1 } else { 0 };
        let mut outputs = Vec::new();
        for lang in ["en", "id"] {
            let (exit, text) = run_case(&ws, code, lang);
            assert_eq!(exit, expected_exit, "{name} ({lang}): {text}");
            let tag = format!("[{}]", code.as_str());
            assert!(text.contains(&tag), "{name} ({lang}): {tag} not reported:\n{text}");
            // Every diagnostic names a file; all but whole-file ones a line and column.
            for block in text
                .split("\n\n")
                .filter(|b| ["error", "warning", "galat", "peringatan"].iter().any(|w| b.starts_with(&format!("{w}["))))
            {
                assert!(
                    block.contains(" ┌─ ") || block.contains("= file: ") || block.contains("= berkas: "),
                    "{name} ({lang}): unlocated:\n{block}"
                );
            }
            let snapshot = if lang == "en" { name.to_owned() } else { format!("{name}_id") };
            insta::assert_snapshot!(snapshot, text);
            outputs.push(text);
        }
        // The same problems at the same places, whatever the language.
        // (The generated report's `.typ` is named after the language.)
        let indonesian = outputs[1].replace("-id.typ", "-en.typ");
        assert_eq!(locations_and_codes(&outputs[0]), locations_and_codes(&indonesian), "{name}");
        assert_ne!(outputs[0], outputs[1], "{name}: the Indonesian output is not translated");
        covered.insert(code);
    }
    let missing = Code::ALL.iter().filter(|c| !covered.contains(c)).map(|c| c.as_str()).collect::<Vec<_>>();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}
