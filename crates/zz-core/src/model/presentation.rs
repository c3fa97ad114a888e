//! Live presentation by the holder (亮证, SPEC section 13): the holder's
//! device key a license binds (`cnf`, section 4) and the presentation the
//! device signs.

use super::*;

/// COSE_Key labels and values (RFC 9052, RFC 9053).
const KTY: i128 = 1;
const CRV: i128 = -1;
const X: i128 = -2;
const Y: i128 = -3;
const KTY_OKP: i128 = 1;
const KTY_EC2: i128 = 2;
const CRV_P256: i128 = 1;
const CRV_ED25519: i128 = 6;

/// The holder's device key a license binds (`cnf`): a COSE_Key, Ed25519
/// (OKP) or P-256 (EC2), nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "DeviceKeyJson", try_from = "DeviceKeyJson")]
pub enum DeviceKey {
    /// `{1: 1, -1: 6, -2: x}`.
    Ed25519([u8; 32]),
    /// `{1: 2, -1: 1, -2: x, -3: y}`.
    P256 { x: [u8; 32], y: [u8; 32] },
}

/// How a device key reads in JSON (a JWK's names, coordinates in hex).
#[derive(Clone, Debug, Serialize, Deserialize)]
struct DeviceKeyJson {
    kty: String,
    crv: String,
    x: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    y: Option<String>,
}

impl From<DeviceKey> for DeviceKeyJson {
    fn from(k: DeviceKey) -> DeviceKeyJson {
        match k {
            DeviceKey::Ed25519(x) => {
                DeviceKeyJson { kty: "OKP".into(), crv: "Ed25519".into(), x: crate::hex::hex(&x), y: None }
            }
            DeviceKey::P256 { x, y } => DeviceKeyJson {
                kty: "EC2".into(),
                crv: "P-256".into(),
                x: crate::hex::hex(&x),
                y: Some(crate::hex::hex(&y)),
            },
        }
    }
}

impl TryFrom<DeviceKeyJson> for DeviceKey {
    type Error = String;
    fn try_from(j: DeviceKeyJson) -> Result<DeviceKey, String> {
        let x = crate::hex::parse_hex32(&j.x).ok_or("x: 64 hex digits")?;
        match (j.kty.as_str(), j.crv.as_str(), j.y) {
            ("OKP", "Ed25519", None) => Ok(DeviceKey::Ed25519(x)),
            ("EC2", "P-256", Some(y)) => {
                Ok(DeviceKey::P256 { x, y: crate::hex::parse_hex32(&y).ok_or("y: 64 hex digits")? })
            }
            _ => Err("a device key is OKP Ed25519 or EC2 P-256".into()),
        }
    }
}

impl DeviceKey {
    /// Reads `cnf` (SPEC section 4): any other key type, curve, label or
    /// length is a structure error.
    pub fn from_cose_key(v: &Item<'_>) -> Result<DeviceKey, &'static str> {
        let Item::Map(entries) = v else { return Err("expected a COSE_Key map") };
        let get = |label: i128| entries.iter().find(|(k, _)| matches!(k, Item::Int(l) if *l == label)).map(|(_, v)| v);
        let int = |label| match get(label) {
            Some(Item::Int(i)) => Some(*i),
            _ => None,
        };
        let coord = |label| match get(label) {
            Some(Item::Bytes(b)) => <[u8; 32]>::try_from(*b).ok(),
            _ => None,
        };
        let only = |labels: &[i128]| {
            entries.len() == labels.len()
                && entries.iter().all(|(k, _)| matches!(k, Item::Int(l) if labels.contains(l)))
        };
        match (int(KTY), int(CRV)) {
            (Some(KTY_OKP), Some(CRV_ED25519)) if only(&[KTY, CRV, X]) => {
                coord(X).map(DeviceKey::Ed25519).ok_or("an Ed25519 key's x must be 32 bytes")
            }
            (Some(KTY_EC2), Some(CRV_P256)) if only(&[KTY, CRV, X, Y]) => match (coord(X), coord(Y)) {
                (Some(x), Some(y)) => Ok(DeviceKey::P256 { x, y }),
                _ => Err("a P-256 key's x and y must be 32 bytes each"),
            },
            (Some(KTY_OKP | KTY_EC2), _) => {
                Err("a COSE_Key holds exactly kty, crv and its coordinates: OKP Ed25519 or EC2 P-256")
            }
            _ => Err("the key must be OKP Ed25519 or EC2 P-256"),
        }
    }

    /// The COSE_Key map.
    pub fn to_value(&self) -> Value {
        let int = |i: i128| Value::Integer(ciborium::value::Integer::try_from(i).unwrap_or(0.into()));
        let mut m = Vec::new();
        match self {
            DeviceKey::Ed25519(x) => {
                m.push((int(KTY), int(KTY_OKP)));
                m.push((int(CRV), int(CRV_ED25519)));
                m.push((int(X), Value::Bytes(x.to_vec())));
            }
            DeviceKey::P256 { x, y } => {
                m.push((int(KTY), int(KTY_EC2)));
                m.push((int(CRV), int(CRV_P256)));
                m.push((int(X), Value::Bytes(x.to_vec())));
                m.push((int(Y), Value::Bytes(y.to_vec())));
            }
        }
        Value::Map(m)
    }

    /// The COSE algorithm a presentation by this key carries: -8 (EdDSA)
    /// or -7 (ES256).
    pub fn alg(&self) -> i64 {
        match self {
            DeviceKey::Ed25519(_) => -8,
            DeviceKey::P256 { .. } => -7,
        }
    }

    /// The key type's name, for reports.
    pub fn kind(&self) -> &'static str {
        match self {
            DeviceKey::Ed25519(_) => "Ed25519",
            DeviceKey::P256 { .. } => "P-256",
        }
    }
}

/// Largest license a presentation carries (SPEC section 13: 64 KiB).
pub const MAX_PRESENTED: usize = 64 * 1024;

/// A presentation's payload (SPEC section 13), but for the license it
/// carries (`obj`: read and written beside it, as an annotated copy's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Presentation {
    pub iat: UnixTime,
    /// 8–32 bytes the verifier showed, hex in JSON.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_hex")]
    pub nonce: Option<Vec<u8>>,
    /// The USCC of the organisation it is shown to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aud: Option<String>,
}

mod opt_hex {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(b) => s.serialize_str(&crate::hex::hex(b)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        let t: Option<String> = Option::deserialize(d)?;
        t.map(|t| crate::hex::parse_hex(&t).ok_or_else(|| serde::de::Error::custom("expected hex"))).transpose()
    }
}

fn nonce(v: &Item<'_>) -> Result<Vec<u8>, &'static str> {
    match v {
        Item::Bytes(b) if (8..=32).contains(&b.len()) => Ok(b.to_vec()),
        Item::Bytes(_) => Err("a nonce has 8 to 32 bytes"),
        _ => Err("expected a byte string"),
    }
}

impl Presentation {
    /// Reads a presentation payload, and the license bytes (`obj`) it
    /// carries.
    pub fn from_cbor<'a>(v: &Item<'a>) -> FieldResult<(Presentation, &'a [u8])> {
        let m = MapReader::new(v, "presentation")?;
        m.version()?;
        let obj = m.req("obj", bytes)?;
        if obj.len() > MAX_PRESENTED {
            return Err(CborError::profile("presentation.obj: larger than 64 KiB"));
        }
        let p = Presentation { iat: m.req("iat", time)?, nonce: m.opt("nonce", nonce)?, aud: m.opt("aud", text)? };
        Ok((p, obj))
    }

    /// The payload, carrying `obj` (a license's tagged COSE bytes).
    pub fn to_value(&self, obj: &[u8]) -> Value {
        MapBuilder::new()
            .put("v", 1)
            .put("obj", Value::Bytes(obj.to_vec()))
            .put("iat", self.iat)
            .put_opt("nonce", self.nonce.as_ref().map(|n| Value::Bytes(n.clone())))
            .put_opt("aud", self.aud.as_deref())
            .build()
    }
}
