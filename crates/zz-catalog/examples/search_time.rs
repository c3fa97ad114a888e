//! Times catalog searches over a bundle's catalog (native):
//! `cargo run --release -p zz-catalog --example search_time ROOTS BUNDLE`.
use std::time::Instant;

use zz_catalog::{CatalogIndex, Filter};
use zz_core::{Bundle, Roots};

fn main() {
    let mut args = std::env::args().skip(1);
    let roots = Roots::parse(&std::fs::read_to_string(args.next().expect("ROOTS")).unwrap()).unwrap();
    let bundle = Bundle::load(&std::fs::read(args.next().expect("BUNDLE")).unwrap(), &roots, None).unwrap();
    let cat = &bundle.catalog;
    let t = Instant::now();
    let idx = CatalogIndex::new(cat);
    println!("index of {} types: {:.1} ms", cat.types.len(), t.elapsed().as_secs_f64() * 1e3);
    for q in ["", "y", "yy", "yyzz", "许", "许可证", "营业执照", "sh", "1100", "food"] {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..20 {
            n = idx.search(cat, q, &Filter::default()).len();
        }
        println!("{q:10} {n:6} hits {:.3} ms", t.elapsed().as_secs_f64() * 1e3 / 20.0);
    }
}
