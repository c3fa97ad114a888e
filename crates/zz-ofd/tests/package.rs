//! Reading OFD packages within SPEC section 12's limits: the real files of
//! shared/testdata/ofd, and hostile archives made here.

mod zipmaker;

use zz_ofd::package::{MAX_ENTRIES, Package, PackageError};

fn testdata(name: &str) -> Vec<u8> {
    let path = format!("{}/../../../shared/testdata/ofd/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn real_packages_open_and_every_file_reads() {
    for f in [
        "v4signed.ofd",
        "signedFile.ofd",
        "allprotected.ofd",
        "SESV4SignDoc.ofd",
        "DigitalSign.ofd",
        "unsigned-helloworld.ofd",
    ] {
        let bytes = testdata(f);
        assert!(zz_ofd::package::looks_like_zip(&bytes), "{f}");
        let p = Package::open(&bytes).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert!(p.contains("OFD.xml"), "{f}");
        for name in p.names().map(str::to_owned).collect::<Vec<_>>() {
            p.read(&name).unwrap_or_else(|e| panic!("{f} {name}: {e}"));
        }
    }
}

#[test]
fn duplicate_names_are_refused() {
    let zip = zipmaker::zip(&[("OFD.xml", b"<a/>", true), ("Doc/x.xml", b"1", false), ("OFD.xml", b"<b/>", true)]);
    assert_eq!(Package::open(&zip).err(), Some(PackageError::DuplicateName("OFD.xml".into())));
    // The same name spelt with a redundant segment is the same file.
    let zip = zipmaker::zip(&[("Doc/x.xml", b"1", false), ("Doc/./x.xml", b"2", false)]);
    assert!(matches!(Package::open(&zip), Err(PackageError::DuplicateName(_))));
}

#[test]
fn names_that_leave_the_root_are_refused() {
    for bad in ["../evil.xml", "/abs.xml", "Doc\\x.xml", "a/../../x"] {
        let zip = zipmaker::zip(&[("OFD.xml", b"<a/>", false), (bad, b"x", false)]);
        assert!(matches!(Package::open(&zip), Err(PackageError::UnsafePath(_))), "{bad}");
    }
}

#[test]
fn a_deflate_bomb_is_stopped_while_inflating() {
    // 70 MiB of zeros deflate to about 70 KB; the central directory claims
    // a small size, as a hostile archive would.
    let zeros = vec![0u8; 70 << 20];
    let mut zip = zipmaker::zip(&[("OFD.xml", &zeros, true)]);
    zipmaker::lie_about_size(&mut zip, "OFD.xml", 100);
    let p = Package::open(&zip).unwrap();
    // Inflating stops at the 100 bytes claimed: the entry is damaged.
    assert_eq!(p.read("OFD.xml").err(), Some(PackageError::Corrupt("OFD.xml".into())));
    // Claiming the 64 MiB cap: inflating stops there, over the limits.
    let mut zip = zipmaker::zip(&[("OFD.xml", &zeros, true)]);
    zipmaker::lie_about_size(&mut zip, "OFD.xml", 64 << 20);
    let p = Package::open(&zip).unwrap();
    assert!(p.read("OFD.xml").is_err());
    // Telling the truth does not help: over 64 MiB is refused up front.
    let zip = zipmaker::zip(&[("OFD.xml", &zeros, true)]);
    assert_eq!(Package::open(&zip).err(), Some(PackageError::TooLarge));
}

#[test]
fn all_entries_together_are_capped() {
    // Five entries of 60 MiB each: each under the 64 MiB cap, 300 MiB in
    // all, refused up front from the sizes the directory declares.
    let big = vec![7u8; 60 << 20];
    let files: Vec<(String, &[u8], bool)> = (0..5).map(|i| (format!("f{i}"), big.as_slice(), true)).collect();
    let refs: Vec<(&str, &[u8], bool)> = files.iter().map(|(n, b, d)| (n.as_str(), *b, *d)).collect();
    let zip = zipmaker::zip(&refs);
    let start = std::time::Instant::now();
    assert_eq!(Package::open(&zip).err(), Some(PackageError::TooLarge));
    assert!(start.elapsed() < std::time::Duration::from_millis(500), "nothing inflated: {:?}", start.elapsed());
    // Four of them (240 MiB) open; the total is kept while inflating, and
    // a file read again (several signatures reference it) costs nothing more.
    let zip = zipmaker::zip(&refs[..4]);
    let p = Package::open(&zip).unwrap();
    for _ in 0..5 {
        assert_eq!(p.read("f0").map(|v| v.len()), Ok(60 << 20));
    }
    // Names found ignoring case, through an index (not a scan per lookup).
    assert_eq!(p.lookup("F3"), Some("f3"));
    assert_eq!(p.lookup("f9"), None);
}

#[test]
fn names_that_differ_only_in_case_are_refused() {
    let zip = zipmaker::zip(&[
        ("Doc_0/Pages/Page_0/Content.xml", b"<a/>", false),
        ("doc_0/pages/page_0/content.xml", b"<b/>", false),
    ]);
    assert!(matches!(Package::open(&zip), Err(PackageError::DuplicateName(_))), "{:?}", Package::open(&zip).err());
}

#[test]
fn a_file_that_lies_about_its_size_fails_the_package() {
    // A valid demo OFD whose page's declared size is cut: reading it stops
    // at the size claimed, and the whole file is an `ofd-package` failure.
    let w = zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW);
    let ofd = zz_issuer::demo::ofd::ofd_world(&w);
    let data = &ofd.samples.iter().find(|s| s.name == "ofd-valid-business-license").unwrap().data;
    let mut zip = data.clone();
    zipmaker::lie_about_size(&mut zip, "Doc_0/Pages/Page_0/Content.xml", 10);
    let roots = zz_ofd::cert::parse_pem(&ofd.roots_pem).unwrap();
    let bundle = zz_core::Bundle::load(&w.bundle, &zz_core::Roots::parse(&w.roots_txt).unwrap(), None).unwrap();
    let r = zz_ofd::verify(
        &zip,
        &zz_ofd::Options { roots: &roots, now: w.now, zz1: Some(zz_core::Context::new(&bundle, w.now)) },
    );
    assert_eq!(r.verdict, zz_core::Verdict::Invalid);
    let package = r.checks.iter().find(|c| c.id == zz_core::CheckId::OfdPackage).unwrap();
    assert_eq!(package.outcome, zz_core::Outcome::Fail, "{r:#?}");
    assert!(package.en.contains("Content.xml"), "{}", package.en);
}

#[test]
fn too_many_entries_and_damage_are_refused() {
    // SPEC 12's number, not the constant's: at most 10,000 entries.
    assert_eq!(MAX_ENTRIES, 10_000);
    for count in [10_001, 100_000] {
        let names: Vec<String> = (0..count).map(|i| format!("f{i}")).collect();
        let files: Vec<(&str, &[u8], bool)> = names.iter().map(|n| (n.as_str(), &b""[..], false)).collect();
        let start = std::time::Instant::now();
        assert_eq!(Package::open(&zipmaker::zip(&files)).err(), Some(PackageError::TooManyEntries), "{count}");
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
    // Exactly 10,000 is still read.
    let names: Vec<String> = (0..10_000).map(|i| format!("f{i}")).collect();
    let files: Vec<(&str, &[u8], bool)> = names.iter().map(|n| (n.as_str(), &b""[..], false)).collect();
    assert_eq!(Package::open(&zipmaker::zip(&files)).map(|p| p.names().count()).ok(), Some(10_000));
    // A flipped byte in a stored file: its CRC-32 no longer matches.
    let mut zip = zipmaker::zip(&[("OFD.xml", b"<ofd/>", false)]);
    let at = zip.windows(6).position(|w| w == b"<ofd/>").unwrap();
    zip[at + 1] ^= 1;
    let p = Package::open(&zip).unwrap();
    assert_eq!(p.read("OFD.xml").err(), Some(PackageError::Corrupt("OFD.xml".into())));
    assert!(Package::open(b"PK\x03\x04 not really").is_err());
    assert!(Package::open(&[]).is_err());
}
