//! Verification of a presented license or annotated copy (SPEC section 10).

use crate::authority::Authorities;
use crate::bundle::{Bundle, TrustedKey};
use crate::envelope::{DeviceAlg, DeviceSigned, Envelope, EnvelopeError, Typ};
use crate::hex::hex;
use crate::ident::{IdProblem, LicenseId, resident_id_valid, uscc_valid};
use crate::model::{Annotation, DeviceKey, ID_TYPE_RESIDENT, ID_TYPE_USCC, License, Presentation, Role, StatusValue};
use crate::report::{Check, CheckId, Kind, Outcome, Report, Signer, Text, Verdict};
use crate::time::UnixTime;
use crate::transport::{self, MAX_OBJECT};

/// How far in the future a license or annotated copy may be signed (s).
pub const CLOCK_SKEW: u64 = 300;
/// How long a presentation is fresh (SPEC section 13: 90 s).
pub const PRESENTATION_WINDOW: u64 = 90;
/// A license ending within this many seconds gets a warning.
pub const EXPIRY_WARNING: i64 = 30 * 86_400;

/// What the verifier is asked: the trust data, the time, and the use being
/// made of the license.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The bundle that verifies: the only one, or, with several
    /// authorities, the home one until an input's signer picks its own.
    pub bundle: &'a Bundle,
    pub now: UnixTime,
    pub usage: Usage<'a>,
    /// Several authorities (SPEC section 9), if loaded: `bundle` is then
    /// the chosen one's and `authority` its name.
    pub authorities: Option<&'a Authorities>,
    /// The name of the authority whose bundle is `bundle`.
    pub authority: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// A verification with one bundle and none of the optional inputs.
    pub fn new(bundle: &'a Bundle, now: UnixTime) -> Self {
        Context { bundle, now, usage: Usage::default(), authorities: None, authority: None }
    }

    /// A verification among several authorities: each input is verified by
    /// the one that lists its signer, else by the home one.
    pub fn among(authorities: &'a Authorities, now: UnixTime) -> Self {
        let home = authorities.home();
        Context {
            bundle: &home.bundle,
            now,
            usage: Usage::default(),
            authorities: Some(authorities),
            authority: Some(&home.name),
        }
    }

    /// The same verification by the authority that lists `kid` (the home
    /// one when none does); unchanged with a single bundle.
    pub fn for_kid(self, kid: &crate::keys::Kid) -> Self {
        match self.authorities {
            Some(all) => {
                let a = all.for_kid(kid);
                Context { bundle: &a.bundle, authority: Some(&a.name), ..self }
            }
            None => self,
        }
    }

    /// The bundle whose catalog decides matters: the home authority's.
    pub fn home(&self) -> &'a Bundle {
        self.authorities.map_or(self.bundle, |a| &a.home().bundle)
    }

    /// The same verification for `usage`.
    pub fn with(self, usage: Usage<'a>) -> Self {
        Context { usage, ..self }
    }
}

/// The optional inputs of SPEC section 10: what the staff is handling, for
/// whom, at which organisation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage<'a> {
    /// The matter (用证事项) the staff is handling.
    pub matter: Option<&'a str>,
    /// The USCC of the organisation doing the verifying (用证单位).
    pub org: Option<&'a str>,
    /// The applicant's ID (办事主体): a resident ID number or a USCC.
    pub applicant: Option<&'a str>,
    /// The nonce the verifier showed the holder (SPEC section 13).
    pub nonce: Option<&'a [u8]>,
}

impl<'a> Usage<'a> {
    /// Only a matter.
    pub fn matter(matter: Option<&'a str>) -> Self {
        Usage { matter, ..Usage::default() }
    }
}

/// Verifies `input` (binary COSE or `ZZ1:` text) and reports every check.
pub fn verify(input: &[u8], ctx: Context<'_>) -> Report {
    let mut r = Checks::new();
    let decoded = match transport::decode_input(input) {
        Ok(d) => d,
        Err(e) => {
            r.fail(CheckId::Decode, e.zh(), e.en());
            return r.finish(None, None, ctx);
        }
    };
    let presented = decode(&decoded, &mut r);
    let kind = presented.as_ref().map(|p| p.kind());
    // The license's signer picks the authority (SPEC section 9).
    let ctx = match &presented {
        Some(p) => ctx.for_kid(&p.license_env.kid),
        None => ctx,
    };
    if let Some(p) = &presented {
        check_presented(p, ctx, &mut r);
    }
    r.finish(kind, presented, ctx)
}

/// The kid of the key that signed the license in `input` (the license
/// inside, for an annotated copy), if `input` reads as one: what picks the
/// authority that verifies it (SPEC section 9).
pub fn license_kid(input: &[u8]) -> Option<crate::keys::Kid> {
    let decoded = transport::decode_input(input).ok()?;
    let presented = decode(&decoded, &mut Checks::new())?;
    Some(presented.license_env.kid)
}

/// The report for input that could not be read at all (a file that cannot
/// be opened, an image with no code): its `decode` check fails with this
/// reason, and nothing else is checked.
pub fn undecodable(ctx: Context<'_>, zh: impl Into<Text>, en: impl Into<Text>) -> Report {
    let mut r = Checks::new();
    r.fail(CheckId::Decode, zh, en);
    r.finish(None, None, ctx)
}

/// The decoded, structurally valid object.
struct Presented<'a> {
    license_env: Envelope<'a>,
    license: License,
    annotated: Option<(Envelope<'a>, Annotation)>,
    /// For a presentation (SPEC section 13): its envelope and payload.
    live: Option<(DeviceSigned<'a>, Presentation)>,
}

impl Presented<'_> {
    fn kind(&self) -> Kind {
        if self.annotated.is_some() { Kind::Annotated } else { Kind::License }
    }
}

fn decode<'a>(decoded: &'a transport::Decoded<'_>, r: &mut Checks) -> Option<Presented<'a>> {
    if decoded.cose.len() > MAX_OBJECT {
        r.pass(CheckId::Decode, "已解码", "Decoded");
        r.fail(CheckId::Structure, "数据过大，超过 64 KiB 的上限", "Larger than the 64 KiB limit");
        return None;
    }
    // A presentation is signed by a device key, under its own envelope
    // rules (SPEC section 13); everything else by a trust-list key.
    let presented = if crate::envelope::peek_typ(&decoded.cose) == Some(Typ::Presentation) {
        r.pass(CheckId::Decode, "已解码现场出示码", "Decoded a live presentation");
        read_presentation(&decoded.cose)
    } else {
        let outer = match Envelope::parse(&decoded.cose) {
            Ok(env) => env,
            Err(EnvelopeError::Malformed(m)) => {
                let e = transport::DecodeError::NotCbor;
                r.fail(CheckId::Decode, e.zh(), format!("{} ({m})", e.en()));
                return None;
            }
            Err(EnvelopeError::Structure(m)) => {
                r.pass(CheckId::Decode, "已解码", "Decoded");
                r.structure_fail(m);
                return None;
            }
        };
        r.pass(
            CheckId::Decode,
            if decoded.from_text { "已解码 ZZ1: 文本" } else { "已读取证照文件" },
            if decoded.from_text { "Decoded ZZ1: text" } else { "Read a license file" },
        );
        match outer.typ {
            Typ::License => read_license(outer).map(|(license_env, license)| Presented {
                license_env,
                license,
                annotated: None,
                live: None,
            }),
            Typ::Annotated => read_annotated(outer),
            other => Err(format!("a {} object is not a license or annotated copy", other.media_type())),
        }
    };
    match presented {
        Ok(p) => {
            r.pass(CheckId::Structure, "数据结构符合 ZZ1 格式", "The structure follows ZZ1");
            Some(p)
        }
        Err(m) => {
            r.structure_fail(m);
            None
        }
    }
}

fn read_license(env: Envelope<'_>) -> Result<(Envelope<'_>, License), String> {
    let license = env.payload_item().and_then(|v| License::from_cbor(&v)).map_err(|e| e.reason())?;
    Ok((env, license))
}

fn read_annotated(outer: Envelope<'_>) -> Result<Presented<'_>, String> {
    let value = outer.payload_item().map_err(|e| e.reason())?;
    let (annotation, license_bytes) = Annotation::from_cbor(&value).map_err(|e| e.reason())?;
    let inner = Envelope::parse_as(license_bytes, Typ::License).map_err(|e| match e {
        EnvelopeError::Malformed(m) | EnvelopeError::Structure(m) => format!("embedded license: {m}"),
    })?;
    let (license_env, license) = read_license(inner).map_err(|m| format!("embedded license: {m}"))?;
    Ok(Presented { license_env, license, annotated: Some((outer, annotation)), live: None })
}

/// A presentation (SPEC section 13): its envelope, payload, and the
/// license original it carries.
fn read_presentation(bytes: &[u8]) -> Result<Presented<'_>, String> {
    let ds = DeviceSigned::parse(bytes).map_err(|e| match e {
        EnvelopeError::Malformed(m) | EnvelopeError::Structure(m) => m,
    })?;
    let value = ds.payload_item().map_err(|e| e.reason())?;
    let (presentation, obj) = Presentation::from_cbor(&value).map_err(|e| e.reason())?;
    let env = Envelope::parse(obj).map_err(|e| match e {
        EnvelopeError::Malformed(m) | EnvelopeError::Structure(m) => format!("presented license: {m}"),
    })?;
    if env.typ != Typ::License {
        return Err(format!(
            "a presentation carries a license original, not a {} object (an annotated copy is not presented live)",
            env.typ.media_type()
        ));
    }
    let (license_env, license) = read_license(env).map_err(|m| format!("presented license: {m}"))?;
    Ok(Presented { license_env, license, annotated: None, live: Some((ds, presentation)) })
}

fn check_presented(p: &Presented<'_>, ctx: Context<'_>, r: &mut Checks) {
    let l = &p.license;
    let issuer = ctx.bundle.key(&p.license_env.kid);
    r.signer = signer_checks(SignerRole::License(&l.type_code), &p.license_env, issuer, l.iat, ctx.now, r);
    r.set(CheckId::LicenseValidity, license_validity(l, ctx.now));
    r.set(CheckId::Status, status_check(l, ctx));
    r.set(CheckId::Catalog, catalog_check(l, ctx.bundle));
    r.set(CheckId::Identifier, identifier_check(l));
    r.set(CheckId::HolderId, holder_check(l));
    if let Some((env, a)) = &p.annotated {
        let maker = ctx.bundle.key(&env.kid);
        r.annotation_signer = signer_checks(SignerRole::Annotation, env, maker, a.iat, ctx.now, r);
        r.set(CheckId::AnnotationValidity, annotation_validity(a, ctx.now));
        r.set(CheckId::AnnotationScope, annotation_scope(a, l, ctx.usage.matter));
        r.set(CheckId::AnnotationRecipient, annotation_recipient(a, ctx.usage.org));
    }
    if let Some(id) = ctx.usage.applicant {
        r.set(CheckId::Applicant, applicant_check(l, p.annotated.as_ref().map(|(_, a)| a), id));
    } else {
        r.set(CheckId::Applicant, skip("未填写办事主体证件号码", "No applicant ID was given"));
    }
    r.set(CheckId::Matter, matter_check(l, p.kind(), ctx));
    presentation_checks(p, ctx, r);
}

/// `holder-binding`, `presentation-fresh` and `presentation-audience`
/// (SPEC sections 10 and 13).
fn presentation_checks(p: &Presented<'_>, ctx: Context<'_>, r: &mut Checks) {
    let Some((ds, live)) = &p.live else {
        let not_live = || skip("不是现场出示码", "Not a live presentation");
        r.set(CheckId::PresentationFresh, not_live());
        r.set(CheckId::PresentationAudience, not_live());
        r.set(
            CheckId::HolderBinding,
            match (&p.annotated, &p.license.cnf) {
                (Some(_), _) => skip("加注件不现场出示", "An annotated copy is not shown live"),
                (None, Some(_)) => warn(
                    "这是证照复制件（截图/照片），请持证人现场亮证",
                    "This is a copy of the license (a screenshot or photo): ask the holder to show it live",
                ),
                (None, None) => skip("证照未绑定持证人设备", "The license binds no holder's device"),
            },
        );
        return;
    };
    r.set(CheckId::HolderBinding, holder_binding(ds, &p.license));
    r.set(CheckId::PresentationFresh, presentation_fresh(live, ctx));
    r.set(
        CheckId::PresentationAudience,
        match (ctx.usage.org, live.aud.as_deref()) {
            (Some(org), Some(aud)) if org != aud => fail(
                format!("该出示码是向 {aud} 出示的，不是本单位（{org}）"),
                format!("The presentation was made for {aud}, not for this organisation ({org})"),
            ),
            (Some(_), Some(_)) => pass("出示对象为本单位", "Shown to this organisation"),
            _ => skip("未指定出示对象或用证单位", "No audience or organisation to compare"),
        },
    );
}

fn holder_binding(ds: &DeviceSigned<'_>, l: &License) -> Check {
    let Some(key) = &l.cnf else {
        return fail(
            "出示的证照未绑定持证人设备，不能现场出示",
            "The license presented binds no holder's device: it cannot be presented live",
        );
    };
    let tbs = ds.to_be_signed();
    let ok = match (key, ds.alg) {
        (DeviceKey::Ed25519(x), DeviceAlg::EdDsa) => crate::keys::verify_strict_raw(x, &tbs, ds.signature()),
        (DeviceKey::P256 { x, y }, DeviceAlg::Es256) => crate::keys::verify_p256(x, y, &tbs, ds.signature()),
        _ => false,
    };
    if ok {
        pass(
            format!("出示码由持证人绑定的设备签名（{}）", key.kind()),
            format!("Signed by the holder's bound device ({})", key.kind()),
        )
    } else {
        fail(
            "出示码不是由该证照绑定的持证人设备签名的",
            "The presentation is not signed by the holder's device the license binds",
        )
    }
}

fn presentation_fresh(live: &Presentation, ctx: Context<'_>) -> Check {
    let age = ctx.now.seconds_since(live.iat);
    if age > PRESENTATION_WINDOW as i64 {
        return fail(
            format!("出示码已过期（{age} 秒前生成，超过 90 秒）：可能是截图或录屏，请持证人重新亮证"),
            format!(
                "The presentation is stale (made {age} s ago, over 90 s): it may be a screenshot; ask for a fresh one"
            ),
        );
    }
    if -age > CLOCK_SKEW as i64 {
        return fail(
            "出示码的生成时间晚于现在超过 5 分钟：请核对持证人设备的时钟",
            "The presentation was made more than 5 minutes in the future: check the holder's device clock",
        );
    }
    match (ctx.usage.nonce, live.nonce.as_deref()) {
        (Some(want), Some(got)) if want == got => {
            pass("出示码现场生成，并回应了本次核验码", "Made just now, answering this verification's challenge")
        }
        (Some(_), _) => fail(
            "出示码没有回应本次核验码（可能是事先生成的）：请持证人扫描核验码后重新亮证",
            "The presentation does not answer this challenge (it may have been made earlier): ask the holder to scan it and show again",
        ),
        (None, _) => pass("出示码在 90 秒内生成", "Made within the last 90 s"),
    }
}

enum SignerRole<'a> {
    /// An `issue` key signing a license of this type.
    License(&'a str),
    /// An `annotate` key signing an annotated copy.
    Annotation,
}

/// The signature and signer checks for one signature. For a license they
/// are `signature`, `signer-trusted`, `signer-authorized` and
/// `signer-validity`; for an annotated copy `annotation-signature` and
/// `annotation-signer`, which covers trust and validity together.
fn signer_checks(
    role: SignerRole<'_>,
    env: &Envelope<'_>,
    key: Option<&TrustedKey>,
    iat: UnixTime,
    now: UnixTime,
    r: &mut Checks,
) -> Option<Signer> {
    let (sig_id, trusted_id, validity_id, needed) = match role {
        SignerRole::License(_) => (CheckId::Signature, CheckId::SignerTrusted, CheckId::SignerValidity, Role::Issue),
        SignerRole::Annotation => {
            (CheckId::AnnotationSignature, CheckId::AnnotationSigner, CheckId::AnnotationSigner, Role::Annotate)
        }
    };
    let kid = hex(&env.kid);
    let Some(key) = key else {
        r.fail(
            trusted_id,
            "签名密钥不在信任列表中，签发者未知",
            "The signing key is not in the trust list: unknown signer",
        );
        r.skip_because_untrusted(sig_id);
        return None;
    };
    let signer = Signer { kid: kid.clone(), name: key.entry.org.name.clone(), code: key.entry.org.code.clone() };
    if !key.entry.has_role(needed) {
        let (zh, en) = match needed {
            Role::Issue => ("签发证照", "issue licenses"),
            _ => ("制作加注件", "make annotated copies"),
        };
        r.fail(
            trusted_id,
            format!("{}的签名密钥无权{zh}", signer.name),
            format!("{}'s signing key may not {en}", signer.name),
        );
        r.skip_because_untrusted(sig_id);
        return Some(signer);
    }

    match &key.key {
        None => r.fail(
            sig_id,
            "信任列表中的该密钥不可用（无效或小阶公钥）",
            "The trust list's key is not usable (invalid or of small order)",
        ),
        Some(k) if env.verify(k) => r.pass(sig_id, "签名验证通过", "The signature verifies"),
        Some(_) => {
            r.fail(sig_id, "签名无效：数据可能被篡改", "The signature does not verify: the data may have been altered")
        }
    }

    let validity = signer_validity(key, iat, now);
    match role {
        SignerRole::License(type_code) => {
            r.pass(trusted_id, "签发者在信任列表中，有签发权限", "The signer is in the trust list with the issue role");
            if key.entry.may_issue(type_code) {
                r.pass(CheckId::SignerAuthorized, "签发者有权签发该类证照", "The signer may issue this license type");
            } else {
                r.fail(
                    CheckId::SignerAuthorized,
                    format!("{} 无权签发类型 {type_code} 的证照", signer.name),
                    format!("{} is not authorised to issue type {type_code}", signer.name),
                );
            }
            r.set(validity_id, validity.unwrap_or_else(|| pass("签名时密钥有效", "The key was valid when it signed")));
        }
        SignerRole::Annotation => {
            r.set(
                validity_id,
                validity
                    .unwrap_or_else(|| pass(format!("制作人：{}", signer.name), format!("Made by {}", signer.name))),
            );
        }
    }
    Some(signer)
}

/// SPEC section 6's rule on `iat`; `None` when it holds.
fn signer_validity(key: &TrustedKey, iat: UnixTime, now: UnixTime) -> Option<Check> {
    let e = &key.entry;
    if iat > now.saturating_add_secs(CLOCK_SKEW) {
        return Some(fail(
            format!("签名时间 {} 晚于当前时间：拒绝未来签名的数据", iat.zh()),
            format!("Signed in the future ({}): refused", iat.en()),
        ));
    }
    if let Some(revoked) = e.revoked_at.filter(|&rv| iat >= rv) {
        return Some(fail(
            format!("签名时（{}）密钥已于 {} 吊销", iat.zh(), revoked.zh()),
            format!("The key was revoked on {} before it signed ({})", revoked.en(), iat.en()),
        ));
    }
    if !key.valid_at(iat) {
        return Some(fail(
            format!("签名时间 {} 不在密钥有效期（{} 至 {}）内", iat.zh(), e.valid_from.zh(), e.valid_to.zh()),
            format!(
                "Signed at {}, outside the key's validity ({} to {})",
                iat.en(),
                e.valid_from.en(),
                e.valid_to.en()
            ),
        ));
    }
    None
}

fn license_validity(l: &License, now: UnixTime) -> Check {
    if now < l.start() {
        return fail(
            format!("证照尚未生效：自 {} 起有效", l.valid_from.zh()),
            format!("Not yet valid: valid from {}", l.valid_from),
        );
    }
    let (Some(end), Some(to)) = (l.end(), l.valid_to) else {
        return pass("长期有效", "Long-term (no end date)");
    };
    if now >= end {
        return fail(format!("证照已于 {} 到期", to.zh()), format!("Expired: valid to {to}"));
    }
    let left = end.seconds_since(now);
    if left <= EXPIRY_WARNING {
        let days = (left + 86_399) / 86_400;
        return warn(
            format!("即将到期：有效期至 {}（约 {days} 天后）", to.zh()),
            format!("Expires soon: valid to {to} (in about {days} days)"),
        );
    }
    pass("在有效期内", "Within its validity period")
}

fn status_check(l: &License, ctx: Context<'_>) -> Check {
    let Some(sref) = &l.status else {
        return warn("证照未登记状态列表，无法确认是否注销", "The license names no status list: status unknown");
    };
    let Some(list) = ctx.bundle.status_list(&sref.list) else {
        return warn(
            format!("状态列表 {} 不在信任数据中，无法确认状态", sref.list),
            format!("Status list {} is not in the trust data: status unknown", sref.list),
        );
    };
    let Some(value) = list.get(sref.idx) else {
        return fail(
            format!("状态序号 {} 超出状态列表 {} 的范围", sref.idx, sref.list),
            format!("Status index {} is past the end of list {}", sref.idx, sref.list),
        );
    };
    match value {
        StatusValue::Revoked => fail("证照已注销", "Revoked"),
        StatusValue::Suspended => fail("证照已停用", "Suspended"),
        StatusValue::Superseded => fail("证照已变更或换发，存在更新的版本", "Superseded: a newer version exists"),
        StatusValue::Valid if list.stale_at(ctx.now) => {
            let expired = list.expires();
            warn(
                format!("状态列表已过期（{} 后不可依赖），无法确认当前状态", expired.zh()),
                format!("The status list is stale (not to be relied on after {})", expired.en()),
            )
        }
        StatusValue::Valid => pass("状态正常（未注销、未停用）", "Status: in force (not revoked or suspended)"),
    }
}

fn catalog_check(l: &License, bundle: &Bundle) -> Check {
    let Some(t) = bundle.license_type(&l.type_code) else {
        return fail(
            format!("证照类型 {} 不在证照目录中", l.type_code),
            format!("License type {} is not in the catalog", l.type_code),
        );
    };
    let missing: Vec<&str> =
        t.fields.iter().filter(|f| f.required && l.field(&f.key).is_none()).map(|f| f.key.as_str()).collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        return fail(format!("缺少必填照面项：{list}"), format!("Required face fields are missing: {list}"));
    }
    pass("证照类型在目录中，必填照面项齐全", "The type is in the catalog and every required face field is present")
}

fn identifier_check(l: &License) -> Check {
    match LicenseId::parse(&l.id) {
        Ok(id) if id.type_code == l.type_code => pass("证照标识符合 GB/T 36904", "The identifier follows GB/T 36904"),
        Ok(_) => {
            warn("证照标识中的类型代码与证照类型不一致", "The identifier's type segment differs from the license type")
        }
        Err(IdProblem::Check) => warn("证照标识校验位错误", "The identifier's check character is wrong"),
        Err(_) => warn("证照标识格式不符合 GB/T 36904", "The identifier is not a well-formed GB/T 36904 identifier"),
    }
}

fn holder_check(l: &License) -> Check {
    let h = &l.holder;
    let (ok, zh, en) = match h.id_type.as_str() {
        ID_TYPE_RESIDENT => (resident_id_valid(&h.id), "公民身份号码", "resident ID number"),
        ID_TYPE_USCC => (uscc_valid(&h.id), "统一社会信用代码", "unified social credit code"),
        other => {
            return pass(format!("代码类型 {other} 按原样接受"), format!("Code type {other} is accepted as it is"));
        }
    };
    if ok {
        pass("持证主体代码校验位正确", "The holder's code has a correct check character")
    } else {
        warn(format!("持证主体{zh}校验位错误"), format!("The holder's {en} has a wrong check character"))
    }
}

fn annotation_validity(a: &Annotation, now: UnixTime) -> Check {
    let (from, to) = (a.valid_from, a.valid_to);
    if now < from {
        return fail(
            format!("加注件尚未生效：自 {} 起有效", from.zh()),
            format!("The annotation is not yet valid: from {}", from.en()),
        );
    }
    if now >= to {
        return fail(format!("加注件已于 {} 失效", to.zh()), format!("The annotation expired at {}", to.en()));
    }
    pass(format!("加注件有效期至 {}", to.zh()), format!("The annotation is valid until {}", to.en()))
}

fn annotation_scope(a: &Annotation, l: &License, matter: Option<&str>) -> Check {
    let reaches_before = a.valid_from < l.start();
    let reaches_after = l.end().is_some_and(|end| a.valid_to > end);
    if reaches_before || reaches_after {
        return fail(
            "加注件有效期超出证照本身的有效期",
            "The annotation's window reaches outside the license's validity",
        );
    }
    if let (Some(given), Some(named)) = (matter, &a.matter)
        && named.code != given
    {
        return fail(
            format!("加注件仅用于事项「{}」（{}），不能用于当前事项 {given}", named.name, named.code),
            format!("The annotation is for matter {} ({}), not for {given}", named.code, named.name),
        );
    }
    match &a.matter {
        Some(m) => pass(format!("用于事项：{}", m.name), format!("For matter: {}", m.name)),
        None => pass("加注件未限定事项", "The annotation names no matter"),
    }
}

fn annotation_recipient(a: &Annotation, org: Option<&str>) -> Check {
    let Some(named) = &a.recipient else {
        return pass("加注件未限定用证单位", "The annotation names no using organisation");
    };
    match org {
        Some(given) if named.code == given => {
            pass(format!("用证单位：{}", named.name), format!("For this organisation: {}", named.name))
        }
        Some(given) => fail(
            format!("加注件仅限用证单位「{}」（{}）使用，不能用于本单位（{given}）", named.name, named.code),
            format!("The annotation is for {} ({}), not for this organisation ({given})", named.name, named.code),
        ),
        None => warn(
            format!("加注件仅限用证单位「{}」（{}）使用：未设置本单位代码，请核对", named.name, named.code),
            format!(
                "The annotation is for {} ({}) only: no organisation code was given, check it",
                named.name, named.code
            ),
        ),
    }
}

fn applicant_check(l: &License, a: Option<&Annotation>, id: &str) -> Check {
    if l.holder.is(id) {
        return pass("办事主体是持证人本人", "The applicant is the holder");
    }
    if let Some(agent) = a.and_then(|a| a.agent.as_ref()).filter(|agent| agent.is(id)) {
        return pass(
            format!("办事主体是加注件指定的受托人 {}", agent.name),
            format!("The applicant is {}, the agent the annotation names", agent.name),
        );
    }
    let agent = a.is_some_and(|a| a.agent.is_some());
    fail(
        if agent {
            "办事主体既不是持证人，也不是加注件指定的受托人"
        } else {
            "办事主体不是持证人：证件号码与持证主体代码不一致"
        },
        if agent {
            "The applicant is neither the holder nor the agent the annotation names"
        } else {
            "The applicant is not the holder: the ID differs from the holder's code"
        },
    )
}

fn matter_check(l: &License, kind: Kind, ctx: Context<'_>) -> Check {
    let Some(code) = ctx.usage.matter else {
        return skip("未选择办理事项", "No matter was chosen");
    };
    // The home catalog decides matters, whoever issued the license.
    let Some(m) = ctx.home().matter(code) else {
        return fail(format!("事项 {code} 不在用证清单中"), format!("Matter {code} is not in the usage lists"));
    };
    let Some(need) = m.need(&l.type_code) else {
        return fail(
            format!("事项「{}」不接受此类证照", m.name),
            format!("Matter {} does not accept this license type", m.name),
        );
    };
    if need.annotated && kind == Kind::License {
        return fail(
            format!("事项「{}」要求提交加注件，而出示的是证照原件", m.name),
            format!("Matter {} requires an annotated copy, but an original was shown", m.name),
        );
    }
    pass(format!("事项「{}」接受此证照", m.name), format!("Accepted for matter {}", m.name))
}

fn check(outcome: Outcome, zh: impl Into<Text>, en: impl Into<Text>) -> Check {
    // The id is filled in by `Checks::set`.
    Check { id: CheckId::Decode, outcome, zh: zh.into(), en: en.into() }
}

fn pass(zh: impl Into<Text>, en: impl Into<Text>) -> Check {
    check(Outcome::Pass, zh, en)
}

fn fail(zh: impl Into<Text>, en: impl Into<Text>) -> Check {
    check(Outcome::Fail, zh, en)
}

fn warn(zh: impl Into<Text>, en: impl Into<Text>) -> Check {
    check(Outcome::Warn, zh, en)
}

fn skip(zh: impl Into<Text>, en: impl Into<Text>) -> Check {
    check(Outcome::Skip, zh, en)
}

/// Collects checks by id; whatever is not set is reported as skipped.
struct Checks {
    slots: Vec<Option<Check>>,
    signer: Option<Signer>,
    annotation_signer: Option<Signer>,
}

impl Checks {
    fn new() -> Self {
        Checks { slots: vec![None; CheckId::ALL.len()], signer: None, annotation_signer: None }
    }

    fn set(&mut self, id: CheckId, mut c: Check) {
        c.id = id;
        if let Some(slot) = self.slots.get_mut(id as usize) {
            *slot = Some(c);
        }
    }

    fn pass(&mut self, id: CheckId, zh: impl Into<Text>, en: impl Into<Text>) {
        self.set(id, pass(zh, en));
    }

    fn fail(&mut self, id: CheckId, zh: impl Into<Text>, en: impl Into<Text>) {
        self.set(id, fail(zh, en));
    }

    fn structure_fail(&mut self, reason: String) {
        self.fail(
            CheckId::Structure,
            format!("不是有效的 ZZ1 电子证照：{reason}"),
            format!("Not a valid ZZ1 object: {reason}"),
        );
    }

    fn skip_because_untrusted(&mut self, id: CheckId) {
        self.set(id, skip("签发者不可信，未验证签名", "Not checked: the signer is not trusted"));
    }

    fn finish(mut self, kind: Option<Kind>, presented: Option<Presented<'_>>, ctx: Context<'_>) -> Report {
        self.set(CheckId::Bundle, ctx.bundle.check_at(ctx.now));
        let checks: Vec<Check> = CheckId::ALL
            .iter()
            .zip(self.slots)
            .map(|(&id, slot)| {
                slot.unwrap_or_else(|| Check {
                    id,
                    outcome: Outcome::Skip,
                    zh: "不适用或未检查".into(),
                    en: "Not applicable or not checked".into(),
                })
            })
            .collect();
        let failed = checks.iter().any(|c| c.outcome == Outcome::Fail) || presented.is_none();
        let status_confirmed = checks.iter().any(|c| c.id == CheckId::Status && c.outcome == Outcome::Pass);
        // A bare license that binds a device: a copy, at most indeterminate.
        let binding = checks.iter().find(|c| c.id == CheckId::HolderBinding).map(|c| c.outcome);
        let copy = binding == Some(Outcome::Warn);
        let holder_bound = binding == Some(Outcome::Pass);
        let verdict = if failed {
            Verdict::Invalid
        } else if !status_confirmed || copy {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        };
        let (license, annotation, presentation) = match presented {
            Some(p) => (Some(p.license), p.annotated.map(|(_, a)| a), p.live.map(|(_, l)| l)),
            None => (None, None, None),
        };
        Report {
            verdict,
            kind,
            checks,
            verified: verdict != Verdict::Invalid,
            license,
            annotation,
            signer: self.signer,
            annotation_signer: self.annotation_signer,
            matter: ctx.usage.matter.map(str::to_owned),
            now: ctx.now,
            trust: ctx.bundle.trust_ref(),
            authority: ctx.authority.map(str::to_owned),
            // Only a presentation's signature by the `cnf` key passes
            // `holder-binding`.
            presented: holder_bound && !failed,
            presentation,
            signatures: Vec::new(),
        }
    }
}
