//! Any text, escaped for Typst markup, must read back as plain text: no
//! code and no markup other than the two forms the escaper itself writes —
//! `#h(0pt);` (a place where a long run may break) and `#box[...]` around
//! a range or a short slashed word (so no line breaks inside it), whose
//! content is plain text again.

#![no_main]

use libfuzzer_sys::fuzz_target;
use terbuka::report::escape;
use typst_syntax::{SyntaxKind, SyntaxNode};

/// The source text of `node`.
fn text_of(node: &SyntaxNode) -> String {
    if node.children().len() == 0 {
        return node.leaf_text().to_string();
    }
    node.children().map(text_of).collect()
}

/// Checks that `node` is plain text, or one of the escaper's own forms.
fn check(node: &SyntaxNode, in_box: bool, context: &dyn Fn() -> String) {
    match node.kind() {
        SyntaxKind::Text | SyntaxKind::Escape | SyntaxKind::Space | SyntaxKind::Hash | SyntaxKind::Semicolon => {}
        SyntaxKind::Markup => node.children().for_each(|c| check(c, in_box, context)),
        SyntaxKind::FuncCall => {
            let text = text_of(node);
            if text == "h(0pt)" {
                return;
            }
            assert!(!in_box && text.starts_with("box[") && text.ends_with(']'), "{}: a call {text:?}", context());
            let markup = node
                .children()
                .find(|c| c.kind() == SyntaxKind::Args)
                .and_then(|args| args.children().find(|c| c.kind() == SyntaxKind::ContentBlock))
                .and_then(|block| block.children().find(|c| c.kind() == SyntaxKind::Markup));
            let markup = markup.unwrap_or_else(|| panic!("{}: a box without content", context()));
            check(markup, true, context);
        }
        kind => panic!("{}: a {kind:?} node {:?}", context(), text_of(node)),
    }
}

fuzz_target!(|text: &str| {
    let escaped = escape::markup(text);
    let root = typst_syntax::parse(&escaped);
    let context = || format!("{text:?} → {escaped:?}");
    assert!(root.errors_and_warnings().0.is_empty(), "{}: {:?}", context(), root.errors_and_warnings().0);
    check(&root, false, &context);
});
