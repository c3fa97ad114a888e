//! The clock, and days in China Standard Time (SPEC: dates are CST).

use zz_core::UnixTime;
use zz_core::dates::CST_OFFSET;

/// The device's clock.
pub fn now() -> UnixTime {
    UnixTime::from_secs_f64(js_sys::Date::now() / 1000.0)
}

/// The day (China Standard Time) of a Unix time, as days since 1970.
pub fn cst_day(time: i64) -> i64 {
    zz_log::stats::day_of(time)
}

/// The hour, minute and second of `t` in China Standard Time.
pub fn cst_time_of_day(t: UnixTime) -> (i64, i64, i64) {
    let secs = t.as_secs().saturating_add(CST_OFFSET).rem_euclid(86_400);
    (secs / 3600, secs / 60 % 60, secs % 60)
}
