//! Dates of SPEC section 2: calendar days in China Standard Time
//! (UTC+08:00, no daylight saving). Instants are [`UnixTime`]s.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::time::UnixTime;

/// Offset of China Standard Time from UTC, in seconds.
pub const CST_OFFSET: i64 = 8 * 3600;
pub(crate) const DAY: i64 = 86_400;
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// A calendar date `YYYY-MM-DD` in China Standard Time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CstDate(Date);

impl CstDate {
    /// Parses exactly `YYYY-MM-DD` (ASCII digits, a real calendar day).
    pub fn parse(s: &str) -> Option<CstDate> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            if part.iter().all(u8::is_ascii_digit) {
                Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
            } else {
                None
            }
        };
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = Month::try_from(u8::try_from(digits(5..7)?).ok()?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Date::from_calendar_date(year, month, day).ok().map(CstDate)
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        i64::from(self.0.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY
    }

    /// The instant this day starts: D 00:00 CST.
    pub fn start(self) -> UnixTime {
        UnixTime::from_secs(self.days() * DAY - CST_OFFSET)
    }

    /// The instant this day ends (exclusive): D+1 00:00 CST.
    pub fn end(self) -> UnixTime {
        UnixTime::from_secs(self.days() * DAY - CST_OFFSET + DAY)
    }

    /// The CST calendar day an instant falls on.
    pub fn of_instant(t: UnixTime) -> Option<CstDate> {
        let days = (t.as_secs().checked_add(CST_OFFSET)?).div_euclid(DAY);
        let jd = i32::try_from(days.checked_add(UNIX_EPOCH_JULIAN_DAY)?).ok()?;
        Date::from_julian_day(jd).ok().map(CstDate)
    }

    /// `2026年11月22日`.
    pub fn zh(self) -> String {
        format!("{}年{}月{}日", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl fmt::Display for CstDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl Serialize for CstDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CstDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CstDate::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("{s:?} is not a date YYYY-MM-DD")))
    }
}

/// The minute in China Standard Time of an instant, as shown.
impl UnixTime {
    /// `2026-11-22 09:30 CST`: the minute in China Standard Time (the bare
    /// seconds when the year is not one of 0000 to 9999).
    pub fn en(self) -> String {
        match self.cst() {
            Some((d, hh, mm)) => format!("{d} {hh:02}:{mm:02} CST"),
            None => self.as_secs().to_string(),
        }
    }

    /// `2026年11月22日 09:30`: the minute in China Standard Time (the bare
    /// seconds when the year is not one of 0000 to 9999).
    pub fn zh(self) -> String {
        match self.cst() {
            Some((d, hh, mm)) => format!("{} {hh:02}:{mm:02}", d.zh()),
            None => self.as_secs().to_string(),
        }
    }

    /// The CST day, hour and minute.
    fn cst(self) -> Option<(CstDate, i64, i64)> {
        let d = CstDate::of_instant(self)?;
        let secs = self.as_secs().checked_add(CST_OFFSET)?.rem_euclid(DAY);
        Some((d, secs / 3600, secs % 3600 / 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_days() {
        assert!(CstDate::parse("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "2026/01/01",
            "２０２６-01-01",
            "2026-01-011",
            "+026-01-01",
            "2026-04-31",
        ] {
            assert_eq!(CstDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_bounds_are_cst() {
        let d = CstDate::parse("2026-11-22").unwrap();
        // 2026-11-22T00:00+08:00 = 2026-11-21T16:00Z = 1795276800
        assert_eq!(d.start(), UnixTime::from_secs(1_795_276_800));
        assert_eq!(d.end(), UnixTime::from_secs(1_795_276_800 + 86_400));
        assert_eq!(CstDate::of_instant(d.start()), Some(d));
        assert_eq!(
            CstDate::of_instant(d.start().saturating_sub_secs(1)).map(|d| d.to_string()),
            Some("2026-11-21".into())
        );
        assert_eq!(d.to_string(), "2026-11-22");
        assert_eq!(d.zh(), "2026年11月22日");
        assert_eq!(d.start().saturating_add_secs(9 * 3600 + 30 * 60).en(), "2026-11-22 09:30 CST");
    }

    #[test]
    fn formats_in_cst() {
        let t = UnixTime::from_secs(1_795_276_800 + 9 * 3600 + 30 * 60);
        assert_eq!(t.en(), "2026-11-22 09:30 CST");
        assert_eq!(t.zh(), "2026年11月22日 09:30");
        assert_eq!(t.to_string(), "1795311000");
        assert_eq!(UnixTime::from_secs(-1).en(), "1970-01-01 07:59 CST");
        assert_eq!(UnixTime::MAX.en(), i64::MAX.to_string());
        assert_eq!(UnixTime::from_secs(i64::MIN).zh(), i64::MIN.to_string());
    }
}
