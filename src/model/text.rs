//! Bilingual text: a plain string, or `{id: ..., en: ...}`.
//!
//! Users write in Bahasa Indonesia; reports come in Indonesian and English.
//! A plain string is taken as written in the workspace's first language and
//! is shown unchanged in every language.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Text in one or both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Text per language; a missing language falls back to the other.
    Bilingual {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        en: Option<String>,
    },
}

impl Text {
    /// The text in `lang`, falling back to the other language.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Bilingual { id, en } => {
                let (first, second) = match lang {
                    Lang::Id => (id, en),
                    Lang::En => (en, id),
                };
                first.as_deref().or(second.as_deref()).unwrap_or("")
            }
        }
    }

    /// The text for a reader of `lang`, and the language it is written in
    /// when that is another (a plain string is in `first`, the workspace's
    /// first language; a text given in one language only is in that one).
    pub fn in_lang(&self, lang: Lang, first: Lang) -> (&str, Option<Lang>) {
        let other = |l: Lang| (l != lang).then_some(l);
        match self {
            Text::Plain(s) => (s, other(first)),
            Text::Bilingual { id, en } => match (lang, id, en) {
                (Lang::Id, Some(t), _) | (Lang::En, _, Some(t)) => (t, None),
                (Lang::Id, None, Some(t)) => (t, Some(Lang::En)),
                (Lang::En, Some(t), None) => (t, Some(Lang::Id)),
                (_, None, None) => ("", None),
            },
        }
    }

    /// Every string this text holds, for checks that apply to all of them.
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        let (a, b) = match self {
            Text::Plain(s) => (Some(s.as_str()), None),
            Text::Bilingual { id, en } => (id.as_deref(), en.as_deref()),
        };
        a.into_iter().chain(b)
    }

    /// Whether the text has a version in `lang` (a plain string counts).
    pub fn has(&self, lang: Lang) -> bool {
        match self {
            Text::Plain(_) => true,
            Text::Bilingual { id, en } => match lang {
                Lang::Id => id.is_some(),
                Lang::En => en.is_some(),
            },
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text: a string, or `{id: ..., en: ...}`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut id = None;
                let mut en = None;
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "id" => &mut id,
                        "en" => &mut en,
                        other => return Err(de::Error::unknown_field(other, &["id", "en"])),
                    };
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field(if key == "id" { "id" } else { "en" }));
                    }
                    *slot = Some(map.next_value::<String>()?);
                }
                if id.is_none() && en.is_none() {
                    return Err(de::Error::missing_field("id"));
                }
                Ok(Text::Bilingual { id, en })
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text: a plain string (shown in every language), or the text per language.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "description": "Bahasa Indonesia"},
                        "en": {"type": "string", "description": "English"}
                    },
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}
