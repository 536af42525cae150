//! Which diagnostics concern a period and an institution:
//! `validate --period P --institution I` keeps a focal point's own files
//! and the files every period and institution shares.

use super::Diagnostic;
use crate::model::Lang;

/// What `validate --period/--institution` keeps.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    /// Only this period.
    pub period: Option<String>,
    /// Only this institution.
    pub institution: Option<String>,
    /// Only these files (workspace-relative, `/`-separated), when named:
    /// `terbuka validate assessments/2018-s1/diskominfo.yaml`.
    pub files: Vec<String>,
}

impl Scope {
    /// Whether `d` concerns the chosen period and institution. Problems in
    /// `terbuka.yaml` and the rubric concern everyone.
    pub fn keeps(&self, d: &Diagnostic) -> bool {
        if let (Some(p), Some(q)) = (&self.period, &d.period)
            && p != q
        {
            return false;
        }
        let Some(file) = d.location.as_ref().map(|l| &*l.file) else { return true };
        if !self.files.is_empty() && !self.files.iter().any(|f| f == file) {
            return false;
        }
        let parts = file.split('/').collect::<Vec<_>>();
        let period_ok = self.period.as_deref().is_none_or(|p| match parts.as_slice() {
            ["assessments", dir, _] => dir == &p,
            ["reviews", name] => name.strip_suffix(".yaml") == Some(p),
            _ => true,
        });
        let institution_ok = self.institution.as_deref().is_none_or(|i| match parts.as_slice() {
            ["institutions", name] | ["assessments", _, name] => name.strip_suffix(".yaml") == Some(i),
            ["commitments", _] | ["reviews", _] => false,
            _ => true,
        });
        period_ok && institution_ok
    }

    /// What the summary line adds: ` (only 2018-s1, diskominfo)`.
    pub fn note(&self, lang: Lang) -> String {
        let parts = [self.period.as_deref(), self.institution.as_deref()]
            .into_iter()
            .flatten()
            .chain(self.files.iter().map(String::as_str))
            .collect::<Vec<_>>();
        if parts.is_empty() {
            return String::new();
        }
        let only = match lang {
            Lang::En => "only",
            Lang::Id => "hanya",
        };
        format!(" ({only} {})", parts.join(", "))
    }
}
