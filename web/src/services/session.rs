//! Who is signed in on this device, and what their role allows. Signing in
//! makes a session ([`zz_log::staff`]): a non-extractable session key (in
//! IndexedDB) and the staff key's delegation to it, kept in local storage
//! for both programs and other tabs. A program takes the stored session
//! only once it has checked it ([`restore`]): the delegation signed by a
//! staff key that the audit log's roster holds with that role, for this
//! device, not expired, and its session key here. Editing local storage
//! therefore gives no role, and no entry is attributed without the
//! session's key. Signing in and out, with its log entries, is
//! [`crate::services::accounts`].

use std::cell::RefCell;
use std::rc::Rc;

use gloo::storage::Storage;
use serde::{Deserialize, Serialize};
use zz_core::envelope::hex;
use zz_log::audit::Operator;
use zz_log::staff::Delegation;

use crate::services::device::KeyPair;
use crate::services::storage::KEY_SESSION;
use crate::words::lang::Lang;

/// What a member of staff may do; each role may do what the ones before it
/// may.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Counter,
    Supervisor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Counter, Role::Supervisor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Counter => "counter",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Who may do what needs this role.
    pub fn who(self, lang: Lang) -> &'static str {
        match self {
            Role::Counter => lang.t("工作人员", "staff"),
            Role::Supervisor => lang.t("自助终端管理员或管理员", "a kiosk supervisor or an administrator"),
            Role::Admin => lang.t("管理员", "an administrator"),
        }
    }

    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Role::Counter => lang.t("窗口人员", "counter staff"),
            Role::Supervisor => lang.t("自助终端管理员", "kiosk supervisor"),
            Role::Admin => lang.t("管理员", "administrator"),
        }
    }
}

/// The role of a signed-in operator (none for an unknown role).
pub fn role_of(op: &Operator) -> Option<Role> {
    Role::parse(&op.role)
}

/// The session as kept in local storage: the delegation, and where its
/// key is kept in IndexedDB (a pointer: the key found must be the one the
/// delegation names).
#[derive(Serialize, Deserialize)]
struct Record {
    slot: String,
    delegation: Delegation,
}

/// A session this program has checked.
pub struct Live {
    /// The record as stored (another tab may replace it).
    record: String,
    slot: String,
    pub delegation: Delegation,
    pub key: KeyPair,
    pub operator: Operator,
}

thread_local! {
    static LIVE: RefCell<Option<Rc<Live>>> = const { RefCell::new(None) };
}

fn stored() -> Option<String> {
    gloo::storage::LocalStorage::raw().get_item(KEY_SESSION).ok().flatten()
}

/// Whether a session is stored (checked or not).
pub fn stored_any() -> bool {
    stored().is_some()
}

/// The session checked here, while it is the one stored and holds.
pub fn live() -> Option<Rc<Live>> {
    let l = LIVE.with(|l| l.borrow().clone())?;
    let now = crate::services::clock::now().as_secs();
    (stored().as_deref() == Some(l.record.as_str()) && l.delegation.covers(now)).then_some(l)
}

/// Who is signed in on this device (checked: see [`restore`]).
pub fn current() -> Option<Operator> {
    live().map(|l| l.operator.clone())
}

/// Whether someone with at least `role` is signed in.
pub fn signed_in_as(role: Role) -> bool {
    current().and_then(|op| role_of(&op)).is_some_and(|r| r >= role)
}

fn operator_of(d: &Delegation) -> Operator {
    Operator { name: d.name.clone(), number: d.staff.clone(), role: d.role.clone() }
}

/// Takes the session stored (by this program, the other or another tab)
/// once it is checked: its delegation holds now for this device, the
/// roster of the log holds its staff key with its role, and its session key
/// is here. Anything else signs no one in.
///
/// `roster` reads the log's roster (awaited only when a session is to be
/// checked). A stored session that has expired is ended, its key deleted.
pub async fn restore(roster: impl std::future::Future<Output = zz_log::staff::Roster>) {
    let Some(record) = stored() else {
        LIVE.with(|l| l.borrow_mut().take());
        return;
    };
    if live().is_some() {
        return;
    }
    LIVE.with(|l| l.borrow_mut().take());
    let Ok(Record { slot, delegation: d }) = serde_json::from_str::<Record>(&record) else { return };
    let now = crate::services::clock::now().as_secs();
    if now > d.until {
        end();
        return;
    }
    let Some(key) = crate::services::device::stored_key_pair(&slot).await else { return };
    let roster = roster.await;
    // The log's open session must be this one (not one signed out, or one
    // another began after).
    let open = roster.open_session() == Some(d.session().as_str());
    if hex(&key.raw_public) != d.session_key.to_ascii_lowercase() || !roster.admits(&d, now) || !open {
        return;
    }
    // Still the one stored (a sign-out meanwhile wins).
    if stored().as_deref() == Some(record.as_str()) {
        let operator = operator_of(&d);
        LIVE.with(|l| *l.borrow_mut() = Some(Rc::new(Live { record, slot, delegation: d, key, operator })));
    }
}

/// Keeps a new session, signed in here at once (its delegation made and
/// checked by the caller).
pub(crate) fn start(slot: String, delegation: Delegation, key: KeyPair) -> Result<Operator, ()> {
    // The session before, if any, is over: its key goes.
    end();
    let record = serde_json::to_string(&Record { slot: slot.clone(), delegation: delegation.clone() }).map_err(drop)?;
    gloo::storage::LocalStorage::raw().set_item(KEY_SESSION, &record).map_err(drop)?;
    let operator = operator_of(&delegation);
    let live = Live { record, slot, delegation, key, operator: operator.clone() };
    LIVE.with(|l| *l.borrow_mut() = Some(Rc::new(live)));
    Ok(operator)
}

/// Forgets who was signed in, and their session key.
pub(crate) fn end() {
    // The key of the session checked here and of the one stored (another
    // program's or tab's), both.
    let mine = LIVE.with(|l| l.borrow_mut().take()).map(|l| l.slot.clone());
    let stored = stored().and_then(|r| serde_json::from_str::<Record>(&r).ok()).map(|r| r.slot);
    gloo::storage::LocalStorage::raw().remove_item(KEY_SESSION).ok();
    for slot in [mine, stored].into_iter().flatten().filter(|s| s.starts_with(SLOT_PREFIX)) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = crate::services::idb::delete(&slot).await;
        });
    }
}

/// Where session keys are kept in IndexedDB.
pub(crate) const SLOT_PREFIX: &str = "session-key-";
