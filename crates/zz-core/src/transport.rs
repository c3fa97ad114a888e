//! Transport forms of SPEC section 3: binary COSE, or `ZZ1:` + Base45 of
//! (usually zlib-compressed) COSE.

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

/// Largest license or annotated copy, after inflating (SPEC section 2).
pub const MAX_OBJECT: usize = 64 * 1024;
/// Largest text accepted before Base45 decoding: Base45 needs 3 characters
/// per 2 bytes, and zlib adds a little to incompressible data.
pub const MAX_TEXT: usize = MAX_OBJECT * 3 / 2 + 1024;
/// The text prefix, exact and case-sensitive.
pub const PREFIX: &str = "ZZ1:";

/// Why presented input yields no CBOR item (the `decode` check).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Text that is not `ZZ1:` text.
    NotZz1Text,
    /// Binary data that is not well-formed CBOR.
    NotCbor,
    /// Whitespace inside the text.
    InnerWhitespace,
    /// A character or group that is not valid Base45.
    Base45,
    /// A zlib stream that does not inflate, or has bytes after its end.
    Zlib,
    /// More than the size limit, compressed or once inflated.
    TooLarge,
    /// Empty input.
    Empty,
}

impl DecodeError {
    pub fn zh(&self) -> &'static str {
        match self {
            DecodeError::NotZz1Text => "不是电子证照：内容既不是 ZZ1: 文本，也不是证照文件",
            DecodeError::NotCbor => "不是电子证照文件：数据不是有效的 CBOR 编码",
            DecodeError::InnerWhitespace => "ZZ1: 文本中间含有换行或制表符",
            DecodeError::Base45 => "ZZ1: 文本已损坏（Base45 编码无效）",
            DecodeError::Zlib => "证照数据已损坏（压缩数据无法解压）",
            DecodeError::TooLarge => "数据过大，超过 64 KiB 的上限",
            DecodeError::Empty => "没有内容",
        }
    }

    pub fn en(&self) -> &'static str {
        match self {
            DecodeError::NotZz1Text => "Not a license: neither ZZ1: text nor a license file",
            DecodeError::NotCbor => "Not a license file: the data is not well-formed CBOR",
            DecodeError::InnerWhitespace => "The ZZ1: text contains a line break or tab inside it",
            DecodeError::Base45 => "The ZZ1: text is damaged (invalid Base45)",
            DecodeError::Zlib => "The license data is damaged (the compressed data does not inflate)",
            DecodeError::TooLarge => "The data is too large (over the 64 KiB limit)",
            DecodeError::Empty => "The input is empty",
        }
    }
}

/// The bytes that should hold a tagged COSE_Sign1 (borrowed from binary
/// input, decoded from text).
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub cose: std::borrow::Cow<'a, [u8]>,
    /// True when the input was `ZZ1:` text.
    pub from_text: bool,
}

fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn trim_ascii_ws(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if !is_ascii_ws(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_ascii_ws(*last) {
            break;
        }
        s = rest;
    }
    s
}

/// Tells the forms apart by content and returns the COSE bytes.
///
/// Input whose trimmed form starts with `ZZ1:` is text. Input starting with
/// a CBOR tag (every COSE_Sign1 of ZZ1 does) is binary. Other input that is
/// valid UTF-8 is text that is not `ZZ1:` text. Anything else is binary:
/// it must be well-formed CBOR; breaking the profile in other ways (an
/// untagged structure, say) is left to the `structure` check.
pub fn decode_input(input: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let trimmed = trim_ascii_ws(input);
    if trimmed.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(body) = trimmed.strip_prefix(PREFIX.as_bytes()) {
        return decode_text_body(body).map(|cose| Decoded { cose: cose.into(), from_text: true });
    }
    let starts_with_tag = input.first().is_some_and(|b| b >> 5 == 6);
    if !starts_with_tag && std::str::from_utf8(input).is_ok() {
        return Err(DecodeError::NotZz1Text);
    }
    // Whether it is well-formed CBOR is for the envelope parser to say.
    Ok(Decoded { cose: input.into(), from_text: false })
}

fn decode_text_body(body: &[u8]) -> Result<Vec<u8>, DecodeError> {
    if body.len() > MAX_TEXT {
        return Err(DecodeError::TooLarge);
    }
    // SPEC section 3 forbids whitespace inside the text, but SPACE is a
    // Base45 character (RFC 9285, value 36) and appears in most encodings,
    // so only tab, CR and LF are refused here. Trimming spaces at the end
    // cannot cut data: the last Base45 character of a group is never SPACE.
    if body.iter().any(|&b| matches!(b, b'\t' | b'\r' | b'\n')) {
        return Err(DecodeError::InnerWhitespace);
    }
    let raw = base45::decode(body).map_err(|_| DecodeError::Base45)?;
    if has_zlib_header(&raw) { inflate_zlib(&raw, MAX_OBJECT) } else { Ok(raw) }
}

/// The code to verify among those read from one image: the first `ZZ1:`
/// text, or else the first code (which then fails `decode` with a reason).
pub fn pick_code(codes: &[String]) -> Option<&str> {
    codes.iter().find(|c| c.starts_with(PREFIX)).or(codes.first()).map(String::as_str)
}

/// RFC 1950 header: compression method 8 and a valid FCHECK.
pub fn has_zlib_header(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// Inflates a complete zlib stream (header, deflate data, Adler-32) with a
/// hard output limit. Bytes after the end of the stream are an error.
pub fn inflate_zlib(input: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; input.len().saturating_mul(4).clamp(64, limit.max(64))];
    let mut state = Box::<DecompressorOxide>::default();
    let mut rest = input;
    let mut written = 0usize;
    loop {
        let (status, consumed, produced) = decompress(&mut state, rest, &mut out, written, flags);
        written = written.saturating_add(produced);
        rest = rest.get(consumed..).ok_or(DecodeError::Zlib)?;
        match status {
            TINFLStatus::Done => {
                if !rest.is_empty() || written > limit {
                    return Err(if rest.is_empty() { DecodeError::TooLarge } else { DecodeError::Zlib });
                }
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() > limit {
                    return Err(DecodeError::TooLarge);
                }
                // Grow to at most one byte past the limit: reaching it proves
                // the stream is too large.
                let grown = out.len().saturating_mul(2).min(limit.saturating_add(1));
                out.resize(grown, 0);
            }
            _ => return Err(DecodeError::Zlib),
        }
    }
}

/// Size of a zlib stream once inflated, checking the whole stream (header,
/// data, Adler-32, nothing after it) through a 32 KiB window: nothing
/// allocated grows with the output.
fn inflated_size(input: &[u8], limit: usize) -> Result<usize, DecodeError> {
    const WINDOW: usize = 32 * 1024;
    let mut window = vec![0u8; WINDOW];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut rest, mut pos, mut total) = (input, 0usize, 0usize);
    loop {
        let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER;
        let (status, consumed, produced) = decompress(&mut state, rest, &mut window, pos, flags);
        total = total.saturating_add(produced);
        if total > limit {
            return Err(DecodeError::TooLarge);
        }
        pos = (pos + produced) % WINDOW;
        rest = rest.get(consumed..).ok_or(DecodeError::Zlib)?;
        match status {
            TINFLStatus::Done if rest.is_empty() => return Ok(total),
            TINFLStatus::HasMoreOutput if consumed > 0 || produced > 0 => {}
            _ => return Err(DecodeError::Zlib),
        }
    }
}

/// [`inflate_zlib`] into a buffer of exactly the inflated size, for large
/// data (status lists): two passes, but peak memory is the output itself.
pub fn inflate_zlib_exact(input: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let size = inflated_size(input, limit)?;
    let mut out = vec![0u8; size];
    let mut state = Box::<DecompressorOxide>::default();
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    match decompress(&mut state, input, &mut out, 0, flags) {
        (TINFLStatus::Done, consumed, produced) if consumed == input.len() && produced == size => Ok(out),
        _ => Err(DecodeError::Zlib),
    }
}

/// Encodes COSE bytes as `ZZ1:` text (zlib level 9, then Base45).
pub fn encode_text(cose: &[u8]) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(cose, 9);
    format!("{PREFIX}{}", base45::encode(compressed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trip() {
        let cose = vec![0xd2, 0x84, 1, 2, 3];
        let text = encode_text(&cose);
        assert!(text.starts_with("ZZ1:"));
        let padded = format!(" \t\r\n{text}\n");
        assert_eq!(decode_input(padded.as_bytes()), Ok(Decoded { cose: cose.into(), from_text: true }));
    }

    #[test]
    fn prefix_is_exact() {
        let text = encode_text(&[0xd2, 0x80]);
        let lower = text.replacen("ZZ1:", "zz1:", 1);
        assert_eq!(decode_input(lower.as_bytes()), Err(DecodeError::NotZz1Text));
        assert_eq!(decode_input(b"HC1:6BFOXN"), Err(DecodeError::NotZz1Text));
    }

    #[test]
    fn inner_whitespace_and_bad_base45() {
        let text = encode_text(&[0xd2, 0x80]);
        for ws in ["\n", "\r\n", "\t"] {
            let broken = format!("{}{ws}{}", &text[..6], &text[6..]);
            assert_eq!(decode_input(broken.as_bytes()), Err(DecodeError::InnerWhitespace));
        }
        // A space is Base45; inserted, it shifts the groups and breaks the data.
        let spaced = format!("{} {}", &text[..6], &text[6..]);
        assert!(decode_input(spaced.as_bytes()).is_err());
        assert_eq!(decode_input(b"ZZ1:GGW"), Err(DecodeError::Base45)); // 65535 + 1
        assert_eq!(decode_input(b"ZZ1:abc"), Err(DecodeError::Base45));
    }

    #[test]
    fn raw_cose_after_base45_is_accepted() {
        let raw = [0xd2, 0x80];
        let text = format!("ZZ1:{}", base45::encode(raw));
        assert_eq!(decode_input(text.as_bytes()).map(|d| d.cose.into_owned()), Ok(raw.to_vec()));
    }

    #[test]
    fn zlib_trailing_bytes_and_damage() {
        let mut z = miniz_oxide::deflate::compress_to_vec_zlib(b"hello", 6);
        assert_eq!(inflate_zlib(&z, 100), Ok(b"hello".to_vec()));
        z.push(0);
        assert_eq!(inflate_zlib(&z, 100), Err(DecodeError::Zlib));
        z.pop();
        let last = z.len() - 1;
        z[last] ^= 1; // Adler-32 wrong
        assert_eq!(inflate_zlib(&z, 100), Err(DecodeError::Zlib));
        z[last] ^= 1;
        z.truncate(z.len() - 2);
        assert_eq!(inflate_zlib(&z, 100), Err(DecodeError::Zlib));
    }

    #[test]
    fn exact_inflation_agrees() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8 ^ (i >> 9) as u8).collect();
        let mut z = miniz_oxide::deflate::compress_to_vec_zlib(&data, 6);
        assert_eq!(inflate_zlib_exact(&z, 1 << 20).as_deref(), Ok(&data[..]));
        assert_eq!(inflate_zlib_exact(&z, 199_999), Err(DecodeError::TooLarge));
        z.push(0);
        assert_eq!(inflate_zlib_exact(&z, 1 << 20), Err(DecodeError::Zlib));
        z.pop();
        let n = z.len();
        z[n - 1] ^= 1;
        assert_eq!(inflate_zlib_exact(&z, 1 << 20), Err(DecodeError::Zlib));
        z[n - 1] ^= 1;
        assert_eq!(inflate_zlib_exact(&z[..n - 9], 1 << 20), Err(DecodeError::Zlib));
        assert_eq!(inflate_zlib_exact(&miniz_oxide::deflate::compress_to_vec_zlib(b"", 6), 10), Ok(vec![]));
    }

    #[test]
    fn zlib_limit_is_hard() {
        let big = vec![0u8; MAX_OBJECT + 1];
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&big, 9);
        assert_eq!(inflate_zlib(&z, MAX_OBJECT), Err(DecodeError::TooLarge));
        let ok = vec![0u8; MAX_OBJECT];
        let z = miniz_oxide::deflate::compress_to_vec_zlib(&ok, 9);
        assert_eq!(inflate_zlib(&z, MAX_OBJECT).map(|v| v.len()), Ok(MAX_OBJECT));
        let text = format!("ZZ1:{}", base45::encode(miniz_oxide::deflate::compress_to_vec_zlib(&big, 9)));
        assert_eq!(decode_input(text.as_bytes()), Err(DecodeError::TooLarge));
    }

    #[test]
    fn binary_that_is_not_cbor() {
        assert!(decode_input(&[0xff, 0x00]).is_ok_and(|d| !d.from_text));
        assert_eq!(decode_input("这是一张截图".as_bytes()), Err(DecodeError::NotZz1Text));
        assert_eq!(decode_input(b"   "), Err(DecodeError::Empty));
        assert!(decode_input(&[0xd2, 0x80]).is_ok());
    }
}
