//! W008: text the report fonts cannot show. Found in the files' text
//! itself (comments left out), so that each warning points at the
//! character and names the field it is in.

use crate::diag::{Code, Diagnostic, Location};
use crate::fonts as glyphs;
use crate::msg;

use super::Context;

/// Most warnings per file: one text in Chinese would otherwise give one
/// per character.
const MOST_PER_FILE: usize = 5;

pub(super) fn check(cx: &mut Context<'_>) {
    let mut found = Vec::new();
    for source in cx.ws.sources.iter() {
        if source.text.is_ascii() {
            continue;
        }
        let mut in_file = 0;
        let mut offset = 0;
        for line in source.text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            if line.trim_start().starts_with('#') || glyphs::all_shown(line) {
                continue;
            }
            // One warning per line: the first character no font has.
            let Some((at, c)) = line.char_indices().find(|&(_, c)| !glyphs::shown(c)) else { continue };
            let field = field_of(line);
            let (script_en, script_id) = glyphs::script(c);
            let code = format!("U+{:04X}", c as u32);
            let at = start + at;
            found.push(
                Diagnostic::new(
                    Code::NotInFonts,
                    msg!(
                        "the report fonts cannot show `{c}` ({code}, {script_en}) in `{field}`",
                        "fonta laporan tidak dapat menampilkan `{c}` ({code}, {script_id}) di `{field}`"
                    ),
                )
                .at(Location::span(&source.path, at, at + c.len_utf8()))
                .label(msg!("shown as □ in reports", "tampil sebagai □ di laporan"))
                .hint(msg!(
                    "write it in Latin letters, or accept □ in the PDFs; the report is still made",
                    "tulis dengan huruf Latin, atau terima □ di PDF; laporan tetap dibuat"
                )),
            );
            in_file += 1;
            if in_file == MOST_PER_FILE {
                break;
            }
        }
    }
    for d in found {
        cx.push(d);
    }
}

/// The key a line sets (`justification` in `  justification: …`), or the
/// text of the line's start.
fn field_of(line: &str) -> String {
    let trimmed = line.trim_start().trim_start_matches("- ");
    match trimmed.split_once(':') {
        Some((key, _)) if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') => {
            key.to_owned()
        }
        _ => "…".to_owned(),
    }
}
