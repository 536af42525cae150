//! The evidence annex: every file and URL cited in the period, with its
//! SHA-256, size, dates and who cites it where.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Input;
use crate::model::Assessment;

/// A row of the evidence manifest.
#[derive(Debug, Clone, Serialize)]
pub struct ManifestRow {
    /// File path or URL.
    pub reference: String,
    /// A URL rather than a file.
    pub is_url: bool,
    /// SHA-256 in hex ("—" for URLs).
    pub sha256: String,
    /// Size ("—" for URLs).
    pub size: String,
    /// Dates given in the citations.
    pub date: String,
    /// Who cited it.
    pub cited_by: String,
}

impl<'a> Input<'a> {
    pub(super) fn manifest(&self, assessments: &[&'a Assessment]) -> Vec<ManifestRow> {
        /// Where one institution cites a file, in the order shown: points
        /// by number, a point the rubric lacks, then milestones.
        #[derive(PartialEq, Eq, PartialOrd, Ord)]
        enum Place {
            Point(u32),
            UnknownPoint(String),
            Milestone(String),
        }
        type Places = BTreeSet<Place>;
        let s = self.strings;
        // reference → (dates, citing institution → where it cites it)
        let mut rows: BTreeMap<String, (BTreeSet<crate::model::Date>, BTreeMap<String, Places>)> = BTreeMap::new();
        let numbers = self
            .rubric()
            .map(|r| r.points.iter().map(|p| (p.id.as_str(), p.number)).collect::<BTreeMap<_, _>>())
            .unwrap_or_default();
        for a in assessments {
            let who = self.short(&a.institution);
            for (point, pa) in &a.points {
                for e in &pa.evidence {
                    let place = match numbers.get(point.as_str()) {
                        Some(&n) => Place::Point(n),
                        None => Place::UnknownPoint(point.clone()),
                    };
                    let row = rows.entry(Self::reference(e)).or_default();
                    row.0.extend(e.date);
                    row.1.entry(who.clone()).or_default().insert(place);
                }
            }
            for (commitment, ms) in &a.commitments {
                for (mid, pr) in ms {
                    for e in &pr.evidence {
                        let row = rows.entry(Self::reference(e)).or_default();
                        row.0.extend(e.date);
                        row.1.entry(who.clone()).or_default().insert(Place::Milestone(format!("{commitment}/{mid}")));
                    }
                }
            }
        }
        let cited_by = |cited: BTreeMap<String, Places>| {
            let each = cited.into_iter().map(|(who, places)| {
                let places = places
                    .into_iter()
                    .map(|place| match place {
                        Place::Point(n) => n.to_string(),
                        Place::UnknownPoint(id) | Place::Milestone(id) => id,
                    })
                    .collect::<Vec<_>>();
                format!("{who} ({})", places.join(", "))
            });
            each.collect::<Vec<_>>().join("; ")
        };
        rows.into_iter()
            .map(|(reference, (dates, cited))| {
                let hashed = self.hashes.get(&reference);
                let is_url = reference.starts_with("http://") || reference.starts_with("https://");
                ManifestRow {
                    sha256: hashed.map_or_else(|| "—".to_owned(), |(h, _)| h.clone()),
                    size: hashed.map_or_else(|| "—".to_owned(), |(_, n)| s.size(*n)),
                    date: dates.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
                    cited_by: cited_by(cited),
                    is_url,
                    reference,
                }
            })
            .collect()
    }
}
