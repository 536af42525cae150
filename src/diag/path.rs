//! What a diagnostic is about: the YAML key path it concerns
//! (`points.understanding.evidence[1].file`) and the entities that path
//! names (institution, period, point, commitment, milestone).
//!
//! The path is the contract every front end places a diagnostic by: the
//! command line shows the line and column, the forms of `terbuka serve`
//! the field, a workbook import the cell. It is the path the rule asked
//! about, even where the file does not write it (a missing key's path is
//! the key's, not its parent's).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// One step of a key path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index, counted from 0 as the file's items are.
    Index(usize),
}

impl From<&str> for Seg {
    fn from(key: &str) -> Self {
        Seg::Key(key.to_owned())
    }
}

impl From<&String> for Seg {
    fn from(key: &String) -> Self {
        Seg::Key(key.clone())
    }
}

impl From<String> for Seg {
    fn from(key: String) -> Self {
        Seg::Key(key)
    }
}

impl From<usize> for Seg {
    fn from(index: usize) -> Self {
        Seg::Index(index)
    }
}

impl From<u32> for Seg {
    fn from(key: u32) -> Self {
        Seg::Key(key.to_string())
    }
}

/// A key path, shared between the diagnostics that point at it.
pub type KeyPath = Arc<[Seg]>;

/// A key path as text: keys joined by `.`, sequence positions in brackets
/// (`points.understanding.evidence[1].file`); a key that holds `.`, `[`,
/// `]` or `"`, or is empty, is written as a quoted JSON string in brackets
/// (`levels["1.5"]`), so that the text reads back as the same path.
pub fn display(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
            Seg::Key(k) if k.is_empty() || k.contains(['.', '[', ']', '"']) => {
                out.push('[');
                out.push_str(&serde_json::to_string(k).unwrap_or_default());
                out.push(']');
            }
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
        }
    }
    out
}

/// Reads a path written by [`display`] (or by serde_yaml, which writes
/// `points.x.evidence[0]`); `None` when it is not one.
pub fn parse(text: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            if after.starts_with('"') {
                let mut de = serde_json::Deserializer::from_str(after).into_iter::<String>();
                let key = de.next()?.ok()?;
                let used = de.byte_offset();
                segs.push(Seg::Key(key));
                rest = after[used..].strip_prefix(']')?;
            } else {
                let end = after.find(']')?;
                segs.push(Seg::Index(after[..end].parse().ok()?));
                rest = &after[end + 1..];
            }
            rest = rest.strip_prefix('.').unwrap_or(rest);
            continue;
        }
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        segs.push(Seg::Key(rest[..end].to_owned()));
        rest = &rest[end..];
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    Some(segs)
}

/// The entities a diagnostic concerns, as far as its file and key path
/// name them.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Subject {
    /// The institution (an assessment's, an institution's file, a
    /// reviewer's level on one).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub institution: Option<String>,
    /// The period (an assessment's or review's, or one in `terbuka.yaml`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub period: Option<String>,
    /// The rubric point.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub point: Option<String>,
    /// The commitment.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub commitment: Option<String>,
    /// The milestone (of `commitment`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub milestone: Option<String>,
}

impl Subject {
    /// Whether it names nothing.
    pub fn is_empty(&self) -> bool {
        *self == Subject::default()
    }

    /// What the file at `file` (relative, `/`-separated) and the key path
    /// `path` in it name. `id_at` answers the id of the item at a sequence
    /// path (`milestones[2]` → `m3`) from the file's value, when there is
    /// one.
    pub fn of(file: &str, path: &[Seg], id_at: &dyn Fn(&[Seg]) -> Option<String>) -> Subject {
        let mut s = Subject::default();
        let key = |i: usize| match path.get(i) {
            Some(Seg::Key(k)) => Some(k.clone()),
            _ => None,
        };
        let stem = |name: &str| name.strip_suffix(".yaml").map(str::to_owned);
        let steps = file.split('/').collect::<Vec<_>>();
        match steps.as_slice() {
            ["assessments", period, name] => {
                s.period = Some((*period).to_owned());
                s.institution = stem(name);
                match key(0).as_deref() {
                    Some("points") => s.point = key(1),
                    Some("commitments") => {
                        s.commitment = key(1);
                        s.milestone = key(2);
                    }
                    _ => {}
                }
            }
            ["reviews", name] => {
                s.period = stem(name);
                match key(0).as_deref() {
                    Some("commitments") => s.commitment = key(1),
                    Some("institutions") => {
                        s.institution = key(1);
                        s.point = key(2);
                    }
                    _ => {}
                }
            }
            ["commitments", name] => {
                s.commitment = stem(name);
                if key(0).as_deref() == Some("milestones") && path.len() > 1 {
                    s.milestone = id_at(&path[..2]);
                }
            }
            ["institutions", name] => s.institution = stem(name),
            ["rubrics", _] if key(0).as_deref() == Some("points") && path.len() > 1 => {
                s.point = id_at(&path[..2]);
            }
            ["terbuka.yaml"] if key(0).as_deref() == Some("periods") && path.len() > 1 => {
                s.period = id_at(&path[..2]);
            }
            _ => {}
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(path: &[Seg]) -> String {
        display(path)
    }

    #[test]
    fn a_path_reads_back_as_written() {
        let path = vec![
            Seg::from("points"),
            Seg::from("understanding"),
            Seg::from("evidence"),
            Seg::Index(1),
            Seg::from("file"),
        ];
        assert_eq!(segs(&path), "points.understanding.evidence[1].file");
        assert_eq!(parse("points.understanding.evidence[1].file"), Some(path));
        let odd = vec![Seg::from("levels"), Seg::from("1.5"), Seg::from("")];
        assert_eq!(segs(&odd), r#"levels["1.5"][""]"#);
        assert_eq!(parse(r#"levels["1.5"][""]"#), Some(odd));
        assert_eq!(parse("[0][2].x"), Some(vec![Seg::Index(0), Seg::Index(2), Seg::from("x")]));
        assert_eq!(parse("a[x]"), None);
    }

    #[test]
    fn a_subject_names_what_file_and_path_name() {
        let none = |_: &[Seg]| None;
        let s = Subject::of("assessments/2017-s1/bpkad.yaml", &[Seg::from("points"), Seg::from("scenario")], &none);
        assert_eq!(
            (s.institution.as_deref(), s.period.as_deref(), s.point.as_deref()),
            (Some("bpkad"), Some("2017-s1"), Some("scenario"))
        );
        let m = |p: &[Seg]| (p == [Seg::from("milestones"), Seg::Index(1)]).then(|| "m2".to_owned());
        let s =
            Subject::of("commitments/open-data.yaml", &[Seg::from("milestones"), Seg::Index(1), Seg::from("due")], &m);
        assert_eq!((s.commitment.as_deref(), s.milestone.as_deref()), (Some("open-data"), Some("m2")));
        assert!(Subject::of("README.md", &[], &none).is_empty());
    }
}
