//! Peak heap memory and time of loading a bundle whose status list has
//! 10^7 entries (about 1% not valid), and of a lookup in it:
//! `cargo run --release -p zz-core --example status_memory`.
use std::time::Instant;

use zz_core::model::StatusValue;
use zz_core::{Bundle, Roots};
use zz_issuer::demo;

#[path = "../tests/support/counting.rs"]
mod counting;

fn main() {
    let (bytes, roots_txt) = demo::big_status_bundle(10_000_000);
    let roots = Roots::parse(&roots_txt).unwrap();
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..20 {
        let t = Instant::now();
        let (b, p) = counting::peak_of(|| Bundle::load(&bytes, &roots, None).unwrap());
        times.push(t.elapsed().as_secs_f64() * 1e3);
        peak = p;
        std::hint::black_box(&b);
    }
    times.sort_by(f64::total_cmp);
    let b = Bundle::load(&bytes, &roots, None).unwrap();
    let l = b.status_list("big").unwrap();
    let t = Instant::now();
    let mut revoked = 0u64;
    for i in 0..10_000_000u64 {
        revoked += u64::from(l.get(i) != Some(StatusValue::Valid));
    }
    let per = t.elapsed().as_secs_f64() * 1e9 / 1e7;
    println!(
        "status list of {} entries in a {} KB bundle: load median {:.1} ms, peak heap during load {:.2} MB, lookup {:.1} ns ({} not valid)",
        l.len(),
        bytes.len() / 1024,
        times[times.len() / 2],
        peak as f64 / 1e6,
        per,
        revoked
    );
}
