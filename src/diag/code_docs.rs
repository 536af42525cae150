//! What each diagnostic code means and how to fix it, in English and
//! Bahasa Indonesia: the source of the generated diagnostics reference
//! (`docs/diagnostics.md`, `docs/diagnostics.id.md`).

use super::Code;

/// The documentation of one code.
#[derive(Debug, Clone, Copy)]
pub struct CodeDoc {
    /// What the rule checks (one or two sentences), as (English, Indonesian).
    pub what: (&'static str, &'static str),
    /// How a user fixes it, step by step in one or two sentences, as
    /// (English, Indonesian).
    pub fix: (&'static str, &'static str),
}

/// The documentation of `code`.
pub fn doc(code: Code) -> CodeDoc {
    match code {
        // Reading and parsing.
        Code::Unreadable => CodeDoc {
            what: (
                "A workspace file cannot be opened, is too large to read, or is not UTF-8 text (often a file saved in an older encoding such as Windows-1252).",
                "Sebuah berkas ruang kerja tidak dapat dibuka, terlalu besar untuk dibaca, atau bukan teks UTF-8 (sering terjadi pada berkas yang disimpan dengan pengodean lama seperti Windows-1252).",
            ),
            fix: (
                "Open the file in a text editor and save it again as UTF-8 (\"Save with encoding\" → UTF-8), then retype any character that looks wrong at the place shown. If the file cannot be opened at all, check that it exists and that you may read it.",
                "Buka berkas di editor teks dan simpan ulang dalam pengodean UTF-8 (\"Save with encoding\" → UTF-8), lalu ketik ulang karakter yang tampak salah di tempat yang ditunjuk. Bila berkas sama sekali tidak dapat dibuka, pastikan berkasnya ada dan Anda berhak membacanya.",
            ),
        },
        Code::TextTooLong => CodeDoc {
            what: (
                "A text value (a title, a justification, a note…) longer than the limit: 20,000 characters unless the environment variable `TERBUKA_MAX_TEXT_CHARS` sets another. Every text can reach a report, and a runaway value would fill pages with one paragraph.",
                "Nilai teks (judul, justifikasi, catatan…) yang lebih panjang dari batas: 20.000 karakter, kecuali variabel lingkungan `TERBUKA_MAX_TEXT_CHARS` menetapkan lain. Setiap teks dapat masuk ke laporan, dan nilai yang terlalu panjang akan memenuhi halaman dengan satu paragraf.",
            ),
            fix: (
                "Shorten the text at the place shown. If the full text matters, save it as a document under `evidence/` and cite it as evidence; if long texts are really needed, set `TERBUKA_MAX_TEXT_CHARS`.",
                "Persingkat teks di tempat yang ditunjuk. Bila teks lengkapnya penting, simpan sebagai dokumen di folder `evidence/` dan rujuk sebagai bukti; bila teks panjang memang diperlukan, isi `TERBUKA_MAX_TEXT_CHARS`.",
            ),
        },
        Code::YamlSyntax => CodeDoc {
            what: (
                "A YAML file is not well-formed: for example a tab used for indentation, a quote that is never closed, a value containing `: ` without quotes, or more than one document (`---`) in one file.",
                "Sebuah berkas YAML tidak tersusun dengan benar, misalnya indentasi memakai tab, tanda kutip yang tidak ditutup, nilai yang memuat `: ` tanpa tanda kutip, atau lebih dari satu dokumen (`---`) dalam satu berkas.",
            ),
            fix: (
                "Check the line shown and the line before it: indent with spaces, not tabs; close each quote on the same line; put quotes around text that contains `: `; remove `---` lines. Then run `terbuka validate` again.",
                "Periksa baris yang ditunjuk dan baris sebelumnya: gunakan spasi untuk indentasi, bukan tab; tutup setiap tanda kutip di baris yang sama; beri tanda kutip pada teks yang memuat `: `; hapus baris `---`. Lalu jalankan `terbuka validate` lagi.",
            ),
        },
        Code::UnknownKey => CodeDoc {
            what: (
                "A key that this kind of file does not have at this place: usually a misspelling (`focal-pont` for `focal-point`), or a key indented under the wrong parent key.",
                "Kunci yang tidak berlaku untuk jenis berkas ini di tempat tersebut: biasanya salah ketik (`focal-pont` untuk `focal-point`), atau kunci yang menjorok di bawah kunci induk yang salah.",
            ),
            fix: (
                "Correct the spelling (the hint suggests the closest key and lists the allowed ones), move the key to where it belongs, or delete it. Inside `{...}` a comma starts a new key, so put text that contains commas in quotes.",
                "Perbaiki ejaannya (petunjuk menyarankan kunci yang paling mirip dan mencantumkan kunci yang berlaku), pindahkan kunci ke tempat yang semestinya, atau hapus. Di dalam `{...}` tanda koma memulai kunci baru, jadi beri tanda kutip pada teks yang memuat koma.",
            ),
        },
        Code::WrongType => CodeDoc {
            what: (
                "A value of the wrong kind: text where a whole number is expected, a date not written as YYYY-MM-DD, or a word that is not one of the allowed values (for example in `kind` or `completion`).",
                "Nilai dengan jenis yang salah: teks di tempat yang memerlukan bilangan bulat, tanggal yang tidak ditulis sebagai TTTT-BB-HH, atau kata yang bukan salah satu nilai yang diperbolehkan (misalnya pada `kind` atau `completion`).",
            ),
            fix: (
                "Write the kind of value the message asks for: a whole number without quotes, `true` or `false`, a date as YYYY-MM-DD (e.g. 2017-06-30), or one of the words the hint lists. Put text that looks like a number or a date in quotes.",
                "Tulis nilai sesuai yang diminta pesan: bilangan bulat tanpa tanda kutip, `true` atau `false`, tanggal dengan format TTTT-BB-HH (misalnya 2017-06-30), atau salah satu kata yang tercantum di petunjuk. Beri tanda kutip pada teks yang tampak seperti angka atau tanggal.",
            ),
        },
        Code::MissingKey => CodeDoc {
            what: (
                "A required key is absent. This also covers a file that is empty (or holds only comments) and `languages: []` in `terbuka.yaml`.",
                "Sebuah kunci wajib tidak ada. Ini juga berlaku untuk berkas yang kosong (atau hanya berisi komentar) dan `languages: []` di `terbuka.yaml`.",
            ),
            fix: (
                "Add the missing key with its value at the place shown (`key: ...`); `terbuka schema` describes what each kind of file holds. Fill in an empty file or delete it, and list at least one language, e.g. `languages: [id, en]`.",
                "Tambahkan kunci yang belum ada beserta nilainya di tempat yang ditunjuk (`kunci: ...`); `terbuka schema` menjelaskan isi setiap jenis berkas. Isi berkas yang kosong atau hapus, dan cantumkan minimal satu bahasa, misalnya `languages: [id, en]`.",
            ),
        },
        Code::MissingFile => CodeDoc {
            what: (
                "The folder terbuka runs in (or the one given with `--root`) has no `terbuka.yaml`, so it is not a workspace.",
                "Folder tempat terbuka dijalankan (atau folder yang diberikan dengan `--root`) tidak memiliki `terbuka.yaml`, sehingga bukan sebuah ruang kerja.",
            ),
            fix: (
                "Run terbuka inside the workspace folder, or name that folder with `--root DIR`. To start a new workspace, run `terbuka new workspace DIR`.",
                "Jalankan terbuka di dalam folder ruang kerja, atau sebutkan folder tersebut dengan `--root DIR`. Untuk memulai ruang kerja baru, jalankan `terbuka new workspace DIR`.",
            ),
        },
        // Identity and cross-references.
        Code::DuplicateId => CodeDoc {
            what: (
                "Two things of one kind share an id: institutions, commitments, milestones of one commitment, rubric points, periods, scale levels, working groups or languages. A key written twice in one mapping is reported too.",
                "Dua hal yang sejenis memakai id yang sama: institusi, komitmen, tonggak capaian dalam satu komitmen, poin rubrik, periode, level skala, kelompok kerja, atau bahasa. Kunci yang ditulis dua kali di tempat yang sama juga dilaporkan.",
            ),
            fix: (
                "Give one of the two a new, unused id (and update the files that refer to it), or delete the duplicate. For a key written twice, keep one of the two lines.",
                "Beri salah satunya id baru yang belum dipakai (dan sesuaikan berkas yang merujuknya), atau hapus yang ganda. Untuk kunci yang ditulis dua kali, pertahankan salah satu barisnya saja.",
            ),
        },
        Code::UnknownInstitution => CodeDoc {
            what: (
                "An institution id (in a commitment's `lead` or `supporting`, an assessment's `institution`, or a review's `institutions`) that has no file `institutions/<id>.yaml`.",
                "Id institusi (pada `lead` atau `supporting` komitmen, `institution` penilaian, atau `institutions` tinjauan) yang tidak memiliki berkas `institutions/<id>.yaml`.",
            ),
            fix: (
                "Correct the id to one of the files under `institutions/` (the hint suggests the closest), or add the missing institution file.",
                "Perbaiki id agar sesuai dengan salah satu berkas di folder `institutions/` (petunjuk menyarankan yang paling mirip), atau tambahkan berkas institusi yang belum ada.",
            ),
        },
        Code::UnknownCommitment => CodeDoc {
            what: (
                "A commitment id (in a working group's `commitments`, or under `commitments` in an assessment or review) that has no file `commitments/<id>.yaml`.",
                "Id komitmen (pada `commitments` kelompok kerja, atau di bawah `commitments` pada penilaian atau tinjauan) yang tidak memiliki berkas `commitments/<id>.yaml`.",
            ),
            fix: (
                "Correct the id to one of the files under `commitments/` (the hint suggests the closest), or add the missing commitment file.",
                "Perbaiki id agar sesuai dengan salah satu berkas di folder `commitments/` (petunjuk menyarankan yang paling mirip), atau tambahkan berkas komitmen yang belum ada.",
            ),
        },
        Code::UnknownMilestone => CodeDoc {
            what: (
                "Progress in an assessment, under `commitments:` and a commitment id, for a milestone id that the commitment's `milestones` list does not have.",
                "Capaian dalam penilaian, di bawah `commitments:` dan id sebuah komitmen, untuk id tonggak capaian yang tidak ada dalam daftar `milestones` komitmen tersebut.",
            ),
            fix: (
                "Correct the milestone id to one listed in `commitments/<id>.yaml` (the hint shows the known ids), or add the milestone to that file's `milestones`.",
                "Perbaiki id tonggak capaian agar sesuai dengan yang tercantum di `commitments/<id>.yaml` (petunjuk menampilkan id yang dikenal), atau tambahkan tonggak capaian tersebut ke `milestones` pada berkas itu.",
            ),
        },
        Code::UnknownPoint => CodeDoc {
            what: (
                "A rubric point id (under `points` in an assessment, under an institution in a review, or in a point's `requires`) that the rubric does not have.",
                "Id poin rubrik (di bawah `points` pada penilaian, di bawah sebuah institusi pada tinjauan, atau pada `requires` sebuah poin) yang tidak ada dalam rubrik.",
            ),
            fix: (
                "Correct the id to one of the point ids in the rubric file under `rubrics/` (the hint suggests the closest).",
                "Perbaiki id agar sesuai dengan salah satu id poin dalam berkas rubrik di folder `rubrics/` (petunjuk menyarankan yang paling mirip).",
            ),
        },
        Code::UnknownPeriod => CodeDoc {
            what: (
                "A period id in an assessment's or review's `period` that is not listed under `periods` in `terbuka.yaml`.",
                "Id periode pada `period` penilaian atau tinjauan yang tidak tercantum di `periods` pada `terbuka.yaml`.",
            ),
            fix: (
                "Correct the id to one listed under `periods` (the hint suggests the closest), or add the period to `terbuka.yaml` with its `id`, `label`, `start` and `end`.",
                "Perbaiki id agar sesuai dengan salah satu yang tercantum di `periods` (petunjuk menyarankan yang paling mirip), atau tambahkan periode tersebut ke `terbuka.yaml` beserta `id`, `label`, `start`, dan `end`.",
            ),
        },
        Code::UnknownRubric => CodeDoc {
            what: (
                "The `rubric` key in `terbuka.yaml` names a rubric that has no file `rubrics/<id>.yaml`.",
                "Kunci `rubric` di `terbuka.yaml` menyebut rubrik yang tidak memiliki berkas `rubrics/<id>.yaml`.",
            ),
            fix: (
                "Correct `rubric:` to the id of a file under `rubrics/` (the hint suggests the closest), or add the rubric file.",
                "Perbaiki `rubric:` agar sesuai dengan id salah satu berkas di folder `rubrics/` (petunjuk menyarankan yang paling mirip), atau tambahkan berkas rubriknya.",
            ),
        },
        Code::IdMismatch => CodeDoc {
            what: (
                "The `id` inside an institution, commitment or rubric file differs from the file's name, or a review's `period` differs from its file name.",
                "`id` di dalam berkas institusi, komitmen, atau rubrik berbeda dengan nama berkasnya, atau `period` sebuah tinjauan berbeda dengan nama berkasnya.",
            ),
            fix: (
                "Make the two agree: rename the file to `<id>.yaml`, or change `id` (in a review, `period`) to the file's name. If you change an id, update the files that refer to it.",
                "Samakan keduanya: ganti nama berkas menjadi `<id>.yaml`, atau ubah `id` (pada tinjauan, `period`) sesuai nama berkas. Bila Anda mengubah id, sesuaikan juga berkas yang merujuknya.",
            ),
        },
        Code::InvalidId => CodeDoc {
            what: (
                "An id (of a period, institution, commitment, milestone, rubric point, working group, the rubric, the jurisdiction or the action plan) that is not written with lower-case letters `a`–`z`, digits, `-` and `_` only, starting with a letter or digit, at most 64 characters. Ids become the names of files and folders (`assessments/<period>/<institution>.yaml`, `out/report-<period>-id.pdf`), so an id such as `../../x` or `Dinas Kesehatan` could place a file outside its folder or clash on another computer.",
                "Id (periode, institusi, komitmen, tonggak, poin rubrik, kelompok kerja, rubrik, daerah, atau rencana aksi) yang tidak ditulis hanya dengan huruf kecil `a`–`z`, angka, `-` dan `_`, diawali huruf atau angka, paling banyak 64 karakter. Id menjadi nama berkas dan folder (`assessments/<periode>/<institusi>.yaml`, `out/report-<periode>-id.pdf`), sehingga id seperti `../../x` atau `Dinas Kesehatan` dapat menaruh berkas di luar foldernya atau bentrok di komputer lain.",
            ),
            fix: (
                "Rewrite the id as the hint suggests (e.g. `dinas-kesehatan`), and change every file that refers to it, including file and folder names.",
                "Tulis ulang id seperti yang disarankan (misalnya `dinas-kesehatan`), dan ubah setiap berkas yang merujuknya, termasuk nama berkas dan folder.",
            ),
        },
        Code::WrongDirectory => CodeDoc {
            what: (
                "An assessment that is not at `assessments/<period>/<institution>.yaml`: its folder differs from its `period`, or its file name from its `institution`.",
                "Penilaian yang tidak berada di `assessments/<periode>/<institusi>.yaml`: foldernya berbeda dengan `period`, atau nama berkasnya berbeda dengan `institution`.",
            ),
            fix: (
                "Move or rename the file to the path the hint gives, or correct `period` or `institution` inside it if that value is wrong. Each institution fills in only its own file.",
                "Pindahkan atau ganti nama berkas sesuai jalur di petunjuk, atau perbaiki `period` atau `institution` di dalamnya bila nilai itu yang salah. Setiap institusi hanya mengisi berkasnya sendiri.",
            ),
        },
        // Rubric consistency.
        Code::LevelOutOfScale => CodeDoc {
            what: (
                "A level that is not on the rubric's `scale`: a `level` in an assessment or review, a key under a point's `descriptors`, or a point's `evidence-required-from`.",
                "Level yang tidak ada dalam `scale` rubrik: `level` pada penilaian atau tinjauan, kunci di bawah `descriptors` sebuah poin, atau `evidence-required-from` sebuah poin.",
            ),
            fix: (
                "Choose a level from the rubric's `scale` (the message shows the range where it can); the point's `descriptors` in the rubric say what each level means.",
                "Pilih level yang ada dalam `scale` rubrik (bila memungkinkan, pesan menyebutkan rentangnya); `descriptors` poin tersebut dalam rubrik menjelaskan arti setiap level.",
            ),
        },
        Code::InvalidWeight => CodeDoc {
            what: (
                "A rubric point whose `weight` is zero, negative, or larger than 1,000.",
                "Poin rubrik dengan `weight` nol, negatif, atau lebih besar dari 1.000.",
            ),
            fix: (
                "Set `weight` to a whole number from 1 to 1,000. A point with a larger weight counts for more in the weighted index.",
                "Isi `weight` dengan bilangan bulat 1 sampai 1.000. Poin dengan bobot lebih besar berpengaruh lebih banyak pada indeks berbobot.",
            ),
        },
        Code::DuplicateNumber => CodeDoc {
            what: (
                "Two rubric points, or two commitments, share a `number`.",
                "Dua poin rubrik, atau dua komitmen, memakai `number` yang sama.",
            ),
            fix: (
                "Give one of them an unused `number` (the hint names the one that already has it). For commitments, use the numbering of the action plan.",
                "Beri salah satunya `number` yang belum dipakai (petunjuk menyebut mana yang sudah memakainya). Untuk komitmen, gunakan penomoran dalam rencana aksi.",
            ),
        },
        Code::RequiresCycle => CodeDoc {
            what: (
                "Rubric points whose `requires` lists lead in a circle, so that a point ends up requiring itself (the message shows the circle).",
                "Poin-poin rubrik yang daftar `requires`-nya saling mensyaratkan secara melingkar, sehingga sebuah poin akhirnya mensyaratkan dirinya sendiri (pesan menampilkan lingkarannya).",
            ),
            fix: (
                "Remove the `requires` entry that closes the circle, so that each point requires only points that come before it.",
                "Hapus isian `requires` yang menutup lingkaran tersebut, sehingga setiap poin hanya mensyaratkan poin yang mendahuluinya.",
            ),
        },
        Code::BadThreshold => CodeDoc {
            what: (
                "The rubric's thresholds are wrong: `maintain-from` or `improve-from` is not a level of the scale, `improve-from` is above `maintain-from`, or a point's `evidence-required-from` is the scale's lowest level (a claim without evidence would then score below the scale).",
                "Ambang pada rubrik tidak benar: `maintain-from` atau `improve-from` bukan level dalam skala, `improve-from` lebih tinggi dari `maintain-from`, atau `evidence-required-from` sebuah poin adalah level terendah skala (klaim tanpa bukti lalu bernilai di bawah skala).",
            ),
            fix: (
                "Set both recommendation thresholds to levels of the scale, with `improve-from` at or below `maintain-from`, e.g. `recommendations: {maintain-from: 3, improve-from: 1}`; require evidence from a level above the lowest, or leave `evidence-required-from` out.",
                "Isi kedua ambang rekomendasi dengan level yang ada dalam skala, dengan `improve-from` sama dengan atau di bawah `maintain-from`, misalnya `recommendations: {maintain-from: 3, improve-from: 1}`; wajibkan bukti mulai level di atas yang terendah, atau hapus `evidence-required-from`.",
            ),
        },
        // Assessments.
        Code::MissingPoint => CodeDoc {
            what: (
                "An assessment whose `points` leaves out a point of the rubric; every point must be assessed.",
                "Penilaian yang `points`-nya tidak memuat salah satu poin rubrik; setiap poin harus dinilai.",
            ),
            fix: (
                "Add the point's id under `points:` with a `level` (0 if nothing is in place yet), and a `justification` and `evidence` where you have them.",
                "Tambahkan id poin tersebut di bawah `points:` beserta `level` (0 bila belum ada apa pun), serta `justification` dan `evidence` bila tersedia.",
            ),
        },
        Code::SubmittedBeforePeriod => CodeDoc {
            what: (
                "An assessment whose `submitted` date is before the `start` of its period.",
                "Penilaian yang tanggal `submitted`-nya lebih awal dari `start` periodenya.",
            ),
            fix: (
                "Correct the `submitted` date (YYYY-MM-DD). If the file belongs to another period, move it to that period's folder and correct `period`.",
                "Perbaiki tanggal `submitted` (TTTT-BB-HH). Bila berkas ini milik periode lain, pindahkan ke folder periode tersebut dan perbaiki `period`.",
            ),
        },
        Code::EvidenceMissing => CodeDoc {
            what: (
                "An evidence `file` (or a steering committee's `decree`) that does not exist at that path in the workspace.",
                "`file` bukti (atau `decree` dewan pengarah) yang tidak ada pada jalur tersebut di dalam ruang kerja.",
            ),
            fix: (
                "Check the path, written from the workspace root (the folder with `terbuka.yaml`): its spelling, capital letters and file extension (the hint suggests the closest file). Or copy the file to that path.",
                "Periksa jalurnya, yang ditulis dari akar ruang kerja (folder yang berisi `terbuka.yaml`): ejaan, huruf besar-kecil, dan ekstensi berkas (petunjuk menyarankan berkas yang paling mirip). Atau salin berkasnya ke jalur tersebut.",
            ),
        },
        Code::EvidenceOutside => CodeDoc {
            what: (
                "An evidence `file` (or `decree`) path that cannot be used: absolute (`/...`, `C:\\...`), stepping out with `..`, a link leading outside the workspace, empty, or with `\\` between folders.",
                "Jalur `file` bukti (atau `decree`) yang tidak dapat dipakai: jalur absolut (`/...`, `C:\\...`), keluar dengan `..`, tautan yang mengarah ke luar ruang kerja, kosong, atau memakai `\\` di antara folder.",
            ),
            fix: (
                "Copy the file into the workspace (e.g. under `evidence/`) and write its path from the workspace root with `/` between folders, e.g. `evidence/diskominfo/sk.pdf`.",
                "Salin berkas ke dalam ruang kerja (misalnya di bawah `evidence/`) dan tulis jalurnya dari akar ruang kerja dengan `/` di antara folder, misalnya `evidence/diskominfo/sk.pdf`.",
            ),
        },
        Code::InvalidUrl => CodeDoc {
            what: (
                "An evidence `url`, or the feedback form's `url` in `terbuka.yaml`, that is not a well-formed web address: not http or https, without a host name, or containing spaces.",
                "`url` bukti, atau `url` formulir masukan di `terbuka.yaml`, yang bukan alamat web yang benar: bukan http atau https, tanpa nama host, atau memuat spasi.",
            ),
            fix: (
                "Copy the full address from the browser's address bar, starting with `https://` (or `http://`). For a file kept in the workspace, write `file:` instead of `url:`.",
                "Salin alamat lengkap dari bilah alamat peramban, diawali `https://` (atau `http://`). Untuk berkas yang disimpan di dalam ruang kerja, tulis `file:` alih-alih `url:`.",
            ),
        },
        Code::InvalidEmail => CodeDoc {
            what: (
                "The feedback address (`feedback: email:` in `terbuka.yaml`) or a commitment's `contact: email:` is not an e-mail address: no `@`, no dotted domain after it, spaces, or `mailto:` in front. The site would show citizens an address that reaches nobody.",
                "Alamat masukan (`feedback: email:` di `terbuka.yaml`) atau `contact: email:` sebuah komitmen bukan alamat surel: tanpa `@`, tanpa domain bertitik sesudahnya, memuat spasi, atau diawali `mailto:`. Situs akan menampilkan kepada warga alamat yang tidak sampai ke siapa pun.",
            ),
            fix: (
                "Write one address of the form name@domain, e.g. `email: ogp@example.go.id`, as you would type it in an e-mail's To field.",
                "Tulis satu alamat berbentuk nama@domain, misalnya `email: ogp@contoh.go.id`, seperti yang diketik di kolom Kepada sebuah surel.",
            ),
        },
        Code::EvidenceChanged => CodeDoc {
            what: (
                "A cited evidence file whose SHA-256 or size differs from what `evidence.lock` recorded when the evidence was sealed (`terbuka evidence seal`): the file was changed or replaced afterwards. The label shows the start of both hashes and both sizes.",
                "Berkas bukti yang dirujuk, yang SHA-256 atau ukurannya berbeda dari catatan `evidence.lock` saat bukti disegel (`terbuka evidence seal`): berkas itu diubah atau diganti sesudahnya. Label menampilkan awal kedua hash dan kedua ukuran.",
            ),
            fix: (
                "Restore the file as it was sealed (from the repository's history, for example). If the change is intended, have the steering committee check the new file, then run `terbuka evidence seal` again to record it.",
                "Kembalikan berkas seperti saat disegel (misalnya dari riwayat repositori). Bila perubahan itu memang disengaja, mintalah dewan pengarah memeriksa berkas baru, lalu jalankan `terbuka evidence seal` lagi untuk mencatatnya.",
            ),
        },
        Code::EvidenceUnsealed => CodeDoc {
            what: (
                "A cited evidence file that `evidence.lock` does not record, usually evidence added after the last `terbuka evidence seal`. Only reported when the workspace has an `evidence.lock`.",
                "Berkas bukti yang dirujuk tetapi belum tercatat di `evidence.lock`, biasanya bukti yang ditambahkan sesudah `terbuka evidence seal` terakhir. Hanya dilaporkan bila ruang kerja memiliki `evidence.lock`.",
            ),
            fix: (
                "When the file is final, run `terbuka evidence seal` to record it (the steering committee usually seals at the end of a period).",
                "Setelah berkas final, jalankan `terbuka evidence seal` untuk mencatatnya (biasanya dewan pengarah menyegel pada akhir periode).",
            ),
        },
        Code::NotInFonts => CodeDoc {
            what: (
                "A character that none of the fonts built into terbuka can show, such as Chinese, Japanese or Korean characters or emoji. The reports carry Noto Sans and the Noto faces of Javanese, Balinese, Sundanese, Buginese, Batak, Rejang, Arabic (for Jawi and Pegon) and Thai; a character beyond them appears in PDFs as `□`. The report is still made.",
                "Karakter yang tidak dapat ditampilkan oleh fonta bawaan terbuka, misalnya aksara Tionghoa, Jepang, atau Korea, atau emoji. Laporan memuat Noto Sans serta fonta Noto untuk aksara Jawa, Bali, Sunda, Bugis, Batak, Rejang, Arab (untuk Jawi dan Pegon), dan Thai; karakter di luar itu tampil di PDF sebagai `□`. Laporan tetap dibuat.",
            ),
            fix: (
                "Write the text in Latin letters (e.g. the name's usual romanisation), or accept the `□` in the reports.",
                "Tulis teks itu dengan huruf Latin (misalnya alih aksara nama yang lazim), atau terima tanda `□` di laporan.",
            ),
        },
        Code::EvidenceShape => CodeDoc {
            what: (
                "An evidence item that gives both `file` and `url`, or neither; each item is one file or one link.",
                "Butir bukti yang memuat `file` sekaligus `url`, atau tidak memuat keduanya; setiap butir berisi satu berkas atau satu tautan.",
            ),
            fix: (
                "Write `file: evidence/...` for a file in the workspace or `url: https://...` for a link. To cite both, write two items.",
                "Tulis `file: evidence/...` untuk berkas di dalam ruang kerja atau `url: https://...` untuk tautan. Untuk mencantumkan keduanya, tulis dua butir.",
            ),
        },
        // Dates.
        Code::BadDateRange => CodeDoc {
            what: (
                "An `end` date before its `start` date, in the action plan or a period in `terbuka.yaml`, or in a commitment.",
                "Tanggal `end` yang lebih awal dari tanggal `start`, pada rencana aksi atau periode di `terbuka.yaml`, atau pada komitmen.",
            ),
            fix: (
                "Correct the date that is wrong: check the year and the order of month and day (YYYY-MM-DD).",
                "Perbaiki tanggal yang salah: periksa tahun serta urutan bulan dan hari (TTTT-BB-HH).",
            ),
        },
        Code::MilestoneOutsideSpan => CodeDoc {
            what: (
                "A milestone whose `start` or `due` date falls outside its commitment's `start` to `end`.",
                "Tonggak capaian yang tanggal `start` atau `due`-nya berada di luar masa komitmennya (`start` sampai `end`).",
            ),
            fix: (
                "Correct the milestone's date, or, if the commitment really runs longer, change the commitment's `start` or `end`.",
                "Perbaiki tanggal tonggak capaian tersebut, atau, bila masa komitmen memang lebih panjang, ubah `start` atau `end` komitmen.",
            ),
        },
        Code::OverlappingPeriods => CodeDoc {
            what: (
                "Two periods under `periods` in `terbuka.yaml` that share days; each day belongs to one period only.",
                "Dua periode di `periods` pada `terbuka.yaml` yang memiliki hari yang sama; setiap hari hanya milik satu periode.",
            ),
            fix: (
                "Change the `start` of the later period to a day after the `end` of the earlier one (or end the earlier one sooner).",
                "Ubah `start` periode yang lebih akhir menjadi setelah `end` periode sebelumnya (atau majukan `end` periode sebelumnya).",
            ),
        },
        // Reviews.
        Code::ReviewScaleMismatch => CodeDoc {
            what: (
                "A review uses a field, value or stage that its `methodology` does not have: `potential-for-results`, `promising` or `early-results` in a legacy review; `specificity`, `potential-impact`, `on-time` or `did-it-open-government` in `refreshed-2021`; `transparency` or `inclusion` in a legacy review's relevance, `access-to-information` in a refreshed one; a stage of the other methodology; or a field its stage does not judge (\"did it open government?\" at mid-term, completion or early results at the design stage).",
                "Tinjauan memakai kolom, nilai, atau tahap yang tidak ada dalam `methodology`-nya: `potential-for-results`, `promising`, atau `early-results` pada tinjauan versi lama; `specificity`, `potential-impact`, `on-time`, atau `did-it-open-government` pada `refreshed-2021`; `transparency` atau `inclusion` pada relevansi tinjauan versi lama, `access-to-information` pada versi baru; tahap milik metodologi lain; atau kolom yang tidak dinilai pada tahapnya (\"apakah membuka pemerintahan?\" pada tengah periode, penyelesaian atau hasil awal pada tahap rancangan).",
            ),
            fix: (
                "Check that `methodology` and `stage` name the version and stage the review follows. Then remove what that version does not use, or write it as that version names it (the hint lists them).",
                "Pastikan `methodology` dan `stage` menyebut versi dan tahap yang dipakai tinjauan. Lalu hapus yang tidak dipakai versi itu, atau tulis sesuai nama dalam versi tersebut (petunjuk mencantumkannya).",
            ),
        },
        Code::NotOnScale => CodeDoc {
            what: (
                "A commitment's `early-results`, or an end-of-commitment assessment's degree of change (`change`) or immediate result (`result`) for an OGP value, is not a value of the methodology's scale, or the methodology lists no immediate results for that value. The scales are data: terbuka ships `methodologies/refreshed-2021.yaml` (the early-results and degree-of-change scales commonly given, not confirmed; transparency's immediate results as OGP's form gives them, the other values' not confirmed), and a workspace may override it with its own file of that name.",
                "`early-results` sebuah komitmen, atau tingkat perubahan (`change`) maupun hasil langsung (`result`) per nilai OGP pada penilaian akhir komitmen, bukan nilai dalam skala metodologi, atau metodologinya tidak memuat hasil langsung untuk nilai itu. Skala ini berupa data: terbuka menyertakan `methodologies/refreshed-2021.yaml` (skala hasil awal dan tingkat perubahan yang umum disebut, belum terkonfirmasi; hasil langsung transparansi sesuai formulir OGP, nilai lainnya belum terkonfirmasi), dan ruang kerja dapat menggantinya dengan berkas sendiri bernama sama.",
            ),
            fix: (
                "Write one of the values the message lists, e.g. `early-results: marginal`; if the IRM's official scale differs, copy the shipped file to `methodologies/refreshed-2021.yaml` in the workspace and correct it there.",
                "Tulis salah satu nilai yang disebut pesan, misalnya `early-results: marginal`; bila skala resmi IRM berbeda, salin berkas bawaan ke `methodologies/refreshed-2021.yaml` di ruang kerja dan perbaiki di sana.",
            ),
        },
        Code::UnknownCluster => CodeDoc {
            what: (
                "A commitment's `cluster` names no cluster of the plan. Clusters group related commitments of one reform area; the plan lists them in `terbuka.yaml` under `action-plan: clusters:` (each with `id` and `title`), and the inception and results reports group the commitments by them.",
                "`cluster` sebuah komitmen tidak menyebut klaster rencana aksi mana pun. Klaster mengelompokkan komitmen yang berkaitan dalam satu bidang reformasi; rencana aksi mencantumkannya di `terbuka.yaml` di bawah `action-plan: clusters:` (masing-masing dengan `id` dan `title`), dan laporan penilaian awal serta laporan hasil mengelompokkan komitmen menurut klaster itu.",
            ),
            fix: (
                "Write the id of a cluster the plan lists (the hint suggests the nearest), or add the cluster under `action-plan: clusters:` in `terbuka.yaml`.",
                "Tulis id klaster yang tercantum dalam rencana aksi (petunjuk menyarankan yang terdekat), atau tambahkan klasternya di bawah `action-plan: clusters:` dalam `terbuka.yaml`.",
            ),
        },
        Code::TooManyAttachments => CodeDoc {
            what: (
                "An end-of-commitment assessment lists more than three `attachments`. OGP's End-of-Commitment Assessment form takes up to three; the report shows the first three, and the Support Unit reads no more.",
                "Penilaian akhir komitmen mencantumkan lebih dari tiga `attachments`. Formulir Penilaian Akhir Komitmen OGP menerima paling banyak tiga; laporan menampilkan tiga yang pertama, dan Unit Pendukung tidak membaca lebih dari itu.",
            ),
            fix: (
                "Keep the three attachments that show the result best; cite the others in `lessons`, or as evidence of the milestones in the institutions' assessments.",
                "Pertahankan tiga lampiran yang paling menunjukkan hasilnya; sebutkan sisanya di `lessons`, atau sebagai bukti tonggak capaian pada penilaian institusi.",
            ),
        },
        Code::IrmAuthorship => CodeDoc {
            what: (
                "A review's `reviewer` names the IRM (\"IRM\" as a word, or \"Independent Reporting Mechanism\"). terbuka writes IRM-style reports; the IRM did not write them, and a report must not say it did.",
                "`reviewer` pada tinjauan menyebut IRM (kata \"IRM\", atau \"Independent Reporting Mechanism\"). terbuka menulis laporan bergaya IRM; IRM tidak menulisnya, dan laporan tidak boleh mengatakan demikian.",
            ),
            fix: (
                "Name who actually reviewed: a person, an organisation or a Local Monitoring Body (`kind: local-monitoring-body`). When the figures reproduce a published IRM report, cite it under `source:` with its `title`, `author` and `year`; the report then credits that report for its figures.",
                "Tulis siapa yang sebenarnya meninjau: orang, organisasi, atau Badan Pemantau Lokal (`kind: local-monitoring-body`). Bila angkanya menyalin laporan IRM terbitan, kutip laporan itu di `source:` beserta `title`, `author` dan `year`; laporan lalu menyebut laporan itu sebagai sumber angkanya.",
            ),
        },
        // Reports.
        Code::TemplateError => CodeDoc {
            what: (
                "A report template cannot be read or rendered: usually an override in the workspace's `report-templates/` that uses an undefined value, is not UTF-8, is larger than 1 MiB, or is a link leading outside the workspace.",
                "Templat laporan tidak dapat dibaca atau dirender: biasanya templat pengganti di `report-templates/` milik ruang kerja yang memakai nilai yang tidak terdefinisi, bukan UTF-8, lebih besar dari 1 MiB, atau berupa tautan ke luar ruang kerja.",
            ),
            fix: (
                "Fix the override at the line shown (in `strings.yaml`, every entry needs both `id` and `en`), or delete the override file so that the built-in template is used.",
                "Perbaiki templat pengganti di baris yang ditunjuk (di `strings.yaml`, setiap entri perlu `id` dan `en`), atau hapus berkas templat pengganti tersebut agar templat bawaan yang dipakai.",
            ),
        },
        Code::TypesetError => CodeDoc {
            what: (
                "Typst cannot typeset the generated report, usually because of a mistake in a template override in `report-templates/`; no PDF is written.",
                "Typst tidak dapat menata laporan yang dihasilkan, biasanya karena kesalahan pada templat pengganti di `report-templates/`; PDF tidak dibuat.",
            ),
            fix: (
                "Fix the override at the place shown, or delete it to use the built-in template. Run the command again with `--typ` to write the generated Typst file and look at the line the message names.",
                "Perbaiki templat pengganti di tempat yang ditunjuk, atau hapus agar templat bawaan yang dipakai. Jalankan perintah lagi dengan `--typ` untuk menulis berkas Typst yang dihasilkan, lalu periksa baris yang disebut dalam pesan.",
            ),
        },
        // Warnings.
        Code::EvidenceRequired => CodeDoc {
            what: (
                "A point claims a level at or above the rubric's `evidence-required-from` but cites no evidence; until evidence is added, it is scored one level below `evidence-required-from`.",
                "Sebuah poin mengklaim level yang sama dengan atau di atas `evidence-required-from` pada rubrik, tetapi tidak mencantumkan bukti; sampai bukti ditambahkan, poin dihitung satu level di bawah `evidence-required-from`.",
            ),
            fix: (
                "Add an `evidence:` list under the point with at least one item (`- file: evidence/...` or `- url: https://...`), or lower the `level` to what you can show.",
                "Tambahkan daftar `evidence:` di bawah poin tersebut dengan minimal satu butir (`- file: evidence/...` atau `- url: https://...`), atau turunkan `level` sesuai yang dapat Anda buktikan.",
            ),
        },
        Code::GovernmentOnlyCommittee => CodeDoc {
            what: (
                "A `steering-committee` (of an institution, or in `terbuka.yaml`) whose `members` all have `sector: government`; OGP expects multi-stakeholder bodies.",
                "`steering-committee` (milik institusi, atau di `terbuka.yaml`) yang seluruh `members`-nya ber-`sector: government`; OGP mengharapkan badan multipihak.",
            ),
            fix: (
                "Add the committee's members from civil society, academia or business, with `sector: civil-society`, `academia` or `business`. If such members are already listed, correct their `sector`.",
                "Tambahkan anggota dewan pengarah dari masyarakat sipil, akademisi, atau dunia usaha, dengan `sector: civil-society`, `academia`, atau `business`. Bila anggota tersebut sudah tercantum, perbaiki `sector`-nya.",
            ),
        },
        Code::PrerequisiteGap => CodeDoc {
            what: (
                "A point claimed more than one level above the lowest of the points it `requires` in the rubric. It is a warning only and does not change any score.",
                "Poin yang diklaim lebih dari satu level di atas poin terendah yang menjadi syaratnya (`requires` pada rubrik). Ini hanya peringatan dan tidak mengubah skor.",
            ),
            fix: (
                "Check both levels against the rubric's descriptors: lower this point's `level`, or raise the required point's `level` if it was set too low.",
                "Periksa kedua level dengan deskriptor rubrik: turunkan `level` poin ini, atau naikkan `level` poin yang menjadi syaratnya bila level itu terlalu rendah.",
            ),
        },
        Code::MissingDescriptor => CodeDoc {
            what: (
                "A rubric point without a descriptor for some level of the scale; focal points choose a level by its descriptor.",
                "Poin rubrik yang tidak memiliki deskriptor untuk suatu level dalam skala; focal point memilih level berdasarkan deskriptornya.",
            ),
            fix: (
                "Under the point's `descriptors`, add an entry for each level the message names, e.g. `2: {id: ..., en: ...}`.",
                "Di bawah `descriptors` poin tersebut, tambahkan isian untuk setiap level yang disebut dalam pesan, misalnya `2: {id: ..., en: ...}`.",
            ),
        },
        Code::MissingAssessment => CodeDoc {
            what: (
                "An institution with no assessment for a period in which other institutions have one.",
                "Institusi yang belum memiliki penilaian untuk suatu periode, padahal institusi lain sudah memilikinya.",
            ),
            fix: (
                "Create it with `terbuka new assessment --institution <id> --period <period>`, then check and confirm each point.",
                "Buat dengan `terbuka new assessment --institution <id> --period <periode>`, lalu periksa dan konfirmasi setiap poin.",
            ),
        },
        Code::MilestoneEvidence => CodeDoc {
            what: (
                "Progress on a milestone reported as `limited`, `substantial` or `complete` with no evidence. Like a rubric point, such a claim needs evidence: until it has some, the report shows it with a mark and does not count it (completion is derived from the other reports of that milestone, or none).",
                "Kemajuan tonggak capaian yang dilaporkan `limited`, `substantial`, atau `complete` tanpa bukti. Seperti poin rubrik, klaim ini memerlukan bukti: selama belum ada, laporan menandainya dan tidak menghitungnya (penyelesaian diturunkan dari laporan lain atas tonggak capaian itu, atau tidak sama sekali).",
            ),
            fix: (
                "Under the milestone's progress, add an `evidence:` list with a file (`- file: evidence/...`) or a link (`- url: https://...`) that shows the work, or lower `completion` to what the evidence shows.",
                "Di bawah kemajuan tonggak capaian itu, tambahkan daftar `evidence:` berisi berkas (`- file: evidence/...`) atau tautan (`- url: https://...`) yang menunjukkan pekerjaannya, atau turunkan `completion` sesuai yang ditunjukkan bukti.",
            ),
        },
        Code::OverdueMilestone => CodeDoc {
            what: (
                "A milestone whose `due` date is on or before the end of the latest period with assessments, and before today (or `SOURCE_DATE_EPOCH`'s day), and that no counted report shows `complete`. The period report marks it overdue.",
                "Tonggak capaian yang tanggal `due`-nya sama dengan atau sebelum akhir periode terakhir yang memiliki penilaian, dan sebelum hari ini (atau hari `SOURCE_DATE_EPOCH`), dan tidak ada laporan terhitung yang menyatakannya `complete`. Laporan periode menandainya terlambat.",
            ),
            fix: (
                "If the work is done, report `completion: complete` with evidence in the lead institution's assessment; if the plan changed, move `due` in the commitment file (and say why in its notes).",
                "Bila pekerjaannya selesai, laporkan `completion: complete` beserta bukti pada penilaian institusi penanggung jawab; bila rencananya berubah, geser `due` di berkas komitmen (dan jelaskan alasannya).",
            ),
        },
        Code::OneLanguage => CodeDoc {
            what: (
                "Only with `validate --translations`: a text (a title, a name, a justification, a note) written in one language only in a workspace whose `languages` are two. A plain string counts as written in the first language. Reports in the other language show it as written, marked `[ID]` or `[EN]`, so a reader knows it is not translated.",
                "Hanya dengan `validate --translations`: teks (judul, nama, justifikasi, catatan) yang ditulis dalam satu bahasa saja pada ruang kerja yang `languages`-nya dua. Teks biasa dianggap ditulis dalam bahasa pertama. Laporan dalam bahasa lain menampilkannya apa adanya, bertanda `[ID]` atau `[EN]`, agar pembaca tahu teks itu tidak diterjemahkan.",
            ),
            fix: (
                "Write the text in both languages, `{id: ..., en: ...}`; or leave it, when a translation is not needed (the report stays correct and marked).",
                "Tulis teksnya dalam kedua bahasa, `{id: ..., en: ...}`; atau biarkan bila terjemahan tidak diperlukan (laporan tetap benar dan bertanda).",
            ),
        },
        Code::CommentInText => CodeDoc {
            what: (
                "A text (a justification, a note, a title) written without quotes that contains a space followed by `#`, such as `justification: SK Kepala Dinas #045/2018; rapat bulanan`. YAML reads everything from that `#` to the end of the line as a comment, so the report would show only \"SK Kepala Dinas\", and nothing else would say so.",
                "Teks (justifikasi, catatan, judul) yang ditulis tanpa tanda kutip dan memuat spasi diikuti `#`, misalnya `justification: SK Kepala Dinas #045/2018; rapat bulanan`. YAML membaca semua yang mulai dari `#` itu sampai akhir baris sebagai komentar, sehingga laporan hanya menampilkan \"SK Kepala Dinas\", tanpa pemberitahuan lain.",
            ),
            fix: (
                "Put the whole text in double quotes, as the hint shows: `justification: \"SK Kepala Dinas #045/2018; rapat bulanan\"`. Inside double quotes, write `\\\"` for a quote and `/` rather than `\\` in paths. A comment you meant as a comment goes on its own line.",
                "Apit seluruh teks dengan tanda kutip ganda, seperti pada saran: `justification: \"SK Kepala Dinas #045/2018; rapat bulanan\"`. Di dalam tanda kutip ganda, tulis `\\\"` untuk tanda kutip dan `/` alih-alih `\\` pada jalur. Komentar yang memang dimaksudkan sebagai komentar ditulis di barisnya sendiri.",
            ),
        },
        Code::ConfirmedMissing => CodeDoc {
            what: (
                "In a file that `terbuka new assessment` carried forward, every point starts with `confirmed: false`. A point without any `confirmed:` line in such a file (typed again or pasted from elsewhere, or with the line deleted) counts as confirmed, though nobody wrote that it was checked.",
                "Dalam berkas yang dilanjutkan oleh `terbuka new assessment`, setiap poin dimulai dengan `confirmed: false`. Poin tanpa baris `confirmed:` dalam berkas seperti itu (diketik ulang atau ditempel dari tempat lain, atau barisnya terhapus) dihitung sudah dikonfirmasi, walaupun tidak ada yang menulis bahwa poin itu sudah diperiksa.",
            ),
            fix: (
                "Check the point against this period's work, then write `confirmed: true` under it, as for the other points; or `confirmed: false` if it still holds last period's claim.",
                "Periksa poin itu dengan pekerjaan periode ini, lalu tulis `confirmed: true` di bawahnya, seperti poin lainnya; atau `confirmed: false` bila isinya masih klaim periode lalu.",
            ),
        },
        Code::RequirementGap => CodeDoc {
            what: (
                "In a workspace with a `monitoring-body`, a local minimum requirement or co-creation check is not met, or nothing decides it. terbuka decides from the logs in `terbuka.yaml` where they can (the forum and its members, the meetings log every six months, the website's updates every four months, papers shared before each meeting) and from the inception assessment's `co-creation` answers where it takes judgment (endorsement, reasoned response, acting contrary to the process). The warning points at the log entry or the answer that shows the gap.",
                "Pada ruang kerja yang memiliki `monitoring-body`, sebuah persyaratan minimum lokal atau pemeriksaan ko-kreasi tidak terpenuhi, atau belum ada yang menentukannya. terbuka menentukannya dari log di `terbuka.yaml` bila bisa (forum multipihak dan anggotanya, log rapat setiap enam bulan, pembaruan situs web setiap empat bulan, bahan yang dibagikan sebelum rapat) dan dari jawaban `co-creation` pada penilaian awal bila memerlukan penilaian (persetujuan, tanggapan beralasan, tindakan yang bertentangan dengan proses). Peringatan menunjuk entri log atau jawaban yang menunjukkan kekurangannya.",
            ),
            fix: (
                "If the log is incomplete, add what happened (a meeting, an update, the day papers were shared). If the gap is real, keep it: the reports show it, and the next plan's co-creation should mend it. Where nothing decides, answer the check in the review's `co-creation:` with an explanation and evidence.",
                "Bila lognya belum lengkap, tambahkan yang terjadi (rapat, pembaruan, tanggal bahan dibagikan). Bila kekurangannya nyata, biarkan: laporan menampilkannya, dan ko-kreasi rencana aksi berikutnya perlu memperbaikinya. Bila belum ada yang menentukan, jawab pemeriksaannya di `co-creation:` pada tinjauan beserta penjelasan dan bukti.",
            ),
        },
        Code::ReviewUnconfirmed => CodeDoc {
            what: (
                "`terbuka new review` carries the previous review's findings forward, each marked `confirmed: false`: a commitment's fields, a co-creation answer, a reviewer's level. Until the reviewer confirms one, scores and reports leave it out (the commitment shows `—`; the check counts as unanswered), so that last period's judgment is never reported as this period's.",
                "`terbuka new review` membawa temuan tinjauan sebelumnya, masing-masing bertanda `confirmed: false`: isian sebuah komitmen, jawaban ko-kreasi, tingkat dari peninjau. Sebelum peninjau mengonfirmasinya, skor dan laporan tidak memuatnya (komitmen tampil `—`; pemeriksaannya dianggap belum dijawab), agar penilaian periode lalu tidak pernah dilaporkan sebagai penilaian periode ini.",
            ),
            fix: (
                "Check the entry against this period's evidence, change what is not true, then write `confirmed: true` (or delete the `confirmed: false` line).",
                "Periksa isian itu dengan bukti periode ini, ubah yang tidak sesuai, lalu tulis `confirmed: true` (atau hapus baris `confirmed: false`).",
            ),
        },
        Code::Late => CodeDoc {
            what: (
                "In a workspace with a `monitoring-body`, something of the monitoring cycle is past its due date on the day terbuka checks (today, or `SOURCE_DATE_EPOCH`'s day): the inception assessment (two months after `action-plan: submitted`), a commitment's end-of-commitment assessment (one month after its `end`), the forum's next meeting (six months after its last) or the website's next update (four months after its last). `terbuka status` lists them all, with what is due next.",
                "Pada ruang kerja yang memiliki `monitoring-body`, sesuatu dalam siklus pemantauan sudah melewati tanggal jatuh temponya pada hari terbuka memeriksa (hari ini, atau hari `SOURCE_DATE_EPOCH`): penilaian awal (dua bulan setelah `action-plan: submitted`), penilaian akhir komitmen (satu bulan setelah `end`-nya), rapat forum multipihak berikutnya (enam bulan setelah rapat terakhir) atau pembaruan situs web berikutnya (empat bulan setelah pembaruan terakhir). `terbuka status` mencantumkan semuanya, beserta yang jatuh tempo berikutnya.",
            ),
            fix: (
                "Do what is due and record it: the review with its `submitted:` date, the meeting under `steering-committee: meetings:`, the update under `website: updates:`. What was done but not recorded only needs recording.",
                "Kerjakan yang jatuh tempo lalu catat: tinjauan beserta tanggal `submitted:`-nya, rapat di bawah `steering-committee: meetings:`, pembaruan di bawah `website: updates:`. Yang sudah dikerjakan tetapi belum dicatat cukup dicatat.",
            ),
        },
        Code::Unconfirmed => CodeDoc {
            what: (
                "A point or milestone progress with `confirmed: false`, as `terbuka new assessment` writes it (carried over from the previous period, or blank). An unconfirmed point scores as the lowest level; unconfirmed progress is not counted.",
                "Poin atau kemajuan tonggak capaian dengan `confirmed: false`, sebagaimana ditulis `terbuka new assessment` (dibawa dari periode sebelumnya, atau kosong). Poin yang belum dikonfirmasi dihitung sebagai tingkat terendah; capaian yang belum dikonfirmasi tidak dihitung.",
            ),
            fix: (
                "Check the `level`, `justification` and `evidence` (for a milestone, `completion`) against this period's work and change what is no longer true, then write `confirmed: true`.",
                "Periksa `level`, `justification`, dan `evidence` (untuk tonggak capaian, `completion`) dengan pekerjaan periode ini dan ubah yang sudah tidak sesuai, lalu tulis `confirmed: true`.",
            ),
        },
    }
}
