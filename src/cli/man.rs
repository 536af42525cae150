//! `terbuka man` and `terbuka completions`: the manual pages and shell
//! completion scripts, in the language of `--help`.

use std::path::PathBuf;

use crate::settings::Settings;

use super::{Error, Outcome, help};

pub fn run(settings: &Settings, dir: Option<PathBuf>) -> Result<Outcome, Error> {
    let lang = super::help_lang(settings);
    let cmd = help::command(help::Early { lang, color: Some(false) });
    let pages = help::man_pages(&cmd, lang);
    match dir {
        None => super::stdout(&pages[0].1)?,
        Some(dir) => super::write_listed(&super::root_inputs(settings), &dir, pages)?,
    }
    Ok(Outcome::Ok)
}

pub fn completions(settings: &Settings, shell: clap_complete::Shell) -> Result<Outcome, Error> {
    let mut cmd = help::command(help::Early { lang: super::help_lang(settings), color: Some(false) });
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "terbuka", &mut buf);
    super::stdout(&String::from_utf8_lossy(&buf))?;
    Ok(Outcome::Ok)
}
