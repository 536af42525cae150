//! The index of the stable diagnostic codes: one table, each code with its
//! name, its severity and its home — the family file that holds its
//! documentation, its constructor and its check, side by side
//! (`crate::rules` gathers them; `docs/diagnostics.md` is generated from
//! there). Adding a code is a line here and a section in its family file:
//! the checklist is in `crate::rules`.

use serde::Serialize;

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $sev:ident, $home:literal;)*) => {
        /// A stable diagnostic code. Codes are never reused or renumbered.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = concat!("`", $code, "` `", $name, "` (", $home, ")")] $variant,)*
        }

        impl Code {
            /// Every code, in code order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed, e.g. `E010`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// The kebab-case name, e.g. `unknown-institution`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity diagnostics with this code have.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// The module that holds the rule (its family file), from the
            /// crate's root: `load::rules`, `validate::rules::identity`, ….
            pub fn home(self) -> &'static str {
                match self { $(Code::$variant => $home,)* }
            }
        }
    };
}

codes! {
    // Reading and parsing.
    Unreadable = "E001", "unreadable-file", Error, "load::rules";
    YamlSyntax = "E002", "yaml-syntax", Error, "load::rules";
    UnknownKey = "E003", "unknown-key", Error, "load::rules";
    WrongType = "E004", "wrong-type", Error, "load::rules";
    MissingKey = "E005", "missing-key", Error, "load::rules";
    MissingFile = "E006", "missing-file", Error, "load::rules";
    TextTooLong = "E007", "text-too-long", Error, "load::rules";
    // Identity and cross-references.
    DuplicateId = "E010", "duplicate-id", Error, "load::rules";
    UnknownInstitution = "E011", "unknown-institution", Error, "validate::rules::identity";
    UnknownCommitment = "E012", "unknown-commitment", Error, "validate::rules::identity";
    UnknownMilestone = "E013", "unknown-milestone", Error, "validate::rules::identity";
    UnknownPoint = "E014", "unknown-point", Error, "validate::rules::identity";
    UnknownPeriod = "E015", "unknown-period", Error, "validate::rules::identity";
    UnknownRubric = "E016", "unknown-rubric", Error, "validate::rules::identity";
    IdMismatch = "E017", "id-mismatch", Error, "validate::rules::identity";
    WrongDirectory = "E018", "wrong-directory", Error, "validate::rules::identity";
    InvalidId = "E019", "invalid-id", Error, "validate::rules::identity";
    // Rubric consistency.
    LevelOutOfScale = "E020", "level-out-of-scale", Error, "validate::rules::rubric";
    InvalidWeight = "E021", "invalid-weight", Error, "validate::rules::rubric";
    DuplicateNumber = "E022", "duplicate-number", Error, "validate::rules::identity";
    RequiresCycle = "E023", "requires-cycle", Error, "validate::rules::rubric";
    BadThreshold = "E024", "bad-threshold", Error, "validate::rules::rubric";
    // Assessments.
    MissingPoint = "E030", "missing-point", Error, "validate::rules::assessments";
    SubmittedBeforePeriod = "E031", "submitted-before-period", Error, "validate::rules::assessments";
    EvidenceMissing = "E032", "evidence-missing", Error, "validate::rules::evidence";
    EvidenceOutside = "E033", "evidence-outside-workspace", Error, "validate::rules::evidence";
    InvalidUrl = "E034", "invalid-url", Error, "validate::rules::addresses";
    EvidenceShape = "E035", "evidence-shape", Error, "validate::rules::evidence";
    EvidenceChanged = "E036", "evidence-changed", Error, "validate::rules::evidence";
    InvalidEmail = "E037", "invalid-email", Error, "validate::rules::addresses";
    // Dates.
    BadDateRange = "E040", "bad-date-range", Error, "validate::rules::dates";
    MilestoneOutsideSpan = "E041", "milestone-outside-span", Error, "validate::rules::dates";
    OverlappingPeriods = "E042", "overlapping-periods", Error, "validate::rules::dates";
    // Reviews.
    ReviewScaleMismatch = "E050", "scale-not-in-methodology", Error, "validate::rules::reviews";
    NotOnScale = "E051", "not-on-scale", Error, "validate::rules::reviews";
    IrmAuthorship = "E052", "irm-authorship", Error, "validate::rules::reviews";
    // Reports.
    TemplateError = "E060", "template-error", Error, "report::rules";
    TypesetError = "E061", "typeset-error", Error, "report::rules";
    UnknownCluster = "E070", "unknown-cluster", Error, "validate::rules::cycle";
    TooManyAttachments = "E071", "too-many-attachments", Error, "validate::rules::cycle";
    // Warnings.
    EvidenceRequired = "W001", "evidence-required", Warning, "validate::rules::assessments";
    GovernmentOnlyCommittee = "W002", "government-only-committee", Warning, "validate::rules::cycle";
    PrerequisiteGap = "W003", "prerequisite-gap", Warning, "validate::rules::assessments";
    MissingDescriptor = "W004", "missing-descriptor", Warning, "validate::rules::rubric";
    MissingAssessment = "W005", "missing-assessment", Warning, "validate::rules::assessments";
    Unconfirmed = "W006", "unconfirmed", Warning, "validate::rules::assessments";
    EvidenceUnsealed = "W007", "evidence-unsealed", Warning, "validate::rules::evidence";
    NotInFonts = "W008", "not-in-fonts", Warning, "validate::rules::text";
    MilestoneEvidence = "W009", "milestone-evidence-required", Warning, "validate::rules::assessments";
    OverdueMilestone = "W010", "overdue-milestone", Warning, "validate::rules::dates";
    OneLanguage = "W011", "one-language-only", Warning, "validate::rules::languages";
    CommentInText = "W012", "comment-in-text", Warning, "validate::rules::text";
    ConfirmedMissing = "W013", "confirmed-missing", Warning, "validate::rules::assessments";
    RequirementGap = "W014", "minimum-requirement-gap", Warning, "validate::rules::cycle";
    Late = "W015", "late", Warning, "validate::rules::cycle";
    ReviewUnconfirmed = "W016", "review-unconfirmed", Warning, "validate::rules::reviews";
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
