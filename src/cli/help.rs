//! The command line in the user's language: what is known before the
//! arguments are parsed (the language and colour), the clap definition with
//! every help text in Bahasa Indonesia when that is the language, and clap's
//! own errors retold in Indonesian.
//!
//! One unit: the clap definition, its Indonesian texts, the retold errors
//! and the man pages are one description of the command line, and the
//! tests at the end check them against each other (every argument has its
//! Indonesian text, every page its sections).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use crate::model::Lang;

use super::Args;

/// What is decided before clap parses: clap needs the language for `--help`
/// and its errors, and the colour for both.
#[derive(Debug, Clone, Copy)]
pub struct Early {
    /// `--lang`, else `TERBUKA_LANG`, else the first language of the
    /// workspace's `terbuka.yaml` (at `--root`, `TERBUKA_ROOT` or the
    /// current directory), else English.
    pub lang: Lang,
    /// `--color` as given (`None`: auto).
    pub color: Option<bool>,
}

impl Early {
    /// Scans the raw arguments and the environment.
    pub fn scan(argv: &[OsString]) -> Early {
        let value = |name: &str| -> Option<String> {
            let long = format!("--{name}");
            let prefix = format!("--{name}=");
            let mut found = None;
            let mut it = argv.iter().skip(1).map(|a| a.to_string_lossy());
            while let Some(a) = it.next() {
                if a == "--" {
                    break;
                }
                if a == long {
                    found = it.next().map(|v| v.into_owned());
                } else if let Some(v) = a.strip_prefix(&prefix) {
                    found = Some(v.to_owned());
                }
            }
            found
        };
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let lang = value("lang")
            .or_else(|| env("TERBUKA_LANG"))
            .and_then(|code| Lang::from_code(&code))
            .or_else(|| {
                let root =
                    value("root").or_else(|| env("TERBUKA_ROOT")).map_or_else(|| PathBuf::from("."), PathBuf::from);
                workspace_lang(&root)
            })
            .unwrap_or_else(crate::settings::fallback_lang);
        let color = match value("color").as_deref() {
            Some("always") => Some(true),
            Some("never") => Some(false),
            _ => None,
        };
        Early { lang, color }
    }
}

/// The first language of `root/terbuka.yaml`, read leniently: a broken
/// manifest is `validate`'s to report, not the help's. `root` is the
/// folder asked for, or the workspace the current folder is in.
pub fn workspace_lang(root: &Path) -> Option<Lang> {
    let root = if root == Path::new(".") {
        std::env::current_dir().ok().and_then(|d| crate::settings::find_root(&d)).unwrap_or_else(|| root.to_path_buf())
    } else {
        root.to_path_buf()
    };
    crate::load::first_lang(&root)
}

/// The clap command in `lang`, coloured as `--color` and `NO_COLOR` say.
pub fn command(early: Early) -> Command {
    let color = match early.color {
        Some(true) => clap::ColorChoice::Always,
        Some(false) => clap::ColorChoice::Never,
        None => clap::ColorChoice::Auto,
    };
    let mut cmd = Args::command().color(color);
    cmd.build();
    match early.lang {
        Lang::En => cmd,
        Lang::Id => indonesian(cmd, ""),
    }
}

/// Indonesian for every about and help text, keyed by the command's path
/// (`new assessment`), then `path.arg` for an argument; the root's
/// arguments, which clap copies into every command (the global ones, and
/// its own `help` and `version`), as `.arg`. The copies of the commands
/// that clap puts under `help` use the commands' own texts. A test checks
/// that every command and argument has one.
pub const INDONESIAN: &[(&str, &str)] = &[
    (
        "",
        "Jalankan program Open Government Partnership (OGP) dari berkas YAML: periksa, beri skor, bandingkan periode, dan tulis laporan PDF bergaya IRM",
    ),
    (".root", "Folder ruang kerja (folder yang berisi terbuka.yaml); juga lewat TERBUKA_ROOT"),
    (".lang", "Bahasa pesan dan laporan (`id` atau `en`); juga lewat TERBUKA_LANG; bawaan: bahasa pertama ruang kerja"),
    (".color", "Kapan memakai warna: `auto` (hanya di terminal, dan tidak bila NO_COLOR diisi), `always`, `never`"),
    (".no_cache", "Urai setiap berkas YAML, tanpa cache parse (`out/.cache/parse.bin`)"),
    (".help", "Tampilkan bantuan"),
    (".version", "Tampilkan versi"),
    ("validate", "Periksa setiap berkas ruang kerja dan tampilkan semua masalah"),
    (
        "validate.format",
        "Bentuk keluaran: `human` (untuk dibaca), `short` (satu baris per masalah), `json`, `github` (anotasi GitHub Actions)",
    ),
    (
        "validate.period",
        "Hanya masalah yang menyangkut periode ini (penilaian dan tinjauannya, serta berkas yang dipakai semua periode)",
    ),
    (
        "validate.institution",
        "Hanya masalah di berkas institusi ini sendiri (dan di berkas yang dipakai bersama: terbuka.yaml, rubrik)",
    ),
    (
        "validate.files",
        "Hanya masalah di berkas-berkas ruang kerja ini (semua tetap diperiksa; hanya masalahnya yang ditampilkan)",
    ),
    (
        "validate.translations",
        "Peringatkan juga setiap teks yang hanya ditulis dalam satu bahasa (W011), bila ruang kerja melapor dalam dua bahasa",
    ),
    ("score", "Hitung skor penilaian mandiri setiap institusi, dengan menimbang buktinya"),
    ("score.period", "Periode (bawaan: periode terbaru yang sudah memiliki penilaian)"),
    ("score.institution", "Hanya institusi ini, poin demi poin"),
    ("score.format", "Bentuk keluaran: `table` (tabel), `csv`, `json`"),
    ("compare", "Bandingkan dua periode: kemunduran, kemajuan, bukti, komitmen"),
    ("compare.from", "Periode yang lebih awal"),
    ("compare.to", "Periode yang lebih akhir"),
    ("compare.institution", "Hanya institusi ini"),
    ("compare.format", "Bentuk keluaran: `table` (tabel), `csv`, `json`, `pdf` (laporan perbandingan dengan grafik)"),
    ("compare.output", "Dengan `--format pdf`: berkas yang ditulis (bawaan: `out/compare-<dari>-<ke>-<bahasa>.pdf`)"),
    ("compare.typ", "Dengan `--format pdf`: tulis juga berkas Typst yang dihasilkan di samping PDF"),
    ("compare.fail_on_regression", "Keluar dengan kode 1 bila ada level yang didukung bukti turun"),
    ("report", "Tulis laporan PDF bergaya IRM untuk satu periode, atau kartu skor institusi"),
    ("report.period", "Periode (bawaan: periode terbaru yang sudah memiliki penilaian)"),
    ("report.institution", "Kartu skor satu institusi, bukan laporan periode"),
    ("report.all", "Kartu skor setiap institusi, dikerjakan paralel"),
    ("report.output", "Berkas yang ditulis (bawaan: `out/report-<periode>-<bahasa>.pdf`); dengan `--all`, foldernya"),
    ("report.typ", "Tulis juga berkas Typst yang dihasilkan di samping setiap PDF (untuk memeriksa templat)"),
    (
        "report.stage",
        "Laporan siklus badan pemantau, bukan laporan periode: `inception` (penilaian awal), `end-of-commitment` (penilaian akhir komitmen, dengan `--commitment`) atau `results` (laporan hasil)",
    ),
    ("report.commitment", "Dengan `--stage end-of-commitment`: id komitmennya"),
    (
        "status",
        "Tampilkan yang jatuh tempo dan yang terlambat hari ini (atau pada hari SOURCE_DATE_EPOCH): penilaian, tinjauan, tonggak capaian, forum multipihak, situs web",
    ),
    ("status.format", "Bentuk keluaran: `table` (tabel) atau `json`"),
    ("status.fail_on_overdue", "Keluar dengan kode 1 bila ada yang terlambat (untuk CI tim pengarah)"),
    (
        "new review",
        "Tulis `reviews/<periode>.yaml`, melanjutkan tinjauan sebelumnya dengan tanda belum dikonfirmasi; berkas yang sudah ada tidak pernah ditimpa",
    ),
    ("new review.period", "Periode yang ditinjau"),
    (
        "new review.stage",
        "Tahap (`design` atau `results` untuk refreshed-2021, `mid-term` atau `end-of-term` untuk metodologi lama; bawaan: design selama belum ada tinjauan rancangan, lalu results)",
    ),
    ("watch", "Pantau ruang kerja dan tulis ulang laporan atau situs setiap kali berkas disimpan"),
    ("watch site", "Situs web warga (`terbuka site` dengan opsi yang sama), ditulis ulang setelah setiap perubahan"),
    ("watch site.period", "Periode yang ditampilkan situs (bawaan: periode terbaru yang sudah memiliki penilaian)"),
    ("watch site.output", "Folder tujuan situs (bawaan: `out/site/`); diganti seluruhnya"),
    ("watch report", "Laporan (`terbuka report` dengan opsi yang sama), ditulis ulang setelah setiap perubahan"),
    ("watch report.period", "Periode (bawaan: periode terbaru yang sudah memiliki penilaian)"),
    ("watch report.institution", "Kartu skor satu institusi, bukan laporan periode"),
    ("watch report.all", "Kartu skor setiap institusi, dikerjakan paralel"),
    (
        "watch report.stage",
        "Laporan siklus badan pemantau, bukan laporan periode: `inception` (penilaian awal), `end-of-commitment` (penilaian akhir komitmen, dengan `--commitment`) atau `results` (laporan hasil)",
    ),
    ("watch report.commitment", "Dengan `--stage end-of-commitment`: id komitmennya"),
    (
        "watch report.output",
        "Berkas yang ditulis (bawaan: `out/report-<periode>-<bahasa>.pdf`); dengan `--all`, foldernya",
    ),
    ("watch report.typ", "Tulis juga berkas Typst yang dihasilkan di samping setiap PDF (untuk memeriksa templat)"),
    ("site", "Tulis situs web untuk warga: situs statis dua bahasa tentang rencana aksi, komitmen, dan institusinya"),
    (
        "site.period",
        "Periode yang ditampilkan situs (bawaan: periode terbaru yang sudah memiliki penilaian); periode sebelumnya menjadi riwayat",
    ),
    ("site.output", "Folder tujuan situs (bawaan: `out/site/`); diganti seluruhnya"),
    ("export", "Tulis skor dan isian IRM sebagai data terbuka (CSV, JSON, atau lembar kerja)"),
    ("export.period", "Hanya periode ini (bawaan: semua periode)"),
    ("export.format", "Bentuk keluaran: `csv`, `json`, atau `xlsx` (satu lembar kerja, satu lembar per tabel)"),
    ("export.output", "Folder tujuan (bawaan: `out/` di ruang kerja)"),
    ("schema", "Tulis JSON Schema untuk setiap jenis berkas YAML"),
    ("schema.output", "Folder tujuan (bawaan: `schema/` di ruang kerja)"),
    ("new", "Buat berkas baru: penilaian mandiri atau tinjauan yang melanjutkan periode lalu, atau ruang kerja baru"),
    (
        "new assessment",
        "Tulis `assessments/<periode>/<institusi>.yaml`, melanjutkan penilaian institusi itu pada periode sebelumnya; berkas yang sudah ada tidak pernah ditimpa",
    ),
    ("new assessment.institution", "Id institusi (nama berkasnya di `institutions/`, tanpa `.yaml`)"),
    ("new assessment.period", "Periode (bawaan: periode sesudah penilaian terakhir institusi itu)"),
    ("new workspace", "Buat ruang kerja baru yang minimal dan sah di DIR (folder itu harus kosong atau belum ada)"),
    ("new workspace.dir", "Folder ruang kerja yang akan dibuat"),
    ("evidence", "Segel bukti yang dirujuk di evidence.lock, atau periksa bukti terhadap segel itu"),
    ("evidence seal", "Catat SHA-256 dan ukuran setiap berkas yang dirujuk di evidence.lock"),
    (
        "evidence seal.accept_changes",
        "Segel ulang juga berkas tersegel yang berubah atau hilang (setelah diperiksa dewan pengarah)",
    ),
    (
        "evidence verify",
        "Laporkan setiap berkas yang dirujuk yang berubah, hilang atau belum disegel sejak penyegelan terakhir",
    ),
    ("completions", "Tulis skrip pelengkapan (completion) untuk shell ke keluaran standar"),
    ("completions.shell", "Shell: `bash`, `zsh`, `fish`, `powershell` atau `elvish`"),
    ("man", "Tulis halaman manual (roff) ke keluaran standar, atau semua halaman ke sebuah folder"),
    ("man.output", "Folder tujuan untuk `terbuka.1` dan satu halaman per perintah"),
    ("help", "Tampilkan bantuan ini, atau bantuan perintah yang disebut"),
    ("help.subcommand", "Perintah yang ingin dilihat bantuannya"),
];

fn indonesian_text(key: &str) -> Option<&'static str> {
    INDONESIAN.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The Indonesian text of a command (`path`) or of one of its arguments.
pub fn indonesian_for(path: &str, arg: Option<&str>) -> Option<&'static str> {
    // Clap's `help` commands hold copies of their siblings: `new help
    // assessment` is `new assessment`; `new help` is `help`.
    let words = path.split(' ').collect::<Vec<_>>();
    if let Some(i) = words.iter().position(|w| *w == "help")
        && words.len() > 1
    {
        let rest = &words[i + 1..];
        let path = if rest.is_empty() { "help".to_owned() } else { [&words[..i], rest].concat().join(" ") };
        return indonesian_for(&path, arg);
    }
    match arg {
        None => indonesian_text(path),
        Some(id) => indonesian_text(&format!("{path}.{id}")).or_else(|| indonesian_text(&format!(".{id}"))),
    }
}

/// `cmd` (built) with Indonesian texts and headings; `path` is its path
/// below `terbuka` (`""` for the root).
fn indonesian(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = indonesian_for(path, None) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    let ids = cmd.get_arguments().map(|a| a.get_id().to_string()).collect::<Vec<_>>();
    for id in ids {
        let text = indonesian_for(path, Some(&id));
        cmd = cmd.mut_arg(&id, |arg| {
            let arg = match text {
                Some(text) => arg.help(text).long_help(None::<&str>),
                None => arg,
            };
            annotate(arg)
        });
    }
    let names = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect::<Vec<_>>();
    for name in names {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |sub| indonesian(sub, &sub_path));
    }
    let usage = usage(&mut cmd);
    let template = template(&cmd);
    cmd.override_usage(usage).help_template(template)
}

/// The Indonesian for each placeholder of a value in the help
/// (`--institution <INSTITUSI>`). A test checks that every one has one.
const PLACEHOLDERS: &[(&str, &str)] = &[
    ("COLOR", "WARNA"),
    ("DIR", "FOLDER"),
    ("FILE", "BERKAS"),
    ("FORMAT", "FORMAT"),
    ("FROM", "DARI"),
    ("INSTITUTION", "INSTITUSI"),
    ("LANG", "BAHASA"),
    ("PATH", "JALUR"),
    ("PERIOD", "PERIODE"),
    ("SHELL", "SHELL"),
    ("STAGE", "TAHAP"),
    ("COMMITMENT", "KOMITMEN"),
    ("TO", "KE"),
];

/// The placeholders clap shows for an argument's value: its value names,
/// else its id in capitals.
fn placeholders(arg: &Arg) -> Vec<String> {
    match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    }
}

/// Clap's English notes (`[default: …]`, `[env: …]`, possible values)
/// replaced by Indonesian ones at the end of the help text, and the value's
/// placeholder in Indonesian.
fn annotate(arg: Arg) -> Arg {
    let arg = if arg.get_action().takes_values() {
        let names = placeholders(&arg)
            .into_iter()
            .map(|n| PLACEHOLDERS.iter().find(|(en, _)| *en == n).map_or(n, |(_, id)| (*id).to_owned()))
            .collect::<Vec<_>>();
        arg.value_names(names)
    } else {
        arg
    };
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env() {
        notes.push(format!("[env: {}]", env.to_string_lossy()));
    }
    let defaults = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect::<Vec<_>>();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        notes.push(format!("[bawaan: {}]", defaults.join(", ")));
    }
    if notes.is_empty() {
        return arg.hide_possible_values(true);
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    arg.help(format!("{help} {}", notes.join(" "))).hide_env(true).hide_default_value(true).hide_possible_values(true)
}

/// The usage line with Indonesian placeholders.
fn usage(cmd: &mut Command) -> String {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    usage.replace("[OPTIONS]", "[OPSI]").replace("<COMMAND>", "<PERINTAH>").replace("[COMMAND]", "[PERINTAH]")
}

/// A help template with Indonesian headings, listing only the sections
/// the command has.
fn template(cmd: &Command) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\nPenggunaan: {usage}\n");
    if cmd.has_subcommands() {
        t.push_str("\nPerintah:\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        t.push_str("\nArgumen:\n{positionals}\n");
    }
    if cmd.get_opts().next().is_some() || cmd.get_arguments().any(|a| !a.is_positional()) {
        t.push_str("\nOpsi:\n{options}\n");
    }
    t.push_str("{after-help}");
    t
}

/// A clap error told in `lang`; `None` when clap's own text should be shown
/// (English, help and version output, and kinds without a translation).
pub fn error_text(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let get = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .map(|s| format!("\n\n  saran: mungkin maksud Anda `{s}`?"))
        .unwrap_or_default();
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => format!("argumen `{arg}` tidak dikenal{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            let sub = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("perintah `{sub}` tidak dikenal{suggestion}")
        }
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue)
                .filter(|v| !v.is_empty())
                .map(|v| format!("; pilihan: {v}"))
                .unwrap_or_default();
            if value.is_empty() {
                format!("`{arg}` memerlukan nilai{valid}")
            } else {
                format!("nilai `{value}` tidak berlaku untuk `{arg}`{valid}{suggestion}")
            }
        }
        ErrorKind::ValueValidation if arg.starts_with("--lang") => {
            format!("bahasa `{value}` tidak dikenal untuk `{arg}`; pakai `id` atau `en`")
        }
        ErrorKind::ValueValidation => format!("nilai `{value}` tidak berlaku untuk `{arg}`"),
        ErrorKind::MissingRequiredArgument => format!("argumen wajib belum diberikan: {arg}"),
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg).unwrap_or_default();
            format!("`{arg}` tidak dapat dipakai bersama `{other}`")
        }
        ErrorKind::MissingSubcommand => match get(ContextKind::ValidSubcommand) {
            Some(valid) => format!("sebutkan salah satu perintah: {valid}"),
            None => "sebutkan salah satu perintah".to_owned(),
        },
        ErrorKind::NoEquals => format!("`{arg}` memerlukan tanda `=` sebelum nilainya"),
        ErrorKind::TooManyValues => format!("nilai `{value}` untuk `{arg}` tidak diharapkan"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!("jumlah nilai untuk `{arg}` tidak sesuai"),
        _ => return None,
    };
    text.insert_str(0, "galat: ");
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage: ").to_owned();
        text.push_str(&format!("\n\nPenggunaan: {usage}"));
    }
    text.push_str("\n\nUntuk keterangan lebih lanjut, coba `--help`.\n");
    Some(text)
}

/// Every manual page: `terbuka.1`, then `terbuka-<command>.1` for each
/// command (and `terbuka-new-assessment.1` for nested ones), in `lang`.
pub fn man_pages(cmd: &Command, lang: Lang) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    collect_pages(cmd.clone(), "terbuka", lang, &mut pages);
    pages
}

fn collect_pages(cmd: Command, name: &str, lang: Lang, pages: &mut Vec<(String, String)>) {
    let subs = cmd.get_subcommands().filter(|s| s.get_name() != "help").cloned().collect::<Vec<_>>();
    let mut buf = Vec::new();
    let page = cmd.clone().name(name.to_owned()).bin_name(name.replace('-', " "));
    let manual = match lang {
        Lang::En => "terbuka manual",
        Lang::Id => "Panduan terbuka",
    };
    if clap_mangen::Man::new(page).date("").manual(manual).render(&mut buf).is_ok() {
        let mut text = String::from_utf8_lossy(&buf).into_owned();
        // `help` has no page of its own (`--help` is on every page).
        text = drop_help_entry(&text);
        text.push_str(&extra_sections(name, lang));
        if lang == Lang::Id {
            for (en, id) in [
                (".SH NAME", ".SH NAMA"),
                (".SH SYNOPSIS", ".SH RINGKASAN"),
                (".SH DESCRIPTION", ".SH URAIAN"),
                (".SH OPTIONS", ".SH OPSI"),
                (".SH SUBCOMMANDS", ".SH PERINTAH"),
                (".SH VERSION", ".SH VERSI"),
            ] {
                text = text.replace(en, id);
            }
        }
        pages.push((format!("{name}.1"), text));
    }
    for sub in subs {
        let sub_name = format!("{name}-{}", sub.get_name());
        collect_pages(sub, &sub_name, lang, pages);
    }
}

/// `text` without the `terbuka-…-help(1)` entry of its commands list.
fn drop_help_entry(text: &str) -> String {
    let lines = text.lines().collect::<Vec<_>>();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        if lines[i] == ".TP" && lines.get(i + 1).is_some_and(|l| l.ends_with("\\-help(1)")) {
            i += 3;
            continue;
        }
        out.push_str(lines[i]);
        out.push('\n');
        i += 1;
    }
    out
}

/// The exit status and a few examples, in `lang`, for the page of `name`
/// (`terbuka-report`).
fn extra_sections(name: &str, lang: Lang) -> String {
    let pick = |en: &'static str, id: &'static str| if lang == Lang::En { en } else { id };
    let mut roff = String::new();
    roff.push_str(pick(".SH \"EXIT STATUS\"\n", ".SH \"STATUS KELUAR\"\n"));
    for (code, en, id) in [
        (
            "0",
            "Success: the inputs have no error (warnings do not change the status).",
            "Berhasil: masukan tidak punya galat (peringatan tidak mengubah status).",
        ),
        (
            "1",
            "Problems in the inputs (each printed with its file, line and column), or a check asked for failed (`--fail-on-regression`, `evidence verify`).",
            "Ada masalah di masukan (masing-masing ditampilkan dengan berkas, baris dan kolomnya), atau pemeriksaan yang diminta gagal (`--fail-on-regression`, `evidence verify`).",
        ),
        (
            "2",
            "terbuka could not run: no workspace, a wrong argument, an output it may not write, or a limit reached.",
            "terbuka tidak dapat berjalan: tidak ada ruang kerja, argumen salah, keluaran yang tidak boleh ditulis, atau batas tercapai.",
        ),
        (
            "130",
            "Interrupted (Ctrl-C); no half-written output is left.",
            "Dihentikan (Ctrl-C); tidak ada keluaran yang tertinggal setengah tertulis.",
        ),
    ] {
        roff.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff_escape(pick(en, id))));
    }
    let examples = EXAMPLES.iter().filter(|(page, _, _, _)| *page == name).collect::<Vec<_>>();
    if !examples.is_empty() {
        roff.push_str(pick(".SH EXAMPLES\n", ".SH CONTOH\n"));
        for (_, command, en, id) in examples {
            roff.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", roff_escape(command), roff_escape(pick(en, id))));
        }
    }
    roff
}

/// Text set in roff: backslashes doubled, `-` as a real hyphen-minus, a
/// leading `.` or `'` guarded.
fn roff_escape(text: &str) -> String {
    let text = text.replace('\\', "\\\\").replace('-', "\\-");
    if text.starts_with(['.', '\'']) { format!("\\&{text}") } else { text }
}

/// Examples per manual page: (page, command, what it does in English, in
/// Indonesian). Placeholders are the sample workspace's ids only where a
/// page needs one to be read; any workspace's own ids work the same way.
const EXAMPLES: &[(&str, &str, &str, &str)] = &[
    (
        "terbuka-status",
        "terbuka status",
        "List what is due and what is late today, with where to record each.",
        "Tampilkan yang jatuh tempo dan yang terlambat hari ini, beserta tempat mencatat masing-masing.",
    ),
    (
        "terbuka-status",
        "terbuka status --format json --fail-on-overdue",
        "The same as JSON, exiting with 1 when anything is late (for CI).",
        "Hal yang sama sebagai JSON, keluar dengan kode 1 bila ada yang terlambat (untuk CI).",
    ),
    (
        "terbuka-new-review",
        "terbuka new review --period P",
        "Start the review of period P from the previous review, every entry unconfirmed.",
        "Mulai tinjauan periode P dari tinjauan sebelumnya, setiap isian belum dikonfirmasi.",
    ),
    (
        "terbuka-report",
        "terbuka report --stage inception",
        "Write the Local Monitoring Body's inception assessment.",
        "Tulis penilaian awal Badan Pemantau Lokal.",
    ),
    (
        "terbuka-report",
        "terbuka report --stage end-of-commitment --commitment C",
        "Write commitment C's end-of-commitment assessment.",
        "Tulis penilaian akhir komitmen C.",
    ),
    (
        "terbuka",
        "terbuka validate",
        "Check every file of the workspace in the current folder (or a folder above it).",
        "Periksa setiap berkas ruang kerja di folder ini (atau folder di atasnya).",
    ),
    (
        "terbuka",
        "terbuka report",
        "Write the period report of the latest period with assessments, in the workspace's first language.",
        "Tulis laporan periode terbaru yang sudah memiliki penilaian, dalam bahasa pertama ruang kerja.",
    ),
    (
        "terbuka",
        "terbuka --lang en report --period P",
        "Write period P's report in English.",
        "Tulis laporan periode P dalam bahasa Inggris.",
    ),
    (
        "terbuka-validate",
        "terbuka validate --period P --institution I",
        "Show only the problems in institution I's files for period P.",
        "Tampilkan hanya masalah di berkas institusi I untuk periode P.",
    ),
    (
        "terbuka-validate",
        "terbuka validate assessments/P/I.yaml",
        "Show only the problems in this one file (every file is still checked).",
        "Tampilkan hanya masalah di berkas ini (semua berkas tetap diperiksa).",
    ),
    (
        "terbuka-validate",
        "terbuka validate --format github",
        "Annotate a pull request in GitHub Actions.",
        "Beri anotasi pada pull request di GitHub Actions.",
    ),
    (
        "terbuka-score",
        "terbuka score --period P",
        "Every institution's score for period P, claimed and evidence-backed.",
        "Skor setiap institusi untuk periode P, yang diklaim dan yang berbukti.",
    ),
    (
        "terbuka-score",
        "terbuka score --institution I --format csv",
        "One institution's points as CSV.",
        "Poin satu institusi sebagai CSV.",
    ),
    (
        "terbuka-compare",
        "terbuka compare P1 P2",
        "What regressed, improved and changed between two periods.",
        "Apa yang mundur, maju dan berubah di antara dua periode.",
    ),
    (
        "terbuka-compare",
        "terbuka compare P1 P2 --fail-on-regression",
        "Exit with 1 when an evidence-backed level went down (for a committee's CI).",
        "Keluar dengan 1 bila ada tingkat berbukti yang turun (untuk CI komite).",
    ),
    (
        "terbuka-report",
        "terbuka report --period P -o laporan.pdf",
        "Period P's report, written to laporan.pdf.",
        "Laporan periode P, ditulis ke laporan.pdf.",
    ),
    ("terbuka-report", "terbuka report --institution I", "Institution I's scorecard.", "Kartu skor institusi I."),
    (
        "terbuka-report",
        "terbuka report --all",
        "Every institution's scorecard, in parallel, into out/scorecards/.",
        "Kartu skor setiap institusi, paralel, ke out/scorecards/.",
    ),
    (
        "terbuka-export",
        "terbuka export --format csv --period P",
        "Period P's open data as CSV files named after the period.",
        "Data terbuka periode P sebagai berkas CSV yang dinamai menurut periodenya.",
    ),
    (
        "terbuka-new-assessment",
        "terbuka new assessment --institution I",
        "Start institution I's file for the newest period, carried forward from its last one, every point unconfirmed.",
        "Mulai berkas institusi I untuk periode terbaru, dilanjutkan dari periode sebelumnya, setiap poin belum dikonfirmasi.",
    ),
    (
        "terbuka-new-workspace",
        "terbuka new workspace kota --lang en",
        "A new workspace in the folder kota, English first.",
        "Ruang kerja baru di folder kota, bahasa Inggris lebih dulu.",
    ),
    (
        "terbuka-evidence-seal",
        "terbuka evidence seal",
        "Record the SHA-256 of every cited file in evidence.lock.",
        "Catat SHA-256 setiap berkas yang dirujuk di evidence.lock.",
    ),
    (
        "terbuka-evidence-verify",
        "terbuka evidence verify",
        "Check every cited file against evidence.lock.",
        "Periksa setiap berkas yang dirujuk terhadap evidence.lock.",
    ),
    (
        "terbuka-watch-report",
        "terbuka watch report --period P",
        "Rewrite period P's report each time a file is saved.",
        "Tulis ulang laporan periode P setiap kali berkas disimpan.",
    ),
    ("terbuka-man", "terbuka man -o man/", "Write every manual page into man/.", "Tulis semua halaman manual ke man/."),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of the built command, as (path, arg).
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
        out.push((path.to_owned(), None));
        for arg in cmd.get_arguments() {
            out.push((path.to_owned(), Some(arg.get_id().to_string())));
        }
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() { sub.get_name().to_owned() } else { format!("{path} {}", sub.get_name()) };
            walk(sub, &p, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_indonesian_help() {
        let mut cmd = Args::command();
        cmd.build();
        let mut all = Vec::new();
        walk(&cmd, "", &mut all);
        let missing = all
            .iter()
            .filter(|(path, arg)| indonesian_for(path, arg.as_deref()).is_none())
            .map(|(path, arg)| format!("{path}.{}", arg.as_deref().unwrap_or("")))
            .collect::<Vec<_>>();
        assert!(missing.is_empty(), "no Indonesian help for: {missing:?}");
    }

    #[test]
    fn no_english_left_in_indonesian_help() {
        let early = Early { lang: Lang::Id, color: Some(false) };
        let mut cmd = command(early);
        let mut texts = vec![cmd.render_long_help().to_string()];
        let names = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect::<Vec<_>>();
        for name in names {
            let sub = cmd.find_subcommand_mut(&name).unwrap();
            texts.push(sub.render_long_help().to_string());
        }
        for text in texts {
            for english in
                ["Usage:", "Options:", "Commands:", "Arguments:", "[default:", "Print help", "Possible values"]
            {
                assert!(!text.contains(english), "`{english}` in:\n{text}");
            }
            assert!(text.contains("Penggunaan: terbuka"), "{text}");
        }
    }

    #[test]
    fn the_language_comes_from_the_arguments_then_the_environment() {
        let argv = |args: &[&str]| args.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(Early::scan(&argv(&["terbuka", "--lang", "id", "validate"])).lang, Lang::Id);
        assert_eq!(Early::scan(&argv(&["terbuka", "validate", "--lang=id"])).lang, Lang::Id);
        assert_eq!(Early::scan(&argv(&["terbuka", "--color", "never"])).color, Some(false));
    }

    #[test]
    fn indonesian_clap_errors_keep_the_facts() {
        let early = Early { lang: Lang::Id, color: Some(false) };
        let e = command(early).try_get_matches_from(["terbuka", "valdate"]).unwrap_err();
        let text = error_text(&e, Lang::Id).unwrap();
        assert!(text.starts_with("galat: perintah `valdate` tidak dikenal"), "{text}");
        assert!(text.contains("mungkin maksud Anda `validate`?"), "{text}");
        let e = command(early).try_get_matches_from(["terbuka", "score", "--format", "xls"]).unwrap_err();
        let text = error_text(&e, Lang::Id).unwrap();
        assert!(
            text.contains("nilai `xls` tidak berlaku untuk `--format <FORMAT>`; pilihan: table, csv, json"),
            "{text}"
        );
        assert!(error_text(&e, Lang::En).is_none());
    }

    #[test]
    fn every_placeholder_has_indonesian() {
        fn walk(cmd: &Command, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments().filter(|a| a.get_action().takes_values()) {
                for name in placeholders(arg) {
                    if !PLACEHOLDERS.iter().any(|(en, _)| *en == name) {
                        missing.push(format!("{} {name}", cmd.get_name()));
                    }
                }
            }
            cmd.get_subcommands().for_each(|s| walk(s, missing));
        }
        let mut cmd = Args::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, &mut missing);
        assert!(missing.is_empty(), "no Indonesian placeholder for: {missing:?}");
    }

    #[test]
    fn man_pages_cover_every_command() {
        let cmd = command(Early { lang: Lang::Id, color: Some(false) });
        let pages = man_pages(&cmd, Lang::Id);
        let names = pages.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>();
        for name in
            ["terbuka.1", "terbuka-validate.1", "terbuka-new.1", "terbuka-new-assessment.1", "terbuka-completions.1"]
        {
            assert!(names.contains(&name), "{names:?}");
        }
        assert!(pages[0].1.contains(".SH NAMA"), "{}", pages[0].1);
        assert!(pages[0].1.contains("Periksa setiap berkas ruang kerja"));
        for (name, page) in &pages {
            assert!(page.contains(".SH \"STATUS KELUAR\""), "{name}");
            assert!(page.contains("Panduan terbuka") && !page.contains("General Commands"), "{name}");
            assert!(!page.contains("help(1)"), "{name} lists a page that is not written");
        }
        // Each example is on a page that is written.
        for (page, ..) in EXAMPLES {
            assert!(names.contains(&format!("{page}.1").as_str()), "{page}");
        }
        assert!(pages[0].1.contains(".SH CONTOH"));
    }

    /// Every example in the manual is a command line terbuka accepts.
    #[test]
    fn every_manual_example_parses() {
        for (_, line, ..) in EXAMPLES {
            let words = line.split_whitespace().collect::<Vec<_>>();
            if let Err(e) = Args::command().try_get_matches_from(&words) {
                panic!("{line}: {e}");
            }
        }
    }
}
