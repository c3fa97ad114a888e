//! Interleaved timing of a full verification against a bare `verify_strict`
//! of one signature over a message of the same size. On a shared machine
//! whose speed drifts, alternating small batches and comparing the fastest
//! batches (and the median of paired ratios) is steadier than timing each
//! side for seconds apart.
//! `cargo run --release -p zz-core --example ratio`
use std::hint::black_box;
use std::time::Instant;

use ed25519_dalek::{Signer, SigningKey};
use zz_core::{Bundle, Context, Envelope, Roots, Usage, verify};
use zz_issuer::demo::{self, SampleData};

fn main() {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let key = SigningKey::from_bytes(&[7; 32]);
    let vk = key.verifying_key();
    for (name, matter) in [("valid-business-license", None), ("annotated-valid", Some("310000-DJ-0201"))] {
        let SampleData::Cose(cose) = &w.samples.iter().find(|s| s.name == name).unwrap().data else { return };
        let ctx = Context::new(&bundle, w.now).with(Usage::matter(matter));
        let msg = vec![0x5a; Envelope::parse(cose).unwrap().to_be_signed().len()];
        let sig = key.sign(&msg);
        let (batch, rounds) = (10, 2000);
        let mut bare_t = Vec::with_capacity(rounds);
        let mut full_t = Vec::with_capacity(rounds);
        let time = |f: &mut dyn FnMut()| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_secs_f64() / f64::from(batch)
        };
        let mut bare = || {
            black_box(vk.verify_strict(black_box(&msg), black_box(&sig)).is_ok());
        };
        let mut full = || {
            black_box(verify(black_box(cose), ctx).verdict);
        };
        for round in 0..rounds {
            // Alternate which goes first, so drift hits both alike.
            if round % 2 == 0 {
                bare_t.push(time(&mut bare));
                full_t.push(time(&mut full));
            } else {
                full_t.push(time(&mut full));
                bare_t.push(time(&mut bare));
            }
        }
        let mut ratios: Vec<f64> = full_t.iter().zip(&bare_t).map(|(f, b)| f / b).collect();
        ratios.sort_by(f64::total_cmp);
        let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        println!(
            "{name}: fastest batch: bare verify_strict {:.1} µs, full verify {:.1} µs, ratio {:.3}; median of paired ratios {:.3}",
            min(&bare_t) * 1e6,
            min(&full_t) * 1e6,
            min(&full_t) / min(&bare_t),
            ratios[ratios.len() / 2]
        );
    }
}
