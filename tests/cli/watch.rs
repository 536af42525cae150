//! `terbuka watch report`, driven as a user would: save a file, wait for
//! the new PDF, read it; a broken edit keeps the old PDF and says why;
//! Ctrl-C ends the watch and leaves no temporary file.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::harness::{Ws, pdftotext};

struct Watch {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Watch {
    fn start(ws: &Ws, args: &[&str]) -> Watch {
        Watch::of(ws, "report", args)
    }

    /// `terbuka watch <what> <args>`.
    fn of(ws: &Ws, what: &str, args: &[&str]) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_terbuka"))
            .arg("--root")
            .arg(ws.path())
            .args(["--lang", "en", "--color", "never", "watch", what])
            .args(args)
            .env_remove("TERBUKA_LANG")
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let (mut pipe, sink) = (child.stderr.take().unwrap(), stderr.clone());
        std::thread::spawn(move || {
            let mut buf = [0; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Watch { child, stderr }
    }

    fn said(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until `what` holds, for at most 30 s.
    fn until(&self, what: &str, mut done: impl FnMut() -> bool) {
        let start = Instant::now();
        while !done() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}; stderr:\n{}",
                self.said()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[test]
fn a_save_writes_the_report_again_and_a_broken_edit_keeps_the_last_one() {
    let ws = Ws::sample();
    let pdf = ws.path().join("out/report-2017-s2-en.pdf");
    let mut watch = Watch::start(&ws, &["--period", "2017-s2"]);
    watch.until("the first report", || pdf.is_file() && watch.said().contains("watching"));
    let first = modified(&pdf);

    // An institution's name changed: the new PDF shows it.
    let institution = "institutions/diskominfo.yaml";
    let marker = "Diskominfo Baru";
    ws.edit(institution, "short-name: Diskominfo", &format!("short-name: {marker}"));
    watch.until("the report written again", || watch.said().contains("written again") && modified(&pdf) != first);
    let squashed = pdftotext(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squashed.contains(marker), "the new PDF lacks the edit");

    // An assessment saved: written again.
    let file = "assessments/2017-s2/diskominfo.yaml";
    let text = ws.read(file);
    let edited = text.replacen("understanding:\n    level: 4", "understanding:\n    level: 3", 1);
    assert_ne!(edited, text);
    let before = watch.said().matches("written again").count();
    ws.write(file, &edited);
    watch.until("the report written again", || watch.said().matches("written again").count() > before);
    let good = std::fs::read(&pdf).unwrap();

    // A broken edit: the error is printed, the last good PDF stays.
    let before = watch.said().len();
    ws.write(file, &edited.replacen("points:", "points: [", 1));
    watch.until("the error", || watch.said()[before..].contains("the report was not written again"));
    let said = watch.said()[before..].to_owned();
    assert!(said.contains("error[E004]") && said.contains(file), "{said}");
    assert!(said.contains("1 error: the report was not written again; the last one written stays"), "{said}");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(std::fs::read(&pdf).unwrap(), good, "a broken edit replaced the PDF");

    // Fixed again: written again.
    let before = watch.said().len();
    ws.write(file, &text);
    watch.until("the fix", || watch.said()[before..].contains("written again"));
    assert_ne!(std::fs::read(&pdf).unwrap(), good);

    // Ctrl-C ends it cleanly.
    let _ = Command::new("kill").args(["-INT", &watch.child.id().to_string()]).status();
    let status = watch.child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{}", watch.said());
    let leftovers = crate::attack::leftovers(ws.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_scorecard_watch_follows_its_institution() {
    let ws = Ws::sample();
    let pdf = ws.path().join("out/scorecard-2017-s2-bpkad-en.pdf");
    let watch = Watch::start(&ws, &["--period", "2017-s2", "--institution", "bpkad"]);
    watch.until("the first scorecard", || pdf.is_file());
    let first = modified(&pdf);
    // A change to a template is picked up too.
    let template =
        std::fs::read_to_string(crate::harness::repo_root().join("report-templates/scorecard.typ.j2")).unwrap();
    ws.write("report-templates/scorecard.typ.j2", &format!("{template}\nEdited template for the watch test.\n"));
    watch.until("the scorecard written again", || modified(&pdf) != first && watch.said().contains("written again"));
    assert!(pdftotext(&pdf).contains("Edited template for the watch test."));
}

#[test]
fn a_site_watch_writes_the_site_again_and_keeps_it_whole_on_a_broken_edit() {
    let ws = Ws::sample();
    let page = ws.path().join("out/site/en/commitments/data-revolution.html");
    let mut watch = Watch::of(&ws, "site", &[]);
    watch.until("the first site", || page.is_file() && watch.said().contains("the site is written again"));
    let file = "commitments/data-revolution.yaml";
    let text = ws.read(file);
    ws.write(file, &text.replacen("en: Data revolution", "en: Data revolution, edited", 1));
    watch.until("the site written again", || {
        watch.said().contains("written again (") && std::fs::read_to_string(&page).is_ok_and(|p| p.contains("edited"))
    });
    let good = crate::harness::snapshot_tree(&ws.path().join("out/site"));
    let before = watch.said().len();
    ws.write(file, &text.replacen("number:", "number: [", 1));
    watch.until("the error", || watch.said()[before..].contains("the site was not written again"));
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(crate::harness::snapshot_tree(&ws.path().join("out/site")), good, "a broken edit touched the site");
    let _ = Command::new("kill").args(["-INT", &watch.child.id().to_string()]).status();
    assert_eq!(watch.child.wait().unwrap().code(), Some(0), "{}", watch.said());
    let leftovers = crate::attack::leftovers(ws.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
