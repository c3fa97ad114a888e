//! Electronic seals (电子印章) and seal signatures (电子签章) per
//! GB/T 38540-2020 (version 4), encoded with the `der` crate:
//!
//! ```text
//! SESeal       ::= SEQUENCE { esealInfo SES_SealInfo, cert OCTET STRING,
//!                             signAlgID OBJECT IDENTIFIER, signedValue BIT STRING }
//! SES_SealInfo ::= SEQUENCE { header SES_Header, esID IA5String,
//!                             property SES_ESPropertyInfo, picture SES_ESPictrueInfo }
//! SES_Header   ::= SEQUENCE { ID IA5String ("ES"), version INTEGER (4), Vid IA5String }
//! SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String,
//!     certListType INTEGER (1), certList SEQUENCE OF OCTET STRING,
//!     createDate, validStart, validEnd GeneralizedTime }
//! SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING,
//!                                  width INTEGER, height INTEGER }   -- mm
//! TBS_Sign     ::= SEQUENCE { version INTEGER (4), eseal SESeal, timeInfo GeneralizedTime,
//!                             dataHash BIT STRING, propertyInfo IA5String }
//! SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING,
//!                             signatureAlgID OBJECT IDENTIFIER, signature BIT STRING }
//! ```
//!
//! The maker signs the DER of `SES_SealInfo`; the signer signs the DER of
//! `TBS_Sign`, whose `dataHash` is SM3 of the `Signature.xml` file.
//!
//! [`make_seal_v1`] and [`sign_v1`] write GM/T 0031 version 1 the way
//! ofdrw's `SESV1Container` and older vendor tools do, for tests of
//! verifiers: `SESeal ::= SEQUENCE { esealInfo, signInfo SEQUENCE { cert,
//! signatureAlgorithm, signData } }` with UTCTime dates, and `TBS_Sign ::=
//! SEQUENCE { version 1, eseal, timeInfo, dataHash, propertyInfo, cert,
//! signatureAlgorithm }`, `SES_Signature ::= SEQUENCE { toSign, signature }`.

use der::Encode;
use der::asn1::{BitString, GeneralizedTime, Ia5String, OctetString, Utf8StringRef};
use zz_core::UnixTime;

use super::pki::{SM2_WITH_SM3, Sm2Cert, sequence};

fn enc(v: impl Encode) -> Vec<u8> {
    v.to_der().expect("seal fields encode")
}

fn ia5(s: &str) -> Vec<u8> {
    enc(Ia5String::new(s).expect("ASCII"))
}

fn gtime(t: UnixTime) -> Vec<u8> {
    let d = std::time::Duration::from_secs(t.as_secs().max(0) as u64);
    enc(GeneralizedTime::from_unix_duration(d).expect("a time after 1970"))
}

fn utctime(t: UnixTime) -> Vec<u8> {
    let d = std::time::Duration::from_secs(t.as_secs().max(0) as u64);
    enc(der::asn1::UtcTime::from_unix_duration(d).expect("a time in 1970-2049"))
}

fn bits(b: &[u8]) -> Vec<u8> {
    enc(BitString::from_bytes(b).expect("bits"))
}

fn octets(b: &[u8]) -> Vec<u8> {
    enc(OctetString::new(b).expect("octets"))
}

/// What a seal is: made once by a seal maker, applied by its signers.
pub struct SealSpec<'a> {
    /// `esID`.
    pub id: &'a str,
    /// The seal's name, e.g. `上海市市场监督管理局电子证照专用章`.
    pub name: &'a str,
    /// The certificates (DER) of who may apply it.
    pub signers: Vec<&'a [u8]>,
    pub created: UnixTime,
    pub valid_start: UnixTime,
    pub valid_end: UnixTime,
    /// The seal's picture, PNG, and its size in millimetres.
    pub picture_png: &'a [u8],
    pub size_mm: (u32, u32),
}

/// Makes a seal: `SESeal` signed by the maker.
pub fn make_seal(spec: &SealSpec<'_>, maker: &Sm2Cert) -> Vec<u8> {
    let header = sequence(&[ia5("ES"), enc(4u32), ia5("ZZ Verify demo seal maker")]);
    let certs: Vec<Vec<u8>> = spec.signers.iter().map(|c| octets(c)).collect();
    let property = sequence(&[
        // type 1: an official seal (单位印章).
        enc(1u32),
        enc(Utf8StringRef::new(spec.name).expect("UTF-8")),
        enc(1u32),
        sequence(&certs),
        gtime(spec.created),
        gtime(spec.valid_start),
        gtime(spec.valid_end),
    ]);
    let picture = sequence(&[ia5("PNG"), octets(spec.picture_png), enc(spec.size_mm.0), enc(spec.size_mm.1)]);
    let info = sequence(&[header, ia5(spec.id), property, picture]);
    let signed = maker.key.sign(&info);
    sequence(&[info, octets(&maker.der), enc(SM2_WITH_SM3), bits(&signed)])
}

/// Applies a seal: `SES_Signature` over the `Signature.xml` bytes given,
/// by `signer` at `time`. `property` is the `Signature.xml` path.
pub fn sign(seal: &[u8], signature_xml: &[u8], property: &str, signer: &Sm2Cert, time: UnixTime) -> Vec<u8> {
    use sm3::Digest;
    let data_hash = sm3::Sm3::digest(signature_xml);
    let tbs = sequence(&[enc(4u32), seal.to_vec(), gtime(time), bits(&data_hash), ia5(property)]);
    let value = signer.key.sign(&tbs);
    sequence(&[tbs, octets(&signer.der), enc(SM2_WITH_SM3), bits(&value)])
}

/// How a version 1 signature writes its signing time: GM/T 0031 says a BIT
/// STRING, and writers fill it differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum V1Time {
    /// The text `yyyy-MM-dd HH:mm:ss` in China Standard Time, as ofdrw's
    /// `SESV1Container` writes it.
    Text,
    /// The DER of a UTCTime inside the BIT STRING (ofdrw's tests).
    BitsUtcTime,
    /// A GeneralizedTime in place of the BIT STRING.
    GeneralizedTime,
    /// A UTCTime in place of the BIT STRING.
    UtcTime,
    /// An empty BIT STRING: no time at all.
    Empty,
}

/// Makes a version 1 seal (GM/T 0031), signed by the maker over
/// SEQUENCE{sealInfo, cert, signatureAlgorithm}.
pub fn make_seal_v1(spec: &SealSpec<'_>, maker: &Sm2Cert) -> Vec<u8> {
    let header = sequence(&[ia5("ES"), enc(1u32), ia5("ZZ Verify demo seal maker (v1)")]);
    let certs: Vec<Vec<u8>> = spec.signers.iter().map(|c| octets(c)).collect();
    let property = sequence(&[
        enc(1u32),
        enc(Utf8StringRef::new(spec.name).expect("UTF-8")),
        sequence(&certs),
        utctime(spec.created),
        utctime(spec.valid_start),
        utctime(spec.valid_end),
    ]);
    let picture = sequence(&[ia5("PNG"), octets(spec.picture_png), enc(spec.size_mm.0), enc(spec.size_mm.1)]);
    let info = sequence(&[header, ia5(spec.id), property, picture]);
    let (cert, alg) = (octets(&maker.der), enc(SM2_WITH_SM3));
    let signed = maker.key.sign(&sequence(&[info.clone(), cert.clone(), alg.clone()]));
    sequence(&[info, sequence(&[cert, alg, bits(&signed)])])
}

/// Applies a version 1 seal: `SES_Signature` over the `Signature.xml`
/// bytes given, by `signer` at `time`, the time written as `form`;
/// `octet_hash` writes dataHash and the signature as OCTET STRINGs and
/// the certificate unwrapped, as some older vendor tools do.
pub fn sign_v1(
    seal: &[u8],
    signature_xml: &[u8],
    property: &str,
    signer: &Sm2Cert,
    time: UnixTime,
    form: V1Time,
    octet_hash: bool,
) -> Vec<u8> {
    use sm3::Digest;
    let data_hash = sm3::Sm3::digest(signature_xml);
    let time_info = match form {
        V1Time::Text => bits(super::time_cst_text(time).as_bytes()),
        V1Time::BitsUtcTime => bits(&utctime(time)),
        V1Time::GeneralizedTime => gtime(time),
        V1Time::UtcTime => utctime(time),
        V1Time::Empty => bits(&[]),
    };
    let (hash, cert) =
        if octet_hash { (octets(&data_hash), signer.der.clone()) } else { (bits(&data_hash), octets(&signer.der)) };
    let tbs = sequence(&[enc(1u32), seal.to_vec(), time_info, hash, ia5(property), cert, enc(SM2_WITH_SM3)]);
    let value = signer.key.sign(&tbs);
    sequence(&[tbs, if octet_hash { octets(&value) } else { bits(&value) }])
}
