//! The catalog and usage lists (SPEC section 7).

use super::*;

/// A face field of a license type's template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FieldSpec {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    pub kind: FieldKind,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<String>>,
}

impl FieldSpec {
    fn read(m: &MapReader<'_, '_>) -> FieldResult<FieldSpec> {
        Ok(FieldSpec {
            key: m.req("key", text)?,
            label: m.req("label", text)?,
            label_en: m.opt("labelEn", text)?,
            kind: m.req("kind", FieldKind::from_item)?,
            required: m.req("required", boolean)?,
            options: m.opt("options", text_list)?,
        })
    }

    fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("key", self.key.as_str())
            .put("label", self.label.as_str())
            .put_opt("labelEn", self.label_en.as_deref())
            .put("kind", self.kind)
            .put("required", self.required)
            .put_opt("options", self.options.as_deref().map(text_array))
            .build()
    }
}

/// A license type of the catalog (电子证照目录).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LicenseType {
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub dept: Named,
    pub level: Level,
    pub holder_types: Vec<HolderType>,
    pub public: bool,
    pub since: CstDate,
    pub validity: Validity,
    pub fields: Vec<FieldSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_rule: Option<String>,
    /// The issuing department's contact (phone, address) for citizens and
    /// for objections. Not named by SPEC section 7 (an unknown key there):
    /// read when it is text, ignored otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Where to apply for or download the license (申领/下载), a link. As
    /// `contact`, not named by SPEC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
}

impl LicenseType {
    fn read(m: &MapReader<'_, '_>) -> FieldResult<LicenseType> {
        Ok(LicenseType {
            code: m.req("code", text)?,
            name: m.req("name", text)?,
            name_en: m.opt("nameEn", text)?,
            dept: Named::from_parent(m, "dept")?,
            level: m.req("level", Level::from_item)?,
            holder_types: m.req("holderTypes", |v| enum_list(v, HolderType::from_item))?,
            public: m.req("public", boolean)?,
            since: m.req("since", date)?,
            validity: m.req("validity", Validity::from_item)?,
            fields: each_map(m.array("fields")?, &format!("{}.fields", m.path()), FieldSpec::read)?,
            code_rule: m.opt("codeRule", text)?,
            contact: lenient_text(m, "contact"),
            guide: lenient_text(m, "guide"),
        })
    }

    fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("code", self.code.as_str())
            .put("name", self.name.as_str())
            .put_opt("nameEn", self.name_en.as_deref())
            .put("dept", self.dept.to_value())
            .put("level", self.level)
            .put("holderTypes", Value::Array(self.holder_types.iter().map(|&h| h.into()).collect()))
            .put("public", self.public)
            .put("since", date_value(self.since))
            .put("validity", self.validity)
            .put("fields", Value::Array(self.fields.iter().map(FieldSpec::to_value).collect()))
            .put_opt("codeRule", self.code_rule.as_deref())
            .put_opt("contact", self.contact.as_deref())
            .put_opt("guide", self.guide.as_deref())
            .build()
    }
}

/// A key SPEC does not name: its text, or nothing when it is not text
/// (an unknown key is ignored, never an error).
fn lenient_text(m: &MapReader<'_, '_>, key: &str) -> Option<String> {
    m.entries().find(|(k, _)| *k == key).and_then(|(_, v)| v.as_text()).map(str::to_owned)
}

/// What a matter accepts: a license type, and whether it must be annotated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    #[serde(rename = "type")]
    pub type_code: String,
    pub annotated: bool,
}

/// A service matter of the usage lists (用证清单).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matter {
    pub code: String,
    pub name: String,
    pub dept: Named,
    pub needs: Vec<Need>,
}

impl Matter {
    fn read(m: &MapReader<'_, '_>) -> FieldResult<Matter> {
        Ok(Matter {
            code: m.req("code", text)?,
            name: m.req("name", text)?,
            dept: Named::from_parent(m, "dept")?,
            needs: each_map(m.array("needs")?, &format!("{}.needs", m.path()), |n| {
                Ok(Need { type_code: n.req("type", text)?, annotated: n.req("annotated", boolean)? })
            })?,
        })
    }

    fn to_value(&self) -> Value {
        let needs = self
            .needs
            .iter()
            .map(|n| MapBuilder::new().put("type", n.type_code.as_str()).put("annotated", n.annotated).build());
        MapBuilder::new()
            .put("code", self.code.as_str())
            .put("name", self.name.as_str())
            .put("dept", self.dept.to_value())
            .put("needs", Value::Array(needs.collect()))
            .build()
    }

    /// What this matter needs of a license type, if it accepts it.
    pub fn need(&self, type_code: &str) -> Option<&Need> {
        self.needs.iter().find(|n| n.type_code == type_code)
    }
}

/// The catalog and usage lists (SPEC section 7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub seq: u64,
    pub iat: UnixTime,
    pub types: Vec<LicenseType>,
    pub matters: Vec<Matter>,
}

impl Catalog {
    pub fn from_cbor(v: &Item<'_>) -> FieldResult<Catalog> {
        let m = MapReader::new(v, "catalog")?;
        m.version()?;
        Ok(Catalog {
            seq: m.req("seq", uint)?,
            iat: m.req("iat", time)?,
            types: each_map(m.array("types")?, "catalog.types", LicenseType::read)?,
            matters: each_map(m.array("matters")?, "catalog.matters", Matter::read)?,
        })
    }

    pub fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("v", 1)
            .put("seq", self.seq)
            .put("iat", self.iat)
            .put("types", Value::Array(self.types.iter().map(LicenseType::to_value).collect()))
            .put("matters", Value::Array(self.matters.iter().map(Matter::to_value).collect()))
            .build()
    }
}
