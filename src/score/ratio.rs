//! Exact non-negative rationals for indices and means, rounded once, for
//! display only.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

/// An exact rational number `num / den`, always in lowest terms, `den > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// `num / den`; a zero denominator gives zero (an empty mean).
    pub fn new(num: i128, den: i128) -> Ratio {
        if den == 0 {
            return Ratio::ZERO;
        }
        let sign = if den < 0 { -1 } else { 1 };
        let g = gcd(num, den);
        Ratio { num: sign * num / g, den: sign * den / g }
    }

    /// A whole number.
    pub fn int(n: i128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// Numerator (lowest terms).
    pub fn numer(self) -> i128 {
        self.num
    }

    /// Denominator (lowest terms, positive).
    pub fn denom(self) -> i128 {
        self.den
    }

    /// Sum.
    pub fn plus(self, other: Ratio) -> Ratio {
        Ratio::new(self.num * other.den + other.num * self.den, self.den * other.den)
    }

    /// Difference.
    pub fn minus(self, other: Ratio) -> Ratio {
        Ratio::new(self.num * other.den - other.num * self.den, self.den * other.den)
    }

    /// Divided by a whole number.
    pub fn div_int(self, n: i128) -> Ratio {
        Ratio::new(self.num, self.den * n)
    }

    /// The mean of `values` (zero when there are none).
    pub fn mean(values: impl IntoIterator<Item = Ratio>) -> Ratio {
        let (sum, n) = values.into_iter().fold((Ratio::ZERO, 0i128), |(s, n), v| (s.plus(v), n + 1));
        if n == 0 { Ratio::ZERO } else { sum.div_int(n) }
    }

    /// Rounded to `decimals` places, half away from zero, as text
    /// (`12.50`). This is the only rounding terbuka does.
    pub fn display(self, decimals: u32) -> String {
        let scale = 10i128.pow(decimals);
        let scaled = self.num.abs() * scale;
        let (q, r) = (scaled / self.den, scaled % self.den);
        let rounded = if 2 * r >= self.den { q + 1 } else { q };
        let sign = if self.num < 0 && rounded != 0 { "-" } else { "" };
        if decimals == 0 {
            return format!("{sign}{rounded}");
        }
        let (int, frac) = (rounded / scale, rounded % scale);
        format!("{sign}{int}.{frac:0width$}", width = decimals as usize)
    }

    /// A float, for charts only (never for computation).
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(2))
    }
}

/// Serialised as `{"value": "12.50", "exact": "25/2"}`: the rounded text and
/// the exact fraction, so a reviewer can check the arithmetic.
impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Ratio", 2)?;
        st.serialize_field("value", &self.display(2))?;
        st.serialize_field("exact", &format!("{}/{}", self.num, self.den))?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_once() {
        assert_eq!(Ratio::new(1, 8).display(2), "0.13"); // 0.125
        assert_eq!(Ratio::new(1, 3).display(2), "0.33");
        assert_eq!(Ratio::new(2, 3).display(2), "0.67");
        assert_eq!(Ratio::new(200, 3).display(2), "66.67");
        assert_eq!(Ratio::new(-1, 8).display(2), "-0.13");
        assert_eq!(Ratio::new(100, 1).display(2), "100.00");
        assert_eq!(Ratio::new(5, 2).display(0), "3");
        assert_eq!(Ratio::new(0, 5).display(1), "0.0");
    }

    #[test]
    fn arithmetic_is_exact() {
        let third = Ratio::new(1, 3);
        assert_eq!(third.plus(third).plus(third), Ratio::int(1));
        assert_eq!(Ratio::mean([Ratio::int(1), Ratio::int(2)]), Ratio::new(3, 2));
        assert_eq!(Ratio::new(2, 4), Ratio::new(1, 2));
        assert!(Ratio::new(1, 3) < Ratio::new(1, 2));
        assert_eq!(Ratio::new(1, 0), Ratio::ZERO);
    }
}
