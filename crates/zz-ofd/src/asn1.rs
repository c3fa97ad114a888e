//! Reading DER with the `der` crate as signatures need it: each element's
//! bytes exactly as stored (a signature covers them), items of a SEQUENCE,
//! and the string, integer and time types of GB/T 38540 and X.509.

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier, OctetStringRef};
use der::{Decode, Reader, SliceReader, Tag, Tagged};

/// At most this many items in one SEQUENCE (certificate lists, extensions).
pub const MAX_ITEMS: usize = 1024;

/// A DER problem, said in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asn1Error(pub String);

impl std::fmt::Display for Asn1Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Result<T> = std::result::Result<T, Asn1Error>;

pub fn err<T>(what: &str) -> Result<T> {
    Err(Asn1Error(what.to_owned()))
}

fn der_err(what: &str) -> impl Fn(der::Error) -> Asn1Error + '_ {
    move |e| Asn1Error(format!("{what}: {e}"))
}

/// The elements of a SEQUENCE, each as its full stored TLV bytes. The
/// input must be exactly one SEQUENCE.
pub fn items<'a>(tlv: &'a [u8], what: &str) -> Result<Vec<&'a [u8]>> {
    if AnyRef::from_der(tlv).map_err(der_err(what))?.tag() != Tag::Sequence {
        return err(&format!("{what}: not a SEQUENCE"));
    }
    members(tlv, what)
}

/// The elements inside any constructed element (a SET, a tagged list),
/// each as its full stored TLV bytes.
pub fn members<'a>(tlv: &'a [u8], what: &str) -> Result<Vec<&'a [u8]>> {
    let any = AnyRef::from_der(tlv).map_err(der_err(what))?;
    if !any.tag().is_constructed() {
        return err(&format!("{what}: not constructed"));
    }
    let mut r = SliceReader::new(any.value()).map_err(der_err(what))?;
    let mut out = Vec::new();
    while !r.is_finished() {
        if out.len() == MAX_ITEMS {
            return err(&format!("{what}: too many items"));
        }
        out.push(r.tlv_bytes().map_err(der_err(what))?);
    }
    Ok(out)
}

/// Element `i` of a SEQUENCE's items, or an error naming it.
pub fn get<'a>(v: &[&'a [u8]], i: usize, what: &str) -> Result<&'a [u8]> {
    v.get(i).copied().ok_or_else(|| Asn1Error(format!("{what} is missing")))
}

/// The tag of a TLV.
pub fn tag(tlv: &[u8]) -> Option<Tag> {
    AnyRef::from_der(tlv).ok().map(|a| a.tag())
}

/// The content of an explicitly tagged `[n]` element.
pub fn explicit<'a>(tlv: &'a [u8], what: &str) -> Result<&'a [u8]> {
    let any = AnyRef::from_der(tlv).map_err(der_err(what))?;
    Ok(any.value())
}

pub fn octets<'a>(tlv: &'a [u8], what: &str) -> Result<&'a [u8]> {
    OctetStringRef::from_der(tlv).map(|o| o.as_bytes()).map_err(der_err(what))
}

/// A BIT STRING's bytes (whole bytes only).
pub fn bits<'a>(tlv: &'a [u8], what: &str) -> Result<&'a [u8]> {
    let b = BitStringRef::from_der(tlv).map_err(der_err(what))?;
    b.as_bytes().ok_or_else(|| Asn1Error(format!("{what}: not whole bytes")))
}

pub fn oid(tlv: &[u8], what: &str) -> Result<ObjectIdentifier> {
    ObjectIdentifier::from_der(tlv).map_err(der_err(what))
}

pub fn int(tlv: &[u8], what: &str) -> Result<i64> {
    i64::from_der(tlv).map_err(der_err(what))
}

/// An IA5String, UTF8String, PrintableString or similar as text.
pub fn text(tlv: &[u8], what: &str) -> Result<String> {
    let any = AnyRef::from_der(tlv).map_err(der_err(what))?;
    match any.tag() {
        Tag::Ia5String | Tag::Utf8String | Tag::PrintableString | Tag::VisibleString | Tag::TeletexString => {
            String::from_utf8(any.value().to_vec()).map_err(|_| Asn1Error(format!("{what}: not UTF-8")))
        }
        _ => err(&format!("{what}: not a string")),
    }
}

/// A UTCTime or GeneralizedTime as unix seconds. Fractions of a second and
/// a missing `Z` (some producers) are tolerated; offsets are applied.
pub fn time(tlv: &[u8], what: &str) -> Result<i64> {
    let any = AnyRef::from_der(tlv).map_err(der_err(what))?;
    let utc = match any.tag() {
        Tag::UtcTime => true,
        Tag::GeneralizedTime => false,
        _ => return err(&format!("{what}: not a time")),
    };
    let s = std::str::from_utf8(any.value()).map_err(|_| Asn1Error(format!("{what}: not ASCII")))?;
    time_text(s, utc).ok_or_else(|| Asn1Error(format!("{what}: bad time {s:?}")))
}

/// Parses `YYMMDDHHMM[SS]` (UTCTime: 1950-2049) or `YYYYMMDDHHMM[SS]`,
/// then optional `.fff`, then `Z`, `+hhmm`, `-hhmm` or nothing (UTC).
pub fn time_text(s: &str, utc: bool) -> Option<i64> {
    let s = s.trim();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (num, rest) = s.split_at(digits);
    let n = |a: usize, b: usize| num.get(a..b).and_then(|x| x.parse::<i64>().ok());
    let (year, at) = if utc {
        let yy = n(0, 2)?;
        (if yy < 50 { 2000 + yy } else { 1900 + yy }, 2)
    } else {
        (n(0, 4)?, 4)
    };
    let (month, day, hour, minute) = (n(at, at + 2)?, n(at + 2, at + 4)?, n(at + 4, at + 6)?, n(at + 6, at + 8)?);
    let second = if digits >= at + 10 { n(at + 8, at + 10)? } else { 0 };
    if digits != at + 8 && digits != at + 10 {
        return None;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let rest = match rest.strip_prefix('.') {
        Some(r) => r.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => rest,
    };
    let offset = match rest {
        "" | "Z" => 0,
        r if (r.starts_with('+') || r.starts_with('-')) && r.len() == 5 => {
            let h = r.get(1..3)?.parse::<i64>().ok()?;
            let m = r.get(3..5)?.parse::<i64>().ok()?;
            let o = h * 3600 + m * 60;
            if r.starts_with('+') { o } else { -o }
        }
        _ => return None,
    };
    // Days since 1970-01-01 (Julian day 2,440,588), by the `time` crate
    // the core's dates use.
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date = time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()?;
    let days = i64::from(date.to_julian_day()) - 2_440_588;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(time_text("20201010071120Z", false), Some(1_602_313_880));
        assert_eq!(time_text("201010071120Z", true), Some(1_602_313_880));
        assert_eq!(time_text("20201010151120+0800", false), Some(1_602_313_880));
        assert_eq!(time_text("20201010071120.123Z", false), Some(1_602_313_880));
        assert_eq!(time_text("700101000000Z", true), Some(0));
        assert_eq!(time_text("491231235959Z", true), Some(2_524_607_999));
        assert_eq!(time_text("2020101007", false), None);
        assert_eq!(time_text("20201310071120Z", false), None);
        assert_eq!(time_text("20201010071120Q", false), None);
    }
}
