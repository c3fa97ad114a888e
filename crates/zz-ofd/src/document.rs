//! The structure of an OFD package as signatures see it: `OFD.xml`, each
//! document's `Signatures.xml`, and each `Signature.xml` with its
//! references, signed value and seal (GB/T 33190 section 18).

use base64::Engine;
use roxmltree::Node;

use crate::package::{Package, resolve};
use crate::xml::{attr, child, child_text, children, parse};

/// Why the structure cannot be read (an `ofd-package` failure).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructureError {
    /// The file at fault.
    pub file: String,
    pub why: String,
}

impl std::fmt::Display for StructureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.why)
    }
}

fn fault(file: &str, why: impl Into<String>) -> StructureError {
    StructureError { file: file.to_owned(), why: why.into() }
}

/// One document of the package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// Its `Document.xml`.
    pub root: String,
    /// Its `Signatures.xml`, if it has one.
    pub signatures: Option<String>,
}

/// Whether a signature is an electronic seal or a digital signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureType {
    Seal,
    Sign,
}

/// A signature as `Signatures.xml` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub kind: SignatureType,
    /// Its `Signature.xml`.
    pub base: String,
}

/// How a reference's `CheckValue` is computed (`References/@CheckMethod`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckMethod {
    Sm3,
    Sha256,
    /// Weak: checked, but a `warn` and at most `indeterminate`.
    Md5,
    /// Weak: as MD5.
    Sha1,
    /// Cannot be checked: the reference fails.
    Other(String),
}

impl CheckMethod {
    /// From the attribute (compared ignoring case); MD5 when absent, as
    /// GB/T 33190 defaults.
    pub fn parse(attr: Option<&str>) -> CheckMethod {
        let Some(a) = attr.map(str::trim) else { return CheckMethod::Md5 };
        match a.to_ascii_lowercase().as_str() {
            "sm3" | "1.2.156.10197.1.401" => CheckMethod::Sm3,
            "sha256" | "sha-256" | "2.16.840.1.101.3.4.2.1" => CheckMethod::Sha256,
            "md5" | "1.2.840.113549.2.5" => CheckMethod::Md5,
            "sha1" | "sha-1" | "1.3.14.3.2.26" => CheckMethod::Sha1,
            _ => CheckMethod::Other(a.to_owned()),
        }
    }

    pub fn is_weak(&self) -> bool {
        matches!(self, CheckMethod::Md5 | CheckMethod::Sha1)
    }

    /// The digest of `data`, or `None` for a method that cannot be checked.
    pub fn digest(&self, data: &[u8]) -> Option<Vec<u8>> {
        use sha2::Digest;
        Some(match self {
            CheckMethod::Sm3 => sm3::Sm3::digest(data).to_vec(),
            CheckMethod::Sha256 => sha2::Sha256::digest(data).to_vec(),
            CheckMethod::Md5 => md5::Md5::digest(data).to_vec(),
            CheckMethod::Sha1 => sha1::Sha1::digest(data).to_vec(),
            CheckMethod::Other(_) => return None,
        })
    }
}

/// One `Reference`: a file and the digest it must have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The file, resolved (`None` when its path leaves the package).
    pub file: Option<String>,
    /// `FileRef` as written.
    pub file_ref: String,
    /// `CheckValue`, base64-decoded (`None` when it is not base64).
    pub check_value: Option<Vec<u8>>,
}

/// A `Signature.xml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureFile {
    /// Where it is in the package.
    pub path: String,
    pub method: CheckMethod,
    pub references: Vec<Reference>,
    /// The `SignedValue` file.
    pub signed_value: String,
    /// The `Seal/BaseLoc` file (`Seal.esl`), if named.
    pub seal: Option<String>,
    /// `SignatureMethod` as written (an OID).
    pub signature_method: Option<String>,
    /// `SignatureDateTime` as written (the producer's claim, unsigned).
    pub date_time: Option<String>,
}

/// Reads `OFD.xml`: the documents, each of whose `Document.xml` must read.
pub fn documents(p: &Package<'_>) -> Result<Vec<Doc>, StructureError> {
    let bytes = p.read("OFD.xml").map_err(|e| fault("OFD.xml", e.to_string()))?;
    let xml = parse(&bytes).map_err(|e| fault("OFD.xml", e.to_string()))?;
    let root = xml.root_element();
    if root.tag_name().name() != "OFD" {
        return Err(fault("OFD.xml", "the root element is not OFD"));
    }
    let mut docs = Vec::new();
    for body in children(root, "DocBody") {
        let path = |name: &str| child_text(body, name).and_then(|t| resolve("OFD.xml", t));
        let root = path("DocRoot").ok_or_else(|| fault("OFD.xml", "a DocBody has no usable DocRoot"))?;
        // SPEC 12: a Document.xml that cannot be read within the limits
        // is a package failure, like OFD.xml.
        let found = p.lookup(&root).ok_or_else(|| fault(&root, "missing"))?;
        let doc = p.read(found).map_err(|e| fault(&root, e.to_string()))?;
        parse(&doc).map_err(|e| fault(&root, e.to_string()))?;
        docs.push(Doc { root, signatures: path("Signatures") });
    }
    if docs.is_empty() {
        return Err(fault("OFD.xml", "no DocBody"));
    }
    Ok(docs)
}

/// Reads a `Signatures.xml`: the signatures it lists.
pub fn listed(p: &Package<'_>, path: &str) -> Result<Vec<Listed>, StructureError> {
    let bytes = p.read(path).map_err(|e| fault(path, e.to_string()))?;
    let xml = parse(&bytes).map_err(|e| fault(path, e.to_string()))?;
    let mut out = Vec::new();
    for s in children(xml.root_element(), "Signature") {
        let id = attr(s, "ID").unwrap_or_default().to_owned();
        let kind = match attr(s, "Type").map(str::trim) {
            None | Some("Seal") => SignatureType::Seal,
            Some("Sign") => SignatureType::Sign,
            Some(other) => return Err(fault(path, format!("signature {id:?} has an unknown Type {other:?}"))),
        };
        let base = attr(s, "BaseLoc")
            .and_then(|b| resolve(path, b))
            .ok_or_else(|| fault(path, format!("signature {id:?} has no usable BaseLoc")))?;
        out.push(Listed { id, kind, base });
    }
    Ok(out)
}

/// Reads a `Signature.xml`.
pub fn signature_file(p: &Package<'_>, path: &str) -> Result<SignatureFile, StructureError> {
    let bytes = p.read(path).map_err(|e| fault(path, e.to_string()))?;
    let xml = parse(&bytes).map_err(|e| fault(path, e.to_string()))?;
    let root = xml.root_element();
    let info = child(root, "SignedInfo").ok_or_else(|| fault(path, "no SignedInfo"))?;
    let refs = child(info, "References").ok_or_else(|| fault(path, "no References"))?;
    let method = CheckMethod::parse(attr(refs, "CheckMethod"));
    let references = children(refs, "Reference").map(|r| reference(path, r)).collect();
    let signed_value = child_text(root, "SignedValue")
        .and_then(|v| resolve(path, v))
        .ok_or_else(|| fault(path, "no usable SignedValue"))?;
    let seal = child(info, "Seal").and_then(|s| child_text(s, "BaseLoc")).and_then(|b| resolve(path, b));
    Ok(SignatureFile {
        path: path.to_owned(),
        method,
        references,
        signed_value,
        seal,
        signature_method: child_text(info, "SignatureMethod").map(str::to_owned),
        date_time: child_text(info, "SignatureDateTime").map(str::to_owned),
    })
}

fn reference(path: &str, r: Node<'_, '_>) -> Reference {
    let file_ref = attr(r, "FileRef").unwrap_or_default().to_owned();
    let check_value = child_text(r, "CheckValue").and_then(|v| {
        let compact: String = v.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        base64::engine::general_purpose::STANDARD.decode(compact).ok()
    });
    Reference { file: resolve(path, &file_ref), file_ref, check_value }
}

/// The outcome of checking one reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefOutcome {
    Ok,
    Missing,
    Differs,
    /// The method cannot be checked, or the check value is not base64.
    Unusable,
}

/// Checks a reference against the package.
pub fn check_reference(p: &Package<'_>, method: &CheckMethod, r: &Reference) -> RefOutcome {
    let Some(file) = &r.file else { return RefOutcome::Missing };
    let Ok(data) = p.read(file) else { return RefOutcome::Missing };
    match (method.digest(&data), &r.check_value) {
        (Some(d), Some(want)) if &d == want => RefOutcome::Ok,
        (Some(_), Some(_)) => RefOutcome::Differs,
        _ => RefOutcome::Unusable,
    }
}
