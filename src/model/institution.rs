//! `institutions/<id>.yaml`: an institution, its focal point, its steering
//! committee (Bupati point 3), working groups (point 6) and consultations
//! (point 5).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Id, Text};

/// An institution taking part in the programme.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "institution")]
pub struct Institution {
    /// Identifier; must equal the file name without `.yaml`.
    pub id: Id,
    /// Official name.
    pub name: Text,
    /// Common short name, e.g. `Diskominfo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// What kind of institution this is.
    pub kind: InstitutionKind,
    /// The person who fills in the self-assessment.
    pub focal_point: FocalPoint,
    /// The institution's own steering committee (dewan pengarah).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steering_committee: Option<SteeringCommittee>,
    /// Working groups, each linked to commitments.
    #[serde(default)]
    pub working_groups: Vec<WorkingGroup>,
    /// Consultations held with the public.
    #[serde(default)]
    pub consultations: Vec<Consultation>,
}

/// Kinds of institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum InstitutionKind {
    /// A government office (SKPD / OPD).
    GovernmentOffice,
    /// A public-service unit.
    PublicService,
    /// A village government.
    Village,
    /// The police.
    Police,
    /// A civil-society organisation.
    CivilSociety,
    /// A university or research body.
    Academia,
    /// A business or business association.
    Business,
}

/// The institution's contact for the programme.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FocalPoint {
    /// Full name.
    pub name: String,
    /// Position in the institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A multi-stakeholder steering committee (dewan pengarah).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SteeringCommittee {
    /// Date it was formed.
    pub established: Date,
    /// Workspace path of the decree (SK) that formed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decree: Option<String>,
    /// How often it meets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets: Option<Meets>,
    /// Members.
    pub members: Vec<Member>,
    /// The log of its meetings, oldest first (for the jurisdiction's forum,
    /// the minimum requirements are computed from it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<super::Meeting>,
}

/// A member of a committee or working group.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Member {
    /// Full name.
    pub name: String,
    /// Organisation the member comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Role in the body.
    #[serde(default)]
    pub role: MemberRole,
    /// Sector (empat sekawan).
    pub sector: Sector,
}

/// Roles in a committee or working group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MemberRole {
    /// Chair (ketua).
    Chair,
    /// Vice-chair (wakil ketua).
    ViceChair,
    /// Secretary (sekretaris).
    Secretary,
    /// Member (anggota).
    #[default]
    Member,
}

/// The four sectors of partnership (empat sekawan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    /// Government.
    Government,
    /// Citizens and civil society.
    CivilSociety,
    /// Academia.
    Academia,
    /// Business.
    Business,
}

/// How often a body meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Meets {
    /// Every week.
    Weekly,
    /// Every two weeks.
    Fortnightly,
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every six months.
    SixMonthly,
    /// When needed.
    AdHoc,
}

/// A working group (Bupati point 6), linked to commitments.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WorkingGroup {
    /// Identifier, unique within the institution.
    pub id: Id,
    /// Name of the group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Ids of the commitments it works on.
    pub commitments: Vec<Id>,
    /// How often it meets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets: Option<Meets>,
    /// Members.
    #[serde(default)]
    pub members: Vec<Member>,
}

/// A consultation with the public (Bupati point 5).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Consultation {
    /// When it took place.
    pub date: Date,
    /// What it was about.
    pub title: Text,
    /// How it was held, e.g. a public meeting, a radio dialogue, an online form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<Text>,
    /// Number of participants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    /// Sectors that took part.
    #[serde(default)]
    pub sectors: Vec<Sector>,
}
