//! # zz-catalog: searching the license catalog
//!
//! Search as you type over the catalog of a verified bundle: by Chinese
//! name, by type code, by English name, and by pinyin initials (`yyzz`
//! finds 营业执照), with filters by department, level and holder type.
//! Shared by the portal and the JavaScript module.
//!
//! Pinyin initials come from a table of two bytes per CJK unified ideograph
//! (U+4E00..U+9FFF): the initials of its two most common readings, so that
//! polyphones such as 行 (xíng / háng) match either. The table is generated
//! by `scripts/gen-pinyin.py` from PyPI's pypinyin; no Rust crate offers
//! initials alone without a table ten times larger.
#![forbid(unsafe_code)]

use zz_core::model::{Catalog, HolderType, Level, LicenseType};

static INITIALS: &[u8] = include_bytes!("initials.bin");
const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;

/// The pinyin initials of a character (up to two), or the character
/// itself lowercased for ASCII letters and digits.
pub fn initials(c: char) -> [u8; 2] {
    let cp = u32::from(c);
    if (CJK_FIRST..=CJK_LAST).contains(&cp) {
        let i = ((cp - CJK_FIRST) * 2) as usize;
        match INITIALS.get(i..i + 2) {
            Some([a, b]) => [*a, *b],
            _ => [0, 0],
        }
    } else if c.is_ascii_alphanumeric() {
        [c.to_ascii_lowercase() as u8, 0]
    } else {
        [0, 0]
    }
}

/// The pinyin initials of a text, first reading of each character.
pub fn initials_of(text: &str) -> String {
    text.chars().map(|c| initials(c)[0]).filter(|&b| b != 0).map(char::from).collect()
}

/// Filters on the catalog list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The defining department's code.
    pub dept: Option<String>,
    pub level: Option<Level>,
    pub holder: Option<HolderType>,
    /// Also list entries whose `public` is false (for staff, never citizens).
    pub include_non_public: bool,
}

struct Entry {
    name: String,
    name_en: String,
    code: String,
    initials: Vec<[u8; 2]>,
}

/// A search index over a catalog's types, built once per bundle.
pub struct CatalogIndex {
    entries: Vec<Entry>,
}

/// How well an entry matches; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    CodeExact,
    NamePrefix,
    Name,
    Initials,
    Code,
    NameEn,
}

impl CatalogIndex {
    pub fn new(catalog: &Catalog) -> CatalogIndex {
        let entries = catalog
            .types
            .iter()
            .map(|t| Entry {
                name: t.name.clone(),
                name_en: t.name_en.as_deref().unwrap_or("").to_lowercase(),
                code: t.code.to_lowercase(),
                initials: t.name.chars().map(initials).collect(),
            })
            .collect();
        CatalogIndex { entries }
    }

    /// Indices into `catalog.types` of the entries matching `query` and
    /// `filter`, best matches first, catalog order among equals. An empty
    /// query lists every entry the filter lets through.
    pub fn search(&self, catalog: &Catalog, query: &str, filter: &Filter) -> Vec<usize> {
        self.search_top(catalog, query, filter, usize::MAX).1
    }

    /// Like [`Self::search`], but sorts only the best `limit` matches (all a
    /// list shows per keystroke); returns how many matched in all, and those.
    pub fn search_top(&self, catalog: &Catalog, query: &str, filter: &Filter, limit: usize) -> (usize, Vec<usize>) {
        let q = query.trim().to_lowercase();
        let letters: Option<Vec<u8>> =
            (!q.is_empty() && q.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| q.bytes().collect());
        let mut hits: Vec<(Rank, usize)> = self
            .entries
            .iter()
            .zip(&catalog.types)
            .enumerate()
            .filter(|(_, (_, t))| passes(t, filter))
            .filter_map(|(i, (e, _))| rank(e, &q, letters.as_deref()).map(|r| (r, i)))
            .collect();
        let total = hits.len();
        if limit < total {
            hits.select_nth_unstable(limit);
            hits.truncate(limit);
        }
        hits.sort_unstable();
        (total, hits.into_iter().map(|(_, i)| i).collect())
    }
}

fn passes(t: &LicenseType, f: &Filter) -> bool {
    (t.public || f.include_non_public)
        && f.dept.as_ref().is_none_or(|d| &t.dept.code == d)
        && f.level.is_none_or(|l| t.level == l)
        && f.holder.is_none_or(|h| t.holder_types.contains(&h))
}

/// Substring test. Short needles are searched naively: `str::contains`
/// sets up a two-way searcher per call, which costs more than the search
/// itself for the one- or two-letter queries of the first keystrokes.
fn contains(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    match n {
        [] => true,
        [b] => h.contains(b),
        _ if n.len() <= 8 => h.windows(n.len()).any(|w| w == n),
        _ => haystack.contains(needle),
    }
}

fn rank(e: &Entry, q: &str, letters: Option<&[u8]>) -> Option<Rank> {
    if q.is_empty() {
        return Some(Rank::Name);
    }
    if e.code == q {
        return Some(Rank::CodeExact);
    }
    if e.name.starts_with(q) {
        return Some(Rank::NamePrefix);
    }
    if contains(&e.name, q) {
        return Some(Rank::Name);
    }
    if let Some(l) = letters
        && matches_initials(&e.initials, l)
    {
        return Some(Rank::Initials);
    }
    if contains(&e.code, q) {
        return Some(Rank::Code);
    }
    if contains(&e.name_en, q) && !e.name_en.is_empty() {
        return Some(Rank::NameEn);
    }
    None
}

/// Whether `query` (lowercase letters and digits) matches the initials of
/// consecutive characters somewhere in the name.
fn matches_initials(chars: &[[u8; 2]], query: &[u8]) -> bool {
    query.len() <= chars.len()
        && chars.windows(query.len()).any(|w| w.iter().zip(query).all(|(set, q)| set[0] == *q || set[1] == *q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_common_names() {
        assert_eq!(initials_of("营业执照"), "yyzz");
        assert_eq!(initials_of("机动车驾驶证"), "jdcjsz");
        assert_eq!(initials('行'), [b'x', b'h']);
        assert_eq!(initials('A'), [b'a', 0]);
        assert_eq!(initials('·'), [0, 0]);
        assert_eq!(INITIALS.len(), ((CJK_LAST - CJK_FIRST + 1) * 2) as usize);
    }

    #[test]
    fn polyphones_match_either_reading() {
        let chars: Vec<[u8; 2]> = "银行卡".chars().map(initials).collect();
        assert!(matches_initials(&chars, b"yhk"));
        assert!(matches_initials(&chars, b"hk"));
        assert!(!matches_initials(&chars, b"yk"));
    }
}
