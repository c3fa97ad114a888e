//! Criterion benchmarks of the core, each beside what it is compared with:
//!
//! - full verification of a license / an annotated copy vs a bare
//!   `verify_strict` of one signature over a message of the same size
//!   (the license's Sig_structure; the annotated copy's outer one);
//! - loading a bundle with a status list of 10^7 entries, and a lookup;
//! - verifying with five trust authorities loaded (SPEC section 9) vs one:
//!   a home license, and a license of the authority added last.
//!
//! `cargo bench -p zz-core --bench verify`; the ratios are in the README.

use criterion::{BatchSize, Criterion, black_box, criterion_group, criterion_main};
use ed25519_dalek::{Signer, SigningKey};
use zz_core::envelope::Envelope;
use zz_core::{Bundle, Context, Roots, Usage, Verdict, verify};
use zz_issuer::demo::{self, SampleData};

fn sample(w: &demo::World, name: &str) -> Vec<u8> {
    match &w.samples.iter().find(|s| s.name == name).expect("sample").data {
        SampleData::Cose(c) => c.clone(),
        SampleData::Text(_) => unreachable!(),
    }
}

fn bench_verify(c: &mut Criterion) {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let ctx = Context::new(&bundle, w.now);
    let key = SigningKey::from_bytes(&[7; 32]);
    let vk = key.verifying_key();

    for (label, name, matter) in
        [("license", "valid-business-license", None), ("annotated", "annotated-valid", Some("310000-DJ-0201"))]
    {
        let cose = sample(&w, name);
        let ctx = ctx.with(Usage::matter(matter));
        assert_eq!(verify(&cose, ctx).verdict, Verdict::Valid);
        let tbs_len = Envelope::parse(&cose).unwrap().to_be_signed().len();
        let msg = vec![0x5a; tbs_len];
        let sig = key.sign(&msg);
        let mut g = c.benchmark_group(label);
        g.bench_function(format!("bare verify_strict ({tbs_len}-byte message)"), |b| {
            b.iter(|| vk.verify_strict(black_box(&msg), black_box(&sig)).is_ok())
        });
        g.bench_function(format!("zz-core verify ({} bytes)", cose.len()), |b| {
            b.iter(|| verify(black_box(&cose), ctx).verdict)
        });
        let text = zz_core::transport::encode_text(&cose);
        g.bench_function("zz-core verify, ZZ1: text", |b| b.iter(|| verify(black_box(text.as_bytes()), ctx).verdict));
        g.finish();
    }
}

fn bench_status(c: &mut Criterion) {
    let (bytes, roots_txt) = demo::big_status_bundle(10_000_000);
    let roots = Roots::parse(&roots_txt).unwrap();
    let mut g = c.benchmark_group("status list of 10^7 entries");
    g.sample_size(20);
    g.bench_function(format!("load bundle ({} KB)", bytes.len() / 1024), |b| {
        b.iter(|| Bundle::load(black_box(&bytes), &roots, None).unwrap())
    });
    let bundle = Bundle::load(&bytes, &roots, None).unwrap();
    let list = bundle.status_list("big").unwrap();
    let mut i = 0u64;
    g.bench_function("lookup", |b| {
        b.iter_batched(
            || {
                i = (i + 7_919) % 10_000_000;
                i
            },
            |idx| list.get(black_box(idx)),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// A filler authority of the demo's size (`zz_issuer::demo::region::filler`).
fn filler(w: &demo::World, i: u32) -> Bundle {
    let (roots, bytes) = demo::region::filler(w, i);
    Bundle::load(&bytes, &Roots::parse(&roots).unwrap(), None).unwrap()
}

fn bench_authorities(c: &mut Criterion) {
    let w = demo::world(demo::DEFAULT_NOW);
    let zj = demo::region::neighbour(&w);
    let home = Bundle::load(&w.bundle, &Roots::parse(&w.roots_txt).unwrap(), None).unwrap();
    let zj_bundle = Bundle::load(&zj.bundle, &Roots::parse(&zj.roots_txt).unwrap(), None).unwrap();
    let one = zz_core::Authorities::new("上海市", home.clone()).unwrap();
    let mut pair = one.clone();
    pair.put(zj.name, zj_bundle.clone()).unwrap();
    let mut five = one.clone();
    for i in 0..3 {
        five.put(&format!("filler {i}"), filler(&w, i)).unwrap();
    }
    five.put(zj.name, zj_bundle).unwrap();
    assert_eq!(five.len(), 5);
    let home_license = sample(&w, "valid-business-license");
    let SampleData::Cose(zj_license) = &zj.samples[0].data else { unreachable!() };
    let mut g = c.benchmark_group("authorities");
    let single = Context::new(&home, w.now);
    assert_eq!(verify(&home_license, single).verdict, Verdict::Valid);
    g.bench_function("home license, one bundle (Context::new)", |b| {
        b.iter(|| verify(black_box(&home_license), single).verdict)
    });
    for (label, all) in [("1 authority", &one), ("5 authorities", &five)] {
        let ctx = Context::among(all, w.now);
        assert_eq!(verify(&home_license, ctx).verdict, Verdict::Valid);
        g.bench_function(format!("home license, {label}"), |b| {
            b.iter(|| verify(black_box(&home_license), ctx).verdict)
        });
    }
    for (label, all) in [("2 authorities", &pair), ("5 authorities, it last", &five)] {
        let ctx = Context::among(all, w.now);
        assert_eq!(verify(zj_license, ctx).verdict, Verdict::Valid);
        g.bench_function(format!("neighbour's license, {label}"), |b| {
            b.iter(|| verify(black_box(zj_license), ctx).verdict)
        });
    }
    g.finish();
}

/// 亮证 (SPEC section 13): a live presentation against its license alone.
fn bench_presentation(c: &mut Criterion) {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let ctx = Context::new(&bundle, w.now);
    let mut g = c.benchmark_group("presentation");
    for (label, name, verdict) in [
        ("its license alone (a bare bound license)", "live-bare-bound-license", Verdict::Indeterminate),
        ("a presentation, Ed25519 device key", "live-presentation", Verdict::Valid),
        ("a presentation, P-256 device key", "live-presentation-p256", Verdict::Valid),
    ] {
        let bytes = sample(&w, name);
        assert_eq!(verify(&bytes, ctx).verdict, verdict, "{name}");
        g.bench_function(label, |b| b.iter(|| verify(black_box(&bytes), ctx).verdict));
    }
    g.finish();
}

criterion_group!(benches, bench_verify, bench_status, bench_authorities, bench_presentation);
criterion_main!(benches);
