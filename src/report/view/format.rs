//! Numbers for charts: plain floats rounded to four places, so the same
//! inputs give the same Typst.

use crate::score::Ratio;

pub(super) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

pub(super) fn num(r: Ratio) -> f64 {
    round4(r.to_f64())
}
