//! Seal signatures of the real files and ofdrw's v1 seal, parsed.

use zz_ofd::document;
use zz_ofd::package::Package;
use zz_ofd::ses::{self, CertList, Version};

fn testdata(name: &str) -> Vec<u8> {
    let path = format!("{}/../../../shared/testdata/ofd/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn signed_value(file: &str) -> Vec<u8> {
    let bytes = testdata(file);
    let p = Package::open(&bytes).unwrap();
    let docs = document::documents(&p).unwrap();
    let sigs = document::listed(&p, docs[0].signatures.as_deref().unwrap()).unwrap();
    let s = document::signature_file(&p, &sigs[0].base).unwrap();
    p.read(&s.signed_value).unwrap().to_vec()
}

#[test]
fn v4_seal_signatures_parse() {
    let v = signed_value("v4signed.ofd");
    assert!(ses::looks_like_ses(&v));
    let s = ses::parse_signature(&v).unwrap();
    assert_eq!(s.version, Version::V4);
    assert_eq!(s.seal.name, "测试全国统一发票监制章国家税务总局重庆市税务局");
    assert_eq!(s.seal.id, "50011200000399");
    assert_eq!(s.time, Some(1_602_313_880)); // 2020-10-10 07:11:20 UTC
    assert_eq!(s.property, "/Doc_0/Signs/Sign_0/Signature.xml");
    assert_eq!(s.algorithm, "1.2.156.10197.1.501");
    assert_eq!(s.data_hash.len(), 32);
    assert!(matches!(&s.seal.certs, CertList::Certs(c) if c.len() == 1));
    for f in ["signedFile.ofd", "allprotected.ofd", "SESV4SignDoc.ofd"] {
        let v = signed_value(f);
        let s = ses::parse_signature(&v).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(s.version, Version::V4, "{f}");
    }
}

#[test]
fn a_v1_seal_parses() {
    let esl = testdata("UserV1.esl");
    let seal = ses::parse_seal(&esl).unwrap();
    assert_eq!(seal.version, Version::V1);
    assert_eq!(seal.name, "OFDRW测试用印章");
    assert_eq!(seal.valid_end - seal.valid_start, 730 * 86_400);
    assert!(matches!(&seal.certs, CertList::Certs(c) if c.len() == 1));
}

#[test]
fn a_bare_signature_is_not_ses() {
    assert!(!ses::looks_like_ses(&signed_value("DigitalSign.ofd")));
    assert!(ses::parse_signature(b"\x30\x03\x02\x01\x04").is_err());
}

#[test]
fn the_real_seals_verify_by_sm2() {
    use zz_ofd::{cert::Cert, sm};
    for f in ["v4signed.ofd", "signedFile.ofd", "allprotected.ofd", "SESV4SignDoc.ofd"] {
        let v = signed_value(f);
        let s = ses::parse_signature(&v).unwrap();
        let signer = Cert::parse(s.signer_cert).unwrap_or_else(|| panic!("{f}: signer cert"));
        let key = signer.public_key.as_deref().unwrap();
        assert_eq!(sm::verify(key, s.tbs, s.signature), Ok(sm::Form::Der), "{f}: signature");
        // A flipped byte of what was signed: no longer verifies.
        let mut tbs = s.tbs.to_vec();
        let n = tbs.len() - 1;
        tbs[n] ^= 1;
        assert_eq!(sm::verify(key, &tbs, s.signature), Err(sm::SmError::Mismatch), "{f}");
        let maker = Cert::parse(s.seal.maker_cert).unwrap();
        let mk = maker.public_key.as_deref().unwrap();
        assert!(s.seal.signed_forms.iter().any(|m| sm::verify(mk, m, s.seal.signature).is_ok()), "{f}: seal");
    }
}

#[test]
fn the_bare_signature_verifies_with_the_certificate_supplied() {
    use zz_ofd::{cert, sm};
    let pem = String::from_utf8(testdata("USER.cert.pem")).unwrap();
    let certs = cert::parse_pem(&pem).unwrap();
    assert_eq!(certs.len(), 1);
    let bytes = testdata("DigitalSign.ofd");
    let p = Package::open(&bytes).unwrap();
    let docs = document::documents(&p).unwrap();
    let sigs = document::listed(&p, docs[0].signatures.as_deref().unwrap()).unwrap();
    let s = document::signature_file(&p, &sigs[0].base).unwrap();
    let value = p.read(&s.signed_value).unwrap();
    let xml = p.read(&sigs[0].base).unwrap();
    // A bare signature signs the Signature.xml file.
    let key = certs[0].public_key.as_deref().unwrap();
    assert_eq!(sm::verify(key, &xml, &value), Ok(sm::Form::Der));
}
