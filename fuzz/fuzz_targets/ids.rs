//! Any id: a valid one makes only plain file names inside their folder,
//! and the suggested spelling of any text is itself a valid id.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use terbuka::model::id;
use terbuka::output;

fuzz_target!(|text: &str| {
    let suggestion = id::suggest(text);
    assert!(id::is_valid(&suggestion), "{text:?} → {suggestion:?}");
    let dir = Path::new("/w/out");
    if id::is_valid(text) {
        for name in [format!("report-{text}-en.pdf"), format!("{text}.pdf"), format!("{text}.yaml"), text.to_owned()] {
            let path = output::child(dir, &name).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(path.parent(), Some(dir), "{text:?}");
        }
    } else {
        // An invalid id is never a plain name that hides a step out.
        assert!(text.is_empty() || text.len() > id::MAX_LEN || !text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') || text.starts_with(['-', '_']));
    }
});
