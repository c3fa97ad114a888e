//! Every single-bit flip of a valid demo license, and of a valid annotated
//! copy, is rejected: never `valid`, and (but for flips that only break
//! the status confirmation) `invalid`.

use zz_core::{Bundle, Context, Roots, Verdict, verify};
use zz_issuer::demo::{self, SampleData};

fn sample(w: &demo::World, name: &str) -> Vec<u8> {
    match &w.samples.iter().find(|s| s.name == name).unwrap().data {
        SampleData::Cose(c) => c.clone(),
        SampleData::Text(_) => unreachable!(),
    }
}

fn flips_are_rejected(name: &str, matter: Option<&str>) {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let ctx = Context { bundle: &bundle, now: w.now as i64, matter };
    let good = sample(&w, name);
    assert_eq!(verify(&good, ctx).verdict, Verdict::Valid);
    let mut bad = Vec::new();
    for i in 0..good.len() * 8 {
        let mut b = good.clone();
        b[i / 8] ^= 1 << (i % 8);
        let v = verify(&b, ctx).verdict;
        if v != Verdict::Invalid {
            bad.push(format!("bit {i}: {v:?}"));
        }
    }
    assert!(bad.is_empty(), "{name}: {} flips not rejected: {:?}", bad.len(), &bad[..bad.len().min(10)]);
}

#[test]
fn every_bit_flip_of_a_license_is_rejected() {
    flips_are_rejected("valid-business-license", None);
}

#[test]
fn every_bit_flip_of_an_annotated_copy_is_rejected() {
    flips_are_rejected("annotated-valid", Some("310000-DJ-0201"));
}
