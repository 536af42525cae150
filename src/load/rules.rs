//! The rules of form: reading a file (E001), its YAML (E002), its keys and
//! values (E003, E004, E005), the workspace's `terbuka.yaml` (E006), the
//! length of a text (E007) and what is written twice (E010).
//!
//! For each code: its documentation ([`RuleDoc`]), then its constructor,
//! which words the message, label and hints from typed arguments — the one
//! place each is worded. Their checks are `load`'s reading and parsing
//! (`read.rs`, `serde_error.rs`, `indent.rs`, `mod.rs`), which call these
//! constructors. `validate` calls E005's and E010's too (a list that names
//! no language, an id used twice): a code has its home in the lowest layer
//! that raises it.
//!
//! One unit: the family of the rules of form, each code's documentation
//! beside the one constructor that words it (as ruff keeps a rule's
//! violation, message and documentation together); most of its length is
//! the two languages of each text.

use crate::diag::{Code, Diagnostic, Msg, RuleDoc, Words, closest};
use crate::files::Special;
use crate::msg;

pub use super::indent::{Continuation, Misindent, Sibling};

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E001, E002, E003, E004, E005, E006, E007, E010];

/// "(in `a.b.c`)" after a message about a value inside a file, in both
/// languages: `within` is the key path as serde_yaml shows it.
fn within(en: &str, id: &str, within: Option<&str>) -> Msg {
    match within {
        Some(p) => Msg::new(format!("{en} (in `{p}`)"), format!("{id} (di `{p}`)")),
        None => Msg::new(en, id),
    }
}

// ── E001 unreadable-file ─────────────────────────────────────────────────

/// E001 `unreadable-file`: what it checks, why, and how to fix it.
pub const E001: RuleDoc = RuleDoc {
    code: Code::Unreadable,
    home: module_path!(),
    summary: Words::new(
        "A workspace file could not be read or is not valid UTF-8.",
        "Sebuah berkas ruang kerja tidak dapat dibaca atau bukan teks UTF-8 yang sah.",
    ),
    what: Words::new(
        "A workspace file cannot be opened, is too large to read, or is not UTF-8 text (often a file saved in an older encoding such as Windows-1252).",
        "Sebuah berkas ruang kerja tidak dapat dibuka, terlalu besar untuk dibaca, atau bukan teks UTF-8 (sering terjadi pada berkas yang disimpan dengan pengodean lama seperti Windows-1252).",
    ),
    why: Words::new(
        "terbuka can check and report only what it can read as text: a file it skipped would silently take an institution, a commitment or an assessment out of every report.",
        "terbuka hanya dapat memeriksa dan melaporkan apa yang dapat dibacanya sebagai teks: berkas yang terlewat akan mengeluarkan sebuah institusi, komitmen, atau penilaian dari setiap laporan tanpa pemberitahuan.",
    ),
    fix: Words::new(
        "Open the file in a text editor and save it again as UTF-8 (\"Save with encoding\" → UTF-8), then retype any character that looks wrong at the place shown. If the file cannot be opened at all, check that it exists and that you may read it.",
        "Buka berkas di editor teks dan simpan ulang dalam pengodean UTF-8 (\"Save with encoding\" → UTF-8), lalu ketik ulang karakter yang tampak salah di tempat yang ditunjuk. Bila berkas sama sekali tidak dapat dibuka, pastikan berkasnya ada dan Anda berhak membacanya.",
    ),
};

/// Why a file could not be read as text.
#[derive(Debug, Clone)]
pub enum Unreadable<'a> {
    /// Larger than the limit: `size` bytes (at least, when reading stopped
    /// there).
    TooBig { size: u64, limit: u64, at_least: bool },
    /// A symbolic link out of the workspace.
    LinkOutside,
    /// A folder, or a link to one.
    Folder,
    /// A FIFO, a socket, a device.
    Special(Special),
    /// Links that point to each other.
    LinkLoop,
    /// Gone while it was read, or a link to nothing.
    Vanished,
    /// The system's own reason.
    Io(&'a std::io::Error),
    /// Bytes that are not UTF-8, the first at `byte` on `line`; `ansi` when
    /// the file looks saved as Windows-1252.
    NotUtf8 { line: usize, byte: usize, ansi: bool },
    /// Saved as UTF-16.
    Utf16,
}

/// E001: a workspace file that cannot be read as text.
pub fn unreadable(why: Unreadable<'_>) -> Diagnostic {
    let message = match &why {
        Unreadable::TooBig { size, limit, at_least: true } => msg!(
            "this file has more than the limit of {limit} bytes (reading stopped at {size})",
            "berkas ini lebih besar dari batas {limit} bita (pembacaan berhenti di {size})"
        ),
        Unreadable::TooBig { size, limit, at_least: false } => msg!(
            "this file has {size} bytes, more than the limit of {limit} bytes",
            "berkas ini berukuran {size} bita, melebihi batas {limit} bita"
        ),
        Unreadable::LinkOutside => msg!(
            "this file is a symbolic link that leads outside the workspace; terbuka reads only files inside it, and did not read this one",
            "berkas ini tautan simbolik yang mengarah ke luar ruang kerja; terbuka hanya membaca berkas di dalam ruang kerja, dan tidak membaca berkas ini"
        ),
        Unreadable::Folder => msg!(
            "this is a folder (or a link to one), not a file",
            "ini sebuah folder (atau tautan ke folder), bukan berkas"
        ),
        Unreadable::Special(kind) => {
            let (en, id) = kind.words();
            msg!(
                "this is {en}, not a regular file; terbuka did not read it",
                "ini {id}, bukan berkas biasa; terbuka tidak membacanya"
            )
        }
        Unreadable::LinkLoop => msg!(
            "this is a symbolic link in a loop (links that point to each other)",
            "ini tautan simbolik yang berputar (tautan yang saling menunjuk)"
        ),
        Unreadable::Vanished => msg!(
            "this file disappeared while it was being read (or is a link to nothing)",
            "berkas ini hilang saat dibaca (atau tautan yang tidak menunjuk ke apa pun)"
        ),
        Unreadable::Io(e) => msg!("cannot read this file: {e}", "berkas ini tidak dapat dibaca: {e}"),
        Unreadable::NotUtf8 { line, byte, .. } => msg!(
            "this file is not valid UTF-8 text (line {line}, byte {byte})",
            "berkas ini bukan teks UTF-8 yang sah (baris {line}, bita ke-{byte})"
        ),
        Unreadable::Utf16 => msg!(
            "this file is saved as UTF-16 (\"Unicode\"), not as UTF-8 text",
            "berkas ini disimpan sebagai UTF-16 (\"Unicode\"), bukan teks UTF-8"
        ),
    };
    let d = Diagnostic::new(Code::Unreadable, message);
    match why {
        Unreadable::TooBig { .. } => d.hint(msg!(
            "a terbuka file is rarely more than a few hundred KB: check that this is the right file; to raise the limit, set TERBUKA_MAX_FILE_BYTES",
            "berkas terbuka jarang lebih dari beberapa ratus KB: periksa apakah ini berkas yang benar; untuk menaikkan batas, isi TERBUKA_MAX_FILE_BYTES"
        )),
        Unreadable::NotUtf8 { ansi, .. } => {
            let d = d.hint(msg!(
                "save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)",
                "simpan ulang berkas dalam pengodean UTF-8 di editor Anda (\"Save with encoding\" → UTF-8)"
            ));
            // A lone byte from 0x80 up where UTF-8 wants a sequence: the
            // file was most likely saved as Windows-1252 ("ANSI").
            if !ansi {
                return d;
            }
            d.label(msg!("saved as Windows-1252 (\"ANSI\"), it seems", "tampaknya disimpan sebagai Windows-1252 (\"ANSI\")"))
                .hint(msg!(
                    "in Notepad: File → Save As → Encoding: UTF-8; then check this line's letters (é, –, ’)",
                    "di Notepad: File → Save As → Encoding: UTF-8; lalu periksa huruf di baris ini (é, –, ’)"
                ))
        }
        Unreadable::Utf16 => d.hint(msg!(
            "save it again as UTF-8: in Notepad, File → Save As → Encoding: UTF-8; in VS Code, click \"UTF-16\" in the status bar → Save with Encoding → UTF-8",
            "simpan ulang sebagai UTF-8: di Notepad, File → Save As → Encoding: UTF-8; di VS Code, klik \"UTF-16\" di bilah status → Save with Encoding → UTF-8"
        )),
        _ => d,
    }
}

// ── E002 yaml-syntax ─────────────────────────────────────────────────────

/// E002 `yaml-syntax`: what it checks, why, and how to fix it.
pub const E002: RuleDoc = RuleDoc {
    code: Code::YamlSyntax,
    home: module_path!(),
    summary: Words::new("A YAML file is not well-formed YAML.", "Sebuah berkas YAML tidak tersusun dengan benar."),
    what: Words::new(
        "A YAML file is not well-formed: for example a tab used for indentation, a quote that is never closed, a value containing `: ` without quotes, or more than one document (`---`) in one file.",
        "Sebuah berkas YAML tidak tersusun dengan benar, misalnya indentasi memakai tab, tanda kutip yang tidak ditutup, nilai yang memuat `: ` tanpa tanda kutip, atau lebih dari satu dokumen (`---`) dalam satu berkas.",
    ),
    why: Words::new(
        "Until the file is well-formed YAML, nothing in it can be read: none of its values is counted, reported or published.",
        "Selama berkas itu belum tersusun sebagai YAML yang benar, tidak ada isinya yang dapat dibaca: tidak satu pun nilainya dihitung, dilaporkan, atau diterbitkan.",
    ),
    fix: Words::new(
        "Check the line shown and the line before it: indent with spaces, not tabs; close each quote on the same line; put quotes around text that contains `: `; remove `---` lines. Then run `terbuka validate` again.",
        "Periksa baris yang ditunjuk dan baris sebelumnya: gunakan spasi untuk indentasi, bukan tab; tutup setiap tanda kutip di baris yang sama; beri tanda kutip pada teks yang memuat `: `; hapus baris `---`. Lalu jalankan `terbuka validate` lagi.",
    ),
};

/// What is wrong with a file's YAML.
#[derive(Debug, Clone)]
pub enum Syntax<'a> {
    /// A second `---` document.
    SecondDocument,
    /// Nested past the parser's recursion limit.
    TooDeep,
    /// Aliases expanded past the parser's repetition limit.
    TooManyAliases,
    /// A backslash inside double quotes breaks the text; `fixed` is the
    /// path written with `/`, when it is a relative path worth suggesting.
    Backslash { fixed: Option<&'a str> },
    /// A quoted text never closed.
    UnclosedQuote,
    /// Anything else the scanner or parser found: its `problem` and the
    /// `context` it was reading, both in its (English) words; the lines
    /// indented with a tab; and the advice that fits.
    Invalid { problem: &'a str, context: Option<&'a str>, tabbed: &'a [usize], advice: Advice },
}

/// The hint for YAML the parser could not read, found by looking at the
/// text around where it stopped.
#[derive(Debug, Clone)]
pub enum Advice {
    /// Lines are indented with tabs (the message lists them).
    Tabs,
    /// The problem is a tab.
    SpacesNotTabs,
    /// A `{` or `[` (`open`) not closed with `close` on its line.
    Unclosed { open: char, close: char },
    /// A line whose indentation fits no block above it.
    Misindented(Misindent),
    /// A value with `: ` that is not quoted.
    QuoteColon,
    /// A key indented differently from the one above it.
    Sibling(Sibling),
    /// Nothing more precise.
    CheckLine,
}

/// E002: a file whose YAML is not well-formed.
pub fn yaml_syntax(syntax: Syntax<'_>) -> Diagnostic {
    match syntax {
        Syntax::SecondDocument => Diagnostic::new(
            Code::YamlSyntax,
            msg!("this file holds more than one YAML document", "berkas ini memuat lebih dari satu dokumen YAML"),
        )
        .label(msg!("a second document starts here", "dokumen kedua dimulai di sini"))
        .hint(msg!(
            "remove the `---` lines: each file holds one document",
            "hapus baris `---`: setiap berkas hanya memuat satu dokumen"
        )),
        Syntax::TooDeep => Diagnostic::new(
            Code::YamlSyntax,
            msg!("this file is nested too deeply", "struktur berkas ini bersarang terlalu dalam"),
        )
        .hint(msg!(
            "no terbuka file needs more than a few levels of indentation",
            "tidak ada berkas terbuka yang memerlukan lebih dari beberapa tingkat indentasi"
        )),
        Syntax::TooManyAliases => Diagnostic::new(
            Code::YamlSyntax,
            msg!(
                "this file expands its aliases (`*name`) too many times",
                "berkas ini mengembangkan alias (`*nama`) terlalu banyak kali"
            ),
        )
        .hint(msg!(
            "write the values out instead of using anchors and aliases",
            "tuliskan nilainya langsung, jangan memakai anchor dan alias"
        )),
        Syntax::Backslash { fixed } => {
            // `"C:\data\sk.pdf"`: the quote is closed, the backslash is the
            // problem (`\d` is no escape, `\U` wants eight hex digits).
            let hint = match fixed {
                Some(fixed) => msg!(
                    "write the path with `/` and without quotes: `{fixed}` (every path in terbuka uses `/`)",
                    "tulis jalurnya dengan `/` dan tanpa tanda kutip: `{fixed}` (semua jalur di terbuka memakai `/`)"
                ),
                None => msg!(
                    "a file on this computer's drive cannot be cited: copy it into the workspace's `evidence/` folder and write its path there with `/`, e.g. `evidence/<institution>/<file>`",
                    "berkas di drive komputer ini tidak dapat dirujuk: salin ke folder `evidence/` di ruang kerja dan tulis jalurnya dari sana dengan `/`, misalnya `evidence/<institusi>/<berkas>`"
                ),
            };
            Diagnostic::new(
                Code::YamlSyntax,
                msg!(
                    "a backslash `\\` inside double quotes has a special meaning in YAML, and here it breaks the text",
                    "garis miring terbalik `\\` di dalam tanda kutip ganda punya arti khusus di YAML, dan di sini merusak teksnya"
                ),
            )
            .label(msg!("the quoted text starts here", "teks bertanda kutip dimulai di sini"))
            .hint(hint)
        }
        Syntax::UnclosedQuote => Diagnostic::new(
            Code::YamlSyntax,
            msg!("this quoted text is never closed", "teks bertanda kutip ini tidak pernah ditutup"),
        )
        .label(msg!("the quote opened here", "tanda kutip dibuka di sini"))
        .hint(msg!(
            "end the text with the same quote mark (\" or ') it starts with, on the same line",
            "akhiri teks dengan tanda kutip yang sama (\" atau ') seperti pembukanya, di baris yang sama"
        )),
        Syntax::Invalid { problem, context, tabbed, advice } => invalid_yaml(problem, context, tabbed, advice),
    }
}

fn invalid_yaml(problem: &str, context: Option<&str>, tabbed: &[usize], advice: Advice) -> Diagnostic {
    let message = if tabbed.is_empty() {
        match context {
            Some(c) => Msg::new(
                format!("invalid YAML: {problem}, while {c}"),
                format!("YAML tidak sah: {}, {}", indonesian(problem), indonesian_context(c)),
            ),
            None => Msg::new(format!("invalid YAML: {problem}"), format!("YAML tidak sah: {}", indonesian(problem))),
        }
    } else {
        // Every line indented with a tab, in one run (the parser stops at
        // the first).
        let n = tabbed.len();
        let mut lines = tabbed.iter().take(30).map(ToString::to_string).collect::<Vec<_>>().join(", ");
        if n > 30 {
            lines.push_str(", …");
        }
        let word = if n == 1 { "line" } else { "lines" };
        msg!("tabs in the indentation of {n} {word}: {lines}", "tab dalam indentasi pada {n} baris: {lines}")
    };
    let d = Diagnostic::new(Code::YamlSyntax, message);
    match advice {
        Advice::Tabs => d.hint(msg!(
            "indent with spaces, not tabs: replace each tab at the start of those lines by spaces (two per level); many editors do it with \"Convert indentation to spaces\"",
            "gunakan spasi untuk indentasi, bukan tab: ganti setiap tab di awal baris-baris itu dengan spasi (dua per tingkat); banyak editor punya perintah \"Convert indentation to spaces\""
        )),
        Advice::SpacesNotTabs => d.hint(msg!("indent with spaces, not tabs", "gunakan spasi untuk indentasi, bukan tab")),
        Advice::Unclosed { open, close } => d.hint(msg!(
            "the `{open}` that starts here is not closed: end it with `{close}` on the same line (a `#` after a space also ends the line early)",
            "tanda `{open}` yang dimulai di sini belum ditutup: akhiri dengan `{close}` di baris yang sama (`#` sesudah spasi juga mengakhiri baris lebih awal)"
        )),
        Advice::Misindented(Misindent { line, have, want, like }) => {
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
            d.label(msg!("indented {have} space(s)", "menjorok {have} spasi")).hint(hint)
        }
        Advice::QuoteColon => d.hint(msg!(
            "a value that contains `: ` must be quoted, e.g. title: \"Rapat: evaluasi\"",
            "nilai yang memuat `: ` harus diberi tanda kutip, misalnya title: \"Rapat: evaluasi\""
        )),
        Advice::Sibling(Sibling { line, have, prev, want }) => d.hint(msg!(
            "line {line} starts with {have} space(s), the line above it ({prev}) with {want}: keys at the same level start in the same column; make line {line} start with {want}",
            "baris {line} diawali {have} spasi, baris di atasnya ({prev}) {want} spasi: kunci pada tingkat yang sama dimulai di kolom yang sama; buat baris {line} diawali {want} spasi"
        )),
        Advice::CheckLine => d.hint(msg!(
            "check the indentation and the quotes on this line and the one before it",
            "periksa indentasi dan tanda kutip di baris ini dan baris sebelumnya"
        )),
    }
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

// ── E003 unknown-key ─────────────────────────────────────────────────────

/// E003 `unknown-key`: what it checks, why, and how to fix it.
pub const E003: RuleDoc = RuleDoc {
    code: Code::UnknownKey,
    home: module_path!(),
    summary: Words::new(
        "A key that this kind of file does not have (often a misspelling).",
        "Kunci yang tidak dimiliki jenis berkas ini (sering karena salah ketik).",
    ),
    what: Words::new(
        "A key that this kind of file does not have at this place: usually a misspelling (`focal-pont` for `focal-point`), or a key indented under the wrong parent key.",
        "Kunci yang tidak berlaku untuk jenis berkas ini di tempat tersebut: biasanya salah ketik (`focal-pont` untuk `focal-point`), atau kunci yang menjorok di bawah kunci induk yang salah.",
    ),
    why: Words::new(
        "A misspelt key would otherwise be ignored, and the value written under it would silently be missing from scores and reports.",
        "Kunci yang salah ketik akan diabaikan, dan nilai yang ditulis di bawahnya akan hilang dari skor dan laporan tanpa pemberitahuan.",
    ),
    fix: Words::new(
        "Correct the spelling (the hint suggests the closest key and lists the allowed ones), move the key to where it belongs, or delete it. Inside `{...}` a comma starts a new key, so put text that contains commas in quotes.",
        "Perbaiki ejaannya (petunjuk menyarankan kunci yang paling mirip dan mencantumkan kunci yang berlaku), pindahkan kunci ke tempat yang semestinya, atau hapus. Di dalam `{...}` tanda koma memulai kunci baru, jadi beri tanda kutip pada teks yang memuat koma.",
    ),
};

/// E003: the key `field`, which is not one of the `allowed` keys at that
/// place (`path` is where, as serde_yaml shows it); `in_flow` when it is
/// written inside `{...}`, where a comma starts a new key.
pub fn unknown_key(field: &str, allowed: &[&str], path: Option<&str>, in_flow: bool) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::UnknownKey,
        within(&format!("unknown key `{field}`"), &format!("kunci `{field}` tidak dikenal"), path),
    )
    .label(msg!("not a key here", "bukan kunci yang berlaku di sini"));
    if let Some(best) = closest(field, allowed.iter().copied()) {
        d = d.hint(msg!("did you mean `{best}`?", "mungkin maksud Anda `{best}`?"));
    }
    if !allowed.is_empty() {
        let list = allowed.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
        d = d.hint(msg!("the keys allowed here are {list}", "kunci yang berlaku di sini: {list}"));
    }
    if in_flow {
        d = d.hint(msg!(
            "inside `{{...}}` a comma starts a new key: put text that contains commas in quotes",
            "di dalam `{{...}}` tanda koma memulai kunci baru: beri tanda kutip pada teks yang memuat koma"
        ));
    }
    d
}

// ── E004 wrong-type ──────────────────────────────────────────────────────

/// E004 `wrong-type`: what it checks, why, and how to fix it.
pub const E004: RuleDoc = RuleDoc {
    code: Code::WrongType,
    home: module_path!(),
    summary: Words::new(
        "A value of the wrong type or outside its closed scale.",
        "Nilai dengan jenis yang salah atau di luar skala tertutupnya.",
    ),
    what: Words::new(
        "A value of the wrong kind: text where a whole number is expected, a date not written as YYYY-MM-DD, or a word that is not one of the allowed values (for example in `kind` or `completion`).",
        "Nilai dengan jenis yang salah: teks di tempat yang memerlukan bilangan bulat, tanggal yang tidak ditulis sebagai TTTT-BB-HH, atau kata yang bukan salah satu nilai yang diperbolehkan (misalnya pada `kind` atau `completion`).",
    ),
    why: Words::new(
        "Scores, dates and the IRM scales are computed from these values: a value of the wrong kind cannot be counted, and a guess at what was meant could report something nobody wrote.",
        "Skor, tanggal, dan skala IRM dihitung dari nilai-nilai ini: nilai dengan jenis yang salah tidak dapat dihitung, dan menebak maksudnya dapat melaporkan sesuatu yang tidak pernah ditulis siapa pun.",
    ),
    fix: Words::new(
        "Write the kind of value the message asks for: a whole number without quotes, `true` or `false`, a date as YYYY-MM-DD (e.g. 2017-06-30), or one of the words the hint lists. Put text that looks like a number or a date in quotes.",
        "Tulis nilai sesuai yang diminta pesan: bilangan bulat tanpa tanda kutip, `true` atau `false`, tanggal dengan format TTTT-BB-HH (misalnya 2017-06-30), atau salah satu kata yang tercantum di petunjuk. Beri tanda kutip pada teks yang tampak seperti angka atau tanggal.",
    ),
};

/// What kind of value was found where another was expected: serde's
/// `Unexpected`, as the parts of it the wording needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A number with a fraction.
    Float,
    /// `true` or `false`.
    Bool,
    /// Nothing (`~`, `null`, an empty value).
    Nothing,
    /// A list.
    List,
    /// `key: value` lines.
    Map,
    /// Anything else.
    Other,
}

/// A value found where another was expected: its kind, and serde's words
/// for it (`string "tiga"`, `integer `5``, `sequence`).
#[derive(Debug, Clone)]
pub struct Found<'a> {
    /// Its kind.
    pub kind: FoundKind,
    /// serde's description of it.
    pub shown: &'a str,
}

/// The bound a whole number broke.
#[derive(Debug, Clone, Copy)]
pub enum Bound {
    /// A rubric point's weight (1 to [`crate::model::MAX_WEIGHT`]).
    Weight,
    /// Below zero, for a number that counts from zero.
    FromZero,
    /// Above the largest the field holds.
    UpTo(i128),
}

/// A value of the wrong kind.
#[derive(Debug, Clone)]
pub enum WrongType<'a> {
    /// A word that is not one of the `allowed` values of a closed scale.
    NotAllowed { value: &'a str, allowed: &'a [&'a str] },
    /// A level written as text (`level: tiga`, or in quotes).
    LevelAsText { written: &'a str },
    /// A level far off any scale (a number no level type holds).
    LevelOffScale { number: &'a str },
    /// A whole number below zero or far too large for its field.
    OutOfRange { number: &'a str, below: bool, bound: Bound },
    /// `found` where `expected` (serde's words for it: `u32`, `a string`,
    /// `struct Period`, …) is; `written` is the value as the file has it.
    Mismatch { found: Found<'a>, expected: &'a str, written: Option<&'a str> },
    /// A date chrono could not read.
    Date(DateProblem),
}

/// What chrono found wrong with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Something follows the date.
    Trailing,
    /// The date is cut short.
    CutShort,
    /// No such day, month or year.
    OutOfRange,
    /// Not written as YYYY-MM-DD.
    Form,
}

/// E004: a value of the wrong kind, at `path` (as serde_yaml shows it).
pub fn wrong_type(problem: WrongType<'_>, path: Option<&str>) -> Diagnostic {
    let w = |en: &str, id: &str| within(en, id, path);
    match problem {
        WrongType::NotAllowed { value, allowed } => {
            let mut d = Diagnostic::new(
                Code::WrongType,
                w(
                    &format!("`{value}` is not one of the allowed values"),
                    &format!("`{value}` bukan salah satu nilai yang diperbolehkan"),
                ),
            )
            .label(msg!("not allowed here", "tidak diperbolehkan di sini"));
            if let Some(best) = closest(value, allowed.iter().copied()) {
                d = d.hint(msg!("did you mean `{best}`?", "mungkin maksud Anda `{best}`?"));
            }
            let list = allowed.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            d.hint(msg!("write one of {list}", "tulis salah satu dari: {list}"))
        }
        WrongType::LevelAsText { written } => Diagnostic::new(
            Code::WrongType,
            w(
                &format!("a level is a number of the rubric's scale, not the text {written}"),
                &format!("tingkat adalah angka pada skala rubrik, bukan teks {written}"),
            ),
        )
        .hint(msg!(
            "write the level's number, without quotes, as the rubric's `scale:` lists them: `level: 3`",
            "tulis angka tingkatnya tanpa tanda kutip, seperti yang tercantum di `scale:` rubrik: `level: 3`"
        )),
        WrongType::LevelOffScale { number } => Diagnostic::new(
            Code::WrongType,
            w(
                &format!("the level {number} is not on the rubric's scale"),
                &format!("tingkat {number} tidak ada dalam skala rubrik"),
            ),
        )
        .hint(msg!(
            "write one of the levels of the rubric's `scale:` (in its file under rubrics/), as a whole number: `level: 2`",
            "tulis salah satu tingkat pada `scale:` rubrik (di berkasnya di bawah rubrics/), sebagai bilangan bulat: `level: 2`"
        )),
        WrongType::OutOfRange { number, below, bound } => {
            let message = if below {
                w(&format!("the number {number} is below zero"), &format!("angka {number} kurang dari nol"))
            } else {
                w(&format!("the number {number} is far too large"), &format!("angka {number} terlalu besar"))
            };
            let max_weight = crate::model::MAX_WEIGHT;
            let hint = match bound {
                Bound::Weight => msg!(
                    "weights are whole numbers from 1 to {max_weight}",
                    "bobot adalah bilangan bulat dari 1 sampai {max_weight}"
                ),
                Bound::FromZero => msg!("write a whole number from 0 up", "tulis bilangan bulat mulai dari 0"),
                Bound::UpTo(max) => {
                    msg!("write a whole number up to {max}", "tulis bilangan bulat paling besar {max}")
                }
            };
            Diagnostic::new(Code::WrongType, message).hint(hint)
        }
        WrongType::Mismatch { found, expected, written } => {
            let (found_en, found_id) = describe_found(found.shown);
            let (exp_en, exp_id) = describe_expected(expected);
            let d = Diagnostic::new(
                Code::WrongType,
                w(&format!("expected {exp_en}, found {found_en}"), &format!("seharusnya {exp_id}, tetapi tertulis {found_id}")),
            );
            match type_hint(&found, expected, written) {
                Some(hint) => d.hint(hint),
                None => d,
            }
        }
        WrongType::Date(problem) => {
            let (why_en, why_id) = match problem {
                DateProblem::Trailing => ("something follows the date", "ada tulisan lain sesudah tanggal"),
                DateProblem::CutShort => ("the date is cut short", "tanggalnya tidak lengkap"),
                DateProblem::OutOfRange => ("no such day, month or year", "tidak ada hari, bulan atau tahun seperti itu"),
                DateProblem::Form => ("it is not written as YYYY-MM-DD", "tidak ditulis sebagai TTTT-BB-HH"),
            };
            Diagnostic::new(
                Code::WrongType,
                w(&format!("this is not a valid date ({why_en})"), &format!("ini bukan tanggal yang sah ({why_id})")),
            )
            .hint(msg!("write dates as YYYY-MM-DD, e.g. 2017-06-30", "tulis tanggal dengan format TTTT-BB-HH, misalnya 2017-06-30"))
        }
    }
}

/// The hint on a value of the wrong type that runs on into a more indented
/// next line (`end:` indented one space too far is read as part of
/// `start`'s value).
pub fn continuation_hint(c: &Continuation) -> Msg {
    let Continuation { next, extra, key, line } = c;
    msg!(
        "line {next} is indented {extra} space(s) more than `{key}:` on line {line}, so YAML reads it as part of `{key}`'s value: remove {extra} space(s) at the start of line {next}",
        "baris {next} menjorok {extra} spasi lebih dalam daripada `{key}:` di baris {line}, sehingga YAML membacanya sebagai bagian nilai `{key}`: hapus {extra} spasi di awal baris {next}"
    )
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
fn type_hint(found: &Found<'_>, expected: &str, written: Option<&str>) -> Option<Msg> {
    let expected = expected.trim();
    if expected == "a boolean" {
        return Some(msg!("write true or false", "tulis true atau false"));
    }
    let scalar = matches!(found.kind, FoundKind::Integer | FoundKind::Float | FoundKind::Bool | FoundKind::Nothing);
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
        if found.kind == FoundKind::Map {
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

// ── E005 missing-key ─────────────────────────────────────────────────────

/// E005 `missing-key`: what it checks, why, and how to fix it.
pub const E005: RuleDoc = RuleDoc {
    code: Code::MissingKey,
    home: module_path!(),
    summary: Words::new("A required key is absent.", "Kunci wajib tidak ada."),
    what: Words::new(
        "A required key is absent. This also covers a file that is empty (or holds only comments) and `languages: []` in `terbuka.yaml`.",
        "Sebuah kunci wajib tidak ada. Ini juga berlaku untuk berkas yang kosong (atau hanya berisi komentar) dan `languages: []` di `terbuka.yaml`.",
    ),
    why: Words::new(
        "Reports need these values (an institution's name, a period's dates, a point's level): without one, the file cannot be used at all.",
        "Laporan memerlukan nilai-nilai ini (nama institusi, tanggal periode, tingkat sebuah poin): tanpa salah satunya, berkas itu sama sekali tidak dapat dipakai.",
    ),
    fix: Words::new(
        "Add the missing key with its value at the place shown (`key: ...`); `terbuka schema` describes what each kind of file holds. Fill in an empty file or delete it, and list at least one language, e.g. `languages: [id, en]`.",
        "Tambahkan kunci yang belum ada beserta nilainya di tempat yang ditunjuk (`kunci: ...`); `terbuka schema` menjelaskan isi setiap jenis berkas. Isi berkas yang kosong atau hapus, dan cantumkan minimal satu bahasa, misalnya `languages: [id, en]`.",
    ),
};

/// What is missing.
#[derive(Debug, Clone, Copy)]
pub enum Missing<'a> {
    /// The whole file: it is blank or holds only comments.
    Everything,
    /// The required key `field`, at `path` (as serde_yaml shows it).
    Key { field: &'a str, path: Option<&'a str> },
    /// Any language in `terbuka.yaml`'s `languages`.
    Languages,
    /// Both of `feedback`'s `email` and `url`.
    FeedbackAddress,
}

/// E005: something required is not written.
pub fn missing_key(missing: Missing<'_>) -> Diagnostic {
    match missing {
        Missing::Everything => Diagnostic::new(Code::MissingKey, msg!("this file is empty", "berkas ini kosong")).hint(
            msg!(
                "fill it in, or delete it; `terbuka schema` describes what each kind of file holds",
                "isi berkas ini, atau hapus; `terbuka schema` menjelaskan isi setiap jenis berkas"
            ),
        ),
        Missing::Key { field, path } => Diagnostic::new(
            Code::MissingKey,
            within(&format!("the required key `{field}` is missing"), &format!("kunci wajib `{field}` tidak ada"), path),
        )
        .hint(msg!("add a line `{field}: ...` here", "tambahkan baris `{field}: ...` di sini")),
        Missing::Languages => Diagnostic::new(
            Code::MissingKey,
            msg!("`languages` lists no language", "`languages` tidak mencantumkan bahasa apa pun"),
        )
        .hint(msg!("write `languages: [id, en]`", "tulis `languages: [id, en]`")),
        Missing::FeedbackAddress => Diagnostic::new(
            Code::MissingKey,
            msg!("`feedback` gives neither `email` nor `url`", "`feedback` tidak mencantumkan `email` maupun `url`"),
        )
        .hint(msg!(
            "write where citizens send feedback: `feedback: {{email: ogp@example.go.id}}` or a form's `url: https://...`",
            "tulis ke mana warga mengirim masukan: `feedback: {{email: ogp@contoh.go.id}}` atau `url: https://...` sebuah formulir"
        )),
    }
}

// ── E006 missing-file ────────────────────────────────────────────────────

/// E006 `missing-file`: what it checks, why, and how to fix it.
pub const E006: RuleDoc = RuleDoc {
    code: Code::MissingFile,
    home: module_path!(),
    summary: Words::new("The workspace has no `terbuka.yaml`.", "Ruang kerja tidak memiliki `terbuka.yaml`."),
    what: Words::new(
        "The folder terbuka runs in (or the one given with `--root`) has no `terbuka.yaml`, so it is not a workspace.",
        "Folder tempat terbuka dijalankan (atau folder yang diberikan dengan `--root`) tidak memiliki `terbuka.yaml`, sehingga bukan sebuah ruang kerja.",
    ),
    why: Words::new(
        "`terbuka.yaml` names the jurisdiction, its periods, languages and rubric: without it there is no workspace to check, and terbuka never guesses which folder was meant.",
        "`terbuka.yaml` menyebut daerah beserta periode, bahasa, dan rubriknya: tanpa berkas itu tidak ada ruang kerja yang dapat diperiksa, dan terbuka tidak pernah menebak folder mana yang dimaksud.",
    ),
    fix: Words::new(
        "Run terbuka inside the workspace folder, or name that folder with `--root DIR`. To start a new workspace, run `terbuka new workspace DIR`.",
        "Jalankan terbuka di dalam folder ruang kerja, atau sebutkan folder tersebut dengan `--root DIR`. Untuk memulai ruang kerja baru, jalankan `terbuka new workspace DIR`.",
    ),
};

/// E006: the folder has no `terbuka.yaml`.
pub fn missing_manifest() -> Diagnostic {
    Diagnostic::new(
        Code::MissingFile,
        msg!("this directory has no `terbuka.yaml`", "direktori ini tidak memiliki `terbuka.yaml`"),
    )
    .hint(msg!(
        "run terbuka inside a workspace, pass `--root DIR`, or create one with `terbuka new workspace DIR`",
        "jalankan terbuka di dalam ruang kerja, beri `--root DIR`, atau buat ruang kerja baru dengan `terbuka new workspace DIR`"
    ))
}

// ── E007 text-too-long ───────────────────────────────────────────────────

/// E007 `text-too-long`: what it checks, why, and how to fix it.
pub const E007: RuleDoc = RuleDoc {
    code: Code::TextTooLong,
    home: module_path!(),
    summary: Words::new(
        "A text value longer than the limit (20,000 characters unless `TERBUKA_MAX_TEXT_CHARS` says otherwise).",
        "Nilai teks yang lebih panjang dari batas (20.000 karakter, kecuali `TERBUKA_MAX_TEXT_CHARS` menetapkan lain).",
    ),
    what: Words::new(
        "A text value (a title, a justification, a note…) longer than the limit: 20,000 characters unless the environment variable `TERBUKA_MAX_TEXT_CHARS` sets another. Every text can reach a report, and a runaway value would fill pages with one paragraph.",
        "Nilai teks (judul, justifikasi, catatan…) yang lebih panjang dari batas: 20.000 karakter, kecuali variabel lingkungan `TERBUKA_MAX_TEXT_CHARS` menetapkan lain. Setiap teks dapat masuk ke laporan, dan nilai yang terlalu panjang akan memenuhi halaman dengan satu paragraf.",
    ),
    why: Words::new(
        "Every text can reach a report, where a runaway value (often a whole document pasted in) would fill pages with one paragraph and slow every run down.",
        "Setiap teks dapat masuk ke laporan, tempat nilai yang terlalu panjang (sering seluruh dokumen yang ditempel) akan memenuhi halaman dengan satu paragraf dan memperlambat setiap proses.",
    ),
    fix: Words::new(
        "Shorten the text at the place shown. If the full text matters, save it as a document under `evidence/` and cite it as evidence; if long texts are really needed, set `TERBUKA_MAX_TEXT_CHARS`.",
        "Persingkat teks di tempat yang ditunjuk. Bila teks lengkapnya penting, simpan sebagai dokumen di folder `evidence/` dan rujuk sebagai bukti; bila teks panjang memang diperlukan, isi `TERBUKA_MAX_TEXT_CHARS`.",
    ),
};

/// E007: a text of `chars` characters, past the `limit`.
pub fn text_too_long(chars: usize, limit: usize) -> Diagnostic {
    Diagnostic::new(
        Code::TextTooLong,
        msg!(
            "this text has {chars} characters, more than the limit of {limit}",
            "teks ini berisi {chars} karakter, melebihi batas {limit}"
        ),
    )
    .hint(msg!(
        "shorten it, or put the full document under evidence/ and cite it; to raise the limit, set TERBUKA_MAX_TEXT_CHARS",
        "persingkat, atau simpan dokumen lengkapnya di folder evidence/ dan rujuk sebagai bukti; untuk menaikkan batas, isi TERBUKA_MAX_TEXT_CHARS"
    ))
}

// ── E010 duplicate-id ────────────────────────────────────────────────────

/// E010 `duplicate-id`: what it checks, why, and how to fix it.
pub const E010: RuleDoc = RuleDoc {
    code: Code::DuplicateId,
    home: module_path!(),
    summary: Words::new(
        "Two things of one kind share an id (institution, commitment, milestone, point, period, level).",
        "Dua hal yang sejenis memakai id yang sama (institusi, komitmen, tonggak capaian, poin, periode, tingkat).",
    ),
    what: Words::new(
        "Two things of one kind share an id: institutions, commitments, milestones of one commitment, rubric points, periods, scale levels, working groups or languages. A key written twice in one mapping is reported too.",
        "Dua hal yang sejenis memakai id yang sama: institusi, komitmen, tonggak capaian dalam satu komitmen, poin rubrik, periode, level skala, kelompok kerja, atau bahasa. Kunci yang ditulis dua kali di tempat yang sama juga dilaporkan.",
    ),
    why: Words::new(
        "Files refer to each other by id: with two things under one id, a reference (and the score or report that follows it) would silently pick one of them.",
        "Berkas saling merujuk dengan id: bila dua hal memakai satu id, sebuah rujukan (beserta skor atau laporan yang mengikutinya) akan memilih salah satunya tanpa pemberitahuan.",
    ),
    fix: Words::new(
        "Give one of the two a new, unused id (and update the files that refer to it), or delete the duplicate. For a key written twice, keep one of the two lines.",
        "Beri salah satunya id baru yang belum dipakai (dan sesuaikan berkas yang merujuknya), atau hapus yang ganda. Untuk kunci yang ditulis dua kali, pertahankan salah satu barisnya saja.",
    ),
};

/// The kind of thing whose id (or key) is used twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duplicated {
    /// A key of one mapping.
    Key,
    /// An institution's id.
    Institution,
    /// A commitment's id.
    Commitment,
    /// A milestone's id, within its commitment.
    Milestone,
    /// A working group's id, within its institution.
    WorkingGroup,
    /// A cluster's id in the action plan.
    Cluster,
    /// A rubric point's id.
    Point,
    /// A period's id.
    Period,
    /// A level of the rubric's scale.
    Level,
    /// A language of `languages`.
    Language,
}

impl Duplicated {
    /// The thing in words: (en, id).
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Duplicated::Key => ("key", "kunci"),
            Duplicated::Institution => ("institution id", "id institusi"),
            Duplicated::Commitment => ("commitment id", "id komitmen"),
            Duplicated::Milestone => ("milestone id", "id tonggak capaian"),
            Duplicated::WorkingGroup => ("working group id", "id kelompok kerja"),
            Duplicated::Cluster => ("cluster id", "id klaster"),
            Duplicated::Point => ("point id", "id poin"),
            Duplicated::Period => ("period id", "id periode"),
            Duplicated::Level => ("level", "tingkat"),
            Duplicated::Language => ("language", "bahasa"),
        }
    }
}

/// Where the first use is, when the rule knows it.
#[derive(Debug, Clone)]
pub enum FirstUse {
    /// On this line of the same file.
    Line(usize),
    /// In this other file.
    File(String),
    /// In the rubric's point with this number.
    Point(u32),
}

/// E010: `value`, a `kind` of thing, is used twice; `first` says where it
/// is first used, when that is known. One wording for every kind.
pub fn duplicate(kind: Duplicated, value: &str, first: Option<FirstUse>) -> Diagnostic {
    let (en, id) = kind.words();
    let d =
        Diagnostic::new(Code::DuplicateId, msg!("the {en} `{value}` is used twice", "{id} `{value}` dipakai dua kali"))
            .label(msg!("used again here", "dipakai lagi di sini"));
    let d = match first {
        Some(FirstUse::Line(line)) => {
            d.hint(msg!("it is first used on line {line}", "pertama kali dipakai di baris {line}"))
        }
        Some(FirstUse::File(file)) => d.hint(msg!("{file} already uses it", "{file} sudah memakainya")),
        Some(FirstUse::Point(n)) => d.hint(msg!("point {n} already uses it", "poin {n} sudah memakainya")),
        None => d,
    };
    d.hint(match kind {
        Duplicated::Key => msg!("keep one of the two", "pertahankan salah satunya"),
        Duplicated::Milestone => msg!(
            "milestone ids are unique within a commitment: give one of the two a new id",
            "id tonggak capaian harus unik dalam satu komitmen: beri salah satunya id baru"
        ),
        Duplicated::Cluster => msg!(
            "give each cluster its own id; a commitment's `cluster` names one",
            "beri setiap klaster id sendiri; `cluster` pada komitmen menyebut salah satunya"
        ),
        Duplicated::Level | Duplicated::Language => {
            msg!("remove one of the two", "hapus salah satunya")
        }
        _ => msg!(
            "give one of the two a new id, and change the files that refer to it",
            "beri salah satunya id baru, dan ubah berkas yang merujuknya"
        ),
    })
}
