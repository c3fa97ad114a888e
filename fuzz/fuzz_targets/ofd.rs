//! OFD files: reading the package, its XML and seal signatures, and
//! verifying. Beyond "no panic", an oracle: with no SM2 root pinned no
//! signer is trusted, so no input may come out `valid`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zz_core::{UnixTime, Verdict};

fuzz_target!(|data: &[u8]| {
    let opts = zz_ofd::Options { roots: &[], now: UnixTime::from_secs(1_795_311_000), zz1: None };
    let report = zz_ofd::verify(data, &opts);
    assert_ne!(report.verdict, Verdict::Valid, "valid with no root pinned");
});
