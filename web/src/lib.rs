//! The portal's wasm programs and what they share: the portal itself
//! (`portal`), the staff pages (`staff`: counter, log, settings, objection
//! request), the QR decoding worker and the OFD worker. All but the portal
//! are loaded only when first needed (a staff page; scanning or an image
//! upload; an OFD file), so that the portal's first load stays small.

// The modules name the crate as the programs do.
extern crate self as zz_web;

pub mod components;
pub mod pages;
pub mod programs;
pub mod services;
pub mod state;
pub mod words;

pub use programs::portal::Route;

use serde::{Deserialize, Serialize};
use zz_worker_api::*;

/// The protocol between the portal and its decoding worker.
pub mod zz_worker_api {
    use super::*;

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
}

/// The decoding worker (zz-qr, rxing). Counts camera frames: each gets
/// the fast passes and one of the slow ones in turn (`zz_qr::decode_frame`).
pub struct QrWorker {
    frames: u32,
}

impl gloo::worker::Worker for QrWorker {
    type Message = ();
    type Input = DecodeRequest;
    type Output = DecodeResponse;

    fn create(_scope: &gloo::worker::WorkerScope<Self>) -> Self {
        QrWorker { frames: 0 }
    }

    fn update(&mut self, _scope: &gloo::worker::WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &gloo::worker::WorkerScope<Self>, msg: Self::Input, id: gloo::worker::HandlerId) {
        let start = js_sys::Date::now();
        let response = match msg {
            DecodeRequest::Frame { width, height, luma } => {
                self.frames = self.frames.wrapping_add(1);
                DecodeResponse::Codes { codes: zz_qr::decode_frame(luma, width, height, self.frames), millis: 0.0 }
            }
            DecodeRequest::Image(bytes) => match zz_qr::decode_image(&bytes) {
                Ok(codes) => DecodeResponse::Codes { codes, millis: 0.0 },
                Err(e) => DecodeResponse::Error(e.to_string()),
            },
        };
        let response = match response {
            DecodeResponse::Codes { codes, .. } => DecodeResponse::Codes { codes, millis: js_sys::Date::now() - start },
            other => other,
        };
        scope.respond(id, response);
    }
}

/// SPEC section 10's optional inputs, owned: what the staff is handling
/// (the matter), at which organisation, for whom (see [`zz_core::Usage`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnedUsage {
    pub matter: Option<String>,
    pub org: Option<String>,
    pub applicant: Option<String>,
}

impl OwnedUsage {
    pub fn usage(&self) -> zz_core::Usage<'_> {
        zz_core::Usage {
            matter: self.matter.as_deref(),
            org: self.org.as_deref(),
            applicant: self.applicant.as_deref(),
        }
    }
}

/// The protocol between the portal and its OFD worker.
pub mod ofd_worker_api {
    use super::*;

    /// What the OFD worker is asked.
    #[derive(Serialize, Deserialize)]
    pub enum OfdRequest {
        /// Verify an OFD file (SPEC section 12) with the portal's trust data
        /// (the pinned roots file and bundle, for the ZZ1 license it may
        /// carry) and SM2 roots (PEM), and draw its first page.
        Verify { bytes: Vec<u8>, roots: String, bundle: Vec<u8>, sm2_roots: String, now: i64, usage: super::OwnedUsage },
        /// The certificates of an SM2 roots file, for the settings page.
        Roots { pem: String },
    }

    /// A page drawn from what the file's valid signatures cover.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct OfdPage {
        pub svg: String,
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
        pub signatures: Vec<zz_core::SignatureReport>,
    }

    #[derive(Serialize, Deserialize)]
    pub enum OfdResponse {
        /// The report as JSON (SPEC section 11/12), the bytes of the ZZ1
        /// license the file carries, and the page unless the file is invalid.
        Verified {
            report: ReportWire,
            license: Option<Vec<u8>>,
            page: Option<OfdPage>,
            millis: f64,
        },
        Roots(Result<Vec<RootInfo>, String>),
        /// The trust data sent could not be loaded.
        Error(String),
    }
}

/// The OFD worker (zz-ofd: SM2, X.509, XML, the page drawn). Keeps the
/// last trust data loaded, by digest.
#[derive(Default)]
pub struct OfdWorker {
    trust: Option<([u8; 32], zz_core::Bundle)>,
}

impl OfdWorker {
    fn verify(
        &mut self,
        bytes: &[u8],
        roots: &str,
        bundle: &[u8],
        sm2: &str,
        now: i64,
        usage: zz_core::Usage<'_>,
    ) -> ofd_worker_api::OfdResponse {
        use ofd_worker_api::{OfdPage, OfdResponse};
        use sha2::Digest;
        let start = js_sys::Date::now();
        let digest: [u8; 32] =
            sha2::Sha256::new().chain_update(roots.as_bytes()).chain_update([0]).chain_update(bundle).finalize().into();
        if self.trust.as_ref().map(|(d, _)| d) != Some(&digest) {
            let loaded = zz_core::Roots::parse(roots)
                .map_err(|e| e.to_string())
                .and_then(|r| zz_core::Bundle::load(bundle, &r, None).map_err(|e| e.to_string()));
            match loaded {
                Ok(b) => self.trust = Some((digest, b)),
                Err(e) => return OfdResponse::Error(e),
            }
        }
        let Some((_, b)) = &self.trust else { return OfdResponse::Error("no trust data".into()) };
        let sm2_roots = zz_ofd::cert::parse_pem(sm2).unwrap_or_default();
        let opts = zz_ofd::Options { roots: &sm2_roots, now: zz_core::UnixTime::from_secs(now), zz1: Some((b, usage)) };
        let r = zz_ofd::verify(bytes, &opts);
        let report = zz_ofd::to_report(&r, &opts, b.trust_ref());
        let page = zz_ofd::render::render(bytes, &r, 0).ok().map(|p| OfdPage {
            svg: p.svg,
            pages: p.pages,
            not_covered: p.not_covered,
            seals: p.seals,
        });
        OfdResponse::Verified {
            report: ofd_worker_api::ReportWire {
                verdict: report.verdict,
                kind: report.kind,
                checks: report.checks,
                verified: report.verified,
                matter: report.matter,
                now: report.now,
                trust: report.trust,
                signatures: report.signatures,
            },
            license: r.license_bytes,
            page,
            millis: js_sys::Date::now() - start,
        }
    }
}

impl gloo::worker::Worker for OfdWorker {
    type Message = ();
    type Input = ofd_worker_api::OfdRequest;
    type Output = ofd_worker_api::OfdResponse;

    fn create(_scope: &gloo::worker::WorkerScope<Self>) -> Self {
        OfdWorker::default()
    }

    fn update(&mut self, _scope: &gloo::worker::WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &gloo::worker::WorkerScope<Self>, msg: Self::Input, id: gloo::worker::HandlerId) {
        use ofd_worker_api::{OfdRequest, OfdResponse, RootInfo};
        let response = match msg {
            OfdRequest::Verify { bytes, roots, bundle, sm2_roots, now, usage } => {
                self.verify(&bytes, &roots, &bundle, &sm2_roots, now, usage.usage())
            }
            OfdRequest::Roots { pem } => OfdResponse::Roots(
                zz_ofd::cert::parse_pem(&pem)
                    .map(|certs| {
                        certs
                            .into_iter()
                            .map(|c| RootInfo {
                                root: c.subject_der == c.issuer_der,
                                subject: c.subject,
                                not_before: c.not_before,
                                not_after: c.not_after,
                            })
                            .collect()
                    })
                    .ok_or_else(|| "a certificate cannot be read".to_owned()),
            ),
        };
        scope.respond(id, response);
    }
}
