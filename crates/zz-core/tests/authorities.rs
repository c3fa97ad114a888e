//! Several trust authorities (SPEC sections 9 and 11): the signer's kid
//! picks the authority, the home one is the fallback and decides matters,
//! each authority is replaced and rolled back on its own, and a kid shared
//! by two authorities refuses the second.

mod common;

use common::*;
use zz_core::model::{Matter, Need, Role, StatusValue};
use zz_core::{
    Authorities, AuthorityError, Bundle, CheckId, Context, Outcome, Report, Roots, Usage, Verdict, Why, verify,
};
use zz_issuer::{Key, StatusListBuilder};

const HOME: &str = "上海市";
const NEIGHBOUR: &str = "浙江省";
/// A type only the neighbour's catalog lists.
const ZJ_TYPE: &str = "11330000002482061K101";
const ZJ_ISSUER: &str = "11330000002482061K";
const ZJ_LIST: &str = "ZJ1";
/// A home matter that accepts the neighbour's type.
const MATTER_ZJ: &str = "M-ZJ";
/// A matter only the neighbour's catalog lists.
const ZJ_ONLY_MATTER: &str = "ZJ-M-1";

fn zj_key(name: &str) -> Key {
    Key::derive("zz-core tests, the neighbouring province", name)
}

/// The home world, whose catalog has a matter accepting the neighbour's type.
fn home() -> World {
    let mut s = setup();
    s.catalog.matters.push(Matter {
        code: MATTER_ZJ.into(),
        name: "跨省事项".into(),
        dept: named("某局", ISSUER_CODE),
        needs: vec![Need { type_code: ZJ_TYPE.into(), annotated: false }],
    });
    s.build()
}

/// The neighbouring province: its own root, keys, catalog and status list,
/// at trust seq `seq`; `extra` adds keys to its trust list.
fn neighbour_bundle(seq: u64, extra: &[&Key]) -> (Roots, Vec<u8>) {
    let long = (unix(NOW - 3000 * DAY), unix(NOW + 3000 * DAY));
    let mut s = setup();
    s.trust.seq = seq;
    s.trust.keys = vec![
        zj_key("issuer").entry(
            named("浙江省市场监督管理局", ZJ_ISSUER),
            &[Role::Issue],
            Some(vec![ZJ_TYPE.into()]),
            long,
        ),
        zj_key("maker").entry(named("浙江省大数据局", "11330000MB1234567X"), &[Role::Annotate], None, long),
        zj_key("status").entry(named("浙江省大数据局", "11330000MB1234567X"), &[Role::Status], None, long),
    ];
    for k in extra {
        s.trust.keys.push(k.entry(named("某机构", ISSUER_CODE), &[Role::Issue], Some(vec![TYPE.into()]), long));
    }
    s.catalog.types.retain(|t| t.code == TYPE);
    if let Some(t) = s.catalog.types.first_mut() {
        t.code = ZJ_TYPE.into();
        t.name = "浙江省某许可证".into();
    }
    s.catalog.matters = vec![Matter {
        code: ZJ_ONLY_MATTER.into(),
        name: "浙江事项".into(),
        dept: named("某局", ZJ_ISSUER),
        needs: vec![Need { type_code: ZJ_TYPE.into(), annotated: false }],
    }];
    let mut list = StatusListBuilder::new(ZJ_LIST, 16);
    list.set(1, StatusValue::Revoked).unwrap();
    let root = zj_key("root");
    let items = [
        zz_issuer::sign_trust_list(&s.trust, &root),
        zz_issuer::sign_catalog(&s.catalog, &root),
        zz_issuer::sign_status_list(&list.payload(unix(NOW - 3600), 2 * DAY), &zj_key("status")),
    ];
    let bytes = zz_issuer::bundle(items.iter().map(Vec::as_slice));
    (Roots::from_public_keys(&[root.public()]).unwrap(), bytes)
}

fn neighbour(seq: u64) -> Bundle {
    let (roots, bytes) = neighbour_bundle(seq, &[]);
    Bundle::load(&bytes, &roots, None).unwrap()
}

fn both(w: &World) -> Authorities {
    let mut all = Authorities::new(HOME, w.bundle.clone()).unwrap();
    all.put(NEIGHBOUR, neighbour(2)).unwrap();
    all
}

/// A license of the neighbouring province (index `idx` of its status list).
fn zj_license(idx: u64) -> Vec<u8> {
    let mut l = license();
    l.type_code = ZJ_TYPE.into();
    l.id = zz_core::ident::LicenseId::format(ZJ_TYPE, ZJ_ISSUER, "2430599", 1).unwrap();
    l.issuer = named("浙江省市场监督管理局", ZJ_ISSUER);
    l.no = "浙0322430599".into();
    l.status = Some(zz_core::model::StatusRef { list: ZJ_LIST.into(), idx });
    zz_issuer::issue(&l, &zj_key("issuer"))
}

fn among(all: &Authorities, input: &[u8], usage: Usage<'_>) -> Report {
    verify(input, Context::among(all, unix(NOW)).with(usage))
}

fn outcome(r: &Report, id: CheckId) -> Outcome {
    r.outcome(id)
}

#[test]
fn the_signers_kid_picks_the_authority_and_the_report_names_it() {
    let w = home();
    let all = both(&w);
    let r = among(&all, &w.issue(&license()), Usage::default());
    assert_eq!((r.verdict, r.authority.as_deref()), (Verdict::Valid, Some(HOME)));
    assert_eq!(r.trust.trust_seq, 5);

    let r = among(&all, &zj_license(0), Usage::default());
    assert_eq!(r.verdict, Verdict::Valid, "{:?}", r.failures().collect::<Vec<_>>());
    assert_eq!(r.authority.as_deref(), Some(NEIGHBOUR));
    assert_eq!(r.trust.trust_seq, 2, "the report names the neighbour's trust data");
    assert_eq!(r.signer.as_ref().map(|s| s.code.as_str()), Some(ZJ_ISSUER));
    // Its type is in the neighbour's catalog only, and that one decides.
    assert_eq!(outcome(&r, CheckId::Catalog), Outcome::Pass);
    // Without the neighbour, the same license is not trusted at home.
    let alone = Authorities::new(HOME, w.bundle.clone()).unwrap();
    let r = among(&alone, &zj_license(0), Usage::default());
    assert_eq!((r.verdict, outcome(&r, CheckId::SignerTrusted)), (Verdict::Invalid, Outcome::Fail));
    assert_eq!(r.authority.as_deref(), Some(HOME));
}

#[test]
fn a_signer_no_authority_lists_falls_back_to_home_and_fails() {
    let w = home();
    let all = both(&w);
    let mut l = license();
    l.iat = unix(NOW - DAY);
    let forged = zz_issuer::issue(&l, &key("nobody"));
    let r = among(&all, &forged, Usage::default());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(outcome(&r, CheckId::SignerTrusted), Outcome::Fail);
    assert_eq!(r.authority.as_deref(), Some(HOME));
    // Input that does not decode is reported under the home authority.
    let r = among(&all, b"ZZ1:not base45 !!", Usage::default());
    assert_eq!((outcome(&r, CheckId::Decode), r.authority.as_deref()), (Outcome::Fail, Some(HOME)));
}

#[test]
fn the_neighbours_status_list_decides_its_licenses_status() {
    let w = home();
    let all = both(&w);
    let r = among(&all, &zj_license(1), Usage::default());
    assert_eq!((r.verdict, outcome(&r, CheckId::Status)), (Verdict::Invalid, Outcome::Fail));
    // A home license naming the neighbour's list id: the home bundle has
    // no such list, so nothing is borrowed from the neighbour.
    let mut l = license();
    l.status = Some(zz_core::model::StatusRef { list: ZJ_LIST.into(), idx: 0 });
    let r = among(&all, &w.issue(&l), Usage::default());
    assert_eq!((r.verdict, outcome(&r, CheckId::Status)), (Verdict::Indeterminate, Outcome::Warn));
}

#[test]
fn the_home_catalog_decides_matters() {
    let w = home();
    let all = both(&w);
    let zj = zj_license(0);
    let r = among(&all, &zj, Usage::matter(Some(MATTER_ZJ)));
    assert_eq!((r.verdict, outcome(&r, CheckId::Matter)), (Verdict::Valid, Outcome::Pass));
    // A matter of the neighbour's own catalog is not one the hall handles.
    let r = among(&all, &zj, Usage::matter(Some(ZJ_ONLY_MATTER)));
    assert_eq!((r.verdict, outcome(&r, CheckId::Matter)), (Verdict::Invalid, Outcome::Fail));
    // A home matter that does not accept the neighbour's type.
    let r = among(&all, &zj, Usage::matter(Some(MATTER)));
    assert_eq!(outcome(&r, CheckId::Matter), Outcome::Fail);
}

#[test]
fn an_annotated_copy_is_verified_by_its_licenses_authority_only() {
    let w = home();
    let all = both(&w);
    let mut a = annotation();
    a.matter = None;
    let by_zj = zz_issuer::annotate(&zj_license(0), &a, &zj_key("maker"));
    let r = among(&all, &by_zj, Usage::default());
    assert_eq!((r.verdict, r.authority.as_deref()), (Verdict::Valid, Some(NEIGHBOUR)));
    // The home platform's maker key is not the neighbour's: no mixing.
    let by_home = zz_issuer::annotate(&zj_license(0), &a, &w.maker);
    let r = among(&all, &by_home, Usage::default());
    assert_eq!(r.authority.as_deref(), Some(NEIGHBOUR));
    assert_eq!((r.verdict, outcome(&r, CheckId::AnnotationSigner)), (Verdict::Invalid, Outcome::Fail));
}

#[test]
fn a_kid_listed_by_another_authority_refuses_the_second_and_the_first_still_works() {
    let w = home();
    let mut all = Authorities::new(HOME, w.bundle.clone()).unwrap();
    let (roots, bytes) = neighbour_bundle(2, &[&w.issuer]);
    let clashing = Bundle::load(&bytes, &roots, None).unwrap();
    let e = all.put(NEIGHBOUR, clashing).unwrap_err();
    assert!(
        matches!(&e, AuthorityError::SharedKid { name, kid, other } if name == NEIGHBOUR && *kid == w.issuer.kid() && other == HOME),
        "{e:?}"
    );
    assert!(e.to_string().contains("already listed by authority"), "{e}");
    assert!(e.zh().contains(HOME) && e.zh().contains(NEIGHBOUR), "{}", e.zh());
    assert_eq!(all.len(), 1);
    assert!(all.get(NEIGHBOUR).is_none());
    let r = among(&all, &w.issue(&license()), Usage::default());
    assert_eq!((r.verdict, r.authority.as_deref()), (Verdict::Valid, Some(HOME)));
    // The same clash replacing the home bundle is refused too.
    let mut all = both(&w);
    let mut s = setup();
    s.trust.keys.push(zj_key("issuer").entry(
        named("x", ZJ_ISSUER),
        &[Role::Issue],
        None,
        (unix(NOW - DAY), unix(NOW + DAY)),
    ));
    s.trust.seq = 6;
    let home6 = s.build().bundle;
    assert!(matches!(all.put(HOME, home6), Err(AuthorityError::SharedKid { .. })));
    assert_eq!(all.home().bundle.trust.seq, 5);
}

#[test]
fn each_authority_is_replaced_and_rolled_back_on_its_own() {
    let w = home();
    let mut all = Authorities::new(HOME, w.bundle.clone()).unwrap();
    all.put(NEIGHBOUR, neighbour(4)).unwrap();
    // Older than the neighbour holds: refused, nothing changes.
    let e = all.put(NEIGHBOUR, neighbour(3)).unwrap_err();
    assert!(
        matches!(&e, AuthorityError::Bundle { name, error } if name == NEIGHBOUR && error.why == Why::Rollback),
        "{e:?}"
    );
    assert_eq!(all.get(NEIGHBOUR).unwrap().bundle.trust.seq, 4);
    // The home authority's seq (5) does not bind the neighbour's: 4 is
    // fine for it, and a newer one replaces it.
    all.put(NEIGHBOUR, neighbour(7)).unwrap();
    assert_eq!(all.get(NEIGHBOUR).unwrap().bundle.trust.seq, 7);
    assert_eq!(all.home().bundle.trust.seq, 5);
    assert_eq!(all.len(), 2);
    // Home rollback is refused while the neighbour stays.
    let mut s = setup();
    s.trust.seq = 4;
    assert!(matches!(all.put(HOME, s.build().bundle), Err(AuthorityError::Bundle { .. })));
    assert_eq!(among(&all, &zj_license(0), Usage::default()).verdict, Verdict::Valid);
    assert_eq!(among(&all, &w.issue(&license()), Usage::default()).verdict, Verdict::Valid);
}

#[test]
fn a_neighbours_bundle_refused_leaves_home_working() {
    let w = home();
    let mut all = Authorities::new(HOME, w.bundle.clone()).unwrap();
    // Signed by a root the neighbour's pinned roots do not hold.
    let (_, bytes) = neighbour_bundle(2, &[]);
    assert!(Bundle::load(&bytes, &w.roots, None).is_err());
    assert_eq!(all.len(), 1);
    assert_eq!(among(&all, &w.issue(&license()), Usage::default()).verdict, Verdict::Valid);
    // Removing the neighbour leaves home; the home one cannot be removed.
    all.put(NEIGHBOUR, neighbour(2)).unwrap();
    assert!(all.remove(NEIGHBOUR).is_ok());
    assert!(matches!(all.remove(HOME), Err(AuthorityError::NotFound(_))));
    assert_eq!(among(&all, &zj_license(0), Usage::default()).verdict, Verdict::Invalid);
}

#[test]
fn names_are_checked() {
    let w = home();
    for bad in ["", " ", " 浙江", "a\tb", &"长".repeat(65)] {
        assert!(matches!(Authorities::new(bad, w.bundle.clone()), Err(AuthorityError::BadName(_))), "{bad:?}");
    }
    let mut all = Authorities::new(HOME, w.bundle.clone()).unwrap();
    assert!(matches!(all.put("", neighbour(2)), Err(AuthorityError::BadName(_))));
    assert_eq!(all.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), [HOME]);
}

#[test]
fn one_authority_verifies_as_a_single_bundle_does() {
    let w = home();
    let alone = Authorities::new("home", w.bundle.clone()).unwrap();
    let mut revoked = license();
    revoked.status = Some(zz_core::model::StatusRef { list: LIST.into(), idx: 1 });
    let inputs = [w.issue(&license()), w.issue(&revoked), w.annotate(&license(), &annotation()), b"junk".to_vec()];
    for input in &inputs {
        for matter in [None, Some(MATTER), Some(MATTER_ANNOTATED)] {
            let one = verify(input, Context::new(&w.bundle, unix(NOW)).with(Usage::matter(matter)));
            let mut r = among(&alone, input, Usage::matter(matter));
            assert_eq!(r.authority.take().as_deref(), Some("home"));
            assert_eq!(r, one);
        }
    }
}
