//! Runs zz-qr over the benchmark set of `qr_bench_set` and prints, per
//! category, the share of images whose every code was read, and the median
//! time per image at each frame size. `--json` prints the rows as JSON;
//! with `ZZ_QR_MISSES=1` each image not read whole is named on stderr.
//! `cargo run --release -p zz-qr --example qr_bench_eval DIR [--json]`

use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DIR"));
    let json = args.next().as_deref() == Some("--json");
    let manifest: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    // category -> (ok, total, times at 640x480, times at 1280x720)
    let mut rows: BTreeMap<String, (usize, usize, Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for m in &manifest {
        let (w, h) = (m["width"].as_u64().unwrap() as u32, m["height"].as_u64().unwrap() as u32);
        let gray = std::fs::read(dir.join(m["gray"].as_str().unwrap())).unwrap();
        let t = Instant::now();
        let found = zz_qr::decode_luma(gray, w, h);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let want: Vec<&str> = m["payloads"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        // Every code read; on a frame with no code, nothing.
        let ok = want.iter().all(|p| found.iter().any(|f| f == p)) && (!want.is_empty() || found.is_empty());
        if !ok && std::env::var_os("ZZ_QR_MISSES").is_some() {
            eprintln!("missed {} ({w}x{h}): read {found:?}", m["gray"].as_str().unwrap());
        }
        let row = rows.entry(m["category"].as_str().unwrap().to_owned()).or_default();
        row.0 += usize::from(ok);
        row.1 += 1;
        if w == 640 { row.2.push(ms) } else { row.3.push(ms) }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    let mut out = Vec::new();
    for (cat, (ok, total, mut a, mut b)) in rows {
        let (ma, mb) = (median(&mut a), median(&mut b));
        if json {
            out.push(serde_json::json!({"category": cat, "ok": ok, "total": total, "ms640": ma, "ms1280": mb}));
        } else {
            println!(
                "{cat:16} {ok:3}/{total:<3} {:5.0} %   {ma:7.1} ms @640x480  {mb:7.1} ms @1280x720",
                100.0 * ok as f64 / total as f64
            );
        }
    }
    if json {
        println!("{}", serde_json::Value::Array(out));
    }
}
