//! The COSE_Sign1 envelope of SPEC section 1, parsed by coset and held to
//! ZZ1's profile: tag 18, exactly `alg`/`kid`/`typ` protected, nothing
//! unprotected, an attached payload, strict Ed25519.

use ciborium::value::Value;
use coset::{CoseSign1, Label, RegisteredLabelWithPrivate, TaggedCborSerializable, iana};
use ed25519_dalek::{Signature, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::cbor::{self, CborError};

/// COSE header label of `typ` (RFC 9596).
const TYP_LABEL: i64 = 16;

macro_rules! media_types {
    ($($variant:ident => $mt:literal, $doc:literal;)*) => {
        /// The `typ` of a signed object (SPEC section 1).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Typ { $(#[doc = $doc] $variant,)* }

        impl Typ {
            /// The media type, as carried in the `typ` header.
            pub fn media_type(self) -> &'static str {
                match self { $(Typ::$variant => $mt,)* }
            }

            /// Exact match of a `typ` header value.
            pub fn from_media_type(s: &str) -> Option<Typ> {
                match s { $($mt => Some(Typ::$variant),)* _ => None }
            }
        }
    };
}

media_types! {
    License => "application/zz-license+cbor", "License original (电子证照原件).";
    Annotated => "application/zz-annotated+cbor", "Annotated copy (电子证照加注件).";
    Trust => "application/zz-trust+cbor", "Trust list.";
    Catalog => "application/zz-catalog+cbor", "Catalog and usage lists.";
    Status => "application/zz-status+cbor", "Status list.";
}

/// Key identifier: the first 8 bytes of SHA-256 over the public key.
pub type Kid = [u8; 8];

/// The key identifier of an Ed25519 public key.
pub fn kid_of(public_key: &[u8; 32]) -> Kid {
    let digest = Sha256::digest(public_key);
    let mut kid = [0u8; 8];
    kid.copy_from_slice(digest.get(..8).unwrap_or(&[0u8; 8]));
    kid
}

/// Lowercase hex of bytes (key ids in reports and messages).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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
/// carries it. A key that is not 32 bytes or not a point never verifies.
pub fn verify_strict_raw(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let Ok(pk) = <[u8; 32]>::try_from(public_key) else {
        return false;
    };
    VerifyingKey::from_bytes(&pk).is_ok_and(|key| verify_strict(&key, message, signature))
}

/// A signed object that passed the envelope rules, not yet its signature.
#[derive(Clone, Debug)]
pub struct Envelope {
    pub typ: Typ,
    pub kid: Kid,
    sign1: CoseSign1,
}

/// Why bytes are not a ZZ1 envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not well-formed CBOR at all (the `decode` check).
    Malformed(String),
    /// Violates SPEC sections 1 or 2 (the `structure` check).
    Structure(String),
}

impl From<CborError> for EnvelopeError {
    fn from(e: CborError) -> Self {
        match e {
            CborError::Malformed(_) => EnvelopeError::Malformed(e.reason()),
            CborError::Profile(m) => EnvelopeError::Structure(m),
        }
    }
}

fn structure(msg: impl Into<String>) -> EnvelopeError {
    EnvelopeError::Structure(msg.into())
}

impl Envelope {
    /// Parses tagged COSE_Sign1 bytes and checks the envelope rules.
    pub fn parse(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
        cbor::check_profile(bytes)?;
        let sign1 = CoseSign1::from_tagged_slice(bytes)
            .map_err(|e| structure(format!("not a tagged COSE_Sign1 (tag 18): {e:?}")))?;
        let protected_bytes = sign1.protected.original_data.as_deref().unwrap_or_default();
        cbor::check_profile(protected_bytes).map_err(|e| structure(format!("protected header: {}", e.reason())))?;
        let h = &sign1.protected.header;
        let alg_ok = matches!(
            h.alg,
            Some(RegisteredLabelWithPrivate::Assigned(iana::Algorithm::EdDSA | iana::Algorithm::Ed25519))
        );
        if !alg_ok {
            return Err(structure("protected header: alg must be EdDSA (-8) or Ed25519 (-19)"));
        }
        if !h.crit.is_empty()
            || h.content_type.is_some()
            || !h.iv.is_empty()
            || !h.partial_iv.is_empty()
            || !h.counter_signatures.is_empty()
        {
            return Err(structure("protected header: only alg, kid and typ are allowed"));
        }
        let kid: Kid = h
            .key_id
            .as_slice()
            .try_into()
            .map_err(|_| structure("protected header: kid must be a byte string of 8 bytes"))?;
        let typ = match h.rest.as_slice() {
            [(Label::Int(TYP_LABEL), Value::Text(t))] => {
                Typ::from_media_type(t).ok_or_else(|| structure(format!("unknown typ {t:?}")))?
            }
            [(Label::Int(TYP_LABEL), _)] => return Err(structure("protected header: typ must be text")),
            [] => return Err(structure("protected header: typ is missing")),
            _ => return Err(structure("protected header: only alg, kid and typ are allowed")),
        };
        if !sign1.unprotected.is_empty() {
            return Err(structure("the unprotected header must be empty"));
        }
        if sign1.payload.is_none() {
            return Err(structure("detached payloads are not allowed"));
        }
        Ok(Envelope { typ, kid, sign1 })
    }

    /// Parses and requires a given `typ`.
    pub fn parse_as(bytes: &[u8], typ: Typ) -> Result<Envelope, EnvelopeError> {
        let env = Envelope::parse(bytes)?;
        if env.typ != typ {
            return Err(structure(format!("typ is {} where {} is expected", env.typ.media_type(), typ.media_type())));
        }
        Ok(env)
    }

    /// The payload bytes.
    pub fn payload(&self) -> &[u8] {
        self.sign1.payload.as_deref().unwrap_or_default()
    }

    /// Decodes the payload under the CBOR profile.
    pub fn payload_value(&self) -> Result<Value, CborError> {
        cbor::decode(self.payload()).map_err(|e| CborError::Profile(format!("payload: {}", e.reason())))
    }

    /// Strict Ed25519 verification over the Sig_structure with empty
    /// external_aad (SPEC section 1).
    pub fn verify(&self, key: &VerifyingKey) -> bool {
        verify_strict(key, &self.sign1.tbs_data(b""), &self.sign1.signature)
    }

    /// The encoded Sig_structure (for tests and benchmarks).
    pub fn to_be_signed(&self) -> Vec<u8> {
        self.sign1.tbs_data(b"")
    }

    /// The signature bytes as carried.
    pub fn signature(&self) -> &[u8] {
        &self.sign1.signature
    }
}

/// Builds the protected header bytes' map and signs it, for issuers.
pub fn sign(typ: Typ, payload: Vec<u8>, kid: Kid, signer: impl FnOnce(&[u8]) -> [u8; 64]) -> Vec<u8> {
    let protected = coset::HeaderBuilder::new()
        .algorithm(iana::Algorithm::EdDSA)
        .key_id(kid.to_vec())
        .value(TYP_LABEL, Value::Text(typ.media_type().to_owned()))
        .build();
    let sign1 = coset::CoseSign1Builder::new()
        .protected(protected)
        .payload(payload)
        .create_signature(b"", |tbs| signer(tbs).to_vec())
        .build();
    sign1.to_tagged_vec().unwrap_or_default()
}
