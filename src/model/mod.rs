//! The workspace model: one Rust type per YAML kind (design §3).
//!
//! These types mirror the files exactly and are strict: unknown keys are
//! errors, keys are kebab-case and every closed scale is an enum. They hold
//! no positions; `load::locate` keeps those beside them. Nothing here reads
//! files or checks cross-references (that is `validate`).

mod assessment;
mod commitment;
mod cycle;
pub mod id;
mod institution;
mod irm;
mod lock;
mod manifest;
pub mod methodology;
mod review;
mod rubric;
mod text;
mod unique;

pub use assessment::{Assessment, Assessor, Confirmed, EvidenceItem, MilestoneProgress, PointAssessment};
pub use commitment::{Commitment, Contact, Milestone, Withdrawal};
pub use cycle::{
    Answer, CheckAnswer, Cluster, CoCreationCheck, EndOfCommitment, Meeting, Modification, MonitoringBody,
    MonitoringMethod, ValueResult, Website, WebsiteUpdate,
};
pub use institution::{
    Consultation, FocalPoint, Institution, InstitutionKind, Meets, Member, MemberRole, Sector, SteeringCommittee,
    WorkingGroup,
};
pub use irm::{
    Completion, DidItOpenGovernment, Methodology, OgpValue, PotentialForResults, PotentialImpact, PublicInfluence,
    Specificity, Stage, Verifiability,
};
pub use lock::{EvidenceLock, Sealed};
pub use manifest::{ActionPlan, Feedback, Jurisdiction, Manifest, Period};
pub use methodology::{MethodologyFile, ResultLevel, ResultScale};
pub use review::{
    CommitmentReview, PointReview, ProcessReview, PublishedReport, Reconstructed, Review, ReviewField, Reviewer,
    ReviewerKind,
};
pub use rubric::{Level, MAX_WEIGHT, Point, RecommendationLabels, Recommendations, Rubric, ScaleLevel};
pub use text::{Lang, Text};
pub use unique::DUPLICATE_KEY;

/// An identifier as written in YAML (kebab-case by convention).
pub type Id = String;

/// A calendar date (`YYYY-MM-DD`).
pub type Date = chrono::NaiveDate;
