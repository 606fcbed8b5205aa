//! Every document up to the size cap is read in time linear in its size,
//! asserted on a count of the work done, never on a clock: for each shape in
//! tests/shapes, 10× the input may take at most about 10× the work (10 KB →
//! 100 KB, 100 KB → 1 MB and 200 KB → 2 MB). The work is counted where it
//! happens (the core's tally, `article::work`: bytes scanned or copied, items
//! visited) and at the allocator (allocations and bytes allocated, which catch
//! repeated copies): the same document gives the same counts on any machine,
//! however fast or busy. Work that grows with the square of the input takes
//! 100× for 10×. The times are the benchmark's: `cargo run --profile measure
//! --example growth`.
//!
//! Counted in builds with debug assertions (plain `cargo test`).
#![cfg(all(not(target_arch = "wasm32"), debug_assertions))]

mod shapes;

use std::{
    alloc::{GlobalAlloc, Layout, System},
    cell::Cell,
};

use article_widget::article::{
    read_article,
    work::{counted, Work},
    MAX_DOCUMENT_BYTES,
};

const BASE: &str = "https://n.example/article.json";

/// Allowed growth of a count per byte from the smaller document to the one 10×
/// its size: linear work stays at 1× (less where a bound cuts the reading
/// short); the margin is for sizes that are not exactly 10× apart. Work that
/// grows with the square of the input shows 10×.
const ALLOWED: f64 = 1.25;

/// The same for bytes allocated: a vector that doubles its capacity as it grows
/// allocates between one and two times what it ends up holding, depending on
/// where its length falls between two powers of two, and serde caps the
/// capacity it reserves ahead (at 1 MiB), so a larger document may allocate up
/// to twice as much per byte, linearly.
const ALLOWED_ALLOCATED: f64 = 2.0;

/// The system allocator, counting this thread's allocations and bytes.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

fn allocated(bytes: usize) {
    // `try_with`: the thread's own teardown may allocate after its locals are gone.
    let _ = ALLOCATED.try_with(|tally| {
        let (count, total) = tally.get();
        tally.set((count + 1, total + bytes as u64));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        allocated(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A move to a larger block copies what it had.
        allocated(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The counts of reading one document.
#[derive(Clone, Copy)]
struct Counts {
    work: Work,
    allocations: u64,
    allocated: u64,
}

impl Counts {
    fn of(document: &[u8]) -> Counts {
        let before = ALLOCATED.with(Cell::get);
        let (read, work) = counted(|| read_article(document, BASE));
        drop(read);
        let after = ALLOCATED.with(Cell::get);
        Counts {
            work,
            allocations: after.0 - before.0,
            allocated: after.1 - before.1,
        }
    }

    /// Each count, named, per byte of `document`, with its allowed growth.
    fn per_byte(&self, document: &[u8]) -> [(&'static str, f64, f64); 4] {
        let per = |n: u64| n as f64 / document.len() as f64;
        [
            ("bytes scanned or copied", per(self.work.bytes), ALLOWED),
            ("items visited", per(self.work.items), ALLOWED),
            ("allocations", per(self.allocations), ALLOWED),
            ("bytes allocated", per(self.allocated), ALLOWED_ALLOCATED),
        ]
    }
}

/// The counts that grew per byte by more than allowed from `small` to `large`.
fn growth(small: &[u8], large: &[u8]) -> Vec<String> {
    let (counts_small, counts_large) = (Counts::of(small), Counts::of(large));
    counts_small
        .per_byte(small)
        .into_iter()
        .zip(counts_large.per_byte(large))
        .filter(|((_, s, allowed), (_, l, _))| *l > allowed * s.max(f64::MIN_POSITIVE))
        .map(|((name, s, _), (_, l, _))| {
            format!(
                "{name}: {s:.3} per byte at {} B, {l:.3} at {} B ({:.1}×)",
                small.len(),
                large.len(),
                l / s
            )
        })
        .collect()
}

/// The steps of 10× at which `build`'s documents take more work per byte than allowed.
fn superlinear(name: &str, build: fn(usize) -> Vec<u8>) -> Vec<String> {
    let mut failures = Vec::new();
    for (small, large) in [
        (10_000, 100_000),
        (100_000, 1_000_000),
        (200_000, 2_000_000),
    ] {
        let (small, large) = (
            shapes::document(build, small),
            shapes::document(build, large),
        );
        assert!(
            large.len() <= MAX_DOCUMENT_BYTES,
            "{name}: {} bytes",
            large.len()
        );
        failures.extend(
            growth(&small, &large)
                .into_iter()
                .map(|failure| format!("{name}: {failure}")),
        );
    }
    failures
}

#[test]
fn every_shape_reads_in_linear_work() {
    let failures: Vec<String> = shapes::SHAPES
        .iter()
        .flat_map(|(name, build)| superlinear(name, *build))
        .collect();
    assert!(failures.is_empty(), "not linear:\n{}", failures.join("\n"));
}

#[test]
fn the_counts_are_the_same_every_time() {
    let document = shapes::document(shapes::SHAPES[0].1, 100_000);
    let (first, second) = (Counts::of(&document), Counts::of(&document));
    assert_eq!(first.work, second.work);
    assert_eq!(
        (first.allocations, first.allocated),
        (second.allocations, second.allocated)
    );
    assert!(
        first.work.bytes >= document.len() as u64,
        "the parse is counted"
    );
}
