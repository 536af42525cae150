//! JSON Schemas of every YAML kind, generated from the model types so they
//! cannot drift. `terbuka schema` writes them; editors use them through the
//! `# yaml-language-server: $schema=...` line at the top of each file.

use schemars::{JsonSchema, schema_for};

use crate::model::{Assessment, Commitment, Institution, Manifest, Review, Rubric};

/// `(file name, schema JSON)` for every kind, in a fixed order.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("manifest.json", render::<Manifest>()),
        ("commitment.json", render::<Commitment>()),
        ("institution.json", render::<Institution>()),
        ("rubric.json", render::<Rubric>()),
        ("assessment.json", render::<Assessment>()),
        ("review.json", render::<Review>()),
    ]
}

fn render<T: JsonSchema>() -> String {
    let schema = schema_for!(T);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
