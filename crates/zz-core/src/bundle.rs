//! Pinned roots and the trust bundle of SPEC section 9.

use std::collections::HashMap;
use std::fmt;

use ed25519_dalek::VerifyingKey;

use crate::cbor;
use crate::envelope::{Envelope, EnvelopeError, Typ};
use crate::hex::{hex, parse_hex32};
use crate::keys::{Kid, kid_of};
// Its old path here still resolves.
pub use crate::keys::UsableKey;
use crate::model::{Catalog, KeyEntry, LicenseType, Matter, Role, StatusListPayload, StatusValue, TrustList};
use crate::report::{Check, CheckId, Outcome};
use crate::time::UnixTime;
use crate::transport::{DecodeError, has_zlib_header, inflate_zlib_exact};

/// Largest bundle (SPEC section 2).
pub const MAX_BUNDLE: usize = 64 * 1024 * 1024;
/// Most items in a bundle (a trust list, a catalog and status lists). SPEC
/// section 9 sets no number; this bounds the work done before signatures
/// are checked, far above any deployment's count of status lists.
pub const MAX_BUNDLE_ITEMS: usize = 4096;
/// Largest inflated status array (SPEC section 2).
pub const MAX_STATUS_LIST: usize = 16 * 1024 * 1024;

/// The demo world's root public key (derived from the public seed
/// "ZZ Verify public demo seed 2026 (not secret)"; zz-issuer's tests check
/// that it is).
pub const DEMO_ROOT: [u8; 32] = [
    0x18, 0xd2, 0x28, 0xe1, 0x84, 0xd4, 0x9e, 0x05, 0xec, 0xa5, 0x1d, 0xe6, 0x94, 0x02, 0x6b, 0x73, 0x1c, 0x78, 0x81,
    0x84, 0xe6, 0x42, 0xd2, 0x1c, 0x97, 0x29, 0x1f, 0x7c, 0x06, 0x29, 0xa8, 0xa3,
];

/// The pinned root public keys of a deployment.
#[derive(Clone, Debug)]
pub struct Roots {
    keys: Vec<UsableKey>,
}

/// Why a roots file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RootsError {
    /// A line that is not 64 hex digits.
    BadLine { line: usize },
    /// A key that is not a usable Ed25519 public key.
    BadKey { line: usize },
    /// No key at all.
    Empty,
}

impl fmt::Display for RootsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RootsError::BadLine { line } => write!(f, "line {line}: expected 64 hex digits"),
            RootsError::BadKey { line } => {
                write!(f, "line {line}: not a usable Ed25519 public key (invalid, non-canonical or of small order)")
            }
            RootsError::Empty => write!(f, "no root key"),
        }
    }
}

impl std::error::Error for RootsError {}

impl Roots {
    /// Parses the roots file of SPEC section 11: one key per line as 64 hex
    /// digits (either case); blank lines and lines starting with `#` ignored.
    pub fn parse(text: &str) -> Result<Roots, RootsError> {
        let mut keys = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let pk = parse_hex32(line).ok_or(RootsError::BadLine { line: n + 1 })?;
            keys.push(UsableKey::parse(&pk).ok_or(RootsError::BadKey { line: n + 1 })?);
        }
        Roots::from_keys(keys)
    }

    /// Roots from public keys.
    pub fn from_public_keys(pks: &[[u8; 32]]) -> Result<Roots, RootsError> {
        let keys = pks
            .iter()
            .enumerate()
            .map(|(i, pk)| UsableKey::parse(pk).ok_or(RootsError::BadKey { line: i + 1 }))
            .collect::<Result<Vec<_>, _>>()?;
        Roots::from_keys(keys)
    }

    fn from_keys(keys: Vec<UsableKey>) -> Result<Roots, RootsError> {
        if keys.is_empty() {
            return Err(RootsError::Empty);
        }
        Ok(Roots { keys })
    }

    /// Whether the demo world's root key is among these roots. Its secret
    /// derives from a public seed (zz-issuer's demo world): anyone can sign
    /// as it, so a deployment holding it must say so on every screen.
    pub fn includes_demo_root(&self) -> bool {
        self.keys.iter().any(|k| k.key.as_bytes() == &DEMO_ROOT)
    }

    fn find(&self, kid: &Kid) -> Option<&UsableKey> {
        self.keys.iter().find(|k| &k.kid == kid)
    }

    /// The kids of the pinned keys, in the file's order.
    pub fn kids(&self) -> impl Iterator<Item = &Kid> {
        self.keys.iter().map(|k| &k.kid)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Which bundle item a refusal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Bundle,
    TrustList,
    Catalog,
    StatusList,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Item::Bundle => "bundle",
            Item::TrustList => "trust list",
            Item::Catalog => "catalog",
            Item::StatusList => "status list",
        })
    }
}

/// Why a bundle was refused (whole: the caller keeps the one it had).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleError {
    pub item: Item,
    /// The kind of refusal, for words in either language.
    pub why: Why,
    /// The details, in English (for logs and the command line).
    pub reason: String,
}

/// The kinds of refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Not well-formed, or not what the item must hold.
    Malformed,
    /// Over a size or count limit.
    TooLarge,
    /// Signed by a key that is not a pinned root (or not a status key).
    UnknownSigner,
    /// The signature does not verify.
    BadSignature,
    /// Signed outside its key's validity.
    OutsideValidity,
    /// Older than trust data already seen.
    Rollback,
    /// An id or code appears twice.
    Duplicate,
    /// A required item is missing.
    Missing,
}

impl Item {
    /// The item in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Item::Bundle => "数据包",
            Item::TrustList => "信任列表",
            Item::Catalog => "证照目录",
            Item::StatusList => "状态列表",
        }
    }
}

impl BundleError {
    /// Why, in Chinese, for people at a counter.
    pub fn zh(&self) -> String {
        let why = match self.why {
            Why::Malformed => "格式不正确或已损坏",
            Why::TooLarge => "超出大小或数量限制",
            Why::UnknownSigner => "不是由已固定的根密钥（或状态密钥）签名的，来源不可信",
            Why::BadSignature => "签名验证未通过，文件可能被改动",
            Why::OutsideValidity => "签名时密钥不在有效期内",
            Why::Rollback => "比本设备已有的信任数据旧（不允许回退）",
            Why::Duplicate => "含有重复的编号或代码",
            Why::Missing => "缺少必需的内容",
        };
        format!("{}{}", self.item.zh(), why)
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.reason)
    }
}

impl std::error::Error for BundleError {}

fn refuse(item: Item, why: Why, reason: impl Into<String>) -> BundleError {
    BundleError { item, why, reason: reason.into() }
}

/// A trust-list key with its parsed public key (`None`: never usable).
#[derive(Clone, Debug)]
pub struct TrustedKey {
    pub entry: KeyEntry,
    pub key: Option<VerifyingKey>,
}

impl TrustedKey {
    /// SPEC section 6: K.validFrom <= t < K.validTo and t < K.revokedAt.
    pub fn valid_at(&self, t: UnixTime) -> bool {
        self.entry.valid_at(t)
    }
}

/// A verified status list, inflated.
#[derive(Clone, Debug)]
pub struct StatusList {
    pub id: String,
    pub iat: UnixTime,
    /// Seconds after `iat` the list may be relied upon.
    pub ttl: u64,
    /// The status array, 4 entries per byte.
    bits: Vec<u8>,
}

impl StatusList {
    /// Number of entries.
    pub fn len(&self) -> u64 {
        (self.bits.len() as u64).saturating_mul(4)
    }

    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }

    /// Entry `idx`, or `None` past the end of the list.
    pub fn get(&self, idx: u64) -> Option<StatusValue> {
        let byte = usize::try_from(idx / 4).ok()?;
        let shift = (idx % 4) * 2;
        self.bits.get(byte).map(|b| StatusValue::from_bits(b >> shift))
    }

    /// The instant after which the list may no longer be relied upon.
    pub fn expires(&self) -> UnixTime {
        self.iat.saturating_add_secs(self.ttl)
    }

    /// Whether it is stale at `now`: only `now <= iat + ttl` is fresh.
    pub fn stale_at(&self, now: UnixTime) -> bool {
        now > self.expires()
    }
}

/// A verified bundle: trust list, catalog and status lists, keys parsed.
#[derive(Clone, Debug)]
pub struct Bundle {
    pub trust: TrustList,
    pub catalog: Catalog,
    /// The kid of the pinned root that signed the trust list.
    pub root: Kid,
    keys: HashMap<Kid, TrustedKey>,
    status: HashMap<String, StatusList>,
    fresh: Check,
}

fn envelope_error(item: Item, e: EnvelopeError) -> BundleError {
    match e {
        EnvelopeError::Malformed(m) | EnvelopeError::Structure(m) => refuse(item, Why::Malformed, m),
    }
}

fn verify_by_root(item: Item, env: &Envelope, roots: &Roots) -> Result<(), BundleError> {
    let root = roots.find(&env.kid).ok_or_else(|| {
        refuse(item, Why::UnknownSigner, format!("signed by {}, which is not a pinned root", hex(&env.kid)))
    })?;
    if !env.verify(&root.key) {
        return Err(refuse(item, Why::BadSignature, "signature does not verify"));
    }
    Ok(())
}

impl Bundle {
    /// Loads a bundle: the CBOR array of SPEC section 9, verified against
    /// `roots`. `min_seq` is the highest trust-list seq seen before: a lower
    /// one is a rollback and refused. Any failing item refuses the bundle.
    pub fn load(bytes: &[u8], roots: &Roots, min_seq: Option<u64>) -> Result<Bundle, BundleError> {
        if bytes.len() > MAX_BUNDLE {
            return Err(refuse(Item::Bundle, Why::TooLarge, "larger than 64 MiB"));
        }
        // The array is walked as borrowed byte strings and each item's
        // envelope read head by head: nothing is built from bytes that no
        // signature has vouched for yet.
        let items = cbor::byte_string_array(bytes, MAX_BUNDLE_ITEMS)
            .map_err(|e| refuse(Item::Bundle, Why::Malformed, e.reason()))?;
        let mut trust = None;
        let mut catalog = None;
        let mut status = Vec::new();
        for b in items {
            let env = Envelope::parse(b).map_err(|e| envelope_error(Item::Bundle, e))?;
            let slot = match env.typ {
                Typ::Trust => &mut trust,
                Typ::Catalog => &mut catalog,
                Typ::Status => {
                    status.push(env);
                    continue;
                }
                other => {
                    return Err(refuse(
                        Item::Bundle,
                        Why::Malformed,
                        format!("an item of typ {} is not allowed", other.media_type()),
                    ));
                }
            };
            if slot.replace(env).is_some() {
                return Err(refuse(Item::Bundle, Why::Duplicate, "more than one trust list or catalog"));
            }
        }
        let trust_env = trust.ok_or_else(|| refuse(Item::Bundle, Why::Missing, "no trust list"))?;
        let catalog_env = catalog.ok_or_else(|| refuse(Item::Bundle, Why::Missing, "no catalog"))?;

        verify_by_root(Item::TrustList, &trust_env, roots)?;
        let trust_value = trust_env.payload_item().map_err(|e| refuse(Item::TrustList, Why::Malformed, e.reason()))?;
        let trust =
            TrustList::from_cbor(&trust_value).map_err(|e| refuse(Item::TrustList, Why::Malformed, e.reason()))?;
        if let Some(min) = min_seq {
            not_below(Item::TrustList, trust.seq, min)?;
        }
        let keys = index_keys(&trust)?;
        check_seals(&trust)?;

        verify_by_root(Item::Catalog, &catalog_env, roots)?;
        let catalog_value =
            catalog_env.payload_item().map_err(|e| refuse(Item::Catalog, Why::Malformed, e.reason()))?;
        let catalog =
            Catalog::from_cbor(&catalog_value).map_err(|e| refuse(Item::Catalog, Why::Malformed, e.reason()))?;
        check_catalog(&catalog)?;

        let mut lists = HashMap::new();
        for env in &status {
            let list = load_status(env, roots, &keys)?;
            if lists.contains_key(&list.id) {
                return Err(refuse(Item::StatusList, Why::Duplicate, format!("two lists with id {:?}", list.id)));
            }
            lists.insert(list.id.clone(), list);
        }
        let fresh = fresh_check(trust.seq, trust.iat);
        Ok(Bundle { trust, catalog, root: trust_env.kid, keys, status: lists, fresh })
    }

    /// The bundle's `iat`: its trust list's.
    pub fn iat(&self) -> UnixTime {
        self.trust.iat
    }

    /// What the bundle holds and how fresh it is at `now`.
    pub fn summary(&self, now: UnixTime) -> crate::report::TrustSummary {
        let status_lists: Vec<crate::report::StatusListSummary> = self
            .status_lists()
            .map(|l| crate::report::StatusListSummary {
                id: l.id.clone(),
                entries: l.len(),
                iat: l.iat,
                ttl: l.ttl,
                expires: l.expires(),
                age_seconds: now.seconds_since(l.iat),
                stale: l.stale_at(now),
            })
            .collect();
        crate::report::TrustSummary {
            trust_seq: self.trust.seq,
            trust_iat: self.trust.iat,
            next_update: self.trust.next_update,
            catalog_seq: self.catalog.seq,
            catalog_iat: self.catalog.iat,
            bundle_iat: self.iat(),
            age_seconds: now.seconds_since(self.iat()),
            outdated: self.outdated_at(now),
            clock_behind: self.ahead_of(now),
            stale: status_lists.iter().any(|l| l.stale),
            keys: self.trust.keys.len(),
            types: self.catalog.types.len(),
            public_types: self.catalog.types.iter().filter(|t| t.public).count(),
            matters: self.catalog.matters.len(),
            status_lists,
        }
    }

    /// Whether the trust list is past its `nextUpdate` at `now`.
    pub fn outdated_at(&self, now: UnixTime) -> bool {
        now > self.trust.next_update
    }

    /// Whether `now` is before the bundle was signed (a wrong clock).
    pub fn ahead_of(&self, now: UnixTime) -> bool {
        now < self.iat()
    }

    /// The `bundle` check of SPEC section 10 at `now`: a warning when the
    /// trust list is past `nextUpdate` or the clock is before its `iat`.
    pub(crate) fn check_at(&self, now: UnixTime) -> Check {
        // Common case first: nothing to warn about, a message made at load time.
        if !self.outdated_at(now) && !self.ahead_of(now) {
            return self.fresh.clone();
        }
        let (iat, next) = (self.iat(), self.trust.next_update);
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.outdated_at(now) {
            zh.push(format!("信任列表已过更新时间（{}），请更新信任数据", next.zh()));
            en.push(format!("The trust list is past its next update ({}): update the trust data", next.en()));
        }
        if self.ahead_of(now) {
            zh.push(format!("设备时钟早于信任数据的签发时间（{}），时钟可能有误", iat.zh()));
            en.push(format!(
                "The device clock is earlier than the trust data ({}): the clock is probably wrong",
                iat.en()
            ));
        }
        Check { id: CheckId::Bundle, outcome: Outcome::Warn, zh: zh.join("；").into(), en: en.join("; ").into() }
    }

    /// A trust-list key by kid.
    pub fn key(&self, kid: &Kid) -> Option<&TrustedKey> {
        self.keys.get(kid)
    }

    /// The seal entry of an SM2 certificate, by the SHA-256 of its
    /// `SubjectPublicKeyInfo` (SPEC section 6, `seals`).
    pub fn seal(&self, spki: &[u8; 32]) -> Option<&crate::model::SealEntry> {
        self.trust.seals.iter().flatten().find(|s| &s.spki == spki)
    }

    /// Whether the trust list lists any seal certificate at all.
    pub fn has_seals(&self) -> bool {
        self.trust.seals.as_ref().is_some_and(|s| !s.is_empty())
    }

    /// A status list by id.
    pub fn status_list(&self, id: &str) -> Option<&StatusList> {
        self.status.get(id)
    }

    /// Every status list, by id.
    pub fn status_lists(&self) -> impl Iterator<Item = &StatusList> {
        let mut lists: Vec<&StatusList> = self.status.values().collect();
        lists.sort_by(|a, b| a.id.cmp(&b.id));
        lists.into_iter()
    }

    /// A license type of the catalog by code.
    pub fn license_type(&self, code: &str) -> Option<&LicenseType> {
        self.catalog.types.iter().find(|t| t.code == code)
    }

    /// The name of a license type, or its code when the catalog lacks it.
    pub fn type_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.license_type(code).map_or(code, |t| t.name.as_str())
    }

    /// The sequence numbers and time a report made with this bundle names.
    pub fn trust_ref(&self) -> crate::report::TrustRef {
        crate::report::TrustRef { trust_seq: self.trust.seq, catalog_seq: self.catalog.seq, bundle_iat: self.iat() }
    }

    /// A matter of the usage lists by code.
    pub fn matter(&self, code: &str) -> Option<&Matter> {
        self.catalog.matters.iter().find(|m| m.code == code)
    }

    /// The matters that accept a license type.
    pub fn matters_accepting<'a>(&'a self, type_code: &'a str) -> impl Iterator<Item = &'a Matter> + 'a {
        self.catalog.matters.iter().filter(move |m| m.need(type_code).is_some())
    }
}

/// The `bundle` check when the trust data is fresh (made once per bundle).
fn fresh_check(seq: u64, iat: UnixTime) -> Check {
    Check {
        id: CheckId::Bundle,
        outcome: Outcome::Pass,
        zh: format!("信任数据第 {seq} 版，签发于 {}", iat.zh()).into(),
        en: format!("Trust data seq {seq}, issued {}", iat.en()).into(),
    }
}

/// The newest trust data a verifier has accepted under one root: what a
/// later bundle under that root must not undercut. A bundle whose trust
/// list is older is a rollback (SPEC section 6); so is one whose catalog is
/// older, or that carries a status list older (`iat`) than the one held
/// under the same id (it could bring back a list from before a revocation
/// while its ttl lasts). Keep one per root ([`Bundle::root`]), so that a
/// bundle under other roots can never lock out the real ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HighWater {
    pub trust_seq: u64,
    pub catalog_seq: u64,
    /// Status list id → the newest `iat` accepted.
    pub status_iat: std::collections::BTreeMap<String, UnixTime>,
}

impl HighWater {
    /// The marks a bundle sets.
    pub fn of(bundle: &Bundle) -> HighWater {
        let mut marks = HighWater::default();
        marks.raise(bundle);
        marks
    }

    /// Refuses `bundle` when it is older than these marks in any way.
    pub fn check(&self, bundle: &Bundle) -> Result<(), BundleError> {
        not_below(Item::TrustList, bundle.trust.seq, self.trust_seq)?;
        not_below(Item::Catalog, bundle.catalog.seq, self.catalog_seq)?;
        for list in bundle.status.values() {
            if let Some(&held) = self.status_iat.get(&list.id).filter(|&&held| list.iat < held) {
                return Err(refuse(
                    Item::StatusList,
                    Why::Rollback,
                    format!(
                        "list {:?}: rollback: signed at {} before the one held, signed at {held}",
                        list.id, list.iat
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Raises the marks to what `bundle` holds.
    pub fn raise(&mut self, bundle: &Bundle) {
        self.trust_seq = self.trust_seq.max(bundle.trust.seq);
        self.catalog_seq = self.catalog_seq.max(bundle.catalog.seq);
        for list in bundle.status.values() {
            let held = self.status_iat.entry(list.id.clone()).or_insert(list.iat);
            *held = (*held).max(list.iat);
        }
    }
}

/// A seq lower than one seen before is a rollback.
fn not_below(item: Item, seq: u64, seen: u64) -> Result<(), BundleError> {
    if seq < seen {
        return Err(refuse(item, Why::Rollback, format!("rollback: seq {seq} is lower than {seen}, seen before")));
    }
    Ok(())
}

fn index_keys(trust: &TrustList) -> Result<HashMap<Kid, TrustedKey>, BundleError> {
    let mut keys = HashMap::with_capacity(trust.keys.len());
    for entry in &trust.keys {
        if kid_of(&entry.pk) != entry.kid {
            return Err(refuse(
                Item::TrustList,
                Why::Malformed,
                format!("kid {} does not match its key", hex(&entry.kid)),
            ));
        }
        // A key that is not a point, or of small order, is never usable.
        let key = UsableKey::parse(&entry.pk).map(|k| k.key);
        if keys.insert(entry.kid, TrustedKey { entry: entry.clone(), key }).is_some() {
            return Err(refuse(Item::TrustList, Why::Duplicate, format!("kid {} appears twice", hex(&entry.kid))));
        }
    }
    Ok(keys)
}

/// Two seal entries of one certificate key make the trust list invalid
/// (SPEC section 6): which department it belongs to would be ambiguous.
fn check_seals(trust: &TrustList) -> Result<(), BundleError> {
    let mut spkis: Vec<&[u8; 32]> = trust.seals.iter().flatten().map(|s| &s.spki).collect();
    spkis.sort_unstable();
    if let Some(w) = spkis.windows(2).find(|w| w.first() == w.get(1)) {
        let spki = w.first().map_or_else(String::new, |s| hex(s.as_slice()));
        return Err(refuse(Item::TrustList, Why::Duplicate, format!("seal spki {spki} appears twice")));
    }
    Ok(())
}

/// Type and matter codes must be unique, or lookups would be ambiguous.
fn check_catalog(catalog: &Catalog) -> Result<(), BundleError> {
    let mut codes: Vec<&str> = catalog.types.iter().map(|t| t.code.as_str()).collect();
    codes.sort_unstable();
    if let Some(w) = codes.windows(2).find(|w| matches!(w, [a, b] if a == b)) {
        return Err(refuse(Item::Catalog, Why::Duplicate, format!("type code {:?} appears twice", w.first())));
    }
    let mut matters: Vec<&str> = catalog.matters.iter().map(|m| m.code.as_str()).collect();
    matters.sort_unstable();
    if let Some(w) = matters.windows(2).find(|w| matches!(w, [a, b] if a == b)) {
        return Err(refuse(Item::Catalog, Why::Duplicate, format!("matter code {:?} appears twice", w.first())));
    }
    Ok(())
}

fn load_status(env: &Envelope, roots: &Roots, keys: &HashMap<Kid, TrustedKey>) -> Result<StatusList, BundleError> {
    let item = Item::StatusList;
    // The signature first: the payload is decoded only once it is vouched for.
    let signer = match roots.find(&env.kid) {
        Some(_) => {
            verify_by_root(item, env, roots)?;
            None
        }
        None => {
            let signer = keys
                .get(&env.kid)
                .filter(|k| k.entry.has_role(Role::Status))
                .ok_or_else(|| refuse(item, Why::UnknownSigner, "signer is neither a root nor a status key"))?;
            let key =
                signer.key.as_ref().ok_or_else(|| refuse(item, Why::UnknownSigner, "signing key is not usable"))?;
            if !env.verify(key) {
                return Err(refuse(item, Why::BadSignature, "signature does not verify"));
            }
            Some(signer)
        }
    };
    let value = env.payload_item().map_err(|e| refuse(item, Why::Malformed, e.reason()))?;
    let payload = StatusListPayload::from_cbor(&value).map_err(|e| refuse(item, Why::Malformed, e.reason()))?;
    if signer.is_some_and(|s| !s.valid_at(payload.iat)) {
        return Err(refuse(
            item,
            Why::OutsideValidity,
            format!("list {:?}: signed outside its key's validity", payload.id),
        ));
    }
    if !has_zlib_header(&payload.lst) {
        return Err(refuse(item, Why::Malformed, format!("list {:?}: lst is not zlib data", payload.id)));
    }
    let bits = inflate_zlib_exact(&payload.lst, MAX_STATUS_LIST).map_err(|e| match e {
        DecodeError::TooLarge => {
            refuse(item, Why::TooLarge, format!("list {:?}: larger than 16 MiB once inflated", payload.id))
        }
        _ => refuse(item, Why::Malformed, format!("list {:?}: lst does not inflate", payload.id)),
    })?;
    Ok(StatusList { id: payload.id, iat: payload.iat, ttl: payload.ttl, bits })
}
