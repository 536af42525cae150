//! The rules of the programme's process (`model::cycle`): a steering
//! committee of government only (W002), a commitment's `cluster` that the
//! plan lists (E070), at most three attachments to an end-of-commitment
//! assessment (E071), and — in a workspace with a `monitoring-body` — each
//! unmet minimum requirement where it is to be mended (W014) and each late
//! item of the monitoring cycle (W015).

use crate::cycle::{MAX_ATTACHMENTS, due, requirements};
use crate::diag::{Code, Diagnostic, Msg, RuleDoc, Seg, Words};
use crate::load::{Doc, ItemIds};
use crate::model::{Date, Sector, SteeringCommittee};
use crate::{msg, path};

use super::super::Context;
use super::suggest;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E070, E071, W002, W014, W015];

/// Checks the steering committees, the clusters and the end-of-commitment
/// assessments.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    let ws = cx.ws;
    if let Some(doc) = &ws.manifest {
        if let Some(committee) = &doc.value.steering_committee {
            committee_members(cx, doc, committee, path!["steering-committee"]);
        }
        clusters(cx);
    }
    for doc in &ws.institutions {
        if let Some(committee) = &doc.value.steering_committee {
            committee_members(cx, doc, committee, path!["steering-committee"]);
        }
    }
    for doc in &ws.reviews {
        for (cid, c) in &doc.value.commitments {
            let Some(eoc) = &c.end_of_commitment else { continue };
            if eoc.attachments.len() > MAX_ATTACHMENTS {
                let at = path!["commitments", cid.as_str(), "end-of-commitment", "attachments", MAX_ATTACHMENTS];
                cx.push(too_many_attachments(eoc.attachments.len()).at(doc.at(at)));
            }
        }
    }
}

// ── E070 unknown-cluster ─────────────────────────────────────────────────

/// E070 `unknown-cluster`: what it checks, why, and how to fix it.
pub const E070: RuleDoc = RuleDoc {
    code: Code::UnknownCluster,
    home: module_path!(),
    summary: Words::new(
        "A commitment's `cluster` that `action-plan: clusters:` in `terbuka.yaml` does not list.",
        "`cluster` komitmen yang tidak tercantum di `action-plan: clusters:` dalam `terbuka.yaml`.",
    ),
    what: Words::new(
        "A commitment's `cluster` names no cluster of the plan. Clusters group related commitments of one reform area; the plan lists them in `terbuka.yaml` under `action-plan: clusters:` (each with `id` and `title`), and the inception and results reports group the commitments by them.",
        "`cluster` sebuah komitmen tidak menyebut klaster rencana aksi mana pun. Klaster mengelompokkan komitmen yang berkaitan dalam satu bidang reformasi; rencana aksi mencantumkannya di `terbuka.yaml` di bawah `action-plan: clusters:` (masing-masing dengan `id` dan `title`), dan laporan penilaian awal serta laporan hasil mengelompokkan komitmen menurut klaster itu.",
    ),
    why: Words::new(
        "The inception assessment groups commitments by cluster, as the Action Plan Review does: a commitment in a cluster the plan does not list would be left out of its group.",
        "Penilaian awal mengelompokkan komitmen menurut klaster, seperti Tinjauan Rencana Aksi: komitmen dalam klaster yang tidak tercantum di rencana aksi akan tertinggal dari kelompoknya.",
    ),
    fix: Words::new(
        "Write the id of a cluster the plan lists (the hint suggests the nearest), or add the cluster under `action-plan: clusters:` in `terbuka.yaml`.",
        "Tulis id klaster yang tercantum dalam rencana aksi (petunjuk menyarankan yang terdekat), atau tambahkan klasternya di bawah `action-plan: clusters:` dalam `terbuka.yaml`.",
    ),
};

/// E070: the commitment's `cluster` is not one of the `known` clusters the
/// plan lists.
pub fn unknown_cluster<'a>(cluster: &str, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    let none = known.clone().next().is_none();
    let d =
        Diagnostic::new(Code::UnknownCluster, msg!("unknown cluster `{cluster}`", "klaster `{cluster}` tidak dikenal"))
            .label(msg!(
                "not a cluster under `action-plan: clusters:` in terbuka.yaml",
                "bukan klaster di bawah `action-plan: clusters:` dalam terbuka.yaml"
            ));
    let d = suggest(d, cluster, known);
    if none {
        return d.hint(msg!(
            "the plan lists no clusters: add `clusters: [{{id: {cluster}, title: ...}}]` under `action-plan:` in terbuka.yaml, or remove the commitment's `cluster`",
            "rencana aksi belum mencantumkan klaster: tambahkan `clusters: [{{id: {cluster}, title: ...}}]` di bawah `action-plan:` dalam terbuka.yaml, atau hapus `cluster` komitmen ini"
        ));
    }
    d
}

fn clusters(cx: &mut Context<'_>) {
    let Some(doc) = &cx.ws.manifest else { return };
    let clusters = doc.value.action_plan.clusters.iter().map(|c| c.id.as_str()).collect::<Vec<_>>();
    for c in &cx.ws.commitments {
        let Some(cluster) = &c.value.cluster else { continue };
        if !clusters.contains(&cluster.as_str()) {
            cx.push(unknown_cluster(cluster, clusters.iter().copied()).at(c.at(path!["cluster"])));
        }
    }
}

// ── E071 too-many-attachments ────────────────────────────────────────────

/// E071 `too-many-attachments`: what it checks, why, and how to fix it.
pub const E071: RuleDoc = RuleDoc {
    code: Code::TooManyAttachments,
    home: module_path!(),
    summary: Words::new(
        "An end-of-commitment assessment with more than three attachments (the form takes three).",
        "Penilaian akhir komitmen dengan lebih dari tiga lampiran (formulirnya menerima tiga).",
    ),
    what: Words::new(
        "An end-of-commitment assessment lists more than three `attachments`. OGP's End-of-Commitment Assessment form takes up to three; the report shows the first three, and the Support Unit reads no more.",
        "Penilaian akhir komitmen mencantumkan lebih dari tiga `attachments`. Formulir Penilaian Akhir Komitmen OGP menerima paling banyak tiga; laporan menampilkan tiga yang pertama, dan Unit Pendukung tidak membaca lebih dari itu.",
    ),
    why: Words::new(
        "The end-of-commitment form takes at most three attachments: a report with more would not match the form it reproduces.",
        "Formulir penilaian akhir komitmen menerima paling banyak tiga lampiran: laporan dengan lebih dari itu tidak sesuai dengan formulir yang ditirunya.",
    ),
    fix: Words::new(
        "Keep the three attachments that show the result best; cite the others in `lessons`, or as evidence of the milestones in the institutions' assessments.",
        "Pertahankan tiga lampiran yang paling menunjukkan hasilnya; sebutkan sisanya di `lessons`, atau sebagai bukti tonggak capaian pada penilaian institusi.",
    ),
};

/// E071: an end-of-commitment assessment with `n` attachments, more than
/// [`MAX_ATTACHMENTS`].
pub fn too_many_attachments(n: usize) -> Diagnostic {
    Diagnostic::new(
        Code::TooManyAttachments,
        msg!(
            "this end-of-commitment assessment has {n} attachments; the form takes at most {MAX_ATTACHMENTS}",
            "penilaian akhir komitmen ini memuat {n} lampiran; formulirnya menerima paling banyak {MAX_ATTACHMENTS}"
        ),
    )
    .hint(msg!(
        "keep the three that show the result best; cite the others in `lessons` or in the milestones' evidence",
        "pertahankan tiga yang paling menunjukkan hasilnya; sebutkan sisanya di `lessons` atau di bukti tonggak capaian"
    ))
}

// ── W002 government-only-committee ───────────────────────────────────────

/// W002 `government-only-committee`: what it checks, why, and how to fix it.
pub const W002: RuleDoc = RuleDoc {
    code: Code::GovernmentOnlyCommittee,
    home: module_path!(),
    summary: Words::new(
        "A steering committee with only government members; OGP expects multi-stakeholder bodies.",
        "Dewan pengarah yang hanya beranggotakan unsur pemerintah; OGP mengharapkan badan multipihak.",
    ),
    what: Words::new(
        "A `steering-committee` (of an institution, or in `terbuka.yaml`) whose `members` all have `sector: government`; OGP expects multi-stakeholder bodies.",
        "`steering-committee` (milik institusi, atau di `terbuka.yaml`) yang seluruh `members`-nya ber-`sector: government`; OGP mengharapkan badan multipihak.",
    ),
    why: Words::new(
        "OGP asks for a multi-stakeholder forum in which civil society sits beside government: a committee of government members only does not meet that, and the IRM would say so.",
        "OGP meminta forum multipihak tempat masyarakat sipil duduk bersama pemerintah: dewan pengarah yang hanya beranggotakan unsur pemerintah tidak memenuhinya, dan IRM akan menyatakannya.",
    ),
    fix: Words::new(
        "Add the committee's members from civil society, academia or business, with `sector: civil-society`, `academia` or `business`. If such members are already listed, correct their `sector`.",
        "Tambahkan anggota dewan pengarah dari masyarakat sipil, akademisi, atau dunia usaha, dengan `sector: civil-society`, `academia`, atau `business`. Bila anggota tersebut sudah tercantum, perbaiki `sector`-nya.",
    ),
};

/// W002: a steering committee whose members are all from government.
pub fn government_only_committee() -> Diagnostic {
    Diagnostic::new(
        Code::GovernmentOnlyCommittee,
        msg!("this steering committee has only government members", "dewan pengarah ini hanya beranggotakan unsur pemerintah"),
    )
    .hint(msg!(
        "OGP expects multi-stakeholder bodies: add members from civil society, academia or business (sector: civil-society | academia | business)",
        "OGP mengharapkan badan multipihak: tambahkan anggota dari masyarakat sipil, akademisi, atau dunia usaha (sector: civil-society | academia | business)"
    ))
}

fn committee_members<T: ItemIds>(cx: &mut Context<'_>, doc: &Doc<T>, committee: &SteeringCommittee, at: &[Seg]) {
    if !committee.members.is_empty() && committee.members.iter().all(|m| m.sector == Sector::Government) {
        let mut p = at.to_vec();
        p.push(Seg::from("members"));
        cx.push(government_only_committee().at(doc.key_at(&p)));
    }
}

// ── W014 minimum-requirement-gap ─────────────────────────────────────────

/// W014 `minimum-requirement-gap`: what it checks, why, and how to fix it.
pub const W014: RuleDoc = RuleDoc {
    code: Code::RequirementGap,
    home: module_path!(),
    summary: Words::new(
        "A local minimum requirement or co-creation check that the logs show unmet, that the review answers unmet, or that nothing decides (in a workspace with a `monitoring-body`).",
        "Persyaratan minimum lokal atau pemeriksaan ko-kreasi yang menurut log tidak terpenuhi, yang dijawab tidak terpenuhi oleh tinjauan, atau yang belum ditentukan (pada ruang kerja yang memiliki `monitoring-body`).",
    ),
    what: Words::new(
        "In a workspace with a `monitoring-body`, a local minimum requirement or co-creation check is not met, or nothing decides it. terbuka decides from the logs in `terbuka.yaml` where they can (the forum and its members, the meetings log every six months, the website's updates every four months, papers shared before each meeting) and from the inception assessment's `co-creation` answers where it takes judgment (endorsement, reasoned response, acting contrary to the process). The warning points at the log entry or the answer that shows the gap.",
        "Pada ruang kerja yang memiliki `monitoring-body`, sebuah persyaratan minimum lokal atau pemeriksaan ko-kreasi tidak terpenuhi, atau belum ada yang menentukannya. terbuka menentukannya dari log di `terbuka.yaml` bila bisa (forum multipihak dan anggotanya, log rapat setiap enam bulan, pembaruan situs web setiap empat bulan, bahan yang dibagikan sebelum rapat) dan dari jawaban `co-creation` pada penilaian awal bila memerlukan penilaian (persetujuan, tanggapan beralasan, tindakan yang bertentangan dengan proses). Peringatan menunjuk entri log atau jawaban yang menunjukkan kekurangannya.",
    ),
    why: Words::new(
        "OGP Local's minimum requirements decide whether a plan was co-created as OGP asks: the Local Monitoring Body reports each gap, so a gap is better mended, or recorded, before the report than found in it.",
        "Persyaratan minimum OGP Lokal menentukan apakah rencana aksi disusun bersama sebagaimana diminta OGP: Badan Pemantau Lokal melaporkan setiap kekurangan, sehingga kekurangan lebih baik diperbaiki, atau dicatat, sebelum laporan daripada ditemukan di dalamnya.",
    ),
    fix: Words::new(
        "If the log is incomplete, add what happened (a meeting, an update, the day papers were shared). If the gap is real, keep it: the reports show it, and the next plan's co-creation should mend it. Where nothing decides, answer the check in the review's `co-creation:` with an explanation and evidence.",
        "Bila lognya belum lengkap, tambahkan yang terjadi (rapat, pembaruan, tanggal bahan dibagikan). Bila kekurangannya nyata, biarkan: laporan menampilkannya, dan ko-kreasi rencana aksi berikutnya perlu memperbaikinya. Bila belum ada yang menentukan, jawab pemeriksaannya di `co-creation:` pada tinjauan beserta penjelasan dan bukti.",
    ),
};

/// What a minimum requirement's gap rests on.
#[derive(Debug, Clone)]
pub enum Gap<'a> {
    /// Nothing decides it; `check` is its key under `co-creation:`.
    Undecided { check: &'a str },
    /// The logs show it unmet, as `computed` says.
    Logged { computed: &'a Msg },
    /// The review answers it unmet.
    Answered,
}

/// W014: the minimum requirement `label` is not met, or nothing decides
/// it.
pub fn requirement_gap(label: &Msg, gap: Gap<'_>) -> Diagnostic {
    let (en, id) = (&label.en, &label.id);
    match gap {
        Gap::Undecided { check } => Diagnostic::new(
            Code::RequirementGap,
            msg!("nothing shows whether this is met: {en}", "belum ada yang menunjukkan terpenuhinya: {id}"),
        )
        .hint(msg!(
            "answer `co-creation: {check}:` in the inception assessment (`answer: yes` or `no`, an `explanation` and `evidence`), or record the log in terbuka.yaml",
            "jawab `co-creation: {check}:` pada penilaian awal (`answer: yes` atau `no`, `explanation` dan `evidence`), atau catat lognya di terbuka.yaml"
        )),
        Gap::Logged { computed } => {
            let (cen, cid) = (&computed.en, &computed.id);
            Diagnostic::new(
                Code::RequirementGap,
                msg!("minimum requirement not met: {en}", "persyaratan minimum tidak terpenuhi: {id}"),
            )
            .label(computed.clone())
            .hint(msg!(
                "{cen}; if the log misses what happened, add it; if not, the gap stands and the reports show it",
                "{cid}; bila log belum memuat yang terjadi, tambahkan; bila tidak, kekurangan itu tetap dan laporan menampilkannya"
            ))
        }
        Gap::Answered => Diagnostic::new(
            Code::RequirementGap,
            msg!("minimum requirement not met: {en}", "persyaratan minimum tidak terpenuhi: {id}"),
        )
        .label(msg!("the review's answer", "jawaban tinjauan"))
        .hint(msg!(
            "the monitoring body's answer says so; the reports show the gap with its explanation and evidence",
            "jawaban badan pemantau menyatakannya; laporan menampilkan kekurangan itu beserta penjelasan dan buktinya"
        )),
    }
}

// ── W015 late ────────────────────────────────────────────────────────────

/// W015 `late`: what it checks, why, and how to fix it.
pub const W015: RuleDoc = RuleDoc {
    code: Code::Late,
    home: module_path!(),
    summary: Words::new(
        "The inception assessment, an end-of-commitment assessment, the forum's meeting or the website's update is past its due date (in a workspace with a `monitoring-body`; the day is today's, or `SOURCE_DATE_EPOCH`'s).",
        "Penilaian awal, penilaian akhir komitmen, rapat forum, atau pembaruan situs web yang sudah melewati jatuh temponya (pada ruang kerja yang memiliki `monitoring-body`; harinya hari ini, atau hari `SOURCE_DATE_EPOCH`).",
    ),
    what: Words::new(
        "In a workspace with a `monitoring-body`, something of the monitoring cycle is past its due date on the day terbuka checks (today, or `SOURCE_DATE_EPOCH`'s day): the inception assessment (two months after `action-plan: submitted`), a commitment's end-of-commitment assessment (one month after its `end`), the forum's next meeting (six months after its last) or the website's next update (four months after its last). `terbuka status` lists them all, with what is due next.",
        "Pada ruang kerja yang memiliki `monitoring-body`, sesuatu dalam siklus pemantauan sudah melewati tanggal jatuh temponya pada hari terbuka memeriksa (hari ini, atau hari `SOURCE_DATE_EPOCH`): penilaian awal (dua bulan setelah `action-plan: submitted`), penilaian akhir komitmen (satu bulan setelah `end`-nya), rapat forum multipihak berikutnya (enam bulan setelah rapat terakhir) atau pembaruan situs web berikutnya (empat bulan setelah pembaruan terakhir). `terbuka status` mencantumkan semuanya, beserta yang jatuh tempo berikutnya.",
    ),
    why: Words::new(
        "The monitoring cycle runs on fixed delays (two months, one month, six months, four months): what is late is what the body and the forum should act on first.",
        "Siklus pemantauan berjalan dengan tenggat tetap (dua bulan, satu bulan, enam bulan, empat bulan): yang terlambat adalah yang perlu ditangani badan pemantau dan forum lebih dahulu.",
    ),
    fix: Words::new(
        "Do what is due and record it: the review with its `submitted:` date, the meeting under `steering-committee: meetings:`, the update under `website: updates:`. What was done but not recorded only needs recording.",
        "Kerjakan yang jatuh tempo lalu catat: tinjauan beserta tanggal `submitted:`-nya, rapat di bawah `steering-committee: meetings:`, pembaruan di bawah `website: updates:`. Yang sudah dikerjakan tetapi belum dicatat cukup dicatat.",
    ),
};

/// W015: `what` (of the `kind`) has been late since `due`.
pub fn late(what: &Msg, kind: due::Kind, due: Date) -> Diagnostic {
    let (en, id) = (&what.en, &what.id);
    let hint = match kind {
        due::Kind::ForumMeeting => msg!(
            "log the meeting under `steering-committee: meetings:` with its date, attendees and minutes",
            "catat rapatnya di bawah `steering-committee: meetings:` beserta tanggal, peserta dan notulennya"
        ),
        due::Kind::WebsiteUpdate => msg!(
            "update the page and log it under `website: updates:` with its date",
            "perbarui halamannya dan catat di bawah `website: updates:` beserta tanggalnya"
        ),
        _ => msg!(
            "write the assessment and its `submitted:` date in the review (`terbuka new review`)",
            "tulis penilaiannya beserta tanggal `submitted:` di tinjauan (`terbuka new review`)"
        ),
    };
    Diagnostic::new(Code::Late, msg!("late since {due}: {en}", "terlambat sejak {due}: {id}")).hint(hint)
}

/// W014 and W015: the minimum requirements not met, and what is late, in a
/// workspace with a monitoring body.
pub(in crate::validate) fn check_cycle(cx: &mut Context<'_>) {
    let Some(today) = cx.facts.today else { return };
    if !crate::cycle::monitored(cx.ws) {
        return;
    }
    for r in requirements::requirements(cx.ws, today) {
        let label = requirements::label(r.check);
        let gap = match (r.verdict, &r.computed) {
            (requirements::Verdict::Met, _) => continue,
            (requirements::Verdict::Unknown, _) => Gap::Undecided { check: r.check.as_str() },
            (_, computed) => match computed.as_ref().filter(|_| r.basis == requirements::Basis::Log) {
                Some(computed) => Gap::Logged { computed },
                None => Gap::Answered,
            },
        };
        let d = requirement_gap(&label, gap);
        cx.push(match r.at {
            Some(at) => d.at(at),
            None => d,
        });
    }
    for item in due::items(cx.ws, today) {
        let kind = matches!(
            item.kind,
            due::Kind::Inception | due::Kind::EndOfCommitment | due::Kind::ForumMeeting | due::Kind::WebsiteUpdate
        );
        if !kind || item.state != due::State::Late {
            continue;
        }
        let mut d = late(&item.what, item.kind, item.due);
        if let Some(at) = item.at {
            d = d.at(at);
        }
        cx.push(d);
    }
}
