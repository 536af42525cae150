//! The `terbuka` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    terbuka::cli::main()
}
