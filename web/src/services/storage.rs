//! Every key this device keeps in local storage, in one place: both
//! programs and every tab read the same ones. Large or non-text values
//! (imported bundles, the device key, the audit log) are in IndexedDB
//! ([`crate::services::idb`]). Pages reach these through services and
//! state; the two kept for the page itself (the language, the catalog's
//! last search) are read and written here.

use gloo::storage::{LocalStorage, SessionStorage, Storage};

/// The language chosen (`zh` or `en`).
pub const KEY_LANG: &str = "zz.lang";

/// The roots pinned on this device the first time they were seen.
pub const KEY_PINNED_ROOTS: &str = "zz.pinnedRoots";
/// The SM2 roots (PEM) pinned the same way.
pub const KEY_PINNED_SM2_ROOTS: &str = "zz.pinnedSm2Roots";
/// Where an imported bundle is kept (an IndexedDB key: bundles can be
/// megabytes).
pub const KEY_IMPORTED: &str = "zz.importedBundle";
/// The newest trust data accepted so far, per root.
pub const KEY_HIGH_WATER: &str = "zz.highWater";
/// The one trust seq for all roots that earlier versions kept.
pub const KEY_LEGACY_MAX_SEQ: &str = "zz.maxTrustSeq";

/// Where one trust authority's pinned roots, SM2 roots and imported bundle
/// are kept: the home authority under the keys above, every other one
/// under `zz.authority.<name>.…` (SPEC section 9).
pub struct AuthorityKeys {
    pub roots: String,
    pub sm2_roots: String,
    /// An IndexedDB key.
    pub imported: String,
}

impl AuthorityKeys {
    pub fn of(name: &str, home: bool) -> AuthorityKeys {
        if home {
            AuthorityKeys {
                roots: KEY_PINNED_ROOTS.to_owned(),
                sm2_roots: KEY_PINNED_SM2_ROOTS.to_owned(),
                imported: KEY_IMPORTED.to_owned(),
            }
        } else {
            AuthorityKeys {
                roots: format!("zz.authority.{name}.roots"),
                sm2_roots: format!("zz.authority.{name}.sm2Roots"),
                imported: format!("zz.authority.{name}.bundle"),
            }
        }
    }
}

/// The site's configuration set on this device, in place of the site's.
pub const KEY_SITE: &str = "zz.site";

/// Staff accounts, one tab-separated line each.
pub const KEY_ACCOUNTS: &str = "zz.staff";
/// Staff passkeys on this device: one tab-separated line each (staff
/// number, credential id, and the staff key's seed sealed with the
/// passkey's secret).
pub const KEY_PASSKEYS: &str = "zz.passkeys";
/// Who is signed in (`name\tnumber\trole`).
pub const KEY_SESSION: &str = "zz.operator";
/// Wrong sign-in attempts and the wait they earned.
pub const KEY_FAILS: &str = "zz.signInFails";

/// The audit log's last entry: its number and hash, kept apart from the
/// entries (truncation).
pub const KEY_AUDIT_HEAD: &str = "zz.auditHead";
/// Checkpoints signed on this device, newest last.
pub const KEY_CHECKPOINTS: &str = "zz.checkpoints";
/// The CST day of the last checkpoint signed here (for the daily one).
pub const KEY_CHECKPOINT_DAY: &str = "zz.checkpointDay";
/// Whether this device is in practice mode (模拟办事).
pub const KEY_DRILL: &str = "zz.drill";

/// The catalog page's last search and filters.
pub const KEY_CATALOG_SEARCH: &str = "zz.catalogSearch";

/// The language chosen on this device, if any.
pub fn lang() -> Option<String> {
    LocalStorage::get(KEY_LANG).ok()
}

/// Keeps the language chosen (its code).
pub fn set_lang(code: &str) {
    let _ = LocalStorage::set(KEY_LANG, code);
}

/// The catalog page's last search in this tab (session storage).
pub fn catalog_search<T: serde::de::DeserializeOwned + Default>() -> T {
    SessionStorage::get(KEY_CATALOG_SEARCH).unwrap_or_default()
}

/// Keeps the catalog page's search for this tab.
pub fn set_catalog_search<T: serde::Serialize>(search: T) {
    let _ = SessionStorage::set(KEY_CATALOG_SEARCH, search);
}
