use zz_catalog::{CatalogIndex, Filter};
use zz_core::model::{HolderType, Level};
use zz_issuer::demo;

fn names(cat: &zz_core::model::Catalog, hits: &[usize]) -> Vec<String> {
    hits.iter().map(|&i| cat.types[i].name.clone()).collect()
}

#[test]
fn search_by_name_code_initials_and_english() {
    let w = demo::world(demo::DEFAULT_NOW);
    let cat = &w.catalog;
    let idx = CatalogIndex::new(cat);
    let f = Filter::default();
    assert_eq!(names(cat, &idx.search(cat, "yyzz", &f)), ["营业执照"]);
    assert_eq!(names(cat, &idx.search(cat, "YYZZ", &f)), ["营业执照"]);
    assert_eq!(names(cat, &idx.search(cat, "营业", &f)), ["营业执照", "营业性演出许可证"]);
    assert!(names(cat, &idx.search(cat, "许可证", &f)).len() >= 8);
    let code = &cat.types.iter().find(|t| t.name == "结婚证").unwrap().code;
    assert_eq!(names(cat, &idx.search(cat, code, &f)), ["结婚证"]);
    assert_eq!(names(cat, &idx.search(cat, "driving", &f)), ["机动车驾驶证"]);
    assert_eq!(names(cat, &idx.search(cat, "jdcjsz", &f)), ["机动车驾驶证"]);
    // Full pinyin, and mixes of full pinyin and initials.
    assert_eq!(names(cat, &idx.search(cat, "yingye", &f))[0], "营业执照");
    assert_eq!(names(cat, &idx.search(cat, "yingyezhizhao", &f)), ["营业执照"]);
    assert_eq!(names(cat, &idx.search(cat, "jiashizheng", &f)), ["机动车驾驶证"]);
    assert_eq!(names(cat, &idx.search(cat, "jdcjiashi", &f)), ["机动车驾驶证"]);
    assert!(idx.search(cat, "no such thing", &f).is_empty());
}

#[test]
fn every_character_of_the_demo_catalog_has_a_reading() {
    let w = demo::world(demo::DEFAULT_NOW);
    for t in &w.catalog.types {
        for c in t.name.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
            assert_ne!(zz_catalog::readings(c)[0], "", "{c} in {}", t.name);
        }
    }
}

#[test]
fn filters_and_public_flag() {
    let w = demo::world(demo::DEFAULT_NOW);
    let cat = &w.catalog;
    let idx = CatalogIndex::new(cat);
    let all = idx.search(cat, "", &Filter::default());
    let public = cat.types.iter().filter(|t| t.public).count();
    assert_eq!(all.len(), public);
    assert!(public < cat.types.len(), "the demo has non-public types");
    assert!(all.iter().all(|&i| cat.types[i].public));
    let staff = idx.search(cat, "", &Filter { include_non_public: true, ..Filter::default() });
    assert_eq!(staff.len(), cat.types.len());
    let persons = idx.search(cat, "", &Filter { holder: Some(HolderType::Person), ..Filter::default() });
    assert!(persons.iter().all(|&i| cat.types[i].holder_types.contains(&HolderType::Person)));
    let province = idx.search(cat, "", &Filter { level: Some(Level::Province), ..Filter::default() });
    assert!(!province.is_empty() && province.iter().all(|&i| cat.types[i].level == Level::Province));
    let dept = cat.types[0].dept.code.clone();
    let by_dept = idx.search(cat, "", &Filter { dept: Some(dept.clone()), ..Filter::default() });
    assert!(by_dept.len() >= 3 && by_dept.iter().all(|&i| cat.types[i].dept.code == dept));
}

#[test]
fn top_matches_are_the_first_of_the_full_order() {
    let w = demo::world(demo::DEFAULT_NOW);
    let cat = &w.catalog;
    let idx = CatalogIndex::new(cat);
    for q in ["", "证", "许可证", "z", "1"] {
        let all = idx.search(cat, q, &Filter::default());
        for limit in [0, 1, 5, 1000] {
            let (total, top) = idx.search_top(cat, q, &Filter::default(), limit);
            assert_eq!(total, all.len(), "{q}");
            assert_eq!(top, all[..limit.min(all.len())], "{q} {limit}");
        }
    }
}
