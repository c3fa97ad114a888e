//! Draws a QR code into a frame through a perspective warp (a homography
//! from the code's square onto any quad): the benchmark set's generator and
//! the decoder's tests share it.
#![allow(dead_code)]

use image::{GrayImage, Luma};

/// A QR code's modules, quiet zone included: `size` × `size`, true = dark.
pub struct Code {
    pub size: usize,
    pub dark: Vec<bool>,
}

pub fn code(text: &str) -> Code {
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
pub fn draw(img: &mut GrayImage, c: &Code, quad: [(f64, f64); 4], dark: u8, light: u8) {
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
