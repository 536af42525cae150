//! `terbuka.yaml`: the jurisdiction, its action plan, periods and languages.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Cluster, Date, Id, Lang, MonitoringBody, SteeringCommittee, Text, Website};

/// The workspace manifest, `terbuka.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "terbuka.yaml")]
pub struct Manifest {
    /// The local government running the programme.
    pub jurisdiction: Jurisdiction,
    /// The OGP action plan this workspace tracks.
    pub action_plan: ActionPlan,
    /// Report languages; the first is the default.
    pub languages: Vec<Lang>,
    /// Id of the rubric (file `rubrics/<id>.yaml`) institutions assess themselves against.
    pub rubric: Id,
    /// Reporting periods, in order.
    pub periods: Vec<Period>,
    /// The jurisdiction's own multi-stakeholder steering committee (forum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steering_committee: Option<SteeringCommittee>,
    /// Background for the report's context section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Text>,
    /// A notice every report prints on its cover, e.g. that names in a
    /// sample workspace are illustrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Text>,
    /// Where citizens send feedback (`terbuka site` shows it on every
    /// page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
    /// The Local Monitoring Body that monitors the plan. A workspace that
    /// names one gets the monitoring cycle's checks and due dates
    /// (`terbuka status`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_body: Option<MonitoringBody>,
    /// The programme's public web page and its update log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Website>,
}

/// The jurisdiction (a regency, city or province).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Jurisdiction {
    /// Short identifier, e.g. `bojonegoro`.
    pub id: Id,
    /// Official name, e.g. `Kabupaten Bojonegoro`.
    pub name: Text,
    /// ISO 3166-1 alpha-2 country code, e.g. `ID`.
    pub country: String,
    /// Province or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Head of government, with their title, e.g. `Suyoto (Bupati 2008–2018)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
}

/// The OGP action plan.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ActionPlan {
    /// Identifier, e.g. `2016-2017`.
    pub id: Id,
    /// Title of the plan.
    pub title: Text,
    /// First day of the plan.
    pub start: Date,
    /// Last day of the plan.
    pub end: Date,
    /// The day the plan was submitted to OGP (the inception assessment is
    /// due two months later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Date>,
    /// Groups of related commitments in a reform area; a commitment names
    /// one as its `cluster`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Cluster>,
}

/// A reporting period (e.g. a semester).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Period {
    /// Identifier, also the directory name under `assessments/`, e.g. `2017-s1`.
    pub id: Id,
    /// Human-readable name.
    pub label: Text,
    /// First day of the period.
    pub start: Date,
    /// Last day of the period.
    pub end: Date,
}

/// Where citizens send feedback on the plan: an e-mail address, a form's
/// address, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Feedback {
    /// An e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// An http or https address of a feedback form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A sentence shown with them, e.g. when answers are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
