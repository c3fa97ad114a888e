//! Drawing an OFD page as SVG from what its signatures cover: text (with
//! the reader's fonts: CJK fonts are too big to ship), paths, images, and
//! each seal's picture at its `StampAnnot`. Content a valid signature does
//! not cover is not drawn; an invalid file is not drawn at all.
//!
//! Hand-written because no crate renders OFD: `ofd-core` and `sofd` parse
//! structure but draw nothing, and a full renderer (fonts, clipping,
//! shadings, composite objects) is far more than a verifier needs to show
//! the face it verified. Bounded: objects, nesting and output size.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use base64::Engine;
use roxmltree::Node;
use zz_core::Verdict;

use crate::document;
use crate::package::{Package, resolve};
use crate::ses;
use crate::verify::OfdReport;
use crate::xml::{attr, child, child_text, children, parse};

/// At most this many objects are drawn on a page.
pub const MAX_OBJECTS: usize = 20_000;
/// At most this depth of nested page blocks.
pub const MAX_DEPTH: usize = 16;
/// At most this much SVG (images included, as base64).
pub const MAX_SVG: usize = 24 << 20;

/// Why a page is not drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenderError {
    /// The file is invalid: it shows no face.
    Invalid,
    /// The package or its structure cannot be read.
    Unreadable(String),
    /// There is no such page.
    NoPage,
    /// The page is over a limit.
    TooLarge,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Invalid => f.write_str("the file is invalid: its page is not drawn"),
            RenderError::Unreadable(why) => write!(f, "the file cannot be read: {why}"),
            RenderError::NoPage => f.write_str("there is no such page"),
            RenderError::TooLarge => f.write_str("the page is over the drawing limits"),
        }
    }
}

/// A drawn page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub svg: String,
    /// How many pages the first document has.
    pub pages: usize,
    /// Parts not drawn because no valid signature covers them (page
    /// content, images, templates).
    pub not_covered: Vec<String>,
    /// Seal pictures drawn.
    pub seals: usize,
}

struct Res {
    fonts: BTreeMap<String, (String, bool, bool)>,
    /// Media by id: the file.
    media: BTreeMap<String, String>,
}

fn numbers(s: &str) -> Vec<f64> {
    s.split_ascii_whitespace().filter_map(|x| x.parse::<f64>().ok()).filter(|x| x.is_finite()).collect()
}

fn boundary(n: Node<'_, '_>) -> Option<[f64; 4]> {
    let v = numbers(attr(n, "Boundary")?);
    Some([*v.first()?, *v.get(1)?, *v.get(2)?, *v.get(3)?])
}

fn esc(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn color(n: Option<Node<'_, '_>>, default: &str) -> String {
    let Some(v) = n.and_then(|n| attr(n, "Value")) else { return default.to_owned() };
    let c = numbers(v);
    match c.as_slice() {
        [r, g, b, ..] => format!("rgb({},{},{})", r.clamp(0.0, 255.0), g.clamp(0.0, 255.0), b.clamp(0.0, 255.0)),
        [g] => format!("rgb({0},{0},{0})", g.clamp(0.0, 255.0)),
        _ => default.to_owned(),
    }
}

/// `DeltaX`/`DeltaY`: numbers, with `g N V` meaning V repeated N times.
/// Characters past the values given keep the last value (GB/T 33190).
fn deltas(s: &str, max: usize) -> Vec<f64> {
    let mut out = Vec::new();
    let mut it = s.split_ascii_whitespace();
    while let Some(tok) = it.next() {
        if out.len() >= max {
            break;
        }
        if tok == "g" {
            let n = it.next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(0).min(max);
            let v = it.next().and_then(|v| v.parse::<f64>().ok()).filter(|v| v.is_finite()).unwrap_or(0.0);
            out.extend(std::iter::repeat_n(v, n.min(max - out.len())));
        } else if let Ok(v) = tok.parse::<f64>()
            && v.is_finite()
        {
            out.push(v);
        }
    }
    out
}

/// `AbbreviatedData` as an SVG path: S/M move, L line, Q quadratic, B
/// cubic, A arc (the same parameters as SVG's), C close.
fn path_data(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.split_ascii_whitespace().peekable();
    while let Some(op) = it.next() {
        let (svg, n) = match op {
            "S" | "M" => ("M", 2),
            "L" => ("L", 2),
            "Q" => ("Q", 4),
            "B" => ("C", 6),
            "A" => ("A", 7),
            "C" => ("Z", 0),
            _ => continue,
        };
        let mut args = Vec::with_capacity(n);
        while args.len() < n {
            match it.peek().and_then(|t| t.parse::<f64>().ok()).filter(|v| v.is_finite()) {
                Some(v) => {
                    args.push(v);
                    it.next();
                }
                None => break,
            }
        }
        if args.len() == n {
            out.push_str(svg);
            for a in args {
                let _ = write!(out, " {a}");
            }
            out.push(' ');
        }
        if out.len() > 1 << 20 {
            break;
        }
    }
    out
}

fn font_family(name: &str) -> String {
    let generic = if ["黑", "Hei", "hei", "Sans", "sans", "Arial", "雅黑"].iter().any(|k| name.contains(k)) {
        "'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif"
    } else if ["楷", "Kai", "kai"].iter().any(|k| name.contains(k)) {
        "KaiTi,'STKaiti',serif"
    } else {
        "SimSun,'Songti SC','Noto Serif CJK SC',serif"
    };
    let own: String = name.chars().filter(|c| !matches!(c, '\'' | '"' | ';' | '<' | '>' | '&' | '\\')).collect();
    if own.is_empty() { generic.to_owned() } else { format!("'{own}',{generic}") }
}

fn media_type(file: &str, data: &[u8]) -> &'static str {
    if data.starts_with(b"\x89PNG") {
        "image/png"
    } else if data.starts_with(&[0xff, 0xd8]) {
        "image/jpeg"
    } else if data.starts_with(b"GIF8") {
        "image/gif"
    } else if data.starts_with(b"BM") {
        "image/bmp"
    } else if file.to_ascii_lowercase().ends_with(".svg") {
        "image/svg+xml"
    } else {
        "application/octet-stream"
    }
}

fn data_uri(file: &str, data: &[u8]) -> Option<String> {
    let mt = media_type(file, data);
    // SVG pictures could carry script or links: drawn only as images of
    // a known raster type.
    (mt.starts_with("image/") && mt != "image/svg+xml")
        .then(|| format!("data:{mt};base64,{}", base64::engine::general_purpose::STANDARD.encode(data)))
}

/// What a page's text must not show in full: each string is drawn with
/// every character but its first three and last four as `*` (the face's
/// masking), wherever one text object holds it, even split over several
/// `TextCode`s.
pub type Mask<'m> = &'m [&'m str];

struct Drawer<'p, 'a> {
    p: &'p Package<'a>,
    mask: Mask<'p>,
    res: Res,
    covered: BTreeSet<String>,
    out: String,
    objects: usize,
    not_covered: BTreeSet<String>,
}

impl Drawer<'_, '_> {
    fn is_covered(&self, file: &str) -> bool {
        self.covered.contains(file)
    }

    fn load_res(&mut self, base: &str, path: Option<&str>) {
        let Some(file) = path.and_then(|x| resolve(base, x)).and_then(|x| self.p.lookup(&x).map(str::to_owned)) else {
            return;
        };
        let Ok(bytes) = self.p.read(&file) else { return };
        let Ok(xml) = parse(&bytes) else { return };
        let root = xml.root_element();
        let dir = match attr(root, "BaseLoc").and_then(|b| resolve(&file, b)) {
            Some(d) => format!("{d}/_"),
            None => file.clone(),
        };
        for n in root.descendants().filter(|n| n.is_element()) {
            let Some(id) = attr(n, "ID") else { continue };
            match n.tag_name().name() {
                "Font" => {
                    let name = attr(n, "FamilyName").or_else(|| attr(n, "FontName")).unwrap_or_default();
                    let yes = |a| attr(n, a).is_some_and(|v| v.trim() == "true");
                    self.res.fonts.insert(id.to_owned(), (name.to_owned(), yes("Bold"), yes("Italic")));
                }
                "MultiMedia" => {
                    if let Some(f) = child_text(n, "MediaFile").and_then(|f| resolve(&dir, f)) {
                        self.res.media.insert(id.to_owned(), f);
                    }
                }
                _ => {}
            }
        }
    }

    fn budget(&mut self) -> Result<(), RenderError> {
        self.objects += 1;
        if self.objects > MAX_OBJECTS || self.out.len() > MAX_SVG {
            return Err(RenderError::TooLarge);
        }
        Ok(())
    }

    fn group_open(&mut self, n: Node<'_, '_>, b: [f64; 4]) {
        let _ = write!(self.out, "<g transform=\"translate({} {})", b[0], b[1]);
        if let Some(ctm) = attr(n, "CTM").map(numbers)
            && let [a, bb, c, d, e, f] = ctm.as_slice()
        {
            let _ = write!(self.out, " matrix({a} {bb} {c} {d} {e} {f})");
        }
        self.out.push_str("\">");
    }

    fn objects(&mut self, parent: Node<'_, '_>, depth: usize) -> Result<(), RenderError> {
        if depth > MAX_DEPTH {
            return Err(RenderError::TooLarge);
        }
        for n in parent.children().filter(|n| n.is_element()) {
            match n.tag_name().name() {
                "TextObject" => self.text(n)?,
                "PathObject" => self.path(n)?,
                "ImageObject" => self.image(n)?,
                "PageBlock" | "Layer" => self.objects(n, depth + 1)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn text(&mut self, n: Node<'_, '_>) -> Result<(), RenderError> {
        self.budget()?;
        let Some(b) = boundary(n) else { return Ok(()) };
        let size = attr(n, "Size").map(numbers).and_then(|v| v.first().copied()).unwrap_or(3.5);
        let (family, bold, italic) = attr(n, "Font")
            .and_then(|f| self.res.fonts.get(f).cloned())
            .unwrap_or_else(|| (String::new(), false, false));
        let weight = attr(n, "Weight").and_then(|w| w.trim().parse::<u32>().ok()).unwrap_or(400);
        let fill = color(child(n, "FillColor"), "rgb(0,0,0)");
        self.group_open(n, b);
        let _ = write!(
            self.out,
            "<text font-size=\"{size}\" font-family=\"{}\" fill=\"{fill}\"{}{}>",
            esc(&font_family(&family)),
            if bold || weight >= 700 { " font-weight=\"bold\"" } else { "" },
            if italic || attr(n, "Italic").is_some_and(|v| v.trim() == "true") { " font-style=\"italic\"" } else { "" },
        );
        let (mut x, mut y) = (0.0, 0.0);
        // At most 64 Ki characters a text object (as at most 4 Ki a code):
        // what no page needs, and a bound on masking's copies.
        let mut budget = 1usize << 16;
        let texts: Vec<String> = children(n, "TextCode")
            .map_while(|c| {
                let t: String = c.text().unwrap_or_default().chars().take(4096.min(budget)).collect();
                budget = budget.checked_sub(t.chars().count())?;
                (budget > 0 || !t.is_empty()).then_some(t)
            })
            .collect();
        let texts = masked(&texts, self.mask);
        for (code, text) in children(n, "TextCode").zip(texts) {
            x = attr(code, "X").and_then(|v| v.trim().parse().ok()).filter(|v: &f64| v.is_finite()).unwrap_or(x);
            y = attr(code, "Y").and_then(|v| v.trim().parse().ok()).filter(|v: &f64| v.is_finite()).unwrap_or(y);
            let count = text.chars().count();
            let dx = attr(code, "DeltaX").map(|d| deltas(d, count)).unwrap_or_default();
            let dy = attr(code, "DeltaY").map(|d| deltas(d, count)).unwrap_or_default();
            let mut xs = vec![x];
            let mut ys = vec![y];
            for i in 1..count {
                if !dx.is_empty() {
                    let last = xs.last().copied().unwrap_or(x);
                    xs.push(last + dx.get(i - 1).or(dx.last()).copied().unwrap_or(0.0));
                }
                if !dy.is_empty() {
                    let last = ys.last().copied().unwrap_or(y);
                    ys.push(last + dy.get(i - 1).or(dy.last()).copied().unwrap_or(0.0));
                }
            }
            let join = |v: &[f64]| v.iter().map(|a| format!("{a:.3}")).collect::<Vec<_>>().join(" ");
            let _ = write!(self.out, "<tspan x=\"{}\" y=\"{}\">{}</tspan>", join(&xs), join(&ys), esc(&text));
        }
        self.out.push_str("</text></g>");
        Ok(())
    }

    fn path(&mut self, n: Node<'_, '_>) -> Result<(), RenderError> {
        self.budget()?;
        let Some(b) = boundary(n) else { return Ok(()) };
        let Some(d) = child_text(n, "AbbreviatedData").map(path_data).filter(|d| !d.is_empty()) else {
            return Ok(());
        };
        let flag = |a: &str, default: bool| attr(n, a).map_or(default, |v| v.trim() == "true");
        let stroke = if flag("Stroke", true) { color(child(n, "StrokeColor"), "rgb(0,0,0)") } else { "none".into() };
        let fill = if flag("Fill", false) { color(child(n, "FillColor"), "rgb(0,0,0)") } else { "none".into() };
        let width = attr(n, "LineWidth").map(numbers).and_then(|v| v.first().copied()).unwrap_or(0.353);
        self.group_open(n, b);
        let _ = write!(self.out, "<path d=\"{d}\" stroke=\"{stroke}\" fill=\"{fill}\" stroke-width=\"{width}\"/></g>");
        Ok(())
    }

    fn image(&mut self, n: Node<'_, '_>) -> Result<(), RenderError> {
        self.budget()?;
        let Some(b) = boundary(n) else { return Ok(()) };
        let Some(file) = attr(n, "ResourceID").and_then(|id| self.res.media.get(id.trim())).cloned() else {
            return Ok(());
        };
        let Some(found) = self.p.lookup(&file).map(str::to_owned) else { return Ok(()) };
        let has_ctm = attr(n, "CTM").is_some();
        self.group_open(n, b);
        if !has_ctm {
            let _ = write!(self.out, "<g transform=\"matrix({} 0 0 {} 0 0)\">", b[2], b[3]);
        }
        let uri =
            if self.is_covered(&found) { self.p.read(&found).ok().and_then(|d| data_uri(&found, &d)) } else { None };
        match uri {
            Some(uri) => {
                let _ =
                    write!(self.out, "<image width=\"1\" height=\"1\" preserveAspectRatio=\"none\" href=\"{uri}\"/>");
            }
            None => {
                if !self.is_covered(&found) {
                    self.not_covered.insert(found);
                }
                self.out.push_str(
                    "<rect width=\"1\" height=\"1\" fill=\"#eee\" stroke=\"#999\" stroke-width=\"0.01\" class=\"not-covered\"/>",
                );
            }
        }
        if !has_ctm {
            self.out.push_str("</g>");
        }
        self.out.push_str("</g>");
        Ok(())
    }

    /// Draws a content file (a page or a template) when covered.
    fn content(&mut self, file: &str) -> Result<(), RenderError> {
        if !self.is_covered(file) {
            self.not_covered.insert(file.to_owned());
            return Ok(());
        }
        let Ok(bytes) = self.p.read(file) else { return Ok(()) };
        let Ok(xml) = parse(&bytes) else { return Ok(()) };
        let root = xml.root_element();
        for r in children(root, "PageRes") {
            self.load_res(file, r.text());
        }
        if let Some(c) = child(root, "Content") {
            self.objects(c, 0)?;
        }
        Ok(())
    }
}

/// The texts of one text object with every occurrence of a masked string
/// in their concatenation masked, character for character (positions are
/// per character, so lengths stay).
fn masked(texts: &[String], mask: Mask<'_>) -> Vec<String> {
    let mut chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    let all: Vec<char> = chars.iter().flatten().copied().collect();
    let mut hide = vec![false; all.len()];
    // Letters compared ignoring ASCII case (an ID's check character `X`
    // may be printed `x`).
    let folded: Vec<char> = all.iter().map(char::to_ascii_uppercase).collect();
    for secret in mask.iter().map(|m| m.chars().map(|c| c.to_ascii_uppercase()).collect::<Vec<char>>()) {
        if secret.len() < 4 {
            continue;
        }
        let hidden = if secret.len() <= 7 { 0..secret.len() } else { 3..secret.len() - 4 };
        for start in 0..folded.len().saturating_sub(secret.len() - 1) {
            if folded.get(start..start + secret.len()) == Some(secret.as_slice()) {
                for i in hidden.clone() {
                    if let Some(h) = hide.get_mut(start + i) {
                        *h = true;
                    }
                }
            }
        }
    }
    let mut at = 0;
    for text in &mut chars {
        for c in text.iter_mut() {
            if hide.get(at).copied().unwrap_or(false) {
                *c = '*';
            }
            at += 1;
        }
    }
    chars.into_iter().map(|c| c.into_iter().collect()).collect()
}

/// Draws page `index` (from 0) of the first document of a verified file.
pub fn render(bytes: &[u8], report: &OfdReport, index: usize) -> Result<Page, RenderError> {
    render_masked(bytes, report, index, &[])
}

/// [`render`], with the strings of `mask` (the holder's ID number, say)
/// masked wherever the page's text shows them.
pub fn render_masked(bytes: &[u8], report: &OfdReport, index: usize, mask: Mask<'_>) -> Result<Page, RenderError> {
    if report.verdict == Verdict::Invalid {
        return Err(RenderError::Invalid);
    }
    let unreadable = |e: &dyn std::fmt::Display| RenderError::Unreadable(e.to_string());
    let p = Package::open(bytes).map_err(|e| unreadable(&e))?;
    let docs = document::documents(&p).map_err(|e| unreadable(&e))?;
    let doc = docs.first().ok_or(RenderError::NoPage)?;
    let root_file = p.lookup(&doc.root).map(str::to_owned).ok_or_else(|| unreadable(&"no Document.xml"))?;
    let bytes_doc = p.read(&root_file).map_err(|e| unreadable(&e))?;
    let xml = parse(&bytes_doc).map_err(|e| unreadable(&e))?;
    let root = xml.root_element();
    let common = child(root, "CommonData");
    let area = |n: Option<Node<'_, '_>>| {
        n.and_then(|n| child(n, "PageArea"))
            .and_then(|a| child_text(a, "PhysicalBox"))
            .map(numbers)
            .and_then(|v| <[f64; 4]>::try_from(v).ok())
            .filter(|v| v[2] > 0.0 && v[3] > 0.0 && v[2] < 10_000.0 && v[3] < 10_000.0)
    };
    let pages: Vec<Node<'_, '_>> = child(root, "Pages").map(|ps| children(ps, "Page").collect()).unwrap_or_default();
    let page = *pages.get(index).ok_or(RenderError::NoPage)?;
    let page_file = attr(page, "BaseLoc")
        .and_then(|b| resolve(&root_file, b))
        .and_then(|f| p.lookup(&f).map(str::to_owned))
        .ok_or(RenderError::NoPage)?;
    let page_xml_bytes = p.read(&page_file).map_err(|e| unreadable(&e))?;
    let page_xml = parse(&page_xml_bytes).map_err(|e| unreadable(&e))?;
    let page_root = page_xml.root_element();
    let bx = area(Some(page_root)).or_else(|| area(common)).unwrap_or([0.0, 0.0, 210.0, 297.0]);
    let (w, h) = (bx[2], bx[3]);

    let mut d = Drawer {
        p: &p,
        mask,
        res: Res { fonts: BTreeMap::new(), media: BTreeMap::new() },
        covered: report.covered().into_iter().map(str::to_owned).collect(),
        out: String::new(),
        objects: 0,
        not_covered: BTreeSet::new(),
    };
    if let Some(c) = common {
        for name in ["PublicRes", "DocumentRes"] {
            for r in children(c, name) {
                d.load_res(&root_file, r.text());
            }
        }
    }
    let _ = write!(
        d.out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {w} {h}\" width=\"{w}mm\" height=\"{h}mm\" \
         role=\"img\"><rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>",
        bx[0], bx[1], bx[0], bx[1]
    );
    // Templates named by the page, background first.
    let templates: BTreeMap<String, String> = common
        .map(|c| {
            children(c, "TemplatePage")
                .filter_map(|t| {
                    let f = attr(t, "BaseLoc").and_then(|b| resolve(&root_file, b))?;
                    Some((attr(t, "ID")?.trim().to_owned(), p.lookup(&f)?.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    let used: Vec<(bool, String)> = children(page_root, "Template")
        .filter_map(|t| {
            let file = templates.get(attr(t, "TemplateID")?.trim())?.clone();
            Some((attr(t, "ZOrder").is_some_and(|z| z.trim() == "Foreground"), file))
        })
        .collect();
    for (_, file) in used.iter().filter(|(fg, _)| !fg) {
        d.content(file)?;
    }
    d.content(&page_file)?;
    for (_, file) in used.iter().filter(|(fg, _)| *fg) {
        d.content(file)?;
    }
    let seals = stamps(&mut d, &docs, report, attr(page, "ID").unwrap_or_default().trim(), (bx[0], bx[1]));
    d.out.push_str("</svg>");
    if d.out.len() > MAX_SVG {
        return Err(RenderError::TooLarge);
    }
    Ok(Page { svg: d.out, pages: pages.len(), not_covered: d.not_covered.into_iter().collect(), seals })
}

/// The seal pictures of the signatures that cover, at their `StampAnnot`
/// on this page. Returns how many were drawn.
fn stamps(
    d: &mut Drawer<'_, '_>,
    docs: &[document::Doc],
    report: &OfdReport,
    page_id: &str,
    origin: (f64, f64),
) -> usize {
    let mut listed = Vec::new();
    for doc in docs {
        if let Some(list) = &doc.signatures
            && let Ok(l) = document::listed(d.p, list)
        {
            listed.extend(l);
        }
    }
    let mut drawn = 0;
    for (l, r) in listed.iter().zip(&report.signatures) {
        if !r.covers() {
            continue;
        }
        let Ok(xml_bytes) = d.p.read(&l.base) else { continue };
        let Ok(xml) = parse(&xml_bytes) else { continue };
        let Ok(s) = document::signature_file(d.p, &l.base) else { continue };
        let Ok(value) = d.p.read(&s.signed_value) else { continue };
        let picture = ses::parse_signature(&value)
            .ok()
            .and_then(|sig| sig.seal.picture.clone().map(|p| (p.kind, p.data.to_vec())));
        let Some(info) = child(xml.root_element(), "SignedInfo") else { continue };
        for annot in children(info, "StampAnnot") {
            if attr(annot, "PageRef").map(str::trim) != Some(page_id) {
                continue;
            }
            let Some(b) = boundary(annot) else { continue };
            let (x, y) = (b[0] + origin.0, b[1] + origin.1);
            let uri = picture
                .as_ref()
                .and_then(|(kind, data)| data_uri(&format!("seal.{}", kind.to_ascii_lowercase()), data));
            match uri {
                Some(uri) => {
                    let _ = write!(
                        d.out,
                        "<image class=\"seal\" x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" preserveAspectRatio=\"none\" href=\"{uri}\"/>",
                        b[2], b[3]
                    );
                }
                // A picture we do not draw (an OFD or SVG seal): its place.
                None => {
                    let _ = write!(
                        d.out,
                        "<ellipse class=\"seal\" cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" fill=\"none\" stroke=\"#d02020\" stroke-width=\"0.8\"/>",
                        x + b[2] / 2.0,
                        y + b[3] / 2.0,
                        b[2] / 2.0 - 0.5,
                        b[3] / 2.0 - 0.5
                    );
                }
            }
            drawn += 1;
        }
    }
    drawn
}

#[cfg(test)]
mod tests {
    use super::masked;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn masking_covers_split_overlapping_and_lowercase_ids() {
        let id = "310101199001011234";
        // Whole, split over three codes, twice in a row, with text around.
        assert_eq!(masked(&texts(&["号码 310101199001011234"]), &[id]), texts(&["号码 310***********1234"]));
        assert_eq!(
            masked(&texts(&["3101011", "990010", "11234 ok"]), &[id]),
            texts(&["310****", "******", "*1234 ok"])
        );
        assert_eq!(masked(&texts(&[&format!("{id}{id}")]), &[id]), texts(&["310***********1234310***********1234"]));
        // A check character printed lowercase; non-ASCII text beside it.
        let x = "11010519491231002X";
        assert_eq!(masked(&texts(&["证号：11010519491231002x。"]), &[x]), texts(&["证号：110***********002x。"]));
        // Short secrets are wholly hidden; under four characters, ignored.
        assert_eq!(masked(&texts(&["ab12345cd"]), &["12345"]), texts(&["ab*****cd"]));
        assert_eq!(masked(&texts(&["abc"]), &["abc"]), texts(&["abc"]));
        assert_eq!(masked(&texts(&[]), &[id]), texts(&[]));
    }
}
