//! The report on an OFD file: its document checks and each signature's.

use std::collections::BTreeSet;

use serde::Serialize;
use zz_core::{Outcome, Verdict};

use crate::cert::Cert;

/// One check, with its reason in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfdCheck {
    pub id: &'static str,
    pub outcome: Outcome,
    pub zh: String,
    pub en: String,
    /// Whether a `warn` limits the verdict to `indeterminate` (all do but
    /// the one for a raw r‖s signature value).
    #[serde(skip)]
    pub limits: bool,
}

pub(super) fn check(id: &'static str, outcome: Outcome, zh: impl Into<String>, en: impl Into<String>) -> OfdCheck {
    OfdCheck { id, outcome, zh: zh.into(), en: en.into(), limits: true }
}

/// The format of a signature value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    SesV4,
    SesV1,
    SignedData,
    Bare,
}

/// A certificate as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertSummary {
    pub subject: String,
    pub issuer: String,
    pub serial: String,
    pub not_before: i64,
    pub not_after: i64,
}

impl From<&Cert> for CertSummary {
    fn from(c: &Cert) -> CertSummary {
        CertSummary {
            subject: c.subject.clone(),
            issuer: c.issuer.clone(),
            serial: c.serial.clone(),
            not_before: c.not_before,
            not_after: c.not_after,
        }
    }
}

/// A seal as a report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SealSummary {
    pub name: String,
    pub id: String,
    /// The maker's certificate subject.
    pub maker: String,
    pub valid_start: i64,
    pub valid_end: i64,
}

/// One signature's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignatureReport {
    pub id: String,
    pub format: Option<Format>,
    pub checks: Vec<OfdCheck>,
    pub signer: Option<CertSummary>,
    pub seal: Option<SealSummary>,
    /// The signing time (the signer's claim, inside what it signed).
    pub time: Option<i64>,
    /// The files its references name (normalised).
    #[serde(skip)]
    pub references: Vec<String>,
}

impl SignatureReport {
    /// The outcome of one of its checks.
    pub fn outcome(&self, id: &str) -> Outcome {
        self.checks.iter().find(|c| c.id == id).map_or(Outcome::Skip, |c| c.outcome)
    }

    /// Whether it covers its references: none of its checks fails.
    pub fn covers(&self) -> bool {
        self.checks.iter().all(|c| c.outcome != Outcome::Fail)
    }
}

/// The report on an OFD file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfdReport {
    pub verdict: Verdict,
    /// The document checks: `ofd-package`, `ofd-coverage`, `ofd-license`.
    pub checks: Vec<OfdCheck>,
    pub signatures: Vec<SignatureReport>,
    /// The report on the ZZ1 license the file carries, if any.
    #[serde(skip)]
    pub license: Option<Box<zz_core::Report>>,
    /// The bytes of that license (the `license.zzl` attachment).
    #[serde(skip)]
    pub license_bytes: Option<Vec<u8>>,
}

impl OfdReport {
    pub(super) fn finish(checks: Vec<OfdCheck>, signatures: Vec<SignatureReport>) -> OfdReport {
        let all = || checks.iter().chain(signatures.iter().flat_map(|s| s.checks.iter()));
        let verdict = if all().any(|c| c.outcome == Outcome::Fail) {
            Verdict::Invalid
        } else if all().any(|c| c.outcome == Outcome::Warn && c.limits) {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        };
        OfdReport { verdict, checks, signatures, license: None, license_bytes: None }
    }

    /// The outcome of a document check.
    pub fn outcome(&self, id: &str) -> Outcome {
        self.checks.iter().find(|c| c.id == id).map_or(Outcome::Skip, |c| c.outcome)
    }

    /// The files covered by a signature none of whose checks fails.
    pub fn covered(&self) -> BTreeSet<&str> {
        covered_by(&self.signatures)
    }
}

pub(super) fn covered_by(signatures: &[SignatureReport]) -> BTreeSet<&str> {
    signatures.iter().filter(|s| s.covers()).flat_map(|s| s.references.iter().map(String::as_str)).collect()
}
