//! The COSE_Sign1 envelope of SPEC section 1, held to ZZ1's profile:
//! tag 18, exactly `alg`/`kid`/`typ` protected, nothing unprotected, an
//! attached payload, strict Ed25519.
//!
//! Issuers build envelopes with coset ([`sign`]). The verifier reads them
//! with the profile parser of [`crate::cbor`] instead: coset does not check
//! the profile (nor `alg`, nor `kid`), and its copying decode cost a fifth
//! of a license verification. The Sig_structure is written with
//! ciborium-ll's encoder; tests check it equals coset's `tbs_data` for
//! every demo sample.

use ciborium::value::Value;
use ciborium_ll::{Encoder, Header};
use coset::{TaggedCborSerializable, iana};
use ed25519_dalek::VerifyingKey;

use crate::cbor::{self, CborError, Item};
// Key ids and strict verification live in `keys`, hex in `hex`; their old
// paths here still resolve.
pub use crate::hex::{hex, parse_hex, parse_hex32};
pub use crate::keys::{Kid, kid_of, verify_strict, verify_strict_raw};

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
    Presentation => "application/zz-presentation+cbor", "Live presentation by the holder's device (亮证).";
}

/// A signed object that passed the envelope rules, not yet its signature.
/// It borrows from the bytes it was parsed from.
#[derive(Clone, Debug)]
pub struct Envelope<'a> {
    pub typ: Typ,
    pub kid: Kid,
    protected: &'a [u8],
    payload: &'a [u8],
    signature: &'a [u8],
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

/// COSE header labels ZZ1 uses.
const ALG_LABEL: i128 = 1;
const KID_LABEL: i128 = 4;
const TYP_LABEL_I: i128 = TYP_LABEL as i128;
const ALG_EDDSA: i128 = iana::Algorithm::EdDSA as i128;
const ALG_ED25519: i128 = iana::Algorithm::Ed25519 as i128;
const ALG_ES256: i128 = iana::Algorithm::ES256 as i128;
const COSE_SIGN1_TAG: u64 = 18;
/// Longest protected header read (a valid one has at most 45 bytes).
const MAX_PROTECTED: usize = 256;

/// Reads the protected header: exactly `alg`, `kid` and `typ`.
fn protected_header(bytes: &[u8]) -> Result<(Kid, Typ), EnvelopeError> {
    // alg, an 8-byte kid and the longest typ take 45 bytes: anything much
    // longer cannot pass, and is refused before a tree is built.
    if bytes.len() > MAX_PROTECTED {
        return Err(structure("protected header: longer than any valid one"));
    }
    let item = cbor::parse(bytes).map_err(|e| structure(format!("protected header: {}", e.reason())))?;
    let Item::Map(entries) = item else {
        return Err(structure("protected header: not a map"));
    };
    let (mut alg, mut kid, mut typ) = (None, None, None);
    for (label, value) in &entries {
        match (label, value) {
            (Item::Int(ALG_LABEL), Item::Int(a)) => alg = Some(*a),
            (Item::Int(KID_LABEL), Item::Bytes(k)) => kid = Some(*k),
            (Item::Int(TYP_LABEL_I), Item::Text(t)) => typ = Some(*t),
            (Item::Int(ALG_LABEL | KID_LABEL | TYP_LABEL_I), _) => {
                return Err(structure("protected header: alg must be an integer, kid bytes, typ text"));
            }
            _ => return Err(structure("protected header: only alg, kid and typ are allowed")),
        }
    }
    if !matches!(alg, Some(ALG_EDDSA | ALG_ED25519)) {
        return Err(structure("protected header: alg must be EdDSA (-8) or Ed25519 (-19)"));
    }
    let kid: Kid = kid
        .and_then(|k| k.try_into().ok())
        .ok_or_else(|| structure("protected header: kid must be a byte string of 8 bytes"))?;
    let typ = typ.ok_or_else(|| structure("protected header: typ is missing"))?;
    let typ = Typ::from_media_type(typ).ok_or_else(|| structure(format!("unknown typ {typ:?}")))?;
    Ok((kid, typ))
}

/// The protected header, payload and signature bytes.
type Parts<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// The protected header, payload and signature of tagged COSE_Sign1 bytes
/// held to section 1's structure (tag 18, four elements, an empty
/// unprotected header, an attached payload).
fn parts(bytes: &[u8]) -> Result<Parts<'_>, EnvelopeError> {
    cbor::validate(bytes)?;
    let mut r = cbor::Reader::new(bytes);
    if r.tag() != Some(COSE_SIGN1_TAG) {
        return Err(structure("not a COSE_Sign1 under tag 18"));
    }
    match r.array() {
        Some(4) => {}
        Some(_) => return Err(structure("COSE_Sign1 must have 4 elements")),
        None => return Err(structure("COSE_Sign1 must be an array")),
    }
    let protected = r.bytes().ok_or_else(|| structure("the protected header must be a byte string"))?;
    if r.map() != Some(0) {
        return Err(structure("the unprotected header must be an empty map"));
    }
    if r.null() {
        return Err(structure("detached payloads are not allowed"));
    }
    let payload = r.bytes().ok_or_else(|| structure("the payload must be a byte string"))?;
    let signature = r.bytes().ok_or_else(|| structure("the signature must be a byte string"))?;
    Ok((protected, payload, signature))
}

/// The `typ` of tagged COSE_Sign1 bytes, if they read that far: tells a
/// presentation (signed by a device key) from the objects signed by
/// trust-list keys before either is parsed by its own rules.
pub fn peek_typ(bytes: &[u8]) -> Option<Typ> {
    let (protected, _, _) = parts(bytes).ok()?;
    if protected.len() > MAX_PROTECTED {
        return None;
    }
    let Ok(Item::Map(entries)) = cbor::parse(protected) else { return None };
    entries.iter().find_map(|(k, v)| match (k, v) {
        (Item::Int(TYP_LABEL_I), Item::Text(t)) => Typ::from_media_type(t),
        _ => None,
    })
}

/// The encoded Sig_structure `["Signature1", protected, h'', payload]`.
fn sig_structure(protected: &[u8], payload: &[u8]) -> Vec<u8> {
    const CONTEXT: &str = "Signature1";
    let mut out = Vec::with_capacity(protected.len() + payload.len() + 32);
    let mut enc = Encoder::from(&mut out);
    // Writing to a Vec cannot fail; a short Vec would fail verification.
    let _ = enc
        .push(Header::Array(Some(4)))
        .and_then(|()| enc.text(CONTEXT, None))
        .and_then(|()| enc.bytes(protected, None))
        .and_then(|()| enc.bytes(&[], None))
        .and_then(|()| enc.bytes(payload, None));
    out
}

/// The algorithm of a presentation's signature (SPEC section 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceAlg {
    /// -8: Ed25519, verified strictly.
    EdDsa,
    /// -7: ECDSA P-256 with SHA-256, the signature r‖s of 64 bytes.
    Es256,
}

/// A presentation's envelope (SPEC section 13): section 1's rules, except
/// that the holder's device key signs it: the protected header holds
/// exactly `alg` (-8 or -7) and `typ`, and no `kid`.
#[derive(Clone, Debug)]
pub struct DeviceSigned<'a> {
    pub alg: DeviceAlg,
    protected: &'a [u8],
    payload: &'a [u8],
    signature: &'a [u8],
}

impl<'a> DeviceSigned<'a> {
    /// Parses tagged COSE_Sign1 bytes of a presentation.
    pub fn parse(bytes: &'a [u8]) -> Result<DeviceSigned<'a>, EnvelopeError> {
        let (protected, payload, signature) = parts(bytes)?;
        if protected.len() > MAX_PROTECTED {
            return Err(structure("protected header: longer than any valid one"));
        }
        let item = cbor::parse(protected).map_err(|e| structure(format!("protected header: {}", e.reason())))?;
        let Item::Map(entries) = item else {
            return Err(structure("protected header: not a map"));
        };
        let (mut alg, mut typ) = (None, None);
        for (label, value) in &entries {
            match (label, value) {
                (Item::Int(ALG_LABEL), Item::Int(a)) => alg = Some(*a),
                (Item::Int(TYP_LABEL_I), Item::Text(t)) => typ = Some(*t),
                (Item::Int(KID_LABEL), _) => return Err(structure("protected header: a presentation carries no kid")),
                (Item::Int(ALG_LABEL | TYP_LABEL_I), _) => {
                    return Err(structure("protected header: alg must be an integer, typ text"));
                }
                _ => return Err(structure("protected header: only alg and typ are allowed in a presentation")),
            }
        }
        if typ != Some(Typ::Presentation.media_type()) {
            return Err(structure(format!("typ must be {}", Typ::Presentation.media_type())));
        }
        let alg = match alg {
            Some(ALG_EDDSA) => DeviceAlg::EdDsa,
            Some(ALG_ES256) => DeviceAlg::Es256,
            _ => return Err(structure("protected header: a presentation's alg must be EdDSA (-8) or ES256 (-7)")),
        };
        Ok(DeviceSigned { alg, protected, payload, signature })
    }

    /// Decodes the payload under the CBOR profile.
    pub fn payload_item(&self) -> Result<Item<'a>, CborError> {
        cbor::parse(self.payload).map_err(|e| CborError::Profile(format!("payload: {}", e.reason())))
    }

    /// The Sig_structure the device signed.
    pub fn to_be_signed(&self) -> Vec<u8> {
        sig_structure(self.protected, self.payload)
    }

    /// The signature bytes as carried.
    pub fn signature(&self) -> &'a [u8] {
        self.signature
    }
}

impl<'a> Envelope<'a> {
    /// Parses tagged COSE_Sign1 bytes and checks the envelope rules.
    ///
    /// The bytes are checked against the CBOR profile without building a
    /// tree, then read head by head: whatever an envelope holds in its
    /// unprotected header or elsewhere, parsing it costs no memory (bundle
    /// items of up to 64 MiB are parsed before any signature is checked).
    pub fn parse(bytes: &'a [u8]) -> Result<Envelope<'a>, EnvelopeError> {
        let (protected, payload, signature) = parts(bytes)?;
        let (kid, typ) = protected_header(protected)?;
        if typ == Typ::Presentation {
            return Err(structure("a presentation is signed by a device key, not by a trust-list key"));
        }
        Ok(Envelope { typ, kid, protected, payload, signature })
    }

    /// Parses and requires a given `typ`.
    pub fn parse_as(bytes: &'a [u8], typ: Typ) -> Result<Envelope<'a>, EnvelopeError> {
        let env = Envelope::parse(bytes)?;
        if env.typ != typ {
            return Err(structure(format!("typ is {} where {} is expected", env.typ.media_type(), typ.media_type())));
        }
        Ok(env)
    }

    /// The payload bytes.
    pub fn payload(&self) -> &'a [u8] {
        self.payload
    }

    /// Decodes the payload under the CBOR profile.
    pub fn payload_item(&self) -> Result<Item<'a>, CborError> {
        cbor::parse(self.payload).map_err(|e| CborError::Profile(format!("payload: {}", e.reason())))
    }

    /// Strict Ed25519 verification over the Sig_structure with empty
    /// external_aad (SPEC section 1).
    pub fn verify(&self, key: &VerifyingKey) -> bool {
        verify_strict(key, &self.to_be_signed(), self.signature)
    }

    /// The encoded Sig_structure `["Signature1", protected, h'', payload]`.
    pub fn to_be_signed(&self) -> Vec<u8> {
        sig_structure(self.protected, self.payload)
    }

    /// The signature bytes as carried.
    pub fn signature(&self) -> &'a [u8] {
        self.signature
    }
}

/// A presentation waiting for its device's signature (a wallet's key may
/// sign asynchronously, as WebCrypto does): sign [`Unsigned::to_be_signed`]
/// and give the signature to [`Unsigned::finish`].
pub struct Unsigned {
    sign1: coset::CoseSign1,
}

impl Unsigned {
    /// A presentation payload to be signed with `alg`: the protected header
    /// holds `alg` (-8 or -7) and `typ` only.
    pub fn presentation(payload: Vec<u8>, alg: DeviceAlg) -> Unsigned {
        let protected = coset::HeaderBuilder::new()
            .algorithm(match alg {
                DeviceAlg::EdDsa => iana::Algorithm::EdDSA,
                DeviceAlg::Es256 => iana::Algorithm::ES256,
            })
            .value(TYP_LABEL, Value::Text(Typ::Presentation.media_type().to_owned()))
            .build();
        Unsigned { sign1: coset::CoseSign1Builder::new().protected(protected).payload(payload).build() }
    }

    /// The Sig_structure to sign.
    pub fn to_be_signed(&self) -> Vec<u8> {
        self.sign1.tbs_data(b"")
    }

    /// The tagged COSE_Sign1 bytes with `signature` (64 bytes: Ed25519, or
    /// ES256's r‖s).
    pub fn finish(mut self, signature: Vec<u8>) -> Vec<u8> {
        self.sign1.signature = signature;
        self.sign1.to_tagged_vec().unwrap_or_default()
    }
}

/// Signs a presentation with a device key, for wallets and issuers: the
/// protected header holds `alg` (-8 or -7) and `typ` only. `signer` gets
/// the Sig_structure and returns the signature (64 bytes: Ed25519, or
/// ES256's r‖s).
pub fn sign_presentation(payload: Vec<u8>, alg: DeviceAlg, signer: impl FnOnce(&[u8]) -> Vec<u8>) -> Vec<u8> {
    let unsigned = Unsigned::presentation(payload, alg);
    let signature = signer(&unsigned.to_be_signed());
    unsigned.finish(signature)
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
