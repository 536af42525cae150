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

/// Appends `text` escaped for Typst markup.
pub fn push_markup(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            c if is_line_break(c) || c == '\t' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

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
    fn strings_are_quoted() {
        assert_eq!(string("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c d\"");
        assert_eq!(string("#read(\"x\")"), "\"#read(\\\"x\\\")\"");
    }
}
