//! The comparison report: two periods side by side.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ChangeView, DocMeta, Input, JurisdictionView, LevelView};
use crate::compare::Comparison;

/// The comparison report.
#[derive(Debug, Clone, Serialize)]
pub struct CompareReport {
    /// Metadata.
    pub doc: DocMeta,
    /// Fixed strings.
    pub t: BTreeMap<String, String>,
    /// The jurisdiction.
    pub jurisdiction: JurisdictionView,
    /// The scale.
    pub scale: Vec<LevelView>,
    /// The top level.
    pub max_level: u32,
    /// The lowest level.
    pub min_level: u32,
    /// The change.
    pub change: ChangeView,
    /// Institution filter, if any.
    pub institution: Option<String>,
    /// The workspace's notice (e.g. that sample names are illustrative).
    pub notice: Option<String>,
}

impl<'a> Input<'a> {
    /// The comparison report.
    pub fn compare_report(
        &self,
        from: &str,
        to: &str,
        c: &Comparison,
        institution: Option<&str>,
    ) -> Option<CompareReport> {
        let s = self.strings;
        let (a, b) = (self.period(from)?, self.period(to)?);
        let (scale, max_level) = self.scale();
        Some(CompareReport {
            doc: self.doc(
                s.get("compare.title"),
                format!("{} · {} → {}", self.jurisdiction().name, self.name(&a.label), self.name(&b.label)),
                a.end.max(b.end),
                vec!["OGP".into(), a.id.clone(), b.id.clone()],
            ),
            t: self.filled.clone(),
            jurisdiction: self.jurisdiction(),
            scale,
            max_level,
            min_level: self.rubric().map_or(0, |r| r.range().0),
            change: self.change(a, b, c),
            notice: self.ws.manifest.as_ref().and_then(|m| self.tr_opt(m.value.notice.as_ref())),
            institution: institution.map(|i| self.short(i)),
        })
    }
}
