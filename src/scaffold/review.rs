//! `reviews/<period>.yaml` as `terbuka new review` writes it: every
//! commitment with the fields its methodology and stage judge, each
//! field's choices in a comment, the co-creation checks at the design
//! stage, and every institution × point for the reviewer's levels, all
//! carried forward from the previous review as `confirmed: false`.

use std::fmt::Write as _;

use schemars::JsonSchema;

use crate::load::Workspace;
use crate::model::{
    CoCreationCheck, Commitment, CommitmentReview, Completion, DidItOpenGovernment, Lang, Methodology, OgpValue,
    Period, PotentialForResults, PotentialImpact, Review, Specificity, Stage, Verifiability,
};

use super::{breaks_yaml, comment_block, comment_text, next_day, scalar, yaml};

/// What the review of `period` is built from.
#[derive(Debug, Clone, Copy)]
pub struct ReviewPlan<'a> {
    /// The period the new file is for.
    pub period: &'a Period,
    /// The methodology it follows.
    pub methodology: Methodology,
    /// Its stage.
    pub stage: Stage,
    /// The review of the latest period before `period`.
    pub previous: Option<&'a Review>,
}

/// The review of the latest period that starts before `period` does.
pub fn previous_review<'a>(ws: &'a Workspace, period: &Period) -> Option<&'a Review> {
    let manifest = &ws.manifest.as_ref()?.value;
    ws.reviews
        .iter()
        .map(|d| &d.value)
        .filter_map(|r| manifest.periods.iter().find(|p| p.id == r.period).map(|p| (p.start, r)))
        .filter(|(start, _)| *start < period.start)
        .max_by_key(|(start, _)| *start)
        .map(|(_, r)| r)
}

/// The stage a new review takes when none is asked for: with the refreshed
/// methodology, the design stage (the inception assessment) until there is
/// one, then the results; with a legacy one, the end of term in the plan's
/// last period, else mid-term.
pub fn default_stage(ws: &Workspace, methodology: Methodology, period: &Period) -> Stage {
    if methodology.is_refreshed() {
        let designed =
            ws.reviews.iter().any(|r| r.value.methodology.is_refreshed() && r.value.stage() == Stage::Design);
        return if designed { Stage::Results } else { Stage::Design };
    }
    let last = ws.manifest.as_ref().and_then(|m| m.value.periods.iter().map(|p| p.end).max());
    if last == Some(period.end) && methodology.stages().contains(&Stage::EndOfTerm) {
        Stage::EndOfTerm
    } else {
        methodology.stages()[0]
    }
}

/// A value on one line: JSON, which YAML reads as flow style, with what
/// YAML reads as a line break or does not allow escaped as `\uXXXX`.
fn flow<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    json.chars().map(|c| if breaks_yaml(c) { format!("\\u{:04X}", u32::from(c)) } else { c.to_string() }).collect()
}

/// The values of a kebab-case enum, from its JSON Schema.
fn choices<T: JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    let value = schema.as_value();
    let consts = value.get("enum").and_then(|e| e.as_array()).cloned().unwrap_or_else(|| {
        let one_of = value.get("oneOf").and_then(|o| o.as_array()).cloned().unwrap_or_default();
        one_of.iter().filter_map(|v| v.get("const").or_else(|| v.get("enum")?.get(0)).cloned()).collect()
    });
    consts.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
}

/// The text of `reviews/<period>.yaml`.
pub fn review(ws: &Workspace, plan: &ReviewPlan<'_>, lang: Lang) -> String {
    let (period, m, stage) = (plan.period, plan.methodology, plan.stage);
    let (pid, label, method, stage_name) = (&period.id, period.label.get(lang), m.as_str(), stage.as_str());
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=../schema/review.json\n");
    let intro = match (plan.previous, lang) {
        (Some(prev), Lang::En) => {
            let from = &prev.period;
            format!(
                "The review of {pid} ({label}), {method}, stage {stage_name}, written by `terbuka new review` from the review of {from}. Every commitment and every reviewer level still holds what the review of {from} found, marked `confirmed: false`: reports leave it out until it is confirmed. For each one: check it against this period's evidence, change what is not true, then write `confirmed: true` (or delete the line). The choices of each field are in the comment beside it. Run `terbuka validate` when you are done."
            )
        }
        (Some(prev), Lang::Id) => {
            let from = &prev.period;
            format!(
                "Tinjauan periode {pid} ({label}), {method}, tahap {stage_name}, dibuat oleh `terbuka new review` dari tinjauan periode {from}. Setiap komitmen dan setiap tingkat dari peninjau masih berisi temuan tinjauan {from} dan bertanda `confirmed: false`: laporan tidak memuatnya sebelum dikonfirmasi. Untuk masing-masing: periksa dengan bukti periode ini, ubah yang tidak sesuai, lalu tulis `confirmed: true` (atau hapus barisnya). Pilihan setiap isian tercantum di komentar di sampingnya. Jalankan `terbuka validate` setelah selesai."
            )
        }
        (None, Lang::En) => format!(
            "The review of {pid} ({label}), {method}, stage {stage_name}, written by `terbuka new review`; there is no earlier review to carry forward. For each commitment, remove the `# ` before the fields you judge and choose a value from the comment beside it; then write `confirmed: true`. Run `terbuka validate` when you are done."
        ),
        (None, Lang::Id) => format!(
            "Tinjauan periode {pid} ({label}), {method}, tahap {stage_name}, dibuat oleh `terbuka new review`; belum ada tinjauan sebelumnya yang dapat dilanjutkan. Untuk setiap komitmen, hapus tanda `# ` di depan isian yang Anda nilai dan pilih nilai dari komentar di sampingnya; lalu tulis `confirmed: true`. Jalankan `terbuka validate` setelah selesai."
        ),
    };
    comment_block(&mut out, &intro);
    out.push('\n');
    let _ = writeln!(out, "period: {}", scalar(pid));
    let _ = writeln!(out, "methodology: {method}");
    let _ = writeln!(out, "stage: {stage_name}");
    reviewer(&mut out, ws, plan.previous);
    let when = if lang == Lang::En { "the day the review is finalised" } else { "tanggal tinjauan difinalkan" };
    let _ = writeln!(out, "# submitted: {}    # {when}", next_day(period.end));
    if m.is_refreshed() && stage == Stage::Design {
        co_creation(&mut out, plan.previous, lang);
    }
    commitments(&mut out, ws, plan, lang);
    institutions(&mut out, ws, plan.previous, lang);
    out
}

fn reviewer(out: &mut String, ws: &Workspace, previous: Option<&Review>) {
    out.push_str("reviewer:\n");
    if let Some(r) = previous {
        for line in yaml(&r.reviewer).lines() {
            let _ = writeln!(out, "  {line}");
        }
        return;
    }
    let body = ws.manifest.as_ref().and_then(|m| m.value.monitoring_body.as_ref());
    match body {
        Some(b) => {
            let name = b.name.get(ws.manifest.as_ref().map_or(Lang::Id, |m| m.value.languages[0]));
            let _ = writeln!(out, "  name: {}", scalar(name));
            out.push_str("  kind: local-monitoring-body\n");
        }
        None => {
            out.push_str("  name: \"\"    # the person or body who reviews / orang atau badan peninjau\n");
            out.push_str("  # kind: person    # person, organisation, local-monitoring-body\n");
        }
    }
}

fn co_creation(out: &mut String, previous: Option<&Review>, lang: Lang) {
    out.push('\n');
    comment_block(
        out,
        match lang {
            Lang::En => {
                "The co-creation checks of the inception assessment: answer each `yes` or `no`, with a brief explanation and evidence (interviews, links, documents). `terbuka validate` and the reports compute what the logs in terbuka.yaml can decide (the forum, its meetings, the website) and take the rest from here."
            }
            Lang::Id => {
                "Pemeriksaan ko-kreasi pada penilaian awal: jawab masing-masing `yes` atau `no`, dengan penjelasan singkat dan bukti (wawancara, tautan, dokumen). `terbuka validate` dan laporan menghitung yang dapat ditentukan log di terbuka.yaml (forum multipihak, rapatnya, situs web) dan mengambil sisanya dari sini."
            }
        },
    );
    out.push_str("co-creation:\n");
    for check in CoCreationCheck::ALL {
        let label = crate::cycle::requirements::label(check);
        let _ = writeln!(out, "  # {}", label.get(lang));
        match previous.and_then(|p| p.co_creation.get(&check)) {
            Some(answer) => {
                let mut carried = answer.clone();
                carried.confirmed = false;
                let _ = writeln!(out, "  {}:", check.as_str());
                for line in yaml(&carried).lines() {
                    if line.starts_with("answer:") {
                        let _ = writeln!(out, "    {line}    # yes, no");
                    } else {
                        let _ = writeln!(out, "    {line}");
                    }
                }
            }
            None => {
                let _ = writeln!(
                    out,
                    "  # {}: {{answer: yes, explanation: \"\", evidence: []}}    # yes, no",
                    check.as_str()
                );
            }
        }
    }
}

/// The fields the methodology judges at the stage, with their choices.
fn fields(ws: &Workspace, m: Methodology, stage: Stage) -> Vec<(&'static str, String)> {
    let values = Methodology::ogp_values(Some(m)).iter().filter_map(crate::export_kebab).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    if m.is_refreshed() {
        out.push(("verifiability", choices::<Verifiability>()));
        out.push(("relevance", format!("[...] of {values}")));
        out.push(("potential-for-results", choices::<PotentialForResults>()));
        out.push(("promising", "true, false".to_owned()));
        if stage == Stage::Results {
            out.push(("completion", choices::<Completion>()));
            let scale = ws.early_results(m).map(|s| s.levels.iter().map(|l| l.id.to_string()).collect::<Vec<_>>());
            out.push(("early-results", scale.unwrap_or_default().join(", ")));
        }
    } else {
        out.push(("specificity", choices::<Specificity>()));
        out.push(("relevance", format!("[...] of {values}")));
        out.push(("potential-impact", choices::<PotentialImpact>()));
        out.push(("completion", choices::<Completion>()));
        out.push(("on-time", "true, false".to_owned()));
        if stage == Stage::EndOfTerm {
            out.push(("did-it-open-government", choices::<DidItOpenGovernment>()));
        }
    }
    out
}

/// A field's value in a review (`review`, serialised once per commitment),
/// as YAML, if it has one.
fn value(review: &serde_yaml::Value, field: &str) -> Option<String> {
    let v = review.get(field)?;
    if v.as_sequence().is_some_and(|s| s.is_empty()) {
        return None;
    }
    let text = match v.as_sequence() {
        Some(seq) => format!("[{}]", seq.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", ")),
        None => yaml(v).trim_end().to_owned(),
    };
    Some(text)
}

fn commitments(out: &mut String, ws: &Workspace, plan: &ReviewPlan<'_>, lang: Lang) {
    let (m, stage, period) = (plan.methodology, plan.stage, plan.period);
    let fields = fields(ws, m, stage);
    let mut commitments = ws
        .commitments
        .iter()
        .map(|d| &d.value)
        .filter(|c| c.withdrawn_by(period.start).is_none())
        .collect::<Vec<&Commitment>>();
    commitments.sort_by_key(|c| (c.number, c.id.clone()));
    out.push('\n');
    out.push_str("commitments:\n");
    for c in commitments {
        let _ = writeln!(out, "  # {}. {}", c.number, comment_text(c.title.get(lang)));
        let _ = writeln!(out, "  {}:", c.id);
        out.push_str("    confirmed: false\n");
        let previous = plan.previous.and_then(|p| p.commitments.get(&c.id));
        let carried = previous.and_then(|p| serde_yaml::to_value(p).ok());
        for (field, choices) in &fields {
            match carried.as_ref().and_then(|p| value(p, field)) {
                Some(v) => {
                    let _ = writeln!(out, "    {field}: {v}    # {choices}");
                }
                None => {
                    let _ = writeln!(out, "    # {field}:    # {choices}");
                }
            }
        }
        match previous.and_then(|p| p.note.as_ref()) {
            Some(note) => {
                let _ = writeln!(out, "    note: {}", flow(note));
            }
            None => out.push_str("    # note: \"\"\n"),
        }
        // The end-of-commitment assessment, for a commitment that has
        // ended by the end of the period.
        if m.is_refreshed() && c.end <= period.end {
            end_of_commitment(out, ws, m, previous, lang);
        }
    }
}

fn end_of_commitment(
    out: &mut String,
    ws: &Workspace,
    m: Methodology,
    previous: Option<&CommitmentReview>,
    lang: Lang,
) {
    if let Some(eoc) = previous.and_then(|p| p.end_of_commitment.as_ref()) {
        out.push_str("    end-of-commitment:\n");
        for line in yaml(eoc).lines() {
            let _ = writeln!(out, "      {line}");
        }
        return;
    }
    let data = ws.methodology(m);
    let changes = data
        .and_then(|d| d.degree_of_change.as_ref())
        .map(|s| s.levels.iter().map(|l| l.id.to_string()).collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    let (head, attach) = match lang {
        Lang::En => ("the end-of-commitment assessment, a month after the commitment ends", "up to three"),
        Lang::Id => ("penilaian akhir komitmen, sebulan setelah komitmen berakhir", "paling banyak tiga"),
    };
    let _ = writeln!(out, "    # {head}:");
    out.push_str("    # end-of-commitment:\n");
    out.push_str("    #   submitted: \n");
    out.push_str("    #   values:\n");
    for value in [OgpValue::Transparency, OgpValue::CivicParticipation, OgpValue::PublicAccountability] {
        let name = crate::export_kebab(&value).unwrap_or_default();
        let results = data
            .and_then(|d| d.immediate_results.get(&value))
            .map(|s| s.levels.iter().map(|l| l.id.to_string()).collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        let _ = writeln!(out, "    #     {name}:");
        let _ = writeln!(out, "    #       change:        # {changes}");
        let _ = writeln!(out, "    #       result:        # {results}");
        out.push_str("    #       explanation: \"\"\n");
    }
    out.push_str("    #   lessons: \"\"\n");
    let _ = writeln!(out, "    #   attachments: []    # {attach}: - {{file: evidence/...}}");
}

fn institutions(out: &mut String, ws: &Workspace, previous: Option<&Review>, lang: Lang) {
    let Some(rubric) = ws.rubric() else { return };
    let rubric = &rubric.value;
    let scale = rubric
        .scale
        .iter()
        .map(|s| format!("{} {}", s.level, comment_text(s.label.get(lang))))
        .collect::<Vec<_>>()
        .join(", ");
    out.push('\n');
    comment_block(
        out,
        &match lang {
            Lang::En => format!(
                "The reviewer's own level for an institution's point, where it differs from the self-assessment ({scale}). Remove the `# ` before the ones you judge."
            ),
            Lang::Id => format!(
                "Tingkat menurut peninjau untuk poin sebuah institusi, bila berbeda dengan penilaian mandiri ({scale}). Hapus tanda `# ` di depan yang Anda nilai."
            ),
        },
    );
    out.push_str("institutions:\n");
    let mut institutions = ws.institutions.iter().map(|d| &d.value).collect::<Vec<_>>();
    institutions.sort_by(|a, b| a.id.cmp(&b.id));
    let empty = institutions.iter().all(|i| previous.and_then(|p| p.institutions.get(&i.id)).is_none());
    if empty {
        // `institutions:` with nothing under it reads as no levels.
        out.truncate(out.len() - "institutions:\n".len());
        out.push_str("# institutions:\n");
    }
    for inst in institutions {
        let carried = previous.and_then(|p| p.institutions.get(&inst.id));
        let prefix = if carried.is_some() { "" } else { "# " };
        let _ = writeln!(out, "  {prefix}{}:    # {}", inst.id, comment_text(inst.name.get(lang)));
        for point in &rubric.points {
            match carried.and_then(|c| c.get(&point.id)) {
                Some(level) => {
                    let note = level.note.as_ref().map(|n| format!(", note: {}", flow(n))).unwrap_or_default();
                    let _ = writeln!(out, "    {}: {{level: {}, confirmed: false{note}}}", point.id, level.level);
                }
                None => {
                    let _ =
                        writeln!(out, "    # {}: {{level: }}    # {}", point.id, comment_text(point.title.get(lang)));
                }
            }
        }
    }
}
