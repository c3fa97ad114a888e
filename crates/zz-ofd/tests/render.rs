//! Drawing pages: the demo e-license's face with its seal, nothing of an
//! invalid file, nothing uncovered, and the real files of shared/testdata.

use zz_core::{Bundle, Roots, UnixTime};
use zz_issuer::demo;
use zz_ofd::render::{RenderError, render};
use zz_ofd::{Options, cert, verify};

/// Runs `f` with the demo OFD files and the options that verify them
/// (the demo SM2 roots and trust data, at the demo's time).
fn with_demo(f: impl FnOnce(&demo::ofd::OfdWorld, &Options<'_>)) {
    let w = demo::world(demo::DEFAULT_NOW);
    let o = demo::ofd::ofd_world(&w);
    let roots = cert::parse_pem(&o.roots_pem).unwrap();
    let bundle = Bundle::load(&w.bundle, &Roots::parse(&w.roots_txt).unwrap(), None).unwrap();
    f(&o, &Options { roots: &roots, now: w.now, zz1: Some(zz_core::Context::new(&bundle, w.now)) });
}

#[test]
fn the_demo_face_is_drawn_with_its_seal_and_an_invalid_file_is_not() {
    with_demo(|o, opts| {
        let get = |n: &str| &o.samples.iter().find(|s| s.name == n).unwrap().data;
        let valid = get("ofd-valid-business-license");
        let page = render(valid, &verify(valid, opts), 0).unwrap();
        assert_eq!((page.pages, page.seals), (1, 1));
        assert!(page.not_covered.is_empty(), "{:?}", page.not_covered);
        assert!(page.svg.contains("营业执照") && page.svg.contains("上海市市场监督管理局"));
        assert_eq!(page.svg.matches("data:image/png;base64,").count(), 2, "the QR code and the seal");
        assert!(page.svg.starts_with("<svg") && page.svg.ends_with("</svg>"));
        assert_eq!(render(valid, &verify(valid, opts), 1), Err(RenderError::NoPage));
        for name in ["ofd-invalid-tampered-page", "ofd-invalid-revoked-license", "ofd-invalid-unsigned"] {
            let b = get(name);
            assert_eq!(render(b, &verify(b, opts), 0), Err(RenderError::Invalid), "{name}");
        }
    });
}

#[test]
fn the_real_files_draw_within_limits() {
    let now = UnixTime::from_secs(1_795_311_000);
    for (f, seals) in [("v4signed.ofd", 1), ("signedFile.ofd", 1), ("allprotected.ofd", 1), ("DigitalSign.ofd", 0)] {
        let path = format!("{}/../../../shared/testdata/ofd/{f}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        let r = verify(&bytes, &Options { roots: &[], now, zz1: None });
        let page = render(&bytes, &r, 0).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert!(page.svg.len() > 200, "{f}");
        assert!(page.seals >= seals, "{f}: {} seals", page.seals);
    }
}

#[test]
fn the_holders_id_is_masked_on_the_drawn_page_until_asked_for() {
    with_demo(|o, opts| {
        let valid = &o.samples.iter().find(|s| s.name == "ofd-valid-business-license").unwrap().data;
        let r = verify(valid, opts);
        let id = r.license.as_ref().unwrap().license.as_ref().unwrap().holder.id.clone();
        assert_eq!(id.len(), 18);
        let full = render(valid, &r, 0).unwrap();
        assert!(full.svg.contains(&id), "the face draws the USCC");
        let masked = zz_ofd::render::render_masked(valid, &r, 0, &[&id]).unwrap();
        assert!(!masked.svg.contains(&id));
        let shown = format!("{}{}{}", &id[..3], "*".repeat(11), &id[14..]);
        assert!(masked.svg.contains(&shown), "{shown}");
        // Only the ID changed.
        assert_eq!(masked.svg.replace(&shown, &id), full.svg);
    });
}
