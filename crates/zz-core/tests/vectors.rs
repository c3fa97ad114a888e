//! Public test vectors: Wycheproof Ed25519 through the core's signature
//! path, and the COSE working group's eddsa-sig-01.

use std::path::PathBuf;

use serde_json::Value as Json;
use zz_core::envelope::verify_strict_raw;

fn testdata(rel: &str) -> Json {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata").join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

#[test]
fn wycheproof_ed25519_all_vectors() {
    let doc = testdata("wycheproof/ed25519_test.json");
    let mut count = 0;
    let mut wrong = Vec::new();
    for group in doc["testGroups"].as_array().unwrap() {
        let pk = unhex(group["publicKey"]["pk"].as_str().unwrap());
        for t in group["tests"].as_array().unwrap() {
            count += 1;
            let msg = unhex(t["msg"].as_str().unwrap());
            let sig = unhex(t["sig"].as_str().unwrap());
            let expected = match t["result"].as_str().unwrap() {
                "valid" => true,
                "invalid" => false,
                other => panic!("unexpected result {other}"),
            };
            if verify_strict_raw(&pk, &msg, &sig) != expected {
                wrong.push(format!("tcId {} ({}): expected {expected}", t["tcId"], t["comment"]));
            }
        }
    }
    assert_eq!(count, 151);
    assert_eq!(doc["numberOfTests"], 151);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn cose_wg_eddsa_sig_01_verifies_at_the_cose_layer() {
    use coset::{CborSerializable, CoseSign1, TaggedCborSerializable};
    let doc = testdata("cose-wg/eddsa-sig-01.json");
    let cbor = unhex(doc["output"]["cbor"].as_str().unwrap());
    let pk = unhex(doc["input"]["sign0"]["key"]["x_hex"].as_str().unwrap());
    let tbs_expected = unhex(doc["intermediates"]["ToBeSign_hex"].as_str().unwrap());
    let sign1 = CoseSign1::from_tagged_slice(&cbor).unwrap();
    assert_eq!(sign1.tbs_data(b""), tbs_expected);
    assert!(verify_strict_raw(&pk, &sign1.tbs_data(b""), &sign1.signature));
    // Flip one payload bit: the same path refuses it.
    let mut bad = sign1.clone();
    bad.payload.as_mut().unwrap()[0] ^= 1;
    assert!(!verify_strict_raw(&pk, &bad.tbs_data(b""), &bad.signature));
    let _ = CoseSign1::from_slice(&cbor[1..]).unwrap();

    // The ZZ1 profile rejects its headers: ctyp in the protected header,
    // kid in the unprotected one, no typ.
    let err = zz_core::Envelope::parse(&cbor).unwrap_err();
    assert!(matches!(err, zz_core::envelope::EnvelopeError::Structure(_)), "{err:?}");
}
