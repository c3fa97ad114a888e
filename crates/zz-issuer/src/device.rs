//! A holder's device key (SPEC section 13): bound into a license as `cnf`
//! by the issuer, and signing live presentations (亮证) in the wallet.
//!
//! Ed25519 or ECDSA P-256 (for browsers whose WebCrypto has no Ed25519).
//! Demo device keys derive from the public seed; real ones are random.

use ed25519_dalek::Signer as _;
use sha2::{Digest, Sha256};
use zz_core::UnixTime;
use zz_core::envelope::{DeviceAlg, sign_presentation};
use zz_core::model::{DeviceKey, Presentation};

use zz_core::cbor;

/// A device's signing key.
#[derive(Clone)]
pub enum DeviceSigner {
    Ed25519(ed25519_dalek::SigningKey),
    P256(p256::ecdsa::SigningKey),
}

impl std::fmt::Debug for DeviceSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DeviceSigner({})", self.public().kind())
    }
}

/// Which kind of device key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceKind {
    Ed25519,
    P256,
}

impl DeviceSigner {
    /// A key from its 32-byte secret (an Ed25519 seed, or a P-256 scalar).
    pub fn from_secret(kind: DeviceKind, secret: [u8; 32]) -> Option<DeviceSigner> {
        match kind {
            DeviceKind::Ed25519 => Some(DeviceSigner::Ed25519(ed25519_dalek::SigningKey::from_bytes(&secret))),
            DeviceKind::P256 => p256::ecdsa::SigningKey::from_slice(&secret).ok().map(DeviceSigner::P256),
        }
    }

    /// A demo device key derived from a public seed and a name (anyone who
    /// knows the seed holds it: demos and tests only).
    pub fn derive(kind: DeviceKind, seed: &str, name: &str) -> DeviceSigner {
        let mut counter = 0u8;
        loop {
            let secret: [u8; 32] = Sha256::new()
                .chain_update(b"ZZ Verify demo device key v1\0")
                .chain_update(seed.as_bytes())
                .chain_update([0])
                .chain_update(name.as_bytes())
                .chain_update([counter])
                .finalize()
                .into();
            if let Some(k) = DeviceSigner::from_secret(kind, secret) {
                return k;
            }
            // A P-256 scalar out of range: about 2^-32 of the time.
            counter = counter.wrapping_add(1);
        }
    }

    /// A fresh random key from the operating system.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn generate(kind: DeviceKind) -> Result<DeviceSigner, getrandom::Error> {
        loop {
            let mut secret = [0u8; 32];
            getrandom::getrandom(&mut secret)?;
            if let Some(k) = DeviceSigner::from_secret(kind, secret) {
                return Ok(k);
            }
        }
    }

    pub fn kind(&self) -> DeviceKind {
        match self {
            DeviceSigner::Ed25519(_) => DeviceKind::Ed25519,
            DeviceSigner::P256(_) => DeviceKind::P256,
        }
    }

    /// The secret, to keep in a key file.
    pub fn secret(&self) -> [u8; 32] {
        match self {
            DeviceSigner::Ed25519(k) => k.to_bytes(),
            DeviceSigner::P256(k) => k.to_bytes().into(),
        }
    }

    /// The public key, as a license's `cnf` names it.
    pub fn public(&self) -> DeviceKey {
        match self {
            DeviceSigner::Ed25519(k) => DeviceKey::Ed25519(k.verifying_key().to_bytes()),
            DeviceSigner::P256(k) => {
                let point = k.verifying_key().to_encoded_point(false);
                let mut x = [0u8; 32];
                let mut y = [0u8; 32];
                if let (Some(px), Some(py)) = (point.x(), point.y()) {
                    x.copy_from_slice(px);
                    y.copy_from_slice(py);
                }
                DeviceKey::P256 { x, y }
            }
        }
    }

    /// Signs a presentation of a license original (its tagged COSE bytes)
    /// made at `iat`, answering `nonce`, for the organisation `aud`.
    pub fn present(&self, license: &[u8], iat: UnixTime, nonce: Option<&[u8]>, aud: Option<&str>) -> Vec<u8> {
        let payload = Presentation { iat, nonce: nonce.map(<[u8]>::to_vec), aud: aud.map(str::to_owned) };
        let bytes = cbor::encode(&payload.to_value(license));
        match self {
            DeviceSigner::Ed25519(k) => {
                sign_presentation(bytes, DeviceAlg::EdDsa, |tbs| k.sign(tbs).to_bytes().to_vec())
            }
            DeviceSigner::P256(k) => sign_presentation(bytes, DeviceAlg::Es256, |tbs| {
                let sig: p256::ecdsa::Signature = k.sign(tbs);
                sig.to_bytes().to_vec()
            }),
        }
    }
}

/// Reads a holder's public key as an issuer receives it: a COSE_Key (CBOR
/// bytes), a JWK (JSON, `OKP`/`Ed25519` or `EC2`/`P-256` with base64url
/// coordinates, or this crate's hex form), 32 raw bytes (Ed25519), or 64
/// hex digits (Ed25519).
pub fn parse_holder_key(bytes: &[u8]) -> Result<DeviceKey, String> {
    if let Ok(pk) = <[u8; 32]>::try_from(bytes) {
        return Ok(DeviceKey::Ed25519(pk));
    }
    let text = std::str::from_utf8(bytes).map(str::trim).unwrap_or("");
    if let Some(pk) = zz_core::envelope::parse_hex32(text) {
        return Ok(DeviceKey::Ed25519(pk));
    }
    if text.starts_with('{') {
        return jwk(text);
    }
    let item =
        zz_core::cbor::parse(bytes).map_err(|e| format!("not a COSE_Key, a JWK or a raw key: {}", e.reason()))?;
    DeviceKey::from_cose_key(&item).map_err(str::to_owned)
}

fn jwk(text: &str) -> Result<DeviceKey, String> {
    use base64::Engine;
    #[derive(serde::Deserialize)]
    struct Jwk {
        kty: String,
        crv: String,
        x: String,
        #[serde(default)]
        y: Option<String>,
    }
    let j: Jwk = serde_json::from_str(text).map_err(|e| format!("not a JWK: {e}"))?;
    let coord = |s: &str| -> Result<[u8; 32], String> {
        if let Some(b) = zz_core::envelope::parse_hex32(s) {
            return Ok(b);
        }
        let b = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s.trim_end_matches('='))
            .map_err(|_| "a JWK coordinate must be base64url".to_owned())?;
        <[u8; 32]>::try_from(b.as_slice()).map_err(|_| "a JWK coordinate must be 32 bytes".to_owned())
    };
    match (j.kty.as_str(), j.crv.as_str(), j.y) {
        ("OKP", "Ed25519", None) => Ok(DeviceKey::Ed25519(coord(&j.x)?)),
        ("EC2" | "EC", "P-256", Some(y)) => Ok(DeviceKey::P256 { x: coord(&j.x)?, y: coord(&y)? }),
        _ => Err("a holder key is OKP Ed25519 or EC P-256".into()),
    }
}
