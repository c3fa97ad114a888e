//! OFD e-license files (GB/T 33190, GB/T 36905) sealed with SM2 electronic
//! seals (GB/T 38540): the one-page face of a license laid out from its
//! catalog template, the QR code holding its `ZZ1:` text, the license
//! itself as the attachment `license.zzl` with a custom tag stating it
//! (SPEC section 12), and SES v4 seals over every file.
//!
//! The layout is ours and small: one document `Doc_0`, one page, resources
//! in `Doc_0/Res`, seals in `Doc_0/Signs/Sign_N`.

pub mod face;
pub mod picture;
pub mod pki;
pub mod seal;

use std::io::Write;

use base64::Engine;
use zz_core::UnixTime;
use zz_core::model::{License, LicenseType};

pub use pki::{CertSpec, Sm2Cert, Sm2Key, Usage};

/// The namespace of OFD XML.
const NS: &str = "http://www.ofdspec.org/2016";
/// SM3, as `CheckMethod` names it by OID.
const SM3_OID: &str = "1.2.156.10197.1.401";

/// Escapes text for XML.
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A rectangle in millimetres: x, y, width, height (OFD `Boundary`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Boundary(pub f64, pub f64, pub f64, pub f64);

impl std::fmt::Display for Boundary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {} {}", self.0, self.1, self.2, self.3)
    }
}

/// What a signature is: a seal (with its `SESeal`) or a digital signature.
enum SignatureKind<'a> {
    Seal(&'a [u8]),
    Sign,
}

impl SignatureKind<'_> {
    fn name(&self) -> &'static str {
        match self {
            SignatureKind::Seal(_) => "Seal",
            SignatureKind::Sign => "Sign",
        }
    }
}

/// Who applies a seal, and the seal: the `SESeal` made for them.
pub struct Sealer {
    pub signer: Sm2Cert,
    /// The `SESeal` (DER), as `seal::make_seal` gives it.
    pub seal: Vec<u8>,
    /// Where the seal's picture goes on the page.
    pub stamp: Boundary,
}

/// A digest function a signature's references are made with.
pub type DigestFn = fn(&[u8]) -> Vec<u8>;

/// An OFD package being made: its files in order, and what `OFD.xml`
/// says of the document.
#[derive(Clone, Debug)]
pub struct Ofd {
    files: Vec<(String, Vec<u8>)>,
    title: String,
    doc_id: String,
    created: UnixTime,
    seals: usize,
    /// The `Type` of each signature added.
    kinds: Vec<&'static str>,
    /// `References/@CheckMethod` of the signatures added next, and the
    /// digest it names; SM3 when `None`.
    check_method: Option<(String, DigestFn)>,
}

impl Ofd {
    /// The unsealed e-license: face, QR code, attachment and tag. `cose`
    /// is the license's tagged COSE bytes, `license` what it holds, `ty`
    /// its catalog type (for the title and field labels).
    pub fn license(cose: &[u8], license: &License, ty: Option<&LicenseType>, created: UnixTime) -> Ofd {
        let mut o = Ofd {
            files: Vec::new(),
            title: ty.map_or_else(|| license.type_code.clone(), |t| t.name.clone()),
            doc_id: license.id.clone(),
            created,
            seals: 0,
            kinds: Vec::new(),
            check_method: None,
        };
        let qr = crate::qr::png(&crate::zz1_text(cose)).ok();
        o.put("OFD.xml", o.ofd_xml().into_bytes());
        o.put("Doc_0/Document.xml", document_xml().into_bytes());
        o.put("Doc_0/PublicRes.xml", public_res().into_bytes());
        o.put("Doc_0/DocumentRes.xml", document_res(qr.is_some()).into_bytes());
        o.put("Doc_0/Pages/Page_0/Content.xml", face::content(license, ty, qr.is_some()).into_bytes());
        if let Some(png) = qr {
            o.put("Doc_0/Res/qr.png", png);
        }
        let date = zz_core::dates::CstDate::of_instant(created).map(|d| d.to_string()).unwrap_or_default();
        o.put(
            "Doc_0/Attachs/Attachments.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Attachments xmlns:ofd=\"{NS}\">\n  \
                 <ofd:Attachment ID=\"a1\" Name=\"license.zzl\" Format=\"zzl\" CreationDate=\"{date}\" Size=\"{:.3}\" \
                 Visible=\"false\">\n    <ofd:FileLoc>license.zzl</ofd:FileLoc>\n  </ofd:Attachment>\n</ofd:Attachments>\n",
                cose.len() as f64 / 1024.0
            )
            .into_bytes(),
        );
        o.put("Doc_0/Attachs/license.zzl", cose.to_vec());
        o.put(
            "Doc_0/Tags/CustomTags.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:CustomTags xmlns:ofd=\"{NS}\">\n  \
                 <ofd:CustomTag NameSpace=\"urn:zz:elicense:1\">\n    <ofd:FileLoc>License.xml</ofd:FileLoc>\n  \
                 </ofd:CustomTag>\n</ofd:CustomTags>\n"
            )
            .into_bytes(),
        );
        o.put(
            "Doc_0/Tags/License.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<License xmlns=\"urn:zz:elicense:1\">\n  \
                 <Identifier>{}</Identifier>\n  <Type>{}</Type>\n</License>\n",
                esc(&license.id),
                esc(&license.type_code)
            )
            .into_bytes(),
        );
        o
    }

    /// A package of the files given, as they are (to change one file of
    /// a package read back, or build a hostile one).
    pub fn from_files(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> Ofd {
        Ofd {
            files: files.into_iter().collect(),
            title: String::new(),
            doc_id: String::new(),
            created: UnixTime::from_secs(0),
            seals: 0,
            kinds: Vec::new(),
            check_method: None,
        }
    }

    fn ofd_xml(&self) -> String {
        let signatures =
            if self.seals > 0 { "\n    <ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>" } else { "" };
        let date = zz_core::dates::CstDate::of_instant(self.created).map(|d| d.to_string()).unwrap_or_default();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD xmlns:ofd=\"{NS}\" Version=\"1.1\" DocType=\"OFD\">\n  \
             <ofd:DocBody>\n    <ofd:DocInfo>\n      <ofd:DocID>{}</ofd:DocID>\n      <ofd:Title>{}</ofd:Title>\n      \
             <ofd:CreationDate>{date}</ofd:CreationDate>\n      <ofd:Creator>ZZ Verify demo issuer</ofd:Creator>\n    \
             </ofd:DocInfo>\n    <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{signatures}\n  </ofd:DocBody>\n</ofd:OFD>\n",
            esc(&self.doc_id),
            esc(&self.title)
        )
    }

    /// Adds or replaces a file.
    pub fn put(&mut self, path: &str, bytes: Vec<u8>) {
        match self.files.iter_mut().find(|(p, _)| p == path) {
            Some((_, b)) => *b = bytes,
            None => self.files.push((path.to_owned(), bytes)),
        }
    }

    /// Drops the ZZ1 license it carries (attachment and tag), before
    /// sealing: a sealed document with no license data to check.
    pub fn drop_license(&mut self) {
        self.files.retain(|(p, _)| !p.starts_with("Doc_0/Attachs/") && !p.starts_with("Doc_0/Tags/"));
        if let Some(d) = self.file_mut("Doc_0/Document.xml") {
            let s = String::from_utf8_lossy(d)
                .replace("  <ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>\n", "")
                .replace("  <ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>\n", "");
            *d = s.into_bytes();
        }
    }

    /// A file's bytes, to change (tampered demo files).
    pub fn file_mut(&mut self, path: &str) -> Option<&mut Vec<u8>> {
        self.files.iter_mut().find(|(p, _)| p == path).map(|(_, b)| b)
    }

    /// The files, in order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))
    }

    /// Signatures added from now on name `method` as their references'
    /// `CheckMethod` and digest each file with `digest` (to build files
    /// with the weak methods OFD allows, MD5 and SHA-1; SM3 otherwise).
    pub fn set_check_method(&mut self, method: &str, digest: DigestFn) {
        self.check_method = Some((method.to_owned(), digest));
    }

    /// Applies a seal over every file but the signatures' own, at `time`.
    pub fn seal(&mut self, sealer: &Sealer, time: UnixTime) {
        let stamp = Some(sealer.stamp);
        self.add_signature(SignatureKind::Seal(&sealer.seal), stamp, time, |xml, path| {
            seal::sign(&sealer.seal, xml, path, &sealer.signer, time)
        });
    }

    /// Applies `seal` (a `Seal.esl`'s bytes) over every file but the
    /// signatures' own, at `time`, its picture at `stamp`: `sign` gets the
    /// `Signature.xml` bytes and its path, and gives the `SignedValue`
    /// (e.g. a version 1 signature by [`seal::sign_v1`]).
    pub fn seal_with(
        &mut self,
        seal: &[u8],
        stamp: Boundary,
        time: UnixTime,
        sign: impl FnOnce(&[u8], &str) -> Vec<u8>,
    ) {
        self.add_signature(SignatureKind::Seal(seal), Some(stamp), time, sign);
    }

    /// Adds a digital signature (`Type="Sign"`) over every file but the
    /// signatures' own, at `time`: `sign` gets the `Signature.xml` bytes
    /// and gives the signature value (e.g. a SignedData made elsewhere).
    pub fn sign_with(&mut self, time: UnixTime, sign: impl FnOnce(&[u8]) -> Vec<u8>) {
        self.add_signature(SignatureKind::Sign, None, time, |xml, _| sign(xml));
    }

    fn add_signature(
        &mut self,
        kind: SignatureKind<'_>,
        stamp: Option<Boundary>,
        time: UnixTime,
        value: impl FnOnce(&[u8], &str) -> Vec<u8>,
    ) {
        let n = self.seals;
        self.seals += 1;
        self.put("OFD.xml", self.ofd_xml().into_bytes());
        let dir = format!("Doc_0/Signs/Sign_{n}");
        let references: String = self
            .files
            .iter()
            .filter(|(p, _)| !p.starts_with("Doc_0/Signs/"))
            .map(|(p, b)| {
                use sm3::Digest;
                let digest = match &self.check_method {
                    Some((_, f)) => f(b),
                    None => sm3::Sm3::digest(b).to_vec(),
                };
                let v = base64::engine::general_purpose::STANDARD.encode(digest);
                format!(
                    "      <ofd:Reference FileRef=\"/{}\">\n        <ofd:CheckValue>{v}</ofd:CheckValue>\n      </ofd:Reference>\n",
                    esc(p)
                )
            })
            .collect();
        let method = self.check_method.as_ref().map_or(SM3_OID, |(m, _)| m.as_str());
        let cst = time_cst(time);
        let stamp = stamp
            .map(|b| format!("    <ofd:StampAnnot ID=\"{}\" PageRef=\"1\" Boundary=\"{b}\"/>\n", n + 1))
            .unwrap_or_default();
        let seal_loc = match kind {
            SignatureKind::Seal(_) => "    <ofd:Seal>\n      <ofd:BaseLoc>Seal.esl</ofd:BaseLoc>\n    </ofd:Seal>\n",
            SignatureKind::Sign => "",
        };
        let signature_xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Signature xmlns:ofd=\"{NS}\">\n  <ofd:SignedInfo>\n    \
             <ofd:Provider ProviderName=\"ZZ Verify demo seal maker\" Company=\"ZZ Verify (DEMO, public seed)\" Version=\"1.0\"/>\n    \
             <ofd:SignatureMethod>{}</ofd:SignatureMethod>\n    <ofd:SignatureDateTime>{cst}</ofd:SignatureDateTime>\n    \
             <ofd:References CheckMethod=\"{method}\">\n{references}    </ofd:References>\n{stamp}{seal_loc}  \
             </ofd:SignedInfo>\n  <ofd:SignedValue>SignedValue.dat</ofd:SignedValue>\n</ofd:Signature>\n",
            pki::SM2_WITH_SM3,
        )
        .into_bytes();
        let path = format!("/{dir}/Signature.xml");
        let value = value(&signature_xml, &path);
        self.put(&format!("{dir}/Signature.xml"), signature_xml);
        self.put(&format!("{dir}/SignedValue.dat"), value);
        if let SignatureKind::Seal(esl) = kind {
            self.put(&format!("{dir}/Seal.esl"), esl.to_vec());
        }
        self.kinds.push(kind.name());
        let list: String = self
            .kinds
            .iter()
            .enumerate()
            .map(|(i, k)| {
                format!("  <ofd:Signature ID=\"{}\" Type=\"{k}\" BaseLoc=\"Sign_{i}/Signature.xml\"/>\n", i + 1)
            })
            .collect();
        self.put(
            "Doc_0/Signs/Signatures.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Signatures xmlns:ofd=\"{NS}\">\n  \
                 <ofd:MaxSignId>{}</ofd:MaxSignId>\n{list}</ofd:Signatures>\n",
                self.seals
            )
            .into_bytes(),
        );
    }

    /// The package as a ZIP archive (deflated, as OFD writers do).
    pub fn to_zip(&self) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (path, bytes) in &self.files {
            zip.start_file(path.as_str(), options).expect("an in-memory archive takes files");
            zip.write_all(bytes).expect("an in-memory archive takes files");
        }
        zip.finish().expect("an in-memory archive finishes").into_inner()
    }
}

/// `YYYYMMDDHHMMSS` in China Standard Time.
/// `yyyy-MM-dd HH:mm:ss` in China Standard Time.
pub(crate) fn time_cst_text(t: UnixTime) -> String {
    let c = time_cst(t);
    let p = |a: usize, b: usize| c.get(a..b).unwrap_or_default();
    format!("{}-{}-{} {}:{}:{}", p(0, 4), p(4, 6), p(6, 8), p(8, 10), p(10, 12), p(12, 14))
}

fn time_cst(t: UnixTime) -> String {
    let cst =
        time::OffsetDateTime::from_unix_timestamp(t.as_secs() + 8 * 3600).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        cst.year(),
        u8::from(cst.month()),
        cst.day(),
        cst.hour(),
        cst.minute(),
        cst.second()
    )
}

fn document_xml() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document xmlns:ofd=\"{NS}\">\n  <ofd:CommonData>\n    \
         <ofd:MaxUnitID>100</ofd:MaxUnitID>\n    <ofd:PageArea>\n      <ofd:PhysicalBox>0 0 {} {}</ofd:PhysicalBox>\n    \
         </ofd:PageArea>\n    <ofd:PublicRes>PublicRes.xml</ofd:PublicRes>\n    <ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>\n  \
         </ofd:CommonData>\n  <ofd:Pages>\n    <ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/>\n  </ofd:Pages>\n  \
         <ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>\n  <ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>\n\
         </ofd:Document>\n",
        face::PAGE_W,
        face::PAGE_H
    )
}

fn public_res() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res xmlns:ofd=\"{NS}\" BaseLoc=\"Res\">\n  <ofd:Fonts>\n    \
         <ofd:Font ID=\"{}\" FontName=\"SimSun\" FamilyName=\"宋体\"/>\n    <ofd:Font ID=\"{}\" FontName=\"SimHei\" FamilyName=\"黑体\"/>\n  \
         </ofd:Fonts>\n</ofd:Res>\n",
        face::FONT_SONG,
        face::FONT_HEI
    )
}

fn document_res(qr: bool) -> String {
    let media = if qr {
        format!(
            "  <ofd:MultiMedias>\n    <ofd:MultiMedia ID=\"{}\" Type=\"Image\" Format=\"PNG\">\n      \
             <ofd:MediaFile>qr.png</ofd:MediaFile>\n    </ofd:MultiMedia>\n  </ofd:MultiMedias>\n",
            face::QR_IMAGE
        )
    } else {
        String::new()
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res xmlns:ofd=\"{NS}\" BaseLoc=\"Res\">\n{media}</ofd:Res>\n"
    )
}
