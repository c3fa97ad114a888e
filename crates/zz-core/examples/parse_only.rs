use zz_core::envelope::Envelope;
use zz_issuer::demo::{self, SampleData};
fn main() {
    let w = demo::world(demo::DEFAULT_NOW);
    let SampleData::Cose(cose) = &w.samples.iter().find(|s| s.name == "valid-business-license").unwrap().data else {
        return;
    };
    let env = Envelope::parse(cose).unwrap();
    let p = env.payload().to_vec();
    let t = std::time::Instant::now();
    for _ in 0..2_000_000 {
        std::hint::black_box(zz_core::cbor::parse(std::hint::black_box(&p)).ok());
    }
    println!("{:.3} µs per parse of {} bytes", t.elapsed().as_secs_f64() * 1e6 / 2e6, p.len());
}
