//! Peak heap while refusing hostile bundles: at most twice the bundle's
//! size, whatever the input (a 64 MiB bundle once cost 2.1 GB before any
//! signature was checked, and a nested one trapped the wasm module).
//! One test in this binary: the allocator counts every thread.

mod common;
#[path = "support/counting.rs"]
mod counting;

use common::*;
use counting::peak_of;
use zz_core::{Bundle, Typ};

const MIB: usize = 1024 * 1024;

/// A CBOR head (major type, argument) in its 9-byte form.
fn head(major: u8, n: u64) -> Vec<u8> {
    let mut h = vec![major << 5 | 27];
    h.extend(n.to_be_bytes());
    h
}

fn bstr(content: &[u8]) -> Vec<u8> {
    let mut out = head(2, content.len() as u64);
    out.extend(content);
    out
}

/// A bundle holding one item.
fn one_item(item: &[u8]) -> Vec<u8> {
    let mut out = head(4, 1);
    out.extend(bstr(item));
    out
}

/// A COSE_Sign1 whose unprotected header is `unprotected` (raw CBOR).
fn envelope_with_unprotected(unprotected: &[u8]) -> Vec<u8> {
    let mut out = vec![0xd2, 0x84];
    out.extend(bstr(b""));
    out.extend(unprotected);
    out.extend(bstr(b""));
    out.extend(bstr(&[0; 64]));
    out
}

fn many_small_ints(n: usize) -> Vec<u8> {
    let mut out = head(4, n as u64);
    out.resize(out.len() + n, 0);
    out
}

#[test]
fn hostile_bundles_are_refused_within_twice_their_size() {
    let w = world();
    let n = 8 * MIB;
    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    // 8 Mi small integers at the top.
    cases.push(("top-level array of integers", many_small_ints(n)));
    // 16 levels, each claiming 2^40 items, then cut short.
    let mut nested = Vec::new();
    for _ in 0..16 {
        nested.extend(head(4, 1 << 40));
    }
    nested.resize(n, 0);
    cases.push(("nested length claims", nested.clone()));
    cases.push(("nested length claims inside an item", one_item(&nested)));
    // One item whose unprotected header is a map of 4 Mi entries.
    let mut map = head(5, (n / 2) as u64);
    for i in 0..n / 2 {
        map.extend([(i % 24) as u8, 0x00]);
    }
    cases.push(("a huge unprotected map", one_item(&envelope_with_unprotected(&map))));
    // …or an array of 8 Mi integers, and nested claims there.
    cases.push(("a huge unprotected array", one_item(&envelope_with_unprotected(&many_small_ints(n)))));
    cases.push(("nested claims in an envelope", one_item(&envelope_with_unprotected(&nested))));
    // A trust list with a payload of 8 Mi integers, signed by a key that
    // is not a root: refused before its payload is decoded.
    let payload = many_small_ints(n);
    let forged = zz_core::envelope::sign(Typ::Trust, payload.clone(), w.issuer.kid(), |_| [0u8; 64]);
    cases.push(("an unsigned trust list of 8 Mi items", one_item(&forged)));
    // The same as a status list signed by nobody.
    let (trust, catalog) = setup().signed();
    let list = zz_core::envelope::sign(Typ::Status, payload, w.status_key.kid(), |_| [0u8; 64]);
    cases.push(("a forged status list of 8 Mi items", zz_issuer::bundle([&trust, &catalog, &list].map(Vec::as_slice))));
    // 100,000 tiny items.
    let mut items = head(4, 100_000);
    for _ in 0..100_000 {
        items.extend(bstr(b"\xd2\x84"));
    }
    cases.push(("too many items", items));
    // An item that is well-formed except for a protected header of 8 MiB.
    let mut big_protected = vec![0xd2, 0x84];
    big_protected.extend(bstr(&many_small_ints(n)));
    big_protected.extend([0xa0]);
    big_protected.extend(bstr(b""));
    big_protected.extend(bstr(&[0; 64]));
    cases.push(("a huge protected header", one_item(&big_protected)));

    for (what, bytes) in &cases {
        let (result, peak) = peak_of(|| Bundle::load(bytes, &w.roots, None).map(drop));
        assert!(result.is_err(), "{what}: accepted");
        assert!(peak <= 2 * bytes.len(), "{what}: peak {peak} bytes for {} bytes", bytes.len());
        // Far less in fact: nothing is built before a signature verifies;
        // checking one copies its signed bytes (the Sig_structure) once.
        assert!(
            peak < MIB || (what.contains("forged") || what.contains("unsigned")) && peak < bytes.len() + MIB,
            "{what}: peak {peak} bytes"
        );
    }

    // The tree parser (licenses: at most 64 KiB) reserves little ahead:
    // 16 levels once reserved up to the input's size each (48 MB here);
    // now the 64 Ki items that are there cost what they cost.
    let license_sized = &nested[..64 * 1024];
    let (result, peak) = peak_of(|| zz_core::cbor::parse(license_sized).map(drop));
    assert!(result.is_err());
    assert!(peak < 4 * MIB, "tree parser: peak {peak} bytes for nested claims");
    // And a good bundle still loads afterwards, as it did before.
    assert!(Bundle::load(&w.bundle_bytes, &w.roots, None).is_ok());
}
