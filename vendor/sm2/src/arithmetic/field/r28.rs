//! Montgomery arithmetic modulo SM2's p with ten 28-bit limbs inside.

const M: u64 = (1 << 28) - 1;
/// p = 2^256 - 2^224 - 2^96 + 2^64 - 1, little-endian 32-bit words.
const P: [u32; 8] = [0xffff_ffff, 0xffff_ffff, 0, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_fffe];

/// Eight 32-bit words as ten 28-bit limbs.
#[inline(always)]
const fn limbs(a: &[u32; 8]) -> [u64; 10] {
    let w = [a[0] as u64, a[1] as u64, a[2] as u64, a[3] as u64, a[4] as u64, a[5] as u64, a[6] as u64, a[7] as u64];
    [
        w[0] & M,
        (w[0] >> 28 | w[1] << 4) & M,
        (w[1] >> 24 | w[2] << 8) & M,
        (w[2] >> 20 | w[3] << 12) & M,
        (w[3] >> 16 | w[4] << 16) & M,
        (w[4] >> 12 | w[5] << 20) & M,
        (w[5] >> 8 | w[6] << 24) & M,
        w[6] >> 4,
        w[7] & M,
        w[7] >> 28,
    ]
}

/// a·b/2^256 mod p for a, b < p (Montgomery multiplication, R = 2^256).
#[inline]
pub const fn mul(a: &[u32; 8], b: &[u32; 8]) -> [u32; 8] {
    let (x, y) = (limbs(a), limbs(b));
    let mut c = [0u64; 19];
    let mut i = 0;
    while i < 10 {
        let mut j = 0;
        while j < 10 {
            c[i + j] += x[i] * y[j];
            j += 1;
        }
        i += 1;
    }
    redc(c)
}

/// a²/2^256 mod p for a < p.
#[inline]
pub const fn square(a: &[u32; 8]) -> [u32; 8] {
    let x = limbs(a);
    let mut c = [0u64; 19];
    let mut i = 0;
    while i < 10 {
        c[2 * i] += x[i] * x[i];
        let d = x[i] << 1;
        let mut j = i + 1;
        while j < 10 {
            c[i + j] += d * x[j];
            j += 1;
        }
        i += 1;
    }
    redc(c)
}

/// Montgomery reduction of Σ c[k]·2^(28k) (each c[k] < 2^61) by 2^256:
/// p ≡ -1 (mod 2^28), so each step's multiple of p is the column's low
/// limb, added with shifts (p = 2^4·B^9 - B^8 - 2^12·B^3 + 2^8·B^2 - 1,
/// B = 2^28); nine steps of 28 bits and one of 4.
#[inline(always)]
const fn redc(c: [u64; 19]) -> [u32; 8] {
    let mut t = [0i64; 20];
    let mut k = 0;
    while k < 19 {
        t[k] = c[k] as i64;
        k += 1;
    }
    let mut i = 0;
    while i < 9 {
        let v = t[i];
        let q = v & M as i64;
        t[i + 1] += (v - q) >> 28;
        t[i + 2] += q << 8;
        t[i + 3] -= q << 12;
        t[i + 8] -= q;
        t[i + 9] += q << 4;
        i += 1;
    }
    // The last 4 bits, at column 9.
    let v = t[9];
    let q = v & 0xf;
    t[9] = v - q;
    t[11] += q << 8;
    t[12] -= q << 12;
    t[17] -= q;
    t[18] += q << 4;
    // Columns 9.. as 28-bit limbs (a signed carry), then shifted right by 4
    // into 32-bit words.
    let mut r = [0u32; 8];
    let mut carry: i64 = 0;
    let mut acc: u64 = 0;
    let mut bits = 0;
    let mut n = 0;
    let mut k = 9;
    while k < 20 {
        let v = t[k] + carry;
        let limb = (v as u64) & M;
        carry = v >> 28;
        if k == 9 {
            acc = limb >> 4;
            bits = 24;
        } else {
            acc |= limb << bits;
            bits += 28;
        }
        while bits >= 32 && n < 8 {
            r[n] = acc as u32;
            acc >>= 32;
            bits -= 32;
            n += 1;
        }
        k += 1;
    }
    // What is left above 2^256 (the value is below 2p: 0 or 1).
    let top = acc as u32 & 1;
    let mut s = [0u32; 8];
    let mut borrow: i64 = 0;
    let mut k = 0;
    while k < 8 {
        let v = r[k] as i64 - P[k] as i64 + borrow;
        s[k] = v as u32;
        borrow = v >> 32;
        k += 1;
    }
    let mask = 0u32.wrapping_sub(top | (borrow + 1) as u32 & 1);
    let mut out = [0u32; 8];
    let mut k = 0;
    while k < 8 {
        out[k] = (s[k] & mask) | (r[k] & !mask);
        k += 1;
    }
    out
}
