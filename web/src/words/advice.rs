//! What a verdict means to the person in front of the screen and what they
//! should do next, worded from the core's checks: the core decides, this
//! only says it in a clerk's (or a citizen's) words. One place for the
//! verify page, the counter and the kiosk.

use zz_core::bundle::Bundle;
use zz_core::{CheckId, Kind, Outcome, Report, Verdict};

use crate::words::lang::Lang;

/// Who reads the advice: staff at a counter, or a citizen at a kiosk.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Clerk,
    Citizen,
}

/// The one problem that decides what to do, most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a license, or damaged beyond reading.
    Unreadable,
    /// A signature does not verify: forged or altered.
    Forged,
    /// An OFD file changed after it was sealed: its seal verifies over
    /// what was sealed, but the files it protects differ.
    Altered,
    /// The signer is not in the trust list (or lacks the role).
    UntrustedSigner,
    /// The signer may not sign this kind of license, or its key was not
    /// valid when it signed.
    SignerNotAllowed,
    /// Revoked, suspended or superseded.
    NotInForce,
    /// Past its end, or before its start.
    OutsideValidity,
    /// The annotated copy's window is over, or reaches past the license.
    CopyExpired,
    /// The annotated copy was made for another matter.
    CopyForAnotherMatter,
    /// The annotated copy was made for another organisation.
    CopyForAnotherOrg,
    /// The person presenting it is neither the holder nor the agent the
    /// copy names.
    NotTheApplicant,
    /// The matter needs an annotated copy and an original was shown.
    NeedsCopy,
    /// The matter does not take this kind of license, or is unknown.
    NotForThisMatter,
    /// The type is not in the catalog or a required field is missing.
    NotInCatalog,
    /// Not shown live by the holder's bound device (SPEC section 13): a
    /// copy, screenshot or photo of a bound license; a code replayed or
    /// made for another challenge; another device's signature.
    NotLive,
    /// Not invalid, but its status could not be confirmed.
    StatusUnknown,
}

impl Problem {
    /// The problem behind a verdict that is not `valid`.
    pub fn of(r: &Report, bundle: &Bundle) -> Option<Problem> {
        let failed = |id: CheckId| r.outcome(id) == Outcome::Fail;
        let order: [(CheckId, Problem); 21] = [
            (CheckId::Decode, Problem::Unreadable),
            (CheckId::Structure, Problem::Unreadable),
            (CheckId::Signature, Problem::Forged),
            (CheckId::AnnotationSignature, Problem::Forged),
            (CheckId::SignerTrusted, Problem::UntrustedSigner),
            (CheckId::AnnotationSigner, Problem::UntrustedSigner),
            (CheckId::SignerAuthorized, Problem::SignerNotAllowed),
            (CheckId::SignerValidity, Problem::SignerNotAllowed),
            // An OFD sealed by a department the trust list does not list
            // for this license: not its issuer's seal.
            (CheckId::OfdSealAuthority, Problem::SignerNotAllowed),
            (CheckId::HolderBinding, Problem::NotLive),
            (CheckId::PresentationFresh, Problem::NotLive),
            (CheckId::PresentationAudience, Problem::NotLive),
            (CheckId::Status, Problem::NotInForce),
            (CheckId::LicenseValidity, Problem::OutsideValidity),
            (CheckId::AnnotationValidity, Problem::CopyExpired),
            (CheckId::AnnotationScope, Problem::CopyForAnotherMatter),
            (CheckId::AnnotationRecipient, Problem::CopyForAnotherOrg),
            (CheckId::Applicant, Problem::NotTheApplicant),
            (CheckId::Matter, Problem::NotForThisMatter),
            (CheckId::Catalog, Problem::NotInCatalog),
            (CheckId::Bundle, Problem::StatusUnknown),
        ];
        match r.verdict {
            Verdict::Valid => None,
            // A bound license shown bare: a copy, not unknown status.
            Verdict::Indeterminate if r.outcome(CheckId::HolderBinding) == Outcome::Warn => Some(Problem::NotLive),
            Verdict::Indeterminate => Some(Problem::StatusUnknown),
            Verdict::Invalid => {
                // An OFD signature's own failure comes before what follows
                // from it (an uncovered license, an unknown sealer): the
                // same cause the headline gives (`first_cause`).
                match r.first_cause().map(|c| c.id) {
                    Some(CheckId::OfdReferences | CheckId::OfdSignedHash) => return Some(Problem::Altered),
                    // A seal whose maker's signature fails, or applied by
                    // someone it does not list: not the seal it shows.
                    Some(CheckId::OfdSignature | CheckId::OfdSeal) => return Some(Problem::Forged),
                    Some(CheckId::OfdSignerChain) => return Some(Problem::SignerNotAllowed),
                    _ => {}
                }
                let found = order.iter().find(|(id, _)| failed(*id)).map(|(_, p)| *p);
                Some(match found {
                    // A scope failure is a matter mismatch only when a
                    // matter was given; otherwise the window is the issue.
                    Some(Problem::CopyForAnotherMatter) if r.matter.is_none() => Problem::CopyExpired,
                    Some(Problem::NotForThisMatter) if needs_copy(r, bundle) => Problem::NeedsCopy,
                    Some(p) => p,
                    None => Problem::Forged,
                })
            }
        }
    }

    /// Why the contents are not shown, for an invalid verdict.
    pub fn not_shown(self, lang: Lang) -> &'static str {
        match self {
            Problem::Unreadable => lang.t(
                "无法读取为电子证照，不显示任何内容。",
                "This could not be read as an e-license: nothing is shown.",
            ),
            Problem::Forged => lang.t(
                "数据未通过核验：签名不符，数据可能被伪造或改动。不显示其中的证照内容。",
                "The data failed verification: its signature does not match, it may be forged or altered. Its contents are not shown.",
            ),
            Problem::Altered => lang.t(
                "文件在盖章后被改动过：不显示其中的证照内容。",
                "The file was changed after it was sealed: its contents are not shown.",
            ),
            Problem::UntrustedSigner | Problem::SignerNotAllowed => lang.t(
                "签名单位不在信任列表中或无此权限，无法确认其真实性。不显示其中的证照内容。",
                "The signer is not trusted for this: the data cannot be confirmed as genuine. Its contents are not shown.",
            ),
            Problem::NotLive => lang.t(
                "不是持证人现场出示的：其内容不作为有效证照显示。",
                "It was not shown live by the holder: its contents are not shown as a valid license.",
            ),
            _ => lang.t(
                "签名真实，但此证照不能用于本次办理（原因见上）。其内容不作为有效证照显示。",
                "The signature is genuine, but this license cannot be used here (see above). Its contents are not shown as a valid license.",
            ),
        }
    }

    /// What to do next.
    pub fn next_step(self, lang: Lang, who: Audience) -> &'static str {
        if who == Audience::Citizen {
            return match self {
                Problem::Unreadable => lang.t(
                    "请打开电子证照的二维码后重新扫描；仍不能识别的，请联系工作人员。",
                    "Open the e-license's QR code and scan it again; if it still cannot be read, ask a member of staff.",
                ),
                Problem::StatusUnknown => lang.t(
                    "暂时无法确认证照状态，请联系工作人员。",
                    "Its status cannot be confirmed just now: please ask a member of staff.",
                ),
                Problem::NotLive => lang.t(
                    "这是证照复制件（截图/照片）或已过期的出示码：请在手机“我的证照”中点“亮证”，出示现场生成的动态码。",
                    "This is a copy (screenshot or photo) or an old code: open My licenses on your phone, tap Show live and present the fresh code.",
                ),
                Problem::Altered => lang.t(
                    "此文件在盖章后被改动过，不能使用：请使用发证机关出具的原始文件，或联系工作人员。",
                    "This file was changed after it was sealed and cannot be used: use the original file from the issuer, or ask a member of staff.",
                ),
                Problem::NotInForce | Problem::OutsideValidity => lang.t(
                    "此证照已不能使用：请出示现行有效的证照，或向发证机关咨询。",
                    "This license can no longer be used: show a current one, or ask the issuing authority.",
                ),
                Problem::CopyExpired | Problem::CopyForAnotherMatter | Problem::CopyForAnotherOrg | Problem::NeedsCopy => lang.t(
                    "请为本次办理制作新的加注件后再出示，或联系工作人员。",
                    "Make an annotated copy for this matter and show it, or ask a member of staff.",
                ),
                _ => lang.t("请联系工作人员。", "Please ask a member of staff."),
            };
        }
        match self {
            Problem::Unreadable => lang.t(
                "请申请人重新出示证照二维码或文件；仍无法读取的，核验纸质证照。",
                "Ask the applicant to present the QR code or file again; if it still cannot be read, check the paper license.",
            ),
            Problem::Forged => lang.t(
                "不予受理：数据可能被伪造或改动。请申请人出示原始证照，必要时按规定上报。",
                "Do not accept it: the data may be forged or altered. Ask for the original license and report it where the rules require.",
            ),
            Problem::Altered => lang.t(
                "不予受理：文件在盖章后被改动过。请申请人重新下载发证机关出具的原始文件，或出示证照二维码。",
                "Do not accept it: the file was changed after it was sealed. Ask the applicant for the original file from the issuer, or the license's QR code.",
            ),
            Problem::UntrustedSigner => lang.t(
                "先更新信任数据（设置页导入最新数据包）后重新核验；仍不可信的，不予受理，请申请人出示纸质证照或联系发证机关。",
                "Update the trust data first (import the latest bundle on the Settings page) and verify again; if the signer is still not trusted, do not accept it: ask for the paper license or contact the issuer.",
            ),
            Problem::SignerNotAllowed => lang.t(
                "不予受理：签名单位无权签发此类证照或签名时密钥已失效。请申请人联系发证机关。",
                "Do not accept it: the signer may not sign this or its key was not valid. Ask the applicant to contact the issuer.",
            ),
            Problem::NotLive => lang.t(
                "这是证照复制件（截图/照片），请持证人现场亮证：持证人在本人手机上打开证照，出示现场生成的动态码（可先扫描本窗口的核验码）。",
                "This is a copy of the license (a screenshot or photo): ask the holder to show it live from their own phone (after scanning this window's challenge, if shown).",
            ),
            Problem::NotInForce => lang.t(
                "此证照已注销、停用或已换发新版：请申请人出示现行有效的证照。",
                "This license is revoked, suspended or replaced by a newer version: ask for the current license.",
            ),
            Problem::OutsideValidity => lang.t(
                "此证照不在有效期内：请申请人出示有效期内的证照（如已换证，出示新证）。",
                "This license is outside its validity: ask for one that is in force (the renewed license, if any).",
            ),
            Problem::CopyExpired => lang.t(
                "加注件已过有效期或超出证照有效期：请申请人重新制作加注件。",
                "The annotated copy's period is over or reaches past the license: ask for a new annotated copy.",
            ),
            Problem::CopyForAnotherMatter => lang.t(
                "此加注件是为其他事项制作的：请申请人出示为本事项制作的加注件。",
                "This annotated copy was made for another matter: ask for a copy made for this matter.",
            ),
            Problem::CopyForAnotherOrg => lang.t(
                "此加注件是为其他用证单位制作的，不能在本单位使用：请申请人为本单位制作加注件后出示。",
                "This annotated copy was made for another organisation and cannot be used here: ask for a copy made for this organisation.",
            ),
            Problem::NotTheApplicant => lang.t(
                "出示证照的人既不是持证人，也不是加注件指定的受托人：请持证人本人办理，或出示指定受托人的加注件。",
                "The person presenting it is neither the holder nor the agent the annotated copy names: the holder must come, or bring a copy naming the agent.",
            ),
            Problem::NeedsCopy => lang.t(
                "本事项要求加注件，出示的是证照原件：请申请人为本事项制作加注件后出示。",
                "This matter needs an annotated copy and an original was shown: ask for an annotated copy made for this matter.",
            ),
            Problem::NotForThisMatter => lang.t(
                "本事项不接受此类证照：请核对办理事项，或请申请人出示本事项所需的证照。",
                "This matter does not take this kind of license: check the matter, or ask for the license it needs.",
            ),
            Problem::NotInCatalog => lang.t(
                "证照类型不在目录中或缺少必填项：先更新信任数据后重新核验；仍不通过的，不予受理。",
                "The type is not in the catalog or a required field is missing: update the trust data and verify again; if it still fails, do not accept it.",
            ),
            Problem::StatusUnknown => lang.t(
                "无法确认状态：请在设置页导入最新的信任数据包（.zzb）后重新核验；仍无法确认的，核验纸质证照或联系发证机关。",
                "The status cannot be confirmed: import the latest trust bundle (.zzb) on the Settings page and verify again; if it still cannot be confirmed, check the paper license or contact the issuer.",
            ),
        }
    }
}

/// What to do next, with what the report adds: for a superseded license
/// its version and the one it replaced, and to ask for the newest.
pub fn next_step(p: Problem, lang: Lang, who: Audience, r: &Report, bundle: &Bundle) -> String {
    let step = p.next_step(lang, who);
    match (p, superseded(r, bundle)) {
        (Problem::NotInForce, Some(l)) => {
            let version = zz_core::ident::LicenseId::parse(&l.id)
                .map(|id| id.version.trim_start_matches('0').to_owned())
                .unwrap_or_default();
            let version = if version.is_empty() { "?" } else { version.as_str() };
            let prev = l.prev.as_deref().map(|p| match lang {
                Lang::Zh => format!("，它替代了 {p}"),
                Lang::En => format!(", which replaced {p}"),
            });
            match lang {
                Lang::Zh => format!(
                    "此证照（第 {version} 版{}）已变更或换发，存在更新的版本：请出示最新版本。",
                    prev.unwrap_or_default()
                ),
                Lang::En => format!(
                    "This license (version {version}{}) was changed or reissued and a newer version exists: ask for the newest version.",
                    prev.unwrap_or_default()
                ),
            }
        }
        _ => step.to_owned(),
    }
}

/// The license when its status list marks it superseded.
fn superseded<'a>(r: &'a Report, bundle: &Bundle) -> Option<&'a zz_core::model::License> {
    let l = r.license.as_ref()?;
    let s = l.status.as_ref()?;
    (bundle.status_list(&s.list)?.get(s.idx)? == zz_core::model::StatusValue::Superseded).then_some(l)
}

/// Whether the failed `matter` check is an original shown where the matter
/// needs an annotated copy of this type.
fn needs_copy(r: &Report, bundle: &Bundle) -> bool {
    let (Some(code), Some(l)) = (&r.matter, &r.license) else { return false };
    r.kind == Some(Kind::License)
        && bundle.matter(code).and_then(|m| m.need(&l.type_code)).is_some_and(|need| need.annotated)
}

/// The warnings that belong beside the verdict: every check that warns
/// (expiring soon, a wrong check character, a stale list, an old bundle),
/// and for an annotated copy checked with no matter, to compare its
/// purpose with the business in hand.
pub fn warnings(lang: Lang, r: &Report) -> Vec<String> {
    let mut out: Vec<String> = r
        .checks
        .iter()
        .filter(|c| c.outcome == Outcome::Warn)
        .map(|c| match c.id {
            // Which files: in the checks list, not beside the verdict.
            CheckId::OfdCoverage => lang
                .t(
                    "文件中有部分内容不受任何签章保护，可能在盖章后被添加或改动（详见核验项目）。",
                    "Parts of the file are protected by no seal and may have been added or changed after sealing (see the checks).",
                )
                .to_owned(),
            _ => lang.t(&c.zh, &c.en).to_owned(),
        })
        .collect();
    if r.kind == Some(Kind::Annotated) && r.matter.is_none() && r.verdict != Verdict::Invalid {
        let purpose = r.annotation.as_ref().map(|a| a.purpose.as_str()).unwrap_or_default();
        out.push(match lang {
            Lang::Zh => format!("未选择办理事项：请核对加注件用途「{purpose}」与本次办理的业务是否一致。"),
            Lang::En => {
                format!("No matter was chosen: check that the copy's purpose \"{purpose}\" fits the business in hand.")
            }
        });
    }
    out
}
