//! `evidence.lock`: the SHA-256 and size of every cited file, as `terbuka
//! evidence seal` recorded them. terbuka writes this file; people read it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The sealed state of the workspace's evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "evidence-lock")]
pub struct EvidenceLock {
    /// Format version; 1.
    pub version: u32,
    /// Workspace-relative path → what it held when sealed.
    #[serde(default, deserialize_with = "super::unique::map")]
    pub files: BTreeMap<String, Sealed>,
}

/// One sealed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Sealed {
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

impl EvidenceLock {
    /// The text of `evidence.lock` for these files (sorted by path), with
    /// a comment saying what the file is.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# evidence.lock: the SHA-256 and size of every cited evidence file, written by\n\
             # `terbuka evidence seal`. `terbuka validate` and `terbuka evidence verify` report\n\
             # every file that changed since. Do not edit by hand: seal again instead.\n",
        );
        out.push_str(&format!("version: {}\nfiles:", self.version));
        if self.files.is_empty() {
            out.push_str(" {}\n");
            return out;
        }
        out.push('\n');
        for (path, sealed) in &self.files {
            let key = serde_yaml::to_string(path).unwrap_or_default();
            out.push_str(&format!("  {}: {{sha256: {}, size: {}}}\n", key.trim_end(), sealed.sha256, sealed.size));
        }
        out
    }
}
