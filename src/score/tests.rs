//! Scoring rules at their edges, and properties over generated workspaces.

use std::collections::BTreeMap;
use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::load::{Doc, Locator, Workspace};
use crate::model::{
    ActionPlan, Assessment, Assessor, Commitment, Completion, Confirmed, EvidenceItem, Jurisdiction, Lang, Manifest,
    Milestone, MilestoneProgress, Period, PointAssessment, Rubric, ScaleLevel, Text,
};

fn date(s: &str) -> crate::model::Date {
    s.parse().unwrap()
}

fn doc<T>(file: &str, value: T) -> Doc<T> {
    Doc { file: file.into(), value, locator: Arc::new(Locator::default()) }
}

pub(crate) fn rubric(weights: &[i64], required_from: Option<u32>) -> Rubric {
    rubric_on(0..=4, weights, required_from)
}

fn rubric_on(scale: std::ops::RangeInclusive<u32>, weights: &[i64], required_from: Option<u32>) -> Rubric {
    Rubric {
        id: "r".into(),
        title: Text::Plain("r".into()),
        authority: None,
        source: None,
        scale: scale.map(|l| ScaleLevel { level: l, label: Text::Plain(l.to_string()) }).collect(),
        recommendations: None,
        points: weights
            .iter()
            .enumerate()
            .map(|(i, &w)| Point {
                id: format!("p{}", i + 1),
                number: i as u32 + 1,
                title: Text::Plain(format!("P{}", i + 1)),
                description: None,
                weight: w,
                descriptors: BTreeMap::new(),
                evidence_required_from: required_from,
                requires: Vec::new(),
            })
            .collect(),
    }
}

fn evidence(n: usize) -> Vec<EvidenceItem> {
    (0..n)
        .map(|i| EvidenceItem { file: None, url: Some(format!("https://e.example/{i}")), note: None, date: None })
        .collect()
}

pub(crate) fn assessment(inst: &str, period: &str, levels: &[(u32, usize)]) -> Assessment {
    Assessment {
        institution: inst.into(),
        period: period.into(),
        assessor: Assessor { name: "x".into(), role: None },
        submitted: None,
        points: levels
            .iter()
            .enumerate()
            .map(|(i, &(level, ev))| {
                (
                    format!("p{}", i + 1),
                    PointAssessment {
                        level,
                        confirmed: Confirmed::new(true),
                        justification: None,
                        evidence: evidence(ev),
                    },
                )
            })
            .collect(),
        commitments: BTreeMap::new(),
    }
}

pub(crate) fn workspace(rubric: Rubric, assessments: Vec<Assessment>) -> Workspace {
    let period = |id: &str, start: &str, end: &str| Period {
        id: id.into(),
        label: Text::Plain(id.into()),
        start: date(start),
        end: date(end),
    };
    let manifest = Manifest {
        jurisdiction: Jurisdiction {
            id: "j".into(),
            name: Text::Plain("J".into()),
            country: "ID".into(),
            region: None,
            head: None,
        },
        action_plan: ActionPlan {
            id: "a".into(),
            title: Text::Plain("A".into()),
            start: date("2017-01-01"),
            end: date("2017-12-31"),
            submitted: None,
            clusters: Vec::new(),
        },
        languages: vec![Lang::Id],
        rubric: "r".into(),
        periods: vec![period("s1", "2017-01-01", "2017-06-30"), period("s2", "2017-07-01", "2017-12-31")],
        steering_committee: None,
        context: None,
        notice: None,
        feedback: None,
        monitoring_body: None,
        website: None,
    };
    Workspace {
        manifest: Some(doc("terbuka.yaml", manifest)),
        rubrics: vec![doc("rubrics/r.yaml", rubric)],
        assessments: assessments.into_iter().map(|a| doc("a.yaml", a)).collect(),
        ..Workspace::default()
    }
}

#[test]
fn level_without_required_evidence_backs_the_level_below_the_requirement() {
    let r = rubric(&[1], Some(2));
    let p = &r.points[0];
    assert_eq!(backed_level(p, 4, 0, 0), 1);
    assert_eq!(backed_level(p, 4, 1, 0), 4);
    assert_eq!(backed_level(p, 1, 0, 0), 1);
    assert_eq!(backed_level(p, 2, 0, 0), 1);
    let never = rubric(&[1], None);
    assert_eq!(backed_level(&never.points[0], 4, 0, 0), 4);
    let always = rubric(&[1], Some(0));
    assert_eq!(backed_level(&always.points[0], 3, 0, 0), 0);
}

#[test]
fn an_unbacked_claim_never_scores_below_the_scale() {
    // On a 1–5 scale a threshold at the minimum (which validation refuses,
    // E024) would otherwise back level 0, off the scale.
    let r = rubric_on(1..=5, &[1], Some(1));
    let s = score_assessment(&r, &assessment("i", "s1", &[(4, 0)]), None);
    assert_eq!(s.points[0].backed, 1);
    assert_eq!(s.index_backed, Ratio::ZERO);
    let r = rubric_on(1..=5, &[1], Some(3));
    let s = score_assessment(&r, &assessment("i", "s1", &[(5, 0)]), None);
    assert_eq!(s.points[0].backed, 2);
}

#[test]
fn the_index_is_normalised_to_the_scale_s_range() {
    // 1–5: the lowest level scores 0, the highest 100.
    let r = rubric_on(1..=5, &[1, 1], None);
    let blank = score_assessment(&r, &assessment("i", "s1", &[(1, 0), (1, 0)]), None);
    assert_eq!(blank.index_claimed, Ratio::ZERO);
    let top = score_assessment(&r, &assessment("i", "s1", &[(5, 0), (5, 0)]), None);
    assert_eq!(top.index_claimed, Ratio::int(100));
    // (3−1 + 4−1) / (2·4) × 100 = 62.5
    let mid = score_assessment(&r, &assessment("i", "s1", &[(3, 0), (4, 0)]), None);
    assert_eq!(mid.index_claimed, Ratio::new(125, 2));
    // A point left out scores the scale's lowest level, 0 in the index.
    let missing = score_assessment(&r, &assessment("i", "s1", &[(5, 0)]), None);
    assert_eq!(missing.points[1].claimed, 1);
    assert_eq!(missing.index_claimed, Ratio::int(50));
    // On a 0–4 scale the figures are what they always were.
    let r = rubric(&[1, 1], None);
    let s = score_assessment(&r, &assessment("i", "s1", &[(3, 0), (1, 0)]), None);
    assert_eq!(s.index_claimed, Ratio::int(50));
}

#[test]
fn no_evidence_at_all() {
    let r = rubric(&[1, 1], Some(2));
    let s = score_assessment(&r, &assessment("i", "s1", &[(3, 0), (1, 0)]), None);
    assert_eq!(s.points[0].backed, 1);
    assert!(s.points[0].unsupported);
    assert!(!s.points[1].unsupported);
    // claimed (3+1)/8, backed (1+1)/8
    assert_eq!(s.index_claimed, Ratio::int(50));
    assert_eq!(s.index_backed, Ratio::int(25));
}

#[test]
fn all_zeros_give_zero_and_start() {
    let r = rubric(&[1, 2, 3], Some(2));
    let s = score_assessment(&r, &assessment("i", "s1", &[(0, 0), (0, 0), (0, 0)]), None);
    assert_eq!(s.index_claimed, Ratio::ZERO);
    assert!(s.points.iter().all(|p| p.recommendation == Recommendation::Start));
}

#[test]
fn a_missing_point_counts_as_zero() {
    let r = rubric(&[1, 1], None);
    let s = score_assessment(&r, &assessment("i", "s1", &[(4, 1)]), None);
    assert_eq!(s.points[1].claimed, 0);
    assert_eq!(s.index_claimed, Ratio::int(50));
}

#[test]
fn unequal_weights_are_exact() {
    // weights 1 and 2, levels 3 and 1: (1·3 + 2·1) / (3·4) × 100 = 500/12 = 125/3
    let r = rubric(&[1, 2], None);
    let s = score_assessment(&r, &assessment("i", "s1", &[(3, 0), (1, 0)]), None);
    assert_eq!(s.index_claimed, Ratio::new(125, 3));
    assert_eq!(s.index_claimed.display(2), "41.67");
}

#[test]
fn recommendations_follow_the_thresholds() {
    let r = rubric(&[1], None);
    assert_eq!(recommend(&r, 0), Recommendation::Start);
    assert_eq!(recommend(&r, 2), Recommendation::Improve);
    assert_eq!(recommend(&r, 3), Recommendation::MaintainAndExtend);
}

#[test]
fn completion_is_derived_when_the_review_leaves_it_empty() {
    let c = Commitment {
        id: "c".into(),
        number: 1,
        title: Text::Plain("c".into()),
        lead: "lead".into(),
        supporting: vec!["sup".into()],
        problem: None,
        objective: None,
        ogp_values: Vec::new(),
        start: date("2017-01-01"),
        end: date("2017-12-31"),
        withdrawn: None,
        contact: None,
        cluster: None,
        modifications: Vec::new(),
        milestones: ["m1", "m2"]
            .iter()
            .map(|m| Milestone {
                id: (*m).into(),
                title: Text::Plain((*m).into()),
                start: None,
                due: date("2017-06-30"),
                deliverable: None,
            })
            .collect(),
    };
    let report = |inst: &str, m: &str, completion| {
        let mut a = assessment(inst, "s1", &[]);
        a.commitments.entry("c".into()).or_default().insert(
            m.into(),
            MilestoneProgress { completion, confirmed: Confirmed::new(true), note: None, evidence: evidence(1) },
        );
        a
    };
    assert_eq!(irm::derived_completion(&c, &[]), Completion::NoEvidenceAvailable);
    let (a, b) = (report("lead", "m1", Completion::Complete), report("lead", "m2", Completion::Complete));
    assert_eq!(irm::derived_completion(&c, &[&a, &b]), Completion::Complete);
    let b = report("lead", "m2", Completion::Limited);
    assert_eq!(irm::derived_completion(&c, &[&a, &b]), Completion::Substantial);
    let only = report("sup", "m1", Completion::Limited);
    assert_eq!(irm::derived_completion(&c, &[&only]), Completion::Limited);
    // The lead's report wins over a supporting institution's.
    let lead = report("lead", "m1", Completion::NotStarted);
    let sup = report("sup", "m1", Completion::Complete);
    assert_eq!(irm::derived_completion(&c, &[&lead, &sup]), Completion::NotStarted);
    // A report at limited or above that cites no evidence does not count
    // (W009): the supporting institution's backed report is used instead.
    let mut unbacked = report("lead", "m1", Completion::Complete);
    if let Some(p) = unbacked.commitments.get_mut("c").and_then(|m| m.get_mut("m1")) {
        p.evidence.clear();
    }
    assert_eq!(irm::derived_completion(&c, &[&unbacked]), Completion::NoEvidenceAvailable);
    assert_eq!(
        irm::milestone_completion(&c, &[&unbacked, &sup], "m1").map(|(c, who)| (c, who.as_str())),
        Some((Completion::Complete, "sup"))
    );
    // Not started needs no evidence.
    let mut idle = report("lead", "m1", Completion::NotStarted);
    if let Some(p) = idle.commitments.get_mut("c").and_then(|m| m.get_mut("m1")) {
        p.evidence.clear();
    }
    assert_eq!(irm::derived_completion(&c, &[&idle]), Completion::NotStarted);
}

pub(crate) fn arb_levels(points: usize) -> impl Strategy<Value = Vec<(u32, usize)>> {
    prop::collection::vec((0u32..=4, 0usize..=2), points)
}

proptest! {
    #[test]
    fn backed_never_exceeds_claimed_and_indices_stay_in_range(
        weights in prop::collection::vec(1i64..=5, 1..=8),
        required in prop::option::of(0u32..=4),
        seed in prop::collection::vec(arb_levels(8), 1..=6),
    ) {
        let r = rubric(&weights, required);
        let assessments = seed.iter().enumerate().map(|(i, l)| assessment(&format!("i{i}"), "s1", &l[..weights.len()])).collect::<Vec<_>>();
        let ws = workspace(r, assessments);
        let scores = score(&ws);
        let p = scores.period("s1").unwrap();
        for inst in &p.institutions {
            prop_assert!(inst.index_backed <= inst.index_claimed);
            for idx in [inst.index_claimed, inst.index_backed] {
                prop_assert!(idx >= Ratio::ZERO && idx <= Ratio::int(100));
            }
            for s in &inst.points {
                prop_assert!(s.backed <= s.claimed);
            }
        }
        prop_assert!(p.mean_index_backed <= Ratio::int(100));
        for summary in &p.points {
            prop_assert_eq!(summary.distribution.values().sum::<usize>(), p.institutions.len());
        }
    }
}
