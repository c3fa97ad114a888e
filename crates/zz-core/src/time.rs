//! Instants of SPEC section 2: unix seconds. Their China Standard Time
//! (the minute as shown, [`UnixTime::en`], [`UnixTime::zh`]) is in
//! [`crate::dates`], with the calendar days.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant: seconds since 1970-01-01T00:00:00Z, leap seconds not counted.
///
/// Signed, because not every instant is one of SPEC's: the clock a verifier
/// is given may read anything, before 1970 too, and a license's CST
/// calendar days may begin before 1970. SPEC's own times are unsigned CBOR
/// integers: they are read with [`UnixTime::from_unsigned`], where a time
/// past `i64::MAX` seconds (the year 292 277 026 596) counts as
/// [`UnixTime::MAX`], and written back as unsigned integers.
///
/// Serialised as the bare number of seconds (JSON, JS objects), and
/// deserialised from an unsigned number, as SPEC's times are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(i64);

impl UnixTime {
    /// 1970-01-01T00:00:00Z.
    pub const EPOCH: UnixTime = UnixTime(0);
    /// The latest instant there is.
    pub const MAX: UnixTime = UnixTime(i64::MAX);

    /// The instant `secs` seconds after (or, negative, before) the epoch.
    pub const fn from_secs(secs: i64) -> UnixTime {
        UnixTime(secs)
    }

    /// The instant of one of SPEC's unsigned times; past `i64::MAX` seconds,
    /// [`UnixTime::MAX`].
    pub fn from_unsigned(secs: u64) -> UnixTime {
        i64::try_from(secs).map_or(UnixTime::MAX, UnixTime)
    }

    /// The instant `secs` seconds after the epoch, rounded down (a
    /// JavaScript clock: `Date.now() / 1000`); out of range it saturates,
    /// and NaN is the epoch.
    pub fn from_secs_f64(secs: f64) -> UnixTime {
        // `as` saturates, and maps NaN to 0.
        UnixTime(secs.floor() as i64)
    }

    /// Seconds since the epoch (negative before it).
    pub const fn as_secs(self) -> i64 {
        self.0
    }

    /// `secs` seconds later, or `None` past [`UnixTime::MAX`].
    pub fn checked_add_secs(self, secs: u64) -> Option<UnixTime> {
        i64::try_from(i128::from(self.0) + i128::from(secs)).ok().map(UnixTime)
    }

    /// `secs` seconds later, or [`UnixTime::MAX`].
    pub fn saturating_add_secs(self, secs: u64) -> UnixTime {
        self.checked_add_secs(secs).unwrap_or(UnixTime::MAX)
    }

    /// `secs` seconds earlier, or `None` before the earliest instant.
    pub fn checked_sub_secs(self, secs: u64) -> Option<UnixTime> {
        i64::try_from(i128::from(self.0) - i128::from(secs)).ok().map(UnixTime)
    }

    /// `secs` seconds earlier, or the earliest instant.
    pub fn saturating_sub_secs(self, secs: u64) -> UnixTime {
        self.checked_sub_secs(secs).unwrap_or(UnixTime(i64::MIN))
    }

    /// Seconds from `earlier` to `self` (negative when `earlier` is later),
    /// saturated to the range of `i64`.
    pub fn seconds_since(self, earlier: UnixTime) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    /// Seconds from `earlier` to `self`, or `None` when `earlier` is later.
    pub fn checked_secs_since(self, earlier: UnixTime) -> Option<u64> {
        u64::try_from(i128::from(self.0) - i128::from(earlier.0)).ok()
    }
}

/// The bare number of seconds.
impl fmt::Display for UnixTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The bare number of seconds: unsigned when it is not negative (as SPEC's
/// times always were), else signed.
impl Serialize for UnixTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match u64::try_from(self.0) {
            Ok(secs) => s.serialize_u64(secs),
            Err(_) => s.serialize_i64(self.0),
        }
    }
}

/// An unsigned number of seconds, as SPEC's times are (see
/// [`UnixTime::from_unsigned`]).
impl<'de> Deserialize<'de> for UnixTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        u64::deserialize(d).map(UnixTime::from_unsigned)
    }
}

/// A CBOR integer: unsigned unless the instant is before 1970 (which no
/// reader of SPEC's times accepts).
impl From<UnixTime> for ciborium::value::Value {
    fn from(t: UnixTime) -> Self {
        ciborium::value::Value::Integer(t.0.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsigned_times_saturate() {
        assert_eq!(UnixTime::from_unsigned(1_795_311_000).as_secs(), 1_795_311_000);
        assert_eq!(UnixTime::from_unsigned(i64::MAX as u64), UnixTime::MAX);
        assert_eq!(UnixTime::from_unsigned(u64::MAX), UnixTime::MAX);
    }

    #[test]
    fn float_seconds_round_down_and_saturate() {
        assert_eq!(UnixTime::from_secs_f64(1_795_311_000.999).as_secs(), 1_795_311_000);
        assert_eq!(UnixTime::from_secs_f64(-0.5).as_secs(), -1);
        assert_eq!(UnixTime::from_secs_f64(1e300), UnixTime::MAX);
        assert_eq!(UnixTime::from_secs_f64(-1e300).as_secs(), i64::MIN);
        assert_eq!(UnixTime::from_secs_f64(f64::NAN), UnixTime::EPOCH);
    }

    #[test]
    fn arithmetic_never_overflows() {
        let t = UnixTime::from_secs(100);
        assert_eq!(t.saturating_add_secs(5).as_secs(), 105);
        assert_eq!(t.checked_add_secs(u64::MAX), None);
        assert_eq!(t.saturating_add_secs(u64::MAX), UnixTime::MAX);
        assert_eq!(UnixTime::from_secs(-5).checked_add_secs(i64::MAX as u64 + 5), Some(UnixTime::MAX));
        assert_eq!(UnixTime::MAX.checked_add_secs(1), None);
        assert_eq!(t.saturating_sub_secs(200).as_secs(), -100);
        assert_eq!(UnixTime::from_secs(i64::MIN).checked_sub_secs(1), None);
        assert_eq!(UnixTime::from_secs(i64::MIN).saturating_sub_secs(u64::MAX).as_secs(), i64::MIN);
        assert_eq!(t.seconds_since(UnixTime::from_secs(40)), 60);
        assert_eq!(UnixTime::from_secs(40).seconds_since(t), -60);
        assert_eq!(UnixTime::from_secs(i64::MIN).seconds_since(UnixTime::MAX), i64::MIN);
        assert_eq!(UnixTime::MAX.seconds_since(UnixTime::from_secs(-1)), i64::MAX);
        assert_eq!(UnixTime::MAX.checked_secs_since(UnixTime::from_secs(i64::MIN)), Some(u64::MAX));
        assert_eq!(t.checked_secs_since(t), Some(0));
        assert_eq!(UnixTime::from_secs(40).checked_secs_since(t), None);
    }

    #[test]
    fn serialises_as_seconds() {
        let json = |t: UnixTime| serde_json::to_string(&t).unwrap();
        assert_eq!(json(UnixTime::from_secs(1_795_311_000)), "1795311000");
        assert_eq!(json(UnixTime::from_secs(-5)), "-5");
        assert_eq!(json(UnixTime::MAX), i64::MAX.to_string());
        let read = |s: &str| serde_json::from_str::<UnixTime>(s).ok();
        assert_eq!(read("1795311000"), Some(UnixTime::from_secs(1_795_311_000)));
        assert_eq!(read("18446744073709551615"), Some(UnixTime::MAX));
        assert_eq!(read("-5"), None);
        assert_eq!(read("1.5"), None);
    }
}
