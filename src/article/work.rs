//! A tally of the reader's work, counted where it happens: bytes of text
//! scanned or copied, and items visited (JSON values, tags, blocks, runs,
//! look-ups). The same document gives the same tally on every machine,
//! whatever its speed or load, so the growth test (`tests/growth.rs`) asserts
//! linear growth on it rather than on a clock; the benchmark
//! (`examples/growth.rs`) prints the times.
//!
//! Counted in builds with debug assertions (`cargo test`) only: in a release
//! build every call below is empty and the module costs no byte of the wasm.

/// What reading a document took.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Bytes of text scanned or copied.
    pub bytes: u64,
    /// Items visited.
    pub items: u64,
}

#[cfg(debug_assertions)]
thread_local! {
    static TALLY: std::cell::Cell<Work> = const { std::cell::Cell::new(Work { bytes: 0, items: 0 }) };
}

/// Counts `n` bytes of text scanned or copied.
#[inline(always)]
pub(crate) fn bytes(n: usize) {
    #[cfg(debug_assertions)]
    TALLY.with(|tally| {
        let mut work = tally.get();
        work.bytes += n as u64;
        tally.set(work);
    });
    #[cfg(not(debug_assertions))]
    let _ = n;
}

/// Counts `n` items visited.
#[inline(always)]
pub(crate) fn items(n: usize) {
    #[cfg(debug_assertions)]
    TALLY.with(|tally| {
        let mut work = tally.get();
        work.items += n as u64;
        tally.set(work);
    });
    #[cfg(not(debug_assertions))]
    let _ = n;
}

/// Runs `f` and returns its result with the work it took on this thread (all
/// zero in a release build).
pub fn counted<T>(f: impl FnOnce() -> T) -> (T, Work) {
    #[cfg(debug_assertions)]
    {
        let before = TALLY.with(std::cell::Cell::get);
        let result = f();
        let after = TALLY.with(std::cell::Cell::get);
        (
            result,
            Work {
                bytes: after.bytes - before.bytes,
                items: after.items - before.items,
            },
        )
    }
    #[cfg(not(debug_assertions))]
    (f(), Work::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_is_done_inside_only() {
        bytes(5);
        let ((), work) = counted(|| {
            bytes(3);
            items(2);
            bytes(4);
        });
        assert_eq!(work, Work { bytes: 7, items: 2 });
    }
}
