//! The payloads of SPEC sections 4 to 8, read from and written to CBOR.
//!
//! Each type's CBOR key names live here and only here: `from_cbor` reads a
//! payload (unknown keys ignored, known keys type-checked), `to_value`
//! writes one (for issuers). The serde derives give the same names in JSON
//! and TOML.

use ciborium::value::Value;
use serde::{Deserialize, Serialize};

use crate::cbor::{self, CborError, FieldResult, Item, MapBuilder, MapReader, boolean, bytes, text, uint};
use crate::dates::CstDate;
use crate::envelope::Kid;

/// Declares a closed set of text values with their spellings.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $s:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $s)] $variant,)* }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s,)* }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$variant),)* _ => None }
            }

            fn from_item(v: &Item<'_>) -> Result<$name, &'static str> {
                v.as_text().and_then($name::parse).ok_or(concat!("expected one of:", $(" ", $s,)*))
            }
        }

        impl From<$name> for Value {
            fn from(x: $name) -> Value {
                Value::Text(x.as_str().to_owned())
            }
        }
    };
}

text_enum! {
    /// Role of a trust-list key.
    Role { Issue => "issue", Annotate => "annotate", Status => "status", }
}
text_enum! {
    /// Administrative level of a license type.
    Level { National => "national", Province => "province", City => "city", District => "district", }
}
text_enum! {
    /// Kind of holder a license type is for.
    HolderType { Person => "person", Legal => "legal", Other => "other", }
}
text_enum! {
    /// Whether a type's licenses end, never end, or either.
    Validity { Fixed => "fixed", LongTerm => "long-term", Either => "either", }
}
text_enum! {
    /// Kind of a face field.
    FieldKind { Text => "text", Date => "date", Number => "number", Id => "id", Enum => "enum", }
}

fn date(v: &Item<'_>) -> Result<CstDate, &'static str> {
    v.as_text().and_then(CstDate::parse).ok_or("expected a date YYYY-MM-DD")
}

fn text_list(v: &Item<'_>) -> Result<Vec<String>, &'static str> {
    match v {
        Item::Array(items) => items.iter().map(text).collect(),
        _ => Err("expected an array of text"),
    }
}

fn enum_list<T>(v: &Item<'_>, f: fn(&Item<'_>) -> Result<T, &'static str>) -> Result<Vec<T>, &'static str> {
    match v {
        Item::Array(items) => items.iter().map(f).collect(),
        _ => Err("expected an array"),
    }
}

fn text_array(items: &[String]) -> Value {
    Value::Array(items.iter().cloned().map(Value::Text).collect())
}

fn date_value(d: CstDate) -> Value {
    Value::Text(d.to_string())
}

/// Reads each element of an array as a map.
fn each_map<T>(
    items: &[Item<'_>],
    path: &str,
    mut f: impl FnMut(&MapReader<'_, '_>) -> FieldResult<T>,
) -> FieldResult<Vec<T>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let p = format!("{path}[{i}]");
            f(&MapReader::new(item, &p)?)
        })
        .collect()
}

/// An organisation or matter: `name` and `code`, both text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub name: String,
    pub code: String,
}

impl Named {
    fn read(m: &MapReader<'_, '_>) -> FieldResult<Named> {
        cbor::text_map(m)?;
        Ok(Named { name: m.req("name", text)?, code: m.req("code", text)? })
    }

    fn from_parent(parent: &MapReader<'_, '_>, key: &str) -> FieldResult<Named> {
        let path = format!("{}.{key}", parent.path());
        Named::read(&parent.map(key, &path)?)
    }

    fn opt_from_parent(parent: &MapReader<'_, '_>, key: &str) -> FieldResult<Option<Named>> {
        let path = format!("{}.{key}", parent.path());
        parent.opt_map(key, &path)?.map(|m| Named::read(&m)).transpose()
    }

    fn to_value(&self) -> Value {
        MapBuilder::new().put("name", self.name.as_str()).put("code", self.code.as_str()).build()
    }
}

/// The holder of a license (持证主体).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Holder {
    pub name: String,
    /// GB/T 36903 code type: `111` resident ID, `001` USCC, others as-is.
    pub id_type: String,
    pub id: String,
}

/// Holder code type of a resident ID number (GB 11643).
pub const ID_TYPE_RESIDENT: &str = "111";
/// Holder code type of a unified social credit code (GB 32100).
pub const ID_TYPE_USCC: &str = "001";

/// A face-field value: text, integer or boolean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    Bool(bool),
    Int(i64),
    Text(String),
}

impl FieldValue {
    fn from_item(v: &Item<'_>) -> Result<FieldValue, &'static str> {
        match v {
            Item::Text(t) => Ok(FieldValue::Text((*t).to_owned())),
            Item::Bool(b) => Ok(FieldValue::Bool(*b)),
            Item::Int(i) => i64::try_from(*i).map(FieldValue::Int).map_err(|_| "integer out of range"),
            _ => Err("expected text, an integer or a boolean"),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            FieldValue::Text(t) => Value::Text(t.clone()),
            FieldValue::Int(i) => Value::from(*i),
            FieldValue::Bool(b) => Value::Bool(*b),
        }
    }

    /// The value as shown on the face.
    pub fn display(&self) -> String {
        match self {
            FieldValue::Text(t) => t.clone(),
            FieldValue::Int(i) => i.to_string(),
            FieldValue::Bool(true) => "是 / yes".to_owned(),
            FieldValue::Bool(false) => "否 / no".to_owned(),
        }
    }
}

/// Where a license's status is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRef {
    pub list: String,
    pub idx: u64,
}

/// A license original (SPEC section 4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct License {
    pub id: String,
    #[serde(rename = "type")]
    pub type_code: String,
    pub no: String,
    pub holder: Holder,
    pub issuer: Named,
    pub issued: CstDate,
    pub valid_from: CstDate,
    /// `None` means long-term (长期有效).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<CstDate>,
    /// Face fields in the order they were signed.
    #[serde(with = "ordered_fields")]
    pub fields: Vec<(String, FieldValue)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusRef>,
    pub iat: u64,
}

impl License {
    /// Reads a license payload.
    pub fn from_cbor(v: &Item<'_>) -> FieldResult<License> {
        let m = MapReader::new(v, "license")?;
        m.version()?;
        let holder = m.map("holder", "license.holder")?;
        cbor::text_map(&holder)?;
        let fields_map = m.map("fields", "license.fields")?;
        let fields = fields_map
            .entries()
            .map(|(k, v)| {
                FieldValue::from_item(v)
                    .map(|fv| (k.to_owned(), fv))
                    .map_err(|what| CborError::profile(format!("license.fields.{k}: {what}")))
            })
            .collect::<FieldResult<Vec<_>>>()?;
        let status = match m.opt_map("status", "license.status")? {
            Some(s) => Some(StatusRef { list: s.req("list", text)?, idx: s.req("idx", uint)? }),
            None => None,
        };
        Ok(License {
            id: m.req("id", text)?,
            type_code: m.req("type", text)?,
            no: m.req("no", text)?,
            holder: Holder {
                name: holder.req("name", text)?,
                id_type: holder.req("idType", text)?,
                id: holder.req("id", text)?,
            },
            issuer: Named::from_parent(&m, "issuer")?,
            issued: m.req("issued", date)?,
            valid_from: m.req("validFrom", date)?,
            valid_to: m.opt("validTo", date)?,
            fields,
            prev: m.opt("prev", text)?,
            status,
            iat: m.req("iat", uint)?,
        })
    }

    pub fn to_value(&self) -> Value {
        let holder = MapBuilder::new()
            .put("name", self.holder.name.as_str())
            .put("idType", self.holder.id_type.as_str())
            .put("id", self.holder.id.as_str())
            .build();
        let fields = Value::Map(self.fields.iter().map(|(k, v)| (Value::Text(k.clone()), v.to_value())).collect());
        let status =
            self.status.as_ref().map(|s| MapBuilder::new().put("list", s.list.as_str()).put("idx", s.idx).build());
        MapBuilder::new()
            .put("v", 1)
            .put("id", self.id.as_str())
            .put("type", self.type_code.as_str())
            .put("no", self.no.as_str())
            .put("holder", holder)
            .put("issuer", self.issuer.to_value())
            .put("issued", date_value(self.issued))
            .put("validFrom", date_value(self.valid_from))
            .put_opt("validTo", self.valid_to.map(date_value))
            .put("fields", fields)
            .put_opt("prev", self.prev.as_deref())
            .put_opt("status", status)
            .put("iat", self.iat)
            .build()
    }

    /// The value of a face field.
    pub fn field(&self, key: &str) -> Option<&FieldValue> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Start of validity: `validFrom` 00:00 CST.
    pub fn start(&self) -> i64 {
        self.valid_from.start()
    }

    /// End of validity (exclusive): `validTo` + 1 day 00:00 CST, or `None`
    /// for long-term licenses.
    pub fn end(&self) -> Option<i64> {
        self.valid_to.map(CstDate::end)
    }
}

/// Serialises face fields as a map in signed order.
mod ordered_fields {
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    use super::FieldValue;

    pub fn serialize<S: Serializer>(fields: &[(String, FieldValue)], s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(fields.len()))?;
        for (k, v) in fields {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, FieldValue)>, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Vec<(String, FieldValue)>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of face fields")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                let mut out: Vec<(String, FieldValue)> = Vec::new();
                while let Some((k, v)) = a.next_entry::<String, FieldValue>()? {
                    if out.iter().any(|(seen, _)| *seen == k) {
                        return Err(serde::de::Error::custom(format!("duplicate field {k}")));
                    }
                    out.push((k, v));
                }
                Ok(out)
            }
        }
        d.deserialize_map(Fields)
    }
}

/// The statement of use of an annotated copy (SPEC section 5), without the
/// embedded license bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Annotation {
    pub purpose: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matter: Option<Named>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Named>,
    pub valid_from: u64,
    /// End of the window, exclusive.
    pub valid_to: u64,
    pub maker: Named,
    pub iat: u64,
}

impl Annotation {
    /// Reads an annotated-copy payload: the annotation and the license bytes.
    /// Reads an annotated-copy payload: the annotation and the embedded
    /// license's bytes.
    pub fn from_cbor<'a>(v: &Item<'a>) -> FieldResult<(Annotation, &'a [u8])> {
        let m = MapReader::new(v, "annotated")?;
        m.version()?;
        let license = m.req("license", bytes)?;
        let annotation = Annotation {
            purpose: m.req("purpose", text)?,
            matter: Named::opt_from_parent(&m, "matter")?,
            recipient: Named::opt_from_parent(&m, "recipient")?,
            valid_from: m.req("validFrom", uint)?,
            valid_to: m.req("validTo", uint)?,
            maker: Named::from_parent(&m, "maker")?,
            iat: m.req("iat", uint)?,
        };
        Ok((annotation, license))
    }

    pub fn to_value(&self, license: &[u8]) -> Value {
        MapBuilder::new()
            .put("v", 1)
            .put("license", Value::Bytes(license.to_vec()))
            .put("purpose", self.purpose.as_str())
            .put_opt("matter", self.matter.as_ref().map(Named::to_value))
            .put_opt("recipient", self.recipient.as_ref().map(Named::to_value))
            .put("validFrom", self.valid_from)
            .put("validTo", self.valid_to)
            .put("maker", self.maker.to_value())
            .put("iat", self.iat)
            .build()
    }
}

/// A key of the trust list (SPEC section 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyEntry {
    #[serde(serialize_with = "ser_hex")]
    pub kid: Kid,
    #[serde(serialize_with = "ser_hex")]
    pub pk: [u8; 32],
    pub org: Named,
    pub roles: Vec<Role>,
    /// License types an `issue` key may sign; absent means none.
    pub types: Option<Vec<String>>,
    pub valid_from: u64,
    pub valid_to: u64,
    pub revoked_at: Option<u64>,
}

fn ser_hex<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::envelope::hex(b))
}

impl KeyEntry {
    fn read(m: &MapReader<'_, '_>) -> FieldResult<KeyEntry> {
        let kid = m.req("kid", |v| bytes(v)?.try_into().map_err(|_| "expected 8 bytes"))?;
        let pk = m.req("pk", |v| bytes(v)?.try_into().map_err(|_| "expected 32 bytes"))?;
        Ok(KeyEntry {
            kid,
            pk,
            org: Named::from_parent(m, "org")?,
            roles: m.req("roles", |v| enum_list(v, Role::from_item))?,
            types: m.opt("types", text_list)?,
            valid_from: m.req("validFrom", uint)?,
            valid_to: m.req("validTo", uint)?,
            revoked_at: m.opt("revokedAt", uint)?,
        })
    }

    fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("kid", Value::Bytes(self.kid.to_vec()))
            .put("pk", Value::Bytes(self.pk.to_vec()))
            .put("org", self.org.to_value())
            .put("roles", Value::Array(self.roles.iter().map(|&r| r.into()).collect()))
            .put_opt("types", self.types.as_deref().map(text_array))
            .put("validFrom", self.valid_from)
            .put("validTo", self.valid_to)
            .put_opt("revokedAt", self.revoked_at)
            .build()
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether an `issue` key may sign licenses of this type.
    pub fn may_issue(&self, type_code: &str) -> bool {
        self.types.as_ref().is_some_and(|t| t.iter().any(|c| c == type_code))
    }
}

/// The trust list (SPEC section 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustList {
    pub seq: u64,
    pub iat: u64,
    pub next_update: u64,
    pub keys: Vec<KeyEntry>,
}

impl TrustList {
    pub fn from_cbor(v: &Item<'_>) -> FieldResult<TrustList> {
        let m = MapReader::new(v, "trust")?;
        m.version()?;
        Ok(TrustList {
            seq: m.req("seq", uint)?,
            iat: m.req("iat", uint)?,
            next_update: m.req("nextUpdate", uint)?,
            keys: each_map(m.array("keys")?, "trust.keys", KeyEntry::read)?,
        })
    }

    pub fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("v", 1)
            .put("seq", self.seq)
            .put("iat", self.iat)
            .put("nextUpdate", self.next_update)
            .put("keys", Value::Array(self.keys.iter().map(KeyEntry::to_value).collect()))
            .build()
    }
}

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
            .build()
    }
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
    pub iat: u64,
    pub types: Vec<LicenseType>,
    pub matters: Vec<Matter>,
}

impl Catalog {
    pub fn from_cbor(v: &Item<'_>) -> FieldResult<Catalog> {
        let m = MapReader::new(v, "catalog")?;
        m.version()?;
        Ok(Catalog {
            seq: m.req("seq", uint)?,
            iat: m.req("iat", uint)?,
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

/// A status list as signed (SPEC section 8): `lst` still compressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusListPayload {
    pub id: String,
    pub lst: Vec<u8>,
    pub iat: u64,
    pub ttl: u64,
}

/// Bits per status entry; the only value SPEC allows.
pub const STATUS_BITS: u64 = 2;

impl StatusListPayload {
    pub fn from_cbor(v: &Item<'_>) -> FieldResult<StatusListPayload> {
        let m = MapReader::new(v, "status")?;
        m.version()?;
        if m.req("bits", uint)? != STATUS_BITS {
            return Err(CborError::profile("status.bits: must be 2"));
        }
        Ok(StatusListPayload {
            id: m.req("id", text)?,
            lst: m.req("lst", bytes)?.to_vec(),
            iat: m.req("iat", uint)?,
            ttl: m.req("ttl", uint)?,
        })
    }

    pub fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("v", 1)
            .put("id", self.id.as_str())
            .put("bits", STATUS_BITS)
            .put("lst", Value::Bytes(self.lst.clone()))
            .put("iat", self.iat)
            .put("ttl", self.ttl)
            .build()
    }
}

/// Value of a status entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusValue {
    Valid = 0,
    Revoked = 1,
    Suspended = 2,
    Superseded = 3,
}

impl StatusValue {
    pub const ALL: [StatusValue; 4] =
        [StatusValue::Valid, StatusValue::Revoked, StatusValue::Suspended, StatusValue::Superseded];

    pub fn as_str(self) -> &'static str {
        match self {
            StatusValue::Valid => "valid",
            StatusValue::Revoked => "revoked",
            StatusValue::Suspended => "suspended",
            StatusValue::Superseded => "superseded",
        }
    }

    pub fn parse(s: &str) -> Option<StatusValue> {
        StatusValue::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn from_bits(b: u8) -> StatusValue {
        match b & 3 {
            0 => StatusValue::Valid,
            1 => StatusValue::Revoked,
            2 => StatusValue::Suspended,
            _ => StatusValue::Superseded,
        }
    }
}
