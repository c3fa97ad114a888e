//! The staff PIN that guards trust updates in kiosk mode, kept in local
//! storage as PBKDF2-HMAC-SHA256 with a random salt (never the PIN),
//! at least six digits, with a growing wait after wrong attempts; changing
//! it needs the old one. A local convenience until staff sign-in replaces
//! it: whoever controls the device's storage can reset it.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zz_core::UnixTime;
use zz_core::envelope::hex;

use crate::i18n::Lang;

const KEY_PIN: &str = "zz.kioskPin";
const KEY_FAILS: &str = "zz.kioskPinFails";
/// Shortest PIN accepted.
pub const MIN_DIGITS: usize = 6;
/// PBKDF2 rounds: about a tenth of a second in the browser.
const ROUNDS: u32 = 60_000;
/// Wrong attempts allowed before waiting.
const FREE_ATTEMPTS: u32 = 3;
/// The first wait (seconds), doubling with each further wrong attempt, at
/// most an hour.
const FIRST_WAIT: u64 = 30;
const MAX_WAIT: u64 = 3600;

#[derive(Serialize, Deserialize)]
struct Stored {
    salt: String,
    rounds: u32,
    hash: String,
}

#[derive(Default, Serialize, Deserialize)]
struct Fails {
    count: u32,
    /// Unix seconds before which no attempt is taken.
    until: i64,
}

fn derive(pin: &str, salt: &str, rounds: u32) -> String {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt.as_bytes(), rounds, &mut out);
    hex(&out)
}

fn random_salt() -> Option<String> {
    let mut salt = [0u8; 16];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut salt).ok()?;
    Some(hex(&salt))
}

fn stored() -> Option<Stored> {
    LocalStorage::get::<Stored>(KEY_PIN).ok()
}

/// Whether a staff PIN is set.
pub fn is_set() -> bool {
    stored().is_some()
}

/// Whether `pin` is well-formed: at least [`MIN_DIGITS`] digits.
pub fn well_formed(pin: &str) -> bool {
    pin.len() >= MIN_DIGITS && pin.chars().all(|c| c.is_ascii_digit())
}

/// Why a PIN could not be set or checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinError {
    /// Fewer than six digits, or not only digits.
    Malformed,
    /// The current PIN is wrong (changing the PIN needs it).
    Wrong,
    /// Too many wrong attempts: wait this many seconds.
    Wait(u64),
    /// Local storage or the random source is unavailable.
    Unavailable,
}

/// Sets the staff PIN; when one is set already, `old` must match it.
pub fn set(old: &str, new: &str, now: UnixTime) -> Result<(), PinError> {
    if is_set() {
        check(old, now)?;
    }
    if !well_formed(new) {
        return Err(PinError::Malformed);
    }
    let salt = random_salt().ok_or(PinError::Unavailable)?;
    let hash = derive(new, &salt, ROUNDS);
    LocalStorage::set(KEY_PIN, Stored { salt, rounds: ROUNDS, hash }).map_err(|_| PinError::Unavailable)
}

/// Checks a PIN at `now`: refused without trying while a wait from earlier
/// wrong attempts lasts.
pub fn check(pin: &str, now: UnixTime) -> Result<(), PinError> {
    let Some(s) = stored() else { return Err(PinError::Wrong) };
    let mut fails: Fails = LocalStorage::get(KEY_FAILS).unwrap_or_default();
    let until = UnixTime::from_secs(fails.until);
    if now < until {
        return Err(PinError::Wait(until.checked_secs_since(now).unwrap_or(0)));
    }
    if derive(pin, &s.salt, s.rounds) == s.hash {
        LocalStorage::delete(KEY_FAILS);
        return Ok(());
    }
    fails.count = fails.count.saturating_add(1);
    let wait = wait_after(fails.count);
    fails.until = now.saturating_add_secs(wait).as_secs();
    let _ = LocalStorage::set(KEY_FAILS, &fails);
    if wait > 0 { Err(PinError::Wait(wait)) } else { Err(PinError::Wrong) }
}

/// Seconds to wait after `count` wrong attempts in a row.
fn wait_after(count: u32) -> u64 {
    match count.checked_sub(FREE_ATTEMPTS) {
        None => 0,
        Some(n) => FIRST_WAIT.saturating_mul(1u64 << n.min(16)).min(MAX_WAIT),
    }
}

/// What a refused PIN means, in words.
pub fn message(lang: Lang, e: PinError) -> String {
    match (e, lang) {
        (PinError::Wrong, _) => lang.t("PIN 不正确。", "Wrong PIN.").to_owned(),
        (PinError::Malformed, _) => lang.t("PIN 须为至少 6 位数字。", "The PIN must be 6 or more digits.").to_owned(),
        (PinError::Wait(s), Lang::Zh) => format!("PIN 错误次数过多，请 {s} 秒后再试。"),
        (PinError::Wait(s), Lang::En) => format!("Too many wrong PINs: try again in {s} seconds."),
        (PinError::Unavailable, _) => {
            lang.t("本设备无法保存 PIN（存储不可用）。", "This device cannot store the PIN (no storage).").to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_after_three_wrong_attempts() {
        assert_eq!([0, 1, 2].map(wait_after), [0, 0, 0]);
        assert_eq!([3, 4, 5].map(wait_after), [30, 60, 120]);
        assert_eq!(wait_after(10), 3600);
        assert_eq!(wait_after(u32::MAX), 3600);
    }

    #[test]
    fn pins_need_six_digits() {
        assert!(well_formed("246813"));
        assert!(!well_formed("2468"));
        assert!(!well_formed("24681a"));
    }

    #[test]
    fn the_derivation_is_pbkdf2_hmac_sha256() {
        // RFC 7914 section 11's PBKDF2-HMAC-SHA256 vector (1 round).
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(hex(&out), "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        assert_ne!(derive("246813", "a", 2), derive("246813", "b", 2));
    }
}
