//! Loading arbitrary bytes as a bundle: refused or loaded, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zz_core::{Bundle, Roots};

fn roots() -> &'static Roots {
    static R: OnceLock<Roots> = OnceLock::new();
    R.get_or_init(|| Roots::parse(&zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW).roots_txt).expect("demo roots"))
}

fuzz_target!(|data: &[u8]| {
    let _ = Bundle::load(data, roots(), None);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Roots::parse(text);
    }
});
