//! Decode + verify of arbitrary input against the demo world's bundle,
//! with and without a matter: must never panic, hang or blow up memory,
//! and never call anything valid but a signed sample of the demo world
//! (compared as decoded COSE bytes: a text form may be compressed anew).
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zz_core::{Bundle, Context, Roots, Usage, verify};

/// The COSE bytes of every demo sample: the only things that may verify.
fn signed() -> &'static HashSet<Vec<u8>> {
    static S: OnceLock<HashSet<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| {
        zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW)
            .samples
            .into_iter()
            .filter_map(|s| match s.data {
                zz_issuer::demo::SampleData::Cose(c) => Some(c),
                zz_issuer::demo::SampleData::Text(_) => None,
            })
            .collect()
    })
}

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
    let now = zz_issuer::demo::DEFAULT_NOW;
    let r = verify(data, Context::new(bundle, now));
    // The report is always complete and consistent.
    assert_eq!(r.checks.len(), zz_core::CheckId::ALL.len());
    assert_eq!(r.verified, r.verdict != zz_core::Verdict::Invalid);
    // With every optional input of SPEC section 10 (a demo matter, any
    // organisation and applicant codes).
    let usage = Usage {
        matter: Some("310000-DJ-0201"),
        org: Some("11310000002417500X"),
        applicant: Some("310104199007020176"),
        nonce: Some(&zz_issuer::demo::live::NONCE),
    };
    let r2 = verify(data, Context::new(bundle, now).with(usage));
    if r.verdict == zz_core::Verdict::Valid || r2.verdict == zz_core::Verdict::Valid {
        let cose = zz_core::transport::decode_input(data).expect("a valid input decodes").cose;
        assert!(signed().contains(cose.as_ref()), "valid, yet not a signed sample: a forgery");
    }
});
