//! Media for the browser tests, from a QR code PNG: `camera.y4m`, a
//! YUV4MPEG2 video for Chromium's fake camera
//! (`--use-file-for-fake-video-capture`), and `photo.jpg`, a photo-like
//! picture of the code (large frame, uneven light, blur, JPEG); with a
//! third argument, `challenge.y4m` shows that text as a QR code (the
//! counter's `ZZ1N:` challenge, for the wallet's scan).
//! `cargo run -p zz-qr --example e2e_media IN.png OUTDIR [TEXT]`
use image::imageops::FilterType;
use image::{GrayImage, Luma};

fn main() {
    let mut args = std::env::args().skip(1);
    let (input, out) = (args.next().expect("IN"), std::path::PathBuf::from(args.next().expect("OUTDIR")));
    std::fs::create_dir_all(&out).expect("OUTDIR");
    let img = image::open(&input).expect("an image").into_luma8();
    std::fs::write(out.join("camera.y4m"), y4m(&img)).expect("camera.y4m");
    if let Some(text) = args.next() {
        let code = qrcode::QrCode::new(text.as_bytes()).expect("a QR code");
        // 4 px per module and a quiet zone of 4 modules.
        let n = u32::try_from(code.width()).expect("width");
        let colors = code.to_colors();
        let img = GrayImage::from_fn((n + 8) * 4, (n + 8) * 4, |x, y| {
            let (mx, my) = ((x / 4).wrapping_sub(4), (y / 4).wrapping_sub(4));
            let dark = mx < n && my < n && colors[(my * n + mx) as usize] == qrcode::Color::Dark;
            Luma([if dark { 0 } else { 255 }])
        });
        std::fs::write(out.join("challenge.y4m"), y4m(&img)).expect("challenge.y4m");
    }

    // The photo: 1600×1200, the code small and off-centre, light falling off.
    let (pw, ph) = (1600u32, 1200u32);
    let side = img.width() * 7 / 8; // the PNG has 4 px per module: 3.5 here
    let code = image::imageops::resize(&img, side, side, FilterType::Triangle);
    let mut photo = GrayImage::from_pixel(pw, ph, Luma([200]));
    image::imageops::replace(&mut photo, &code, 500, 300);
    for (x, y, p) in photo.enumerate_pixels_mut() {
        let light = 0.55 + 0.45 * (1.0 - (f64::from(x) / f64::from(pw)) * 0.8 - (f64::from(y) / f64::from(ph)) * 0.3);
        p[0] = (f64::from(p[0]) * light) as u8;
    }
    let photo = image::imageops::blur(&photo, 0.8);
    let mut jpg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpg, 60).encode_image(&photo).expect("jpeg");
    std::fs::write(out.join("photo.jpg"), jpg).expect("photo.jpg");
}

/// The fake camera's video: 640×480, the code fitted with a margin, ten
/// frames.
fn y4m(img: &GrayImage) -> Vec<u8> {
    let (w, h) = (640u32, 480u32);
    let side = h - 40;
    let code = image::imageops::resize(img, side, side, FilterType::Nearest);
    let mut frame = GrayImage::from_pixel(w, h, Luma([235]));
    image::imageops::replace(&mut frame, &code, i64::from((w - side) / 2), i64::from((h - side) / 2));
    let mut y4m = format!("YUV4MPEG2 W{w} H{h} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    let chroma = vec![128u8; (w * h / 2) as usize];
    for _ in 0..10 {
        y4m.extend_from_slice(b"FRAME\n");
        y4m.extend_from_slice(frame.as_raw());
        y4m.extend_from_slice(&chroma);
    }
    y4m
}
