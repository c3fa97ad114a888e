//! Loading arbitrary bytes as a bundle: refused or loaded, never a panic;
//! and loaded only when every item is one the demo world signed.
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zz_core::{Bundle, Roots};

/// Every item of the demo world's bundles: the only ones that may load.
fn signed_items() -> &'static HashSet<Vec<u8>> {
    static S: OnceLock<HashSet<Vec<u8>>> = OnceLock::new();
    S.get_or_init(|| {
        let w = zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW);
        [w.bundle, w.bundle_outdated, w.bundle_next]
            .iter()
            .flat_map(|b| zz_core::cbor::byte_string_array(b, 4096).expect("demo bundle").into_iter().map(<[u8]>::to_vec))
            .collect()
    })
}

fn roots() -> &'static Roots {
    static R: OnceLock<Roots> = OnceLock::new();
    R.get_or_init(|| Roots::parse(&zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW).roots_txt).expect("demo roots"))
}

fuzz_target!(|data: &[u8]| {
    if Bundle::load(data, roots(), None).is_ok() {
        let items = zz_core::cbor::byte_string_array(data, 4096).expect("a loaded bundle is an array of items");
        assert!(items.iter().all(|i| signed_items().contains(*i)), "loaded an item the demo world never signed");
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Roots::parse(text);
    }
});
