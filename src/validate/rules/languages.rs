//! The rules of the workspace's languages: none listed or one listed twice
//! (`validate`'s checks of E005 and E010), and — with `validate
//! --translations` — a text written in one language only in a workspace
//! whose reports come in two (W011). Reports show such a text as written
//! and mark it (`[ID]`, `[EN]`); this finds each one, located, so that a
//! steering committee can ask for the missing translation.
//!
//! Which values are texts is the model's knowledge, not this module's: each
//! file's value is walked beside its kind's JSON Schema, and every value
//! whose schema is `Text` is looked at. A new text field is covered when it
//! is added to the model.

use std::sync::OnceLock;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::diag::{Code, Diagnostic, RuleDoc, Words};
use crate::load::rules::{Duplicated, FirstUse, Missing, duplicate, missing_key};
use crate::load::{Doc, ItemIds, Seg, Workspace};
use crate::model::Lang;
use crate::{msg, path};

use super::super::Context;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[W011];

/// `validate`'s checks of `terbuka.yaml`'s `languages`: at least one
/// (E005), none twice (E010); both codes have their home in `load::rules`.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    let Some(doc) = cx.ws.manifest.as_ref() else { return };
    let m = &doc.value;
    if m.languages.is_empty() {
        cx.push(missing_key(Missing::Languages).at(doc.at(path!["languages"])));
    }
    for (i, lang) in m.languages.iter().enumerate() {
        if let Some(first) = m.languages[..i].iter().position(|l| l == lang) {
            let line = cx.line_of(&doc.at(path!["languages", first]));
            let d = duplicate(Duplicated::Language, lang.code(), line.map(FirstUse::Line));
            cx.push(d.at(doc.at(path!["languages", i])));
        }
    }
}

const TEXT: &str = "#/$defs/Text";

/// Keys whose texts are names: shown as written in every language and never
/// marked (a jurisdiction's, an institution's or a period's name, a
/// published report's title), so not warned about either.
const NAMES: [&str; 4] = ["name", "short-name", "label", "title"];

/// Whether the text at `path` is a name (see [`NAMES`]); `title` is one only
/// as a published source's title.
fn is_name(path: &[Seg]) -> bool {
    let key = |i: usize| match path.get(i) {
        Some(Seg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let last = path.len().checked_sub(1).and_then(key);
    match last {
        Some("title") => path.len() >= 2 && key(path.len() - 2) == Some("source"),
        Some(k) => NAMES.contains(&k),
        None => false,
    }
}

// ── W011 one-language-only ───────────────────────────────────────────────

/// W011 `one-language-only`: what it checks, why, and how to fix it.
pub const W011: RuleDoc = RuleDoc {
    code: Code::OneLanguage,
    home: module_path!(),
    summary: Words::new(
        "A text written in one language only in a workspace that reports in two (only with `validate --translations`): reports show it as written, marked `[ID]` or `[EN]`.",
        "Teks yang hanya ditulis dalam satu bahasa pada ruang kerja yang melaporkan dalam dua bahasa (hanya dengan `validate --translations`): laporan menampilkannya apa adanya, bertanda `[ID]` atau `[EN]`.",
    ),
    what: Words::new(
        "Only with `validate --translations`: a text (a title, a name, a justification, a note) written in one language only in a workspace whose `languages` are two. A plain string counts as written in the first language. Reports in the other language show it as written, marked `[ID]` or `[EN]`, so a reader knows it is not translated.",
        "Hanya dengan `validate --translations`: teks (judul, nama, justifikasi, catatan) yang ditulis dalam satu bahasa saja pada ruang kerja yang `languages`-nya dua. Teks biasa dianggap ditulis dalam bahasa pertama. Laporan dalam bahasa lain menampilkannya apa adanya, bertanda `[ID]` atau `[EN]`, agar pembaca tahu teks itu tidak diterjemahkan.",
    ),
    why: Words::new(
        "A bilingual workspace promises its readers both languages: a text in one only is shown as written in the other report, marked, so what matters is worth translating.",
        "Ruang kerja dwibahasa menjanjikan kedua bahasa kepada pembacanya: teks yang hanya dalam satu bahasa ditampilkan apa adanya di laporan bahasa lain, bertanda, sehingga yang penting layak diterjemahkan.",
    ),
    fix: Words::new(
        "Write the text in both languages, `{id: ..., en: ...}`; or leave it, when a translation is not needed (the report stays correct and marked).",
        "Tulis teksnya dalam kedua bahasa, `{id: ..., en: ...}`; atau biarkan bila terjemahan tidak diperlukan (laporan tetap benar dan bertanda).",
    ),
};

/// W011: the text of `field` is written in `written` only, and `missing`
/// is the workspace's other language.
pub fn one_language(field: &str, written: Lang, missing: Lang) -> Diagnostic {
    let (written_en, written_id) = names(written);
    let (missing_en, missing_id) = names(missing);
    let (w, m) = (written.code(), missing.code());
    let tag = w.to_uppercase();
    Diagnostic::new(
        Code::OneLanguage,
        msg!("`{field}` is written in {written_en} only", "`{field}` hanya ditulis dalam bahasa {written_id}"),
    )
    .label(msg!(
        "the {missing_en} report shows it as written, marked [{tag}]",
        "laporan berbahasa {missing_id} menampilkannya apa adanya, bertanda [{tag}]"
    ))
    .hint(msg!(
        "give both languages: `{field}: {{{w}: ..., {m}: ...}}`",
        "tulis dalam kedua bahasa: `{field}: {{{w}: ..., {m}: ...}}`"
    ))
}

/// W011 (`validate --translations`) on the texts of `ws` given in one
/// language only, when the workspace reports in two; none otherwise.
pub fn translations(ws: &Workspace) -> Vec<Diagnostic> {
    let Some(manifest) = &ws.manifest else { return Vec::new() };
    let [first, second, ..] = manifest.value.languages[..] else { return Vec::new() };
    let mut found = Found { first, second, at: Vec::new() };
    found.file("manifest.json", manifest);
    ws.rubrics.iter().for_each(|d| found.file("rubric.json", d));
    ws.commitments.iter().for_each(|d| found.file("commitment.json", d));
    ws.institutions.iter().for_each(|d| found.file("institution.json", d));
    ws.assessments.iter().for_each(|d| found.file("assessment.json", d));
    ws.reviews.iter().for_each(|d| found.file("review.json", d));
    found.at
}

/// The schema of one kind, parsed once.
fn schema_of(name: &str) -> &'static Value {
    static SCHEMAS: OnceLock<Vec<(&'static str, Value)>> = OnceLock::new();
    let all = SCHEMAS.get_or_init(|| {
        crate::schema::COMMITTED
            .iter()
            .map(|(name, text)| (*name, serde_json::from_str(text).unwrap_or(Value::Null)))
            .collect()
    });
    static NULL: Value = Value::Null;
    all.iter().find(|(n, _)| *n == name).map_or(&NULL, |(_, v)| v)
}

/// The one-language texts found so far.
struct Found {
    first: Lang,
    second: Lang,
    at: Vec<Diagnostic>,
}

impl Found {
    /// Looks at every text of `doc`, a file of the kind `schema` describes.
    fn file<T: Serialize + ItemIds>(&mut self, schema: &str, doc: &Doc<T>) {
        let (first, second) = (self.first, self.second);
        let schema = schema_of(schema);
        let Ok(value) = serde_json::to_value(&doc.value) else { return };
        let empty = Map::new();
        let defs = schema.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
        let mut texts = Vec::new();
        walk(&value, schema, defs, &mut Vec::new(), &mut texts, 0);
        // A value can match more than one branch of an `anyOf`.
        let mut seen = std::collections::BTreeSet::new();
        texts.retain(|(path, _)| seen.insert(path.clone()));
        let mut in_file = Vec::new();
        for (path, value) in texts {
            if is_name(&path) {
                continue;
            }
            let Some(written) = written_in(value, first, second) else { continue };
            let missing = if written == first { second } else { first };
            let field = path.iter().rev().find_map(|s| match s {
                Seg::Key(k) => Some(k.clone()),
                Seg::Index(_) => None,
            });
            let field = field.unwrap_or_default();
            let at = doc.at(&path);
            let offset = at.span.map_or(0, |s| s.start);
            in_file.push((offset, one_language(&field, written, missing).at(at)));
        }
        // In the order they are written.
        in_file.sort_by_key(|(offset, _)| *offset);
        self.at.extend(in_file.into_iter().map(|(_, d)| d));
    }
}

/// English and Indonesian names of a language.
fn names(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("English", "Inggris"),
        Lang::Id => ("Indonesian", "Indonesia"),
    }
}

/// The language a text is written in when it has one of `first` and
/// `second` only (a plain string is in `first`).
fn written_in(value: &Value, first: Lang, second: Lang) -> Option<Lang> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(first),
        Value::Object(map) => {
            let has = |l: Lang| map.get(l.code()).and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty());
            match (has(first), has(second)) {
                (true, false) => Some(first),
                (false, true) => Some(second),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Collects `(path, value)` for every value of `value` whose schema is
/// `Text`.
fn walk<'v>(
    value: &'v Value,
    schema: &Value,
    defs: &Map<String, Value>,
    path: &mut Vec<Seg>,
    out: &mut Vec<(Vec<Seg>, &'v Value)>,
    depth: usize,
) {
    // Schemas of the model are shallow; a deep one is not ours to walk.
    if depth > 64 || value.is_null() {
        return;
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        if reference == TEXT {
            out.push((path.clone(), value));
            return;
        }
        if let Some(target) = reference.strip_prefix("#/$defs/").and_then(|name| defs.get(name)) {
            walk(value, target, defs, path, out, depth + 1);
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for branch in schema.get(key).and_then(Value::as_array).into_iter().flatten() {
            walk(value, branch, defs, path, out, depth + 1);
        }
    }
    match value {
        Value::Object(map) => {
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties").filter(|a| a.is_object());
            for (key, item) in map {
                let Some(sub) = properties.and_then(|p| p.get(key)).or(additional) else { continue };
                path.push(Seg::Key(key.clone()));
                walk(item, sub, defs, path, out, depth + 1);
                path.pop();
            }
        }
        Value::Array(items) => {
            let Some(sub) = schema.get("items") else { return };
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk(item, sub, defs, path, out, depth + 1);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn texts_are_found_through_refs_options_maps_and_lists() {
        let schema = json!({
            "properties": {
                "title": {"$ref": "#/$defs/Text"},
                "note": {"anyOf": [{"$ref": "#/$defs/Text"}, {"type": "null"}]},
                "points": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Point"}},
                "id": {"type": "string"}
            },
            "$defs": {
                "Text": {"anyOf": [{"type": "string"}]},
                "Point": {"properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/Text"}}}}
            }
        });
        let value = json!({
            "title": "Judul",
            "note": null,
            "id": "not-a-text",
            "points": {"p1": {"items": [{"id": "a", "en": "b"}, {"en": "only"}]}}
        });
        let defs = schema["$defs"].as_object().unwrap().clone();
        let mut out = Vec::new();
        walk(&value, &schema, &defs, &mut Vec::new(), &mut out, 0);
        let paths = out.iter().map(|(p, _)| format!("{p:?}")).collect::<Vec<_>>();
        assert_eq!(paths.len(), 3, "{paths:?}");
        let one = out.iter().filter_map(|(_, v)| written_in(v, Lang::Id, Lang::En)).collect::<Vec<_>>();
        assert_eq!(one, [Lang::Id, Lang::En]);
    }
}
