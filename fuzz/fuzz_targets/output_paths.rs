//! Any output path, built from steps that matter (`..`, `.`, `//`, the
//! input folders, a link to `evidence/`, a link out, names that do not
//! exist), either is refused or is written where it says: never into an
//! input, never outside the workspace through a link, and never leaving a
//! temporary file.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use terbuka::output::{self, Inputs};

struct Scene {
    root: PathBuf,
    outside: PathBuf,
    inputs: Inputs,
}

const INPUT_DIRS: &[&str] = &["evidence", "institutions", "report-templates"];

fn scene() -> &'static Scene {
    static SCENE: OnceLock<Scene> = OnceLock::new();
    SCENE.get_or_init(|| {
        let base = std::env::temp_dir().join(format!("terbuka-fuzz-paths-{}", std::process::id()));
        let root = base.join("ws");
        let outside = base.join("outside");
        for dir in ["ws/evidence/a", "ws/institutions", "ws/report-templates", "ws/out", "outside"] {
            std::fs::create_dir_all(base.join(dir)).unwrap();
        }
        std::fs::write(root.join("terbuka.yaml"), "x").unwrap();
        std::fs::write(root.join("evidence/a/sk.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("evidence"), root.join("out/evid")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("out/away")).unwrap();
        let root = root.canonicalize().unwrap();
        let outside = outside.canonicalize().unwrap();
        let inputs = Inputs::new(&root, ["terbuka.yaml", "evidence/a/sk.txt"], [], INPUT_DIRS);
        Scene { root, outside, inputs }
    })
}

const STEPS: &[&str] =
    &["..", ".", "", "out", "evidence", "a", "institutions", "evid", "away", "nope", "x", "report.pdf", "terbuka.yaml", "sk.txt"];

/// Every regular file under `dir` (links not followed).
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => files(&path, out),
            Ok(m) if m.is_file() => out.push(path),
            _ => {}
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let s = scene();
    if data.is_empty() || data.len() > 12 {
        return;
    }
    let rel = data.iter().map(|b| STEPS[*b as usize % STEPS.len()]).collect::<Vec<_>>().join("/");
    let path = s.root.join(&rel);
    let before = {
        let mut v = Vec::new();
        files(&s.root, &mut v);
        files(&s.outside, &mut v);
        v.sort();
        v
    };
    let written = output::write_output(&s.inputs, &path, b"fuzz").is_ok();
    let mut after = Vec::new();
    files(&s.root, &mut after);
    files(&s.outside, &mut after);
    after.sort();
    let new = after.iter().filter(|f| !before.contains(f)).collect::<Vec<_>>();
    for f in &new {
        let real = f.canonicalize().unwrap();
        assert!(!INPUT_DIRS.iter().any(|d| real.starts_with(s.root.join(d))), "{rel:?} wrote into an input: {real:?}");
        assert!(real.starts_with(&s.root), "{rel:?} wrote outside the workspace: {real:?}");
        assert!(!real.file_name().unwrap().to_string_lossy().starts_with(".terbuka-"), "{rel:?} left {real:?}");
    }
    assert!(written || new.is_empty(), "{rel:?} was refused but wrote {new:?}");
    for f in ["terbuka.yaml", "evidence/a/sk.txt"] {
        assert_eq!(std::fs::read(s.root.join(f)).unwrap(), b"x", "{rel:?} replaced {f}");
    }
    // Leave the scene as it was.
    for f in new {
        std::fs::remove_file(f).unwrap();
    }
});
