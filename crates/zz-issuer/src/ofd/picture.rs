//! The picture of a demo seal: a red ring with a five-pointed star and a
//! bar where a real seal carries its name (no font is shipped to draw one).

use image::{ImageFormat, Rgba, RgbaImage};

/// A seal picture, PNG, `side` pixels square; `rgb` is the ink.
pub fn seal_png(side: u32, rgb: [u8; 3]) -> Vec<u8> {
    let c = side as f64 / 2.0;
    let r_out = c * 0.96;
    let r_in = c * 0.86;
    let star = star(c, c * 0.95, c * 0.36);
    let img = RgbaImage::from_fn(side, side, |x, y| {
        let (px, py) = (x as f64 + 0.5, y as f64 + 0.5);
        let d = ((px - c).powi(2) + (py - c).powi(2)).sqrt();
        let ring = d <= r_out && d >= r_in;
        let bar = (py - c * 1.45).abs() < c * 0.06 && (px - c).abs() < c * 0.45;
        let ink = ring || bar || inside(&star, px, py);
        if ink { Rgba([rgb[0], rgb[1], rgb[2], 230]) } else { Rgba([0, 0, 0, 0]) }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png).expect("an in-memory PNG writes");
    out.into_inner()
}

/// The ten corners of a five-pointed star centred at (cx, cy).
fn star(cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
    (0..10)
        .map(|i| {
            let a = std::f64::consts::PI * (i as f64) / 5.0 - std::f64::consts::FRAC_PI_2;
            let rr = if i % 2 == 0 { r } else { r * 0.382 };
            (cx + rr * a.cos(), cy + rr * a.sin())
        })
        .collect()
}

/// Even-odd point-in-polygon.
fn inside(poly: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut inside = false;
    let mut j = poly.len() - 1;
    for i in 0..poly.len() {
        let (xi, yi) = poly[i];
        let (xj, yj) = poly[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}
