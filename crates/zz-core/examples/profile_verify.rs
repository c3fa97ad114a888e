//! Verifies one demo sample in a loop and prints the time per verification
//! (for `perf record`): `cargo run --release --example profile_verify [SAMPLE]`.
use zz_core::{Bundle, Context, Roots, verify};
use zz_issuer::demo::{self, SampleData};

fn main() {
    let name = std::env::args().nth(1).unwrap_or_else(|| "valid-business-license".into());
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let SampleData::Cose(cose) = &w.samples.iter().find(|s| s.name == name).unwrap().data else { return };
    let ctx = Context::new(&bundle, w.now);
    let t = std::time::Instant::now();
    let n = 20_000;
    for _ in 0..n {
        std::hint::black_box(verify(std::hint::black_box(cose), ctx));
    }
    println!("{:.1} µs per verify", t.elapsed().as_secs_f64() * 1e6 / n as f64);
}
