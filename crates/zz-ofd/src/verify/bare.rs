//! Bare SM2 signatures: a signature value over `Signature.xml` with no
//! certificate of its own.

use zz_core::{CertInfo, CheckId, Outcome};

use super::Options;
use super::common::{chain_check, signature_check};
use super::report::{Format, SignatureReport, check};
use crate::document::{Listed, SignatureFile, SignatureType};
use crate::sm;

/// A bare SM2 signature over `Signature.xml`: checked against the
/// certificates supplied (the pinned PEM), else it cannot be checked.
pub(super) fn bare_signature(
    s: &SignatureFile,
    value: &[u8],
    xml: &[u8],
    l: &Listed,
    opts: &Options<'_>,
    r: &mut SignatureReport,
) {
    r.format = Some(Format::Bare);
    // The time it names is inside what it signs (Signature.xml).
    let time = s.date_time.as_deref().and_then(bare_time);
    r.time = time;
    r.checks.push(check(
        CheckId::OfdSignedHash,
        Outcome::Pass,
        "无证书签名直接签署签名描述文件",
        "A bare signature signs Signature.xml itself",
    ));
    let signer = opts.roots.iter().find(|c| c.public_key.as_deref().is_some_and(|k| sm::verify(k, xml, value).is_ok()));
    match signer {
        Some(c) => {
            r.signer = Some(CertInfo::from(c));
            r.signer_spki = Some(c.spki_sha256);
            r.checks.push(signature_check(
                Some(c),
                s.signature_method.as_deref().unwrap_or(sm::SM2_WITH_SM3),
                xml,
                value,
            ));
            r.checks.push(chain_check([Some(c), None], opts.roots, &[], time.unwrap_or(opts.now.as_secs())));
        }
        None => r.checks.push(check(
            CheckId::OfdSignature,
            Outcome::Warn,
            "无证书的 SM2 签名：没有可用于核对的证书，无法确认",
            "A bare SM2 signature: no certificate supplied verifies it, so it cannot be confirmed",
        )),
    }
    if l.kind == SignatureType::Seal {
        r.checks.push(check(CheckId::OfdSeal, Outcome::Skip, "无印章数据", "No seal data"));
    }
}

/// `SignatureDateTime` as producers write it, `YYYYMMDDHHMMSS` or
/// `YYYY-MM-DD HH:MM:SS`, in China Standard Time.
fn bare_time(s: &str) -> Option<i64> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 14 {
        return None;
    }
    crate::asn1::time_text(&digits, false).map(|t| t - 8 * 3600)
}
