//! Writes N sealed OFD e-licenses into DIR (the demo's valid business
//! licence, sealed at N different times: N different files), for the
//! `zz verify` throughput of scripts/bench.sh.

use zz_core::UnixTime;
use zz_issuer::demo;

fn main() {
    let mut args = std::env::args().skip(1);
    let (dir, n) = match (args.next(), args.next().and_then(|n| n.parse::<u32>().ok())) {
        (Some(d), Some(n)) => (std::path::PathBuf::from(d), n),
        _ => {
            eprintln!("usage: bench_ofds DIR N");
            std::process::exit(2);
        }
    };
    std::fs::create_dir_all(&dir).unwrap();
    let w = demo::world(demo::DEFAULT_NOW);
    let biz = w.samples.iter().find(|s| s.name == "valid-business-license").unwrap();
    let demo::SampleData::Cose(cose) = &biz.data else { unreachable!() };
    let pki = demo::ofd::DemoPki::new();
    let mut sealer = None;
    for i in 0..n {
        let at = UnixTime::from_secs(w.now.as_secs() - 86_400 - i64::from(i) * 60);
        let mut o = demo::ofd::license_ofd(&w, cose, None, at).unwrap();
        let s = sealer.get_or_insert_with(|| {
            let l = demo::ofd::license_issuer(cose).unwrap();
            pki.sealer(&l.0, &l.1)
        });
        o.seal(s, at);
        std::fs::write(dir.join(format!("license-{i:05}.ofd")), o.to_zip()).unwrap();
    }
    println!("{n} sealed OFD files in {}", dir.display());
}
