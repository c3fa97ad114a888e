//! The demo's neighbouring province (SPEC section 9, several authorities):
//! its own root, departments, catalog, status list, SM2 PKI and seal
//! table, and samples of its licenses that a service hall of the home city
//! verifies with the province's trust data, offline.
//!
//! Every key here derives from the public [`SEED`] under `zhejiang/`:
//! anyone can sign as these "departments". Never deploy the demo roots.

use zz_core::envelope::hex;
use zz_core::ident::LicenseId;
use zz_core::model::{
    Catalog, FieldValue, Holder, ID_TYPE_USCC, LicenseType, Matter, Need, Role, SealEntry, StatusRef, StatusValue,
    TrustList,
};

use super::ids::{at, date, named, uscc};
use super::ofd::{DemoPki, OWN_SIGNER, OfdSample, seal_time, signer_key, t};
use super::{SEED, World};
use crate::ofd::{Ofd, Sealer};
use crate::{Key, StatusListBuilder, bundle, issue, sign_catalog, sign_status_list, sign_trust_list};

/// The neighbouring province's name, as the portal and `--authority` name it.
pub const NAME: &str = "浙江省";
/// Where `zz demo` writes its trust data, under `trust/`.
pub const DIR: &str = "regions/zhejiang";
/// The same province's trust data with a key the home city also lists:
/// refused as a second authority.
pub const SHARED_KID_DIR: &str = "regions/zhejiang-shared-kid";
const LIST: &str = "zj-2026-01";
/// The home matter that accepts the province's own type.
pub const HOME_MATTER: &str = "310000-XK-1401";
const DAY: u64 = 86_400;

/// The province's market regulator (its USCC).
pub fn samr_code() -> String {
    uscc("11", "330000", 2_482_061)
}

/// The code of the province's own license type (食品小作坊登记证, a
/// provincial type), which one matter of the home city accepts.
pub fn workshop_type_code() -> String {
    format!("{}201", samr_code())
}

fn key(name: &str) -> Key {
    Key::derive(SEED, &format!("zhejiang/{name}"))
}

/// A generated neighbouring province.
pub struct Region {
    pub name: &'static str,
    pub root: Key,
    pub roots_txt: String,
    pub trust: TrustList,
    pub catalog: Catalog,
    pub bundle: Vec<u8>,
    /// Its trust list also listing one of the home city's keys: refused
    /// when loaded beside the home authority (a kid belongs to one
    /// authority only).
    pub bundle_shared_kid: Vec<u8>,
    /// `sm2-roots.pem`: the province's SM2 root and seal CA.
    pub sm2_roots_pem: String,
    /// Its licenses (ZZ1), verified at the home hall with both authorities.
    pub samples: Vec<super::Sample>,
    /// Its sealed OFD licenses.
    pub ofd_samples: Vec<OfdSample>,
    /// Every demo key of the province by name, with what it is for.
    pub keys: Vec<(String, Key, String)>,
}

/// Builds the neighbouring province beside the home world `home`.
pub fn neighbour(home: &World) -> Region {
    let now = home.now;
    let root = key("root");
    let samr = named("浙江省市场监督管理局", &samr_code());
    let platform = named("浙江省大数据发展管理局", &uscc("11", "330000", 2_482_307));
    let long = (at("2018-01-01", 0, 0), at("2036-01-01", 0, 0));

    // The catalog: the national business licence (the same type code as
    // at home: a national type) and a provincial type of its own.
    let business = home.catalog.types.iter().find(|t| t.name == "营业执照").cloned();
    let business_code = business.as_ref().map(|b| b.code.clone()).unwrap_or_default();
    let workshop = LicenseType {
        code: workshop_type_code(),
        name: "食品小作坊登记证".into(),
        name_en: Some("Food workshop registration (Zhejiang)".into()),
        dept: samr.clone(),
        level: zz_core::model::Level::Province,
        holder_types: vec![zz_core::model::HolderType::Legal, zz_core::model::HolderType::Other],
        public: true,
        since: date("2020-01-01"),
        validity: zz_core::model::Validity::Fixed,
        fields: vec![
            field("name", "名称", "Name", true),
            field("operator", "经营者", "Operator", true),
            field("address", "生产加工场所", "Premises", true),
            field("category", "生产加工品种", "Products", false),
        ],
        code_rule: Some("浙 + 年份 + 6 位序号".into()),
        contact: None,
        guide: None,
    };
    let catalog = Catalog {
        seq: 3,
        iat: now.saturating_sub_secs(10 * DAY),
        types: business.into_iter().chain([workshop.clone()]).collect(),
        matters: vec![Matter {
            code: "330000-XK-0101".into(),
            name: "食品小作坊登记（变更）".into(),
            dept: samr.clone(),
            needs: vec![Need { type_code: workshop.code.clone(), annotated: false }],
        }],
    };

    // Keys, seals and the trust list.
    let issuer = key("samr");
    let status_key = key("platform-status");
    let maker = key("platform-annotate");
    let types = vec![business_code.clone(), workshop.code.clone()];
    let entries = vec![
        issuer.entry(samr.clone(), &[Role::Issue], Some(types.clone()), long),
        maker.entry(platform.clone(), &[Role::Annotate], None, long),
        status_key.entry(platform.clone(), &[Role::Status], None, long),
    ];
    let seals = vec![SealEntry {
        spki: signer_key(&samr.code, OWN_SIGNER).spki_sha256(),
        org: samr.clone(),
        types: Some(types),
        valid_from: t("2025-01-01"),
        valid_to: t("2029-12-31"),
        revoked_at: None,
    }];
    let trust = TrustList {
        seq: 3,
        iat: now.saturating_sub_secs(3 * DAY),
        next_update: now.saturating_add_secs(90 * DAY),
        keys: entries,
        seals: Some(seals),
    };

    // Licenses.
    let mut list = StatusListBuilder::new(LIST, 1024);
    let _ = list.set(5, StatusValue::Revoked);
    let holder = Holder {
        name: "杭州西溪数智科技有限公司".into(),
        id_type: ID_TYPE_USCC.into(),
        id: uscc("91", "330106", 61_000_021),
    };
    let text = |s: &str| FieldValue::Text(s.to_owned());
    let licence = |type_code: &str, serial: &str, no: String, fields, idx: u64, to| zz_core::model::License {
        id: LicenseId::format(type_code, &samr.code, serial, 1).unwrap_or_default(),
        type_code: type_code.to_owned(),
        no,
        holder: holder.clone(),
        issuer: samr.clone(),
        issued: date("2023-03-08"),
        valid_from: date("2023-03-08"),
        valid_to: to,
        fields,
        prev: None,
        status: Some(StatusRef { list: LIST.into(), idx }),
        cnf: None,
        iat: at("2023-03-08", 10, 5),
    };
    let biz = licence(
        &business_code,
        "3301060021",
        "91330106610000210".into(),
        vec![
            ("name".into(), text(&holder.name)),
            ("uscc".into(), text(&holder.id)),
            ("entityType".into(), text("有限责任公司")),
            ("legalRep".into(), text("沈一帆")),
            ("capital".into(), text("人民币300万元")),
            ("established".into(), text("2023-03-08")),
            ("address".into(), text("浙江省杭州市西湖区文一西路998号")),
            ("scope".into(), text("技术服务、技术开发、技术咨询；软件开发。")),
        ],
        0,
        None,
    );
    let shop = licence(
        &workshop.code,
        "2023000418",
        "浙2023000418".into(),
        vec![
            ("name".into(), text("西溪手作糕点坊")),
            ("operator".into(), text("沈一帆")),
            ("address".into(), text("浙江省杭州市西湖区五常街道")),
            ("category".into(), text("糕点")),
        ],
        1,
        Some(date("2028-03-07")),
    );
    let revoked_shop = zz_core::model::License {
        id: LicenseId::format(&workshop.code, &samr.code, "2023000419", 1).unwrap_or_default(),
        no: "浙2023000419".into(),
        status: Some(StatusRef { list: LIST.into(), idx: 5 }),
        ..shop.clone()
    };
    let biz_cose = issue(&biz, &issuer);
    let shop_cose = issue(&shop, &issuer);
    let revoked_cose = issue(&revoked_shop, &issuer);
    let spec = |name: &str, zh: &str, en: &str, data: &[u8], expect, checks, matter: Option<&str>| super::Sample {
        matter: matter.map(str::to_owned),
        ..super::Sample::new(name, zh, en, super::SampleData::Cose(data.to_vec()), expect, checks)
    };
    let food = "310000-XK-0101";
    let workshop_matter = HOME_MATTER;
    let samples = vec![
        spec(
            "zj-valid-business-license",
            "浙江省签发的营业执照，用本机所存的浙江省信任数据核验（有效）",
            "A business licence issued in Zhejiang, verified with Zhejiang's trust data (valid)",
            &biz_cose,
            "valid",
            vec![("signer-trusted", "pass"), ("status", "pass")],
            None,
        ),
        spec(
            "zj-business-license-for-home-matter",
            "浙江省的营业执照用于本市「食品经营许可（新办）」：事项由本市用证清单决定",
            "Zhejiang's business licence for a home matter: the home usage lists decide",
            &biz_cose,
            "valid",
            vec![("matter", "pass")],
            Some(food),
        ),
        spec(
            "zj-workshop-for-home-matter",
            "浙江省的食品小作坊登记证（省级证照类型，不在本市目录中）用于本市接受它的事项",
            "Zhejiang's own workshop registration (a provincial type the home catalog lacks) for a home matter that accepts it",
            &shop_cose,
            "valid",
            vec![("catalog", "pass"), ("matter", "pass")],
            Some(workshop_matter),
        ),
        spec(
            "zj-invalid-revoked-workshop",
            "浙江省已注销的食品小作坊登记证（浙江省状态列表）",
            "A revoked Zhejiang workshop registration (Zhejiang's status list)",
            &revoked_cose,
            "invalid",
            vec![("status", "fail")],
            None,
        ),
    ];

    // Sealed OFD: the province's own PKI and seal table.
    let pki = DemoPki::of("zhejiang/", "浙江省");
    let at_seal = seal_time(now);
    let mut ofd_samples = Vec::new();
    let own = pki.sealer(&samr.name, &samr.code);
    let mut o = Ofd::license(&biz_cose, &biz, catalog.types.first(), at_seal);
    o.seal(&own, at_seal);
    ofd_samples.push(OfdSample {
        name: "zj-ofd-valid-business-license",
        zh: "浙江省市场监管局加盖电子印章的营业执照 OFD（浙江省 SM2 证书链与签章单位清单）",
        en: "Zhejiang's sealed OFD business licence (Zhejiang's SM2 chain and seal table)",
        data: o.to_zip(),
        expect: "valid",
        checks: &[("ofd-seal-authority", "pass"), ("ofd-signer-chain", "pass"), ("ofd-license", "pass")],
    });
    // Sealed by a home department's sound seal: not listed by Zhejiang.
    let home_dept = home.trust.keys.iter().find(|k| k.has_role(Role::Issue)).map(|k| k.org.clone());
    if let Some(d) = home_dept {
        let stranger: Sealer = DemoPki::new().sealer(&d.name, &d.code);
        let mut o = Ofd::license(&biz_cose, &biz, catalog.types.first(), at_seal);
        o.seal(&stranger, at_seal);
        ofd_samples.push(OfdSample {
            name: "zj-ofd-invalid-sealed-by-home-department",
            zh: "浙江省的营业执照却加盖了本市部门的印章：证书链不通（本市 SM2 根不是浙江省的）",
            en: "Zhejiang's licence sealed by a home department: its chain does not reach Zhejiang's SM2 roots",
            data: o.to_zip(),
            expect: "invalid",
            checks: &[("ofd-signer-chain", "warn"), ("ofd-seal-authority", "fail")],
        });
    }

    let status_cose = sign_status_list(&list.payload(now.saturating_sub_secs(DAY), 30 * DAY), &status_key);
    let trust_cose = sign_trust_list(&trust, &root);
    let catalog_cose = sign_catalog(&catalog, &root);
    let bundle_bytes = bundle([&trust_cose, &catalog_cose, &status_cose].map(Vec::as_slice));
    // A key of the home city listed by the province too.
    let mut shared = trust.clone();
    if let Some(home_key) = home.trust.keys.first() {
        shared.keys.push(home_key.clone());
    }
    let shared_cose = sign_trust_list(&shared, &root);
    let bundle_shared_kid = bundle([&shared_cose, &catalog_cose, &status_cose].map(Vec::as_slice));
    let roots_txt = crate::roots_file(
        &format!(
            "ZZ Verify demo root of the neighbouring province {NAME} (derived from the public seed {SEED:?}).\nAnyone can sign with it: never deploy it. Key id {}.",
            hex(&root.kid())
        ),
        &[&root],
    );
    let note = |what: &str| format!("{NAME}: {what}");
    let keys = vec![
        ("zhejiang-root".into(), root.clone(), note("demo root: signs the trust list and the catalog")),
        ("zhejiang-samr".into(), issuer, note("issue key of the market regulator")),
        ("zhejiang-platform-annotate".into(), maker, note("annotating key of the platform")),
        ("zhejiang-platform-status".into(), status_key, note("status-list key")),
    ];
    Region {
        name: NAME,
        root,
        roots_txt,
        trust,
        catalog,
        bundle: bundle_bytes,
        bundle_shared_kid,
        sm2_roots_pem: pki.roots_pem(),
        samples,
        ofd_samples,
        keys,
    }
}

fn field(key: &str, label: &str, en: &str, required: bool) -> zz_core::model::FieldSpec {
    zz_core::model::FieldSpec {
        key: key.into(),
        label: label.into(),
        label_en: Some(en.into()),
        kind: zz_core::model::FieldKind::Text,
        required,
        options: None,
    }
}

/// A filler authority for benchmarks (five authorities loaded): the home
/// trust list's entries and catalog under keys and a root of its own,
/// derived from the seed under `bench-authority-<i>/`. Its roots file and
/// bundle.
pub fn filler(home: &World, i: u32) -> (String, Vec<u8>) {
    let prefix = format!("bench-authority-{i}");
    let root = Key::derive(SEED, &format!("{prefix}/root"));
    let mut trust = home.trust.clone();
    for (n, e) in trust.keys.iter_mut().enumerate() {
        let k = Key::derive(SEED, &format!("{prefix}/key-{n}"));
        let mut entry = k.entry(e.org.clone(), &e.roles, e.types.clone(), (e.valid_from, e.valid_to));
        entry.revoked_at = e.revoked_at;
        *e = entry;
    }
    trust.seals = None;
    let items = [sign_trust_list(&trust, &root), sign_catalog(&home.catalog, &root)];
    let roots_txt = crate::roots_file(
        &format!("ZZ Verify benchmark filler authority {i} (DEMO, derived from the public seed {SEED:?})"),
        &[&root],
    );
    (roots_txt, bundle(items.iter().map(Vec::as_slice)))
}
