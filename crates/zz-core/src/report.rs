//! The verification report: a verdict and every check of SPEC section 10.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::model::{Annotation, License};
use crate::time::UnixTime;

/// Overall result of a verification (SPEC section 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every check passed (warnings allowed) and the status was confirmed.
    Valid,
    /// At least one check failed.
    Invalid,
    /// Nothing failed, but the status could not be confirmed.
    Indeterminate,
}

impl Verdict {
    /// The lowercase name used in JSON and in `data-verdict`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Indeterminate => "indeterminate",
        }
    }
}

/// What kind of object was presented.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A license original (电子证照原件).
    License,
    /// An annotated copy (电子证照加注件).
    Annotated,
    /// An OFD file with electronic seals or signatures (SPEC section 12).
    Ofd,
}

impl Kind {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::License => "license",
            Kind::Annotated => "annotated",
            Kind::Ofd => "ofd",
        }
    }
}

/// Outcome of a single check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Fail,
    Warn,
    Skip,
}

macro_rules! check_ids {
    (
        zz1 { $($variant:ident => $id:literal, $zh:literal, $en:literal;)* }
        ofd { $($ovariant:ident => $oid:literal, $ozh:literal, $oen:literal;)* }
    ) => {
        /// The stable check identifiers of SPEC sections 10 and 12.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum CheckId { $($variant,)* $($ovariant,)* }

        impl CheckId {
            /// Every check of section 10, in the order a report lists them.
            pub const ALL: &'static [CheckId] = &[$(CheckId::$variant,)*];

            /// The checks of section 12 (OFD files).
            pub const OFD: &'static [CheckId] = &[$(CheckId::$ovariant,)*];

            /// The stable id of SPEC section 10 or 12, e.g. `signer-trusted`.
            pub fn as_str(self) -> &'static str {
                match self { $(CheckId::$variant => $id,)* $(CheckId::$ovariant => $oid,)* }
            }

            /// A short title of the check in Chinese.
            pub fn title_zh(self) -> &'static str {
                match self { $(CheckId::$variant => $zh,)* $(CheckId::$ovariant => $ozh,)* }
            }

            /// A short title of the check in English.
            pub fn title_en(self) -> &'static str {
                match self { $(CheckId::$variant => $en,)* $(CheckId::$ovariant => $oen,)* }
            }

            /// Looks a check up by its stable id.
            pub fn from_id(id: &str) -> Option<CheckId> {
                match id { $($id => Some(CheckId::$variant),)* $($oid => Some(CheckId::$ovariant),)* _ => None }
            }
        }
    };
}

check_ids! {
    zz1 {
    Decode => "decode", "解码", "Decoding";
    Structure => "structure", "数据结构", "Structure";
    Signature => "signature", "签名", "Signature";
    SignerTrusted => "signer-trusted", "签发者可信", "Signer trusted";
    SignerAuthorized => "signer-authorized", "签发者授权", "Signer authorised";
    SignerValidity => "signer-validity", "签名密钥有效期", "Signing key validity";
    LicenseValidity => "license-validity", "证照有效期", "License validity";
    Status => "status", "证照状态", "Status";
    Catalog => "catalog", "证照目录", "Catalog";
    Identifier => "identifier", "证照标识", "Identifier";
    HolderId => "holder-id", "持证主体代码", "Holder ID";
    AnnotationSignature => "annotation-signature", "加注件签名", "Annotation signature";
    AnnotationSigner => "annotation-signer", "加注件制作人", "Annotation signer";
    AnnotationValidity => "annotation-validity", "加注件有效期", "Annotation validity";
    AnnotationScope => "annotation-scope", "加注件适用范围", "Annotation scope";
    AnnotationRecipient => "annotation-recipient", "加注件用证单位", "Annotation recipient";
    Applicant => "applicant", "办事主体", "Applicant";
    HolderBinding => "holder-binding", "持证人设备", "Holder's device";
    PresentationFresh => "presentation-fresh", "现场出示", "Shown live";
    PresentationAudience => "presentation-audience", "出示对象", "Shown to";
    Matter => "matter", "用证事项", "Service matter";
    Bundle => "bundle", "信任数据", "Trust data";
    }
    ofd {
    OfdPackage => "ofd-package", "OFD 文件包", "OFD package";
    OfdReferences => "ofd-references", "受保护文件", "Protected files";
    OfdSignedHash => "ofd-signed-hash", "签名摘要", "Signed digest";
    OfdSignature => "ofd-signature", "SM2 签名", "SM2 signature";
    OfdSeal => "ofd-seal", "电子印章", "Electronic seal";
    OfdSignerChain => "ofd-signer-chain", "证书链", "Certificate chain";
    OfdCoverage => "ofd-coverage", "签名保护范围", "Signature coverage";
    OfdLicense => "ofd-license", "内嵌电子证照", "Embedded e-license";
    OfdFace => "ofd-face", "页面与证照一致", "Page matches the license";
    OfdSealAuthority => "ofd-seal-authority", "签章单位", "Sealing department";
    }
}

impl Serialize for CheckId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Reports are read back where they cross a boundary (the portal's OFD
/// worker sends its report as JSON): an unknown id is refused.
impl<'de> Deserialize<'de> for CheckId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CheckId::from_id(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown check id {s:?}")))
    }
}

/// Text of a message: mostly static, sometimes formatted.
pub type Text = Cow<'static, str>;

/// One check of the report, with its reason in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub id: CheckId,
    pub outcome: Outcome,
    pub zh: Text,
    pub en: Text,
}

/// The signing organisation as the trust list names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// Key identifier, 16 hex digits.
    pub kid: String,
    pub name: String,
    pub code: String,
}

/// Sequence numbers and times of the trust data a report was made with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustRef {
    pub trust_seq: u64,
    pub catalog_seq: u64,
    /// The bundle's `iat` (its trust list's).
    pub bundle_iat: UnixTime,
}

/// A certificate as an OFD report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertInfo {
    pub subject: String,
    pub issuer: String,
    /// Hex.
    pub serial: String,
    pub not_before: UnixTime,
    pub not_after: UnixTime,
}

/// An electronic seal as an OFD report shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SealInfo {
    pub name: String,
    pub id: String,
    /// The subject of the maker's certificate.
    pub maker: String,
    pub valid_start: UnixTime,
    pub valid_end: UnixTime,
}

/// One signature of an OFD file, with its own checks (SPEC section 12).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureReport {
    pub id: String,
    /// `ses-v4`, `ses-v1`, `signed-data` or `bare`; `null` when unknown.
    pub format: Option<Text>,
    pub checks: Vec<Check>,
    pub signer: Option<CertInfo>,
    pub seal: Option<SealInfo>,
    /// The signing time inside what the signer signed: the signer's claim.
    pub time: Option<UnixTime>,
}

/// The result of verifying one presented object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub verdict: Verdict,
    /// `None` when the input could not be decoded as a license or annotated copy.
    pub kind: Option<Kind>,
    /// Every check of SPEC section 10, in [`CheckId::ALL`] order.
    pub checks: Vec<Check>,
    /// True when the decoded data may be presented as verified: the verdict
    /// is not `invalid`. An invalid object's data is evidence, never fact.
    pub verified: bool,
    /// The decoded license (of the annotated copy, for an annotated copy).
    pub license: Option<License>,
    /// The annotation, for an annotated copy.
    pub annotation: Option<Annotation>,
    /// Who signed the license, if its key is in the trust list.
    pub signer: Option<Signer>,
    /// Who made the annotated copy, if its key is in the trust list.
    pub annotation_signer: Option<Signer>,
    /// The matter code the verification was made for, if any.
    pub matter: Option<String>,
    /// The time the verification was made at.
    pub now: UnixTime,
    pub trust: TrustRef,
    /// Whether the license was presented live by the holder's device (SPEC
    /// section 13): its presentation's signature verified with the
    /// license's `cnf` key.
    #[serde(default)]
    pub presented: bool,
    /// The presentation, for a presentation (when it was signed, the nonce
    /// and audience it names), whether or not it verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation: Option<crate::model::Presentation>,
    /// The authority whose trust data verified it (SPEC section 9), when
    /// the verifier holds named authorities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// For an OFD file: every signature, each with its checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<SignatureReport>,
}

impl Report {
    /// The check with this id (every report has all of them).
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The outcome of the check with this id.
    pub fn outcome(&self, id: CheckId) -> Outcome {
        self.check(id).map_or(Outcome::Skip, |c| c.outcome)
    }

    /// The checks that failed.
    pub fn failures(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.outcome == Outcome::Fail)
    }

    /// The failure that caused the others, to give as the reason: for an
    /// OFD file a damaged package first, then a failing signature's first
    /// failure (a page changed after sealing makes the license attachment
    /// uncovered and the seal's authority unknown: those follow from it),
    /// then the document's first; otherwise the first failed check.
    pub fn first_cause(&self) -> Option<&Check> {
        let package = self.checks.iter().find(|c| c.id == CheckId::OfdPackage && c.outcome == Outcome::Fail);
        let signature = self.signatures.iter().flat_map(|s| &s.checks).find(|c| c.outcome == Outcome::Fail);
        package.or(signature).or_else(|| self.failures().next())
    }
}

/// The state of a status list at some time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusListSummary {
    pub id: String,
    pub entries: u64,
    pub iat: UnixTime,
    pub ttl: u64,
    /// `iat + ttl`: relied upon until then.
    pub expires: UnixTime,
    /// Seconds since it was signed (negative when the clock is behind).
    pub age_seconds: i64,
    pub stale: bool,
}

/// What a loaded bundle holds and how fresh it is at some time: for the
/// settings page, kiosks and integrators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustSummary {
    pub trust_seq: u64,
    pub trust_iat: UnixTime,
    pub next_update: UnixTime,
    pub catalog_seq: u64,
    pub catalog_iat: UnixTime,
    /// The bundle's `iat` (its trust list's).
    pub bundle_iat: UnixTime,
    /// Seconds since the bundle was signed (negative when the clock is behind).
    pub age_seconds: i64,
    /// The trust list is past its `nextUpdate`.
    pub outdated: bool,
    /// The clock is earlier than the bundle's `iat`: probably wrong.
    pub clock_behind: bool,
    /// A status list is stale.
    pub stale: bool,
    pub keys: usize,
    pub types: usize,
    pub public_types: usize,
    pub matters: usize,
    pub status_lists: Vec<StatusListSummary>,
}
