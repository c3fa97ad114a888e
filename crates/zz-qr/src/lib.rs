//! # zz-qr: QR codes from images
//!
//! Decodes every QR code in a greyscale frame or an image file (PNG, JPEG)
//! with rxing (a Rust port of ZXing): QR only, trying harder, also inverted
//! (light on dark) codes. Large photos are downscaled first.
#![forbid(unsafe_code)]

use std::collections::HashSet;

use image::imageops::FilterType;
use rxing::common::HybridBinarizer;
use rxing::multi::{GenericMultipleBarcodeReader, MultipleBarcodeReader};
use rxing::{BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, MultiUseMultiFormatReader};

/// Longest side an image is decoded at; larger ones are downscaled.
pub const MAX_SIDE: u32 = 1600;
/// Largest image file accepted, and largest decoded pixel count.
pub const MAX_FILE: usize = 32 * 1024 * 1024;
pub const MAX_PIXELS: u64 = 50_000_000;

/// Image file formats recognised by content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

/// Recognises a PNG or JPEG file by its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(ImageKind::Jpeg)
    } else {
        None
    }
}

/// Why an image could not be searched for codes.
#[derive(Debug, PartialEq, Eq)]
pub enum ImageError {
    NotAnImage,
    TooLarge,
    Damaged(String),
}

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImageError::NotAnImage => write!(f, "not a PNG or JPEG image"),
            ImageError::TooLarge => write!(f, "the image is too large"),
            ImageError::Damaged(m) => write!(f, "the image cannot be read: {m}"),
        }
    }
}

impl std::error::Error for ImageError {}

/// Every QR code payload found in an image file, in reading order, without
/// duplicates. An empty list means no code was found.
pub fn decode_image(bytes: &[u8]) -> Result<Vec<String>, ImageError> {
    let kind = sniff(bytes).ok_or(ImageError::NotAnImage)?;
    if bytes.len() > MAX_FILE {
        return Err(ImageError::TooLarge);
    }
    let format = match kind {
        ImageKind::Png => image::ImageFormat::Png,
        ImageKind::Jpeg => image::ImageFormat::Jpeg,
    };
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageError::TooLarge,
        other => ImageError::Damaged(other.to_string()),
    })?;
    let mut luma = img.into_luma8();
    let (w, h) = luma.dimensions();
    if w.max(h) > MAX_SIDE {
        let scale = f64::from(MAX_SIDE) / f64::from(w.max(h));
        let (nw, nh) = ((f64::from(w) * scale) as u32, (f64::from(h) * scale) as u32);
        luma = image::imageops::resize(&luma, nw.max(1), nh.max(1), FilterType::Triangle);
    }
    let (w, h) = luma.dimensions();
    Ok(decode_luma(luma.into_raw(), w, h))
}

/// Every QR code payload found in a greyscale frame (one byte per pixel).
pub fn decode_luma(luma: Vec<u8>, width: u32, height: u32) -> Vec<String> {
    if width == 0 || height == 0 || luma.len() as u64 != u64::from(width) * u64::from(height) {
        return Vec::new();
    }
    let Ok(source) = Luma8LuminanceSource::new(luma, width, height) else {
        return Vec::new();
    };
    let hints = DecodeHints::default()
        .with(rxing::DecodeHintValue::PossibleFormats(HashSet::from([BarcodeFormat::QR_CODE])))
        .with(rxing::DecodeHintValue::TryHarder(true))
        .with(rxing::DecodeHintValue::AlsoInverted(true));
    let mut reader = GenericMultipleBarcodeReader::new(MultiUseMultiFormatReader::default());
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let results = reader.decode_multiple_with_hints(&mut bitmap, &hints).unwrap_or_default();
    let mut seen = HashSet::new();
    results.into_iter().map(|r| r.getText().to_owned()).filter(|t| seen.insert(t.clone())).collect()
}
