//! The fonts built into the binary, and which characters they can show.
//!
//! Reports are set in these fonts (`report::typeset` serves them to
//! Typst), and a character none of them has would fail the PDF/A export:
//! a report shows it as [`MISSING`] instead (`report::escape`), and
//! `validate` warns about it where it is written (W008). Both ask this
//! module, which sits below them both. It reads no file: the fonts and
//! what they hold are built in.

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// Noto Sans (SIL Open Font License, `assets/fonts/OFL.txt`), the reports'
/// text face, and the Noto faces of the scripts an Indonesian workspace can
/// contain (Javanese, Balinese, Sundanese, Buginese, Batak, Rejang, Arabic
/// for Jawi and Pegon) and of Thai; Typst falls back to them for the
/// characters Noto Sans lacks. Typst's own fonts (Libertinus Serif, New
/// Computer Modern, DejaVu Sans Mono) come from `typst-assets`. A
/// character none of them has is shown as `□` and warned about by
/// `validate` (W008).
const BUNDLED_FONTS: &[&[u8]] = &[
    include_bytes!("../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../assets/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../assets/fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../assets/fonts/NotoSansJavanese-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansJavanese-Bold.ttf"),
    include_bytes!("../assets/fonts/NotoSansBalinese-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansBalinese-Bold.ttf"),
    include_bytes!("../assets/fonts/NotoSansSundanese-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansSundanese-Bold.ttf"),
    include_bytes!("../assets/fonts/NotoSansBuginese-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansBatak-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansRejang-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansArabic-Bold.ttf"),
    include_bytes!("../assets/fonts/NotoSansThai-Regular.ttf"),
    include_bytes!("../assets/fonts/NotoSansThai-Bold.ttf"),
];

/// What Typst reads from each face of [`font_files`] (family, style,
/// the characters it covers), worked out when the fonts change
/// (`committed_font_infos_are_fresh` fails until it is written again), so
/// that a run reads this instead of parsing 34 faces: a report parses only
/// the faces it sets text in.
const FONT_INFOS: &str = include_str!("../assets/fonts/infos.json");

/// A face of a font file: the file (an index into [`font_files`]), the
/// face's index in it, and what it holds.
type FaceInfo = (usize, u32, typst::text::FontInfo);

/// Every font file: the bundled ones, then Typst's own.
fn font_files() -> Vec<&'static [u8]> {
    BUNDLED_FONTS.iter().copied().chain(typst_assets::fonts()).collect()
}

/// Every face of [`font_files`], parsed, with what it holds.
fn parse_faces() -> Vec<(FaceInfo, Font)> {
    font_files()
        .into_iter()
        .enumerate()
        .flat_map(|(file, data)| {
            Font::iter(Bytes::new(data)).map(move |font| ((file, font.index(), font.info().clone()), font))
        })
        .collect()
}

/// One face: where it is, and the face parsed when Typst first asks for it.
struct Face {
    data: &'static [u8],
    index: u32,
    font: OnceLock<Option<Font>>,
}

/// The built-in fonts: the book Typst chooses faces from, what each face
/// holds, and the faces, each parsed when first asked for.
pub(crate) struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    infos: Vec<typst::text::FontInfo>,
    faces: Vec<Face>,
}

impl Fonts {
    /// The face at `index` of the book, parsed the first time it is asked
    /// for.
    pub(crate) fn face(&self, index: usize) -> Option<Font> {
        let face = self.faces.get(index)?;
        face.font.get_or_init(|| Font::new(Bytes::new(face.data), face.index)).clone()
    }
}

/// The built-in fonts, loaded once per process.
pub(crate) fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let files = font_files();
        let known = serde_json::from_str::<Vec<FaceInfo>>(FONT_INFOS)
            .ok()
            .filter(|infos| infos.iter().all(|(file, ..)| *file < files.len()));
        let (infos, faces): (Vec<_>, Vec<_>) = match known {
            Some(infos) => infos
                .into_iter()
                .map(|(file, index, info)| (info, Face { data: files[file], index, font: OnceLock::new() }))
                .unzip(),
            // Never in a build whose tests pass; parsing every face is
            // slower, not wrong.
            None => parse_faces()
                .into_iter()
                .map(|((file, index, info), font)| {
                    (info, Face { data: files[file], index, font: OnceLock::from(Some(font)) })
                })
                .unzip(),
        };
        Fonts { book: LazyHash::new(FontBook::from_infos(infos.iter().cloned())), infos, faces }
    })
}

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
    COVERAGE.get_or_init(|| fonts().infos.iter().map(|info| info.coverage.clone()).collect())
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

    /// `assets/fonts/infos.json` says what the fonts built in hold.
    #[test]
    fn committed_font_infos_are_fresh() {
        let fresh = parse_faces().into_iter().map(|(info, _)| info).collect::<Vec<_>>();
        let mut json = serde_json::to_string(&fresh).unwrap();
        json.push('\n');
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/infos.json");
        if std::env::var_os("TERBUKA_WRITE_FONT_INFOS").is_some() {
            std::fs::write(path, &json).unwrap();
        }
        assert!(
            json == FONT_INFOS,
            "assets/fonts/infos.json is stale (the fonts changed); write it again with \
             `TERBUKA_WRITE_FONT_INFOS=1 cargo test --release --lib committed_font_infos_are_fresh`"
        );
        let book = &fonts().book;
        for (i, info) in fresh.iter().enumerate() {
            assert_eq!(book.info(i), Some(&info.2));
        }
    }
}
