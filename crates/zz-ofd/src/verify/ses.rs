//! Electronic seal signatures (GB/T 38540, and GM/T 0031's earlier
//! version): SES_Signature v4 and v1, read by [`crate::ses`]; the two
//! versions differ in how they are read, not in what is checked.

use zz_core::{CertInfo, CheckId, Outcome, SealInfo, UnixTime};

use super::Options;
use super::common::{chain_check, signature_check};
use super::report::{Format, SignatureReport, check};
use crate::cert::Cert;
use crate::document::{CheckMethod, SignatureFile};
use crate::package::Package;
use crate::ses::{self, CertList, SealSignature};
use crate::sm;

/// The format a report names for a seal signature of this version.
pub(super) fn format(version: ses::Version) -> Format {
    match version {
        ses::Version::V4 => Format::SesV4,
        ses::Version::V1 => Format::SesV1,
    }
}

/// The checks of an electronic seal signature.
pub(super) fn seal_signature(
    p: &Package<'_>,
    s: &SignatureFile,
    sig: &SealSignature<'_>,
    xml: &[u8],
    opts: &Options<'_>,
    r: &mut SignatureReport,
) {
    r.format = Some(format(sig.version));
    r.time = sig.time;
    // ofd-signed-hash
    r.checks.push(if sig.data_hash == sm::sm3(xml) {
        check(
            CheckId::OfdSignedHash,
            Outcome::Pass,
            "签章所签摘要与签名描述文件一致",
            "The signed digest matches Signature.xml",
        )
    } else {
        check(
            CheckId::OfdSignedHash,
            Outcome::Fail,
            "签章所签摘要与签名描述文件不符：文件已被改动",
            "The signed digest does not match Signature.xml: it was changed",
        )
    });
    // ofd-signature
    let signer = Cert::parse(sig.signer_cert);
    r.signer = signer.as_ref().map(CertInfo::from);
    r.signer_spki = signer.as_ref().map(|c| c.spki_sha256);
    let maker = Cert::parse(sig.seal.maker_cert);
    r.seal = Some(SealInfo {
        name: sig.seal.name.clone(),
        id: sig.seal.id.clone(),
        maker: maker.as_ref().map(|m| m.subject.clone()).unwrap_or_default(),
        valid_start: UnixTime::from_secs(sig.seal.valid_start),
        valid_end: UnixTime::from_secs(sig.seal.valid_end),
    });
    r.checks.push(signature_check(signer.as_ref(), &sig.algorithm, sig.tbs, sig.signature));
    // ofd-seal
    let mut seal_problems: Vec<(&str, &str)> = Vec::new();
    let maker_ok = maker.as_ref().and_then(|m| m.public_key.as_deref()).is_some_and(|k| {
        sig.seal.algorithm == sm::SM2_WITH_SM3
            && sig.seal.signed_forms.iter().any(|form| sm::verify(k, form, sig.seal.signature).is_ok())
    });
    if !maker_ok {
        seal_problems.push(("印章制作者的签名无效", "the maker's signature on the seal does not verify"));
    }
    if !signer.as_ref().is_some_and(|c| seal_lists(&sig.seal.certs, c)) {
        seal_problems.push(("签章人证书不在印章的证书列表中", "the signer's certificate is not among the seal's"));
    }
    if let Some(esl) = &s.seal
        && p.read(esl).ok().as_deref() != Some(sig.seal.raw)
    {
        seal_problems.push((
            "签名描述文件所指印章与签章中的印章不同",
            "the Seal.esl named differs from the seal inside the signature",
        ));
    }
    match sig.time {
        Some(t) if t < sig.seal.valid_start || t > sig.seal.valid_end => {
            seal_problems.push(("签章时间不在印章有效期内", "the signing time is outside the seal's validity"));
        }
        None => seal_problems.push(("签章未载明签章时间", "the signature carries no signing time")),
        _ => {}
    }
    r.checks.push(if seal_problems.is_empty() {
        check(
            CheckId::OfdSeal,
            Outcome::Pass,
            format!("印章「{}」有效：制作者签名正确，签章人在印章证书列表中", sig.seal.name),
            format!("Seal {:?} holds: its maker's signature verifies and it lists the signer", sig.seal.name),
        )
    } else {
        let (zh, en): (Vec<&str>, Vec<&str>) = seal_problems.into_iter().unzip();
        check(CheckId::OfdSeal, Outcome::Fail, zh.join("；"), en.join("; "))
    });
    // ofd-signer-chain: signer and maker, at the signing time.
    let at = sig.time.unwrap_or(opts.now.as_secs());
    r.checks.push(chain_check([signer.as_ref(), maker.as_ref()], opts.roots, &[], at));
}

/// Whether a seal lists the signer's certificate.
fn seal_lists(list: &CertList<'_>, signer: &Cert) -> bool {
    match list {
        CertList::Certs(certs) => certs.contains(&signer.der.as_slice()),
        // Digests by the methods references use, but never MD5 here.
        CertList::Digests(digests) => digests.iter().any(|(alg, value)| {
            let method = CheckMethod::parse(Some(alg));
            alg.trim() == alg
                && method != CheckMethod::Md5
                && method.digest(&signer.der).is_some_and(|d| d.as_slice() == *value)
        }),
    }
}
