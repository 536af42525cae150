//! Files that `terbuka new` writes: a period's assessment carried forward
//! from the institution's previous one, and a fresh workspace. Pure
//! functions from the model to text; the CLI decides where they go and
//! never lets them overwrite anything.

mod review;

use std::fmt::Write as _;

use chrono::Datelike;

use crate::load::Workspace;
use crate::model::{Assessment, Commitment, Confirmed, Date, Lang, MilestoneProgress, Period, PointAssessment, Rubric};

pub use review::{ReviewPlan, default_stage, previous_review, review};

/// What the assessment of `institution` for `period` is built from.
#[derive(Debug, Clone, Copy)]
pub struct AssessmentPlan<'a> {
    /// The institution's id.
    pub institution: &'a str,
    /// The period the new file is for.
    pub period: &'a Period,
    /// The institution's assessment of the latest period before `period`.
    pub previous: Option<&'a Assessment>,
}

/// The period `new assessment` writes when none is given: the one after the
/// institution's newest assessment (by start date), or the newest period
/// when it has none. `Err` holds the newest assessed period when the
/// manifest lists none after it.
pub fn default_period<'a>(ws: &'a Workspace, institution: &str) -> Result<Option<&'a Period>, &'a Period> {
    let Some(manifest) = &ws.manifest else { return Ok(None) };
    let mut periods = manifest.value.periods.iter().collect::<Vec<_>>();
    periods.sort_by_key(|p| p.start);
    let newest = periods
        .iter()
        .rposition(|p| ws.assessments.iter().any(|a| a.value.institution == institution && a.value.period == p.id));
    match newest {
        None => Ok(periods.last().copied()),
        Some(i) => periods.get(i + 1).copied().map(Some).ok_or(periods[i]),
    }
}

/// The institution's assessment of the latest period that starts before
/// `period` does.
pub fn previous_assessment<'a>(ws: &'a Workspace, institution: &str, period: &Period) -> Option<&'a Assessment> {
    let manifest = &ws.manifest.as_ref()?.value;
    ws.assessments
        .iter()
        .map(|d| &d.value)
        .filter(|a| a.institution == institution)
        .filter_map(|a| manifest.periods.iter().find(|p| p.id == a.period).map(|p| (p.start, a)))
        .filter(|(start, _)| *start < period.start)
        .max_by_key(|(start, _)| *start)
        .map(|(_, a)| a)
}

/// The text of `assessments/<period>/<institution>.yaml`: every rubric
/// point with the previous period's level, justification and evidence (or
/// the lowest level when there is none), each `confirmed: false`, with the
/// rubric's descriptors as comments; then the progress on every milestone
/// of the commitments the institution leads or supports.
pub fn assessment(ws: &Workspace, plan: &AssessmentPlan<'_>, lang: Lang) -> String {
    let t = |en: &'static str, id: &'static str| if lang == Lang::En { en } else { id };
    let (inst_id, period) = (plan.institution, plan.period);
    let institution = ws.institutions_by_id().get(inst_id).map(|d| &d.value);
    let name = institution.map(|i| i.name.get(lang).to_owned()).unwrap_or_else(|| inst_id.to_owned());
    let mut out = String::new();
    out.push_str("# yaml-language-server: $schema=../../schema/assessment.json\n");
    let (pid, label) = (&period.id, period.label.get(lang));
    match lang {
        Lang::En => {
            let _ = writeln!(out, "# Self-assessment of {name} ({inst_id}) for {pid} ({label}).");
        }
        Lang::Id => {
            let _ = writeln!(out, "# Penilaian mandiri {name} ({inst_id}) untuk periode {pid} ({label}).");
        }
    }
    let running = milestone_commitments(ws, plan);
    let (what_en, what_id) =
        if running.is_empty() { ("point", "poin") } else { ("point and milestone", "poin dan tonggak capaian") };
    match plan.previous {
        Some(prev) => {
            let from = &prev.period;
            comment_block(
                &mut out,
                &match lang {
                    Lang::En => format!(
                        "Written by `terbuka new assessment` from the assessment of {from}. Every {what_en} still holds what was claimed in {from}, marked `confirmed: false`. For each one: check that the level, the justification and the evidence are still true for {pid}, change what is not, then write `confirmed: true`. Until then the point scores as the lowest level and `terbuka validate` warns (W006). Run `terbuka validate` when you are done."
                    ),
                    Lang::Id => format!(
                        "Dibuat oleh `terbuka new assessment` dari penilaian periode {from}. Setiap {what_id} masih berisi klaim periode {from} dan bertanda `confirmed: false`. Untuk setiap poin: periksa apakah tingkat, justifikasi, dan buktinya masih benar untuk periode {pid}, ubah yang tidak sesuai, lalu tulis `confirmed: true`. Sebelum itu, poin tersebut dihitung pada tingkat terendah dan `terbuka validate` memberi peringatan (W006). Jalankan `terbuka validate` setelah selesai."
                    ),
                },
            );
        }
        None => comment_block(
            &mut out,
            &match lang {
                Lang::En => format!(
                    "Written by `terbuka new assessment`; there is no earlier assessment of {inst_id} to carry forward. For each point: choose the level that the rubric's descriptions (in the comments) fit, write why under `justification`, list the evidence, then write `confirmed: true`. Run `terbuka validate` when you are done."
                ),
                Lang::Id => format!(
                    "Dibuat oleh `terbuka new assessment`; belum ada penilaian {inst_id} sebelumnya yang dapat dilanjutkan. Untuk setiap poin: pilih level yang sesuai dengan uraian rubrik (di komentar), tulis alasannya di `justification`, cantumkan buktinya, lalu tulis `confirmed: true`. Jalankan `terbuka validate` setelah selesai."
                ),
            },
        ),
    }
    out.push('\n');
    let _ = writeln!(out, "institution: {}", scalar(inst_id));
    let _ = writeln!(out, "period: {}", scalar(&period.id));
    out.push_str("assessor:\n");
    let assessor = plan.previous.map(|p| p.assessor.clone());
    let focal = institution.map(|i| i.focal_point.name.clone());
    let assessor_name = focal.or_else(|| assessor.as_ref().map(|a| a.name.clone())).unwrap_or_default();
    let _ = writeln!(out, "  name: {}", scalar(&assessor_name));
    let role = assessor.and_then(|a| a.role).unwrap_or_else(|| "focal point".to_owned());
    let _ = writeln!(out, "  role: {}", scalar(&role));
    let _ = writeln!(
        out,
        "# submitted: {}    # {}",
        next_day(period.end),
        t("the date you hand it in", "tanggal berkas ini diserahkan")
    );

    if let Some(rubric) = ws.rubric() {
        points(&mut out, &rubric.value, plan.previous, lang);
    }
    milestones(&mut out, plan, &running, lang);
    out
}

/// The commitments with milestones that the institution leads or supports
/// and that run during the period, by number.
fn milestone_commitments<'a>(ws: &'a Workspace, plan: &AssessmentPlan<'_>) -> Vec<&'a Commitment> {
    let inst = plan.institution;
    let mut commitments = ws
        .commitments
        .iter()
        .map(|d| &d.value)
        .filter(|c| c.lead == inst || c.supporting.iter().any(|s| s == inst))
        .filter(|c| !c.milestones.is_empty() && c.start <= plan.period.end && c.end >= plan.period.start)
        .collect::<Vec<&Commitment>>();
    commitments.sort_by_key(|c| (c.number, c.id.clone()));
    commitments
}

fn points(out: &mut String, rubric: &Rubric, previous: Option<&Assessment>, lang: Lang) {
    let lowest = rubric.scale.iter().map(|s| s.level).min().unwrap_or(0);
    out.push_str("\npoints:\n");
    for point in &rubric.points {
        let _ = writeln!(out, "  # {}. {}", point.number, comment_text(point.title.get(lang)));
        for scale in &rubric.scale {
            let descriptor = point.descriptors.get(&scale.level).map(|d| d.get(lang)).unwrap_or("");
            let line = format!("{} {} — {descriptor}", scale.level, scale.label.get(lang));
            hanging_comment(out, "  #   ", "  #     ", line.trim_end_matches([' ', '—']));
        }
        if let Some(from) = point.evidence_required_from {
            let _ = writeln!(
                out,
                "  # {}",
                match lang {
                    Lang::En =>
                        format!("Level {from} and above needs evidence (a file under evidence/ or an https:// link)."),
                    Lang::Id => format!(
                        "Level {from} ke atas memerlukan bukti (berkas di folder evidence/ atau tautan https://)."
                    ),
                }
            );
        }
        let claim = previous.and_then(|p| p.points.get(&point.id));
        let carried = PointAssessment {
            level: claim.map_or(lowest, |c| c.level),
            confirmed: Confirmed::new(false),
            justification: claim.and_then(|c| c.justification.clone()),
            evidence: claim.map(|c| c.evidence.clone()).unwrap_or_default(),
        };
        let _ = writeln!(out, "  {}:", point.id);
        let body = yaml(&carried);
        let note = match (previous, claim) {
            (Some(p), Some(c)) => format!("    # {}: {}", p.period, c.level),
            _ => String::new(),
        };
        for line in body.lines() {
            if line.starts_with("evidence") && carried.justification.is_none() {
                let _ = writeln!(out, "    justification: \"\"");
            }
            if line.starts_with("level:") {
                let _ = writeln!(out, "    {line}{note}");
            } else if line == "evidence: []" {
                let _ = writeln!(out, "    evidence: []    # - {{file: evidence/..., note: ...}}");
            } else {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
}

/// Progress on the milestones of the commitments the institution leads or
/// supports that run during the period: last period's report carried
/// forward unconfirmed, and the milestones it did not report on as
/// comments, ready to uncomment.
fn milestones(out: &mut String, plan: &AssessmentPlan<'_>, commitments: &[&Commitment], lang: Lang) {
    let inst = plan.institution;
    if commitments.is_empty() {
        out.push('\n');
        comment_block(
            out,
            match lang {
                Lang::En => {
                    "No `commitments:` section: none of the commitments this institution leads or supports runs during this period (see their `start` and `end`)."
                }
                Lang::Id => {
                    "Tidak ada bagian `commitments:`: tidak ada komitmen yang dipimpin atau didukung institusi ini yang berjalan pada periode ini (lihat `start` dan `end` komitmen)."
                }
            },
        );
        return;
    }
    out.push('\n');
    comment_block(
        out,
        match lang {
            Lang::En => {
                "Progress on the milestones of the commitments you lead or support that run in this period. completion: not-started, limited, substantial or complete (IRM's scale). Progress carried forward is confirmed as the points are. To report on a milestone shown as a comment, remove its `# `."
            }
            Lang::Id => {
                "Kemajuan tonggak capaian dari komitmen yang Anda pimpin atau dukung dan berjalan pada periode ini. completion: not-started (belum dimulai), limited (terbatas), substantial (substansial) atau complete (selesai), sesuai skala IRM. Capaian bawaan periode lalu dikonfirmasi seperti poin. Untuk melaporkan tonggak capaian yang masih berupa komentar, hapus tanda `# ` di depannya."
            }
        },
    );
    out.push_str("commitments:\n");
    for &c in commitments {
        let role = if c.lead == inst {
            if lang == Lang::En { "you lead it" } else { "Anda pemimpinnya" }
        } else if lang == Lang::En {
            "you support it"
        } else {
            "Anda pendukungnya"
        };
        let _ = writeln!(out, "  # {}. {} ({role})", c.number, comment_text(c.title.get(lang)));
        let _ = writeln!(out, "  {}:", c.id);
        for m in &c.milestones {
            let due = if lang == Lang::En { "due" } else { "tenggat" };
            let _ = writeln!(out, "    # {} ({due} {})", comment_text(m.title.get(lang)), m.due);
            let previous = plan.previous.and_then(|p| p.commitments.get(&c.id)).and_then(|ms| ms.get(&m.id));
            let Some(previous) = previous else {
                let _ = writeln!(out, "    # {}: {{completion: not-started}}", m.id);
                continue;
            };
            let progress = MilestoneProgress {
                completion: previous.completion,
                confirmed: Confirmed::new(false),
                note: previous.note.clone(),
                evidence: previous.evidence.clone(),
            };
            let _ = writeln!(out, "    {}:", m.id);
            for line in yaml(&progress).lines() {
                if line == "evidence: []" {
                    continue;
                }
                let _ = writeln!(out, "      {line}");
            }
        }
    }
}

/// A value as block YAML (serde_yaml quotes what needs quoting).
fn yaml<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

/// A scalar as YAML: plain when that reads back as the same string,
/// quoted otherwise (`no`, `1.0`, `2017-01-01`, text with `: `).
fn scalar(s: &str) -> String {
    yaml(&s).trim_end().to_owned()
}

/// The day after `date` (the same day at the end of the calendar).
fn next_day(date: Date) -> Date {
    date.succ_opt().unwrap_or(date)
}

/// Text from YAML made safe for a `#` comment: every line break YAML knows
/// (`\r`, `\u{85}`, `\u{2028}`, `\u{2029}`) and every character YAML does
/// not allow in a file becomes a space, so that a title can neither end the
/// comment and write a key nor make the file unreadable.
pub(crate) fn comment_text(text: &str) -> String {
    text.chars().map(|c| if breaks_yaml(c) { ' ' } else { c }).collect()
}

/// Whether YAML reads `c` as a line break, or does not allow it in a file
/// (a tab counts: a comment needs none).
pub(crate) fn breaks_yaml(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `text` as `# ` comment lines of at most about 100 columns.
fn comment_block(out: &mut String, text: &str) {
    hanging_comment(out, "# ", "# ", text);
}

/// `text` as comment lines of at most about 100 columns: the first starts
/// with `first`, the rest with `rest`.
fn hanging_comment(out: &mut String, first: &str, rest: &str, text: &str) {
    let mut lead = first;
    let mut line = String::new();
    let text = comment_text(text);
    for word in text.split_whitespace() {
        let width = 100usize.saturating_sub(lead.chars().count());
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            let _ = writeln!(out, "{lead}{line}");
            line.clear();
            lead = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{lead}{line}");
    }
}

/// The files of a fresh workspace: (path, text).
pub fn workspace(today: Date, lang: Lang) -> Vec<(String, String)> {
    let year = today.year();
    let (period, start, end, label_id, label_en) = if today.month() <= 6 {
        (format!("{year}-s1"), format!("{year}-01-01"), format!("{year}-06-30"), "Semester I", "First half of")
    } else {
        (format!("{year}-s2"), format!("{year}-07-01"), format!("{year}-12-31"), "Semester II", "Second half of")
    };
    let languages = match lang {
        Lang::Id => "[id, en]",
        Lang::En => "[en, id]",
    };
    let fill = |text: &str| {
        text.replace("2016–2017", "{year}–{next}")
            .replace("{year}", &year.to_string())
            .replace("{next}", &(year + 1).to_string())
            .replace("{period}", &period)
            .replace("{start}", &start)
            .replace("{end}", &end)
            .replace("{label_id}", label_id)
            .replace("{label_en}", label_en)
            .replace("{languages}", languages)
    };
    let files = [
        ("terbuka.yaml", fill(include_str!("scaffold/terbuka.yaml"))),
        ("rubrics/ogp-implementation-points.yaml", fill(include_str!("scaffold/rubric.yaml"))),
        ("commitments/open-data.yaml", fill(include_str!("scaffold/open-data.yaml"))),
        ("institutions/diskominfo.yaml", fill(include_str!("scaffold/diskominfo.yaml"))),
        ("evidence/diskominfo/README.md", fill(include_str!("scaffold/evidence-readme.md"))),
        ("README.md", fill(include_str!("scaffold/README.md"))),
        (
            ".gitignore",
            "out/\n# terbuka's temporary files, left only when a run is killed\n.terbuka-*.tmp\n".to_owned(),
        ),
    ];
    let schemas = crate::schema::all().into_iter().map(|(name, text)| (format!("schema/{name}"), text));
    files.into_iter().map(|(path, text)| (path.to_owned(), text)).chain(schemas).collect()
}
