//! zz-qr reads what zz-issuer writes, also inverted, faint and in pairs.

mod support {
    pub mod warp;
}

use image::{GrayImage, Luma};
use zz_issuer::demo;

fn texts() -> Vec<String> {
    demo::world(demo::DEFAULT_NOW).zz1_texts().filter(|t| t.len() < 1200).take(2).collect()
}

fn gray(text: &str, px: u32) -> GrayImage {
    zz_issuer::qr::render(&zz_issuer::qr::encode(text).unwrap(), px)
}

#[test]
fn reads_the_issuers_png() {
    let t = &texts()[0];
    let png = zz_issuer::qr::png(t).unwrap();
    assert_eq!(zz_qr::sniff(&png), Some(zz_qr::ImageKind::Png));
    assert_eq!(zz_qr::decode_image(&png).unwrap(), vec![t.clone()]);
}

#[test]
fn reads_inverted_and_faint_codes() {
    let t = &texts()[0];
    let img = gray(t, 3);
    let (w, h) = img.dimensions();
    let inverted: Vec<u8> = img.as_raw().iter().map(|v| 255 - v).collect();
    assert_eq!(zz_qr::decode_luma(inverted, w, h), vec![t.clone()]);
    // Dark 110, light 150, on a bright 240 surround.
    let mut faint = GrayImage::from_pixel(w + 200, h + 200, Luma([240]));
    for (x, y, p) in img.enumerate_pixels() {
        faint.put_pixel(x + 100, y + 100, Luma([if p[0] < 128 { 110 } else { 150 }]));
    }
    let (fw, fh) = faint.dimensions();
    assert_eq!(zz_qr::decode_luma(faint.into_raw(), fw, fh), vec![t.clone()]);
}

/// A phone photo of paper at a steep angle: corner angles far from 90°,
/// which rxing's own finder-pattern grouping rejects.
#[test]
fn reads_a_steep_perspective() {
    let t = &texts()[0];
    let c = support::warp::code(t);
    let mut frame = GrayImage::from_pixel(1280, 720, Luma([235]));
    let quad = [(380.0, 120.0), (930.0, 40.0), (860.0, 690.0), (430.0, 560.0)];
    support::warp::draw(&mut frame, &c, quad, 25, 230);
    assert_eq!(zz_qr::decode_luma(frame.into_raw(), 1280, 720), vec![t.clone()]);
}

/// Camera frames: a steep code and a clear one are read on any frame (the
/// regrouped finder patterns are among the passes every frame gets); a
/// frame of a code that needs a slow pass is read on some frames and not
/// others, as the slow passes take turns.
#[test]
fn camera_frames_take_the_slow_passes_in_turn() {
    let t = &texts()[0];
    let c = support::warp::code(t);
    let mut frame = GrayImage::from_pixel(1280, 720, Luma([235]));
    let quad = [(380.0, 120.0), (930.0, 40.0), (860.0, 690.0), (430.0, 560.0)];
    support::warp::draw(&mut frame, &c, quad, 25, 230);
    let steep = frame.into_raw();
    let clear = gray(t, 3);
    let (w, h) = clear.dimensions();
    for n in 0..8 {
        assert_eq!(zz_qr::decode_frame(steep.clone(), 1280, 720, n), vec![t.clone()]);
        assert_eq!(zz_qr::decode_frame(clear.as_raw().clone(), w, h, n), vec![t.clone()]);
    }
    // Blurred so that only some of the slow passes read it.
    let blurred = image::imageops::blur(&gray(t, 4), 2.5);
    let (bw, bh) = blurred.dimensions();
    // Finder patterns in some binarization of the first passes: the
    // frame gets its slow pass.
    assert!(zz_qr::finder_candidates(blurred.as_raw(), bw, bh).iter().sum::<usize>() > 0);
    assert_eq!(zz_qr::decode_luma(blurred.as_raw().clone(), bw, bh), vec![t.clone()]);
    let read: Vec<u32> =
        (0..7).filter(|&n| !zz_qr::decode_frame(blurred.as_raw().clone(), bw, bh, n).is_empty()).collect();
    assert!(!read.is_empty() && read.len() < 7, "frames that read the blurred code: {read:?}");
    assert!(zz_qr::decode_frame(vec![1, 2, 3], 2, 2, 0).is_empty());
}

/// Dark 105 and light 150 modules with sensor noise in a bright 1280×720
/// frame (the benchmark's low-contrast case; its three-class Otsu pass
/// reads it quickly, the slower passes after it too).
#[test]
fn reads_a_faint_code_in_a_large_frame() {
    let t = &texts()[0];
    let c = support::warp::code(t);
    let mut frame = GrayImage::from_pixel(1280, 720, Luma([235]));
    let side = 5.0 * c.size as f64;
    let (x, y) = (640.0 - side / 2.0, 360.0 - side / 2.0);
    support::warp::draw(&mut frame, &c, [(x, y), (x + side, y), (x + side, y + side), (x, y + side)], 105, 150);
    // Sensor noise of ±6 grey levels.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for p in frame.pixels_mut() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        p[0] = p[0].saturating_add((seed % 13) as u8).saturating_sub(6);
    }
    assert_eq!(zz_qr::decode_luma(frame.into_raw(), 1280, 720), vec![t.clone()]);
}

#[test]
fn reads_every_code_in_a_frame() {
    let ts = texts();
    let (a, b) = (gray(&ts[0], 3), gray(&ts[1], 3));
    let mut frame = GrayImage::from_pixel(a.width() + b.width() + 40, a.height().max(b.height()) + 20, Luma([255]));
    image::imageops::replace(&mut frame, &a, 10, 10);
    image::imageops::replace(&mut frame, &b, i64::from(a.width()) + 30, 10);
    let (w, h) = frame.dimensions();
    let mut found = zz_qr::decode_luma(frame.into_raw(), w, h);
    found.sort();
    let mut want = ts.clone();
    want.sort();
    assert_eq!(found, want);
}

#[test]
fn junk_never_panics() {
    // A black 5×2 frame and frames whose size does not match their pixels.
    assert!(zz_qr::decode_luma(vec![0; 10], 5, 2).is_empty());
    assert!(zz_qr::decode_luma(vec![0; 10], 5, 5).is_empty());
    assert!(zz_qr::decode_luma(vec![1, 2, 3], 2, 2).is_empty());
    assert!(zz_qr::decode_luma(Vec::new(), 0, 0).is_empty());
    assert_eq!(zz_qr::decode_image(b"not an image"), Err(zz_qr::ImageError::NotAnImage));
    assert!(matches!(zz_qr::decode_image(b"\x89PNG\r\n\x1a\nbroken"), Err(zz_qr::ImageError::Damaged(_))));
}
