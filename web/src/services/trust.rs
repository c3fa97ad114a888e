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
//!
//! Other regions' trust authorities (SPEC section 9) are listed in
//! `trust/authorities.json` (`{"home": "上海市", "others": [{"name":
//! "浙江省", "path": "regions/zhejiang/"}]}`): each is loaded from its own
//! folder the same way (its roots and SM2 roots pinned under its name on
//! first sight, its imported bundle kept apart, rolled back never), beside
//! the home one; one that cannot be loaded is named in settings and the
//! others keep working.

use std::rc::Rc;

use gloo::net::http::Request;
use gloo::storage::{LocalStorage, Storage};
use zz_catalog::CatalogIndex;
use zz_core::envelope::hex;
use zz_core::{Authorities, Bundle, BundleError, HighWater, Roots};

use crate::services::storage::{AuthorityKeys, KEY_HIGH_WATER, KEY_LEGACY_MAX_SEQ};

const TRUST_DIR: &str = "trust/";
const AUTHORITIES_URL: &str = "trust/authorities.json";
/// The home authority's name when `trust/authorities.json` names none.
pub const HOME: &str = "home";

/// Where the bundle in use came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BundleOrigin {
    Shipped,
    Imported,
}

/// Verified trust data, ready to verify with: the home authority's and
/// the other regions' (SPEC section 9).
pub struct Trust {
    pub roots: Roots,
    /// Every authority, the home one first.
    pub authorities: Authorities,
    /// The home catalog's search index.
    pub index: CatalogIndex,
    pub source: BundleOrigin,
    /// Roots served by the site that differ from the ones pinned here (not
    /// in use until an administrator adopts them).
    pub offered_roots: Option<String>,
    /// The raw trust data, for the OFD worker (which verifies the ZZ1
    /// license an OFD file carries with the same roots and bundle).
    pub raw: Rc<RawTrust>,
    /// The other authorities loaded, in the order of `authorities`.
    pub others: Vec<Rc<Loaded>>,
    /// Authorities listed that could not be loaded, and why.
    pub refused: Vec<(String, Refusal)>,
}

/// One authority's trust data as loaded (the home one's is in [`Trust`]'s
/// own fields).
pub struct Loaded {
    pub name: String,
    /// Its folder, relative to the app (`trust/regions/zhejiang/`).
    pub dir: String,
    pub roots: Roots,
    pub source: BundleOrigin,
    pub offered_roots: Option<String>,
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
    /// The home authority's bundle: its catalog decides matters.
    pub fn bundle(&self) -> &Bundle {
        &self.authorities.home().bundle
    }

    /// The home authority's name.
    pub fn home_name(&self) -> &str {
        &self.authorities.home().name
    }

    /// A license type by code: the home catalog's, else the first other
    /// authority's that lists it.
    pub fn license_type(&self, code: &str) -> Option<&zz_core::model::LicenseType> {
        self.authorities.iter().find_map(|a| a.bundle.license_type(code))
    }

    /// The name of a license type, or its code when no catalog lists it.
    pub fn type_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.license_type(code).map_or(code, |t| t.name.as_str())
    }

    /// The authority that vouched for a report, when it is not the home
    /// one (the verdict names it).
    pub fn vouched_by<'a>(&self, r: &'a zz_core::Report) -> Option<&'a str> {
        r.authority.as_deref().filter(|a| *a != self.home_name() && self.authorities.len() > 1)
    }

    /// The bundle of the authority that verified a report (the home one's
    /// when it names none).
    pub fn bundle_of(&self, r: &zz_core::Report) -> &Bundle {
        r.authority.as_deref().and_then(|a| self.authorities.get(a)).map_or_else(|| self.bundle(), |a| &a.bundle)
    }

    /// Each authority's raw trust data, the home one first.
    pub fn raw_all(&self) -> Vec<(String, Rc<RawTrust>)> {
        std::iter::once((self.home_name().to_owned(), self.raw.clone()))
            .chain(self.others.iter().map(|o| (o.name.clone(), o.raw.clone())))
            .collect()
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
fn pinned_roots(
    keys: &AuthorityKeys,
    url: &str,
    served: Option<String>,
) -> Result<(Roots, String, Option<String>), Refusal> {
    let (text, offered) = pinned(&keys.roots, served, |t| Roots::parse(t).is_ok());
    let text = text.ok_or_else(|| Refusal {
        zh: format!("无法读取根密钥文件（{url}）"),
        en: format!("{url}: cannot be loaded"),
    })?;
    let roots = Roots::parse(&text)
        .map_err(|e| Refusal { zh: format!("根密钥文件（{url}）格式不正确"), en: format!("{url}: {e}") })?;
    Ok((roots, text, offered))
}

/// Adopts the SM2 roots the site now serves for an authority (settings,
/// by an administrator).
pub fn adopt_offered_sm2_roots(authority: &str, home: bool, offered: &str) -> Result<(), Refusal> {
    LocalStorage::set(AuthorityKeys::of(authority, home).sm2_roots, offered)
        .map_err(|e| Refusal { zh: "无法在本设备上保存 SM2 根证书".to_owned(), en: e.to_string() })
}

/// Adopts the roots the site now serves for an authority in place of the
/// pinned ones (an administrator's decision, confirmed on the settings
/// page). The page is then reloaded with the new trust anchor.
pub fn adopt_offered_roots(authority: &str, home: bool, offered: &str) -> Result<(), Refusal> {
    Roots::parse(offered).map_err(|e| Refusal {
        zh: format!("「{authority}」的根密钥文件格式不正确"),
        en: format!("{authority}: roots: {e}"),
    })?;
    LocalStorage::set(AuthorityKeys::of(authority, home).roots, offered)
        .map_err(|e| Refusal { zh: "无法在本设备上保存根密钥".to_owned(), en: e.to_string() })
}

/// `trust/authorities.json`: the home authority's name and the others'
/// folders.
#[derive(serde::Deserialize, Default)]
struct AuthorityList {
    #[serde(default)]
    home: Option<String>,
    #[serde(default)]
    others: Vec<AuthorityDir>,
}

#[derive(serde::Deserialize)]
struct AuthorityDir {
    name: String,
    path: String,
}

/// Largest `authorities.json` read, and most authorities listed.
const MAX_AUTHORITY_LIST: usize = 64 * 1024;

async fn authority_list() -> AuthorityList {
    let Ok(bytes) = fetch(AUTHORITIES_URL).await else { return AuthorityList::default() };
    if bytes.len() > MAX_AUTHORITY_LIST {
        return AuthorityList::default();
    }
    // from_str, as the site's configuration is read (one JSON reader in
    // the first load, not two).
    let text = String::from_utf8(bytes).unwrap_or_default();
    let mut list: AuthorityList = serde_json::from_str(&text).unwrap_or_default();
    list.others.truncate(zz_core::authority::MAX_AUTHORITIES - 1);
    // Only folders under `trust/` of this site.
    list.others.retain(|d| !d.path.contains("..") && !d.path.contains(':') && !d.path.starts_with('/'));
    list
}

/// One authority's files, verified: the pinned roots, the best bundle
/// (shipped or imported, never older than one seen before under its
/// root), the SM2 roots.
struct One {
    roots: Roots,
    bundle: Bundle,
    source: BundleOrigin,
    offered: Option<String>,
    raw: Rc<RawTrust>,
}

async fn load_one(dir: &str, keys: &AuthorityKeys) -> Result<One, Refusal> {
    let roots_url = format!("{dir}roots.txt");
    let bundle_url = format!("{dir}bundle.zzb");
    let served = match fetch(&roots_url).await {
        Ok(bytes) => Some(String::from_utf8(bytes).map_err(|_| Refusal {
            zh: format!("根密钥文件（{roots_url}）不是文本"),
            en: format!("{roots_url}: not text"),
        })?),
        Err(_) => None,
    };
    let (roots, roots_text, offered) = pinned_roots(keys, &roots_url, served)?;
    let accept =
        |bytes: Vec<u8>| Bundle::load(&bytes, &roots, None).and_then(|b| check_high_water(&b).map(|()| (b, bytes)));
    let shipped = match fetch(&bundle_url).await {
        Ok(bytes) => accept(bytes)
            .map_err(|e| Refusal { zh: format!("{bundle_url}：{}", e.zh()), en: format!("{bundle_url}: {e}") }),
        Err(e) => Err(Refusal { zh: format!("无法读取信任数据包（{bundle_url}）"), en: e }),
    };
    let imported = crate::services::idb::get(&keys.imported).await.ok().flatten().and_then(|b| accept(b).ok());
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
    // Only certificates are pinned (a server that answers a missing file
    // with a page must not pin that page).
    let served_sm2 = fetch(&format!("{dir}sm2-roots.pem"))
        .await
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|t| t.contains("-----BEGIN CERTIFICATE-----"));
    // The SM2 roots are pinned the same way (the OFD worker refuses what
    // is not PEM certificates).
    let (sm2_roots, offered_sm2_roots) = pinned(&keys.sm2_roots, served_sm2, |_| true);
    let sm2_roots = sm2_roots.unwrap_or_default();
    let raw = Rc::new(RawTrust { roots: roots_text, bundle: bytes, sm2_roots, offered_sm2_roots });
    Ok(One { roots, bundle, source, offered, raw })
}

/// Loads the home authority's pinned roots and best bundle, then the
/// other authorities listed; the high-water marks rise only for what is
/// kept.
pub async fn load() -> Result<Rc<Trust>, Refusal> {
    let list = authority_list().await;
    let home_name = list.home.filter(|h| !h.trim().is_empty()).unwrap_or_else(|| HOME.to_owned());
    let home = load_one(TRUST_DIR, &AuthorityKeys::of(&home_name, true)).await?;
    raise_high_water(&home.bundle);
    let index = CatalogIndex::new(&home.bundle.catalog);
    let mut authorities =
        Authorities::new(&home_name, home.bundle).map_err(|e| Refusal { zh: e.zh(), en: e.to_string() })?;
    let mut others = Vec::new();
    let mut refused = Vec::new();
    for d in list.others {
        let dir = format!("{TRUST_DIR}{}", d.path.trim_start_matches('/'));
        let dir = if dir.ends_with('/') { dir } else { format!("{dir}/") };
        let loaded = load_one(&dir, &AuthorityKeys::of(&d.name, false)).await.and_then(|one| {
            authorities.put(&d.name, one.bundle).map_err(|e| Refusal { zh: e.zh(), en: e.to_string() })?;
            if let Some(a) = authorities.get(&d.name) {
                raise_high_water(&a.bundle);
            }
            Ok(Loaded {
                name: d.name.clone(),
                dir,
                roots: one.roots,
                source: one.source,
                offered_roots: one.offered,
                raw: one.raw,
            })
        });
        match loaded {
            Ok(l) => others.push(Rc::new(l)),
            Err(e) => refused.push((d.name, e)),
        }
    }
    Ok(Rc::new(Trust {
        roots: home.roots,
        authorities,
        index,
        source: home.source,
        offered_roots: home.offered,
        raw: home.raw,
        others,
        refused,
    }))
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

/// The current authorities, loaded again from their files.
fn reload(current: &Trust) -> Result<Authorities, Refusal> {
    let load = |raw: &RawTrust| {
        Roots::parse(&raw.roots)
            .map_err(|e| Refusal { zh: "根密钥文件格式不正确".into(), en: e.to_string() })
            .and_then(|r| Bundle::load(&raw.bundle, &r, None).map_err(Refusal::from))
    };
    let mut all = Authorities::new(current.home_name(), load(&current.raw)?)
        .map_err(|e| Refusal { zh: e.zh(), en: e.to_string() })?;
    for o in &current.others {
        all.put(&o.name, load(&o.raw)?).map_err(|e| Refusal { zh: e.zh(), en: e.to_string() })?;
    }
    Ok(all)
}

/// Imports a bundle file for the authority whose pinned roots signed it
/// (named in the answer): verified, refused on rollback or when a key it
/// lists belongs to another authority; every authority's current trust
/// data stays when it is refused.
pub async fn import(current: &Trust, bytes: &[u8]) -> Result<(Rc<Trust>, String), Refusal> {
    // Whose roots signed it: the home authority's first.
    let candidates = std::iter::once((current.home_name().to_owned(), true, &current.roots))
        .chain(current.others.iter().map(|o| (o.name.clone(), false, &o.roots)));
    let mut first_error = None;
    let mut found = None;
    for (name, home, roots) in candidates {
        match Bundle::load(bytes, roots, None) {
            Ok(b) => {
                found = Some((name, home, b));
                break;
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    let Some((name, home, bundle)) = found else {
        return Err(
            first_error.map_or_else(|| Refusal { zh: "数据包无法读取".into(), en: "unreadable".into() }, Refusal::from)
        );
    };
    check_high_water(&bundle)?;
    // The authorities again from the files they were loaded from (a
    // bundle is not copied: the first load stays small).
    let mut authorities = reload(current)?;
    authorities.put(&name, bundle).map_err(|e| Refusal { zh: e.zh(), en: e.to_string() })?;
    let Some(bundle) = authorities.get(&name).map(|a| &a.bundle) else {
        return Err(Refusal { zh: "数据包无法读取".into(), en: "unreadable".into() });
    };
    // Kept only once stored: the marks must never outrun what loads.
    crate::services::idb::put(&AuthorityKeys::of(&name, home).imported, bytes).await.map_err(|e| Refusal {
        zh: "无法在本设备上保存该数据包（存储空间不足或被禁用）".to_owned(),
        en: format!("cannot store the bundle: {e}"),
    })?;
    raise_high_water(bundle);
    let index = home.then(|| CatalogIndex::new(&bundle.catalog));
    let raw_of = |old: &RawTrust| {
        Rc::new(RawTrust {
            roots: old.roots.clone(),
            bundle: bytes.to_vec(),
            sm2_roots: old.sm2_roots.clone(),
            offered_sm2_roots: old.offered_sm2_roots.clone(),
        })
    };
    let next = if home {
        Trust {
            roots: current.roots.clone(),
            index: index.unwrap_or_else(|| CatalogIndex::new(&current.bundle().catalog)),
            authorities,
            source: BundleOrigin::Imported,
            offered_roots: current.offered_roots.clone(),
            raw: raw_of(&current.raw),
            others: current.others.clone(),
            refused: current.refused.clone(),
        }
    } else {
        let others = current
            .others
            .iter()
            .map(|o| {
                if o.name == name {
                    Rc::new(Loaded {
                        name: o.name.clone(),
                        dir: o.dir.clone(),
                        roots: o.roots.clone(),
                        source: BundleOrigin::Imported,
                        offered_roots: o.offered_roots.clone(),
                        raw: raw_of(&o.raw),
                    })
                } else {
                    o.clone()
                }
            })
            .collect();
        Trust {
            roots: current.roots.clone(),
            index: CatalogIndex::new(&current.bundle().catalog),
            authorities,
            source: current.source,
            offered_roots: current.offered_roots.clone(),
            raw: current.raw.clone(),
            others,
            refused: current.refused.clone(),
        }
    };
    Ok((Rc::new(next), name))
}
