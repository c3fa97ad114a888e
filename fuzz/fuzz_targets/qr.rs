//! QR decoding of arbitrary grey frames and image files (what a camera or
//! an upload hands the decoder): must never panic, hang or blow up memory.
//! Input: one byte of frame width (1–255), then the frame's pixels, row by
//! row; the same bytes are also tried as an image file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = zz_qr::decode_image(data);
    if let [w, pixels @ ..] = data {
        let width = u32::from(*w).max(1);
        let height = pixels.len() as u32 / width;
        if height > 0 {
            let frame = pixels[..(width * height) as usize].to_vec();
            let _ = zz_qr::decode_luma(frame.clone(), width, height);
            let _ = zz_qr::decode_frame(frame, width, height, u32::from(pixels[0]));
        }
    }
});
