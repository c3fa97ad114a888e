//! Trust data: pinned roots from `trust/roots.txt` and the bundle from
//! `trust/bundle.zzb`, both relative to the app's URL, so that replacing
//! these two files in the built site deploys the portal for another
//! authority. An imported bundle is kept in IndexedDB; the highest
//! trust-list seq ever accepted (local storage) guards against rollback.

use std::rc::Rc;

use gloo::net::http::Request;
use gloo::storage::{LocalStorage, Storage};
use zz_catalog::CatalogIndex;
use zz_core::{Bundle, Roots};

const ROOTS_URL: &str = "trust/roots.txt";
const BUNDLE_URL: &str = "trust/bundle.zzb";
const KEY_IMPORTED: &str = "zz.importedBundle";
const KEY_MAX_SEQ: &str = "zz.maxTrustSeq";

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
}

impl Trust {
    fn new(roots: Roots, bundle: Bundle, source: Source) -> Trust {
        let index = CatalogIndex::new(&bundle.catalog);
        Trust { roots, bundle, index, source }
    }
}

async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let resp = Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    resp.binary().await.map_err(|e| format!("{url}: {e}"))
}

fn max_seq() -> Option<u64> {
    LocalStorage::get::<u64>(KEY_MAX_SEQ).ok()
}

fn remember_seq(seq: u64) {
    if max_seq().is_none_or(|m| seq > m) {
        let _ = LocalStorage::set(KEY_MAX_SEQ, seq);
    }
}

/// Loads the pinned roots and the best bundle: the shipped one or an
/// imported one, whichever has the higher seq, never below one seen before.
pub async fn load() -> Result<Rc<Trust>, String> {
    let roots_text = fetch(ROOTS_URL).await?;
    let roots_text = String::from_utf8(roots_text).map_err(|_| format!("{ROOTS_URL}: not text"))?;
    let roots = Roots::parse(&roots_text).map_err(|e| format!("{ROOTS_URL}: {e}"))?;
    let min = max_seq();
    let shipped = match fetch(BUNDLE_URL).await {
        Ok(bytes) => Bundle::load(&bytes, &roots, min).map_err(|e| format!("{BUNDLE_URL}: {e}")),
        Err(e) => Err(e),
    };
    let imported =
        crate::store::get(KEY_IMPORTED).await.ok().flatten().and_then(|b| Bundle::load(&b, &roots, min).ok());
    let chosen = match (shipped, imported) {
        (Ok(s), Some(i)) if i.trust.seq > s.trust.seq => (i, Source::Imported),
        (Ok(s), _) => (s, Source::Shipped),
        (Err(_), Some(i)) => (i, Source::Imported),
        (Err(e), None) => return Err(e),
    };
    remember_seq(chosen.0.trust.seq);
    Ok(Rc::new(Trust::new(roots, chosen.0, chosen.1)))
}

/// Imports a bundle file: verified against the pinned roots, refused on
/// rollback; the current trust data stays when it is refused.
pub async fn import(current: &Trust, bytes: &[u8]) -> Result<Rc<Trust>, String> {
    let min = max_seq().unwrap_or(0).max(current.bundle.trust.seq);
    let bundle = Bundle::load(bytes, &current.roots, Some(min)).map_err(|e| e.to_string())?;
    // Kept only once stored: the seq guard must never outrun what loads.
    crate::store::put(KEY_IMPORTED, bytes).await.map_err(|e| format!("cannot store the bundle: {e}"))?;
    remember_seq(bundle.trust.seq);
    Ok(Rc::new(Trust::new(current.roots.clone(), bundle, Source::Imported)))
}

/// The clock, in unix seconds.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}
