//! The rules `validate` checks, one family per file. Each family file holds,
//! for each of its codes, side by side: the code's documentation (a
//! [`RuleDoc`]: summary, what, why, fix, in both languages), its typed
//! constructor (the one place its message, label and hints are worded,
//! from typed arguments), and its check, which takes every location from
//! `Doc::at` or `Doc::key_at` so that each diagnostic carries its key path
//! and subject.
//!
//! | family | codes |
//! |---|---|
//! | [`identity`] | E011–E019, E022 (and `validate`'s checks of E010) |
//! | [`rubric`] | E020, E021, E023, E024, W004 |
//! | [`assessments`] | E030, E031, W001, W003, W005, W006, W009, W013 |
//! | [`evidence`] | E032, E033, E035, E036, W007 |
//! | [`addresses`] | E034, E037 (and `validate`'s check of E005 on `feedback`) |
//! | [`dates`] | E040, E041, E042, W010 |
//! | [`reviews`] | E050, E051, E052, W016 |
//! | [`cycle`] | E070, E071, W002, W014, W015 |
//! | [`text`] | W008, W012 |
//! | [`languages`] | W011 (and `validate`'s checks of E005 and E010 on `languages`) |
//!
//! The rules of form (E001–E007, E010) are `load`'s (`load::rules`), and
//! the report's (E060, E061) are `report`'s (`report::rules`): a code has
//! its home in the lowest layer that raises it, and the layers above call
//! its constructor. `crate::rules` gathers every family's documentation.
//!
//! **Adding a rule** (the same list is in `CONTRIBUTING.md`):
//!
//! 1. A line in the index, `src/diag/code.rs`: the next free code of its
//!    group, its kebab-case name, its severity and its home (the family
//!    file's module path). Codes are never reused or renumbered.
//! 2. In the family file (a new file is a new family: add it to the table
//!    above, to [`DOCS`] and to [`check_all`]): a section with its
//!    [`RuleDoc`] constant (named by its code; summary, what, why and fix,
//!    each in English and Indonesian, the Indonesian after
//!    `docs/glossary.md`), its constructor (`pub fn`, typed arguments, both
//!    languages, no location), and its check, which locates each diagnostic
//!    with `doc.at(path![…])`. Add the constant to the family's `DOCS`.
//! 3. A fixture and its snapshots: a case in `tests/cli/rules.rs` (the
//!    minimal workspace with one edit), then
//!    `INSTA_UPDATE=always cargo test --release --test cli rules`, and read
//!    both new snapshots (English and Indonesian) before keeping them.
//! 4. `UPDATE_DOCS=1 cargo test --release --test cli docs` regenerates
//!    `docs/diagnostics.md` and `docs/diagnostics.id.md`; a line in
//!    `CHANGELOG.md`.
//!
//! Tests fail when a code has no documentation, when its documentation is
//! not in the file its index line names, when a text is not in both
//! languages, or when a code has no fixture.

pub mod addresses;
pub mod assessments;
pub mod cycle;
pub mod dates;
pub mod evidence;
pub mod identity;
pub mod languages;
pub mod reviews;
pub mod rubric;
pub mod text;

use crate::diag::{Diagnostic, RuleDoc, closest};
use crate::msg;

use super::Context;

/// The documentation of every code `validate` is the home of, family by
/// family.
pub const DOCS: &[&[RuleDoc]] = &[
    identity::DOCS,
    rubric::DOCS,
    assessments::DOCS,
    evidence::DOCS,
    addresses::DOCS,
    dates::DOCS,
    reviews::DOCS,
    cycle::DOCS,
    text::DOCS,
    languages::DOCS,
];

/// Runs every family's checks (W011's only when asked:
/// [`languages::translations`]).
pub(super) fn check_all(cx: &mut Context<'_>) {
    identity::check(cx);
    languages::check(cx);
    rubric::check(cx);
    dates::check(cx);
    assessments::check(cx);
    reviews::check(cx);
    evidence::check(cx);
    addresses::check(cx);
    cycle::check(cx);
    text::check(cx);
    cycle::check_cycle(cx);
}

/// `d` (about the unknown id `id`) with a did-you-mean hint when one of
/// `known` is close, else the known ids (up to 12).
pub(crate) fn suggest<'a>(mut d: Diagnostic, id: &str, known: impl Iterator<Item = &'a str> + Clone) -> Diagnostic {
    if let Some(best) = closest(id, known.clone()) {
        d = d.hint(msg!("did you mean `{best}`?", "mungkin maksud Anda `{best}`?"));
    } else {
        let list = known.take(12).map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
        if !list.is_empty() {
            d = d.hint(msg!("known ids: {list}", "id yang dikenal: {list}"));
        }
    }
    d
}
