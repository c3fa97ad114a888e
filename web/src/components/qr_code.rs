//! Text drawn as a QR code.

use yew::prelude::*;

/// `text` as a QR code drawn in SVG (medium error correction, a quiet
/// zone of four modules).
pub fn qr_svg(text: &str, label: &str) -> Html {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M) else {
        return html! {};
    };
    let w = code.width();
    let mut path = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            path.push_str(&format!("M{},{}h1v1h-1z", i % w + 4, i / w + 4));
        }
    }
    let size = w + 8;
    html! {
        <svg class="qr" role="img" aria-label={label.to_owned()} viewBox={format!("0 0 {size} {size}")} width="240" height="240" shape-rendering="crispEdges">
            <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
    }
}
