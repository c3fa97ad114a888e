//! Inputs made by an attacker: signatures with a small-order R, keys of
//! small or mixed order and non-canonical encodings, status lists rolled
//! back within one trust seq, and the gaps a mutation run found.

mod common;

use common::*;
use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT, EIGHT_TORSION};
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use sha2::{Digest, Sha512};
use zz_core::bundle::{Item, UsableKey};
use zz_core::model::{Role, StatusValue};
use zz_core::{Bundle, CheckId, HighWater, Outcome, Roots, Typ, Verdict};
use zz_issuer::{Key, StatusListBuilder};

/// The secret scalar `a` of an Ed25519 key (RFC 8032 section 5.1.5).
fn secret_scalar(key: &Key) -> Scalar {
    let h = Sha512::digest(key.secret());
    let mut a = [0u8; 32];
    a.copy_from_slice(&h[..32]);
    a[0] &= 248;
    a[31] &= 127;
    a[31] |= 64;
    Scalar::from_bytes_mod_order(a)
}

/// A signature (R, S) with R = `r` and S = k·a: then S·B − k·A = 0, so
/// a cofactorless check accepts it exactly when R is the identity, and a
/// cofactored one whenever R is of small order. Strict checks refuse all.
fn small_order_r_signature(key: &Key, r: &EdwardsPoint, message: &[u8]) -> [u8; 64] {
    let r = r.compress();
    let k =
        Scalar::from_hash(Sha512::new().chain_update(r.as_bytes()).chain_update(key.public()).chain_update(message));
    let s = k * secret_scalar(key);
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(r.as_bytes());
    sig[32..].copy_from_slice(s.as_bytes());
    sig
}

fn sign_small_r(key: &Key, typ: Typ, payload: &ciborium::value::Value, r: &EdwardsPoint) -> Vec<u8> {
    zz_core::envelope::sign(typ, encode(payload), key.kid(), |tbs| small_order_r_signature(key, r, tbs))
}

#[test]
fn the_forgery_is_accepted_by_a_cofactorless_check_with_r_the_identity() {
    // The premise of the tests below: with R the identity, dalek's
    // non-strict `verify` accepts, so a verifier using it would say valid.
    let key = key("issuer");
    let vk = ed25519_dalek::VerifyingKey::from_bytes(&key.public()).unwrap();
    let identity = EIGHT_TORSION[0];
    assert_eq!(identity.compress().as_bytes()[0], 1);
    let sig = ed25519_dalek::Signature::from_bytes(&small_order_r_signature(&key, &identity, b"m"));
    assert!(ed25519_dalek::Verifier::verify(&vk, b"m", &sig).is_ok());
    assert!(vk.verify_strict(b"m", &sig).is_err());
}

#[test]
fn licenses_signed_with_a_small_order_r_are_invalid() {
    let w = world();
    for (i, r) in EIGHT_TORSION.iter().enumerate() {
        let cose = sign_small_r(&w.issuer, Typ::License, &license().to_value(), r);
        let report = w.verify(&cose);
        assert_eq!(report.verdict, Verdict::Invalid, "torsion point {i}");
        assert_eq!(report.outcome(CheckId::Signature), Outcome::Fail, "torsion point {i}");
        // The same license signed properly is valid: only R differs.
        assert_eq!(w.verify(&w.issue(&license())).verdict, Verdict::Valid);
    }
}

#[test]
fn annotated_copies_with_a_small_order_r_are_invalid() {
    let w = world();
    for (i, r) in EIGHT_TORSION.iter().enumerate() {
        // The copy's own signature.
        let outer = sign_small_r(&w.maker, Typ::Annotated, &annotation().to_value(&w.issue(&license())), r);
        let report = w.verify_at(&outer, unix(NOW), Some(MATTER_ANNOTATED));
        assert_eq!(report.verdict, Verdict::Invalid, "torsion point {i}");
        assert_eq!(report.outcome(CheckId::AnnotationSignature), Outcome::Fail, "torsion point {i}");
        // The embedded license's.
        let inner = sign_small_r(&w.issuer, Typ::License, &license().to_value(), r);
        let copy = zz_issuer::annotate(&inner, &annotation(), &w.maker);
        let report = w.verify_at(&copy, unix(NOW), Some(MATTER_ANNOTATED));
        assert_eq!(report.verdict, Verdict::Invalid, "torsion point {i}");
        assert_eq!(report.outcome(CheckId::Signature), Outcome::Fail, "torsion point {i}");
    }
    let good = w.annotate(&license(), &annotation());
    assert_eq!(w.verify_at(&good, unix(NOW), Some(MATTER_ANNOTATED)).verdict, Verdict::Valid);
}

#[test]
fn bundle_items_signed_with_a_small_order_r_are_refused() {
    let w = world();
    let s = setup();
    let root = key("root");
    let trust = zz_issuer::sign_trust_list(&s.trust, &root);
    let catalog = zz_issuer::sign_catalog(&s.catalog, &root);
    let list = zz_issuer::sign_status_list(&s.list.payload(unix(NOW), DAY), &w.status_key);
    let pack = |items: [&[u8]; 3]| zz_issuer::bundle(items);
    assert!(Bundle::load(&pack([&trust, &catalog, &list]), &w.roots, None).is_ok());
    for r in &EIGHT_TORSION {
        let bad = sign_small_r(&root, Typ::Trust, &s.trust.to_value(), r);
        let e = Bundle::load(&pack([&bad, &catalog, &list]), &w.roots, None).unwrap_err();
        assert_eq!((e.item, e.reason.as_str()), (Item::TrustList, "signature does not verify"));
        let bad = sign_small_r(&root, Typ::Catalog, &s.catalog.to_value(), r);
        let e = Bundle::load(&pack([&trust, &bad, &list]), &w.roots, None).unwrap_err();
        assert_eq!((e.item, e.reason.as_str()), (Item::Catalog, "signature does not verify"));
        let bad = sign_small_r(&w.status_key, Typ::Status, &s.list.payload(unix(NOW), DAY).to_value(), r);
        let e = Bundle::load(&pack([&trust, &catalog, &bad]), &w.roots, None).unwrap_err();
        assert_eq!((e.item, e.reason.as_str()), (Item::StatusList, "signature does not verify"));
    }
}

/// Non-canonical encodings that dalek still decodes: y = p + d (y >= p)
/// for d = 0..18, with either sign bit, and x = 0 with the sign bit set.
fn non_canonical_twins() -> Vec<[u8; 32]> {
    let mut twins = Vec::new();
    // p = 2^255 - 19, little-endian: ed ff … ff 7f.
    for low in 0xedu8..=0xff {
        let mut e = [0xffu8; 32];
        e[0] = low;
        e[31] = 0x7f;
        twins.push(e);
        e[31] |= 0x80;
        twins.push(e);
    }
    // x = 0 ("negative zero"): y = 1 and y = p - 1.
    let mut one = [0u8; 32];
    one[0] = 1;
    one[31] = 0x80;
    twins.push(one);
    let mut minus_one = [0xffu8; 32];
    minus_one[0] = 0xec;
    twins.push(minus_one);
    twins.retain(|b| CompressedEdwardsY(*b).decompress().is_some());
    twins
}

#[test]
fn non_canonical_and_small_order_keys_are_never_usable() {
    let twins = non_canonical_twins();
    // Some of them are points of large order: only the encoding rule
    // refuses those.
    assert!(twins.iter().any(|pk| !ed25519_dalek::VerifyingKey::from_bytes(pk).unwrap().is_weak()));
    for pk in &twins {
        // dalek itself decodes these…
        assert!(ed25519_dalek::VerifyingKey::from_bytes(pk).is_ok());
        // …the core does not, nor does a roots file holding one.
        assert!(UsableKey::parse(pk).is_none(), "{pk:02x?}");
        assert!(Roots::from_public_keys(&[*pk]).is_err());
        let line: String = pk.iter().map(|b| format!("{b:02x}")).collect();
        assert!(matches!(Roots::parse(&line), Err(zz_core::RootsError::BadKey { line: 1 })));
    }
    for p in &EIGHT_TORSION {
        assert!(UsableKey::parse(&p.compress().to_bytes()).is_none());
    }
    // A canonical key with a small-order component is a point of full
    // order: it is usable, and strict verification still binds it.
    let mixed = (ED25519_BASEPOINT_POINT * Scalar::from(7u8) + EIGHT_TORSION[1]).compress().to_bytes();
    assert!(UsableKey::parse(&mixed).is_some());
    assert!(UsableKey::parse(&key("root").public()).is_some());
}

/// A key of mixed order, A' = a·B + T with T of order 8, signing as RFC
/// 8032 says with k = H(R || A' || M): S·B − k·A' = R − k·T, so the
/// cofactorless equation (`verify_strict`) holds exactly when k·T = 0,
/// while a cofactored one (dalek's batch verification) always holds.
/// Licenses under such a trust-list key follow the cofactorless rule.
#[test]
fn mixed_order_keys_follow_the_cofactorless_equation() {
    let key = key("issuer");
    let a = secret_scalar(&key);
    let t = EIGHT_TORSION[1];
    let mixed = (ED25519_BASEPOINT_POINT * a + t).compress().to_bytes();
    assert!(UsableKey::parse(&mixed).is_some(), "a mixed-order key is a point of full order");
    let mut s = setup();
    s.trust.keys[0].pk = mixed;
    s.trust.keys[0].kid = zz_core::kid_of(&mixed);
    let w = s.build();
    let (mut valid, mut invalid) = (0, 0);
    for serial in 0..48u32 {
        let mut l = license();
        l.id = zz_core::ident::LicenseId::format(TYPE, ISSUER_CODE, &format!("{}", 2_430_000 + serial), 1).unwrap();
        let mut k_t_is_zero = false;
        let cose = zz_core::envelope::sign(Typ::License, encode(&l.to_value()), zz_core::kid_of(&mixed), |tbs| {
            let r = Scalar::from_hash(Sha512::new().chain_update(b"nonce").chain_update(tbs));
            let big_r = (ED25519_BASEPOINT_POINT * r).compress();
            let k =
                Scalar::from_hash(Sha512::new().chain_update(big_r.as_bytes()).chain_update(mixed).chain_update(tbs));
            k_t_is_zero = (t * k).compress() == EIGHT_TORSION[0].compress();
            let s = r + k * a;
            let mut sig = [0u8; 64];
            sig[..32].copy_from_slice(big_r.as_bytes());
            sig[32..].copy_from_slice(s.as_bytes());
            sig
        });
        let report = w.verify(&cose);
        if k_t_is_zero {
            assert_eq!(report.verdict, Verdict::Valid, "serial {serial}");
            valid += 1;
        } else {
            assert_eq!(report.outcome(CheckId::Signature), Outcome::Fail, "serial {serial}");
            invalid += 1;
        }
    }
    // k·T = 0 one time in eight: both cases occur.
    assert!(valid > 0 && invalid > 0, "{valid} / {invalid}");
}

#[test]
fn a_status_list_older_than_the_one_held_is_a_rollback() {
    let s = setup();
    let root = key("root");
    let trust = zz_issuer::sign_trust_list(&s.trust, &root);
    let catalog = zz_issuer::sign_catalog(&s.catalog, &root);
    let roots = Roots::from_public_keys(&[root.public()]).unwrap();
    let with = |list: &StatusListBuilder, iat: u64| {
        let l = zz_issuer::sign_status_list(&list.payload(unix(iat), 30 * DAY), &key("status"));
        Bundle::load(&zz_issuer::bundle([&trust, &catalog, &l].map(Vec::as_slice)), &roots, None).unwrap()
    };
    let before = with(&s.list, NOW - 2 * DAY);
    let mut revoked = s.list.clone();
    revoked.set(0, StatusValue::Revoked).unwrap();
    let after = with(&revoked, NOW - DAY);
    // Same trust seq: the seq rule alone lets the old list back in.
    assert_eq!(before.trust.seq, after.trust.seq);
    let held = HighWater::of(&after);
    let e = held.check(&before).unwrap_err();
    assert_eq!(e.item, Item::StatusList);
    assert!(e.reason.contains("rollback"), "{}", e.reason);
    assert!(held.check(&after).is_ok());
    assert!(held.check(&with(&revoked, NOW)).is_ok());
    // Marks only rise.
    let mut marks = HighWater::of(&before);
    marks.raise(&after);
    marks.raise(&before);
    assert_eq!(marks, HighWater::of(&after));
    // And the marks record the root that signed.
    assert_eq!(after.root, root.kid());
}

#[test]
fn a_lower_trust_or_catalog_seq_is_a_rollback() {
    let held = HighWater::of(&world().bundle);
    let mut s = setup();
    s.trust.seq -= 1;
    assert_eq!(held.check(&s.build().bundle).unwrap_err().item, Item::TrustList);
    let mut s = setup();
    s.catalog.seq -= 1;
    assert_eq!(held.check(&s.build().bundle).unwrap_err().item, Item::Catalog);
    let mut s = setup();
    s.catalog.seq += 1;
    assert!(held.check(&s.build().bundle).is_ok());
}

#[test]
fn a_status_list_signed_by_a_key_without_the_status_role_is_refused() {
    let w = world();
    let s = setup();
    let (trust, catalog) = s.signed();
    for (signer, role) in [(&w.maker, Role::Annotate), (&w.issuer, Role::Issue)] {
        assert!(!s.trust.keys.iter().any(|k| k.kid == signer.kid() && k.roles.contains(&Role::Status)));
        let list = zz_issuer::sign_status_list(&s.list.payload(unix(NOW), DAY), signer);
        let e =
            Bundle::load(&zz_issuer::bundle([&trust, &catalog, &list].map(Vec::as_slice)), &w.roots, None).unwrap_err();
        assert_eq!(e.item, Item::StatusList, "{role:?}");
        assert!(e.reason.contains("neither a root nor a status key"), "{role:?}: {}", e.reason);
    }
}

#[test]
fn duplicate_catalog_codes_are_refused() {
    let mut s = setup();
    let dup = s.catalog.types[0].clone();
    s.catalog.types.push(dup);
    let root = key("root");
    let trust = zz_issuer::sign_trust_list(&s.trust, &root);
    let catalog = zz_issuer::sign_catalog(&s.catalog, &root);
    let e = Bundle::load(&zz_issuer::bundle([&trust, &catalog].map(Vec::as_slice)), &world().roots, None).unwrap_err();
    assert_eq!(e.item, Item::Catalog);
    assert!(e.reason.contains("type code") && e.reason.contains("twice"), "{}", e.reason);
    let mut s = setup();
    let dup = s.catalog.matters[1].clone();
    s.catalog.matters.push(dup);
    let catalog = zz_issuer::sign_catalog(&s.catalog, &root);
    let e = Bundle::load(&zz_issuer::bundle([&trust, &catalog].map(Vec::as_slice)), &world().roots, None).unwrap_err();
    assert!(e.reason.contains("matter code") && e.reason.contains("twice"), "{}", e.reason);
}

#[test]
fn the_embedded_license_must_have_the_license_typ() {
    let w = world();
    // A license payload signed by the issuer under the catalog typ, then
    // annotated: everything else is sound.
    let wrong = w.issuer.sign_payload(Typ::Catalog, &license().to_value());
    let copy = zz_issuer::annotate(&wrong, &annotation(), &w.maker);
    let report = w.verify_at(&copy, unix(NOW), Some(MATTER_ANNOTATED));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.outcome(CheckId::Structure), Outcome::Fail);
    let right = w.issuer.sign_payload(Typ::License, &license().to_value());
    let copy = zz_issuer::annotate(&right, &annotation(), &w.maker);
    assert_eq!(w.verify_at(&copy, unix(NOW), Some(MATTER_ANNOTATED)).verdict, Verdict::Valid);
}

#[test]
fn roots_lines_are_exactly_64_hex_digits() {
    let pk = key("root").public();
    let lower: String = pk.iter().map(|b| format!("{b:02x}")).collect();
    assert!(Roots::parse(&lower).is_ok());
    assert!(Roots::parse(&lower.to_uppercase()).is_ok());
    // `u8::from_str_radix` alone takes "+f" as 15: a line of signs is no key.
    let signed: String = lower.as_bytes().chunks(2).map(|p| format!("+{}", char::from(p[1]))).collect();
    assert_eq!(signed.len(), 64);
    assert!(matches!(Roots::parse(&signed), Err(zz_core::RootsError::BadLine { line: 1 })));
    assert!(matches!(Roots::parse(&lower[..63]), Err(zz_core::RootsError::BadLine { line: 1 })));
    assert!(matches!(Roots::parse(&format!("{lower}0")), Err(zz_core::RootsError::BadLine { line: 1 })));
}
