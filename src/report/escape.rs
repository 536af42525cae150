//! Escaping for Typst, so that no text from a workspace can ever run as
//! Typst code or change a report's layout.
//!
//! In Typst markup a backslash before any non-space character makes that
//! character literal (the one exception, `\u{...}`, cannot arise: the
//! backslash itself is escaped). So [`markup`] escapes every ASCII
//! punctuation character — `#`, `$`, `*`, `_`, `<`, `@`, `/`, `=`, `-`, `[`,
//! `\`, quotes, ... — and turns every line break into a space, so a value can
//! never start a heading, a list item or a new paragraph. Control characters
//! are dropped. [`string`] quotes a value as a Typst string literal for the
//! few places that need code (document metadata).

/// Escapes `text` for Typst markup (also inside `[...]` content blocks).
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8 + 2);
    push_markup(&mut out, text);
    out
}

/// Appends `text` escaped for Typst markup. A character no bundled font
/// has becomes [`crate::fonts::MISSING`]; a run of more than
/// [`LONGEST_RUN`] characters without a space (a URL, a path, a long
/// word) gets places where a line may break, after its punctuation and
/// then every [`LONGEST_RUN`] characters, so it cannot run off the page.
pub fn push_markup(out: &mut String, text: &str) {
    let all_shown = crate::fonts::all_shown(text);
    let mut run = 0usize;
    let mut prev = ' ';
    // Where the current run of letters and digits starts in `out`, and
    // whether a joined token ("2016–2017", "barang/jasa") is open in a box.
    let mut word_start = out.len();
    let mut boxed = false;
    // Whether the current run (since a space) had a slash: a path, not
    // "barang/jasa".
    let mut slashed = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let slash_word = || {
            let rest = chars.clone().take_while(|n| !n.is_whitespace());
            c == '/' && !slashed && prev.is_alphabetic() && next.is_alphabetic() && run < BREAK_AFTER && {
                let mut rest = rest;
                rest.all(|n| n.is_alphabetic() || matches!(n, ',' | ';' | ':' | ')' | '.' | '!' | '?'))
            }
        };
        let joins = (c == '\u{2013}' && prev.is_ascii_digit() && next.is_ascii_digit()) || slash_word();
        if c.is_whitespace() {
            slashed = false;
        } else if c == '/' {
            slashed = true;
        }
        if joins && !boxed {
            // A box is never broken across lines; its text is extracted as
            // it is (a word joiner would land in copied text).
            out.insert_str(word_start, "#box[");
            boxed = true;
        } else if boxed && !joins && !c.is_alphanumeric() {
            out.push(']');
            boxed = false;
        }
        if c.is_whitespace() {
            run = 0;
        } else {
            run += 1;
        }
        match c {
            c if is_line_break(c) || c == '\t' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
                let more = chars.peek().is_some_and(|n| !n.is_whitespace());
                if !boxed
                    && more
                    && run > BREAK_AFTER
                    && matches!(c, '/' | '.' | '_' | '-' | '?' | '&' | '=' | ',' | ';' | ':')
                {
                    out.push_str(BREAK);
                    run = 0;
                }
            }
            c if !all_shown && !crate::fonts::shown(c) => out.push(crate::fonts::MISSING),
            c => out.push(c),
        }
        if !boxed && run >= LONGEST_RUN && chars.peek().is_some_and(|n| !n.is_whitespace()) {
            out.push_str(BREAK);
            run = 0;
        }
        // A box opens only at a place where whole escapes end.
        if !c.is_alphanumeric() || out.ends_with(';') {
            word_start = out.len();
        }
        prev = c;
    }
    if boxed {
        out.push(']');
    }
}

/// Longest run of characters without a place to break a line.
pub const LONGEST_RUN: usize = 30;

/// From this many characters on, a run may break after punctuation.
const BREAK_AFTER: usize = 20;

/// A place where a line may break and nothing else: Typst breaks lines at
/// spacing, and zero spacing draws nothing, so a reader that extracts the
/// text (or a reader copying a path) gets it whole. (A zero-width space
/// would do the same for Typst, but lands in the extracted text.) The
/// semicolon ends the call, so the text after it stays text.
pub const BREAK: &str = "#h(0pt);";

/// Quotes `text` as a Typst string literal: `"..."`.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if is_line_break(c) || c == '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The characters Typst's lexer treats as line breaks.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ascii_punctuation_character_is_escaped() {
        for c in (0u8..128).map(char::from).filter(char::is_ascii_punctuation) {
            assert_eq!(markup(&c.to_string()), format!("\\{c}"), "{c:?}");
        }
    }

    #[test]
    fn letters_digits_and_non_ascii_pass_through() {
        assert_eq!(markup("Desa Ngringinrejo 2017 — ✪ é"), "Desa Ngringinrejo 2017 — ✪ é");
    }

    #[test]
    fn line_breaks_become_spaces_and_controls_vanish() {
        assert_eq!(markup("a\nb\r\nc\u{2028}d\te\u{0}f\u{1b}g"), "a b  c d efg");
        assert_eq!(markup("x\n= Heading\n- item"), "x \\= Heading \\- item");
    }

    #[test]
    fn code_and_markup_triggers_are_neutralised() {
        assert_eq!(markup("#read(\"/etc/passwd\")"), "\\#read\\(\\\"\\/etc\\/passwd\\\"\\)");
        assert_eq!(markup("#import \"@preview/x:1.0.0\""), "\\#import \\\"\\@preview\\/x\\:1\\.0\\.0\\\"");
        assert_eq!(markup("$x^2$"), "\\$x\\^2\\$");
        assert_eq!(markup("*bold* _em_ `raw`"), "\\*bold\\* \\_em\\_ \\`raw\\`");
        assert_eq!(markup("<label> @ref // c /* d */"), "\\<label\\> \\@ref \\/\\/ c \\/\\* d \\*\\/");
        assert_eq!(markup("\\u{41} \\"), "\\\\u\\{41\\} \\\\");
        assert_eq!(markup("~ -- ... 'q' \"q\""), "\\~ \\-\\- \\.\\.\\. \\'q\\' \\\"q\\\"");
    }

    #[test]
    fn long_runs_get_places_to_break() {
        let path = "evidence/bank-indonesia/2017-s2/laporan-edukasi-keuangan-nontunai.txt";
        let escaped = markup(path);
        assert!(escaped.contains(BREAK), "{escaped}");
        assert_eq!(escaped.replace(BREAK, "").replace('\\', ""), path);
        let word = "a".repeat(70);
        assert_eq!(markup(&word).matches(BREAK).count(), 2);
        // Ordinary prose gets none: every run is short, and a break never
        // goes before a space.
        assert!(!markup("Pemahaman konsep OGP, rencana aksi, dan dewan pengarah.").contains(BREAK));
        assert!(!markup(&"x".repeat(30)).contains(BREAK));
    }

    #[test]
    fn ranges_and_short_slashed_words_do_not_break() {
        assert_eq!(markup("2016–2017 (0–100)"), "#box[2016–2017] \\(#box[0–100]\\)");
        assert_eq!(markup("barang/jasa."), "#box[barang\\/jasa]\\.");
        assert_eq!(markup("levels 1–2–3"), "levels #box[1–2–3]");
        // Words around a dash, and a slash between digits, break as before.
        assert_eq!(markup("Jan – Feb 1/2"), "Jan – Feb 1\\/2");
        // Dropped and replaced characters before a range do not move the box.
        assert_eq!(markup("\u{0}\u{2028}2016–2017"), " #box[2016–2017]");
        // A long path keeps its places to break.
        assert!(markup("evidence/bappeda/2017-s1/laporan-kegiatan.txt").contains(BREAK));
    }

    #[test]
    fn characters_no_font_has_become_a_box() {
        assert_eq!(markup("Kota 中山 ꦗꦮ"), "Kota □□ ꦗꦮ");
    }

    #[test]
    fn strings_are_quoted() {
        assert_eq!(string("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c d\"");
        assert_eq!(string("#read(\"x\")"), "\"#read(\\\"x\\\")\"");
    }
}
