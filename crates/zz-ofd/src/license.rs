//! An OFD e-license that carries its ZZ1 license (SPEC section 12): the
//! attachment `license.zzl` (the tagged COSE bytes) and a custom tag in
//! namespace `urn:zz:elicense:1` stating the license's `id` and `type`.

use crate::package::{Package, resolve};
use crate::xml::{attr, child_text, children, parse};

/// The namespace of the custom tag that states the license.
pub const TAG_NAMESPACE: &str = "urn:zz:elicense:1";
/// The attachment's name.
pub const ATTACHMENT: &str = "license.zzl";

/// What a document carries of a ZZ1 license.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Carried {
    /// The attachment's file.
    pub attachment: Option<String>,
    /// The tag's file, and the `Identifier` and `Type` it states.
    pub tag: Option<(String, Option<String>, Option<String>)>,
}

impl Carried {
    pub fn is_empty(&self) -> bool {
        self.attachment.is_none() && self.tag.is_none()
    }
}

/// What the document rooted at `doc` (its `Document.xml`) carries.
pub fn carried(p: &Package<'_>, doc: &str) -> Carried {
    let mut out = Carried::default();
    let Some(doc) = p.lookup(doc).map(str::to_owned) else { return out };
    let Ok(bytes) = p.read(&doc) else { return out };
    let Ok(xml) = parse(&bytes) else { return out };
    let root = xml.root_element();
    let listed = |name: &str| {
        child_text(root, name).and_then(|t| resolve(&doc, t)).and_then(|f| p.lookup(&f).map(str::to_owned))
    };
    if let Some(list) = listed("Attachments")
        && let Ok(bytes) = p.read(&list)
        && let Ok(x) = parse(&bytes)
    {
        out.attachment = children(x.root_element(), "Attachment")
            .filter(|a| attr(*a, "Name").map(str::trim) == Some(ATTACHMENT))
            .find_map(|a| child_text(a, "FileLoc").and_then(|f| resolve(&list, f)));
    }
    if let Some(list) = listed("CustomTags")
        && let Ok(bytes) = p.read(&list)
        && let Ok(x) = parse(&bytes)
    {
        let file = children(x.root_element(), "CustomTag")
            .filter(|t| attr(*t, "NameSpace").map(str::trim) == Some(TAG_NAMESPACE))
            .find_map(|t| child_text(t, "FileLoc").and_then(|f| resolve(&list, f)));
        if let Some(file) = file {
            let stated = p.read(&file).ok().and_then(|b| {
                let x = parse(&b).ok()?;
                let r = x.root_element();
                (r.tag_name().name() == "License")
                    .then(|| (child_text(r, "Identifier").map(str::to_owned), child_text(r, "Type").map(str::to_owned)))
            });
            let (id, ty) = stated.unwrap_or((None, None));
            out.tag = Some((file, id, ty));
        }
    }
    out
}
