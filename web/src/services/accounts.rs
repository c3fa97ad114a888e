//! Staff accounts on this device: name, staff number, role and PIN. A PIN
//! is never stored, nor its PBKDF2-HMAC-SHA256 (600,000 rounds, by
//! WebCrypto, with a random salt): the derivation makes the member's staff
//! key ([`zz_log::staff::StaffKey`]) and only its public half is kept, the
//! PIN's check. Signing in, the staff key signs a session
//! ([`crate::services::session`]); who is staff, with which key and role,
//! is the audit log's roster, which only an administrator's session
//! changes: an account added to local storage is no one. New PINs have at
//! least eight digits. A
//! growing wait follows wrong attempts, counted for the device (trying
//! other numbers does not reset it) from the signed audit log's
//! `sign-in-refused` entries since the last sign-in, so deleting a stored
//! counter does not reset it either. Roles, each allowed what the one
//! before is:
//! - counter staff (窗口人员): the counter, the log and the statistics;
//! - kiosk supervisor (自助终端管理员): leaving kiosk mode, trust import;
//! - administrator (管理员): staff accounts, site settings, exporting,
//!   pruning and clearing the log.
//!
//! A member signed in may add a passkey on a security key they carry
//! ([`crate::services::passkey`]; never the computer's own authenticator,
//! which verifies whoever unlocks a shared counter PC): its PRF secret
//! seals their PIN's derivation (AES-256-GCM), so the key, with its user
//! verified, opens the same staff key as the PIN; the roster is unchanged.
//! A new PIN makes the device's passkeys of the account stale: they are
//! dropped. Signing in with a passkey is refused while a wait from wrong
//! PINs lasts, as a PIN is.
//!
//! The first account, made when there is none, is an administrator, signed
//! in at once: their setup entry anchors the roster. Whoever controls the
//! device's storage can still wipe it all and start again (a new device
//! key, a new roster): what a checkpoint kept elsewhere shows.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use zz_core::UnixTime;
use zz_core::envelope::hex;
use zz_core::hex::parse_hex;
use zz_log::audit::Operator;
use zz_log::{Event, Happened};

use zz_log::staff::{self, Delegation};

use crate::services::audit;
use crate::services::passkey::{self, PasskeyError};
use crate::services::session::{self, Role, current, signed_in_as};
use crate::services::storage::{KEY_ACCOUNTS, KEY_FAILS, KEY_PASSKEYS};
use crate::words::lang::Lang;

/// Shortest new PIN accepted (PINs set before keep working).
pub const MIN_DIGITS: usize = 8;
/// Most accounts on one device.
pub const MAX_ACCOUNTS: usize = 200;
/// Longest name or staff number.
const MAX_FIELD: usize = 64;
/// PBKDF2 rounds of new PINs (OWASP's figure for PBKDF2-HMAC-SHA256):
/// about 70 ms with WebCrypto in Chromium.
const ROUNDS: u32 = 600_000;
/// Most rounds read from a stored account (a forged count cannot hang it).
const MAX_ROUNDS: u32 = 2_000_000;
/// Wrong attempts allowed before waiting.
const FREE_ATTEMPTS: u32 = 3;
/// The first wait (seconds), doubling with each further wrong attempt, at
/// most an hour.
const FIRST_WAIT: u64 = 30;
const MAX_WAIT: u64 = 3600;

#[derive(Clone, Debug, PartialEq)]
struct Account {
    name: String,
    number: String,
    /// [`Role::as_str`].
    role: String,
    salt: String,
    rounds: u32,
    /// `k:` and the staff key's public half (hex); or, for a PIN set
    /// before staff keys, the PBKDF2 output (hex), replaced at sign-in.
    hash: String,
}

/// How a keyed account's check starts.
const KEYED: &str = "k:";

// Accounts and the session are kept as tab-separated fields (names and
// numbers hold no control characters), not JSON objects: serde's derives
// for them cost the portal's first load 2.5 KB gzip.

impl Account {
    fn to_line(&self) -> String {
        [&self.name, &self.number, &self.role, &self.salt, &self.rounds.to_string(), &self.hash]
            .map(|s| s.as_str())
            .join("\t")
    }

    fn from_line(line: &str) -> Option<Account> {
        let mut f = line.split('\t').map(str::to_owned);
        let (name, number, role, salt) = (f.next()?, f.next()?, f.next()?, f.next()?);
        let rounds = f.next()?.parse().ok()?;
        Some(Account { name, number, role, salt, rounds, hash: f.next()? })
    }

    fn operator(&self) -> Operator {
        Operator { name: self.name.clone(), number: self.number.clone(), role: self.role.clone() }
    }

    /// Whether the PIN's derivation is this account's.
    fn opened_by(&self, derived: &[u8]) -> bool {
        match self.hash.strip_prefix(KEYED) {
            Some(public) => staff::StaffKey::from_derived(derived).public_hex() == public,
            None => !self.hash.is_empty() && hex(derived) == self.hash,
        }
    }
}

/// The check kept for a PIN's derivation: its staff key's public half.
fn keyed(derived: &[u8]) -> String {
    format!("{KEYED}{}", staff::StaffKey::from_derived(derived).public_hex())
}

#[derive(Default, Serialize, Deserialize)]
struct Fails {
    count: u32,
    /// Unix seconds before which no attempt is taken.
    until: i64,
}

impl Fails {
    /// One more wrong attempt at `at` (unix seconds): the count, and the
    /// wait it starts.
    fn one_more(&self, at: i64) -> Fails {
        let count = self.count.saturating_add(1);
        Fails { count, until: at.saturating_add(wait_after(count) as i64) }
    }

    /// The seconds left of the wait at `now`, if one lasts.
    fn wait_left(&self, now: UnixTime) -> Option<u64> {
        let until = UnixTime::from_secs(self.until);
        (now < until).then(|| until.checked_secs_since(now).unwrap_or(0))
    }
}

/// PBKDF2-HMAC-SHA256 of the PIN with the salt's text.
async fn derive(pin: &str, salt: &str, rounds: u32) -> Result<Vec<u8>, AccountError> {
    crate::services::device::pbkdf2_sha256(pin.as_bytes(), salt.as_bytes(), rounds.clamp(1, MAX_ROUNDS))
        .await
        .map_err(|_| AccountError::Unavailable)
}

fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut b = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut b).ok()?;
    Some(b)
}

fn random_salt() -> Option<String> {
    random_bytes::<16>().map(|salt| hex(&salt))
}

fn accounts() -> Vec<Account> {
    let lines: Vec<String> = LocalStorage::get(KEY_ACCOUNTS).unwrap_or_default();
    lines.iter().filter_map(|l| Account::from_line(l)).collect()
}

fn save(all: &[Account]) -> Result<(), AccountError> {
    let lines: Vec<String> = all.iter().map(Account::to_line).collect();
    LocalStorage::set(KEY_ACCOUNTS, lines).map_err(|_| AccountError::Unavailable)
}

/// Whether any account is set up on this device.
pub fn any() -> bool {
    !accounts().is_empty()
}

/// The accounts as operators (name, number, role), for the administrator.
pub fn list() -> Vec<Operator> {
    accounts().iter().map(Account::operator).collect()
}

/// The staff key (public, hex) of an account, as kept for its PIN's check;
/// `None` for an account made before staff keys. An administrator records
/// the first administrator's with the device's id (`zz log verify
/// --admin-key`).
pub fn staff_key_of(number: &str) -> Option<String> {
    accounts().into_iter().find(|a| a.number == number).and_then(|a| a.hash.strip_prefix(KEYED).map(str::to_owned))
}

/// Whether `pin` is well-formed: at least [`MIN_DIGITS`] digits.
pub fn well_formed(pin: &str) -> bool {
    pin.len() >= MIN_DIGITS && pin.len() <= MAX_FIELD && pin.chars().all(|c| c.is_ascii_digit())
}

/// Why an account could not be made, changed or used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountError {
    /// Fewer than eight digits (a new PIN), or not only digits.
    Malformed,
    /// No name or staff number, or one too long.
    Incomplete,
    /// The staff number is taken.
    Taken,
    /// Unknown staff number or wrong PIN (not told apart).
    Wrong,
    /// Too many wrong attempts: wait this many seconds.
    Wait(u64),
    /// Signed in, but the role may not do this.
    NotAllowed,
    /// The last administrator cannot be removed or demoted.
    LastAdmin,
    /// Too many accounts.
    Full,
    /// Local storage or the random source is unavailable.
    Unavailable,
    /// The PIN is right, but the log's roster does not hold this account
    /// with this key and role (made in storage, or before staff keys): an
    /// administrator must reset its PIN.
    NotOnRoster,
    /// No accounts are stored, but the log's roster has staff: the
    /// accounts were deleted, and no one may make themselves the first
    /// administrator (clearing all of the site's data starts a new device).
    RosterKept,
    /// The passkey used is not one this device keeps for the staff number
    /// typed (told in the same words whether or not the number has one).
    NoPasskey,
    /// The member has as many passkeys on this device as are kept.
    PasskeysFull,
    /// The session or the account changed while the passkey was being made
    /// (signed out, or a new PIN): nothing was kept.
    Changed,
    /// The passkey opened nothing (a changed seal), or it was made for a PIN
    /// since changed (it is dropped: sign in with the PIN and add it again).
    PasskeyStale,
    /// WebAuthn refused or is missing.
    Passkey(PasskeyError),
}

/// Adds an account (logged as `staff-added`, with the new staff key). The
/// first one must be an administrator, who is signed in at once (their
/// setup entry anchors the roster); later ones need an administrator
/// signed in.
pub async fn add(name: &str, number: &str, role: Role, pin: &str) -> Result<Operator, AccountError> {
    let all = accounts();
    if all.is_empty() {
        if role != Role::Admin {
            return Err(AccountError::NotAllowed);
        }
    } else if !signed_in_as(Role::Admin) {
        return Err(AccountError::NotAllowed);
    }
    let (name, number) = (name.trim(), number.trim());
    let bad = |s: &str| s.is_empty() || s.len() > MAX_FIELD || s.chars().any(char::is_control);
    if bad(name) || bad(number) || number.contains(' ') {
        return Err(AccountError::Incomplete);
    }
    if !well_formed(pin) {
        return Err(AccountError::Malformed);
    }
    if all.iter().any(|a| a.number == number) {
        return Err(AccountError::Taken);
    }
    if all.len() >= MAX_ACCOUNTS {
        return Err(AccountError::Full);
    }
    // With no account here, a log with staff sessions, or one that does not
    // hold together, means the accounts or entries were deleted from
    // storage: no new first administrator.
    if all.is_empty() && !may_anchor(&audit::roster().await).await {
        return Err(AccountError::RosterKept);
    }
    let salt = random_salt().ok_or(AccountError::Unavailable)?;
    let derived = derive(pin, &salt, ROUNDS).await?;
    // Read again: another tab may have added accounts meanwhile (and the
    // first administrator is made only while there is none).
    let was_empty = all.is_empty();
    let mut all = accounts();
    if was_empty && !all.is_empty() {
        return Err(AccountError::NotAllowed);
    }
    if all.iter().any(|a| a.number == number) {
        return Err(AccountError::Taken);
    }
    let account = Account {
        name: name.to_owned(),
        number: number.to_owned(),
        role: role.as_str().to_owned(),
        salt,
        rounds: ROUNDS,
        hash: keyed(&derived),
    };
    let op = account.operator();
    let first = all.is_empty();
    all.push(account.clone());
    save(&all)?;
    let happened = Happened {
        detail: Some(format!("{} {}", op.number, op.role)),
        staff_key: Some(staff::StaffKey::from_derived(&derived).public_hex()),
        ..Happened::new(Event::StaffAdded)
    };
    if first {
        // The first administrator sets the device up, signed in: the
        // entry, with their delegation, anchors the roster.
        open_session(&account, &derived).await?;
        audit::record_delegated(happened);
        audit::record(Event::SignIn);
    } else {
        audit::record_event(happened);
    }
    Ok(op)
}

/// Whether a first administrator may anchor the roster here: the log has
/// no staff session, and it holds together (signatures, chain and the head
/// kept apart), so no session was deleted from it. (Whoever rewrites the
/// whole log with the device's key is caught elsewhere: a checkpoint, the
/// administrator's key recorded at setup.)
async fn may_anchor(roster: &staff::Roster) -> bool {
    !roster.attested() && matches!(audit::check().await, Ok((_, audit::ChainState::Intact(_))))
}

/// Removes an account (an administrator signed in; not the last one;
/// logged as `staff-removed`). An
/// administrator who removes their own account is then signed out by the
/// caller, once the removal is logged.
pub async fn remove(number: &str) -> Result<(), AccountError> {
    if !signed_in_as(Role::Admin) {
        return Err(AccountError::NotAllowed);
    }
    let mut all = accounts();
    let admin = Role::Admin.as_str();
    let admins = all.iter().filter(|a| a.role == admin).count();
    if all.iter().any(|a| a.number == number && a.role == admin) && admins <= 1 {
        return Err(AccountError::LastAdmin);
    }
    // Nor the roster's last (the accounts here may say otherwise).
    let roster = audit::roster().await;
    let on_roster = roster.members().filter(|m| m.role == admin).count();
    if roster.member(number).is_some_and(|m| m.role == admin) && on_roster <= 1 {
        return Err(AccountError::LastAdmin);
    }
    all.retain(|a| a.number != number);
    save(&all)?;
    drop_passkeys(number);
    audit::record_event(Happened { detail: Some(number.to_owned()), ..Happened::new(Event::StaffRemoved) });
    Ok(())
}

/// A new PIN for an account: the account's own, or any one by an
/// administrator. Gives the account as it will be and the PIN's
/// derivation; nothing is saved yet (see [`log_new_key`]).
async fn set_pin(number: &str, pin: &str) -> Result<(Account, Vec<u8>), AccountError> {
    let me = current().ok_or(AccountError::NotAllowed)?;
    if me.number != number && !signed_in_as(Role::Admin) {
        return Err(AccountError::NotAllowed);
    }
    if !well_formed(pin) {
        return Err(AccountError::Malformed);
    }
    let salt = random_salt().ok_or(AccountError::Unavailable)?;
    let derived = derive(pin, &salt, ROUNDS).await?;
    let mut account = accounts().into_iter().find(|a| a.number == number).ok_or(AccountError::Wrong)?;
    (account.salt, account.rounds, account.hash) = (salt, ROUNDS, keyed(&derived));
    Ok((account, derived))
}

/// Logs a change of a PIN (attested by the session signed in, delegated by
/// the old key), then keeps the new check once the entry is stored (so the
/// accounts and the roster agree: an entry not written keeps the old PIN)
/// and, when it is the signed-in member's own, goes on in a new session
/// delegated by the new key: the roster no longer holds the old one.
async fn log_new_key(happened: Happened, account: &Account, derived: &[u8]) -> Result<(), AccountError> {
    let own = current().is_some_and(|me| me.number == account.number);
    let key = staff::StaffKey::from_derived(derived).public_hex();
    audit::record_event(Happened { staff_key: Some(key.clone()), ..happened });
    // Kept once the roster holds the new key (the entry stored, and taken
    // by the roster's rules), waiting up to a minute for the log.
    let mut held = false;
    for _ in 0..12 {
        if audit::roster().await.member(&account.number).is_some_and(|m| m.staff_key == key) {
            held = true;
            break;
        }
        gloo::timers::future::TimeoutFuture::new(5_000).await;
    }
    if !held {
        return Err(AccountError::Unavailable);
    }
    let mut all = accounts();
    let kept = all.iter_mut().find(|a| a.number == account.number).ok_or(AccountError::Wrong)?;
    *kept = account.clone();
    save(&all)?;
    // Its passkeys here sealed the old PIN's derivation (logged once the
    // new session, if any, has begun: the old key is off the roster).
    let dropped = drop_passkeys(&account.number);
    if own {
        open_session(account, derived).await?;
        // (The page tells the other program, which takes the new session.)
        audit::record_delegated(Happened::new(Event::SignIn));
    }
    if dropped {
        audit::record_event(Happened {
            detail: Some(account.number.clone()),
            ..Happened::new(Event::StaffPasskeyRemoved)
        });
    }
    Ok(())
}

/// Changes the signed-in operator's own PIN, once their current one is
/// checked (logged as `staff-pin-changed`, with the new staff key: the
/// session, delegated by the old key, attests it); a new session, delegated
/// by the new key, goes on.
pub async fn change_own_pin(number: &str, old: &str, new: &str, now: UnixTime) -> Result<(), AccountError> {
    if !well_formed(new) {
        return Err(AccountError::Malformed);
    }
    // The current PIN is checked as a sign-in is: the same wait, and a
    // wrong one logged.
    check(number, old, now).await?;
    let (account, derived) = set_pin(number, new).await?;
    log_new_key(Happened::new(Event::StaffPinChanged), &account, &derived).await
}

/// Resets another account's PIN (an administrator; logged as
/// `staff-pin-reset` with the new staff key). An account the roster does
/// not hold (made before staff keys) is added to it instead
/// (`staff-added`).
pub async fn reset_pin(number: &str, pin: &str) -> Result<(), AccountError> {
    let (account, derived) = set_pin(number, pin).await?;
    let on_roster = audit::roster().await.member(number).is_some();
    let happened = if on_roster {
        Happened { detail: Some(number.to_owned()), ..Happened::new(Event::StaffPinReset) }
    } else {
        Happened { detail: Some(format!("{} {}", account.number, account.role)), ..Happened::new(Event::StaffAdded) }
    };
    log_new_key(happened, &account, &derived).await
}

/// Checks a staff number and PIN at `now`. While a wait from earlier wrong
/// attempts lasts it is refused unread (no PIN tried: not logged, not
/// counted); a wrong PIN is logged with the number tried (never the PIN).
async fn check(number: &str, pin: &str, now: UnixTime) -> Result<(Account, Vec<u8>), AccountError> {
    let fails = fails().await;
    if let Some(wait) = fails.wait_left(now) {
        return Err(AccountError::Wait(wait));
    }
    try_pin(number, pin, now, &fails).await.inspect_err(|_| log_refused(number))
}

/// Tries the PIN, counting the attempt as wrong before (and clearing the
/// count if it is right): attempts made at once from several tabs each see
/// the others'.
async fn try_pin(number: &str, pin: &str, now: UnixTime, fails: &Fails) -> Result<(Account, Vec<u8>), AccountError> {
    let wrong = fails.one_more(now.as_secs());
    let wait = wait_after(wrong.count);
    let _ = LocalStorage::set(KEY_FAILS, &wrong);
    let found = accounts().into_iter().find(|a| a.number == number.trim());
    // An unknown number costs the same derivation as a known one.
    let (salt, rounds) = found.as_ref().map_or(("-", ROUNDS), |a| (a.salt.as_str(), a.rounds));
    let derived = derive(pin, salt, rounds).await?;
    if let Some(a) = found.filter(|a| a.opened_by(&derived)) {
        LocalStorage::delete(KEY_FAILS);
        return Ok((a, derived));
    }
    if wait > 0 { Err(AccountError::Wait(wait)) } else { Err(AccountError::Wrong) }
}

/// A refused PIN, logged with the number tried.
fn log_refused(number: &str) {
    let tried: String = number.trim().chars().filter(|c| !c.is_control()).take(MAX_FIELD).collect();
    audit::record_event(Happened { detail: Some(tried), ..Happened::new(Event::SignInRefused) });
}

/// Wrong attempts so far: the stored counter, or the log's when it says
/// more (it holds when the stored counter is deleted).
async fn fails() -> Fails {
    let stored: Fails = LocalStorage::get(KEY_FAILS).unwrap_or_default();
    let logged = logged_fails().await;
    Fails { count: stored.count.max(logged.count), until: stored.until.max(logged.until) }
}

/// One entry of the log, as far as signing in goes.
#[derive(Deserialize)]
struct Attempt {
    time: i64,
    event: String,
}

/// Wrong attempts in a row since the last sign-in, from the signed audit
/// log (once what is queued is stored), and the end of their wait.
async fn logged_fails() -> Fails {
    audit::settled().await;
    let (refused, signed_in) = (Event::SignInRefused.as_str(), Event::SignIn.as_str());
    let mut f = Fails::default();
    let _ = crate::services::idb::audit_read(|lines| {
        for a in lines.iter().filter_map(|l| serde_json::from_str::<Attempt>(l).ok()) {
            if a.event == signed_in {
                f = Fails::default();
            } else if a.event == refused {
                f = f.one_more(a.time);
            }
        }
        Ok::<(), crate::services::idb::IdbError>(())
    })
    .await;
    f
}

/// Seconds to wait after `count` wrong attempts in a row.
fn wait_after(count: u32) -> u64 {
    match count.checked_sub(FREE_ATTEMPTS) {
        None => 0,
        Some(n) => FIRST_WAIT.saturating_mul(1u64 << n.min(16)).min(MAX_WAIT),
    }
}

/// Signs in (ending any other session): logged as `sign-in`, with the
/// delegation of the new session, after the `sign-out` of whoever was
/// signed in before; a refused attempt as `sign-in-refused` with the
/// number tried. The roster must hold the account's staff key with its
/// role; on a device whose log has no roster yet (accounts made before
/// staff keys) an administrator's sign-in anchors it.
pub async fn sign_in(number: &str, pin: &str, now: UnixTime) -> Result<Operator, AccountError> {
    let (mut account, mut derived) = check(number, pin, now).await?;
    // An account kept before staff keys gets today's rounds and a staff
    // key, now that the PIN is known.
    // (A keyed account keeps its key: a new one would not be on the roster.)
    if !account.hash.starts_with(KEYED)
        && let Some(salt) = random_salt()
        && let Ok(upgraded) = derive(pin, &salt, ROUNDS).await
    {
        let mut all = accounts();
        if let Some(a) = all.iter_mut().find(|a| a.number == account.number && a.hash == account.hash) {
            (a.salt, a.rounds, a.hash) = (salt, ROUNDS, keyed(&upgraded));
            account = a.clone();
            derived = upgraded;
            let _ = save(&all);
        }
    }
    finish_sign_in(account, derived, None).await
}

/// Signs in with an account whose PIN's derivation is known (by its PIN or
/// a passkey): see [`sign_in`]. `how` is the sign-in entry's detail.
async fn finish_sign_in(account: Account, derived: Vec<u8>, how: Option<&str>) -> Result<Operator, AccountError> {
    let roster = audit::roster().await;
    let public = staff::StaffKey::from_derived(&derived).public_hex();
    // Only on a log with no staff session yet (accounts made before staff
    // keys): anchoring is the first session's, as the roster reads it.
    let anchors = account.role == Role::Admin.as_str() && may_anchor(&roster).await;
    let held = roster.member(&account.number).is_some_and(|m| m.staff_key == public && m.role == account.role);
    if !held && !anchors {
        return Err(AccountError::NotOnRoster);
    }
    if current().is_some() {
        sign_out();
    }
    let op = open_session(&account, &derived).await?;
    if anchors {
        audit::record_delegated(Happened {
            detail: Some(format!("{} {}", account.number, account.role)),
            staff_key: Some(public),
            ..Happened::new(Event::StaffAdded)
        });
        audit::record(Event::SignIn);
    } else {
        audit::record_delegated(Happened { detail: how.map(str::to_owned), ..Happened::new(Event::SignIn) });
    }
    Ok(op)
}

/// Most passkeys kept for one account on this device.
const MAX_PASSKEYS: usize = 5;
/// Most passkey records read from storage.
const MAX_PASSKEY_RECORDS: usize = MAX_ACCOUNTS * MAX_PASSKEYS;
/// What a passkey's seal is bound to, before the staff number and id.
const PASSKEY_CONTEXT: &[u8] = b"zz-staff-passkey/1\0";

/// A passkey of an account on this device: its credential id, and the
/// PIN's derivation (the staff key's seed) sealed with its PRF secret.
#[derive(Clone)]
struct Passkey {
    number: String,
    id: Vec<u8>,
    iv: Vec<u8>,
    sealed: Vec<u8>,
}

impl Passkey {
    fn to_line(&self) -> String {
        [self.number.clone(), hex(&self.id), hex(&self.iv), hex(&self.sealed)].join("\t")
    }

    fn from_line(line: &str) -> Option<Passkey> {
        let mut f = line.split('\t');
        let number = f.next().filter(|n| !n.is_empty() && n.len() <= MAX_FIELD)?.to_owned();
        let (id, iv, sealed) = (parse_hex(f.next()?)?, parse_hex(f.next()?)?, parse_hex(f.next()?)?);
        let whole = f.next().is_none();
        (whole && !id.is_empty() && id.len() <= passkey::MAX_ID && iv.len() == 12 && sealed.len() <= 64)
            .then_some(Passkey { number, id, iv, sealed })
    }

    /// The seal's associated data: the staff number and the credential.
    fn bound_to(number: &str, id: &[u8]) -> Vec<u8> {
        [PASSKEY_CONTEXT, number.as_bytes(), b"\0", id].concat()
    }

    /// The PIN's derivation, if `secret` opens the seal.
    async fn open(&self, secret: &[u8; 32]) -> Option<Vec<u8>> {
        let aad = Passkey::bound_to(&self.number, &self.id);
        crate::services::device::aes_gcm(false, secret, &self.iv, &aad, &self.sealed).await.ok()
    }
}

/// The passkeys kept on this device (the first [`MAX_PASSKEY_RECORDS`]
/// records that read as one).
fn passkeys() -> Vec<Passkey> {
    let lines: Vec<String> = LocalStorage::get(KEY_PASSKEYS).unwrap_or_default();
    read_passkeys(&lines)
}

fn read_passkeys(lines: &[String]) -> Vec<Passkey> {
    lines.iter().take(MAX_PASSKEY_RECORDS).filter_map(|l| Passkey::from_line(l)).collect()
}

/// The session key of the session checked here, if any.
fn session_key() -> Option<String> {
    session::live().map(|l| l.delegation.session_key.clone())
}

fn save_passkeys(all: &[Passkey]) -> Result<(), AccountError> {
    let lines: Vec<String> = all.iter().map(Passkey::to_line).collect();
    LocalStorage::set(KEY_PASSKEYS, lines).map_err(|_| AccountError::Unavailable)
}

/// Drops the passkey `used` kept on this device.
fn drop_passkey(used: &Passkey) {
    let mut all = passkeys();
    let before = all.len();
    all.retain(|p| p.id != used.id || p.number != used.number);
    if before != all.len() {
        let _ = save_passkeys(&all);
    }
}

/// Drops the passkeys of `number` kept on this device; whether there were.
fn drop_passkeys(number: &str) -> bool {
    let mut all = passkeys();
    let before = all.len();
    all.retain(|p| p.number != number);
    before != all.len() && save_passkeys(&all).is_ok()
}

/// How many passkeys `number` has on this device.
pub fn passkeys_of(number: &str) -> usize {
    passkeys().iter().filter(|p| p.number == number).count()
}

/// Whether this device offers passkey sign-in: WebAuthn here, and a
/// passkey kept.
pub fn passkey_sign_in_offered() -> bool {
    passkey::available() && !passkeys().is_empty()
}

/// Adds a passkey of this device for the signed-in member, once their PIN
/// is checked (as a sign-in is: the same wait, a wrong one logged): the
/// platform authenticator makes it with user verification, and its PRF
/// secret seals the PIN's derivation. Logged as `staff-passkey-added`.
pub async fn add_passkey(number: &str, pin: &str, now: UnixTime) -> Result<(), AccountError> {
    if current().is_none_or(|me| me.number != number) {
        return Err(AccountError::NotAllowed);
    }
    if !passkey::available() {
        return Err(AccountError::Passkey(PasskeyError::Unsupported));
    }
    let known: Vec<Vec<u8>> = passkeys().into_iter().filter(|p| p.number == number).map(|p| p.id).collect();
    if known.len() >= MAX_PASSKEYS {
        return Err(AccountError::PasskeysFull);
    }
    let session = session_key();
    let (account, derived) = check(number, pin, now).await?;
    if !account.hash.starts_with(KEYED) {
        return Err(AccountError::NotOnRoster);
    }
    let (id, secret) = passkey::create(&account.number, &account.name, &known).await.map_err(AccountError::Passkey)?;
    let iv = random_bytes::<12>().ok_or(AccountError::Unavailable)?;
    let aad = Passkey::bound_to(&account.number, &id);
    let sealed = crate::services::device::aes_gcm(true, &secret, &iv, &aad, &derived)
        .await
        .map_err(|_| AccountError::Unavailable)?;
    // The prompt may have stayed open a while: the same session, and a PIN
    // (in any tab) that still opens the account, or nothing is kept (no
    // wait between this check and the record's saving).
    let unchanged = session.is_some()
        && session_key() == session
        && accounts().iter().any(|a| a.number == account.number && a.opened_by(&derived));
    if !unchanged {
        return Err(AccountError::Changed);
    }
    let mut all = passkeys();
    if all.iter().filter(|p| p.number == account.number).count() >= MAX_PASSKEYS {
        return Err(AccountError::PasskeysFull);
    }
    all.push(Passkey { number: account.number.clone(), id, iv: iv.to_vec(), sealed });
    save_passkeys(&all)?;
    audit::record_event(Happened { detail: Some(account.number), ..Happened::new(Event::StaffPasskeyAdded) });
    Ok(())
}

/// Removes the signed-in member's passkeys from this device (the
/// authenticator keeps the credential: the browser or the device's
/// settings remove it there). Logged as `staff-passkey-removed`.
pub fn remove_own_passkeys() -> Result<(), AccountError> {
    let me = current().ok_or(AccountError::NotAllowed)?;
    if drop_passkeys(&me.number) {
        audit::record_event(Happened { detail: Some(me.number), ..Happened::new(Event::StaffPasskeyRemoved) });
    }
    Ok(())
}

/// Signs in with a passkey of this device: of the staff number typed, or
/// of anyone when none is. Refused unasked while a wait from wrong PINs
/// lasts (as a PIN is). The browser is asked for any passkey this device
/// keeps, whatever number is typed, so the answer does not tell which
/// numbers have one; one of another number signs no one in. The passkey's
/// secret opens the PIN's derivation kept sealed, which must be the
/// account's staff key; then as [`sign_in`] (logged as `sign-in`, detail
/// `passkey`). A passkey that opens nothing is dropped (that one only) and
/// logged as `sign-in-refused`.
pub async fn sign_in_with_passkey(number: &str, now: UnixTime) -> Result<Operator, AccountError> {
    let number = number.trim();
    if let Some(wait) = fails().await.wait_left(now) {
        return Err(AccountError::Wait(wait));
    }
    let kept = passkeys();
    if kept.is_empty() {
        return Err(AccountError::NoPasskey);
    }
    let ids: Vec<Vec<u8>> = kept.iter().map(|p| p.id.clone()).collect();
    let (id, secret) = passkey::get(&ids).await.map_err(AccountError::Passkey)?;
    let used = kept.into_iter().find(|p| p.id == id && (number.is_empty() || p.number == number));
    let used = used.ok_or(AccountError::NoPasskey)?;
    // Wrong PINs tried in another tab while the key was asked for.
    if let Some(wait) = fails().await.wait_left(crate::services::clock::now()) {
        return Err(AccountError::Wait(wait));
    }
    let account = accounts().into_iter().find(|a| a.number == used.number);
    let opened = match used.open(&secret).await {
        Some(derived) => account.filter(|a| a.opened_by(&derived)).map(|a| (a, derived)),
        None => None,
    };
    let Some((account, derived)) = opened else {
        drop_passkey(&used);
        log_refused(&used.number);
        return Err(AccountError::PasskeyStale);
    };
    let op = finish_sign_in(account, derived, Some("passkey")).await?;
    LocalStorage::delete(KEY_FAILS);
    Ok(op)
}

/// Makes a session for `account`: a new non-extractable session key, and
/// the delegation to it signed by the staff key of the PIN's derivation.
async fn open_session(account: &Account, derived: &[u8]) -> Result<Operator, AccountError> {
    let device = crate::services::device::device().await.map_err(|_| AccountError::Unavailable)?;
    let slot = format!("{}{}", session::SLOT_PREFIX, random_salt().ok_or(AccountError::Unavailable)?);
    let key = crate::services::device::new_key_pair(&slot).await.map_err(|_| AccountError::Unavailable)?;
    let from = crate::services::clock::now().as_secs();
    let delegation = Delegation {
        device: device.header.device.clone(),
        name: account.name.clone(),
        staff: account.number.clone(),
        role: account.role.clone(),
        alg: if key.p256 { zz_log::audit::ALG_P256 } else { zz_log::audit::ALG }.to_owned(),
        session_key: hex(&key.raw_public),
        from,
        until: from.saturating_add(staff::MAX_SESSION_SECS),
        ..Delegation::default()
    }
    .signed_by(&staff::StaffKey::from_derived(derived));
    session::start(slot, delegation, key).map_err(|()| AccountError::Unavailable)
}

/// Signs out: logged as `sign-out` (ending a drill), and the log's head is
/// signed as a checkpoint.
pub fn sign_out() {
    if current().is_some() {
        // A drill ends with the session that started it.
        if audit::drill() {
            audit::set_drill(false);
        }
        audit::record(Event::SignOut);
        audit::checkpoint_later();
    }
    session::end();
}

/// What a refusal means, in words.
pub fn message(lang: Lang, e: AccountError) -> String {
    match (e, lang) {
        (AccountError::Wrong, _) => lang.t("工号或 PIN 不正确。", "Wrong staff number or PIN.").to_owned(),
        (AccountError::Malformed, _) => {
            lang.t("PIN 须为至少 8 位数字。", "The PIN must be 8 or more digits.").to_owned()
        }
        (AccountError::Incomplete, _) => lang.t("请填写姓名和工号。", "Enter a name and a staff number.").to_owned(),
        (AccountError::Taken, _) => lang.t("该工号已有账号。", "That staff number has an account already.").to_owned(),
        (AccountError::NotAllowed, _) => lang.t("需要管理员登录。", "An administrator must be signed in.").to_owned(),
        (AccountError::LastAdmin, _) => {
            lang.t("不能删除最后一名管理员。", "The last administrator cannot be removed.").to_owned()
        }
        (AccountError::Full, _) => lang.t("账号数量已达上限。", "No more accounts can be added.").to_owned(),
        (AccountError::Wait(s), Lang::Zh) => format!("错误次数过多，请 {s} 秒后再试。"),
        (AccountError::Wait(s), Lang::En) => format!("Too many wrong attempts: try again in {s} seconds."),
        (AccountError::NotOnRoster, _) => lang
            .t(
                "该账号未登记在本设备的工作人员名册中：请管理员为其重设 PIN。",
                "This account is not on this device's staff roster: an administrator must reset its PIN.",
            )
            .to_owned(),
        (AccountError::RosterKept, _) => lang
            .t(
                "本设备的核验记录中已有工作人员名册，但账号已被删除：不能重新设置首位管理员。如需重置本设备，请清除本站全部数据（将生成新的设备密钥）。",
                "This device's log has a staff roster, but its accounts were deleted: no new first administrator can be set up. To reset the device, clear all of this site's data (a new device key is made).",
            )
            .to_owned(),
        (AccountError::NoPasskey, _) => lang
            .t(
                "未能用安全密钥登录（该密钥在本设备上没有所填工号的记录）：请用 PIN 登录。",
                "The security key did not sign you in (this device keeps none of it for the staff number typed): sign in with the PIN.",
            )
            .to_owned(),
        (AccountError::PasskeysFull, _) => lang
            .t(
                "您在本设备上的安全密钥已达上限（5 把）：请先删除后再添加。",
                "You have as many security keys on this device as it keeps (5): remove them before adding another.",
            )
            .to_owned(),
        (AccountError::Changed, _) => lang
            .t(
                "添加期间您已退出登录或 PIN 已更改，未保存该安全密钥：请重新登录后再添加。",
                "You were signed out or your PIN changed while the key was being added, so nothing was kept: sign in and add it again.",
            )
            .to_owned(),
        (AccountError::PasskeyStale, _) => lang
            .t(
                "该安全密钥已失效（PIN 已更改或记录被改动），已从本设备删除：请用 PIN 登录后重新添加。",
                "That security key no longer opens the account (the PIN changed, or its record was altered) and was removed from this device: sign in with the PIN and add it again.",
            )
            .to_owned(),
        (AccountError::Passkey(PasskeyError::Cancelled), _) => {
            lang.t("已取消安全密钥验证。", "The security key check was cancelled.").to_owned()
        }
        (AccountError::Passkey(PasskeyError::NotVerified), _) => lang
            .t(
                "安全密钥未验证使用者本人（指纹或密钥的 PIN）。",
                "The security key did not verify its user (fingerprint or the key's PIN).",
            )
            .to_owned(),
        (AccountError::Passkey(PasskeyError::NoPrf), _) => lang
            .t(
                "此安全密钥不支持所需的 PRF（hmac-secret）扩展：请换一把，或继续使用 PIN。",
                "This security key lacks the PRF (hmac-secret) extension needed here: use another, or keep using the PIN.",
            )
            .to_owned(),
        (AccountError::Passkey(PasskeyError::AlreadyHere), _) => {
            lang.t("本设备已有此安全密钥。", "This device has that security key already.").to_owned()
        }
        (AccountError::Passkey(PasskeyError::BuiltIn), _) => lang
            .t(
                "不能使用电脑自带的验证器（解锁电脑的任何人都能通过它）：请使用您随身携带的安全密钥。",
                "The computer's own authenticator cannot be used (it lets in whoever unlocks the computer): use a security key you carry.",
            )
            .to_owned(),
        (AccountError::Passkey(PasskeyError::Synced), _) => lang
            .t(
                "此通行密钥可同步到其他设备（手机或密码管理器中的通行密钥），不能用于工作人员登录：请使用您随身携带的安全密钥。",
                "That passkey may be synced to other devices (a phone's or a password manager's), so it cannot sign staff in: use a security key you carry.",
            )
            .to_owned(),
        (AccountError::Passkey(PasskeyError::Unsupported), _) => lang
            .t(
                "此浏览器不支持安全密钥（需要网站以域名访问）：请使用 PIN。",
                "This browser cannot use security keys (the site must be reached by name): use the PIN.",
            )
            .to_owned(),
        (AccountError::Unavailable, _) => {
            lang.t("本设备无法保存账号（存储不可用）。", "This device cannot store accounts (no storage).").to_owned()
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
    fn new_pins_need_eight_digits() {
        assert!(well_formed("24681357"));
        assert!(!well_formed("246813"));
        assert!(!well_formed("2468135a"));
    }

    fn passkey_line(number: &str) -> String {
        Passkey { number: number.to_owned(), id: vec![7; 16], iv: vec![1; 12], sealed: vec![2; 48] }.to_line()
    }

    #[test]
    fn passkey_records_are_read_within_bounds() {
        assert_eq!(read_passkeys(&[passkey_line("0001")]).len(), 1);
        // A staff number longer than any account's, or none, reads as nothing.
        assert!(read_passkeys(&[passkey_line(&"9".repeat(MAX_FIELD + 1))]).is_empty());
        assert!(read_passkeys(&[passkey_line("")]).is_empty());
        assert!(read_passkeys(&[format!("{}\tff", passkey_line("0001"))]).is_empty(), "a field too many");
        // Only the first records are read, however many are stored.
        let many = vec![passkey_line("0001"); MAX_PASSKEY_RECORDS + 1];
        assert_eq!(read_passkeys(&many).len(), MAX_PASSKEY_RECORDS);
        assert_eq!(MAX_PASSKEY_RECORDS, 1000);
    }

    #[test]
    fn roles_are_ordered_and_named() {
        assert!(Role::Admin > Role::Supervisor && Role::Supervisor > Role::Counter);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
