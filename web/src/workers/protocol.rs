//! What the portal and its workers say to each other: requests and
//! answers in the worker channel's own encoding, and the report's wire
//! form (converted here, once, both ways). A leaf: it names no other
//! module of the portal.

use serde::{Deserialize, Serialize};

/// SPEC section 10's optional inputs, owned: what the staff is handling
/// (the matter), at which organisation, for whom (see [`zz_core::Usage`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnedUsage {
    pub matter: Option<String>,
    pub org: Option<String>,
    pub applicant: Option<String>,
    /// The nonce shown to the holder (SPEC section 13).
    #[serde(default)]
    pub nonce: Option<Vec<u8>>,
}

impl OwnedUsage {
    pub fn usage(&self) -> zz_core::Usage<'_> {
        zz_core::Usage {
            matter: self.matter.as_deref(),
            org: self.org.as_deref(),
            applicant: self.applicant.as_deref(),
            nonce: self.nonce.as_deref(),
        }
    }
}

/// What the worker is asked to decode.
#[derive(Serialize, Deserialize)]
pub enum DecodeRequest {
    /// A camera frame, one grey byte per pixel.
    Frame { width: u32, height: u32, luma: Vec<u8> },
    /// An image file (PNG or JPEG).
    Image(Vec<u8>),
}

/// Every QR payload found, or why the image could not be read.
#[derive(Serialize, Deserialize)]
pub enum DecodeResponse {
    Codes { codes: Vec<String>, millis: f64 },
    Error(String),
}

/// What the OFD worker is asked.
#[derive(Serialize, Deserialize)]
pub enum OfdRequest {
    /// Verify an OFD file (SPEC section 12) with the portal's trust
    /// authorities (each one's pinned roots file and bundle, for the ZZ1
    /// license it may carry, and SM2 roots as PEM; the home one first),
    /// and draw its first page.
    Verify { bytes: Vec<u8>, authorities: Vec<RawAuthority>, now: i64, usage: OwnedUsage },
    /// The certificates of an SM2 roots file, for the settings page.
    Roots { pem: String },
}

/// One trust authority's files, as the OFD worker loads them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawAuthority {
    pub name: String,
    pub roots: String,
    pub bundle: Vec<u8>,
    pub sm2_roots: String,
}

/// A page drawn from what the file's valid signatures cover.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfdPage {
    pub svg: String,
    /// The same page with the holder's ID numbers masked, as the face
    /// shows them until revealed.
    pub masked: String,
    pub pages: usize,
    /// Parts not drawn: covered by no valid signature.
    pub not_covered: Vec<String>,
    pub seals: usize,
}

/// A pinned SM2 certificate as settings show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RootInfo {
    pub subject: String,
    pub not_before: i64,
    pub not_after: i64,
    /// Self-signed (a root), else a CA certificate used as a link.
    pub root: bool,
}

/// The report as the worker sends it: all but the carried license's
/// data, which the portal takes from the license bytes themselves
/// (decoding a license is code it has). Sent in the worker channel's
/// own encoding, not JSON: reading a whole report from JSON cost the
/// first load about 14 KB gzip, this about 2.
#[derive(Serialize, Deserialize)]
pub struct ReportWire {
    pub verdict: zz_core::Verdict,
    pub kind: Option<zz_core::Kind>,
    pub checks: Vec<zz_core::Check>,
    pub verified: bool,
    pub matter: Option<String>,
    pub now: zz_core::UnixTime,
    pub trust: zz_core::report::TrustRef,
    pub authority: Option<String>,
    pub signatures: Vec<zz_core::SignatureReport>,
}

#[derive(Serialize, Deserialize)]
pub enum OfdResponse {
    /// The report as JSON (SPEC section 11/12), the bytes of the ZZ1
    /// license the file carries, and the page unless the file is invalid.
    Verified {
        report: ReportWire,
        license: Option<Vec<u8>>,
        /// Boxed: two drawings of a page are large beside the other answers.
        page: Option<Box<OfdPage>>,
        millis: f64,
    },
    Roots(Result<Vec<RootInfo>, String>),
    /// The trust data sent could not be loaded.
    Error(String),
}

impl ReportWire {
    /// The report as sent: all but the carried license's data.
    pub fn of(r: zz_core::Report) -> ReportWire {
        ReportWire {
            verdict: r.verdict,
            kind: r.kind,
            checks: r.checks,
            verified: r.verified,
            matter: r.matter,
            now: r.now,
            trust: r.trust,
            authority: r.authority,
            signatures: r.signatures,
        }
    }

    /// The report again, with the data of the license the file carries
    /// (`carried`: its own report, from its bytes).
    pub fn into_report(self, carried: Option<zz_core::Report>) -> zz_core::Report {
        zz_core::Report {
            verdict: self.verdict,
            kind: self.kind,
            checks: self.checks,
            verified: self.verified,
            license: carried.as_ref().and_then(|c| c.license.clone()),
            annotation: None,
            signer: carried.and_then(|c| c.signer),
            annotation_signer: None,
            matter: self.matter,
            now: self.now,
            trust: self.trust,
            authority: self.authority,
            presented: false,
            presentation: None,
            signatures: self.signatures,
        }
    }
}
