//! Who did it, proven: staff keys, sessions and the roster.
//!
//! A member of staff has a **staff key** (Ed25519), made from their PIN's
//! PBKDF2 output ([`staff_key`]); it is never stored, only its public half.
//! Signing in, the staff key signs a [`Delegation`] to a short-lived
//! **session key** made on the device (non-extractable in the browser):
//! for one device, one staff number and role, at most
//! [`MAX_SESSION_SECS`]. Each entry the session writes carries an
//! [`Attestation`]: the session's id and the session key's signature of the
//! entry (its place in the chain included); the entry that starts a session
//! (`sign-in`, the first administrator's setup, the roster after a prune)
//! carries the delegation itself.
//!
//! The **roster** (who is staff, with which key and role) is read from the
//! log ([`Roster::follow`]): the first administrator's setup entry anchors
//! it (trust on first use, as the device key is); each later change
//! (`staff-added`, `staff-removed`, `staff-pin-reset`) must be attested by
//! an administrator on the roster, a PIN change (`staff-pin-changed`) by
//! the member themselves. A log whose start was pruned is re-anchored by the
//! `staff-roster` entry the pruning administrator's session writes.
//!
//! An entry is attributed to a staff key only when all of this holds; an
//! entry that names an operator without it is flagged: the name was only
//! claimed (set in the browser's storage, or written by an older version).

use std::collections::{BTreeMap, HashMap};

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::scalar::{Scalar, clamp_integer};
use ed25519_dalek::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256, Sha512};
use zz_core::envelope::{hex, parse_hex};

use crate::Event;
use crate::audit::{ALG, ALG_P256, Entry};

/// A delegation's `format`.
pub const DELEGATION_FORMAT: &str = "zz-staff-session/1";
/// Longest session: a working day.
pub const MAX_SESSION_SECS: i64 = 12 * 3600;
/// The role that may change the roster.
pub const ADMIN: &str = "admin";
/// Most members a roster holds (as the portal's accounts).
pub const MAX_MEMBERS: usize = 1000;

/// A member's staff key (Ed25519), made from the output of their PIN's
/// derivation (PBKDF2 in the portal): SHA-256 of a label and the output is
/// the Ed25519 seed. The PIN's stored check is the public key, so the
/// output itself is never kept.
///
/// Why not `ed25519_dalek::SigningKey`: it multiplies by the base point with
/// a 30 KB precomputed table, which would weigh on the portal's first load
/// for two signatures per sign-in. This computes the same keys and
/// signatures (RFC 8032; tested equal to ed25519-dalek's) with
/// curve25519-dalek's constant-time variable-base multiplication and no
/// table.
pub struct StaffKey {
    scalar: Scalar,
    prefix: [u8; 32],
    public: [u8; 32],
}

impl StaffKey {
    /// The key of a PIN's derivation output.
    pub fn from_derived(derived: &[u8]) -> StaffKey {
        let mut h = Sha256::new();
        h.update(b"zz-staff-key/1\0");
        h.update(derived);
        StaffKey::from_seed(&h.finalize().into())
    }

    /// The key of an Ed25519 seed (RFC 8032 secret key).
    pub fn from_seed(seed: &[u8; 32]) -> StaffKey {
        let h: [u8; 64] = Sha512::digest(seed).into();
        let (low, high) = h.split_at(32);
        let mut scalar_bytes = [0u8; 32];
        scalar_bytes.copy_from_slice(low);
        let mut prefix = [0u8; 32];
        prefix.copy_from_slice(high);
        let scalar = Scalar::from_bytes_mod_order(clamp_integer(scalar_bytes));
        let public = (ED25519_BASEPOINT_POINT * scalar).compress().to_bytes();
        StaffKey { scalar, prefix, public }
    }

    /// The public key, hex.
    pub fn public_hex(&self) -> String {
        hex(&self.public)
    }

    /// The Ed25519 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        let r = Scalar::from_hash(Sha512::new().chain_update(self.prefix).chain_update(message));
        let big_r = (ED25519_BASEPOINT_POINT * r).compress().to_bytes();
        let k = Scalar::from_hash(Sha512::new().chain_update(big_r).chain_update(self.public).chain_update(message));
        let s = k * self.scalar + r;
        let mut sig = [0u8; 64];
        sig[..32].copy_from_slice(&big_r);
        sig[32..].copy_from_slice(s.as_bytes());
        sig
    }
}

/// A session's id: its public key's SHA-256, hex.
pub fn session_id(session_key: &[u8]) -> String {
    hex(&Sha256::digest(session_key))
}

/// A staff key's word that a session key acts for them, on one device,
/// for a while.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delegation {
    pub format: String,
    /// The device id the session is on.
    pub device: String,
    pub name: String,
    /// Staff number.
    pub staff: String,
    /// `counter`, `supervisor` or `admin`.
    pub role: String,
    /// The staff key (Ed25519 public key, hex).
    pub staff_key: String,
    /// The session key's algorithm ([`ALG`] or [`ALG_P256`]) and public key.
    pub alg: String,
    pub session_key: String,
    /// Unix seconds: the session holds from `from` to `until`.
    pub from: i64,
    pub until: i64,
    /// The staff key's signature (hex) of the delegation's JSON without it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sig: String,
}

impl Delegation {
    /// What the staff key signs.
    pub fn signed_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&Delegation { sig: String::new(), ..self.clone() }).unwrap_or_default()
    }

    /// Signs it with the staff key (setting `staff_key` and `format`).
    pub fn signed_by(mut self, key: &StaffKey) -> Delegation {
        self.format = DELEGATION_FORMAT.to_owned();
        self.staff_key = key.public_hex();
        self.sig = String::new();
        self.sig = hex(&key.sign(&self.signed_bytes()));
        self
    }

    /// The session's id.
    pub fn session(&self) -> String {
        parse_hex(&self.session_key).map(|k| session_id(&k)).unwrap_or_default()
    }

    /// Whether it is well made and signed by its staff key (not whether
    /// that key is on the roster, nor the time).
    pub fn holds(&self) -> bool {
        let Some(staff) = parse_hex(&self.staff_key)
            .and_then(|k| <[u8; 32]>::try_from(k).ok())
            .and_then(|k| VerifyingKey::from_bytes(&k).ok())
        else {
            return false;
        };
        let span = self.until.checked_sub(self.from);
        let session_key = parse_hex(&self.session_key).unwrap_or_default();
        // A P-256 key's point is read when a signature is checked.
        let shaped = match self.alg.as_str() {
            ALG => <[u8; 32]>::try_from(session_key).is_ok_and(|k| VerifyingKey::from_bytes(&k).is_ok()),
            ALG_P256 => session_key.len() == 65 && session_key.first() == Some(&4),
            _ => false,
        };
        self.format == DELEGATION_FORMAT
            && span.is_some_and(|s| (0..=MAX_SESSION_SECS).contains(&s))
            && shaped
            && signed_ed25519(&staff, &self.signed_bytes(), &self.sig)
    }

    /// Whether the session holds at `time` (unix seconds).
    pub fn covers(&self, time: i64) -> bool {
        self.from <= time && time <= self.until
    }

    /// Whether `sig` (hex) is the session key's signature of `message`.
    pub fn session_signed(&self, message: &[u8], sig: &str) -> bool {
        self.session_signed_with(message, sig, &native_p256)
    }

    /// The same, with P-256 signatures checked by `p256(key, message,
    /// signature)` (the portal asks WebCrypto: see [`Roster::p256_checks`]).
    pub fn session_signed_with(&self, message: &[u8], sig: &str, p256: &P256Check<'_>) -> bool {
        let (Some(key), Some(sig)) = (parse_hex(&self.session_key), parse_hex(sig)) else { return false };
        match self.alg.as_str() {
            ALG => <[u8; 32]>::try_from(key)
                .ok()
                .and_then(|k| VerifyingKey::from_bytes(&k).ok())
                .zip(<[u8; 64]>::try_from(sig).ok())
                .is_some_and(|(k, s)| k.verify_strict(message, &Signature::from_bytes(&s)).is_ok()),
            ALG_P256 => p256(&key, message, &sig),
            _ => false,
        }
    }
}

/// On an entry: the session that wrote it, and its signature.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attestation {
    /// The session's id ([`session_id`]).
    pub session: String,
    /// On the entry that starts the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegation: Option<Box<Delegation>>,
    /// The session key's signature (hex) of [`Entry::attested_bytes`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sig: String,
}

fn signed_ed25519(key: &VerifyingKey, message: &[u8], sig: &str) -> bool {
    parse_hex(sig)
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .is_some_and(|b| key.verify_strict(message, &Signature::from_bytes(&b)).is_ok())
}

/// A check of a P-256 signature: the public key (SEC1), the message, the
/// signature (r‖s, as WebCrypto makes them).
pub type P256Check<'a> = dyn Fn(&[u8], &[u8], &[u8]) -> bool + 'a;

/// [`P256Check`] by RustCrypto's `p256` (natively; the portal asks
/// WebCrypto instead, keeping the curve's code out of its first load).
pub fn native_p256(key: &[u8], message: &[u8], sig: &[u8]) -> bool {
    use p256::ecdsa::signature::Verifier as _;
    let (Ok(k), Ok(s)) = (p256::ecdsa::VerifyingKey::from_sec1_bytes(key), p256::ecdsa::Signature::from_slice(sig))
    else {
        return false;
    };
    k.verify(message, &s).is_ok()
}

/// A P-256 signature that reading a log will check: key, message,
/// signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct P256Signed {
    pub key: Vec<u8>,
    pub message: Vec<u8>,
    pub sig: Vec<u8>,
}

/// A member of staff on the roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// Staff number.
    pub staff: String,
    pub role: String,
    /// Their staff key (hex).
    pub staff_key: String,
}

/// Whom an entry is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Attribution {
    /// No operator named (a citizen's verification, the device's own note).
    Nobody,
    /// Proven: a session of this staff key, on the roster with this role.
    Staff { staff: String, role: String, staff_key: String },
    /// An operator named, or a session given, without the proof: why.
    Unproven { why: String },
}

/// The roster as the log builds it, and the sessions seen.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    device: String,
    members: BTreeMap<String, Member>,
    sessions: HashMap<String, Delegation>,
    anchored: bool,
    /// Administrators' staff keys given from elsewhere (`zz log verify
    /// --admin-key`): only one of them may anchor the roster.
    pinned: Option<Vec<String>>,
    /// Whether an entry carrying a session was read (the first
    /// administrator's setup must be the first).
    attested: bool,
    /// Whether the log read starts after a prune (a roster entry anchors it).
    starts_pruned: bool,
    /// The session that began last and has not signed out: one at a time
    /// on a device, so an entry of any other is refused.
    open: Option<String>,
    /// While reading the entries a log kept from before its roster entry
    /// (read ahead): attribution only, their changes are in the roster.
    replaying: bool,
}

fn unproven(why: &str) -> Attribution {
    Attribution::Unproven { why: why.to_owned() }
}

/// The roles there are.
pub const ROLES: [&str; 3] = ["counter", "supervisor", ADMIN];

/// Whether `key` is an Ed25519 public key in hex.
fn is_staff_key(key: &str) -> bool {
    parse_hex(key).and_then(|k| <[u8; 32]>::try_from(k).ok()).is_some_and(|k| VerifyingKey::from_bytes(&k).is_ok())
}

impl Roster {
    /// An empty roster for the log of `device` (its id).
    pub fn new(device: &str) -> Roster {
        Roster { device: device.to_owned(), ..Roster::default() }
    }

    /// An empty roster whose anchor must be one of these administrators'
    /// staff keys (hex), known from elsewhere.
    pub fn pinned(device: &str, admin_keys: Vec<String>) -> Roster {
        let keys = admin_keys.into_iter().map(|k| k.trim().to_ascii_lowercase()).collect();
        Roster { pinned: Some(keys), ..Roster::new(device) }
    }

    /// The roster of a whole log: each entry's attribution, in order.
    pub fn of_log(device: &str, entries: &[Entry]) -> (Roster, Vec<Attribution>) {
        let mut r = Roster::new(device);
        let who = r.follow_all(entries, entries.first().is_some_and(|e| e.n > 1), &native_p256);
        (r, who)
    }

    /// Follows every entry of a log (or the entries of it that can change
    /// the roster, in order); `starts_pruned` when the log's first entry is
    /// not entry 1. A log that starts after a prune is anchored by its first
    /// roster entry that an administrator on it wrote, read ahead: the
    /// entries kept from before it are read with that roster.
    pub fn follow_all(&mut self, entries: &[Entry], starts_pruned: bool, p256: &P256Check<'_>) -> Vec<Attribution> {
        self.starts_pruned = starts_pruned;
        // The position of the roster entry read ahead.
        let mut anchor_at = None;
        if starts_pruned && !self.anchored {
            let mut ahead = self.clone();
            for (i, e) in entries.iter().enumerate().filter(|(_, e)| e.event_kind() == Some(Event::StaffRoster)) {
                ahead.follow_with(e, p256);
                if ahead.anchored {
                    // Its roster, and its session (the pruning
                    // administrator's, whose sign-in may have been dropped).
                    self.members = ahead.members;
                    self.sessions = ahead.sessions;
                    self.open = ahead.open;
                    self.anchored = true;
                    anchor_at = Some(i);
                    break;
                }
            }
        }
        let mut who = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            self.replaying = anchor_at.is_some_and(|at| i < at);
            who.push(self.follow_with(e, p256));
        }
        self.replaying = false;
        who
    }

    /// The session the log has open (begun last, not signed out): the only
    /// one a stored session may be.
    pub fn open_session(&self) -> Option<&str> {
        self.open.as_deref()
    }

    /// The member with this staff number.
    pub fn member(&self, staff: &str) -> Option<&Member> {
        self.members.get(staff)
    }

    /// Every member, by staff number.
    pub fn members(&self) -> impl Iterator<Item = &Member> {
        self.members.values()
    }

    /// Whether the roster was anchored (by the first administrator, or a
    /// roster after a prune).
    pub fn anchored(&self) -> bool {
        self.anchored
    }

    /// Whether any entry read carried a staff session: a log with one can
    /// no longer get a first administrator.
    pub fn attested(&self) -> bool {
        self.attested
    }

    /// Whether `d` is a session of a member as the roster has them now
    /// (their current key and role), for this device, holding at `now`.
    pub fn admits(&self, d: &Delegation, now: i64) -> bool {
        d.holds()
            && d.device == self.device
            && d.covers(now)
            && self.members.get(&d.staff).is_some_and(|m| m.staff_key == d.staff_key && m.role == d.role)
    }

    /// The P-256 session signatures that following `entries` checks, for a
    /// caller that checks them ahead (asynchronously, by WebCrypto) and
    /// answers [`Roster::follow_with`] from what it found.
    pub fn p256_checks(entries: &[Entry]) -> Vec<P256Signed> {
        let mut sessions: HashMap<String, (String, String)> = HashMap::new();
        let mut out = Vec::new();
        for e in entries {
            let Some(by) = &e.by else { continue };
            if let Some(d) = by.delegation.as_deref().filter(|d| d.holds() && d.session() == by.session) {
                sessions.entry(by.session.clone()).or_insert_with(|| (d.alg.clone(), d.session_key.clone()));
            }
            if let Some((alg, key)) = sessions.get(&by.session)
                && alg == ALG_P256
                && let (Some(key), Some(sig)) = (parse_hex(key), parse_hex(&by.sig))
            {
                out.push(P256Signed { key, message: e.attested_bytes(), sig });
            }
        }
        out
    }

    /// Reads the next entry of the log: whom it is attributed to, and what
    /// it changes of the roster.
    pub fn follow(&mut self, e: &Entry) -> Attribution {
        self.follow_with(e, &native_p256)
    }

    /// [`Roster::follow`], with P-256 session signatures checked by `p256(key,
    /// message, signature)` ([`native_p256`] is what `follow` uses).
    pub fn follow_with(&mut self, e: &Entry, p256: &P256Check<'_>) -> Attribution {
        let Some(by) = &e.by else {
            return match &e.operator {
                Some(_) => unproven("an operator is named without a staff session: only claimed"),
                None => Attribution::Nobody,
            };
        };
        // The first administrator's setup is the first entry with a session.
        let first_attested = !std::mem::replace(&mut self.attested, true);
        if let Some(d) = &by.delegation {
            if !d.holds() || d.session() != by.session {
                return unproven("its delegation is not signed by the staff key it names");
            }
            if d.device != self.device {
                return unproven("its delegation is for another device");
            }
            if self.sessions.get(&by.session).is_some_and(|known| known != &**d) {
                return unproven("two delegations claim one session");
            }
            // A session begins (or says so again, as the roster after a
            // prune does): any other has ended.
            self.sessions.insert(by.session.clone(), (**d).clone());
            self.open = Some(by.session.clone());
        }
        let Some(d) = self.sessions.get(&by.session).cloned() else {
            return unproven("its session's delegation is not in the log");
        };
        if !d.session_signed_with(&e.attested_bytes(), &by.sig, p256) {
            return unproven("the session key's signature does not verify: edited, or not written by the session");
        }
        if self.open.as_deref() != Some(by.session.as_str()) {
            return unproven("written after its session ended (signed out, or another began)");
        }
        if !d.covers(e.time) {
            return unproven("written outside the time its session holds");
        }
        if e.operator.as_ref().is_none_or(|o| o.number != d.staff || o.role != d.role) {
            return unproven("the operator named is not the one the session is for");
        }
        let event = e.event_kind();
        if event == Some(Event::SignOut) {
            self.open = None;
        }
        let who = Attribution::Staff { staff: d.staff.clone(), role: d.role.clone(), staff_key: d.staff_key.clone() };
        let pinned_ok = self.pinned.as_ref().is_none_or(|keys| keys.contains(&d.staff_key.to_ascii_lowercase()));
        // The first administrator, or the roster after a prune, anchors it.
        if !self.anchored {
            return match event {
                Some(Event::StaffAdded)
                    if first_attested
                        && pinned_ok
                        && d.role == ADMIN
                        && e.staff_key.as_deref() == Some(d.staff_key.as_str())
                        && named(e).is_some_and(|(s, r)| s == d.staff && r == ADMIN) =>
                {
                    self.add(member_of(&d));
                    self.anchored = true;
                    who
                }
                Some(Event::StaffRoster) if self.starts_pruned && pinned_ok => match roster_of(e) {
                    Some(members) if members.contains(&member_of(&d)) && d.role == ADMIN => {
                        self.members = members.into_iter().map(|m| (m.staff.clone(), m)).collect();
                        self.anchored = true;
                        who
                    }
                    _ => unproven("a roster not attested by an administrator on it"),
                },
                _ => unproven(
                    "the roster is not known here (no first administrator before it, or none that may anchor it)",
                ),
            };
        }
        let on_roster = self.members.get(&d.staff).is_some_and(|m| m.staff_key == d.staff_key && m.role == d.role);
        if !on_roster {
            return unproven("its staff key or role is not on the roster");
        }
        if self.replaying {
            return who;
        }
        let admin = d.role == ADMIN;
        match event {
            Some(Event::StaffAdded) => match (named(e), &e.staff_key) {
                (Some((staff, role)), Some(key))
                    if admin
                        && !self.members.contains_key(staff)
                        && self.members.len() < MAX_MEMBERS
                        && ROLES.contains(&role)
                        && is_staff_key(key) =>
                {
                    self.add(Member { staff: staff.to_owned(), role: role.to_owned(), staff_key: key.clone() });
                }
                _ => {
                    return unproven(
                        "a member added without an administrator, a staff key, a role, a new number or room",
                    );
                }
            },
            Some(Event::StaffRemoved) if admin => {
                let staff = e.detail.as_deref().unwrap_or_default();
                let admins = self.members.values().filter(|m| m.role == ADMIN).count();
                match self.members.get(staff) {
                    None => return unproven("a removal of no member"),
                    Some(m) if m.role == ADMIN && admins <= 1 => return unproven("the last administrator removed"),
                    Some(_) => {
                        self.members.remove(staff);
                    }
                }
            }
            Some(Event::StaffPinReset) if admin => {
                let staff = e.detail.as_deref().unwrap_or_default();
                match (self.members.get_mut(staff), &e.staff_key) {
                    (Some(m), Some(key)) if is_staff_key(key) => m.staff_key = key.clone(),
                    _ => return unproven("a PIN reset of no member, or without the new staff key"),
                }
            }
            Some(Event::StaffPinChanged) => match (self.members.get_mut(&d.staff), &e.staff_key) {
                (Some(m), Some(key)) if is_staff_key(key) => m.staff_key = key.clone(),
                _ => return unproven("a PIN change without the new staff key"),
            },
            Some(Event::StaffRemoved | Event::StaffPinReset) => {
                return unproven("a change of the roster by someone not an administrator");
            }
            Some(Event::StaffRoster) if !admin => {
                return unproven("a roster written by someone not an administrator");
            }
            // A roster written while one is known must be the one known.
            Some(Event::StaffRoster)
                if roster_of(e).is_none_or(|m| m != self.members.values().cloned().collect::<Vec<_>>()) =>
            {
                return unproven("a roster that is not the roster of the log");
            }
            _ => {}
        }
        who
    }

    fn add(&mut self, m: Member) {
        if self.members.len() < MAX_MEMBERS || self.members.contains_key(&m.staff) {
            self.members.insert(m.staff.clone(), m);
        }
    }

    /// The roster as a `staff-roster` entry's detail.
    pub fn detail(&self) -> String {
        serde_json::to_string(&self.members.values().collect::<Vec<_>>()).unwrap_or_default()
    }
}

fn member_of(d: &Delegation) -> Member {
    Member { staff: d.staff.clone(), role: d.role.clone(), staff_key: d.staff_key.clone() }
}

/// The staff number and role a `staff-added` entry names (`NUMBER ROLE`).
fn named(e: &Entry) -> Option<(&str, &str)> {
    e.detail.as_deref()?.rsplit_once(' ')
}

/// The members a `staff-roster` entry lists, by staff number.
fn roster_of(e: &Entry) -> Option<Vec<Member>> {
    let mut m: Vec<Member> = serde_json::from_str(e.detail.as_deref()?).ok()?;
    if m.len() > MAX_MEMBERS || m.iter().any(|m| !ROLES.contains(&m.role.as_str()) || !is_staff_key(&m.staff_key)) {
        return None;
    }
    m.sort_by(|a, b| a.staff.cmp(&b.staff));
    // Each staff number once.
    if m.windows(2).any(|w| w.first().map(|a| &a.staff) == w.get(1).map(|b| &b.staff)) {
        return None;
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::{Signer, SigningKey};

    use super::*;
    use crate::audit::{Device, GENESIS, Operator};

    const DAY0: i64 = 1_790_000_000;

    /// A staff member with a key made from a stand-in PIN derivation.
    struct Staff {
        key: StaffKey,
        name: &'static str,
        number: &'static str,
        role: &'static str,
    }

    fn staff(seed: u8, number: &'static str, role: &'static str) -> Staff {
        Staff { key: StaffKey::from_derived(&[seed; 32]), name: "张三", number, role }
    }

    /// A session of `s` on `device` from `from`, for an hour.
    struct Session {
        key: SigningKey,
        delegation: Delegation,
        started: bool,
    }

    fn session(s: &Staff, device: &str, from: i64, seed: u8) -> Session {
        let key = SigningKey::from_bytes(&[seed; 32]);
        let delegation = Delegation {
            device: device.to_owned(),
            name: s.name.to_owned(),
            staff: s.number.to_owned(),
            role: s.role.to_owned(),
            alg: ALG.to_owned(),
            session_key: hex(key.verifying_key().as_bytes()),
            from,
            until: from + 3600,
            ..Delegation::default()
        }
        .signed_by(&s.key);
        Session { key, delegation, started: false }
    }

    /// Writes entries to a log, attested by a session when one is given.
    struct Log {
        device: Device,
        entries: Vec<Entry>,
    }

    impl Log {
        fn new() -> Log {
            Log { device: Device::from_secret(&[7; 32]), entries: Vec::new() }
        }

        fn id(&self) -> String {
            self.device.header().device
        }

        fn write(&mut self, mut e: Entry, by: Option<&mut Session>) {
            let n = self.entries.len() as u64 + 1;
            let prev = self.entries.last().map_or(GENESIS.to_owned(), Entry::hash);
            (e.n, e.prev) = (n, prev.clone());
            if let Some(s) = by {
                let d = &s.delegation;
                e.operator = Some(Operator { name: d.name.clone(), number: d.staff.clone(), role: d.role.clone() });
                e.by = Some(Attestation {
                    session: d.session(),
                    delegation: (!s.started).then(|| Box::new(d.clone())),
                    sig: String::new(),
                });
                s.started = true;
                let sig = hex(&s.key.sign(&e.attested_bytes()).to_bytes());
                if let Some(by) = &mut e.by {
                    by.sig = sig;
                }
            }
            self.entries.push(self.device.seal(e, n, &prev));
        }

        fn who(&self) -> Vec<Attribution> {
            Roster::of_log(&self.id(), &self.entries).1
        }
    }

    fn event(event: Event, time: i64) -> Entry {
        Entry { event: event.as_str().into(), time, ..Entry::default() }
    }

    fn added(s: &Staff, time: i64) -> Entry {
        Entry {
            detail: Some(format!("{} {}", s.number, s.role)),
            staff_key: Some(s.key.public_hex()),
            ..event(Event::StaffAdded, time)
        }
    }

    fn proven(s: &Staff) -> Attribution {
        Attribution::Staff { staff: s.number.into(), role: s.role.into(), staff_key: s.key.public_hex() }
    }

    fn is_unproven(a: &Attribution, words: &str) -> bool {
        matches!(a, Attribution::Unproven { why } if why.contains(words))
    }

    /// The first administrator sets the device up, adds a clerk, and the
    /// clerk signs in and verifies.
    fn set_up() -> (Log, Staff, Staff) {
        let mut log = Log::new();
        let (admin, clerk) = (staff(1, "A001", "admin"), staff(2, "C001", "counter"));
        let mut setup = session(&admin, &log.id(), DAY0, 11);
        log.write(added(&admin, DAY0), Some(&mut setup));
        log.write(added(&clerk, DAY0 + 10), Some(&mut setup));
        let mut s = session(&clerk, &log.id(), DAY0 + 100, 12);
        log.write(event(Event::SignIn, DAY0 + 100), Some(&mut s));
        log.write(event(Event::Verify, DAY0 + 200), Some(&mut s));
        (log, admin, clerk)
    }

    /// The hand-made staff key is RFC 8032 Ed25519: the same public keys
    /// and signatures as ed25519-dalek's, over many seeds and messages.
    #[test]
    fn staff_keys_sign_as_ed25519_dalek_does() {
        let mut seed = [0u8; 32];
        for i in 0..200u32 {
            seed = Sha256::digest([&seed[..], &i.to_le_bytes()].concat()).into();
            let ours = StaffKey::from_seed(&seed);
            let theirs = SigningKey::from_bytes(&seed);
            assert_eq!(ours.public_hex(), hex(theirs.verifying_key().as_bytes()));
            let message = vec![i as u8; i as usize];
            assert_eq!(ours.sign(&message), theirs.sign(&message).to_bytes());
        }
        // RFC 8032, section 7.1, test 1.
        let seed = parse_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60").unwrap();
        let key = StaffKey::from_seed(&seed.try_into().unwrap());
        assert_eq!(key.public_hex(), "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assert_eq!(
            hex(&key.sign(b"")),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        );
    }

    #[test]
    fn entries_of_sessions_delegated_by_staff_on_the_roster_are_attributed() {
        let (log, admin, clerk) = set_up();
        assert_eq!(log.who(), [proven(&admin), proven(&admin), proven(&clerk), proven(&clerk)]);
        let (roster, _) = Roster::of_log(&log.id(), &log.entries);
        assert!(roster.anchored());
        assert_eq!(roster.member("C001").map(|m| m.role.as_str()), Some("counter"));
        let d = session(&clerk, &log.id(), DAY0 + 100, 12).delegation;
        assert!(roster.admits(&d, DAY0 + 200));
        assert!(!roster.admits(&d, DAY0 + 100 + 3601), "expired");
        assert!(audit_intact(&log));
    }

    fn audit_intact(log: &Log) -> bool {
        crate::audit::verify(&log.device.header(), &log.entries, None).is_ok()
    }

    #[test]
    fn an_operator_only_named_is_not_attributed() {
        let (mut log, _, _) = set_up();
        // What editing the browser's storage gave: a name and role, no key.
        let claimed = Entry {
            operator: Some(Operator { name: "张管理".into(), number: "A001".into(), role: "admin".into() }),
            ..event(Event::Setting, DAY0 + 300)
        };
        log.write(claimed, None);
        log.write(event(Event::Verify, DAY0 + 301), None);
        let who = log.who();
        assert!(is_unproven(&who[4], "only claimed"), "{:?}", who[4]);
        assert_eq!(who[5], Attribution::Nobody);
        assert!(audit_intact(&log), "the device signed both: intact, yet not attributed");
    }

    #[test]
    fn a_staff_key_not_on_the_roster_is_not_attributed() {
        let (mut log, _, _) = set_up();
        // Someone who made an account of their own in the device's storage
        // and signed in with its PIN: a sound delegation, no roster entry.
        let intruder = staff(9, "A009", "admin");
        let mut s = session(&intruder, &log.id(), DAY0 + 300, 19);
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut s));
        let mut lie = staff(9, "A001", "admin");
        lie.name = "张管理";
        let mut s2 = session(&lie, &log.id(), DAY0 + 300, 20);
        log.write(event(Event::Setting, DAY0 + 301), Some(&mut s2));
        let who = log.who();
        assert!(is_unproven(&who[4], "not on the roster"), "{:?}", who[4]);
        assert!(is_unproven(&who[5], "not on the roster"), "{:?}", who[5]);
        // Nor may they add themselves: they are no administrator on it.
        log.write(added(&intruder, DAY0 + 302), Some(&mut s));
        let (roster, who) = Roster::of_log(&log.id(), &log.entries);
        assert!(is_unproven(&who[6], "session ended"), "{:?}", who[6]);
        assert!(roster.member("A009").is_none());
    }

    #[test]
    fn only_an_administrator_changes_the_roster() {
        let (mut log, _, clerk) = set_up();
        let mut s = session(&clerk, &log.id(), DAY0 + 300, 13);
        let friend = staff(5, "C005", "admin");
        log.write(added(&friend, DAY0 + 301), Some(&mut s));
        log.write(Entry { detail: Some("A001".into()), ..event(Event::StaffRemoved, DAY0 + 302) }, Some(&mut s));
        let (roster, who) = Roster::of_log(&log.id(), &log.entries);
        assert!(is_unproven(&who[4], "without an administrator"), "{:?}", who[4]);
        assert!(is_unproven(&who[5], "not an administrator"), "{:?}", who[5]);
        assert!(roster.member("C005").is_none() && roster.member("A001").is_some());
    }

    #[test]
    fn an_entry_edited_after_its_session_signed_it_is_not_attributed() {
        let (mut log, _, _) = set_up();
        log.entries[3].matter = Some("edited".into());
        assert!(is_unproven(&log.who()[3], "signature does not verify"));
        // Moved elsewhere in the chain (renumbered) likewise.
        let (mut log, _, _) = set_up();
        log.entries[3].n = 9;
        assert!(is_unproven(&log.who()[3], "signature does not verify"));
    }

    #[test]
    fn sessions_hold_for_their_time_their_device_and_their_operator() {
        let (mut log, _, clerk) = set_up();
        let mut s = session(&clerk, &log.id(), DAY0 + 100, 12);
        s.started = true;
        log.write(event(Event::Verify, DAY0 + 100 + 3601), Some(&mut s));
        assert!(is_unproven(&log.who()[4], "outside the time"));

        let (mut log, _, clerk) = set_up();
        let mut other = session(&clerk, "0123456789abcdef", DAY0 + 300, 14);
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut other));
        assert!(is_unproven(&log.who()[4], "another device"));

        let (mut log, admin, clerk) = set_up();
        let mut s = session(&clerk, &log.id(), DAY0 + 300, 15);
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut s));
        log.entries.pop();
        let mut e = event(Event::Setting, DAY0 + 301);
        e.n = 5;
        e.prev = log.entries[3].hash();
        e.operator = Some(Operator { name: "x".into(), number: admin.number.into(), role: "admin".into() });
        let d = s.delegation.clone();
        e.by = Some(Attestation { session: d.session(), delegation: Some(Box::new(d)), sig: String::new() });
        let sig = hex(&s.key.sign(&e.attested_bytes()).to_bytes());
        if let Some(b) = e.by.as_mut() {
            b.sig = sig;
        }
        log.entries.push(log.device.seal(e, 5, &log.entries[3].hash()));
        assert!(is_unproven(&log.who()[4], "not the one the session is for"));
    }

    #[test]
    fn a_delegation_not_signed_by_its_staff_key_is_refused() {
        let (mut log, _, clerk) = set_up();
        let mut s = session(&clerk, &log.id(), DAY0 + 300, 16);
        s.delegation.role = "admin".into();
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut s));
        assert!(is_unproven(&log.who()[4], "not signed by the staff key"));
        // Nor one longer than a working day.
        let mut long = session(&clerk, &log.id(), DAY0 + 300, 17);
        long.delegation.until = DAY0 + 300 + MAX_SESSION_SECS + 1;
        long.delegation = Delegation { ..long.delegation }.signed_by(&clerk.key);
        assert!(!long.delegation.holds());
    }

    #[test]
    fn a_pin_reset_moves_the_member_to_a_new_key() {
        let (mut log, admin, clerk) = set_up();
        let new = staff(3, "C001", "counter");
        let mut a = session(&admin, &log.id(), DAY0 + 300, 21);
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut a));
        let reset = Entry {
            detail: Some("C001".into()),
            staff_key: Some(new.key.public_hex()),
            ..event(Event::StaffPinReset, DAY0 + 301)
        };
        log.write(reset, Some(&mut a));
        let mut old = session(&clerk, &log.id(), DAY0 + 400, 22);
        log.write(event(Event::SignIn, DAY0 + 400), Some(&mut old));
        let mut s = session(&new, &log.id(), DAY0 + 500, 23);
        log.write(event(Event::SignIn, DAY0 + 500), Some(&mut s));
        // Their own change, attested by their session.
        let newer = staff(4, "C001", "counter");
        let change = Entry { staff_key: Some(newer.key.public_hex()), ..event(Event::StaffPinChanged, DAY0 + 501) };
        log.write(change, Some(&mut s));
        let (roster, who) = Roster::of_log(&log.id(), &log.entries);
        assert_eq!(who[5], proven(&admin));
        assert!(is_unproven(&who[6], "not on the roster"), "the old key no longer: {:?}", who[6]);
        assert_eq!(who[7], proven(&new));
        assert_eq!(who[8], proven(&new));
        assert_eq!(roster.member("C001").map(|m| m.staff_key.clone()), Some(newer.key.public_hex()));
    }

    #[test]
    fn the_roster_after_a_prune_anchors_the_rest() {
        let (mut log, admin, clerk) = set_up();
        let mut a = session(&admin, &log.id(), DAY0 + 300, 24);
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut a));
        let (roster, _) = Roster::of_log(&log.id(), &log.entries);
        log.write(Entry { detail: Some("5 x".into()), ..event(Event::Pruned, DAY0 + 301) }, None);
        // The roster entry carries the administrator's delegation again.
        a.started = false;
        log.write(Entry { detail: Some(roster.detail()), ..event(Event::StaffRoster, DAY0 + 302) }, Some(&mut a));
        let mut s = session(&clerk, &log.id(), DAY0 + 400, 25);
        log.write(event(Event::SignIn, DAY0 + 400), Some(&mut s));
        let kept = log.entries.split_off(5);
        let (after, who) = Roster::of_log(&log.id(), &kept);
        assert_eq!(who, [Attribution::Nobody, proven(&admin), proven(&clerk)]);
        assert_eq!(after.members().count(), 2);
        // A roster by someone not on it anchors nothing.
        let intruder = staff(9, "A009", "admin");
        let mut forged = kept.clone();
        let mut fake = Roster::new(&log.id());
        fake.add(Member { staff: "A009".into(), role: "admin".into(), staff_key: intruder.key.public_hex() });
        let mut other = Log { device: Device::from_secret(&[7; 32]), entries: forged.drain(..1).collect() };
        other.entries[0].n = 1;
        other.entries[0].prev = GENESIS.into();
        let mut i = session(&admin, &log.id(), DAY0 + 302, 26);
        other.write(Entry { detail: Some(fake.detail()), ..event(Event::StaffRoster, DAY0 + 302) }, Some(&mut i));
        assert!(matches!(other.who()[1], Attribution::Unproven { .. }));
    }

    #[test]
    fn kept_entries_from_before_the_roster_keep_their_sessions_and_changes() {
        let (mut log, admin, clerk) = set_up();
        let mut a = session(&admin, &log.id(), DAY0 + 300, 41);
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut a));
        let kiosk = staff(6, "K001", "supervisor");
        log.write(added(&kiosk, DAY0 + 301), Some(&mut a));
        let mut c = session(&clerk, &log.id(), DAY0 + 400, 42);
        log.write(event(Event::SignIn, DAY0 + 400), Some(&mut c));
        let (roster, _) = Roster::of_log(&log.id(), &log.entries);
        a.started = false;
        log.write(Entry { detail: Some(roster.detail()), ..event(Event::StaffRoster, DAY0 + 500) }, Some(&mut a));
        log.write(Entry { detail: Some("4 x".into()), ..event(Event::Pruned, DAY0 + 501) }, Some(&mut a));
        // The whole log, and what a prune up to #4 keeps, read alike.
        let (whole, who) = Roster::of_log(&log.id(), &log.entries);
        assert!(who.iter().all(|w| matches!(w, Attribution::Staff { .. })), "{who:?}");
        let kept = log.entries.split_off(4);
        let (after, who) = Roster::of_log(&log.id(), &kept);
        assert_eq!(who, [proven(&admin), proven(&admin), proven(&clerk), proven(&admin), proven(&admin)]);
        assert_eq!(after.members().count(), 3);
        assert_eq!(after.detail(), whole.detail());
        assert_eq!(after.open_session(), Some(a.delegation.session().as_str()));
    }

    #[test]
    fn a_first_administrator_is_only_the_first_session_of_the_log() {
        // Someone who deleted the setup entries from the device's store and
        // set themselves up: their setup is not the log's first session.
        let (mut log, _, _) = set_up();
        log.entries.remove(0);
        log.entries.remove(0);
        let intruder = staff(9, "A009", "admin");
        let mut s = session(&intruder, &log.id(), DAY0 + 300, 31);
        log.write(added(&intruder, DAY0 + 300), Some(&mut s));
        let (roster, who) = Roster::of_log(&log.id(), &log.entries);
        assert!(!roster.anchored() && roster.attested());
        assert!(who.iter().all(|a| matches!(a, Attribution::Unproven { .. })), "{who:?}");
        // Nor does an administrator's key given from elsewhere anchor one it
        // does not name.
        let (log, admin, _) = set_up();
        let mut pinned = Roster::pinned(&log.id(), vec![staff(8, "A008", "admin").key.public_hex()]);
        let who = pinned.follow_all(&log.entries, false, &native_p256);
        assert!(!pinned.anchored() && who.iter().all(|a| matches!(a, Attribution::Unproven { .. })));
        let mut pinned = Roster::pinned(&log.id(), vec![admin.key.public_hex().to_uppercase()]);
        assert_eq!(pinned.follow_all(&log.entries, false, &native_p256)[0], proven(&admin));
    }

    #[test]
    fn a_session_ends_at_its_sign_out_or_when_the_next_begins() {
        let (mut log, admin, clerk) = set_up();
        let mut s = session(&clerk, &log.id(), DAY0 + 100, 12);
        s.started = true;
        log.write(event(Event::SignOut, DAY0 + 300), Some(&mut s));
        log.write(event(Event::Verify, DAY0 + 301), Some(&mut s));
        let who = log.who();
        assert_eq!(who[4], proven(&clerk));
        assert!(is_unproven(&who[5], "session ended"), "{:?}", who[5]);
        // The administrator's older session, once another began.
        let (mut log, _, _) = set_up();
        let mut setup = session(&admin, &log.id(), DAY0, 11);
        setup.started = true;
        log.write(event(Event::Setting, DAY0 + 400), Some(&mut setup));
        assert!(is_unproven(&log.who()[4], "session ended"));
    }

    #[test]
    fn a_log_pruned_by_age_is_attributed_from_its_roster_read_ahead() {
        let (mut log, admin, clerk) = set_up();
        let mut a = session(&admin, &log.id(), DAY0 + 300, 24);
        log.write(event(Event::SignIn, DAY0 + 300), Some(&mut a));
        log.write(event(Event::Verify, DAY0 + 301), Some(&mut a));
        let (roster, _) = Roster::of_log(&log.id(), &log.entries);
        // Entries up to #5 dropped; #6 kept from before the prune. The
        // roster carries the session's delegation again.
        a.started = false;
        log.write(Entry { detail: Some(roster.detail()), ..event(Event::StaffRoster, DAY0 + 302) }, Some(&mut a));
        log.write(Entry { detail: Some("5 x".into()), ..event(Event::Pruned, DAY0 + 303) }, Some(&mut a));
        let kept = log.entries.split_off(5);
        let (_, who) = Roster::of_log(&log.id(), &kept);
        assert_eq!(who, [proven(&admin), proven(&admin), proven(&admin)]);
        let _ = clerk;
        // A roster that lists a number twice is no roster.
        let twice = format!(
            "[{{\"staff\":\"A001\",\"role\":\"admin\",\"staffKey\":\"{k}\"}},{{\"staff\":\"A001\",\"role\":\"counter\",\"staffKey\":\"{k}\"}}]",
            k = admin.key.public_hex()
        );
        assert!(roster_of(&Entry { detail: Some(twice), ..event(Event::StaffRoster, 0) }).is_none());
    }

    #[test]
    fn p256_sessions_are_read_as_the_browser_makes_them() {
        use p256::ecdsa::signature::Signer as _;
        let mut log = Log::new();
        let admin = staff(1, "A001", "admin");
        let key = p256::ecdsa::SigningKey::from_slice(&[5; 32]).unwrap();
        let public = key.verifying_key().to_encoded_point(false);
        let d = Delegation {
            device: log.id(),
            name: "张管理".into(),
            staff: "A001".into(),
            role: "admin".into(),
            alg: ALG_P256.into(),
            session_key: hex(public.as_bytes()),
            from: DAY0,
            until: DAY0 + 60,
            ..Delegation::default()
        }
        .signed_by(&admin.key);
        let mut e = added(&admin, DAY0);
        (e.n, e.prev) = (1, GENESIS.into());
        e.operator = Some(Operator { name: "张管理".into(), number: "A001".into(), role: "admin".into() });
        e.by = Some(Attestation { session: d.session(), delegation: Some(Box::new(d)), sig: String::new() });
        let sig: p256::ecdsa::Signature = key.sign(&e.attested_bytes());
        if let Some(b) = e.by.as_mut() {
            b.sig = hex(&sig.to_bytes());
        }
        log.entries.push(log.device.seal(e, 1, GENESIS));
        assert_eq!(log.who(), [proven(&admin)]);
        // What the portal checks ahead by WebCrypto, and its answer used.
        let checks = Roster::p256_checks(&log.entries);
        assert_eq!(checks.len(), 1);
        assert!(native_p256(&checks[0].key, &checks[0].message, &checks[0].sig));
        let mut r = Roster::new(&log.id());
        assert!(matches!(r.follow_with(&log.entries[0], &|_, _, _| false), Attribution::Unproven { .. }));
        let mut r = Roster::new(&log.id());
        assert_eq!(
            r.follow_with(&log.entries[0], &|k, m, s| checks.contains(&P256Signed {
                key: k.to_vec(),
                message: m.to_vec(),
                sig: s.to_vec()
            })),
            proven(&admin)
        );
    }
}
