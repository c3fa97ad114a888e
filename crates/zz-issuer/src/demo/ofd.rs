//! The demo world's OFD e-licenses (SPEC section 12): a demo SM2 PKI
//! (root → CA → department signers and a seal maker, all derived from the
//! public [`SEED`](super::SEED)), seals for the departments, and sealed
//! OFD files carrying ZZ1 licenses of the demo world, valid and broken.
//!
//! Anyone who knows the seed holds these keys: never deploy the demo roots.

use zz_core::UnixTime;
use zz_core::envelope::{Envelope, Typ};
use zz_core::model::{KeyEntry, License, Named, Role, SealEntry};

use super::{SEED, World};
use crate::ofd::seal::{SealSpec, make_seal};
use crate::ofd::{CertSpec, Ofd, Sealer, Sm2Cert, Sm2Key, Usage, face, picture};

/// 2020-01-01T00:00:00+08:00 and friends.
pub(super) fn t(date: &str) -> UnixTime {
    zz_core::dates::CstDate::parse(date).map(|d| d.start()).unwrap_or(UnixTime::from_secs(0))
}

/// Serials of the demo seal signers (their keys derive from the seed,
/// the department's code and the serial): each department's own signer,
/// listed in the trust list's `seals` for the types it issues.
pub const OWN_SIGNER: u64 = 100;
/// A signer of the issuing department listed for a type it never issues.
pub const OTHER_TYPES_SIGNER: u64 = 103;
/// A signer revoked the day before the demo files were sealed.
pub const REVOKED_BEFORE_SIGNER: u64 = 104;
/// A signer revoked an hour after the demo files were sealed.
pub const REVOKED_AFTER_SIGNER: u64 = 105;
const DAY: u64 = 86_400;

/// When the demo OFD files are sealed: the day before the world's
/// reference time.
pub fn seal_time(now: UnixTime) -> UnixTime {
    now.saturating_sub_secs(DAY)
}

/// The demo key of a department's seal signer.
pub(super) fn signer_key(code: &str, serial: u64) -> Sm2Key {
    Sm2Key::derive(SEED, &format!("sm2/signer/{code}/{serial}"))
}

/// The trust list's `seals` of the demo world (SPEC section 6): each
/// department with an `issue` key, its own signer listed for the types its
/// keys may issue (2025–2029, as its certificate); and for the department
/// of `samples` (the issuer of the demo OFD files), signers listed for
/// another type only, revoked before and revoked after the files were
/// sealed.
pub fn demo_seals(entries: &[KeyEntry], samples: &Named, now: UnixTime) -> Vec<SealEntry> {
    let listed = |org: &Named, serial: u64, types: Option<Vec<String>>| SealEntry {
        spki: signer_key(&org.code, serial).spki_sha256(),
        org: org.clone(),
        types,
        valid_from: t("2025-01-01"),
        valid_to: t("2029-12-31"),
        revoked_at: None,
    };
    let mut out: Vec<SealEntry> = Vec::new();
    for e in entries.iter().filter(|e| e.has_role(Role::Issue) && e.revoked_at.is_none()) {
        let types = e.types.clone().unwrap_or_default();
        match out.iter_mut().find(|s| s.org.code == e.org.code) {
            Some(s) => {
                let have = s.types.get_or_insert_with(Vec::new);
                for ty in types {
                    if !have.contains(&ty) {
                        have.push(ty);
                    }
                }
            }
            None => out.push(listed(&e.org, OWN_SIGNER, Some(types))),
        }
    }
    let sealed = seal_time(now);
    out.push(listed(samples, OTHER_TYPES_SIGNER, Some(vec![format!("{}-NONE", samples.code)])));
    let own_types = out.iter().find(|s| s.org.code == samples.code).and_then(|s| s.types.clone());
    let mut before = listed(samples, REVOKED_BEFORE_SIGNER, own_types.clone());
    before.revoked_at = Some(sealed.saturating_sub_secs(DAY));
    let mut after = listed(samples, REVOKED_AFTER_SIGNER, own_types);
    after.revoked_at = Some(sealed.saturating_add_secs(3600));
    out.extend([before, after]);
    out
}

/// One demo OFD file and what verifying it must give (with the world's
/// bundle and `now`, and `trust/sm2-roots.pem`).
#[derive(Clone, Debug)]
pub struct OfdSample {
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub data: Vec<u8>,
    pub expect: &'static str,
    /// The checks it exists for: document checks, and per-signature
    /// checks of its (only) signature.
    pub checks: &'static [(&'static str, &'static str)],
}

/// The demo SM2 PKI.
pub struct DemoPki {
    pub root: Sm2Cert,
    pub ca: Sm2Cert,
    /// The seal maker (印章制作单位) that signs every demo seal.
    pub maker: Sm2Cert,
}

impl DemoPki {
    pub fn new() -> DemoPki {
        DemoPki::of("", "")
    }

    /// The demo SM2 PKI of a region: keys derived from the seed under
    /// `prefix` (empty for the home city), `label` in the subjects.
    pub fn of(prefix: &str, label: &str) -> DemoPki {
        let key = |name: &str| Sm2Key::derive(SEED, &format!("{prefix}sm2/{name}"));
        let root = Sm2Cert::new(
            &CertSpec {
                subject: &format!(
                    "CN=ZZ Verify {label}演示 SM2 根证书 (DEMO public seed - never deploy),O=ZZ Verify,C=CN"
                ),
                serial: 1,
                not_before: t("2020-01-01"),
                not_after: t("2045-12-31"),
                usage: Usage::Ca,
            },
            key("root"),
            None,
        );
        let ca = Sm2Cert::new(
            &CertSpec {
                subject: &format!("CN=ZZ Verify {label}演示电子印章 CA (DEMO),O=ZZ Verify,C=CN"),
                serial: 2,
                not_before: t("2020-01-01"),
                not_after: t("2040-12-31"),
                usage: Usage::Ca,
            },
            key("ca"),
            Some(&root),
        );
        let maker = Sm2Cert::new(
            &CertSpec {
                subject: &format!("CN=ZZ Verify {label}演示印章制作系统 (DEMO),O=ZZ Verify,C=CN"),
                serial: 3,
                not_before: t("2024-01-01"),
                not_after: t("2034-12-31"),
                usage: Usage::Signer,
            },
            key("maker"),
            Some(&ca),
        );
        DemoPki { root, ca, maker }
    }

    /// The roots file to pin: the root, and the CA as a link.
    pub fn roots_pem(&self) -> String {
        format!(
            "# ZZ Verify DEMO SM2 roots: derived from the public seed {SEED:?}.\n\
             # Anyone can sign with these keys: never deploy them.\n{}{}",
            self.root.pem(),
            self.ca.pem()
        )
    }

    /// A department's seal signer, valid from `from` to `to`.
    pub fn signer(&self, dept: &str, code: &str, serial: u64, from: UnixTime, to: UnixTime) -> Sm2Cert {
        let subject = format!("CN={dept} 电子证照签章人 (DEMO),OU={code},O={dept},C=CN");
        Sm2Cert::new(
            &CertSpec { subject: &subject, serial, not_before: from, not_after: to, usage: Usage::Signer },
            signer_key(code, serial),
            Some(&self.ca),
        )
    }

    /// A department's seal, listing the certificates given.
    pub fn seal(&self, dept: &str, code: &str, signers: &[&Sm2Cert]) -> Vec<u8> {
        let picture = picture::seal_png(240, [214, 32, 32]);
        let name = format!("{dept}电子证照专用章");
        let id = format!("DEMO{code}");
        make_seal(
            &SealSpec {
                id: &id,
                name: &name,
                signers: signers.iter().map(|c| c.der.as_slice()).collect(),
                created: t("2025-01-01"),
                valid_start: t("2025-01-01"),
                valid_end: t("2030-12-31"),
                picture_png: &picture,
                size_mm: (40, 40),
            },
            &self.maker,
        )
    }
}

impl DemoPki {
    /// A department's own signer (valid 2025–2029): the certificate
    /// `demo_sealed` seals its licenses with.
    pub fn own_signer(&self, dept: &str, code: &str) -> Sm2Cert {
        self.signer(dept, code, OWN_SIGNER, t("2025-01-01"), t("2029-12-31"))
    }

    /// A department's own signer (valid 2025–2029) with its seal.
    pub fn sealer(&self, dept: &str, code: &str) -> Sealer {
        self.sealer_of(dept, code, OWN_SIGNER)
    }

    /// A department's signer of this serial (valid 2025–2029) with a seal
    /// listing it.
    pub fn sealer_of(&self, dept: &str, code: &str, serial: u64) -> Sealer {
        let signer = self.signer(dept, code, serial, t("2025-01-01"), t("2029-12-31"));
        Sealer { seal: self.seal(dept, code, &[&signer]), signer, stamp: face::STAMP_BOX }
    }
}

/// The OFD e-license of a ZZ1 license sealed at `at` by its issuing
/// department's DEMO seal (`ty` gives the face its title and labels).
pub fn demo_sealed(cose: &[u8], license: &License, ty: Option<&zz_core::model::LicenseType>, at: UnixTime) -> Vec<u8> {
    let mut o = Ofd::license(cose, license, ty, at);
    o.seal(&DemoPki::new().sealer(&license.issuer.name, &license.issuer.code), at);
    o.to_zip()
}

impl Default for DemoPki {
    fn default() -> Self {
        DemoPki::new()
    }
}

/// The demo OFD files.
pub struct OfdWorld {
    pub pki: DemoPki,
    /// `trust/sm2-roots.pem`.
    pub roots_pem: String,
    pub samples: Vec<OfdSample>,
}

/// The issuing department (name, code) of a license's bytes.
pub fn license_issuer(cose: &[u8]) -> Option<(String, String)> {
    license_of(cose).map(|l| (l.issuer.name, l.issuer.code))
}

pub(super) fn license_of(cose: &[u8]) -> Option<License> {
    let env = Envelope::parse_as(cose, Typ::License).ok()?;
    License::from_cbor(&env.payload_item().ok()?).ok()
}

/// The sealed OFD e-license of a ZZ1 license, by its department's seal,
/// unsealed when `sealer` is `None`.
pub fn license_ofd(w: &World, cose: &[u8], sealer: Option<&Sealer>, at: UnixTime) -> Option<Ofd> {
    let license = license_of(cose)?;
    let ty = w.catalog.types.iter().find(|t| t.code == license.type_code);
    let mut o = Ofd::license(cose, &license, ty, at);
    if let Some(s) = sealer {
        o.seal(s, at);
    }
    Some(o)
}

fn sample_cose<'w>(w: &'w World, name: &str) -> Option<&'w [u8]> {
    w.samples.iter().find(|s| s.name == name).and_then(|s| match &s.data {
        super::SampleData::Cose(c) => Some(c.as_slice()),
        super::SampleData::Text(_) => None,
    })
}

/// Builds the demo OFD files of a world.
pub fn ofd_world(w: &World) -> OfdWorld {
    let pki = DemoPki::new();
    let valid = sample_cose(w, "valid-business-license").and_then(license_of);
    let Some(license) = valid else {
        return OfdWorld { roots_pem: pki.roots_pem(), pki, samples: Vec::new() };
    };
    let (dept, code) = (license.issuer.name.clone(), license.issuer.code.clone());
    // Sealed the day before the world's reference time.
    let at = seal_time(w.now);
    let own = pki.sealer(&dept, &code);
    let signer = own.signer.clone();
    let other_dept = "上海市公安局";
    let other_code = "DEMO-OTHER";
    let other_signer = pki.signer(other_dept, other_code, 200, t("2025-01-01"), t("2029-12-31"));
    let expired_signer = pki.signer(&dept, &code, 101, t("2020-01-01"), t("2022-12-31"));
    let nobody = pki.signer(&dept, &code, 102, t("2025-01-01"), t("2029-12-31"));

    let mut samples = Vec::new();
    let mut add = |name, zh, en, expect, checks, o: Option<Ofd>| {
        if let Some(o) = o {
            samples.push(OfdSample { name, zh, en, data: o.to_zip(), expect, checks });
        }
    };
    let biz = sample_cose(w, "valid-business-license");
    let ofd = |cose: Option<&[u8]>, s: Option<&Sealer>| cose.and_then(|c| license_ofd(w, c, s, at));

    add(
        "ofd-valid-business-license",
        "加盖电子印章的营业执照 OFD 文件，携带有效的 ZZ1 证照",
        "A sealed OFD business licence carrying a valid ZZ1 license",
        "valid",
        &[
            ("ofd-package", "pass"),
            ("ofd-coverage", "pass"),
            ("ofd-license", "pass"),
            ("ofd-references", "pass"),
            ("ofd-signed-hash", "pass"),
            ("ofd-signature", "pass"),
            ("ofd-seal", "pass"),
            ("ofd-signer-chain", "pass"),
            ("ofd-face", "pass"),
            ("ofd-seal-authority", "pass"),
        ][..],
        ofd(biz, Some(&own)),
    );
    let mut tampered = ofd(biz, Some(&own));
    if let Some(f) = tampered.as_mut().and_then(|o| o.file_mut("Doc_0/Pages/Page_0/Content.xml")) {
        // The holder's name, one character changed after sealing.
        let s = String::from_utf8_lossy(f).replacen("持证主体", "持证主休", 1);
        *f = s.into_bytes();
    }
    add(
        "ofd-invalid-tampered-page",
        "盖章后页面被改动的 OFD 文件",
        "An OFD file whose page was changed after sealing",
        "invalid",
        &[("ofd-references", "fail"), ("ofd-coverage", "warn")][..],
        tampered,
    );
    let other =
        Sealer { seal: pki.seal(&dept, &code, &[&signer]), signer: other_signer.clone(), stamp: face::STAMP_BOX };
    add(
        "ofd-invalid-seal-of-another-department",
        "他单位签章人加盖本单位印章的 OFD 文件",
        "An OFD file sealed with the department's seal by another department's signer",
        "invalid",
        &[("ofd-seal", "fail"), ("ofd-signature", "pass")][..],
        ofd(biz, Some(&other)),
    );
    let expired =
        Sealer { seal: pki.seal(&dept, &code, &[&expired_signer]), signer: expired_signer, stamp: face::STAMP_BOX };
    add(
        "ofd-invalid-expired-certificate",
        "签章人证书已过期后加盖的 OFD 文件",
        "An OFD file sealed after the signer's certificate expired",
        "invalid",
        &[("ofd-signer-chain", "fail")][..],
        ofd(biz, Some(&expired)),
    );
    let unlisted = Sealer { seal: pki.seal(&dept, &code, &[&nobody]), signer: signer.clone(), stamp: face::STAMP_BOX };
    add(
        "ofd-invalid-seal-not-listing-signer",
        "印章的证书列表中没有签章人的 OFD 文件",
        "An OFD file whose seal does not list its signer",
        "invalid",
        &[("ofd-seal", "fail")][..],
        ofd(biz, Some(&unlisted)),
    );
    add(
        "ofd-invalid-unsigned",
        "未盖章的 OFD 证照模板",
        "An unsealed OFD license template",
        "invalid",
        &[("ofd-package", "fail")][..],
        ofd(biz, None),
    );
    add(
        "ofd-invalid-revoked-license",
        "印章完好，但所携带的 ZZ1 证照已注销",
        "A sound seal on a revoked ZZ1 license",
        "invalid",
        &[("ofd-license", "fail"), ("ofd-signature", "pass"), ("ofd-seal", "pass")][..],
        ofd(sample_cose(w, "invalid-revoked"), Some(&own)),
    );
    // Whose seal (SPEC 12, `ofd-seal-authority`): another department's
    // sound seal, listed for its own types.
    let other_department =
        w.trust.keys.iter().filter(|k| k.has_role(Role::Issue)).map(|k| &k.org).find(|d| d.code != code);
    add(
        "ofd-invalid-wrong-department",
        "他部门的完好印章加盖在本证照上的 OFD 文件",
        "Another department's sound seal on this license",
        "invalid",
        &[("ofd-seal-authority", "fail"), ("ofd-seal", "pass"), ("ofd-signature", "pass")][..],
        other_department.and_then(|d| ofd(biz, Some(&pki.sealer(&d.name, &d.code)))),
    );
    add(
        "ofd-invalid-seal-for-other-types",
        "签章证书仅获准签章其他证照类型的 OFD 文件",
        "Sealed by a certificate listed for other license types only",
        "invalid",
        &[("ofd-seal-authority", "fail"), ("ofd-seal", "pass")][..],
        ofd(biz, Some(&pki.sealer_of(&dept, &code, OTHER_TYPES_SIGNER))),
    );
    add(
        "ofd-invalid-seal-revoked-before-signing",
        "签章证书撤销后加盖的 OFD 文件",
        "Sealed after its seal certificate was revoked",
        "invalid",
        &[("ofd-seal-authority", "fail"), ("ofd-seal", "pass")][..],
        ofd(biz, Some(&pki.sealer_of(&dept, &code, REVOKED_BEFORE_SIGNER))),
    );
    add(
        "ofd-valid-seal-revoked-after-signing",
        "签章后签章证书才被撤销的 OFD 文件（签章时有效）",
        "Sealed before its seal certificate was revoked (valid when sealed)",
        "valid",
        &[("ofd-seal-authority", "pass")][..],
        ofd(biz, Some(&pki.sealer_of(&dept, &code, REVOKED_AFTER_SIGNER))),
    );
    let no_license = biz.and_then(|c| license_ofd(w, c, None, at)).map(|mut o| {
        o.drop_license();
        o.seal(&own, at);
        o
    });
    add(
        "ofd-indeterminate-no-license",
        "加盖印章但未携带 ZZ1 证照的 OFD 文件（办件中无效）",
        "A sealed OFD that carries no ZZ1 license (invalid at the counter)",
        "indeterminate",
        &[("ofd-license", "warn"), ("ofd-seal-authority", "pass"), ("ofd-face", "skip")][..],
        no_license,
    );
    // A genuine license inside a page showing another holder.
    let other_holder = biz.map(|c| {
        let ty = w.catalog.types.iter().find(|t| t.code == license.type_code);
        // Another holder's name and number on the page, wherever the
        // face shows them (the name field of a company's licence too).
        let other = "上海示例他人科技有限公司";
        let mut shown = license.clone();
        for (_, v) in &mut shown.fields {
            if let zz_core::model::FieldValue::Text(s) = v {
                *s = s.replace(&license.holder.name, other);
            }
        }
        shown.holder.name = other.into();
        shown.no = "DEMO-OTHER-0001".into();
        let mut o = Ofd::license(c, &license, ty, at);
        o.put("Doc_0/Pages/Page_0/Content.xml", face::content(&shown, ty, true).into_bytes());
        o.seal(&own, at);
        o
    });
    add(
        "ofd-indeterminate-other-holder-page",
        "真实证照装在显示他人信息的页面中的 OFD 文件",
        "A genuine license inside a page that shows another holder",
        "indeterminate",
        &[("ofd-face", "warn"), ("ofd-license", "pass"), ("ofd-seal-authority", "pass")][..],
        other_holder,
    );
    OfdWorld { roots_pem: pki.roots_pem(), pki, samples }
}
