//! The period report's process section: the jurisdiction's steering
//! committee, the institutions' own committees and working groups, and the
//! consultations held in the period.

use serde::Serialize;

use super::{Input, NameList};
use crate::model::{Period, Sector, SteeringCommittee};

/// A member of a committee.
#[derive(Debug, Clone, Serialize)]
pub struct MemberView {
    /// Name.
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// Role, labelled.
    pub role: String,
}

/// Members of one sector.
#[derive(Debug, Clone, Serialize)]
pub struct SectorView {
    /// Sector, labelled.
    pub sector: String,
    /// Its members.
    pub members: Vec<MemberView>,
}

/// A steering committee.
#[derive(Debug, Clone, Serialize)]
pub struct CommitteeView {
    /// Date formed.
    pub established: String,
    /// Decree path.
    pub decree: Option<String>,
    /// How often it meets, labelled.
    pub meets: Option<String>,
    /// Members by sector, in the four sectors' order (empty sectors kept).
    pub sectors: Vec<SectorView>,
    /// Total members.
    pub size: usize,
    /// Only government members.
    pub government_only: bool,
}

/// A working group.
#[derive(Debug, Clone, Serialize)]
pub struct WorkingGroupView {
    /// Institution (short name).
    pub institution: String,
    /// Group name.
    pub name: String,
    /// Commitment numbers, "1, 3".
    pub commitments: String,
    /// How often it meets.
    pub meets: String,
    /// Number of members.
    pub members: usize,
    /// Sectors represented, labelled.
    pub sectors: String,
}

/// A consultation.
#[derive(Debug, Clone, Serialize)]
pub struct ConsultationView {
    /// Date.
    pub date: String,
    /// Institution (short name).
    pub institution: String,
    /// Title.
    pub title: String,
    /// Mechanism.
    pub mechanism: String,
    /// Participants, written ("—" when unknown).
    pub participants: String,
    /// Sectors, labelled.
    pub sectors: String,
}

/// The process section's records.
#[derive(Debug, Clone, Serialize)]
pub struct ProcessView {
    /// The jurisdiction's steering committee.
    pub steering: Option<CommitteeView>,
    /// Institutions with their own committee: "short (n members)".
    pub institution_committees: NameList,
    /// Working groups.
    pub working_groups: Vec<WorkingGroupView>,
    /// Consultations in the period.
    pub consultations: Vec<ConsultationView>,
}

impl<'a> Input<'a> {
    pub(super) fn committee(&self, c: &SteeringCommittee) -> CommitteeView {
        let s = self.strings;
        let sectors = [Sector::Government, Sector::CivilSociety, Sector::Academia, Sector::Business]
            .into_iter()
            .map(|sector| SectorView {
                sector: s.label("sector", &sector),
                members: c
                    .members
                    .iter()
                    .filter(|m| m.sector == sector)
                    .map(|m| MemberView {
                        name: m.name.clone(),
                        organisation: m.organisation.clone().unwrap_or_default(),
                        role: s.label("role", &m.role),
                    })
                    .collect(),
            })
            .collect();
        CommitteeView {
            established: s.date(c.established),
            decree: c.decree.clone(),
            meets: c.meets.map(|m| s.label("meets", &m)),
            sectors,
            size: c.members.len(),
            government_only: !c.members.is_empty() && c.members.iter().all(|m| m.sector == Sector::Government),
        }
    }

    /// The process records of period `p`.
    pub(super) fn process(&self, p: &Period) -> ProcessView {
        let s = self.strings;
        let mut working_groups = Vec::new();
        let mut consultations = Vec::new();
        let mut institution_committees = Vec::new();
        let by_number = &self.commitments;
        for inst in self.ws.institutions.iter().map(|d| &d.value) {
            let short = self.short(&inst.id);
            if let Some(c) = &inst.steering_committee {
                institution_committees.push(format!("{short} ({})", c.members.len()));
            }
            for wg in &inst.working_groups {
                let mut numbers = wg
                    .commitments
                    .iter()
                    .filter_map(|c| by_number.get(c.as_str()).map(|d| d.value.number))
                    .collect::<Vec<_>>();
                numbers.sort_unstable();
                working_groups.push(WorkingGroupView {
                    institution: short.clone(),
                    name: wg.name.as_ref().map_or_else(|| wg.id.clone(), |n| self.tr(n)),
                    commitments: numbers.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                    meets: wg.meets.map_or_else(|| "—".to_owned(), |m| s.label("meets", &m)),
                    members: wg.members.len(),
                    sectors: self.sectors(wg.members.iter().map(|m| m.sector)),
                });
            }
            for c in inst.consultations.iter().filter(|c| c.date >= p.start && c.date <= p.end) {
                consultations.push((
                    c.date,
                    ConsultationView {
                        date: s.date(c.date),
                        institution: short.clone(),
                        title: self.tr(&c.title),
                        mechanism: self.tr_opt(c.mechanism.as_ref()).unwrap_or_default(),
                        participants: c.participants.map_or_else(|| "—".to_owned(), |n| n.to_string()),
                        sectors: self.sectors(c.sectors.iter().copied()),
                    },
                ));
            }
        }
        consultations.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.institution.cmp(&b.1.institution)));
        let manifest = self.ws.manifest.as_ref().map(|m| &m.value);
        ProcessView {
            steering: manifest.and_then(|m| m.steering_committee.as_ref()).map(|c| self.committee(c)),
            institution_committees: NameList::new(institution_committees, s),
            working_groups,
            consultations: consultations.into_iter().map(|(_, c)| c).collect(),
        }
    }
}
