//! The events of the audit log: what an entry's `event` says happened. The
//! names are the strings written in the log's lines (`verify`, `sign-in`,
//! `exception-paper`, …); an entry keeps its name as a string
//! ([`crate::audit::Entry::event`]), so that a log with a name this version
//! does not know still reads and verifies.

use crate::case::{CaseOutcome, ExceptionKind};

/// Something an audit log entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A license, annotated copy or OFD file verified.
    Verify,
    /// A full ID number shown.
    Reveal,
    /// The clerk checked the identity document.
    IdentityChecked,
    /// A case completed with every license verified.
    CaseComplete,
    /// A case completed with exceptions.
    CaseCompleteWithExceptions,
    /// An objection request made.
    Objection,
    /// Earlier entries dropped (the detail names the last one and its hash).
    Pruned,
    SignIn,
    SignOut,
    /// A sign-in refused (wrong staff number or PIN).
    SignInRefused,
    StaffAdded,
    StaffRemoved,
    StaffPinReset,
    /// A staff member changed their own PIN.
    StaffPinChanged,
    /// A staff member added a passkey on this device (a second way to their
    /// staff key; the roster is unchanged).
    StaffPasskeyAdded,
    /// A staff member's passkeys on this device were removed.
    StaffPasskeyRemoved,
    /// The roster of staff keys, written after a prune by the pruning
    /// administrator (`crate::staff`).
    StaffRoster,
    TrustImport,
    TrustImportRefused,
    /// The site settings changed.
    Setting,
    RootsAdopted,
    RootsAdoptionRefused,
    LogExport,
    KioskLeft,
    DrillStart,
    DrillEnd,
    /// A license resolved otherwise than by a verification
    /// (`exception-<kind>`).
    Exception(ExceptionKind),
}

impl Event {
    /// Every event, each exception kind included.
    pub const ALL: [Event; 30] = [
        Event::Verify,
        Event::Reveal,
        Event::IdentityChecked,
        Event::CaseComplete,
        Event::CaseCompleteWithExceptions,
        Event::Objection,
        Event::Pruned,
        Event::SignIn,
        Event::SignOut,
        Event::SignInRefused,
        Event::StaffAdded,
        Event::StaffRemoved,
        Event::StaffPinReset,
        Event::StaffPinChanged,
        Event::StaffPasskeyAdded,
        Event::StaffPasskeyRemoved,
        Event::StaffRoster,
        Event::TrustImport,
        Event::TrustImportRefused,
        Event::Setting,
        Event::RootsAdopted,
        Event::RootsAdoptionRefused,
        Event::LogExport,
        Event::KioskLeft,
        Event::DrillStart,
        Event::DrillEnd,
        Event::Exception(ExceptionKind::Paper),
        Event::Exception(ExceptionKind::Pending),
        Event::Exception(ExceptionKind::Issuance),
        Event::Exception(ExceptionKind::Objection),
    ];

    /// The prefix of an exception's name.
    pub const EXCEPTION_PREFIX: &'static str = "exception-";

    /// The name written in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Verify => "verify",
            Event::Reveal => "reveal",
            Event::IdentityChecked => "identity-checked",
            Event::CaseComplete => "case-complete",
            Event::CaseCompleteWithExceptions => "case-complete-with-exceptions",
            Event::Objection => "objection",
            Event::Pruned => "pruned",
            Event::SignIn => "sign-in",
            Event::SignOut => "sign-out",
            Event::SignInRefused => "sign-in-refused",
            Event::StaffAdded => "staff-added",
            Event::StaffRemoved => "staff-removed",
            Event::StaffPinReset => "staff-pin-reset",
            Event::StaffPinChanged => "staff-pin-changed",
            Event::StaffPasskeyAdded => "staff-passkey-added",
            Event::StaffPasskeyRemoved => "staff-passkey-removed",
            Event::StaffRoster => "staff-roster",
            Event::TrustImport => "trust-import",
            Event::TrustImportRefused => "trust-import-refused",
            Event::Setting => "setting",
            Event::RootsAdopted => "roots-adopted",
            Event::RootsAdoptionRefused => "roots-adoption-refused",
            Event::LogExport => "log-export",
            Event::KioskLeft => "kiosk-left",
            Event::DrillStart => "drill-start",
            Event::DrillEnd => "drill-end",
            Event::Exception(ExceptionKind::Paper) => "exception-paper",
            Event::Exception(ExceptionKind::Pending) => "exception-pending",
            Event::Exception(ExceptionKind::Issuance) => "exception-issuance",
            Event::Exception(ExceptionKind::Objection) => "exception-objection",
        }
    }

    /// The event of a name written in the log; `None` for a name not known.
    pub fn parse(name: &str) -> Option<Event> {
        match name.strip_prefix(Event::EXCEPTION_PREFIX) {
            Some(kind) => ExceptionKind::parse(kind).map(Event::Exception),
            None => Event::ALL.into_iter().find(|e| e.as_str() == name),
        }
    }

    /// The event of a case that ended so; `None` for an incomplete case
    /// (not logged).
    pub fn case(outcome: CaseOutcome) -> Option<Event> {
        match outcome {
            CaseOutcome::Complete => Some(Event::CaseComplete),
            CaseOutcome::CompleteWithExceptions => Some(Event::CaseCompleteWithExceptions),
            CaseOutcome::Incomplete => None,
        }
    }
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names as logs have always written them.
    const NAMES: [&str; 30] = [
        "verify",
        "reveal",
        "identity-checked",
        "case-complete",
        "case-complete-with-exceptions",
        "objection",
        "pruned",
        "sign-in",
        "sign-out",
        "sign-in-refused",
        "staff-added",
        "staff-removed",
        "staff-pin-reset",
        "staff-pin-changed",
        "staff-passkey-added",
        "staff-passkey-removed",
        "staff-roster",
        "trust-import",
        "trust-import-refused",
        "setting",
        "roots-adopted",
        "roots-adoption-refused",
        "log-export",
        "kiosk-left",
        "drill-start",
        "drill-end",
        "exception-paper",
        "exception-pending",
        "exception-issuance",
        "exception-objection",
    ];

    #[test]
    fn every_name_round_trips_and_is_the_old_string() {
        let names: Vec<&str> = Event::ALL.iter().map(|e| e.as_str()).collect();
        assert_eq!(names, NAMES);
        for e in Event::ALL {
            assert_eq!(Event::parse(e.as_str()), Some(e));
            assert_eq!(e.to_string(), e.as_str());
        }
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn exceptions_are_named_after_their_kind() {
        for k in ExceptionKind::ALL {
            assert!(Event::ALL.contains(&Event::Exception(k)));
            assert_eq!(Event::Exception(k).as_str(), format!("exception-{}", k.as_str()));
        }
    }

    #[test]
    fn cases_are_named_after_their_outcome() {
        for o in [CaseOutcome::Complete, CaseOutcome::CompleteWithExceptions] {
            assert_eq!(Event::case(o).map(Event::as_str), Some(format!("case-{}", o.as_str()).as_str()));
        }
        assert_eq!(Event::case(CaseOutcome::Incomplete), None);
    }

    #[test]
    fn other_names_are_not_events() {
        for name in ["", "clear", "Verify", "verify ", "exception-", "exception-lost", "exception-paper-x", "case-"] {
            assert_eq!(Event::parse(name), None, "{name:?}");
        }
    }
}
