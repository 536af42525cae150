//! The stable diagnostic codes, one table, each with its name, severity and
//! one-line documentation (`docs/diagnostics.md` mirrors this table).

use serde::Serialize;

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $sev:ident, $doc:literal;)*) => {
        /// A stable diagnostic code. Codes are never reused or renumbered.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $doc] $variant,)*
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

            /// One line saying what the rule checks.
            pub fn doc(self) -> &'static str {
                match self { $(Code::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    // Reading and parsing.
    Unreadable = "E001", "unreadable-file", Error, "A workspace file could not be read or is not valid UTF-8.";
    YamlSyntax = "E002", "yaml-syntax", Error, "A YAML file is not well-formed YAML.";
    UnknownKey = "E003", "unknown-key", Error, "A key that this kind of file does not have (often a misspelling).";
    WrongType = "E004", "wrong-type", Error, "A value of the wrong type or outside its closed scale.";
    MissingKey = "E005", "missing-key", Error, "A required key is absent.";
    MissingFile = "E006", "missing-file", Error, "The workspace has no `terbuka.yaml`.";
    TextTooLong = "E007", "text-too-long", Error, "A text value longer than the limit (20,000 characters unless `TERBUKA_MAX_TEXT_CHARS` says otherwise).";
    // Identity and cross-references.
    DuplicateId = "E010", "duplicate-id", Error, "Two things of one kind share an id (institution, commitment, milestone, point, period, level).";
    UnknownInstitution = "E011", "unknown-institution", Error, "An institution id that has no file under `institutions/`.";
    UnknownCommitment = "E012", "unknown-commitment", Error, "A commitment id that has no file under `commitments/`.";
    UnknownMilestone = "E013", "unknown-milestone", Error, "A milestone id that the commitment does not have.";
    UnknownPoint = "E014", "unknown-point", Error, "A rubric point id that the rubric does not have.";
    UnknownPeriod = "E015", "unknown-period", Error, "A period id that `terbuka.yaml` does not list.";
    UnknownRubric = "E016", "unknown-rubric", Error, "The rubric named in `terbuka.yaml` has no file under `rubrics/`.";
    IdMismatch = "E017", "id-mismatch", Error, "A file's name disagrees with the id it declares.";
    WrongDirectory = "E018", "wrong-directory", Error, "An assessment's directory or file name disagrees with its `period` or `institution`.";
    InvalidId = "E019", "invalid-id", Error, "An id that is not lower-case letters, digits, `-` and `_` (at most 64, starting with a letter or digit): ids become file and folder names.";
    // Rubric consistency.
    LevelOutOfScale = "E020", "level-out-of-scale", Error, "A level that is not on the rubric's scale.";
    InvalidWeight = "E021", "invalid-weight", Error, "A rubric point whose weight is zero, negative or larger than 1,000.";
    DuplicateNumber = "E022", "duplicate-number", Error, "Two rubric points or commitments share a number.";
    RequiresCycle = "E023", "requires-cycle", Error, "Rubric points that require each other in a cycle.";
    BadThreshold = "E024", "bad-threshold", Error, "Rubric thresholds that are off the scale or out of order, or evidence required from the scale's lowest level.";
    // Assessments.
    MissingPoint = "E030", "missing-point", Error, "An assessment that leaves out a rubric point.";
    SubmittedBeforePeriod = "E031", "submitted-before-period", Error, "An assessment submitted before its period started.";
    EvidenceMissing = "E032", "evidence-missing", Error, "An evidence file that does not exist.";
    EvidenceOutside = "E033", "evidence-outside-workspace", Error, "An evidence path that is absolute or leads outside the workspace.";
    InvalidUrl = "E034", "invalid-url", Error, "An evidence, feedback or contact URL that is not a well-formed http(s) address.";
    EvidenceShape = "E035", "evidence-shape", Error, "An evidence item that gives both or neither of `file` and `url`.";
    EvidenceChanged = "E036", "evidence-changed", Error, "A cited evidence file whose content differs from what `evidence.lock` sealed.";
    InvalidEmail = "E037", "invalid-email", Error, "A feedback or contact e-mail address that is not of the form name@domain.";
    // Dates.
    BadDateRange = "E040", "bad-date-range", Error, "An end date before its start date.";
    MilestoneOutsideSpan = "E041", "milestone-outside-span", Error, "A milestone due outside its commitment's start and end.";
    OverlappingPeriods = "E042", "overlapping-periods", Error, "Two periods that share days.";
    // Reviews.
    ReviewScaleMismatch = "E050", "scale-not-in-methodology", Error, "A review field, value or stage that the named IRM methodology version (or its stage) does not use.";
    NotOnScale = "E051", "not-on-scale", Error, "An early-results, degree-of-change or immediate-result value that is not on the methodology's scale (`methodologies/<version>.yaml`).";
    IrmAuthorship = "E052", "irm-authorship", Error, "A review whose reviewer is the IRM itself: terbuka's reports are IRM-style, and a review that reproduces a published IRM report cites it under `source`.";
    // Reports.
    TemplateError = "E060", "template-error", Error, "A report template (built in, or the workspace's own in `report-templates/`) that cannot be read or rendered.";
    TypesetError = "E061", "typeset-error", Error, "Typst cannot typeset the generated report (usually a mistake in a template override).";
    UnknownCluster = "E070", "unknown-cluster", Error, "A commitment's `cluster` that `action-plan: clusters:` in `terbuka.yaml` does not list.";
    TooManyAttachments = "E071", "too-many-attachments", Error, "An end-of-commitment assessment with more than three attachments (the form takes three).";
    // Warnings.
    EvidenceRequired = "W001", "evidence-required", Warning, "A claimed level that needs evidence but cites none; scoring counts the level its evidence supports.";
    GovernmentOnlyCommittee = "W002", "government-only-committee", Warning, "A steering committee with only government members; OGP expects multi-stakeholder bodies.";
    PrerequisiteGap = "W003", "prerequisite-gap", Warning, "A point more than one level above the lowest of the points it requires.";
    MissingDescriptor = "W004", "missing-descriptor", Warning, "A rubric point without a descriptor for some level of the scale.";
    MissingAssessment = "W005", "missing-assessment", Warning, "An institution with no assessment for a period that has others.";
    Unconfirmed = "W006", "unconfirmed", Warning, "A point or milestone carried over from the previous period (`confirmed: false`) that the focal point has not yet confirmed; it scores as the lowest level, or as not reported.";
    EvidenceUnsealed = "W007", "evidence-unsealed", Warning, "A cited evidence file that `evidence.lock` does not record (only when the workspace has an `evidence.lock`).";
    NotInFonts = "W008", "not-in-fonts", Warning, "Text in a script the report fonts do not have (CJK, emoji, …): reports show each such character as `□`.";
    MilestoneEvidence = "W009", "milestone-evidence-required", Warning, "Milestone progress reported at `limited` or above with no evidence: it is not counted until evidence is added.";
    OverdueMilestone = "W010", "overdue-milestone", Warning, "A milestone whose due date has passed by the end of the latest assessed period (and by today) and that is not reported complete.";
    OneLanguage = "W011", "one-language-only", Warning, "A text written in one language only in a workspace that reports in two (only with `validate --translations`): reports show it as written, marked `[ID]` or `[EN]`.";
    CommentInText = "W012", "comment-in-text", Warning, "A ` #` inside unquoted text: YAML reads the rest of the line as a comment, so the text is cut there.";
    ConfirmedMissing = "W013", "confirmed-missing", Warning, "A point or milestone with no `confirmed:` line in a file whose other points have one (a file `terbuka new assessment` carried forward): it counts as confirmed without anyone having said so.";
    RequirementGap = "W014", "minimum-requirement-gap", Warning, "A local minimum requirement or co-creation check that the logs show unmet, that the review answers unmet, or that nothing decides (in a workspace with a `monitoring-body`).";
    Late = "W015", "late", Warning, "The inception assessment, an end-of-commitment assessment, the forum's meeting or the website's update is past its due date (in a workspace with a `monitoring-body`; the day is today's, or `SOURCE_DATE_EPOCH`'s).";
    ReviewUnconfirmed = "W016", "review-unconfirmed", Warning, "A review entry (a commitment's fields, a co-creation answer, a reviewer's level) that `terbuka new review` carried forward with `confirmed: false` and the reviewer has not confirmed: scores and reports leave it out.";
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
