//! The ZZ Verify portal: the public catalog for citizens, usage lists, and
//! offline verification for counter staff. All validity decisions come
//! from `zz-core`; this crate only shows its reports.

fn main() {
    zz_web::programs::portal::start();
}
