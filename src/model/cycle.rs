//! The Local Monitoring Body's cycle (`shared/irm.md`, "Local Monitoring
//! Body"): the body itself, the forum's meeting log and the website's
//! update log in `terbuka.yaml`, a commitment's cluster and modification
//! log, and in a review the co-creation checks and the end-of-commitment
//! assessments. The logs let terbuka compute the minimum requirements
//! instead of taking them on trust.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::assessment::{is_true, yes};
use super::{Date, EvidenceItem, Id, Member, OgpValue, Sector, Text};

/// An OGP Local member's Local Monitoring Body: who monitors the plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MonitoringBody {
    /// Its name.
    pub name: Text,
    /// Its members, each with sector and organisation.
    pub members: Vec<Member>,
    /// Its statement of independence and of any conflict of interest.
    pub independence: Text,
    /// How it monitors: `desk-review`, `interviews`, `site-visits`,
    /// `focus-groups`, `surveys`.
    #[serde(default)]
    pub methods: Vec<MonitoringMethod>,
    /// An e-mail address the body answers at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// A method of monitoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MonitoringMethod {
    /// Reading the documents and the evidence.
    DeskReview,
    /// Interviews with officials and stakeholders.
    Interviews,
    /// Visits to where the commitment is carried out.
    SiteVisits,
    /// Group discussions.
    FocusGroups,
    /// Surveys of the public or of stakeholders.
    Surveys,
}

/// A group of related commitments in a reform area.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Cluster {
    /// Identifier, named by a commitment's `cluster`.
    pub id: Id,
    /// Its name.
    pub title: Text,
}

/// One meeting of the multi-stakeholder forum.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Meeting {
    /// The day it met.
    pub date: Date,
    /// How many attended from each sector, e.g. `{government: 6, civil-society: 4}`.
    #[serde(default)]
    pub attendees: BTreeMap<Sector, u32>,
    /// The day the meeting's documents were shared with its members, if
    /// recorded (the requirement: before the meeting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub papers_shared: Option<Date>,
    /// The minutes, as evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<EvidenceItem>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The programme's public web page and its update log.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Website {
    /// The page's http or https address.
    pub url: String,
    /// Each update, oldest first.
    #[serde(default)]
    pub updates: Vec<WebsiteUpdate>,
}

/// One update of the website.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WebsiteUpdate {
    /// The day it was updated.
    pub date: Date,
    /// The address of what was published, if not the page itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A dated change to a commitment after the plan was submitted.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Modification {
    /// The day it was changed.
    pub date: Date,
    /// What changed, and why.
    pub change: Text,
}

/// A question of the inception assessment's co-creation block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CoCreationCheck {
    /// Is there a forum (government, civil society and other stakeholders,
    /// with a clear remit, membership and governance, meeting regularly)?
    Forum,
    /// Is the forum multi-stakeholder?
    MultiStakeholder,
    /// Does it meet at least every six months?
    ForumMeetsRegularly,
    /// Did non-government stakeholders endorse the plan before it was
    /// submitted?
    Endorsed,
    /// Is the OGP Local web page online without barriers and updated at
    /// least every four months?
    Website,
    /// Was the relevant information shared before the meetings?
    InformationBeforeMeetings,
    /// Did stakeholders get a reasoned response to their input?
    ReasonedResponse,
    /// Did the government act contrary to the OGP process? (`yes` fails.)
    ContraryToProcess,
}

impl CoCreationCheck {
    /// Every check, in the order the assessment asks them.
    pub const ALL: [CoCreationCheck; 8] = [
        CoCreationCheck::Forum,
        CoCreationCheck::MultiStakeholder,
        CoCreationCheck::ForumMeetsRegularly,
        CoCreationCheck::Endorsed,
        CoCreationCheck::Website,
        CoCreationCheck::InformationBeforeMeetings,
        CoCreationCheck::ReasonedResponse,
        CoCreationCheck::ContraryToProcess,
    ];

    /// The kebab-case name used in YAML.
    pub fn as_str(self) -> &'static str {
        match self {
            CoCreationCheck::Forum => "forum",
            CoCreationCheck::MultiStakeholder => "multi-stakeholder",
            CoCreationCheck::ForumMeetsRegularly => "forum-meets-regularly",
            CoCreationCheck::Endorsed => "endorsed",
            CoCreationCheck::Website => "website",
            CoCreationCheck::InformationBeforeMeetings => "information-before-meetings",
            CoCreationCheck::ReasonedResponse => "reasoned-response",
            CoCreationCheck::ContraryToProcess => "contrary-to-process",
        }
    }

    /// The answer that meets the requirement (`no` for
    /// contrary-to-process).
    pub fn passing(self) -> Answer {
        if self == CoCreationCheck::ContraryToProcess { Answer::No } else { Answer::Yes }
    }
}

/// A yes/no answer (`ya`/`tidak` are accepted too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// Yes.
    #[serde(alias = "ya")]
    Yes,
    /// No.
    #[serde(alias = "tidak")]
    No,
}

/// The reviewer's answer to one co-creation check.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckAnswer {
    /// `yes` or `no`.
    pub answer: Answer,
    /// `false` while carried over from the previous review unconfirmed.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub confirmed: bool,
    /// A brief explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
    /// Interviews, links, documents.
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
}

/// One commitment's end-of-commitment assessment, submitted one month after
/// it is fully implemented.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EndOfCommitment {
    /// The day the assessment was submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Date>,
    /// Did it open government, per OGP value: the degree of change and the
    /// immediate result.
    #[serde(default)]
    pub values: BTreeMap<OgpValue, ValueResult>,
    /// Lessons learnt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lessons: Option<Text>,
    /// Up to three attachments.
    #[serde(default)]
    pub attachments: Vec<EvidenceItem>,
}

/// What a commitment changed for one OGP value.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ValueResult {
    /// Degree of change, a value of `degree-of-change` in
    /// `methodologies/refreshed-2021.yaml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Id>,
    /// The immediate result, a value of the value's list under
    /// `immediate-results` in `methodologies/refreshed-2021.yaml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Id>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
}

impl std::fmt::Display for CoCreationCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
