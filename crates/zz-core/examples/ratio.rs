//! Interleaved timing of a full verification against a bare `verify_strict`
//! of one signature over a message of the same size: alternating small
//! batches cancels the drift of a shared machine. Prints the median ratio.
//! `cargo run --release -p zz-core --example ratio`
use std::hint::black_box;
use std::time::Instant;

use ed25519_dalek::{Signer, SigningKey};
use zz_core::{Bundle, Context, Envelope, Roots, verify};
use zz_issuer::demo::{self, SampleData};

fn main() {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let key = SigningKey::from_bytes(&[7; 32]);
    let vk = key.verifying_key();
    for (name, matter) in [("valid-business-license", None), ("annotated-valid", Some("310000-DJ-0201"))] {
        let SampleData::Cose(cose) = &w.samples.iter().find(|s| s.name == name).unwrap().data else { return };
        let ctx = Context { bundle: &bundle, now: w.now as i64, matter };
        let msg = vec![0x5a; Envelope::parse(cose).unwrap().to_be_signed().len()];
        let sig = key.sign(&msg);
        let batch = 50;
        let mut ratios = Vec::new();
        let (mut tb, mut tf) = (0.0, 0.0);
        for _ in 0..200 {
            let t = Instant::now();
            for _ in 0..batch {
                black_box(vk.verify_strict(black_box(&msg), black_box(&sig)).is_ok());
            }
            let bare = t.elapsed().as_secs_f64();
            let t = Instant::now();
            for _ in 0..batch {
                black_box(verify(black_box(cose), ctx).verdict);
            }
            let full = t.elapsed().as_secs_f64();
            ratios.push(full / bare);
            tb += bare;
            tf += full;
        }
        ratios.sort_by(f64::total_cmp);
        let n = (200 * batch) as f64;
        println!(
            "{name}: bare verify_strict {:.1} µs, full verify {:.1} µs, median ratio {:.3}",
            tb / n * 1e6,
            tf / n * 1e6,
            ratios[ratios.len() / 2]
        );
    }
}
