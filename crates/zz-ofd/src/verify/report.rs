//! The report on an OFD file: its document checks and each signature's.

use std::collections::BTreeSet;

use serde::Serialize;
use zz_core::{CertInfo, CheckId, Outcome, SealInfo, UnixTime, Verdict};

use crate::cert::Cert;

/// One check, with its reason in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfdCheck {
    pub id: CheckId,
    pub outcome: Outcome,
    pub zh: String,
    pub en: String,
    /// Whether a `warn` limits the verdict to `indeterminate` (all do but
    /// the one for a raw r‖s signature value).
    #[serde(skip)]
    pub limits: bool,
}

pub(super) fn check(id: CheckId, outcome: Outcome, zh: impl Into<String>, en: impl Into<String>) -> OfdCheck {
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

impl Format {
    /// The name reports give it (`ses-v4`, `ses-v1`, `signed-data`, `bare`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::SesV4 => "ses-v4",
            Format::SesV1 => "ses-v1",
            Format::SignedData => "signed-data",
            Format::Bare => "bare",
        }
    }
}

/// A certificate as a report shows it: zz-core's, as every report shows
/// it (the old name).
pub type CertSummary = CertInfo;

/// A seal as a report shows it: zz-core's (the old name).
pub type SealSummary = SealInfo;

impl From<&Cert> for CertInfo {
    fn from(c: &Cert) -> CertInfo {
        CertInfo {
            subject: c.subject.clone(),
            issuer: c.issuer.clone(),
            serial: c.serial.clone(),
            not_before: UnixTime::from_secs(c.not_before),
            not_after: UnixTime::from_secs(c.not_after),
        }
    }
}

/// One signature's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignatureReport {
    pub id: String,
    pub format: Option<Format>,
    pub checks: Vec<OfdCheck>,
    pub signer: Option<CertInfo>,
    pub seal: Option<SealInfo>,
    /// The signing time (the signer's claim, inside what it signed).
    pub time: Option<i64>,
    /// The files its references name (normalised).
    #[serde(skip)]
    pub references: Vec<String>,
    /// SHA-256 of its signer certificate's `SubjectPublicKeyInfo` (how the
    /// trust list's `seals` name it).
    #[serde(skip)]
    pub signer_spki: Option<[u8; 32]>,
}

impl SignatureReport {
    /// The outcome of one of its checks.
    pub fn outcome(&self, id: CheckId) -> Outcome {
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
    pub fn outcome(&self, id: CheckId) -> Outcome {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_as_serialised() {
        for f in [Format::SesV4, Format::SesV1, Format::SignedData, Format::Bare] {
            assert_eq!(serde_json::to_value(f).unwrap(), f.as_str());
        }
    }
}
