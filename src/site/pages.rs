//! What each page of the site shows, in one language: built from the same
//! views as the PDF reports (the period report of every period, each
//! institution's scorecards), with what a web page adds: links, each
//! commitment's and institution's history across periods, the evidence as
//! files and addresses to open, charts as SVG.

use minijinja::Value;
use serde::Serialize;

use crate::model::{Commitment, EvidenceItem, Lang};
use crate::report::view::{CommitmentView, Hashes, Input, PeriodReport, Scorecard};

/// What every page has: the language, the way back to the site's root,
/// the other language's copy of the page, the plan and the feedback
/// address.
#[derive(Debug, Clone, Serialize)]
pub struct Common {
    /// `id` or `en`.
    pub lang: &'static str,
    /// From this page to the site's root (`../`, `../../`).
    pub root: String,
    /// From this page to its language's home.
    pub home: String,
    /// The page in each language.
    pub languages: Vec<LanguageLink>,
    /// The page's title.
    pub title: String,
    /// The jurisdiction's name.
    pub jurisdiction: String,
    /// The action plan's title.
    pub plan: String,
    /// Its span.
    pub plan_span: String,
    /// The period shown.
    pub period: String,
    /// The period's span.
    pub period_span: String,
    /// The workspace's notice (e.g. that the values are illustrative).
    pub notice: Option<String>,
    /// Where citizens send feedback.
    pub feedback: Option<FeedbackView>,
}

/// A link to the page in one language.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// `id`, `en`.
    pub code: &'static str,
    /// Its name, in itself.
    pub name: String,
    /// Where the page is in that language.
    pub href: String,
    /// This page's language.
    pub current: bool,
    /// "Choose a language", in that language.
    pub choose: &'static str,
    /// What the site is, in that language (on the language chooser).
    pub about: String,
}

/// The feedback address.
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackView {
    /// An e-mail address.
    pub email: Option<String>,
    /// A form's address (http or https).
    pub url: Option<String>,
    /// A sentence shown with them.
    pub note: Option<String>,
}

/// One evidence item as a link: a file copied into the site, or an address.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceLink {
    /// What the link shows: the file's path or the address.
    pub text: String,
    /// Where it goes; none when the file is not in the site.
    pub href: Option<String>,
    /// `file` or `link`.
    pub kind: &'static str,
    /// The file's whole SHA-256.
    pub sha256: Option<String>,
    /// What it shows.
    pub note: String,
    /// Its date.
    pub date: String,
    /// Who cites it, when the page lists several institutions' evidence.
    pub by: String,
}

/// The site's evidence links, from one page's depth.
pub struct Links<'a> {
    /// The hashes of every file copied into the site.
    pub hashes: &'a Hashes,
    /// From the page to the site's root.
    pub root: &'a str,
}

impl Links<'_> {
    /// The link of a cited reference (a workspace path or an address).
    pub fn of(&self, reference: &str) -> (Option<String>, &'static str, Option<String>) {
        if let Some((sha, _)) = self.hashes.get(reference) {
            return (Some(format!("{}files/{}", self.root, href_path(reference))), "file", Some(sha.clone()));
        }
        let web = reference.starts_with("https://") || reference.starts_with("http://");
        (web.then(|| reference.to_owned()), if web { "link" } else { "file" }, None)
    }

    /// An evidence item of the model as a link.
    pub fn item(&self, input: &Input<'_>, item: &EvidenceItem) -> EvidenceLink {
        let text = item.file.clone().or_else(|| item.url.clone()).unwrap_or_default();
        let (href, kind, sha256) = self.of(&text);
        EvidenceLink {
            text,
            href,
            kind,
            sha256,
            note: input.tr_opt(item.note.as_ref()).unwrap_or_default(),
            date: item.date.map(|d| input.strings.date(d)).unwrap_or_default(),
            by: String::new(),
        }
    }
}

/// A workspace path as a relative URL: each step percent-encoded.
pub fn href_path(path: &str) -> String {
    path.split('/').map(percent).collect::<Vec<_>>().join("/")
}

fn percent(step: &str) -> String {
    let mut out = String::with_capacity(step.len());
    for b in step.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One commitment's row on the home page.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentRow {
    /// Its number.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// Its page.
    pub href: String,
    /// The lead institution.
    pub lead: String,
    /// Its completion, labelled.
    pub completion: String,
    /// The progress bar.
    pub bar: Value,
}

/// A commitment's place on the completion scale: its index in
/// [`svg::COMPLETION`] (0 not started … 3 complete), or none without
/// evidence, withdrawn or outside its span.
pub fn completion_level(view: &CommitmentView, statuses: &[crate::score::irm::CommitmentStatus]) -> Option<usize> {
    use crate::model::Completion;
    let status = statuses.iter().find(|s| s.commitment == view.id)?;
    match status.completion? {
        Completion::NoEvidenceAvailable => None,
        Completion::NotStarted => Some(0),
        Completion::Limited => Some(1),
        Completion::Substantial => Some(2),
        Completion::Complete => Some(3),
    }
}

/// A milestone's status in each period.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneHistory {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its deliverable.
    pub deliverable: Option<String>,
    /// Due.
    pub due: String,
    /// One cell per period, oldest first.
    pub cells: Vec<MilestoneCell>,
    /// Late in the period shown: why, in the reporting institution's
    /// words, or the site's note.
    pub late: Option<String>,
}

/// A milestone in one period.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneCell {
    /// Completion, labelled (or a dash).
    pub completion: String,
    /// Past due and not complete.
    pub overdue: bool,
    /// Why it is not counted, if it is not.
    pub uncounted: Vec<String>,
}

/// A period's heading in a history table.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodHead {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: String,
}

/// The history of one commitment's milestones across `reports` (oldest
/// first), with why each late one is late in the last period.
pub fn milestone_history(
    input: &Input<'_>,
    commitment: &Commitment,
    reports: &[&PeriodReport],
    late_note: &str,
) -> Vec<MilestoneHistory> {
    let views = reports.iter().map(|r| r.commitments.iter().find(|c| c.id == commitment.id)).collect::<Vec<_>>();
    let last = reports.last().map(|r| r.period.id.as_str()).unwrap_or("");
    commitment
        .milestones
        .iter()
        .map(|m| {
            let cells = views
                .iter()
                .map(|v| {
                    let mv = v.and_then(|v| v.milestones.iter().find(|x| x.id == m.id));
                    MilestoneCell {
                        completion: mv.map_or_else(|| "–".to_owned(), |x| x.completion.clone()),
                        overdue: mv.is_some_and(|x| x.overdue),
                        uncounted: mv.map(|x| x.uncounted.clone()).unwrap_or_default(),
                    }
                })
                .collect::<Vec<_>>();
            let late = cells.last().is_some_and(|c| c.overdue).then(|| {
                let notes = input
                    .ws
                    .assessments
                    .iter()
                    .filter(|a| a.value.period == last)
                    .filter_map(|a| {
                        let note = a.value.commitments.get(&commitment.id)?.get(&m.id)?.note.as_ref()?;
                        Some(format!("{}: {}", input.short(&a.value.institution), input.tr(note)))
                    })
                    .collect::<Vec<_>>();
                if notes.is_empty() { late_note.to_owned() } else { notes.join(" ") }
            });
            MilestoneHistory {
                id: m.id.to_string(),
                title: input.tr(&m.title),
                deliverable: input.tr_opt(m.deliverable.as_ref()),
                due: input.strings.date(m.due),
                cells,
                late,
            }
        })
        .collect()
}

/// One rubric point of an institution in each period.
#[derive(Debug, Clone, Serialize)]
pub struct PointHistory {
    /// Its number.
    pub number: u32,
    /// Its title.
    pub title: String,
    /// One cell per period.
    pub cells: Vec<PointCell>,
}

/// A point in one period.
#[derive(Debug, Clone, Serialize)]
pub struct PointCell {
    /// Assessed in that period.
    pub assessed: bool,
    /// Claimed level.
    pub claimed: String,
    /// Evidence-backed level.
    pub backed: String,
    /// The reviewer's level (or a dash).
    pub reviewed: String,
    /// Not yet confirmed by the focal point: no level is shown.
    pub unconfirmed: bool,
}

/// The points of an institution across its scorecards (one per period,
/// `None` where it did not assess itself).
pub fn point_history(cards: &[Option<Scorecard>]) -> Vec<PointHistory> {
    let Some(first) = cards.iter().flatten().next() else { return Vec::new() };
    first
        .points
        .iter()
        .map(|p| PointHistory {
            number: p.number,
            title: p.title.clone(),
            cells: cards
                .iter()
                .map(|card| match card.as_ref().and_then(|c| c.points.iter().find(|q| q.number == p.number)) {
                    Some(q) => PointCell {
                        assessed: true,
                        claimed: q.claimed.to_string(),
                        backed: q.backed.to_string(),
                        reviewed: q.reviewed.clone(),
                        unconfirmed: q.unconfirmed,
                    },
                    None => PointCell {
                        assessed: false,
                        claimed: String::new(),
                        backed: String::new(),
                        reviewed: String::new(),
                        unconfirmed: false,
                    },
                })
                .collect(),
        })
        .collect()
}

/// "Choose a language" in the language.
pub fn choose(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Pilih bahasa",
        Lang::En => "Choose a language",
    }
}

/// The language's name in itself.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Bahasa Indonesia",
        Lang::En => "English",
    }
}
