//! The OFD worker: verifies OFD files (zz-ofd: SM2, X.509, XML) and
//! draws their first page, off the main thread; loaded when the first OFD
//! file arrives.

use crate::workers::protocol::{OfdPage, OfdRequest, OfdResponse, ReportWire, RootInfo};

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
    ) -> OfdResponse {
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
        let opts = zz_ofd::Options {
            roots: &sm2_roots,
            now: zz_core::UnixTime::from_secs(now),
            zz1: Some(zz_core::Context::new(b, zz_core::UnixTime::from_secs(now)).with(usage)),
        };
        let r = zz_ofd::verify(bytes, &opts);
        let report = zz_ofd::to_report(&r, &opts, b.trust_ref());
        let page = zz_ofd::render::render(bytes, &r, 0).ok().map(|p| OfdPage {
            svg: p.svg,
            pages: p.pages,
            not_covered: p.not_covered,
            seals: p.seals,
        });
        OfdResponse::Verified {
            report: ReportWire::of(report),
            license: r.license_bytes,
            page,
            millis: js_sys::Date::now() - start,
        }
    }
}

impl gloo::worker::Worker for OfdWorker {
    type Message = ();
    type Input = OfdRequest;
    type Output = OfdResponse;

    fn create(_scope: &gloo::worker::WorkerScope<Self>) -> Self {
        OfdWorker::default()
    }

    fn update(&mut self, _scope: &gloo::worker::WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &gloo::worker::WorkerScope<Self>, msg: Self::Input, id: gloo::worker::HandlerId) {
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
