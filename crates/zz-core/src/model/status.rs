//! The status list (SPEC section 8).

use super::*;

/// A status list as signed (SPEC section 8): `lst` still compressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusListPayload {
    pub id: String,
    pub lst: Vec<u8>,
    pub iat: UnixTime,
    /// Seconds after `iat` the list may be relied upon.
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
            iat: m.req("iat", time)?,
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
