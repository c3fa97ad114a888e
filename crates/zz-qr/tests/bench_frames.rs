//! Frames of the generated benchmark sets that a decoding pass once missed
//! (`qr_bench_set`'s own drawing, as a module: each frame is made again, with
//! the frames before it for the random draws to match).

#[allow(dead_code, clippy::all)]
#[path = "../examples/qr_bench_set.rs"]
mod set;

/// A steep perspective where the two size estimates disagree and the
/// version bits are unreadable on the grid of the one taken: rxing's
/// detector gave up (vendor/rxing/PATCHED.md); zxing-cpp at its best reads
/// both.
#[test]
fn reads_steep_perspectives_whose_size_estimates_disagree() {
    for (seed, n, width) in [(11, 5, 640), (22, 17, 1280)] {
        let (img, want) = set::frame(seed, 30, "perspective", n, width).expect("a frame of the set");
        let (w, h) = img.dimensions();
        let found = zz_qr::decode_luma(img.into_raw(), w, h);
        assert!(!want.is_empty());
        for p in &want {
            assert!(found.contains(p), "seed {seed} perspective/{n:02}-{width}: read {found:?}");
        }
    }
}
