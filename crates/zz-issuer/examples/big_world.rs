//! Writes trust files (`OUT/trust/roots.txt`, `OUT/trust/bundle.zzb`) whose
//! catalog holds N license types (the demo's, then generated ones), for the
//! catalog search benchmark: `cargo run --release --example big_world OUT 10000`.
use zz_core::ident::uscc_check;
use zz_core::model::{Catalog, LicenseType, Named};
use zz_issuer::demo;

const PREFIXES: &[&str] = &["", "上海市", "浦东新区", "国家", "长三角", "临港新片区"];
const SUBJECTS: &[&str] = &[
    "食品",
    "药品",
    "建筑施工",
    "道路运输",
    "医疗器械",
    "特种设备",
    "危险化学品",
    "出版物",
    "广播电视",
    "网络文化",
    "民办教育",
    "人力资源",
    "劳务派遣",
    "排污",
    "取水",
    "林木采伐",
    "烟草专卖",
    "粮食收购",
    "拍卖",
    "典当",
    "旅行社",
    "演出经纪",
    "房地产经纪",
    "物业服务",
    "燃气经营",
    "水路运输",
    "港口经营",
    "船员",
    "导游",
    "兽药",
];
const KINDS: &[&str] = &[
    "经营许可证",
    "生产许可证",
    "登记证",
    "资格证书",
    "备案凭证",
    "使用许可证",
    "执业证书",
    "合格证",
    "批准书",
    "登记证明",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("OUT"));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let w = demo::world(demo::DEFAULT_NOW);
    let template = w.catalog.types.first().expect("demo types").clone();
    let mut types: Vec<LicenseType> = w.catalog.types.clone();
    let mut i = 0usize;
    while types.len() < n {
        let dept_no = i / 1000;
        let first17 = format!("11310000{:08}{}", 90_000_000 + dept_no, 0);
        let dept_code = format!("{first17}{}", uscc_check(&first17).unwrap_or('0'));
        let name = format!(
            "{}{}{}",
            PREFIXES[i % PREFIXES.len()],
            SUBJECTS[(i / PREFIXES.len()) % SUBJECTS.len()],
            KINDS[(i / (PREFIXES.len() * SUBJECTS.len())) % KINDS.len()]
        );
        types.push(LicenseType {
            code: format!("{dept_code}{:03}", i % 1000),
            name: if i >= PREFIXES.len() * SUBJECTS.len() * KINDS.len() { format!("{name}（{i}）") } else { name },
            name_en: Some(format!("Generated licence type {i}")),
            dept: Named { name: format!("生成部门{dept_no}"), code: dept_code },
            public: !i.is_multiple_of(10),
            ..template.clone()
        });
        i += 1;
    }
    let catalog = Catalog { types, ..w.catalog.clone() };
    let root = zz_issuer::Key::derive(demo::SEED, "root");
    let mut items = vec![w.trust_cose.clone(), zz_issuer::sign_catalog(&catalog, &root)];
    items.extend(w.status_cose.values().cloned());
    let bundle = zz_issuer::bundle(items.iter().map(Vec::as_slice));
    let dir = out.join("trust");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("roots.txt"), &w.roots_txt).unwrap();
    std::fs::write(dir.join("bundle.zzb"), &bundle).unwrap();
    eprintln!("wrote {} types ({} KB bundle) to {}", catalog.types.len(), bundle.len() / 1024, dir.display());
}
