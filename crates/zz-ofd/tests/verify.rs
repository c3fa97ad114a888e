//! What each real OFD file of shared/testdata/ofd must give (its README),
//! and tampered copies.

mod zipmaker;

use zz_core::{CheckId, Outcome, UnixTime, Verdict};
use zz_ofd::cert::{self, Cert};
use zz_ofd::package::Package;
use zz_ofd::{Options, verify};

/// 2026-11-22 09:30 CST, the demo world's time.
const NOW: UnixTime = UnixTime::from_secs(1_795_311_000);

fn testdata(name: &str) -> Vec<u8> {
    let path = format!("{}/../../../shared/testdata/ofd/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn no_roots() -> Options<'static> {
    Options { roots: &[], now: NOW, zz1: None }
}

#[test]
fn the_tax_bureau_and_ofdrw_seals_are_sound_but_untrusted_without_roots() {
    for f in ["v4signed.ofd", "signedFile.ofd", "allprotected.ofd"] {
        let r = verify(&testdata(f), &no_roots());
        assert_eq!(r.verdict, Verdict::Indeterminate, "{f}: {r:#?}");
        assert_eq!(r.signatures.len(), 1, "{f}");
        let s = &r.signatures[0];
        for id in [CheckId::OfdReferences, CheckId::OfdSignedHash, CheckId::OfdSignature, CheckId::OfdSeal] {
            assert_eq!(s.outcome(id), Outcome::Pass, "{f} {id:?}: {s:#?}");
        }
        assert_eq!(s.outcome(CheckId::OfdSignerChain), Outcome::Warn, "{f}");
        assert_eq!(r.outcome(CheckId::OfdPackage), Outcome::Pass, "{f}");
        assert!(s.seal.is_some() && s.signer.is_some() && s.time.is_some(), "{f}");
    }
}

#[test]
fn a_seal_applied_after_its_certificate_expired_is_invalid() {
    let r = verify(&testdata("SESV4SignDoc.ofd"), &no_roots());
    assert_eq!(r.verdict, Verdict::Invalid);
    let s = &r.signatures[0];
    assert_eq!(s.outcome(CheckId::OfdSignerChain), Outcome::Fail, "{s:#?}");
    assert_eq!(s.outcome(CheckId::OfdSeal), Outcome::Fail, "{s:#?}");
    assert_eq!(s.outcome(CheckId::OfdSignature), Outcome::Pass);
}

#[test]
fn a_bare_signature_needs_its_certificate() {
    let r = verify(&testdata("DigitalSign.ofd"), &no_roots());
    assert_eq!(r.verdict, Verdict::Indeterminate, "{r:#?}");
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSignature), Outcome::Warn);
    let certs = cert::parse_pem(&String::from_utf8(testdata("USER.cert.pem")).unwrap()).unwrap();
    let r = verify(&testdata("DigitalSign.ofd"), &Options { roots: &certs, now: NOW, zz1: None });
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSignature), Outcome::Pass, "{r:#?}");
    assert!(r.signatures[0].signer.is_some());
}

#[test]
fn an_unsigned_file_has_no_force() {
    let r = verify(&testdata("unsigned-helloworld.ofd"), &no_roots());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(r.outcome(CheckId::OfdPackage), Outcome::Fail);
}

#[test]
fn not_an_ofd_is_a_package_failure() {
    for junk in [&b""[..], b"PK\x03\x04", b"%PDF-1.7", &zipmaker::zip(&[("a.txt", b"x", false)])] {
        let r = verify(junk, &no_roots());
        assert_eq!(r.verdict, Verdict::Invalid);
        assert_eq!(r.outcome(CheckId::OfdPackage), Outcome::Fail);
    }
}

/// The package with one file's bytes changed by `f`, rebuilt.
fn with_changed(ofd: &[u8], name: &str, f: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let p = Package::open(ofd).unwrap();
    let names: Vec<String> = p.names().map(str::to_owned).collect();
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .map(|n| {
            let mut b = p.read(n).unwrap().to_vec();
            if n == name {
                f(&mut b);
            }
            (n.clone(), b)
        })
        .collect();
    let refs: Vec<(&str, &[u8], bool)> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice(), true)).collect();
    zipmaker::zip(&refs)
}

#[test]
fn changing_any_covered_file_makes_it_invalid() {
    let ofd = testdata("v4signed.ofd");
    // Repacked unchanged: still as before.
    let same = with_changed(&ofd, "", |_| {});
    assert_eq!(verify(&same, &no_roots()).verdict, Verdict::Indeterminate);
    let p = Package::open(&ofd).unwrap();
    let names: Vec<String> = p.names().map(str::to_owned).collect();
    for name in &names {
        let changed = with_changed(&ofd, name, |b| {
            if let Some(last) = b.last_mut() {
                *last ^= 0x20;
            } else {
                b.push(b' ');
            }
        });
        let r = verify(&changed, &no_roots());
        assert_eq!(r.verdict, Verdict::Invalid, "{name} changed: {:?}", r.signatures.first().map(|s| &s.checks));
    }
}

#[test]
fn a_second_file_whose_name_differs_only_in_case_refuses_the_package() {
    // v4signed's Document.xml names its template "TPLS/Tpl_0/Content.xml";
    // the signed file is "Tpls/...", found ignoring case.
    let ofd = testdata("v4signed.ofd");
    assert_eq!(verify(&ofd, &no_roots()).outcome(CheckId::OfdCoverage), Outcome::Pass);
    // An unsigned file added under the exact name: a reader on a
    // case-sensitive system would draw the template from it. Such an
    // archive is refused whole (`ofd-package`), not read either way.
    let p = Package::open(&ofd).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = p.names().map(|n| (n.to_owned(), p.read(n).unwrap().to_vec())).collect();
    files.push(("Doc_0/TPLS/Tpl_0/Content.xml".into(), p.read("Doc_0/Tpls/Tpl_0/Content.xml").unwrap().to_vec()));
    let refs: Vec<(&str, &[u8], bool)> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice(), true)).collect();
    let r = verify(&zipmaker::zip(&refs), &no_roots());
    assert_eq!(r.outcome(CheckId::OfdPackage), Outcome::Fail, "{:?}", r.checks);
    assert!(r.checks.iter().any(|c| c.en.contains("Doc_0/TPLS/Tpl_0/Content.xml")), "{:?}", r.checks);
    assert_eq!(r.verdict, Verdict::Invalid);
}

#[test]
fn roots_that_issued_nothing_here_leave_the_signer_untrusted() {
    let certs: Vec<Cert> = cert::parse_pem(&String::from_utf8(testdata("USER.cert.pem")).unwrap()).unwrap();
    let r = verify(&testdata("v4signed.ofd"), &Options { roots: &certs, now: NOW, zz1: None });
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSignerChain), Outcome::Warn);
}

#[test]
fn a_raw_r_s_value_verifies_with_a_warning_that_does_not_limit() {
    // DigitalSign's value is DER SEQUENCE{INTEGER r (32 bytes), INTEGER s
    // (32 bytes)}: rewrite it as raw r‖s. SignedValue.dat is not among the
    // files the signature protects.
    let ofd = testdata("DigitalSign.ofd");
    let name = "Doc_0/Signs/Sign_0/SignedValue.dat";
    let der = Package::open(&ofd).unwrap().read(name).unwrap().to_vec();
    assert_eq!((der[0], der[2], der[3], der[36], der[37]), (0x30, 0x02, 0x20, 0x02, 0x20));
    let raw: Vec<u8> = [&der[4..36], &der[38..70]].concat();
    let changed = with_changed(&ofd, name, |b| *b = raw.clone());
    let certs = cert::parse_pem(&String::from_utf8(testdata("USER.cert.pem")).unwrap()).unwrap();
    let r = verify(&changed, &Options { roots: &certs, now: NOW, zz1: None });
    let s = &r.signatures[0];
    let sig = s.checks.iter().find(|c| c.id == CheckId::OfdSignature).unwrap();
    assert_eq!(sig.outcome, Outcome::Warn, "{s:#?}");
    assert!(!sig.limits);
    // A flipped bit of the raw value: it no longer verifies against the
    // certificate (nothing supplied verifies it: it cannot be confirmed).
    let mut bad = raw.clone();
    bad[10] ^= 1;
    let changed = with_changed(&ofd, name, |b| *b = bad.clone());
    let r = verify(&changed, &Options { roots: &certs, now: NOW, zz1: None });
    assert_ne!(r.verdict, Verdict::Valid);
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSignature), Outcome::Warn);
}
