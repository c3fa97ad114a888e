//! The payloads of SPEC sections 4 to 8, read from and written to CBOR,
//! one module per section; this one holds what they share (closed text
//! values, `Named`, field readers).
//!
//! Each type's CBOR key names live here and only here: `from_cbor` reads a
//! payload (unknown keys ignored, known keys type-checked), `to_value`
//! writes one (for issuers). The serde derives give the same names in JSON
//! and TOML.

use ciborium::value::Value;
use serde::{Deserialize, Serialize};

use crate::cbor::{self, CborError, FieldResult, Item, MapBuilder, MapReader, boolean, bytes, text, uint};
use crate::dates::CstDate;
use crate::time::UnixTime;

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

/// One of SPEC's times: an unsigned integer of seconds.
fn time(v: &Item<'_>) -> Result<UnixTime, &'static str> {
    uint(v).map(UnixTime::from_unsigned)
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

mod annotation;
mod catalog;
mod license;
mod presentation;
mod status;
mod trust;

pub use annotation::*;
pub use catalog::*;
pub use license::*;
pub use presentation::*;
pub use status::*;
pub use trust::*;
