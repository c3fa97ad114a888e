//! A camera's view of a desk with no code, shared by the camera tests and
//! the `qr_camera_eval` example.

/// A desk with papers, shadows and sensor noise, and no code (xorshift).
pub fn desk(w: u32, h: u32, seed: u64) -> Vec<u8> {
    let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ (seed + 1).wrapping_mul(0x2545_f491_4f6c_dd1d);
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut img = vec![0u8; (w * h) as usize];
    for (i, p) in img.iter_mut().enumerate() {
        // A soft light gradient across the frame.
        let (px, py) = ((i as u32 % w) as f64 / w as f64, (i as u32 / w) as f64 / h as f64);
        *p = (120.0 + 80.0 * px - 40.0 * py) as u8;
    }
    for _ in 0..150 {
        let r = next();
        let (rx, ry) = ((r % w as u64) as u32, ((r >> 16) % h as u64) as u32);
        let (rw, rh, g) = (((r >> 32) % 120) as u32 + 4, ((r >> 40) % 70) as u32 + 2, (r >> 48) as u8);
        for py in ry..(ry + rh).min(h) {
            for px in rx..(rx + rw).min(w) {
                img[(py * w + px) as usize] = g;
            }
        }
    }
    for p in img.iter_mut() {
        *p = p.saturating_add((next() % 9) as u8).saturating_sub(4);
    }
    img
}
