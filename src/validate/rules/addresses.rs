//! The rules of the addresses a workspace gives its readers: web addresses
//! (E034: evidence, the feedback form, the website and its updates) and
//! e-mail addresses (E037: feedback, commitments' contacts, the monitoring
//! body). A mistyped one sends people nowhere, so each is an error. Also
//! `validate`'s check of E005 on `feedback` (whose home is `load::rules`).

use crate::diag::{Code, Diagnostic, Location, RuleDoc, Words};
use crate::load::rules::{Missing, missing_key};
use crate::{msg, path};

use super::super::Context;

/// The documentation of this family's codes.
pub const DOCS: &[RuleDoc] = &[E034, E037];

/// Checks the addresses of `terbuka.yaml` and of the commitments; evidence
/// addresses are checked with the rest of the evidence.
pub(in crate::validate) fn check(cx: &mut Context<'_>) {
    let ws = cx.ws;
    if let Some(doc) = &ws.manifest {
        let m = &doc.value;
        if let Some(feedback) = &m.feedback {
            if let Some(email) = &feedback.email {
                check_email(cx, email, doc.at(path!["feedback", "email"]));
            }
            if let Some(url) = &feedback.url {
                check_url(cx, url, Address::FeedbackForm, || doc.at(path!["feedback", "url"]));
            }
            if feedback.email.is_none() && feedback.url.is_none() {
                cx.push(missing_key(Missing::FeedbackAddress).at(doc.key_at(path!["feedback"])));
            }
        }
        if let Some(email) = m.monitoring_body.as_ref().and_then(|b| b.email.as_ref()) {
            check_email(cx, email, doc.at(path!["monitoring-body", "email"]));
        }
        if let Some(site) = &m.website {
            check_url(cx, &site.url, Address::Website, || doc.at(path!["website", "url"]));
            for (i, update) in site.updates.iter().enumerate() {
                if let Some(url) = &update.url {
                    check_url(cx, url, Address::Website, || doc.at(path!["website", "updates", i, "url"]));
                }
            }
        }
    }
    for doc in &ws.commitments {
        if let Some(email) = doc.value.contact.as_ref().and_then(|c| c.email.as_ref()) {
            check_email(cx, email, doc.at(path!["contact", "email"]));
        }
    }
}

// ── E034 invalid-url ─────────────────────────────────────────────────────

/// E034 `invalid-url`: what it checks, why, and how to fix it.
pub const E034: RuleDoc = RuleDoc {
    code: Code::InvalidUrl,
    home: module_path!(),
    summary: Words::new(
        "An evidence, feedback or contact URL that is not a well-formed http(s) address.",
        "URL bukti, masukan, atau kontak yang bukan alamat http(s) yang benar.",
    ),
    what: Words::new(
        "An evidence `url`, or the feedback form's `url` in `terbuka.yaml`, that is not a well-formed web address: not http or https, without a host name, or containing spaces.",
        "`url` bukti, atau `url` formulir masukan di `terbuka.yaml`, yang bukan alamat web yang benar: bukan http atau https, tanpa nama host, atau memuat spasi.",
    ),
    why: Words::new(
        "Readers of the reports and the site follow these addresses: a malformed one leads nowhere, and a scheme other than http(s) could open something other than a web page.",
        "Pembaca laporan dan situs mengikuti alamat-alamat ini: alamat yang rusak tidak menuju ke mana pun, dan skema selain http(s) dapat membuka sesuatu yang bukan halaman web.",
    ),
    fix: Words::new(
        "Copy the full address from the browser's address bar, starting with `https://` (or `http://`). For a file kept in the workspace, write `file:` instead of `url:`.",
        "Salin alamat lengkap dari bilah alamat peramban, diawali `https://` (atau `http://`). Untuk berkas yang disimpan di dalam ruang kerja, tulis `file:` alih-alih `url:`.",
    ),
};

/// What a web address is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Address {
    /// An evidence item's `url`.
    Evidence,
    /// The feedback form in `terbuka.yaml`.
    FeedbackForm,
    /// The website, or one of its logged updates.
    Website,
}

/// What is wrong with a web address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadUrl<'a> {
    /// A scheme other than http or https.
    Scheme(&'a str),
    /// No host name a browser could reach.
    NoHost,
    /// Spaces inside.
    Spaces,
    /// Not a URL at all, for this reason.
    Malformed(url::ParseError),
}

/// E034: the `what` address `raw` is not a well-formed http(s) address.
pub fn invalid_url(raw: &str, what: Address, problem: BadUrl<'_>) -> Diagnostic {
    let shown = raw;
    let headline = match what {
        Address::Evidence => msg!("invalid evidence URL `{shown}`", "URL bukti `{shown}` tidak sah"),
        Address::FeedbackForm => {
            msg!("invalid feedback form URL `{shown}`", "URL formulir masukan `{shown}` tidak sah")
        }
        Address::Website => msg!("invalid website URL `{shown}`", "URL situs web `{shown}` tidak sah"),
    };
    let problem = match problem {
        BadUrl::Scheme(scheme) => msg!(
            "the scheme `{scheme}:` is not allowed; evidence URLs are http or https",
            "skema `{scheme}:` tidak diperbolehkan; URL bukti harus http atau https"
        ),
        BadUrl::NoHost => msg!("the URL has no valid host name", "URL ini tidak memiliki nama host yang sah"),
        BadUrl::Spaces => msg!("the URL contains spaces", "URL ini memuat spasi"),
        BadUrl::Malformed(e) => {
            let (en, id) = match e {
                url::ParseError::RelativeUrlWithoutBase => {
                    ("it does not start with `https://`", "tidak diawali `https://`")
                }
                url::ParseError::EmptyHost => ("it has no host name", "tidak memiliki nama host"),
                url::ParseError::InvalidPort => ("its port number is not valid", "nomor port-nya tidak sah"),
                url::ParseError::InvalidDomainCharacter | url::ParseError::IdnaError => (
                    "its host name has characters a host name cannot have",
                    "nama host-nya memuat karakter yang tidak boleh ada",
                ),
                _ => ("it is not a web address", "bukan alamat web"),
            };
            msg!("the URL is not well-formed: {en}", "URL ini tidak tersusun dengan benar: {id}")
        }
    };
    Diagnostic::new(Code::InvalidUrl, headline).hint(problem).hint(msg!(
        "copy the full address from the browser's address bar, starting with https://",
        "salin alamat lengkap dari bilah alamat peramban, diawali https://"
    ))
}

/// E034 at `at()` when the `what` address `raw` is not well-formed.
pub(in crate::validate) fn check_url(cx: &mut Context<'_>, raw: &str, what: Address, at: impl FnOnce() -> Location) {
    let problem = match url::Url::parse(raw.trim()) {
        Ok(u) if u.scheme() != "http" && u.scheme() != "https" => {
            let scheme = u.scheme().to_owned();
            return cx.push(invalid_url(raw, what, BadUrl::Scheme(&scheme)).at(at()));
        }
        Ok(u) if u.host_str().is_none_or(|h| h.is_empty() || !h.contains('.') && h != "localhost") => BadUrl::NoHost,
        Ok(_) if raw.trim().contains(char::is_whitespace) => BadUrl::Spaces,
        Ok(_) => return,
        Err(e) => BadUrl::Malformed(e),
    };
    cx.push(invalid_url(raw, what, problem).at(at()));
}

// ── E037 invalid-email ───────────────────────────────────────────────────

/// E037 `invalid-email`: what it checks, why, and how to fix it.
pub const E037: RuleDoc = RuleDoc {
    code: Code::InvalidEmail,
    home: module_path!(),
    summary: Words::new(
        "A feedback or contact e-mail address that is not of the form name@domain.",
        "Alamat surel masukan atau kontak yang tidak berbentuk nama@domain.",
    ),
    what: Words::new(
        "The feedback address (`feedback: email:` in `terbuka.yaml`) or a commitment's `contact: email:` is not an e-mail address: no `@`, no dotted domain after it, spaces, or `mailto:` in front. The site would show citizens an address that reaches nobody.",
        "Alamat masukan (`feedback: email:` di `terbuka.yaml`) atau `contact: email:` sebuah komitmen bukan alamat surel: tanpa `@`, tanpa domain bertitik sesudahnya, memuat spasi, atau diawali `mailto:`. Situs akan menampilkan kepada warga alamat yang tidak sampai ke siapa pun.",
    ),
    why: Words::new(
        "The site gives citizens these addresses to write to: a mistyped one would take their feedback nowhere.",
        "Situs memberikan alamat-alamat ini kepada warga untuk dihubungi: alamat yang salah ketik membuat masukan mereka tidak sampai ke mana pun.",
    ),
    fix: Words::new(
        "Write one address of the form name@domain, e.g. `email: ogp@example.go.id`, as you would type it in an e-mail's To field.",
        "Tulis satu alamat berbentuk nama@domain, misalnya `email: ogp@contoh.go.id`, seperti yang diketik di kolom Kepada sebuah surel.",
    ),
};

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

/// E037: `raw` is not an e-mail address.
pub fn invalid_email(raw: &str) -> Diagnostic {
    let shown = raw;
    Diagnostic::new(Code::InvalidEmail, msg!("`{shown}` is not an e-mail address", "`{shown}` bukan alamat surel"))
        .label(msg!("not name@domain", "bukan nama@domain"))
        .hint(msg!(
            "write one address of the form name@domain, e.g. ogp@example.go.id, without spaces or `mailto:`",
            "tulis satu alamat berbentuk nama@domain, misalnya ogp@contoh.go.id, tanpa spasi atau `mailto:`"
        ))
}

fn check_email(cx: &mut Context<'_>, raw: &str, at: Location) {
    if !is_email(raw) {
        cx.push(invalid_email(raw).at(at));
    }
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
