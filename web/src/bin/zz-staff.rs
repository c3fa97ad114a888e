//! The staff pages of the portal (counter, log, settings, objection
//! request): loaded when one is first opened (see `zz_web::programs::staff`).

fn main() {
    zz_web::programs::staff::register();
}
