//! Trust data: the roots from `trust/roots.txt` and the bundle from
//! `trust/bundle.zzb`, both relative to the app's URL, so that replacing
//! these two files in the built site deploys the portal for another
//! authority.
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
use zz_core::{Bundle, BundleError, HighWater, Roots, UnixTime};

const ROOTS_URL: &str = "trust/roots.txt";
const BUNDLE_URL: &str = "trust/bundle.zzb";
const KEY_IMPORTED: &str = "zz.importedBundle";
const KEY_PINNED_ROOTS: &str = "zz.pinnedRoots";
const KEY_HIGH_WATER: &str = "zz.highWater";
/// The one trust seq for all roots that earlier versions kept.
const KEY_LEGACY_MAX_SEQ: &str = "zz.maxTrustSeq";

/// Where the bundle in use came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Shipped,
    Imported,
}

/// Verified trust data, ready to verify with.
pub struct Trust {
    pub roots: Roots,
    pub bundle: Bundle,
    pub index: CatalogIndex,
    pub source: Source,
    /// Roots served by the site that differ from the ones pinned here (not
    /// in use until an administrator adopts them).
    pub offered_roots: Option<String>,
}

impl Trust {
    fn new(roots: Roots, bundle: Bundle, source: Source, offered_roots: Option<String>) -> Trust {
        let index = CatalogIndex::new(&bundle.catalog);
        Trust { roots, bundle, index, source, offered_roots }
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

/// The roots in use: the pinned ones, or those served if none are pinned
/// yet (then pinned once they parse). Also the served roots when they
/// differ.
fn pinned_roots(served: Option<String>) -> Result<(Roots, Option<String>), Refusal> {
    let parse = |text: &str| {
        Roots::parse(text).map_err(|e| Refusal {
            zh: format!("根密钥文件（{ROOTS_URL}）格式不正确"),
            en: format!("{ROOTS_URL}: {e}"),
        })
    };
    match (LocalStorage::get::<String>(KEY_PINNED_ROOTS).ok(), served) {
        (Some(p), Some(s)) if p.trim() == s.trim() => Ok((parse(&p)?, None)),
        (Some(p), offered) => Ok((parse(&p)?, offered)),
        (None, Some(s)) => {
            let roots = parse(&s)?;
            let _ = LocalStorage::set(KEY_PINNED_ROOTS, &s);
            Ok((roots, None))
        }
        (None, None) => Err(Refusal {
            zh: format!("无法读取根密钥文件（{ROOTS_URL}）"),
            en: format!("{ROOTS_URL}: cannot be loaded"),
        }),
    }
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
    let (roots, offered) = pinned_roots(served)?;
    let accept = |bytes: &[u8]| Bundle::load(bytes, &roots, None).and_then(|b| check_high_water(&b).map(|()| b));
    let shipped = match fetch(BUNDLE_URL).await {
        Ok(bytes) => accept(&bytes)
            .map_err(|e| Refusal { zh: format!("{BUNDLE_URL}：{}", e.zh()), en: format!("{BUNDLE_URL}: {e}") }),
        Err(e) => Err(Refusal { zh: format!("无法读取信任数据包（{BUNDLE_URL}）"), en: e }),
    };
    let imported = crate::store::get(KEY_IMPORTED).await.ok().flatten().and_then(|b| accept(&b).ok());
    let chosen = match (shipped, imported) {
        (Ok(s), Some(i)) if i.trust.seq > s.trust.seq => (i, Source::Imported),
        // The same seq: the import may hold newer status lists.
        (Ok(s), Some(i)) if i.trust.seq == s.trust.seq && HighWater::of(&s).check(&i).is_ok() => (i, Source::Imported),
        (Ok(s), _) => (s, Source::Shipped),
        (Err(_), Some(i)) => (i, Source::Imported),
        (Err(e), None) => return Err(e),
    };
    raise_high_water(&chosen.0);
    Ok(Rc::new(Trust::new(roots, chosen.0, chosen.1, offered)))
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
    crate::store::put(KEY_IMPORTED, bytes).await.map_err(|e| Refusal {
        zh: "无法在本设备上保存该数据包（存储空间不足或被禁用）".to_owned(),
        en: format!("cannot store the bundle: {e}"),
    })?;
    raise_high_water(&bundle);
    Ok(Rc::new(Trust::new(current.roots.clone(), bundle, Source::Imported, current.offered_roots.clone())))
}

/// The clock.
pub fn now() -> UnixTime {
    UnixTime::from_secs_f64(js_sys::Date::now() / 1000.0)
}
