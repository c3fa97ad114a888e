//! Seeds for the `qr` fuzz target: demo `ZZ1:` codes as grey frames (one
//! byte of width, then the pixels), at 1 and 2 pixels per module, dark on
//! light and inverted, and one as a PNG file.
//! `cargo run -p zz-qr --example qr_fuzz_seeds OUT`
use zz_issuer::demo::{self, SampleData};

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).expect("OUT"));
    std::fs::create_dir_all(&out).unwrap();
    let w = demo::world(demo::DEFAULT_NOW);
    let texts: Vec<String> = w
        .samples
        .iter()
        .filter_map(|s| match &s.data {
            SampleData::Cose(c) => Some(zz_issuer::zz1_text(c)),
            SampleData::Text(_) => None,
        })
        .take(4)
        .collect();
    let mut n = 0;
    for text in &texts {
        let code = zz_issuer::qr::encode(text).unwrap();
        for px in [1, 2] {
            let img = zz_issuer::qr::render(&code, px);
            if img.width() > 255 {
                continue;
            }
            for inverted in [false, true] {
                let mut seed = vec![img.width() as u8];
                seed.extend(img.as_raw().iter().map(|&v| if inverted { 255 - v } else { v }));
                std::fs::write(out.join(format!("frame-{n}")), seed).unwrap();
                n += 1;
            }
        }
    }
    std::fs::write(out.join("code.png"), zz_issuer::qr::png(&texts[0]).unwrap()).unwrap();
    eprintln!("wrote {} seeds to {}", n + 1, out.display());
}
