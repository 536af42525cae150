//! The local minimum requirements and co-creation checks, each decided from
//! the logs where the data can decide it and from the review where it
//! needs judgment, and each naming what it rests on.
//!
//! - `forum`: the forum in `terbuka.yaml` (`steering-committee`); without
//!   one the requirement is not met, with one the reviewer's answer (its
//!   remit and governance are judgment) decides, else it is met.
//! - `multi-stakeholder`: the forum's members (or, without members, the
//!   meetings' attendees) include government and non-government sectors.
//! - `forum-meets-regularly`: the meeting log, from the plan's start to
//!   today (or the plan's end), never more than six months without one.
//! - `website`: the update log, never more than four months without one;
//!   no `website` at all is a gap.
//! - `information-before-meetings`: each meeting's `papers-shared` before
//!   its date; decided by the log when every meeting records it or one
//!   shows it late.
//! - `endorsed`, `reasoned-response`, `contrary-to-process`: the review's
//!   answers only.
//!
//! A log decides only when it has entries; an empty log leaves the check to
//! the review's answer, and with neither the check is `unknown`.

use serde::Serialize;

use crate::diag::{Location, Msg};
use crate::load::{Doc, Workspace};
use crate::model::{Answer, CoCreationCheck, Date, Manifest, Review, Sector, Text};
use crate::{msg, path};

use super::{FORUM_MONTHS, WEBSITE_MONTHS, add_months};

/// Whether a requirement is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Met.
    Met,
    /// Not met.
    Gap,
    /// Neither the logs nor a review decide it.
    Unknown,
}

/// What decided a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// A log in `terbuka.yaml`, computed.
    Log,
    /// The reviewer's answer.
    Review,
    /// Nothing.
    None,
}

/// One requirement's result.
#[derive(Debug, Clone)]
pub struct Requirement {
    /// The check.
    pub check: CoCreationCheck,
    /// Met, not met, or unknown.
    pub verdict: Verdict,
    /// What decided it.
    pub basis: Basis,
    /// What the logs show, when they show something.
    pub computed: Option<Msg>,
    /// The reviewer's answer, when confirmed.
    pub answer: Option<Answer>,
    /// The reviewer's explanation.
    pub explanation: Option<Text>,
    /// The period of the review that answered.
    pub answered_in: Option<crate::model::Id>,
    /// What it rests on: files and addresses, and the log it was computed
    /// from (`terbuka.yaml: steering-committee.meetings`).
    pub evidence: Vec<String>,
    /// Where a gap is to be mended: the log entry, or the review's answer.
    pub at: Option<Location>,
}

/// What a log shows for one check.
struct Computed {
    met: bool,
    /// Whether the log settles it both ways (else only a gap is settled,
    /// and a met log leaves the judgment to the reviewer).
    decides: bool,
    detail: Msg,
    evidence: Vec<String>,
    at: Option<Location>,
}

/// Every check, in the order the inception assessment asks them, for the
/// day `today`.
pub fn requirements(ws: &Workspace, today: Date) -> Vec<Requirement> {
    let Some(manifest) = &ws.manifest else { return Vec::new() };
    let reviews = super::reviews_in_order(ws);
    let inception = super::inception(ws);
    CoCreationCheck::ALL
        .into_iter()
        .map(|check| {
            let computed = compute(manifest, check, today);
            // The last review that answers, confirmed.
            let answered = reviews.iter().rev().find_map(|r| {
                let a = r.value.co_creation.get(&check).filter(|a| a.confirmed)?;
                Some((*r, a))
            });
            let mut evidence = Vec::new();
            if let Some(c) = &computed {
                evidence.extend(c.evidence.iter().cloned());
            }
            if let Some((_, a)) = answered {
                evidence.extend(a.evidence.iter().filter_map(|e| e.file.clone().or_else(|| e.url.clone())));
            }
            let mut seen = std::collections::BTreeSet::new();
            evidence.retain(|e| seen.insert(e.clone()));
            let answer_at = |r: &Doc<Review>| r.at(path!["co-creation", check.as_str(), "answer"]);
            let (verdict, basis, at) = match (&computed, answered) {
                (Some(c), _) if c.decides || !c.met => (verdict(c.met), Basis::Log, c.at.clone()),
                (_, Some((r, a))) => (verdict(a.answer == check.passing()), Basis::Review, Some(answer_at(r))),
                (Some(c), None) => (verdict(c.met), Basis::Log, c.at.clone()),
                (None, None) => {
                    // The inception assessment answers it; without one,
                    // the monitoring body that writes it.
                    let at = inception
                        .map(|r| r.at(path!["co-creation"]))
                        .unwrap_or_else(|| manifest.at(path!["monitoring-body"]));
                    (Verdict::Unknown, Basis::None, Some(at))
                }
            };
            Requirement {
                check,
                verdict,
                basis,
                computed: computed.map(|c| c.detail),
                answer: answered.map(|(_, a)| a.answer),
                explanation: answered.and_then(|(_, a)| a.explanation.clone()),
                answered_in: answered.map(|(r, _)| r.value.period.clone()),
                evidence,
                at,
            }
        })
        .collect()
}

fn verdict(met: bool) -> Verdict {
    if met { Verdict::Met } else { Verdict::Gap }
}

/// What the logs of `terbuka.yaml` show for `check`, if they show anything.
fn compute(doc: &Doc<Manifest>, check: CoCreationCheck, today: Date) -> Option<Computed> {
    let m = &doc.value;
    let plan = &m.action_plan;
    let end = today.min(plan.end);
    let sc = m.steering_committee.as_ref();
    match check {
        CoCreationCheck::Forum => Some(match sc {
            Some(sc) => {
                let (since, n) = (sc.established, sc.members.len());
                Computed {
                    met: true,
                    decides: false,
                    detail: msg!(
                        "the forum is recorded, established {since}, with {n} members",
                        "forum multipihak tercatat, dibentuk {since}, dengan {n} anggota"
                    ),
                    evidence: sc
                        .decree
                        .iter()
                        .cloned()
                        .chain(["terbuka.yaml: steering-committee".to_owned()])
                        .collect(),
                    at: Some(doc.at(path!["steering-committee"])),
                }
            }
            None => Computed {
                met: false,
                decides: true,
                detail: msg!(
                    "terbuka.yaml records no forum (`steering-committee:`)",
                    "terbuka.yaml tidak mencatat forum multipihak (`steering-committee:`)"
                ),
                evidence: Vec::new(),
                at: Some(Location::file(&doc.file)),
            },
        }),
        CoCreationCheck::MultiStakeholder => {
            let sc = sc?;
            let (sectors, from, at): (Vec<Sector>, _, _) = if sc.members.is_empty() {
                let sectors =
                    sc.meetings.iter().flat_map(|m| m.attendees.iter().filter(|(_, n)| **n > 0).map(|(s, _)| *s));
                (sectors.collect(), "meetings", doc.at(path!["steering-committee", "meetings"]))
            } else {
                (
                    sc.members.iter().map(|m| m.sector).collect(),
                    "members",
                    doc.at(path!["steering-committee", "members"]),
                )
            };
            if sectors.is_empty() {
                return None;
            }
            let government = sectors.iter().filter(|s| **s == Sector::Government).count();
            let others = sectors.len() - government;
            let met = government > 0 && others > 0;
            let detail = if from == "members" {
                msg!(
                    "the forum's members: {government} from government, {others} from outside it",
                    "anggota forum multipihak: {government} dari pemerintah, {others} dari luar pemerintah"
                )
            } else {
                msg!(
                    "the meetings' attendees: {government} entries from government, {others} from outside it",
                    "peserta rapat: {government} entri dari pemerintah, {others} dari luar pemerintah"
                )
            };
            Some(Computed {
                met,
                decides: true,
                detail,
                evidence: vec![format!("terbuka.yaml: steering-committee.{from}")],
                at: Some(at),
            })
        }
        CoCreationCheck::ForumMeetsRegularly => {
            let meetings = &sc?.meetings;
            let dates = meetings.iter().map(|m| m.date).collect::<Vec<_>>();
            let evidence = vec!["terbuka.yaml: steering-committee.meetings".to_owned()];
            let at = |i: usize| doc.at(path!["steering-committee", "meetings", i, "date"]);
            regular(&dates, plan.start, end, FORUM_MONTHS, evidence, at, Log::Meetings)
        }
        CoCreationCheck::Website => {
            let Some(site) = &m.website else {
                return Some(Computed {
                    met: false,
                    decides: true,
                    detail: msg!(
                        "terbuka.yaml records no OGP Local web page (`website:`)",
                        "terbuka.yaml tidak mencatat halaman web OGP Lokal (`website:`)"
                    ),
                    evidence: Vec::new(),
                    at: Some(Location::file(&doc.file)),
                });
            };
            let dates = site.updates.iter().map(|u| u.date).collect::<Vec<_>>();
            let evidence = vec![site.url.clone(), "terbuka.yaml: website.updates".to_owned()];
            let at = |i: usize| doc.at(path!["website", "updates", i, "date"]);
            regular(&dates, plan.start, end, WEBSITE_MONTHS, evidence, at, Log::Updates)
        }
        CoCreationCheck::InformationBeforeMeetings => {
            // The meetings held by `end`.
            let meetings = sc?.meetings.iter().filter(|m| m.date <= end).collect::<Vec<_>>();
            let recorded = meetings.iter().filter(|m| m.papers_shared.is_some()).count();
            let late = meetings.iter().position(|m| m.papers_shared.is_some_and(|p| p >= m.date));
            let evidence = vec!["terbuka.yaml: steering-committee.meetings.papers-shared".to_owned()];
            if let Some(i) = late {
                let (date, shared) = (meetings[i].date, meetings[i].papers_shared.unwrap_or(meetings[i].date));
                return Some(Computed {
                    met: false,
                    decides: true,
                    detail: msg!(
                        "the papers of the meeting of {date} were shared on {shared}, not before it",
                        "bahan rapat {date} dibagikan pada {shared}, bukan sebelumnya"
                    ),
                    evidence,
                    at: Some(at_meeting(doc, meetings[i], "papers-shared")),
                });
            }
            if recorded == 0 || recorded < meetings.len() {
                return None;
            }
            Some(Computed {
                met: true,
                decides: true,
                detail: msg!(
                    "the papers of all {recorded} meetings were shared before the meeting",
                    "bahan semua ({recorded}) rapat dibagikan sebelum rapatnya"
                ),
                evidence,
                at: None,
            })
        }
        CoCreationCheck::Endorsed | CoCreationCheck::ReasonedResponse | CoCreationCheck::ContraryToProcess => None,
    }
}

/// Where a meeting's `key` is written.
fn at_meeting(doc: &Doc<Manifest>, meeting: &crate::model::Meeting, key: &str) -> Location {
    let meetings = doc.value.steering_committee.as_ref().map(|sc| sc.meetings.as_slice()).unwrap_or_default();
    match meetings.iter().position(|m| std::ptr::eq(m, meeting)) {
        Some(i) => doc.at(path!["steering-committee", "meetings", i, key]),
        None => doc.at(path!["steering-committee", "meetings"]),
    }
}

/// Which log [`regular`] reads.
#[derive(Clone, Copy)]
enum Log {
    Meetings,
    Updates,
}

/// Whether `dates` (a log, in any order) leave no stretch longer than
/// `months` between `start` and `end`; `None` for an empty log.
fn regular(
    dates: &[Date],
    start: Date,
    end: Date,
    months: u32,
    evidence: Vec<String>,
    at: impl Fn(usize) -> Location,
    log: Log,
) -> Option<Computed> {
    // What happened after `end` is not known on that day.
    let mut order = (0..dates.len()).filter(|&i| dates[i] <= end).collect::<Vec<_>>();
    order.sort_by_key(|&i| dates[i]);
    let (&first, &last) = (order.first()?, order.last()?);
    // The first stretch longer than the rule, from the plan's start (or an
    // entry) to the next entry, or from the last entry to `end`: its days,
    // the entry that opens it and the one that closes it (`None`: `end`).
    let mut from = (start, None);
    let mut gap = None;
    for to in order.iter().map(|&i| (dates[i], Some(i))).chain([(end, None)]) {
        if add_months(from.0, months) < to.0 {
            gap = Some((from.0, to.0, from.1, to.1));
            break;
        }
        if to.0 > from.0 {
            from = to;
        }
    }
    let (n, first_date, last_date) = (order.len(), dates[first], dates[last]);
    Some(match gap {
        Some((a, b, before, after)) => {
            let detail = match log {
                Log::Meetings => msg!(
                    "no meeting from {a} to {b}: more than {months} months",
                    "tidak ada rapat dari {a} sampai {b}: lebih dari {months} bulan"
                ),
                Log::Updates => msg!(
                    "no update from {a} to {b}: more than {months} months",
                    "tidak ada pembaruan dari {a} sampai {b}: lebih dari {months} bulan"
                ),
            };
            // The entry after the stretch, or the last one before it.
            let i = after.or(before).unwrap_or(last);
            Computed { met: false, decides: true, detail, evidence, at: Some(at(i)) }
        }
        None => {
            let detail = match log {
                Log::Meetings => msg!(
                    "{n} meetings from {first_date} to {last_date}, never more than {months} months apart",
                    "{n} rapat dari {first_date} sampai {last_date}, tidak pernah berselang lebih dari {months} bulan"
                ),
                Log::Updates => msg!(
                    "{n} updates from {first_date} to {last_date}, never more than {months} months apart",
                    "{n} pembaruan dari {first_date} sampai {last_date}, tidak pernah berselang lebih dari {months} bulan"
                ),
            };
            Computed { met: true, decides: true, detail, evidence, at: None }
        }
    })
}

/// The check's name, as reports and messages give it.
pub fn label(check: CoCreationCheck) -> Msg {
    let (en, id) = match check {
        CoCreationCheck::Forum => ("A multi-stakeholder forum exists", "Ada forum multipihak"),
        CoCreationCheck::MultiStakeholder => (
            "The forum includes government and non-government members",
            "Forum beranggotakan unsur pemerintah dan nonpemerintah",
        ),
        CoCreationCheck::ForumMeetsRegularly => {
            ("The forum meets at least every six months", "Forum multipihak bertemu paling sedikit setiap enam bulan")
        }
        CoCreationCheck::Endorsed => (
            "Non-government stakeholders endorsed the plan before submission",
            "Pemangku kepentingan nonpemerintah menyetujui rencana aksi sebelum diserahkan",
        ),
        CoCreationCheck::Website => (
            "The OGP Local web page is online and updated at least every four months",
            "Halaman web OGP Lokal daring dan diperbarui paling sedikit setiap empat bulan",
        ),
        CoCreationCheck::InformationBeforeMeetings => {
            ("Information is shared before the meetings", "Informasi dibagikan sebelum rapat")
        }
        CoCreationCheck::ReasonedResponse => (
            "Stakeholders get a reasoned response to their input",
            "Pemangku kepentingan mendapat tanggapan beralasan atas masukannya",
        ),
        CoCreationCheck::ContraryToProcess => (
            "The government did not act contrary to the OGP process",
            "Pemerintah tidak bertindak bertentangan dengan proses OGP",
        ),
    };
    Msg::new(en, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn run(dates: &[&str], start: &str, end: &str, months: u32) -> (bool, String) {
        let dates = dates.iter().map(|s| d(s)).collect::<Vec<_>>();
        let file: std::sync::Arc<str> = "terbuka.yaml".into();
        let c = regular(&dates, d(start), d(end), months, Vec::new(), |i| Location::span(&file, i, i), Log::Meetings)
            .unwrap();
        (c.met, c.detail.en)
    }

    #[test]
    fn a_stretch_longer_than_the_rule_is_a_gap_wherever_it_is() {
        // Between two meetings.
        let (met, detail) = run(&["2025-03-10", "2025-08-01", "2026-03-01"], "2025-03-01", "2026-04-01", 6);
        assert!(!met);
        assert_eq!(detail, "no meeting from 2025-08-01 to 2026-03-01: more than 6 months");
        // From the plan's start to the first meeting.
        let (met, detail) = run(&["2025-10-01"], "2025-03-01", "2025-11-01", 6);
        assert!(!met, "{detail}");
        // From the last meeting to today.
        let (met, detail) = run(&["2025-03-10", "2025-06-01"], "2025-03-01", "2026-01-01", 6);
        assert_eq!((met, detail.as_str()), (false, "no meeting from 2025-06-01 to 2026-01-01: more than 6 months"));
        // Exactly six months is within the rule; the log in any order.
        let (met, detail) = run(&["2025-09-01", "2025-03-01"], "2025-03-01", "2026-03-01", 6);
        assert!(met, "{detail}");
        assert_eq!(detail, "2 meetings from 2025-03-01 to 2025-09-01, never more than 6 months apart");
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(add_months(d("2025-08-31"), 6), d("2026-02-28"));
        assert_eq!(add_months(d("2025-02-20"), 2), d("2025-04-20"));
    }
}
