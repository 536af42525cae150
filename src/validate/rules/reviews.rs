//! The rules of reviews: what the named IRM methodology has — its stages,
//! fields and values (E050) and its scales (E051) — who may be the
//! reviewer (E052: terbuka's reports are IRM-style, so a review may not
//! name the IRM as its author), and what `terbuka new review` carried
//! forward unconfirmed (W016).

use crate::diag::{Code, Diagnostic, RuleDoc, Seg, Words};
use crate::load::Doc;
use crate::model::{CommitmentReview, Methodology, OgpValue, Review, Stage};
use crate::{msg, path};

use super::super::Context;
use super::suggest;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E050, E051, E052, W016];

/// Checks every review.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    for doc in &cx.ws.reviews {
        stage(cx, doc);
        authorship(cx, doc);
        for (cid, c) in &doc.value.commitments {
            fields(cx, doc, cid, c);
            values(cx, doc, cid, c);
            early_results(cx, doc, cid, c);
            if let Some(eoc) = &c.end_of_commitment {
                for (value, result) in &eoc.values {
                    end_of_commitment(cx, doc, cid, *value, result);
                }
            }
        }
        unconfirmed_entries(cx, doc);
    }
}

// ── E050 scale-not-in-methodology ────────────────────────────────────────

/// E050 `scale-not-in-methodology`: what it checks, why, and how to fix it.
pub const E050: RuleDoc = RuleDoc {
    code: Code::ReviewScaleMismatch,
    home: module_path!(),
    summary: Words::new(
        "A review field, value or stage that the named IRM methodology version (or its stage) does not use.",
        "Kolom, nilai, atau tahap tinjauan yang tidak dipakai versi metodologi IRM yang disebut (atau tahapnya).",
    ),
    what: Words::new(
        "A review uses a field, value or stage that its `methodology` does not have: `potential-for-results`, `promising` or `early-results` in a legacy review; `specificity`, `potential-impact`, `on-time` or `did-it-open-government` in `refreshed-2021`; `transparency` or `inclusion` in a legacy review's relevance, `access-to-information` in a refreshed one; a stage of the other methodology; or a field its stage does not judge (\"did it open government?\" at mid-term, completion or early results at the design stage).",
        "Tinjauan memakai kolom, nilai, atau tahap yang tidak ada dalam `methodology`-nya: `potential-for-results`, `promising`, atau `early-results` pada tinjauan versi lama; `specificity`, `potential-impact`, `on-time`, atau `did-it-open-government` pada `refreshed-2021`; `transparency` atau `inclusion` pada relevansi tinjauan versi lama, `access-to-information` pada versi baru; tahap milik metodologi lain; atau kolom yang tidak dinilai pada tahapnya (\"apakah membuka pemerintahan?\" pada tengah periode, penyelesaian atau hasil awal pada tahap rancangan).",
    ),
    why: Words::new(
        "The IRM's methodology versions judge different things at different stages: a field the named version does not use would be reported as if the IRM judged it.",
        "Versi metodologi IRM menilai hal yang berbeda pada tahap yang berbeda: kolom yang tidak dipakai versi yang disebut akan dilaporkan seolah-olah IRM menilainya.",
    ),
    fix: Words::new(
        "Check that `methodology` and `stage` name the version and stage the review follows. Then remove what that version does not use, or write it as that version names it (the hint lists them).",
        "Pastikan `methodology` dan `stage` menyebut versi dan tahap yang dipakai tinjauan. Lalu hapus yang tidak dipakai versi itu, atau tulis sesuai nama dalam versi tersebut (petunjuk mencantumkannya).",
    ),
};

/// What a review gives that its methodology does not have.
#[derive(Debug, Clone, Copy)]
pub enum NotInMethodology<'a> {
    /// A stage.
    Stage(Stage),
    /// A field the methodology does not judge at all.
    Field(&'a str),
    /// A field the methodology judges at another stage than `stage`.
    FieldAtStage { field: &'a str, stage: Stage },
    /// An OGP value of the other version's lens.
    Value(OgpValue),
}

/// E050: a review of the `methodology` gives something it does not have.
pub fn not_in_methodology(methodology: Methodology, what: NotInMethodology<'_>) -> Diagnostic {
    let method = methodology.as_str();
    match what {
        NotInMethodology::Stage(stage) => {
            let name = stage.as_str();
            let list = methodology.stages().iter().map(|s| format!("`{}`", s.as_str())).collect::<Vec<_>>().join(", ");
            Diagnostic::new(
                Code::ReviewScaleMismatch,
                msg!(
                    "the stage `{name}` is not part of the `{method}` methodology",
                    "tahap `{name}` bukan bagian dari metodologi `{method}`"
                ),
            )
            .hint(msg!(
                "`{method}` reviews are at the stage {list} (the first when `stage` is left out)",
                "tinjauan `{method}` berada pada tahap {list} (yang pertama bila `stage` tidak ditulis)"
            ))
        }
        NotInMethodology::Field(key) => Diagnostic::new(
            Code::ReviewScaleMismatch,
            msg!("`{key}` is not part of the `{method}` methodology", "`{key}` bukan bagian dari metodologi `{method}`"),
        )
        .hint(if methodology.is_refreshed() {
            msg!(
                "refreshed reviews use `verifiability`, `relevance` (the open-government lens), `potential-for-results`, `promising`, and in the Results Report `completion` and `early-results`",
                "tinjauan versi baru memakai `verifiability`, `relevance` (lensa pemerintahan terbuka), `potential-for-results`, `promising`, serta pada Laporan Hasil `completion` dan `early-results`"
            )
        } else {
            msg!(
                "legacy reviews use `specificity`, `relevance`, `potential-impact`, `completion`, `on-time`, and at the end of term `did-it-open-government`",
                "tinjauan versi lama memakai `specificity`, `relevance`, `potential-impact`, `completion`, `on-time`, serta pada akhir periode `did-it-open-government`"
            )
        }),
        NotInMethodology::FieldAtStage { field: key, stage } => {
            let name = stage.as_str();
            Diagnostic::new(
                Code::ReviewScaleMismatch,
                msg!(
                    "`{key}` is not judged at the `{name}` stage of `{method}`",
                    "`{key}` tidak dinilai pada tahap `{name}` metodologi `{method}`"
                ),
            )
            .hint(match stage {
                Stage::Design => msg!(
                    "the Action Plan Review judges the design; completion and early results belong in the Results Report (`stage: results`)",
                    "Tinjauan Rencana Aksi menilai rancangan; penyelesaian dan hasil awal dinilai dalam Laporan Hasil (`stage: results`)"
                ),
                _ => msg!(
                    "\"did it open government?\" is judged at the end of term (`stage: end-of-term`)",
                    "\"apakah membuka pemerintahan?\" dinilai pada akhir periode (`stage: end-of-term`)"
                ),
            })
        }
        NotInMethodology::Value(v) => {
            let value = v.as_str();
            let d = Diagnostic::new(
                Code::ReviewScaleMismatch,
                msg!(
                    "the value `{value}` is not part of the `{method}` methodology",
                    "nilai `{value}` bukan bagian dari metodologi `{method}`"
                ),
            );
            match (methodology.is_refreshed(), v) {
                (true, OgpValue::AccessToInformation) => d.hint(msg!(
                    "the refreshed open-government lens calls it `transparency`",
                    "lensa pemerintahan terbuka versi baru menyebutnya `transparency`"
                )),
                (false, OgpValue::Transparency) => d.hint(msg!(
                    "legacy reviews call it `access-to-information`",
                    "tinjauan versi lama menyebutnya `access-to-information`"
                )),
                (false, OgpValue::Inclusion) => d.hint(msg!(
                    "inclusion is a value of the refreshed open-government lens only; legacy reviews use `access-to-information`, `civic-participation`, `public-accountability` and `technology-and-innovation`",
                    "inklusi hanya ada pada lensa pemerintahan terbuka versi baru; tinjauan versi lama memakai `access-to-information`, `civic-participation`, `public-accountability` dan `technology-and-innovation`"
                )),
                _ => d,
            }
        }
    }
}

/// Whether the value `v` belongs to the other version's lens than the
/// `methodology`'s.
fn foreign_value(methodology: Methodology, v: OgpValue) -> bool {
    matches!(
        (methodology.is_refreshed(), v),
        (true, OgpValue::AccessToInformation) | (false, OgpValue::Transparency) | (false, OgpValue::Inclusion)
    )
}

/// E050: a stage the methodology does not have.
fn stage(cx: &mut Context<'_>, doc: &Doc<Review>) {
    let r = &doc.value;
    let Some(stage) = r.stage else { return };
    if !r.methodology.stages().contains(&stage) {
        cx.push(not_in_methodology(r.methodology, NotInMethodology::Stage(stage)).at(doc.at(path!["stage"])));
    }
}

/// E050: fields the methodology, or its stage, does not have.
fn fields(cx: &mut Context<'_>, doc: &Doc<Review>, cid: &str, c: &CommitmentReview) {
    let r = &doc.value;
    let (m, stage) = (r.methodology, r.stage());
    let wrong: Vec<(&str, bool)> = if m.is_refreshed() {
        vec![
            ("specificity", c.specificity.is_some()),
            ("potential-impact", c.potential_impact.is_some()),
            ("did-it-open-government", c.did_it_open_government.is_some()),
            ("on-time", c.on_time.is_some()),
        ]
    } else {
        vec![
            ("potential-for-results", c.potential_for_results.is_some()),
            ("promising", c.promising.is_some()),
            ("early-results", c.early_results.is_some()),
        ]
    };
    for (key, _) in wrong.into_iter().filter(|(_, present)| *present) {
        let d = not_in_methodology(m, NotInMethodology::Field(key));
        cx.push(d.at(doc.key_at(path!["commitments", cid, key])));
    }
    let judged_later: Vec<(&str, bool)> = match stage {
        Stage::Design => vec![("completion", c.completion.is_some()), ("early-results", c.early_results.is_some())],
        Stage::MidTerm => vec![("did-it-open-government", c.did_it_open_government.is_some())],
        Stage::EndOfTerm | Stage::Results => Vec::new(),
    };
    for (key, _) in judged_later.into_iter().filter(|(_, present)| *present) {
        let d = not_in_methodology(m, NotInMethodology::FieldAtStage { field: key, stage });
        cx.push(d.at(doc.key_at(path!["commitments", cid, key])));
    }
}

/// E050: OGP values the methodology does not use (the refreshed lens says
/// `transparency` where legacy reviews say `access-to-information`).
fn values(cx: &mut Context<'_>, doc: &Doc<Review>, cid: &str, c: &CommitmentReview) {
    let m = doc.value.methodology;
    for (i, v) in c.relevance.iter().enumerate().filter(|(_, v)| foreign_value(m, **v)) {
        let d = not_in_methodology(m, NotInMethodology::Value(*v));
        cx.push(d.at(doc.at(path!["commitments", cid, "relevance", i])));
    }
}

// ── E051 not-on-scale ────────────────────────────────────────────────────

/// E051 `not-on-scale`: what it checks, why, and how to fix it.
pub const E051: RuleDoc = RuleDoc {
    code: Code::NotOnScale,
    home: module_path!(),
    summary: Words::new(
        "An early-results, degree-of-change or immediate-result value that is not on the methodology's scale (`methodologies/<version>.yaml`).",
        "Nilai hasil awal, tingkat perubahan, atau hasil langsung yang tidak ada dalam skala metodologi (`methodologies/<versi>.yaml`).",
    ),
    what: Words::new(
        "A commitment's `early-results`, or an end-of-commitment assessment's degree of change (`change`) or immediate result (`result`) for an OGP value, is not a value of the methodology's scale, or the methodology lists no immediate results for that value. The scales are data: terbuka ships `methodologies/refreshed-2021.yaml` (the early-results and degree-of-change scales commonly given, not confirmed; transparency's immediate results as OGP's form gives them, the other values' not confirmed), and a workspace may override it with its own file of that name.",
        "`early-results` sebuah komitmen, atau tingkat perubahan (`change`) maupun hasil langsung (`result`) per nilai OGP pada penilaian akhir komitmen, bukan nilai dalam skala metodologi, atau metodologinya tidak memuat hasil langsung untuk nilai itu. Skala ini berupa data: terbuka menyertakan `methodologies/refreshed-2021.yaml` (skala hasil awal dan tingkat perubahan yang umum disebut, belum terkonfirmasi; hasil langsung transparansi sesuai formulir OGP, nilai lainnya belum terkonfirmasi), dan ruang kerja dapat menggantinya dengan berkas sendiri bernama sama.",
    ),
    why: Words::new(
        "Reports show these values in the methodology's own words: a value off its scale has no words to show, and cannot be compared across commitments.",
        "Laporan menampilkan nilai-nilai ini dengan kata-kata metodologi itu sendiri: nilai di luar skalanya tidak memiliki kata untuk ditampilkan, dan tidak dapat dibandingkan antarkomitmen.",
    ),
    fix: Words::new(
        "Write one of the values the message lists, e.g. `early-results: marginal`; if the IRM's official scale differs, copy the shipped file to `methodologies/refreshed-2021.yaml` in the workspace and correct it there.",
        "Tulis salah satu nilai yang disebut pesan, misalnya `early-results: marginal`; bila skala resmi IRM berbeda, salin berkas bawaan ke `methodologies/refreshed-2021.yaml` di ruang kerja dan perbaiki di sana.",
    ),
};

/// Which of the methodology's scales a value is not on.
#[derive(Debug, Clone, Copy)]
pub enum Scale<'a> {
    /// Early results.
    EarlyResults,
    /// The degree of change.
    DegreeOfChange,
    /// The immediate results of the OGP value named `value`.
    ImmediateResults { value: &'a str },
}

/// E051: `written` is not on the `scale` of the methodology, whose data
/// is `file` and whose values are `known`.
pub fn not_on_scale<'a>(
    written: &str,
    scale: Scale<'_>,
    file: &str,
    known: impl Iterator<Item = &'a str> + Clone,
) -> Diagnostic {
    let message = match scale {
        Scale::EarlyResults => {
            msg!("`{written}` is not on the early-results scale", "`{written}` tidak ada dalam skala hasil awal")
        }
        Scale::DegreeOfChange => msg!(
            "`{written}` is not on the degree-of-change scale",
            "`{written}` tidak ada dalam skala tingkat perubahan"
        ),
        Scale::ImmediateResults { value: name } => {
            msg!("`{written}` is not an immediate result of {name}", "`{written}` bukan hasil langsung untuk {name}")
        }
    };
    let d = Diagnostic::new(Code::NotOnScale, message).label(msg!("not a value in {file}", "bukan nilai dalam {file}"));
    suggest(d, written, known)
}

/// E051: an immediate result given for the OGP value `value`, for which
/// the methodology's data `file` lists none.
pub fn no_immediate_results(value: &str, file: &str) -> Diagnostic {
    let name = value;
    Diagnostic::new(
        Code::NotOnScale,
        msg!("{file} lists no immediate results for {name}", "{file} tidak memuat hasil langsung untuk {name}"),
    )
    .label(msg!("no list to choose from", "tidak ada daftar pilihan"))
    .hint(msg!(
        "add `immediate-results: {name}:` with its values to {file} in the workspace, or describe the result in `explanation`",
        "tambahkan `immediate-results: {name}:` beserta nilainya ke {file} di ruang kerja, atau uraikan hasilnya di `explanation`"
    ))
}

/// E051: early results that are not on the methodology's scale.
fn early_results(cx: &mut Context<'_>, doc: &Doc<Review>, cid: &str, c: &CommitmentReview) {
    let m = doc.value.methodology;
    let Some(value) = &c.early_results else { return };
    if !m.is_refreshed() {
        return; // E050 already says the field does not belong.
    }
    let Some(scale) = cx.ws.early_results(m) else { return };
    if scale.level(value).is_some() {
        return;
    }
    let file = format!("methodologies/{}.yaml", m.as_str());
    let d = not_on_scale(value, Scale::EarlyResults, &file, scale.levels.iter().map(|l| l.id.as_str()));
    cx.push(d.at(doc.at(path!["commitments", cid, "early-results"])));
}

/// E051: a degree of change or an immediate result of an end-of-commitment
/// assessment that is not on the methodology's scales.
fn end_of_commitment(
    cx: &mut Context<'_>,
    doc: &Doc<Review>,
    cid: &str,
    value: OgpValue,
    result: &crate::model::ValueResult,
) {
    let m = doc.value.methodology;
    let Some(data) = cx.ws.methodology(m) else { return };
    let file = format!("methodologies/{}.yaml", m.as_str());
    let name = crate::export_kebab(&value).unwrap_or_default();
    let at = |key: &str| doc.at(path!["commitments", cid, "end-of-commitment", "values", name.as_str(), key]);
    if let (Some(change), Some(scale)) = (&result.change, &data.degree_of_change)
        && scale.level(change).is_none()
    {
        let d = not_on_scale(change, Scale::DegreeOfChange, &file, scale.levels.iter().map(|l| l.id.as_str()));
        cx.push(d.at(at("change")));
    }
    if let Some(id) = &result.result {
        let d = match data.immediate_results.get(&value) {
            Some(scale) if scale.level(id).is_some() => return,
            Some(scale) => {
                let scale_name = Scale::ImmediateResults { value: &name };
                not_on_scale(id, scale_name, &file, scale.levels.iter().map(|l| l.id.as_str()))
            }
            None => no_immediate_results(&name, &file),
        };
        cx.push(d.at(at("result")));
    }
}

// ── E052 irm-authorship ──────────────────────────────────────────────────

/// E052 `irm-authorship`: what it checks, why, and how to fix it.
pub const E052: RuleDoc = RuleDoc {
    code: Code::IrmAuthorship,
    home: module_path!(),
    summary: Words::new(
        "A review whose reviewer is the IRM itself: terbuka's reports are IRM-style, and a review that reproduces a published IRM report cites it under `source`.",
        "Tinjauan yang peninjaunya IRM sendiri: laporan terbuka bergaya IRM, dan tinjauan yang mereproduksi laporan IRM terbitan mengutipnya di `source`.",
    ),
    what: Words::new(
        "A review's `reviewer` names the IRM (\"IRM\" as a word, or \"Independent Reporting Mechanism\"). terbuka writes IRM-style reports; the IRM did not write them, and a report must not say it did.",
        "`reviewer` pada tinjauan menyebut IRM (kata \"IRM\", atau \"Independent Reporting Mechanism\"). terbuka menulis laporan bergaya IRM; IRM tidak menulisnya, dan laporan tidak boleh mengatakan demikian.",
    ),
    why: Words::new(
        "terbuka's reports are IRM-style, not IRM reports: naming the IRM as the reviewer would put the IRM's name on a judgment it did not make.",
        "Laporan terbuka bergaya IRM, bukan laporan IRM: menyebut IRM sebagai peninjau berarti mencantumkan nama IRM pada penilaian yang tidak dibuatnya.",
    ),
    fix: Words::new(
        "Name who actually reviewed: a person, an organisation or a Local Monitoring Body (`kind: local-monitoring-body`). When the figures reproduce a published IRM report, cite it under `source:` with its `title`, `author` and `year`; the report then credits that report for its figures.",
        "Tulis siapa yang sebenarnya meninjau: orang, organisasi, atau Badan Pemantau Lokal (`kind: local-monitoring-body`). Bila angkanya menyalin laporan IRM terbitan, kutip laporan itu di `source:` beserta `title`, `author` dan `year`; laporan lalu menyebut laporan itu sebagai sumber angkanya.",
    ),
};

/// Whether `name` names the IRM itself: "IRM" as a word, or "Independent
/// Reporting Mechanism" (any case), or the Indonesian "Mekanisme Pelaporan
/// Independen".
pub(crate) fn names_the_irm(name: &str) -> bool {
    let lower = name.to_lowercase();
    let word = name.split(|c: char| !c.is_alphanumeric()).any(|w| w == "IRM");
    word || lower.contains("independent reporting mechanism") || lower.contains("mekanisme pelaporan independen")
}

/// E052: the reviewer `text` names the IRM; `cites_source` when the review
/// already cites the published report it reproduces.
pub fn irm_authorship(text: &str, cites_source: bool) -> Diagnostic {
    let hint = if cites_source {
        msg!(
            "the published report is already cited under `source`; `reviewer` is who entered or reviewed the figures here (a person, an organisation or a Local Monitoring Body)",
            "laporan terbitan sudah dikutip di `source`; `reviewer` adalah pihak yang memasukkan atau meninjau angka di sini (orang, organisasi, atau Badan Pemantau Lokal)"
        )
    } else {
        msg!(
            "name who actually reviewed (a person, an organisation or a Local Monitoring Body); when the figures come from a published IRM report, cite it under `source:` with its `title`, `author` and `year`",
            "tulis siapa yang sebenarnya meninjau (orang, organisasi, atau Badan Pemantau Lokal); bila angkanya dari laporan IRM terbitan, kutip laporan itu di `source:` beserta `title`, `author` dan `year`"
        )
    };
    Diagnostic::new(
        Code::IrmAuthorship,
        msg!(
            "the reviewer `{text}` names the IRM, but terbuka's reports are IRM-style: the IRM did not write this review",
            "peninjau `{text}` menyebut IRM, padahal laporan terbuka bergaya IRM: IRM tidak menulis tinjauan ini"
        ),
    )
    .hint(hint)
}

/// E052: a reviewer that names the IRM as the author of the review.
fn authorship(cx: &mut Context<'_>, doc: &Doc<Review>) {
    let reviewer = &doc.value.reviewer;
    for (key, text) in [("name", Some(&reviewer.name)), ("organisation", reviewer.organisation.as_ref())] {
        let Some(text) = text.filter(|t| names_the_irm(t)) else { continue };
        cx.push(irm_authorship(text, doc.value.source.is_some()).at(doc.at(path!["reviewer", key])));
    }
}

// ── W016 review-unconfirmed ──────────────────────────────────────────────

/// W016 `review-unconfirmed`: what it checks, why, and how to fix it.
pub const W016: RuleDoc = RuleDoc {
    code: Code::ReviewUnconfirmed,
    home: module_path!(),
    summary: Words::new(
        "A review entry (a commitment's fields, a co-creation answer, a reviewer's level) that `terbuka new review` carried forward with `confirmed: false` and the reviewer has not confirmed: scores and reports leave it out.",
        "Isian tinjauan (kolom komitmen, jawaban ko-kreasi, tingkat dari peninjau) yang dibawa `terbuka new review` dengan `confirmed: false` dan belum dikonfirmasi peninjau: skor dan laporan tidak memuatnya.",
    ),
    what: Words::new(
        "`terbuka new review` carries the previous review's findings forward, each marked `confirmed: false`: a commitment's fields, a co-creation answer, a reviewer's level. Until the reviewer confirms one, scores and reports leave it out (the commitment shows `—`; the check counts as unanswered), so that last period's judgment is never reported as this period's.",
        "`terbuka new review` membawa temuan tinjauan sebelumnya, masing-masing bertanda `confirmed: false`: isian sebuah komitmen, jawaban ko-kreasi, tingkat dari peninjau. Sebelum peninjau mengonfirmasinya, skor dan laporan tidak memuatnya (komitmen tampil `—`; pemeriksaannya dianggap belum dijawab), agar penilaian periode lalu tidak pernah dilaporkan sebagai penilaian periode ini.",
    ),
    why: Words::new(
        "A review carried forward holds last period's judgments: reporting one before the reviewer confirms it would present an old judgment as new.",
        "Tinjauan yang dilanjutkan memuat penilaian periode lalu: melaporkannya sebelum peninjau mengonfirmasi berarti menyajikan penilaian lama sebagai penilaian baru.",
    ),
    fix: Words::new(
        "Check the entry against this period's evidence, change what is not true, then write `confirmed: true` (or delete the `confirmed: false` line).",
        "Periksa isian itu dengan bukti periode ini, ubah yang tidak sesuai, lalu tulis `confirmed: true` (atau hapus baris `confirmed: false`).",
    ),
};

/// A review entry `terbuka new review` carried forward.
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    /// A commitment's review.
    Commitment(&'a str),
    /// A co-creation check's answer.
    CoCreation(&'a str),
    /// The reviewer's level for the point `point` of the institution
    /// `institution`.
    Level { institution: &'a str, point: &'a str },
}

/// W016: a review entry carried forward and not yet confirmed.
pub fn review_unconfirmed(entry: Entry<'_>) -> Diagnostic {
    let what = match entry {
        Entry::Commitment(id) => msg!("the review of commitment `{id}`", "tinjauan komitmen `{id}`"),
        Entry::CoCreation(check) => msg!("the co-creation check `{check}`", "pemeriksaan ko-kreasi `{check}`"),
        Entry::Level { institution: inst, point } => {
            msg!(
                "the reviewer's level for `{point}` of `{inst}`",
                "tingkat dari peninjau untuk `{point}` pada `{inst}`"
            )
        }
    };
    let (en, id) = (&what.en, &what.id);
    Diagnostic::new(Code::ReviewUnconfirmed, msg!("{en} is not yet confirmed", "{id} belum dikonfirmasi"))
        .label(msg!("left out of reports until confirmed", "tidak dimuat dalam laporan sampai dikonfirmasi"))
        .hint(msg!(
            "check it against this period's evidence (`terbuka new review` writes every entry unconfirmed, carried from the previous review or blank), change what is not true, then write `confirmed: true`",
            "periksa dengan bukti periode ini (`terbuka new review` menulis setiap isian belum dikonfirmasi, dibawa dari tinjauan sebelumnya atau kosong), ubah yang tidak sesuai, lalu tulis `confirmed: true`"
        ))
}

/// W016 on what `terbuka new review` carried forward and the reviewer has
/// not confirmed: reports leave it out.
fn unconfirmed_entries(cx: &mut Context<'_>, doc: &Doc<Review>) {
    let r = &doc.value;
    let commitments = r.commitments.iter().filter(|(_, c)| !c.confirmed).map(|(id, _)| {
        (Entry::Commitment(id), vec![Seg::from("commitments"), Seg::from(id.as_str()), Seg::from("confirmed")])
    });
    let checks = r.co_creation.iter().filter(|(_, a)| !a.confirmed).map(|(check, _)| {
        (
            Entry::CoCreation(check.as_str()),
            vec![Seg::from("co-creation"), Seg::from(check.as_str()), Seg::from("confirmed")],
        )
    });
    let levels = r.institutions.iter().flat_map(|(inst, points)| {
        points.iter().filter(|(_, p)| !p.confirmed).map(move |(point, _)| {
            let at = vec![
                Seg::from("institutions"),
                Seg::from(inst.as_str()),
                Seg::from(point.as_str()),
                Seg::from("confirmed"),
            ];
            (Entry::Level { institution: inst, point }, at)
        })
    });
    let found = commitments.chain(checks).chain(levels).collect::<Vec<_>>();
    for (entry, at) in found {
        cx.push(review_unconfirmed(entry).at(doc.at(&at)));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_irm_is_named_as_a_word_or_in_full() {
        for yes in [
            "Independent Reporting Mechanism (IRM), Open Government Partnership",
            "IRM",
            "OGP IRM researcher",
            "independent reporting mechanism",
            "Mekanisme Pelaporan Independen",
        ] {
            assert!(super::names_the_irm(yes), "{yes}");
        }
        for no in ["Firmansyah", "Universitas Brawijaya", "Local Monitoring Body", "irmawati", "Irma"] {
            assert!(!super::names_the_irm(no), "{no}");
        }
    }
}
