//! # zz-log: the verification log
//!
//! Every verification is recorded with no more personal data than needed
//! (the holder masked, never a full ID number), and each entry holds the
//! SHA-256 of the one before, so that editing or deleting an entry breaks
//! the chain. The last hash and the count are kept apart from the entries
//! (by the caller), so that cutting entries off the end is detected too.
#![forbid(unsafe_code)]

pub mod audit;
pub mod case;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zz_core::{Outcome, Report};

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One verification, as logged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Position in the log, from 1.
    pub n: u64,
    /// Unix seconds of the verification.
    pub time: i64,
    pub matter: Option<String>,
    /// `license` or `annotated`, or absent when nothing could be decoded.
    pub kind: Option<String>,
    pub license_type: Option<String>,
    pub identifier: Option<String>,
    /// The holder's name and code, masked.
    pub holder: Option<String>,
    pub verdict: String,
    /// Ids of the checks that failed.
    pub failed: Vec<String>,
    pub trust_seq: u64,
    /// SHA-256 (hex) of the previous entry's canonical form.
    pub prev: String,
    /// The counter case (窗口办件) it belongs to, if any. Absent fields are
    /// left out of the canonical form: entries written before them hash
    /// as they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// What the staff did, when the entry is not a verification:
    /// `reveal` (a masked ID shown), `identity-checked`, `exception-paper`,
    /// `exception-pending`, `exception-issuance`, `exception-objection`,
    /// `case-complete`, `case-complete-with-exceptions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
}

impl Entry {
    /// The entry for a report, to be appended after `prev` (its hash) as
    /// entry number `n`.
    pub fn of(report: &Report, n: u64, prev: &str) -> Entry {
        let license = report.license.as_ref();
        Entry {
            n,
            time: report.now.as_secs(),
            matter: report.matter.clone(),
            kind: report.kind.map(|k| k.as_str().to_owned()),
            license_type: license.map(|l| l.type_code.clone()),
            identifier: license.map(|l| l.id.clone()),
            holder: license.map(|l| mask_holder(&l.holder)),
            verdict: report.verdict.as_str().to_owned(),
            failed: report
                .checks
                .iter()
                .filter(|c| c.outcome == Outcome::Fail)
                .map(|c| c.id.as_str().to_owned())
                .collect(),
            trust_seq: report.trust.trust_seq,
            prev: prev.to_owned(),
            case: None,
            event: None,
        }
    }

    /// An entry for something the staff did (see [`Entry::event`]'s
    /// values), in a case, about a matter or license when there is one.
    pub fn event(n: u64, prev: &str, time: i64, what: &Happened) -> Entry {
        Entry {
            n,
            time,
            matter: what.matter.clone(),
            kind: None,
            license_type: what.license_type.clone(),
            identifier: what.identifier.clone(),
            holder: None,
            verdict: String::new(),
            failed: Vec::new(),
            trust_seq: 0,
            prev: prev.to_owned(),
            case: what.case.clone(),
            event: Some(what.event.clone()),
        }
    }

    /// The canonical form hashed into the chain: compact JSON in field order.
    pub fn canonical(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// SHA-256 (hex) of the canonical form: the next entry's `prev`.
    pub fn hash(&self) -> String {
        zz_core::envelope::hex(&Sha256::digest(self.canonical().as_bytes()))
    }
}

/// Something the staff did, to be logged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Happened {
    pub event: String,
    /// What else the event says (see `audit::Entry::detail`).
    pub detail: Option<String>,
    pub case: Option<String>,
    pub matter: Option<String>,
    pub license_type: Option<String>,
    pub identifier: Option<String>,
}

/// Keeps the first character of a name and hides the rest but the last
/// (王丽华 → 王*华, 上海申城云图科技有限公司 → 上**********司).
pub fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    match chars.as_slice() {
        [] => String::new(),
        [a] => a.to_string(),
        [a, _] => format!("{a}*"),
        [a, middle @ .., z] => format!("{a}{}{z}", "*".repeat(middle.len())),
    }
}

/// A holder as shown on records: masked name and masked ID
/// (王*华 310***********042X).
pub fn mask_holder(holder: &zz_core::model::Holder) -> String {
    format!("{} {}", mask_name(&holder.name), mask_code(&holder.id))
}

/// Keeps the first three and last four characters of an ID or code.
pub fn mask_code(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() <= 7 {
        return "*".repeat(chars.len());
    }
    let (head, rest) = chars.split_at(3);
    let (middle, tail) = rest.split_at(rest.len() - 4);
    format!("{}{}{}", head.iter().collect::<String>(), "*".repeat(middle.len()), tail.iter().collect::<String>())
}

/// One CSV cell: quoted when it must be (RFC 4180), with a leading `'`
/// when a spreadsheet would take it for a formula (license data is
/// attacker-controlled).
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// Where a chain check found the first problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainError {
    /// Entry at this position (0-based) does not follow the one before:
    /// it, or an entry before it, was edited, removed or inserted.
    Broken { index: usize, n: u64 },
    /// Entries are missing at the end (or the head was changed).
    Truncated { have: usize, expected: u64 },
}

/// Checks the chain over `entries` (in order) against the head kept apart:
/// the count and the hash of the last entry.
pub fn verify_chain(entries: &[Entry], head: Option<(u64, &str)>) -> Result<(), ChainError> {
    let mut prev = GENESIS.to_owned();
    for (i, e) in entries.iter().enumerate() {
        if e.prev != prev || e.n != i as u64 + 1 {
            return Err(ChainError::Broken { index: i, n: e.n });
        }
        prev = e.hash();
    }
    if let Some((count, hash)) = head
        && (count != entries.len() as u64 || (count > 0 && hash != prev))
    {
        return Err(ChainError::Truncated { have: entries.len(), expected: count });
    }
    Ok(())
}

/// The log as CSV (RFC 4180 quoting), with a header row, after a UTF-8
/// byte order mark (without it Excel reads the Chinese as another code
/// page). A cell that a spreadsheet would take for a formula (starting
/// with `=`, `+`, `-`, `@`, tab or CR: license data is attacker-controlled)
/// gets a leading `'`.
pub fn to_csv(entries: &[Entry]) -> String {
    let field = csv_cell;
    let mut out = String::from(
        "\u{feff}n,time,matter,kind,licenseType,identifier,holder,verdict,failed,trustSeq,prev,case,event\r\n",
    );
    for e in entries {
        let cols = [
            e.n.to_string(),
            zz_core::UnixTime::from_secs(e.time).en(),
            e.matter.clone().unwrap_or_default(),
            e.kind.clone().unwrap_or_default(),
            e.license_type.clone().unwrap_or_default(),
            e.identifier.clone().unwrap_or_default(),
            e.holder.clone().unwrap_or_default(),
            e.verdict.clone(),
            e.failed.join(" "),
            e.trust_seq.to_string(),
            e.prev.clone(),
            e.case.clone().unwrap_or_default(),
            e.event.clone().unwrap_or_default(),
        ];
        out.push_str(&cols.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u64, prev: &str) -> Entry {
        Entry {
            n,
            time: 1_795_311_000 + n as i64,
            matter: Some("310000-DJ-0201".into()),
            kind: Some("license".into()),
            license_type: Some("11100000000013338W032".into()),
            identifier: Some(format!("1.2.156.3005.2.x.{n}")),
            holder: Some("王*华 310***********042X".into()),
            verdict: "valid".into(),
            failed: vec![],
            trust_seq: 7,
            prev: prev.to_owned(),
            case: None,
            event: None,
        }
    }

    /// Entries written before `case` and `event` existed hash as they did:
    /// the canonical form leaves absent fields out.
    #[test]
    fn entries_without_case_or_event_keep_their_canonical_form() {
        let e = entry(1, GENESIS);
        assert!(!e.canonical().contains("case") && !e.canonical().contains("event"));
        assert_eq!(serde_json::from_str::<Entry>(&e.canonical()).unwrap(), e);
        let what = Happened { event: "reveal".into(), case: Some("c1".into()), ..Happened::default() };
        let ev = Entry::event(2, &e.hash(), 1_795_311_100, &what);
        assert!(ev.canonical().ends_with(r#""case":"c1","event":"reveal"}"#), "{}", ev.canonical());
        assert_eq!(verify_chain(&[e.clone(), ev.clone()], Some((2, &ev.hash()))), Ok(()));
        let mut edited = ev.clone();
        edited.event = Some("identity-checked".into());
        assert!(verify_chain(&[e, edited], Some((2, &ev.hash()))).is_err());
    }

    fn chain(n: u64) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for i in 1..=n {
            let prev = out.last().map_or(GENESIS.to_owned(), Entry::hash);
            out.push(entry(i, &prev));
        }
        out
    }

    fn head(es: &[Entry]) -> (u64, String) {
        (es.len() as u64, es.last().map_or(String::new(), Entry::hash))
    }

    #[test]
    fn an_intact_chain_verifies() {
        let es = chain(5);
        let (c, h) = head(&es);
        assert_eq!(verify_chain(&es, Some((c, &h))), Ok(()));
        assert_eq!(verify_chain(&[], Some((0, ""))), Ok(()));
    }

    #[test]
    fn edits_deletions_insertions_and_truncation_are_detected() {
        let es = chain(5);
        let (c, h) = head(&es);
        let mut edited = es.clone();
        edited[2].verdict = "invalid".into();
        assert_eq!(verify_chain(&edited, Some((c, &h))), Err(ChainError::Broken { index: 3, n: 4 }));
        let mut last_edited = es.clone();
        last_edited[4].verdict = "invalid".into();
        assert!(matches!(verify_chain(&last_edited, Some((c, &h))), Err(ChainError::Truncated { .. })));
        let mut deleted = es.clone();
        deleted.remove(1);
        assert_eq!(verify_chain(&deleted, Some((c, &h))), Err(ChainError::Broken { index: 1, n: 3 }));
        let mut inserted = es.clone();
        inserted.insert(2, entry(3, &es[1].hash()));
        assert!(verify_chain(&inserted, Some((c, &h))).is_err());
        assert_eq!(verify_chain(&es[..4], Some((c, &h))), Err(ChainError::Truncated { have: 4, expected: 5 }));
    }

    #[test]
    fn masking_hides_ids_and_most_of_names() {
        assert_eq!(mask_name("王丽华"), "王*华");
        assert_eq!(mask_name("李明"), "李*");
        assert_eq!(mask_name("上海申城云图科技有限公司"), "上**********司");
        assert_eq!(mask_code("31010419880314042X"), "310***********042X");
        assert_eq!(mask_code("91310115600000124"), "913**********0124");
        assert_eq!(mask_code("12345"), "*****");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut es = chain(1);
        es[0].matter = Some("a,\"b\"".into());
        let csv = to_csv(&es);
        // A UTF-8 byte order mark first, for Excel.
        assert!(csv.starts_with("\u{feff}n,time,"));
        assert_eq!(csv.as_bytes()[..3], [0xef, 0xbb, 0xbf]);
        assert!(csv.contains("\"a,\"\"b\"\"\""), "{csv}");
        assert_eq!(csv.lines().count(), 2);
    }

    #[test]
    fn csv_cells_that_look_like_formulas_are_neutralised() {
        for (cell, shown) in [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+1", "'+1"),
            ("-1+2", "'-1+2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("a=b", "a=b"),
        ] {
            let mut es = chain(1);
            es[0].holder = Some(cell.into());
            let csv = to_csv(&es);
            assert!(csv.contains(&format!(",{shown},")), "{cell:?}: {csv}");
        }
    }
}
