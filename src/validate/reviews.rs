//! Rules on reviews: the period (E015, E017), the commitments, institutions
//! and points they name (E011, E012, E014), levels (E020), the fields,
//! values and stage that the named methodology has (E050), early results
//! on the methodology's scale (E051), and authorship (E052): terbuka's
//! reports are IRM-style, so a review may not name the IRM as its author.

use crate::diag::{Code, Diagnostic, Msg};
use crate::load::Doc;
use crate::model::{CommitmentReview, Methodology, OgpValue, Review, Stage};
use crate::msg;
use crate::path;

use super::{Context, unknown};

pub(super) fn check(cx: &mut Context<'_>) {
    let levels = cx.levels();
    for doc in &cx.ws.reviews {
        let r = &doc.value;
        if cx.check_period(&r.period, || doc.at(path!["period"])) && doc.stem() != r.period {
            let (period, stem) = (&r.period, doc.stem());
            cx.push(
                Diagnostic::new(
                    Code::IdMismatch,
                    msg!(
                        "this review is for `{period}` but the file is named `{stem}.yaml`",
                        "tinjauan ini untuk `{period}` tetapi nama berkasnya `{stem}.yaml`"
                    ),
                )
                .at(doc.at(path!["period"]))
                .hint(msg!(
                    "rename the file to reviews/{period}.yaml",
                    "ganti nama berkas menjadi reviews/{period}.yaml"
                )),
            );
        }
        stage(cx, doc);
        authorship(cx, doc);
        for (cid, c) in &r.commitments {
            cx.check_commitment(cid, || doc.key_at(path!["commitments", cid]));
            fields(cx, doc, cid, c);
            values(cx, doc, cid, c);
            early_results(cx, doc, cid, c);
        }
        let rubric = cx.rubric;
        for (iid, points) in &r.institutions {
            cx.check_institution(iid, || doc.key_at(path!["institutions", iid]));
            let Some(rubric) = rubric else { continue };
            for (pid, p) in points {
                if !rubric.value.points.iter().any(|q| &q.id == pid) {
                    cx.push(
                        unknown(
                            Code::UnknownPoint,
                            pid,
                            rubric.value.points.iter().map(|q| q.id.as_str()),
                            msg!("unknown rubric point `{pid}`", "poin rubrik `{pid}` tidak dikenal"),
                            msg!("not a point of the rubric", "bukan poin dalam rubrik"),
                        )
                        .at(doc.key_at(path!["institutions", iid, pid])),
                    );
                }
                if !levels.contains(&p.level) {
                    let level = p.level;
                    cx.push(
                        Diagnostic::new(
                            Code::LevelOutOfScale,
                            msg!(
                                "the level {level} is not on the rubric's scale",
                                "level {level} tidak ada dalam skala rubrik"
                            ),
                        )
                        .at(doc.at(path!["institutions", iid, pid, "level"])),
                    );
                }
            }
        }
    }
}

/// The stages a methodology has, written for a hint.
fn stage_list(m: Methodology) -> String {
    m.stages().iter().map(|s| format!("`{}`", s.as_str())).collect::<Vec<_>>().join(", ")
}

/// E050: a stage the methodology does not have.
fn stage(cx: &mut Context<'_>, doc: &Doc<Review>) {
    let r = &doc.value;
    let Some(stage) = r.stage else { return };
    if r.methodology.stages().contains(&stage) {
        return;
    }
    let (method, name, list) = (r.methodology.as_str(), stage.as_str(), stage_list(r.methodology));
    cx.push(
        Diagnostic::new(
            Code::ReviewScaleMismatch,
            msg!(
                "the stage `{name}` is not part of the `{method}` methodology",
                "tahap `{name}` bukan bagian dari metodologi `{method}`"
            ),
        )
        .at(doc.at(path!["stage"]))
        .hint(msg!(
            "`{method}` reviews are at the stage {list} (the first when `stage` is left out)",
            "tinjauan `{method}` berada pada tahap {list} (yang pertama bila `stage` tidak ditulis)"
        )),
    );
}

/// Whether `name` names the IRM itself: "IRM" as a word, or "Independent
/// Reporting Mechanism" (any case), or the Indonesian "Mekanisme Pelaporan
/// Independen".
pub(crate) fn names_the_irm(name: &str) -> bool {
    let lower = name.to_lowercase();
    let word = name.split(|c: char| !c.is_alphanumeric()).any(|w| w == "IRM");
    word || lower.contains("independent reporting mechanism") || lower.contains("mekanisme pelaporan independen")
}

/// E052: a reviewer that names the IRM as the author of the review.
fn authorship(cx: &mut Context<'_>, doc: &Doc<Review>) {
    let reviewer = &doc.value.reviewer;
    for (key, text) in [("name", Some(&reviewer.name)), ("organisation", reviewer.organisation.as_ref())] {
        let Some(text) = text.filter(|t| names_the_irm(t)) else { continue };
        let text = text.clone();
        let hint = if doc.value.source.is_some() {
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
        cx.push(
            Diagnostic::new(
                Code::IrmAuthorship,
                msg!(
                    "the reviewer `{text}` names the IRM, but terbuka's reports are IRM-style: the IRM did not write this review",
                    "peninjau `{text}` menyebut IRM, padahal laporan terbuka bergaya IRM: IRM tidak menulis tinjauan ini"
                ),
            )
            .at(doc.at(path!["reviewer", key]))
            .hint(hint),
        );
    }
}

/// E050: fields the methodology, or its stage, does not have.
fn fields(cx: &mut Context<'_>, doc: &Doc<Review>, cid: &str, c: &CommitmentReview) {
    let r = &doc.value;
    let (m, stage) = (r.methodology, r.stage());
    let method = m.as_str();
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
        let hint = if m.is_refreshed() {
            msg!(
                "refreshed reviews use `verifiability`, `relevance` (the open-government lens), `potential-for-results`, `promising`, and in the Results Report `completion` and `early-results`",
                "tinjauan versi baru memakai `verifiability`, `relevance` (lensa pemerintahan terbuka), `potential-for-results`, `promising`, serta pada Laporan Hasil `completion` dan `early-results`"
            )
        } else {
            msg!(
                "legacy reviews use `specificity`, `relevance`, `potential-impact`, `completion`, `on-time`, and at the end of term `did-it-open-government`",
                "tinjauan versi lama memakai `specificity`, `relevance`, `potential-impact`, `completion`, `on-time`, serta pada akhir periode `did-it-open-government`"
            )
        };
        push_field(
            cx,
            doc,
            cid,
            key,
            msg!(
                "`{key}` is not part of the `{method}` methodology",
                "`{key}` bukan bagian dari metodologi `{method}`"
            ),
            hint,
        );
    }
    let name = stage.as_str();
    let judged_later: Vec<(&str, bool)> = match stage {
        Stage::Design => vec![("completion", c.completion.is_some()), ("early-results", c.early_results.is_some())],
        Stage::MidTerm => vec![("did-it-open-government", c.did_it_open_government.is_some())],
        Stage::EndOfTerm | Stage::Results => Vec::new(),
    };
    for (key, _) in judged_later.into_iter().filter(|(_, present)| *present) {
        let hint = match stage {
            Stage::Design => msg!(
                "the Action Plan Review judges the design; completion and early results belong in the Results Report (`stage: results`)",
                "Tinjauan Rencana Aksi menilai rancangan; penyelesaian dan hasil awal dinilai dalam Laporan Hasil (`stage: results`)"
            ),
            _ => msg!(
                "\"did it open government?\" is judged at the end of term (`stage: end-of-term`)",
                "\"apakah membuka pemerintahan?\" dinilai pada akhir periode (`stage: end-of-term`)"
            ),
        };
        push_field(
            cx,
            doc,
            cid,
            key,
            msg!(
                "`{key}` is not judged at the `{name}` stage of `{method}`",
                "`{key}` tidak dinilai pada tahap `{name}` metodologi `{method}`"
            ),
            hint,
        );
    }
}

fn push_field(cx: &mut Context<'_>, doc: &Doc<Review>, cid: &str, key: &str, message: Msg, hint: Msg) {
    cx.push(
        Diagnostic::new(Code::ReviewScaleMismatch, message).at(doc.key_at(path!["commitments", cid, key])).hint(hint),
    );
}

/// E050: OGP values the methodology does not use (the refreshed lens says
/// `transparency` where legacy reviews say `access-to-information`).
fn values(cx: &mut Context<'_>, doc: &Doc<Review>, cid: &str, c: &CommitmentReview) {
    let m = doc.value.methodology;
    let method = m.as_str();
    for (i, v) in c.relevance.iter().enumerate() {
        let hint = match (m.is_refreshed(), v) {
            (true, OgpValue::AccessToInformation) => msg!(
                "the refreshed open-government lens calls it `transparency`",
                "lensa pemerintahan terbuka versi baru menyebutnya `transparency`"
            ),
            (false, OgpValue::Transparency) => msg!(
                "legacy reviews call it `access-to-information`",
                "tinjauan versi lama menyebutnya `access-to-information`"
            ),
            (false, OgpValue::Inclusion) => msg!(
                "inclusion is a value of the refreshed open-government lens only; legacy reviews use `access-to-information`, `civic-participation`, `public-accountability` and `technology-and-innovation`",
                "inklusi hanya ada pada lensa pemerintahan terbuka versi baru; tinjauan versi lama memakai `access-to-information`, `civic-participation`, `public-accountability` dan `technology-and-innovation`"
            ),
            _ => continue,
        };
        let value = v.as_str();
        cx.push(
            Diagnostic::new(
                Code::ReviewScaleMismatch,
                msg!(
                    "the value `{value}` is not part of the `{method}` methodology",
                    "nilai `{value}` bukan bagian dari metodologi `{method}`"
                ),
            )
            .at(doc.at(path!["commitments", cid, "relevance", i]))
            .hint(hint),
        );
    }
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
    cx.push(
        unknown(
            Code::NotOnScale,
            value,
            scale.levels.iter().map(|l| l.id.as_str()),
            msg!("`{value}` is not on the early-results scale", "`{value}` tidak ada dalam skala hasil awal"),
            msg!("not a value in {file}", "bukan nilai dalam {file}"),
        )
        .at(doc.at(path!["commitments", cid, "early-results"])),
    );
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
