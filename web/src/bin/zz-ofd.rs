//! The OFD worker of the portal: loaded when the first OFD file arrives.
use gloo::worker::Registrable;

fn main() {
    zz_web::OfdWorker::registrar().register();
}
