//! Camera frames without a code: no finder-pattern candidates, nothing
//! read, and no slow pass; the same frame with a code still reads.

use image::{GrayImage, Luma};
use zz_issuer::demo;

fn text() -> String {
    demo::world(demo::DEFAULT_NOW).zz1_texts().find(|t| t.len() < 1200).unwrap_or_default()
}

#[path = "support/desk.rs"]
mod desk;
use desk::desk;

#[test]
fn a_desk_without_a_code_has_no_candidates_and_reads_nothing() {
    for seed in 0..4 {
        let frame = desk(640, 480, seed);
        assert_eq!(zz_qr::finder_candidates(&frame, 640, 480), [0; 6], "seed {seed}");
        for n in 0..7 {
            assert!(zz_qr::decode_frame(frame.clone(), 640, 480, n).is_empty());
        }
    }
    assert_eq!(zz_qr::finder_candidates(&[1, 2, 3], 2, 2), [0; 6]);
    assert_eq!(zz_qr::finder_candidates(&[], 0, 0), [0; 6]);
}

/// The same desk with a code on it (dark on light, then light on dark):
/// candidates in the matching binarizations, and every frame reads it.
#[test]
fn a_code_on_the_desk_has_candidates_and_reads_on_every_frame() {
    let t = text();
    let code = zz_issuer::qr::render(&zz_issuer::qr::encode(&t).unwrap(), 3);
    for inverted in [false, true] {
        let mut frame = GrayImage::from_raw(640, 480, desk(640, 480, 1)).unwrap();
        for (x, y, p) in code.enumerate_pixels() {
            let v = if inverted { 255 - p[0] } else { p[0] };
            frame.put_pixel(x + 120, y + 60, Luma([v]));
        }
        let frame = frame.into_raw();
        let candidates = zz_qr::finder_candidates(&frame, 640, 480);
        // The hybrid binarizer of the frame, or of the inverted frame.
        let hybrid = if inverted { candidates[3] } else { candidates[0] };
        assert!(hybrid >= 3, "inverted {inverted}: {candidates:?}");
        for n in 0..7 {
            assert_eq!(zz_qr::decode_frame(frame.clone(), 640, 480, n), vec![t.clone()], "inverted {inverted}, n {n}");
        }
    }
}
