//! The demo world's sealed OFD e-licenses (made by `zz_issuer::ofd` with
//! the demo SM2 PKI): what each gives, every single-byte change to a
//! covered part, added unsigned parts, and the license they carry.

mod zipmaker;

use zz_core::{Bundle, CheckId, Outcome, Roots, Verdict};
use zz_issuer::demo::{self, ofd::OfdWorld};
use zz_ofd::cert::{self, Cert};
use zz_ofd::package::Package;
use zz_ofd::{OfdReport, Options, verify};

struct Fixture {
    world: demo::World,
    ofd: OfdWorld,
    roots: Vec<Cert>,
    bundle: Bundle,
}

fn fixture() -> Fixture {
    let world = demo::world(demo::DEFAULT_NOW);
    let ofd = demo::ofd::ofd_world(&world);
    let roots = cert::parse_pem(&ofd.roots_pem).unwrap();
    let bundle = Bundle::load(&world.bundle, &Roots::parse(&world.roots_txt).unwrap(), None).unwrap();
    Fixture { world, ofd, roots, bundle }
}

impl Fixture {
    fn verify(&self, bytes: &[u8]) -> OfdReport {
        verify(
            bytes,
            &Options {
                roots: &self.roots,
                now: self.world.now,
                zz1: Some(zz_core::Context::new(&self.bundle, self.world.now)),
            },
        )
    }

    fn sample(&self, name: &str) -> &[u8] {
        &self.ofd.samples.iter().find(|s| s.name == name).unwrap().data
    }

    /// The demo world's valid business licence (ZZ1), which the demo OFD
    /// files carry.
    fn business_license(&self) -> &[u8] {
        let biz = self.world.samples.iter().find(|s| s.name == "valid-business-license").unwrap();
        let demo::SampleData::Cose(cose) = &biz.data else { unreachable!() };
        cose
    }
}

fn outcome(r: &OfdReport, id: &str) -> Outcome {
    let id = CheckId::from_id(id).unwrap_or_else(|| panic!("{id}: not a check id"));
    if r.checks.iter().any(|c| c.id == id) { r.outcome(id) } else { r.signatures[0].outcome(id) }
}

#[test]
fn every_demo_ofd_gives_what_it_is_for() {
    let f = fixture();
    assert_eq!(f.ofd.samples.len(), 13);
    for s in &f.ofd.samples {
        let r = f.verify(&s.data);
        assert_eq!(r.verdict.as_str(), s.expect, "{}: {r:#?}", s.name);
        // The report in the form of every other, and its JSON read back.
        let opts =
            Options { roots: &f.roots, now: f.world.now, zz1: Some(zz_core::Context::new(&f.bundle, f.world.now)) };
        let report = zz_ofd::report(&s.data, &opts, f.bundle.trust_ref());
        assert_eq!(report.verdict, r.verdict);
        assert_eq!(report.signatures.len(), r.signatures.len());
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(serde_json::from_str::<zz_core::Report>(&json).unwrap(), report, "{}", s.name);
        for (id, want) in s.checks {
            assert_eq!(format!("{:?}", outcome(&r, id)).to_lowercase(), *want, "{} {id}: {r:#?}", s.name);
        }
    }
}

#[test]
fn without_roots_the_sound_seal_is_untrusted_and_without_trust_data_the_license_unconfirmed() {
    let f = fixture();
    let bytes = f.sample("ofd-valid-business-license");
    let r = verify(
        bytes,
        &Options { roots: &[], now: f.world.now, zz1: Some(zz_core::Context::new(&f.bundle, f.world.now)) },
    );
    assert_eq!(r.verdict, Verdict::Indeterminate);
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSignerChain), Outcome::Warn);
    let r = verify(bytes, &Options { roots: &f.roots, now: f.world.now, zz1: None });
    assert_eq!(r.verdict, Verdict::Indeterminate);
    assert_eq!(r.outcome(CheckId::OfdLicense), Outcome::Warn);
    // Only the root pinned, not the CA: the chain cannot be built.
    let r = verify(
        bytes,
        &Options { roots: &f.roots[..1], now: f.world.now, zz1: Some(zz_core::Context::new(&f.bundle, f.world.now)) },
    );
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSignerChain), Outcome::Warn);
}

#[test]
fn the_carried_license_is_reported_and_must_match_its_tag() {
    let f = fixture();
    let bytes = f.sample("ofd-valid-business-license");
    let r = f.verify(bytes);
    let license = r.license.as_ref().expect("the ZZ1 report");
    assert_eq!(license.verdict, Verdict::Valid);
    // A tag stating another identifier: resealed so that only the tag
    // differs, and the seal is sound.
    let cose = f.business_license();
    let l = zz_core::verify(cose, zz_core::Context::new(&f.bundle, f.world.now));
    let issuer = l.license.as_ref().unwrap();
    let sealer = sealer_x(&f);
    let mut o = demo::ofd::license_ofd(&f.world, cose, None, f.world.now).unwrap();
    let tag = o.file_mut("Doc_0/Tags/License.xml").unwrap();
    *tag = String::from_utf8_lossy(tag).replace(&issuer.id, "ZZ-OTHER-ID").into_bytes();
    o.seal(&sealer, f.world.now);
    let r = f.verify(&o.to_zip());
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSeal), Outcome::Pass);
    assert_eq!(r.outcome(CheckId::OfdLicense), Outcome::Fail, "{r:#?}");
    // The attachment removed from the list: carried, but not found.
    let mut o = demo::ofd::license_ofd(&f.world, cose, None, f.world.now).unwrap();
    let list = o.file_mut("Doc_0/Attachs/Attachments.xml").unwrap();
    *list = String::from_utf8_lossy(list).replace("license.zzl\" Format", "other.zzl\" Format").into_bytes();
    o.seal(&sealer, f.world.now);
    assert_eq!(f.verify(&o.to_zip()).outcome(CheckId::OfdLicense), Outcome::Fail);
}

#[test]
fn every_single_byte_change_to_a_covered_part_is_invalid() {
    let f = fixture();
    let bytes = f.sample("ofd-valid-business-license");
    let p = Package::open(bytes).unwrap();
    let names: Vec<String> = p.names().map(str::to_owned).collect();
    assert!(names.len() >= 12, "{names:?}");
    let mut tried = 0;
    // Every part is covered (by the references, or as the seal's own
    // Signature.xml, value and seal) but the list of signatures itself.
    for name in names.iter().filter(|n| *n != "Doc_0/Signs/Signatures.xml") {
        let data = p.read(name).unwrap().to_vec();
        // A sample of positions per part: first, last, and 14 spread between.
        let n = data.len();
        let mut positions: Vec<usize> = (0..16).map(|i| i * (n - 1) / 15).collect();
        positions.dedup();
        for at in positions {
            let mut changed = data.clone();
            changed[at] ^= 0x01;
            let r = f.verify(&zipmaker::with_file(bytes, name, changed));
            assert_eq!(r.verdict, Verdict::Invalid, "{name} byte {at}: {r:#?}");
            tried += 1;
        }
    }
    assert!(tried > 150, "{tried}");
}

/// A sealer for a department "x" of the demo PKI.
fn sealer_x(f: &Fixture) -> zz_issuer::ofd::Sealer {
    // The issuing department's own signer: the trust list lists it for
    // the license's type (SPEC 12, `ofd-seal-authority`).
    let cose = f.business_license();
    let (dept, code) = demo::ofd::license_issuer(cose).unwrap();
    f.ofd.pki.sealer(&dept, &code)
}

#[test]
fn an_added_unsigned_page_or_annotation_is_a_coverage_gap() {
    let f = fixture();
    let cose = f.business_license();
    // Document.xml names a second page and an annotation list that do not
    // exist when the seal is applied; they are added afterwards.
    for (find, named, added) in [
        (
            "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/>",
            "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/>\n    <ofd:Page ID=\"2\" BaseLoc=\"Pages/Page_1/Content.xml\"/>",
            vec![("Doc_0/Pages/Page_1/Content.xml", "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")],
        ),
        (
            "<ofd:Attachments>",
            "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>\n  <ofd:Attachments>",
            vec![
                (
                    "Doc_0/Annots/Annotations.xml",
                    "<ofd:Annotations xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Page PageID=\"1\"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>",
                ),
                ("Doc_0/Annots/Page_0/Annotation.xml", "<ofd:PageAnnot xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"),
            ],
        ),
    ] {
        let mut o = demo::ofd::license_ofd(&f.world, cose, None, f.world.now).unwrap();
        let doc = o.file_mut("Doc_0/Document.xml").unwrap();
        let text = String::from_utf8_lossy(doc).replace(find, named);
        *doc = text.into_bytes();
        o.seal(&sealer_x(&f), f.world.now);
        assert_eq!(f.verify(&o.to_zip()).verdict, Verdict::Valid, "{named}: nothing added yet");
        for (path, xml) in &added {
            o.put(path, xml.as_bytes().to_vec());
        }
        let r = f.verify(&o.to_zip());
        assert_eq!(r.outcome(CheckId::OfdCoverage), Outcome::Warn, "{named}: {r:#?}");
        // A page no seal covers: the issuer's seal no longer covers every
        // page (`ofd-seal-authority` fails); an annotation is no page.
        let page = added.iter().any(|(path, _)| path.contains("Pages/"));
        assert_eq!(r.outcome(CheckId::OfdSealAuthority), if page { Outcome::Fail } else { Outcome::Pass }, "{named}");
        assert_eq!(r.verdict, if page { Verdict::Invalid } else { Verdict::Indeterminate }, "{named}");
        let why = &r.checks.iter().find(|c| c.id == CheckId::OfdCoverage).unwrap().en;
        for (path, _) in &added {
            assert!(why.contains(path), "{why}");
        }
    }
}

/// SPEC section 12: the carried license is verified with the same optional
/// inputs as any ZZ1 input, so an applicant who is not its holder makes
/// the OFD file invalid.
#[test]
fn the_carried_license_is_checked_against_the_applicant() {
    let f = fixture();
    let bytes = f.sample("ofd-valid-business-license");
    let holder = verify(
        bytes,
        &Options { roots: &f.roots, now: f.world.now, zz1: Some(zz_core::Context::new(&f.bundle, f.world.now)) },
    )
    .license
    .and_then(|l| l.license.map(|l| l.holder.id))
    .unwrap();
    let with = |applicant: &str| {
        let usage = zz_core::Usage { applicant: Some(applicant), ..Default::default() };
        verify(
            bytes,
            &Options {
                roots: &f.roots,
                now: f.world.now,
                zz1: Some(zz_core::Context::new(&f.bundle, f.world.now).with(usage)),
            },
        )
    };
    let r = with(&format!(" {} ", holder.to_ascii_lowercase()));
    assert_eq!(r.verdict, Verdict::Valid, "{r:#?}");
    let r = with("310104199007020176");
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(r.outcome(CheckId::OfdLicense), Outcome::Fail);
    assert!(r.checks.iter().any(|c| c.id == CheckId::OfdLicense && c.zh.contains("办事主体")), "{r:#?}");
}

#[test]
fn a_sealed_ofd_without_a_license_warns_and_fails_when_a_matter_or_applicant_is_given() {
    let f = fixture();
    let data = f.sample("ofd-indeterminate-no-license");
    let r = f.verify(data);
    assert_eq!(r.verdict, Verdict::Indeterminate, "{r:#?}");
    assert_eq!(r.outcome(CheckId::OfdLicense), Outcome::Warn);
    assert_eq!(r.outcome(CheckId::OfdFace), Outcome::Skip);
    let authority = r.checks.iter().find(|c| c.id == CheckId::OfdSealAuthority).unwrap();
    assert_eq!(authority.outcome, Outcome::Pass);
    let (_, code) = demo::ofd::license_issuer(
        f.world
            .samples
            .iter()
            .find_map(|s| match &s.data {
                demo::SampleData::Cose(c) if s.name == "valid-business-license" => Some(c.as_slice()),
                _ => None,
            })
            .unwrap(),
    )
    .unwrap();
    assert!(authority.zh.contains(&code), "names the department that sealed it: {}", authority.zh);
    let matter = f.world.catalog.matters[0].code.clone();
    for usage in [
        zz_core::Usage { matter: Some(&matter), ..Default::default() },
        zz_core::Usage { applicant: Some("91310000MA1FL8XQ3X"), ..Default::default() },
    ] {
        let r = verify(
            data,
            &Options {
                roots: &f.roots,
                now: f.world.now,
                zz1: Some(zz_core::Context::new(&f.bundle, f.world.now).with(usage)),
            },
        );
        assert_eq!(r.verdict, Verdict::Invalid, "{usage:?}");
        assert_eq!(r.outcome(CheckId::OfdLicense), Outcome::Fail);
    }
    // With no trust data, the seal table cannot be read: a warning.
    let r = verify(data, &Options { roots: &f.roots, now: f.world.now, zz1: None });
    assert_eq!(r.outcome(CheckId::OfdSealAuthority), Outcome::Warn);
}

#[test]
fn the_duplicate_seal_bundle_is_refused() {
    let f = fixture();
    let e = Bundle::load(&f.world.bundle_duplicate_seal, &Roots::parse(&f.world.roots_txt).unwrap(), None)
        .expect_err("two entries of one seal certificate refuse the trust list");
    assert_eq!(e.why, zz_core::Why::Duplicate, "{e}");
}

#[test]
fn a_seal_whose_makers_signature_alone_is_wrong_is_invalid() {
    // The seal's maker signature (the last bytes of SESeal, its
    // signedValue) is changed before the signer applies the seal, so the
    // signer's own signature covers the broken seal and verifies: only the
    // maker's signature fails (`ofd-seal`).
    let f = fixture();
    let cose = f.business_license();
    let mut sealer = sealer_x(&f);
    let sound = demo::ofd::license_ofd(&f.world, cose, Some(&sealer), f.world.now).unwrap();
    assert_eq!(f.verify(&sound.to_zip()).verdict, Verdict::Valid);
    let at = sealer.seal.len() - 3;
    sealer.seal[at] ^= 1;
    let o = demo::ofd::license_ofd(&f.world, cose, Some(&sealer), f.world.now).unwrap();
    let r = f.verify(&o.to_zip());
    let s = &r.signatures[0];
    for id in [CheckId::OfdReferences, CheckId::OfdSignedHash, CheckId::OfdSignature] {
        assert_eq!(s.outcome(id), Outcome::Pass, "{id:?}: {s:#?}");
    }
    assert_eq!(s.outcome(CheckId::OfdSeal), Outcome::Fail, "{s:#?}");
    let seal = s.checks.iter().find(|c| c.id == CheckId::OfdSeal).unwrap();
    assert!(seal.en.contains("maker's signature"), "{}", seal.en);
    assert_eq!(r.verdict, Verdict::Invalid);
}

#[test]
fn weak_check_methods_warn_and_give_at_most_indeterminate() {
    // SPEC 12: MD5 and SHA-1 (by name or OID, any case) are checked but
    // weak; SHA-256 passes like SM3; another method (MD2 here) cannot be
    // checked and its references fail.
    use zz_ofd::document::CheckMethod;
    let f = fixture();
    let cose = f.business_license();
    let md5: fn(&[u8]) -> Vec<u8> = |b| CheckMethod::Md5.digest(b).unwrap_or_default();
    let sha1: fn(&[u8]) -> Vec<u8> = |b| CheckMethod::Sha1.digest(b).unwrap_or_default();
    let sha256: fn(&[u8]) -> Vec<u8> = |b| CheckMethod::Sha256.digest(b).unwrap_or_default();
    for (method, digest, want) in [
        ("MD5", md5, Verdict::Indeterminate),
        ("1.2.840.113549.2.5", md5, Verdict::Indeterminate),
        ("sha-1", sha1, Verdict::Indeterminate),
        ("1.3.14.3.2.26", sha1, Verdict::Indeterminate),
        ("SHA256", sha256, Verdict::Valid),
        ("2.16.840.1.101.3.4.2.1", sha256, Verdict::Valid),
        ("1.2.840.113549.2.2", md5, Verdict::Invalid),
    ] {
        let mut o = demo::ofd::license_ofd(&f.world, cose, None, f.world.now).unwrap();
        o.set_check_method(method, digest);
        o.seal(&sealer_x(&f), f.world.now);
        let zip = o.to_zip();
        let r = f.verify(&zip);
        assert_eq!(r.verdict, want, "{method}: {r:#?}");
        let refs = r.signatures[0].outcome(CheckId::OfdReferences);
        let expect = match want {
            Verdict::Indeterminate => Outcome::Warn,
            Verdict::Valid => Outcome::Pass,
            _ => Outcome::Fail,
        };
        assert_eq!(refs, expect, "{method}");
        if want == Verdict::Indeterminate {
            // Still checked: one changed covered byte is invalid.
            let page = "Doc_0/Pages/Page_0/Content.xml";
            let mut changed = Package::open(&zip).unwrap().read(page).unwrap().to_vec();
            changed[10] ^= 1;
            let r = f.verify(&zipmaker::with_file(&zip, page, changed));
            assert_eq!(r.signatures[0].outcome(CheckId::OfdReferences), Outcome::Fail, "{method}");
            assert_eq!(r.verdict, Verdict::Invalid, "{method}");
        }
    }
}

#[test]
fn a_ca_certificate_expired_at_the_signing_time_is_invalid() {
    // The signer's own certificate is valid (2025–2029) but the CA that
    // issued it ended on 2026-06-30, before the seal was applied
    // (2026-11-22): the chain was not valid at the signing time. The same
    // signer under the same CA key valid to 2040 is valid.
    use zz_issuer::ofd::{CertSpec, Sealer, Sm2Cert, Sm2Key, Usage};
    let f = fixture();
    let cose = f.business_license();
    let (dept, code) = demo::ofd::license_issuer(cose).unwrap();
    let own = sealer_x(&f);
    let at = |d: &str| zz_core::dates::CstDate::parse(d).unwrap().start();
    let mut verdicts = Vec::new();
    for ca_end in ["2026-06-30", "2040-12-31"] {
        let ca = Sm2Cert::new(
            &CertSpec {
                subject: "CN=ZZ Verify test CA (DEMO),O=ZZ Verify,C=CN",
                serial: 77,
                not_before: at("2020-01-01"),
                not_after: at(ca_end),
                usage: Usage::Ca,
            },
            Sm2Key::derive(demo::SEED, "test/sm2/ca-with-an-end"),
            Some(&f.ofd.pki.root),
        );
        let signer = Sm2Cert::new(
            &CertSpec {
                subject: &own.signer.subject,
                serial: demo::ofd::OWN_SIGNER,
                not_before: at("2025-01-01"),
                not_after: at("2029-12-31"),
                usage: Usage::Signer,
            },
            own.signer.key.clone(),
            Some(&ca),
        );
        let sealer = Sealer { seal: f.ofd.pki.seal(&dept, &code, &[&signer]), signer, stamp: own.stamp };
        let o = demo::ofd::license_ofd(&f.world, cose, Some(&sealer), f.world.now).unwrap();
        let mut roots = f.roots.clone();
        roots.extend(cert::parse_pem(&ca.pem()).unwrap());
        let r = verify(
            &o.to_zip(),
            &Options { roots: &roots, now: f.world.now, zz1: Some(zz_core::Context::new(&f.bundle, f.world.now)) },
        );
        let s = &r.signatures[0];
        assert_eq!(s.outcome(CheckId::OfdSignature), Outcome::Pass, "{ca_end}");
        let chain = s.checks.iter().find(|c| c.id == CheckId::OfdSignerChain).unwrap();
        verdicts.push((r.verdict, chain.outcome, chain.en.clone()));
    }
    assert_eq!(verdicts[0].0, Verdict::Invalid, "{verdicts:?}");
    assert_eq!(verdicts[0].1, Outcome::Fail);
    assert!(verdicts[0].2.contains("ZZ Verify test CA") && verdicts[0].2.contains("not valid"), "{}", verdicts[0].2);
    assert_eq!((verdicts[1].0, verdicts[1].1), (Verdict::Valid, Outcome::Pass), "{verdicts:?}");
}

#[test]
fn version_1_seals_are_read_with_every_time_form_their_writers_use() {
    // GM/T 0031 v1 as ofdrw's SESV1Container writes it (the time as the
    // text `yyyy-MM-dd HH:mm:ss`, China Standard Time, in a BIT STRING),
    // as its tests do (a DER UTCTime in the BIT STRING), a bare
    // GeneralizedTime or UTCTime, and an older vendor tool's layout
    // (dataHash and signature as OCTET STRINGs, the certificate unwrapped):
    // each is a sound `ses-v1` seal with its signing time. With no time at
    // all it is still named `ses-v1`, and fails `ofd-seal`.
    use zz_issuer::ofd::seal::{self, SealSpec, V1Time};
    let f = fixture();
    let cose = f.business_license();
    let own = sealer_x(&f);
    let at = |d: &str| zz_core::dates::CstDate::parse(d).unwrap().start();
    let picture = zz_issuer::ofd::picture::seal_png(120, [214, 32, 32]);
    let esl = seal::make_seal_v1(
        &SealSpec {
            id: "DEMO-V1",
            name: "演示电子证照专用章（v1）",
            signers: vec![own.signer.der.as_slice()],
            created: at("2025-01-01"),
            valid_start: at("2025-01-01"),
            valid_end: at("2030-12-31"),
            picture_png: &picture,
            size_mm: (40, 40),
        },
        &f.ofd.pki.maker,
    );
    let time = f.world.now;
    for (form, octet_hash) in [
        (V1Time::Text, false),
        (V1Time::BitsUtcTime, false),
        (V1Time::GeneralizedTime, false),
        (V1Time::UtcTime, false),
        (V1Time::Text, true),
        (V1Time::Empty, false),
    ] {
        let mut o = demo::ofd::license_ofd(&f.world, cose, None, time).unwrap();
        o.seal_with(&esl, own.stamp, time, |xml, path| {
            seal::sign_v1(&esl, xml, path, &own.signer, time, form, octet_hash)
        });
        let r = f.verify(&o.to_zip());
        let s = &r.signatures[0];
        let what = format!("{form:?} octets={octet_hash}");
        assert_eq!(s.format, Some(zz_ofd::verify::Format::SesV1), "{what}: {s:#?}");
        if form == V1Time::Empty {
            assert_eq!(s.time, None, "{what}");
            let seal = s.checks.iter().find(|c| c.id == CheckId::OfdSeal).unwrap();
            assert_eq!(seal.outcome, Outcome::Fail, "{what}");
            assert!(seal.en.contains("no signing time"), "{}", seal.en);
            assert_eq!(r.verdict, Verdict::Invalid);
            continue;
        }
        assert_eq!(s.time, Some(time.as_secs()), "{what}");
        for id in [CheckId::OfdSignedHash, CheckId::OfdSignature, CheckId::OfdSeal, CheckId::OfdSignerChain] {
            assert_eq!(s.outcome(id), Outcome::Pass, "{what} {id:?}: {s:#?}");
        }
        assert_eq!(r.verdict, Verdict::Valid, "{what}: {r:#?}");
    }
}

#[test]
fn the_first_cause_of_a_page_changed_after_sealing_is_the_changed_page() {
    // What follows from it (the license no longer covered, the sealer
    // unknown) is not the reason given.
    let f = fixture();
    let bytes = f.sample("ofd-invalid-tampered-page");
    let opts = Options { roots: &f.roots, now: f.world.now, zz1: Some(zz_core::Context::new(&f.bundle, f.world.now)) };
    let report = zz_ofd::report(bytes, &opts, f.bundle.trust_ref());
    assert_eq!(report.outcome(CheckId::OfdLicense), Outcome::Fail);
    let cause = report.first_cause().unwrap();
    assert_eq!(cause.id, CheckId::OfdReferences, "{cause:?}");
    assert_eq!(cause.zh, "签章后受保护的文件被改动或缺失：/Doc_0/Pages/Page_0/Content.xml（已改动）");
    assert_eq!(
        cause.en,
        "Protected files were changed or removed after signing: /Doc_0/Pages/Page_0/Content.xml (changed)"
    );
    // A license alone: its first failed check.
    let revoked = f.sample("ofd-invalid-revoked-license");
    let report = zz_ofd::report(revoked, &opts, f.bundle.trust_ref());
    assert_eq!(report.first_cause().map(|c| c.id), Some(CheckId::OfdLicense));
}
