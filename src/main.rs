//! The `terbuka` binary: parses arguments and hands over to the library.

use std::process::ExitCode;

/// jemalloc where it builds (see Cargo.toml): Typst's layout makes millions
/// of small allocations, which it serves faster than the system's malloc
/// at the same peak memory.
#[cfg(all(unix, not(target_os = "openbsd"), any(target_arch = "x86_64", target_arch = "aarch64")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    terbuka::cli::main()
}
