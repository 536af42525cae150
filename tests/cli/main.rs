//! The one integration-test binary: runs the real `terbuka` binary on
//! workspaces copied to temporary directories.

mod harness;
mod rules;
mod schema;
mod validate;
