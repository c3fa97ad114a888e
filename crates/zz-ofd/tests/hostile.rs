//! Hostile OFD files, made from the sealed demo e-license: XML entity
//! expansion, DER lengths and nesting, huge and many entries. Each is
//! refused with a clear failure, in bounded time (the peak memory is
//! measured by `examples/hostile_peak.rs`, README).

mod zipmaker;

use std::time::{Duration, Instant};

use zz_core::{CheckId, Outcome, UnixTime, Verdict};
use zz_issuer::demo;
use zz_ofd::package::Package;
use zz_ofd::{Options, verify};

const NOW: UnixTime = demo::DEFAULT_NOW;

fn valid() -> Vec<u8> {
    let w = demo::world(NOW);
    demo::ofd::ofd_world(&w).samples.into_iter().find(|s| s.name == "ofd-valid-business-license").unwrap().data
}

fn check(bytes: &[u8]) -> zz_ofd::OfdReport {
    let start = Instant::now();
    let r = verify(bytes, &Options { roots: &[], now: NOW, zz1: None });
    assert!(start.elapsed() < Duration::from_secs(5), "took {:?}", start.elapsed());
    assert_eq!(r.verdict, Verdict::Invalid, "{r:#?}");
    r
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&lol9;</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#;

#[test]
fn billion_laughs_and_external_entities_are_package_failures_wherever_they_are() {
    let v = valid();
    for file in ["OFD.xml", "Doc_0/Document.xml", "Doc_0/Signs/Signatures.xml", "Doc_0/Signs/Sign_0/Signature.xml"] {
        for xml in [
            LAUGHS.to_owned(),
            r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#.to_owned(),
        ] {
            let r = check(&zipmaker::with_file(&v, file, xml.into_bytes()));
            assert_eq!(r.outcome(CheckId::OfdPackage), Outcome::Fail, "{file}: {r:#?}");
            assert!(r.checks[0].en.contains(file.rsplit('/').next().unwrap()), "{file}: {}", r.checks[0].en);
        }
    }
}

#[test]
fn a_2_31_der_length_and_deep_der_nesting_fail_their_signature_at_once() {
    let v = valid();
    let mut huge = vec![0x30, 0x84, 0x80, 0, 0, 0];
    huge.extend([0u8; 64]);
    // 100,000 nested SEQUENCEs, each claiming the rest.
    let mut deep = Vec::new();
    for i in (0..100_000u32).rev() {
        let len = 6 * i as usize;
        deep.extend([0x30, 0x84]);
        deep.extend((len as u32).to_be_bytes());
    }
    for value in [huge, deep] {
        let r = check(&zipmaker::with_file(&v, "Doc_0/Signs/Sign_0/SignedValue.dat", value));
        assert_eq!(r.signatures[0].outcome(CheckId::OfdSignature), Outcome::Fail, "{r:#?}");
        // The rest of the package still reads.
        assert_eq!(r.outcome(CheckId::OfdPackage), Outcome::Pass);
    }
}

#[test]
fn a_seal_that_is_not_der_and_a_missing_document_fail() {
    let v = valid();
    let r = check(&zipmaker::with_file(&v, "Doc_0/Signs/Sign_0/Seal.esl", vec![0x30, 0x83, 0xff, 0xff, 0xff]));
    assert_eq!(r.signatures[0].outcome(CheckId::OfdSeal), Outcome::Fail);
    let p = Package::open(&v).unwrap();
    let o = zz_issuer::ofd::Ofd::from_files(
        p.names().filter(|n| *n != "Doc_0/Document.xml").map(|n| (n.to_owned(), p.read(n).unwrap().to_vec())),
    );
    let r = check(&o.to_zip());
    assert_eq!(r.outcome(CheckId::OfdPackage), Outcome::Fail);
    assert!(r.checks[0].en.contains("Document.xml"), "{}", r.checks[0].en);
}
