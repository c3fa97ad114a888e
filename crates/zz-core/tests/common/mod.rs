//! A small test world: keys, a trust list, a catalog, a status list, and
//! helpers to sign arbitrary (also broken) COSE structures.
#![allow(dead_code)]

use ciborium::value::Value;
use ed25519_dalek::{Signer, SigningKey};
use zz_core::dates::CstDate;
use zz_core::ident::LicenseId;
use zz_core::model::*;
use zz_core::{Bundle, Context, Report, Roots, UnixTime, Usage, verify};
use zz_issuer::{Key, StatusListBuilder};

pub const NOW: u64 = 1_795_311_000; // 2026-11-22T09:30:00+08:00
pub const DAY: u64 = 86_400;
/// An instant of the tests: unix seconds.
pub fn unix(secs: u64) -> UnixTime {
    UnixTime::from_unsigned(secs)
}
pub const TYPE: &str = "11100000000013338W032";
pub const OTHER_TYPE: &str = "11100000000013338W011";
pub const ISSUER_CODE: &str = "11310000002417009R";
pub const MATTER: &str = "M-1";
pub const MATTER_ANNOTATED: &str = "M-2";
pub const MATTER_OTHER_TYPE: &str = "M-3";
pub const LIST: &str = "L1";

pub fn key(name: &str) -> Key {
    Key::derive("zz-core tests", name)
}

pub fn named(name: &str, code: &str) -> Named {
    Named { name: name.into(), code: code.into() }
}

pub fn day(s: &str) -> CstDate {
    CstDate::parse(s).unwrap()
}

/// Everything a test may change before the bundle is signed.
pub struct Setup {
    pub trust: TrustList,
    pub catalog: Catalog,
    pub status: Vec<(StatusListPayload, Key)>,
    pub list: StatusListBuilder,
}

pub struct World {
    pub root: Key,
    pub issuer: Key,
    pub maker: Key,
    pub status_key: Key,
    pub roots: Roots,
    pub bundle_bytes: Vec<u8>,
    pub bundle: Bundle,
}

pub fn setup() -> Setup {
    let long = (unix(NOW - 3000 * DAY), unix(NOW + 3000 * DAY));
    let issuer = key("issuer");
    let trust = TrustList {
        seq: 5,
        iat: unix(NOW - DAY),
        next_update: unix(NOW + 30 * DAY),
        keys: vec![
            issuer.entry(named("市场监管局", ISSUER_CODE), &[Role::Issue], Some(vec![TYPE.into()]), long),
            key("maker").entry(named("大数据中心", "12310000MB2F00001X"), &[Role::Annotate], None, long),
            key("status").entry(named("大数据中心", "12310000MB2F00001X"), &[Role::Status], None, long),
        ],
        seals: None,
    };
    let field = |key: &str, required: bool| FieldSpec {
        key: key.into(),
        label: key.into(),
        label_en: None,
        kind: FieldKind::Text,
        required,
        options: None,
    };
    let t = |code: &str| LicenseType {
        code: code.into(),
        name: "营业执照".into(),
        name_en: Some("Business licence".into()),
        dept: named("国家市场监督管理总局", "11100000000013338W"),
        level: Level::National,
        holder_types: vec![HolderType::Legal],
        public: true,
        since: day("2019-01-01"),
        validity: Validity::Either,
        fields: vec![field("name", true), field("scope", false)],
        code_rule: None,
        contact: None,
        guide: None,
    };
    let m = |code: &str, type_code: &str, annotated: bool| Matter {
        code: code.into(),
        name: format!("事项{code}"),
        dept: named("某局", "11310000002417009R"),
        needs: vec![Need { type_code: type_code.into(), annotated }],
    };
    let catalog = Catalog {
        seq: 3,
        iat: unix(NOW - DAY),
        types: vec![t(TYPE), t(OTHER_TYPE)],
        matters: vec![m(MATTER, TYPE, false), m(MATTER_ANNOTATED, TYPE, true), m(MATTER_OTHER_TYPE, OTHER_TYPE, false)],
    };
    let mut list = StatusListBuilder::new(LIST, 16);
    list.set(1, StatusValue::Revoked).unwrap();
    list.set(2, StatusValue::Suspended).unwrap();
    list.set(3, StatusValue::Superseded).unwrap();
    Setup { trust, catalog, status: vec![], list }
}

impl Setup {
    /// The trust list and the catalog, signed by the root.
    pub fn signed(&self) -> (Vec<u8>, Vec<u8>) {
        let root = key("root");
        (zz_issuer::sign_trust_list(&self.trust, &root), zz_issuer::sign_catalog(&self.catalog, &root))
    }

    pub fn build(mut self) -> World {
        let root = key("root");
        if self.status.is_empty() {
            self.status.push((self.list.payload(unix(NOW - 3600), 2 * DAY), key("status")));
        }
        let (trust, catalog) = self.signed();
        let mut items = vec![trust, catalog];
        for (p, k) in &self.status {
            items.push(zz_issuer::sign_status_list(p, k));
        }
        let bundle_bytes = zz_issuer::bundle(items.iter().map(Vec::as_slice));
        let roots = Roots::from_public_keys(&[root.public()]).unwrap();
        let bundle = Bundle::load(&bundle_bytes, &roots, None).unwrap();
        World {
            root,
            issuer: key("issuer"),
            maker: key("maker"),
            status_key: key("status"),
            roots,
            bundle_bytes,
            bundle,
        }
    }
}

pub fn world() -> World {
    setup().build()
}

/// A license that verifies as valid at NOW in [`world`].
pub fn license() -> License {
    License {
        id: LicenseId::format(TYPE, ISSUER_CODE, "2430599", 1).unwrap(),
        type_code: TYPE.into(),
        no: "沪0322430599".into(),
        holder: Holder {
            name: "上海某某科技有限公司".into(), id_type: "001".into(), id: "91350100M000100Y43".into()
        },
        issuer: named("上海市市场监督管理局", ISSUER_CODE),
        issued: day("2025-01-01"),
        valid_from: day("2025-01-01"),
        valid_to: Some(day("2030-12-31")),
        fields: vec![
            ("name".into(), FieldValue::Text("上海某某科技有限公司".into())),
            ("scope".into(), FieldValue::Text("软件开发".into())),
        ],
        prev: None,
        status: Some(StatusRef { list: LIST.into(), idx: 0 }),
        cnf: None,
        iat: unix(NOW - 100 * DAY),
    }
}

pub fn annotation() -> Annotation {
    Annotation {
        purpose: "仅用于办理某事项".into(),
        matter: Some(named("事项M-2", MATTER_ANNOTATED)),
        recipient: Some(named("某局", "11310000002417009R")),
        valid_from: unix(NOW - DAY),
        valid_to: unix(NOW + 10 * DAY),
        maker: named("大数据中心", "12310000MB2F00001X"),
        agent: None,
        iat: unix(NOW - DAY),
    }
}

impl World {
    pub fn issue(&self, l: &License) -> Vec<u8> {
        zz_issuer::issue(l, &self.issuer)
    }

    pub fn annotate(&self, l: &License, a: &Annotation) -> Vec<u8> {
        zz_issuer::annotate(&self.issue(l), a, &self.maker)
    }

    pub fn verify_at(&self, input: &[u8], now: UnixTime, matter: Option<&str>) -> Report {
        verify(input, Context::new(&self.bundle, now).with(Usage::matter(matter)))
    }

    pub fn verify(&self, input: &[u8]) -> Report {
        self.verify_at(input, unix(NOW), None)
    }

    /// Verifies at NOW with SPEC section 10's optional inputs.
    pub fn verify_for(&self, input: &[u8], usage: Usage<'_>) -> Report {
        verify(input, Context::new(&self.bundle, unix(NOW)).with(usage))
    }
}

/// COSE header labels.
pub const ALG: i64 = 1;
pub const CRIT: i64 = 2;
pub const KID: i64 = 4;
pub const TYP: i64 = 16;

pub fn int(i: i64) -> Value {
    Value::Integer(i.into())
}

pub fn text(s: &str) -> Value {
    Value::Text(s.into())
}

/// The standard protected header of a ZZ1 object signed by `key`.
pub fn protected(key: &Key, typ: &str) -> Vec<(Value, Value)> {
    vec![(int(ALG), int(-8)), (int(KID), Value::Bytes(key.kid().to_vec())), (int(TYP), text(typ))]
}

pub fn encode(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(v, &mut out).unwrap();
    out
}

/// Signs any protected header bytes, unprotected header and payload, and
/// assembles a COSE_Sign1 under `tag` (None: untagged).
pub fn raw_sign(key: &Key, protected: &[u8], unprotected: Value, payload: Option<&[u8]>, tag: Option<u64>) -> Vec<u8> {
    let sk = SigningKey::from_bytes(&key.secret());
    let tbs = encode(&Value::Array(vec![
        text("Signature1"),
        Value::Bytes(protected.to_vec()),
        Value::Bytes(vec![]),
        Value::Bytes(payload.unwrap_or_default().to_vec()),
    ]));
    let sig = sk.sign(&tbs).to_bytes().to_vec();
    let arr = Value::Array(vec![
        Value::Bytes(protected.to_vec()),
        unprotected,
        payload.map_or(Value::Null, |p| Value::Bytes(p.to_vec())),
        Value::Bytes(sig),
    ]);
    encode(&match tag {
        Some(t) => Value::Tag(t, Box::new(arr)),
        None => arr,
    })
}

/// A license signed by the issuer with a custom protected header map.
pub fn sign_with_header(w: &World, header: Vec<(Value, Value)>, payload: &[u8]) -> Vec<u8> {
    raw_sign(&w.issuer, &encode(&Value::Map(header)), Value::Map(vec![]), Some(payload), Some(18))
}

pub fn license_payload() -> Vec<u8> {
    encode(&license().to_value())
}
