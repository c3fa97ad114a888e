//! Every single-bit flip of a valid demo license, and of a valid annotated
//! copy, is rejected: never `valid`, and (but for flips that only break
//! the status confirmation) `invalid`.

use zz_core::{Bundle, Context, Roots, Usage, Verdict, verify};
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
    let ctx = Context::new(&bundle, w.now).with(Usage::matter(matter));
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

/// Every sample of the demo world, in binary and as `ZZ1:` text: a flip
/// of any bit is `valid` only when what it decodes to is, byte for byte,
/// the COSE of a valid sample, and every other flip of a valid sample is
/// `invalid`. (Two such cases exist: `invalid-bad-signature` is one bit
/// away from a valid license, and the padding bits after deflate's last
/// block carry no data, so a text form has a few spellings of the same
/// signed bytes.) Two threads; a few seconds with optimised deps.
#[test]
fn every_bit_flip_of_every_sample_in_both_forms_is_never_valid() {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let outdated = Bundle::load(&w.bundle_outdated, &roots, None).unwrap();
    let samples: Vec<_> = w
        .samples
        .iter()
        .filter_map(|s| match &s.data {
            SampleData::Cose(c) => Some((s, c.clone())),
            SampleData::Text(_) => None,
        })
        .collect();
    assert!(samples.len() >= 40, "{} samples", samples.len());
    let valid: std::collections::HashSet<&[u8]> =
        samples.iter().filter(|(s, _)| s.expect == "valid").map(|(_, c)| c.as_slice()).collect();
    let check = |part: &[(&demo::Sample, Vec<u8>)]| -> Vec<String> {
        let mut problems = Vec::new();
        for (s, cose) in part {
            let ctx = Context::new(if s.bundle.is_some() { &outdated } else { &bundle }, s.now.unwrap_or(w.now))
                .with(s.usage());
            assert_eq!(verify(cose, ctx).verdict.as_str(), s.expect, "{}", s.name);
            let text = zz_issuer::zz1_text(cose).into_bytes();
            for (form, good) in [("binary", cose), ("text", &text)] {
                for i in 0..good.len() * 8 {
                    let mut b = good.clone();
                    b[i / 8] ^= 1 << (i % 8);
                    let v = verify(&b, ctx).verdict;
                    if v == Verdict::Invalid || (v == Verdict::Indeterminate && s.expect != "valid") {
                        continue;
                    }
                    // Rare: what does the flipped input decode to?
                    let decoded = zz_core::transport::decode_input(&b).map(|d| d.cose.into_owned()).ok();
                    let signed = decoded.as_deref().is_some_and(|d| valid.contains(d));
                    let unchanged = decoded.as_deref() == Some(cose.as_slice());
                    let wrong = (v == Verdict::Valid && !signed) || (s.expect == "valid" && !unchanged);
                    if wrong {
                        problems.push(format!("{} ({form}) bit {i}: {v:?}", s.name));
                    }
                }
            }
        }
        problems
    };
    let (a, b) = samples.split_at(samples.len() / 2);
    let problems = std::thread::scope(|scope| {
        let first = scope.spawn(|| check(a));
        let mut all = check(b);
        all.extend(first.join().unwrap());
        all
    });
    assert!(problems.is_empty(), "{} flips not rejected: {:?}", problems.len(), &problems[..problems.len().min(10)]);
}
