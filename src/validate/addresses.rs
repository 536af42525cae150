//! The addresses citizens are given (the site shows them): the feedback
//! address and form in `terbuka.yaml` and each commitment's contact. A
//! mistyped one sends people nowhere, so each is an error (E034, E037).

use crate::diag::{Code, Diagnostic, Location};
use crate::msg;
use crate::path;

use super::{Context, evidence_refs};

pub(super) fn check(cx: &mut Context<'_>) {
    let ws = cx.ws;
    if let Some(doc) = &ws.manifest
        && let Some(feedback) = &doc.value.feedback
    {
        if let Some(email) = &feedback.email {
            check_email(cx, email, doc.at(path!["feedback", "email"]));
        }
        if let Some(url) = &feedback.url {
            let shown = url.as_str();
            let headline = msg!("invalid feedback form URL `{shown}`", "URL formulir masukan `{shown}` tidak sah");
            evidence_refs::check_web_address(cx, url, || doc.at(path!["feedback", "url"]), headline);
        }
        if feedback.email.is_none() && feedback.url.is_none() {
            cx.push(
                Diagnostic::new(
                    Code::MissingKey,
                    msg!("`feedback` gives neither `email` nor `url`", "`feedback` tidak mencantumkan `email` maupun `url`"),
                )
                .at(doc.key_at(path!["feedback"]))
                .hint(msg!(
                    "write where citizens send feedback: `feedback: {{email: ogp@example.go.id}}` or a form's `url: https://...`",
                    "tulis ke mana warga mengirim masukan: `feedback: {{email: ogp@contoh.go.id}}` atau `url: https://...` sebuah formulir"
                )),
            );
        }
    }
    for doc in &ws.commitments {
        if let Some(email) = doc.value.contact.as_ref().and_then(|c| c.email.as_ref()) {
            check_email(cx, email, doc.at(path!["contact", "email"]));
        }
    }
}

/// An e-mail address: one `@` with text before it and a dotted domain
/// after it, no spaces. Not RFC 5322, only what catches a typing slip.
pub fn is_email(raw: &str) -> bool {
    let Some((local, domain)) = raw.split_once('@') else { return false };
    let plain = |s: &str| {
        !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\\\"@".contains(c))
    };
    plain(local)
        && plain(domain)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
}

pub(super) fn check_email(cx: &mut Context<'_>, raw: &str, at: Location) {
    if is_email(raw) {
        return;
    }
    let shown = raw;
    cx.push(
        Diagnostic::new(Code::InvalidEmail, msg!("`{shown}` is not an e-mail address", "`{shown}` bukan alamat surel"))
            .at(at)
            .label(msg!("not name@domain", "bukan nama@domain"))
            .hint(msg!(
                "write one address of the form name@domain, e.g. ogp@example.go.id, without spaces or `mailto:`",
                "tulis satu alamat berbentuk nama@domain, misalnya ogp@contoh.go.id, tanpa spasi atau `mailto:`"
            )),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn emails() {
        for ok in ["ogp@bojonegorokab.go.id", "a.b+c@x.org"] {
            assert!(super::is_email(ok), "{ok}");
        }
        for bad in
            ["", "ogp", "ogp@", "@x.org", "ogp@localhost", "a b@x.org", "mailto:a@x.org", "a@x..org", "a@b@c.org"]
        {
            assert!(!super::is_email(bad), "{bad}");
        }
    }
}
