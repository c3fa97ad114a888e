//! The page of an OFD e-license: its face laid out from the catalog
//! template (title, holder, fields with their labels, issuer and dates)
//! and the QR code, as OFD page content (text, paths, one image).

use zz_core::model::{License, LicenseType};

use super::{NS, esc};

/// The page, millimetres (landscape, as license faces are).
pub const PAGE_W: f64 = 210.0;
pub const PAGE_H: f64 = 148.0;
/// Resource ids of `PublicRes.xml` and `DocumentRes.xml`.
pub const FONT_SONG: u32 = 2;
pub const FONT_HEI: u32 = 3;
pub const QR_IMAGE: u32 = 4;
/// Where the QR code and the seal go.
pub const QR_BOX: super::Boundary = super::Boundary(160.0, 38.0, 38.0, 38.0);
pub const STAMP_BOX: super::Boundary = super::Boundary(146.0, 96.0, 40.0, 40.0);

/// Roughly how wide text is at `size` mm: CJK full width, ASCII half.
fn width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum::<f64>() * size
}

/// At most `n` characters, with an ellipsis when cut.
fn cut(text: &str, n: usize) -> String {
    if text.chars().count() <= n { text.to_owned() } else { text.chars().take(n - 1).chain(['…']).collect() }
}

struct Page {
    xml: String,
    next_id: u32,
}

impl Page {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn text(&mut self, x: f64, y: f64, size: f64, font: u32, color: &str, text: &str) {
        let id = self.id();
        let w = width(text, size).max(1.0);
        self.xml.push_str(&format!(
            "      <ofd:TextObject ID=\"{id}\" Boundary=\"{x:.2} {:.2} {:.2} {:.2}\" Font=\"{font}\" Size=\"{size}\">\n        \
             <ofd:FillColor Value=\"{color}\"/>\n        <ofd:TextCode X=\"0\" Y=\"{:.2}\">{}</ofd:TextCode>\n      </ofd:TextObject>\n",
            y - size,
            w + 1.0,
            size * 1.3,
            size,
            esc(text)
        ));
    }

    fn rect(&mut self, b: super::Boundary, line: f64, color: &str) {
        let id = self.id();
        self.xml.push_str(&format!(
            "      <ofd:PathObject ID=\"{id}\" Boundary=\"{b}\" LineWidth=\"{line}\" Stroke=\"true\" Fill=\"false\">\n        \
             <ofd:StrokeColor Value=\"{color}\"/>\n        <ofd:AbbreviatedData>M 0 0 L {w} 0 L {w} {h} L 0 {h} C</ofd:AbbreviatedData>\n      \
             </ofd:PathObject>\n",
            w = b.2,
            h = b.3
        ));
    }

    fn line(&mut self, x: f64, y: f64, w: f64, color: &str) {
        let id = self.id();
        self.xml.push_str(&format!(
            "      <ofd:PathObject ID=\"{id}\" Boundary=\"{x} {y} {w} 1\" LineWidth=\"0.3\">\n        \
             <ofd:StrokeColor Value=\"{color}\"/>\n        <ofd:AbbreviatedData>M 0 0 L {w} 0</ofd:AbbreviatedData>\n      </ofd:PathObject>\n"
        ));
    }
}

/// The page content of a license's face.
pub fn content(license: &License, ty: Option<&LicenseType>, qr: bool) -> String {
    const INK: &str = "30 30 30";
    const FRAME: &str = "160 40 30";
    const GREY: &str = "110 110 110";
    let mut p = Page { xml: String::new(), next_id: 10 };
    p.rect(super::Boundary(6.0, 6.0, PAGE_W - 12.0, PAGE_H - 12.0), 0.8, FRAME);
    p.rect(super::Boundary(8.0, 8.0, PAGE_W - 16.0, PAGE_H - 16.0), 0.3, FRAME);
    let title = ty.map_or(license.type_code.as_str(), |t| t.name.as_str());
    let title = cut(title, 16);
    p.text((PAGE_W - width(&title, 9.0)) / 2.0, 26.0, 9.0, FONT_HEI, INK, &title);
    if let Some(en) = ty.and_then(|t| t.name_en.as_deref()) {
        let en = cut(en, 60);
        p.text((PAGE_W - width(&en, 3.2)) / 2.0, 32.0, 3.2, FONT_SONG, GREY, &en);
    }
    let label = |key: &str| -> String {
        ty.and_then(|t| t.fields.iter().find(|f| f.key == key)).map_or_else(|| key.to_owned(), |f| f.label.clone())
    };
    let mut lines: Vec<(String, String)> = vec![
        ("证照编号".into(), license.no.clone()),
        ("持证主体".into(), license.holder.name.clone()),
        ("证件号码".into(), license.holder.id.clone()),
    ];
    lines.extend(license.fields.iter().map(|(k, v)| (label(k), v.display())));
    let valid_to = license.valid_to.map_or_else(|| "长期".to_owned(), |d| d.zh());
    lines.push(("有效期限".into(), format!("{} 至 {valid_to}", license.valid_from.zh())));
    // The validity always shows, after as many lines as fit.
    let max_lines = 11;
    if lines.len() > max_lines {
        let last = lines.remove(lines.len() - 1);
        lines.truncate(max_lines - 1);
        lines.push(last);
    }
    let mut y = 42.0;
    for (label, value) in &lines {
        p.text(18.0, y, 3.8, FONT_HEI, GREY, &cut(label, 8));
        p.text(52.0, y, 4.0, FONT_SONG, INK, &cut(value, 22));
        y += 7.6;
    }
    if qr {
        let b = QR_BOX;
        let id = p.id();
        p.xml.push_str(&format!(
            "      <ofd:ImageObject ID=\"{id}\" Boundary=\"{b}\" CTM=\"{} 0 0 {} 0 0\" ResourceID=\"{QR_IMAGE}\"/>\n",
            b.2, b.3
        ));
        p.text(b.0 + 3.0, b.1 + b.3 + 5.0, 3.0, FONT_SONG, GREY, "扫码核验 Scan to verify");
    }
    p.line(120.0, 112.0, 80.0, GREY);
    let issuer = cut(&license.issuer.name, 18);
    p.text(196.0 - width(&issuer, 4.5), 121.0, 4.5, FONT_SONG, INK, &issuer);
    let issued = license.issued.zh();
    p.text(196.0 - width(&issued, 4.2), 129.0, 4.2, FONT_SONG, INK, &issued);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"{NS}\">\n  <ofd:Content>\n    \
         <ofd:Layer ID=\"10\">\n{}    </ofd:Layer>\n  </ofd:Content>\n</ofd:Page>\n",
        p.xml
    )
}
