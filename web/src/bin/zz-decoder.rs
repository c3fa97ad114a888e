//! The QR decoding worker of the portal.
use gloo::worker::Registrable;

fn main() {
    zz_web::workers::qr::QrWorker::registrar().register();
}
