//! The annotated copy's statement of use (SPEC section 5).

use super::*;

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
    pub valid_from: UnixTime,
    /// End of the window, exclusive.
    pub valid_to: UnixTime,
    pub maker: Named,
    /// The person entrusted to present the copy for the holder (受托人).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Holder>,
    pub iat: UnixTime,
}

impl Annotation {
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
            valid_from: m.req("validFrom", time)?,
            valid_to: m.req("validTo", time)?,
            maker: Named::from_parent(&m, "maker")?,
            agent: Holder::opt_from_parent(&m, "agent")?,
            iat: m.req("iat", time)?,
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
            .put_opt("agent", self.agent.as_ref().map(Holder::to_value))
            .put("iat", self.iat)
            .build()
    }
}
