//! JSON Schemas of every YAML kind, generated from the model types so they
//! cannot drift. `terbuka schema` writes them; editors use them through the
//! `# yaml-language-server: $schema=...` line at the top of each file.

use schemars::{JsonSchema, schema_for};

use crate::model::{Assessment, Commitment, Institution, Manifest, MethodologyFile, Review, Rubric};

/// `(file name, schema JSON)` for every kind, in a fixed order.
pub fn all() -> Vec<(&'static str, String)> {
    vec![
        ("manifest.json", render::<Manifest>()),
        ("commitment.json", render::<Commitment>()),
        ("institution.json", render::<Institution>()),
        ("rubric.json", render::<Rubric>()),
        ("assessment.json", render::<Assessment>()),
        ("review.json", render::<Review>()),
        ("methodology.json", render::<MethodologyFile>()),
    ]
}

fn render<T: JsonSchema>() -> String {
    let schema = schema_for!(T);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The schemas as committed in `schema/`, built into the binary: a test
/// fails when they differ from [`all`], so they change whenever the model
/// does, and the parse cache keys its entries by them.
pub const COMMITTED: &[(&str, &str)] = &[
    ("manifest.json", include_str!("../schema/manifest.json")),
    ("commitment.json", include_str!("../schema/commitment.json")),
    ("institution.json", include_str!("../schema/institution.json")),
    ("rubric.json", include_str!("../schema/rubric.json")),
    ("assessment.json", include_str!("../schema/assessment.json")),
    ("review.json", include_str!("../schema/review.json")),
    ("methodology.json", include_str!("../schema/methodology.json")),
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_schemas_are_the_generated_ones() {
        let built_in = super::COMMITTED.iter().map(|(n, t)| ((*n).to_owned(), (*t).to_owned())).collect::<Vec<_>>();
        let generated = super::all().into_iter().map(|(n, t)| (n.to_owned(), t)).collect::<Vec<_>>();
        assert!(built_in == generated, "schema/ is stale: run `cargo run --release -- schema`");
    }
}
