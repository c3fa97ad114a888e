//! Generates the QR benchmark set: degraded images of `ZZ1:` codes of 300–
//! 1200 characters from the demo world, in the categories where scanners
//! fail, at 640×480 and 1280×720. Writes `OUT/<category>/<n>-<w>x<h>.png`
//! (`.jpg` for the JPEG category), the decoded grey pixels as `.gray` for
//! decoders that take raw frames, and `OUT/manifest.json`.
//! `cargo run --release -p zz-qr --example qr_bench_set OUT [PER_CATEGORY]`
//!
//! Everything is deterministic (a fixed xorshift seed): anyone regenerates
//! the same set, so it stays out of the repository.

use std::path::Path;

use image::{GrayImage, ImageFormat, Luma};
use zz_core::model::{FieldValue, License};
use zz_issuer::demo::{self, SampleData};

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

/// A QR code's modules, quiet zone included: `size` × `size`, true = dark.
struct Code {
    size: usize,
    dark: Vec<bool>,
}

fn code(text: &str) -> Code {
    let qr = zz_issuer::qr::encode(text).expect("payload fits a QR code");
    let width = qr.width();
    let quiet = 4;
    let size = width + 2 * quiet;
    let colors = qr.to_colors();
    let mut dark = vec![false; size * size];
    for y in 0..width {
        for x in 0..width {
            dark[(y + quiet) * size + x + quiet] = colors[y * width + x] == qrcode::Color::Dark;
        }
    }
    Code { size, dark }
}

/// Solves the homography mapping the unit square's corners to `quad`
/// (8×8 Gauss-Jordan: two lines of algebra, no linear-algebra crate).
#[allow(clippy::needless_range_loop)]
fn homography(quad: [(f64, f64); 4]) -> [f64; 9] {
    let src = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)];
    let mut a = [[0.0f64; 9]; 8];
    for (i, ((x, y), (u, v))) in src.iter().zip(quad.iter()).enumerate() {
        a[2 * i] = [*x, *y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, *u];
        a[2 * i + 1] = [0.0, 0.0, 0.0, *x, *y, 1.0, -v * x, -v * y, *v];
    }
    // Gaussian elimination with partial pivoting.
    for c in 0..8 {
        let p = (c..8).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs())).unwrap();
        a.swap(c, p);
        for r in 0..8 {
            if r != c {
                let f = a[r][c] / a[c][c];
                for k in c..9 {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
    }
    let h: Vec<f64> = (0..8).map(|i| a[i][8] / a[i][i]).collect();
    [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1.0]
}

fn invert(h: [f64; 9]) -> [f64; 9] {
    let [a, b, c, d, e, f, g, hh, i] = h;
    let det = a * (e * i - f * hh) - b * (d * i - f * g) + c * (d * hh - e * g);
    [
        (e * i - f * hh) / det,
        (c * hh - b * i) / det,
        (b * f - c * e) / det,
        (f * g - d * i) / det,
        (a * i - c * g) / det,
        (c * d - a * f) / det,
        (d * hh - e * g) / det,
        (b * g - a * hh) / det,
        (a * e - b * d) / det,
    ]
}

/// Draws `code` into `img` so that its square maps onto `quad`, with 3×3
/// supersampling; `dark`/`light` are the grey levels of the modules.
fn draw(img: &mut GrayImage, c: &Code, quad: [(f64, f64); 4], dark: u8, light: u8) {
    let inv = invert(homography(quad));
    let (xs, ys): (Vec<f64>, Vec<f64>) = quad.iter().copied().unzip();
    let (x0, x1) = (xs.iter().copied().fold(f64::MAX, f64::min), xs.iter().copied().fold(f64::MIN, f64::max));
    let (y0, y1) = (ys.iter().copied().fold(f64::MAX, f64::min), ys.iter().copied().fold(f64::MIN, f64::max));
    for py in (y0.floor().max(0.0) as u32)..(y1.ceil().min(img.height() as f64) as u32) {
        for px in (x0.floor().max(0.0) as u32)..(x1.ceil().min(img.width() as f64) as u32) {
            let mut sum = 0.0;
            let mut inside = 0;
            for sy in 0..3 {
                for sx in 0..3 {
                    let (x, y) = (px as f64 + (sx as f64 + 0.5) / 3.0, py as f64 + (sy as f64 + 0.5) / 3.0);
                    let w = inv[6] * x + inv[7] * y + inv[8];
                    let (u, v) = ((inv[0] * x + inv[1] * y + inv[2]) / w, (inv[3] * x + inv[4] * y + inv[5]) / w);
                    if (0.0..1.0).contains(&u) && (0.0..1.0).contains(&v) {
                        let (mx, my) = ((u * c.size as f64) as usize, (v * c.size as f64) as usize);
                        sum += if c.dark[my * c.size + mx] { dark as f64 } else { light as f64 };
                        inside += 1;
                    }
                }
            }
            if inside > 0 {
                let old = img.get_pixel(px, py)[0] as f64;
                let v = (sum + old * (9 - inside) as f64) / 9.0;
                img.put_pixel(px, py, Luma([v.round() as u8]));
            }
        }
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
        "small-modules" => draw(&mut img, &c, square(cx, cy, side(rng.range(2.0, 3.0)), 0.0), 20, 235),
        "blur" => {
            draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), 20, 235);
            img = image::imageops::blur(&img, rng.range(1.0, 1.8) as f32);
        }
        "jpeg-q30" => draw(&mut img, &c, square(cx, cy, side(fit.min(4.0)), rng.range(-3.0, 3.0)), 20, 235),
        "rotation" => draw(&mut img, &c, square(cx, cy, side(fit.min(4.5) * 0.7), rng.range(5.0, 45.0)), 20, 235),
        "perspective" => {
            let s = side(fit.min(5.0)) / 2.0;
            let j = |r: &mut Rng| r.range(-0.22, 0.22) * s;
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
        "low-contrast" => draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), 105, 150),
        "inverted" => {
            img = GrayImage::from_pixel(w, h, Luma([20]));
            draw(&mut img, &c, square(cx, cy, side(fit.min(5.0)), 0.0), 225, 25);
        }
        "moire" => {
            let m = fit.min(4.0);
            draw(&mut img, &c, square(cx, cy, side(m), rng.range(-2.0, 2.0)), 20, 235);
            let (fx, fy) = (std::f64::consts::TAU / (m * rng.range(0.9, 1.1)), std::f64::consts::TAU / (m * 1.37));
            map(&mut img, |x, y, v| v + 40.0 * (x as f64 * fx).sin() * (y as f64 * fy).cos());
        }
        "occlusion" => {
            let s = side(fit.min(5.0));
            draw(&mut img, &c, square(cx, cy, s, 0.0), 20, 235);
            // A finger or a sticker over about 8 % of the code, away from the finders.
            let (ow, oh) = (s * 0.28, s * 0.28);
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
        _ => unreachable!(),
    }
    noise(&mut img, rng, 3.0);
    (img, payloads)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("OUT"));
    let per: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let texts = payloads();
    eprintln!("payload lengths: {:?}", texts.iter().map(String::len).collect::<Vec<_>>());
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
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
    let words: Vec<char> = "技术开发咨询服务软件信息系统集成数据处理存储电子产品销售网络工程设计施工广告制作发布会议展览组织物业管理"
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
