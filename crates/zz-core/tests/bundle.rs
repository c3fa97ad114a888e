//! Bundles (SPEC section 9) and roots files (section 11): refused whole on
//! any failing item, rollback refused.

mod common;

use ciborium::value::Value;
use common::*;
use zz_core::bundle::Item;
use zz_core::model::{Role, StatusListPayload};
use zz_core::{Bundle, Roots, RootsError, Why};

/// A bundle of a setup's trust list and catalog, signed by `root`.
fn pack(s: &Setup, root: &zz_issuer::Key) -> Vec<u8> {
    zz_issuer::bundle(
        [zz_issuer::sign_trust_list(&s.trust, root), zz_issuer::sign_catalog(&s.catalog, root)]
            .iter()
            .map(Vec::as_slice),
    )
}

fn refused(bytes: &[u8], roots: &Roots) -> zz_core::BundleError {
    Bundle::load(bytes, roots, None).expect_err("bundle must be refused")
}

#[test]
fn a_good_bundle_loads_with_its_catalog_and_lists() {
    let w = world();
    let b = &w.bundle;
    assert_eq!(b.trust.seq, 5);
    assert_eq!(b.catalog.seq, 3);
    assert_eq!(b.iat(), unix(NOW - DAY));
    assert!(b.license_type(TYPE).is_some());
    assert!(b.license_type("nope").is_none());
    assert_eq!(b.matter(MATTER).unwrap().needs.len(), 1);
    assert_eq!(b.matters_accepting(TYPE).count(), 2);
    let list = b.status_list(LIST).unwrap();
    assert_eq!(list.len(), 16);
    assert!(b.key(&w.issuer.kid()).is_some());
}

#[test]
fn rollback_is_refused() {
    let w = world();
    assert!(Bundle::load(&w.bundle_bytes, &w.roots, Some(5)).is_ok());
    assert!(Bundle::load(&w.bundle_bytes, &w.roots, Some(4)).is_ok());
    let e = Bundle::load(&w.bundle_bytes, &w.roots, Some(6)).unwrap_err();
    assert_eq!((e.item, e.why), (Item::TrustList, Why::Rollback));
    assert!(e.reason.contains("rollback"), "{e}");
}

#[test]
fn items_must_be_signed_by_the_right_keys() {
    let w = world();
    let other_roots = Roots::from_public_keys(&[key("other root").public()]).unwrap();
    let e = refused(&w.bundle_bytes, &other_roots);
    assert_eq!((e.item, e.why), (Item::TrustList, Why::UnknownSigner));
    // Said in Chinese for the portal.
    assert_eq!(e.zh(), "信任列表不是由已固定的根密钥（或状态密钥）签名的，来源不可信");

    let s = setup();
    let root = key("root");
    let trust = zz_issuer::sign_trust_list(&s.trust, &root);
    let catalog = zz_issuer::sign_catalog(&s.catalog, &root);
    let status = |k: &zz_issuer::Key| zz_issuer::sign_status_list(&s.list.payload(unix(NOW), DAY), k);
    let pack = |items: &[&[u8]]| zz_issuer::bundle(items.iter().copied());

    // Status lists: by a root or a status key; never by an issue key.
    assert!(Bundle::load(&pack(&[&trust, &catalog, &status(&root)]), &w.roots, None).is_ok());
    assert!(Bundle::load(&pack(&[&trust, &catalog, &status(&w.status_key)]), &w.roots, None).is_ok());
    assert_eq!(refused(&pack(&[&trust, &catalog, &status(&w.issuer)]), &w.roots).item, Item::StatusList);
    // A catalog signed by a trust-list key is refused.
    let bad_catalog = zz_issuer::sign_catalog(&s.catalog, &w.issuer);
    assert_eq!(refused(&pack(&[&trust, &bad_catalog]), &w.roots).item, Item::Catalog);
    // A tampered trust list.
    let mut t2 = trust.clone();
    let n = t2.len();
    t2[n - 1] ^= 1;
    let e = refused(&pack(&[&t2, &catalog]), &w.roots);
    assert_eq!((e.item, e.why), (Item::TrustList, Why::BadSignature));
    assert!(e.zh().contains("签名验证未通过"));
}

#[test]
fn bundle_composition_rules() {
    let w = world();
    let s = setup();
    let root = key("root");
    let trust = zz_issuer::sign_trust_list(&s.trust, &root);
    let catalog = zz_issuer::sign_catalog(&s.catalog, &root);
    let list = zz_issuer::sign_status_list(&s.list.payload(unix(NOW), DAY), &root);
    let license = zz_issuer::issue(&license(), &w.issuer);
    let pack = |items: &[&[u8]]| zz_issuer::bundle(items.iter().copied());
    for (what, bytes, reason) in [
        ("no trust list", pack(&[&catalog]), "no trust list"),
        ("no catalog", pack(&[&trust]), "no catalog"),
        ("two trust lists", pack(&[&trust, &trust, &catalog]), "more than one trust list or catalog"),
        ("two catalogs", pack(&[&trust, &catalog, &catalog]), "more than one trust list or catalog"),
        (
            "a license inside",
            pack(&[&trust, &catalog, &license]),
            "an item of typ application/zz-license+cbor is not allowed",
        ),
        ("duplicate status ids", pack(&[&trust, &catalog, &list, &list]), "two lists with id \"L1\""),
        ("not an array", encode(&Value::Map(vec![])), "not a CBOR array of byte strings"),
        (
            "item not bytes",
            encode(&Value::Array(vec![Value::Bytes(trust.clone()), Value::Bytes(catalog.clone()), int(1)])),
            "an item is not a byte string",
        ),
        ("garbage", b"garbage".to_vec(), "not a CBOR array of byte strings"),
        ("empty", pack(&[]), "no trust list"),
    ] {
        let e = refused(&bytes, &w.roots);
        assert_eq!(e.reason, reason, "{what}");
        let why = match what {
            "no trust list" | "no catalog" | "empty" => Why::Missing,
            "two trust lists" | "two catalogs" | "duplicate status ids" => Why::Duplicate,
            _ => Why::Malformed,
        };
        assert_eq!(e.why, why, "{what}");
    }
    // A valid one with the items in another order.
    assert!(Bundle::load(&pack(&[&list, &catalog, &trust]), &w.roots, None).is_ok());
}

#[test]
fn trust_list_key_rules() {
    let w = world();
    // kid not matching its key.
    let mut s = setup();
    s.trust.keys[0].kid = [0; 8];
    let root = key("root");
    let pack = |s: &Setup| pack(s, &root);
    assert_eq!(refused(&pack(&s), &w.roots).item, Item::TrustList);
    // Two entries with the same kid.
    let mut s = setup();
    let dup = s.trust.keys[0].clone();
    s.trust.keys.push(dup);
    assert_eq!(refused(&pack(&s), &w.roots).item, Item::TrustList);
    // A small-order key is kept but never usable.
    let mut s = setup();
    let mut small = s.trust.keys[0].clone();
    small.pk = [0; 32];
    small.pk[0] = 1; // the identity point
    small.kid = zz_core::kid_of(&small.pk);
    s.trust.keys.push(small.clone());
    let b = Bundle::load(&pack(&s), &w.roots, None).unwrap();
    assert!(b.key(&small.kid).unwrap().key.is_none());
    // Unknown role.
    let s = setup();
    let mut v = s.trust.to_value();
    if let Value::Map(m) = &mut v {
        for (k, val) in m.iter_mut() {
            if k.as_text() == Some("keys")
                && let Value::Array(keys) = val
                && let Value::Map(entry) = &mut keys[0]
            {
                for (ek, ev) in entry.iter_mut() {
                    if ek.as_text() == Some("roles") {
                        *ev = Value::Array(vec![text("issue"), text("admin")]);
                    }
                }
            }
        }
    }
    let trust = root.sign_payload(zz_core::Typ::Trust, &v);
    let bytes = zz_issuer::bundle([trust, zz_issuer::sign_catalog(&s.catalog, &root)].iter().map(Vec::as_slice));
    assert_eq!(refused(&bytes, &w.roots).item, Item::TrustList);
    let _ = Role::Issue;
}

#[test]
fn status_list_rules() {
    let w = world();
    let s = setup();
    let root = key("root");
    let trust = zz_issuer::sign_trust_list(&s.trust, &root);
    let catalog = zz_issuer::sign_catalog(&s.catalog, &root);
    let with_list = |p: &StatusListPayload| {
        let list = zz_issuer::sign_status_list(p, &root);
        zz_issuer::bundle([&trust, &catalog, &list].map(Vec::as_slice))
    };
    let good = s.list.payload(unix(NOW), DAY);
    assert!(Bundle::load(&with_list(&good), &w.roots, None).is_ok());
    let mut raw = good.clone();
    raw.lst = vec![0u8; 4]; // not zlib
    assert_eq!(refused(&with_list(&raw), &w.roots).item, Item::StatusList);
    let mut trailing = good.clone();
    trailing.lst.push(0);
    assert_eq!(refused(&with_list(&trailing), &w.roots).item, Item::StatusList);
    let mut huge = good.clone();
    huge.lst = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0u8; 16 * 1024 * 1024 + 1], 9);
    assert_eq!(refused(&with_list(&huge), &w.roots).item, Item::StatusList);
    // bits other than 2.
    let mut v = good.to_value();
    if let Value::Map(m) = &mut v {
        for (k, val) in m.iter_mut() {
            if k.as_text() == Some("bits") {
                *val = int(1);
            }
        }
    }
    let list = root.sign_payload(zz_core::Typ::Status, &v);
    let bytes = zz_issuer::bundle([&trust, &catalog, &list].map(Vec::as_slice));
    assert_eq!(refused(&bytes, &w.roots).item, Item::StatusList);
    // A status key signing outside its validity.
    let mut s2 = setup();
    s2.trust.keys[2].valid_to = unix(NOW - 10);
    let trust2 = zz_issuer::sign_trust_list(&s2.trust, &root);
    let list = zz_issuer::sign_status_list(&good, &w.status_key);
    let bytes = zz_issuer::bundle([&trust2, &catalog, &list].map(Vec::as_slice));
    assert_eq!(refused(&bytes, &w.roots).item, Item::StatusList);
}

#[test]
fn a_status_list_of_ten_million_entries_loads() {
    let w = world();
    let s = setup();
    let root = key("root");
    let mut big = zz_issuer::StatusListBuilder::new("big", 10_000_000);
    big.set(9_999_999, zz_core::model::StatusValue::Revoked).unwrap();
    let bytes = zz_issuer::bundle(
        [
            zz_issuer::sign_trust_list(&s.trust, &root),
            zz_issuer::sign_catalog(&s.catalog, &root),
            zz_issuer::sign_status_list(&big.payload(unix(NOW), DAY), &root),
        ]
        .iter()
        .map(Vec::as_slice),
    );
    let b = Bundle::load(&bytes, &w.roots, None).unwrap();
    let l = b.status_list("big").unwrap();
    assert_eq!(l.len(), 10_000_000);
    assert_eq!(l.get(9_999_999), Some(zz_core::model::StatusValue::Revoked));
    assert_eq!(l.get(9_999_998), Some(zz_core::model::StatusValue::Valid));
    assert_eq!(l.get(10_000_000), None);
}

#[test]
fn roots_files() {
    let a = key("a").public();
    let hexa: String = a.iter().map(|b| format!("{b:02x}")).collect();
    let text = format!("# pinned roots\n\n  {}  \n# end\n", hexa.to_uppercase());
    assert_eq!(Roots::parse(&text).unwrap().len(), 1);
    assert_eq!(Roots::parse("# only comments\n\n").unwrap_err(), RootsError::Empty);
    assert_eq!(Roots::parse("abc\n").unwrap_err(), RootsError::BadLine { line: 1 });
    assert_eq!(Roots::parse(&format!("{hexa}0\n")).unwrap_err(), RootsError::BadLine { line: 1 });
    let identity = format!("01{}", "00".repeat(31));
    assert_eq!(Roots::parse(&format!("{hexa}\n{identity}\n")).unwrap_err(), RootsError::BadKey { line: 2 });
}

#[test]
fn summary_reports_freshness() {
    let w = world();
    let s = w.bundle.summary(unix(NOW));
    assert_eq!((s.trust_seq, s.catalog_seq, s.keys, s.types, s.matters), (5, 3, 3, 2, 3));
    assert_eq!(s.age_seconds, 86_400);
    assert!(!s.outdated && !s.clock_behind && !s.stale);
    assert_eq!(s.status_lists.len(), 1);
    assert_eq!(s.status_lists[0].entries, 16);
    let later = w.bundle.summary(unix(NOW + 31 * DAY));
    assert!(later.outdated && later.stale && later.status_lists[0].stale);
    let before = w.bundle.summary(unix(NOW - 2 * DAY));
    assert!(before.clock_behind && before.age_seconds < 0);
    let json = serde_json::to_value(&s).unwrap();
    assert!(json["trustSeq"].is_number() && json["statusLists"][0]["ageSeconds"].is_number());
}

/// `contact` and `guide` are not keys SPEC section 7 names: read when they
/// are text, ignored (never an error) when they are not.
#[test]
fn catalog_contact_and_guide_are_read_when_text_and_otherwise_ignored() {
    let mut s = setup();
    s.catalog.types[0].contact = Some("某局 · 12345".into());
    s.catalog.types[0].guide = Some("https://guide.example/a".into());
    let w = s.build();
    let t = w.bundle.license_type(TYPE).unwrap();
    assert_eq!((t.contact.as_deref(), t.guide.as_deref()), (Some("某局 · 12345"), Some("https://guide.example/a")));
    assert_eq!(w.bundle.license_type(OTHER_TYPE).unwrap().contact, None);

    let mut v = setup().catalog.to_value();
    let types = match &mut v {
        Value::Map(m) => m.iter_mut().find(|(k, _)| k.as_text() == Some("types")).map(|(_, t)| t),
        _ => None,
    };
    if let Some(Value::Array(types)) = types
        && let Some(Value::Map(first)) = types.first_mut()
    {
        first.push((text("contact"), int(5)));
        first.push((text("guide"), Value::Array(vec![])));
    }
    let bytes = encode(&v);
    let item = zz_core::cbor::parse(&bytes).unwrap();
    let catalog = zz_core::model::Catalog::from_cbor(&item).unwrap();
    assert_eq!((catalog.types[0].contact.clone(), catalog.types[0].guide.clone()), (None, None));
}

/// A seal entry (SPEC section 6, `seals`) of department `code`.
fn seal(spki: u8, code: &str, types: Option<Vec<String>>) -> zz_core::model::SealEntry {
    zz_core::model::SealEntry {
        spki: [spki; 32],
        org: named("某局", code),
        types,
        valid_from: unix(NOW - 100 * DAY),
        valid_to: unix(NOW + 100 * DAY),
        revoked_at: None,
    }
}

#[test]
fn seal_entries_are_read_and_one_spki_twice_refuses_the_trust_list() {
    let w = world();
    let root = key("root");
    let pack = |s: &Setup| pack(s, &root);
    // No seals at all, an empty table, and two entries.
    assert!(!w.bundle.has_seals());
    let mut s = setup();
    s.trust.seals = Some(vec![]);
    assert!(!Bundle::load(&pack(&s), &w.roots, None).unwrap().has_seals());
    let mut s = setup();
    s.trust.seals = Some(vec![seal(1, ISSUER_CODE, Some(vec![TYPE.into()])), seal(2, "12310000MB2F00001X", None)]);
    let b = Bundle::load(&pack(&s), &w.roots, None).unwrap();
    assert!(b.has_seals());
    assert_eq!(b.trust.seals.as_ref().unwrap().len(), 2, "read back as written");
    let one = b.seal(&[1; 32]).unwrap();
    assert_eq!(one.org.code, ISSUER_CODE);
    assert!(one.may_seal(TYPE) && !one.may_seal(OTHER_TYPE));
    assert!(!b.seal(&[2; 32]).unwrap().may_seal(TYPE), "absent types: it may seal none");
    assert!(b.seal(&[3; 32]).is_none());
    // The same certificate key listed twice, even for one department.
    for other in ["12310000MB2F00001X", ISSUER_CODE] {
        let mut s = setup();
        s.trust.seals = Some(vec![seal(1, ISSUER_CODE, None), seal(2, ISSUER_CODE, None), seal(1, other, None)]);
        let e = refused(&pack(&s), &w.roots);
        assert_eq!((e.item, e.why), (Item::TrustList, Why::Duplicate), "{e}");
        assert!(e.to_string().contains(&"01".repeat(32)), "{e}");
    }
    // A malformed entry refuses the list: an spki of 31 bytes, no org.
    for bad in [Value::Bytes(vec![1; 31]), Value::Text("x".into())] {
        let mut s = setup();
        s.trust.seals = Some(vec![seal(1, ISSUER_CODE, None)]);
        let mut v = s.trust.to_value();
        if let Value::Map(m) = &mut v {
            for (k, val) in m.iter_mut() {
                if k.as_text() == Some("seals")
                    && let Value::Array(seals) = val
                    && let Some(Value::Map(entry)) = seals.first_mut()
                {
                    for (ek, ev) in entry.iter_mut() {
                        if ek.as_text() == Some("spki") {
                            *ev = bad.clone();
                        }
                    }
                }
            }
        }
        let trust = root.sign_payload(zz_core::Typ::Trust, &v);
        let bytes = zz_issuer::bundle([trust, zz_issuer::sign_catalog(&s.catalog, &root)].iter().map(Vec::as_slice));
        assert_eq!(refused(&bytes, &w.roots).item, Item::TrustList);
    }
}

#[test]
fn a_seal_entry_is_usable_from_valid_from_until_before_valid_to_and_revocation() {
    let mut e = seal(1, ISSUER_CODE, None);
    let (from, to) = (e.valid_from, e.valid_to);
    assert!(!e.usable_at(from.saturating_sub_secs(1)));
    assert!(e.usable_at(from));
    assert!(e.usable_at(to.saturating_sub_secs(1)));
    assert!(!e.usable_at(to));
    e.revoked_at = Some(unix(NOW));
    assert!(e.usable_at(unix(NOW - 1)));
    assert!(!e.usable_at(unix(NOW)), "revoked at t: a signature at t is refused");
}
