//! Any text, escaped for Typst markup, must read back as plain text: no
//! code, no markup, and every character of the input that Typst shows.

#![no_main]

use libfuzzer_sys::fuzz_target;
use terbuka::report::escape;
use typst_syntax::{SyntaxKind, SyntaxNode};

fn leaves(node: &SyntaxNode, out: &mut Vec<(SyntaxKind, String)>) {
    if node.children().len() == 0 {
        out.push((node.kind(), node.leaf_text().to_string()));
    }
    for child in node.children() {
        leaves(child, out);
    }
}

fuzz_target!(|text: &str| {
    let escaped = escape::markup(text);
    let root = typst_syntax::parse(&escaped);
    assert!(root.errors_and_warnings().0.is_empty(), "{text:?} → {escaped:?}: {:?}", root.errors_and_warnings().0);
    let mut out = Vec::new();
    leaves(&root, &mut out);
    for (kind, leaf) in &out {
        assert!(
            matches!(kind, SyntaxKind::Text | SyntaxKind::Escape | SyntaxKind::Space | SyntaxKind::Markup),
            "{text:?} → {escaped:?}: a {kind:?} node {leaf:?}"
        );
    }
});
