//! Any bytes, as any kind of workspace file: the loader must not panic,
//! every diagnostic must name its file and point inside the text, and every
//! output format must render.

#![no_main]

use libfuzzer_sys::fuzz_target;
use terbuka::diag::Sources;
use terbuka::diag::render::{self, Format};
use terbuka::load::{Limits, check_bytes};
use terbuka::model::Lang;

const KINDS: &[&str] = &[
    "terbuka.yaml",
    "rubrics/r.yaml",
    "commitments/c.yaml",
    "institutions/i.yaml",
    "assessments/2017-s1/i.yaml",
    "reviews/2017-s1.yaml",
    "evidence.lock",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else { return };
    let rel = KINDS[first as usize % KINDS.len()];
    let limits = Limits { max_text_chars: 64, ..Limits::default() };
    let (diagnostics, source) = check_bytes(rel, bytes.to_vec(), limits);
    let mut sources = Sources::default();
    if let Some(source) = &source {
        sources.insert(source.clone());
    }
    for d in &diagnostics {
        let location = d.location.as_ref().expect("every diagnostic is located");
        assert_eq!(&*location.file, rel);
        if let (Some(span), Some(source)) = (location.span, &source) {
            assert!(span.start <= span.end && span.end <= source.text.len(), "{span:?} outside the text");
            assert!(source.text.is_char_boundary(span.start) && source.text.is_char_boundary(span.end));
        }
    }
    for lang in [Lang::En, Lang::Id] {
        for format in [Format::Human, Format::Short, Format::Json, Format::Github] {
            let _ = render::render(&diagnostics, &sources, format, render::Options { lang, color: false });
        }
    }
});
