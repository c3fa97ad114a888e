//! Decode + verify of arbitrary input against the demo world's bundle,
//! with and without a matter: must never panic, hang or blow up memory.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zz_core::{Bundle, Context, Roots, verify};

fn bundle() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        let w = zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW);
        let roots = Roots::parse(&w.roots_txt).expect("demo roots");
        Bundle::load(&w.bundle, &roots, None).expect("demo bundle")
    })
}

fuzz_target!(|data: &[u8]| {
    let bundle = bundle();
    let now = zz_issuer::demo::DEFAULT_NOW as i64;
    let r = verify(data, Context { bundle, now, matter: None });
    // The report is always complete and consistent.
    assert_eq!(r.checks.len(), zz_core::CheckId::ALL.len());
    assert_eq!(r.verified, r.verdict != zz_core::Verdict::Invalid);
    let _ = verify(data, Context { bundle, now, matter: Some("310000-DJ-0201") });
});
