//! The case record (窗口办件记录) the counter prints and saves for the case
//! archive (归档): who the matter was handled for and by whom, at which
//! organisation and window, every needed license's verification or the
//! exception that stood in for it, and the signed objects themselves, so
//! that the archive can be verified again later ([`recheck`]).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use zz_core::model::Named;
use zz_core::{Check, CheckId, Outcome, Report, UnixTime};

/// The record's `format`.
pub const FORMAT: &str = "zz-case/1";

/// A person or organisation of the case, masked as records show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    pub name: String,
    /// GB/T 36903 code type (`111` resident ID, `001` USCC).
    pub id_type: String,
    pub id: String,
}

impl Party {
    /// The party as recorded: name and ID masked.
    pub fn masked(name: &str, id_type: &str, id: &str) -> Party {
        Party { name: crate::mask_name(name.trim()), id_type: id_type.to_owned(), id: crate::mask_code(id.trim()) }
    }
}

/// What stood in for a license that was not verified electronically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExceptionKind {
    /// 实体证照已核验: the paper original was checked.
    Paper,
    /// 容缺受理: accepted pending, the license promised by a date.
    Pending,
    /// 申请签发: the license is missing; its issuance was requested.
    Issuance,
    /// 异议/纠错: an objection was raised with the issuing department.
    Objection,
}

impl ExceptionKind {
    pub const ALL: [ExceptionKind; 4] =
        [ExceptionKind::Paper, ExceptionKind::Pending, ExceptionKind::Issuance, ExceptionKind::Objection];

    pub fn as_str(self) -> &'static str {
        match self {
            ExceptionKind::Paper => "paper",
            ExceptionKind::Pending => "pending",
            ExceptionKind::Issuance => "issuance",
            ExceptionKind::Objection => "objection",
        }
    }

    pub fn parse(s: &str) -> Option<ExceptionKind> {
        ExceptionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn zh(self) -> &'static str {
        match self {
            ExceptionKind::Paper => "实体证照已核验",
            ExceptionKind::Pending => "容缺受理",
            ExceptionKind::Issuance => "申请签发",
            ExceptionKind::Objection => "异议/纠错",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            ExceptionKind::Paper => "Paper original checked",
            ExceptionKind::Pending => "Accepted pending",
            ExceptionKind::Issuance => "Issuance requested",
            ExceptionKind::Objection => "Objection raised",
        }
    }
}

/// An exception with the clerk's note (required) and, when accepted
/// pending, the date the license was promised by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Exception {
    pub kind: ExceptionKind,
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promised: Option<String>,
}

/// A verification as the record keeps it, with the bytes verified.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verified {
    /// `license`, `annotated` or `ofd`; absent when nothing was read.
    pub kind: Option<String>,
    pub license_type: Option<String>,
    pub identifier: Option<String>,
    /// The holder, masked.
    pub holder: Option<String>,
    pub verdict: String,
    pub checks: Vec<Check>,
    /// The signed object as verified (the tagged COSE bytes of a license
    /// or annotated copy, or the OFD file), base64.
    pub object: String,
}

impl Verified {
    pub fn of(report: &Report, object: &[u8]) -> Verified {
        let seen = crate::Seen::of(report);
        Verified {
            kind: seen.kind,
            license_type: seen.license_type,
            identifier: seen.identifier,
            holder: seen.holder,
            verdict: report.verdict.as_str().to_owned(),
            checks: report.checks.clone(),
            object: STANDARD.encode(object),
        }
    }

    /// The object's bytes; `None` when the text is not base64.
    pub fn object_bytes(&self) -> Option<Vec<u8>> {
        STANDARD.decode(self.object.trim()).ok()
    }
}

/// One license the matter needs: verified, resolved by an exception, or
/// neither (an incomplete case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub needed_type: String,
    pub annotated_required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Verified>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<Exception>,
}

/// How the case ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseOutcome {
    Complete,
    CompleteWithExceptions,
    Incomplete,
}

impl CaseOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseOutcome::Complete => "complete",
            CaseOutcome::CompleteWithExceptions => "complete-with-exceptions",
            CaseOutcome::Incomplete => "incomplete",
        }
    }
}

/// The case record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseRecord {
    pub format: String,
    pub id: String,
    /// When the case started, and when this record was made.
    pub started: UnixTime,
    pub recorded: UnixTime,
    /// The organisation (用证单位), hall and window.
    pub org: Option<Named>,
    pub hall: String,
    pub window: String,
    pub matter: Named,
    /// Who the matter is for (办事主体) and who presented it (受托人).
    pub applicant: Party,
    pub agent: Option<Party>,
    /// The clerk checked the identity document (已核验身份证件), and when.
    pub identity_checked: Option<UnixTime>,
    pub outcome: CaseOutcome,
    /// The kinds of exception the case completed with.
    pub exceptions: Vec<ExceptionKind>,
    pub trust_seq: u64,
    pub catalog_seq: u64,
    pub licenses: Vec<Row>,
}

impl CaseRecord {
    /// The outcome the rows and the identity tick give: every needed
    /// license valid or resolved by an exception, and the identity checked.
    pub fn outcome_of(rows: &[Row], identity_checked: bool) -> CaseOutcome {
        let resolved = |r: &Row| r.exception.is_some() || r.verified.as_ref().is_some_and(|v| v.verdict == "valid");
        if !identity_checked || rows.is_empty() || !rows.iter().all(resolved) {
            CaseOutcome::Incomplete
        } else if rows.iter().any(|r| r.exception.is_some()) {
            CaseOutcome::CompleteWithExceptions
        } else {
            CaseOutcome::Complete
        }
    }

    /// The exception kinds of the rows, in row order, each once.
    pub fn exceptions_of(rows: &[Row]) -> Vec<ExceptionKind> {
        kinds_of(rows.iter().map(|r| r.exception.as_ref()))
    }
}

/// The kinds of the exceptions given, in order, each once.
pub fn kinds_of<'a>(exceptions: impl IntoIterator<Item = Option<&'a Exception>>) -> Vec<ExceptionKind> {
    let mut kinds = Vec::new();
    for k in exceptions.into_iter().flatten().map(|e| e.kind) {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    kinds
}

/// Where a record no longer holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mismatch {
    /// The row (0-based), or `None` for the record as a whole.
    pub row: Option<usize>,
    pub what: String,
}

/// Compares a row's recorded verification with the report of verifying
/// its object again. The `applicant` check is left out when the applicant
/// could not be given again (the record masks it).
pub fn compare(row: usize, recorded: &Verified, again: &Report, applicant_given: bool) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let mut differ = |what: String| out.push(Mismatch { row: Some(row), what });
    let seen = crate::Seen::of(again);
    if recorded.kind != seen.kind {
        differ(format!("kind: recorded {:?}, verified {:?}", recorded.kind, seen.kind));
    }
    if recorded.identifier != seen.identifier {
        differ("identifier: the recorded one is not the object's".to_owned());
    }
    if recorded.license_type != seen.license_type {
        differ("license type: the recorded one is not the object's".to_owned());
    }
    if recorded.holder != seen.holder {
        differ("holder: the recorded one is not the object's".to_owned());
    }
    let counts = |id: &str| applicant_given || id != CheckId::Applicant.as_str();
    let recorded_fail = recorded.checks.iter().any(|c| c.outcome == Outcome::Fail && counts(c.id.as_str()));
    let again_fail = again.checks.iter().any(|c| c.outcome == Outcome::Fail && counts(c.id.as_str()));
    let verdict = again.verdict.as_str();
    let holds = if applicant_given || !recorded_fail && !again_fail {
        recorded.verdict == verdict
    } else {
        // Without the applicant, only "invalid or not" can be compared.
        recorded_fail == again_fail
    };
    if !holds {
        differ(format!("verdict: recorded {}, now {verdict}", recorded.verdict));
    }
    for c in &recorded.checks {
        if !counts(c.id.as_str()) {
            continue;
        }
        match again.checks.iter().find(|a| a.id == c.id) {
            Some(a) if a.outcome == c.outcome => {}
            Some(a) => {
                differ(format!("check {}: recorded {:?}, now {:?}", c.id.as_str(), c.outcome, a.outcome).to_lowercase())
            }
            None => differ(format!("check {}: not in the report", c.id.as_str())),
        }
    }
    if again.checks.len() != recorded.checks.len() {
        differ(format!("checks: recorded {}, now {}", recorded.checks.len(), again.checks.len()));
    }
    out
}

/// What a record says of itself that must add up: its format, one row per
/// license the matter needs (when the matter is known), the outcome and
/// exceptions its rows give, and a note for every exception.
pub fn check_record(record: &CaseRecord, needs: Option<&[zz_core::model::Need]>) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let mut wrong = |what: String| out.push(Mismatch { row: None, what });
    if record.format != FORMAT {
        wrong(format!("format: {:?}, expected {FORMAT:?}", record.format));
    }
    if let Some(needs) = needs {
        let types: Vec<&str> = needs.iter().map(|n| n.type_code.as_str()).collect();
        let rows: Vec<&str> = record.licenses.iter().map(|r| r.needed_type.as_str()).collect();
        if types != rows {
            wrong("licenses: not the ones the matter needs".to_owned());
        }
    } else {
        wrong(format!("matter {}: not in the catalog", record.matter.code));
    }
    // A complete case must be what its rows and tick give; an incomplete
    // one may have had other reasons (the counter also checks every
    // holder against the applicant, whose ID the record masks).
    let outcome = CaseRecord::outcome_of(&record.licenses, record.identity_checked.is_some());
    if record.outcome != CaseOutcome::Incomplete && outcome != record.outcome {
        wrong(format!("outcome: recorded {}, the rows give {}", record.outcome.as_str(), outcome.as_str()));
    }
    if CaseRecord::exceptions_of(&record.licenses) != record.exceptions {
        wrong("exceptions: not the rows' exceptions".to_owned());
    }
    for (i, r) in record.licenses.iter().enumerate() {
        if r.exception.as_ref().is_some_and(|e| e.note.trim().is_empty()) {
            out.push(Mismatch { row: Some(i), what: "exception without a note".to_owned() });
        }
        if r.exception.is_none() && r.verified.as_ref().is_some_and(|v| v.object_bytes().is_none()) {
            out.push(Mismatch { row: Some(i), what: "object: not base64".to_owned() });
        }
    }
    out
}
