//! Turns a serde_yaml error into a located diagnostic with a hint a focal
//! point can act on.
//!
//! One unit: one classification of the parser's failures, each branch
//! worded beside the case it recognises.

use std::sync::Arc;

use crate::diag::{Code, Diagnostic, Location, Msg, SourceFile, closest};
use crate::msg;

use super::indent::{Misindent, continuation_hint, misindented, sibling_hint};
use super::{Locator, Seg};

/// The diagnostic for a file serde_yaml could not deserialise, with what
/// its indentation says when that is the likely cause.
pub(super) fn diagnose(error: &serde_yaml::Error, source: &Arc<SourceFile>, locator: &Locator) -> Diagnostic {
    let mut d = diagnose_inner(error, source, locator);
    if let Some(path) = key_path(error) {
        d.location = d.location.take().map(|l| l.concerning(&path, &|_| None));
    }
    match continuation_hint(&d, source) {
        Some(hint) => d.hint(hint),
        None => d,
    }
}

/// The key path a deserialising error concerns: serde_yaml's path, and for
/// a key that is unknown, missing or written twice, that key.
fn key_path(error: &serde_yaml::Error) -> Option<Vec<Seg>> {
    let raw = error.to_string();
    let text = raw.rfind(" at line ").map_or(raw.as_str(), |i| &raw[..i]);
    let (path, text) = split_path(text);
    let mut segs = parse_path(path.unwrap_or(""));
    let key = ["unknown field `", "missing field `", "duplicate field `"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .and_then(|rest| rest.split('`').next());
    match key {
        Some(key) => segs.push(Seg::Key(key.to_owned())),
        None if path.is_none() => return None,
        None => {}
    }
    Some(segs)
}

fn diagnose_inner(error: &serde_yaml::Error, source: &Arc<SourceFile>, locator: &Locator) -> Diagnostic {
    let raw = error.to_string();
    // serde_yaml appends " at line L column C" and prefixes "a.b.c: ".
    let text = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw.as_str(),
    };
    let (path, text) = split_path(text);
    let location = match (position(text), error.location()) {
        // libyaml's reader errors ("control characters are not allowed")
        // give a character position, and serde_yaml a location of 1:1.
        (Some(chars), _) => match source.text.char_indices().nth(chars) {
            Some((at, c)) => Location::span(&source.path, at, at + c.len_utf8()),
            None => Location::file(&source.path),
        },
        (None, Some(l)) => {
            let start = source.offset(l.line(), l.column());
            let span = token_at(source, locator, start);
            Location::span(&source.path, span.0, span.1)
        }
        (None, None) => Location::file(&source.path),
    };
    let within = |en: &str, id: &str| -> (String, String) {
        match path {
            Some(p) => (format!("{en} (in `{p}`)"), format!("{id} (di `{p}`)")),
            None => (en.to_owned(), id.to_owned()),
        }
    };

    if source.text.trim().is_empty()
        || source.text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Diagnostic::new(Code::MissingKey, msg!("this file is empty", "berkas ini kosong"))
            .at(Location::file(&source.path))
            .hint(msg!(
                "fill it in, or delete it; `terbuka schema` describes what each kind of file holds",
                "isi berkas ini, atau hapus; `terbuka schema` menjelaskan isi setiap jenis berkas"
            ));
    }

    if let Some(rest) = text.strip_prefix("unknown field `") {
        let (field, expected) = split_expected(rest);
        // serde_yaml points at the mapping; point at the key itself.
        let mut key_path = parse_path(path.unwrap_or(""));
        key_path.push(Seg::Key(field.to_owned()));
        let in_flow = location.span.is_some_and(|s| source.text[s.start..].starts_with('{'));
        let location = match locator.node(&key_path).and_then(|n| n.key) {
            Some(span) => Location::span(&source.path, span.start, span.end),
            None => location,
        };
        let (en, id) = within(&format!("unknown key `{field}`"), &format!("kunci `{field}` tidak dikenal"));
        let mut d = Diagnostic::new(Code::UnknownKey, Msg::new(en, id))
            .at(location)
            .label(msg!("not a key here", "bukan kunci yang berlaku di sini"));
        if let Some(best) = closest(field, expected.iter().map(String::as_str)) {
            d = d.hint(msg!("did you mean `{best}`?", "mungkin maksud Anda `{best}`?"));
        }
        if !expected.is_empty() {
            let list = expected.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            d = d.hint(msg!("the keys allowed here are {list}", "kunci yang berlaku di sini: {list}"));
        }
        if in_flow {
            d = d.hint(msg!(
                "inside `{{...}}` a comma starts a new key: put text that contains commas in quotes",
                "di dalam `{{...}}` tanda koma memulai kunci baru: beri tanda kutip pada teks yang memuat koma"
            ));
        }
        return d;
    }

    if let Some(rest) = text.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        let (en, id) =
            within(&format!("the required key `{field}` is missing"), &format!("kunci wajib `{field}` tidak ada"));
        return Diagnostic::new(Code::MissingKey, Msg::new(en, id))
            .at(location)
            .hint(msg!("add a line `{field}: ...` here", "tambahkan baris `{field}: ...` di sini"));
    }

    if let Some(rest) = text.strip_prefix("unknown variant `") {
        let (value, expected) = split_expected(rest);
        let (en, id) = within(
            &format!("`{value}` is not one of the allowed values"),
            &format!("`{value}` bukan salah satu nilai yang diperbolehkan"),
        );
        let mut d = Diagnostic::new(Code::WrongType, Msg::new(en, id))
            .at(location)
            .label(msg!("not allowed here", "tidak diperbolehkan di sini"));
        if let Some(best) = closest(value, expected.iter().map(String::as_str)) {
            d = d.hint(msg!("did you mean `{best}`?", "mungkin maksud Anda `{best}`?"));
        }
        let list = expected.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
        return d.hint(msg!("write one of {list}", "tulis salah satu dari: {list}"));
    }

    if let Some(rest) = text.strip_prefix("duplicate field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        let (en, id) =
            within(&format!("the key `{field}` is written twice"), &format!("kunci `{field}` ditulis dua kali"));
        return Diagnostic::new(Code::DuplicateId, Msg::new(en, id))
            .at(location)
            .hint(msg!("keep one of the two lines", "pertahankan salah satu baris saja"));
    }

    if let Some(rest) = text.strip_prefix("invalid type: ").or_else(|| text.strip_prefix("invalid value: ")) {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "something else"));
        if let Some(d) = out_of_range(found, expected, &location, &within, path.unwrap_or("")) {
            return d;
        }
        // A level written as a word (`level: tiga`) or in quotes.
        if path.is_some_and(|p| p.ends_with("level")) && found.starts_with("string ") {
            let written = found.trim_start_matches("string ");
            let (en, id) = within(
                &format!("a level is a number of the rubric's scale, not the text {written}"),
                &format!("tingkat adalah angka pada skala rubrik, bukan teks {written}"),
            );
            return Diagnostic::new(Code::WrongType, Msg::new(en, id)).at(location).hint(msg!(
                "write the level's number, without quotes, as the rubric's `scale:` lists them: `level: 3`",
                "tulis angka tingkatnya tanpa tanda kutip, seperti yang tercantum di `scale:` rubrik: `level: 3`"
            ));
        }
        let (found_en, found_id) = describe_found(found);
        let (exp_en, exp_id) = describe_expected(expected);
        let (en, id) = within(
            &format!("expected {exp_en}, found {found_en}"),
            &format!("seharusnya {exp_id}, tetapi tertulis {found_id}"),
        );
        let written = location.span.and_then(|s| source.text.get(s.start..s.end));
        let mut d = Diagnostic::new(Code::WrongType, Msg::new(en, id)).at(location.clone());
        if let Some(hint) = type_hint(found, expected, written) {
            d = d.hint(hint);
        }
        return d;
    }

    if is_date_error(text) {
        let (why_en, why_id) = date_problem(text);
        let (en, id) =
            within(&format!("this is not a valid date ({why_en})"), &format!("ini bukan tanggal yang sah ({why_id})"));
        return Diagnostic::new(Code::WrongType, Msg::new(en, id)).at(location).hint(msg!(
            "write dates as YYYY-MM-DD, e.g. 2017-06-30",
            "tulis tanggal dengan format TTTT-BB-HH, misalnya 2017-06-30"
        ));
    }

    if text.contains("recursion limit exceeded") {
        return Diagnostic::new(
            Code::YamlSyntax,
            msg!("this file is nested too deeply", "struktur berkas ini bersarang terlalu dalam"),
        )
        .at(location)
        .hint(msg!(
            "no terbuka file needs more than a few levels of indentation",
            "tidak ada berkas terbuka yang memerlukan lebih dari beberapa tingkat indentasi"
        ));
    }
    if text.contains("repetition limit exceeded") {
        return Diagnostic::new(
            Code::YamlSyntax,
            msg!(
                "this file expands its aliases (`*name`) too many times",
                "berkas ini mengembangkan alias (`*nama`) terlalu banyak kali"
            ),
        )
        .at(location)
        .hint(msg!(
            "write the values out instead of using anchors and aliases",
            "tuliskan nilainya langsung, jangan memakai anchor dan alias"
        ));
    }

    // Everything else comes from the YAML scanner or parser, as
    // "PROBLEM at line L column C, while CONTEXT at line L column C": point
    // at where the construct that went wrong started.
    let ((problem, gave_up), context) = match raw.split_once(", while ") {
        Some((p, c)) => (strip_position(p), Some(strip_position(c))),
        None => (strip_position(text), None),
    };
    // The line where the parser gave up: the line to edit is at or above it.
    let gave_up = gave_up.map(|(line, _)| line).or_else(|| location.span.map(|s| source.line_col(s.start).0));
    let location = match context {
        Some((_, Some((line, column)))) => {
            let start = source.offset(line, column);
            let span = token_at(source, locator, start);
            Location::span(&source.path, span.0, span.1)
        }
        _ => location,
    };
    // The double-quoted text the construct starts with, to the end of its
    // line: a closed quote with a backslash in it is the backslash's fault.
    let quoted = location.span.and_then(|s| {
        let line = source.text.get(s.start..)?.lines().next()?;
        let body = line.strip_prefix('"')?;
        Some(body.split_once('"').map_or(body, |(inside, _)| inside))
    });
    let backslashed = quoted.is_some_and(|q| q.contains('\\'));
    if problem.contains("unknown escape character")
        || (backslashed && context.is_some_and(|(c, _)| c.contains("quoted scalar")))
    {
        // `"C:\data\sk.pdf"`: the quote is closed, the backslash is the
        // problem (`\d` is no escape, `\U` wants eight hex digits).
        let fixed = quoted.unwrap_or("").replace('\\', "/");
        let relative = !fixed.starts_with('/') && fixed.as_bytes().get(1) != Some(&b':');
        let hint = if relative && !fixed.is_empty() {
            msg!(
                "write the path with `/` and without quotes: `{fixed}` (every path in terbuka uses `/`)",
                "tulis jalurnya dengan `/` dan tanpa tanda kutip: `{fixed}` (semua jalur di terbuka memakai `/`)"
            )
        } else {
            msg!(
                "a file on this computer's drive cannot be cited: copy it into the workspace's `evidence/` folder and write its path there with `/`, e.g. `evidence/<institution>/<file>`",
                "berkas di drive komputer ini tidak dapat dirujuk: salin ke folder `evidence/` di ruang kerja dan tulis jalurnya dari sana dengan `/`, misalnya `evidence/<institusi>/<berkas>`"
            )
        };
        return Diagnostic::new(
            Code::YamlSyntax,
            msg!(
                "a backslash `\\` inside double quotes has a special meaning in YAML, and here it breaks the text",
                "garis miring terbalik `\\` di dalam tanda kutip ganda punya arti khusus di YAML, dan di sini merusak teksnya"
            ),
        )
        .at(location)
        .label(msg!("the quoted text starts here", "teks bertanda kutip dimulai di sini"))
        .hint(hint);
    }
    if context.is_some_and(|(c, _)| c.contains("quoted scalar")) {
        return Diagnostic::new(
            Code::YamlSyntax,
            msg!("this quoted text is never closed", "teks bertanda kutip ini tidak pernah ditutup"),
        )
        .at(location)
        .label(msg!("the quote opened here", "tanda kutip dibuka di sini"))
        .hint(msg!(
            "end the text with the same quote mark (\" or ') it starts with, on the same line",
            "akhiri teks dengan tanda kutip yang sama (\" atau ') seperti pembukanya, di baris yang sama"
        ));
    }
    let message = match context {
        Some((c, _)) => Msg::new(
            format!("invalid YAML: {problem}, while {c}"),
            format!("YAML tidak sah: {}, {}", indonesian(problem), indonesian_context(c)),
        ),
        None => Msg::new(format!("invalid YAML: {problem}"), format!("YAML tidak sah: {}", indonesian(problem))),
    };
    // Every line indented with a tab, in one run (the parser stops at the
    // first).
    let tabbed = source
        .text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.chars().take_while(|c| c.is_whitespace()).any(|c| c == '\t'))
        .map(|(i, _)| i + 1)
        .collect::<Vec<_>>();
    let message = if tabbed.is_empty() {
        message
    } else {
        let n = tabbed.len();
        let mut lines = tabbed.iter().take(30).map(ToString::to_string).collect::<Vec<_>>().join(", ");
        if n > 30 {
            lines.push_str(", …");
        }
        let word = if n == 1 { "line" } else { "lines" };
        msg!("tabs in the indentation of {n} {word}: {lines}", "tab dalam indentasi pada {n} baris: {lines}")
    };
    let mut d = Diagnostic::new(Code::YamlSyntax, message).at(location);
    if !tabbed.is_empty() {
        d = d.hint(msg!(
            "indent with spaces, not tabs: replace each tab at the start of those lines by spaces (two per level); many editors do it with \"Convert indentation to spaces\"",
            "gunakan spasi untuk indentasi, bukan tab: ganti setiap tab di awal baris-baris itu dengan spasi (dua per tingkat); banyak editor punya perintah \"Convert indentation to spaces\""
        ));
    } else if problem.contains("tab") {
        d = d.hint(msg!("indent with spaces, not tabs", "gunakan spasi untuk indentasi, bukan tab"));
    } else if problem.contains("expected ',' or '}'") || problem.contains("expected ',' or ']'") {
        let close = if problem.contains('}') { "}" } else { "]" };
        let open = if close == "}" { "{" } else { "[" };
        d = d.hint(msg!(
            "the `{open}` that starts here is not closed: end it with `{close}` on the same line (a `#` after a space also ends the line early)",
            "tanda `{open}` yang dimulai di sini belum ditutup: akhiri dengan `{close}` di baris yang sama (`#` sesudah spasi juga mengakhiri baris lebih awal)"
        ));
    } else if let Some(m) = misindented(&source.text).filter(|m| gave_up.is_none_or(|l| m.line <= l + 1)) {
        // The parser stops where the structure broke, often lines after
        // the line to edit or at the start of its block: point at the line.
        let range = source.line_range(m.line);
        let text = &source.text[range.clone()];
        let start = range.start + m.have;
        let end = text[m.have..].find([':', ' ']).map_or(range.end, |i| start + i.max(1));
        let Misindent { line, have, want, like } = m;
        let hint = match like {
            Some(like) => msg!(
                "line {line} starts with {have} space(s), but the entries at its level start with {want} (line {like}): make line {line} start with {want} space(s)",
                "baris {line} diawali {have} spasi, padahal isian pada tingkatnya diawali {want} spasi (baris {like}): buat baris {line} diawali {want} spasi"
            ),
            None => msg!(
                "line {line} starts with {have} space(s), so the line after it does not line up: a list under a key starts two spaces deeper than the key; make line {line} start with {want} space(s)",
                "baris {line} diawali {have} spasi, sehingga baris sesudahnya tidak sejajar: daftar di bawah sebuah kunci dimulai dua spasi lebih dalam daripada kuncinya; buat baris {line} diawali {want} spasi"
            ),
        };
        d = d
            .at(Location::span(&source.path, start, end))
            .label(msg!("indented {have} space(s)", "menjorok {have} spasi"))
            .hint(hint);
    } else if problem.contains("mapping values are not allowed") {
        d = d.hint(msg!(
            "a value that contains `: ` must be quoted, e.g. title: \"Rapat: evaluasi\"",
            "nilai yang memuat `: ` harus diberi tanda kutip, misalnya title: \"Rapat: evaluasi\""
        ));
    } else if let Some(hint) = sibling_hint(&d, source) {
        d = d.hint(hint);
    } else {
        d = d.hint(msg!(
            "check the indentation and the quotes on this line and the one before it",
            "periksa indentasi dan tanda kutip di baris ini dan baris sebelumnya"
        ));
    }
    d
}

/// Splits "text at line L column C" into the text and (L, C).
fn strip_position(text: &str) -> (&str, Option<(usize, usize)>) {
    let Some(i) = text.rfind(" at line ") else { return (text, None) };
    let mut numbers = text[i + 9..].split(" column ").map(|n| n.trim().parse::<usize>());
    match (numbers.next(), numbers.next()) {
        (Some(Ok(line)), Some(Ok(column))) => (&text[..i], Some((line, column))),
        _ => (&text[..i], None),
    }
}

/// Splits `"a.b.c: message"` into the key path and the message.
fn split_path(text: &str) -> (Option<&str>, &str) {
    match text.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') && !path.is_empty() && !path.contains('`') && !rest.is_empty() => {
            (Some(path), rest)
        }
        _ => (None, text),
    }
}

/// Parses serde_yaml's path (`points.x.evidence[0]`) into segments.
fn parse_path(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            segs.push(Seg::Key(rest[..i].to_owned()));
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                if let Ok(n) = rest[1..end].parse() {
                    segs.push(Seg::Index(n));
                }
                rest = &rest[end + 1..];
            }
        } else {
            segs.push(Seg::Key(rest.to_owned()));
        }
    }
    segs
}

/// Splits "name`, expected one of `a`, `b`" into the name and the list.
fn split_expected(rest: &str) -> (&str, Vec<String>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected = tail.split('`').skip(1).step_by(2).map(str::to_owned).collect();
    (name, expected)
}

/// A whole number too large (or below zero) for its field: serde_yaml
/// says "integer `N` as u128, expected i64".
fn out_of_range(
    found: &str,
    expected: &str,
    location: &Location,
    within: &dyn Fn(&str, &str) -> (String, String),
    path: &str,
) -> Option<Diagnostic> {
    let n = found.strip_prefix("integer `")?;
    let (n, _) = n.split_once('`')?;
    let (min, max): (i128, i128) = match expected.trim() {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    };
    let value = n.parse::<i128>().ok();
    let below = value.is_some_and(|v| v < min) || n.starts_with('-');
    let (en, id) = if below {
        within(&format!("the number {n} is below zero"), &format!("angka {n} kurang dari nol"))
    } else {
        within(&format!("the number {n} is far too large"), &format!("angka {n} terlalu besar"))
    };
    let max_weight = crate::model::MAX_WEIGHT;
    if path.ends_with("level") {
        // A level belongs to the rubric's scale, whatever the number type.
        let (en, id) = within(
            &format!("the level {n} is not on the rubric's scale"),
            &format!("tingkat {n} tidak ada dalam skala rubrik"),
        );
        let hint = msg!(
            "write one of the levels of the rubric's `scale:` (in its file under rubrics/), as a whole number: `level: 2`",
            "tulis salah satu tingkat pada `scale:` rubrik (di berkasnya di bawah rubrics/), sebagai bilangan bulat: `level: 2`"
        );
        return Some(Diagnostic::new(Code::WrongType, Msg::new(en, id)).at(location.clone()).hint(hint));
    }
    let hint = if path.ends_with("weight") {
        msg!(
            "weights are whole numbers from 1 to {max_weight}",
            "bobot adalah bilangan bulat dari 1 sampai {max_weight}"
        )
    } else if below {
        msg!("write a whole number from 0 up", "tulis bilangan bulat mulai dari 0")
    } else {
        msg!("write a whole number up to {max}", "tulis bilangan bulat paling besar {max}")
    };
    Some(Diagnostic::new(Code::WrongType, Msg::new(en, id)).at(location.clone()).hint(hint))
}

fn describe_found(found: &str) -> (String, String) {
    if let Some(s) = found.strip_prefix("string ") {
        return (format!("the text {s}"), format!("teks {s}"));
    }
    if let Some(n) = found.strip_prefix("integer ") {
        return (format!("the number {n}"), format!("angka {n}"));
    }
    if let Some(n) = found.strip_prefix("floating point ") {
        return (format!("the number {n}"), format!("angka {n}"));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return (format!("the value {b}"), format!("nilai {b}"));
    }
    match found {
        "unit value" => ("an empty value".into(), "nilai kosong".into()),
        "sequence" => ("a list".into(), "daftar".into()),
        "map" => ("`key: value` lines".into(), "baris `kunci: nilai`".into()),
        other => (other.into(), other.into()),
    }
}

fn describe_expected(expected: &str) -> (String, String) {
    let e = expected.trim();
    let whole = ["u32", "u64", "i64", "i32", "u8", "u16", "usize"];
    if whole.contains(&e) {
        return ("a whole number".into(), "bilangan bulat".into());
    }
    match e {
        "a string" | "a borrowed string" => ("text".into(), "teks".into()),
        "a boolean" => ("true or false".into(), "true atau false".into()),
        "a sequence" => ("a list".into(), "daftar".into()),
        "a YAML tag starting with '!'" => {
            ("one of the allowed words".into(), "salah satu kata yang diperbolehkan".into())
        }
        "a map" => ("`key: value` lines".into(), "baris `kunci: nilai`".into()),
        "a valid date" | "a formatted date string" | "a formatted date and time string" => {
            ("a date (YYYY-MM-DD)".into(), "tanggal (TTTT-BB-HH)".into())
        }
        "text: a string, or `{id: ..., en: ...}`" => {
            ("text, or `{id: ..., en: ...}`".into(), "teks, atau `{id: ..., en: ...}`".into())
        }
        other if other.starts_with("struct ") => ("`key: value` lines".into(), "baris `kunci: nilai`".into()),
        other => (other.into(), other.into()),
    }
}

/// A hint for a value of the wrong type; `written` is the value as the
/// file has it (YAML reads `0x10` as 16 and `~` as nothing).
fn type_hint(found: &str, expected: &str, written: Option<&str>) -> Option<Msg> {
    let expected = expected.trim();
    if expected == "a boolean" {
        return Some(msg!("write true or false", "tulis true atau false"));
    }
    let scalar = ["integer", "floating point", "boolean", "unit", "null"].iter().any(|k| found.starts_with(k));
    if (expected == "a string" || expected.starts_with("text")) && scalar {
        let value = written.map(str::trim).filter(|w| !w.is_empty()).unwrap_or("...").replace('"', "\\\"");
        return Some(msg!(
            "YAML reads this as a number, true/false or nothing; to mean the text, quote it: \"{value}\"",
            "YAML membaca ini sebagai bilangan, true/false atau kosong; bila yang dimaksud teks, beri tanda kutip: \"{value}\""
        ));
    }
    if expected == "a YAML tag starting with '!'" {
        return Some(msg!(
            "write one allowed value as a plain word, without brackets or braces; `terbuka schema` lists the values",
            "tulis satu nilai yang diperbolehkan sebagai kata biasa, tanpa kurung; `terbuka schema` mencantumkan nilai-nilainya"
        ));
    }
    if expected == "a sequence" {
        if found.starts_with("map") || found.starts_with("a map") || found.contains("map") {
            return Some(msg!(
                "this is a list: start each item with `- `, e.g. `- file: evidence/...` (the `- ` in front of the item's first key)",
                "ini sebuah daftar: awali setiap butir dengan `- `, misalnya `- file: evidence/...` (tanda `- ` di depan kunci pertama butir itu)"
            ));
        }
        return Some(msg!(
            "write a list, one `- item` per line or `[a, b]`",
            "tulis sebagai daftar, satu `- butir` per baris atau `[a, b]`"
        ));
    }
    if expected == "a map" || expected.starts_with("struct") {
        return Some(msg!(
            "write `key: value` lines, indented under this key",
            "tulis baris `kunci: nilai`, menjorok di bawah kunci ini"
        ));
    }
    if ["u32", "u64", "i64"].contains(&expected) {
        return Some(msg!("write a whole number, without quotes", "tulis bilangan bulat, tanpa tanda kutip"));
    }
    None
}

/// What chrono found wrong with a date, in both languages (its own words
/// are English and terse).
fn date_problem(text: &str) -> (&'static str, &'static str) {
    if text.contains("trailing input") {
        ("something follows the date", "ada tulisan lain sesudah tanggal")
    } else if text.contains("premature end of input") {
        ("the date is cut short", "tanggalnya tidak lengkap")
    } else if text.contains("input is out of range") || text.contains("no possible date") {
        ("no such day, month or year", "tidak ada hari, bulan atau tahun seperti itu")
    } else {
        ("it is not written as YYYY-MM-DD", "tidak ditulis sebagai TTTT-BB-HH")
    }
}

fn is_date_error(text: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "input is not enough for unique date",
        "trailing input",
        "no possible date and time matching input",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// The token written at `start`: a node's value span if one starts there,
/// else up to the end of the word.
/// `N` from an error that ends "at position N".
fn position(text: &str) -> Option<usize> {
    text.rsplit_once("at position ").and_then(|(_, n)| n.trim().parse().ok())
}

fn token_at(source: &SourceFile, locator: &Locator, start: usize) -> (usize, usize) {
    if let Some(span) = locator.span_starting_at(start) {
        return (span.start, span.end);
    }
    let rest = source.text.get(start..).unwrap_or("");
    let len = rest.find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}').unwrap_or(rest.len());
    (start, super::locate::ceil_char_boundary(&source.text, start + len.max(1).min(rest.len())))
}

/// The YAML parser's problem, in Indonesian (its messages are English).
fn indonesian(problem: &str) -> String {
    const PROBLEMS: &[(&str, &str)] = &[
        ("did not find expected key", "kunci yang diharapkan tidak ditemukan (periksa indentasi baris ini)"),
        ("mapping values are not allowed in this context", "`: ` tidak boleh ada di sini"),
        ("found character that cannot start any token", "ada karakter yang tidak boleh mengawali nilai"),
        ("did not find expected node content", "nilai yang diharapkan tidak ditemukan"),
        ("could not find expected ':'", "tanda `:` yang diharapkan tidak ditemukan"),
        ("found unexpected end of stream", "berkas berakhir sebelum waktunya"),
        ("did not find expected ',' or ']'", "tanda `,` atau `]` yang diharapkan tidak ditemukan"),
        ("did not find expected ',' or '}'", "tanda `,` atau `}` yang diharapkan tidak ditemukan"),
        ("did not find expected '-' indicator", "tanda `-` yang diharapkan tidak ditemukan"),
        ("block sequence entries are not allowed in this context", "butir daftar (`- `) tidak boleh ada di sini"),
        ("found undefined tag handle", "tag yang tidak dikenal"),
        ("found unexpected document indicator", "penanda dokumen (`---` atau `...`) di tempat yang salah"),
        ("found unknown escape character", "escape yang tidak dikenal"),
        ("found a tab character that violates indentation", "ada tab yang merusak indentasi"),
        ("found a tab character where an indentation space is expected", "ada tab di tempat yang seharusnya spasi"),
        ("found unexpected ':'", "tanda `:` yang tidak diharapkan"),
    ];
    PROBLEMS
        .iter()
        .find(|(en, _)| problem.starts_with(en))
        .map_or_else(|| "susunan yang tidak dapat dibaca".to_owned(), |(_, id)| (*id).to_owned())
}

/// The construct the parser was reading, in Indonesian.
fn indonesian_context(context: &str) -> String {
    const CONTEXTS: &[(&str, &str)] = &[
        ("parsing a block mapping", "saat membaca baris `kunci: nilai`"),
        ("parsing a block collection", "saat membaca daftar atau baris `kunci: nilai`"),
        ("parsing a block node", "saat membaca nilai"),
        ("parsing a flow sequence", "saat membaca daftar `[...]`"),
        ("parsing a flow mapping", "saat membaca `{...}`"),
        ("parsing a node", "saat membaca nilai"),
        ("scanning a simple key", "saat membaca kunci"),
        ("scanning a quoted scalar", "saat membaca teks bertanda kutip"),
        ("scanning a plain scalar", "saat membaca teks"),
        ("scanning for the next token", "saat membaca bagian berikutnya"),
        ("scanning an anchor", "saat membaca anchor"),
        ("scanning an alias", "saat membaca alias"),
        ("scanning a block scalar", "saat membaca teks blok (`|` atau `>`)"),
        ("scanning a tag", "saat membaca tag"),
        ("scanning a directive", "saat membaca direktif"),
    ];
    CONTEXTS
        .iter()
        .find(|(en, _)| context.starts_with(en))
        .map_or_else(|| "saat membaca berkas".to_owned(), |(_, id)| (*id).to_owned())
}
