//! The one integration-test binary: runs the real `terbuka` binary on
//! workspaces copied to temporary directories.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod attack;
mod city;
mod cycle;
mod docs;
mod engine;
mod evidence;
mod glossary;
mod harness;
mod hostile;
mod mistakes;
mod new;
mod report;
mod robust;
mod rules;
mod schema;
mod score;
mod site;
mod synth;
mod untouched;
mod validate;
mod watch;
