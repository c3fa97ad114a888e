//! Writes N valid demo licenses (`OUT/NNNNN.zzl`) for the `zz verify`
//! throughput benchmark: `cargo run --release --example bench_licenses OUT N`.
use zz_core::dates::CstDate;
use zz_core::ident::LicenseId;
use zz_core::model::{FieldValue, Holder, License, Named, StatusRef};
use zz_issuer::Key;
use zz_issuer::demo::{self, SampleData};

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("OUT"));
    let n: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    std::fs::create_dir_all(&out).unwrap();
    let w = demo::world(demo::DEFAULT_NOW);
    // Take the valid business license as a template.
    let SampleData::Cose(c) = &w.samples.iter().find(|s| s.name == "valid-business-license").unwrap().data else {
        unreachable!()
    };
    let env = zz_core::Envelope::parse(c).unwrap();
    let template = License::from_cbor(&env.payload_item().unwrap()).unwrap();
    let key = Key::derive(demo::SEED, "samr");
    for i in 0..n {
        let serial = format!("{}", 3_000_000 + i);
        let l = License {
            id: LicenseId::format(&template.type_code, &template.issuer.code, &serial, 1).unwrap(),
            no: format!("沪032{serial}"),
            holder: Holder { name: format!("上海测试{i}号科技有限公司"), ..template.holder.clone() },
            fields: template
                .fields
                .iter()
                .map(|(k, v)| {
                    if k == "name" {
                        (k.clone(), FieldValue::Text(format!("上海测试{i}号科技有限公司")))
                    } else {
                        (k.clone(), v.clone())
                    }
                })
                .collect(),
            // Entries from 1000 on are unused in the demo list: valid.
            status: Some(StatusRef { list: "sh-2026-01".into(), idx: 1000 + i % 7000 }),
            cnf: None,
            issued: CstDate::parse("2024-05-06").unwrap(),
            valid_from: CstDate::parse("2024-05-06").unwrap(),
            issuer: Named { ..template.issuer.clone() },
            ..template.clone()
        };
        std::fs::write(out.join(format!("{i:05}.zzl")), zz_issuer::issue(&l, &key)).unwrap();
    }
    eprintln!("wrote {n} licenses to {}", out.display());
}
