//! SM2 verification as `openssl speed sm2` measures it (a 20-byte message,
//! the key read and Z computed each time, DER signature), SM3, and the full
//! verification of the demo's sealed one-page OFD e-license (scripts/bench.sh
//! prints the ratios next to OpenSSL).

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use zz_core::{Bundle, Roots};
use zz_issuer::demo;
use zz_issuer::ofd::Sm2Key;

fn benches(c: &mut Criterion) {
    let key = Sm2Key::derive("zz bench (public seed)", "k");
    let public = key.public();
    let msg = [7u8; 20];
    let sig = key.sign(&msg);
    assert!(zz_ofd::sm::verify(&public, &msg, &sig).is_ok());
    c.bench_function("sm2 verify, 20-byte message (key, Z, DER each time)", |b| {
        b.iter(|| zz_ofd::sm::verify(black_box(&public), black_box(&msg), black_box(&sig)))
    });
    let data = vec![0x5au8; 40 << 10];
    c.bench_function("sm3 of 40 KiB", |b| b.iter(|| zz_ofd::sm::sm3(black_box(&data))));

    let w = demo::world(demo::DEFAULT_NOW);
    let o = demo::ofd::ofd_world(&w);
    let file = &o.samples.iter().find(|s| s.name == "ofd-valid-business-license").unwrap().data;
    let roots = zz_ofd::cert::parse_pem(&o.roots_pem).unwrap();
    let bundle = Bundle::load(&w.bundle, &Roots::parse(&w.roots_txt).unwrap(), None).unwrap();
    let opts = zz_ofd::Options { roots: &roots, now: w.now, zz1: Some(zz_core::Context::new(&bundle, w.now)) };
    assert_eq!(zz_ofd::verify(file, &opts).verdict, zz_core::Verdict::Valid);
    let name = format!("verify the sealed OFD e-license ({} KB, 6 SM2 verifications)", file.len() / 1024);
    c.bench_function(&name, |b| b.iter(|| zz_ofd::verify(black_box(file), &opts)));
}

criterion_group!(ofd, benches);
criterion_main!(ofd);
