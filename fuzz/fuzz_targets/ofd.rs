//! OFD files: reading the package, its XML and seal signatures, verifying,
//! and drawing the first page. Beyond "no panic", oracles: with no SM2
//! root pinned no signer is trusted, so no input may come out `valid`; and
//! an invalid file is never drawn.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zz_core::{UnixTime, Verdict};

fuzz_target!(|data: &[u8]| {
    let opts = zz_ofd::Options { roots: &[], now: UnixTime::from_secs(1_795_311_000), zz1: None };
    let report = zz_ofd::verify(data, &opts);
    assert_ne!(report.verdict, Verdict::Valid, "valid with no root pinned");
    let page = zz_ofd::render::render(data, &report, 0);
    if report.verdict == Verdict::Invalid {
        assert_eq!(page.err(), Some(zz_ofd::render::RenderError::Invalid), "an invalid file drawn");
    }
});
