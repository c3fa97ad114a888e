//! Writes the image files of the resource-limit measurement into DIR: the
//! largest images decoded (40 megapixels as JPEG and PNG, a QR code in the
//! middle), one just past the limit, a 16-bit RGBA PNG whose pixels would
//! take 288 MB, and a greyscale PNG of 200,000,000 × 1 pixels (under 1 MB).
//! `scripts/bench.sh` then times `zz qr decode` on each and reads its peak
//! memory (`/usr/bin/time -v`).
//!
//! `cargo run --release -p zz-qr --example image_limits DIR`

use std::io::Write;
use std::path::PathBuf;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: image_limits DIR"));
    std::fs::create_dir_all(&dir).expect("output directory");
    let world = zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW);
    let text = world.zz1_texts().next().expect("a sample");
    let code = zz_issuer::qr::render(&zz_issuer::qr::encode(&text).expect("encodes"), 40);

    // 8000 × 5000 = 40 megapixels (the limit), RGB, the code in the middle.
    let (w, h) = (8000u32, 5000u32);
    let mut rgb = vec![235u8; (w * h * 3) as usize];
    let (ox, oy) = ((w - code.width()) / 2, (h - code.height()) / 2);
    for (x, y, p) in code.enumerate_pixels() {
        let i = (((oy + y) * w + ox + x) * 3) as usize;
        rgb[i..i + 3].fill(p[0]);
    }
    let write = |name: &str, bytes: Vec<u8>| {
        let path = dir.join(name);
        std::fs::File::create(&path).and_then(|mut f| f.write_all(&bytes)).expect("write");
        println!("{} ({} bytes)", path.display(), bytes.len());
    };
    let mut jpg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpg, 85).write_image(&rgb, w, h, ExtendedColorType::Rgb8).expect("jpeg");
    write("40mp.jpg", jpg);
    let mut png = Vec::new();
    PngEncoder::new(&mut png).write_image(&rgb, w, h, ExtendedColorType::Rgb8).expect("png");
    write("40mp.png", png);
    drop(rgb);

    // One row more than 40 megapixels: refused from the header.
    let grey = vec![235u8; (w * (h + 1)) as usize];
    let mut png = Vec::new();
    PngEncoder::new(&mut png).write_image(&grey, w, h + 1, ExtendedColorType::L8).expect("png");
    write("over-limit.png", png);
    drop(grey);

    // 16-bit RGBA, 6000 × 6000 (36 megapixels, 288 MB of pixels).
    let (w, h) = (6000u32, 6000u32);
    let rgba16 = vec![0u8; (w * h * 8) as usize];
    let mut png = Vec::new();
    PngEncoder::new(&mut png).write_image(&rgba16, w, h, ExtendedColorType::Rgba16).expect("png");
    write("rgba16-36mp.png", png);
    drop(rgba16);

    // 200,000,000 × 1 grey: few bytes, one absurd side.
    let strip = vec![0u8; 200_000_000];
    let mut png = Vec::new();
    PngEncoder::new(&mut png).write_image(&strip, 200_000_000, 1, ExtendedColorType::L8).expect("png");
    write("strip-200000000x1.png", png);
}
