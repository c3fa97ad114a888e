//! Verifying what was presented: license bytes or `ZZ1:` text, an image
//! whose QR code the QR worker reads, or an OFD file, which the OFD worker
//! verifies and draws; each recorded in the audit log. The core decides.

use gloo::timers::callback::Timeout;
use yew::Callback;
use zz_core::UnixTime;

use crate::services::trust::Trust;
use crate::workers::client::{decode, ofd};
use crate::workers::protocol::{
    DecodeRequest, DecodeResponse, OfdPage, OfdRequest, OfdResponse, OwnedUsage, RawAuthority,
};

/// How long an OFD verification may take before the page says the worker
/// did not answer (a 64 MiB file takes a few seconds).
const OFD_WAIT_MS: u32 = 30_000;

/// The last code read from the camera and when: the same code held in
/// front of the camera is verified once, not on every frame.
pub struct LastCode {
    text: String,
    at: UnixTime,
}

impl Default for LastCode {
    fn default() -> Self {
        LastCode { text: String::new(), at: UnixTime::EPOCH }
    }
}

impl LastCode {
    /// The payload to verify among a frame's codes (the core's
    /// [`zz_core::transport::pick_code`]), unless it is the one read less
    /// than `window` seconds before `now`.
    pub fn fresh(&mut self, codes: &[String], now: UnixTime, window: i64) -> Option<String> {
        let text = zz_core::transport::pick_code(codes)?.to_owned();
        if self.text == text && now.seconds_since(self.at) < window {
            return None;
        }
        self.text.clone_from(&text);
        self.at = now;
        Some(text)
    }

    /// Starts the window again at `now` (the kiosk, back to waiting).
    pub fn restart(&mut self, now: UnixTime) {
        self.at = now;
    }
}

/// What a presented file holds for the core: license bytes or text as
/// they are, or, for a PNG or JPEG image, the QR code read by the worker.
/// `done` gets the bytes to verify, or the reason (zh, en) there are none.
pub fn resolve(bytes: Vec<u8>, done: Callback<Result<Vec<u8>, (String, String)>>) {
    if zz_qr::sniff(&bytes).is_none() {
        done.emit(Ok(bytes));
        return;
    }
    decode(
        DecodeRequest::Image(bytes),
        Callback::from(move |r: DecodeResponse| {
            done.emit(match r {
                DecodeResponse::Codes { codes, .. } => zz_core::transport::pick_code(&codes)
                    .map(|c| c.as_bytes().to_vec())
                    .ok_or_else(|| ("图片中未找到二维码".to_owned(), "No QR code was found in the image".to_owned())),
                DecodeResponse::Error(e) => {
                    Err((format!("图片无法读取：{e}"), format!("The image cannot be read: {e}")))
                }
            })
        }),
    );
}

/// A verification of what was presented.
#[derive(Clone)]
pub struct Verification {
    pub report: zz_core::Report,
    /// An OFD file's first page, drawn from what its signatures cover.
    pub page: Option<std::rc::Rc<OfdPage>>,
    /// What was verified: a license's or annotated copy's COSE bytes, or
    /// the OFD file (empty when nothing could be read).
    pub object: std::rc::Rc<Vec<u8>>,
}

/// Verifies what was presented (license bytes or text, an image whose
/// QR code the worker reads, or an OFD file, which the OFD worker verifies
/// and draws) at the device's clock, for `usage` (matter, organisation,
/// applicant, as given); records it in the log and hands `done` the core's
/// report, with an OFD file's page and the object verified.
pub fn verify_presented(bytes: Vec<u8>, trust: std::rc::Rc<Trust>, usage: OwnedUsage, done: Callback<Verification>) {
    verify_presented_at(bytes, trust, usage, None, done)
}

/// [`verify_presented`] at `at` instead of the clock: a live presentation
/// verified again for a case (new people) counts at the time it was shown.
pub fn verify_presented_at(
    bytes: Vec<u8>,
    trust: std::rc::Rc<Trust>,
    usage: OwnedUsage,
    at: Option<UnixTime>,
    done: Callback<Verification>,
) {
    let clock_now = move || at.unwrap_or_else(crate::services::clock::now);
    if zz_ofd::package::looks_like_zip(&bytes) {
        let now = clock_now();
        let object = std::rc::Rc::new(bytes.clone());
        let authorities = trust
            .raw_all()
            .into_iter()
            .map(|(name, raw)| RawAuthority {
                name,
                roots: raw.roots.clone(),
                bundle: raw.bundle.clone(),
                sm2_roots: raw.sm2_roots.clone(),
            })
            .collect();
        let request = OfdRequest::Verify { bytes, authorities, now: now.as_secs(), usage: usage.clone() };
        // A worker that cannot be loaded (offline before it was ever
        // fetched) never answers: after a while, say so. Whichever comes
        // first (`None`: the wait is over) is the one result.
        let answered = std::cell::Cell::new(false);
        let finish = std::rc::Rc::new(move |response: Option<OfdResponse>| {
            if answered.replace(true) {
                return;
            }
            let ctx = zz_core::Context::among(&trust.authorities, now).with(usage.usage());
            let refused = |zh: &str, en: &str| {
                zz_core::verify::undecodable(
                    ctx,
                    format!("OFD 文件无法核验：{zh}"),
                    format!("The OFD file cannot be verified: {en}"),
                )
            };
            let (report, page) = match response {
                Some(OfdResponse::Verified { report: w, license, page, .. }) => {
                    // The carried license's data, from its bytes (the
                    // worker decided with the same inputs).
                    let carried = license.map(|bytes| zz_core::verify(&bytes, ctx));
                    let r = w.into_report(carried);
                    (r, page.map(|p| std::rc::Rc::new(*p)))
                }
                Some(OfdResponse::Error(e)) => (refused(&e, &e), None),
                Some(OfdResponse::Roots(_)) => (refused("unexpected answer", "unexpected answer"), None),
                None => (
                    refused(
                        "核验程序未能加载或未在时限内完成（首次使用需联网）",
                        "its checker did not load or finish in time (the first use needs the network)",
                    ),
                    None,
                ),
            };
            crate::services::audit::record_later(&report);
            done.emit(Verification { report, page, object: object.clone() });
        });
        let waited = finish.clone();
        Timeout::new(OFD_WAIT_MS, move || waited(None)).forget();
        ofd(request, Callback::from(move |response| finish(Some(response))));
        return;
    }
    resolve(
        bytes,
        Callback::from(move |input: Result<Vec<u8>, (String, String)>| {
            let ctx = zz_core::Context::among(&trust.authorities, clock_now()).with(usage.usage());
            let (report, object) = match input {
                Ok(bytes) => {
                    // The signed object itself (a case record keeps it):
                    // the COSE bytes of `ZZ1:` text.
                    let object = zz_core::transport::decode_input(&bytes)
                        .map_or_else(|_| bytes.clone(), |d| d.cose.into_owned());
                    (zz_core::verify(&bytes, ctx), object)
                }
                Err((zh, en)) => (zz_core::verify::undecodable(ctx, zh, en), Vec::new()),
            };
            crate::services::audit::record_later(&report);
            done.emit(Verification { report, page: None, object: std::rc::Rc::new(object) });
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::LastCode;
    use zz_core::UnixTime;

    #[test]
    fn the_same_code_is_verified_once_per_window() {
        let codes = |t: &str| vec!["junk".to_owned(), t.to_owned()];
        let at = UnixTime::from_secs;
        let mut last = LastCode::default();
        assert_eq!(last.fresh(&codes("ZZ1:A"), at(100), 30).as_deref(), Some("ZZ1:A"));
        assert_eq!(last.fresh(&codes("ZZ1:A"), at(129), 30), None);
        // Another code at once; the first again after the window.
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(129), 30).as_deref(), Some("ZZ1:B"));
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(159), 30).as_deref(), Some("ZZ1:B"));
        // Restarting the window keeps the code out for a full window more.
        last.restart(at(200));
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(229), 30), None);
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(230), 30).as_deref(), Some("ZZ1:B"));
        assert_eq!(last.fresh(&[], at(300), 30), None);
    }
}

/// Where a presented license came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Read by the camera.
    Camera,
    /// A file (license, text or image), by name.
    File(String),
    /// `ZZ1:` text pasted in.
    Pasted,
}

impl Source {
    /// How the source is named on screen; nothing for pasted text.
    pub fn label(&self, lang: crate::words::lang::Lang) -> String {
        match self {
            Source::Camera => lang.t("摄像头", "camera").to_owned(),
            Source::File(name) => name.clone(),
            Source::Pasted => String::new(),
        }
    }
}
