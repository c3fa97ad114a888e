//! The license original (SPEC section 4): holder, face fields, status reference.

use super::*;

/// The holder of a license (持证主体).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Holder {
    pub name: String,
    /// GB/T 36903 code type: `111` resident ID, `001` USCC, others as-is.
    pub id_type: String,
    pub id: String,
}

impl Holder {
    fn read(m: &MapReader<'_, '_>) -> FieldResult<Holder> {
        cbor::text_map(m)?;
        Ok(Holder { name: m.req("name", text)?, id_type: m.req("idType", text)?, id: m.req("id", text)? })
    }

    /// The required map `key` of `parent` (a license's `holder`).
    pub(crate) fn from_parent(parent: &MapReader<'_, '_>, key: &str) -> FieldResult<Holder> {
        let path = format!("{}.{key}", parent.path());
        Holder::read(&parent.map(key, &path)?)
    }

    /// The optional map `key` of `parent` (an annotated copy's `agent`).
    pub(crate) fn opt_from_parent(parent: &MapReader<'_, '_>, key: &str) -> FieldResult<Option<Holder>> {
        let path = format!("{}.{key}", parent.path());
        parent.opt_map(key, &path)?.map(|m| Holder::read(&m)).transpose()
    }

    pub(crate) fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("name", self.name.as_str())
            .put("idType", self.id_type.as_str())
            .put("id", self.id.as_str())
            .build()
    }

    /// Whether `id` (an applicant's ID as typed) is this person's or
    /// organisation's code: SPEC section 10 compares ignoring ASCII case and
    /// surrounding spaces.
    pub fn is(&self, id: &str) -> bool {
        same_id(&self.id, id)
    }
}

/// SPEC section 10's comparison of IDs: ignoring ASCII case and
/// surrounding spaces.
pub fn same_id(a: &str, b: &str) -> bool {
    a.trim_matches(' ').eq_ignore_ascii_case(b.trim_matches(' '))
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
    /// The holder's device key (SPEC sections 4 and 13): the license can
    /// be shown live, signed by that device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cnf: Option<DeviceKey>,
    pub iat: UnixTime,
}

impl License {
    /// Reads a license payload.
    pub fn from_cbor(v: &Item<'_>) -> FieldResult<License> {
        let m = MapReader::new(v, "license")?;
        m.version()?;
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
            holder: Holder::from_parent(&m, "holder")?,
            issuer: Named::from_parent(&m, "issuer")?,
            issued: m.req("issued", date)?,
            valid_from: m.req("validFrom", date)?,
            valid_to: m.opt("validTo", date)?,
            fields,
            prev: m.opt("prev", text)?,
            status,
            cnf: m.opt("cnf", DeviceKey::from_cose_key)?,
            iat: m.req("iat", time)?,
        })
    }

    pub fn to_value(&self) -> Value {
        let fields = Value::Map(self.fields.iter().map(|(k, v)| (Value::Text(k.clone()), v.to_value())).collect());
        let status =
            self.status.as_ref().map(|s| MapBuilder::new().put("list", s.list.as_str()).put("idx", s.idx).build());
        MapBuilder::new()
            .put("v", 1)
            .put("id", self.id.as_str())
            .put("type", self.type_code.as_str())
            .put("no", self.no.as_str())
            .put("holder", self.holder.to_value())
            .put("issuer", self.issuer.to_value())
            .put("issued", date_value(self.issued))
            .put("validFrom", date_value(self.valid_from))
            .put_opt("validTo", self.valid_to.map(date_value))
            .put("fields", fields)
            .put_opt("prev", self.prev.as_deref())
            .put_opt("status", status)
            .put_opt("cnf", self.cnf.as_ref().map(DeviceKey::to_value))
            .put("iat", self.iat)
            .build()
    }

    /// The value of a face field.
    pub fn field(&self, key: &str) -> Option<&FieldValue> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Start of validity: `validFrom` 00:00 CST.
    pub fn start(&self) -> UnixTime {
        self.valid_from.start()
    }

    /// End of validity (exclusive): `validTo` + 1 day 00:00 CST, or `None`
    /// for long-term licenses.
    pub fn end(&self) -> Option<UnixTime> {
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
