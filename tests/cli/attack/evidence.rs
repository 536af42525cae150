//! Evidence integrity and messages: other spellings and links of a sealed
//! file, a lock that cannot be read, and what a path that is not a file is.

use std::os::unix::fs::symlink;

use super::{Scene, said};

const A: &str = "assessments/2017-s1/dinas-a.yaml";
const CITED: &str = "evidence/dinas-a/sosialisasi.txt";

/// A sealed minimal workspace whose cited file was then edited.
fn sealed_then_forged() -> Scene {
    let s = Scene::minimal();
    let run = s.run(&["evidence", "seal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    s.ws.write(CITED, "forged minutes\n");
    s
}

#[test]
fn another_spelling_of_a_sealed_path_does_not_escape_the_seal() {
    for spelling in [
        "evidence/dinas-a/./sosialisasi.txt",
        "evidence//dinas-a/sosialisasi.txt",
        "./evidence/dinas-a/sosialisasi.txt",
    ] {
        let mut s = sealed_then_forged();
        s.ws.edit(A, CITED, spelling);
        s.freeze();
        let run = s.run(&["validate", "--format", "short"]);
        assert_eq!(run.code, 1, "{spelling}: {}", run.stdout);
        assert!(
            run.stdout.contains("error[E033] the evidence path is written in an unusual way (hint: write it as `evidence/dinas-a/sosialisasi.txt`"),
            "{spelling}: {}",
            run.stdout
        );
        let run = s.run(&["evidence", "verify"]);
        assert_eq!(run.code, 1, "{spelling}: {}", run.stdout);
        // The seal refuses: the sealed file changed, cited or not.
        let lock = s.ws.read("evidence.lock");
        let run = s.run(&["evidence", "seal"]);
        assert_eq!(run.code, 1, "{spelling}: {}", run.stderr);
        assert!(
            run.stderr.contains(
                "1 sealed file changed or went missing since the last seal:\n  evidence/dinas-a/sosialisasi.txt"
            ),
            "{}",
            run.stderr
        );
        assert_eq!(s.ws.read("evidence.lock"), lock);
        s.unchanged(spelling);
    }
}

#[test]
fn a_link_to_a_sealed_file_is_the_sealed_file() {
    let mut s = sealed_then_forged();
    symlink("sosialisasi.txt", s.root().join("evidence/dinas-a/alias.txt")).unwrap();
    s.ws.edit(A, CITED, "evidence/dinas-a/alias.txt");
    s.freeze();
    let run = s.run(&["validate", "--format", "short"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("error[E036] the evidence file `evidence/dinas-a/alias.txt` changed after it was sealed"),
        "{}",
        run.stdout
    );
    let run = s.run(&["evidence", "verify"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("1 changed, 0 missing, 0 cited but not sealed"), "{}", run.stdout);
    let run = s.run(&["evidence", "seal"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    s.unchanged("seal");
    // Accepted on purpose, the lock knows the file by its real name.
    let run = s.run(&["evidence", "seal", "--accept-changes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lock = s.ws.read("evidence.lock");
    assert!(lock.contains("evidence/dinas-a/sosialisasi.txt") && !lock.contains("alias.txt"), "{lock}");
}

#[test]
fn an_unreadable_lock_stops_the_seal() {
    for broken in [
        "<<<<<<< HEAD\nversion: 1\n=======\nversion: 1\n>>>>>>> other\n",
        "version: 1\nfiles:\n  evidence/dinas-a/sk.txt: {sha256: abc\n",
        "version: 1\nfiles: {evidence/dinas-a/sk.txt: {sha256: x, size: 1, extra: 2}}\n",
    ] {
        let mut s = Scene::minimal();
        s.ws.write("evidence.lock", broken);
        s.ws.write(CITED, "edited\n");
        s.freeze();
        let run = s.run(&["evidence", "seal"]);
        assert_eq!(run.code, 1, "{broken:?}: {}", run.stderr);
        assert!(run.stderr.contains("evidence.lock cannot be read, so nothing was sealed"), "{}", run.stderr);
        assert!(run.stderr.contains("git checkout evidence.lock"), "{}", run.stderr);
        assert!(run.stderr.contains("evidence.lock:"), "the lock's own problem is located: {}", run.stderr);
        assert_eq!(s.ws.read("evidence.lock"), broken);
        s.unchanged(broken);
    }
}

#[test]
fn a_path_that_is_not_a_file_says_what_it_is() {
    let s = Scene::minimal();
    std::fs::create_dir_all(s.root().join("evidence/dinas-a/folder")).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(s.root().join("evidence/dinas-a/pipe.txt"))
            .status()
            .unwrap()
            .success()
    );
    symlink("loop-b", s.root().join("evidence/dinas-a/loop-a")).unwrap();
    symlink("loop-a", s.root().join("evidence/dinas-a/loop-b")).unwrap();
    std::fs::write(s.root().join("evidence/dinas-a/Notulen-Bimtek-OGP.txt"), "x").unwrap();
    let nfd = "evidence/dinas-a/re\u{301}sume\u{301}.txt";
    std::fs::write(s.root().join(nfd), "x").unwrap();
    let cases = [
        (
            "evidence/dinas-a/folder",
            "the evidence path `evidence/dinas-a/folder` is a folder, not a file",
            "cite a file inside the folder",
        ),
        ("evidence/dinas-a/pipe.txt", "is a named pipe (FIFO)", "evidence must be an ordinary file"),
        ("evidence/dinas-a/loop-a", "is a symbolic link in a loop", "evidence must be an ordinary file"),
        (
            "evidence/dinas-a/notulen-bimtek-ogp.txt",
            "does not exist",
            "the file is named `evidence/dinas-a/Notulen-Bimtek-OGP.txt`: capitals must match exactly",
        ),
        ("evidence/dinas-a/résumé.txt", "does not exist", "encoded differently (NFC against NFD)"),
        ("evidence/dinas-a/sosialisasi.pdf", "does not exist", "did you mean `evidence/dinas-a/sosialisasi.txt`?"),
        ("evidence/dinas-a/zzzz.txt", "does not exist", "`evidence/dinas-a/` holds: `Notulen-Bimtek-OGP.txt`"),
        (
            "evidence/Dinas-A/sk.txt",
            "does not exist",
            "the file is named `evidence/dinas-a/sk.txt`: capitals must match exactly",
        ),
    ];
    for (path, message, hint) in cases {
        s.ws.write(
            A,
            &std::fs::read_to_string(crate::harness::repo_root().join("tests/fixtures/minimal").join(A))
                .unwrap()
                .replace(CITED, path),
        );
        let run = s.run(&["validate"]);
        let text = said(&run, s.root());
        assert_eq!(run.code, 1, "{path}: {text}");
        assert!(text.contains("error[E032]") && text.contains(message), "{path}: {text}");
        assert!(text.contains(hint), "{path}: {text}");
    }
}
