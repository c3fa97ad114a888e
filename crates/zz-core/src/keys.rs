//! Ed25519 public keys as ZZ1 uses them (SPEC section 1): key ids, keys
//! parsed once and never of small order, strict verification.

use ed25519_dalek::{Signature, VerifyingKey};
use sha2::{Digest, Sha256};

/// Key identifier: the first 8 bytes of SHA-256 over the public key.
pub type Kid = [u8; 8];

/// The key identifier of an Ed25519 public key.
pub fn kid_of(public_key: &[u8; 32]) -> Kid {
    let digest = Sha256::digest(public_key);
    let mut kid = [0u8; 8];
    kid.copy_from_slice(digest.get(..8).unwrap_or(&[0u8; 8]));
    kid
}

/// A key usable for verification: parsed once, never of small order.
#[derive(Clone, Debug)]
pub struct UsableKey {
    pub kid: Kid,
    pub key: VerifyingKey,
}

impl UsableKey {
    /// Parses a public key; `None` when it is not a point, not canonically
    /// encoded (y >= p, or x = 0 with the sign bit set: it must re-encode to
    /// the same 32 bytes, SPEC section 1) or of small order.
    pub fn parse(pk: &[u8; 32]) -> Option<UsableKey> {
        let key = VerifyingKey::from_bytes(pk).ok()?;
        if key.is_weak() || key.to_edwards().compress().as_bytes() != pk {
            return None;
        }
        Some(UsableKey { kid: kid_of(pk), key })
    }
}

/// Strict Ed25519 verification (SPEC section 1): rejects S >= L, a
/// small-order or non-canonical R, and small-order public keys.
pub fn verify_strict(key: &VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    let Ok(signature) = Signature::from_slice(signature) else {
        return false;
    };
    key.verify_strict(message, &signature).is_ok()
}

/// [`verify_strict`] with a public key given as bytes, as a trust list
/// carries it, parsed as the core parses every key
/// ([`UsableKey::parse`]): a key that is not 32 bytes, not a
/// point, not canonically encoded or of small order never verifies.
pub fn verify_strict_raw(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let Ok(pk) = <[u8; 32]>::try_from(public_key) else {
        return false;
    };
    UsableKey::parse(&pk).is_some_and(|k| verify_strict(&k.key, message, signature))
}

/// ECDSA P-256 with SHA-256 (a holder's device key, SPEC section 13): the
/// key as its coordinates, the signature as r‖s of 64 bytes. A key that is
/// not a point of the curve never verifies.
pub fn verify_p256(x: &[u8; 32], y: &[u8; 32], message: &[u8], signature: &[u8]) -> bool {
    use p256::ecdsa::signature::Verifier;
    let mut sec1 = [0u8; 65];
    sec1[0] = 4;
    for (d, s) in sec1.iter_mut().skip(1).zip(x.iter().chain(y)) {
        *d = *s;
    }
    let Ok(key) = p256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1) else { return false };
    let Ok(sig) = p256::ecdsa::Signature::from_slice(signature) else { return false };
    key.verify(message, &sig).is_ok()
}
