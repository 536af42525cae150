//! Charts for the site as inline SVG, drawn from the same view numbers as
//! the PDF's charts. Each is an image with its text alternative
//! (`role="img"`, `aria-label`), and the page beside it says the same in
//! words or in a table, so nothing is known only from a picture.
//!
//! Every text placed in an SVG passes through [`escape`]; colours and
//! sizes are ours. Numbers are written with one decimal place and no
//! locale, so the markup is the same on every machine.

use std::fmt::Write;

/// The colours of the completion scale, lowest first (not started …
/// complete), and of "no evidence".
pub const COMPLETION: [&str; 4] = ["#b9c4d0", "#7aa6d6", "#2f6fb3", "#123f73"];
const NONE: &str = "#e4e8ec";
const CLAIMED: &str = "#8a9bb0";
const BACKED: &str = "#123f73";

/// Text made safe for SVG and HTML, inside elements and in quoted
/// attributes: minijinja's own HTML escaping, the one the templates use.
pub fn escape(text: &str) -> String {
    minijinja::HtmlEscape(text).to_string()
}

/// A number for SVG coordinates: one decimal place, `.` as the mark.
fn n(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{:.1}", (x * 10.0).round() / 10.0);
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

/// A horizontal bar filled to `share` (0…1) of its width.
pub fn bar(share: Option<f64>, level: usize, label: &str) -> String {
    let width = share.map_or(0.0, |s| s.clamp(0.0, 1.0) * 100.0);
    let fill = COMPLETION.get(level).copied().unwrap_or(COMPLETION[3]);
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\"><rect width=\"100\" height=\"6\" fill=\"{NONE}\"/><rect width=\"{}\" height=\"6\" fill=\"{fill}\"/></svg>",
        escape(label),
        n(width)
    )
}

/// The plan-wide roll-up: one bar split by how many commitments stand at
/// each level of completion (`counts`, lowest first; the last entry counts
/// those with no evidence).
pub fn rollup(counts: &[usize], label: &str) -> String {
    let total = counts.iter().sum::<usize>().max(1) as f64;
    let mut out = format!(
        "<svg class=\"rollup\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">",
        escape(label)
    );
    let mut x = 0.0;
    // Highest completion first, from the left.
    let levels = counts.len().saturating_sub(1);
    let order = (0..levels).rev().chain(std::iter::once(levels));
    for i in order {
        let Some(&count) = counts.get(i) else { continue };
        if count == 0 {
            continue;
        }
        let w = count as f64 / total * 100.0;
        let fill = if i == levels { NONE } else { COMPLETION.get(i).copied().unwrap_or(COMPLETION[3]) };
        let _ = write!(out, "<rect x=\"{}\" width=\"{}\" height=\"10\" fill=\"{fill}\"/>", n(x), n(w));
        x += w;
    }
    out.push_str("</svg>");
    out
}

/// Two bars, claimed and evidence-backed, on a scale `min`…`max`.
pub fn pair(claimed: f64, backed: f64, min: f64, max: f64, label: &str) -> String {
    two_bars("pair", claimed, backed, min, max, label)
}

/// Two bars, an earlier period's and a later one's, on `min`…`max`.
pub fn change(from: f64, to: f64, min: f64, max: f64, label: &str) -> String {
    two_bars("pair change", from, to, min, max, label)
}

/// Two bars, the upper `a` and the lower `b`, on `min`…`max`.
fn two_bars(class: &str, a: f64, b: f64, min: f64, max: f64, label: &str) -> String {
    let span = (max - min).max(f64::EPSILON);
    let w = |v: f64| ((v - min) / span).clamp(0.0, 1.0) * 100.0;
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\"><rect width=\"100\" height=\"12\" fill=\"{NONE}\"/><rect width=\"{}\" height=\"5\" fill=\"{CLAIMED}\"/><rect y=\"7\" width=\"{}\" height=\"5\" fill=\"{BACKED}\"/></svg>",
        escape(label),
        n(w(a)),
        n(w(b))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_leave_its_attribute() {
        let svg = bar(Some(0.5), 2, "\"><script>alert(1)</script>");
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("aria-label=\"&quot;&gt;&lt;script&gt;"), "{svg}");
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(n(33.333), "33.3");
        assert_eq!(n(50.0), "50");
        assert_eq!(n(f64::NAN), "0");
        assert!(rollup(&[1, 0, 2, 1, 0], "x").contains("width=\"50\""));
    }
}
