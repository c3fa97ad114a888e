//! SignedData signatures (GB/T 35275, or PKCS#7), read by
//! [`crate::signed_data`].

use zz_core::{CertInfo, CheckId, Outcome};

use super::Options;
use super::common::{chain_check, signature_check};
use super::report::{Format, SignatureReport, check};
use crate::cert::Cert;
use crate::document::{Listed, SignatureType};
use crate::signed_data::{self, SignedData};
use crate::sm;

/// A serial number's bytes without leading zeros, as hex.
fn serial_hex(bytes: &[u8]) -> String {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default().iter().map(|b| format!("{b:02x}")).collect()
}

/// The checks of a SignedData (GB/T 35275 or PKCS#7): its content, or its
/// `messageDigest` when the content is detached, is SM3 of `Signature.xml`;
/// its signer's SM2 signature; the signer's chain at `signingTime`.
pub(super) fn signed_data_signature(
    sd: &SignedData<'_>,
    xml: &[u8],
    l: &Listed,
    opts: &Options<'_>,
    r: &mut SignatureReport,
) {
    r.format = Some(Format::SignedData);
    r.time = sd.signing_time;
    let want = sm::sm3(xml);
    let hash_ok = sd.digest_algorithm == signed_data::SM3
        && match (sd.content, sd.message_digest) {
            // The content is the digest; signed attributes, if any, must
            // hold the digest of that content (CMS).
            (Some(c), md) => c == want && md.is_none_or(|m| m == sm::sm3(c)),
            (None, Some(m)) => m == want,
            (None, None) => false,
        };
    r.checks.push(if hash_ok {
        check(
            CheckId::OfdSignedHash,
            Outcome::Pass,
            "签名所签摘要与签名描述文件一致",
            "The signed digest matches Signature.xml",
        )
    } else if sd.digest_algorithm != signed_data::SM3 {
        check(
            CheckId::OfdSignedHash,
            Outcome::Fail,
            format!("摘要算法不是 SM3（{}）", sd.digest_algorithm),
            format!("The digest algorithm is not SM3 ({})", sd.digest_algorithm),
        )
    } else {
        check(
            CheckId::OfdSignedHash,
            Outcome::Fail,
            "签名所签摘要与签名描述文件不符：文件已被改动",
            "The signed digest does not match Signature.xml: it was changed",
        )
    });
    // What was signed: the signed attributes, else the content itself.
    let message = sd.signed_attrs.as_deref().or(sd.content).unwrap_or_default();
    let certs: Vec<Cert> = sd.certs.iter().filter_map(|c| Cert::parse(c)).collect();
    let signer = match sd.sid {
        Some((issuer, serial)) => {
            certs.iter().find(|c| c.issuer_der == issuer && c.serial.trim_start_matches("00") == serial_hex(serial))
        }
        // A key identifier: the carried certificate whose key verifies.
        None => {
            certs.iter().find(|c| c.public_key.as_deref().is_some_and(|k| sm::verify(k, message, sd.signature).is_ok()))
        }
    };
    r.signer = signer.map(CertInfo::from);
    r.signer_spki = signer.map(|c| c.spki_sha256);
    let algorithm = if signed_data::SM2_ALGORITHMS.contains(&sd.signature_algorithm.as_str()) {
        sm::SM2_WITH_SM3
    } else {
        &sd.signature_algorithm
    };
    r.checks.push(if message.is_empty() {
        check(CheckId::OfdSignature, Outcome::Fail, "签名未签署任何内容", "The signature signs nothing")
    } else {
        signature_check(signer, algorithm, message, sd.signature)
    });
    if l.kind == SignatureType::Seal {
        r.checks.push(check(CheckId::OfdSeal, Outcome::Skip, "无印章数据", "No seal data"));
    }
    let at = sd.signing_time.unwrap_or(opts.now.as_secs());
    r.checks.push(chain_check([signer, None], opts.roots, &certs, at));
}
