//! The OFD worker: verifies OFD files (zz-ofd: SM2, X.509, XML) and
//! draws their first page, off the main thread; loaded when the first OFD
//! file arrives.

use crate::workers::protocol::{OfdPage, OfdRequest, OfdResponse, RawAuthority, ReportWire, RootInfo};

/// The OFD worker (zz-ofd: SM2, X.509, XML, the page drawn). Keeps the
/// last trust data loaded, by digest.
#[derive(Default)]
pub struct OfdWorker {
    trust: Option<([u8; 32], Loaded)>,
}

/// The authorities loaded, with each one's SM2 roots in the same order.
struct Loaded {
    authorities: zz_core::Authorities,
    sm2_roots: Vec<Vec<zz_ofd::cert::Cert>>,
}

fn load(all: &[RawAuthority]) -> Result<Loaded, String> {
    let bundle = |a: &RawAuthority| {
        zz_core::Roots::parse(&a.roots)
            .map_err(|e| format!("{}: {e}", a.name))
            .and_then(|r| zz_core::Bundle::load(&a.bundle, &r, None).map_err(|e| format!("{}: {e}", a.name)))
    };
    let (home, others) = all.split_first().ok_or("no trust data")?;
    let mut authorities = zz_core::Authorities::new(&home.name, bundle(home)?).map_err(|e| e.to_string())?;
    let mut sm2_roots = vec![zz_ofd::cert::parse_pem(&home.sm2_roots).unwrap_or_default()];
    for a in others {
        authorities.put(&a.name, bundle(a)?).map_err(|e| e.to_string())?;
        sm2_roots.push(zz_ofd::cert::parse_pem(&a.sm2_roots).unwrap_or_default());
    }
    Ok(Loaded { authorities, sm2_roots })
}

impl OfdWorker {
    fn verify(&mut self, bytes: &[u8], all: &[RawAuthority], now: i64, usage: zz_core::Usage<'_>) -> OfdResponse {
        use sha2::Digest;
        let start = js_sys::Date::now();
        let mut h = sha2::Sha256::new();
        for a in all {
            for part in [a.name.as_bytes(), a.roots.as_bytes(), &a.bundle, a.sm2_roots.as_bytes()] {
                h.update((part.len() as u64).to_le_bytes());
                h.update(part);
            }
        }
        let digest: [u8; 32] = h.finalize().into();
        if self.trust.as_ref().map(|(d, _)| d) != Some(&digest) {
            match load(all) {
                Ok(l) => self.trust = Some((digest, l)),
                Err(e) => return OfdResponse::Error(e),
            }
        }
        let Some((_, l)) = &self.trust else { return OfdResponse::Error("no trust data".into()) };
        let sm2: Vec<&[zz_ofd::cert::Cert]> = l.sm2_roots.iter().map(Vec::as_slice).collect();
        let ctx = zz_core::Context::among(&l.authorities, zz_core::UnixTime::from_secs(now)).with(usage);
        let (r, opts) = zz_ofd::verify_among(bytes, ctx, &sm2);
        let trust = opts.zz1.map_or(ctx.bundle, |c| c.bundle).trust_ref();
        let report = zz_ofd::to_report(&r, &opts, trust);
        // The page as the face shows it: ID numbers masked until the clerk
        // asks for them (the holder's, and fields of the ID kind).
        let secrets: Vec<&str> = report
            .license
            .as_ref()
            .map(|l| {
                let ty = opts.zz1.map_or(ctx.bundle, |c| c.bundle).license_type(&l.type_code);
                let ids = ty.into_iter().flat_map(|t| &t.fields).filter(|f| f.kind == zz_core::model::FieldKind::Id);
                let fields = ids.filter_map(|f| match l.field(&f.key) {
                    Some(zz_core::model::FieldValue::Text(s)) => Some(s.as_str()),
                    _ => None,
                });
                std::iter::once(l.holder.id.as_str()).chain(fields).collect()
            })
            .unwrap_or_default();
        let page = zz_ofd::render::render(bytes, &r, 0).ok().map(|p| {
            Box::new(OfdPage {
                masked: zz_ofd::render::render_masked(bytes, &r, 0, &secrets).map(|m| m.svg).unwrap_or_default(),
                svg: p.svg,
                pages: p.pages,
                not_covered: p.not_covered,
                seals: p.seals,
            })
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
            OfdRequest::Verify { bytes, authorities, now, usage } => {
                self.verify(&bytes, &authorities, now, usage.usage())
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
