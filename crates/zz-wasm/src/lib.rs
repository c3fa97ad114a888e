//! # zz-wasm: ZZ Verify for JavaScript
//!
//! A wasm-bindgen API over the verification core that any page can use:
//!
//! ```js
//! import init, { ZzVerifier } from "./zz_wasm.js";
//! await init();
//! const v = new ZzVerifier(rootsText, new Uint8Array(bundleBytes));
//! const report = v.verify(licenseBytesOrZz1Text);          // now = the clock
//! if (report.verdict === "valid") { ... }
//! v.setSm2Roots(sm2RootsPem);                               // for OFD files
//! const ofd = v.verify(ofdBytes);                           // SPEC section 12
//! ofd.signatures.forEach((s) => console.log(s.seal?.name, s.signer?.subject));
//! const page = v.renderOfd(ofdBytes);                       // SVG, or null when invalid
//! v.search("yyzz");                                         // catalog types
//! // Another region's trust data (SPEC section 9): each input is verified
//! // by the authority that lists its signer; the home one decides matters.
//! v.addAuthority("浙江省", zjRootsText, new Uint8Array(zjBundle));
//! v.verify(zjLicense).authority;                            // "浙江省"
//! v.replaceBundle(newerZjBundle, undefined, "浙江省");       // per authority
//! ```
//!
//! Times are unix seconds (`Date.now() / 1000`). `verify` gives a `Report`
//! whose parts become plain objects when first read; every other result is
//! a plain object typed by the TypeScript declarations below. Errors are
//! thrown as `Error` with a message saying why.
#![forbid(unsafe_code)]

use serde::Serialize;
use wasm_bindgen::prelude::*;
use zz_catalog::{CatalogIndex, Filter};
use zz_core::model::{HolderType, Level};
use zz_core::{Authorities, Bundle, Context, Roots, UnixTime, Usage, verify};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type Verdict = "valid" | "invalid" | "indeterminate";
export type Outcome = "pass" | "fail" | "warn" | "skip";
export type CheckId = "decode" | "structure" | "signature" | "signer-trusted" | "signer-authorized"
  | "signer-validity" | "license-validity" | "status" | "catalog" | "identifier" | "holder-id"
  | "annotation-signature" | "annotation-signer" | "annotation-validity" | "annotation-scope"
  | "annotation-recipient" | "applicant" | "holder-binding" | "presentation-fresh" | "presentation-audience"
  | "matter" | "bundle"
  | "ofd-package" | "ofd-references" | "ofd-signed-hash" | "ofd-signature" | "ofd-seal" | "ofd-signer-chain"
  | "ofd-coverage" | "ofd-license" | "ofd-face" | "ofd-seal-authority";
/** One check of SPEC section 10, with its reason in Chinese and English. */
export interface Check { id: CheckId; outcome: Outcome; zh: string; en: string; }
export interface Named { name: string; code: string; }
export interface Holder { name: string; idType: string; id: string; }
/** A license original (SPEC section 4). Dates are YYYY-MM-DD in China Standard Time. */
export interface License {
  id: string; type: string; no: string; holder: Holder; issuer: Named;
  issued: string; validFrom: string; validTo?: string;
  fields: Record<string, string | number | boolean>;
  prev?: string; status?: { list: string; idx: number };
  /** The holder's device key (SPEC section 13), coordinates in hex. */
  cnf?: { kty: "OKP"; crv: "Ed25519"; x: string } | { kty: "EC2"; crv: "P-256"; x: string; y: string };
  iat: number;
}
/** A live presentation's own data (SPEC section 13); `nonce` in hex. */
export interface Presentation { iat: number; nonce?: string; aud?: string; }
/** The statement of use of an annotated copy (SPEC section 5). Times are unix seconds. */
export interface Annotation {
  purpose: string; matter?: Named; recipient?: Named;
  validFrom: number; validTo: number; maker: Named; agent?: Holder; iat: number;
}
export interface Signer { kid: string; name: string; code: string; }
/** A certificate of an OFD signature (SPEC section 12). Times are unix seconds. */
export interface CertInfo { subject: string; issuer: string; serial: string; notBefore: number; notAfter: number; }
/** An electronic seal (电子印章). */
export interface SealInfo { name: string; id: string; maker: string; validStart: number; validEnd: number; }
/** One signature of an OFD file with its own checks; `time` is the signer's claim. */
export interface OfdSignature {
  id: string; format: "ses-v4" | "ses-v1" | "signed-data" | "bare" | null; checks: Check[];
  signer: CertInfo | null; seal: SealInfo | null; time: number | null;
}
/** An OFD file's page drawn as SVG from what its valid signatures cover. */
export interface OfdPage { svg: string; pages: number; notCovered: string[]; seals: number; }
/** A report as one plain object (what `Report.toJSON()` gives). */
export interface ReportObject {
  verdict: Verdict; kind: "license" | "annotated" | "ofd" | null; checks: Check[]; verified: boolean;
  license: License | null; annotation: Annotation | null;
  signer: Signer | null; annotationSigner: Signer | null;
  matter: string | null; now: number;
  trust: { trustSeq: number; catalogSeq: number; bundleIat: number };
  /** The authority whose trust data verified it (SPEC section 9). */
  authority?: string;
  /** Shown live by the holder's bound device (SPEC section 13). */
  presented: boolean;
  presentation?: Presentation;
  /** For an OFD file: every signature. */
  signatures?: OfdSignature[];
}
export interface StatusListSummary { id: string; entries: number; iat: number; ttl: number; expires: number; ageSeconds: number; stale: boolean; }
/** What the loaded trust data holds and how fresh it is. */
export interface TrustSummary {
  trustSeq: number; trustIat: number; nextUpdate: number; catalogSeq: number; catalogIat: number;
  bundleIat: number; ageSeconds: number; outdated: boolean; clockBehind: boolean; stale: boolean;
  keys: number; types: number; publicTypes: number; matters: number; statusLists: StatusListSummary[];
}
/** One trust authority (a region) the verifier holds; the home one first. */
export interface AuthoritySummary { name: string; home: boolean; sm2Roots: number; summary: TrustSummary; }
export type Level = "national" | "province" | "city" | "district";
export type HolderType = "person" | "legal" | "other";
export interface FieldSpec { key: string; label: string; labelEn?: string; kind: "text" | "date" | "number" | "id" | "enum"; required: boolean; options?: string[]; }
/** A license type of the catalog (SPEC section 7). */
export interface LicenseType {
  code: string; name: string; nameEn?: string; dept: Named; level: Level; holderTypes: HolderType[];
  public: boolean; since: string; validity: "fixed" | "long-term" | "either"; fields: FieldSpec[]; codeRule?: string;
  /** The issuing department's contact, and where to apply or download (keys SPEC does not name). */
  contact?: string; guide?: string;
}
/** A service matter of the usage lists and the licenses it needs. */
export interface Matter { code: string; name: string; dept: Named; needs: { type: string; annotated: boolean }[]; }
export interface SearchFilter { dept?: string; level?: Level; holder?: HolderType; includeNonPublic?: boolean; }
"#;

/// How a value crosses into JavaScript as a plain object. Measured on the
/// benchmark page (README): serde-wasm-bindgen is faster for values of
/// numbers (the summary, 1.25×), one JSON string for anything with text
/// (1.1–1.8×: each string built from wasm is a call and a UTF-8 decode).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Via {
    /// serde-wasm-bindgen: the object built field by field from wasm.
    Serde,
    /// One JSON string that the engine's native parser turns into the object.
    Json,
}

thread_local! {
    /// The benchmark page's override of each call's choice.
    static FORCED: std::cell::Cell<Option<Via>> = const { std::cell::Cell::new(None) };
}

/// Converts to a plain JS object `via` one way (unless the benchmark page
/// forced the other). Numbers past 2^53 (which forged data may carry)
/// become the nearest double: serde-wasm-bindgen refuses them, and such a
/// value goes through JSON.
fn to_js<T: Serialize + ?Sized>(value: &T, via: Via) -> JsValue {
    let json = || serde_json::to_string(value).ok().and_then(|s| js_sys::JSON::parse(&s).ok());
    let serde = || value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok();
    match FORCED.with(|f| f.get()).unwrap_or(via) {
        Via::Serde => serde().or_else(json),
        Via::Json => json(),
    }
    .unwrap_or(JsValue::NULL)
}

/// For the benchmark page only: `"json"` or `"serde"` converts every value
/// that way, `undefined` restores each call's own choice.
#[doc(hidden)]
#[wasm_bindgen(js_name = __forceConversion)]
pub fn force_conversion(via: Option<String>) {
    let via = match via.as_deref() {
        Some("json") => Some(Via::Json),
        Some("serde") => Some(Via::Serde),
        _ => None,
    };
    FORCED.with(|f| f.set(via));
}

fn now_or(now: Option<f64>) -> UnixTime {
    UnixTime::from_secs_f64(now.unwrap_or_else(|| js_sys::Date::now() / 1000.0))
}

/// Verifies licenses and annotated copies against pinned roots and a
/// verified bundle, offline; with several authorities (regions), each input
/// by the authority that lists its signer.
#[wasm_bindgen]
pub struct ZzVerifier {
    authorities: Authorities,
    /// Each authority's pinned roots and SM2 roots, by name.
    pinned: std::collections::HashMap<String, Pinned>,
    /// The home catalog's search index.
    index: CatalogIndex,
}

/// What is pinned for one authority.
struct Pinned {
    roots: Roots,
    /// SM2 roots for OFD files (none until `setSm2Roots`).
    sm2_roots: Vec<zz_ofd::cert::Cert>,
}

fn refused(e: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("bundle refused: {e}"))
}

fn load(roots_text: &str, bundle: &[u8], min_seq: Option<f64>) -> Result<(Roots, Bundle), JsError> {
    let roots = Roots::parse(roots_text).map_err(|e| JsError::new(&format!("roots: {e}")))?;
    let bundle = Bundle::load(bundle, &roots, min_seq.map(|s| s.max(0.0) as u64)).map_err(refused)?;
    Ok((roots, bundle))
}

#[wasm_bindgen]
impl ZzVerifier {
    /// Loads pinned roots (the roots file of SPEC section 11) and a bundle
    /// (`.zzb` bytes) as the home authority, named `name` (default
    /// `"home"`). Throws when either is refused; `minSeq` refuses a trust
    /// list older than one seen before (rollback).
    #[wasm_bindgen(constructor)]
    pub fn new(
        roots_text: &str,
        bundle: &[u8],
        min_seq: Option<f64>,
        name: Option<String>,
    ) -> Result<ZzVerifier, JsError> {
        console_error_panic_hook::set_once();
        let (roots, bundle) = load(roots_text, bundle, min_seq)?;
        let name = name.unwrap_or_else(|| "home".to_owned());
        let index = CatalogIndex::new(&bundle.catalog);
        let authorities = Authorities::new(&name, bundle).map_err(|e| JsError::new(&e.to_string()))?;
        let pinned = std::iter::once((name, Pinned { roots, sm2_roots: Vec::new() })).collect();
        Ok(ZzVerifier { authorities, pinned, index })
    }

    /// Adds another authority (a region) with its own pinned roots and
    /// bundle. Throws, changing nothing, when the name is taken, the
    /// bundle is refused, or a key of its trust list is listed by an
    /// authority already held (a kid belongs to one authority only).
    #[wasm_bindgen(js_name = addAuthority, unchecked_return_type = "TrustSummary")]
    pub fn add_authority(
        &mut self,
        name: &str,
        roots_text: &str,
        bundle: &[u8],
        min_seq: Option<f64>,
        now: Option<f64>,
    ) -> Result<JsValue, JsError> {
        if self.authorities.get(name).is_some() {
            return Err(JsError::new(&format!("authority {name:?} is already loaded: use replaceBundle")));
        }
        let (roots, bundle) = load(roots_text, bundle, min_seq)?;
        let summary = bundle.summary(now_or(now));
        self.authorities.put(name, bundle).map_err(|e| JsError::new(&e.to_string()))?;
        self.pinned.insert(name.to_owned(), Pinned { roots, sm2_roots: Vec::new() });
        Ok(to_js(&summary, Via::Serde))
    }

    /// Removes an authority other than the home one.
    #[wasm_bindgen(js_name = removeAuthority)]
    pub fn remove_authority(&mut self, name: &str) -> Result<(), JsError> {
        self.authorities.remove(name).map_err(|e| JsError::new(&e.to_string()))?;
        self.pinned.remove(name);
        Ok(())
    }

    /// Every authority held, the home one first, with its trust data's
    /// summary at `now`.
    #[wasm_bindgen(unchecked_return_type = "AuthoritySummary[]")]
    pub fn authorities(&self, now: Option<f64>) -> JsValue {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Entry<'a> {
            name: &'a str,
            home: bool,
            sm2_roots: usize,
            summary: zz_core::TrustSummary,
        }
        let now = now_or(now);
        let list: Vec<Entry<'_>> = self
            .authorities
            .iter()
            .enumerate()
            .map(|(i, a)| Entry {
                name: &a.name,
                home: i == 0,
                sm2_roots: self.pinned.get(&a.name).map_or(0, |p| p.sm2_roots.len()),
                summary: a.bundle.summary(now),
            })
            .collect();
        to_js(&list, Via::Json)
    }

    /// Pins the SM2 root (and CA) certificates that OFD signers must chain
    /// to (PEM, as `trust/sm2-roots.pem`) for an authority (default the
    /// home one); returns how many were read. Throws when a certificate
    /// cannot be read, keeping the ones before.
    #[wasm_bindgen(js_name = setSm2Roots)]
    pub fn set_sm2_roots(&mut self, pem: &str, name: Option<String>) -> Result<u32, JsError> {
        let name = name.unwrap_or_else(|| self.authorities.home().name.clone());
        let pinned = self.pinned.get_mut(&name).ok_or_else(|| JsError::new(&format!("no authority named {name:?}")))?;
        let certs =
            zz_ofd::cert::parse_pem(pem).ok_or_else(|| JsError::new("SM2 roots: a certificate cannot be read"))?;
        pinned.sm2_roots = certs;
        Ok(pinned.sm2_roots.len() as u32)
    }

    /// Each authority's SM2 roots, in the order of the authorities.
    fn sm2_roots(&self) -> Vec<&[zz_ofd::cert::Cert]> {
        self.authorities.iter().map(|a| self.pinned.get(&a.name).map_or(&[][..], |p| p.sm2_roots.as_slice())).collect()
    }

    fn context<'a>(&'a self, now: Option<f64>, usage: Usage<'a>) -> Context<'a> {
        Context::among(&self.authorities, now_or(now)).with(usage)
    }

    /// Draws a page (from 0) of an OFD file as SVG from what its valid
    /// signatures cover, after verifying it; `null` when the file is
    /// invalid (it shows no face). Throws when there is no such page or
    /// the page is over the drawing limits.
    #[wasm_bindgen(js_name = renderOfd, unchecked_return_type = "OfdPage | null")]
    pub fn render_ofd(&self, bytes: &[u8], page: Option<u32>, now: Option<f64>) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Page {
            svg: String,
            pages: usize,
            not_covered: Vec<String>,
            seals: usize,
        }
        let (report, _) = zz_ofd::verify_among(bytes, self.context(now, Usage::default()), &self.sm2_roots());
        match zz_ofd::render::render(bytes, &report, page.unwrap_or(0) as usize) {
            Ok(p) => {
                Ok(to_js(&Page { svg: p.svg, pages: p.pages, not_covered: p.not_covered, seals: p.seals }, Via::Json))
            }
            Err(zz_ofd::render::RenderError::Invalid) => Ok(JsValue::NULL),
            Err(e) => Err(JsError::new(&e.to_string())),
        }
    }

    /// Sequence numbers, dates, age and counts of the home authority's
    /// trust data at `now` (unix seconds; default the clock).
    #[wasm_bindgen(unchecked_return_type = "TrustSummary")]
    pub fn summary(&self, now: Option<f64>) -> JsValue {
        to_js(&self.authorities.home().bundle.summary(now_or(now)), Via::Serde)
    }

    /// Replaces an authority's bundle (default the home one's) with a
    /// newer one, verified against that authority's roots. A refused
    /// bundle, or one older than the current (rollback: a lower trust or
    /// catalog seq, or a status list signed before the one held under its
    /// id), throws and leaves every authority as it was.
    #[wasm_bindgen(js_name = replaceBundle, unchecked_return_type = "TrustSummary")]
    pub fn replace_bundle(
        &mut self,
        bundle: &[u8],
        now: Option<f64>,
        name: Option<String>,
    ) -> Result<JsValue, JsError> {
        let name = name.unwrap_or_else(|| self.authorities.home().name.clone());
        let pinned = self.pinned.get(&name).ok_or_else(|| JsError::new(&format!("no authority named {name:?}")))?;
        let next = Bundle::load(bundle, &pinned.roots, None).map_err(refused)?;
        let summary = next.summary(now_or(now));
        let home = name == self.authorities.home().name;
        let index = home.then(|| CatalogIndex::new(&next.catalog));
        self.authorities.put(&name, next).map_err(refused)?;
        if let Some(index) = index {
            self.index = index;
        }
        Ok(to_js(&summary, Via::Serde))
    }

    /// Verifies a license or annotated copy: `.zzl` bytes, or `ZZ1:` text
    /// (as a string or as bytes), or an OFD file's bytes (SPEC section 12,
    /// with the SM2 roots set). The optional inputs of SPEC section 10:
    /// `matter` is the matter code being handled, `org` the verifying
    /// organisation's USCC (用证单位), `applicant` the ID of the person or
    /// organisation the matter is for (办事主体), `nonce` the challenge
    /// shown to the holder for a live presentation (SPEC section 13).
    pub fn verify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] input: JsValue,
        now: Option<f64>,
        matter: Option<String>,
        org: Option<String>,
        applicant: Option<String>,
        nonce: Option<Vec<u8>>,
    ) -> Report {
        let usage = Usage {
            matter: matter.as_deref(),
            org: org.as_deref(),
            applicant: applicant.as_deref(),
            nonce: nonce.as_deref(),
        };
        let bytes = match input.as_string() {
            Some(text) => text.into_bytes(),
            None => js_sys::Uint8Array::new(&input).to_vec(),
        };
        let ctx = self.context(now, usage);
        if zz_ofd::package::looks_like_zip(&bytes) {
            return Report::new(zz_ofd::report_among(&bytes, ctx, &self.sm2_roots()));
        }
        Report::new(verify(&bytes, ctx))
    }

    /// Just the verdict of [`Self::verify`] (for hot loops and benchmarks).
    #[wasm_bindgen(js_name = verifyVerdict, unchecked_return_type = "Verdict")]
    pub fn verify_verdict(
        &self,
        input: &[u8],
        now: Option<f64>,
        matter: Option<String>,
        org: Option<String>,
        applicant: Option<String>,
        nonce: Option<Vec<u8>>,
    ) -> String {
        let usage = Usage {
            matter: matter.as_deref(),
            org: org.as_deref(),
            applicant: applicant.as_deref(),
            nonce: nonce.as_deref(),
        };
        verify(input, self.context(now, usage)).verdict.as_str().to_owned()
    }

    fn home(&self) -> &Bundle {
        &self.authorities.home().bundle
    }

    /// Every license type of the home catalog (only public ones unless asked).
    #[wasm_bindgen(unchecked_return_type = "LicenseType[]")]
    pub fn types(&self, include_non_public: Option<bool>) -> JsValue {
        let all = include_non_public.unwrap_or(false);
        let types: Vec<_> = self.home().catalog.types.iter().filter(|t| all || t.public).collect();
        to_js(&types, Via::Json)
    }

    /// A license type by code, or `null`.
    #[wasm_bindgen(js_name = licenseType, unchecked_return_type = "LicenseType | null")]
    pub fn license_type(&self, code: &str) -> JsValue {
        to_js(&self.home().license_type(code), Via::Json)
    }

    /// Every matter of the usage lists.
    #[wasm_bindgen(unchecked_return_type = "Matter[]")]
    pub fn matters(&self) -> JsValue {
        to_js(&self.home().catalog.matters, Via::Json)
    }

    /// A matter by code, or `null`.
    #[wasm_bindgen(unchecked_return_type = "Matter | null")]
    pub fn matter(&self, code: &str) -> JsValue {
        to_js(&self.home().matter(code), Via::Json)
    }

    /// The matters that accept a license type.
    #[wasm_bindgen(js_name = mattersAccepting, unchecked_return_type = "Matter[]")]
    pub fn matters_accepting(&self, type_code: &str) -> JsValue {
        to_js(&self.home().matters_accepting(type_code).collect::<Vec<_>>(), Via::Json)
    }

    /// Searches the catalog by Chinese name, code, English name or pinyin
    /// (full, initials or a mix: `yingye`, `yyzz`); best matches first. Non-public types only if asked.
    #[wasm_bindgen(unchecked_return_type = "LicenseType[]")]
    pub fn search(
        &self,
        query: &str,
        #[wasm_bindgen(unchecked_param_type = "SearchFilter | undefined")] filter: JsValue,
    ) -> JsValue {
        let filter = parse_filter(&filter);
        let cat = &self.home().catalog;
        let hits: Vec<_> =
            self.index.search(cat, query, &filter).into_iter().filter_map(|i| cat.types.get(i)).collect();
        to_js(&hits, Via::Json)
    }
}

/// The result of a verification (SPEC section 10). `verdict`, `kind`,
/// `verified`, `matter` and `now` are read at once; the checks, the
/// decoded license and annotation, the signers and the trust data are
/// converted into plain objects the first time they are read (once: later
/// reads give the same object), so a caller who only needs the verdict
/// does not pay for the rest. `toJSON()` gives the whole report as one
/// plain object (`JSON.stringify` uses it). `license` and `annotation` are
/// evidence, not fact, unless `verified`.
#[wasm_bindgen]
pub struct Report {
    report: zz_core::Report,
    converted: [std::cell::OnceCell<JsValue>; 7],
}

impl Report {
    fn new(report: zz_core::Report) -> Report {
        Report { report, converted: Default::default() }
    }

    /// Part `i` of the report, converted on first use.
    fn part<T: Serialize + ?Sized>(&self, i: usize, value: &T, via: Via) -> JsValue {
        match self.converted.get(i) {
            Some(cell) => cell.get_or_init(|| to_js(value, via)).clone(),
            None => to_js(value, via),
        }
    }
}

#[wasm_bindgen]
impl Report {
    #[wasm_bindgen(getter, unchecked_return_type = "Verdict")]
    pub fn verdict(&self) -> String {
        self.report.verdict.as_str().to_owned()
    }

    /// `"license"`, `"annotated"`, `"ofd"`, or `null` when the input could not be decoded.
    #[wasm_bindgen(getter, unchecked_return_type = "\"license\" | \"annotated\" | \"ofd\" | null")]
    pub fn kind(&self) -> JsValue {
        self.report.kind.map_or(JsValue::NULL, |k| JsValue::from_str(k.as_str()))
    }

    /// True when the decoded data may be presented as verified (the verdict is not `invalid`).
    #[wasm_bindgen(getter)]
    pub fn verified(&self) -> bool {
        self.report.verified
    }

    /// The matter code the verification was made for.
    #[wasm_bindgen(getter, unchecked_return_type = "string | null")]
    pub fn matter(&self) -> JsValue {
        self.report.matter.as_deref().map_or(JsValue::NULL, JsValue::from_str)
    }

    /// The unix time the verification was made at.
    #[wasm_bindgen(getter)]
    pub fn now(&self) -> f64 {
        self.report.now.as_secs() as f64
    }

    /// Every check of SPEC section 10, in its order.
    #[wasm_bindgen(getter, unchecked_return_type = "Check[]")]
    pub fn checks(&self) -> JsValue {
        self.part(0, &self.report.checks, Via::Json)
    }

    #[wasm_bindgen(getter, unchecked_return_type = "License | null")]
    pub fn license(&self) -> JsValue {
        self.part(1, &self.report.license, Via::Json)
    }

    #[wasm_bindgen(getter, unchecked_return_type = "Annotation | null")]
    pub fn annotation(&self) -> JsValue {
        self.part(2, &self.report.annotation, Via::Json)
    }

    #[wasm_bindgen(getter, unchecked_return_type = "Signer | null")]
    pub fn signer(&self) -> JsValue {
        self.part(3, &self.report.signer, Via::Json)
    }

    #[wasm_bindgen(getter = annotationSigner, unchecked_return_type = "Signer | null")]
    pub fn annotation_signer(&self) -> JsValue {
        self.part(4, &self.report.annotation_signer, Via::Json)
    }

    /// Whether the license was shown live by the holder's bound device.
    #[wasm_bindgen(getter)]
    pub fn presented(&self) -> bool {
        self.report.presented
    }

    /// The authority whose trust data verified it (SPEC section 9).
    #[wasm_bindgen(getter, unchecked_return_type = "string | null")]
    pub fn authority(&self) -> JsValue {
        self.report.authority.as_deref().map_or(JsValue::NULL, JsValue::from_str)
    }

    /// The trust data the verification used.
    #[wasm_bindgen(getter, unchecked_return_type = "{ trustSeq: number; catalogSeq: number; bundleIat: number }")]
    pub fn trust(&self) -> JsValue {
        self.part(5, &self.report.trust, Via::Serde)
    }

    /// For an OFD file: every signature with its checks (empty otherwise).
    #[wasm_bindgen(getter, unchecked_return_type = "OfdSignature[]")]
    pub fn signatures(&self) -> JsValue {
        self.part(6, &self.report.signatures, Via::Json)
    }

    /// The whole report as one plain object.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ReportObject")]
    pub fn to_json(&self) -> JsValue {
        to_js(&self.report, Via::Json)
    }
}

/// An Ed25519 public key, parsed once, for strict verification of raw
/// signatures (SPEC section 1's rules: no small-order key or R, S < L).
#[wasm_bindgen]
pub struct StrictKey {
    key: ed25519_dalek::VerifyingKey,
}

#[wasm_bindgen]
impl StrictKey {
    /// Parses a 32-byte public key; throws when it is not usable.
    #[wasm_bindgen(constructor)]
    pub fn new(public_key: &[u8]) -> Result<StrictKey, JsError> {
        let pk: [u8; 32] = public_key.try_into().map_err(|_| JsError::new("a public key has 32 bytes"))?;
        let usable = zz_core::bundle::UsableKey::parse(&pk).ok_or_else(|| JsError::new("not a usable Ed25519 key"))?;
        Ok(StrictKey { key: usable.key })
    }

    /// `verify_strict` of a signature over a message.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        zz_core::envelope::verify_strict(&self.key, message, signature)
    }
}

/// SM2-with-SM3 verification with the default ID (GB/T 35276), as OFD
/// seals use it: `publicKey` SEC1 (`04‖x‖y`), `signature` DER
/// `SEQUENCE{r, s}` or raw r‖s (for integrators and benchmarks).
#[wasm_bindgen(js_name = sm2Verify)]
pub fn sm2_verify(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    zz_ofd::sm::verify(public_key, message, signature).is_ok()
}

/// The Sig_structure a license or annotated copy's outer signature covers,
/// or, for a live presentation, the one its device signature covers (for
/// integrators and benchmarks); throws when the input is none of these.
#[wasm_bindgen(js_name = signedMessage)]
pub fn signed_message(input: &[u8]) -> Result<Vec<u8>, JsError> {
    use zz_core::envelope::{DeviceSigned, Typ, peek_typ};
    let decoded = zz_core::transport::decode_input(input).map_err(|e| JsError::new(e.en()))?;
    if peek_typ(&decoded.cose) == Some(Typ::Presentation) {
        let ds = DeviceSigned::parse(&decoded.cose).map_err(|e| JsError::new(&format!("{e:?}")))?;
        return Ok(ds.to_be_signed());
    }
    let env = zz_core::Envelope::parse(&decoded.cose).map_err(|e| JsError::new(&format!("{e:?}")))?;
    Ok(env.to_be_signed())
}

fn strings(v: Vec<String>) -> js_sys::Array {
    v.into_iter().map(JsValue::from).collect()
}

/// Every QR code payload in an image file (PNG or JPEG; large photos are
/// downscaled first). Throws when the file is not a readable image.
#[wasm_bindgen(js_name = decodeQrImage, unchecked_return_type = "string[]")]
pub fn decode_qr_image(bytes: &[u8]) -> Result<js_sys::Array, JsError> {
    console_error_panic_hook::set_once();
    zz_qr::decode_image(bytes).map(strings).map_err(|e| JsError::new(&e.to_string()))
}

/// Every QR code payload in an RGBA frame (`ImageData.data` of a canvas).
/// For a camera stream pass `frame`, the frame's number (0, 1, 2, …): each
/// frame then gets the fast passes and one of the slow ones in turn, so
/// that decoding keeps up with the camera (`zz_qr::decode_frame`).
/// Without it every pass is tried, as for a still image.
#[wasm_bindgen(js_name = decodeQrRgba, unchecked_return_type = "string[]")]
pub fn decode_qr_rgba(rgba: &[u8], width: u32, height: u32, frame: Option<u32>) -> js_sys::Array {
    decode_qr_luma(zz_qr::luma_of_rgba(rgba), width, height, frame)
}

/// Every QR code payload in a greyscale frame (one byte per pixel); `frame`
/// as for `decodeQrRgba`.
#[wasm_bindgen(js_name = decodeQrLuma, unchecked_return_type = "string[]")]
pub fn decode_qr_luma(luma: Vec<u8>, width: u32, height: u32, frame: Option<u32>) -> js_sys::Array {
    console_error_panic_hook::set_once();
    strings(match frame {
        Some(n) => zz_qr::decode_frame(luma, width, height, n),
        None => zz_qr::decode_luma(luma, width, height),
    })
}

fn parse_filter(v: &JsValue) -> Filter {
    let get = |k: &str| js_sys::Reflect::get(v, &JsValue::from_str(k)).ok().and_then(|x| x.as_string());
    if !v.is_object() {
        return Filter::default();
    }
    Filter {
        dept: get("dept"),
        level: get("level").as_deref().and_then(Level::parse),
        holder: get("holder").as_deref().and_then(HolderType::parse),
        include_non_public: js_sys::Reflect::get(v, &JsValue::from_str("includeNonPublic"))
            .ok()
            .and_then(|x| x.as_bool())
            .unwrap_or(false),
    }
}

/// Native tests (`cargo test -p zz-wasm`); the API's own tests run in a
/// JavaScript engine (tests/api.rs).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeSet;

    use zz_core::CheckId;

    /// The TypeScript declarations as written above (the attribute turns
    /// the constant into a custom section of the module: there is no
    /// constant left to read).
    fn declarations() -> &'static str {
        let source = include_str!("lib.rs");
        let (_, rest) = source.split_once("const TYPES: &str = r#\"").expect("the TYPES constant");
        rest.split_once("\"#;").expect("the end of TYPES").0
    }

    /// The members of the TypeScript union `export type NAME = "a" | "b" …;`
    /// in the declarations, each a string literal.
    fn union_of(types: &str, name: &str) -> Vec<String> {
        let head = format!("export type {name} =");
        let (_, rest) = types.split_once(&head).unwrap_or_else(|| panic!("no {head} in the declarations"));
        let (body, _) = rest.split_once(';').unwrap_or_else(|| panic!("{head} does not end"));
        body.split('|')
            .map(|member| {
                let m = member.trim();
                let literal = m.strip_prefix('"').and_then(|m| m.strip_suffix('"'));
                match literal {
                    Some(s) if !s.contains('"') => s.to_owned(),
                    _ => panic!("{name}: {m:?} is not a string literal"),
                }
            })
            .collect()
    }

    /// The TypeScript `CheckId` is every check id of zz-core, those of
    /// SPEC section 10 (`CheckId::ALL`) and of section 12 (`CheckId::OFD`),
    /// each once.
    #[test]
    fn the_typescript_check_ids_are_the_cores() {
        let ts = union_of(declarations(), "CheckId");
        let unique: BTreeSet<&str> = ts.iter().map(String::as_str).collect();
        assert_eq!(unique.len(), ts.len(), "an id repeats in the TypeScript CheckId: {ts:?}");
        let core: Vec<&str> = CheckId::ALL.iter().chain(CheckId::OFD).map(|c| c.as_str()).collect();
        let core_unique: BTreeSet<&str> = core.iter().copied().collect();
        assert_eq!(core_unique.len(), core.len(), "an id repeats in CheckId::ALL and CheckId::OFD: {core:?}");
        assert_eq!(
            unique,
            core_unique,
            "TypeScript only: {:?}; zz-core only: {:?}",
            unique.difference(&core_unique).collect::<Vec<_>>(),
            core_unique.difference(&unique).collect::<Vec<_>>()
        );
        for id in &ts {
            assert_eq!(CheckId::from_id(id).map(CheckId::as_str), Some(id.as_str()));
        }
    }

    #[test]
    fn a_union_is_read_member_by_member() {
        let types = "export type A = \"x\" | \"y\"\n  | \"z\";\nexport type B = \"w\";";
        assert_eq!(union_of(types, "A"), ["x", "y", "z"]);
        assert_eq!(union_of(types, "B"), ["w"]);
    }

    #[test]
    #[should_panic(expected = "not a string literal")]
    fn a_member_that_is_not_a_literal_is_refused() {
        union_of("export type A = \"x\" | string;", "A");
    }
}
