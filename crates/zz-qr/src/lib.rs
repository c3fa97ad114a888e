//! # zz-qr: QR codes from images
//!
//! Decodes every QR code in a greyscale frame or an image file (PNG, JPEG)
//! with rxing (a Rust port of ZXing): QR only, trying harder, also inverted
//! (light on dark) codes. Large photos are downscaled first.
#![forbid(unsafe_code)]

use std::cell::OnceCell;
use std::collections::HashSet;

use image::imageops::FilterType;
use rxing::common::cpp_essentials::ConcentricPattern;
use rxing::common::{BitArray, BitMatrix, GlobalHistogramBinarizer, HybridBinarizer};
use rxing::multi::{GenericMultipleBarcodeReader, MultipleBarcodeReader};
use rxing::qrcode::cpp_port::QrReader;
use rxing::{BarcodeFormat, BinaryBitmap, DecodeHints, Luma8LuminanceSource, MultiUseMultiFormatReader};

/// Longest side an image is decoded at; larger ones are downscaled.
pub const MAX_SIDE: u32 = 1600;
/// Largest image file accepted.
pub const MAX_FILE: usize = 32 * 1024 * 1024;
/// Most pixels an image file may have (a 40-megapixel photo, 7700×5200):
/// checked from the file's header, before anything is decoded.
pub const MAX_PIXELS: u64 = 40_000_000;
/// Longest side an image file may have, checked from the header too: a
/// 200,000,000×1 image has few pixels for its size but no code in it.
pub const MAX_DIMENSION: u32 = 16_384;
/// Most bytes the image decoders may allocate (40 megapixels of RGB).
const MAX_ALLOC: u64 = 3 * MAX_PIXELS;

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
    let reader = || {
        let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
        let mut limits = image::Limits::default();
        limits.max_image_width = Some(MAX_DIMENSION);
        limits.max_image_height = Some(MAX_DIMENSION);
        limits.max_alloc = Some(MAX_ALLOC);
        reader.limits(limits);
        reader
    };
    let damaged = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => ImageError::TooLarge,
        other => ImageError::Damaged(other.to_string()),
    };
    // The header first: width × height bounds the work before any pixel.
    let (w, h) = reader().into_dimensions().map_err(damaged)?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS || w.max(h) > MAX_DIMENSION {
        return Err(ImageError::TooLarge);
    }
    let mut img = reader().decode().map_err(damaged)?;
    if w.max(h) > MAX_SIDE {
        // Area averaging straight into the small image (no float buffer
        // of the whole picture), before the colour is dropped.
        let scale = f64::from(MAX_SIDE) / f64::from(w.max(h));
        let (nw, nh) = ((f64::from(w) * scale) as u32, (f64::from(h) * scale) as u32);
        img = img.thumbnail_exact(nw.max(1), nh.max(1));
    }
    let luma = img.into_luma8();
    let (w, h) = luma.dimensions();
    Ok(decode_luma(luma.into_raw(), w, h))
}

/// Every QR code payload found in an RGBA frame (as a canvas gives it).
pub fn decode_rgba(rgba: &[u8], width: u32, height: u32) -> Vec<String> {
    decode_luma(luma_of_rgba(rgba), width, height)
}

/// The grey levels of RGBA pixels (ITU-R BT.601 weights, alpha ignored).
pub fn luma_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| match p {
            [r, g, b, _] => ((u32::from(*r) * 77 + u32::from(*g) * 150 + u32::from(*b) * 29) >> 8) as u8,
            _ => 0,
        })
        .collect()
}

/// Every QR code payload found in a greyscale frame (one byte per pixel),
/// trying every pass: for stills (uploads, photos, files).
///
/// Passes, cheapest and most often useful first, each tried only when the
/// ones before found nothing (a clear frame costs one pass; ordered by
/// which pass reads which category of the benchmark set). The first seven,
/// which every camera frame gets ([`decode_frame`]):
/// 1. rxing's port of zxing-cpp's detector on the hybrid binarizer;
/// 2. the frame thresholded at each of its two three-class Otsu thresholds
///    (a faint code on a bright or dark surround; a faint frame, whose two
///    two-class Otsu means are close, tries these before pass 1);
/// 3. passes 1 and 2 on the inverted frame (light codes on dark screens;
///    a mostly dark frame tries these first);
/// 4. finder patterns grouped with looser angle and size limits (steep
///    perspective).
///
/// Then the slower ones, [`Pass::FALLBACK`]: ZXing's (Java) reader; a
/// small-window local-average threshold (blur); a local-contrast stretch; a
/// global-histogram binarizer; a larger threshold window; the frame at
/// 0.75× and at 0.5× (large blurry codes read better with fewer pixels per
/// module).
pub fn decode_luma(luma: Vec<u8>, width: u32, height: u32) -> Vec<String> {
    let Some(frame) = Frame::new(&luma, width, height) else { return Vec::new() };
    frame
        .first_passes()
        .into_iter()
        .chain(Pass::FALLBACK)
        .map(|pass| frame.read(pass))
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// Every QR code payload found in frame number `n` of a camera stream,
/// within a bounded time: the first seven passes of [`decode_luma`] on every
/// frame, which read nearly every code, and only one of the slower passes,
/// a different one on each frame (`n` modulo their number). A code held in
/// front of the camera still gets every pass within a few frames, and a
/// frame with no code costs a fraction of what trying everything does, so
/// that decoding keeps up with the camera.
///
/// The first passes share their binarizations (the hybrid binarizer and
/// the two Otsu thresholds, each also inverted: computed once per frame),
/// and a pass whose binarization has fewer than three finder patterns
/// stops there. A frame with no finder pattern in any of the six
/// ([`finder_candidates`]) gets no slow pass either: an empirical rule
/// (the slow passes read every frame of the benchmark sets they read with
/// three or more), which is what makes a frame without a code cheap.
pub fn decode_frame(luma: Vec<u8>, width: u32, height: u32, n: u32) -> Vec<String> {
    let Some(frame) = Frame::new(&luma, width, height) else { return Vec::new() };
    let found = frame.first_passes().into_iter().map(|pass| frame.read(pass)).find(|found| !found.is_empty());
    if let Some(found) = found {
        return found;
    }
    // No finder pattern in any binarization of the first passes: the
    // frame most likely holds no code (in the benchmark sets, and in four
    // more generated with other seeds, every frame a slow pass read had
    // three or more), and the slow pass is skipped.
    if frame.finder_candidates().iter().sum::<usize>() == 0 {
        return Vec::new();
    }
    let slow = Pass::FALLBACK.get(n as usize % Pass::FALLBACK.len()).copied();
    slow.map(|pass| frame.read(pass)).unwrap_or_default()
}

/// How many finder-pattern candidates (nested dark and light squares, 1:1:3:1:1
/// across) the first passes of [`decode_frame`] see in a greyscale frame,
/// per binarization: the hybrid binarizer, then the two three-class Otsu
/// thresholds, on the frame and then on the inverted frame. A frame where
/// all six are 0 gets no slow pass from [`decode_frame`].
pub fn finder_candidates(luma: &[u8], width: u32, height: u32) -> [usize; 6] {
    let Some(frame) = Frame::new(luma, width, height) else { return [0; 6] };
    frame.finder_candidates()
}

/// One way of reading a frame.
#[derive(Clone, Copy, Debug)]
enum Pass {
    /// rxing's zxing-cpp port on the frame, or on the inverted frame.
    Plain { inverted: bool },
    /// The same on the frame thresholded at one of its three-class Otsu
    /// thresholds (0 or 1), dark below it, or light below it.
    Otsu { threshold: usize, inverted: bool },
    /// Finder patterns regrouped with looser limits: [`read_relaxed`].
    Relaxed,
    /// ZXing's reader (also inverted).
    Zxing,
    /// zxing-cpp's port after a local-average threshold of this radius.
    LocalThreshold(usize),
    /// ZXing's reader after [`local_contrast`].
    LocalContrast,
    /// ZXing's reader on a global-histogram binarizer.
    Global,
    /// The frame scaled down by this factor: [`read_scaled`].
    Scaled(f64),
}

impl Pass {
    /// The slower passes, in the order [`decode_luma`] tries them.
    const FALLBACK: [Pass; 7] = [
        Pass::Zxing,
        Pass::LocalThreshold(3),
        Pass::LocalContrast,
        Pass::Global,
        Pass::LocalThreshold(6),
        Pass::Scaled(0.75),
        Pass::Scaled(0.5),
    ];
}

/// A frame with what its histogram tells: the Otsu thresholds, whether it
/// is faint, whether it is mostly dark.
struct Frame<'a> {
    luma: &'a [u8],
    width: u32,
    height: u32,
    otsu: [u8; 2],
    faint: bool,
    dark: bool,
    /// The hybrid binarizer's block thresholds, for [`Frame::hybrid`].
    thresholds: OnceCell<Option<BlockThresholds>>,
    /// [`Frame::hybrid`]: the frame and the inverted frame.
    hybrid: [OnceCell<Option<Binarized>>; 2],
    /// [`Frame::otsu`]: thresholds 0 and 1, then the same inverted.
    otsu_binarized: [OnceCell<Option<Binarized>>; 4],
}

impl<'a> Frame<'a> {
    fn new(luma: &'a [u8], width: u32, height: u32) -> Option<Frame<'a>> {
        if width == 0 || height == 0 || luma.len() as u64 != u64::from(width) * u64::from(height) {
            return None;
        }
        let mut hist = [0u64; 256];
        for &v in luma {
            if let Some(h) = hist.get_mut(usize::from(v)) {
                *h += 1;
            }
        }
        let Otsu { thresholds, contrast } = otsu3(&hist);
        let sum: u64 = hist.iter().zip(0u64..).map(|(n, v)| n * v).sum();
        Some(Frame {
            luma,
            width,
            height,
            otsu: thresholds,
            faint: contrast < 112.0,
            dark: sum < 100 * luma.len() as u64,
            thresholds: OnceCell::new(),
            hybrid: Default::default(),
            otsu_binarized: Default::default(),
        })
    }

    /// The first seven passes in this frame's order: a faint frame tries
    /// the Otsu thresholds before the hybrid binarizer; a mostly dark frame
    /// (a phone screen in dark mode) likely holds a light code, and tries
    /// the inverted frame first; then the regrouped finder patterns.
    fn first_passes(&self) -> [Pass; 7] {
        let polarity = |inverted: bool| {
            let mut p = [
                Pass::Plain { inverted },
                Pass::Otsu { threshold: 0, inverted },
                Pass::Otsu { threshold: 1, inverted },
            ];
            if self.faint {
                p.rotate_left(1);
            }
            p
        };
        let ([a, b, c], [d, e, f]) = (polarity(self.dark), polarity(!self.dark));
        [a, b, c, d, e, f, Pass::Relaxed]
    }

    fn read(&self, pass: Pass) -> Vec<String> {
        let (luma, w, h) = (self.luma, self.width, self.height);
        match pass {
            Pass::Plain { inverted } => self.hybrid(inverted).map(read_patterns).unwrap_or_default(),
            Pass::Otsu { threshold, inverted } => self.otsu(threshold, inverted).map(read_patterns).unwrap_or_default(),
            Pass::Relaxed => self.hybrid(false).map(read_relaxed).unwrap_or_default(),
            Pass::Zxing => read(luma, w, h, Binarizer::Hybrid),
            Pass::LocalThreshold(r) => read_binary(&local_threshold(luma, w, h, r), w, h),
            Pass::LocalContrast => read(&local_contrast(luma, w, h), w, h, Binarizer::Hybrid),
            Pass::Global => read(luma, w, h, Binarizer::Global),
            Pass::Scaled(scale) => read_scaled(luma, w, h, scale),
        }
    }

    /// The frame (or the inverted frame) through the hybrid binarizer, with
    /// its finder patterns: computed once (the block thresholds once for
    /// both polarities), and shared by the passes that read it.
    fn hybrid(&self, inverted: bool) -> Option<&Binarized> {
        let cell = self.hybrid.get(usize::from(inverted))?;
        cell.get_or_init(|| {
            let (w, h) = (self.width, self.height);
            match self.thresholds.get_or_init(|| BlockThresholds::new(self.luma, w, h)) {
                Some(thresholds) => thresholds.matrix(self.luma, inverted).map(Binarized::new),
                // Frames under 40 pixels: rxing's binarizer (its global
                // histogram fallback).
                None if inverted => rxing_matrix(self.luma.iter().map(|v| 255 - v).collect(), w, h).map(Binarized::new),
                None => rxing_matrix(self.luma.to_vec(), w, h).map(Binarized::new),
            }
        })
        .as_ref()
    }

    /// The frame thresholded at its three-class Otsu threshold 0 or 1
    /// (dark at or below it, or light there when inverted), with its
    /// finder patterns, computed once.
    fn otsu(&self, threshold: usize, inverted: bool) -> Option<&Binarized> {
        let t = self.otsu.get(threshold).copied().unwrap_or(128);
        let cell = self.otsu_binarized.get(usize::from(inverted) * 2 + threshold.min(1))?;
        cell.get_or_init(|| {
            let (w, h) = (self.width, self.height);
            if w < MIN_HYBRID || h < MIN_HYBRID {
                let dark = if inverted { 255 } else { 0 };
                let binary = self.luma.iter().map(|&v| if v <= t { dark } else { 255 - dark }).collect();
                return rxing_matrix(binary, w, h).map(Binarized::new);
            }
            // The hybrid binarizer keeps a frame of only 0 and 255 as it
            // is (every threshold it computes lies in 0..=254), so the
            // threshold alone gives the same bits; the inverted frame's
            // bits are the complement.
            if inverted {
                let mut matrix = self.otsu(threshold, false)?.matrix.clone();
                matrix.flip_self();
                Some(Binarized::new(matrix))
            } else {
                pack_matrix(self.luma, w, h, |v| v <= t).map(Binarized::new)
            }
        })
        .as_ref()
    }

    /// How many finder patterns each binarization of the first passes
    /// holds: see [`finder_candidates`].
    fn finder_candidates(&self) -> [usize; 6] {
        let count = |b: Option<&Binarized>| b.map_or(0, |b| b.patterns.len());
        let side = |inverted| [self.hybrid(inverted), self.otsu(0, inverted), self.otsu(1, inverted)].map(count);
        let ([a, b, c], [d, e, f]) = (side(false), side(true));
        [a, b, c, d, e, f]
    }
}

/// The frame scaled by `scale`, with the passes that read there.
fn read_scaled(luma: &[u8], width: u32, height: u32, scale: f64) -> Vec<String> {
    let (small, sw, sh) = resize(luma, width, height, scale);
    if sw < 64 || sh < 64 {
        return Vec::new();
    }
    // rxing's zxing-cpp port on the frame and on the inverted frame (one
    // binarization for both: the frame is at least 64 pixels wide and
    // high), then ZXing's reader.
    for matrix in hybrid_matrices(&small, sw, sh).into_iter().flatten() {
        let found = read_patterns(&Binarized::new(matrix));
        if !found.is_empty() {
            return found;
        }
    }
    let found = read(&small, sw, sh, Binarizer::Hybrid);
    if !found.is_empty() {
        return found;
    }
    read(&local_contrast(&small, sw, sh), sw, sh, Binarizer::Cpp)
}

#[derive(Clone, Copy)]
enum Binarizer {
    /// rxing's port of zxing-cpp's QR detector (all finder-pattern sets in
    /// one pass; better grids under perspective), hybrid binarizer. Reads
    /// dark codes on light only: the caller inverts.
    Cpp,
    /// The ZXing (Java) reader, hybrid binarizer, over the frame's regions,
    /// also inverted.
    Hybrid,
    Global,
}

fn read(luma: &[u8], width: u32, height: u32, binarizer: Binarizer) -> Vec<String> {
    if let Binarizer::Cpp = binarizer
        && let Some(matrix) = hybrid_matrix(luma, width, height)
    {
        // The same bits as rxing's hybrid binarizer: read_patterns.
        return read_patterns(&Binarized::new(matrix));
    }
    let Ok(source) = Luma8LuminanceSource::new(luma.to_vec(), width, height) else {
        return Vec::new();
    };
    let hints = DecodeHints::default()
        .with(rxing::DecodeHintValue::PossibleFormats(HashSet::from([BarcodeFormat::QR_CODE])))
        .with(rxing::DecodeHintValue::TryHarder(true))
        .with(rxing::DecodeHintValue::AlsoInverted(true));
    let mut reader = GenericMultipleBarcodeReader::new(MultiUseMultiFormatReader::default());
    let results = match binarizer {
        Binarizer::Cpp => {
            QrReader.decode_multiple_with_hints(&mut BinaryBitmap::new(HybridBinarizer::new(source)), &hints)
        }
        Binarizer::Hybrid => {
            reader.decode_multiple_with_hints(&mut BinaryBitmap::new(HybridBinarizer::new(source)), &hints)
        }
        Binarizer::Global => {
            reader.decode_multiple_with_hints(&mut BinaryBitmap::new(GlobalHistogramBinarizer::new(source)), &hints)
        }
    }
    .unwrap_or_default();
    let mut seen = HashSet::new();
    results.into_iter().map(|r| r.getText().to_owned()).filter(|t| seen.insert(t.clone())).collect()
}

/// Groups the finder patterns rxing finds into triples with looser limits
/// than its own (corner angle 35°–145° instead of 60°–120°, sizes within
/// 3× instead of 2×: a phone photo of paper at a steep angle), then samples
/// and decodes each with rxing's zxing-cpp port. Hand-written grouping: the
/// limits are constants inside rxing; sampling and decoding are rxing's.
fn read_relaxed(binarized: &Binarized) -> Vec<String> {
    use rxing::qrcode::cpp_port::detector::FinderPatternSet;
    let (image, patterns) = (&binarized.matrix, &binarized.patterns);
    // Bounded: a frame with many finder-like blobs is not this case.
    if patterns.len() < 3 || patterns.len() > 9 {
        return Vec::new();
    }
    let mut found: Vec<String> = Vec::new();
    let n = patterns.len();
    for i in 0..n {
        for j in (i + 1)..n {
            for k in (j + 1)..n {
                let (Some(&p), Some(&q), Some(&r)) = (patterns.get(i), patterns.get(j), patterns.get(k)) else {
                    continue;
                };
                let trio = [p, q, r];
                let (min, max) = trio.iter().fold((i32::MAX, 0), |(lo, hi), p| (lo.min(p.size), hi.max(p.size)));
                if min <= 0 || max > 3 * min {
                    continue;
                }
                // The top-left is opposite the longest side.
                let d = |a: usize, b: usize| trio[a].distance(trio[b]);
                let (tl, a, c) = if d(1, 2) >= d(0, 1) && d(1, 2) >= d(0, 2) {
                    (0, 1, 2)
                } else if d(0, 2) >= d(0, 1) {
                    (1, 0, 2)
                } else {
                    (2, 0, 1)
                };
                let (b, mut bl, mut tr) = (trio[tl], trio[a], trio[c]);
                let (u, v) = (tr - b, bl - b);
                let cos = u.dot(v) / (u.dot(u).sqrt() * v.dot(v).sqrt());
                if !(-0.82..=0.82).contains(&cos) {
                    continue;
                }
                if u.cross(v) < 0.0 {
                    std::mem::swap(&mut bl, &mut tr);
                }
                let set = FinderPatternSet { bl, tl: b, tr };
                if let Some(text) = decode_set(image, &set)
                    && !found.contains(&text)
                {
                    found.push(text);
                }
            }
        }
    }
    found
}

/// The text of the code whose finder patterns are `set`, if it decodes.
fn decode_set(image: &BitMatrix, set: &rxing::qrcode::cpp_port::detector::FinderPatternSet) -> Option<String> {
    use rxing::RXingResult;
    use rxing::common::DetectorRXingResult;
    let detected = rxing::qrcode::cpp_port::detector::SampleQR(image, set).ok()?;
    let decoded = rxing::qrcode::cpp_port::decoder::Decode(detected.getBits()).ok()?;
    decoded.isValid().then(|| {
        RXingResult::with_decoder_result(decoded, detected.getPoints(), BarcodeFormat::QR_CODE).getText().to_owned()
    })
}

/// A binarized frame (dark modules set) and the finder patterns in it.
struct Binarized {
    matrix: BitMatrix,
    patterns: Vec<ConcentricPattern>,
}

impl Binarized {
    /// Looks for finder patterns as rxing's zxing-cpp port does when
    /// trying harder (every third row).
    fn new(matrix: BitMatrix) -> Binarized {
        let patterns = rxing::qrcode::cpp_port::detector::FindFinderPatterns(&matrix, true, 0);
        Binarized { matrix, patterns }
    }
}

/// Every QR code in a binarized frame: what rxing's zxing-cpp port
/// (`QrReader`, QR codes only) does after finding the finder patterns,
/// which need at least three.
fn read_patterns(binarized: &Binarized) -> Vec<String> {
    use rxing::qrcode::cpp_port::detector::GenerateFinderPatternSets;
    if binarized.patterns.len() < 3 {
        return Vec::new();
    }
    let mut patterns = binarized.patterns.clone();
    let mut used: Vec<ConcentricPattern> = Vec::new();
    let mut found: Vec<String> = Vec::new();
    for set in GenerateFinderPatternSets(&mut patterns) {
        if used.contains(&set.bl) || used.contains(&set.tl) || used.contains(&set.tr) {
            continue;
        }
        if let Some(text) = decode_set(&binarized.matrix, &set) {
            used.extend([set.bl, set.tl, set.tr]);
            if !found.contains(&text) {
                found.push(text);
            }
        }
    }
    found
}

/// rxing's zxing-cpp port on a frame of only 0 (dark) and 255, which the
/// hybrid binarizer keeps as it is (see [`Frame::otsu`]).
fn read_binary(binary: &[u8], width: u32, height: u32) -> Vec<String> {
    if width < MIN_HYBRID || height < MIN_HYBRID {
        return read(binary, width, height, Binarizer::Cpp);
    }
    pack_matrix(binary, width, height, |v| v == 0)
        .map(|matrix| read_patterns(&Binarized::new(matrix)))
        .unwrap_or_default()
}

/// The smallest width and height rxing's hybrid binarizer binarizes by
/// blocks (below, it uses a global histogram).
const MIN_HYBRID: u32 = 40;

/// What rxing's `HybridBinarizer` makes of the frame and of the inverted
/// frame (255 − v), bit for bit, both from the same block statistics and
/// without a copy of the frame: ZXing's algorithm (8×8 blocks, each with a
/// black point from its mean, or from its minimum and its neighbours' when
/// its range is 24 or less; each block thresholded at the mean black point
/// of the 5×5 blocks around it, the last row and column of blocks
/// overlapping the ones before), 8 pixels to a byte of the bit matrix's
/// words rather than a bit at a time. `None` for a frame under
/// [`MIN_HYBRID`] on either side.
fn hybrid_matrices(luma: &[u8], width: u32, height: u32) -> Option<[BitMatrix; 2]> {
    let thresholds = BlockThresholds::new(luma, width, height)?;
    Some([thresholds.matrix(luma, false)?, thresholds.matrix(luma, true)?])
}

/// The frame's [`hybrid_matrices`] alone.
fn hybrid_matrix(luma: &[u8], width: u32, height: u32) -> Option<BitMatrix> {
    BlockThresholds::new(luma, width, height)?.matrix(luma, false)
}

const BLOCK: usize = 8;

/// The thresholds of ZXing's hybrid binarizer for a frame: one per 8×8
/// block, for the frame and for the inverted frame.
struct BlockThresholds {
    width: u32,
    height: u32,
    /// Per block in row order: the frame's and the inverted frame's.
    thresholds: Vec<[u8; 2]>,
}

impl BlockThresholds {
    /// `None` for a frame under [`MIN_HYBRID`] on either side.
    fn new(luma: &[u8], width: u32, height: u32) -> Option<BlockThresholds> {
        const RANGE: u8 = 24;
        if width < MIN_HYBRID || height < MIN_HYBRID {
            return None;
        }
        let (w, h) = (width as usize, height as usize);
        let (sw, sh) = (w.div_ceil(BLOCK), h.div_ceil(BLOCK));
        let block = |b: usize, side: usize| (b * BLOCK).min(side - BLOCK);
        // Black points of both polarities, block by block.
        let mut points = vec![[0u32; 2]; sw * sh];
        for by in 0..sh {
            for bx in 0..sw {
                let (x0, y0) = (block(bx, w), block(by, h));
                let (mut sum, mut min, mut max) = (0u32, u8::MAX, u8::MIN);
                let mut wide = false;
                for y in y0..y0 + BLOCK {
                    let row = luma.get(y * w + x0..y * w + x0 + BLOCK).unwrap_or_default();
                    sum += row.iter().map(|&v| u32::from(v)).sum::<u32>();
                    // Once the range exceeds 24, ZXing stops tracking it.
                    if !wide {
                        for &v in row {
                            min = min.min(v);
                            max = max.max(v);
                        }
                        wide = max - min > RANGE;
                    }
                }
                let count = (BLOCK * BLOCK) as u32;
                let mut point = [sum >> 6, (255 * count - sum) >> 6];
                if !wide {
                    let mins = [u32::from(min), u32::from(255 - max)];
                    for (p, (polarity, &m)) in point.iter_mut().zip(mins.iter().enumerate()) {
                        *p = m / 2;
                        if by > 0 && bx > 0 {
                            let at = |x: usize, y: usize| points.get(y * sw + x).map_or(0, |p| p[polarity]);
                            let neighbours = (at(bx, by - 1) + 2 * at(bx - 1, by) + at(bx - 1, by - 1)) / 4;
                            if m < neighbours {
                                *p = neighbours;
                            }
                        }
                    }
                }
                if let Some(p) = points.get_mut(by * sw + bx) {
                    *p = point;
                }
            }
        }
        // Each block's threshold: the mean black point of the 5×5 blocks
        // around it (at most 255).
        let mut thresholds = vec![[0u8; 2]; sw * sh];
        for by in 0..sh {
            let top = by.clamp(2, sh - 3);
            for bx in 0..sw {
                let left = bx.clamp(2, sw - 3);
                let mut sums = [0u32; 2];
                for y in top - 2..=top + 2 {
                    for p in points.get(y * sw + left - 2..=y * sw + left + 2).unwrap_or_default() {
                        sums[0] += p[0];
                        sums[1] += p[1];
                    }
                }
                if let Some(t) = thresholds.get_mut(by * sw + bx) {
                    *t = sums.map(|s| u8::try_from(s / 25).unwrap_or(u8::MAX));
                }
            }
        }
        Some(BlockThresholds { width, height, thresholds })
    }

    /// The frame (or the inverted frame) thresholded.
    fn matrix(&self, luma: &[u8], inverted: bool) -> Option<BitMatrix> {
        const WORD: usize = usize::BITS as usize;
        let (w, h) = (self.width as usize, self.height as usize);
        let (sw, sh) = (w.div_ceil(BLOCK), h.div_ceil(BLOCK));
        let block = |b: usize, side: usize| (b * BLOCK).min(side - BLOCK);
        // Each block thresholded, 8 pixels at a time, into the rows' words:
        // a pixel is dark if any block over it says so (ZXing sets bits and
        // never clears them; the last row and column of blocks overlap the
        // ones before).
        let stride = w.div_ceil(WORD);
        let mut words = vec![0usize; stride * h];
        for by in 0..sh {
            let y0 = block(by, h);
            let ts = self.thresholds.get(by * sw..by * sw + sw).unwrap_or_default();
            for y in y0..y0 + BLOCK {
                let (Some(row), Some(out)) =
                    (luma.get(y * w..y * w + w), words.get_mut(y * stride..y * stride + stride))
                else {
                    continue;
                };
                for (bx, t) in ts.iter().enumerate() {
                    let x0 = block(bx, w);
                    let pixels = row.get(x0..x0 + BLOCK).unwrap_or_default();
                    // Inverted: 255 − v ≤ t, that is v ≥ 255 − t.
                    let byte =
                        if inverted { byte_at_or_above(pixels, 255 - t[1]) } else { byte_at_or_below(pixels, t[0]) };
                    or_byte(out, x0, byte);
                }
            }
        }
        words_matrix(&words, self.width, self.height)
    }
}

/// Bit k set where pixel k of these 8 is at or below `t`.
fn byte_at_or_below(pixels: &[u8], t: u8) -> u8 {
    pixels.iter().enumerate().fold(0u8, |byte, (k, &v)| byte | (u8::from(v <= t) << k))
}

/// Bit k set where pixel k of these 8 is at or above `t`.
fn byte_at_or_above(pixels: &[u8], t: u8) -> u8 {
    pixels.iter().enumerate().fold(0u8, |byte, (k, &v)| byte | (u8::from(v >= t) << k))
}

/// ORs 8 bits into a row of words at bit `x`.
fn or_byte(row: &mut [usize], x: usize, byte: u8) {
    const WORD: usize = usize::BITS as usize;
    let (i, shift) = (x / WORD, x % WORD);
    if let Some(word) = row.get_mut(i) {
        *word |= usize::from(byte) << shift;
    }
    if shift + 8 > WORD
        && let Some(word) = row.get_mut(i + 1)
    {
        *word |= usize::from(byte) >> (WORD - shift);
    }
}

/// A width × height bit matrix from its rows' words.
fn words_matrix(words: &[usize], width: u32, height: u32) -> Option<BitMatrix> {
    const WORD: usize = usize::BITS as usize;
    let mut matrix = BitMatrix::new(width, height).ok()?;
    let mut bits = BitArray::with_size(width as usize);
    for (y, row) in (0..height).zip(words.chunks_exact((width as usize).div_ceil(WORD))) {
        for (i, &word) in row.iter().enumerate() {
            bits.setBulk(i * WORD, word);
        }
        matrix.setRow(y, &bits);
    }
    Some(matrix)
}

/// A width × height bit matrix of the pixels (one byte each, in row
/// order) for which `dark` holds.
fn pack_matrix(pixels: &[u8], width: u32, height: u32, dark: impl Fn(u8) -> bool) -> Option<BitMatrix> {
    const WORD: usize = usize::BITS as usize;
    let mut matrix = BitMatrix::new(width, height).ok()?;
    let mut bits = BitArray::with_size(width as usize);
    for (y, row) in (0..height).zip(pixels.chunks_exact(width as usize)) {
        for (i, chunk) in row.chunks(WORD).enumerate() {
            let word = chunk.iter().rev().fold(0usize, |word, &v| (word << 1) | usize::from(dark(v)));
            bits.setBulk(i * WORD, word);
        }
        matrix.setRow(y, &bits);
    }
    Some(matrix)
}

/// rxing's hybrid binarizer on a frame (for frames too small for
/// [`hybrid_matrices`]).
fn rxing_matrix(luma: Vec<u8>, width: u32, height: u32) -> Option<BitMatrix> {
    use rxing::Binarizer;
    let source = Luma8LuminanceSource::new(luma, width, height).ok()?;
    HybridBinarizer::new(source).get_black_matrix().ok().cloned()
}

/// Stretches each pixel against the mean and spread of its neighbourhood
/// (box filters over an integral image), so that a faint code, or one next
/// to a much brighter surround, gets full contrast before binarizing.
/// Hand-written: rxing offers no contrast normalisation, and a whole image
/// crate for one filter would double the module's size.
pub fn local_contrast(luma: &[u8], width: u32, height: u32) -> Vec<u8> {
    let (w, h) = (width as usize, height as usize);
    let r = (w.min(h) / 16).max(4);
    let sum = SummedArea::new(luma, w, h, |v| v);
    let sq = SummedArea::new(luma, w, h, |v| v * v);
    let mut out = vec![0u8; w * h];
    for_windows(w, h, r, |i, window, n| {
        let n = n as f64;
        let mean = sum.of(window) as f64 / n;
        let sd = (sq.of(window) as f64 / n - mean * mean).max(0.0).sqrt().max(4.0);
        let v = 128.0 + (f64::from(luma[i]) - mean) * 64.0 / sd;
        out[i] = v.clamp(0.0, 255.0) as u8;
    });
    out
}

/// A summed-area table of `f(pixel)` over a w×h frame: the sum over any
/// window in four lookups.
struct SummedArea {
    table: Vec<u64>,
    stride: usize,
}

impl SummedArea {
    fn new(luma: &[u8], w: usize, h: usize, f: impl Fn(u64) -> u64) -> SummedArea {
        let stride = w + 1;
        let mut table = vec![0u64; stride * (h + 1)];
        for y in 0..h {
            let mut row = 0u64;
            for x in 0..w {
                row += f(u64::from(luma[y * w + x]));
                table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + row;
            }
        }
        SummedArea { table, stride }
    }

    /// The sum over the window `[x0, x1) × [y0, y1)`.
    fn of(&self, [x0, y0, x1, y1]: [usize; 4]) -> u64 {
        let t = |x: usize, y: usize| self.table[y * self.stride + x];
        t(x1, y1) + t(x0, y0) - t(x1, y0) - t(x0, y1)
    }
}

/// Calls `f(pixel index, window, pixel count)` for every pixel of a w×h
/// frame with the (2r+1)² window around it, cut at the edges.
fn for_windows(w: usize, h: usize, r: usize, mut f: impl FnMut(usize, [usize; 4], u64)) {
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(r), (y + r + 1).min(h));
        for x in 0..w {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            f(y * w + x, [x0, y0, x1, y1], ((y1 - y0) * (x1 - x0)) as u64);
        }
    }
}

/// The two thresholds that split the histogram into three classes with the
/// largest between-class variance (Otsu's method with three classes): a
/// faint code on a bright or dark surround has one of them between its own
/// dark and light modules.
fn otsu3(hist: &[u64; 256]) -> Otsu {
    // Cumulative counts and sums: class (a, b] has n = c[b] - c[a].
    let mut c = [0f64; 257];
    let mut s = [0f64; 257];
    for (i, &h) in hist.iter().enumerate() {
        c[i + 1] = c[i] + h as f64;
        s[i + 1] = s[i] + (h as f64) * i as f64;
    }
    // A class's part of the between-class variance, times the pixel count.
    let term = |a: usize, b: usize| {
        let n = c[b] - c[a];
        if n > 0.0 { (s[b] - s[a]) * (s[b] - s[a]) / n } else { 0.0 }
    };
    let mean = |a: usize, b: usize| {
        let n = c[b] - c[a];
        if n > 0.0 { (s[b] - s[a]) / n } else { 0.0 }
    };
    // The outer classes' terms, computed once (the same values as inline).
    let below: Vec<f64> = (0..257).map(|t| term(0, t)).collect();
    let above: Vec<f64> = (0..257).map(|t| term(t, 256)).collect();
    let (mut best, mut thresholds) = (-1.0, [85u8, 170u8]);
    let (mut best2, mut contrast) = (-1.0, 0.0);
    for (t1, (&low, &high)) in below.iter().zip(&above).enumerate().take(256).skip(1) {
        let two = low + high;
        if two > best2 {
            best2 = two;
            contrast = mean(t1, 256) - mean(0, t1);
        }
        for (t2, &high) in above.iter().enumerate().take(256).skip(t1 + 1) {
            let v = low + term(t1, t2) + high;
            if v > best {
                best = v;
                thresholds = [(t1 - 1) as u8, (t2 - 1) as u8];
            }
        }
    }
    Otsu { thresholds, contrast }
}

/// What [`otsu3`] finds in a frame's histogram.
struct Otsu {
    /// The two three-class thresholds.
    thresholds: [u8; 2],
    /// The distance between the means of the two two-class Otsu classes:
    /// about 200 grey levels for a black-and-white code, about 100 for a
    /// faint one on a bright surround.
    contrast: f64,
}

/// Black where a pixel is darker than the mean of its (2r+1)² window.
pub fn local_threshold(luma: &[u8], width: u32, height: u32, r: usize) -> Vec<u8> {
    let (w, h) = (width as usize, height as usize);
    let sum = SummedArea::new(luma, w, h, |v| v);
    let mut out = vec![0u8; w * h];
    for_windows(w, h, r, |i, window, n| {
        out[i] = if u64::from(luma[i]) * n < sum.of(window) { 0 } else { 255 };
    });
    out
}

/// The frame scaled down by `scale` (< 1), with a triangle filter.
fn resize(luma: &[u8], width: u32, height: u32, scale: f64) -> (Vec<u8>, u32, u32) {
    let (w, h) = ((f64::from(width) * scale) as u32, (f64::from(height) * scale) as u32);
    match image::GrayImage::from_raw(width, height, luma.to_vec()) {
        Some(img) if w > 0 && h > 0 => (image::imageops::resize(&img, w, h, FilterType::Triangle).into_raw(), w, h),
        _ => (Vec::new(), 0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Frames of every kind the binarizer branches on: noise, flat areas
    /// (blocks of range 24 or less, which take their neighbours' black
    /// point), hard edges, and sizes that are not multiples of 8.
    fn frames() -> Vec<(Vec<u8>, u32, u32)> {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut out = Vec::new();
        for (w, h) in [(40u32, 40u32), (41, 57), (123, 77), (200, 45), (320, 240), (643, 481)] {
            for kind in 0..4 {
                let frame = (0..w * h)
                    .map(|i| {
                        let (x, y) = (i % w, i / w);
                        let noise = (next() % 256) as u8;
                        match kind {
                            0 => noise,
                            // Flat tiles with slight noise: narrow-range blocks.
                            1 => ((x / 13 + y / 9) % 3 * 100) as u8 + noise % 8,
                            // A gradient with sharp rectangles.
                            2 => {
                                if (x / 17 + y / 11) % 4 == 0 {
                                    20
                                } else {
                                    (60 + x * 150 / w) as u8 + noise % 12
                                }
                            }
                            // Only 0 and 255.
                            _ => {
                                if noise < 128 {
                                    0
                                } else {
                                    255
                                }
                            }
                        }
                    })
                    .collect();
                out.push((frame, w, h));
            }
        }
        out
    }

    #[test]
    fn hybrid_matrices_match_rxing_bit_for_bit() {
        for (luma, w, h) in frames() {
            let Some([plain, inverted]) = hybrid_matrices(&luma, w, h) else { panic!("{w}x{h}") };
            assert!(hybrid_matrix(&luma, w, h).is_some_and(|alone| alone == plain));
            assert!(Some(&plain) == rxing_matrix(luma.clone(), w, h).as_ref(), "{w}x{h}");
            let dark: Vec<u8> = luma.iter().map(|v| 255 - v).collect();
            assert!(Some(&inverted) == rxing_matrix(dark, w, h).as_ref(), "{w}x{h} inverted");
        }
        assert!(hybrid_matrices(&[0; 39 * 100], 39, 100).is_none());
    }

    #[test]
    fn otsu_thresholds_match_rxing_on_the_thresholded_frame() {
        for (luma, w, h) in frames() {
            let frame = Frame::new(&luma, w, h).unwrap_or_else(|| panic!("{w}x{h}"));
            for (threshold, t) in frame.otsu.into_iter().enumerate() {
                for inverted in [false, true] {
                    let dark = if inverted { 255 } else { 0 };
                    let binary = luma.iter().map(|&v| if v <= t { dark } else { 255 - dark }).collect();
                    let ours = frame.otsu(threshold, inverted).map(|b| &b.matrix);
                    assert!(ours == rxing_matrix(binary, w, h).as_ref(), "{w}x{h} {threshold} {inverted}");
                }
            }
        }
    }
}
