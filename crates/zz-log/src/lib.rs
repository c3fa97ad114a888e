//! # zz-log: the records of use
//!
//! The audit log ([`audit`]): every verification and staff action with no
//! more personal data than needed (the holder masked, never a full ID
//! number), chained and signed by the device that wrote it. The counter's
//! case record ([`case`]). The masking and CSV cells both use.
#![forbid(unsafe_code)]

pub mod audit;
pub mod case;
pub mod event;
pub mod staff;
pub mod stats;

pub use event::Event;

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What a record keeps of the license a report is about: the report's
/// kind, the license's type and identifier, and its holder masked.
pub(crate) struct Seen {
    pub kind: Option<String>,
    pub license_type: Option<String>,
    pub identifier: Option<String>,
    pub holder: Option<String>,
}

impl Seen {
    pub(crate) fn of(report: &zz_core::Report) -> Seen {
        let l = report.license.as_ref();
        Seen {
            kind: report.kind.map(|k| k.as_str().to_owned()),
            license_type: l.map(|l| l.type_code.clone()),
            identifier: l.map(|l| l.id.clone()),
            holder: l.map(|l| mask_holder(&l.holder)),
        }
    }
}

/// Something the staff did, to be logged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Happened {
    /// The event's name ([`Event::as_str`]).
    pub event: String,
    /// What else the event says (see `audit::Entry::detail`).
    pub detail: Option<String>,
    pub case: Option<String>,
    pub matter: Option<String>,
    pub license_type: Option<String>,
    pub identifier: Option<String>,
    /// A new staff key (hex), for the entries that change the roster.
    pub staff_key: Option<String>,
}

impl Happened {
    /// The event, nothing else said.
    pub fn new(event: Event) -> Happened {
        Happened { event: event.as_str().to_owned(), ..Happened::default() }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use audit::{Entry, Verified};

    fn header() -> audit::Header {
        audit::Device::from_secret(&[7; 32]).header()
    }

    /// One verification entry of the audit log, with `holder` and `matter`.
    fn entry(holder: &str, matter: &str) -> Entry {
        Entry {
            n: 1,
            time: 1_795_311_000,
            event: Event::Verify.as_str().into(),
            matter: Some(matter.into()),
            verified: Some(Verified { holder: Some(holder.into()), verdict: "valid".into(), ..Verified::default() }),
            prev: GENESIS.into(),
            ..Entry::default()
        }
    }

    #[test]
    fn happened_names_its_event() {
        let h = Happened::new(Event::Exception(case::ExceptionKind::Paper));
        assert_eq!(h, Happened { event: "exception-paper".into(), ..Happened::default() });
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
        let csv = audit::to_csv(&header(), &[entry("王*华", "a,\"b\"")]);
        // A UTF-8 byte order mark first, for Excel.
        assert!(csv.starts_with("\u{feff}n,time,"));
        assert_eq!(csv.as_bytes()[..3], [0xef, 0xbb, 0xbf]);
        assert!(csv.contains("\"a,\"\"b\"\"\""), "{csv}");
        assert_eq!(csv.lines().count(), 2);
        // Every row names the device and its public key.
        let h = header();
        assert!(
            csv.lines().nth(1).is_some_and(|row| row.ends_with(&format!(",{},{}", h.device, h.public_key))),
            "{csv}"
        );
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
            let csv = audit::to_csv(&header(), &[entry(cell, "M")]);
            assert!(csv.contains(&format!(",{shown},")), "{cell:?}: {csv}");
        }
    }
}
