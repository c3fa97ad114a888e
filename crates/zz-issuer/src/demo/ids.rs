//! Identifiers and dates of the demo world: organisation codes and USCCs
//! with their check characters (GB 11714, GB 32100), resident ID numbers
//! (GB 11643), dates and instants in China Standard Time.

use zz_core::UnixTime;
use zz_core::dates::CstDate;
use zz_core::ident::{resident_id_check, uscc_check};
use zz_core::model::Named;

/// ISO 7064 / GB 11714 check of an 8-digit organisation code.
pub(super) fn org_code(n: u32) -> String {
    let base = format!("{n:08}");
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = base.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let c = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from(b'0' + d as u8),
    };
    format!("{base}{c}")
}

/// A USCC: 2 characters of registration kind, 6 of region, an org code.
pub(super) fn uscc(kind: &str, region: &str, n: u32) -> String {
    let first17 = format!("{kind}{region}{}", org_code(n));
    let check = uscc_check(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

pub(super) fn resident_id(region: &str, birth: &str, seq: u32) -> String {
    let first17 = format!("{region}{birth}{seq:03}");
    let check = resident_id_check(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

pub(super) fn date(s: &str) -> CstDate {
    CstDate::parse(s).unwrap_or_else(|| panic!("demo date {s}"))
}

/// Unix time of `YYYY-MM-DD` at `hh:mm` CST.
pub(super) fn at(day: &str, hh: u64, mm: u64) -> UnixTime {
    date(day).start().saturating_add_secs(hh * 3600 + mm * 60)
}

pub(super) fn named(name: &str, code: &str) -> Named {
    Named { name: name.to_owned(), code: code.to_owned() }
}
