//! The rules of making a report: templates that cannot be read or rendered
//! (E060) and reports Typst cannot typeset (E061).
//!
//! For each code: its documentation, then its constructor, the one place
//! its message, label and hints are worded. The checks are the report's own
//! steps — `templates.rs` reading and rendering the templates, `mod.rs`
//! reading the strings, `typeset.rs` laying out and exporting — which call
//! these constructors.

use crate::diag::{Code, Diagnostic, RuleDoc, Words};
use crate::msg;

use super::templates::DIR;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E060, E061];

// ── E060 template-error ──────────────────────────────────────────────────

/// E060 `template-error`: what it checks, why, and how to fix it.
pub const E060: RuleDoc = RuleDoc {
    code: Code::TemplateError,
    home: module_path!(),
    summary: Words::new(
        "A report template (built in, or the workspace's own in `report-templates/`) that cannot be read or rendered.",
        "Templat laporan (bawaan, atau milik ruang kerja di `report-templates/`) yang tidak dapat dibaca atau dirender.",
    ),
    what: Words::new(
        "A report template cannot be read or rendered: usually an override in the workspace's `report-templates/` that uses an undefined value, is not UTF-8, is larger than 1 MiB, or is a link leading outside the workspace.",
        "Templat laporan tidak dapat dibaca atau dirender: biasanya templat pengganti di `report-templates/` milik ruang kerja yang memakai nilai yang tidak terdefinisi, bukan UTF-8, lebih besar dari 1 MiB, atau berupa tautan ke luar ruang kerja.",
    ),
    why: Words::new(
        "A report is made from its templates: one that cannot be read or rendered would give a report with parts missing or wrong, so none is written.",
        "Laporan dibuat dari templatnya: templat yang tidak dapat dibaca atau dirender akan menghasilkan laporan yang bagiannya hilang atau salah, sehingga tidak ada laporan yang ditulis.",
    ),
    fix: Words::new(
        "Fix the override at the line shown (in `strings.yaml`, every entry needs both `id` and `en`), or delete the override file so that the built-in template is used.",
        "Perbaiki templat pengganti di baris yang ditunjuk (di `strings.yaml`, setiap entri perlu `id` dan `en`), atau hapus berkas templat pengganti tersebut agar templat bawaan yang dipakai.",
    ),
};

/// Why a template override in `report-templates/` was refused.
#[derive(Debug)]
pub enum Refused<'a> {
    /// Not UTF-8 text.
    NotUtf8,
    /// Larger than `max` bytes.
    TooBig { max: u64 },
    /// A link out of the workspace.
    LinkOutside,
    /// A folder, a FIFO, a device, a link in a loop.
    NotAFile,
    /// The system's own reason.
    Unreadable(&'a std::io::Error),
}

/// What went wrong with a template.
#[derive(Debug)]
pub enum TemplateProblem<'a> {
    /// `strings.yaml` does not read: `message` says why.
    Strings { message: &'a str },
    /// The override `rel` was refused.
    Override { rel: &'a str, why: Refused<'a> },
    /// Rendering ran out of its fuel; `overridden` says whose template it
    /// is, when the error is located in one.
    OutOfFuel { overridden: Option<bool> },
    /// Rendering failed, as minijinja's `detail` says.
    Render { detail: &'a str, overridden: Option<bool> },
}

/// E060: a report template that cannot be read or rendered.
pub fn template_error(problem: TemplateProblem<'_>) -> Diagnostic {
    match problem {
        TemplateProblem::Strings { message } => Diagnostic::new(
            Code::TemplateError,
            msg!("the report strings cannot be read: {message}", "teks laporan tidak dapat dibaca: {message}"),
        )
        .hint(msg!(
            "every entry needs both languages: `key: {{id: ..., en: ...}}`",
            "setiap entri perlu kedua bahasa: `kunci: {{id: ..., en: ...}}`"
        )),
        TemplateProblem::Override { rel, why: Refused::LinkOutside } => Diagnostic::new(
            Code::TemplateError,
            msg!(
                "the template override `{rel}` is a link that leads outside the workspace",
                "templat pengganti `{rel}` adalah tautan yang mengarah ke luar ruang kerja"
            ),
        )
        .hint(msg!(
            "copy the file into `{DIR}/` instead of linking to it",
            "salin berkasnya ke `{DIR}/` alih-alih menautkannya"
        )),
        TemplateProblem::Override { rel, why } => {
            let message = match why {
                Refused::NotUtf8 => msg!(
                    "the template override `{rel}` cannot be read as UTF-8 text",
                    "templat pengganti `{rel}` tidak dapat dibaca sebagai teks UTF-8"
                ),
                Refused::TooBig { max } => msg!(
                    "the template override `{rel}` is larger than {max} bytes",
                    "templat pengganti `{rel}` lebih besar dari {max} bita"
                ),
                Refused::Unreadable(e) => msg!(
                    "the template override `{rel}` cannot be read: {e}",
                    "templat pengganti `{rel}` tidak dapat dibaca: {e}"
                ),
                Refused::NotAFile | Refused::LinkOutside => msg!(
                    "the template override `{rel}` is not a regular file",
                    "templat pengganti `{rel}` bukan berkas biasa"
                ),
            };
            Diagnostic::new(Code::TemplateError, message).hint(msg!(
                "fix it, or delete it to use the built-in template",
                "perbaiki, atau hapus agar templat bawaan dipakai"
            ))
        }
        TemplateProblem::OutOfFuel { overridden } => {
            let d = Diagnostic::new(
                Code::TemplateError,
                msg!(
                    "the report template does more work than the limit allows (a loop without end, or text without end?)",
                    "templat laporan melakukan lebih banyak pekerjaan daripada batas yang diizinkan (perulangan tanpa akhir, atau teks tanpa akhir?)"
                ),
            )
            .hint(msg!(
                "the limit grows with the size of the workspace; to raise it, set TERBUKA_TEMPLATE_FUEL (e.g. 100000000)",
                "batas itu tumbuh sesuai ukuran ruang kerja; untuk menaikkannya, isi TERBUKA_TEMPLATE_FUEL (misalnya 100000000)"
            ));
            whose(d, overridden)
        }
        TemplateProblem::Render { detail, overridden } => {
            let d = Diagnostic::new(
                Code::TemplateError,
                msg!(
                    "the report template cannot be rendered: {detail}",
                    "templat laporan tidak dapat dirender: {detail}"
                ),
            );
            whose(d, overridden)
        }
    }
}

/// The hint on a template error located in a template: the workspace's
/// own (`Some(true)`) or a built-in one.
fn whose(d: Diagnostic, overridden: Option<bool>) -> Diagnostic {
    match overridden {
        Some(true) => d.hint(msg!(
            "this template is the workspace's own; fix it, or delete it to use the built-in one",
            "templat ini milik ruang kerja; perbaiki, atau hapus agar templat bawaan dipakai"
        )),
        Some(false) => d.hint(msg!(
            "this is a built-in template: please report it as a bug in terbuka",
            "ini templat bawaan: mohon laporkan sebagai galat (bug) terbuka"
        )),
        None => d,
    }
}

// ── E061 typeset-error ───────────────────────────────────────────────────

/// E061 `typeset-error`: what it checks, why, and how to fix it.
pub const E061: RuleDoc = RuleDoc {
    code: Code::TypesetError,
    home: module_path!(),
    summary: Words::new(
        "Typst cannot typeset the generated report (usually a mistake in a template override).",
        "Typst tidak dapat menata laporan yang dihasilkan (biasanya karena kesalahan pada templat pengganti).",
    ),
    what: Words::new(
        "Typst cannot typeset the generated report, usually because of a mistake in a template override in `report-templates/`; no PDF is written.",
        "Typst tidak dapat menata laporan yang dihasilkan, biasanya karena kesalahan pada templat pengganti di `report-templates/`; PDF tidak dibuat.",
    ),
    why: Words::new(
        "A PDF is written only when Typst lays out the whole report: a half-made PDF would look complete to its readers.",
        "PDF hanya ditulis bila Typst dapat menata seluruh laporan: PDF yang setengah jadi akan tampak lengkap bagi pembacanya.",
    ),
    fix: Words::new(
        "Fix the override at the place shown, or delete it to use the built-in template. Run the command again with `--typ` to write the generated Typst file and look at the line the message names.",
        "Perbaiki templat pengganti di tempat yang ditunjuk, atau hapus agar templat bawaan yang dipakai. Jalankan perintah lagi dengan `--typ` untuk menulis berkas Typst yang dihasilkan, lalu periksa baris yang disebut dalam pesan.",
    ),
};

/// A limit a laid-out report went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PastLimit {
    /// `pages` pages, more than `max`.
    Pages { pages: usize, max: u64 },
    /// A PDF of `size` bytes, more than `max`.
    Bytes { size: usize, max: u64 },
}

/// Why Typst could not make the report.
#[derive(Debug, Clone, Copy)]
pub enum Typeset<'a> {
    /// The report's date is outside what Typst supports.
    DateOutOfRange,
    /// Typst's own error `message`.
    Typst { message: &'a str },
    /// The laid-out report is past a limit.
    Past(PastLimit),
}

/// E061: Typst cannot typeset the report. `typst_hints` are Typst's own
/// hints; `typ_path` is where `--typ` writes the generated file (`None`
/// before there is one).
pub fn typeset_error(why: Typeset<'_>, typst_hints: &[String], typ_path: Option<&str>) -> Diagnostic {
    let message = match why {
        Typeset::DateOutOfRange => {
            msg!("the report's date is outside what Typst supports", "tanggal laporan di luar jangkauan Typst")
        }
        Typeset::Typst { message } => {
            msg!("Typst cannot typeset the report: {message}", "Typst tidak dapat menata laporan: {message}")
        }
        Typeset::Past(PastLimit::Pages { pages, max }) => msg!(
            "the report has {pages} pages, more than the limit of {max} (a template override making pages without end?); to raise the limit, set TERBUKA_MAX_PAGES",
            "laporan ini berisi {pages} halaman, melebihi batas {max} (templat pengganti yang membuat halaman tanpa akhir?); untuk menaikkan batas, isi TERBUKA_MAX_PAGES"
        ),
        Typeset::Past(PastLimit::Bytes { size, max }) => msg!(
            "the PDF has {size} bytes, more than the limit of {max}; to raise the limit, set TERBUKA_MAX_OUTPUT_BYTES",
            "PDF ini berukuran {size} bita, melebihi batas {max}; untuk menaikkan batas, isi TERBUKA_MAX_OUTPUT_BYTES"
        ),
    };
    let mut d = Diagnostic::new(Code::TypesetError, message);
    for h in typst_hints {
        d = d.hint(msg!("Typst: {h}", "Typst: {h}"));
    }
    match typ_path {
        Some(typ_path) => d.hint(msg!(
            "with `--typ`, the generated Typst file is written to `{typ_path}`",
            "dengan `--typ`, berkas Typst yang dihasilkan ditulis ke `{typ_path}`"
        )),
        None => d,
    }
}
