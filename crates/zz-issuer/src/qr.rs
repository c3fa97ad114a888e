//! QR images of `ZZ1:` text: alphanumeric mode, error correction Q
//! (SPEC section 3), written as PNG.

use image::{GrayImage, ImageFormat, Luma};
use qrcode::bits::Bits;
use qrcode::types::{Color, QrError};
use qrcode::{EcLevel, QrCode, Version};

/// Module size in pixels and quiet zone in modules of written images.
pub const MODULE_PX: u32 = 4;
pub const QUIET_ZONE: u32 = 4;

/// The smallest QR code holding `text` in one alphanumeric segment at
/// error correction Q. (qrcode's own constructor may split the data into
/// several segments; ZZ1 asks for alphanumeric mode.)
pub fn encode(text: &str) -> Result<QrCode, QrError> {
    for v in 1..=40 {
        let mut bits = Bits::new(Version::Normal(v));
        let fits = bits.push_alphanumeric_data(text.as_bytes()).and_then(|()| bits.push_terminator(EcLevel::Q));
        match fits {
            Ok(()) => return QrCode::with_bits(bits, EcLevel::Q),
            Err(QrError::DataTooLong) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(QrError::DataTooLong)
}

/// Renders a code as a grey image with a quiet zone.
pub fn render(code: &QrCode, module_px: u32) -> GrayImage {
    let width = code.width() as u32;
    let colors = code.to_colors();
    let side = (width + 2 * QUIET_ZONE) * module_px;
    GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / module_px, y / module_px);
        let dark = mx >= QUIET_ZONE
            && my >= QUIET_ZONE
            && mx < QUIET_ZONE + width
            && my < QUIET_ZONE + width
            && colors[((my - QUIET_ZONE) * width + (mx - QUIET_ZONE)) as usize] == Color::Dark;
        Luma([if dark { 0 } else { 255 }])
    })
}

/// A PNG image of the QR code of `text`.
pub fn png(text: &str) -> Result<Vec<u8>, String> {
    let code = encode(text).map_err(|e| format!("cannot make a QR code: {e}"))?;
    let mut out = std::io::Cursor::new(Vec::new());
    render(&code, MODULE_PX).write_to(&mut out, ImageFormat::Png).map_err(|e| format!("cannot write PNG: {e}"))?;
    Ok(out.into_inner())
}
