//! `terbuka evidence seal|verify` and `evidence.lock`.

use crate::harness::Ws;

#[test]
fn seal_then_verify_catches_a_changed_file_and_seal_will_not_hide_it() {
    let ws = Ws::fixture("minimal");
    let run = ws.run(&["evidence", "verify"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "terbuka: this workspace has no evidence.lock; run `terbuka evidence seal` first\n");

    let run = ws.run(&["evidence", "seal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "terbuka: 2 files sealed\n");
    let lock = ws.read("evidence.lock");
    assert!(lock.contains(
        "  evidence/dinas-a/sk.txt: {sha256: 986b0291bb57c89a5c52bf02351fbb3df099b5b1445b480043f57da389a0dd7f, size: 27}\n"
    ));
    // Sealing again gives the same bytes.
    ws.run(&["evidence", "seal"]);
    assert_eq!(ws.read("evidence.lock"), lock);
    let run = ws.run(&["evidence", "verify"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "evidence.lock: 2 files sealed — 0 changed, 0 missing, 0 cited but not sealed\n")
    );

    // Tampering is an error wherever the file is cited, in validate too.
    ws.write("evidence/dinas-a/sk.txt", "SK yang lain\n");
    let run = ws.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with(
        "institutions/dinas-a.yaml:7:11: error[E036] the evidence file `evidence/dinas-a/sk.txt` changed after it was sealed"
    ), "{}", run.stdout);
    let run = ws.run(&["evidence", "verify"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.ends_with("evidence.lock: 2 files sealed — 1 changed, 0 missing, 0 cited but not sealed\n"),
        "{}",
        run.stdout
    );
    let run = ws.run(&["score"]);
    assert_eq!(run.code, 1, "scoring stops on a changed file");

    // Sealing does not quietly approve the change.
    let run = ws.run(&["evidence", "seal"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(
            "terbuka: 1 sealed file changed or went missing since the last seal:\n  evidence/dinas-a/sk.txt\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(ws.read("evidence.lock"), lock);
    let run = ws.run(&["evidence", "seal", "--accept-changes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ws.run(&["evidence", "verify"]).code, 0);

    // New evidence is reported as not sealed until it is.
    ws.write("evidence/dinas-a/baru.txt", "bukti baru\n");
    ws.edit(
        "assessments/2017-s1/dinas-a.yaml",
        "{file: evidence/dinas-a/sosialisasi.txt",
        "{file: evidence/dinas-a/baru.txt",
    );
    let run = ws.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("warning[W007] the evidence file `evidence/dinas-a/baru.txt` is not in evidence.lock"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.run(&["evidence", "seal"]).code, 0);
    assert!(!ws.run(&["validate", "--format", "short"]).stdout.contains("W007"));
}
