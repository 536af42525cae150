//! Rules on the Local Monitoring Body's records (`model::cycle`): the
//! evidence they cite (minutes, co-creation evidence, attachments) is
//! checked like any other evidence, the addresses like any other address,
//! a commitment's `cluster` must be one `action-plan: clusters:` lists
//! (E012's sibling, reported as an unknown id), and an end-of-commitment
//! assessment has at most three attachments.

use crate::diag::{Code, Diagnostic};
use crate::load::Seg;
use crate::model::CoCreationCheck;
use crate::{msg, path};

use super::{Context, addresses, evidence_refs, unknown};

/// The end-of-commitment form's limit on attachments.
pub const MAX_ATTACHMENTS: usize = 3;

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
        for c in &ws.commitments {
            let Some(cluster) = &c.value.cluster else { continue };
            if !clusters.contains(&cluster.as_str()) {
                cx.push(
                    unknown(
                        Code::UnknownCommitment,
                        cluster,
                        clusters.iter().copied(),
                        msg!("unknown cluster `{cluster}`", "klaster `{cluster}` tidak dikenal"),
                        msg!(
                            "not a cluster under `action-plan: clusters:` in terbuka.yaml",
                            "bukan klaster di bawah `action-plan: clusters:` dalam terbuka.yaml"
                        ),
                    )
                    .at(c.at(path!["cluster"])),
                );
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
        for (cid, c) in &doc.value.commitments {
            let Some(eoc) = &c.end_of_commitment else { continue };
            for (i, item) in eoc.attachments.iter().enumerate() {
                let at = path!["commitments", cid.as_str(), "end-of-commitment", "attachments", i];
                evidence_refs::check_item(cx, doc, item, at);
            }
            if eoc.attachments.len() > MAX_ATTACHMENTS {
                let n = eoc.attachments.len();
                cx.push(
                    Diagnostic::new(
                        Code::WrongType,
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
