//! The demo catalog: national and Shanghai departments, 37 license types
//! with their face templates, and the usage lists of 13 matters (and one more, added in mod.rs, for the neighbouring province's own type).

use std::collections::BTreeMap;

use zz_core::UnixTime;
use zz_core::model::{Catalog, FieldKind, FieldSpec, HolderType, Level, LicenseType, Matter, Named, Need, Validity};

use super::DAY;
use super::ids::*;

/// A department: its name and USCC.
#[derive(Clone)]
pub(super) struct Dept {
    pub(super) name: &'static str,
    pub(super) code: String,
}

impl Dept {
    pub(super) fn named(&self) -> Named {
        named(self.name, &self.code)
    }
}

/// Face fields as `key|标签|Label|kind[:opt,opt]|required`.
pub(super) fn fields(specs: &[&str]) -> Vec<FieldSpec> {
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

pub(super) struct TypeDef {
    pub(super) key: &'static str,
    pub(super) defined_by: usize,
    pub(super) issued_by: usize,
    pub(super) suffix: &'static str,
    pub(super) name: &'static str,
    pub(super) name_en: &'static str,
    pub(super) level: Level,
    pub(super) holders: &'static [HolderType],
    pub(super) public: bool,
    pub(super) since: &'static str,
    pub(super) validity: Validity,
    pub(super) fields: &'static [&'static str],
    pub(super) code_rule: Option<&'static str>,
}

use HolderType::{Legal, Other, Person};

pub(super) const NATIONAL: &[(&str, &str)] = &[
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
pub(super) const SHANGHAI: &[(&str, &str)] = &[
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
pub(super) const SAMR: usize = 0;
pub(super) const HEALTH: usize = 1;
pub(super) const HOUSING: usize = 2;
pub(super) const EDU: usize = 3;
pub(super) const CIVIL: usize = 4;
pub(super) const TRAFFIC: usize = 5;
pub(super) const HRSS: usize = 6;
pub(super) const POLICE: usize = 7;
pub(super) const PLANNING: usize = 8;
pub(super) const ECOLOGY: usize = 9;
pub(super) const DRUGS: usize = 10;
pub(super) const TRANSPORT: usize = 11;
pub(super) const CULTURE: usize = 12;
pub(super) const N: usize = 100;

pub(super) fn type_defs() -> Vec<TypeDef> {
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

pub(super) struct MatterDef {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) dept: usize,
    pub(super) needs: &'static [(&'static str, bool)],
}

pub(super) const MATTERS: &[MatterDef] = &[
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

/// The departments of the demo world: national definers, Shanghai
/// issuers, and the government platform that annotates and publishes
/// status lists.
pub(super) struct Departments {
    pub(super) national: Vec<Dept>,
    pub(super) shanghai: Vec<Dept>,
    pub(super) platform: Dept,
}

pub(super) fn departments() -> Departments {
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
    Departments { national, shanghai, platform }
}

/// The catalog (types defined by national departments, issued by Shanghai
/// ones) and usage lists, with each type's code by its key.
pub(super) fn build_catalog(
    now: UnixTime,
    depts: &Departments,
    defs: &[TypeDef],
) -> (Catalog, BTreeMap<&'static str, String>) {
    let (national, shanghai) = (&depts.national, &depts.shanghai);
    let dept = |i: usize| if i >= N { &national[i - N] } else { &shanghai[i] };

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
                // Where citizens apply and whom to ask (public types; the
                // link is a reserved .example name, the hotline is 12345).
                contact: d.public.then(|| format!("{}（演示）· 12345 政务服务便民热线", shanghai[d.issued_by].name)),
                guide: d.public.then(|| format!("https://guide.zz-verify.example/{}", d.key)),
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
    let catalog = Catalog { seq: 4, iat: now.saturating_sub_secs(2 * DAY), types, matters };

    (catalog, code_of)
}
