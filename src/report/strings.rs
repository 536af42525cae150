//! The fixed strings of every report, in Indonesian and English
//! (`report-templates/strings.yaml`), and the language-dependent ways of
//! writing dates and numbers.

use std::collections::BTreeMap;

use chrono::Datelike;
use serde::Deserialize;

use crate::model::{Date, Lang};
use crate::score::Ratio;

/// One fixed string in both languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    en: String,
}

/// The catalogue, resolved to one language.
#[derive(Debug, Clone)]
pub struct Strings {
    lang: Lang,
    map: BTreeMap<String, String>,
}

/// Why the catalogue could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringsError {
    /// What is wrong.
    pub message: String,
    /// 1-based line and column, when known.
    pub line_col: Option<(usize, usize)>,
}

impl Strings {
    /// Parses the catalogue and keeps `lang`'s strings. Every entry must
    /// have both languages, so no report can come out half-translated.
    pub fn parse(text: &str, lang: Lang) -> Result<Strings, StringsError> {
        let entries: BTreeMap<String, Entry> = serde_yaml::from_str(text).map_err(|e| StringsError {
            message: e.to_string(),
            line_col: e.location().map(|l| (l.line(), l.column())),
        })?;
        let map = entries
            .into_iter()
            .map(|(k, e)| {
                let s = match lang {
                    Lang::Id => e.id,
                    Lang::En => e.en,
                };
                (k, s)
            })
            .collect();
        Ok(Strings { lang, map })
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every string, for the templates (`t.key`).
    pub fn all(&self) -> &BTreeMap<String, String> {
        &self.map
    }

    /// One string; a missing key shows as `[key]` so it is visible, and a
    /// test checks that every key the code asks for exists.
    pub fn get(&self, key: &str) -> String {
        self.map.get(key).cloned().unwrap_or_else(|| format!("[{key}]"))
    }

    /// Whether the catalogue has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The label of a closed-scale value: `prefix.kebab-value`.
    pub fn label<T: serde::Serialize>(&self, prefix: &str, value: &T) -> String {
        let name = crate::export_kebab(value).unwrap_or_default();
        self.get(&format!("{prefix}.{name}"))
    }

    /// A date written out: "31 Desember 2017", "31 December 2017", with
    /// no-break spaces, so a line never breaks inside a date.
    pub fn date(&self, date: Date) -> String {
        const ID: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let months = match self.lang {
            Lang::Id => &ID,
            Lang::En => &EN,
        };
        let month = months[date.month0() as usize];
        format!("{}\u{a0}{month}\u{a0}{}", date.day(), date.year())
    }

    /// A number with `decimals` places, rounded half away from zero, with
    /// the language's decimal mark (a comma in Indonesian).
    pub fn number(&self, value: Ratio, decimals: u32) -> String {
        let text = value.display(decimals);
        match self.lang {
            Lang::Id => text.replace('.', ","),
            Lang::En => text,
        }
    }

    /// A byte count: "1,2 KiB".
    pub fn size(&self, bytes: u64) -> String {
        if bytes < 1024 {
            return format!("{bytes} B");
        }
        let (unit, div) = if bytes < 1024 * 1024 { ("KiB", 1024) } else { ("MiB", 1024 * 1024) };
        format!("{} {unit}", self.number(Ratio::new(i128::from(bytes), div), 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(lang: Lang) -> Strings {
        Strings::parse("a: {id: satu, en: one}\n", lang).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn dates_use_each_language_s_month_names() {
        let d = Date::from_ymd_opt(2017, 12, 31).unwrap_or_default();
        assert_eq!(strings(Lang::Id).date(d), "31\u{a0}Desember\u{a0}2017");
        assert_eq!(strings(Lang::En).date(d), "31\u{a0}December\u{a0}2017");
    }

    #[test]
    fn indonesian_numbers_use_a_decimal_comma() {
        assert_eq!(strings(Lang::Id).number(Ratio::new(125, 2), 1), "62,5");
        assert_eq!(strings(Lang::En).number(Ratio::new(125, 2), 1), "62.5");
        assert_eq!(strings(Lang::Id).size(1536), "1,5 KiB");
    }

    #[test]
    fn an_entry_missing_a_language_is_an_error() {
        let e = Strings::parse("a: {id: satu}\n", Lang::Id).err();
        assert!(e.is_some_and(|e| e.message.contains("missing field `en`")));
    }

    #[test]
    fn a_missing_key_is_visible() {
        assert_eq!(strings(Lang::En).get("nope"), "[nope]");
        assert_eq!(strings(Lang::Id).get("a"), "satu");
    }
}
