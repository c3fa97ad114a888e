//! Writes the hostile OFD files of issue 10 into DIR, for scripts/bench.sh
//! to verify each with `zz verify` under /usr/bin/time (time and peak
//! memory): a deflate bomb whose directory lies about its size, 10^5
//! entries, billion laughs in OFD.xml, a 2^31 DER length and 10^5 nested
//! DER SEQUENCEs as the seal signature, and the sealed demo file for
//! comparison.

#[path = "../tests/zipmaker/mod.rs"]
mod zipmaker;

use zz_issuer::demo;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: hostile_ofds DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    let w = demo::world(demo::DEFAULT_NOW);
    let valid =
        demo::ofd::ofd_world(&w).samples.into_iter().find(|s| s.name == "ofd-valid-business-license").unwrap().data;
    let mut files: Vec<(&str, Vec<u8>)> = vec![("sealed-demo.ofd", valid.clone())];

    let zeros = vec![0u8; 1 << 30];
    let mut bomb = zipmaker::zip(&[("OFD.xml", &zeros, true)]);
    zipmaker::lie_about_size(&mut bomb, "OFD.xml", 100);
    drop(zeros);
    files.push(("bomb-1GiB-claims-100-bytes.ofd", bomb));

    let names: Vec<String> = (0..100_000).map(|i| format!("Doc_0/f{i}.xml")).collect();
    let mut entries: Vec<(&str, &[u8], bool)> = vec![("OFD.xml", b"<ofd:OFD xmlns:ofd=\"x\"/>", false)];
    entries.extend(names.iter().map(|n| (n.as_str(), &b"<x/>"[..], false)));
    files.push(("entries-100000.ofd", zipmaker::zip(&entries)));

    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"{}\">{}]><ofd:OFD xmlns:ofd=\"x\"><ofd:DocBody><ofd:DocRoot>&j;</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "lol".repeat(10),
        (b'b'..=b'j')
            .map(|c| format!("<!ENTITY {} \"{}\">", c as char, format!("&{};", (c - 1) as char).repeat(10)))
            .collect::<String>()
    );
    files.push(("billion-laughs.ofd", zipmaker::with_file(&valid, "OFD.xml", laughs.into_bytes())));

    let mut huge = vec![0x30, 0x84, 0x80, 0, 0, 0];
    huge.extend([0u8; 64]);
    files.push(("der-length-2-31.ofd", zipmaker::with_file(&valid, "Doc_0/Signs/Sign_0/SignedValue.dat", huge)));
    let mut deep = Vec::new();
    for i in (0..100_000u32).rev() {
        deep.extend([0x30, 0x84]);
        deep.extend((6 * i).to_be_bytes());
    }
    files.push(("der-nested-100000.ofd", zipmaker::with_file(&valid, "Doc_0/Signs/Sign_0/SignedValue.dat", deep)));

    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    println!("{} files in {}", files.len(), dir.display());
}
