//! Electronic seal signatures (电子签章): SES_Signature of GB/T 38540
//! (version 4) and GM/T 0031 (version 1), told apart by structure. Every
//! signed part is kept as the bytes stored, since signatures cover those.
//! The ASN.1 follows the standards as published (and ofdrw's readable
//! `ofdrw-gm` classes); the code is ours.

use der::Tag;

use crate::asn1::{self, Result, bits, err, get, int, items, octets, oid, text, time};

/// Which standard a seal signature follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// GM/T 0031-2014.
    V1,
    /// GB/T 38540-2020.
    V4,
}

/// The certificates a seal lists for who may apply it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertList<'a> {
    /// The certificates themselves (DER).
    Certs(Vec<&'a [u8]>),
    /// Digests of the certificates: the algorithm as written and the value.
    Digests(Vec<(String, &'a [u8])>),
}

/// An electronic seal (SESeal), made and signed by its maker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seal<'a> {
    /// The whole SESeal as stored (compared with `Seal.esl`).
    pub raw: &'a [u8],
    pub version: Version,
    /// `esID`, the seal's identifier.
    pub id: String,
    pub name: String,
    /// `type` of the property info.
    pub kind: i64,
    pub certs: CertList<'a>,
    pub created: i64,
    pub valid_start: i64,
    pub valid_end: i64,
    /// The maker's certificate (DER).
    pub maker_cert: &'a [u8],
    pub algorithm: String,
    /// The maker's signature value.
    pub signature: &'a [u8],
    /// The seal's picture (`SES_ESPictrueInfo`), when it reads.
    pub picture: Option<Picture<'a>>,
    /// What the maker signed, each form issued seals are known to use: the
    /// DER of SES_SealInfo (v4), or SEQUENCE{sealInfo, cert, algorithm}
    /// (v1, and accepted for v4).
    pub signed_forms: Vec<Vec<u8>>,
}

/// A seal's picture: its format as written (`PNG`, `JPG`, `GIF`, `BMP`,
/// `SVG`, `OFD`), the data, and its size in millimetres.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture<'a> {
    pub kind: String,
    pub data: &'a [u8],
    pub width_mm: i64,
    pub height_mm: i64,
}

/// Reads `SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET
/// STRING, width INTEGER, height INTEGER }`; `None` when it does not.
fn picture<'a>(tlv: Option<&&'a [u8]>) -> Option<Picture<'a>> {
    let p = items(tlv?, "picture").ok()?;
    Some(Picture {
        kind: text(p.first()?, "picture type").ok()?,
        data: octets(p.get(1)?, "picture data").ok()?,
        width_mm: int(p.get(2)?, "picture width").ok()?,
        height_mm: int(p.get(3)?, "picture height").ok()?,
    })
}

/// A seal signature (SES_Signature).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealSignature<'a> {
    pub version: Version,
    /// What the signer signed: TBS_Sign as stored.
    pub tbs: &'a [u8],
    pub seal: Seal<'a>,
    /// The signing time inside TBS_Sign (the signer's claim).
    pub time: Option<i64>,
    /// `dataHash`: SM3 of the `Signature.xml` file.
    pub data_hash: &'a [u8],
    /// `propertyInfo`: the `Signature.xml` path, as written.
    pub property: String,
    /// The signer's certificate (DER).
    pub signer_cert: &'a [u8],
    pub algorithm: String,
    /// The signature value.
    pub signature: &'a [u8],
}

/// A DER SEQUENCE of the given TLVs.
fn sequence_of(parts: &[&[u8]]) -> Vec<u8> {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = vec![0x30];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().iter().copied().skip_while(|&b| b == 0).collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    for p in parts {
        out.extend_from_slice(p);
    }
    out
}

/// Which version a seal signature's structure is, when it is one: v1
/// (GM/T 0031) when `TBS_Sign` carries the signer's certificate and
/// algorithm itself (seven items or more) beside a signature, v4 (GB/T
/// 38540) when `SES_Signature` carries them. Reports name the format from
/// this even when a field then cannot be read.
pub fn version_of(bytes: &[u8]) -> Option<Version> {
    let top = items(bytes, "SES_Signature").ok()?;
    let tbs = items(top.first()?, "TBS_Sign").ok()?;
    match (top.len(), tbs.len()) {
        (2, 7..) => Some(Version::V1),
        (4 | 5, 5..) => Some(Version::V4),
        _ => None,
    }
}

/// Parses a seal signature, v4 or v1.
pub fn parse_signature(bytes: &[u8]) -> Result<SealSignature<'_>> {
    let top = items(bytes, "SES_Signature")?;
    let tbs = get(&top, 0, "TBS_Sign")?;
    let t = items(tbs, "TBS_Sign")?;
    let version = int(get(&t, 0, "TBS_Sign version")?, "TBS_Sign version")?;
    let seal = parse_seal(get(&t, 1, "eseal")?)?;
    match version_of(bytes) {
        Some(Version::V4) => {
            if version != 4 && seal.version != Version::V4 {
                return err("SES_Signature: a v4 layout with another version");
            }
            Ok(SealSignature {
                version: Version::V4,
                tbs,
                time: Some(time(get(&t, 2, "timeInfo")?, "timeInfo")?),
                data_hash: bits(get(&t, 3, "dataHash")?, "dataHash")?,
                property: text(get(&t, 4, "propertyInfo")?, "propertyInfo")?,
                seal,
                signer_cert: octets(get(&top, 1, "cert")?, "cert")?,
                algorithm: oid(get(&top, 2, "signatureAlgID")?, "signatureAlgID")?.to_string(),
                signature: bits(get(&top, 3, "signature")?, "signature")?,
            })
        }
        // v1: toSign, signature; TBS_Sign holds the cert and algorithm.
        // Writers differ in the types of some fields (ofdrw and older
        // vendor tools): hashes and signatures as BIT STRING or OCTET
        // STRING, the certificate wrapped in an OCTET STRING or not.
        Some(Version::V1) => Ok(SealSignature {
            version: Version::V1,
            tbs,
            time: v1_time(get(&t, 2, "timeInfo")?),
            data_hash: bytes_of(get(&t, 3, "dataHash")?, "dataHash")?,
            property: text(get(&t, 4, "propertyInfo")?, "propertyInfo")?,
            signer_cert: cert_of(get(&t, 5, "cert")?, "cert")?,
            algorithm: oid(get(&t, 6, "signatureAlgorithm")?, "signatureAlgorithm")?.to_string(),
            signature: bytes_of(get(&top, 1, "signature")?, "signature")?,
            seal,
        }),
        None => err("SES_Signature: neither the v4 nor the v1 layout"),
    }
}

/// A BIT STRING's or OCTET STRING's bytes.
fn bytes_of<'a>(tlv: &'a [u8], what: &str) -> Result<&'a [u8]> {
    bits(tlv, what).or_else(|_| octets(tlv, what))
}

/// A certificate: in an OCTET STRING, or its DER SEQUENCE as it is.
fn cert_of<'a>(tlv: &'a [u8], what: &str) -> Result<&'a [u8]> {
    if asn1::tag(tlv) == Some(Tag::Sequence) { Ok(tlv) } else { octets(tlv, what) }
}

/// The signing time of a v1 `TBS_Sign`, in every form GM/T 0031 writers
/// use: a BIT STRING holding a DER UTCTime or GeneralizedTime, or holding
/// the time as text (ofdrw's SESV1Container: `yyyy-MM-dd HH:mm:ss`; also
/// `yyyyMMddHHmmss[Z]`), or a bare UTCTime or GeneralizedTime. Text with
/// no zone is China Standard Time (the writers' local time). `None` when
/// none of these is there.
fn v1_time(tlv: &[u8]) -> Option<i64> {
    if let Ok(t) = time(tlv, "timeInfo") {
        return Some(t);
    }
    let inner = bytes_of(tlv, "timeInfo").ok()?;
    if let Ok(t) = time(inner, "timeInfo") {
        return Some(t);
    }
    time_text_cst(std::str::from_utf8(inner).ok()?)
}

/// A time written as text: `yyyy-MM-dd HH:mm:ss` (or `T` between), or
/// `yyyyMMddHHmmss` (fourteen digits), or UTCTime's `yyMMddHHmm[ss]` (ten
/// or twelve digits: a two-digit year); then an optional fraction and zone
/// (`Z`, `+hhmm`, `+hh:mm`); China Standard Time when none.
fn time_text_cst(s: &str) -> Option<i64> {
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    let b = s.as_bytes();
    let separated = b.len() >= 19
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && matches!(b.get(10), Some(b' ' | b'T'))
        && b.get(13) == Some(&b':')
        && b.get(16) == Some(&b':');
    let (digits, rest) = if separated {
        (s.get(..19)?.chars().filter(char::is_ascii_digit).collect::<String>(), s.get(19..)?)
    } else {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (s.get(..n)?.to_owned(), s.get(n..)?)
    };
    let (fraction, zone) = match rest.strip_prefix('.') {
        Some(r) => r.split_at(r.bytes().take_while(u8::is_ascii_digit).count()),
        None => ("", rest),
    };
    let zone: String = match zone {
        "" => "+0800".into(),
        z if z.len() == 6 && z.as_bytes().get(3) == Some(&b':') => format!("{}{}", z.get(..3)?, z.get(4..)?),
        z => z.into(),
    };
    let fraction = if fraction.is_empty() { String::new() } else { format!(".{fraction}") };
    // Twelve digits or fewer without separators: a two-digit year (UTCTime's text).
    asn1::time_text(&format!("{digits}{fraction}{zone}"), !separated && digits.len() <= 12)
}

/// Parses an SESeal (a `Seal.esl` file holds one), v4 or v1.
pub fn parse_seal(bytes: &[u8]) -> Result<Seal<'_>> {
    let s = items(bytes, "SESeal")?;
    let info = get(&s, 0, "SES_SealInfo")?;
    let i = items(info, "SES_SealInfo")?;
    let header = items(get(&i, 0, "SES_Header")?, "SES_Header")?;
    let header_version = int(get(&header, 1, "SES_Header version")?, "SES_Header version")?;
    let id = text(get(&i, 1, "esID")?, "esID")?;
    let p = items(get(&i, 2, "SES_ESPropertyInfo")?, "SES_ESPropertyInfo")?;
    let kind = int(get(&p, 0, "seal type")?, "seal type")?;
    let name = text(get(&p, 1, "seal name")?, "seal name")?;
    match s.len() {
        // v4: esealInfo, cert, signAlgID, signedValue
        4 => {
            let list_type = int(get(&p, 2, "certListType")?, "certListType")?;
            let certs = cert_list(get(&p, 3, "certList")?, list_type)?;
            let maker_cert = get(&s, 1, "maker cert")?;
            let algorithm = get(&s, 2, "signAlgID")?;
            Ok(Seal {
                raw: bytes,
                version: Version::V4,
                id,
                name,
                kind,
                certs,
                created: time(get(&p, 4, "createDate")?, "createDate")?,
                valid_start: time(get(&p, 5, "validStart")?, "validStart")?,
                valid_end: time(get(&p, 6, "validEnd")?, "validEnd")?,
                maker_cert: octets(maker_cert, "maker cert")?,
                algorithm: oid(algorithm, "signAlgID")?.to_string(),
                signature: bits(get(&s, 3, "signedValue")?, "signedValue")?,
                picture: picture(i.get(3)),
                signed_forms: vec![info.to_vec(), sequence_of(&[info, maker_cert, algorithm])],
            })
        }
        // v1: esealInfo, signInfo{cert, signatureAlgorithm, signData}
        2 => {
            let sign = items(get(&s, 1, "SES_SignInfo")?, "SES_SignInfo")?;
            let maker_cert = get(&sign, 0, "maker cert")?;
            let algorithm = get(&sign, 1, "signatureAlgorithm")?;
            let list = items(get(&p, 2, "certList")?, "certList")?;
            Ok(Seal {
                raw: bytes,
                version: if header_version >= 4 { Version::V4 } else { Version::V1 },
                id,
                name,
                kind,
                certs: CertList::Certs(list.iter().map(|c| octets(c, "certList")).collect::<Result<_>>()?),
                created: time(get(&p, 3, "createDate")?, "createDate")?,
                valid_start: time(get(&p, 4, "validStart")?, "validStart")?,
                valid_end: time(get(&p, 5, "validEnd")?, "validEnd")?,
                maker_cert: octets(maker_cert, "maker cert")?,
                algorithm: oid(algorithm, "signatureAlgorithm")?.to_string(),
                signature: bits(get(&sign, 2, "signData")?, "signData")?,
                picture: picture(i.get(3)),
                signed_forms: vec![sequence_of(&[info, maker_cert, algorithm])],
            })
        }
        _ => err("SESeal: neither the v4 nor the v1 layout"),
    }
}

/// SES_CertList: type 1, a SEQUENCE OF certificates (OCTET STRING); type 2,
/// a SEQUENCE OF CertDigestObj{type PrintableString, value OCTET STRING}.
fn cert_list(tlv: &[u8], list_type: i64) -> Result<CertList<'_>> {
    let list = items(tlv, "certList")?;
    match list_type {
        1 => Ok(CertList::Certs(list.iter().map(|c| octets(c, "certList")).collect::<Result<_>>()?)),
        2 => Ok(CertList::Digests(
            list.iter()
                .map(|d| {
                    let d = items(d, "CertDigestObj")?;
                    Ok((text(get(&d, 0, "digest type")?, "digest type")?, octets(get(&d, 1, "digest")?, "digest")?))
                })
                .collect::<Result<_>>()?,
        )),
        _ => err("certListType is neither 1 nor 2"),
    }
}

/// Whether the bytes are an SES_Signature rather than another signature
/// format (its first item is a SEQUENCE, TBS_Sign).
pub fn looks_like_ses(bytes: &[u8]) -> bool {
    version_of(bytes).is_some()
}

#[cfg(test)]
mod tests {
    use super::{Version, parse_signature, time_text_cst, version_of};

    fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
        let mut v = vec![tag, u8::try_from(body.len()).unwrap()];
        v.extend_from_slice(body);
        v
    }

    #[test]
    fn the_version_is_told_by_structure_even_when_a_field_cannot_be_read() {
        // v1: SEQUENCE { TBS_Sign of seven items, signature }, its seal
        // and algorithm unreadable (an empty SEQUENCE, an INTEGER).
        let tbs: Vec<u8> = [
            tlv(0x02, &[1]),
            tlv(0x30, &[]),
            tlv(0x03, &[0, b'2']),
            tlv(0x03, &[0, 1, 2]),
            tlv(0x16, b"/Doc_0/Signs/Sign_0/Signature.xml"),
            tlv(0x04, &[1, 2, 3]),
            tlv(0x02, &[5]),
        ]
        .concat();
        let v1 = tlv(0x30, &[tlv(0x30, &tbs), tlv(0x03, &[0, 9, 9])].concat());
        assert_eq!(version_of(&v1), Some(Version::V1));
        assert!(parse_signature(&v1).is_err());
        // v4: SEQUENCE { TBS_Sign of five items, cert, algorithm, signature }.
        let tbs4: Vec<u8> = tbs.iter().copied().take(tbs.len() - 8).collect();
        let v4 = tlv(0x30, &[tlv(0x30, &tbs4), tlv(0x04, &[1]), tlv(0x06, &[0x2a]), tlv(0x03, &[0, 9])].concat());
        assert_eq!(version_of(&v4), Some(Version::V4));
        // Neither: a bare SM2 signature, a SignedData's ContentInfo.
        assert_eq!(version_of(&tlv(0x30, &[tlv(0x02, &[1]), tlv(0x02, &[2])].concat())), None);
        assert_eq!(version_of(&tlv(0x30, &[tlv(0x06, &[0x2a]), tlv(0xa0, &[])].concat())), None);
        assert_eq!(version_of(b"junk"), None);
    }

    #[test]
    fn text_times_of_every_form() {
        // 2026-11-22 09:30:00 CST = 01:30:00 UTC.
        let t = 1_795_311_000;
        for text in [
            "2026-11-22 09:30:00",
            "2026-11-22T09:30:00",
            "2026-11-22 09:30:00+08:00",
            "2026-11-22 01:30:00Z",
            "2026-11-22 09:30:00.250",
            "20261122093000",
            "20261122013000Z",
            "20261122093000+0800",
            "261122013000Z",
            " 2026-11-22 09:30:00\0",
        ] {
            assert_eq!(time_text_cst(text), Some(t), "{text:?}");
        }
        for bad in ["", "2026-11-22", "2026-13-22 09:30:00", "yesterday", "2026-11-22 09:30:00+8"] {
            assert_eq!(time_text_cst(bad), None, "{bad:?}");
        }
    }
}
