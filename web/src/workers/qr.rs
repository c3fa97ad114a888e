//! The QR decoding worker: camera frames and image files, off the main
//! thread.

use crate::workers::protocol::{DecodeRequest, DecodeResponse};

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
