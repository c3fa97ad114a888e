//! How zz-qr keeps up with a camera: `decode_frame` (the fast passes on
//! every frame, one slow pass in turn) against `decode_luma` (every pass).
//!
//! 1. A camera held on each image of the `qr_bench_set` set: frames n = 0,
//!    1, 2, … of the same image (counted from a different start for each
//!    image) until its codes are read. Per category: the
//!    share read on the first frame, the most frames any image needed, and
//!    the slowest single frame.
//! 2. Frames with no code at all (a cluttered desk, 20 per size): the median
//!    and slowest time per frame of both functions. A camera mostly sees
//!    these; while one is decoded, a code coming into view waits.
//!
//! `cargo run --release -p zz-qr --example qr_camera_eval DIR`

use std::collections::BTreeMap;
use std::time::Instant;

#[path = "../tests/support/desk.rs"]
mod desk;
use desk::desk;

/// Frames a held code gets before it counts as not read.
const MAX_FRAMES: u32 = 16;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let manifest: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    // category -> (read on frame 1, read at all, total, most frames, slowest frame ms)
    let mut rows: BTreeMap<String, (usize, usize, usize, u32, f64)> = BTreeMap::new();
    for (i, m) in manifest.iter().enumerate() {
        let (w, h) = (m["width"].as_u64().unwrap() as u32, m["height"].as_u64().unwrap() as u32);
        let gray = std::fs::read(dir.join(m["gray"].as_str().unwrap())).unwrap();
        let want: Vec<&str> = m["payloads"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        let row = rows.entry(m["category"].as_str().unwrap().to_owned()).or_default();
        row.2 += 1;
        // The camera's frame count is anywhere when the code comes into view.
        let start = i as u32 * 5;
        for n in 0..MAX_FRAMES {
            let t = Instant::now();
            let found = zz_qr::decode_frame(gray.clone(), w, h, start + n);
            row.4 = row.4.max(t.elapsed().as_secs_f64() * 1e3);
            if want.iter().all(|p| found.iter().any(|f| f == p)) {
                row.0 += usize::from(n == 0);
                row.1 += 1;
                row.3 = row.3.max(n + 1);
                break;
            }
        }
    }
    println!("camera held on a code: read on the first frame / within {MAX_FRAMES} frames, most frames, slowest frame");
    for (cat, (first, all, total, most, slowest)) in rows {
        println!("{cat:16} {first:3}/{total:<3} {all:3}/{total:<3} {most:3} frames {slowest:7.1} ms");
    }
    println!("frames with no code: median / slowest ms per frame");
    for (w, h) in [(640u32, 480u32), (1280, 720)] {
        let (mut every, mut budget) = (Vec::new(), Vec::new());
        for seed in 0..20u64 {
            let frame = desk(w, h, seed);
            let t = Instant::now();
            assert!(zz_qr::decode_luma(frame.clone(), w, h).is_empty());
            every.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            assert!(zz_qr::decode_frame(frame, w, h, seed as u32).is_empty());
            budget.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let stats = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            (v[v.len() / 2], v[v.len() - 1])
        };
        let ((e50, emax), (b50, bmax)) = (stats(&mut every), stats(&mut budget));
        println!(
            "{w}x{h}: decode_luma {e50:6.1} / {emax:6.1}   decode_frame {b50:6.1} / {bmax:6.1}   ({:.1}x faster at the median)",
            e50 / b50
        );
    }
}
