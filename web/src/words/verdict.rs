//! A verdict in words: its one word, and its title with the reason.

use zz_core::{CheckId, Outcome, Report, Verdict};

use crate::words::lang::Lang;

/// A verdict in one word.
pub fn verdict_label(lang: Lang, v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => lang.t("有效", "Valid"),
        Verdict::Invalid => lang.t("无效", "Invalid"),
        Verdict::Indeterminate => lang.t("无法确认", "Cannot be confirmed"),
    }
}

/// Title and explanation of a verdict.
pub fn verdict_words(lang: Lang, r: &Report) -> (&'static str, String) {
    match r.verdict {
        Verdict::Valid if r.presented => (
            lang.t("有效（现场亮证）", "Valid (shown live)"),
            lang.t(
                "签名有效，签发机关可信，证照在有效期内，状态正常；由持证人绑定的手机现场出示。",
                "Genuine, from a trusted issuer, within its validity, in force; shown live from the holder's bound phone.",
            )
            .to_owned(),
        ),
        Verdict::Valid => (
            lang.t("有效", "Valid"),
            lang.t(
                "签名有效，签发机关可信，证照在有效期内，状态正常。",
                "Genuine, from a trusted issuer, within its validity, in force.",
            )
            .to_owned(),
        ),
        Verdict::Invalid => (lang.t("无效", "Invalid"), r.first_cause().map(|c| cause(lang, c)).unwrap_or_default()),
        // A bound license shown bare: a copy, whatever its status.
        Verdict::Indeterminate if r.outcome(CheckId::HolderBinding) == Outcome::Warn => (
            lang.t("无法确认", "Cannot be confirmed"),
            r.check(CheckId::HolderBinding).map(|c| lang.t(&c.zh, &c.en).to_owned()).unwrap_or_default(),
        ),
        Verdict::Indeterminate => (
            lang.t("无法确认", "Cannot be confirmed"),
            r.check(CheckId::Status).map(|c| lang.t(&c.zh, &c.en).to_owned()).unwrap_or_default(),
        ),
    }
}

/// The cause of an invalid verdict in the words of someone with no
/// package paths in mind; the checks list keeps the details.
fn cause(lang: Lang, c: &zz_core::Check) -> String {
    match c.id {
        CheckId::OfdReferences | CheckId::OfdSignedHash => lang
            .t(
                "文件在盖章后被改动过：现在的内容已不是盖章时的内容。",
                "The file was changed after it was sealed: what it holds now is not what was sealed.",
            )
            .to_owned(),
        _ => lang.t(&c.zh, &c.en).to_owned(),
    }
}

/// A check's outcome in one word.
pub fn outcome_word(lang: Lang, o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => lang.t("通过", "pass"),
        Outcome::Fail => lang.t("未通过", "fail"),
        Outcome::Warn => lang.t("警告", "warning"),
        Outcome::Skip => lang.t("未检查", "skipped"),
    }
}

/// Which region's trust data vouched for a license of another region
/// (SPEC section 9): "由浙江省电子证照信任数据核验".
pub fn vouched(lang: Lang, authority: &str) -> String {
    match lang {
        Lang::Zh => format!("由{authority}电子证照信任数据核验"),
        Lang::En => format!("Verified with the e-license trust data of {authority}"),
    }
}
