//! Digital signatures whose value is a SignedData (GB/T 35275 or PKCS#7),
//! made by asn1crypto and gmssl (tests/fixtures/README.md): each check
//! passes, and fails when what it checks is changed.

use zz_core::{CheckId, Outcome, Verdict};
use zz_issuer::demo;
use zz_ofd::package::Package;
use zz_ofd::{OfdReport, Options, cert, verify};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn check(bytes: &[u8], pinned: bool) -> OfdReport {
    let roots = cert::parse_pem(&demo::ofd::DemoPki::new().roots_pem()).unwrap();
    let roots = if pinned { roots } else { Vec::new() };
    verify(bytes, &Options { roots: &roots, now: demo::DEFAULT_NOW, zz1: None })
}

/// The package with one file's bytes changed by `f`.
fn changed(bytes: &[u8], name: &str, f: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let p = Package::open(bytes).unwrap();
    let files = p.names().map(|n| {
        let mut data = p.read(n).unwrap().to_vec();
        if n == name {
            f(&mut data);
        }
        (n.to_owned(), data)
    });
    zz_issuer::ofd::Ofd::from_files(files.collect::<Vec<_>>()).to_zip()
}

#[test]
fn signed_data_attached_and_detached_verify_and_each_check_fails_when_changed() {
    for name in ["signed-data-attached.ofd", "signed-data-detached.ofd"] {
        let bytes = fixture(name);
        let r = check(&bytes, true);
        let s = &r.signatures[0];
        assert_eq!(s.format, Some(zz_ofd::verify::Format::SignedData), "{name}");
        for id in [CheckId::OfdReferences, CheckId::OfdSignedHash, CheckId::OfdSignature, CheckId::OfdSignerChain] {
            assert_eq!(s.outcome(id), Outcome::Pass, "{name} {id:?}: {s:#?}");
        }
        assert!(s.signer.as_ref().is_some_and(|c| c.subject.contains("DEMO")));
        // signingTime: 2026-11-22T00:30Z.
        assert_eq!(s.time, Some(1_795_307_400), "{name}");
        // The license is carried, but no trust data was given: a warning.
        assert_eq!(r.verdict, Verdict::Indeterminate, "{name}");
        assert_eq!(r.outcome(CheckId::OfdLicense), Outcome::Warn);
        // Without the roots: untrusted, not invalid.
        assert_eq!(check(&bytes, false).signatures[0].outcome(CheckId::OfdSignerChain), Outcome::Warn, "{name}");
        // Signature.xml changed: the signed digest differs (and the
        // signature still verifies over what it signed).
        let r = check(
            &changed(&bytes, "Doc_0/Signs/Sign_0/Signature.xml", |x| {
                *x = String::from_utf8_lossy(x).replacen("demo seal maker", "demo seal makes", 1).into_bytes()
            }),
            true,
        );
        assert_eq!(r.signatures[0].outcome(CheckId::OfdSignedHash), Outcome::Fail, "{name}");
        assert_eq!(r.verdict, Verdict::Invalid);
        // The SM2 signature (the last bytes of the value) changed.
        let r = check(
            &changed(&bytes, "Doc_0/Signs/Sign_0/SignedValue.dat", |v| {
                let at = v.len() - 5;
                v[at] ^= 1;
            }),
            true,
        );
        assert_eq!(r.signatures[0].outcome(CheckId::OfdSignature), Outcome::Fail, "{name}");
        // A value that is no known format at all.
        let r = check(&changed(&bytes, "Doc_0/Signs/Sign_0/SignedValue.dat", |v| v.truncate(40)), true);
        assert_eq!(r.signatures[0].outcome(CheckId::OfdSignature), Outcome::Fail, "{name}");
        // A signed page changed: its reference fails.
        let r = check(
            &changed(&bytes, "Doc_0/Pages/Page_0/Content.xml", |x| {
                *x = String::from_utf8_lossy(x).replacen("持证主体", "持证主休", 1).into_bytes()
            }),
            true,
        );
        assert_eq!(r.signatures[0].outcome(CheckId::OfdReferences), Outcome::Fail, "{name}");
    }
}

#[test]
fn an_attached_content_whose_message_digest_is_not_its_sm3_is_refused() {
    // SPEC 12: the content is SM3 of Signature.xml and the SM2 signature
    // over the signed attributes is sound, but their messageDigest is not
    // SM3 of the content (asn1crypto and gmssl made it so): the signature
    // covers the attributes only, so without this comparison it could be
    // reused over any Signature.xml.
    let bytes = fixture("signed-data-attached-wrong-digest.ofd");
    let r = check(&bytes, true);
    let s = &r.signatures[0];
    assert_eq!(s.format, Some(zz_ofd::verify::Format::SignedData));
    assert_eq!(s.outcome(CheckId::OfdSignature), Outcome::Pass, "{s:#?}");
    assert_eq!(s.outcome(CheckId::OfdSignerChain), Outcome::Pass, "{s:#?}");
    assert_eq!(s.outcome(CheckId::OfdSignedHash), Outcome::Fail, "{s:#?}");
    assert_eq!(r.verdict, Verdict::Invalid);
}
