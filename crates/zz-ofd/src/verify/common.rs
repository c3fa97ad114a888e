//! The checks every signature format shares: the protected files
//! (`ofd-references`), the SM2 signature (`ofd-signature`) and the signer's
//! certificate chain (`ofd-signer-chain`).

use zz_core::{CheckId, Outcome};

use super::report::{OfdCheck, check};
use crate::cert::{self, Cert, Chain};
use crate::document::{self, RefOutcome, SignatureFile};
use crate::package::Package;
use crate::sm;

/// `ofd-references`: every referenced file present with its digest.
pub(super) fn references(p: &Package<'_>, s: &SignatureFile) -> OfdCheck {
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for rf in &s.references {
        let (z, e) = match document::check_reference(p, &s.method, rf) {
            RefOutcome::Ok => continue,
            RefOutcome::Missing => ("缺失", "missing"),
            RefOutcome::Differs => ("已改动", "changed"),
            RefOutcome::Unusable => ("无法校验", "cannot be checked"),
        };
        zh.push(format!("{}（{z}）", rf.file_ref));
        en.push(format!("{} ({e})", rf.file_ref));
    }
    if !zh.is_empty() {
        return check(
            CheckId::OfdReferences,
            Outcome::Fail,
            format!("签章后受保护的文件被改动或缺失：{}", zh.join("，")),
            format!("Protected files were changed or removed after signing: {}", en.join(", ")),
        );
    }
    if s.references.is_empty() {
        return check(CheckId::OfdReferences, Outcome::Fail, "签名未保护任何文件", "The signature protects no file");
    }
    if s.method.is_weak() {
        return check(
            CheckId::OfdReferences,
            Outcome::Warn,
            format!("{} 个受保护文件未被改动，但摘要算法较弱（MD5 或 SHA-1）", s.references.len()),
            format!("{} protected files are unchanged, but the digest is weak (MD5 or SHA-1)", s.references.len()),
        );
    }
    check(
        CheckId::OfdReferences,
        Outcome::Pass,
        format!("{} 个受保护文件均未被改动", s.references.len()),
        format!("All {} protected files are unchanged", s.references.len()),
    )
}

/// `ofd-signature` for a signer certificate, an algorithm and a value.
pub(super) fn signature_check(signer: Option<&Cert>, algorithm: &str, message: &[u8], value: &[u8]) -> OfdCheck {
    let Some(key) = signer.and_then(|c| c.public_key.as_deref()) else {
        return check(
            CheckId::OfdSignature,
            Outcome::Fail,
            "签章人证书无法读取或不是 SM2 证书",
            "The signer's certificate cannot be read or is not SM2",
        );
    };
    if algorithm != sm::SM2_WITH_SM3 {
        return check(
            CheckId::OfdSignature,
            Outcome::Fail,
            format!("不支持的签名算法 {algorithm}"),
            format!("Unsupported signature algorithm {algorithm}"),
        );
    }
    match sm::verify(key, message, value) {
        Ok(sm::Form::Der) => {
            check(CheckId::OfdSignature, Outcome::Pass, "SM2 签名验证通过", "The SM2 signature verifies")
        }
        Ok(sm::Form::Raw) => OfdCheck {
            limits: false,
            ..check(
                CheckId::OfdSignature,
                Outcome::Warn,
                "SM2 签名验证通过（签名值为非标准的 r‖s 原始格式）",
                "The SM2 signature verifies (its value is raw r||s, not DER)",
            )
        },
        Err(_) => check(
            CheckId::OfdSignature,
            Outcome::Fail,
            "SM2 签名无效：数据可能被篡改",
            "The SM2 signature does not verify: the data may have been altered",
        ),
    }
}

/// `ofd-signer-chain` for the certificates given, at `at` (`links`: the
/// certificates the signature carries, intermediate links only).
pub(super) fn chain_check(certs: [Option<&Cert>; 2], roots: &[Cert], links: &[Cert], at: i64) -> OfdCheck {
    let mut untrusted = Vec::new();
    for c in certs.into_iter().flatten() {
        if !c.valid_at(at) {
            return check(
                CheckId::OfdSignerChain,
                Outcome::Fail,
                format!("证书「{}」在签章时不在有效期内", c.subject),
                format!("Certificate {:?} was not valid at the signing time", c.subject),
            );
        }
        match cert::chain(c, roots, links, at) {
            Chain::Trusted { .. } => {}
            Chain::NotValidAt { subject } => {
                return check(
                    CheckId::OfdSignerChain,
                    Outcome::Fail,
                    format!("证书链中的「{subject}」在签章时不在有效期内"),
                    format!("Certificate {subject:?} of the chain was not valid at the signing time"),
                );
            }
            Chain::Untrusted => untrusted.push(c.subject.clone()),
        }
    }
    if untrusted.is_empty() {
        check(
            CheckId::OfdSignerChain,
            Outcome::Pass,
            "证书链可信，签章时均在有效期内",
            "The certificates chain to a pinned root and were valid at the signing time",
        )
    } else {
        let list = untrusted.join("; ");
        check(
            CheckId::OfdSignerChain,
            Outcome::Warn,
            format!("以下证书不能链接到已固定的 SM2 根证书，签章人不可信：{list}"),
            format!("These certificates do not chain to a pinned SM2 root: the signer is not trusted: {list}"),
        )
    }
}
