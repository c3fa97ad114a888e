//! The structure of the real OFD files: documents, signatures, references.

use zz_ofd::document::{self, CheckMethod, RefOutcome, SignatureType};
use zz_ofd::package::Package;

fn testdata(name: &str) -> Vec<u8> {
    let path = format!("{}/../../../shared/testdata/ofd/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_reference_of_the_real_files_checks() {
    for (f, kind, method, refs) in [
        ("v4signed.ofd", SignatureType::Seal, CheckMethod::Sm3, 13),
        ("signedFile.ofd", SignatureType::Seal, CheckMethod::Sm3, 0),
        ("allprotected.ofd", SignatureType::Seal, CheckMethod::Sm3, 6),
        ("DigitalSign.ofd", SignatureType::Sign, CheckMethod::Sm3, 4),
    ] {
        let bytes = testdata(f);
        let p = Package::open(&bytes).unwrap();
        let docs = document::documents(&p).unwrap();
        let sigs = document::listed(&p, docs[0].signatures.as_deref().unwrap()).unwrap();
        assert_eq!(sigs.len(), 1, "{f}");
        assert_eq!(sigs[0].kind, kind, "{f}");
        let s = document::signature_file(&p, &sigs[0].base).unwrap();
        assert_eq!(s.method, method, "{f}");
        if refs > 0 {
            assert_eq!(s.references.len(), refs, "{f}");
        }
        for r in &s.references {
            assert_eq!(document::check_reference(&p, &s.method, r), RefOutcome::Ok, "{f} {}", r.file_ref);
        }
        assert!(p.contains(&s.signed_value), "{f}");
    }
}

#[test]
fn an_unsigned_file_lists_no_signature() {
    let bytes = testdata("unsigned-helloworld.ofd");
    let p = Package::open(&bytes).unwrap();
    let docs = document::documents(&p).unwrap();
    assert!(docs.iter().all(|d| d.signatures.is_none()));
}

#[test]
fn check_methods_by_name_or_oid_ignoring_case() {
    assert_eq!(CheckMethod::parse(Some("sm3")), CheckMethod::Sm3);
    assert_eq!(CheckMethod::parse(Some("1.2.156.10197.1.401")), CheckMethod::Sm3);
    assert_eq!(CheckMethod::parse(Some("SHA-256")), CheckMethod::Sha256);
    assert_eq!(CheckMethod::parse(None), CheckMethod::Md5);
    assert!(CheckMethod::parse(Some("SHA1")).is_weak());
    assert_eq!(CheckMethod::parse(Some("crc32")), CheckMethod::Other("crc32".into()));
    assert_eq!(CheckMethod::Other("x".into()).digest(b""), None);
}
