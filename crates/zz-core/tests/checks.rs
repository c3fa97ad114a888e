//! Every check of SPEC section 10, made to pass and made to fail (or warn),
//! with the boundaries the spec names.

mod common;

use ciborium::value::Value;
use common::*;
use zz_core::model::{FieldValue, Holder, Role, StatusRef};
use zz_core::{CheckId, Outcome, Report, UnixTime, Usage, Verdict};

fn assert_check(r: &Report, id: CheckId, want: Outcome) {
    let c = r.check(id).unwrap();
    assert_eq!(c.outcome, want, "{}: {} / {} (all: {:?})", id.as_str(), c.en, c.zh, summary(r));
    assert!(!c.zh.is_empty() && !c.en.is_empty());
}

fn summary(r: &Report) -> Vec<String> {
    r.checks
        .iter()
        .filter(|c| c.outcome != Outcome::Pass)
        .map(|c| format!("{}={:?}", c.id.as_str(), c.outcome))
        .collect()
}

fn assert_valid(r: &Report) {
    assert_eq!(r.verdict, Verdict::Valid, "{:?}", summary(r));
    assert!(r.verified);
}

fn assert_invalid_by(r: &Report, id: CheckId) {
    assert_check(r, id, Outcome::Fail);
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(!r.verified, "invalid data must not be marked verified");
}

#[test]
fn valid_license_passes_everything_that_applies() {
    let w = world();
    let r = w.verify(&w.issue(&license()));
    assert_valid(&r);
    assert_eq!(r.checks.len(), CheckId::ALL.len());
    for id in [
        CheckId::Decode,
        CheckId::Structure,
        CheckId::Signature,
        CheckId::SignerTrusted,
        CheckId::SignerAuthorized,
        CheckId::SignerValidity,
        CheckId::LicenseValidity,
        CheckId::Status,
        CheckId::Catalog,
        CheckId::Identifier,
        CheckId::HolderId,
        CheckId::Bundle,
    ] {
        assert_check(&r, id, Outcome::Pass);
    }
    for id in [
        CheckId::AnnotationSignature,
        CheckId::AnnotationSigner,
        CheckId::AnnotationValidity,
        CheckId::AnnotationScope,
        CheckId::Matter,
    ] {
        assert_check(&r, id, Outcome::Skip);
    }
    assert_eq!(r.kind, Some(zz_core::Kind::License));
    assert_eq!(r.license.as_ref().unwrap().no, "沪0322430599");
    assert_eq!(r.signer.as_ref().unwrap().name, "市场监管局");
}

// ---- decode -----------------------------------------------------------------

#[test]
fn decode_passes_for_binary_and_text() {
    let w = world();
    let cose = w.issue(&license());
    assert_check(&w.verify(&cose), CheckId::Decode, Outcome::Pass);
    let text = zz_issuer::zz1_text(&cose);
    assert_valid(&w.verify(text.as_bytes()));
    assert_valid(&w.verify(format!("\r\n  {text} \t\n").as_bytes()));
    // Raw (uncompressed) COSE after Base45 is accepted too.
    assert_valid(&w.verify(format!("ZZ1:{}", base45::encode(&cose)).as_bytes()));
}

#[test]
fn decode_fails_for_everything_that_is_not_a_license() {
    let w = world();
    let cose = w.issue(&license());
    let text = zz_issuer::zz1_text(&cose);
    let mut zlib = miniz_oxide::deflate::compress_to_vec_zlib(&cose, 9);
    zlib.push(0);
    let big = vec![0u8; 70 * 1024];
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("plain text", b"hello, this is not a license".to_vec()),
        ("lowercase prefix", text.replacen("ZZ1:", "zz1:", 1).into_bytes()),
        ("other prefix", text.replacen("ZZ1:", "HC1:", 1).into_bytes()),
        ("bad base45", b"ZZ1:abc!".to_vec()),
        ("newline inside", format!("{}\n{}", &text[..20], &text[20..]).into_bytes()),
        ("trailing zlib bytes", format!("ZZ1:{}", base45::encode(&zlib)).into_bytes()),
        ("truncated zlib", format!("ZZ1:{}", base45::encode(&zlib[..zlib.len() - 6])).into_bytes()),
        (
            "oversized zlib",
            format!("ZZ1:{}", base45::encode(miniz_oxide::deflate::compress_to_vec_zlib(&big, 9))).into_bytes(),
        ),
        ("not CBOR", vec![0xd2, 0x84, 0x43]),
        ("text of non-CBOR after base45", format!("ZZ1:{}", base45::encode([0xff, 0xff])).into_bytes()),
    ];
    for (what, input) in cases {
        let r = w.verify(&input);
        assert_invalid_by(&r, CheckId::Decode);
        assert_eq!(r.kind, None, "{what}");
        assert_check(&r, CheckId::Structure, Outcome::Skip);
        assert!(r.license.is_none(), "{what}");
    }
}

// ---- structure ----------------------------------------------------------------

#[test]
fn structure_fails_on_envelope_violations() {
    let w = world();
    let payload = license_payload();
    let lt = "application/zz-license+cbor";
    let p = || protected(&w.issuer, lt);
    let enc = |h: Vec<(Value, Value)>| encode(&Value::Map(h));
    let with = |extra: (Value, Value)| {
        let mut h = p();
        h.push(extra);
        h
    };
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("untagged", raw_sign(&w.issuer, &enc(p()), Value::Map(vec![]), Some(&payload), None)),
        ("tag 98", raw_sign(&w.issuer, &enc(p()), Value::Map(vec![]), Some(&payload), Some(98))),
        ("detached payload", raw_sign(&w.issuer, &enc(p()), Value::Map(vec![]), None, Some(18))),
        (
            "unprotected not empty",
            raw_sign(
                &w.issuer,
                &enc(p()),
                Value::Map(vec![(int(KID), Value::Bytes(vec![1]))]),
                Some(&payload),
                Some(18),
            ),
        ),
        ("crit", sign_with_header(&w, with((int(CRIT), Value::Array(vec![int(TYP)]))), &payload)),
        ("content type", sign_with_header(&w, with((int(3), text("application/cbor"))), &payload)),
        ("private label", sign_with_header(&w, with((int(-70000), int(1))), &payload)),
        ("text label", sign_with_header(&w, with((text("x"), int(1))), &payload)),
        ("alg ES256", sign_with_header(&w, vec![(int(ALG), int(-7)), p()[1].clone(), p()[2].clone()], &payload)),
        ("alg missing", sign_with_header(&w, p()[1..].to_vec(), &payload)),
        ("kid missing", sign_with_header(&w, vec![p()[0].clone(), p()[2].clone()], &payload)),
        ("typ missing", sign_with_header(&w, p()[..2].to_vec(), &payload)),
        (
            "kid of 7 bytes",
            sign_with_header(
                &w,
                vec![p()[0].clone(), (int(KID), Value::Bytes(w.issuer.kid()[..7].to_vec())), p()[2].clone()],
                &payload,
            ),
        ),
        (
            "kid as text",
            sign_with_header(&w, vec![p()[0].clone(), (int(KID), text("abcdefgh")), p()[2].clone()], &payload),
        ),
        (
            "typ as bytes",
            sign_with_header(
                &w,
                vec![p()[0].clone(), p()[1].clone(), (int(TYP), Value::Bytes(lt.as_bytes().to_vec()))],
                &payload,
            ),
        ),
        ("typ case", sign_with_header(&w, protected(&w.issuer, "application/ZZ-license+cbor"), &payload)),
        ("typ catalog", sign_with_header(&w, protected(&w.issuer, "application/zz-catalog+cbor"), &payload)),
        ("typ trust", sign_with_header(&w, protected(&w.issuer, "application/zz-trust+cbor"), &payload)),
        ("typ status", sign_with_header(&w, protected(&w.issuer, "application/zz-status+cbor"), &payload)),
    ];
    // Duplicate label in the protected header (hand-encoded map of 4 entries).
    let mut dup = vec![0xa4];
    dup.extend(encode(&int(ALG)));
    dup.extend(encode(&int(-8)));
    dup.extend(encode(&int(KID)));
    dup.extend(encode(&Value::Bytes(w.issuer.kid().to_vec())));
    dup.extend(encode(&int(TYP)));
    dup.extend(encode(&text(lt)));
    dup.extend(encode(&int(ALG)));
    dup.extend(encode(&int(-8)));
    cases.push(("duplicate protected label", raw_sign(&w.issuer, &dup, Value::Map(vec![]), Some(&payload), Some(18))));
    // Indefinite-length protected map.
    let mut indef = vec![0xbf];
    indef.extend(&enc(p())[1..]);
    indef.push(0xff);
    cases.push(("indefinite protected map", raw_sign(&w.issuer, &indef, Value::Map(vec![]), Some(&payload), Some(18))));
    // Trailing bytes after the COSE structure.
    let mut trailing = w.issue(&license());
    trailing.push(0x00);
    cases.push(("trailing bytes", trailing));
    for (what, input) in cases {
        let r = w.verify(&input);
        assert_check(&r, CheckId::Decode, Outcome::Pass);
        assert!(r.check(CheckId::Structure).unwrap().outcome == Outcome::Fail, "{what}: {:?}", summary(&r));
        assert_eq!(r.verdict, Verdict::Invalid, "{what}");
        assert!(r.license.is_none() || !r.verified, "{what}");
    }
}

#[test]
fn alg_minus_19_is_accepted() {
    let w = world();
    let mut h = protected(&w.issuer, "application/zz-license+cbor");
    h[0] = (int(ALG), int(-19));
    assert_valid(&w.verify(&sign_with_header(&w, h, &license_payload())));
}

fn sign_payload_value(w: &World, v: &Value) -> Vec<u8> {
    sign_with_header(w, protected(&w.issuer, "application/zz-license+cbor"), &encode(v))
}

fn edit(f: impl FnOnce(&mut Vec<(Value, Value)>)) -> Value {
    let mut v = license().to_value();
    if let Value::Map(m) = &mut v {
        f(m);
    }
    v
}

fn set(m: &mut Vec<(Value, Value)>, key: &str, value: Value) {
    match m.iter_mut().find(|(k, _)| k.as_text() == Some(key)) {
        Some(e) => e.1 = value,
        None => m.push((text(key), value)),
    }
}

#[test]
fn structure_fails_on_payload_violations() {
    let w = world();
    let cases: Vec<(&str, Value)> = vec![
        ("v 2", edit(|m| set(m, "v", int(2)))),
        ("v missing", edit(|m| m.retain(|(k, _)| k.as_text() != Some("v")))),
        ("id missing", edit(|m| m.retain(|(k, _)| k.as_text() != Some("id")))),
        ("holder missing", edit(|m| m.retain(|(k, _)| k.as_text() != Some("holder")))),
        ("iat negative", edit(|m| set(m, "iat", int(-1)))),
        ("iat as text", edit(|m| set(m, "iat", text("1795311000")))),
        ("type as int", edit(|m| set(m, "type", int(1)))),
        ("validTo null", edit(|m| set(m, "validTo", Value::Null))),
        ("validTo not a date", edit(|m| set(m, "validTo", text("2030-02-30")))),
        ("issued as instant", edit(|m| set(m, "issued", int(1_700_000_000)))),
        (
            "holder value not text",
            edit(|m| {
                set(
                    m,
                    "holder",
                    Value::Map(vec![
                        (text("name"), text("x")),
                        (text("idType"), text("001")),
                        (text("id"), text("x")),
                        (text("extra"), int(1)),
                    ]),
                )
            }),
        ),
        ("issuer code missing", edit(|m| set(m, "issuer", Value::Map(vec![(text("name"), text("x"))])))),
        ("field value array", edit(|m| set(m, "fields", Value::Map(vec![(text("name"), Value::Array(vec![]))])))),
        ("field value float", edit(|m| set(m, "fields", Value::Map(vec![(text("name"), Value::Float(1.5))])))),
        ("fields not a map", edit(|m| set(m, "fields", Value::Array(vec![])))),
        (
            "status idx text",
            edit(|m| set(m, "status", Value::Map(vec![(text("list"), text("L1")), (text("idx"), text("0"))]))),
        ),
        ("integer key", edit(|m| m.push((int(7), int(1))))),
        ("payload not a map", Value::Array(vec![])),
    ];
    for (what, v) in cases {
        let r = w.verify(&sign_payload_value(&w, &v));
        assert_eq!(r.check(CheckId::Structure).unwrap().outcome, Outcome::Fail, "{what}: {:?}", summary(&r));
        assert_eq!(r.verdict, Verdict::Invalid);
    }
}

#[test]
fn structure_fails_on_cbor_profile_violations_in_the_payload() {
    let w = world();
    let good = license_payload();
    // Duplicate key: append `"v": 1` again and bump the map length.
    let mut dup = good.clone();
    assert_eq!(dup[0] & 0xe0, 0xa0);
    dup[0] += 1;
    dup.extend(encode(&text("v")));
    dup.extend(encode(&int(1)));
    // Indefinite-length map.
    let mut indef = vec![0xbf];
    indef.extend(&good[1..]);
    indef.push(0xff);
    // Trailing bytes in the payload.
    let mut trailing = good.clone();
    trailing.push(0x01);
    // Depth 17: fields.name nests 15 arrays (payload 1 + fields 2 + 15 = 18 > 16).
    let mut deep = Value::Map(vec![]);
    for _ in 0..16 {
        deep = Value::Array(vec![deep]);
    }
    let deep = edit(|m| m.push((text("unknownDeep"), deep)));
    // Depth 16 exactly is allowed (unknown keys are ignored).
    let mut ok_deep = Value::Map(vec![]);
    for _ in 0..14 {
        ok_deep = Value::Array(vec![ok_deep]);
    }
    let ok_deep = edit(|m| m.push((text("unknownDeep"), ok_deep)));
    let lt = "application/zz-license+cbor";
    for (what, payload) in
        [("duplicate key", dup), ("indefinite map", indef), ("trailing", trailing), ("depth 17", encode(&deep))]
    {
        let r = w.verify(&sign_with_header(&w, protected(&w.issuer, lt), &payload));
        assert_eq!(r.check(CheckId::Structure).unwrap().outcome, Outcome::Fail, "{what}: {:?}", summary(&r));
    }
    assert_valid(&w.verify(&sign_with_header(&w, protected(&w.issuer, lt), &encode(&ok_deep))));
}

#[test]
fn unknown_keys_are_ignored_and_not_shown() {
    let w = world();
    let v = edit(|m| m.push((text("extraClaim"), text("not in the spec"))));
    let r = w.verify(&sign_payload_value(&w, &v));
    assert_valid(&r);
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("extraClaim"));
}

#[test]
fn oversized_binary_license_is_refused() {
    let w = world();
    let mut l = license();
    l.fields.push(("padding".into(), FieldValue::Text("x".repeat(70 * 1024))));
    let r = w.verify(&w.issue(&l));
    assert_invalid_by(&r, CheckId::Structure);
}

// ---- signature and signers ----------------------------------------------------

#[test]
fn signature_fails_when_data_or_signature_change() {
    let w = world();
    let cose = w.issue(&license());
    let mut sig = cose.clone();
    *sig.last_mut().unwrap() ^= 0x80;
    assert_invalid_by(&w.verify(&sig), CheckId::Signature);
    let mut data = cose.clone();
    let pos = data.windows(6).position(|x| x == "软件".as_bytes()).unwrap();
    data[pos..pos + 6].copy_from_slice("硬件".as_bytes());
    let r = w.verify(&data);
    assert_invalid_by(&r, CheckId::Signature);
    assert!(!r.verified);
    // A signature of the wrong length.
    let mut v: Value = ciborium::de::from_reader(cose.as_slice()).unwrap();
    if let Value::Tag(_, inner) = &mut v
        && let Value::Array(a) = inner.as_mut()
    {
        a[3] = Value::Bytes(vec![0; 63]);
    }
    assert_invalid_by(&w.verify(&encode(&v)), CheckId::Signature);
}

#[test]
fn signature_rejects_non_canonical_s() {
    // S + L still satisfies the group equation; strict verification must refuse it.
    let w = world();
    let cose = w.issue(&license());
    let mut v: Value = ciborium::de::from_reader(cose.as_slice()).unwrap();
    let Value::Tag(_, inner) = &mut v else { panic!() };
    let Value::Array(a) = inner.as_mut() else { panic!() };
    let Value::Bytes(sig) = &mut a[3] else { panic!() };
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let mut carry = 0u16;
    for i in 0..32 {
        let s = u16::from(sig[32 + i]) + u16::from(L[i]) + carry;
        sig[32 + i] = s as u8;
        carry = s >> 8;
    }
    assert_eq!(carry, 0, "S + L fits in 256 bits");
    assert_invalid_by(&w.verify(&encode(&v)), CheckId::Signature);
}

#[test]
fn signer_trusted_fails_for_unknown_keys_and_missing_roles() {
    let w = world();
    let unknown = zz_issuer::issue(&license(), &key("stranger"));
    let r = w.verify(&unknown);
    assert_invalid_by(&r, CheckId::SignerTrusted);
    assert_check(&r, CheckId::Signature, Outcome::Skip);
    assert!(r.signer.is_none());
    for k in [&w.maker, &w.status_key] {
        let r = w.verify(&zz_issuer::issue(&license(), k));
        assert_invalid_by(&r, CheckId::SignerTrusted);
        assert_check(&r, CheckId::Signature, Outcome::Skip);
    }
    // A root key signs trust data, not licenses.
    let r = w.verify(&zz_issuer::issue(&license(), &w.root));
    assert_invalid_by(&r, CheckId::SignerTrusted);
}

#[test]
fn signer_authorized_needs_the_type_in_the_key_entry() {
    let w = world();
    let mut l = license();
    l.type_code = OTHER_TYPE.into();
    let r = w.verify(&w.issue(&l));
    assert_invalid_by(&r, CheckId::SignerAuthorized);
    assert_check(&r, CheckId::Signature, Outcome::Pass);
    // An issue key whose entry has no `types` may issue nothing.
    let mut s = setup();
    s.trust.keys[0].types = None;
    let w = s.build();
    assert_invalid_by(&w.verify(&w.issue(&license())), CheckId::SignerAuthorized);
}

#[test]
fn signer_validity_boundaries() {
    let mut s = setup();
    let (from, to) = (NOW - 1000 * DAY, NOW - 10 * DAY);
    s.trust.keys[0].valid_from = unix(from);
    s.trust.keys[0].valid_to = unix(to);
    let w = s.build();
    let at = |iat: u64| {
        let mut l = license();
        l.iat = unix(iat);
        w.verify(&w.issue(&l))
    };
    assert_check(&at(from), CheckId::SignerValidity, Outcome::Pass);
    assert_check(&at(to - 1), CheckId::SignerValidity, Outcome::Pass);
    assert_invalid_by(&at(from - 1), CheckId::SignerValidity);
    assert_invalid_by(&at(to), CheckId::SignerValidity);

    let mut s = setup();
    s.trust.keys[0].revoked_at = Some(unix(NOW - 50 * DAY));
    let w = s.build();
    let at = |iat: u64| {
        let mut l = license();
        l.iat = unix(iat);
        w.verify(&w.issue(&l))
    };
    assert_check(&at(NOW - 50 * DAY - 1), CheckId::SignerValidity, Outcome::Pass);
    assert_invalid_by(&at(NOW - 50 * DAY), CheckId::SignerValidity);
}

#[test]
fn licenses_signed_in_the_future_are_refused() {
    let w = world();
    let at = |iat: u64| {
        let mut l = license();
        l.iat = unix(iat);
        w.verify(&w.issue(&l))
    };
    assert_check(&at(NOW + 300), CheckId::SignerValidity, Outcome::Pass);
    assert_invalid_by(&at(NOW + 301), CheckId::SignerValidity);
}

// ---- license validity -----------------------------------------------------------

#[test]
fn license_validity_boundaries_in_china_standard_time() {
    let w = world();
    let cose = w.issue(&license());
    let start = day("2025-01-01").start(); // 2024-12-31T16:00Z
    assert_eq!(start, UnixTime::from_secs(1_735_660_800));
    let end = day("2030-12-31").end(); // 2030-12-31T16:00Z
    assert_eq!(end, UnixTime::from_secs(1_924_963_200));
    let (start, end) = (1_735_660_800, 1_924_963_200);
    // Use a key valid all along, and a license signed early.
    let mut l = license();
    l.iat = unix(start - 3600);
    let cose_early = w.issue(&l);
    let at = |now: u64| w.verify_at(&cose_early, unix(now), None);
    assert_invalid_by(&at(start - 1), CheckId::LicenseValidity);
    assert_check(&at(start), CheckId::LicenseValidity, Outcome::Pass);
    assert_check(&at(end - 30 * DAY - 1), CheckId::LicenseValidity, Outcome::Pass);
    assert_check(&at(end - 30 * DAY), CheckId::LicenseValidity, Outcome::Warn);
    assert_check(&at(end - 1), CheckId::LicenseValidity, Outcome::Warn);
    assert_invalid_by(&at(end), CheckId::LicenseValidity);
    // A warning does not change a valid verdict.
    let _ = cose;
}

#[test]
fn long_term_licenses_never_expire() {
    let w = world();
    let mut l = license();
    l.valid_to = None;
    let r = w.verify(&w.issue(&l));
    assert_valid(&r);
    assert_check(&r, CheckId::LicenseValidity, Outcome::Pass);
}

#[test]
fn expiring_soon_is_a_warning_not_a_failure() {
    let w = world();
    let mut l = license();
    l.valid_to = Some(day("2026-12-01"));
    let r = w.verify(&w.issue(&l));
    assert_check(&r, CheckId::LicenseValidity, Outcome::Warn);
    assert_eq!(r.verdict, Verdict::Valid);
}

// ---- status ----------------------------------------------------------------------------

fn with_status(w: &World, status: Option<StatusRef>) -> Report {
    let mut l = license();
    l.status = status;
    w.verify(&w.issue(&l))
}

#[test]
fn status_values() {
    let w = world();
    let at = |idx| with_status(&w, Some(StatusRef { list: LIST.into(), idx }));
    assert_check(&at(0), CheckId::Status, Outcome::Pass);
    for idx in [1, 2, 3] {
        assert_invalid_by(&at(idx), CheckId::Status);
    }
    // 16 entries: index 15 is the last, 16 is past the end.
    assert_check(&at(15), CheckId::Status, Outcome::Pass);
    assert_invalid_by(&at(16), CheckId::Status);
    assert_invalid_by(&at(u64::MAX), CheckId::Status);
}

#[test]
fn status_unknown_is_indeterminate() {
    let w = world();
    for s in [None, Some(StatusRef { list: "nope".into(), idx: 0 })] {
        let r = with_status(&w, s);
        assert_check(&r, CheckId::Status, Outcome::Warn);
        assert_eq!(r.verdict, Verdict::Indeterminate);
        assert!(r.verified);
    }
}

#[test]
fn status_staleness_boundary() {
    let w = world();
    // The list was signed at NOW - 3600 with ttl 2 days.
    let expires = NOW - 3600 + 2 * DAY;
    let mut l = license();
    l.iat = unix(NOW - 100 * DAY);
    let cose = w.issue(&l);
    assert_check(&w.verify_at(&cose, unix(expires), None), CheckId::Status, Outcome::Pass);
    let r = w.verify_at(&cose, unix(expires + 1), None);
    assert_check(&r, CheckId::Status, Outcome::Warn);
    assert_eq!(r.verdict, Verdict::Indeterminate);
    // A revoked entry fails, stale or not.
    l.status = Some(StatusRef { list: LIST.into(), idx: 1 });
    assert_invalid_by(&w.verify_at(&w.issue(&l), unix(expires + 1), None), CheckId::Status);
}

// ---- catalog, identifier, holder --------------------------------------------------------

#[test]
fn catalog_type_and_required_fields() {
    let mut s = setup();
    s.trust.keys[0].types = Some(vec![TYPE.into(), "11100000000013338W099".into()]);
    let w = s.build();
    let mut l = license();
    l.type_code = "11100000000013338W099".into();
    assert_invalid_by(&w.verify(&w.issue(&l)), CheckId::Catalog);
    let mut l = license();
    l.fields.retain(|(k, _)| k != "name");
    assert_invalid_by(&w.verify(&w.issue(&l)), CheckId::Catalog);
    let mut l = license();
    l.fields.retain(|(k, _)| k != "scope");
    assert_check(&w.verify(&w.issue(&l)), CheckId::Catalog, Outcome::Pass);
}

#[test]
fn identifier_is_a_warning_only() {
    let w = world();
    let good = license().id;
    let cases = [
        good.replace(".001.", ".002."), // check character now wrong
        good.replace("1.2.156.3005.2.", "1.2.156.3005.9."),
        "not an identifier".to_owned(),
        zz_core::ident::LicenseId::format(OTHER_TYPE, ISSUER_CODE, "2430599", 1).unwrap(),
    ];
    for id in cases {
        let mut l = license();
        l.id = id.clone();
        let r = w.verify(&w.issue(&l));
        assert_check(&r, CheckId::Identifier, Outcome::Warn);
        assert_eq!(r.verdict, Verdict::Valid, "{id}");
    }
}

#[test]
fn holder_id_check_characters() {
    let w = world();
    let at = |id_type: &str, id: &str| {
        let mut l = license();
        l.holder.id_type = id_type.into();
        l.holder.id = id.into();
        w.verify(&w.issue(&l))
    };
    assert_check(&at("111", "11010519491231002X"), CheckId::HolderId, Outcome::Pass);
    assert_check(&at("001", "91350100M000100Y43"), CheckId::HolderId, Outcome::Pass);
    assert_check(&at("999", "anything at all"), CheckId::HolderId, Outcome::Pass);
    for (t, id) in [
        ("111", "110105194912310021"),
        ("111", "1101051949"),
        ("001", "91350100M000100Y44"),
        ("001", "91350100M000100I43"),
    ] {
        let r = at(t, id);
        assert_check(&r, CheckId::HolderId, Outcome::Warn);
        assert_eq!(r.verdict, Verdict::Valid);
    }
}

// ---- annotated copies ---------------------------------------------------------------------

#[test]
fn annotated_copy_passes() {
    let w = world();
    let r = w.verify_at(&w.annotate(&license(), &annotation()), unix(NOW), Some(MATTER_ANNOTATED));
    assert_valid(&r);
    assert_eq!(r.kind, Some(zz_core::Kind::Annotated));
    for id in [
        CheckId::AnnotationSignature,
        CheckId::AnnotationSigner,
        CheckId::AnnotationValidity,
        CheckId::AnnotationScope,
        CheckId::Matter,
        CheckId::Signature,
    ] {
        assert_check(&r, id, Outcome::Pass);
    }
    assert_eq!(r.annotation.as_ref().unwrap().purpose, "仅用于办理某事项");
    assert_eq!(r.annotation_signer.as_ref().unwrap().name, "大数据中心");
}

#[test]
fn annotation_signature_and_signer() {
    let w = world();
    let mut tampered = w.annotate(&license(), &annotation());
    let pos = tampered.windows(6).position(|x| x == "某事".as_bytes()).unwrap();
    tampered[pos..pos + 6].copy_from_slice("任何".as_bytes());
    let r = w.verify(&tampered);
    assert_invalid_by(&r, CheckId::AnnotationSignature);
    assert_check(&r, CheckId::Signature, Outcome::Pass);

    let lic = w.issue(&license());
    for k in [key("stranger"), w.issuer.clone(), w.status_key.clone()] {
        let r = w.verify(&zz_issuer::annotate(&lic, &annotation(), &k));
        assert_invalid_by(&r, CheckId::AnnotationSigner);
        assert_check(&r, CheckId::AnnotationSignature, Outcome::Skip);
    }
    // Signed in the future, and signed after the maker key was revoked.
    let mut a = annotation();
    a.iat = unix(NOW + 301);
    assert_invalid_by(&w.verify(&w.annotate(&license(), &a)), CheckId::AnnotationSigner);
    let mut s = setup();
    s.trust.keys[1].revoked_at = Some(unix(NOW - 2 * DAY));
    let w2 = s.build();
    assert_invalid_by(&w2.verify(&w2.annotate(&license(), &annotation())), CheckId::AnnotationSigner);
    // The embedded license must verify too.
    let mut forged = w.issue(&license());
    let pos = forged.windows(6).position(|x| x == "软件".as_bytes()).unwrap();
    forged[pos..pos + 6].copy_from_slice("硬件".as_bytes());
    let r = w.verify(&zz_issuer::annotate(&forged, &annotation(), &w.maker));
    assert_invalid_by(&r, CheckId::Signature);
    assert_check(&r, CheckId::AnnotationSignature, Outcome::Pass);
}

#[test]
fn annotation_validity_window_is_half_open() {
    let w = world();
    let cose = w.annotate(&license(), &annotation());
    let a = annotation();
    let (from, to) = (a.valid_from, a.valid_to);
    assert_invalid_by(&w.verify_at(&cose, from.saturating_sub_secs(1), None), CheckId::AnnotationValidity);
    assert_check(&w.verify_at(&cose, from, None), CheckId::AnnotationValidity, Outcome::Pass);
    assert_check(&w.verify_at(&cose, to.saturating_sub_secs(1), None), CheckId::AnnotationValidity, Outcome::Pass);
    assert_invalid_by(&w.verify_at(&cose, a.valid_to, None), CheckId::AnnotationValidity);
}

#[test]
fn annotation_scope_window_and_matter() {
    let w = world();
    let l = license();
    let (start, end) = (l.start(), l.end().unwrap());
    let window = |from: UnixTime, to: UnixTime| {
        let mut a = annotation();
        a.valid_from = from;
        a.valid_to = to;
        w.annotate(&l, &a)
    };
    let now_in = |from: UnixTime| from.saturating_add_secs(1);
    let c = window(start, end);
    assert_check(&w.verify_at(&c, now_in(start), None), CheckId::AnnotationScope, Outcome::Pass);
    let c = window(start.saturating_sub_secs(1), end);
    assert_invalid_by(&w.verify_at(&c, now_in(start), None), CheckId::AnnotationScope);
    let c = window(start, end.saturating_add_secs(1));
    assert_invalid_by(&w.verify_at(&c, now_in(start), None), CheckId::AnnotationScope);
    // A long-term license bounds only the start.
    let mut lt = license();
    lt.valid_to = None;
    let mut a = annotation();
    a.valid_to = unix(u64::MAX / 2);
    assert_check(&w.verify(&w.annotate(&lt, &a)), CheckId::AnnotationScope, Outcome::Pass);

    // Matter: named and equal passes; named and different fails.
    let cose = w.annotate(&license(), &annotation());
    assert_check(&w.verify_at(&cose, unix(NOW), Some(MATTER_ANNOTATED)), CheckId::AnnotationScope, Outcome::Pass);
    let r = w.verify_at(&cose, unix(NOW), Some(MATTER));
    assert_invalid_by(&r, CheckId::AnnotationScope);
    assert_check(&r, CheckId::Matter, Outcome::Pass);
    // An annotation naming no matter is not for "a different one".
    let mut a = annotation();
    a.matter = None;
    assert_check(
        &w.verify_at(&w.annotate(&license(), &a), unix(NOW), Some(MATTER)),
        CheckId::AnnotationScope,
        Outcome::Pass,
    );
}

#[test]
fn annotated_copy_must_wrap_a_license() {
    let w = world();
    let inner = w.annotate(&license(), &annotation());
    let r = w.verify(&zz_issuer::annotate(&inner, &annotation(), &w.maker));
    assert_invalid_by(&r, CheckId::Structure);
    let r = w.verify(&zz_issuer::annotate(b"\xd2\x84garbage", &annotation(), &w.maker));
    assert_invalid_by(&r, CheckId::Structure);
}

// ---- using organisation and applicant ------------------------------------------------------------

/// The annotation's recipient (see `annotation()`).
const RECIPIENT: &str = "11310000002417009R";
/// The license holder's USCC (see `license()`).
const HOLDER: &str = "91350100M000100Y43";

fn org(code: &str) -> Usage<'_> {
    Usage { org: Some(code), ..Usage::default() }
}

fn applicant(id: &str) -> Usage<'_> {
    Usage { applicant: Some(id), ..Usage::default() }
}

fn agent(name: &str, id: &str) -> Holder {
    Holder { name: name.into(), id_type: "111".into(), id: id.into() }
}

#[test]
fn annotation_recipient_rules() {
    let w = world();
    let copy = w.annotate(&license(), &annotation());
    // The organisation the copy names passes; another one fails.
    let r = w.verify_for(&copy, org(RECIPIENT));
    assert_valid(&r);
    assert_check(&r, CheckId::AnnotationRecipient, Outcome::Pass);
    let r = w.verify_for(&copy, org("91310000MA1FL0000X"));
    assert_invalid_by(&r, CheckId::AnnotationRecipient);
    assert!(r.check(CheckId::AnnotationRecipient).unwrap().zh.contains("某局"));
    // No organisation given: a warning that does not limit the verdict.
    let r = w.verify(&copy);
    assert_check(&r, CheckId::AnnotationRecipient, Outcome::Warn);
    assert_valid(&r);
    // A copy naming no recipient serves any organisation.
    let mut a = annotation();
    a.recipient = None;
    let open = w.annotate(&license(), &a);
    assert_check(&w.verify_for(&open, org("91310000MA1FL0000X")), CheckId::AnnotationRecipient, Outcome::Pass);
    assert_check(&w.verify(&open), CheckId::AnnotationRecipient, Outcome::Pass);
    // An original has no recipient: not applicable, with or without an organisation.
    let original = w.issue(&license());
    for usage in [org("91310000MA1FL0000X"), Usage::default()] {
        let r = w.verify_for(&original, usage);
        assert_check(&r, CheckId::AnnotationRecipient, Outcome::Skip);
        assert_valid(&r);
    }
    // Nothing read, nothing compared.
    assert_check(&w.verify_for(b"ZZ1:garbage", org(RECIPIENT)), CheckId::AnnotationRecipient, Outcome::Skip);
}

#[test]
fn applicant_rules() {
    let w = world();
    let original = w.issue(&license());
    // Not given: skipped, and the verdict is unchanged.
    let r = w.verify(&original);
    assert_check(&r, CheckId::Applicant, Outcome::Skip);
    assert_valid(&r);
    // A legal person's license, its USCC as the applicant; case and
    // surrounding spaces are ignored.
    for id in [HOLDER, "91350100m000100y43", "  91350100M000100Y43 ", " 91350100m000100Y43"] {
        let r = w.verify_for(&original, applicant(id));
        assert_check(&r, CheckId::Applicant, Outcome::Pass);
        assert_valid(&r);
    }
    // Anyone else, or the same code with inner spaces or a character
    // changed, fails.
    for id in ["91350100M000100Y44", "9135 0100M000100Y43", "", " ", "310104199007020176", "91350100M000100Y4"] {
        assert_invalid_by(&w.verify_for(&original, applicant(id)), CheckId::Applicant);
    }
    // A person's license: the resident ID with a lowercase x.
    let mut l = license();
    l.holder = Holder { name: "王丽华".into(), id_type: "111".into(), id: "11010519491231002X".into() };
    let person = w.issue(&l);
    assert_check(&w.verify_for(&person, applicant("11010519491231002x")), CheckId::Applicant, Outcome::Pass);
    assert_invalid_by(&w.verify_for(&person, applicant(HOLDER)), CheckId::Applicant);
}

#[test]
fn applicant_may_be_the_agent_an_annotated_copy_names() {
    let w = world();
    let mut a = annotation();
    a.agent = Some(agent("孙志强", "31010419850923055X"));
    let copy = w.annotate(&license(), &a);
    // The agent, the holder, both pass; a stranger fails.
    for id in ["31010419850923055X", "31010419850923055x ", HOLDER] {
        let r = w.verify_for(&copy, applicant(id));
        assert_check(&r, CheckId::Applicant, Outcome::Pass);
        assert_valid(&r);
    }
    let r = w.verify_for(&copy, applicant("310104199007020176"));
    assert_invalid_by(&r, CheckId::Applicant);
    assert!(r.check(CheckId::Applicant).unwrap().zh.contains("受托人"));
    // The agent is read back into the report.
    assert_eq!(r.annotation.as_ref().and_then(|a| a.agent.as_ref()).map(|g| g.name.as_str()), Some("孙志强"));
    // An agent on a copy without one does not exist: the ID is a stranger's.
    let plain = w.annotate(&license(), &annotation());
    assert_invalid_by(&w.verify_for(&plain, applicant("31010419850923055X")), CheckId::Applicant);
    // The copy's agent counts only under a good signature of the copy:
    // otherwise the copy is invalid anyway.
    let mut forged = copy.clone();
    let at = forged.windows(6).position(|b| b == b"\xe5\xad\x99\xe5\xbf\x97").unwrap();
    forged[at + 2] ^= 1;
    let r = w.verify_for(&forged, applicant("31010419850923055X"));
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_check(&r, CheckId::AnnotationSignature, Outcome::Fail);
}

#[test]
fn all_optional_inputs_together() {
    let w = world();
    let mut a = annotation();
    a.agent = Some(agent("孙志强", "31010419850923055X"));
    let copy = w.annotate(&license(), &a);
    let all = Usage {
        matter: Some(MATTER_ANNOTATED),
        org: Some(RECIPIENT),
        applicant: Some("31010419850923055X"),
        nonce: None,
    };
    let r = w.verify_for(&copy, all);
    assert_valid(&r);
    for id in [CheckId::AnnotationScope, CheckId::AnnotationRecipient, CheckId::Applicant, CheckId::Matter] {
        assert_check(&r, id, Outcome::Pass);
    }
    // Each one wrong on its own makes the copy invalid by its own check.
    for (usage, id) in [
        (Usage { matter: Some(MATTER), ..all }, CheckId::AnnotationScope),
        (Usage { org: Some(HOLDER), ..all }, CheckId::AnnotationRecipient),
        (Usage { applicant: Some(RECIPIENT), ..all }, CheckId::Applicant),
    ] {
        let r = w.verify_for(&copy, usage);
        assert_invalid_by(&r, id);
        assert_eq!(r.failures().count(), 1, "{:?}", summary(&r));
    }
}

#[test]
fn agent_is_structure_checked_like_the_holder() {
    let w = world();
    let license_cose = w.issue(&license());
    let with_agent = |agent: Value| {
        let mut v = annotation().to_value(&license_cose);
        if let Value::Map(m) = &mut v {
            m.push((text("agent"), agent));
        }
        w.maker.sign_payload(zz_core::Typ::Annotated, &v)
    };
    let good = Value::Map(vec![
        (text("name"), text("孙志强")),
        (text("idType"), text("111")),
        (text("id"), text("31010419850923055X")),
    ]);
    let r = w.verify_for(&with_agent(good), applicant("31010419850923055X"));
    assert_valid(&r);
    let cases: Vec<(&str, Value)> = vec![
        ("not a map", text("孙志强")),
        ("id missing", Value::Map(vec![(text("name"), text("孙志强")), (text("idType"), text("111"))])),
        (
            "id an integer",
            Value::Map(vec![(text("name"), text("孙志强")), (text("idType"), text("111")), (text("id"), int(5))]),
        ),
        (
            "a value not text",
            Value::Map(vec![
                (text("name"), text("孙志强")),
                (text("idType"), text("111")),
                (text("id"), text("31010419850923055X")),
                (text("extra"), Value::Bool(true)),
            ]),
        ),
    ];
    for (what, agent) in cases {
        let r = w.verify_for(&with_agent(agent), applicant("31010419850923055X"));
        assert_eq!(r.check(CheckId::Structure).unwrap().outcome, Outcome::Fail, "{what}: {:?}", summary(&r));
        assert_eq!(r.verdict, Verdict::Invalid, "{what}");
    }
}

// ---- matter -----------------------------------------------------------------------------------

#[test]
fn matter_rules() {
    let w = world();
    let original = w.issue(&license());
    let annotated = w.annotate(&license(), &annotation());
    assert_check(&w.verify(&original), CheckId::Matter, Outcome::Skip);
    assert_valid(&w.verify_at(&original, unix(NOW), Some(MATTER)));
    assert_invalid_by(&w.verify_at(&original, unix(NOW), Some("M-404")), CheckId::Matter);
    assert_invalid_by(&w.verify_at(&original, unix(NOW), Some(MATTER_OTHER_TYPE)), CheckId::Matter);
    assert_invalid_by(&w.verify_at(&original, unix(NOW), Some(MATTER_ANNOTATED)), CheckId::Matter);
    assert_valid(&w.verify_at(&annotated, unix(NOW), Some(MATTER_ANNOTATED)));
    // An annotated copy without a matter also serves a matter that accepts originals.
    let mut a = annotation();
    a.matter = None;
    assert_valid(&w.verify_at(&w.annotate(&license(), &a), unix(NOW), Some(MATTER)));
}

// ---- bundle freshness ---------------------------------------------------------------------------

#[test]
fn bundle_warnings_keep_the_verdict() {
    let w = world();
    let mut l = license();
    l.iat = unix(NOW - 400 * DAY);
    let cose = w.issue(&l);
    let r = w.verify_at(&cose, unix(NOW), None);
    assert_check(&r, CheckId::Bundle, Outcome::Pass);
    // Past nextUpdate (NOW + 30 days); the status list is stale by then too.
    let r = w.verify_at(&cose, unix(NOW + 31 * DAY), None);
    assert_check(&r, CheckId::Bundle, Outcome::Warn);
    // Clock behind the bundle's iat (NOW - 1 day).
    let r = w.verify_at(&cose, unix(NOW - 2 * DAY), None);
    assert_check(&r, CheckId::Bundle, Outcome::Warn);
    assert_eq!(r.verdict, Verdict::Valid, "{:?}", summary(&r));
}

#[test]
fn invalid_data_is_never_marked_verified_and_verdicts_follow_section_10() {
    let w = world();
    let mut l = license();
    l.status = None;
    l.valid_to = Some(day("2025-06-30")); // expired and status unknown: invalid wins
    let r = w.verify(&w.issue(&l));
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(!r.verified);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["verdict"], "invalid");
    assert_eq!(json["verified"], false);
    assert_eq!(json["checks"][0]["id"], "decode");
    assert!(json["checks"][0]["zh"].is_string() && json["checks"][0]["en"].is_string());
    let _ = Role::Issue;
}
