//! The license face, drawn from the catalog template and the signed
//! fields, ID numbers masked until revealed (logged); and who signed it.

use std::rc::Rc;

use yew::prelude::*;
use zz_core::model::FieldValue;

use crate::state::app::{TrustProp, use_app};
use crate::words::lang::Lang;

use super::Verified;

#[derive(Properties, PartialEq)]
pub(super) struct FaceProps {
    pub report: Rc<Verified>,
    pub trust: TrustProp,
    /// Whether the clerk asked to see ID numbers in full (the drawn OFD
    /// page follows the same state).
    pub revealed: bool,
    pub on_reveal: Callback<()>,
}

/// The license face, drawn from the catalog template and the signed fields.
#[component]
pub(super) fn Face(props: &FaceProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    // ID numbers are masked until the clerk reveals them (logged).
    let revealed = props.revealed;
    let Some(l) = &props.report.report.license else {
        return html! {};
    };
    let ty = props.trust.0.license_type(&l.type_code);
    let shown_id = |id: &str| if revealed { id.to_owned() } else { zz_log::mask_code(id) };
    let reveal = {
        let on_reveal = props.on_reveal.clone();
        let (id, type_code) = (l.id.clone(), l.type_code.clone());
        Callback::from(move |_| {
            crate::services::audit::record_event(zz_log::Happened {
                license_type: Some(type_code.clone()),
                identifier: Some(id.clone()),
                ..zz_log::Happened::new(zz_log::Event::Reveal)
            });
            on_reveal.emit(());
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
                    if !revealed {
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
pub(super) enum SignedThing {
    License,
    Copy,
}

/// The organisation that holds the signing key, as the trust list names
/// it, flagged when the code the signed object carries (the license's
/// issuer, the copy's maker) differs from it.
pub(super) fn signing_org(
    lang: Lang,
    signer: Option<&zz_core::report::Signer>,
    code_on_object: &str,
    what: SignedThing,
) -> Html {
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
