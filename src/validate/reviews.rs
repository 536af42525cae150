//! Rules on reviews: the period (E015, E017), the commitments, institutions
//! and points they name (E011, E012, E014), levels (E020), and fields that
//! the named methodology does not use (E050).

use crate::diag::{Code, Diagnostic};
use crate::model::Methodology;
use crate::msg;
use crate::path;

use super::{Context, unknown};

pub(super) fn check(cx: &mut Context<'_>) {
    let levels = cx.levels();
    for doc in &cx.ws.reviews {
        let r = &doc.value;
        if cx.check_period(&r.period, || doc.at(path!["period"])) && doc.stem() != r.period {
            let (period, stem) = (&r.period, doc.stem());
            cx.push(
                Diagnostic::new(
                    Code::IdMismatch,
                    msg!(
                        "this review is for `{period}` but the file is named `{stem}.yaml`",
                        "ulasan ini untuk `{period}` tetapi nama berkasnya `{stem}.yaml`"
                    ),
                )
                .at(doc.at(path!["period"]))
                .hint(msg!(
                    "rename the file to reviews/{period}.yaml",
                    "ganti nama berkas menjadi reviews/{period}.yaml"
                )),
            );
        }
        let method = r.methodology.as_str();
        for (cid, c) in &r.commitments {
            cx.check_commitment(cid, || doc.key_at(path!["commitments", cid]));
            let refreshed = r.methodology == Methodology::Refreshed2021;
            let wrong: &[(&str, bool)] = if refreshed {
                &[
                    ("specificity", c.specificity.is_some()),
                    ("potential-impact", c.potential_impact.is_some()),
                    ("did-it-open-government", c.did_it_open_government.is_some()),
                ]
            } else {
                &[("potential-for-results", c.potential_for_results.is_some()), ("promising", c.promising.is_some())]
            };
            for (key, present) in wrong {
                if *present {
                    cx.push(
                        Diagnostic::new(Code::ReviewScaleMismatch, msg!("`{key}` is not part of the `{method}` methodology", "`{key}` bukan bagian dari metodologi `{method}`"))
                            .at(doc.key_at(path!["commitments", cid, *key]))
                            .hint(if refreshed {
                                msg!("refreshed reviews use `verifiability`, `potential-for-results` and `promising`", "ulasan versi baru memakai `verifiability`, `potential-for-results` dan `promising`")
                            } else {
                                msg!("legacy reviews use `specificity` or `verifiability`, `potential-impact` and `did-it-open-government`", "ulasan versi lama memakai `specificity` atau `verifiability`, `potential-impact` dan `did-it-open-government`")
                            }),
                    );
                }
            }
        }
        let rubric = cx.rubric;
        for (iid, points) in &r.institutions {
            cx.check_institution(iid, || doc.key_at(path!["institutions", iid]));
            let Some(rubric) = rubric else { continue };
            for (pid, p) in points {
                if !rubric.value.points.iter().any(|q| &q.id == pid) {
                    cx.push(
                        unknown(
                            Code::UnknownPoint,
                            pid,
                            rubric.value.points.iter().map(|q| q.id.as_str()),
                            msg!("unknown rubric point `{pid}`", "poin rubrik `{pid}` tidak dikenal"),
                            msg!("not a point of the rubric", "bukan poin dalam rubrik"),
                        )
                        .at(doc.key_at(path!["institutions", iid, pid])),
                    );
                }
                if !levels.contains(&p.level) {
                    let level = p.level;
                    cx.push(
                        Diagnostic::new(
                            Code::LevelOutOfScale,
                            msg!(
                                "the level {level} is not on the rubric's scale",
                                "level {level} tidak ada dalam skala rubrik"
                            ),
                        )
                        .at(doc.at(path!["institutions", iid, pid, "level"])),
                    );
                }
            }
        }
    }
}
