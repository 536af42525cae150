//! What is due and what is late on a given day (`terbuka status`, and
//! `validate`'s W015): the inception assessment, each end-of-commitment
//! assessment, the assessments of the current period, points carried
//! forward unconfirmed, overdue milestones, the forum's next meeting and
//! the website's next update.
//!
//! The monitoring body's items (inception, end-of-commitment, forum,
//! website) are listed only for a workspace that names a `monitoring-body`;
//! the institutions' items for every workspace.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::diag::{Location, Msg};
use crate::load::Workspace;
use crate::model::{Date, Period};
use crate::score::irm::milestones;
use crate::{msg, path};

use super::{END_OF_COMMITMENT_MONTHS, FORUM_MONTHS, INCEPTION_MONTHS, WEBSITE_MONTHS, add_months};

/// What is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The inception assessment, two months after the plan's submission.
    Inception,
    /// A commitment's end-of-commitment assessment, a month after its end.
    EndOfCommitment,
    /// An institution's self-assessment for a period.
    Assessment,
    /// Points or milestones carried forward and not yet confirmed.
    Unconfirmed,
    /// A milestone past its due date and not complete.
    Milestone,
    /// The forum's next meeting, six months after its last.
    ForumMeeting,
    /// The website's next update, four months after its last.
    WebsiteUpdate,
}

impl Kind {
    /// The kebab-case name, as JSON gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Inception => "inception",
            Kind::EndOfCommitment => "end-of-commitment",
            Kind::Assessment => "assessment",
            Kind::Unconfirmed => "unconfirmed",
            Kind::Milestone => "milestone",
            Kind::ForumMeeting => "forum-meeting",
            Kind::WebsiteUpdate => "website-update",
        }
    }
}

/// Where an item stands on the day asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Past its due date and not done.
    Late,
    /// Not done, and not yet late.
    Open,
    /// Done after its due date.
    DoneLate,
    /// Done by its due date.
    Done,
}

impl State {
    /// The kebab-case name, as JSON gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Late => "late",
            State::Open => "open",
            State::DoneLate => "done-late",
            State::Done => "done",
        }
    }
}

/// One thing due.
#[derive(Debug, Clone)]
pub struct Item {
    /// What kind of thing.
    pub kind: Kind,
    /// Where it stands.
    pub state: State,
    /// When it is (or was) due.
    pub due: Date,
    /// When it was done, if it was.
    pub done: Option<Date>,
    /// What it is about: a commitment, an institution, a period.
    pub subject: String,
    /// What is due, in a sentence.
    pub what: Msg,
    /// Where to record it.
    pub at: Option<Location>,
}

fn state(due: Date, done: Option<Date>, today: Date) -> State {
    match done {
        Some(d) if d <= due => State::Done,
        Some(_) => State::DoneLate,
        None if today > due => State::Late,
        None => State::Open,
    }
}

/// Everything due in `ws` on `today`: late first, then open, then done;
/// each group by due date.
pub fn items(ws: &Workspace, today: Date) -> Vec<Item> {
    let mut out = Vec::new();
    if super::monitored(ws) {
        monitoring_body(ws, today, &mut out);
    }
    institutions(ws, today, &mut out);
    out.sort_by(|a, b| (a.state, a.due, a.kind, &a.subject).cmp(&(b.state, b.due, b.kind, &b.subject)));
    out
}

fn monitoring_body(ws: &Workspace, today: Date, out: &mut Vec<Item>) {
    let Some(doc) = &ws.manifest else { return };
    let m = &doc.value;
    let plan = &m.action_plan;
    if let Some(submitted) = plan.submitted {
        let due = add_months(submitted, INCEPTION_MONTHS);
        let review = super::inception(ws);
        let done = review.and_then(|r| r.value.submitted);
        let at = match review {
            Some(r) => r.at(path!["submitted"]),
            None => doc.at(path!["action-plan", "submitted"]),
        };
        out.push(Item {
            kind: Kind::Inception,
            state: state(due, done, today),
            due,
            done,
            subject: plan.id.to_string(),
            what: msg!(
                "the inception assessment, {INCEPTION_MONTHS} months after the plan's submission on {submitted}",
                "penilaian awal, {INCEPTION_MONTHS} bulan setelah rencana aksi diserahkan pada {submitted}"
            ),
            at: Some(at),
        });
    }
    for c in &ws.commitments {
        let commitment = &c.value;
        if commitment.withdrawn_by(today).is_some() {
            continue;
        }
        let (cid, end) = (commitment.id.as_str(), commitment.end);
        let due = add_months(end, END_OF_COMMITMENT_MONTHS);
        let found = super::end_of_commitment(ws, cid);
        let done = found.and_then(|(_, e)| e.submitted);
        let at = match found {
            Some((r, _)) => r.at(path!["commitments", cid, "end-of-commitment", "submitted"]),
            None => c.at(path!["end"]),
        };
        out.push(Item {
            kind: Kind::EndOfCommitment,
            state: state(due, done, today),
            due,
            done,
            subject: cid.to_owned(),
            what: msg!(
                "the end-of-commitment assessment of `{cid}`, {END_OF_COMMITMENT_MONTHS} month after it ends on {end}",
                "penilaian akhir komitmen `{cid}`, {END_OF_COMMITMENT_MONTHS} bulan setelah komitmen berakhir pada {end}"
            ),
            at: Some(at),
        });
    }
    if let Some(sc) = &m.steering_committee {
        // A meeting logged ahead (planned) is not one held.
        let last = sc.meetings.iter().enumerate().filter(|(_, mt)| mt.date <= today).max_by_key(|(_, mt)| mt.date);
        let (from, at) = match last {
            Some((i, mt)) => (mt.date, doc.at(path!["steering-committee", "meetings", i, "date"])),
            None => (plan.start, doc.at(path!["steering-committee"])),
        };
        next(out, Kind::ForumMeeting, from, FORUM_MONTHS, plan.end, today, at, last.is_some());
    }
    if let Some(site) = &m.website {
        let last = site.updates.iter().enumerate().filter(|(_, u)| u.date <= today).max_by_key(|(_, u)| u.date);
        let (from, at) = match last {
            Some((i, u)) => (u.date, doc.at(path!["website", "updates", i, "date"])),
            None => (plan.start, doc.at(path!["website"])),
        };
        next(out, Kind::WebsiteUpdate, from, WEBSITE_MONTHS, plan.end, today, at, last.is_some());
    }
}

/// The next forum meeting or website update, `months` after `from` (the
/// last one, or the plan's start when `logged` is false), unless that falls
/// after the plan's end.
#[allow(clippy::too_many_arguments)]
fn next(out: &mut Vec<Item>, kind: Kind, from: Date, months: u32, end: Date, today: Date, at: Location, logged: bool) {
    let due = add_months(from, months);
    if due > end {
        return;
    }
    let what = match (kind, logged) {
        (Kind::ForumMeeting, true) => msg!(
            "the forum's next meeting, {months} months after its last on {from}",
            "rapat forum multipihak berikutnya, {months} bulan setelah rapat terakhir pada {from}"
        ),
        (Kind::ForumMeeting, false) => msg!(
            "a forum meeting, {months} months after the plan's start on {from} (no meeting is logged)",
            "rapat forum multipihak, {months} bulan setelah rencana aksi dimulai pada {from} (belum ada rapat tercatat)"
        ),
        (_, true) => msg!(
            "the website's next update, {months} months after its last on {from}",
            "pembaruan situs web berikutnya, {months} bulan setelah pembaruan terakhir pada {from}"
        ),
        (_, false) => msg!(
            "a website update, {months} months after the plan's start on {from} (no update is logged)",
            "pembaruan situs web, {months} bulan setelah rencana aksi dimulai pada {from} (belum ada pembaruan tercatat)"
        ),
    };
    let subject = if kind == Kind::ForumMeeting { "forum" } else { "website" };
    out.push(Item {
        kind,
        state: state(due, None, today),
        due,
        done: None,
        subject: subject.to_owned(),
        what,
        at: Some(at),
    });
}

fn institutions(ws: &Workspace, today: Date, out: &mut Vec<Item>) {
    let periods = ws.manifest.iter().flat_map(|m| m.value.periods.iter()).collect::<Vec<_>>();
    // The current period and the last one that has ended.
    let current = periods.iter().find(|p| p.start <= today && today <= p.end);
    let ended = periods.iter().filter(|p| p.end < today).max_by_key(|p| p.end);
    for p in current.into_iter().chain(ended) {
        missing(ws, p, today, out);
    }
    for doc in &ws.assessments {
        let a = &doc.value;
        let Some(p) = periods.iter().find(|p| p.id == a.period) else { continue };
        let points =
            a.points.iter().filter(|(_, pt)| !pt.confirmed.get()).map(|(id, _)| id.as_str()).collect::<Vec<_>>();
        let progress = a
            .commitments
            .iter()
            .flat_map(|(cid, ms)| {
                ms.iter().filter(|(_, m)| !m.confirmed.get()).map(move |(mid, _)| (cid.as_str(), mid.as_str()))
            })
            .collect::<Vec<_>>();
        if points.is_empty() && progress.is_empty() {
            continue;
        }
        let at = match (points.first(), progress.first()) {
            (Some(pt), _) => doc.at(path!["points", *pt, "confirmed"]),
            (None, Some((c, m))) => doc.at(path!["commitments", *c, *m, "confirmed"]),
            (None, None) => continue,
        };
        let (inst, period, n) = (a.institution.as_str(), a.period.as_str(), points.len() + progress.len());
        let entries = if n == 1 { "entry" } else { "entries" };
        out.push(Item {
            kind: Kind::Unconfirmed,
            state: state(p.end, None, today),
            due: p.end,
            done: None,
            subject: format!("{inst}/{period}"),
            what: msg!(
                "{n} {entries} of {inst} for {period} carried forward and not yet confirmed",
                "{n} entri {inst} untuk {period} terbawa dari periode lalu dan belum dikonfirmasi"
            ),
            at: Some(at),
        });
    }
    let reports = milestones::reports_by_period(ws, Date::MAX);
    for c in &ws.commitments {
        let commitment = &c.value;
        for (i, m) in commitment.milestones.iter().enumerate() {
            if m.due >= today || !milestones::overdue(commitment, &reports, &m.id, m.due, today) {
                continue;
            }
            let (cid, mid, due) = (commitment.id.as_str(), m.id.as_str(), m.due);
            out.push(Item {
                kind: Kind::Milestone,
                state: State::Late,
                due,
                done: None,
                subject: format!("{cid}/{mid}"),
                what: msg!(
                    "milestone `{mid}` of `{cid}`, due {due}, not reported complete",
                    "tonggak capaian `{mid}` pada `{cid}`, jatuh tempo {due}, belum dilaporkan selesai"
                ),
                at: Some(c.at(path!["milestones", i, "due"])),
            });
        }
    }
}

/// The institutions with no assessment for `p`.
fn missing(ws: &Workspace, p: &Period, today: Date, out: &mut Vec<Item>) {
    let done = ws.assessments.iter().filter(|a| a.value.period == p.id).map(|a| a.value.institution.as_str());
    let done = done.collect::<BTreeSet<_>>();
    for inst in &ws.institutions {
        let id = inst.value.id.as_str();
        if done.contains(id) {
            continue;
        }
        let (period, file) = (p.id.as_str(), format!("assessments/{}/{id}.yaml", p.id));
        out.push(Item {
            kind: Kind::Assessment,
            state: state(p.end, None, today),
            due: p.end,
            done: None,
            subject: format!("{id}/{period}"),
            what: msg!(
                "the self-assessment of {id} for {period} ({file}; `terbuka new assessment --institution {id} --period {period}`)",
                "penilaian mandiri {id} untuk {period} ({file}; `terbuka new assessment --institution {id} --period {period}`)"
            ),
            at: Some(inst.at(path!["id"])),
        });
    }
}
