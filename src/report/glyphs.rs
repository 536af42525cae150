//! Which characters the reports' fonts can show. A character none of the
//! bundled fonts has would fail the PDF/A export; instead it is shown as
//! [`MISSING`] in the report, and `validate` warns about it where it is
//! written (W008).

use std::sync::OnceLock;

/// What a report shows for a character no font has.
pub const MISSING: char = '\u{25a1}';

/// Whether every character of this range is certainly in Noto Sans (Latin,
/// Latin-1, Latin Extended-A and -B, general punctuation, currency
/// signs): no font needs to be asked.
fn surely_shown(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{24f}' | '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20c0}')
}

/// Whether a bundled font has `c` (line breaks and other controls count as
/// shown: escaping deals with them).
pub fn shown(c: char) -> bool {
    surely_shown(c) || c.is_control() || coverage().iter().any(|cov| cov.contains(c as u32))
}

/// Whether every character of `text` is shown.
pub fn all_shown(text: &str) -> bool {
    text.is_ascii() || text.chars().all(shown)
}

fn coverage() -> &'static [typst::text::Coverage] {
    static COVERAGE: OnceLock<Vec<typst::text::Coverage>> = OnceLock::new();
    COVERAGE.get_or_init(|| super::typeset::fonts_info().map(|info| info.coverage.clone()).collect())
}

/// The script of a character, in words, for messages: (en, id).
pub fn script(c: char) -> (&'static str, &'static str) {
    match c as u32 {
        0x0E00..=0x0E7F => ("Thai", "Thai"),
        0x1100..=0x11FF | 0xAC00..=0xD7AF | 0x3130..=0x318F => ("Korean", "Korea"),
        0x3040..=0x30FF => ("Japanese kana", "kana Jepang"),
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => {
            ("Chinese, Japanese or Korean (CJK)", "Tionghoa, Jepang, atau Korea (CJK)")
        }
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE00..=0xFE0F => ("emoji or symbol", "emoji atau simbol"),
        _ => ("a script the report fonts do not have", "aksara yang tidak dimiliki fonta laporan"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_scripts_are_shown_and_others_are_known_missing() {
        for c in ['a', 'é', '–', '€', 'ꦗ', 'ᬅ', 'ᮊ', 'ᨀ', 'ᯀ', 'ب', 'ก', MISSING] {
            assert!(shown(c), "{c} U+{:04X}", c as u32);
        }
        for c in ['中', '😀', '한'] {
            assert!(!shown(c), "{c}");
        }
    }
}
