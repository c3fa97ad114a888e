//! The trust list and its keys (SPEC section 6).

use super::*;
use crate::keys::Kid;

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
    pub valid_from: UnixTime,
    pub valid_to: UnixTime,
    pub revoked_at: Option<UnixTime>,
}

fn ser_hex<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::hex::hex(b))
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
            valid_from: m.req("validFrom", time)?,
            valid_to: m.req("validTo", time)?,
            revoked_at: m.opt("revokedAt", time)?,
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

    /// SPEC section 6: a signature made at `t` is acceptable when
    /// validFrom <= t < validTo and t < revokedAt (if present).
    pub fn valid_at(&self, t: UnixTime) -> bool {
        listed_at(t, self.valid_from, self.valid_to, self.revoked_at)
    }

    /// Whether an `issue` key may sign licenses of this type.
    pub fn may_issue(&self, type_code: &str) -> bool {
        self.types.as_ref().is_some_and(|t| t.iter().any(|c| c == type_code))
    }
}

/// SPEC section 6's rule for keys and seal entries alike: listed from
/// `from`, until before `to`, and before `revoked` (if it was).
fn listed_at(t: UnixTime, from: UnixTime, to: UnixTime, revoked: Option<UnixTime>) -> bool {
    from <= t && t < to && revoked.is_none_or(|r| t < r)
}

/// An SM2 certificate that seals or signs OFD e-licenses, the department it
/// belongs to and what it may seal (SPEC section 6, `seals`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SealEntry {
    /// SHA-256 of the certificate's DER `SubjectPublicKeyInfo`.
    #[serde(serialize_with = "ser_hex")]
    pub spki: [u8; 32],
    /// The department (its USCC in `code`).
    pub org: Named,
    /// License types it may seal; absent means none.
    pub types: Option<Vec<String>>,
    pub valid_from: UnixTime,
    pub valid_to: UnixTime,
    pub revoked_at: Option<UnixTime>,
}

impl SealEntry {
    fn read(m: &MapReader<'_, '_>) -> FieldResult<SealEntry> {
        Ok(SealEntry {
            spki: m.req("spki", |v| bytes(v)?.try_into().map_err(|_| "expected 32 bytes"))?,
            org: Named::from_parent(m, "org")?,
            types: m.opt("types", text_list)?,
            valid_from: m.req("validFrom", time)?,
            valid_to: m.req("validTo", time)?,
            revoked_at: m.opt("revokedAt", time)?,
        })
    }

    fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("spki", Value::Bytes(self.spki.to_vec()))
            .put("org", self.org.to_value())
            .put_opt("types", self.types.as_deref().map(text_array))
            .put("validFrom", self.valid_from)
            .put("validTo", self.valid_to)
            .put_opt("revokedAt", self.revoked_at)
            .build()
    }

    /// Whether it may seal licenses of this type.
    pub fn may_seal(&self, type_code: &str) -> bool {
        self.types.as_ref().is_some_and(|t| t.iter().any(|c| c == type_code))
    }

    /// SPEC section 6: usable for a signature made at `t` when
    /// validFrom <= t < validTo and t < revokedAt (if present).
    pub fn usable_at(&self, t: UnixTime) -> bool {
        listed_at(t, self.valid_from, self.valid_to, self.revoked_at)
    }
}

/// The trust list (SPEC section 6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustList {
    pub seq: u64,
    pub iat: UnixTime,
    pub next_update: UnixTime,
    pub keys: Vec<KeyEntry>,
    /// The SM2 seal certificates of OFD e-licenses; `None` when the list
    /// has none (it predates them, or its authority lists none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seals: Option<Vec<SealEntry>>,
}

impl TrustList {
    pub fn from_cbor(v: &Item<'_>) -> FieldResult<TrustList> {
        let m = MapReader::new(v, "trust")?;
        m.version()?;
        Ok(TrustList {
            seq: m.req("seq", uint)?,
            iat: m.req("iat", time)?,
            next_update: m.req("nextUpdate", time)?,
            keys: each_map(m.array("keys")?, "trust.keys", KeyEntry::read)?,
            seals: match m.opt("seals", |_| Ok(()))? {
                Some(()) => Some(each_map(m.array("seals")?, "trust.seals", SealEntry::read)?),
                None => None,
            },
        })
    }

    pub fn to_value(&self) -> Value {
        MapBuilder::new()
            .put("v", 1)
            .put("seq", self.seq)
            .put("iat", self.iat)
            .put("nextUpdate", self.next_update)
            .put("keys", Value::Array(self.keys.iter().map(KeyEntry::to_value).collect()))
            .put_opt("seals", self.seals.as_ref().map(|s| Value::Array(s.iter().map(SealEntry::to_value).collect())))
            .build()
    }
}
