//! Verifying an OFD file (SPEC section 12): each signature on its own, then
//! the document: that something signed it, and what its pages draw from
//! that no signature covers. Time is a parameter; the roots are pinned SM2
//! root certificates.

mod authority;
mod bare;
mod common;
mod report;
mod ses;
mod signed_data;

use std::collections::BTreeSet;

use zz_core::{CheckId, Outcome, UnixTime, Verdict};

use crate::cert::Cert;
use crate::document::{self, Listed, SignatureFile};
use crate::package::Package;
use crate::sm;

pub use report::{CertSummary, Format, OfdCheck, OfdReport, SealSummary, SignatureReport};
use report::{check, covered_by};

/// What the verification needs besides the file.
pub struct Options<'a> {
    /// Pinned SM2 root certificates (and intermediates, and certificates
    /// supplied for bare signatures).
    pub roots: &'a [Cert],
    /// The time of the verification (for what carries no signing time).
    pub now: UnixTime,
    /// The ZZ1 trust data and the optional inputs of SPEC section 10, to
    /// verify a license the file carries (and its seal table, SPEC 6);
    /// without them such a license cannot be confirmed. Its bundle is the
    /// authority that verifies this file (`roots` are that authority's).
    pub zz1: Option<zz_core::Context<'a>>,
}

/// Verifies an OFD file's bytes.
pub fn verify(bytes: &[u8], opts: &Options<'_>) -> OfdReport {
    let package_fail =
        |zh: String, en: String| OfdReport::finish(vec![check(CheckId::OfdPackage, Outcome::Fail, zh, en)], Vec::new());
    // 1. The package and its documents (`ofd-package` fails when they
    // cannot be read).
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
    // 2. Each signature on its own, by its format.
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
    // 3. Something signed it (`ofd-package`).
    if signatures.is_empty() {
        return package_fail(
            "文件没有任何签名或签章，不具有效力".into(),
            "The file has no signature or seal: it has no force".into(),
        );
    }
    let mut checks = vec![check(
        CheckId::OfdPackage,
        Outcome::Pass,
        format!("OFD 文件包完整，含 {} 个签名", signatures.len()),
        format!("The OFD package reads; {} signature(s)", signatures.len()),
    )];
    // 4. Coverage: every file the pages draw from, covered by a signature
    // none of whose checks fails.
    let covered = covered_by(&signatures);
    let drawn: BTreeSet<String> = docs.iter().flat_map(|d| crate::coverage::drawn_from(&p, &d.root)).collect();
    let uncovered: Vec<&str> = drawn.iter().map(String::as_str).filter(|f| !covered.contains(f)).collect();
    checks.push(if uncovered.is_empty() {
        check(
            CheckId::OfdCoverage,
            Outcome::Pass,
            "页面所用的文件都在签名保护范围内",
            "Every file the pages draw from is covered by a signature",
        )
    } else {
        let list = uncovered.join(", ");
        check(
            CheckId::OfdCoverage,
            Outcome::Warn,
            format!("以下文件不受任何签名保护，可被改动而不破坏签名：{list}"),
            format!("These files are covered by no signature and can be changed without breaking one: {list}"),
        )
    });
    // 5. The license it carries (`ofd-license`).
    let carried = docs.iter().map(|d| crate::license::carried(&p, &d.root)).find(|c| !c.is_empty());
    let (license_check, license) = embedded_license(&p, carried.as_ref(), &covered, opts);
    checks.push(license_check);
    // 6. The page shows that license (`ofd-face`).
    let pages: Vec<String> = docs.iter().flat_map(|d| crate::coverage::pages(&p, &d.root)).collect();
    let first_page = pages.first().map(|f| crate::coverage::page_text(&p, f)).unwrap_or_default();
    let carried_report = license.as_ref().map(|(r, _)| r);
    let carried_license = carried_report.and_then(|r| r.license.as_ref());
    checks.push(authority::face(&first_page, carried.as_ref().map(|_| carried_license)));
    // 7. Whose seal (`ofd-seal-authority`): a signature covering every
    // page, the attachment and its tag, by a seal certificate the trust
    // list lists for the license's issuing department and type.
    let carried_authority = carried.as_ref().map(|c| authority::Carried {
        files: c.attachment.as_deref().zip(c.tag.as_ref()).map(|(a, t)| [a, t.0.as_str()]),
        type_code: carried_license.map(|l| l.type_code.as_str()),
        issuer: carried_report.and_then(|r| r.signer.as_ref()).map(|s| (s.name.as_str(), s.code.as_str())),
    });
    checks.push(authority::seal_authority(&signatures, &pages, carried_authority.as_ref(), opts.zz1.map(|c| c.bundle)));
    // 8. A file over the limits or damaged, whichever check read it,
    // fails the package (SPEC 12: each limit is an `ofd-package` failure).
    if let (Some(e), Some(c)) = (p.fault(), checks.iter_mut().find(|c| c.id == CheckId::OfdPackage)) {
        *c = check(
            CheckId::OfdPackage,
            Outcome::Fail,
            format!("OFD 文件包中有文件损坏或超出大小限制：{e}"),
            format!("A file of the OFD package is damaged or over the size limits: {e}"),
        );
    }
    let mut report = OfdReport::finish(checks, signatures);
    report.license_bytes = license.as_ref().map(|(_, bytes)| bytes.clone());
    report.license = license.map(|(r, _)| Box::new(r));
    report
}

/// `ofd-license`: the ZZ1 license the file carries, verified by SPEC
/// section 10, covered by a signature, and as the tag states it.
fn embedded_license(
    p: &Package<'_>,
    carried: Option<&crate::license::Carried>,
    covered: &BTreeSet<&str>,
    opts: &Options<'_>,
) -> (OfdCheck, Option<(zz_core::Report, Vec<u8>)>) {
    let id = CheckId::OfdLicense;
    let Some(carried) = carried else {
        // A sealed document whose license data, status and catalog cannot
        // be checked: nothing to match a matter or an applicant against.
        let given = opts.zz1.is_some_and(|c| c.usage.matter.is_some() || c.usage.applicant.is_some());
        return (
            if given {
                check(
                    id,
                    Outcome::Fail,
                    "文件未携带 ZZ1 电子证照：无法与所办事项或办事主体核对",
                    "The file carries no ZZ1 license: nothing can be matched against the matter or the applicant",
                )
            } else {
                check(
                    id,
                    Outcome::Warn,
                    "文件未携带 ZZ1 电子证照：证照数据、状态和目录均无法核验",
                    "The file carries no ZZ1 license: its data, status and catalog entry cannot be checked",
                )
            },
            None,
        );
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
    let Some(ctx) = opts.zz1 else {
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
    let r = zz_core::verify(&bytes, zz_core::Context { now: opts.now, ..ctx });
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

/// Verifies an OFD file by the authority (SPEC section 9) that `ctx`
/// chooses: the one whose trust list lists the signer of the license the
/// file carries; for a file with no license, the home one, or else the
/// first other whose SM2 roots the file's signers chain to. `sm2_roots`
/// holds each authority's pinned SM2 roots, in the order of
/// [`zz_core::Authorities::iter`]; with a single bundle
/// (`ctx.authorities` is `None`), `sm2_roots[0]` verifies. Returns the
/// report and the options of the authority that made it.
pub fn verify_among<'a>(bytes: &[u8], ctx: zz_core::Context<'a>, sm2_roots: &[&'a [Cert]]) -> (OfdReport, Options<'a>) {
    let options = |c: zz_core::Context<'a>| {
        let i = c.authorities.zip(c.authority).and_then(|(all, name)| all.position(name)).unwrap_or(0);
        Options { roots: sm2_roots.get(i).copied().unwrap_or(&[]), now: c.now, zz1: Some(c) }
    };
    let several = ctx.authorities.filter(|all| all.len() > 1);
    let kid = several.and_then(|_| carried_license_kid(bytes));
    let opts = options(kid.map_or(ctx, |kid| ctx.for_kid(&kid)));
    let r = verify(bytes, &opts);
    if let Some(all) = several
        && kid.is_none()
        && !chained(&r)
    {
        for a in all.iter().skip(1) {
            let other = options(zz_core::Context { bundle: &a.bundle, authority: Some(&a.name), ..ctx });
            let o = verify(bytes, &other);
            if chained(&o) {
                return (o, other);
            }
        }
    }
    (r, opts)
}

/// [`verify_among`] in the form of every other report.
pub fn report_among(bytes: &[u8], ctx: zz_core::Context<'_>, sm2_roots: &[&[Cert]]) -> zz_core::Report {
    let (r, opts) = verify_among(bytes, ctx, sm2_roots);
    let trust = opts.zz1.map_or(ctx.bundle, |c| c.bundle).trust_ref();
    to_report(&r, &opts, trust)
}

/// Whether any signature's certificate chain reaches a pinned root.
fn chained(r: &OfdReport) -> bool {
    r.signatures.iter().any(|s| s.checks.iter().any(|c| c.id == CheckId::OfdSignerChain && c.outcome == Outcome::Pass))
}

/// The kid of the signer of the ZZ1 license an OFD file carries, if it
/// carries one that reads.
fn carried_license_kid(bytes: &[u8]) -> Option<zz_core::Kid> {
    let p = Package::open(bytes).ok()?;
    let docs = document::documents(&p).ok()?;
    let carried = docs.iter().map(|d| crate::license::carried(&p, &d.root)).find(|c| !c.is_empty())?;
    let data = p.read(carried.attachment.as_deref()?).ok()?;
    zz_core::verify::license_kid(&data)
}

/// The report of SPEC section 12 in the form of every other report.
pub fn report(bytes: &[u8], opts: &Options<'_>, trust: zz_core::report::TrustRef) -> zz_core::Report {
    to_report(&verify(bytes, opts), opts, trust)
}

/// An OFD report in the form of every other report (made with `opts`).
pub fn to_report(r: &OfdReport, opts: &Options<'_>, trust: zz_core::report::TrustRef) -> zz_core::Report {
    let to_check = |c: &OfdCheck| zz_core::Check {
        id: c.id,
        outcome: c.outcome,
        zh: c.zh.clone().into(),
        en: c.en.clone().into(),
    };
    let signatures = r
        .signatures
        .iter()
        .map(|s| zz_core::SignatureReport {
            id: s.id.clone(),
            format: s.format.map(|f| f.as_str().into()),
            checks: s.checks.iter().map(to_check).collect(),
            signer: s.signer.clone(),
            seal: s.seal.clone(),
            time: s.time.map(UnixTime::from_secs),
        })
        .collect();
    let license = r.license.as_deref();
    zz_core::Report {
        verdict: r.verdict,
        kind: Some(zz_core::Kind::Ofd),
        checks: r.checks.iter().map(to_check).collect(),
        verified: r.verdict != Verdict::Invalid,
        license: license.and_then(|l| l.license.clone()),
        annotation: None,
        signer: license.and_then(|l| l.signer.clone()),
        annotation_signer: None,
        matter: opts.zz1.and_then(|c| c.usage.matter).map(str::to_owned),
        now: opts.now,
        trust,
        authority: opts.zz1.and_then(|c| c.authority).map(str::to_owned),
        presented: false,
        presentation: None,
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
        signer_spki: None,
    };
    // `ofd-references` whatever the format; the rest by the format of the
    // signature value: an electronic seal (SES v4 or v1), a SignedData, a
    // bare SM2 signature.
    r.checks.push(common::references(p, s));
    let xml = p.read(&s.path).unwrap_or_default();
    let value = match p.read(&s.signed_value) {
        Ok(v) => v,
        Err(e) => {
            r.checks.push(check(
                CheckId::OfdSignature,
                Outcome::Fail,
                format!("签名值文件无法读取：{e}"),
                format!("The signature value cannot be read: {e}"),
            ));
            return r;
        }
    };
    if let Some(version) = crate::ses::version_of(&value) {
        match crate::ses::parse_signature(&value) {
            Ok(sig) => ses::seal_signature(p, s, &sig, &xml, opts, &mut r),
            Err(e) => {
                // Named by its structure even when a field cannot be read.
                r.format = Some(ses::format(version));
                r.checks.push(check(
                    CheckId::OfdSignature,
                    Outcome::Fail,
                    format!("电子签章数据无法解析：{e}"),
                    format!("The seal signature cannot be parsed: {e}"),
                ));
            }
        }
    } else if crate::signed_data::looks_like(&value) {
        match crate::signed_data::parse(&value) {
            Ok(sd) => signed_data::signed_data_signature(&sd, &xml, l, opts, &mut r),
            Err(e) => {
                r.format = Some(Format::SignedData);
                r.checks.push(check(
                    CheckId::OfdSignature,
                    Outcome::Fail,
                    format!("数字签名数据（SignedData）无法解析：{e}"),
                    format!("The SignedData cannot be parsed: {e}"),
                ));
            }
        }
    } else if sm::signature(&value).is_some() {
        bare::bare_signature(s, &value, &xml, l, opts, &mut r);
    } else {
        r.checks.push(check(
            CheckId::OfdSignature,
            Outcome::Fail,
            "签名值不是任何已知格式（电子签章、SignedData 或 SM2 签名）",
            "The signature value is in no known format (seal, SignedData or SM2 signature)",
        ));
    }
    r
}
