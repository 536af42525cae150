//! Rules on institutions: file name (E017), unique ids (E010), steering
//! committees (W002 and their decree, E032/E033), working groups (E012).

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic};
use crate::load::{Doc, ItemIds, Seg};
use crate::model::{Sector, SteeringCommittee};
use crate::msg;
use crate::path;

use super::rubric::id_mismatch;
use super::{Context, evidence_refs};

pub(super) fn check(cx: &mut Context<'_>) {
    let mut ids = BTreeMap::new();
    for doc in &cx.ws.institutions {
        let inst = &doc.value;
        if doc.stem() != inst.id {
            cx.push(id_mismatch(doc.at(path!["id"]), &inst.id, doc.stem(), "institutions"));
        }
        if let Some(first) = ids.insert(inst.id.as_str(), doc.file.clone()) {
            let id = &inst.id;
            cx.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    msg!("the institution id `{id}` is used twice", "id institusi `{id}` dipakai dua kali"),
                )
                .at(doc.at(path!["id"]))
                .hint(msg!("{first} already uses it", "{first} sudah memakainya")),
            );
        }
        if let Some(committee) = &inst.steering_committee {
            check_committee(cx, doc, committee, path!["steering-committee"]);
        }
        let mut groups = BTreeMap::new();
        for (i, group) in inst.working_groups.iter().enumerate() {
            if groups.insert(group.id.as_str(), i).is_some() {
                let id = &group.id;
                cx.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        msg!("the working group id `{id}` is used twice", "id kelompok kerja `{id}` dipakai dua kali"),
                    )
                    .at(doc.at(path!["working-groups", i, "id"])),
                );
            }
            for (j, c) in group.commitments.iter().enumerate() {
                cx.check_commitment(c, || doc.at(path!["working-groups", i, "commitments", j]));
            }
        }
    }
}

/// Checks a steering committee: its decree file and its sectors.
pub(super) fn check_committee<T: ItemIds>(
    cx: &mut Context<'_>,
    doc: &Doc<T>,
    committee: &SteeringCommittee,
    at: &[Seg],
) {
    if let Some(decree) = &committee.decree {
        let mut p = at.to_vec();
        p.push(Seg::from("decree"));
        evidence_refs::check_file(cx, decree, || doc.at(&p));
    }
    if !committee.members.is_empty() && committee.members.iter().all(|m| m.sector == Sector::Government) {
        let mut p = at.to_vec();
        p.push(Seg::from("members"));
        cx.push(
            Diagnostic::new(
                Code::GovernmentOnlyCommittee,
                msg!("this steering committee has only government members", "dewan pengarah ini hanya beranggotakan unsur pemerintah"),
            )
            .at(doc.key_at(&p))
            .hint(msg!(
                "OGP expects multi-stakeholder bodies: add members from civil society, academia or business (sector: civil-society | academia | business)",
                "OGP mengharapkan badan multipihak: tambahkan anggota dari masyarakat sipil, akademisi, atau dunia usaha (sector: civil-society | academia | business)"
            )),
        );
    }
}
