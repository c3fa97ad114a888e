//! A verification's result: the verdict and why, the next step, what was
//! verified (an annotated copy's use, an OFD file's page and signatures,
//! the face), every check, and the trust data it was checked against.

use std::rc::Rc;

use yew::prelude::*;
use zz_core::Kind;

use crate::components::icons::Icon;
use crate::services::verification::Source;
use crate::state::app::{TrustProp, use_app};
use crate::words::advice::Audience;
use crate::words::lang::Lang;
use crate::words::verdict::outcome_word;

use super::Verified;
use super::face::{Face, SignedThing, signing_org};

#[derive(Properties, PartialEq)]
pub(super) struct ResultProps {
    pub verified: Rc<Verified>,
    pub trust: TrustProp,
}

#[component]
pub(super) fn ResultView(props: &ResultProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let r = &props.verified.report;
    let t = &props.trust.0;
    let (title, why) = crate::words::verdict::verdict_words(lang, r);
    let (icon, class) = (crate::components::icons::Icon::of_verdict(r.verdict).html(), r.verdict.as_str());
    let kind = match r.kind {
        Some(Kind::License) => lang.t("证照原件", "License original"),
        Some(Kind::Annotated) => lang.t("加注件", "Annotated copy"),
        Some(Kind::Ofd) => lang.t("OFD 文件", "OFD file"),
        None => lang.t("无法识别的内容", "Unrecognised input"),
    };
    let summary = t.bundle_of(r).summary(r.now);
    let problem = crate::words::advice::Problem::of(r, t.bundle_of(r));
    let vouched = t.vouched_by(r).map(|a| crate::words::verdict::vouched(lang, a));
    let warnings = crate::words::advice::warnings(lang, r);
    // ID numbers masked on the face and the drawn page until the clerk
    // asks for them (logged): for this result only (the number of the
    // result revealed is kept, so the next one is masked from its first
    // frame).
    let revealed_for = use_state(|| None::<u64>);
    let revealed = *revealed_for == Some(props.verified.n);
    let on_reveal = {
        let (revealed_for, n) = (revealed_for.clone(), props.verified.n);
        Callback::from(move |()| revealed_for.set(Some(n)))
    };
    let node = use_node_ref();
    // Each new result (a second file too) is brought into view and focused:
    // on a phone it starts below the fold.
    {
        let node = node.clone();
        let focus = props.verified.focus;
        use_effect_with(props.verified.n, move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>().filter(|_| focus) {
                el.scroll_into_view();
                let _ = el.focus();
            }
        });
    }
    html! {
        <section ref={node} tabindex="-1" class={classes!("result", class)} data-verdict={r.verdict.as_str()} aria-labelledby="verdict-title">
            <div class="verdict">
                <span class="icon" aria-hidden="true">{ icon }</span>
                <div>
                    <h2 id="verdict-title">{ title }</h2>
                    <p class="why">{ why }</p>
                    <p class="what">{ kind }
                        if props.verified.source != Source::Pasted { { " · " }<span class="source">{ props.verified.source.label(lang) }</span> }
                    </p>
                    if let Some(p) = problem {
                        <p class="next-step"><strong>{ lang.t("下一步：", "Next: ") }</strong>{ crate::words::advice::next_step(p, lang, Audience::Clerk, r, t.bundle_of(r)) }</p>
                    }
                    if let Some(v) = vouched { <p class="vouched" id="vouched">{ crate::components::icons::Icon::Check.html() }{ " " }{ v }</p> }
                    if !warnings.is_empty() {
                        <ul class="warnings" aria-label={lang.t("注意", "Warnings")}>
                            { for warnings.iter().map(|w| html! { <li>{ crate::components::icons::Icon::Warning.html() }{ " " }{ w }</li> }) }
                        </ul>
                    }
                </div>
            </div>
            if r.verified {
                if let (Some(a), true) = (&r.annotation, r.kind == Some(Kind::Annotated)) {
                    <div class="annotation">
                        <h3>{ lang.t("加注件用途", "Annotated copy: authorised use") }</h3>
                        <dl>
                            <dt>{ lang.t("用途", "Purpose") }</dt><dd class="purpose">{ &a.purpose }</dd>
                            <dt>{ lang.t("用证事项", "Matter") }</dt>
                            <dd>{ a.matter.as_ref().map_or_else(|| lang.t("未限定", "Not limited").to_owned(), |m| format!("{}（{}）", m.name, m.code)) }</dd>
                            <dt>{ lang.t("用证单位", "Recipient") }</dt>
                            <dd>{ a.recipient.as_ref().map_or_else(|| lang.t("未限定", "Not limited").to_owned(), |m| m.name.clone()) }</dd>
                            <dt>{ lang.t("有效期", "Valid") }</dt>
                            <dd>{ lang.instant(a.valid_from) }{ " – " }{ lang.instant(a.valid_to) }</dd>
                            <dt>{ lang.t("制作人", "Made by") }</dt><dd>{ &a.maker.name }</dd>
                            { signing_org(lang, r.annotation_signer.as_ref(), &a.maker.code, SignedThing::Copy) }
                        </dl>
                    </div>
                }
                if let Some(page) = &props.verified.page {
                    <OfdPageView page={page.clone()} {revealed} />
                }
                <Face report={props.verified.clone()} trust={props.trust.clone()} {revealed} {on_reveal} />
            } else {
                <p class="not-verified">{ problem.map(|p| p.not_shown(lang)).unwrap_or_default() }</p>
            }
            <h3>{ lang.t("核验项目", "Checks") }</h3>
            <ul class="checks">{ for r.checks.iter().map(|c| check_item(lang, c)) }</ul>
            if !r.signatures.is_empty() {
                <OfdSignatures report={props.verified.clone()} />
            }
            <p class="trust-age">{ lang.checked_against(&summary) }</p>
        </section>
    }
}

/// A check's outcome as a class name (and `data-outcome`).
fn outcome_class(o: zz_core::Outcome) -> &'static str {
    match o {
        zz_core::Outcome::Pass => "pass",
        zz_core::Outcome::Fail => "fail",
        zz_core::Outcome::Warn => "warn",
        zz_core::Outcome::Skip => "skip",
    }
}

/// One check as a list item (document checks and each signature's).
fn check_item(lang: Lang, c: &zz_core::Check) -> Html {
    let (mark, word, cls) =
        (Icon::of_outcome(c.outcome).html(), outcome_word(lang, c.outcome), outcome_class(c.outcome));
    html! {
        <li class={classes!("check", cls)} data-check={c.id.as_str()} data-outcome={cls}>
            <span class="mark" aria-hidden="true">{ mark }</span>
            <span class="name">{ lang.t(c.id.title_zh(), c.id.title_en()) }</span>
            <span class="outcome">{ word }</span>
            <span class="msg">{ lang.t(&c.zh, &c.en) }</span>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct OfdPageProps {
    page: Rc<crate::workers::protocol::OfdPage>,
    /// Drawn with ID numbers in full (else masked, as the face).
    revealed: bool,
}

/// An OFD file's first page, drawn by the OFD worker from what its valid
/// signatures cover, shown as an image (an SVG in an `<img>` runs nothing).
#[component]
fn OfdPageView(props: &OfdPageProps) -> Html {
    let lang = use_app().lang;
    let p = &props.page;
    let src = use_memo((p.clone(), props.revealed), |(p, revealed)| {
        let svg = if *revealed { &p.svg } else { &p.masked };
        format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(svg)))
    });
    html! {
        <figure class="ofd-page">
            <img src={(*src).clone()} alt={lang.t("OFD 文件第 1 页：由签名保护的内容绘制", "Page 1 of the OFD file, drawn from what its signatures protect")} />
            <figcaption>
                { lang.t("第 1 页（共 ", "Page 1 of ") }{ p.pages }{ lang.t(" 页），由签名保护的内容绘制；文字使用本机字体。", "; drawn from what its signatures protect, text in this device's fonts.") }
                if !p.not_covered.is_empty() {
                    <span class="not-covered" role="note">{ crate::components::icons::Icon::Warning.html() }{ " " }
                        { lang.t("未受有效签名保护、未绘制：", "Not protected by a valid signature, not drawn: ") }{ p.not_covered.join(", ") }</span>
                }
            </figcaption>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
struct SignaturesProps {
    report: Rc<Verified>,
}

/// Every signature of an OFD file: its seal, signer, time, format and
/// checks (SPEC section 12). Rows as data, drawn by one loop: the page's
/// code counts toward the first load.
#[component]
fn OfdSignatures(props: &SignaturesProps) -> Html {
    let lang = use_app().lang;
    let r = &props.report.report;
    let format = |f: Option<&str>| match f {
        Some("ses-v4") => lang.t("电子签章（GB/T 38540）", "Electronic seal (GB/T 38540)"),
        Some("ses-v1") => lang.t("电子签章（GM/T 0031）", "Electronic seal (GM/T 0031)"),
        Some("signed-data") => lang.t("数字签名（GB/T 35275）", "Digital signature (GB/T 35275)"),
        Some("bare") => lang.t("无证书的 SM2 签名", "Bare SM2 signature"),
        _ => lang.t("无法识别的签名", "Unrecognised signature"),
    };
    let span = |a: zz_core::UnixTime, b: zz_core::UnixTime| format!("{} – {}", lang.instant(a), lang.instant(b));
    html! {
        <div class="ofd-signatures">
            <h3>{ lang.t("签名与签章", "Signatures and seals") }</h3>
            { for r.signatures.iter().enumerate().map(|(i, s)| {
                let failed = s.checks.iter().any(|c| c.outcome == zz_core::Outcome::Fail);
                let mut rows: Vec<(&str, String)> = vec![(lang.t("格式", "Format"), format(s.format.as_deref()).to_owned())];
                if let Some(x) = &s.seal {
                    rows.push((lang.t("印章", "Seal"), format!("{} · {}", x.name, x.id)));
                    rows.push((lang.t("印章有效期", "Seal valid"), span(x.valid_start, x.valid_end)));
                    rows.push((lang.t("印章制作者", "Seal made by"), x.maker.clone()));
                }
                if let Some(c) = &s.signer {
                    rows.push((lang.t("签章人证书", "Signer"), c.subject.clone()));
                    rows.push((lang.t("证书签发者", "Certificate issuer"), c.issuer.clone()));
                    rows.push((lang.t("证书有效期", "Certificate valid"), span(c.not_before, c.not_after)));
                }
                let time = s.time.map_or_else(|| lang.t("未载明", "not stated").to_owned(), |t| lang.instant(t));
                rows.push((lang.t("签章时间", "Signed at"), format!("{time}{}", lang.t("（签章人所述，无可信时间戳）", " (the signer's claim; no trusted timestamp)"))));
                let title = s.seal.as_ref().map_or_else(|| format(s.format.as_deref()).to_owned(), |x| x.name.clone());
                html! {
                <section class={classes!("ofd-signature", failed.then_some("fail"))} data-signature={s.id.clone()}>
                    <h4>{ lang.t("签名 ", "Signature ") }{ i + 1 }{ "：" }{ title }</h4>
                    <dl>{ for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }</dl>
                    <ul class="checks">{ for s.checks.iter().map(|c| check_item(lang, c)) }</ul>
                </section>
            }}) }
        </div>
    }
}
