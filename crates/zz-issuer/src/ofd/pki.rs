//! SM2 keys and X.509 certificates for sealing OFD files (GM/T 0015
//! profile: `id-ecPublicKey` with the SM2 curve, signed SM2-with-SM3).
//! Certificates are built from `x509-cert`'s types and signed with
//! RustCrypto's `sm2`, whose signatures are deterministic (RFC 6979 nonces),
//! so the same seed always gives the same bytes.

use std::str::FromStr;

use der::asn1::{BitString, GeneralizedTime, ObjectIdentifier, OctetString, UintRef};
use der::{Any, Encode, Tag};
use sha2::{Digest, Sha256};
use sm2::dsa::SigningKey;
use sm2::dsa::signature::Signer;
use sm2::elliptic_curve::sec1::ToEncodedPoint;
use x509_cert::certificate::{Certificate, TbsCertificate, Version};
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::time::{Time, Validity};
use zz_core::UnixTime;

/// SM2 with SM3 (GM/T 0006).
pub const SM2_WITH_SM3: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.156.10197.1.501");
/// The SM2 curve.
pub const SM2_CURVE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.156.10197.1.301");
/// `id-ecPublicKey`.
pub const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// The default user ID of GB/T 35276, hashed into Z.
pub const DEFAULT_ID: &str = "1234567812345678";

/// An SM2 signing key.
#[derive(Clone)]
pub struct Sm2Key(SigningKey);

impl Sm2Key {
    /// A key derived from a public seed and a name: demo keys only, since
    /// anyone who knows the seed has the key.
    pub fn derive(seed: &str, name: &str) -> Sm2Key {
        let mut counter = 0u32;
        loop {
            let d = Sha256::new()
                .chain_update(b"ZZ SM2 demo key\0")
                .chain_update(seed.as_bytes())
                .chain_update([0])
                .chain_update(name.as_bytes())
                .chain_update(counter.to_be_bytes())
                .finalize();
            // Below the group order and nonzero but for ~2^-32 of seeds.
            if let Ok(k) = SigningKey::from_slice(DEFAULT_ID, &d) {
                return Sm2Key(k);
            }
            counter += 1;
        }
    }

    /// The public key, SEC1 uncompressed (`04‖x‖y`).
    /// Its `SubjectPublicKeyInfo` as the demo certificates carry it.
    fn spki(&self) -> SubjectPublicKeyInfoOwned {
        let curve = Any::encode_from(&SM2_CURVE).expect("an OID encodes");
        SubjectPublicKeyInfoOwned {
            algorithm: AlgorithmIdentifierOwned { oid: EC_PUBLIC_KEY, parameters: Some(curve) },
            subject_public_key: BitString::from_bytes(&self.public()).expect("a point encodes"),
        }
    }

    /// SHA-256 of its DER `SubjectPublicKeyInfo`: how a trust list's
    /// `seals` name a certificate of this key (SPEC section 6).
    pub fn spki_sha256(&self) -> [u8; 32] {
        Sha256::digest(self.spki().to_der().expect("an SPKI encodes")).into()
    }

    pub fn public(&self) -> Vec<u8> {
        self.0.verifying_key().to_encoded_point(false).as_bytes().to_vec()
    }

    /// The secret scalar (for key files of demo keys).
    pub fn secret(&self) -> [u8; 32] {
        self.0.to_bytes().into()
    }

    /// SM2-with-SM3 over `message` (Z from the default ID), as DER
    /// `SEQUENCE{r, s}`.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        let sig: sm2::dsa::Signature = self.0.sign(message);
        let (r, s) = (sig.r().to_bytes(), sig.s().to_bytes());
        let ints = [r.as_slice(), s.as_slice()].map(|b| {
            let start = b.iter().position(|&x| x != 0).unwrap_or(b.len() - 1);
            UintRef::new(&b[start..]).and_then(|u| u.to_der()).expect("a 32-byte integer encodes")
        });
        sequence(&ints)
    }
}

/// A DER SEQUENCE of the encoded elements given.
pub fn sequence(items: &[Vec<u8>]) -> Vec<u8> {
    let body: Vec<u8> = items.concat();
    Any::new(Tag::Sequence, body).and_then(|a| a.to_der()).expect("a SEQUENCE encodes")
}

fn time(t: UnixTime) -> Time {
    let d = std::time::Duration::from_secs(t.as_secs().max(0) as u64);
    // RFC 5280: UTCTime through 2049.
    match der::asn1::UtcTime::from_unix_duration(d) {
        Ok(u) => Time::UtcTime(u),
        Err(_) => Time::GeneralTime(GeneralizedTime::from_unix_duration(d).expect("a time after 1970 encodes")),
    }
}

/// What a certificate is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Usage {
    /// A certification authority (root or intermediate).
    Ca,
    /// A signer: department seal signers and seal makers.
    Signer,
}

/// A certificate being made.
pub struct CertSpec<'a> {
    /// The subject as an RFC 4514 string, e.g. `CN=…,O=…,C=CN`.
    pub subject: &'a str,
    pub serial: u64,
    pub not_before: UnixTime,
    pub not_after: UnixTime,
    pub usage: Usage,
}

/// An SM2 certificate: its key and DER.
#[derive(Clone)]
pub struct Sm2Cert {
    pub key: Sm2Key,
    pub der: Vec<u8>,
    pub subject: String,
}

impl Sm2Cert {
    /// A certificate for `key`, signed by `issuer` (self-signed when `None`).
    pub fn new(spec: &CertSpec<'_>, key: Sm2Key, issuer: Option<&Sm2Cert>) -> Sm2Cert {
        let subject = Name::from_str(spec.subject).expect("demo subjects are well-formed");
        let issuer_name = match issuer {
            Some(i) => Name::from_str(&i.subject).expect("demo subjects are well-formed"),
            None => subject.clone(),
        };
        let sig_alg = AlgorithmIdentifierOwned { oid: SM2_WITH_SM3, parameters: None };
        let spki = key.spki();
        let ext = |oid, critical, value: Vec<u8>| Extension {
            extn_id: oid,
            critical,
            extn_value: OctetString::new(value).expect("an extension encodes"),
        };
        use der::oid::AssociatedOid;
        let (ca, usages) = match spec.usage {
            Usage::Ca => (true, KeyUsages::KeyCertSign | KeyUsages::CRLSign),
            Usage::Signer => (false, KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
        };
        let extensions = vec![
            ext(
                BasicConstraints::OID,
                true,
                BasicConstraints { ca, path_len_constraint: None }.to_der().expect("encodes"),
            ),
            ext(KeyUsage::OID, true, KeyUsage(usages).to_der().expect("encodes")),
        ];
        let tbs = TbsCertificate {
            version: Version::V3,
            serial_number: SerialNumber::from(spec.serial),
            signature: sig_alg.clone(),
            issuer: issuer_name,
            validity: Validity { not_before: time(spec.not_before), not_after: time(spec.not_after) },
            subject,
            subject_public_key_info: spki,
            issuer_unique_id: None,
            subject_unique_id: None,
            extensions: Some(extensions),
        };
        let tbs_der = tbs.to_der().expect("a certificate encodes");
        let signing = issuer.map_or(&key, |i| &i.key);
        let signature = BitString::from_bytes(&signing.sign(&tbs_der)).expect("a signature encodes");
        let cert = Certificate { tbs_certificate: tbs, signature_algorithm: sig_alg, signature };
        Sm2Cert { key, der: cert.to_der().expect("a certificate encodes"), subject: spec.subject.to_owned() }
    }

    /// The certificate as PEM.
    pub fn pem(&self) -> String {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&self.der);
        let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
        for line in b64.as_bytes().chunks(64) {
            out.push_str(std::str::from_utf8(line).unwrap_or_default());
            out.push('\n');
        }
        out.push_str("-----END CERTIFICATE-----\n");
        out
    }
}
