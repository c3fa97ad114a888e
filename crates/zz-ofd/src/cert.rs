//! X.509 certificates with SM2 keys (GM/T 0015), read with RustCrypto's
//! `x509-cert`, and chains to pinned roots checked by SM2 signatures.

use der::{Decode, Encode};
use x509_cert::Certificate;

use crate::asn1::{bits, items, oid};
use crate::sm;

/// `id-ecPublicKey`, with the SM2 curve as its parameter.
const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
/// The SM2 curve (also used as the key algorithm by some issuers).
const SM2_CURVE: &str = "1.2.156.10197.1.301";
/// At most this many certificates in a chain.
const MAX_CHAIN: usize = 8;

/// A certificate, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cert {
    /// The whole certificate (DER).
    pub der: Vec<u8>,
    /// `tbsCertificate` as stored: what its issuer signed.
    pub tbs: Vec<u8>,
    pub subject: String,
    pub issuer: String,
    /// DER of the subject and issuer names (compared to build chains).
    pub subject_der: Vec<u8>,
    pub issuer_der: Vec<u8>,
    /// The serial number, hex.
    pub serial: String,
    pub not_before: i64,
    pub not_after: i64,
    /// The SM2 public key, SEC1 (`04‖x‖y`); `None` when the key is not SM2.
    pub public_key: Option<Vec<u8>>,
    pub signature_algorithm: String,
    pub signature: Vec<u8>,
    /// SHA-256 of its DER `SubjectPublicKeyInfo`: how a trust list's
    /// `seals` name it (SPEC section 6).
    pub spki_sha256: [u8; 32],
}

impl Cert {
    /// Reads a certificate (DER).
    pub fn parse(der: &[u8]) -> Option<Cert> {
        let c = Certificate::from_der(der).ok()?;
        let parts = items(der, "Certificate").ok()?;
        let tbs = parts.first()?.to_vec();
        let signature = bits(parts.get(2)?, "signature").ok()?.to_vec();
        let t = &c.tbs_certificate;
        let spki = &t.subject_public_key_info;
        let alg = spki.algorithm.oid.to_string();
        let param =
            spki.algorithm.parameters.as_ref().and_then(|p| p.to_der().ok()).and_then(|p| oid(&p, "curve").ok());
        let sm2_key = alg == SM2_CURVE || (alg == EC_PUBLIC_KEY && param.is_some_and(|p| p.to_string() == SM2_CURVE));
        let secs = |t: &x509_cert::time::Time| i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
        Some(Cert {
            der: der.to_vec(),
            tbs,
            subject: t.subject.to_string(),
            issuer: t.issuer.to_string(),
            subject_der: t.subject.to_der().ok()?,
            issuer_der: t.issuer.to_der().ok()?,
            serial: t.serial_number.as_bytes().iter().map(|b| format!("{b:02x}")).collect(),
            not_before: secs(&t.validity.not_before),
            not_after: secs(&t.validity.not_after),
            public_key: sm2_key.then(|| spki.subject_public_key.raw_bytes().to_vec()),
            signature_algorithm: c.signature_algorithm.oid.to_string(),
            signature,
            spki_sha256: {
                use sha2::Digest;
                sha2::Sha256::digest(spki.to_der().ok()?).into()
            },
        })
    }

    /// Whether it was valid at `t` (unix seconds).
    pub fn valid_at(&self, t: i64) -> bool {
        self.not_before <= t && t <= self.not_after
    }

    /// Whether `issuer`'s key signed this certificate (SM2 with SM3).
    pub fn signed_by(&self, issuer: &Cert) -> bool {
        self.issuer_der == issuer.subject_der
            && self.signature_algorithm == sm::SM2_WITH_SM3
            && issuer.public_key.as_deref().is_some_and(|k| sm::verify(k, &self.tbs, &self.signature).is_ok())
    }
}

/// Reads the certificates of a PEM file (`-----BEGIN CERTIFICATE-----`
/// blocks); other blocks are skipped. `None` when a block is damaged.
pub fn parse_pem(text: &str) -> Option<Vec<Cert>> {
    use base64::Engine;
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let body = rest.get(start + 27..)?;
        let end = body.find("-----END CERTIFICATE-----")?;
        let b64: String = body.get(..end)?.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let der = base64::engine::general_purpose::STANDARD.decode(b64).ok()?;
        out.push(Cert::parse(&der)?);
        rest = body.get(end + 25..)?;
    }
    Some(out)
}

/// How a certificate chains to the pinned roots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chain {
    /// Up to a pinned root, every certificate valid at the time given.
    Trusted { path: Vec<String> },
    /// Up to a pinned root, but this certificate was not valid then.
    NotValidAt { subject: String },
    /// No chain to a pinned root.
    Untrusted,
}

/// Chains `leaf` to one of `roots` (pinned root certificates; the PEM may
/// also hold intermediate CAs, which are used as links, never as anchors
/// unless self-signed), each link checked by its SM2 signature and each
/// certificate's validity at `at`. `links` are certificates the signature
/// itself carries (a SignedData's): used as intermediate links only, never
/// as anchors, and never when self-signed.
pub fn chain(leaf: &Cert, roots: &[Cert], links: &[Cert], at: i64) -> Chain {
    let mut path = vec![leaf.subject.clone()];
    let mut current = leaf.clone();
    let mut not_valid: Option<String> = (!leaf.valid_at(at)).then(|| leaf.subject.clone());
    for _ in 0..MAX_CHAIN {
        // A pinned certificate equal to the current one is an anchor.
        if roots.iter().any(|r| r.der == current.der && r.subject_der == r.issuer_der) {
            return match not_valid {
                Some(subject) => Chain::NotValidAt { subject },
                None => Chain::Trusted { path },
            };
        }
        let carried = links.iter().filter(|c| c.subject_der != c.issuer_der);
        let Some(issuer) = roots.iter().chain(carried).find(|r| current.signed_by(r)) else { return Chain::Untrusted };
        if issuer.der == current.der {
            return Chain::Untrusted;
        }
        if not_valid.is_none() && !issuer.valid_at(at) {
            not_valid = Some(issuer.subject.clone());
        }
        path.push(issuer.subject.clone());
        if issuer.subject_der == issuer.issuer_der {
            return match not_valid {
                Some(subject) => Chain::NotValidAt { subject },
                None => Chain::Trusted { path },
            };
        }
        current = issuer.clone();
    }
    Chain::Untrusted
}
