//! # zz-issuer: the reference ZZ1 issuing side
//!
//! Signs everything `SPEC.md` defines — licenses, annotated copies, trust
//! lists, catalogs, status lists — packs bundles, and writes `ZZ1:` text
//! and QR images. The payload encodings come from [`zz_core::model`], so
//! the issuer and the verifier cannot disagree on a key name.
//!
//! Keys can be derived deterministically from a seed text: that is for
//! demos and tests only, and every such key is public knowledge.

use ciborium::value::Value;
use ed25519_dalek::{Signer as _, SigningKey};
use sha2::{Digest, Sha256};
use zz_core::cbor;
use zz_core::envelope::{Kid, hex, kid_of, sign};
use zz_core::model::{Annotation, Catalog, KeyEntry, License, Named, Role, StatusListPayload, TrustList};
use zz_core::{Typ, UnixTime};

pub mod demo;
pub mod device;
pub mod ofd;
pub mod qr;
pub mod status;

pub use status::StatusListBuilder;

/// An Ed25519 signing key with its key id.
#[derive(Clone)]
pub struct Key {
    signing: SigningKey,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key {{ kid: {} }}", hex(&self.kid()))
    }
}

/// Prefix of the derivation of demo keys (public: demo keys are not secret).
const DEMO_DERIVATION: &str = "ZZ Verify demo key v1";

impl Key {
    /// A key from its 32-byte secret seed.
    pub fn from_secret(secret: [u8; 32]) -> Key {
        Key { signing: SigningKey::from_bytes(&secret) }
    }

    /// A key derived deterministically from a public seed text and a name:
    /// SHA-256 of `"ZZ Verify demo key v1" 0x00 seed 0x00 name`. Anyone who
    /// knows the seed knows the key: for demos and tests only.
    pub fn derive(seed: &str, name: &str) -> Key {
        let mut h = Sha256::new();
        h.update(DEMO_DERIVATION.as_bytes());
        h.update([0]);
        h.update(seed.as_bytes());
        h.update([0]);
        h.update(name.as_bytes());
        Key::from_secret(h.finalize().into())
    }

    /// A fresh random key from the operating system.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn generate() -> Result<Key, getrandom::Error> {
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret)?;
        Ok(Key::from_secret(secret))
    }

    pub fn secret(&self) -> [u8; 32] {
        self.signing.to_bytes()
    }

    pub fn public(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    pub fn kid(&self) -> Kid {
        kid_of(&self.public())
    }

    /// Signs a payload as a tagged COSE_Sign1 of the given `typ`.
    pub fn sign_payload(&self, typ: Typ, payload: &Value) -> Vec<u8> {
        sign(typ, cbor::encode(payload), self.kid(), |tbs| self.signing.sign(tbs).to_bytes())
    }

    /// A trust-list entry for this key.
    pub fn entry(
        &self,
        org: Named,
        roles: &[Role],
        types: Option<Vec<String>>,
        valid: (UnixTime, UnixTime),
    ) -> KeyEntry {
        KeyEntry {
            kid: self.kid(),
            pk: self.public(),
            org,
            roles: roles.to_vec(),
            types,
            valid_from: valid.0,
            valid_to: valid.1,
            revoked_at: None,
        }
    }
}

/// Signs a license original.
pub fn issue(license: &License, key: &Key) -> Vec<u8> {
    key.sign_payload(Typ::License, &license.to_value())
}

/// Signs an annotated copy of a signed license.
pub fn annotate(license_cose: &[u8], annotation: &Annotation, key: &Key) -> Vec<u8> {
    key.sign_payload(Typ::Annotated, &annotation.to_value(license_cose))
}

/// Signs a trust list (with a root key).
pub fn sign_trust_list(trust: &TrustList, root: &Key) -> Vec<u8> {
    root.sign_payload(Typ::Trust, &trust.to_value())
}

/// Signs a catalog (with a root key).
pub fn sign_catalog(catalog: &Catalog, root: &Key) -> Vec<u8> {
    root.sign_payload(Typ::Catalog, &catalog.to_value())
}

/// Signs a status list (with a `status` key or a root key).
pub fn sign_status_list(list: &StatusListPayload, key: &Key) -> Vec<u8> {
    key.sign_payload(Typ::Status, &list.to_value())
}

/// Packs signed items into a bundle: a CBOR array of byte strings.
pub fn bundle<'a>(items: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let array = items.into_iter().map(|b| Value::Bytes(b.to_vec())).collect();
    cbor::encode(&Value::Array(array))
}

/// `ZZ1:` text of a signed object.
pub fn zz1_text(cose: &[u8]) -> String {
    zz_core::transport::encode_text(cose)
}

/// The roots file of SPEC section 11 for some root keys.
pub fn roots_file(comment: &str, roots: &[&Key]) -> String {
    let mut out = String::new();
    for line in comment.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    for key in roots {
        out.push_str(&hex(&key.public()));
        out.push('\n');
    }
    out
}
