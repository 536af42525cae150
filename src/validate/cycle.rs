//! Rules on the Local Monitoring Body's records (`model::cycle`): the
//! evidence they cite (minutes, co-creation evidence, attachments) is
//! checked like any other evidence, the addresses like any other address,
//! a commitment's `cluster` must be one `action-plan: clusters:` lists
//! (E070), an end-of-commitment assessment has at most three attachments
//! (E071) and its values are on the methodology's scales (E051). In a
//! workspace with a `monitoring-body`, each unmet minimum requirement is a
//! W014 where it is to be mended, and each late item of the cycle a W015.

use crate::cycle::{due, requirements};
use crate::diag::{Code, Diagnostic};
use crate::load::Seg;
use crate::model::{CoCreationCheck, OgpValue, Review};
use crate::{msg, path};

use super::{Context, addresses, evidence_refs, unknown};
use crate::load::Doc;

use crate::cycle::MAX_ATTACHMENTS;

pub(super) fn check(cx: &mut Context<'_>) {
    let ws = cx.ws;
    if let Some(doc) = &ws.manifest {
        let m = &doc.value;
        if let Some(sc) = &m.steering_committee {
            for (i, meeting) in sc.meetings.iter().enumerate() {
                if let Some(item) = &meeting.minutes {
                    evidence_refs::check_item(cx, doc, item, path!["steering-committee", "meetings", i, "minutes"]);
                }
            }
        }
        if let Some(body) = &m.monitoring_body
            && let Some(email) = &body.email
        {
            addresses::check_email(cx, email, doc.at(path!["monitoring-body", "email"]));
        }
        if let Some(site) = &m.website {
            let page = std::iter::once((&site.url, path!["website", "url"].to_vec()));
            let updates =
                site.updates.iter().enumerate().filter_map(|(i, u)| {
                    u.url.as_ref().map(|url| (url, path!["website", "updates", i, "url"].to_vec()))
                });
            for (url, at) in page.chain(updates) {
                let shown = url.as_str();
                let headline = msg!("invalid website URL `{shown}`", "URL situs web `{shown}` tidak sah");
                evidence_refs::check_web_address(cx, url, || doc.at(&at), headline);
            }
        }
        let clusters = m.action_plan.clusters.iter().map(|c| c.id.as_str()).collect::<Vec<_>>();
        for (i, c) in m.action_plan.clusters.iter().enumerate() {
            let id = c.id.as_str();
            if clusters[..i].contains(&id) {
                cx.push(
                    Diagnostic::new(Code::DuplicateId, msg!("duplicate cluster id `{id}`", "id klaster `{id}` ganda"))
                        .at(doc.at(path!["action-plan", "clusters", i, "id"]))
                        .label(msg!("used by an earlier cluster", "sudah dipakai klaster sebelumnya"))
                        .hint(msg!(
                            "give each cluster its own id; a commitment's `cluster` names one",
                            "beri setiap klaster id sendiri; `cluster` pada komitmen menyebut salah satunya"
                        )),
                );
            }
        }
        for c in &ws.commitments {
            let Some(cluster) = &c.value.cluster else { continue };
            if !clusters.contains(&cluster.as_str()) {
                let mut d = unknown(
                    Code::UnknownCluster,
                    cluster,
                    clusters.iter().copied(),
                    msg!("unknown cluster `{cluster}`", "klaster `{cluster}` tidak dikenal"),
                    msg!(
                        "not a cluster under `action-plan: clusters:` in terbuka.yaml",
                        "bukan klaster di bawah `action-plan: clusters:` dalam terbuka.yaml"
                    ),
                );
                if clusters.is_empty() {
                    d = d.hint(msg!(
                        "the plan lists no clusters: add `clusters: [{{id: {cluster}, title: ...}}]` under `action-plan:` in terbuka.yaml, or remove the commitment's `cluster`",
                        "rencana aksi belum mencantumkan klaster: tambahkan `clusters: [{{id: {cluster}, title: ...}}]` di bawah `action-plan:` dalam terbuka.yaml, atau hapus `cluster` komitmen ini"
                    ));
                }
                cx.push(d.at(c.at(path!["cluster"])));
            }
        }
    }
    for doc in &ws.reviews {
        for check in CoCreationCheck::ALL {
            let Some(answer) = doc.value.co_creation.get(&check) else { continue };
            for (i, item) in answer.evidence.iter().enumerate() {
                let at = [Seg::from("co-creation"), Seg::from(check.as_str()), Seg::from("evidence"), Seg::from(i)];
                evidence_refs::check_item(cx, doc, item, &at);
            }
        }
        unconfirmed(cx, doc);
        for (cid, c) in &doc.value.commitments {
            let Some(eoc) = &c.end_of_commitment else { continue };
            for (i, item) in eoc.attachments.iter().enumerate() {
                let at = path!["commitments", cid.as_str(), "end-of-commitment", "attachments", i];
                evidence_refs::check_item(cx, doc, item, at);
            }
            for (value, result) in &eoc.values {
                scales(cx, doc, cid, *value, result);
            }
            if eoc.attachments.len() > MAX_ATTACHMENTS {
                let n = eoc.attachments.len();
                cx.push(
                    Diagnostic::new(
                        Code::TooManyAttachments,
                        msg!(
                            "this end-of-commitment assessment has {n} attachments; the form takes at most {MAX_ATTACHMENTS}",
                            "penilaian akhir komitmen ini memuat {n} lampiran; formulirnya menerima paling banyak {MAX_ATTACHMENTS}"
                        ),
                    )
                    .at(doc.at(path!["commitments", cid.as_str(), "end-of-commitment", "attachments", MAX_ATTACHMENTS]))
                    .hint(msg!(
                        "keep the three that show the result best; cite the others in `lessons` or in the milestones' evidence",
                        "pertahankan tiga yang paling menunjukkan hasilnya; sebutkan sisanya di `lessons` atau di bukti tonggak capaian"
                    )),
                );
            }
        }
    }
}

/// E051: a degree of change or an immediate result that is not on the
/// methodology's scales.
fn scales(cx: &mut Context<'_>, doc: &Doc<Review>, cid: &str, value: OgpValue, result: &crate::model::ValueResult) {
    let m = doc.value.methodology;
    let Some(data) = cx.ws.methodology(m) else { return };
    let file = format!("methodologies/{}.yaml", m.as_str());
    let name = crate::export_kebab(&value).unwrap_or_default();
    let at = |key: &str| doc.at(path!["commitments", cid, "end-of-commitment", "values", name.as_str(), key]);
    if let Some(change) = &result.change {
        match &data.degree_of_change {
            Some(scale) if scale.level(change).is_none() => {
                let d = unknown(
                    Code::NotOnScale,
                    change,
                    scale.levels.iter().map(|l| l.id.as_str()),
                    msg!(
                        "`{change}` is not on the degree-of-change scale",
                        "`{change}` tidak ada dalam skala tingkat perubahan"
                    ),
                    msg!("not a value in {file}", "bukan nilai dalam {file}"),
                );
                cx.push(d.at(at("change")));
            }
            _ => {}
        }
    }
    if let Some(id) = &result.result {
        let d = match data.immediate_results.get(&value) {
            Some(scale) if scale.level(id).is_some() => return,
            Some(scale) => unknown(
                Code::NotOnScale,
                id,
                scale.levels.iter().map(|l| l.id.as_str()),
                msg!("`{id}` is not an immediate result of {name}", "`{id}` bukan hasil langsung untuk {name}"),
                msg!("not a value in {file}", "bukan nilai dalam {file}"),
            ),
            None => Diagnostic::new(
                Code::NotOnScale,
                msg!("{file} lists no immediate results for {name}", "{file} tidak memuat hasil langsung untuk {name}"),
            )
            .label(msg!("no list to choose from", "tidak ada daftar pilihan"))
            .hint(msg!(
                "add `immediate-results: {name}:` with its values to {file} in the workspace, or describe the result in `explanation`",
                "tambahkan `immediate-results: {name}:` beserta nilainya ke {file} di ruang kerja, atau uraikan hasilnya di `explanation`"
            )),
        };
        cx.push(d.at(at("result")));
    }
}

/// W014 and W015: the minimum requirements not met, and what is late, in a
/// workspace with a monitoring body.
pub(super) fn check_cycle(cx: &mut Context<'_>) {
    let Some(today) = cx.facts.today else { return };
    if !crate::cycle::monitored(cx.ws) {
        return;
    }
    for r in requirements::requirements(cx.ws, today) {
        let label = requirements::label(r.check);
        let (en, id) = (&label.en, &label.id);
        let check = r.check.as_str();
        let d = match (r.verdict, &r.computed) {
            (requirements::Verdict::Met, _) => continue,
            (requirements::Verdict::Unknown, _) => Diagnostic::new(
                Code::RequirementGap,
                msg!("nothing shows whether this is met: {en}", "belum ada yang menunjukkan terpenuhinya: {id}"),
            )
            .hint(msg!(
                "answer `co-creation: {check}:` in the inception assessment (`answer: yes` or `no`, an `explanation` and `evidence`), or record the log in terbuka.yaml",
                "jawab `co-creation: {check}:` pada penilaian awal (`answer: yes` atau `no`, `explanation` dan `evidence`), atau catat lognya di terbuka.yaml"
            )),
            (_, computed) => {
                let (label, hint) = match computed.as_ref().filter(|_| r.basis == requirements::Basis::Log) {
                    Some(computed) => {
                        let (cen, cid) = (&computed.en, &computed.id);
                        (computed.clone(), msg!(
                            "{cen}; if the log misses what happened, add it; if not, the gap stands and the reports show it",
                            "{cid}; bila log belum memuat yang terjadi, tambahkan; bila tidak, kekurangan itu tetap dan laporan menampilkannya"
                        ))
                    }
                    None => (msg!("the review's answer", "jawaban tinjauan"), msg!(
                        "the monitoring body's answer says so; the reports show the gap with its explanation and evidence",
                        "jawaban badan pemantau menyatakannya; laporan menampilkan kekurangan itu beserta penjelasan dan buktinya"
                    )),
                };
                Diagnostic::new(
                    Code::RequirementGap,
                    msg!("minimum requirement not met: {en}", "persyaratan minimum tidak terpenuhi: {id}"),
                )
                .label(label)
                .hint(hint)
            }
        };
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
        let (en, id, due) = (&item.what.en, &item.what.id, item.due);
        let hint = match item.kind {
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
        let mut d =
            Diagnostic::new(Code::Late, msg!("late since {due}: {en}", "terlambat sejak {due}: {id}")).hint(hint);
        if let Some(at) = item.at {
            d = d.at(at);
        }
        cx.push(d);
    }
}

/// W016 on what `terbuka new review` carried forward and the reviewer has
/// not confirmed: reports leave it out.
fn unconfirmed(cx: &mut Context<'_>, doc: &Doc<Review>) {
    let r = &doc.value;
    let commitments = r.commitments.iter().filter(|(_, c)| !c.confirmed).map(|(id, _)| {
        let what = msg!("the review of commitment `{id}`", "tinjauan komitmen `{id}`");
        (what, vec![Seg::from("commitments"), Seg::from(id.as_str()), Seg::from("confirmed")])
    });
    let checks = r.co_creation.iter().filter(|(_, a)| !a.confirmed).map(|(check, _)| {
        let what = msg!("the co-creation check `{check}`", "pemeriksaan ko-kreasi `{check}`");
        (what, vec![Seg::from("co-creation"), Seg::from(check.as_str()), Seg::from("confirmed")])
    });
    let levels = r.institutions.iter().flat_map(|(inst, points)| {
        points.iter().filter(|(_, p)| !p.confirmed).map(move |(point, _)| {
            let what = msg!(
                "the reviewer's level for `{point}` of `{inst}`",
                "tingkat dari peninjau untuk `{point}` pada `{inst}`"
            );
            (
                what,
                vec![
                    Seg::from("institutions"),
                    Seg::from(inst.as_str()),
                    Seg::from(point.as_str()),
                    Seg::from("confirmed"),
                ],
            )
        })
    });
    let found = commitments.chain(checks).chain(levels).collect::<Vec<_>>();
    for (what, at) in found {
        let (en, id) = (&what.en, &what.id);
        cx.push(
            Diagnostic::new(Code::ReviewUnconfirmed, msg!("{en} is not yet confirmed", "{id} belum dikonfirmasi"))
                .at(doc.at(&at))
                .label(msg!("left out of reports until confirmed", "tidak dimuat dalam laporan sampai dikonfirmasi"))
                .hint(msg!(
                    "check it against this period's evidence (`terbuka new review` writes every entry unconfirmed, carried from the previous review or blank), change what is not true, then write `confirmed: true`",
                    "periksa dengan bukti periode ini (`terbuka new review` menulis setiap isian belum dikonfirmasi, dibawa dari tinjauan sebelumnya atau kosong), ubah yang tidak sesuai, lalu tulis `confirmed: true`"
                )),
        );
    }
}
