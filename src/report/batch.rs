//! Typesetting many documents in one process (`report --all`): one plain
//! thread per core, each taking the next document from a counter, and one
//! writer thread that takes finished documents in turn.
//!
//! Plain threads, not rayon tasks: Typst and typst-pdf run parts of one
//! document on rayon's pool and, while they wait, a rayon worker runs
//! whatever task is queued; were the documents rayon tasks, one worker
//! would start document after document inside the export of the first,
//! holding all of them in memory and on its stack (2.3 GB and a stack
//! overflow at 1,000 scorecards). Typst memoises layouts across documents;
//! a batch would keep every document's, so every [`EVICT_EVERY`] documents
//! the memoised results that recent ones did not use are dropped.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack of each typesetting thread: what the main thread gets for a
/// single report.
const STACK_BYTES: usize = 8 * 1024 * 1024;

/// After how many documents Typst's memoised results that the last ones
/// did not use are dropped. Measured on 1,000 scorecards
/// (docs/performance.md): every 8, 15.2 s and 0.3 GB; every 16, 15.5 s and
/// 0.4 GB; every 64, 13.8 s and 1.0 GB; never, 14.0 s and 3.7 GB.
pub const EVICT_EVERY: usize = 8;

/// Makes documents `0..count` with `make` on typesetting threads and hands
/// each, as it is done, to `write` on the writer thread (so that no
/// typesetting thread waits for the disk). Returns what `write` returned
/// for each document, in document order.
pub fn run<T: Send, W: Send>(
    count: usize,
    make: &(dyn Fn(usize) -> T + Sync),
    write: &mut (dyn FnMut(usize, T) -> W + Send),
) -> std::io::Result<Vec<W>> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(count.max(1));
    let next = AtomicUsize::new(0);
    let (to_writer, from_workers) = std::sync::mpsc::sync_channel::<(usize, T)>(2 * workers);
    let worker = |to_writer: std::sync::mpsc::SyncSender<(usize, T)>| loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= count {
            return;
        }
        let made = make(i);
        // The writer stops only after every worker has.
        if to_writer.send((i, made)).is_err() {
            return;
        }
        if i % EVICT_EVERY == EVICT_EVERY - 1 {
            comemo::evict(2);
        }
    };
    let mut written = std::thread::scope(|scope| {
        let writer = std::thread::Builder::new()
            .spawn_scoped(scope, move || from_workers.into_iter().map(|(i, t)| (i, write(i, t))).collect::<Vec<_>>())?;
        let handles = (0..workers)
            .map(|_| {
                let to_writer = to_writer.clone();
                std::thread::Builder::new().stack_size(STACK_BYTES).spawn_scoped(scope, move || worker(to_writer))
            })
            .collect::<Result<Vec<_>, _>>();
        drop(to_writer);
        let handles = handles?;
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
        match writer.join() {
            Ok(written) => Ok::<_, std::io::Error>(written),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })?;
    written.sort_by_key(|(i, _)| *i);
    Ok(written.into_iter().map(|(_, w)| w).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_document_is_written_once_in_order() {
        let mut seen = Vec::new();
        let out = super::run(50, &|i| i * 2, &mut |i, t| {
            seen.push(i);
            t + 1
        })
        .unwrap();
        assert_eq!(out, (0..50).map(|i| i * 2 + 1).collect::<Vec<_>>());
        seen.sort_unstable();
        assert_eq!(seen, (0..50).collect::<Vec<_>>());
    }
}
