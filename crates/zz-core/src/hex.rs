//! Hex, as key ids, keys and digests are written in reports, messages and
//! roots files.

/// Lowercase hex of bytes (key ids in reports and messages).
pub fn hex(bytes: &[u8]) -> String {
    let digit = |n: u8| char::from_digit(u32::from(n), 16).unwrap_or('0');
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(digit(b >> 4));
        s.push(digit(b & 15));
    }
    s
}

/// 32 bytes from exactly 64 hex digits (either case); `None` otherwise.
pub fn parse_hex32(s: &str) -> Option<[u8; 32]> {
    parse_hex(s)?.try_into().ok()
}

/// Bytes from hex digits (either case, an even number of them); `None`
/// otherwise (`u8::from_str_radix` alone would also take a sign: `+f`).
pub fn parse_hex(s: &str) -> Option<Vec<u8>> {
    let digits = s.as_bytes();
    if !digits.len().is_multiple_of(2) || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    digits.chunks_exact(2).map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()).collect()
}
