//! The CBOR rules of SPEC section 2, and typed access to decoded maps.
//!
//! Reading is hand-written, on purpose: ciborium (used here for writing,
//! and by coset for the envelope) accepts indefinite lengths, duplicate map
//! keys and bignum tags (which it silently turns into integers), and it
//! allocates a node per item. ZZ1 must refuse the former, and the latter
//! cost more than a third of a verification. [`parse`] checks the profile
//! and builds a tree that borrows from the input, in one pass, never
//! recursing deeper than the depth limit and never allocating more than the
//! input can hold.

use ciborium::value::Value;

/// Nesting limit of SPEC section 2 (arrays and maps; a payload's map is 1).
pub const MAX_DEPTH: usize = 16;
/// Most items reserved ahead for an array or map: a declared length is only
/// a claim, and reserving up to the input's size at each of 16 levels once
/// cost gigabytes before the input was found truncated. Past this, vectors
/// grow as items actually arrive.
const MAX_RESERVE: usize = 256;
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

/// A decoded CBOR item, borrowing strings from the input.
#[derive(Clone, Debug, PartialEq)]
pub enum Item<'a> {
    /// An integer (major types 0 and 1: -2^64 ..= 2^64-1).
    Int(i128),
    Bytes(&'a [u8]),
    Text(&'a str),
    Array(Vec<Item<'a>>),
    Map(Vec<(Item<'a>, Item<'a>)>),
    Tag(u64, Box<Item<'a>>),
    Bool(bool),
    Null,
    Undefined,
    /// A float (ZZ1 never uses one; its value is not kept).
    Float,
    /// Another simple value.
    Simple(u8),
}

impl<'a> Item<'a> {
    pub fn as_text(&self) -> Option<&'a str> {
        match self {
            Item::Text(t) => Some(t),
            _ => None,
        }
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// The head of an item: major type, additional information and argument
/// (RFC 8949 section 3).
enum Head {
    Major(u8, u8, u64),
    /// Additional information 31: indefinite length, or break.
    Indefinite(u8),
}

impl<'a> Parser<'a> {
    fn byte(&mut self) -> Result<u8, CborError> {
        let b = *self.bytes.get(self.pos).ok_or(CborError::Malformed("unexpected end of data"))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, len: u64) -> Result<&'a [u8], CborError> {
        let slice = usize::try_from(len)
            .ok()
            .and_then(|len| self.pos.checked_add(len))
            .and_then(|end| self.bytes.get(self.pos..end))
            .ok_or(CborError::Malformed("data runs past the end"))?;
        self.pos += slice.len();
        Ok(slice)
    }

    fn head(&mut self) -> Result<Head, CborError> {
        let ib = self.byte()?;
        let (major, ai) = (ib >> 5, ib & 0x1f);
        let arg = match ai {
            0..=23 => u64::from(ai),
            24..=27 => {
                let n = 1usize << (ai - 24);
                self.take(n as u64)?.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b))
            }
            28..=30 => return Err(CborError::Malformed("reserved additional information")),
            _ => return Ok(Head::Indefinite(major)),
        };
        Ok(Head::Major(major, ai, arg))
    }

    /// The head of a definite-length item: indefinite lengths are outside
    /// the profile, a stray break is not well-formed.
    fn definite_head(&mut self) -> Result<(u8, u8, u64), CborError> {
        match self.head()? {
            Head::Major(m, ai, a) => Ok((m, ai, a)),
            Head::Indefinite(2..=5) => Err(CborError::profile("indefinite-length item")),
            Head::Indefinite(7) => Err(CborError::Malformed("unexpected break")),
            Head::Indefinite(_) => Err(CborError::Malformed("invalid indefinite length")),
        }
    }

    /// Remaining bytes: an upper bound on the items still to come.
    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    /// Parses one item nested inside `depth` arrays or maps.
    fn item(&mut self, depth: usize) -> Result<Item<'a>, CborError> {
        let mut tags = Vec::new();
        let item = loop {
            let (major, ai, arg) = self.definite_head()?;
            break match major {
                0 => Item::Int(i128::from(arg)),
                1 => Item::Int(-1 - i128::from(arg)),
                2 => Item::Bytes(self.take(arg)?),
                3 => Item::Text(
                    std::str::from_utf8(self.take(arg)?).map_err(|_| CborError::profile("text that is not UTF-8"))?,
                ),
                4 => {
                    let inner = nested(depth)?;
                    let n = usize::try_from(arg).unwrap_or(usize::MAX);
                    let mut items = Vec::with_capacity(n.min(self.remaining()).min(MAX_RESERVE));
                    for _ in 0..n {
                        items.push(self.item(inner)?);
                    }
                    Item::Array(items)
                }
                5 => {
                    let inner = nested(depth)?;
                    let n = usize::try_from(arg).unwrap_or(usize::MAX);
                    let mut entries: Vec<(Item<'a>, Item<'a>)> =
                        Vec::with_capacity(n.min(self.remaining() / 2).min(MAX_RESERVE));
                    for _ in 0..n {
                        let key = self.item(inner)?;
                        if !matches!(key, Item::Int(_) | Item::Text(_)) {
                            return Err(CborError::profile("map key that is neither an integer nor text"));
                        }
                        let value = self.item(inner)?;
                        entries.push((key, value));
                    }
                    check_unique_keys(&entries)?;
                    Item::Map(entries)
                }
                6 => {
                    if arg == TAG_BIGNUM_POS || arg == TAG_BIGNUM_NEG {
                        return Err(CborError::profile("bignum tags are not allowed"));
                    }
                    if tags.len() == MAX_TAG_RUN {
                        return Err(CborError::profile("too many nested tags"));
                    }
                    tags.push(arg);
                    continue;
                }
                _ => match ai {
                    20 => Item::Bool(false),
                    21 => Item::Bool(true),
                    22 => Item::Null,
                    23 => Item::Undefined,
                    // A two-byte simple value below 32 is not well-formed.
                    24 if arg < 32 => return Err(CborError::Malformed("invalid simple value")),
                    0..=19 | 24 => Item::Simple(u8::try_from(arg).unwrap_or(u8::MAX)),
                    _ => Item::Float,
                },
            };
        };
        Ok(tags.into_iter().rev().fold(item, |inner, tag| Item::Tag(tag, Box::new(inner))))
    }
}

impl<'a> Parser<'a> {
    /// Checks one item nested inside `depth` arrays or maps like
    /// [`Parser::item`], but builds nothing and so allocates nothing.
    /// Duplicate map keys are not looked for (that needs the keys).
    fn skip(&mut self, depth: usize) -> Result<(), CborError> {
        let mut tags = 0;
        loop {
            let (major, ai, arg) = self.definite_head()?;
            return match major {
                0 | 1 => Ok(()),
                2 => self.take(arg).map(drop),
                3 => std::str::from_utf8(self.take(arg)?)
                    .map(drop)
                    .map_err(|_| CborError::profile("text that is not UTF-8")),
                4 | 5 => {
                    let inner = nested(depth)?;
                    for _ in 0..arg {
                        if major == 5 {
                            let key_at = self.pos;
                            self.skip(inner)?;
                            if !matches!(self.bytes.get(key_at).map(|b| b >> 5), Some(0 | 1 | 3)) {
                                return Err(CborError::profile("map key that is neither an integer nor text"));
                            }
                        }
                        self.skip(inner)?;
                    }
                    Ok(())
                }
                6 => {
                    if arg == TAG_BIGNUM_POS || arg == TAG_BIGNUM_NEG {
                        return Err(CborError::profile("bignum tags are not allowed"));
                    }
                    if tags == MAX_TAG_RUN {
                        return Err(CborError::profile("too many nested tags"));
                    }
                    tags += 1;
                    continue;
                }
                _ if ai == 24 && arg < 32 => Err(CborError::Malformed("invalid simple value")),
                _ => Ok(()),
            };
        }
    }
}

/// Checks that `bytes` are exactly one well-formed item within the profile
/// of SPEC section 2, as [`parse`] does, except for duplicate map keys,
/// without building a tree: memory stays constant whatever the input.
pub fn validate(bytes: &[u8]) -> Result<(), CborError> {
    let mut parser = Parser { bytes, pos: 0 };
    parser.skip(0)?;
    if parser.pos != bytes.len() {
        return Err(CborError::profile("bytes after the top-level item"));
    }
    Ok(())
}

/// The byte strings of a top-level array of byte strings (a bundle), each
/// borrowed from `bytes`, without building a tree. More than `max_items`
/// items, or any item that is not a byte string, is refused.
pub fn byte_string_array(bytes: &[u8], max_items: usize) -> Result<Vec<&[u8]>, CborError> {
    let mut parser = Parser { bytes, pos: 0 };
    let n = match parser.definite_head()? {
        (4, _, n) => n,
        _ => return Err(CborError::profile("not a CBOR array of byte strings")),
    };
    let n = usize::try_from(n)
        .ok()
        .filter(|&n| n <= max_items)
        .ok_or_else(|| CborError::profile(format!("more than {max_items} items")))?;
    let mut items = Vec::with_capacity(n.min(parser.remaining()));
    for _ in 0..n {
        match parser.definite_head()? {
            (2, _, len) => items.push(parser.take(len)?),
            _ => return Err(CborError::profile("an item is not a byte string")),
        }
    }
    if parser.pos != bytes.len() {
        return Err(CborError::profile("bytes after the top-level item"));
    }
    Ok(items)
}

/// Reads the heads of items that [`validate`] accepted, one at a time,
/// without building anything (the COSE_Sign1 envelope). Each method
/// consumes the next item only when it is of the kind asked for.
pub struct Reader<'a> {
    parser: Parser<'a>,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { parser: Parser { bytes, pos: 0 } }
    }

    fn next_major(&mut self, major: u8) -> Option<u64> {
        let start = self.parser.pos;
        match self.parser.head() {
            Ok(Head::Major(m, _, arg)) if m == major => Some(arg),
            _ => {
                self.parser.pos = start;
                None
            }
        }
    }

    /// A tag number.
    pub fn tag(&mut self) -> Option<u64> {
        self.next_major(6)
    }

    /// The length of an array.
    pub fn array(&mut self) -> Option<u64> {
        self.next_major(4)
    }

    /// The length of a map.
    pub fn map(&mut self) -> Option<u64> {
        self.next_major(5)
    }

    /// A byte string.
    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let start = self.parser.pos;
        let len = self.next_major(2)?;
        self.parser.take(len).ok().or_else(|| {
            self.parser.pos = start;
            None
        })
    }

    /// Whether the next item is `null` (consumed if so).
    pub fn null(&mut self) -> bool {
        let is_null = self.parser.bytes.get(self.parser.pos) == Some(&0xf6);
        if is_null {
            self.parser.pos += 1;
        }
        is_null
    }
}

/// Keys are integers or text; equal keys (by value) are refused.
fn check_unique_keys(entries: &[(Item<'_>, Item<'_>)]) -> Result<(), CborError> {
    let duplicate = if entries.len() <= 16 {
        entries.iter().enumerate().any(|(i, (k, _))| entries.iter().take(i).any(|(other, _)| other == k))
    } else {
        let mut keys: Vec<(Option<i128>, &str)> = entries
            .iter()
            .map(|(k, _)| match k {
                Item::Int(i) => (Some(*i), ""),
                Item::Text(t) => (None, *t),
                _ => (None, ""),
            })
            .collect();
        keys.sort_unstable();
        keys.windows(2).any(|w| matches!(w, [a, b] if a == b))
    };
    if duplicate { Err(CborError::profile("duplicate map key")) } else { Ok(()) }
}

fn nested(depth: usize) -> Result<usize, CborError> {
    let inner = depth + 1;
    if inner > MAX_DEPTH { Err(CborError::profile(format!("nesting deeper than {MAX_DEPTH}"))) } else { Ok(inner) }
}

/// Parses exactly one CBOR item within the profile of SPEC section 2:
/// definite lengths, no duplicate keys, keys that are integers or text,
/// depth at most 16, no bignums, nothing after the item.
pub fn parse(bytes: &[u8]) -> Result<Item<'_>, CborError> {
    let mut parser = Parser { bytes, pos: 0 };
    let item = parser.item(0)?;
    if parser.pos != bytes.len() {
        return Err(CborError::profile("bytes after the top-level item"));
    }
    Ok(item)
}

/// Checks `bytes` against the profile without keeping the tree.
pub fn check_profile(bytes: &[u8]) -> Result<(), CborError> {
    parse(bytes).map(drop)
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
pub struct MapReader<'v, 'a> {
    path: &'v str,
    entries: &'v [(Item<'a>, Item<'a>)],
}

impl<'v, 'a> MapReader<'v, 'a> {
    /// Wraps `item`, which must be a map whose keys are all text.
    pub fn new(item: &'v Item<'a>, path: &'v str) -> FieldResult<Self> {
        let Item::Map(entries) = item else {
            return Err(CborError::profile(format!("{path}: expected a map")));
        };
        if entries.iter().any(|(k, _)| !matches!(k, Item::Text(_))) {
            return Err(CborError::profile(format!("{path}: map keys must be text")));
        }
        Ok(MapReader { path, entries })
    }

    /// The path of this map in error messages.
    pub fn path(&self) -> &'v str {
        self.path
    }

    fn get(&self, key: &str) -> Option<&'v Item<'a>> {
        self.entries.iter().find(|(k, _)| k.as_text() == Some(key)).map(|(_, v)| v)
    }

    fn err(&self, key: &str, what: &str) -> CborError {
        CborError::profile(format!("{}.{key}: {what}", self.path))
    }

    fn required(&self, key: &str) -> FieldResult<&'v Item<'a>> {
        self.get(key).ok_or_else(|| self.err(key, "missing"))
    }

    /// A required field, converted by `f` (which says what it expected).
    pub fn req<T>(&self, key: &str, f: impl Fn(&'v Item<'a>) -> Result<T, &'static str>) -> FieldResult<T> {
        f(self.required(key)?).map_err(|what| self.err(key, what))
    }

    /// An optional field, converted by `f`.
    pub fn opt<T>(&self, key: &str, f: impl Fn(&'v Item<'a>) -> Result<T, &'static str>) -> FieldResult<Option<T>> {
        self.get(key).map(|v| f(v).map_err(|what| self.err(key, what))).transpose()
    }

    /// A required nested map.
    pub fn map(&self, key: &str, path: &'v str) -> FieldResult<MapReader<'v, 'a>> {
        MapReader::new(self.required(key)?, path)
    }

    /// An optional nested map.
    pub fn opt_map(&self, key: &str, path: &'v str) -> FieldResult<Option<MapReader<'v, 'a>>> {
        self.get(key).map(|v| MapReader::new(v, path)).transpose()
    }

    /// A required array.
    pub fn array(&self, key: &str) -> FieldResult<&'v [Item<'a>]> {
        match self.required(key)? {
            Item::Array(items) => Ok(items),
            _ => Err(self.err(key, "expected an array")),
        }
    }

    /// Every entry, for maps whose keys are data (face fields).
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, &'v Item<'a>)> + use<'v, 'a> {
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
pub fn text(v: &Item<'_>) -> Result<String, &'static str> {
    v.as_text().map(str::to_owned).ok_or("expected text")
}

pub fn uint(v: &Item<'_>) -> Result<u64, &'static str> {
    match v {
        Item::Int(i) => u64::try_from(*i).map_err(|_| "expected an unsigned integer"),
        _ => Err("expected an unsigned integer"),
    }
}

pub fn boolean(v: &Item<'_>) -> Result<bool, &'static str> {
    match v {
        Item::Bool(b) => Ok(*b),
        _ => Err("expected a boolean"),
    }
}

pub fn bytes<'a>(v: &Item<'a>) -> Result<&'a [u8], &'static str> {
    match v {
        Item::Bytes(b) => Ok(b),
        _ => Err("expected a byte string"),
    }
}

/// A map whose values must all be text (SPEC section 2's nested maps).
pub fn text_map(map: &MapReader<'_, '_>) -> FieldResult<()> {
    match map.entries().find(|(_, v)| v.as_text().is_none()) {
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
    fn parses_into_borrowed_items() {
        let bytes = hex("a3617801613982200140f5");
        assert!(matches!(parse(&bytes), Err(CborError::Profile(_)))); // key 0x40 bytes: refused
        let bytes = hex("a3617801617982203bffffffffffffffff03f5");
        let Ok(Item::Map(m)) = parse(&bytes) else { panic!() };
        assert_eq!(m[0], (Item::Text("x"), Item::Int(1)));
        assert_eq!(m[1].1, Item::Array(vec![Item::Int(-1), Item::Int(-(1i128 << 64))]));
        assert_eq!(m[2], (Item::Int(3), Item::Bool(true)));
        assert_eq!(parse(&hex("d8124100")), Ok(Item::Tag(18, Box::new(Item::Bytes(&[0])))));
        assert_eq!(parse(&hex("f6")), Ok(Item::Null));
        assert_eq!(parse(&hex("f93c00")), Ok(Item::Float));
        assert_eq!(parse(&hex("f820")), Ok(Item::Simple(32)));
    }

    #[test]
    fn invalid_text_and_simple_values() {
        assert!(matches!(parse(&hex("62c328")), Err(CborError::Profile(_)))); // not UTF-8
        assert!(matches!(parse(&hex("f810")), Err(CborError::Malformed(_)))); // two-byte simple < 32
        assert!(matches!(parse(&hex("ff")), Err(CborError::Malformed(_))));
        assert!(matches!(parse(&hex("1f")), Err(CborError::Malformed(_)))); // indefinite uint
        assert!(matches!(parse(&hex("d9d9f7d9d9f7d9d9f7d9d9f7d9d9f701")), Err(CborError::Profile(_))));
    }

    #[test]
    fn duplicate_keys_in_large_maps() {
        let mut big = vec![0xb8, 20];
        for i in 0..19u8 {
            big.extend([0x61, b'a' + i, 0x00]);
        }
        big.extend([0x61, b'a', 0x00]);
        assert!(matches!(parse(&big), Err(CborError::Profile(_))));
        let n = big.len();
        big[n - 2] = b'z';
        assert!(parse(&big).is_ok());
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
