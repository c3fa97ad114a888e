//! Counts heap allocations of one verification (a cost beside the crypto).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use zz_core::{Bundle, Context, Roots, verify};
use zz_issuer::demo::{self, SampleData};

struct Counting;
static COUNT: AtomicUsize = AtomicUsize::new(0);
// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        COUNT.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
}
#[global_allocator]
static A: Counting = Counting;

fn main() {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    for name in ["valid-business-license", "annotated-valid"] {
        let SampleData::Cose(cose) = &w.samples.iter().find(|s| s.name == name).unwrap().data else { return };
        let ctx = Context::new(&bundle, w.now);
        let before = COUNT.load(Relaxed);
        let r = verify(cose, ctx);
        println!("{name}: {} allocations ({:?})", COUNT.load(Relaxed) - before, r.verdict);
    }
}
