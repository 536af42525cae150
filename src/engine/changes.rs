//! What an edit to a file invalidates.
//!
//! | the file | read again | then dropped |
//! |---|---|---|
//! | `assessments/<p>/…` or `reviews/<p>.yaml` | that file | the diagnostics, the facts about cited files, the inputs, and the scores of period `<p>` only |
//! | any other workspace YAML, `evidence.lock` | that file | the diagnostics, facts, inputs and every score |
//! | `report-templates/…` | — | the renderer and its strings (nothing is validated or scored again) |
//! | `evidence/…` or any cited file | — | its hash, the facts (and so the diagnostics) |
//! | `out/…`, hidden files, anything else | — | nothing |

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use super::{Engine, by_file, relative};
use crate::load::{self, Kind};
use crate::score;

/// What one changed path is to the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A workspace YAML file (or `evidence.lock`) of this kind; for an
    /// assessment or review, its period.
    Yaml(Kind, Option<String>),
    /// A template override.
    Template,
    /// A file that evidence may cite.
    Evidence,
    /// A folder of workspace YAML files (created, moved in or removed
    /// whole): every file in it is read again.
    Folder,
    /// Nothing the engine reads: terbuka's outputs, hidden files.
    Ignored,
}

/// What [`Engine::apply`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Workspace files read again (or dropped, when gone).
    pub reread: Vec<String>,
    /// Whether the templates are loaded again.
    pub templates: bool,
    /// Cited files whose hashes were dropped.
    pub evidence: Vec<String>,
    /// The periods scored again; `None` when every period is.
    pub periods: Option<BTreeSet<String>>,
}

impl Applied {
    /// Whether anything the engine reads changed.
    pub fn any(&self) -> bool {
        !self.reread.is_empty() || self.templates || !self.evidence.is_empty()
    }
}

/// What `rel` (relative to the root, `/`-separated) is.
pub fn classify(rel: &str) -> Change {
    let steps = rel.split('/').collect::<Vec<_>>();
    if steps.iter().any(|s| s.starts_with('.')) || steps.first() == Some(&"out") {
        return Change::Ignored;
    }
    if let Some(kind) = load::kind_of(rel) {
        let period = match (kind, steps.as_slice()) {
            (Kind::Assessment, ["assessments", period, _]) => Some((*period).to_owned()),
            (Kind::Review, ["reviews", name]) => name.strip_suffix(".yaml").map(str::to_owned),
            _ => None,
        };
        return Change::Yaml(kind, period);
    }
    match steps.first() {
        Some(&"report-templates") => Change::Template,
        Some(&("assessments" | "commitments" | "institutions" | "rubrics" | "reviews")) => {
            if rel.ends_with(".yaml") {
                Change::Ignored
            } else {
                Change::Folder
            }
        }
        Some(_) if steps.len() > 1 || !rel.ends_with(".yaml") => Change::Evidence,
        _ => Change::Ignored,
    }
}

pub(super) fn apply(engine: &mut Engine, paths: &[PathBuf]) -> Applied {
    apply_texts(engine, paths, &std::collections::BTreeMap::new())
}

/// [`apply`], taking the text of the files in `texts` from there instead
/// of from the disk (`None`: as if the file were gone).
pub(super) fn apply_texts(
    engine: &mut Engine,
    paths: &[PathBuf],
    texts: &std::collections::BTreeMap<String, Option<&str>>,
) -> Applied {
    let root = engine.ws.root.clone();
    let mut applied = Applied { periods: Some(BTreeSet::new()), ..Applied::default() };
    let rels = paths
        .iter()
        .filter_map(|p| if p.is_absolute() { relative(&root, p) } else { p.to_str().map(str::to_owned) })
        .collect::<BTreeSet<_>>();
    // A folder stands for the YAML files in it now and the ones it held.
    let mut expanded = BTreeSet::new();
    for rel in rels {
        if classify(&rel) == Change::Folder {
            let prefix = format!("{rel}/");
            let held = engine.ws.sources.paths().filter(|p| p.starts_with(&prefix)).map(|p| p.to_string());
            expanded.extend(held.chain(engine.ws.broken.iter().filter(|p| p.starts_with(&prefix)).cloned()));
            expanded.extend(yaml_files_under(&root, &rel));
        } else {
            expanded.insert(rel);
        }
    }
    for rel in expanded {
        match classify(&rel) {
            Change::Yaml(kind, period) => {
                let limits = engine.options.limits;
                let diagnostics = match texts.get(&rel) {
                    Some(Some(text)) => load::reload_text(&mut engine.ws, &rel, text, limits),
                    Some(None) => {
                        engine.ws.take(&rel);
                        None
                    }
                    None => load::reload(&mut engine.ws, &rel, limits),
                };
                let diagnostics = diagnostics.unwrap_or_default();
                engine.load_diagnostics.remove(&rel);
                engine.load_diagnostics.extend(by_file(diagnostics));
                // A manifest that appears or goes says so itself (E006).
                if kind == Kind::Manifest && engine.ws.manifest.is_none() && !engine.ws.broken.contains("terbuka.yaml")
                {
                    engine.load_diagnostics.entry(rel.clone()).or_default().push(load::missing_manifest());
                }
                match (&mut applied.periods, kind, period) {
                    (Some(periods), Kind::Assessment | Kind::Review, Some(p)) => {
                        periods.insert(p);
                    }
                    (periods, _, _) => *periods = None,
                }
                applied.reread.push(rel);
            }
            Change::Template => applied.templates = true,
            Change::Evidence => applied.evidence.push(rel),
            Change::Folder | Change::Ignored => {}
        }
    }
    if !applied.any() {
        applied.periods = Some(BTreeSet::new());
        return applied;
    }
    if !applied.reread.is_empty() {
        // The digests the result cache is checked against are the loaded
        // files' (an edited workspace is validated, not recalled).
        engine.digests = None;
    }
    if !applied.reread.is_empty() || !applied.evidence.is_empty() {
        // The hashes of evidence that did not change are kept.
        if let Some(old) = engine.facts.take() {
            engine.known_hashes = old.hashes;
            engine.known_hashes.extend(old.uncited_sealed.into_iter().filter_map(|(k, h)| Some((k, h?))));
        }
        for rel in &applied.evidence {
            engine.known_hashes.remove(rel);
        }
        if applied
            .evidence
            .iter()
            .any(|rel| root.join(rel).symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()))
        {
            engine.known_hashes.clear();
        }
        engine.diagnostics = OnceLock::new();
        *engine.recalled.get_mut() = false;
        engine.inputs = OnceLock::new();
        // Which files are cited may have changed: the renderer reads only
        // those.
        if !applied.reread.is_empty()
            && let Some(Ok(renderer)) = engine.renderer.get_mut()
        {
            renderer.set_cited(crate::validate::cited_paths(&engine.ws).map(str::to_owned));
        }
    }
    {
        let mut memo = engine.hashes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for rel in &applied.evidence {
            memo.remove(rel);
        }
        // A file reached through a link: drop every hash to be sure.
        if applied
            .evidence
            .iter()
            .any(|rel| root.join(rel).symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()))
        {
            memo.clear();
        }
    }
    if applied.templates {
        engine.renderer = OnceLock::new();
        engine.strings = OnceLock::new();
    }
    match &applied.periods {
        Some(periods) if !periods.is_empty() => {
            if let Some(scores) = engine.scores.get_mut() {
                for period in periods {
                    let fresh = score::score_period(&engine.ws, period);
                    engine.stats.count_scored(period);
                    match (scores.periods.iter_mut().find(|p| &p.period == period), fresh) {
                        (Some(slot), Some(fresh)) => *slot = fresh,
                        // A period the scores do not know: score them all.
                        _ => {
                            engine.scores = OnceLock::new();
                            break;
                        }
                    }
                }
            }
        }
        Some(_) => {}
        None => engine.scores = OnceLock::new(),
    }
    applied
}

/// The YAML files under the folder `rel` (one level, or two under
/// `assessments/`), relative to the root.
fn yaml_files_under(root: &std::path::Path, rel: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![(rel.to_owned(), 0)];
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else { continue };
        for entry in entries.flatten() {
            let Ok(name) = entry.file_name().into_string() else { continue };
            let path = format!("{dir}/{name}");
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if depth == 0 {
                    stack.push((path, 1));
                }
            } else if load::kind_of(&path).is_some() {
                out.push(path);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified() {
        assert_eq!(classify("assessments/2017-s1/bpkad.yaml"), Change::Yaml(Kind::Assessment, Some("2017-s1".into())));
        assert_eq!(classify("reviews/2017-s2.yaml"), Change::Yaml(Kind::Review, Some("2017-s2".into())));
        assert_eq!(classify("rubrics/x.yaml"), Change::Yaml(Kind::Rubric, None));
        assert_eq!(classify("terbuka.yaml"), Change::Yaml(Kind::Manifest, None));
        assert_eq!(classify("evidence.lock"), Change::Yaml(Kind::Lock, None));
        assert_eq!(classify("report-templates/period.typ.j2"), Change::Template);
        assert_eq!(classify("evidence/bpkad/sk.pdf"), Change::Evidence);
        assert_eq!(classify("assessments/2018-s1"), Change::Folder);
        for ignored in
            ["out/report.pdf", ".git/index", "assessments/2017-s1/.x.yaml.swp", "notes.yaml", "rubrics/x/y.yaml"]
        {
            assert_eq!(classify(ignored), Change::Ignored, "{ignored}");
        }
    }
}
