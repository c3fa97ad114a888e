//! The demo world: a root, Shanghai departments, a catalog, usage lists,
//! status lists and sample licenses covering every verdict and every check
//! of SPEC section 10, all derived deterministically from [`SEED`].
//!
//! Every key here is derived from a public seed: anyone can sign as these
//! "departments". Never deploy the demo roots.

use std::collections::BTreeMap;

use zz_core::UnixTime;
use zz_core::dates::CstDate;
use zz_core::envelope::hex;
use zz_core::ident::LicenseId;
use zz_core::model::{
    Annotation, Catalog, FieldValue, Holder, ID_TYPE_RESIDENT, ID_TYPE_USCC, KeyEntry, License, Role, SealEntry,
    StatusRef, StatusValue, TrustList,
};

use crate::{Key, StatusListBuilder, annotate, bundle, issue, sign_catalog, sign_status_list, sign_trust_list};

/// The public seed every demo key is derived from.
pub const SEED: &str = "ZZ Verify public demo seed 2026 (not secret)";
/// The home authority's name (SPEC section 9): the demo city.
pub const HOME_AUTHORITY: &str = "上海市";
/// Default reference time of the demo world: 2026-11-22T09:30:00+08:00.
pub const DEFAULT_NOW: UnixTime = UnixTime::from_secs(1_795_311_000);
const DAY: u64 = 86_400;

/// One sample of the demo world and what verifying it must give.
#[derive(Clone, Debug)]
pub struct Sample {
    /// File stem, e.g. `valid-business-license`.
    pub name: String,
    /// What the sample shows.
    pub zh: String,
    pub en: String,
    /// The presented bytes: tagged COSE, or text for the undecodable ones.
    pub data: SampleData,
    /// The verdict verifying it gives (with `matter`, `org`, `applicant`,
    /// `now`, `bundle`).
    pub expect: &'static str,
    /// The checks this sample exists for, with their expected outcome.
    pub checks: Vec<(&'static str, &'static str)>,
    /// The matter to verify it for, if any.
    pub matter: Option<String>,
    /// The verifying organisation's USCC to verify it with, if any.
    pub org: Option<String>,
    /// The applicant's ID to verify it with, if any.
    pub applicant: Option<String>,
    /// Verify at this time instead of the world's reference time.
    pub now: Option<UnixTime>,
    /// Verify against this bundle file instead of `bundle.zzb`.
    pub bundle: Option<&'static str>,
    /// The nonce the verifier showed the holder (SPEC section 13), if any.
    pub nonce: Option<Vec<u8>>,
}

impl Sample {
    /// A sample verified at the world's time, against `bundle.zzb`, with
    /// none of the optional inputs (set them on the result).
    pub fn new(
        name: &str,
        zh: &str,
        en: &str,
        data: SampleData,
        expect: &'static str,
        checks: Vec<(&'static str, &'static str)>,
    ) -> Sample {
        Sample {
            name: name.into(),
            zh: zh.into(),
            en: en.into(),
            data,
            expect,
            checks,
            matter: None,
            org: None,
            applicant: None,
            now: None,
            bundle: None,
            nonce: None,
        }
    }

    /// The optional inputs to verify it with (SPEC section 10).
    pub fn usage(&self) -> zz_core::Usage<'_> {
        zz_core::Usage {
            matter: self.matter.as_deref(),
            org: self.org.as_deref(),
            applicant: self.applicant.as_deref(),
            nonce: self.nonce.as_deref(),
        }
    }
}

/// The bytes of a sample.
#[derive(Clone, Debug)]
pub enum SampleData {
    /// A signed object: written as `.zzl`, `.txt` and `.png`.
    Cose(Vec<u8>),
    /// Text that is not a valid license: written as `.txt` only.
    Text(String),
}

/// A generated world: keys, signed trust data, samples.
pub struct World {
    pub now: UnixTime,
    pub root: Key,
    pub roots_txt: String,
    pub trust: TrustList,
    pub catalog: Catalog,
    pub trust_cose: Vec<u8>,
    pub catalog_cose: Vec<u8>,
    /// Status lists by id, signed.
    pub status_cose: BTreeMap<String, Vec<u8>>,
    pub bundle: Vec<u8>,
    /// A bundle whose trust list is past its `nextUpdate` (and older: seq 6).
    pub bundle_outdated: Vec<u8>,
    /// The next bundle: the same trust data as seq 8, for update demos.
    pub bundle_next: Vec<u8>,
    /// A bundle whose trust list lists one seal certificate twice (for two
    /// departments): refused.
    pub bundle_duplicate_seal: Vec<u8>,
    /// Every demo key by name, with what it is for.
    pub keys: Vec<(String, Key, String)>,
    pub samples: Vec<Sample>,
    /// The organisation the demo's annotated copies are made for (用证单位):
    /// the demo portal verifies as it.
    pub registry: zz_core::model::Named,
}

impl World {
    /// The `ZZ1:` text of every sample that has signed bytes, in order.
    pub fn zz1_texts(&self) -> impl Iterator<Item = String> + '_ {
        self.samples.iter().filter_map(|s| match &s.data {
            SampleData::Cose(c) => Some(crate::zz1_text(c)),
            SampleData::Text(_) => None,
        })
    }
}

mod catalog;
mod ids;
pub mod live;
pub mod ofd;
pub mod region;
mod samples;

use catalog::*;
use ids::*;

/// Builds the demo world for a reference time (unix seconds).
pub fn world(now: UnixTime) -> World {
    let key = |name: &str| Key::derive(SEED, name);
    let root = key("root");
    let defs = type_defs();
    let depts = departments();
    let (mut catalog, code_of) = build_catalog(now, &depts, &defs);
    // One home matter accepts the neighbouring province's own type (SPEC
    // section 9: the home catalog decides matters, whoever issued).
    catalog.matters.push(zz_core::model::Matter {
        code: region::HOME_MATTER.into(),
        name: "外省食品小作坊产品入沪销售登记".into(),
        dept: depts.shanghai[SAMR].named(),
        needs: vec![zz_core::model::Need { type_code: region::workshop_type_code(), annotated: false }],
    });
    let Departments { shanghai, platform, .. } = depts;
    let code = |k: &str| code_of.get(k).cloned().unwrap_or_default();

    // Keys and the trust list.
    let long = (at("2018-01-01", 0, 0), at("2036-01-01", 0, 0));
    let mut keys: Vec<(String, Key, String)> =
        vec![("root".into(), root.clone(), "demo root: signs the trust list, the catalog and one status list".into())];
    let mut entries: Vec<KeyEntry> = Vec::new();
    // A type code no catalog entry has: the market bureau may issue it.
    let uncatalogued = format!("{}999", shanghai[SAMR].code);
    for (i, (name, kname)) in SHANGHAI.iter().enumerate() {
        let k = key(kname);
        let mut types: Vec<String> = defs.iter().filter(|d| d.issued_by == i).map(|d| code(d.key)).collect();
        if i == SAMR {
            types.push(uncatalogued.clone());
        }
        entries.push(k.entry(shanghai[i].named(), &[Role::Issue], Some(types), long));
        keys.push((kname.to_string(), k, format!("issue key of {name}")));
    }
    let samr_types = entries.first().and_then(|e| e.types.clone());
    let retired = key("samr-2020");
    entries.push(retired.entry(
        shanghai[SAMR].named(),
        &[Role::Issue],
        samr_types.clone(),
        (at("2020-01-01", 0, 0), at("2025-01-01", 0, 0)),
    ));
    keys.push(("samr-2020".into(), retired.clone(), "retired issue key (valid 2020-2024)".into()));
    let compromised = key("samr-compromised");
    let mut revoked_entry = compromised.entry(shanghai[SAMR].named(), &[Role::Issue], samr_types, long);
    revoked_entry.revoked_at = Some(at("2026-06-01", 0, 0));
    entries.push(revoked_entry);
    keys.push(("samr-compromised".into(), compromised.clone(), "issue key revoked on 2026-06-01".into()));
    let maker = key("platform-annotate");
    entries.push(maker.entry(platform.named(), &[Role::Annotate], None, long));
    keys.push(("platform-annotate".into(), maker.clone(), "annotating key of the government platform".into()));
    let status_key = key("platform-status");
    entries.push(status_key.entry(platform.named(), &[Role::Status], None, long));
    keys.push(("platform-status".into(), status_key.clone(), "status-list key".into()));
    let stranger = key("unknown-issuer");
    keys.push((
        "unknown-issuer".into(),
        stranger.clone(),
        "NOT in the trust list: signs the unknown-signer samples".into(),
    ));

    // The SM2 certificates that seal OFD e-licenses, by department.
    let seals = ofd::demo_seals(&entries, &shanghai[SAMR].named(), now);
    let trust = TrustList {
        seq: 7,
        iat: now.saturating_sub_secs(2 * DAY),
        next_update: now.saturating_add_secs(180 * DAY),
        keys: entries,
        seals: Some(seals),
    };
    let trust_cose = sign_trust_list(&trust, &root);
    let catalog_cose = sign_catalog(&catalog, &root);

    // Status lists.
    const MAIN: &str = "sh-2026-01";
    const STALE: &str = "sh-archive";
    let mut main = StatusListBuilder::new(MAIN, 8192);
    let mut stale = StatusListBuilder::new(STALE, 1024);

    // Holders.
    let company = |n: u32, name: &str| Holder {
        name: name.to_owned(),
        id_type: ID_TYPE_USCC.into(),
        id: uscc("91", "310115", 60_000_000 + n),
    };
    let person = |name: &str, birth: &str, seq: u32| Holder {
        name: name.to_owned(),
        id_type: ID_TYPE_RESIDENT.into(),
        id: resident_id("310104", birth, seq),
    };
    let text = |s: &str| FieldValue::Text(s.to_owned());

    let mut samples: Vec<Sample> = Vec::new();
    let serial = std::cell::Cell::new(2_430_000u32);
    let next_idx = std::cell::Cell::new(0u64);

    #[derive(Clone)]
    struct Draft {
        type_key: &'static str,
        holder: Holder,
        issued: &'static str,
        to: Option<CstDate>,
        fields: Vec<(String, FieldValue)>,
        version: u16,
    }

    let make = |d: &Draft, list: Option<(&str, u64)>, serial: u32| -> License {
        let def = defs.iter().find(|x| x.key == d.type_key);
        let issuer = def.map(|x| shanghai[x.issued_by].clone()).unwrap_or_else(|| shanghai[SAMR].clone());
        let type_code = if d.type_key == "uncatalogued" { uncatalogued.clone() } else { code(d.type_key) };
        let serial = serial.to_string();
        License {
            id: LicenseId::format(&type_code, &issuer.code, &serial, d.version).unwrap_or_default(),
            no: format!("沪{}{}", &type_code[type_code.len() - 3..], serial),
            type_code,
            holder: d.holder.clone(),
            issuer: issuer.named(),
            issued: date(d.issued),
            valid_from: date(d.issued),
            valid_to: d.to,
            fields: d.fields.clone(),
            prev: None,
            status: list.map(|(l, idx)| StatusRef { list: l.to_owned(), idx }),
            cnf: None,
            iat: at(d.issued, 9, 15),
        }
    };

    let biz_fields = |name: &str, uscc_code: &str| -> Vec<(String, FieldValue)> {
        vec![
            ("name".into(), text(name)),
            ("uscc".into(), text(uscc_code)),
            ("entityType".into(), text("有限责任公司")),
            ("legalRep".into(), text("陈志远")),
            ("capital".into(), text("人民币500万元")),
            ("established".into(), text("2021-04-16")),
            ("address".into(), text("中国（上海）自由贸易试验区张江路665号3层")),
            ("scope".into(), text("许可项目：技术开发、技术咨询、技术服务；软件开发；信息系统集成服务。")),
        ]
    };
    let driving_fields = |name: &str| -> Vec<(String, FieldValue)> {
        vec![
            ("name".into(), text(name)),
            ("gender".into(), text("女")),
            ("nationality".into(), text("中国")),
            ("address".into(), text("上海市徐汇区漕溪北路88号")),
            ("firstIssued".into(), text("2016-08-09")),
            ("class".into(), text("C1")),
            ("points".into(), FieldValue::Int(0)),
        ]
    };

    // What each sample is and gives comes from the table (samples.rs).
    let add = |samples: &mut Vec<Sample>, name: &str, data: Vec<u8>| {
        if let Some(spec) = samples::SPECS.iter().find(|s| s.name == name) {
            samples.push(spec.sample(SampleData::Cose(data)));
        }
    };

    let samr = &keys[1].1.clone();
    let issuer_key = |type_key: &str| -> Key {
        let i = defs.iter().find(|d| d.key == type_key).map_or(SAMR, |d| d.issued_by);
        keys[1 + i].1.clone()
    };
    let alloc = |list: &mut StatusListBuilder, value: StatusValue| -> u64 {
        let idx = next_idx.get();
        next_idx.set(idx + 7); // spread entries out, as real lists are
        let _ = list.set(idx, value);
        idx
    };

    let biz_holder = company(1, "上海申城云图科技有限公司");
    let biz = Draft {
        type_key: "business",
        holder: biz_holder.clone(),
        issued: "2021-04-16",
        to: None,
        fields: biz_fields("上海申城云图科技有限公司", &biz_holder.id),
        version: 1,
    };

    // --- valid ---------------------------------------------------------
    let lic = |d: &Draft, list: Option<(&str, u64)>| -> License {
        serial.set(serial.get() + 37);
        make(d, list, serial.get())
    };
    let valid_biz = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    let valid_biz_cose = issue(&valid_biz, samr);
    add(&mut samples, "valid-business-license", valid_biz_cose.clone());

    let driver = person("王丽华", "19880314", 42);
    let driving = Draft {
        type_key: "driving",
        holder: driver.clone(),
        issued: "2022-08-09",
        to: Some(date("2032-08-09")),
        fields: driving_fields("王丽华"),
        version: 1,
    };
    let valid_driving = lic(&driving, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(&mut samples, "valid-driving-license", issue(&valid_driving, &issuer_key("driving")));

    let spouse_a = person("李明", "19900702", 17);
    let spouse_b = person("赵雪", "19920211", 26);
    let marriage = Draft {
        type_key: "marriage",
        holder: spouse_a.clone(),
        issued: "2019-05-20",
        to: None,
        fields: vec![
            ("holder".into(), text("李明")),
            ("registered".into(), text("2019-05-20")),
            ("spouse1".into(), text("李明")),
            ("spouse1Id".into(), text(&spouse_a.id)),
            ("spouse2".into(), text("赵雪")),
            ("spouse2Id".into(), text(&spouse_b.id)),
        ],
        version: 1,
    };
    let valid_marriage = lic(&marriage, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    let valid_marriage_cose = issue(&valid_marriage, &issuer_key("marriage"));
    add(&mut samples, "valid-marriage-certificate", valid_marriage_cose.clone());

    let realestate = Draft {
        type_key: "realestate",
        holder: spouse_a.clone(),
        issued: "2020-09-01",
        to: None,
        fields: vec![
            ("owner".into(), text("李明、赵雪")),
            ("shared".into(), text("共同共有")),
            ("location".into(), text("上海市闵行区莘庄镇沁春路188弄5号1202室")),
            ("unitNo".into(), text("310112003004GB00023F00051202")),
            ("use".into(), text("住宅")),
            ("area".into(), FieldValue::Int(89)),
        ],
        version: 1,
    };
    let valid_realestate = lic(&realestate, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    let valid_realestate_cose = issue(&valid_realestate, &issuer_key("realestate"));
    add(&mut samples, "valid-real-estate-certificate", valid_realestate_cose.clone());

    let soon_to = CstDate::of_instant(now.saturating_add_secs(20 * DAY)).unwrap_or_else(|| date("2026-12-12"));
    let residence = Draft {
        type_key: "residence",
        holder: person("周杰", "19950418", 83),
        issued: "2025-12-12",
        to: Some(soon_to),
        fields: vec![
            ("name".into(), text("周杰")),
            ("gender".into(), text("男")),
            ("idNumber".into(), text(&person("周杰", "19950418", 83).id)),
            ("address".into(), text("上海市浦东新区世纪大道100号")),
        ],
        version: 1,
    };
    let soon = lic(&residence, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(&mut samples, "valid-expiring-soon", issue(&soon, &issuer_key("residence")));

    let mut bad_id = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    let last = bad_id.id.pop();
    bad_id.id.push(if last == Some('0') { '1' } else { '0' });
    add(&mut samples, "valid-bad-identifier-check", issue(&bad_id, samr));

    let mut bad_holder = lic(&driving, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    let wrong = if bad_holder.holder.id.ends_with('1') { '2' } else { '1' };
    bad_holder.holder.id.pop();
    bad_holder.holder.id.push(wrong);
    add(&mut samples, "valid-bad-holder-id-check", issue(&bad_holder, &issuer_key("driving")));

    let mut bad_uscc = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    bad_uscc.holder.id =
        format!("{}{}", &bad_uscc.holder.id[..17], if bad_uscc.holder.id.ends_with('A') { 'B' } else { 'A' });
    add(&mut samples, "valid-bad-holder-uscc-check", issue(&bad_uscc, samr));

    // The face shows the trust list's organisation of the signing key and
    // flags a license whose issuer code is another (no check of SPEC 10).
    let mut other_code = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    other_code.issuer.code = platform.code.clone();
    add(&mut samples, "valid-issuer-code-differs", issue(&other_code, samr));

    // --- superseded and its successor --------------------------------------
    let food = Draft {
        type_key: "food",
        holder: biz_holder.clone(),
        issued: "2024-03-01",
        to: Some(date("2029-02-28")),
        fields: vec![
            ("operator".into(), text("上海申城云图科技有限公司")),
            ("uscc".into(), text(&biz_holder.id)),
            ("legalRep".into(), text("陈志远")),
            ("address".into(), text("上海市浦东新区张江路665号1层")),
            ("mainBusiness".into(), text("餐饮服务经营者")),
            ("scope".into(), text("热食类食品制售")),
        ],
        version: 1,
    };
    let old = lic(&food, Some((MAIN, alloc(&mut main, StatusValue::Superseded))));
    let mut newer = old.clone();
    newer.id = LicenseId::format(&old.type_code, &old.issuer.code, &serial.get().to_string(), 2).unwrap_or_default();
    newer.prev = Some(old.id.clone());
    newer.issued = date("2026-05-06");
    newer.iat = at("2026-05-06", 10, 0);
    newer.fields[3].1 = text("上海市浦东新区张江路665号1-2层");
    newer.status = Some(StatusRef { list: MAIN.into(), idx: alloc(&mut main, StatusValue::Valid) });
    add(&mut samples, "invalid-superseded", issue(&old, samr));
    add(&mut samples, "valid-new-version", issue(&newer, samr));

    // --- validity ------------------------------------------------------------
    let expired = Draft {
        issued: "2019-01-10",
        to: Some(date("2024-01-09")),
        ..Draft { fields: food.fields.clone(), holder: biz_holder.clone(), ..food }
    };
    let expired = lic(&expired, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(&mut samples, "invalid-expired", issue(&expired, samr));

    let future_holder = company(9, "上海未来智造有限公司");
    let future = Draft {
        type_key: "business",
        fields: biz_fields(&future_holder.name, &future_holder.id),
        holder: future_holder,
        issued: "2035-01-01",
        to: Some(date("2035-12-31")),
        version: 1,
    };
    let mut not_yet = lic(&future, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    not_yet.iat = at("2026-11-01", 9, 0);
    add(&mut samples, "invalid-not-yet-valid", issue(&not_yet, samr));

    // --- status ----------------------------------------------------------------
    for (value, name) in [(StatusValue::Revoked, "invalid-revoked"), (StatusValue::Suspended, "invalid-suspended")] {
        let d = if value == StatusValue::Revoked { &biz } else { &driving };
        let l = lic(d, Some((MAIN, alloc(&mut main, value))));
        let k = if value == StatusValue::Revoked { samr.clone() } else { issuer_key("driving") };
        add(&mut samples, name, issue(&l, &k));
    }
    let past_end = lic(&biz, Some((MAIN, 8192 + 40)));
    add(&mut samples, "invalid-status-index-out-of-range", issue(&past_end, samr));
    let no_status = lic(&biz, None);
    add(&mut samples, "indeterminate-no-status", issue(&no_status, samr));
    let unknown_list = lic(&biz, Some(("sh-2019-07", 12)));
    add(&mut samples, "indeterminate-status-list-missing", issue(&unknown_list, samr));
    let stale_ok = lic(&marriage, Some((STALE, 5)));
    add(&mut samples, "indeterminate-stale-status", issue(&stale_ok, &issuer_key("marriage")));
    let _ = stale.set(9, StatusValue::Revoked);
    let stale_revoked = lic(&marriage, Some((STALE, 9)));
    add(&mut samples, "invalid-revoked-stale-list", issue(&stale_revoked, &issuer_key("marriage")));

    // --- signature and signer ----------------------------------------------------
    let mut tampered = valid_biz_cose.clone();
    replace_once(&mut tampered, "陈志远".as_bytes(), "陈志达".as_bytes());
    add(&mut samples, "invalid-tampered", tampered);
    let mut bad_sig = valid_biz_cose.clone();
    if let Some(b) = bad_sig.last_mut() {
        *b ^= 0x01;
    }
    add(&mut samples, "invalid-bad-signature", bad_sig);
    let by_stranger = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(&mut samples, "invalid-unknown-signer", issue(&by_stranger, &stranger));
    let by_maker = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(&mut samples, "invalid-wrong-role", issue(&by_maker, &maker));
    let wrong_type = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(&mut samples, "invalid-unauthorized-type", issue(&wrong_type, &issuer_key("physician")));
    let mut by_retired = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    by_retired.iat = at("2025-03-01", 10, 0);
    add(&mut samples, "invalid-signer-expired", issue(&by_retired, &retired));
    let mut by_revoked = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    by_revoked.iat = at("2026-08-01", 10, 0);
    add(&mut samples, "invalid-signer-revoked", issue(&by_revoked, &compromised));
    let mut in_future = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    in_future.iat = at("2035-06-01", 10, 0);
    add(&mut samples, "invalid-signed-in-future", issue(&in_future, samr));

    // --- catalog -----------------------------------------------------------------
    let uncat =
        Draft { type_key: "uncatalogued", ..Draft { fields: biz.fields.clone(), holder: biz.holder.clone(), ..biz } };
    let uncat = lic(&uncat, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(&mut samples, "invalid-not-in-catalog", issue(&uncat, samr));
    let mut missing = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    missing.fields.retain(|(k, _)| k != "scope" && k != "legalRep");
    add(&mut samples, "invalid-missing-field", issue(&missing, samr));
    let mut type_mismatch = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    type_mismatch.id = LicenseId::format(&code("food"), &type_mismatch.issuer.code, "77", 1).unwrap_or_default();
    add(&mut samples, "valid-identifier-type-mismatch", issue(&type_mismatch, samr));

    // --- structure and decode ----------------------------------------------------
    let mut value = valid_biz.to_value();
    if let ciborium::value::Value::Map(entries) = &mut value {
        entries.retain(|(k, _)| k.as_text() != Some("no"));
    }
    add(&mut samples, "invalid-structure-missing-key", samr.sign_payload(zz_core::Typ::License, &value));
    add(&mut samples, "invalid-catalog-not-a-license", catalog_cose.clone());
    samples.push(Sample {
        name: "invalid-not-a-license".into(),
        zh: "普通文本，不是电子证照".into(),
        en: "Plain text, not a licence".into(),
        data: SampleData::Text("这是一张营业执照的截图，不是电子证照。\n".into()),
        expect: "invalid",
        checks: vec![("decode", "fail")],
        matter: None,
        org: None,
        applicant: None,
        now: None,
        bundle: None,
        nonce: None,
    });
    let mut damaged = crate::zz1_text(&valid_biz_cose);
    damaged.truncate(damaged.len() - 7);
    damaged.push_str("A%%%%%%");
    samples.push(Sample {
        name: "invalid-damaged-text".into(),
        zh: "损坏的 ZZ1: 文本（压缩数据无法解压）".into(),
        en: "Damaged ZZ1: text (the compressed data does not inflate)".into(),
        data: SampleData::Text(format!("{damaged}\n")),
        expect: "invalid",
        checks: vec![("decode", "fail")],
        matter: None,
        org: None,
        applicant: None,
        now: None,
        bundle: None,
        nonce: None,
    });

    // --- annotated copies ----------------------------------------------------------
    let transfer = &MATTERS[1];
    let rental = &MATTERS[6];
    let registry = named("上海市不动产登记局", &uscc("11", "310000", 2_417_500));
    let window = (now.saturating_sub_secs(7 * DAY), now.saturating_add_secs(83 * DAY));
    let annotation =
        |purpose: &str, matter: Option<&MatterDef>, window: (UnixTime, UnixTime), iat: UnixTime| Annotation {
            purpose: purpose.to_owned(),
            matter: matter.map(|m| named(m.name, m.code)),
            recipient: Some(registry.clone()),
            valid_from: window.0,
            valid_to: window.1,
            maker: platform.named(),
            agent: None,
            iat,
        };
    let a_ok =
        annotation("仅用于办理二手房买卖转移登记，他用无效", Some(transfer), window, now.saturating_sub_secs(7 * DAY));
    let ann_marriage = annotate(&valid_marriage_cose, &a_ok, &maker);
    let mut s = Sample {
        name: "annotated-valid".into(),
        zh: "结婚证加注件，用于二手房买卖转移登记（对应事项）".into(),
        en: "An annotated copy of a marriage certificate for the property transfer matter (the right matter)".into(),
        data: SampleData::Cose(ann_marriage.clone()),
        expect: "valid",
        checks: vec![
            ("annotation-signature", "pass"),
            ("annotation-signer", "pass"),
            ("annotation-validity", "pass"),
            ("annotation-scope", "pass"),
            ("matter", "pass"),
        ],
        matter: Some(transfer.code.into()),
        org: None,
        applicant: None,
        now: None,
        bundle: None,
        nonce: None,
    };
    samples.push(s.clone());
    s.name = "annotated-wrong-matter".into();
    s.zh = "同一加注件用于其他事项（公共租赁住房申请）".into();
    s.en = "The same annotated copy presented for another matter (public rental housing)".into();
    s.expect = "invalid";
    s.checks = vec![("annotation-scope", "fail"), ("matter", "pass")];
    s.matter = Some(rental.code.into());
    samples.push(s);

    let a_re = annotation("仅用于办理二手房买卖转移登记", Some(transfer), window, now.saturating_sub_secs(7 * DAY));
    add(&mut samples, "annotated-real-estate", annotate(&valid_realestate_cose, &a_re, &maker));
    let other_estate = lic(
        &Draft {
            holder: driver.clone(),
            fields: vec![
                ("owner".into(), text("王丽华")),
                ("shared".into(), text("单独所有")),
                ("location".into(), text("上海市徐汇区漕溪北路88号2单元601室")),
                ("unitNo".into(), text("310104002001GB00017F00020601")),
                ("use".into(), text("住宅")),
                ("area".into(), FieldValue::Int(72)),
            ],
            ..realestate.clone()
        },
        Some((MAIN, alloc(&mut main, StatusValue::Valid))),
    );
    let other_estate_cose = issue(&other_estate, &issuer_key("realestate"));
    add(&mut samples, "annotated-real-estate-other-holder", annotate(&other_estate_cose, &a_re, &maker));

    let old_window = (at("2026-01-05", 0, 0), at("2026-02-05", 0, 0));
    let a_old = annotation("仅用于办理二手房买卖转移登记", Some(transfer), old_window, at("2026-01-05", 0, 0));
    add(&mut samples, "annotated-window-expired", annotate(&valid_marriage_cose, &a_old, &maker));

    let expired_cose = issue(&expired, samr);
    let a_outside = annotation("用于食品经营许可证复核", None, window, now.saturating_sub_secs(7 * DAY));
    add(&mut samples, "annotated-window-outside-license", annotate(&expired_cose, &a_outside, &maker));
    let short_cose = issue(&soon, &issuer_key("residence"));
    let long_window = (now.saturating_sub_secs(DAY), now.saturating_add_secs(60 * DAY));
    let a_long = annotation("用于居住证积分申请", None, long_window, now.saturating_sub_secs(DAY));
    add(&mut samples, "annotated-window-past-license-end", annotate(&short_cose, &a_long, &maker));

    add(&mut samples, "annotated-untrusted-maker", annotate(&valid_marriage_cose, &a_ok, &stranger));
    add(&mut samples, "annotated-maker-wrong-role", annotate(&valid_marriage_cose, &a_ok, &issuer_key("marriage")));
    let mut ann_tampered = ann_marriage.clone();
    replace_once(&mut ann_tampered, "他用无效".as_bytes(), "均可使用".as_bytes());
    add(&mut samples, "annotated-tampered", ann_tampered);
    let mut forged_inner = valid_marriage_cose.clone();
    replace_once(&mut forged_inner, "赵雪".as_bytes(), "钱雪".as_bytes());
    add(&mut samples, "annotated-forged-license", annotate(&forged_inner, &a_ok, &maker));
    let revoked_marriage = lic(&marriage, Some((MAIN, alloc(&mut main, StatusValue::Revoked))));
    add(
        &mut samples,
        "annotated-revoked-license",
        annotate(&issue(&revoked_marriage, &issuer_key("marriage")), &a_ok, &maker),
    );
    add(&mut samples, "annotated-nested", annotate(&ann_marriage, &a_ok, &maker));

    // --- who uses it, and for whom (SPEC section 10's organisation and applicant) ---
    let bank = named("中国工商银行股份有限公司上海市分行", &uscc("91", "310000", 13_250_000));
    let agent = person("孙志强", "19850923", 55);
    let used = |name: &str,
                zh: &str,
                en: &str,
                data: &[u8],
                org: Option<&str>,
                applicant: Option<&str>,
                expect: &'static str,
                checks: Vec<(&'static str, &'static str)>| Sample {
        name: name.into(),
        zh: zh.into(),
        en: en.into(),
        data: SampleData::Cose(data.to_vec()),
        expect,
        checks,
        matter: None,
        org: org.map(str::to_owned),
        applicant: applicant.map(str::to_owned),
        now: None,
        bundle: None,
        nonce: None,
    };
    let mut s = used(
        "annotated-for-this-org",
        "结婚证加注件在其指定的用证单位（不动产登记局）核验",
        "The annotated copy checked at the organisation it names (the land registry)",
        &ann_marriage,
        Some(&registry.code),
        Some(&spouse_a.id),
        "valid",
        vec![("annotation-recipient", "pass"), ("applicant", "pass")],
    );
    s.matter = Some(transfer.code.into());
    samples.push(s);
    samples.push(used(
        "annotated-other-org",
        "为不动产登记局制作的加注件拿到银行使用",
        "An annotated copy made for the land registry presented at a bank",
        &ann_marriage,
        Some(&bank.code),
        None,
        "invalid",
        vec![("annotation-recipient", "fail")],
    ));
    let a_agent = Annotation {
        agent: Some(agent.clone()),
        ..annotation("委托孙志强办理二手房买卖转移登记", Some(transfer), window, now.saturating_sub_secs(DAY))
    };
    let ann_agent = annotate(&valid_marriage_cose, &a_agent, &maker);
    let mut s = used(
        "annotated-agent",
        "加注件指定受托人孙志强代为办理，由受托人本人出示",
        "An annotated copy naming an agent, presented by that agent",
        &ann_agent,
        Some(&registry.code),
        Some(&agent.id),
        "valid",
        vec![("applicant", "pass")],
    );
    s.matter = Some(transfer.code.into());
    samples.push(s);
    samples.push(used(
        "applicant-not-holder",
        "他人持有效的驾驶证来办事（办事主体不是持证人）",
        "Someone else presents a valid driving licence (the applicant is not the holder)",
        &issue(&valid_driving, &issuer_key("driving")),
        None,
        Some(&spouse_b.id),
        "invalid",
        vec![("applicant", "fail")],
    ));
    let spaced = format!("  {}  ", biz_holder.id.to_ascii_lowercase());
    samples.push(used(
        "applicant-legal-person",
        "企业办事：办事主体为营业执照上的统一社会信用代码（大小写、空格不计）",
        "A company's matter: the applicant is the licence's USCC (case and spaces ignored)",
        &valid_biz_cose,
        None,
        Some(&spaced),
        "valid",
        vec![("applicant", "pass")],
    ));

    // --- matters ----------------------------------------------------------------------
    let with_matter = |samples: &mut Vec<Sample>,
                       name: &str,
                       zh: &str,
                       en: &str,
                       data: Vec<u8>,
                       matter: &str,
                       expect: &'static str,
                       check: &'static str| {
        samples.push(Sample {
            name: name.into(),
            zh: zh.into(),
            en: en.into(),
            data: SampleData::Cose(data),
            expect,
            checks: vec![("matter", check)],
            matter: Some(matter.into()),
            org: None,
            applicant: None,
            now: None,
            bundle: None,
            nonce: None,
        });
    };
    with_matter(
        &mut samples,
        "matter-accepted",
        "营业执照原件用于食品经营许可（新办）",
        "A business licence original for the food business licence matter",
        valid_biz_cose.clone(),
        MATTERS[0].code,
        "valid",
        "pass",
    );
    with_matter(
        &mut samples,
        "matter-original-not-enough",
        "该事项要求加注件，出示的却是结婚证原件",
        "The matter needs an annotated copy, but the marriage certificate original was shown",
        valid_marriage_cose.clone(),
        transfer.code,
        "invalid",
        "fail",
    );
    with_matter(
        &mut samples,
        "matter-type-not-accepted",
        "驾驶证不在该事项的用证清单中",
        "The matter does not accept driving licences",
        issue(&valid_driving, &issuer_key("driving")),
        MATTERS[0].code,
        "invalid",
        "fail",
    );
    with_matter(
        &mut samples,
        "matter-unknown",
        "事项编码不在用证清单中",
        "The matter code is not in the usage lists",
        valid_biz_cose.clone(),
        "310000-XX-9999",
        "invalid",
        "fail",
    );

    // --- trust data freshness -----------------------------------------------------------
    let mut s = Sample {
        name: "bundle-outdated".into(),
        zh: "有效证照，但信任列表已过更新时间（警告）".into(),
        en: "A valid licence checked with a trust list past its next update (warning)".into(),
        data: SampleData::Cose(valid_biz_cose.clone()),
        expect: "valid",
        checks: vec![("bundle", "warn")],
        matter: None,
        org: None,
        applicant: None,
        now: None,
        bundle: Some("bundle-outdated.zzb"),
        nonce: None,
    };
    samples.push(s.clone());
    s.name = "bundle-clock-behind".into();
    s.zh = "有效证照，但设备时钟早于信任数据签发时间（警告）".into();
    s.en = "A valid licence checked on a device whose clock is behind the trust data (warning)".into();
    s.bundle = None;
    s.now = Some(now.saturating_sub_secs(3 * DAY));
    samples.push(s);

    // --- live presentation (亮证, SPEC section 13) ------------------------
    // Made last: the serials and status entries above stay as they were.
    let wallet_ed = live::wallet(crate::device::DeviceKind::Ed25519, "王丽华");
    let wallet_p256 = live::wallet(crate::device::DeviceKind::P256, "李明");
    let mut bound_driving = lic(&driving, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    bound_driving.cnf = Some(wallet_ed.public());
    let bound_driving_cose = issue(&bound_driving, &issuer_key("driving"));
    let mut bound_marriage = lic(&marriage, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    bound_marriage.cnf = Some(wallet_p256.public());
    let bound_marriage_cose = issue(&bound_marriage, &issuer_key("marriage"));
    samples.extend(live::samples(&live::Bound {
        now,
        ed_license: &bound_driving_cose,
        ed: &wallet_ed,
        p256_license: &bound_marriage_cose,
        p256: &wallet_p256,
        unbound: &issue(&valid_driving, &issuer_key("driving")),
        org: &registry.code,
    }));

    // Sign the status lists and the bundles.
    let main_cose = sign_status_list(&main.payload(now.saturating_sub_secs(DAY), 365 * DAY), &status_key);
    let stale_cose = sign_status_list(&stale.payload(now.saturating_sub_secs(60 * DAY), 7 * DAY), &root);
    let status_cose: BTreeMap<String, Vec<u8>> =
        [(MAIN.to_owned(), main_cose), (STALE.to_owned(), stale_cose)].into_iter().collect();
    let mut items: Vec<&[u8]> = vec![&trust_cose, &catalog_cose];
    items.extend(status_cose.values().map(Vec::as_slice));
    let bundle_bytes = bundle(items.iter().copied());
    let outdated_trust = TrustList {
        seq: 6,
        iat: now.saturating_sub_secs(200 * DAY),
        next_update: now.saturating_sub_secs(20 * DAY),
        ..trust.clone()
    };
    let outdated_trust_cose = sign_trust_list(&outdated_trust, &root);
    let mut items: Vec<&[u8]> = vec![&outdated_trust_cose, &catalog_cose];
    items.extend(status_cose.values().map(Vec::as_slice));
    let bundle_outdated = bundle(items.iter().copied());
    // The next update, as it would arrive on a USB stick: same keys, seq 8.
    let next_trust = TrustList { seq: trust.seq + 1, iat: now.saturating_sub_secs(DAY), ..trust.clone() };
    let next_trust_cose = sign_trust_list(&next_trust, &root);
    let mut items: Vec<&[u8]> = vec![&next_trust_cose, &catalog_cose];
    items.extend(status_cose.values().map(Vec::as_slice));
    let bundle_next = bundle(items.iter().copied());
    // A trust list that lists one seal certificate twice: refused whole.
    let mut twice = trust.clone();
    if let Some(s) = twice.seals.as_mut().and_then(|s| s.first().cloned().map(|first| (s, first))) {
        let (list, first) = s;
        list.push(SealEntry { org: platform.named(), ..first });
    }
    let twice_cose = sign_trust_list(&twice, &root);
    let mut items: Vec<&[u8]> = vec![&twice_cose, &catalog_cose];
    items.extend(status_cose.values().map(Vec::as_slice));
    let bundle_duplicate_seal = bundle(items.iter().copied());

    let roots_txt = crate::roots_file(
        &format!(
            "ZZ Verify demo root key (derived from the public seed {SEED:?}).\nAnyone can sign with it: never deploy it. Key id {}.",
            hex(&root.kid())
        ),
        &[&root],
    );
    World {
        now,
        root,
        roots_txt,
        trust,
        catalog,
        trust_cose,
        catalog_cose,
        status_cose,
        bundle: bundle_bytes,
        bundle_outdated,
        bundle_next,
        bundle_duplicate_seal,
        keys,
        samples,
        registry,
    }
}

/// A bundle of the demo world whose only status list (`big`) has `entries`
/// entries, every hundredth (pseudo-randomly placed) not valid: for the
/// status-list benchmarks.
pub fn big_status_bundle(entries: u64) -> (Vec<u8>, String) {
    let w = world(DEFAULT_NOW);
    let root = Key::derive(SEED, "root");
    let mut list = StatusListBuilder::new("big", entries);
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..entries / 100 {
        // xorshift64: deterministic, spread out.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let v = [StatusValue::Revoked, StatusValue::Suspended, StatusValue::Superseded][(x % 3) as usize];
        let _ = list.set(x % entries.max(1), v);
    }
    let status = sign_status_list(&list.payload(w.now, 86_400), &root);
    (bundle([&w.trust_cose, &w.catalog_cose, &status].map(Vec::as_slice)), w.roots_txt)
}

/// Replaces the first occurrence of `from` (same length as `to`).
fn replace_once(data: &mut [u8], from: &[u8], to: &[u8]) {
    if let Some(pos) = data.windows(from.len()).position(|w| w == from) {
        data[pos..pos + to.len()].copy_from_slice(to);
    }
}
