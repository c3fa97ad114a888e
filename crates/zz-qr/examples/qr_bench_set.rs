//! Generates the QR benchmark set: degraded images of `ZZ1:` codes of 300–
//! 1200 characters from the demo world, in the categories where scanners
//! fail, at 640×480 and 1280×720, and frames with no code. Writes `OUT/<category>/<n>-<w>x<h>.png`
//! (`.jpg` for the JPEG category), the decoded grey pixels as `.gray` for
//! decoders that take raw frames, and `OUT/manifest.json`.
//! `cargo run --release -p zz-qr --example qr_bench_set OUT [PER_CATEGORY [SEED]]`
//!
//! Everything is deterministic (a fixed xorshift seed): anyone regenerates
//! the same set, so it stays out of the repository. A SEED other than 0
//! makes a second set that no decoding pass was tuned on: other random
//! draws, and each degradation's strength moved by up to ±20 % (blur,
//! module sizes, contrast, perspective, moiré, occlusion, noise).

use std::path::Path;

use image::{GrayImage, ImageFormat, Luma};
#[path = "../tests/support/warp.rs"]
mod warp;

use warp::{code, draw};
use zz_core::model::{FieldValue, License};
use zz_issuer::demo::{self, SampleData};

/// How strong each degradation is: 1 for the reference set; a SEED other
/// than 0 moves each by up to ±20 %.
#[derive(Clone, Copy)]
struct Params {
    blur: f64,
    module: f64,
    contrast: f64,
    perspective: f64,
    moire: f64,
    occlusion: f64,
    noise: f64,
}

const REFERENCE: Params =
    Params { blur: 1.0, module: 1.0, contrast: 1.0, perspective: 1.0, moire: 1.0, occlusion: 1.0, noise: 1.0 };

thread_local! {
    /// The set being made (per thread: tests make frames of several sets).
    static PARAMS: std::cell::Cell<Params> = const { std::cell::Cell::new(REFERENCE) };
}

fn params() -> Params {
    PARAMS.with(std::cell::Cell::get)
}

/// The strengths of the set of `seed` (the reference set's for 0).
fn params_of(seed: u64) -> Params {
    if seed == 0 {
        return REFERENCE;
    }
    let mut r = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut f = || r.range(0.8, 1.2);
    Params { blur: f(), module: f(), contrast: f(), perspective: f(), moire: f(), occlusion: f(), noise: f() }
}

/// The random draws of the set of `seed`, from its first frame.
fn rng_of(seed: u64) -> Rng {
    Rng((0x2545_f491_4f6c_dd1d ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1)
}

/// One frame of the set `qr_bench_set OUT per seed` makes (before JPEG
/// coding, for `jpeg-q30`), and its payloads: the frames before it are
/// drawn too, for the random draws to match. For tests that keep a frame a
/// decoder once missed.
#[allow(dead_code)]
pub fn frame(seed: u64, per: usize, category: &str, n: usize, width: u32) -> Option<(GrayImage, Vec<String>)> {
    PARAMS.with(|p| p.set(params_of(seed)));
    let texts = payloads();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut rng = rng_of(seed);
    for cat in CATEGORIES {
        for i in 0..per {
            for (fw, fh) in [(640u32, 480u32), (1280, 720)] {
                let made = make(cat, &texts, i, fw, fh, &mut rng);
                if *cat == category && i == n && fw == width {
                    return Some(made);
                }
            }
        }
    }
    None
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Uniform in [a, b).
    fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

/// An axis-aligned square quad of side `side` centred at (cx, cy), rotated.
fn square(cx: f64, cy: f64, side: f64, angle_deg: f64) -> [(f64, f64); 4] {
    let (s, c) = angle_deg.to_radians().sin_cos();
    let h = side / 2.0;
    [(-h, -h), (h, -h), (h, h), (-h, h)].map(|(x, y)| (cx + x * c - y * s, cy + x * s + y * c))
}

fn map(img: &mut GrayImage, f: impl Fn(u32, u32, f64) -> f64) {
    for (x, y, p) in img.enumerate_pixels_mut() {
        p[0] = f(x, y, p[0] as f64).round().clamp(0.0, 255.0) as u8;
    }
}

fn noise(img: &mut GrayImage, rng: &mut Rng, amp: f64) {
    for p in img.pixels_mut() {
        let n = (rng.range(-1.0, 1.0) + rng.range(-1.0, 1.0)) * amp;
        p[0] = (p[0] as f64 + n).round().clamp(0.0, 255.0) as u8;
    }
}

/// Busy background: random grey rectangles and lines.
fn clutter(img: &mut GrayImage, rng: &mut Rng) {
    let (w, h) = (img.width() as f64, img.height() as f64);
    for _ in 0..120 {
        let (x, y) = (rng.range(0.0, w), rng.range(0.0, h));
        let (rw, rh) = (rng.range(4.0, w / 6.0), rng.range(2.0, h / 10.0));
        let g = rng.range(20.0, 235.0);
        for py in (y as u32)..((y + rh).min(h) as u32) {
            for px in (x as u32)..((x + rw).min(w) as u32) {
                img.put_pixel(px, py, Luma([g as u8]));
            }
        }
    }
}

const CATEGORIES: &[&str] = &[
    "clean",
    "small-modules",
    "blur",
    "jpeg-q30",
    "rotation",
    "perspective",
    "gradient-light",
    "low-contrast",
    "inverted",
    "moire",
    "occlusion",
    "clutter",
    "two-codes",
    "no-code",
];

/// One image of a category; returns the image and the payloads it holds.
fn make(cat: &str, texts: &[&str], n: usize, w: u32, h: u32, rng: &mut Rng) -> (GrayImage, Vec<String>) {
    let text = texts[n % texts.len()];
    let c = code(text);
    let mut img = GrayImage::from_pixel(w, h, Luma([235]));
    let (cx, cy) = (w as f64 / 2.0 + rng.range(-20.0, 20.0), h as f64 / 2.0 + rng.range(-20.0, 20.0));
    // Module size for a code that fills about 80 % of the frame height.
    let fit = (h as f64 * 0.8) / c.size as f64;
    let side = |px_per_module: f64| px_per_module * c.size as f64;
    let mut payloads = vec![text.to_owned()];
    match cat {
        "clean" => draw(&mut img, &c, square(cx, cy, side(fit.min(6.0)), 0.0), 20, 235),
        "small-modules" => {
            draw(&mut img, &c, square(cx, cy, side(rng.range(2.0, 3.0) * params().module), 0.0), 20, 235)
        }
        "blur" => {
            draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), 20, 235);
            img = image::imageops::blur(&img, (rng.range(1.0, 1.8) * params().blur) as f32);
        }
        "jpeg-q30" => draw(&mut img, &c, square(cx, cy, side(fit.min(4.0)), rng.range(-3.0, 3.0)), 20, 235),
        "rotation" => draw(&mut img, &c, square(cx, cy, side(fit.min(4.5) * 0.7), rng.range(5.0, 45.0)), 20, 235),
        "perspective" => {
            let s = side(fit.min(5.0)) / 2.0;
            let j = |r: &mut Rng| r.range(-0.22, 0.22) * params().perspective * s;
            let quad = [
                (cx - s + j(rng), cy - s * 0.8 + j(rng)),
                (cx + s + j(rng), cy - s + j(rng)),
                (cx + s * 0.85 + j(rng), cy + s + j(rng)),
                (cx - s * 0.9 + j(rng), cy + s * 0.9 + j(rng)),
            ];
            draw(&mut img, &c, quad, 25, 230);
        }
        "gradient-light" => {
            draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), 20, 235);
            let (gx, gy) = (rng.range(-1.0, 1.0), rng.range(-1.0, 1.0));
            map(&mut img, |x, y, v| {
                let l = 0.25
                    + 0.75
                        * (0.5
                            + 0.5
                                * (gx * (x as f64 / w as f64 - 0.5) * 2.0 + gy * (y as f64 / h as f64 - 0.5) * 2.0)
                                    .clamp(-1.0, 1.0));
                v * l
            });
        }
        "low-contrast" => {
            // 105 and 150 in the reference set.
            let half = 22.5 * params().contrast;
            draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), (127.5 - half) as u8, (127.5 + half) as u8)
        }
        "inverted" => {
            img = GrayImage::from_pixel(w, h, Luma([20]));
            draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), 225, 25);
        }
        "moire" => {
            let m = fit.min(4.0);
            draw(&mut img, &c, square(cx, cy, side(m), rng.range(-2.0, 2.0)), 20, 235);
            let (fx, fy) = (std::f64::consts::TAU / (m * rng.range(0.9, 1.1)), std::f64::consts::TAU / (m * 1.37));
            let amp = 40.0 * params().moire;
            map(&mut img, |x, y, v| v + amp * (x as f64 * fx).sin() * (y as f64 * fy).cos());
        }
        "occlusion" => {
            let s = side(fit.min(5.0));
            draw(&mut img, &c, square(cx, cy, s, 0.0), 20, 235);
            // A finger or a sticker over about 8 % of the code, away from the finders.
            let (ow, oh) = (s * 0.28 * params().occlusion, s * 0.28 * params().occlusion);
            let (ox, oy) = (cx + rng.range(-0.05, 0.15) * s, cy + rng.range(-0.05, 0.15) * s);
            for py in (oy as u32)..((oy + oh) as u32).min(h) {
                for px in (ox as u32)..((ox + ow) as u32).min(w) {
                    img.put_pixel(px, py, Luma([90]));
                }
            }
        }
        "clutter" => {
            clutter(&mut img, rng);
            let m = rng.range(2.2, 3.0);
            let s = side(m);
            let (qx, qy) = (
                rng.range(s / 2.0 + 5.0, w as f64 - s / 2.0 - 5.0),
                rng.range(s / 2.0 + 5.0, (h as f64 - s / 2.0 - 5.0).max(s / 2.0 + 6.0)),
            );
            draw(&mut img, &c, square(qx, qy, s, rng.range(-10.0, 10.0)), 20, 235);
        }
        "two-codes" => {
            let other = texts[(n + 1) % texts.len()];
            let c2 = code(other);
            let m = ((w as f64 / 2.0 - 20.0) / c.size.max(c2.size) as f64).min(fit).min(4.0);
            draw(&mut img, &c, square(w as f64 * 0.25, cy, m * c.size as f64, rng.range(-5.0, 5.0)), 20, 235);
            draw(&mut img, &c2, square(w as f64 * 0.75, cy, m * c2.size as f64, rng.range(-5.0, 5.0)), 20, 235);
            payloads.push(other.to_owned());
        }
        "no-code" => {
            // A cluttered desk and no code: a decoder must find nothing,
            // and what it spends here a camera spends on most frames.
            img = GrayImage::from_pixel(w, h, Luma([20]));
            draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), 235, 235);
            clutter(&mut img, rng);
            payloads.clear();
        }
        _ => unreachable!(),
    }
    noise(&mut img, rng, 3.0 * params().noise);
    (img, payloads)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("OUT"));
    let per: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    if seed != 0 {
        let p = params_of(seed);
        eprintln!(
            "seed {seed}: blur ×{:.2}, modules ×{:.2}, contrast ×{:.2}, perspective ×{:.2}, moiré ×{:.2}, occlusion ×{:.2}, noise ×{:.2}",
            p.blur, p.module, p.contrast, p.perspective, p.moire, p.occlusion, p.noise
        );
        PARAMS.with(|c| c.set(p));
    }
    let texts = payloads();
    eprintln!("payload lengths: {:?}", texts.iter().map(String::len).collect::<Vec<_>>());
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut rng = rng_of(seed);
    let mut manifest = Vec::new();
    for cat in CATEGORIES {
        let dir = out.join(cat);
        std::fs::create_dir_all(&dir).unwrap();
        for n in 0..per {
            for (fw, fh) in [(640u32, 480u32), (1280, 720)] {
                let (img, payloads) = make(cat, &texts, n, fw, fh, &mut rng);
                let stem = format!("{n:02}-{fw}x{fh}");
                let (file, pixels) = if *cat == "jpeg-q30" {
                    let mut bytes = Vec::new();
                    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 30).encode_image(&img).unwrap();
                    let decoded = image::load_from_memory(&bytes).unwrap().into_luma8();
                    std::fs::write(dir.join(format!("{stem}.jpg")), &bytes).unwrap();
                    (format!("{cat}/{stem}.jpg"), decoded)
                } else {
                    img.save_with_format(dir.join(format!("{stem}.png")), ImageFormat::Png).unwrap();
                    (format!("{cat}/{stem}.png"), img)
                };
                std::fs::write(dir.join(format!("{stem}.gray")), pixels.as_raw()).unwrap();
                manifest.push(serde_json::json!({
                    "file": file, "gray": format!("{cat}/{stem}.gray"), "category": cat,
                    "width": fw, "height": fh, "payloads": payloads,
                }));
            }
        }
    }
    write(&out.join("manifest.json"), serde_json::to_string_pretty(&manifest).unwrap());
    eprintln!("wrote {} images in {} categories to {}", manifest.len(), CATEGORIES.len(), out.display());
}

/// Ten `ZZ1:` codes whose text lengths step evenly from 300 to 1200
/// characters: the demo business license with a longer or shorter business
/// scope, and random bytes for the three shortest.
fn payloads() -> Vec<String> {
    let w = demo::world(demo::DEFAULT_NOW);
    let SampleData::Cose(c) = &w.samples.iter().find(|s| s.name == "valid-business-license").unwrap().data else {
        unreachable!()
    };
    let env = zz_core::Envelope::parse(c).unwrap();
    let template = License::from_cbor(&env.payload_item().unwrap()).unwrap();
    let key = zz_issuer::Key::derive(demo::SEED, "samr");
    // Varied characters, so that deflate does not shrink the padding away.
    let words: Vec<char> =
        "技术开发咨询服务软件信息系统集成数据处理存储电子产品销售网络工程设计施工广告制作发布会议展览组织物业管理"
            .chars()
            .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..10)
        .map(|i| {
            let target = 300 + i * 100;
            let mut l = template.clone();
            if target < 600 {
                // A signed license is at least about 595 characters: below
                // that, `ZZ1:` text of random bytes (decodes as a QR code,
                // does not verify).
                let bytes: Vec<u8> = (0..(target - 4) * 2 / 3 + 1).map(|_| rng.next() as u8).collect();
                return format!("ZZ1:{}", base45::encode(&bytes));
            }
            l.fields.retain(|(k, _)| k != "scope");
            let text = |l: &License, scope: &str| {
                let mut l = l.clone();
                l.fields.push(("scope".into(), FieldValue::Text(scope.to_owned())));
                zz_issuer::zz1_text(&zz_issuer::issue(&l, &key))
            };
            // As many face fields as fit, then a scope long enough.
            let all = l.fields.clone();
            let fit = (0..=all.len())
                .take_while(|&k| {
                    l.fields = all[..k].to_vec();
                    text(&l, "").len() <= target
                })
                .last()
                .unwrap_or(0);
            l.fields = all[..fit].to_vec();
            let mut scope = String::new();
            loop {
                let t = text(&l, &scope);
                if t.len() >= target {
                    return t;
                }
                scope.push(words[(rng.next() % words.len() as u64) as usize]);
            }
        })
        .collect()
}

fn write(path: &Path, s: String) {
    std::fs::write(path, s).unwrap();
}
