//! Verification: upload, drop or paste; the verdict in colour, icon and
//! words; the face drawn from the catalog template and the signed fields;
//! every check with its reason. The core decides; this page only shows.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use zz_core::model::FieldValue;
use zz_core::{Kind, Outcome, Report};

use crate::components::need_trust::NeedTrust;
use crate::services::trust::Trust;
use crate::services::verification::Source;
use crate::state::app::TrustProp;
use crate::state::app::use_app;
use crate::words::advice::Audience;
use crate::words::lang::Lang;

#[component]
pub fn VerifyPage() -> Html {
    let app = use_app();
    let render = Callback::from(|t: Rc<Trust>| html! { <VerifyPanel trust={TrustProp(t)} /> });
    html! {
        <section>
            <h1>{ app.t("核验电子证照", "Verify an e-license") }</h1>
            <NeedTrust {render} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PanelProps {
    trust: TrustProp,
}

/// A verification and what was presented.
#[derive(PartialEq)]
struct Verified {
    report: Report,
    source: Source,
    /// An OFD file's page.
    page: Option<Rc<crate::workers::protocol::OfdPage>>,
    /// Bring the result into view and focus it: not when it is the same
    /// input verified again for another matter (focus stays on the chooser).
    focus: bool,
    /// Counts the verifications of this page (a new one is a new result).
    n: u64,
}

#[component]
fn VerifyPanel(props: &PanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let matter = use_state(String::new);
    let result = use_state(|| None::<Rc<Verified>>);

    let again = use_mut_ref(|| false);
    let count = use_mut_ref(|| 0u64);
    let on_report = {
        let result = result.clone();
        let again = again.clone();
        Callback::from(move |p: crate::components::present::Presented| {
            let focus = !again.replace(false);
            let n = {
                let mut c = count.borrow_mut();
                *c += 1;
                *c
            };
            result.set(Some(Rc::new(Verified { report: p.report, source: p.source, page: p.page, focus, n })));
        })
    };
    let on_matter = {
        let matter = matter.clone();
        let has_result = result.is_some();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            *again.borrow_mut() = has_result;
            matter.set(s.value());
        })
    };
    let announcement =
        result.as_ref().map(|r| crate::words::verdict::verdict_words(lang, &r.report).0.to_owned()).unwrap_or_default();
    let chooser = html! {
        <crate::components::present::MatterSelect id="matter" value={(*matter).clone()} onchange={on_matter}
            label={if app.site.may_verify_without_matter() { lang.t("办理事项（可选）", "Matter being handled (optional)") } else { lang.t("办理事项", "Matter being handled") }} />
    };
    html! {
        <>
        <crate::components::site_line::SiteLine />
        if matter.is_empty() && !app.site.may_verify_without_matter() {
            <div class="verify-inputs">
                { chooser }
                <p class="hint" id="choose-matter-first">{ lang.t("本机构仅在所办理的事项范围内用证：请先选择办理事项。", "This organisation uses licenses only for its matters: choose the matter first.") }</p>
            </div>
        } else {
            <crate::components::present::Present trust={props.trust.clone()} usage={app.usage((!matter.is_empty()).then(|| (*matter).clone()), None)} {on_report} again_on_matter=true>
                { chooser }
            </crate::components::present::Present>
        }
        <div class="visually-hidden" role="status" aria-live="assertive" id="announce">{ announcement }</div>
        if let Some(r) = &*result {
            <ResultView verified={r.clone()} trust={props.trust.clone()} />
        }
        </>
    }
}

/// A check's outcome: its mark, its word, and its class name.
pub fn outcome_words(lang: Lang, o: Outcome) -> (Html, &'static str, &'static str) {
    let mark = crate::components::icons::Icon::of_outcome(o).html();
    match o {
        Outcome::Pass => (mark, lang.t("通过", "pass"), "pass"),
        Outcome::Fail => (mark, lang.t("未通过", "fail"), "fail"),
        Outcome::Warn => (mark, lang.t("警告", "warning"), "warn"),
        Outcome::Skip => (mark, lang.t("未检查", "skipped"), "skip"),
    }
}

#[derive(Properties, PartialEq)]
struct ResultProps {
    verified: Rc<Verified>,
    trust: TrustProp,
}

#[component]
fn ResultView(props: &ResultProps) -> Html {
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
    let summary = t.bundle.summary(r.now);
    let problem = crate::words::advice::Problem::of(r, &t.bundle);
    let warnings = crate::words::advice::warnings(lang, r);
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
                        <p class="next-step"><strong>{ lang.t("下一步：", "Next: ") }</strong>{ crate::words::advice::next_step(p, lang, Audience::Clerk, r, &t.bundle) }</p>
                    }
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
                    <OfdPageView page={page.clone()} />
                }
                <Face report={props.verified.clone()} trust={props.trust.clone()} />
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

/// One check as a list item (document checks and each signature's).
fn check_item(lang: Lang, c: &zz_core::Check) -> Html {
    let (mark, word, cls) = outcome_words(lang, c.outcome);
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
}

/// An OFD file's first page, drawn by the OFD worker from what its valid
/// signatures cover, shown as an image (an SVG in an `<img>` runs nothing).
#[component]
fn OfdPageView(props: &OfdPageProps) -> Html {
    let lang = use_app().lang;
    let p = &props.page;
    let src = use_memo(p.clone(), |p| {
        format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&p.svg)))
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

#[derive(Properties, PartialEq)]
struct FaceProps {
    report: Rc<Verified>,
    trust: TrustProp,
}

/// The license face, drawn from the catalog template and the signed fields.
#[component]
fn Face(props: &FaceProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    // ID numbers are masked until the clerk reveals them (logged).
    let revealed = use_state(|| false);
    let Some(l) = &props.report.report.license else {
        return html! {};
    };
    let ty = props.trust.0.bundle.license_type(&l.type_code);
    let shown_id = |id: &str| if *revealed { id.to_owned() } else { zz_log::mask_code(id) };
    let reveal = {
        let revealed = revealed.clone();
        let (id, type_code) = (l.id.clone(), l.type_code.clone());
        Callback::from(move |_| {
            crate::services::audit::record_event(zz_log::Happened {
                license_type: Some(type_code.clone()),
                identifier: Some(id.clone()),
                ..zz_log::Happened::new(zz_log::Event::Reveal)
            });
            revealed.set(true);
        })
    };
    let title = ty.map_or(l.type_code.as_str(), |t| {
        if lang == Lang::En { t.name_en.as_deref().unwrap_or(&t.name) } else { &t.name }
    });
    let value = |v: &FieldValue, kind: Option<zz_core::model::FieldKind>| match v {
        FieldValue::Text(s) if kind == Some(zz_core::model::FieldKind::Date) => lang.date_text(s),
        FieldValue::Text(s) if kind == Some(zz_core::model::FieldKind::Id) => shown_id(s),
        FieldValue::Bool(b) => lang.t(if *b { "是" } else { "否" }, if *b { "yes" } else { "no" }).to_owned(),
        other => other.display(),
    };
    let templated: Vec<Html> = ty
        .map(|t| {
            t.fields
                .iter()
                .filter_map(|f| {
                    let v = l.field(&f.key)?;
                    let label = if lang == Lang::En { f.label_en.as_deref().unwrap_or(&f.label) } else { &f.label };
                    Some(html! { <><dt>{ label }</dt><dd>{ value(v, Some(f.kind)) }</dd></> })
                })
                .collect()
        })
        .unwrap_or_default();
    let extra: Vec<Html> = l
        .fields
        .iter()
        .filter(|(k, _)| ty.is_none_or(|t| !t.fields.iter().any(|f| &f.key == k)))
        .map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ value(v, None) }</dd></> })
        .collect();
    let id_type = match l.holder.id_type.as_str() {
        zz_core::model::ID_TYPE_RESIDENT => lang.t("公民身份号码", "Resident ID"),
        zz_core::model::ID_TYPE_USCC => lang.t("统一社会信用代码", "Social credit code"),
        _ => lang.t("主体代码", "Holder code"),
    };
    let validity = match l.valid_to {
        Some(to) => format!("{} – {}", lang.date(l.valid_from), lang.date(to)),
        None => format!("{} – {}", lang.date(l.valid_from), lang.t("长期", "long-term")),
    };
    html! {
        <article class="face" aria-label={lang.t("证照照面", "License face")}>
            <header>
                <h3>{ title }</h3>
                <p class="no">{ lang.t("证照编号：", "No. ") }{ &l.no }</p>
            </header>
            <dl>
                <dt>{ lang.t("持证主体", "Holder") }</dt><dd class="holder">{ &l.holder.name }</dd>
                <dt>{ id_type }</dt><dd class="holder-id">{ shown_id(&l.holder.id) }
                    if !*revealed {
                        { " " }<button type="button" class="button small no-print" id="reveal-id" onclick={reveal}>{ lang.t("显示完整号码", "Show in full") }</button>
                    }
                </dd>
                { for templated }
                { for extra }
                <dt>{ lang.t("有效期", "Validity") }</dt><dd>{ validity }</dd>
                <dt>{ lang.t("发证机关", "Issued by") }</dt><dd>{ &l.issuer.name }</dd>
                { signing_org(lang, props.report.report.signer.as_ref(), &l.issuer.code, SignedThing::License) }
                <dt>{ lang.t("发证日期", "Issued on") }</dt><dd>{ lang.date(l.issued) }</dd>
            </dl>
            <footer><span>{ lang.t("证照标识 ", "Identifier ") }</span><code>{ &l.id }</code></footer>
        </article>
    }
}

/// What a signature is on, for [`signing_org`].
#[derive(Clone, Copy)]
enum SignedThing {
    License,
    Copy,
}

/// The organisation that holds the signing key, as the trust list names
/// it, flagged when the code the signed object carries (the license's
/// issuer, the copy's maker) differs from it.
fn signing_org(lang: Lang, signer: Option<&zz_core::report::Signer>, code_on_object: &str, what: SignedThing) -> Html {
    let Some(signer) = signer else { return html! {} };
    let mismatch = match what {
        SignedThing::License => lang.t(
            "证照所载发证机关代码与签名密钥所属单位的代码不一致，请核实。",
            "The issuer code on the license differs from the code of the organisation that holds the signing key: check it.",
        ),
        SignedThing::Copy => lang.t(
            "加注件所载制作人代码与签名密钥所属单位的代码不一致，请核实。",
            "The maker code on the copy differs from the code of the organisation that holds the signing key: check it.",
        ),
    };
    html! {
        <>
        <dt>{ lang.t("签名单位（信任列表）", "Signed by (trust list)") }</dt>
        <dd class="signer-org">
            { &signer.name }
            if signer.code != code_on_object {
                <span class="mismatch" role="note">{ crate::components::icons::Icon::Warning.html() }{ " " }{ mismatch }</span>
            }
        </dd>
        </>
    }
}
