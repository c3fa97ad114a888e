//! Hostile image files are refused from their header, before any pixel is
//! decoded; large real photos are downscaled and still read.

use std::io::Cursor;
use std::time::Instant;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{GrayImage, ImageEncoder, Luma};
use zz_qr::{ImageError, MAX_DIMENSION, decode_image};

fn png_of(img: &GrayImage) -> Vec<u8> {
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(img.as_raw(), img.width(), img.height(), image::ExtendedColorType::L8)
        .unwrap();
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A real 1×1 PNG whose header then claims `w`×`h` (CRC mended): the
/// pixel data cannot fill it, so only a header check can refuse it early.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut png = png_of(&GrayImage::from_pixel(1, 1, Luma([255])));
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
    png[16..20].copy_from_slice(&w.to_be_bytes());
    png[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

/// A real 16×16 JPEG whose SOF0 then claims `w`×`h`.
fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
    let img = GrayImage::from_pixel(16, 16, Luma([200]));
    let mut jpg = Vec::new();
    JpegEncoder::new_with_quality(Cursor::new(&mut jpg), 90)
        .write_image(img.as_raw(), 16, 16, image::ExtendedColorType::L8)
        .unwrap();
    let sof = jpg.windows(2).position(|m| m == [0xff, 0xc0]).expect("baseline JPEG");
    // Marker (2), length (2), precision (1), then height and width.
    jpg[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    jpg[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    jpg
}

fn refused_fast(bytes: &[u8]) {
    let start = Instant::now();
    assert_eq!(decode_image(bytes), Err(ImageError::TooLarge));
    assert!(start.elapsed().as_millis() < 500, "refused only after {:?}", start.elapsed());
}

#[test]
fn a_200_megapixel_strip_is_refused_from_its_header() {
    refused_fast(&png_claiming(200_000_000, 1));
    refused_fast(&png_claiming(1, 200_000_000));
    refused_fast(&png_claiming(MAX_DIMENSION + 1, 1));
}

#[test]
fn too_many_pixels_are_refused_from_the_header() {
    // 7000 × 7000 = 49 megapixels, each side within the limit.
    refused_fast(&png_claiming(7000, 7000));
    refused_fast(&jpeg_claiming(14_000, 14_000));
    refused_fast(&jpeg_claiming(7000, 7000));
}

#[test]
fn sizes_within_the_limits_are_not_refused_as_too_large() {
    // The header passes; the truncated pixel data is then damaged.
    assert!(matches!(decode_image(&png_claiming(6000, 6000)), Err(ImageError::Damaged(_))));
    assert!(matches!(decode_image(&jpeg_claiming(6000, 6000)), Ok(_) | Err(ImageError::Damaged(_))));
}

#[test]
fn a_large_photo_is_downscaled_and_read() {
    let world = zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW);
    let text = world.zz1_texts().next().unwrap();
    let code = zz_issuer::qr::render(&zz_issuer::qr::encode(&text).unwrap(), 16);
    // 5000 × 3500: the code fills the middle third, as on a close photo.
    let mut photo = GrayImage::from_pixel(5000, 3500, Luma([230]));
    image::imageops::overlay(&mut photo, &code, 1500, 700);
    assert_eq!(decode_image(&png_of(&photo)).unwrap(), vec![text]);
}
