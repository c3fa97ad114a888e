//! The files a document's pages draw from (SPEC 12, `ofd-coverage`): its
//! `Document.xml`, page and template content, annotations, and the
//! resource files with the media and fonts they name. A path that matches
//! no entry exactly is matched ignoring ASCII case, as a reader on a
//! case-insensitive system would find it ([`Package::lookup`]).

use std::collections::BTreeSet;

use crate::package::{Package, resolve};
use crate::xml::{attr, child, child_text, children, parse};

/// Every file the document rooted at `doc` (its `Document.xml`) draws from.
/// Files that cannot be read are skipped: what is missing draws nothing.
pub fn drawn_from(p: &Package<'_>, doc: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Some(doc) = p.lookup(doc).map(str::to_owned) else { return out };
    out.insert(doc.clone());
    let Ok(bytes) = p.read(&doc) else { return out };
    let Ok(xml) = parse(&bytes) else { return out };
    let root = xml.root_element();
    let add = |base: &str, path: Option<&str>, out: &mut BTreeSet<String>| -> Option<String> {
        let found = path.and_then(|x| resolve(base, x)).and_then(|x| p.lookup(&x).map(str::to_owned))?;
        out.insert(found.clone());
        Some(found)
    };
    let mut res_files = Vec::new();
    let mut contents = Vec::new();
    if let Some(common) = child(root, "CommonData") {
        for t in children(common, "TemplatePage") {
            contents.extend(add(&doc, attr(t, "BaseLoc"), &mut out));
        }
        for name in ["PublicRes", "DocumentRes"] {
            for r in children(common, name) {
                res_files.extend(add(&doc, r.text(), &mut out));
            }
        }
    }
    if let Some(pages) = child(root, "Pages") {
        for page in children(pages, "Page") {
            contents.extend(add(&doc, attr(page, "BaseLoc"), &mut out));
        }
    }
    // Page and template content may name resource files of their own.
    for c in &contents {
        let Ok(bytes) = p.read(c) else { continue };
        let Ok(xml) = parse(&bytes) else { continue };
        for r in children(xml.root_element(), "PageRes") {
            res_files.extend(add(c, r.text(), &mut out));
        }
    }
    for r in &res_files {
        media_and_fonts(p, r, &mut out);
    }
    if let Some(annots) = add(&doc, child_text(root, "Annotations"), &mut out)
        && let Ok(bytes) = p.read(&annots)
        && let Ok(xml) = parse(&bytes)
    {
        for page in children(xml.root_element(), "Page") {
            add(&annots, child_text(page, "FileLoc"), &mut out);
        }
    }
    out
}

/// The media and font files a resource file names, relative to its
/// `BaseLoc` directory.
fn media_and_fonts(p: &Package<'_>, res: &str, out: &mut BTreeSet<String>) {
    let Ok(bytes) = p.read(res) else { return };
    let Ok(xml) = parse(&bytes) else { return };
    let root = xml.root_element();
    // Files are named relative to the BaseLoc directory (relative to the
    // resource file itself when absent).
    let base = match attr(root, "BaseLoc").and_then(|b| resolve(res, b)) {
        Some(dir) => format!("{dir}/_"),
        None => res.to_owned(),
    };
    let named = root
        .descendants()
        .filter(|n| n.is_element() && matches!(n.tag_name().name(), "MediaFile" | "FontFile"))
        .filter_map(|n| n.text());
    for f in named {
        if let Some(found) = resolve(&base, f).and_then(|x| p.lookup(&x).map(str::to_owned)) {
            out.insert(found);
        }
    }
}

/// The content files of the pages of the document rooted at `doc`, in
/// page order.
pub fn pages(p: &Package<'_>, doc: &str) -> Vec<String> {
    let Some(doc) = p.lookup(doc).map(str::to_owned) else { return Vec::new() };
    let Ok(bytes) = p.read(&doc) else { return Vec::new() };
    let Ok(xml) = parse(&bytes) else { return Vec::new() };
    let Some(pages) = child(xml.root_element(), "Pages") else { return Vec::new() };
    children(pages, "Page")
        .filter_map(|page| attr(page, "BaseLoc").and_then(|x| resolve(&doc, x)))
        .filter_map(|x| p.lookup(&x).map(str::to_owned))
        .collect()
}

/// The text a page's content shows (SPEC section 12, `ofd-face`): every
/// `TextCode`, concatenated in reading (document) order, whitespace
/// removed.
pub fn page_text(p: &Package<'_>, page: &str) -> String {
    let Ok(bytes) = p.read(page) else { return String::new() };
    let Ok(xml) = parse(&bytes) else { return String::new() };
    xml.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "TextCode")
        .filter_map(|n| n.text())
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect()
}
