//! `terbuka schema`: the JSON Schema of every YAML kind, into `schema/`.

use std::path::PathBuf;

use crate::settings::Settings;
use crate::{output, schema};

use super::{Error, Outcome};

pub fn run(settings: &Settings, dir: Option<PathBuf>) -> Result<Outcome, Error> {
    if dir.is_none() {
        super::require_workspace(settings)?;
    }
    let dir = dir.unwrap_or_else(|| settings.root.join("schema"));
    let inputs = super::root_inputs(settings);
    let files = schema::all().into_iter().map(|(name, text)| (dir.join(name), text)).collect::<Vec<_>>();
    output::check_all(&inputs, files.iter().map(|(p, _)| p.as_path()))?;
    for (path, text) in &files {
        output::write_output(&inputs, path, text.as_bytes())?;
    }
    super::stdout(&format!("{}\n", dir.display()))?;
    Ok(Outcome::Ok)
}
