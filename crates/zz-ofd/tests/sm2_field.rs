//! The patched SM2 field of `vendor/sm2` (wasm32 only there): its radix-2^28
//! Montgomery multiplication and squaring must equal fiat-crypto's, which
//! they replace. Both are compiled here natively, from the vendored files,
//! and compared on edge values and two hundred thousand random ones.

#![allow(clippy::all, clippy::pedantic, unused, non_camel_case_types)]

#[path = "../../../vendor/sm2/src/arithmetic/field/r28.rs"]
mod r28;

#[path = "../../../vendor/sm2/src/arithmetic/field/sm2_32.rs"]
mod fiat32;

/// p, little-endian 32-bit words.
const P: [u32; 8] = [0xffff_ffff, 0xffff_ffff, 0, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_fffe];

fn below_p(a: &[u32; 8]) -> bool {
    for k in (0..8).rev() {
        if a[k] != P[k] {
            return a[k] < P[k];
        }
    }
    false
}

/// xorshift64: a fixed, public sequence.
fn next(s: &mut u64) -> u32 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    (*s >> 16) as u32
}

/// A value below p, its words often 0 or all ones (where carries run).
fn element(s: &mut u64) -> [u32; 8] {
    loop {
        let mut x = [0u32; 8];
        for w in &mut x {
            *w = match next(s) % 8 {
                0 => 0,
                1 => u32::MAX,
                2 => 1 << (next(s) % 32),
                _ => next(s),
            };
        }
        if below_p(&x) {
            return x;
        }
    }
}

#[test]
fn radix_28_equals_fiat_on_edge_values() {
    let mut p_minus = |d: u32| {
        let mut x = P;
        x[0] -= d;
        x
    };
    let edge = [
        [0u32; 8],
        [1, 0, 0, 0, 0, 0, 0, 0],
        [2, 0, 0, 0, 0, 0, 0, 0],
        p_minus(1),
        p_minus(2),
        [u32::MAX, u32::MAX, 0, u32::MAX, u32::MAX, u32::MAX, u32::MAX, 0xffff_fffd],
        [0, 0, 0, 0, 0, 0, 0, 0x8000_0000],
        [u32::MAX, u32::MAX, u32::MAX, u32::MAX, u32::MAX, u32::MAX, u32::MAX, 0x7fff_ffff],
        // One in Montgomery form (2^256 mod p), and an arbitrary value.
        fiat32::fiat_sm2_set_one(),
        [3, 0, 2, 0xffff_ffff, 1, 1, 2, 4],
    ];
    for a in edge {
        assert!(below_p(&a));
        for b in edge {
            assert_eq!(r28::mul(&a, &b), fiat32::fiat_sm2_mul_fiat(&a, &b), "{a:x?} × {b:x?}");
        }
        assert_eq!(r28::square(&a), fiat32::fiat_sm2_square_fiat(&a), "{a:x?}²");
    }
}

#[test]
fn radix_28_equals_fiat_on_random_values() {
    let mut s = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..200_000 {
        let (a, b) = (element(&mut s), element(&mut s));
        assert_eq!(r28::mul(&a, &b), fiat32::fiat_sm2_mul_fiat(&a, &b), "{a:x?} × {b:x?}");
        assert_eq!(r28::square(&a), fiat32::fiat_sm2_square_fiat(&a), "{a:x?}²");
    }
}
