//! The OFD package: a ZIP archive read within SPEC section 12's limits.
//!
//! Hand-written (about 200 lines) over `miniz_oxide`'s inflate: the `zip`
//! crate keeps one entry per name, a later duplicate silently replacing
//! the first, so it cannot refuse duplicates as SPEC requires; and it
//! brings writing, encryption and compressors a verifier has no use for.
//! Only what OFD producers write is read: stored and deflated entries, no
//! encryption, no ZIP64 (the 64 MiB archive limit makes it unneeded).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// Archive at most 64 MiB.
pub const MAX_ARCHIVE: usize = 64 << 20;
/// At most 10,000 entries.
pub const MAX_ENTRIES: usize = 10_000;
/// Each entry at most 64 MiB once inflated.
pub const MAX_ENTRY: usize = 64 << 20;
/// All entries together at most 256 MiB once inflated.
pub const MAX_TOTAL: usize = 256 << 20;

const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

/// Why a package or one of its files cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageError {
    TooLarge,
    TooManyEntries,
    NotZip(&'static str),
    DuplicateName(String),
    UnsafePath(String),
    Unsupported(String),
    Corrupt(String),
    Missing(String),
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackageError::TooLarge => write!(f, "over the size limits (64 MiB archive, 64 MiB a file, 256 MiB in all)"),
            PackageError::TooManyEntries => write!(f, "more than 10,000 entries"),
            PackageError::NotZip(why) => write!(f, "not a ZIP archive: {why}"),
            PackageError::DuplicateName(n) => write!(f, "the name {n:?} appears twice"),
            PackageError::UnsafePath(n) => write!(f, "the entry {n:?} leaves the package root"),
            PackageError::Unsupported(n) => write!(f, "the entry {n:?} is encrypted or uses an unsupported method"),
            PackageError::Corrupt(n) => write!(f, "the entry {n:?} is damaged"),
            PackageError::Missing(n) => write!(f, "no file {n:?} in the package"),
        }
    }
}

/// One entry of the central directory.
#[derive(Clone, Debug)]
struct Entry {
    method: u16,
    crc: u32,
    compressed: usize,
    size: usize,
    local: usize,
}

/// An OFD package: its entries by normalised name (no leading `/`), read
/// on demand within the limits, each inflated once.
pub struct Package<'a> {
    bytes: &'a [u8],
    entries: BTreeMap<String, Entry>,
    /// Names by their ASCII-lowercased form (the first of equal ones).
    folded: BTreeMap<String, String>,
    /// Bytes inflated so far, against [`MAX_TOTAL`].
    inflated: Cell<usize>,
    /// Files read so far: read again, they cost nothing more.
    cache: RefCell<BTreeMap<String, Rc<[u8]>>>,
    /// The first file found over the limits or damaged while reading: the
    /// package fails as a whole (`ofd-package`), whichever check read it.
    fault: RefCell<Option<PackageError>>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at.checked_add(2)?).and_then(|x| x.try_into().ok()).map(u16::from_le_bytes)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at.checked_add(4)?).and_then(|x| x.try_into().ok()).map(u32::from_le_bytes)
}

/// Whether the bytes start like a ZIP archive (a local file header).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    u32_at(bytes, 0) == Some(LOCAL)
}

/// A name as OFD paths use it, or why it is refused: forward slashes only,
/// no `..`, not absolute, no empty or `.` segments.
fn normalise(raw: &str) -> Result<String, PackageError> {
    let unsafe_path = || PackageError::UnsafePath(raw.to_owned());
    if raw.starts_with('/') || raw.contains('\\') || raw.contains(':') || raw.contains('\0') {
        return Err(unsafe_path());
    }
    let mut parts = Vec::new();
    for seg in raw.split('/') {
        match seg {
            ".." => return Err(unsafe_path()),
            "" | "." => {}
            s => parts.push(s),
        }
    }
    if parts.is_empty() {
        return Err(unsafe_path());
    }
    Ok(parts.join("/"))
}

impl<'a> Package<'a> {
    /// Reads the central directory. Nothing is inflated yet.
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, PackageError> {
        if bytes.len() > MAX_ARCHIVE {
            return Err(PackageError::TooLarge);
        }
        // The end of central directory record: 22 bytes and a comment of
        // at most 65,535, so within the last 65,557 bytes.
        let earliest = bytes.len().saturating_sub(22 + 0xffff);
        let eocd = (earliest..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&i| u32_at(bytes, i) == Some(EOCD))
            .ok_or(PackageError::NotZip("no end of central directory"))?;
        let field = |off: usize| u16_at(bytes, eocd + off).ok_or(PackageError::NotZip("truncated"));
        let (disk, cd_disk, on_disk, count) = (field(4)?, field(6)?, field(8)?, field(10)?);
        if disk != 0 || cd_disk != 0 || on_disk != count {
            return Err(PackageError::NotZip("spans several disks"));
        }
        let count = usize::from(count);
        let cd_size = u32_at(bytes, eocd + 12).ok_or(PackageError::NotZip("truncated"))? as usize;
        let cd_offset = u32_at(bytes, eocd + 16).ok_or(PackageError::NotZip("truncated"))? as usize;
        if count == 0xffff || cd_size == 0xffff_ffff || cd_offset == 0xffff_ffff {
            return Err(PackageError::NotZip("ZIP64 is not supported"));
        }
        if count > MAX_ENTRIES {
            return Err(PackageError::TooManyEntries);
        }
        if cd_offset.checked_add(cd_size).is_none_or(|end| end > eocd) {
            return Err(PackageError::NotZip("the central directory is out of bounds"));
        }
        let mut entries = BTreeMap::new();
        // The sizes the directory declares, together (SPEC 12: 256 MiB once
        // inflated): refused before anything is inflated.
        let mut declared: usize = 0;
        let mut at = cd_offset;
        for _ in 0..count {
            let bad = || PackageError::NotZip("a central directory record is damaged");
            if u32_at(bytes, at) != Some(CENTRAL) {
                return Err(bad());
            }
            let flags = u16_at(bytes, at + 8).ok_or_else(bad)?;
            let method = u16_at(bytes, at + 10).ok_or_else(bad)?;
            let crc = u32_at(bytes, at + 16).ok_or_else(bad)?;
            let compressed = u32_at(bytes, at + 20).ok_or_else(bad)? as usize;
            let size = u32_at(bytes, at + 24).ok_or_else(bad)? as usize;
            let name_len = usize::from(u16_at(bytes, at + 28).ok_or_else(bad)?);
            let extra_len = usize::from(u16_at(bytes, at + 30).ok_or_else(bad)?);
            let comment_len = usize::from(u16_at(bytes, at + 32).ok_or_else(bad)?);
            let local = u32_at(bytes, at + 42).ok_or_else(bad)? as usize;
            let raw = bytes.get(at + 46..at + 46 + name_len).ok_or_else(bad)?;
            let raw = std::str::from_utf8(raw).map_err(|_| PackageError::NotZip("an entry name is not UTF-8"))?;
            at += 46 + name_len + extra_len + comment_len;
            if raw.ends_with('/') {
                continue; // a directory
            }
            let name = normalise(raw)?;
            if flags & 1 != 0 || !matches!(method, 0 | 8) {
                return Err(PackageError::Unsupported(name));
            }
            declared = declared.saturating_add(size);
            if size > MAX_ENTRY || declared > MAX_TOTAL {
                return Err(PackageError::TooLarge);
            }
            let entry = Entry { method, crc, compressed, size, local };
            if entries.insert(name.clone(), entry).is_some() {
                return Err(PackageError::DuplicateName(name));
            }
        }
        // Paths are matched ignoring case ([`Package::lookup`]): two names
        // that differ only in case would make a lookup ambiguous.
        let mut folded = BTreeMap::new();
        for name in entries.keys() {
            if let Some(first) = folded.insert(name.to_ascii_lowercase(), name.clone()) {
                return Err(PackageError::DuplicateName(format!("{first} / {name}")));
            }
        }
        Ok(Package {
            bytes,
            entries,
            folded,
            inflated: Cell::new(0),
            cache: RefCell::new(BTreeMap::new()),
            fault: RefCell::new(None),
        })
    }

    /// The entry a path names: exactly, or else ignoring ASCII case (as a
    /// reader on a case-insensitive system would find it).
    pub fn lookup(&self, path: &str) -> Option<&str> {
        match self.entries.get_key_value(path) {
            Some((name, _)) => Some(name),
            None => self.folded.get(&path.to_ascii_lowercase()).map(String::as_str),
        }
    }

    /// The first file read that was over the limits or damaged, if any.
    pub fn fault(&self) -> Option<PackageError> {
        self.fault.borrow().clone()
    }

    /// Every file name, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    /// The bytes of a file, inflated within the limits (once) and checked
    /// against its CRC-32. A file over the limits or damaged is kept as the
    /// package's [`fault`](Package::fault).
    pub fn read(&self, name: &str) -> Result<Rc<[u8]>, PackageError> {
        if let Some(hit) = self.cache.borrow().get(name) {
            return Ok(hit.clone());
        }
        let out: Rc<[u8]> = self
            .inflate(name)
            .inspect_err(|e| {
                if matches!(e, PackageError::TooLarge | PackageError::Corrupt(_)) {
                    self.fault.borrow_mut().get_or_insert_with(|| e.clone());
                }
            })?
            .into();
        self.cache.borrow_mut().insert(name.to_owned(), out.clone());
        Ok(out)
    }

    fn inflate(&self, name: &str) -> Result<Vec<u8>, PackageError> {
        let e = self.entries.get(name).ok_or_else(|| PackageError::Missing(name.to_owned()))?;
        let corrupt = || PackageError::Corrupt(name.to_owned());
        if u32_at(self.bytes, e.local) != Some(LOCAL) {
            return Err(corrupt());
        }
        let name_len = usize::from(u16_at(self.bytes, e.local + 26).ok_or_else(corrupt)?);
        let extra_len = usize::from(u16_at(self.bytes, e.local + 28).ok_or_else(corrupt)?);
        let start = e.local + 30 + name_len + extra_len;
        let data = start.checked_add(e.compressed).and_then(|end| self.bytes.get(start..end)).ok_or_else(corrupt)?;
        let budget = MAX_ENTRY.min(MAX_TOTAL.saturating_sub(self.inflated.get()));
        // Inflated no further than the size the directory declares: an
        // entry that inflates past it is damaged (a bomb that lies about
        // its size costs its declared size, not the limits).
        let limit = budget.min(e.size);
        let out = match e.method {
            0 => data.to_vec(),
            _ => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|err| match err.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput if e.size >= budget => PackageError::TooLarge,
                _ => corrupt(),
            })?,
        };
        if out.len() > budget {
            return Err(PackageError::TooLarge);
        }
        if out.len() != e.size || crc32fast::hash(&out) != e.crc {
            return Err(corrupt());
        }
        self.inflated.set(self.inflated.get() + out.len());
        Ok(out)
    }
}

/// Resolves a path named in a file of the package (GB/T 33190): absolute
/// from the root when it starts with `/`, otherwise relative to the
/// directory of `base` (the naming file). `None` when it leaves the root.
pub fn resolve(base: &str, path: &str) -> Option<String> {
    let path = path.trim();
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        let mut b: Vec<&str> = base.split('/').collect();
        b.pop();
        b
    };
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s if s.contains('\\') => return None,
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_as_gbt_33190_says() {
        assert_eq!(
            resolve("Doc_0/Signs/Signatures.xml", "/Doc_0/Signs/Sign_0/Signature.xml").as_deref(),
            Some("Doc_0/Signs/Sign_0/Signature.xml")
        );
        assert_eq!(
            resolve("Doc_0/Signs/Signatures.xml", "Sign_0/Signature.xml").as_deref(),
            Some("Doc_0/Signs/Sign_0/Signature.xml")
        );
        assert_eq!(resolve("OFD.xml", "Doc_0/Document.xml").as_deref(), Some("Doc_0/Document.xml"));
        assert_eq!(resolve("Doc_0/Document.xml", "../OFD.xml").as_deref(), Some("OFD.xml"));
        assert_eq!(resolve("OFD.xml", "../x"), None);
        assert_eq!(resolve("OFD.xml", "a\\b"), None);
    }

    #[test]
    fn entry_names_that_leave_the_root_are_refused() {
        for bad in ["/etc/passwd", "../x", "a/../../x", "a\\b", "c:x", ""] {
            assert!(normalise(bad).is_err(), "{bad}");
        }
        assert_eq!(normalise("Doc_0//./Document.xml").as_deref(), Ok("Doc_0/Document.xml"));
    }
}
