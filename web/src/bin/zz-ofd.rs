//! The OFD worker of the portal: loaded when the first OFD file arrives.
use gloo::worker::Registrable;

fn main() {
    zz_web::workers::ofd::OfdWorker::registrar().register();
}
