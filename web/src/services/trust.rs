//! Trust data: the roots from `trust/roots.txt` and the bundle from
//! `trust/bundle.zzb`, both relative to the app's URL, so that replacing
//! these two files in the built site deploys the portal for another
//! authority.
//!
//! The SM2 roots for OFD files (`trust/sm2-roots.pem`, SPEC section 12)
//! are pinned the same way; a site without them verifies OFD seals as
//! untrusted (`indeterminate` at best).
//!
//! The roots are pinned on this device the first time they are seen
//! (local storage): whoever can serve `roots.txt` later cannot replace the
//! trust anchor. Roots served that differ from the pinned ones are not
//! used; the app says so on every page, and an administrator can adopt
//! them on the settings page. An imported bundle is kept in IndexedDB; the
//! newest trust data ever accepted under each root ([`HighWater`]: trust
//! and catalog seq, each status list's `iat`) guards against rollback.

use std::rc::Rc;

use gloo::net::http::Request;
use gloo::storage::{LocalStorage, Storage};
use zz_catalog::CatalogIndex;
use zz_core::envelope::hex;
use zz_core::{Bundle, BundleError, HighWater, Roots};

use crate::services::storage::{
    KEY_HIGH_WATER, KEY_IMPORTED, KEY_LEGACY_MAX_SEQ, KEY_PINNED_ROOTS, KEY_PINNED_SM2_ROOTS,
};

const ROOTS_URL: &str = "trust/roots.txt";
const BUNDLE_URL: &str = "trust/bundle.zzb";
const SM2_ROOTS_URL: &str = "trust/sm2-roots.pem";

/// Where the bundle in use came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BundleOrigin {
    Shipped,
    Imported,
}

/// Verified trust data, ready to verify with.
pub struct Trust {
    pub roots: Roots,
    pub bundle: Bundle,
    pub index: CatalogIndex,
    pub source: BundleOrigin,
    /// Roots served by the site that differ from the ones pinned here (not
    /// in use until an administrator adopts them).
    pub offered_roots: Option<String>,
    /// The raw trust data, for the OFD worker (which verifies the ZZ1
    /// license an OFD file carries with the same roots and bundle).
    pub raw: Rc<RawTrust>,
}

/// The files the trust data was loaded from.
pub struct RawTrust {
    /// The pinned roots file.
    pub roots: String,
    /// The bundle in use.
    pub bundle: Vec<u8>,
    /// The pinned SM2 roots (PEM; empty when the site has none).
    pub sm2_roots: String,
    /// SM2 roots served that differ from the pinned ones.
    pub offered_sm2_roots: Option<String>,
}

impl Trust {
    fn new(
        roots: Roots,
        bundle: Bundle,
        source: BundleOrigin,
        offered_roots: Option<String>,
        raw: Rc<RawTrust>,
    ) -> Trust {
        let index = CatalogIndex::new(&bundle.catalog);
        Trust { roots, bundle, index, source, offered_roots, raw }
    }

    /// Whether the demo world's root is among the roots: its key derives
    /// from a public seed, so anyone can sign as it.
    pub fn is_demo(&self) -> bool {
        self.roots.includes_demo_root()
    }
}

async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let resp = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    resp.binary().await.map_err(|e| format!("{url}: {e}"))
}

/// The newest trust data accepted so far, per root (kid in hex).
fn high_water() -> std::collections::BTreeMap<String, HighWater> {
    LocalStorage::get(KEY_HIGH_WATER).unwrap_or_default()
}

/// Refuses a bundle older than what was accepted before under its root.
/// A device from before the marks per root kept one trust seq for all
/// roots: until marks exist, it still stands (never less protection).
fn check_high_water(bundle: &Bundle) -> Result<(), BundleError> {
    let all = high_water();
    match all.get(&hex(&bundle.root)) {
        Some(marks) => marks.check(bundle),
        None if all.is_empty() => LocalStorage::get::<u64>(KEY_LEGACY_MAX_SEQ)
            .map_or(Ok(()), |seq| HighWater { trust_seq: seq, ..HighWater::default() }.check(bundle)),
        None => Ok(()),
    }
}

fn raise_high_water(bundle: &Bundle) {
    let mut all = high_water();
    all.entry(hex(&bundle.root)).or_default().raise(bundle);
    if LocalStorage::set(KEY_HIGH_WATER, all).is_ok() {
        LocalStorage::delete(KEY_LEGACY_MAX_SEQ);
    }
}

/// The text pinned on this device under `key`, or the one served if none
/// is pinned yet (then pinned when `usable`); also the one served when it
/// differs from the pinned one.
fn pinned(key: &str, served: Option<String>, usable: impl Fn(&str) -> bool) -> (Option<String>, Option<String>) {
    match (LocalStorage::get::<String>(key).ok(), served) {
        (Some(p), Some(s)) if p.trim() == s.trim() => (Some(p), None),
        (Some(p), offered) => (Some(p), offered),
        (None, Some(s)) => {
            if usable(&s) {
                let _ = LocalStorage::set(key, &s);
            }
            (Some(s), None)
        }
        (None, None) => (None, None),
    }
}

/// The roots in use: the pinned ones, or those served if none are pinned
/// yet (then pinned once they parse). Also the served roots when they
/// differ.
fn pinned_roots(served: Option<String>) -> Result<(Roots, String, Option<String>), Refusal> {
    let (text, offered) = pinned(KEY_PINNED_ROOTS, served, |t| Roots::parse(t).is_ok());
    let text = text.ok_or_else(|| Refusal {
        zh: format!("无法读取根密钥文件（{ROOTS_URL}）"),
        en: format!("{ROOTS_URL}: cannot be loaded"),
    })?;
    let roots = Roots::parse(&text)
        .map_err(|e| Refusal {
            zh: format!("根密钥文件（{ROOTS_URL}）格式不正确"), en: format!("{ROOTS_URL}: {e}")
        })?;
    Ok((roots, text, offered))
}

/// Adopts the SM2 roots the site now serves (settings, by an administrator).
pub fn adopt_offered_sm2_roots(offered: &str) -> Result<(), Refusal> {
    LocalStorage::set(KEY_PINNED_SM2_ROOTS, offered)
        .map_err(|e| Refusal { zh: "无法在本设备上保存 SM2 根证书".to_owned(), en: e.to_string() })
}

/// Adopts the roots the site now serves in place of the pinned ones (an
/// administrator's decision, confirmed on the settings page). The page is
/// then reloaded with the new trust anchor.
pub fn adopt_offered_roots(offered: &str) -> Result<(), Refusal> {
    Roots::parse(offered)
        .map_err(|e| Refusal {
            zh: format!("根密钥文件（{ROOTS_URL}）格式不正确"), en: format!("{ROOTS_URL}: {e}")
        })?;
    LocalStorage::set(KEY_PINNED_ROOTS, offered)
        .map_err(|e| Refusal { zh: "无法在本设备上保存根密钥".to_owned(), en: e.to_string() })
}

/// Loads the pinned roots and the best bundle: the shipped one or an
/// imported one, whichever is newer, never older than one seen before
/// under the same root.
pub async fn load() -> Result<Rc<Trust>, Refusal> {
    let served = match fetch(ROOTS_URL).await {
        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| Refusal {
            zh: format!("根密钥文件（{ROOTS_URL}）不是文本"),
            en: format!("{ROOTS_URL}: not text"),
        })?),
        Err(_) => None,
    };
    let (roots, roots_text, offered) = pinned_roots(served)?;
    let accept =
        |bytes: Vec<u8>| Bundle::load(&bytes, &roots, None).and_then(|b| check_high_water(&b).map(|()| (b, bytes)));
    let shipped = match fetch(BUNDLE_URL).await {
        Ok(bytes) => accept(bytes)
            .map_err(|e| Refusal { zh: format!("{BUNDLE_URL}：{}", e.zh()), en: format!("{BUNDLE_URL}: {e}") }),
        Err(e) => Err(Refusal { zh: format!("无法读取信任数据包（{BUNDLE_URL}）"), en: e }),
    };
    let imported = crate::services::idb::get(KEY_IMPORTED).await.ok().flatten().and_then(|b| accept(b).ok());
    let ((bundle, bytes), source) = match (shipped, imported) {
        (Ok(s), Some(i)) if i.0.trust.seq > s.0.trust.seq => (i, BundleOrigin::Imported),
        // The same seq: the import may hold newer status lists.
        (Ok(s), Some(i)) if i.0.trust.seq == s.0.trust.seq && HighWater::of(&s.0).check(&i.0).is_ok() => {
            (i, BundleOrigin::Imported)
        }
        (Ok(s), _) => (s, BundleOrigin::Shipped),
        (Err(_), Some(i)) => (i, BundleOrigin::Imported),
        (Err(e), None) => return Err(e),
    };
    raise_high_water(&bundle);
    // Only certificates are pinned (a server that answers a missing file
    // with a page must not pin that page).
    let served_sm2 = fetch(SM2_ROOTS_URL)
        .await
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|t| t.contains("-----BEGIN CERTIFICATE-----"));
    // The SM2 roots are pinned the same way (the OFD worker refuses what
    // is not PEM certificates).
    let (sm2_roots, offered_sm2_roots) = pinned(KEY_PINNED_SM2_ROOTS, served_sm2, |_| true);
    let sm2_roots = sm2_roots.unwrap_or_default();
    let raw = Rc::new(RawTrust { roots: roots_text, bundle: bytes, sm2_roots, offered_sm2_roots });
    Ok(Rc::new(Trust::new(roots, bundle, source, offered, raw)))
}

/// Why an import was refused, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub zh: String,
    pub en: String,
}

impl From<BundleError> for Refusal {
    fn from(e: BundleError) -> Refusal {
        Refusal { zh: e.zh(), en: e.to_string() }
    }
}

/// Imports a bundle file: verified against the pinned roots, refused on
/// rollback; the current trust data stays when it is refused.
pub async fn import(current: &Trust, bytes: &[u8]) -> Result<Rc<Trust>, Refusal> {
    let bundle = Bundle::load(bytes, &current.roots, None)?;
    check_high_water(&bundle)?;
    if bundle.root == current.bundle.root {
        HighWater::of(&current.bundle).check(&bundle)?;
    }
    // Kept only once stored: the marks must never outrun what loads.
    crate::services::idb::put(KEY_IMPORTED, bytes).await.map_err(|e| Refusal {
        zh: "无法在本设备上保存该数据包（存储空间不足或被禁用）".to_owned(),
        en: format!("cannot store the bundle: {e}"),
    })?;
    raise_high_water(&bundle);
    let raw = Rc::new(RawTrust {
        roots: current.raw.roots.clone(),
        bundle: bytes.to_vec(),
        sm2_roots: current.raw.sm2_roots.clone(),
        offered_sm2_roots: current.raw.offered_sm2_roots.clone(),
    });
    Ok(Rc::new(Trust::new(current.roots.clone(), bundle, BundleOrigin::Imported, current.offered_roots.clone(), raw)))
}
