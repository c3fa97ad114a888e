//! Verifying an OFD file (SPEC section 12): each signature on its own, then
//! the document: that something signed it, and what its pages draw from
//! that no signature covers. Time is a parameter; the roots are pinned SM2
//! root certificates.

use std::collections::BTreeSet;

use serde::Serialize;
use zz_core::{Outcome, UnixTime, Verdict};

use crate::cert::{self, Cert, Chain};
use crate::document::{self, CheckMethod, Listed, RefOutcome, SignatureFile, SignatureType};
use crate::package::Package;
use crate::ses::{self, CertList, SealSignature};
use crate::signed_data::{self, SignedData};
use crate::sm;

/// What the verification needs besides the file.
pub struct Options<'a> {
    /// Pinned SM2 root certificates (and intermediates, and certificates
    /// supplied for bare signatures).
    pub roots: &'a [Cert],
    /// The time of the verification (for what carries no signing time).
    pub now: UnixTime,
    /// The ZZ1 trust data and the optional inputs of SPEC section 10, to
    /// verify a license the file carries; without them such a license
    /// cannot be confirmed.
    pub zz1: Option<(&'a zz_core::Bundle, zz_core::Usage<'a>)>,
}

/// One check, with its reason in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfdCheck {
    pub id: &'static str,
    pub outcome: Outcome,
    pub zh: String,
    pub en: String,
    /// Whether a `warn` limits the verdict to `indeterminate` (all do but
    /// the one for a raw r‖s signature value).
    #[serde(skip)]
    pub limits: bool,
}

fn check(id: &'static str, outcome: Outcome, zh: impl Into<String>, en: impl Into<String>) -> OfdCheck {
    OfdCheck { id, outcome, zh: zh.into(), en: en.into(), limits: true }
}

/// The format of a signature value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    SesV4,
    SesV1,
    SignedData,
    Bare,
}

/// A certificate as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertSummary {
    pub subject: String,
    pub issuer: String,
    pub serial: String,
    pub not_before: i64,
    pub not_after: i64,
}

impl From<&Cert> for CertSummary {
    fn from(c: &Cert) -> CertSummary {
        CertSummary {
            subject: c.subject.clone(),
            issuer: c.issuer.clone(),
            serial: c.serial.clone(),
            not_before: c.not_before,
            not_after: c.not_after,
        }
    }
}

/// A seal as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SealSummary {
    pub name: String,
    pub id: String,
    /// The maker's certificate subject.
    pub maker: String,
    pub valid_start: i64,
    pub valid_end: i64,
}

/// One signature's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignatureReport {
    pub id: String,
    pub format: Option<Format>,
    pub checks: Vec<OfdCheck>,
    pub signer: Option<CertSummary>,
    pub seal: Option<SealSummary>,
    /// The signing time (the signer's claim, inside what it signed).
    pub time: Option<i64>,
    /// The files its references name (normalised).
    #[serde(skip)]
    pub references: Vec<String>,
}

impl SignatureReport {
    /// The outcome of one of its checks.
    pub fn outcome(&self, id: &str) -> Outcome {
        self.checks.iter().find(|c| c.id == id).map_or(Outcome::Skip, |c| c.outcome)
    }

    /// Whether it covers its references: none of its checks fails.
    pub fn covers(&self) -> bool {
        self.checks.iter().all(|c| c.outcome != Outcome::Fail)
    }
}

/// The report on an OFD file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfdReport {
    pub verdict: Verdict,
    /// The document checks: `ofd-package`, `ofd-coverage`, `ofd-license`.
    pub checks: Vec<OfdCheck>,
    pub signatures: Vec<SignatureReport>,
    /// The report on the ZZ1 license the file carries, if any.
    #[serde(skip)]
    pub license: Option<Box<zz_core::Report>>,
    /// The bytes of that license (the `license.zzl` attachment).
    #[serde(skip)]
    pub license_bytes: Option<Vec<u8>>,
}

impl OfdReport {
    fn finish(checks: Vec<OfdCheck>, signatures: Vec<SignatureReport>) -> OfdReport {
        let all = || checks.iter().chain(signatures.iter().flat_map(|s| s.checks.iter()));
        let verdict = if all().any(|c| c.outcome == Outcome::Fail) {
            Verdict::Invalid
        } else if all().any(|c| c.outcome == Outcome::Warn && c.limits) {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        };
        OfdReport { verdict, checks, signatures, license: None, license_bytes: None }
    }

    /// The outcome of a document check.
    pub fn outcome(&self, id: &str) -> Outcome {
        self.checks.iter().find(|c| c.id == id).map_or(Outcome::Skip, |c| c.outcome)
    }

    /// The files covered by a signature none of whose checks fails.
    pub fn covered(&self) -> BTreeSet<&str> {
        covered_by(&self.signatures)
    }
}

fn covered_by(signatures: &[SignatureReport]) -> BTreeSet<&str> {
    signatures.iter().filter(|s| s.covers()).flat_map(|s| s.references.iter().map(String::as_str)).collect()
}

/// Verifies an OFD file's bytes.
pub fn verify(bytes: &[u8], opts: &Options<'_>) -> OfdReport {
    let package_fail =
        |zh: String, en: String| OfdReport::finish(vec![check("ofd-package", Outcome::Fail, zh, en)], Vec::new());
    let p = match Package::open(bytes) {
        Ok(p) => p,
        Err(e) => {
            return package_fail(format!("OFD 文件包无法读取：{e}"), format!("The OFD package cannot be read: {e}"));
        }
    };
    let docs = match document::documents(&p) {
        Ok(d) => d,
        Err(e) => {
            return package_fail(format!("OFD 结构无法读取：{e}"), format!("The OFD structure cannot be read: {e}"));
        }
    };
    let mut signatures = Vec::new();
    for doc in &docs {
        let Some(list) = &doc.signatures else { continue };
        let listed = match document::listed(&p, list) {
            Ok(l) => l,
            Err(e) => {
                return package_fail(
                    format!("签名列表无法读取：{e}"),
                    format!("The signature list cannot be read: {e}"),
                );
            }
        };
        for l in &listed {
            match document::signature_file(&p, &l.base) {
                Ok(s) => signatures.push(verify_signature(&p, l, &s, opts)),
                Err(e) => {
                    return package_fail(
                        format!("签名文件无法读取：{e}"),
                        format!("A signature file cannot be read: {e}"),
                    );
                }
            }
        }
    }
    if signatures.is_empty() {
        return package_fail(
            "文件没有任何签名或签章，不具有效力".into(),
            "The file has no signature or seal: it has no force".into(),
        );
    }
    let mut checks = vec![check(
        "ofd-package",
        Outcome::Pass,
        format!("OFD 文件包完整，含 {} 个签名", signatures.len()),
        format!("The OFD package reads; {} signature(s)", signatures.len()),
    )];
    // Coverage: every file the pages draw from, covered by a signature
    // none of whose checks fails.
    let covered = covered_by(&signatures);
    let drawn: BTreeSet<String> = docs.iter().flat_map(|d| crate::coverage::drawn_from(&p, &d.root)).collect();
    let uncovered: Vec<&str> = drawn.iter().map(String::as_str).filter(|f| !covered.contains(f)).collect();
    checks.push(if uncovered.is_empty() {
        check(
            "ofd-coverage",
            Outcome::Pass,
            "页面所用的文件都在签名保护范围内",
            "Every file the pages draw from is covered by a signature",
        )
    } else {
        let list = uncovered.join(", ");
        check(
            "ofd-coverage",
            Outcome::Warn,
            format!("以下文件不受任何签名保护，可被改动而不破坏签名：{list}"),
            format!("These files are covered by no signature and can be changed without breaking one: {list}"),
        )
    });
    let (license_check, license) = embedded_license(&p, &docs, &covered, opts);
    checks.push(license_check);
    let mut report = OfdReport::finish(checks, signatures);
    report.license_bytes = license.as_ref().map(|(_, bytes)| bytes.clone());
    report.license = license.map(|(r, _)| Box::new(r));
    report
}

/// `ofd-license`: the ZZ1 license the file carries, verified by SPEC
/// section 10, covered by a signature, and as the tag states it.
fn embedded_license(
    p: &Package<'_>,
    docs: &[document::Doc],
    covered: &BTreeSet<&str>,
    opts: &Options<'_>,
) -> (OfdCheck, Option<(zz_core::Report, Vec<u8>)>) {
    let id = "ofd-license";
    let Some(carried) = docs.iter().map(|d| crate::license::carried(p, &d.root)).find(|c| !c.is_empty()) else {
        return (check(id, Outcome::Skip, "文件未携带 ZZ1 电子证照", "The file carries no ZZ1 license"), None);
    };
    let fail = |zh: &str, en: &str| check(id, Outcome::Fail, zh, en);
    let (Some(file), Some((tag_file, tag_id, tag_type))) = (&carried.attachment, &carried.tag) else {
        return (fail("电子证照附件或其标签缺失，无法对应", "The license attachment or its tag is missing"), None);
    };
    if !covered.contains(file.as_str()) || !covered.contains(tag_file.as_str()) {
        return (
            fail(
                "电子证照附件或其标签不在签名保护范围内",
                "The license attachment or its tag is covered by no signature",
            ),
            None,
        );
    }
    let Ok(bytes) = p.read(file) else {
        return (fail("电子证照附件无法读取", "The license attachment cannot be read"), None);
    };
    let Some((bundle, usage)) = opts.zz1 else {
        return (
            check(
                id,
                Outcome::Warn,
                "没有信任数据，无法核验文件携带的电子证照",
                "No trust data: the license the file carries cannot be verified",
            ),
            None,
        );
    };
    let ctx = zz_core::Context::new(bundle, opts.now).with(usage);
    let r = zz_core::verify(&bytes, ctx);
    let stated = r.license.as_ref().map(|l| (l.id.as_str(), l.type_code.as_str()));
    let c = if stated != Some((tag_id.as_deref().unwrap_or(""), tag_type.as_deref().unwrap_or(""))) {
        fail(
            "电子证照的标识或类型与文件标签不符",
            "The license's identifier or type differs from what the file's tag states",
        )
    } else {
        match r.verdict {
            Verdict::Invalid => {
                let why: Vec<&str> = r.failures().map(|c| c.zh.as_ref()).collect();
                let why_en: Vec<&str> = r.failures().map(|c| c.en.as_ref()).collect();
                check(
                    id,
                    Outcome::Fail,
                    format!("文件携带的电子证照无效：{}", why.join("；")),
                    format!("The license the file carries is invalid: {}", why_en.join("; ")),
                )
            }
            Verdict::Indeterminate => check(
                id,
                Outcome::Warn,
                "文件携带的电子证照状态无法确认",
                "The status of the license the file carries cannot be confirmed",
            ),
            Verdict::Valid => {
                check(id, Outcome::Pass, "文件携带的电子证照有效", "The license the file carries is valid")
            }
        }
    };
    (c, Some((r, bytes.to_vec())))
}

/// The report of SPEC section 12 in the form of every other report.
pub fn report(bytes: &[u8], opts: &Options<'_>, trust: zz_core::report::TrustRef) -> zz_core::Report {
    to_report(&verify(bytes, opts), opts, trust)
}

/// An OFD report in the form of every other report (made with `opts`).
pub fn to_report(r: &OfdReport, opts: &Options<'_>, trust: zz_core::report::TrustRef) -> zz_core::Report {
    let to_check = |c: &OfdCheck| {
        zz_core::CheckId::from_id(c.id).map(|id| zz_core::Check {
            id,
            outcome: c.outcome,
            zh: c.zh.clone().into(),
            en: c.en.clone().into(),
        })
    };
    let secs = UnixTime::from_secs;
    let signatures = r
        .signatures
        .iter()
        .map(|s| zz_core::SignatureReport {
            id: s.id.clone(),
            format: s.format.map(|f| {
                match f {
                    Format::SesV4 => "ses-v4",
                    Format::SesV1 => "ses-v1",
                    Format::SignedData => "signed-data",
                    Format::Bare => "bare",
                }
                .into()
            }),
            checks: s.checks.iter().filter_map(to_check).collect(),
            signer: s.signer.as_ref().map(|c| zz_core::CertInfo {
                subject: c.subject.clone(),
                issuer: c.issuer.clone(),
                serial: c.serial.clone(),
                not_before: secs(c.not_before),
                not_after: secs(c.not_after),
            }),
            seal: s.seal.as_ref().map(|x| zz_core::SealInfo {
                name: x.name.clone(),
                id: x.id.clone(),
                maker: x.maker.clone(),
                valid_start: secs(x.valid_start),
                valid_end: secs(x.valid_end),
            }),
            time: s.time.map(secs),
        })
        .collect();
    let license = r.license.as_deref();
    zz_core::Report {
        verdict: r.verdict,
        kind: Some(zz_core::Kind::Ofd),
        checks: r.checks.iter().filter_map(to_check).collect(),
        verified: r.verdict != Verdict::Invalid,
        license: license.and_then(|l| l.license.clone()),
        annotation: None,
        signer: license.and_then(|l| l.signer.clone()),
        annotation_signer: None,
        matter: opts.zz1.and_then(|(_, u)| u.matter).map(str::to_owned),
        now: opts.now,
        trust,
        signatures,
    }
}

/// Verifies one signature.
fn verify_signature(p: &Package<'_>, l: &Listed, s: &SignatureFile, opts: &Options<'_>) -> SignatureReport {
    let mut r = SignatureReport {
        id: l.id.clone(),
        format: None,
        checks: Vec::new(),
        signer: None,
        seal: None,
        time: None,
        references: s.references.iter().filter_map(|x| x.file.clone()).collect(),
    };
    r.checks.push(references(p, s));
    let xml = p.read(&s.path).unwrap_or_default();
    let value = match p.read(&s.signed_value) {
        Ok(v) => v,
        Err(e) => {
            r.checks.push(check(
                "ofd-signature",
                Outcome::Fail,
                format!("签名值文件无法读取：{e}"),
                format!("The signature value cannot be read: {e}"),
            ));
            return r;
        }
    };
    if ses::looks_like_ses(&value) {
        match ses::parse_signature(&value) {
            Ok(sig) => seal_signature(p, s, &sig, &xml, opts, &mut r),
            Err(e) => r.checks.push(check(
                "ofd-signature",
                Outcome::Fail,
                format!("电子签章数据无法解析：{e}"),
                format!("The seal signature cannot be parsed: {e}"),
            )),
        }
    } else if signed_data::looks_like(&value) {
        match signed_data::parse(&value) {
            Ok(sd) => signed_data_signature(&sd, &xml, l, opts, &mut r),
            Err(e) => {
                r.format = Some(Format::SignedData);
                r.checks.push(check(
                    "ofd-signature",
                    Outcome::Fail,
                    format!("数字签名数据（SignedData）无法解析：{e}"),
                    format!("The SignedData cannot be parsed: {e}"),
                ));
            }
        }
    } else if sm::signature(&value).is_some() {
        bare_signature(s, &value, &xml, l, opts, &mut r);
    } else {
        r.checks.push(check(
            "ofd-signature",
            Outcome::Fail,
            "签名值不是任何已知格式（电子签章、SignedData 或 SM2 签名）",
            "The signature value is in no known format (seal, SignedData or SM2 signature)",
        ));
    }
    r
}

/// A serial number's bytes without leading zeros, as hex.
fn serial_hex(bytes: &[u8]) -> String {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default().iter().map(|b| format!("{b:02x}")).collect()
}

/// The checks of a SignedData (GB/T 35275 or PKCS#7): its content, or its
/// `messageDigest` when the content is detached, is SM3 of `Signature.xml`;
/// its signer's SM2 signature; the signer's chain at `signingTime`.
fn signed_data_signature(sd: &SignedData<'_>, xml: &[u8], l: &Listed, opts: &Options<'_>, r: &mut SignatureReport) {
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
            "ofd-signed-hash",
            Outcome::Pass,
            "签名所签摘要与签名描述文件一致",
            "The signed digest matches Signature.xml",
        )
    } else if sd.digest_algorithm != signed_data::SM3 {
        check(
            "ofd-signed-hash",
            Outcome::Fail,
            format!("摘要算法不是 SM3（{}）", sd.digest_algorithm),
            format!("The digest algorithm is not SM3 ({})", sd.digest_algorithm),
        )
    } else {
        check(
            "ofd-signed-hash",
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
    r.signer = signer.map(CertSummary::from);
    let algorithm = if signed_data::SM2_ALGORITHMS.contains(&sd.signature_algorithm.as_str()) {
        sm::SM2_WITH_SM3
    } else {
        &sd.signature_algorithm
    };
    r.checks.push(if message.is_empty() {
        check("ofd-signature", Outcome::Fail, "签名未签署任何内容", "The signature signs nothing")
    } else {
        signature_check(signer, algorithm, message, sd.signature)
    });
    if l.kind == SignatureType::Seal {
        r.checks.push(check("ofd-seal", Outcome::Skip, "无印章数据", "No seal data"));
    }
    let at = sd.signing_time.unwrap_or(opts.now.as_secs());
    r.checks.push(chain_check([signer, None], opts.roots, &certs, at));
}

/// `ofd-references`: every referenced file present with its digest.
fn references(p: &Package<'_>, s: &SignatureFile) -> OfdCheck {
    let mut bad = Vec::new();
    for rf in &s.references {
        match document::check_reference(p, &s.method, rf) {
            RefOutcome::Ok => {}
            RefOutcome::Missing => bad.push(format!("{}（缺失 missing）", rf.file_ref)),
            RefOutcome::Differs => bad.push(format!("{}（已改动 changed）", rf.file_ref)),
            RefOutcome::Unusable => bad.push(format!("{}（无法校验 cannot be checked）", rf.file_ref)),
        }
    }
    if !bad.is_empty() {
        let list = bad.join(", ");
        return check(
            "ofd-references",
            Outcome::Fail,
            format!("受保护的文件缺失或被改动：{list}"),
            format!("Protected files are missing or changed: {list}"),
        );
    }
    if s.references.is_empty() {
        return check("ofd-references", Outcome::Fail, "签名未保护任何文件", "The signature protects no file");
    }
    if s.method.is_weak() {
        return check(
            "ofd-references",
            Outcome::Warn,
            format!("{} 个受保护文件未被改动，但摘要算法较弱（MD5 或 SHA-1）", s.references.len()),
            format!("{} protected files are unchanged, but the digest is weak (MD5 or SHA-1)", s.references.len()),
        );
    }
    check(
        "ofd-references",
        Outcome::Pass,
        format!("{} 个受保护文件均未被改动", s.references.len()),
        format!("All {} protected files are unchanged", s.references.len()),
    )
}

/// The checks of an electronic seal signature.
fn seal_signature(
    p: &Package<'_>,
    s: &SignatureFile,
    sig: &SealSignature<'_>,
    xml: &[u8],
    opts: &Options<'_>,
    r: &mut SignatureReport,
) {
    r.format = Some(match sig.version {
        ses::Version::V4 => Format::SesV4,
        ses::Version::V1 => Format::SesV1,
    });
    r.time = sig.time;
    // ofd-signed-hash
    r.checks.push(if sig.data_hash == sm::sm3(xml) {
        check(
            "ofd-signed-hash",
            Outcome::Pass,
            "签章所签摘要与签名描述文件一致",
            "The signed digest matches Signature.xml",
        )
    } else {
        check(
            "ofd-signed-hash",
            Outcome::Fail,
            "签章所签摘要与签名描述文件不符：文件已被改动",
            "The signed digest does not match Signature.xml: it was changed",
        )
    });
    // ofd-signature
    let signer = Cert::parse(sig.signer_cert);
    r.signer = signer.as_ref().map(CertSummary::from);
    let maker = Cert::parse(sig.seal.maker_cert);
    r.seal = Some(SealSummary {
        name: sig.seal.name.clone(),
        id: sig.seal.id.clone(),
        maker: maker.as_ref().map(|m| m.subject.clone()).unwrap_or_default(),
        valid_start: sig.seal.valid_start,
        valid_end: sig.seal.valid_end,
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
            "ofd-seal",
            Outcome::Pass,
            format!("印章「{}」有效：制作者签名正确，签章人在印章证书列表中", sig.seal.name),
            format!("Seal {:?} holds: its maker's signature verifies and it lists the signer", sig.seal.name),
        )
    } else {
        let (zh, en): (Vec<&str>, Vec<&str>) = seal_problems.into_iter().unzip();
        check("ofd-seal", Outcome::Fail, zh.join("；"), en.join("; "))
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

/// `ofd-signature` for a signer certificate, an algorithm and a value.
fn signature_check(signer: Option<&Cert>, algorithm: &str, message: &[u8], value: &[u8]) -> OfdCheck {
    let Some(key) = signer.and_then(|c| c.public_key.as_deref()) else {
        return check(
            "ofd-signature",
            Outcome::Fail,
            "签章人证书无法读取或不是 SM2 证书",
            "The signer's certificate cannot be read or is not SM2",
        );
    };
    if algorithm != sm::SM2_WITH_SM3 {
        return check(
            "ofd-signature",
            Outcome::Fail,
            format!("不支持的签名算法 {algorithm}"),
            format!("Unsupported signature algorithm {algorithm}"),
        );
    }
    match sm::verify(key, message, value) {
        Ok(sm::Form::Der) => check("ofd-signature", Outcome::Pass, "SM2 签名验证通过", "The SM2 signature verifies"),
        Ok(sm::Form::Raw) => OfdCheck {
            limits: false,
            ..check(
                "ofd-signature",
                Outcome::Warn,
                "SM2 签名验证通过（签名值为非标准的 r‖s 原始格式）",
                "The SM2 signature verifies (its value is raw r||s, not DER)",
            )
        },
        Err(_) => check(
            "ofd-signature",
            Outcome::Fail,
            "SM2 签名无效：数据可能被篡改",
            "The SM2 signature does not verify: the data may have been altered",
        ),
    }
}

/// `ofd-signer-chain` for the certificates given, at `at` (`links`: the
/// certificates the signature carries, intermediate links only).
fn chain_check(certs: [Option<&Cert>; 2], roots: &[Cert], links: &[Cert], at: i64) -> OfdCheck {
    let mut untrusted = Vec::new();
    for c in certs.into_iter().flatten() {
        if !c.valid_at(at) {
            return check(
                "ofd-signer-chain",
                Outcome::Fail,
                format!("证书「{}」在签章时不在有效期内", c.subject),
                format!("Certificate {:?} was not valid at the signing time", c.subject),
            );
        }
        match cert::chain(c, roots, links, at) {
            Chain::Trusted { .. } => {}
            Chain::NotValidAt { subject } => {
                return check(
                    "ofd-signer-chain",
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
            "ofd-signer-chain",
            Outcome::Pass,
            "证书链可信，签章时均在有效期内",
            "The certificates chain to a pinned root and were valid at the signing time",
        )
    } else {
        let list = untrusted.join("; ");
        check(
            "ofd-signer-chain",
            Outcome::Warn,
            format!("以下证书不能链接到已固定的 SM2 根证书，签章人不可信：{list}"),
            format!("These certificates do not chain to a pinned SM2 root: the signer is not trusted: {list}"),
        )
    }
}

/// A bare SM2 signature over `Signature.xml`: checked against the
/// certificates supplied (the pinned PEM), else it cannot be checked.
fn bare_signature(
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
        "ofd-signed-hash",
        Outcome::Pass,
        "无证书签名直接签署签名描述文件",
        "A bare signature signs Signature.xml itself",
    ));
    let signer = opts.roots.iter().find(|c| c.public_key.as_deref().is_some_and(|k| sm::verify(k, xml, value).is_ok()));
    match signer {
        Some(c) => {
            r.signer = Some(CertSummary::from(c));
            r.checks.push(signature_check(
                Some(c),
                s.signature_method.as_deref().unwrap_or(sm::SM2_WITH_SM3),
                xml,
                value,
            ));
            r.checks.push(chain_check([Some(c), None], opts.roots, &[], time.unwrap_or(opts.now.as_secs())));
        }
        None => r.checks.push(check(
            "ofd-signature",
            Outcome::Warn,
            "无证书的 SM2 签名：没有可用于核对的证书，无法确认",
            "A bare SM2 signature: no certificate supplied verifies it, so it cannot be confirmed",
        )),
    }
    if l.kind == SignatureType::Seal {
        r.checks.push(check("ofd-seal", Outcome::Skip, "无印章数据", "No seal data"));
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
