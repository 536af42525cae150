//! The one pattern every id follows: lower-case letters `a`–`z`, digits,
//! `-` and `_`, starting with a letter or digit, at most 64 characters.
//! Ids become file and folder names (`assessments/<period>/<institution>.yaml`,
//! `out/report-<period>-<lang>.pdf`), so the pattern keeps every derived
//! path inside its folder and the same on every file system.

/// Longest id.
pub const MAX_LEN: usize = 64;

/// Whether `id` follows the pattern.
pub fn is_valid(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_LEN
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// An id that follows the pattern, made from `id`: lower case, accents
/// dropped, every run of other characters one `-`, cut to the limit.
pub fn suggest(id: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in id.nfkd().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' | '_' => out.push(c),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    let mut out = out.trim_matches(['-', '_']).chars().take(MAX_LEN).collect::<String>();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "id-1".to_owned() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern() {
        for good in ["2017-s1", "diskominfo", "m1", "bupati-eight-points", "a_b", "x"] {
            assert!(is_valid(good), "{good}");
        }
        for bad in ["", "../../esc", "Dinas", "-x", "_x", "a b", "a/b", "a.b", "é", &"x".repeat(65)] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn suggestions_follow_the_pattern() {
        assert_eq!(suggest("../../esc"), "esc");
        assert_eq!(suggest("Dinas Kesehatan"), "dinas-kesehatan");
        assert_eq!(suggest("Désa  Ngringinrejo!"), "desa-ngringinrejo");
        assert_eq!(suggest("///"), "id-1");
        for s in ["../../esc", "Dinas Kesehatan", "///", &"Ab ".repeat(40)] {
            assert!(is_valid(&suggest(s)), "{s}");
        }
    }
}
