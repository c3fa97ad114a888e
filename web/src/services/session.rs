//! Who is signed in on this device, and what their role allows. The
//! session is kept in local storage for both programs (and other tabs);
//! signing in and out, with its log entries, is [`crate::services::accounts`].

use gloo::storage::{LocalStorage, Storage};
use zz_log::audit::Operator;

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

/// Who is signed in on this device (removing an account signs it out).
pub fn current() -> Option<Operator> {
    let line: String = LocalStorage::get(KEY_SESSION).ok()?;
    let mut f = line.split('\t').map(str::to_owned);
    Some(Operator { name: f.next()?, number: f.next()?, role: f.next()? })
}

/// Whether someone with at least `role` is signed in.
pub fn signed_in_as(role: Role) -> bool {
    current().and_then(|op| role_of(&op)).is_some_and(|r| r >= role)
}

/// Keeps `op` as the one signed in.
pub(crate) fn start(op: &Operator) -> Result<(), ()> {
    let line = [op.name.as_str(), &op.number, &op.role].join("\t");
    LocalStorage::set(KEY_SESSION, line).map_err(drop)
}

/// Forgets who was signed in.
pub(crate) fn end() {
    LocalStorage::delete(KEY_SESSION);
}
