//! SignedData: GB/T 35275's SM2 cryptographic message syntax (content type
//! 1.2.156.10197.6.1.4.2.2) or PKCS#7/CMS (1.2.840.113549.1.7.2), as an
//! OFD digital signature's value (SPEC section 12):
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT SignedData }
//! SignedData  ::= SEQUENCE { version, digestAlgorithms SET, contentInfo SEQUENCE {
//!                  contentType OID, content [0] EXPLICIT OCTET STRING OPTIONAL },
//!                  certificates [0] IMPLICIT SET OF Certificate OPTIONAL,
//!                  crls [1] IMPLICIT OPTIONAL, signerInfos SET OF SignerInfo }
//! SignerInfo  ::= SEQUENCE { version, sid (issuerAndSerialNumber | [0] keyId),
//!                  digestAlgorithm, signedAttrs [0] IMPLICIT SET OF Attribute OPTIONAL,
//!                  signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] OPTIONAL }
//! ```
//!
//! Read with the `der` crate's element reader; the checks are in `verify`.

use der::Tag;

use crate::asn1::{self, Result, err, explicit, get, items, octets, oid, time};

pub const SM2_SIGNED_DATA: &str = "1.2.156.10197.6.1.4.2.2";
pub const PKCS7_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
const MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
/// SM3, the only digest accepted.
pub const SM3: &str = "1.2.156.10197.1.401";
/// The SM2 signature algorithms producers write: sm2sign, SM2 with SM3,
/// and the bare SM2 algorithm OID.
pub const SM2_ALGORITHMS: [&str; 3] = ["1.2.156.10197.1.301.1", "1.2.156.10197.1.501", "1.2.156.10197.1.301"];

/// A SignedData's one signer and what it signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedData<'a> {
    /// The encapsulated content, when attached.
    pub content: Option<&'a [u8]>,
    /// The certificates carried (DER).
    pub certs: Vec<&'a [u8]>,
    /// `issuerAndSerialNumber`: the issuer Name (DER) and the serial's
    /// content bytes; `None` for a key identifier.
    pub sid: Option<(&'a [u8], &'a [u8])>,
    pub digest_algorithm: String,
    /// The signed attributes as signed: re-tagged as a SET (DER).
    pub signed_attrs: Option<Vec<u8>>,
    /// The `messageDigest` signed attribute.
    pub message_digest: Option<&'a [u8]>,
    /// The `signingTime` signed attribute.
    pub signing_time: Option<i64>,
    pub signature_algorithm: String,
    pub signature: &'a [u8],
}

/// The first element's algorithm OID of an AlgorithmIdentifier.
fn algorithm(tlv: &[u8], what: &str) -> Result<String> {
    let a = items(tlv, what)?;
    Ok(oid(get(&a, 0, what)?, what)?.to_string())
}

/// Whether the bytes are a ContentInfo of SignedData (either OID).
pub fn looks_like(bytes: &[u8]) -> bool {
    items(bytes, "ContentInfo").ok().and_then(|i| i.first().and_then(|o| oid(o, "contentType").ok())).is_some_and(|o| {
        let o = o.to_string();
        o == SM2_SIGNED_DATA || o == PKCS7_SIGNED_DATA
    })
}

/// Reads a SignedData with exactly one signer.
pub fn parse(bytes: &[u8]) -> Result<SignedData<'_>> {
    let ci = items(bytes, "ContentInfo")?;
    let sd = explicit(get(&ci, 1, "SignedData")?, "SignedData")?;
    let s = items(sd, "SignedData")?;
    let encap = items(get(&s, 2, "contentInfo")?, "contentInfo")?;
    let content = match encap.get(1) {
        Some(c) => Some(octets(explicit(c, "content")?, "content")?),
        None => None,
    };
    let mut certs = Vec::new();
    let mut signer_infos = None;
    for e in s.iter().skip(3) {
        match asn1::tag(e) {
            Some(t) if t == Tag::ContextSpecific { constructed: true, number: der::TagNumber::N0 } => {
                certs = asn1::members(e, "certificates")?;
            }
            Some(Tag::Set) => signer_infos = Some(asn1::members(e, "signerInfos")?),
            _ => {}
        }
    }
    let infos = signer_infos.ok_or_else(|| asn1::Asn1Error("signerInfos is missing".into()))?;
    let [info] = infos.as_slice() else { return err("SignedData: not exactly one signer") };
    let si = items(info, "SignerInfo")?;
    let sid = match asn1::tag(get(&si, 1, "sid")?) {
        Some(Tag::Sequence) => {
            let ias = items(get(&si, 1, "sid")?, "issuerAndSerialNumber")?;
            let serial = der::asn1::AnyRef::try_from(get(&ias, 1, "serial")?)
                .map_err(|e| asn1::Asn1Error(format!("serial: {e}")))?;
            Some((get(&ias, 0, "issuer")?, serial.value()))
        }
        _ => None,
    };
    let digest_algorithm = algorithm(get(&si, 2, "digestAlgorithm")?, "digestAlgorithm")?;
    let mut at = 3;
    let (mut signed_attrs, mut message_digest, mut signing_time) = (None, None, None);
    let a = get(&si, at, "signatureAlgorithm")?;
    if asn1::tag(a) == Some(Tag::ContextSpecific { constructed: true, number: der::TagNumber::N0 }) {
        // What was signed is the attributes as a SET: the same bytes with
        // the universal SET tag in place of [0].
        let mut as_set = a.to_vec();
        if let Some(first) = as_set.first_mut() {
            *first = 0x31;
        }
        for attr in asn1::members(a, "signedAttrs")? {
            let parts = items(attr, "Attribute")?;
            let kind = oid(get(&parts, 0, "attrType")?, "attrType")?.to_string();
            let values = asn1::members(get(&parts, 1, "attrValues")?, "attrValues")?;
            let [value] = values.as_slice() else { return err("an attribute has not exactly one value") };
            match kind.as_str() {
                MESSAGE_DIGEST if message_digest.is_none() => message_digest = Some(octets(value, "messageDigest")?),
                SIGNING_TIME if signing_time.is_none() => signing_time = Some(time(value, "signingTime")?),
                MESSAGE_DIGEST | SIGNING_TIME => return err("an attribute appears twice"),
                _ => {}
            }
        }
        signed_attrs = Some(as_set);
        at += 1;
    }
    let signature_algorithm = algorithm(get(&si, at, "signatureAlgorithm")?, "signatureAlgorithm")?;
    let signature = octets(get(&si, at + 1, "signature")?, "signature")?;
    Ok(SignedData {
        content,
        certs,
        sid,
        digest_algorithm,
        signed_attrs,
        message_digest,
        signing_time,
        signature_algorithm,
        signature,
    })
}
