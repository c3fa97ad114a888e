//! OFD XML, read with `roxmltree`: no DTD (so no entity expansion and no
//! external entities: a DOCTYPE is refused), UTF-8 only, at most 200,000
//! nodes. Elements are found by local name: producers differ in prefixes
//! (`ofd:` or none) but not in names.

use roxmltree::{Document, Node, ParsingOptions};

/// At most this many nodes in one XML file.
pub const MAX_NODES: u32 = 200_000;

/// Why an XML file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XmlError {
    NotUtf8,
    Doctype,
    Malformed(String),
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XmlError::NotUtf8 => write!(f, "not UTF-8"),
            XmlError::Doctype => write!(f, "has a DOCTYPE (refused: entities)"),
            XmlError::Malformed(e) => write!(f, "not well-formed: {e}"),
        }
    }
}

/// Parses an XML file's bytes (a UTF-8 byte order mark is allowed).
pub fn parse(bytes: &[u8]) -> Result<Document<'_>, XmlError> {
    let text = std::str::from_utf8(bytes).map_err(|_| XmlError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let opts = ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES };
    Document::parse_with_options(text, opts).map_err(|e| match e {
        roxmltree::Error::DtdDetected => XmlError::Doctype,
        other => XmlError::Malformed(other.to_string()),
    })
}

/// The first child element of `node` with this local name.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.is_element() && n.tag_name().name() == name)
}

/// Every child element of `node` with this local name.
pub fn children<'a, 'i: 'a>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// The trimmed text of the first child element with this local name.
pub fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|n| n.text()).map(str::trim)
}

/// An attribute by local name (namespace ignored).
pub fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctypes_and_entities_are_refused() {
        let bomb = br#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>"#;
        assert_eq!(parse(bomb).err(), Some(XmlError::Doctype));
        let external = br#"<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>"#;
        assert_eq!(parse(external).err(), Some(XmlError::Doctype));
        assert_eq!(parse(b"\xff\xfe<x/>").err(), Some(XmlError::NotUtf8));
    }

    #[test]
    fn elements_by_local_name_whatever_the_prefix() {
        let d = parse(br#"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot> Doc_0/Document.xml </ofd:DocRoot></ofd:DocBody></ofd:OFD>"#).unwrap();
        let body = child(d.root_element(), "DocBody").unwrap();
        assert_eq!(child_text(body, "DocRoot"), Some("Doc_0/Document.xml"));
        let plain = parse(br#"<OFD><DocBody ID="1"/></OFD>"#).unwrap();
        assert_eq!(attr(child(plain.root_element(), "DocBody").unwrap(), "ID"), Some("1"));
    }
}
