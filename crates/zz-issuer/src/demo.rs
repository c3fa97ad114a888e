//! The demo world: a root, Shanghai departments, a catalog, usage lists,
//! status lists and sample licenses covering every verdict and every check
//! of SPEC section 10, all derived deterministically from [`SEED`].
//!
//! Every key here is derived from a public seed: anyone can sign as these
//! "departments". Never deploy the demo roots.

use std::collections::BTreeMap;

use zz_core::dates::CstDate;
use zz_core::envelope::hex;
use zz_core::ident::{LicenseId, resident_id_check, uscc_check};
use zz_core::model::{
    Annotation, Catalog, FieldKind, FieldSpec, FieldValue, Holder, HolderType, ID_TYPE_RESIDENT, ID_TYPE_USCC,
    KeyEntry, Level, License, LicenseType, Matter, Named, Need, Role, StatusRef, StatusValue, TrustList, Validity,
};

use crate::{Key, StatusListBuilder, annotate, bundle, issue, sign_catalog, sign_status_list, sign_trust_list};

/// The public seed every demo key is derived from.
pub const SEED: &str = "ZZ Verify public demo seed 2026 (not secret)";
/// Default reference time of the demo world: 2026-11-22T09:30:00+08:00.
pub const DEFAULT_NOW: u64 = 1_795_311_000;
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
    /// The verdict verifying it gives (with `matter`, `now`, `bundle`).
    pub expect: &'static str,
    /// The checks this sample exists for, with their expected outcome.
    pub checks: Vec<(&'static str, &'static str)>,
    /// The matter to verify it for, if any.
    pub matter: Option<String>,
    /// Verify at this time instead of the world's reference time.
    pub now: Option<u64>,
    /// Verify against this bundle file instead of `bundle.zzb`.
    pub bundle: Option<&'static str>,
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
    pub now: u64,
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
    /// Every demo key by name, with what it is for.
    pub keys: Vec<(String, Key, String)>,
    pub samples: Vec<Sample>,
}

/// ISO 7064 / GB 11714 check of an 8-digit organisation code.
fn org_code(n: u32) -> String {
    let base = format!("{n:08}");
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = base.bytes().zip(W).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let c = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from(b'0' + d as u8),
    };
    format!("{base}{c}")
}

/// A USCC: 2 characters of registration kind, 6 of region, an org code.
fn uscc(kind: &str, region: &str, n: u32) -> String {
    let first17 = format!("{kind}{region}{}", org_code(n));
    let check = uscc_check(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

fn resident_id(region: &str, birth: &str, seq: u32) -> String {
    let first17 = format!("{region}{birth}{seq:03}");
    let check = resident_id_check(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

fn date(s: &str) -> CstDate {
    CstDate::parse(s).unwrap_or_else(|| panic!("demo date {s}"))
}

/// Unix time of `YYYY-MM-DD` at `hh:mm` CST.
fn at(day: &str, hh: u64, mm: u64) -> u64 {
    u64::try_from(date(day).start()).unwrap_or(0) + hh * 3600 + mm * 60
}

fn named(name: &str, code: &str) -> Named {
    Named { name: name.to_owned(), code: code.to_owned() }
}

/// A department: its name and USCC.
#[derive(Clone)]
struct Dept {
    name: &'static str,
    code: String,
}

impl Dept {
    fn named(&self) -> Named {
        named(self.name, &self.code)
    }
}

/// Face fields as `key|标签|Label|kind[:opt,opt]|required`.
fn fields(specs: &[&str]) -> Vec<FieldSpec> {
    specs
        .iter()
        .map(|s| {
            let p: Vec<&str> = s.split('|').collect();
            let (kind, options) = match p[3].split_once(':') {
                Some((k, opts)) => (k, Some(opts.split(',').map(str::to_owned).collect())),
                None => (p[3], None),
            };
            FieldSpec {
                key: p[0].to_owned(),
                label: p[1].to_owned(),
                label_en: Some(p[2].to_owned()),
                kind: FieldKind::parse(kind).unwrap_or(FieldKind::Text),
                required: p[4] == "1",
                options,
            }
        })
        .collect()
}

struct TypeDef {
    key: &'static str,
    defined_by: usize,
    issued_by: usize,
    suffix: &'static str,
    name: &'static str,
    name_en: &'static str,
    level: Level,
    holders: &'static [HolderType],
    public: bool,
    since: &'static str,
    validity: Validity,
    fields: &'static [&'static str],
    code_rule: Option<&'static str>,
}

use HolderType::{Legal, Other, Person};

const NATIONAL: &[(&str, &str)] = &[
    ("国家市场监督管理总局", ""),
    ("国家卫生健康委员会", ""),
    ("中华人民共和国住房和城乡建设部", ""),
    ("中华人民共和国教育部", ""),
    ("中华人民共和国民政部", ""),
    ("中华人民共和国公安部", ""),
    ("中华人民共和国人力资源和社会保障部", ""),
    ("中华人民共和国自然资源部", ""),
    ("中华人民共和国生态环境部", ""),
    ("国家药品监督管理局", ""),
    ("中华人民共和国交通运输部", ""),
    ("中华人民共和国文化和旅游部", ""),
];

/// Shanghai departments: (name, key name).
const SHANGHAI: &[(&str, &str)] = &[
    ("上海市市场监督管理局", "samr"),
    ("上海市卫生健康委员会", "health"),
    ("上海市住房和城乡建设管理委员会", "housing"),
    ("上海市教育委员会", "education"),
    ("上海市民政局", "civil"),
    ("上海市公安局交通警察总队", "traffic"),
    ("上海市人力资源和社会保障局", "hrss"),
    ("上海市公安局", "police"),
    ("上海市规划和自然资源局", "planning"),
    ("上海市生态环境局", "ecology"),
    ("上海市药品监督管理局", "drugs"),
    ("上海市交通委员会", "transport"),
    ("上海市文化和旅游局", "culture"),
];

// Indices into SHANGHAI (issuers) and, offset by 100, NATIONAL (definers).
const SAMR: usize = 0;
const HEALTH: usize = 1;
const HOUSING: usize = 2;
const EDU: usize = 3;
const CIVIL: usize = 4;
const TRAFFIC: usize = 5;
const HRSS: usize = 6;
const POLICE: usize = 7;
const PLANNING: usize = 8;
const ECOLOGY: usize = 9;
const DRUGS: usize = 10;
const TRANSPORT: usize = 11;
const CULTURE: usize = 12;
const N: usize = 100;

fn type_defs() -> Vec<TypeDef> {
    let t = |key, defined_by, issued_by, suffix, name, name_en, level, holders, validity, fields| TypeDef {
        key,
        defined_by,
        issued_by,
        suffix,
        name,
        name_en,
        level,
        holders,
        public: true,
        since: "2020-01-01",
        validity,
        fields,
        code_rule: None,
    };
    let mut v = vec![
        TypeDef {
            since: "2019-03-01",
            code_rule: Some("统一社会信用代码"),
            ..t(
                "business",
                N,
                SAMR,
                "032",
                "营业执照",
                "Business licence",
                Level::National,
                &[Legal, Other],
                Validity::Either,
                &[
                    "name|名称|Name|text|1",
                    "uscc|统一社会信用代码|Unified social credit code|id|1",
                    "entityType|类型|Type|enum:有限责任公司,股份有限公司,个人独资企业,合伙企业,个体工商户|1",
                    "legalRep|法定代表人|Legal representative|text|1",
                    "capital|注册资本|Registered capital|text|0",
                    "established|成立日期|Established|date|1",
                    "address|住所|Address|text|1",
                    "scope|经营范围|Business scope|text|1",
                ],
            )
        },
        TypeDef {
            since: "2019-10-01",
            ..t(
                "food",
                N,
                SAMR,
                "011",
                "食品经营许可证",
                "Food business licence",
                Level::National,
                &[Legal, Other],
                Validity::Fixed,
                &[
                    "operator|经营者名称|Operator|text|1",
                    "uscc|社会信用代码|Social credit code|id|1",
                    "legalRep|法定代表人（负责人）|Legal representative|text|1",
                    "address|经营场所|Premises|text|1",
                    "mainBusiness|主体业态|Main business|enum:食品销售经营者,餐饮服务经营者,单位食堂|1",
                    "scope|经营项目|Business items|text|1",
                ],
            )
        },
        t(
            "equipment",
            N,
            SAMR,
            "045",
            "特种设备使用登记证",
            "Special equipment registration certificate",
            Level::National,
            &[Legal],
            Validity::LongTerm,
            &[
                "user|使用单位|User|text|1",
                "equipmentType|设备类别|Equipment type|enum:电梯,锅炉,压力容器,起重机械,场（厂）内专用机动车辆|1",
                "equipmentCode|设备代码|Equipment code|text|1",
                "address|使用地点|Location|text|1",
            ],
        ),
        t(
            "production",
            N,
            SAMR,
            "052",
            "工业产品生产许可证",
            "Industrial product production licence",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "company|企业名称|Company|text|1",
                "address|住所|Address|text|1",
                "product|产品名称|Product|text|1",
                "inspection|检验方式|Inspection|enum:自行检验,委托检验|0",
            ],
        ),
        t(
            "physician",
            N + 1,
            HEALTH,
            "001",
            "医师执业证书",
            "Physician practising certificate",
            Level::National,
            &[Person],
            Validity::LongTerm,
            &[
                "name|姓名|Name|text|1",
                "gender|性别|Gender|enum:男,女|1",
                "birthDate|出生日期|Date of birth|date|1",
                "idNumber|身份证号|ID number|id|1",
                "category|执业类别|Category|enum:临床,中医,口腔,公共卫生|1",
                "scope|执业范围|Scope of practice|text|1",
                "institution|执业地点|Institution|text|1",
            ],
        ),
        t(
            "nurse",
            N + 1,
            HEALTH,
            "002",
            "护士执业证书",
            "Nurse practising certificate",
            Level::National,
            &[Person],
            Validity::Fixed,
            &[
                "name|姓名|Name|text|1",
                "gender|性别|Gender|enum:男,女|1",
                "idNumber|身份证号|ID number|id|1",
                "institution|执业地点|Institution|text|1",
            ],
        ),
        t(
            "clinic",
            N + 1,
            HEALTH,
            "010",
            "医疗机构执业许可证",
            "Medical institution practising licence",
            Level::National,
            &[Legal, Other],
            Validity::Fixed,
            &[
                "institution|机构名称|Institution|text|1",
                "address|地址|Address|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "category|类别|Category|text|1",
                "departments|诊疗科目|Departments|text|1",
                "beds|床位|Beds|number|0",
            ],
        ),
        t(
            "birth",
            N + 1,
            HEALTH,
            "020",
            "出生医学证明",
            "Medical birth certificate",
            Level::National,
            &[Person],
            Validity::LongTerm,
            &[
                "name|新生儿姓名|Name|text|1",
                "gender|性别|Gender|enum:男,女|1",
                "birthDate|出生日期|Date of birth|date|1",
                "birthPlace|出生地点|Place of birth|text|1",
                "mother|母亲姓名|Mother|text|1",
                "father|父亲姓名|Father|text|0",
            ],
        ),
        TypeDef {
            level: Level::Province,
            ..t(
                "hygiene",
                HEALTH,
                HEALTH,
                "101",
                "公共场所卫生许可证",
                "Public place hygiene licence",
                Level::Province,
                &[Legal, Other, Person],
                Validity::Fixed,
                &["unit|单位名称|Unit|text|1", "address|地址|Address|text|1", "items|许可项目|Licensed items|text|1"],
            )
        },
        t(
            "construction",
            N + 2,
            HOUSING,
            "003",
            "建筑业企业资质证书",
            "Construction enterprise qualification certificate",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "company|企业名称|Company|text|1",
                "uscc|统一社会信用代码|Unified social credit code|id|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "qualification|资质类别及等级|Qualification|text|1",
            ],
        ),
        t(
            "safety",
            N + 2,
            HOUSING,
            "004",
            "建筑施工企业安全生产许可证",
            "Construction safety production licence",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "company|单位名称|Company|text|1",
                "principal|主要负责人|Principal|text|1",
                "scope|许可范围|Scope|text|1",
            ],
        ),
        t(
            "presale",
            HOUSING,
            HOUSING,
            "102",
            "商品房预售许可证",
            "Commercial housing pre-sale permit",
            Level::Province,
            &[Legal],
            Validity::LongTerm,
            &[
                "developer|开发企业|Developer|text|1",
                "project|项目名称|Project|text|1",
                "address|房屋坐落|Location|text|1",
                "area|预售面积（平方米）|Pre-sale area (m²)|number|1",
            ],
        ),
        t(
            "builder",
            N + 2,
            HOUSING,
            "007",
            "二级建造师注册证书",
            "Grade II constructor registration certificate",
            Level::National,
            &[Person],
            Validity::Fixed,
            &[
                "name|姓名|Name|text|1",
                "idNumber|身份证号|ID number|id|1",
                "specialty|注册专业|Specialty|enum:建筑工程,市政公用工程,机电工程,公路工程|1",
                "company|聘用企业|Employer|text|1",
            ],
        ),
        t(
            "teacher",
            N + 3,
            EDU,
            "001",
            "教师资格证书",
            "Teacher qualification certificate",
            Level::National,
            &[Person],
            Validity::LongTerm,
            &[
                "name|姓名|Name|text|1",
                "gender|性别|Gender|enum:男,女|1",
                "idNumber|身份证号|ID number|id|1",
                "qualification|资格种类|Qualification|enum:幼儿园,小学,初级中学,高级中学,中等职业学校|1",
                "subject|任教学科|Subject|text|1",
            ],
        ),
        t(
            "school",
            N + 3,
            EDU,
            "010",
            "民办学校办学许可证",
            "Private school operating licence",
            Level::National,
            &[Legal, Other],
            Validity::Fixed,
            &[
                "school|学校名称|School|text|1",
                "address|地址|Address|text|1",
                "principal|校长|Principal|text|1",
                "level|办学层次|Level|text|1",
            ],
        ),
        t(
            "marriage",
            N + 4,
            CIVIL,
            "001",
            "结婚证",
            "Marriage certificate",
            Level::National,
            &[Person],
            Validity::LongTerm,
            &[
                "holder|持证人|Holder|text|1",
                "registered|登记日期|Date of registration|date|1",
                "spouse1|姓名（男方）|Name (1)|text|1",
                "spouse1Id|身份证件号（男方）|ID number (1)|id|1",
                "spouse2|姓名（女方）|Name (2)|text|1",
                "spouse2Id|身份证件号（女方）|ID number (2)|id|1",
            ],
        ),
        t(
            "divorce",
            N + 4,
            CIVIL,
            "002",
            "离婚证",
            "Divorce certificate",
            Level::National,
            &[Person],
            Validity::LongTerm,
            &["holder|持证人|Holder|text|1", "registered|登记日期|Date of registration|date|1"],
        ),
        t(
            "association",
            N + 4,
            CIVIL,
            "010",
            "社会团体法人登记证书",
            "Social organisation registration certificate",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "name|名称|Name|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "scope|业务范围|Scope|text|1",
                "capital|注册资金|Registered funds|text|0",
            ],
        ),
        t(
            "nonprofit",
            N + 4,
            CIVIL,
            "011",
            "民办非企业单位登记证书",
            "Private non-enterprise unit registration certificate",
            Level::National,
            &[Legal, Other],
            Validity::Fixed,
            &[
                "name|名称|Name|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "scope|业务范围|Scope|text|1",
            ],
        ),
        t(
            "driving",
            N + 5,
            TRAFFIC,
            "001",
            "机动车驾驶证",
            "Motor vehicle driving licence",
            Level::National,
            &[Person],
            Validity::Fixed,
            &[
                "name|姓名|Name|text|1",
                "gender|性别|Gender|enum:男,女|1",
                "nationality|国籍|Nationality|text|1",
                "address|住址|Address|text|1",
                "firstIssued|初次领证日期|First issued|date|1",
                "class|准驾车型|Vehicle class|enum:A1,A2,B1,B2,C1,C2,D,E|1",
                "points|累积记分|Points|number|0",
            ],
        ),
        t(
            "vehicle",
            N + 5,
            TRAFFIC,
            "002",
            "机动车行驶证",
            "Motor vehicle registration licence",
            Level::National,
            &[Person, Legal],
            Validity::LongTerm,
            &[
                "plate|号牌号码|Plate number|text|1",
                "vehicleType|车辆类型|Vehicle type|text|1",
                "owner|所有人|Owner|text|1",
                "vin|车辆识别代号|VIN|text|1",
                "registered|注册日期|Registered|date|1",
            ],
        ),
        TypeDef {
            public: false,
            ..t(
                "vehicleReg",
                N + 5,
                TRAFFIC,
                "003",
                "机动车登记证书",
                "Motor vehicle registration certificate",
                Level::National,
                &[Person, Legal],
                Validity::LongTerm,
                &["owner|机动车所有人|Owner|text|1", "vin|车辆识别代号|VIN|text|1", "brand|车辆品牌|Brand|text|1"],
            )
        },
        t(
            "vocational",
            N + 6,
            HRSS,
            "001",
            "职业资格证书",
            "Vocational qualification certificate",
            Level::National,
            &[Person],
            Validity::LongTerm,
            &[
                "name|姓名|Name|text|1",
                "idNumber|身份证号|ID number|id|1",
                "occupation|职业（工种）|Occupation|text|1",
                "grade|等级|Grade|enum:五级/初级工,四级/中级工,三级/高级工,二级/技师,一级/高级技师|1",
            ],
        ),
        t(
            "hrservice",
            N + 6,
            HRSS,
            "010",
            "人力资源服务许可证",
            "Human resources service licence",
            Level::National,
            &[Legal],
            Validity::LongTerm,
            &[
                "company|机构名称|Company|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "scope|服务范围|Scope|text|1",
            ],
        ),
        t(
            "dispatch",
            N + 6,
            HRSS,
            "011",
            "劳务派遣经营许可证",
            "Labour dispatch business licence",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "company|单位名称|Company|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "capital|注册资本|Registered capital|text|1",
            ],
        ),
        TypeDef {
            public: false,
            ..t(
                "points",
                HRSS,
                HRSS,
                "101",
                "上海市居住证积分通知书",
                "Shanghai residence permit points notice",
                Level::Province,
                &[Person],
                Validity::Fixed,
                &["name|姓名|Name|text|1", "idNumber|身份证号|ID number|id|1", "points|积分分值|Points|number|1"],
            )
        },
        t(
            "residence",
            POLICE,
            POLICE,
            "101",
            "上海市居住证",
            "Shanghai residence permit",
            Level::Province,
            &[Person],
            Validity::Fixed,
            &[
                "name|姓名|Name|text|1",
                "gender|性别|Gender|enum:男,女|1",
                "idNumber|公民身份号码|ID number|id|1",
                "address|居住地址|Residential address|text|1",
            ],
        ),
        t(
            "realestate",
            N + 7,
            PLANNING,
            "001",
            "不动产权证书",
            "Real estate title certificate",
            Level::National,
            &[Person, Legal, Other],
            Validity::LongTerm,
            &[
                "owner|权利人|Owner|text|1",
                "shared|共有情况|Co-ownership|enum:单独所有,共同共有,按份共有|1",
                "location|坐落|Location|text|1",
                "unitNo|不动产单元号|Unit number|text|1",
                "use|用途|Use|text|1",
                "area|面积（平方米）|Area (m²)|number|1",
            ],
        ),
        t(
            "planning",
            N + 7,
            PLANNING,
            "010",
            "建设工程规划许可证",
            "Construction project planning permit",
            Level::National,
            &[Legal, Other],
            Validity::LongTerm,
            &[
                "builder|建设单位|Builder|text|1",
                "project|建设项目名称|Project|text|1",
                "location|建设位置|Location|text|1",
                "scale|建设规模|Scale|text|1",
            ],
        ),
        t(
            "pollutant",
            N + 8,
            ECOLOGY,
            "001",
            "排污许可证",
            "Pollutant discharge permit",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "unit|单位名称|Unit|text|1",
                "address|生产经营场所地址|Premises|text|1",
                "industry|行业类别|Industry|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
            ],
        ),
        t(
            "pharmacy",
            N + 9,
            DRUGS,
            "001",
            "药品经营许可证",
            "Drug trading licence",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "company|企业名称|Company|text|1",
                "address|注册地址|Address|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "scope|经营范围|Scope|text|1",
            ],
        ),
        t(
            "device",
            N + 9,
            DRUGS,
            "005",
            "第二类医疗器械经营备案凭证",
            "Class II medical device trading record",
            Level::National,
            &[Legal],
            Validity::LongTerm,
            &["company|企业名称|Company|text|1", "address|经营场所|Premises|text|1", "scope|经营范围|Scope|text|1"],
        ),
        t(
            "transport",
            N + 10,
            TRANSPORT,
            "001",
            "道路运输经营许可证",
            "Road transport business licence",
            Level::National,
            &[Legal, Person],
            Validity::Fixed,
            &["operator|业户名称|Operator|text|1", "address|地址|Address|text|1", "scope|经营范围|Scope|text|1"],
        ),
        t(
            "travel",
            N + 11,
            CULTURE,
            "001",
            "旅行社业务经营许可证",
            "Travel agency business licence",
            Level::National,
            &[Legal],
            Validity::LongTerm,
            &[
                "agency|旅行社名称|Agency|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "address|经营场所|Premises|text|1",
                "outbound|出境旅游业务|Outbound tourism|enum:是,否|1",
            ],
        ),
        t(
            "performance",
            N + 11,
            CULTURE,
            "002",
            "营业性演出许可证",
            "Commercial performance licence",
            Level::National,
            &[Legal],
            Validity::Fixed,
            &[
                "unit|名称|Name|text|1",
                "legalRep|法定代表人|Legal representative|text|1",
                "scope|经营范围|Scope|text|1",
            ],
        ),
        t(
            "fire",
            HOUSING,
            HOUSING,
            "120",
            "建设工程消防验收意见书",
            "Fire acceptance opinion for construction projects",
            Level::Province,
            &[Legal],
            Validity::LongTerm,
            &[
                "builder|建设单位|Builder|text|1",
                "project|工程名称|Project|text|1",
                "result|验收结论|Result|enum:合格,不合格|1",
            ],
        ),
    ];
    // A district-level type, issued on the city bureau's behalf in the demo.
    v.push(TypeDef {
        since: "2023-07-01",
        ..t(
            "market",
            SAMR,
            SAMR,
            "201",
            "集贸市场登记证",
            "Market registration certificate",
            Level::District,
            &[Legal, Other],
            Validity::Fixed,
            &["market|市场名称|Market|text|1", "address|地址|Address|text|1", "operator|开办者|Operator|text|1"],
        )
    });
    v
}

struct MatterDef {
    code: &'static str,
    name: &'static str,
    dept: usize,
    needs: &'static [(&'static str, bool)],
}

const MATTERS: &[MatterDef] = &[
    MatterDef {
        code: "310000-XK-0101", name: "食品经营许可（新办）", dept: SAMR, needs: &[("business", false)]
    },
    MatterDef {
        code: "310000-DJ-0201",
        name: "二手房买卖转移登记",
        dept: PLANNING,
        needs: &[("realestate", true), ("marriage", true)],
    },
    MatterDef {
        code: "310000-GG-0301",
        name: "义务教育阶段入学登记",
        dept: EDU,
        needs: &[("birth", true), ("residence", true), ("realestate", true)],
    },
    MatterDef {
        code: "310000-XK-0401",
        name: "医师执业注册（变更执业地点）",
        dept: HEALTH,
        needs: &[("physician", false), ("clinic", true)],
    },
    MatterDef {
        code: "310000-DJ-0501",
        name: "机动车转移登记",
        dept: TRAFFIC,
        needs: &[("vehicleReg", false), ("vehicle", false), ("driving", false)],
    },
    MatterDef {
        code: "310000-XK-0601", name: "劳务派遣经营许可（新办）", dept: HRSS, needs: &[("business", false)]
    },
    MatterDef {
        code: "310000-GG-0701",
        name: "公共租赁住房申请",
        dept: HOUSING,
        needs: &[("marriage", true), ("residence", true), ("vocational", false)],
    },
    MatterDef {
        code: "310000-XK-0801",
        name: "建筑工程施工许可",
        dept: HOUSING,
        needs: &[("construction", true), ("safety", false), ("planning", false)],
    },
    MatterDef {
        code: "310000-XK-0901",
        name: "民办学校设立审批",
        dept: EDU,
        needs: &[("realestate", true), ("teacher", false), ("business", true)],
    },
    MatterDef { code: "310000-XK-1001", name: "旅行社设立许可", dept: CULTURE, needs: &[("business", false)] },
    MatterDef {
        code: "310000-XK-1101",
        name: "药品经营许可（换证）",
        dept: DRUGS,
        needs: &[("pharmacy", false), ("business", false)],
    },
    MatterDef {
        code: "310000-GG-1201",
        name: "居住证积分申请",
        dept: HRSS,
        needs: &[("residence", false), ("vocational", false), ("marriage", true), ("points", false)],
    },
    MatterDef {
        code: "310000-XK-1301",
        name: "排污许可证变更",
        dept: ECOLOGY,
        needs: &[("pollutant", false), ("business", false)],
    },
];

/// Builds the demo world for a reference time (unix seconds).
pub fn world(now: u64) -> World {
    let key = |name: &str| Key::derive(SEED, name);
    let root = key("root");
    let national: Vec<Dept> = NATIONAL
        .iter()
        .enumerate()
        .map(|(i, (name, _))| Dept {
            name,
            code: if i == 0 { "11100000000013338W".to_owned() } else { uscc("11", "100000", 13_300 + 17 * i as u32) },
        })
        .collect();
    let shanghai: Vec<Dept> = SHANGHAI
        .iter()
        .enumerate()
        .map(|(i, (name, _))| Dept { name, code: uscc("11", "310000", 2_417_000 + 31 * i as u32) })
        .collect();
    let platform = Dept { name: "上海市大数据中心", code: uscc("12", "310000", 3_415_601) };
    let dept = |i: usize| if i >= N { &national[i - N] } else { &shanghai[i] };

    // Catalog.
    let defs = type_defs();
    let mut code_of: BTreeMap<&str, String> = BTreeMap::new();
    let types: Vec<LicenseType> = defs
        .iter()
        .map(|d| {
            let definer = dept(d.defined_by);
            let code = format!("{}{}", definer.code, d.suffix);
            code_of.insert(d.key, code.clone());
            LicenseType {
                code,
                name: d.name.to_owned(),
                name_en: Some(d.name_en.to_owned()),
                dept: definer.named(),
                level: d.level,
                holder_types: d.holders.to_vec(),
                public: d.public,
                since: date(d.since),
                validity: d.validity,
                fields: fields(d.fields),
                code_rule: d.code_rule.map(str::to_owned),
            }
        })
        .collect();
    let code = |k: &str| code_of.get(k).cloned().unwrap_or_default();
    let matters: Vec<Matter> = MATTERS
        .iter()
        .map(|m| Matter {
            code: m.code.to_owned(),
            name: m.name.to_owned(),
            dept: shanghai[m.dept].named(),
            needs: m.needs.iter().map(|(k, a)| Need { type_code: code(k), annotated: *a }).collect(),
        })
        .collect();
    let catalog = Catalog { seq: 4, iat: now - 2 * DAY, types, matters };

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

    let trust = TrustList { seq: 7, iat: now - 2 * DAY, next_update: now + 180 * DAY, keys: entries };
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

    let add = |samples: &mut Vec<Sample>,
               name: &str,
               zh: &str,
               en: &str,
               data: Vec<u8>,
               expect: &'static str,
               checks: Vec<(&'static str, &'static str)>| {
        samples.push(Sample {
            name: name.to_owned(),
            zh: zh.to_owned(),
            en: en.to_owned(),
            data: SampleData::Cose(data),
            expect,
            checks,
            matter: None,
            now: None,
            bundle: None,
        });
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
    add(
        &mut samples,
        "valid-business-license",
        "有效的营业执照（长期有效）",
        "A valid business licence (long-term)",
        valid_biz_cose.clone(),
        "valid",
        vec![
            ("decode", "pass"),
            ("structure", "pass"),
            ("signature", "pass"),
            ("signer-trusted", "pass"),
            ("signer-authorized", "pass"),
            ("signer-validity", "pass"),
            ("license-validity", "pass"),
            ("status", "pass"),
            ("catalog", "pass"),
            ("identifier", "pass"),
            ("holder-id", "pass"),
            ("bundle", "pass"),
            ("matter", "skip"),
        ],
    );

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
    add(
        &mut samples,
        "valid-driving-license",
        "有效的机动车驾驶证（个人，公民身份号码）",
        "A valid driving licence (a person, resident ID)",
        issue(&valid_driving, &issuer_key("driving")),
        "valid",
        vec![("holder-id", "pass"), ("license-validity", "pass")],
    );

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
    add(
        &mut samples,
        "valid-marriage-certificate",
        "有效的结婚证原件",
        "A valid marriage certificate (original)",
        valid_marriage_cose.clone(),
        "valid",
        vec![],
    );

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
    add(
        &mut samples,
        "valid-real-estate-certificate",
        "有效的不动产权证书原件",
        "A valid real estate title certificate (original)",
        valid_realestate_cose.clone(),
        "valid",
        vec![],
    );

    let soon_to = CstDate::of_instant(i64::try_from(now + 20 * DAY).unwrap_or(0)).unwrap_or_else(|| date("2026-12-12"));
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
    add(
        &mut samples,
        "valid-expiring-soon",
        "有效但即将到期的居住证（有效期警告）",
        "A valid residence permit that expires within 30 days (warning)",
        issue(&soon, &issuer_key("residence")),
        "valid",
        vec![("license-validity", "warn")],
    );

    let mut bad_id = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    let last = bad_id.id.pop();
    bad_id.id.push(if last == Some('0') { '1' } else { '0' });
    add(
        &mut samples,
        "valid-bad-identifier-check",
        "有效，但证照标识校验位错误（仅警告）",
        "Valid, but the identifier's check character is wrong (warning only)",
        issue(&bad_id, samr),
        "valid",
        vec![("identifier", "warn")],
    );

    let mut bad_holder = lic(&driving, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    let wrong = if bad_holder.holder.id.ends_with('1') { '2' } else { '1' };
    bad_holder.holder.id.pop();
    bad_holder.holder.id.push(wrong);
    add(
        &mut samples,
        "valid-bad-holder-id-check",
        "有效，但持证人身份号码校验位错误（仅警告）",
        "Valid, but the holder's ID number has a wrong check character (warning only)",
        issue(&bad_holder, &issuer_key("driving")),
        "valid",
        vec![("holder-id", "warn")],
    );

    let mut bad_uscc = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    bad_uscc.holder.id =
        format!("{}{}", &bad_uscc.holder.id[..17], if bad_uscc.holder.id.ends_with('A') { 'B' } else { 'A' });
    add(
        &mut samples,
        "valid-bad-holder-uscc-check",
        "有效，但持证单位统一社会信用代码校验位错误（仅警告）",
        "Valid, but the holder's social credit code has a wrong check character (warning only)",
        issue(&bad_uscc, samr),
        "valid",
        vec![("holder-id", "warn")],
    );

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
    add(
        &mut samples,
        "invalid-superseded",
        "已变更的食品经营许可证旧版本（存在更新版本）",
        "An old version of a food business licence: superseded",
        issue(&old, samr),
        "invalid",
        vec![("status", "fail")],
    );
    add(
        &mut samples,
        "valid-new-version",
        "变更后的新版本食品经营许可证（prev 指向旧版本）",
        "The new version of the food business licence (prev names the old one)",
        issue(&newer, samr),
        "valid",
        vec![("status", "pass")],
    );

    // --- validity ------------------------------------------------------------
    let expired = Draft {
        issued: "2019-01-10",
        to: Some(date("2024-01-09")),
        ..Draft { fields: food.fields.clone(), holder: biz_holder.clone(), ..food }
    };
    let expired = lic(&expired, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(
        &mut samples,
        "invalid-expired",
        "已过有效期的食品经营许可证",
        "An expired food business licence",
        issue(&expired, samr),
        "invalid",
        vec![("license-validity", "fail")],
    );

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
    add(
        &mut samples,
        "invalid-not-yet-valid",
        "尚未生效的营业执照（2035年起有效）",
        "A business licence not valid until 2035",
        issue(&not_yet, samr),
        "invalid",
        vec![("license-validity", "fail")],
    );

    // --- status ----------------------------------------------------------------
    for (value, name, zh, en) in [
        (StatusValue::Revoked, "invalid-revoked", "已注销的营业执照", "A revoked business licence"),
        (StatusValue::Suspended, "invalid-suspended", "已停用的机动车驾驶证", "A suspended driving licence"),
    ] {
        let d = if value == StatusValue::Revoked { &biz } else { &driving };
        let l = lic(d, Some((MAIN, alloc(&mut main, value))));
        let k = if value == StatusValue::Revoked { samr.clone() } else { issuer_key("driving") };
        add(&mut samples, name, zh, en, issue(&l, &k), "invalid", vec![("status", "fail")]);
    }
    let past_end = lic(&biz, Some((MAIN, 8192 + 40)));
    add(
        &mut samples,
        "invalid-status-index-out-of-range",
        "状态序号超出状态列表范围",
        "The status index is past the end of its list",
        issue(&past_end, samr),
        "invalid",
        vec![("status", "fail")],
    );
    let no_status = lic(&biz, None);
    add(
        &mut samples,
        "indeterminate-no-status",
        "未登记状态列表的营业执照：无法确认状态",
        "A business licence naming no status list: status unknown",
        issue(&no_status, samr),
        "indeterminate",
        vec![("status", "warn")],
    );
    let unknown_list = lic(&biz, Some(("sh-2019-07", 12)));
    add(
        &mut samples,
        "indeterminate-status-list-missing",
        "状态列表不在信任数据中：无法确认状态",
        "Its status list is not in the trust data: status unknown",
        issue(&unknown_list, samr),
        "indeterminate",
        vec![("status", "warn")],
    );
    let stale_ok = lic(&marriage, Some((STALE, 5)));
    add(
        &mut samples,
        "indeterminate-stale-status",
        "状态列表已过期：无法确认状态",
        "Its status list is stale: status unknown",
        issue(&stale_ok, &issuer_key("marriage")),
        "indeterminate",
        vec![("status", "warn")],
    );
    let _ = stale.set(9, StatusValue::Revoked);
    let stale_revoked = lic(&marriage, Some((STALE, 9)));
    add(
        &mut samples,
        "invalid-revoked-stale-list",
        "状态列表已过期，但其中登记为已注销",
        "Revoked in a stale status list: still invalid",
        issue(&stale_revoked, &issuer_key("marriage")),
        "invalid",
        vec![("status", "fail")],
    );

    // --- signature and signer ----------------------------------------------------
    let mut tampered = valid_biz_cose.clone();
    replace_once(&mut tampered, "陈志远".as_bytes(), "陈志达".as_bytes());
    add(
        &mut samples,
        "invalid-tampered",
        "签发后被篡改的营业执照（法定代表人被改）",
        "A business licence altered after signing (legal representative changed)",
        tampered,
        "invalid",
        vec![("signature", "fail")],
    );
    let mut bad_sig = valid_biz_cose.clone();
    if let Some(b) = bad_sig.last_mut() {
        *b ^= 0x01;
    }
    add(
        &mut samples,
        "invalid-bad-signature",
        "签名值被改动的营业执照",
        "A business licence whose signature bytes were changed",
        bad_sig,
        "invalid",
        vec![("signature", "fail")],
    );
    let by_stranger = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(
        &mut samples,
        "invalid-unknown-signer",
        "由不在信任列表中的密钥签发",
        "Signed by a key that is not in the trust list",
        issue(&by_stranger, &stranger),
        "invalid",
        vec![("signer-trusted", "fail"), ("signature", "skip")],
    );
    let by_maker = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(
        &mut samples,
        "invalid-wrong-role",
        "由只能制作加注件的密钥签发的证照",
        "A licence signed by a key that may only make annotated copies",
        issue(&by_maker, &maker),
        "invalid",
        vec![("signer-trusted", "fail"), ("signature", "skip")],
    );
    let wrong_type = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(
        &mut samples,
        "invalid-unauthorized-type",
        "卫健委密钥签发的营业执照（无权签发该类型）",
        "A business licence signed by the health commission's key (not authorised for the type)",
        issue(&wrong_type, &issuer_key("physician")),
        "invalid",
        vec![("signer-authorized", "fail"), ("signature", "pass")],
    );
    let mut by_retired = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    by_retired.iat = at("2025-03-01", 10, 0);
    add(
        &mut samples,
        "invalid-signer-expired",
        "由已过期的密钥签发（签名时密钥已失效）",
        "Signed by a key after the end of its validity",
        issue(&by_retired, &retired),
        "invalid",
        vec![("signer-validity", "fail"), ("signature", "pass")],
    );
    let mut by_revoked = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    by_revoked.iat = at("2026-08-01", 10, 0);
    add(
        &mut samples,
        "invalid-signer-revoked",
        "由已吊销的密钥在吊销后签发",
        "Signed by a key after it was revoked",
        issue(&by_revoked, &compromised),
        "invalid",
        vec![("signer-validity", "fail")],
    );
    let mut in_future = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    in_future.iat = at("2035-06-01", 10, 0);
    add(
        &mut samples,
        "invalid-signed-in-future",
        "签名时间在未来（2035年）",
        "Signed in the future (2035)",
        issue(&in_future, samr),
        "invalid",
        vec![("signer-validity", "fail")],
    );

    // --- catalog -----------------------------------------------------------------
    let uncat =
        Draft { type_key: "uncatalogued", ..Draft { fields: biz.fields.clone(), holder: biz.holder.clone(), ..biz } };
    let uncat = lic(&uncat, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    add(
        &mut samples,
        "invalid-not-in-catalog",
        "证照类型不在证照目录中",
        "A licence whose type is not in the catalog",
        issue(&uncat, samr),
        "invalid",
        vec![("catalog", "fail")],
    );
    let mut missing = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    missing.fields.retain(|(k, _)| k != "scope" && k != "legalRep");
    add(
        &mut samples,
        "invalid-missing-field",
        "缺少必填照面项（经营范围、法定代表人）",
        "Required face fields are missing (scope, legal representative)",
        issue(&missing, samr),
        "invalid",
        vec![("catalog", "fail")],
    );
    let mut type_mismatch = lic(&biz, Some((MAIN, alloc(&mut main, StatusValue::Valid))));
    type_mismatch.id = LicenseId::format(&code("food"), &type_mismatch.issuer.code, "77", 1).unwrap_or_default();
    add(
        &mut samples,
        "valid-identifier-type-mismatch",
        "有效，但证照标识中的类型与证照类型不一致（仅警告）",
        "Valid, but the identifier names another type (warning only)",
        issue(&type_mismatch, samr),
        "valid",
        vec![("identifier", "warn")],
    );

    // --- structure and decode ----------------------------------------------------
    let mut value = valid_biz.to_value();
    if let ciborium::value::Value::Map(entries) = &mut value {
        entries.retain(|(k, _)| k.as_text() != Some("no"));
    }
    add(
        &mut samples,
        "invalid-structure-missing-key",
        "缺少必需字段 no（证照编号）的证照",
        "A licence without its required key `no`",
        samr.sign_payload(zz_core::Typ::License, &value),
        "invalid",
        vec![("structure", "fail")],
    );
    add(
        &mut samples,
        "invalid-catalog-not-a-license",
        "把证照目录当作证照出示（typ 不符）",
        "The catalog presented as a licence (wrong typ)",
        catalog_cose.clone(),
        "invalid",
        vec![("structure", "fail")],
    );
    samples.push(Sample {
        name: "invalid-not-a-license".into(),
        zh: "普通文本，不是电子证照".into(),
        en: "Plain text, not a licence".into(),
        data: SampleData::Text("这是一张营业执照的截图，不是电子证照。\n".into()),
        expect: "invalid",
        checks: vec![("decode", "fail")],
        matter: None,
        now: None,
        bundle: None,
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
        now: None,
        bundle: None,
    });

    // --- annotated copies ----------------------------------------------------------
    let transfer = &MATTERS[1];
    let rental = &MATTERS[6];
    let registry = named("上海市不动产登记局", &uscc("11", "310000", 2_417_500));
    let window = (now - 7 * DAY, now + 83 * DAY);
    let annotation = |purpose: &str, matter: Option<&MatterDef>, window: (u64, u64), iat: u64| Annotation {
        purpose: purpose.to_owned(),
        matter: matter.map(|m| named(m.name, m.code)),
        recipient: Some(registry.clone()),
        valid_from: window.0,
        valid_to: window.1,
        maker: platform.named(),
        iat,
    };
    let a_ok = annotation("仅用于办理二手房买卖转移登记，他用无效", Some(transfer), window, now - 7 * DAY);
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
        now: None,
        bundle: None,
    };
    samples.push(s.clone());
    s.name = "annotated-wrong-matter".into();
    s.zh = "同一加注件用于其他事项（公共租赁住房申请）".into();
    s.en = "The same annotated copy presented for another matter (public rental housing)".into();
    s.expect = "invalid";
    s.checks = vec![("annotation-scope", "fail"), ("matter", "pass")];
    s.matter = Some(rental.code.into());
    samples.push(s);

    let a_re = annotation("仅用于办理二手房买卖转移登记", Some(transfer), window, now - 7 * DAY);
    add(
        &mut samples,
        "annotated-real-estate",
        "不动产权证书加注件（未指定事项时核验）",
        "An annotated copy of a real estate certificate (verified without a matter)",
        annotate(&valid_realestate_cose, &a_re, &maker),
        "valid",
        vec![("annotation-scope", "pass"), ("matter", "skip")],
    );

    let old_window = (at("2026-01-05", 0, 0), at("2026-02-05", 0, 0));
    let a_old = annotation("仅用于办理二手房买卖转移登记", Some(transfer), old_window, at("2026-01-05", 0, 0));
    add(
        &mut samples,
        "annotated-window-expired",
        "加注件已过其有效期",
        "An annotated copy whose window has ended",
        annotate(&valid_marriage_cose, &a_old, &maker),
        "invalid",
        vec![("annotation-validity", "fail")],
    );

    let expired_cose = issue(&expired, samr);
    let a_outside = annotation("用于食品经营许可证复核", None, window, now - 7 * DAY);
    add(
        &mut samples,
        "annotated-window-outside-license",
        "加注件有效期超出证照有效期（证照已过期）",
        "An annotated copy whose window reaches past its (expired) licence",
        annotate(&expired_cose, &a_outside, &maker),
        "invalid",
        vec![("annotation-scope", "fail"), ("license-validity", "fail")],
    );
    let short_cose = issue(&soon, &issuer_key("residence"));
    let long_window = (now - DAY, now + 60 * DAY);
    let a_long = annotation("用于居住证积分申请", None, long_window, now - DAY);
    add(
        &mut samples,
        "annotated-window-past-license-end",
        "加注件有效期晚于证照到期日",
        "An annotated copy whose window ends after its licence does",
        annotate(&short_cose, &a_long, &maker),
        "invalid",
        vec![("annotation-scope", "fail"), ("license-validity", "warn")],
    );

    add(
        &mut samples,
        "annotated-untrusted-maker",
        "由不可信密钥制作的加注件",
        "An annotated copy made by an untrusted key",
        annotate(&valid_marriage_cose, &a_ok, &stranger),
        "invalid",
        vec![("annotation-signer", "fail"), ("annotation-signature", "skip")],
    );
    add(
        &mut samples,
        "annotated-maker-wrong-role",
        "由发证密钥（无加注权限）制作的加注件",
        "An annotated copy made by an issue key (no annotate role)",
        annotate(&valid_marriage_cose, &a_ok, &issuer_key("marriage")),
        "invalid",
        vec![("annotation-signer", "fail")],
    );
    let mut ann_tampered = ann_marriage.clone();
    replace_once(&mut ann_tampered, "他用无效".as_bytes(), "均可使用".as_bytes());
    add(
        &mut samples,
        "annotated-tampered",
        "加注件的用途被篡改",
        "An annotated copy whose purpose was altered",
        ann_tampered,
        "invalid",
        vec![("annotation-signature", "fail"), ("signature", "pass")],
    );
    let mut forged_inner = valid_marriage_cose.clone();
    replace_once(&mut forged_inner, "赵雪".as_bytes(), "钱雪".as_bytes());
    add(
        &mut samples,
        "annotated-forged-license",
        "对被篡改的证照制作的加注件",
        "An annotated copy made over an altered licence",
        annotate(&forged_inner, &a_ok, &maker),
        "invalid",
        vec![("signature", "fail"), ("annotation-signature", "pass")],
    );
    let revoked_marriage = lic(&marriage, Some((MAIN, alloc(&mut main, StatusValue::Revoked))));
    add(
        &mut samples,
        "annotated-revoked-license",
        "已注销证照的加注件",
        "An annotated copy of a revoked licence",
        annotate(&issue(&revoked_marriage, &issuer_key("marriage")), &a_ok, &maker),
        "invalid",
        vec![("status", "fail")],
    );
    add(
        &mut samples,
        "annotated-nested",
        "加注件内嵌的不是证照原件（内嵌加注件）",
        "An annotated copy wrapping another annotated copy",
        annotate(&ann_marriage, &a_ok, &maker),
        "invalid",
        vec![("structure", "fail")],
    );

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
            now: None,
            bundle: None,
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
        now: None,
        bundle: Some("bundle-outdated.zzb"),
    };
    samples.push(s.clone());
    s.name = "bundle-clock-behind".into();
    s.zh = "有效证照，但设备时钟早于信任数据签发时间（警告）".into();
    s.en = "A valid licence checked on a device whose clock is behind the trust data (warning)".into();
    s.bundle = None;
    s.now = Some(now - 3 * DAY);
    samples.push(s);

    // Sign the status lists and the bundles.
    let main_cose = sign_status_list(&main.payload(now - DAY, 365 * DAY), &status_key);
    let stale_cose = sign_status_list(&stale.payload(now - 60 * DAY, 7 * DAY), &root);
    let status_cose: BTreeMap<String, Vec<u8>> =
        [(MAIN.to_owned(), main_cose), (STALE.to_owned(), stale_cose)].into_iter().collect();
    let mut items: Vec<&[u8]> = vec![&trust_cose, &catalog_cose];
    items.extend(status_cose.values().map(Vec::as_slice));
    let bundle_bytes = bundle(items.iter().copied());
    let outdated_trust = TrustList { seq: 6, iat: now - 200 * DAY, next_update: now - 20 * DAY, ..trust.clone() };
    let outdated_trust_cose = sign_trust_list(&outdated_trust, &root);
    let mut items: Vec<&[u8]> = vec![&outdated_trust_cose, &catalog_cose];
    items.extend(status_cose.values().map(Vec::as_slice));
    let bundle_outdated = bundle(items.iter().copied());
    // The next update, as it would arrive on a USB stick: same keys, seq 8.
    let next_trust = TrustList { seq: trust.seq + 1, iat: now - DAY, ..trust.clone() };
    let next_trust_cose = sign_trust_list(&next_trust, &root);
    let mut items: Vec<&[u8]> = vec![&next_trust_cose, &catalog_cose];
    items.extend(status_cose.values().map(Vec::as_slice));
    let bundle_next = bundle(items.iter().copied());

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
        keys,
        samples,
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
