//! The CBOR rules of SPEC section 2, and typed access to decoded maps.
//!
//! ciborium decodes CBOR, but happily accepts indefinite lengths, duplicate
//! map keys and bignum tags (which it silently turns into integers). No crate
//! enforces ZZ1's profile, so [`check_profile`] walks the item headers (with
//! `ciborium-ll`, the decoder ciborium itself uses) before ciborium builds a
//! [`Value`]. The walk allocates nothing but the key list of one map at a time
//! and never recurses deeper than the depth limit.

use ciborium::value::Value;
use ciborium_ll::{Decoder, Header};

/// Nesting limit of SPEC section 2 (arrays and maps; a payload's map is 1).
pub const MAX_DEPTH: usize = 16;
/// Tags directly wrapping one another; ZZ1 uses only tag 18 at the top.
const MAX_TAG_RUN: usize = 4;
const TAG_BIGNUM_POS: u64 = 2;
const TAG_BIGNUM_NEG: u64 = 3;

/// Why bytes were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CborError {
    /// Not well-formed CBOR (truncated, reserved encodings, stray break).
    Malformed(&'static str),
    /// Well-formed, but outside ZZ1's profile (section 2) or of the wrong shape.
    Profile(String),
}

impl CborError {
    pub(crate) fn profile(msg: impl Into<String>) -> Self {
        CborError::Profile(msg.into())
    }

    /// A human-readable reason, in English.
    pub fn reason(&self) -> String {
        match self {
            CborError::Malformed(m) => format!("not well-formed CBOR: {m}"),
            CborError::Profile(m) => m.clone(),
        }
    }
}

/// A map key as the profile allows it: an integer or a text string.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Int(i128),
    Text(&'a [u8]),
}

struct Walker<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Walker<'a> {
    fn header(&mut self) -> Result<Header, CborError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        if rest.is_empty() {
            return Err(CborError::Malformed("unexpected end of data"));
        }
        let mut decoder = Decoder::from(rest);
        let header = decoder.pull().map_err(|_| CborError::Malformed("invalid or truncated item header"))?;
        self.pos = self.pos.saturating_add(decoder.offset());
        Ok(header)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], CborError> {
        let end = self.pos.checked_add(len);
        let slice = end.and_then(|end| self.bytes.get(self.pos..end));
        match (slice, end) {
            (Some(s), Some(end)) => {
                self.pos = end;
                Ok(s)
            }
            _ => Err(CborError::Malformed("string runs past the end of data")),
        }
    }

    /// Walks one item nested inside `depth` arrays or maps. Returns the item
    /// as a map key when it is an untagged integer or text string.
    fn item(&mut self, depth: usize) -> Result<Option<Key<'a>>, CborError> {
        let mut tags = 0usize;
        loop {
            let header = self.header()?;
            let key = match header {
                Header::Tag(tag) => {
                    if tag == TAG_BIGNUM_POS || tag == TAG_BIGNUM_NEG {
                        return Err(CborError::profile("bignum tags are not allowed"));
                    }
                    tags += 1;
                    if tags > MAX_TAG_RUN {
                        return Err(CborError::profile("too many nested tags"));
                    }
                    continue;
                }
                Header::Positive(n) => Some(Key::Int(i128::from(n))),
                Header::Negative(n) => Some(Key::Int(-1 - i128::from(n))),
                Header::Float(_) | Header::Simple(_) => None,
                Header::Break => return Err(CborError::Malformed("unexpected break")),
                Header::Bytes(None) | Header::Text(None) | Header::Array(None) | Header::Map(None) => {
                    return Err(CborError::profile("indefinite-length item"));
                }
                Header::Bytes(Some(len)) => {
                    self.take(len)?;
                    None
                }
                Header::Text(Some(len)) => Some(Key::Text(self.take(len)?)),
                Header::Array(Some(len)) => {
                    let inner = nested(depth)?;
                    for _ in 0..len {
                        self.item(inner)?;
                    }
                    None
                }
                Header::Map(Some(len)) => {
                    let inner = nested(depth)?;
                    // Grows with the entries actually present, never with `len`.
                    let mut keys = Vec::new();
                    for _ in 0..len {
                        let key = self
                            .item(inner)?
                            .ok_or_else(|| CborError::profile("map key that is neither an integer nor text"))?;
                        keys.push(key);
                        self.item(inner)?;
                    }
                    keys.sort_unstable();
                    if keys.windows(2).any(|w| matches!(w, [a, b] if a == b)) {
                        return Err(CborError::profile("duplicate map key"));
                    }
                    None
                }
            };
            return Ok(if tags == 0 { key } else { None });
        }
    }
}

fn nested(depth: usize) -> Result<usize, CborError> {
    let inner = depth + 1;
    if inner > MAX_DEPTH { Err(CborError::profile(format!("nesting deeper than {MAX_DEPTH}"))) } else { Ok(inner) }
}

/// Checks that `bytes` hold exactly one well-formed CBOR item within the
/// profile of SPEC section 2: definite lengths, no duplicate keys, depth at
/// most 16, nothing after the item.
pub fn check_profile(bytes: &[u8]) -> Result<(), CborError> {
    let mut walker = Walker { bytes, pos: 0 };
    walker.item(0)?;
    if walker.pos != bytes.len() {
        return Err(CborError::profile("bytes after the top-level item"));
    }
    Ok(())
}

/// Decodes one item under the profile of SPEC section 2.
pub fn decode(bytes: &[u8]) -> Result<Value, CborError> {
    check_profile(bytes)?;
    ciborium::de::from_reader(bytes).map_err(|e| CborError::profile(format!("invalid CBOR: {e}")))
}

/// Encodes a value (infallible for in-memory values written to a `Vec`).
pub fn encode(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail; a failure would leave `out` short, which
    // every reader rejects.
    let _ = ciborium::ser::into_writer(value, &mut out);
    out
}

/// Result of reading a payload field.
pub type FieldResult<T> = Result<T, CborError>;

/// A decoded CBOR map with text keys, read field by field.
///
/// Unknown keys are ignored, as SPEC section 2 says; a known key of the
/// wrong type is an error naming the field.
pub struct MapReader<'v> {
    path: &'v str,
    entries: &'v [(Value, Value)],
}

impl<'v> MapReader<'v> {
    /// Wraps `value`, which must be a map whose keys are all text.
    pub fn new(value: &'v Value, path: &'v str) -> FieldResult<Self> {
        let entries = match value {
            Value::Map(entries) => entries,
            _ => return Err(CborError::profile(format!("{path}: expected a map"))),
        };
        if entries.iter().any(|(k, _)| !k.is_text()) {
            return Err(CborError::profile(format!("{path}: map keys must be text")));
        }
        Ok(MapReader { path, entries })
    }

    /// The path of this map in error messages.
    pub fn path(&self) -> &'v str {
        self.path
    }

    fn get(&self, key: &str) -> Option<&'v Value> {
        self.entries.iter().find(|(k, _)| k.as_text() == Some(key)).map(|(_, v)| v)
    }

    fn err(&self, key: &str, what: &str) -> CborError {
        CborError::profile(format!("{}.{key}: {what}", self.path))
    }

    fn required(&self, key: &str) -> FieldResult<&'v Value> {
        self.get(key).ok_or_else(|| self.err(key, "missing"))
    }

    /// A required field, converted by `f` (which says what it expected).
    pub fn req<T>(&self, key: &str, f: impl Fn(&'v Value) -> Result<T, &'static str>) -> FieldResult<T> {
        f(self.required(key)?).map_err(|what| self.err(key, what))
    }

    /// An optional field, converted by `f`.
    pub fn opt<T>(&self, key: &str, f: impl Fn(&'v Value) -> Result<T, &'static str>) -> FieldResult<Option<T>> {
        self.get(key).map(|v| f(v).map_err(|what| self.err(key, what))).transpose()
    }

    /// A required nested map.
    pub fn map(&self, key: &str, path: &'v str) -> FieldResult<MapReader<'v>> {
        MapReader::new(self.required(key)?, path)
    }

    /// An optional nested map.
    pub fn opt_map(&self, key: &str, path: &'v str) -> FieldResult<Option<MapReader<'v>>> {
        self.get(key).map(|v| MapReader::new(v, path)).transpose()
    }

    /// A required array.
    pub fn array(&self, key: &str) -> FieldResult<&'v [Value]> {
        match self.required(key)? {
            Value::Array(items) => Ok(items),
            _ => Err(self.err(key, "expected an array")),
        }
    }

    /// An optional array.
    pub fn opt_array(&self, key: &str) -> FieldResult<Option<&'v [Value]>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(_) => Err(self.err(key, "expected an array")),
        }
    }

    /// Every entry, for maps whose keys are data (face fields).
    pub fn entries(&self) -> impl Iterator<Item = (&'v str, &'v Value)> {
        self.entries.iter().filter_map(|(k, v)| k.as_text().map(|k| (k, v)))
    }

    /// The format version, which must be 1.
    pub fn version(&self) -> FieldResult<()> {
        match self.req("v", uint)? {
            1 => Ok(()),
            _ => Err(self.err("v", "unsupported version (expected 1)")),
        }
    }
}

/// Converters for [`MapReader::req`] and [`MapReader::opt`].
pub fn text(v: &Value) -> Result<String, &'static str> {
    v.as_text().map(str::to_owned).ok_or("expected text")
}

pub fn uint(v: &Value) -> Result<u64, &'static str> {
    match v {
        Value::Integer(i) => u64::try_from(*i).map_err(|_| "expected an unsigned integer"),
        _ => Err("expected an unsigned integer"),
    }
}

pub fn boolean(v: &Value) -> Result<bool, &'static str> {
    v.as_bool().ok_or("expected a boolean")
}

pub fn bytes(v: &Value) -> Result<&[u8], &'static str> {
    match v {
        Value::Bytes(b) => Ok(b),
        _ => Err("expected a byte string"),
    }
}

/// A map whose values must all be text (SPEC section 2's nested maps).
pub fn text_map<'v>(map: &MapReader<'v>) -> FieldResult<()> {
    match map.entries().find(|(_, v)| !v.is_text()) {
        Some((k, _)) => Err(CborError::profile(format!("{}.{k}: expected text", map.path()))),
        None => Ok(()),
    }
}

/// Builds a CBOR map with text keys, skipping absent optional values.
#[derive(Default)]
pub struct MapBuilder(Vec<(Value, Value)>);

impl MapBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn put(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.0.push((Value::Text(key.to_owned()), value.into()));
        self
    }

    pub fn put_opt(self, key: &str, value: Option<impl Into<Value>>) -> Self {
        match value {
            Some(v) => self.put(key, v),
            None => self,
        }
    }

    pub fn build(self) -> Value {
        Value::Map(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn accepts_definite_items() {
        for ok in ["a161616101", "83010203", "d24101", "a2016161026162", "c0617a"] {
            assert_eq!(check_profile(&hex(ok)), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_profile_violations() {
        for bad in [
            "9f01ff",         // indefinite array
            "5f4101ff",       // indefinite bytes
            "a2616101616102", // duplicate text key
            "a2010118010102", // duplicate integer key, second not in preferred form
            "a1a0a0",         // map as key
            "0101",           // trailing bytes
            "c24101",         // bignum
        ] {
            assert!(matches!(check_profile(&hex(bad)), Err(CborError::Profile(_))), "{bad}");
        }
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["", "ff", "1c", "5801", "62ff", "8201", "a101"] {
            assert!(matches!(check_profile(&hex(bad)), Err(CborError::Malformed(_))), "{bad}");
        }
    }

    #[test]
    fn depth_limit_counts_arrays_and_maps() {
        let nest = |n: usize| {
            let mut v = vec![0x81u8; n - 1];
            v.push(0xa0);
            v
        };
        assert_eq!(check_profile(&nest(16)), Ok(()));
        assert!(matches!(check_profile(&nest(17)), Err(CborError::Profile(_))));
    }

    #[test]
    fn huge_declared_lengths_do_not_allocate() {
        // An array claiming 2^63 items, a map claiming as many: truncated.
        assert!(matches!(check_profile(&hex("9b7fffffffffffffff")), Err(CborError::Malformed(_))));
        assert!(matches!(check_profile(&hex("bb7fffffffffffffff01")), Err(CborError::Malformed(_))));
        assert!(matches!(check_profile(&hex("5b7fffffffffffffff")), Err(CborError::Malformed(_))));
    }
}
