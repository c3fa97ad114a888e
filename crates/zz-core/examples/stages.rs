use std::hint::black_box as bb;
use std::time::Instant;
use zz_core::envelope::Envelope;
use zz_core::model::License;
use zz_core::{Bundle, Context, Roots, verify};
use zz_issuer::demo::{self, SampleData};

fn t(label: &str, n: u32, mut f: impl FnMut()) {
    let s = Instant::now();
    for _ in 0..n {
        f();
    }
    println!("{label:30} {:8.2} µs", s.elapsed().as_secs_f64() * 1e6 / n as f64);
}

fn main() {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let SampleData::Cose(cose) = &w.samples.iter().find(|s| s.name == "valid-business-license").unwrap().data else {
        return;
    };
    let ctx = Context { bundle: &bundle, now: w.now as i64, matter: None };
    let n = 20000;
    t("check_profile whole", n, || {
        bb(zz_core::cbor::check_profile(bb(cose)).ok());
    });
    t("decode_input", n, || {
        bb(zz_core::transport::decode_input(bb(cose)).ok());
    });
    t("Envelope::parse", n, || {
        bb(Envelope::parse(bb(cose)).ok());
    });
    let env = Envelope::parse(cose).unwrap();
    t("check_profile payload", n, || {
        bb(zz_core::cbor::check_profile(bb(env.payload())).ok());
    });
    t("payload_item", n, || {
        bb(env.payload_item().ok());
    });
    let v = env.payload_item().unwrap();
    t("License::from_cbor", n, || {
        bb(License::from_cbor(bb(&v)).ok());
    });
    t("to_be_signed", n, || {
        bb(env.to_be_signed());
    });
    let key = bundle.key(&env.kid).unwrap().key.unwrap();
    t("env.verify", n, || {
        bb(env.verify(&key));
    });
    t("full verify", n, || {
        bb(verify(bb(cose), ctx));
    });
}
