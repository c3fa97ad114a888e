//! Live presentation by the holder (亮证, SPEC sections 4, 10 and 13):
//! `cnf`, the presentation object, and every outcome of `holder-binding`,
//! `presentation-fresh` and `presentation-audience`, for both key types.

mod common;

use ciborium::value::Value;
use common::*;
use zz_core::model::DeviceKey;
use zz_core::{CheckId, Kind, Outcome, Report, Usage, Verdict, verify};
use zz_issuer::device::{DeviceKind, DeviceSigner};

const PRESENTATION: &str = "application/zz-presentation+cbor";
const NONCE: [u8; 16] = *b"0123456789abcdef";
const ORG: &str = "11310000002417009R";

fn device(kind: DeviceKind, name: &str) -> DeviceSigner {
    DeviceSigner::derive(kind, "zz-core presentation tests", name)
}

/// A license of the test world binding `key`.
fn bound(w: &World, key: Option<DeviceKey>) -> Vec<u8> {
    let mut l = license();
    l.cnf = key;
    w.issue(&l)
}

fn at(w: &World, input: &[u8], now: u64, usage: Usage<'_>) -> Report {
    verify(input, zz_core::Context::new(&w.bundle, unix(now)).with(usage))
}

fn outcomes(r: &Report) -> [Outcome; 3] {
    [r.outcome(CheckId::HolderBinding), r.outcome(CheckId::PresentationFresh), r.outcome(CheckId::PresentationAudience)]
}

#[test]
fn a_live_presentation_by_the_bound_device_is_valid_with_either_key_type() {
    let w = world();
    for kind in [DeviceKind::Ed25519, DeviceKind::P256] {
        let d = device(kind, "holder");
        let lic = bound(&w, Some(d.public()));
        let p = d.present(&lic, unix(NOW - 10), None, None);
        let r = at(&w, &p, NOW, Usage::default());
        assert_eq!(r.verdict, Verdict::Valid, "{kind:?}: {:?}", r.failures().collect::<Vec<_>>());
        assert!(r.presented, "{kind:?}");
        assert_eq!(r.kind, Some(Kind::License));
        assert_eq!(outcomes(&r), [Outcome::Pass, Outcome::Pass, Outcome::Skip]);
        assert_eq!(r.license.as_ref().and_then(|l| l.cnf.clone()), Some(d.public()));
        assert_eq!(r.presentation.as_ref().map(|p| p.iat), Some(unix(NOW - 10)));
        // Through text too, as a QR code carries it.
        let text = zz_core::transport::encode_text(&p);
        assert_eq!(at(&w, text.as_bytes(), NOW, Usage::default()).verdict, Verdict::Valid);
        // JSON names it.
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["presented"], true);
    }
}

#[test]
fn freshness_boundaries_are_90_s_behind_and_300_s_ahead() {
    let w = world();
    let d = device(DeviceKind::Ed25519, "holder");
    let lic = bound(&w, Some(d.public()));
    let made = NOW;
    let p = d.present(&lic, unix(made), None, None);
    let fresh = |now: u64| at(&w, &p, now, Usage::default()).outcome(CheckId::PresentationFresh);
    assert_eq!(fresh(made + 90), Outcome::Pass);
    assert_eq!(fresh(made + 91), Outcome::Fail, "a replay after 90 s");
    assert_eq!(fresh(made - 300), Outcome::Pass);
    assert_eq!(fresh(made - 301), Outcome::Fail, "made more than 300 s in the future");
    let r = at(&w, &p, made + 91, Usage::default());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(!r.presented, "a failed presentation is not shown as presented");
}

#[test]
fn the_challenge_must_be_answered() {
    let w = world();
    let d = device(DeviceKind::Ed25519, "holder");
    let lic = bound(&w, Some(d.public()));
    let expect = Usage { nonce: Some(&NONCE), ..Usage::default() };
    let answered = d.present(&lic, unix(NOW), Some(&NONCE), None);
    assert_eq!(at(&w, &answered, NOW, expect).verdict, Verdict::Valid);
    let other = d.present(&lic, unix(NOW), Some(b"fedcba9876543210"), None);
    assert_eq!(at(&w, &other, NOW, expect).outcome(CheckId::PresentationFresh), Outcome::Fail);
    let none = d.present(&lic, unix(NOW), None, None);
    assert_eq!(at(&w, &none, NOW, expect).outcome(CheckId::PresentationFresh), Outcome::Fail);
    // A nonce in the presentation but none expected: still fresh.
    assert_eq!(at(&w, &answered, NOW, Usage::default()).verdict, Verdict::Valid);
    // A bare license when a nonce is expected: not a presentation (skip),
    // and a bound one is a copy (at most indeterminate).
    let r = at(&w, &lic, NOW, expect);
    assert_eq!(r.outcome(CheckId::PresentationFresh), Outcome::Skip);
    assert_eq!(r.verdict, Verdict::Indeterminate);
}

#[test]
fn the_audience_is_compared_when_both_are_given() {
    let w = world();
    let d = device(DeviceKind::P256, "holder");
    let lic = bound(&w, Some(d.public()));
    let org = Usage { org: Some(ORG), ..Usage::default() };
    let to_us = d.present(&lic, unix(NOW), None, Some(ORG));
    assert_eq!(at(&w, &to_us, NOW, org).outcome(CheckId::PresentationAudience), Outcome::Pass);
    let to_them = d.present(&lic, unix(NOW), None, Some("91310000MA1FL0000X"));
    let r = at(&w, &to_them, NOW, org);
    assert_eq!((r.verdict, r.outcome(CheckId::PresentationAudience)), (Verdict::Invalid, Outcome::Fail));
    assert_eq!(at(&w, &to_them, NOW, Usage::default()).outcome(CheckId::PresentationAudience), Outcome::Skip);
    let nobody = d.present(&lic, unix(NOW), None, None);
    assert_eq!(at(&w, &nobody, NOW, org).outcome(CheckId::PresentationAudience), Outcome::Skip);
}

#[test]
fn holder_binding_fails_for_another_device_an_unbound_license_and_a_mismatched_algorithm() {
    let w = world();
    let holder = device(DeviceKind::Ed25519, "holder");
    let thief = device(DeviceKind::Ed25519, "someone else");
    let lic = bound(&w, Some(holder.public()));
    let r = at(&w, &thief.present(&lic, unix(NOW), None, None), NOW, Usage::default());
    assert_eq!((r.verdict, r.outcome(CheckId::HolderBinding)), (Verdict::Invalid, Outcome::Fail));
    // A license that binds no device, presented: holder-binding fails.
    let unbound = bound(&w, None);
    let r = at(&w, &holder.present(&unbound, unix(NOW), None, None), NOW, Usage::default());
    assert_eq!((r.verdict, r.outcome(CheckId::HolderBinding)), (Verdict::Invalid, Outcome::Fail));
    // A P-256 key bound, an Ed25519 signature made (the alg does not match).
    let p256 = device(DeviceKind::P256, "holder");
    let lic = bound(&w, Some(p256.public()));
    let r = at(&w, &holder.present(&lic, unix(NOW), None, None), NOW, Usage::default());
    assert_eq!(r.outcome(CheckId::HolderBinding), Outcome::Fail);
    // A changed byte of the signature.
    let mut p = p256.present(&lic, unix(NOW), None, None);
    let last = p.len() - 1;
    p[last] ^= 1;
    assert_eq!(at(&w, &p, NOW, Usage::default()).outcome(CheckId::HolderBinding), Outcome::Fail);
}

#[test]
fn a_bare_bound_license_is_a_copy_and_at_most_indeterminate() {
    let w = world();
    let d = device(DeviceKind::Ed25519, "holder");
    let r = at(&w, &bound(&w, Some(d.public())), NOW, Usage::default());
    assert_eq!(r.verdict, Verdict::Indeterminate);
    assert_eq!(outcomes(&r), [Outcome::Warn, Outcome::Skip, Outcome::Skip]);
    assert!(r.check(CheckId::HolderBinding).unwrap().zh.contains("请持证人现场亮证"));
    assert!(!r.presented);
    // An unbound license bare: unchanged (skip), valid.
    let r = at(&w, &bound(&w, None), NOW, Usage::default());
    assert_eq!((r.verdict, r.outcome(CheckId::HolderBinding)), (Verdict::Valid, Outcome::Skip));
    // An annotated copy: skip, whatever its license binds.
    let mut l = license();
    l.cnf = Some(d.public());
    let copy = w.annotate(&l, &annotation());
    let r = at(&w, &copy, NOW, Usage::matter(Some(MATTER_ANNOTATED)));
    assert_eq!(r.outcome(CheckId::HolderBinding), Outcome::Skip);
}

#[test]
fn a_presentation_carries_a_license_original_only() {
    let w = world();
    let d = device(DeviceKind::Ed25519, "holder");
    let mut l = license();
    l.cnf = Some(d.public());
    let copy = w.annotate(&l, &annotation());
    let r = at(&w, &d.present(&copy, unix(NOW), None, None), NOW, Usage::default());
    assert_eq!((r.verdict, r.outcome(CheckId::Structure)), (Verdict::Invalid, Outcome::Fail));
    assert!(r.check(CheckId::Structure).unwrap().en.contains("annotated copy"));
    // A presentation inside a presentation.
    let lic = bound(&w, Some(d.public()));
    let inner = d.present(&lic, unix(NOW), None, None);
    let r = at(&w, &d.present(&inner, unix(NOW), None, None), NOW, Usage::default());
    assert_eq!(r.outcome(CheckId::Structure), Outcome::Fail);
}

/// A presentation with any protected header and payload, signed by `d`
/// (Ed25519) over the standard Sig_structure.
fn raw_presentation(d: &DeviceSigner, header: Vec<(Value, Value)>, payload: &Value) -> Vec<u8> {
    let DeviceSigner::Ed25519(sk) = d else { panic!("an Ed25519 device") };
    let protected = encode(&Value::Map(header));
    let payload = encode(payload);
    let tbs = encode(&Value::Array(vec![
        text("Signature1"),
        Value::Bytes(protected.clone()),
        Value::Bytes(vec![]),
        Value::Bytes(payload.clone()),
    ]));
    use ed25519_dalek::Signer;
    let sig = sk.sign(&tbs).to_bytes().to_vec();
    encode(&Value::Tag(
        18,
        Box::new(Value::Array(vec![
            Value::Bytes(protected),
            Value::Map(vec![]),
            Value::Bytes(payload),
            Value::Bytes(sig),
        ])),
    ))
}

fn payload(obj: &[u8], iat: u64, extra: Vec<(Value, Value)>) -> Value {
    let mut m = vec![(text("v"), int(1)), (text("obj"), Value::Bytes(obj.to_vec())), (text("iat"), int(iat as i64))];
    m.extend(extra);
    Value::Map(m)
}

#[test]
fn presentation_envelope_and_payload_rules() {
    let w = world();
    let d = device(DeviceKind::Ed25519, "holder");
    let lic = bound(&w, Some(d.public()));
    let header = |alg: i64| vec![(int(ALG), int(alg)), (int(TYP), text(PRESENTATION))];
    // The well-formed one first: valid.
    let ok = raw_presentation(&d, header(-8), &payload(&lic, NOW, vec![]));
    assert_eq!(at(&w, &ok, NOW, Usage::default()).verdict, Verdict::Valid);
    let structure = |bytes: &[u8]| at(&w, bytes, NOW, Usage::default()).outcome(CheckId::Structure);
    // A kid, another alg, an extra label.
    let mut with_kid = header(-8);
    with_kid.push((int(KID), Value::Bytes(vec![0; 8])));
    assert_eq!(structure(&raw_presentation(&d, with_kid, &payload(&lic, NOW, vec![]))), Outcome::Fail);
    assert_eq!(structure(&raw_presentation(&d, header(-19), &payload(&lic, NOW, vec![]))), Outcome::Fail);
    assert_eq!(structure(&raw_presentation(&d, header(-35), &payload(&lic, NOW, vec![]))), Outcome::Fail);
    let mut extra = header(-8);
    extra.push((int(3), text("x")));
    assert_eq!(structure(&raw_presentation(&d, extra, &payload(&lic, NOW, vec![]))), Outcome::Fail);
    // Nonces of 7 and 33 bytes; 8 and 32 are fine.
    for (n, want) in [(7, Outcome::Fail), (8, Outcome::Pass), (32, Outcome::Pass), (33, Outcome::Fail)] {
        let p = payload(&lic, NOW, vec![(text("nonce"), Value::Bytes(vec![1; n]))]);
        assert_eq!(structure(&raw_presentation(&d, header(-8), &p)), want, "nonce of {n} bytes");
    }
    // aud must be text; v must be 1; obj and iat are required.
    let p = payload(&lic, NOW, vec![(text("aud"), int(1))]);
    assert_eq!(structure(&raw_presentation(&d, header(-8), &p)), Outcome::Fail);
    let mut m = payload(&lic, NOW, vec![]);
    if let Value::Map(entries) = &mut m {
        entries[0].1 = int(2);
    }
    assert_eq!(structure(&raw_presentation(&d, header(-8), &m)), Outcome::Fail);
    let no_obj = Value::Map(vec![(text("v"), int(1)), (text("iat"), int(NOW as i64))]);
    assert_eq!(structure(&raw_presentation(&d, header(-8), &no_obj)), Outcome::Fail);
}

/// `cnf` structure (SPEC section 4): anything but OKP Ed25519 and EC2
/// P-256 of 32-byte coordinates fails `structure`.
#[test]
fn cnf_structure_failures() {
    let w = world();
    let x = Value::Bytes(vec![9; 32]);
    let cases: Vec<(&str, Value)> = vec![
        ("OKP with P-256", Value::Map(vec![(int(1), int(1)), (int(-1), int(1)), (int(-2), x.clone())])),
        ("OKP X25519", Value::Map(vec![(int(1), int(1)), (int(-1), int(4)), (int(-2), x.clone())])),
        ("a short x", Value::Map(vec![(int(1), int(1)), (int(-1), int(6)), (int(-2), Value::Bytes(vec![9; 31]))])),
        (
            "an extra label",
            Value::Map(vec![(int(1), int(1)), (int(-1), int(6)), (int(-2), x.clone()), (int(2), x.clone())]),
        ),
        ("EC2 without y", Value::Map(vec![(int(1), int(2)), (int(-1), int(1)), (int(-2), x.clone())])),
        (
            "EC2 P-384",
            Value::Map(vec![(int(1), int(2)), (int(-1), int(2)), (int(-2), x.clone()), (int(-3), x.clone())]),
        ),
        ("RSA", Value::Map(vec![(int(1), int(3)), (int(-1), Value::Bytes(vec![1; 256])), (int(-2), int(65537))])),
        ("text labels", Value::Map(vec![(text("kty"), int(1)), (text("crv"), int(6)), (text("x"), x.clone())])),
        ("not a map", x.clone()),
    ];
    for (what, cnf) in cases {
        let mut v = license().to_value();
        if let Value::Map(entries) = &mut v {
            entries.push((text("cnf"), cnf));
        }
        let bytes = w.issuer.sign_payload(zz_core::Typ::License, &v);
        let r = w.verify(&bytes);
        assert_eq!((r.verdict, r.outcome(CheckId::Structure)), (Verdict::Invalid, Outcome::Fail), "{what}");
    }
    // A well-formed P-256 key reads back.
    let d = device(DeviceKind::P256, "holder");
    let r = w.verify(&bound(&w, Some(d.public())));
    assert_eq!(r.outcome(CheckId::Structure), Outcome::Pass);
    assert_eq!(r.license.and_then(|l| l.cnf), Some(d.public()));
}

/// Strict Ed25519 on the device's signature: a small-order key and a
/// small-order R, which a lax verifier accepts, fail.
#[test]
fn the_device_signature_is_verified_strictly() {
    let w = world();
    // The identity point: of small order.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let lic = bound(&w, Some(DeviceKey::Ed25519(identity)));
    let body = encode(&payload(&lic, NOW, vec![]));
    let protected = encode(&Value::Map(vec![(int(ALG), int(-8)), (int(TYP), text(PRESENTATION))]));
    // R = identity, S = 0: [0]B = R + [k]A holds for A = identity.
    let mut sig = identity.to_vec();
    sig.extend([0u8; 32]);
    let p = encode(&Value::Tag(
        18,
        Box::new(Value::Array(vec![
            Value::Bytes(protected),
            Value::Map(vec![]),
            Value::Bytes(body),
            Value::Bytes(sig),
        ])),
    ));
    let r = at(&w, &p, NOW, Usage::default());
    assert_eq!((r.verdict, r.outcome(CheckId::HolderBinding)), (Verdict::Invalid, Outcome::Fail));
}
