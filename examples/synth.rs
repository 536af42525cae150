//! A synthetic workspace for benchmarks: N institutions × K periods, with
//! commitments and milestones, steering committees and working groups,
//! every rubric point assessed each period with texts of realistic length
//! in both languages, evidence files and links, milestone progress, and a
//! review per period. The same seed gives the same bytes.
//!
//! ```sh
//! cargo run --release --example synth -- --institutions 1000 --periods 4 --seed 1 --out /tmp/ws-1000
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Agus", "Budi", "Dewi", "Eko", "Fitri", "Hendra", "Indah", "Joko", "Kartika", "Lina", "Made", "Nur", "Putri",
    "Rizal", "Sari", "Teguh", "Wahyu", "Yuni", "Bambang", "Siti", "Dimas", "Ratna", "Imam", "Lukman",
];
const LAST: &[&str] = &[
    "Prasetyo",
    "Santoso",
    "Lestari",
    "Wibowo",
    "Rahmawati",
    "Hidayat",
    "Kurniawan",
    "Susanti",
    "Saputra",
    "Handayani",
    "Nugroho",
    "Marlina",
    "Setiawan",
    "Purnomo",
    "Wijaya",
    "Hermawan",
];
const OFFICES: &[(&str, &str, &str)] = &[
    ("dinas-pendidikan", "Dinas Pendidikan", "Education Office"),
    ("dinas-kesehatan", "Dinas Kesehatan", "Health Office"),
    ("dinas-sosial", "Dinas Sosial", "Social Affairs Office"),
    ("dinas-pertanian", "Dinas Pertanian", "Agriculture Office"),
    ("dinas-perhubungan", "Dinas Perhubungan", "Transport Office"),
    ("dinas-kominfo", "Dinas Komunikasi dan Informatika", "Communication and Informatics Office"),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah", "Regional Development Planning Agency"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "Regional Finance and Asset Agency"),
    ("inspektorat", "Inspektorat Daerah", "Regional Inspectorate"),
    ("puskesmas", "Pusat Kesehatan Masyarakat", "Community Health Centre"),
    ("desa", "Pemerintah Desa", "Village Government"),
    ("kecamatan", "Kantor Kecamatan", "District Office"),
    ("lsm", "Lembaga Swadaya Masyarakat Mitra OGP", "OGP Partner NGO"),
    ("universitas", "Universitas Mitra", "Partner University"),
];
const KINDS: &[&str] =
    &["government-office", "public-service", "village", "police", "civil-society", "academia", "business"];
const SECTORS: &[&str] = &["government", "civil-society", "academia", "business"];
const PLACES: &[&str] = &[
    "Sumberrejo",
    "Kalitidu",
    "Dander",
    "Kapas",
    "Balen",
    "Sugihwaras",
    "Baureno",
    "Kanor",
    "Tambakrejo",
    "Ngasem",
    "Padangan",
    "Kasiman",
    "Temayang",
    "Gondang",
    "Sekar",
    "Bubulan",
    "Malo",
    "Purwosari",
    "Trucuk",
    "Kepohbaru",
];
const DOING_ID: &[&str] = &[
    "Sosialisasi internal OGP diadakan bersama seluruh pejabat struktural",
    "Rapat koordinasi membahas rencana aksi dan pembagian tugas",
    "Forum konsultasi publik diadakan di balai desa dengan daftar hadir dan notulen",
    "Kelompok kerja menyusun jadwal pemutakhiran data sektoral",
    "Dokumen skenario pelaksanaan ditetapkan oleh pimpinan",
    "Laporan kegiatan dipublikasikan di situs web pemerintah daerah",
    "Masukan warga dicatat dan ditanggapi secara tertulis",
    "Penilaian mandiri dibahas bersama dewan pengarah dan mitra OMS",
];
const DOING_EN: &[&str] = &[
    "An internal OGP briefing was held with all managers",
    "A coordination meeting discussed the action plan and the division of tasks",
    "A public consultation forum was held in the village hall, with an attendance list and minutes",
    "The working group drew up a schedule for updating sectoral data",
    "The implementation scenario was adopted by the head of the office",
    "Activity reports were published on the local government website",
    "Citizens' input was recorded and answered in writing",
    "The self-assessment was discussed with the steering committee and CSO partners",
];
const GAP_ID: &[&str] = &[
    "namun tindak lanjutnya belum terdokumentasi",
    "tetapi baru sebagian staf yang terlibat",
    "dan hasilnya dipantau setiap bulan",
    "walaupun anggaran kegiatan masih terbatas",
    "serta dijadikan rujukan oleh institusi lain",
];
const GAP_EN: &[&str] = &[
    "but the follow-up is not yet documented",
    "but only some of the staff are involved",
    "and the results are monitored every month",
    "although the budget for it is still limited",
    "and other institutions use it as a reference",
];
const POINTS: &[&str] = &[
    "understanding",
    "action-plan",
    "steering-committee",
    "self-assessment",
    "consultation",
    "working-group",
    "scenario",
    "concrete-action",
];
const COMPLETION: &[&str] = &["not-started", "limited", "substantial", "complete"];
const VALUES: &[&str] =
    &["access-to-information", "civic-participation", "public-accountability", "technology-and-innovation"];

/// A YAML single-quoted scalar.
fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

/// Two or three sentences in both languages, as a `{id, en}` block at `indent`.
fn text(rng: &mut Rng, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let n = 2 + rng.below(2);
    let (mut id, mut en) = (String::new(), String::new());
    for _ in 0..n {
        let (d, g) = (rng.below(DOING_ID.len()), rng.below(GAP_ID.len()));
        let place = rng.pick(PLACES);
        let _ = write!(id, "{} di {place}, {}. ", DOING_ID[d], GAP_ID[g]);
        let _ = write!(en, "{} in {place}, {}. ", DOING_EN[d], GAP_EN[g]);
    }
    format!("\n{pad}id: {}\n{pad}en: {}", q(id.trim_end()), q(en.trim_end()))
}

struct Plan {
    institutions: usize,
    periods: usize,
    seed: u64,
    out: PathBuf,
}

struct Files<'a> {
    root: &'a Path,
    count: usize,
}

impl Files<'_> {
    fn write(&mut self, rel: &str, text: &str) -> std::io::Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, text)?;
        self.count += 1;
        Ok(())
    }
}

/// `(id, start, end, label id, label en)` of period `k` (semesters from 2021).
fn period(k: usize) -> (String, String, String, String, String) {
    let year = 2021 + k / 2;
    if k.is_multiple_of(2) {
        (
            format!("{year}-s1"),
            format!("{year}-01-01"),
            format!("{year}-06-30"),
            format!("Semester I {year}"),
            format!("First half of {year}"),
        )
    } else {
        (
            format!("{year}-s2"),
            format!("{year}-07-01"),
            format!("{year}-12-31"),
            format!("Semester II {year}"),
            format!("Second half of {year}"),
        )
    }
}

fn generate(plan: &Plan) -> std::io::Result<usize> {
    let mut rng = Rng(plan.seed);
    let mut files = Files { root: &plan.out, count: 0 };
    let (n, k) = (plan.institutions.max(1), plan.periods.max(1));
    let ids = (0..n)
        .map(|i| {
            let (slug, _, _) = OFFICES[i % OFFICES.len()];
            format!("{slug}-{:05}", i + 1)
        })
        .collect::<Vec<_>>();
    let (_, plan_start, _, _, _) = period(0);
    let (_, _, plan_end, _, _) = period(k - 1);

    // terbuka.yaml
    let mut m = String::from(
        "# Synthetic workspace (examples/synth.rs): every name, level and text is generated.\n\
         jurisdiction: {id: sintetis, name: Provinsi Sintetis, country: ID}\n",
    );
    let _ = write!(
        m,
        "action-plan:\n  id: rencana-aksi\n  title: {{id: Rencana Aksi OGP Provinsi Sintetis, en: Synthetic Province OGP Action Plan}}\n  start: {plan_start}\n  end: {plan_end}\nlanguages: [id, en]\nrubric: bupati-eight-points\nperiods:\n"
    );
    for p in 0..k {
        let (id, start, end, lid, len) = period(p);
        let _ = writeln!(m, "  - {{id: {id}, label: {{id: {lid}, en: {len}}}, start: {start}, end: {end}}}");
    }
    let _ = writeln!(m, "context:{}", text(&mut rng, 2));
    files.write("terbuka.yaml", &m)?;
    files.write("rubrics/bupati-eight-points.yaml", include_str!("../rubrics/bupati-eight-points.yaml"))?;

    // Commitments: one per 40 institutions (5 to 60), four milestones each.
    let commitments = (n / 40).clamp(5, 60);
    let mut led: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut supported: Vec<Vec<usize>> = vec![Vec::new(); n];
    for c in 0..commitments {
        let lead = rng.below(n);
        led[lead].push(c);
        let mut support = Vec::new();
        for _ in 0..(2 + rng.below(3)).min(n.saturating_sub(1)) {
            let s = rng.below(n);
            if s != lead && !support.contains(&s) {
                support.push(s);
                supported[s].push(c);
            }
        }
        let mut t = format!("id: komitmen-{:03}\nnumber: {}\n", c + 1, c + 1);
        let place = rng.pick(PLACES);
        let _ =
            writeln!(t, "title: {{id: Keterbukaan layanan publik di {place}, en: Open public services in {place}}}");
        let _ = writeln!(t, "lead: {}", ids[lead]);
        let _ =
            writeln!(t, "supporting: [{}]", support.iter().map(|&s| ids[s].as_str()).collect::<Vec<_>>().join(", "));
        let _ = write!(t, "problem:{}\nobjective:{}\n", text(&mut rng, 2), text(&mut rng, 2));
        let _ = writeln!(t, "ogp-values: [{}, {}]", VALUES[c % 4], VALUES[(c + 1) % 4]);
        let _ = write!(t, "start: {plan_start}\nend: {plan_end}\nmilestones:\n");
        for s in 0..4 {
            let (_, _, due, _, _) = period((s * k / 4).min(k - 1));
            let _ = writeln!(
                t,
                "  - {{id: m{}, title: {{id: Tahap {} di {place}, en: Stage {} in {place}}}, due: {due}}}",
                s + 1,
                s + 1,
                s + 1
            );
        }
        files.write(&format!("commitments/komitmen-{:03}.yaml", c + 1), &t)?;
    }

    // Institutions.
    for (i, id) in ids.iter().enumerate() {
        let (_, name_id, name_en) = OFFICES[i % OFFICES.len()];
        let place = PLACES[i % PLACES.len()];
        let mut t = format!("id: {id}\nname: {{id: {name_id} {place} {}, en: {name_en} {place} {}}}\n", i + 1, i + 1);
        let _ = writeln!(t, "kind: {}", KINDS[i % KINDS.len()]);
        let _ = writeln!(t, "focal-point: {{name: {}, email: ogp.{id}@example.org}}", q(&person(&mut rng)));
        if rng.chance(70) {
            let _ = write!(t, "steering-committee:\n  established: {plan_start}\n  meets: monthly\n  members:\n");
            for s in 0..(3 + rng.below(4)) {
                let _ = writeln!(t, "    - {{name: {}, sector: {}}}", q(&person(&mut rng)), SECTORS[s % 4]);
            }
        }
        let mine = led[i].iter().chain(&supported[i]).copied().collect::<Vec<_>>();
        if !mine.is_empty() {
            let list = mine.iter().map(|c| format!("komitmen-{:03}", c + 1)).collect::<Vec<_>>().join(", ");
            let _ = write!(t, "working-groups:\n  - id: pokja-ogp\n    commitments: [{list}]\n    meets: monthly\n");
        }
        files.write(&format!("institutions/{id}.yaml"), &t)?;
    }

    // Assessments: levels walk from period to period.
    let mut levels = vec![[0usize; 8]; n];
    for row in &mut levels {
        for l in row.iter_mut() {
            *l = rng.below(3);
        }
    }
    for p in 0..k {
        let (pid, _, end, _, _) = period(p);
        let submitted = {
            let (_, next_start, _, _, _) = period(p + 1);
            next_start
        };
        for (i, id) in ids.iter().enumerate() {
            let docs = 1 + rng.below(2);
            let mut evidence = Vec::new();
            for d in 0..docs {
                let rel = format!("evidence/{id}/{pid}/dokumen-{}.txt", d + 1);
                files.write(&rel, &format!("Dokumen bukti {} {id} {pid}\nDibuat oleh examples/synth.rs.\n", d + 1))?;
                evidence.push(rel);
            }
            let mut t = format!(
                "institution: {id}\nperiod: {pid}\nassessor: {{name: {}, role: focal point}}\nsubmitted: {submitted}\npoints:\n",
                q(&person(&mut rng))
            );
            for (x, point) in POINTS.iter().enumerate() {
                let step = rng.below(10);
                let l = &mut levels[i][x];
                if step < 3 && *l < 4 {
                    *l += 1;
                } else if step == 9 && *l > 0 {
                    *l -= 1;
                }
                // A point builds on the points before it (the rubric's `requires`).
                let floor = levels[i][..x].iter().min().map_or(4, |m| m + 1);
                let l = &mut levels[i][x];
                *l = (*l).min(floor);
                let _ = write!(t, "  {point}:\n    level: {}\n    justification:{}\n", *l, text(&mut rng, 6));
                if *l >= 2 || rng.chance(30) {
                    let _ = writeln!(t, "    evidence:");
                    let _ = writeln!(
                        t,
                        "      - {{file: {}, note: Notulen dan daftar hadir, date: {end}}}",
                        rng.pick(&evidence)
                    );
                    if rng.chance(40) {
                        let _ = writeln!(
                            t,
                            "      - {{url: 'https://ogp.example.org/{id}/{pid}/{point}', note: Publikasi}}"
                        );
                    }
                }
            }
            let mine = led[i].iter().chain(&supported[i]).copied().collect::<Vec<_>>();
            if !mine.is_empty() {
                let _ = writeln!(t, "commitments:");
                for c in mine {
                    let _ = writeln!(t, "  komitmen-{:03}:", c + 1);
                    for s in 0..4 {
                        let done = (p + 1) * 4 / k;
                        // A milestone due by the end of this period is complete
                        // (a clean workspace has none overdue, W010).
                        let due_by_now = (s * k / 4).min(k - 1) <= p;
                        let completion = if due_by_now {
                            COMPLETION[3]
                        } else if s < done {
                            COMPLETION[2 + rng.below(2)]
                        } else {
                            COMPLETION[rng.below(2)]
                        };
                        // Progress at limited or above cites its evidence (W009).
                        let evidence = if matches!(completion, "not-started") {
                            String::new()
                        } else {
                            format!(
                                ", evidence: [{{url: \"https://data.example.go.id/komitmen-{:03}/m{}/{pid}\"}}]",
                                c + 1,
                                s + 1
                            )
                        };
                        let _ = writeln!(
                            t,
                            "    m{}: {{completion: {completion}, note: Kemajuan tahap {} semester ini{evidence}}}",
                            s + 1,
                            s + 1
                        );
                    }
                }
            }
            files.write(&format!("assessments/{pid}/{id}.yaml"), &t)?;
        }

        // A review per period: every commitment, and a tenth of the institutions.
        let stage = if p + 1 == k { "end-of-term" } else { "mid-term" };
        let mut t = format!(
            "period: {pid}\nmethodology: local-pilot-2017\nstage: {stage}\nreviewer: {{name: {}, organisation: Peninjau Independen}}\ncommitments:\n",
            q(&person(&mut rng))
        );
        for c in 0..commitments {
            let _ = writeln!(
                t,
                "  komitmen-{:03}: {{verifiability: verifiable, relevance: [{}], potential-impact: {}, completion: {}}}",
                c + 1,
                VALUES[c % 4],
                ["minor", "moderate", "transformative"][rng.below(3)],
                COMPLETION[(p * 4 / k).min(3)]
            );
        }
        let _ = writeln!(t, "institutions:");
        for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 10 == 0) {
            let point = POINTS[rng.below(8)];
            let level = levels[i][POINTS.iter().position(|x| *x == point).unwrap_or(0)].saturating_sub(rng.below(2));
            let _ = writeln!(t, "  {id}: {{{point}: {{level: {level}, note: Diverifikasi dengan dokumen}}}}");
        }
        files.write(&format!("reviews/{pid}.yaml"), &t)?;
    }
    Ok(files.count)
}

fn parse(args: &[String]) -> Result<Plan, String> {
    let mut plan = Plan { institutions: 100, periods: 4, seed: 1, out: PathBuf::from("synth") };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|_| format!("{flag}: `{value}` is not a whole number"));
        match flag.as_str() {
            "--institutions" => plan.institutions = number()?,
            "--periods" => plan.periods = number()?,
            "--seed" => plan.seed = number()? as u64,
            "--out" => plan.out = PathBuf::from(value),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(plan)
}

fn main() -> ExitCode {
    let args = std::env::args().skip(1).collect::<Vec<_>>();
    let plan = match parse(&args) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("synth: {e}\nusage: synth --institutions N --periods K --seed S --out DIR");
            return ExitCode::from(2);
        }
    };
    if plan.out.exists() && std::fs::read_dir(&plan.out).map(|mut d| d.next().is_some()).unwrap_or(true) {
        eprintln!("synth: {} is not empty", plan.out.display());
        return ExitCode::from(2);
    }
    match generate(&plan) {
        Ok(count) => {
            println!(
                "{}: {} institutions × {} periods, {count} files",
                plan.out.display(),
                plan.institutions,
                plan.periods
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: cannot write {}: {e}", plan.out.display());
            ExitCode::from(2)
        }
    }
}
