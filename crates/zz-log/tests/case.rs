//! What a case record must add up to on its own (the objects are verified
//! again by `zz verify --case`, tested in zz-cli).

use zz_core::UnixTime;
use zz_core::model::Named;
use zz_log::case::{self, CaseOutcome, CaseRecord, Exception, ExceptionKind, FORMAT, Party, Row};

fn record(rows: Vec<Row>, identity: bool, outcome: CaseOutcome) -> CaseRecord {
    CaseRecord {
        format: FORMAT.into(),
        id: "c".into(),
        started: UnixTime::from_secs(0),
        recorded: UnixTime::from_secs(1),
        org: None,
        hall: String::new(),
        window: String::new(),
        matter: Named { name: "m".into(), code: "M".into() },
        applicant: Party::masked("李明", "111", "310104199007020173"),
        agent: None,
        identity_checked: identity.then(|| UnixTime::from_secs(0)),
        outcome,
        exceptions: case::kinds_of(rows.iter().map(|r| r.exception.as_ref())),
        trust_seq: 1,
        catalog_seq: 1,
        licenses: rows,
    }
}

fn excepted(kind: ExceptionKind, note: &str) -> Row {
    Row {
        needed_type: "T".into(),
        annotated_required: false,
        verified: None,
        exception: Some(Exception { kind, note: note.into(), promised: None }),
    }
}

fn need() -> Vec<zz_core::model::Need> {
    vec![zz_core::model::Need { type_code: "T".into(), annotated: false }]
}

#[test]
fn a_complete_record_must_be_what_its_rows_give_an_incomplete_one_may_have_had_other_reasons() {
    let rows = vec![excepted(ExceptionKind::Paper, "原件已核")];
    let good = record(rows.clone(), true, CaseOutcome::CompleteWithExceptions);
    assert_eq!(case::check_record(&good, Some(&need())), vec![]);
    // The counter found a holder who is not the applicant: incomplete,
    // although the rows alone look complete.
    let incomplete = record(rows.clone(), true, CaseOutcome::Incomplete);
    assert_eq!(case::check_record(&incomplete, Some(&need())), vec![]);
    // Claimed complete without the identity tick, or without exceptions.
    for claimed in
        [record(rows.clone(), false, CaseOutcome::CompleteWithExceptions), record(rows, true, CaseOutcome::Complete)]
    {
        assert!(!case::check_record(&claimed, Some(&need())).is_empty());
    }
    // An exception needs its note; the rows must be the matter's.
    let silent = record(vec![excepted(ExceptionKind::Pending, "  ")], true, CaseOutcome::CompleteWithExceptions);
    assert!(case::check_record(&silent, Some(&need())).iter().any(|m| m.what.contains("note")));
    assert!(!case::check_record(&good, None).is_empty(), "a matter not in the catalog");
    assert!(!case::check_record(&good, Some(&[])).is_empty(), "rows the matter does not need");
    assert_eq!(
        case::kinds_of([None, good.licenses[0].exception.as_ref(), good.licenses[0].exception.as_ref()]),
        [ExceptionKind::Paper]
    );
}
