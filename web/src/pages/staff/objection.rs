//! The objection request (异议核查申请): a license's data is wrong or the
//! license is missing, and the issuing department must check it within
//! the working days the rules give (configurable: 3 in Changshu's rules
//! for 核查, 5 in Keqiao's). Staff raise it from a counter case; citizens
//! from a catalog page ("信息有误？"). It prints on its own and saves as
//! JSON for the department.

use std::rc::Rc;

use serde::Serialize;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use zz_core::UnixTime;

use crate::components::alert::{Alert, Tone};
use crate::state::app::use_app;
use crate::words::lang::Lang;

/// What the request is about, prefilled where it is known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub type_code: String,
    /// The license identifier, when a license was presented.
    pub license_id: String,
    /// The license's issuer (发证机关), when a license was presented; the
    /// catalog names only the department that defines the type.
    pub issuer: Option<zz_core::model::Named>,
    /// The face field that is wrong (its key), or empty for the license as
    /// a whole (missing, not issued).
    pub field: String,
    pub problem: String,
    /// The counter case it was raised in.
    pub case: Option<String>,
}

/// The request as saved (JSON) for the issuing department.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Request<'a> {
    format: &'static str,
    raised: UnixTime,
    deadline: Option<String>,
    working_days: u32,
    rule: &'a str,
    license_type: &'a str,
    type_name: &'a str,
    license_id: &'a str,
    department: &'a zz_core::model::Named,
    issuer: Option<&'a zz_core::model::Named>,
    contact: Option<&'a str>,
    field: &'a str,
    problem: &'a str,
    organisation: Option<&'a zz_core::model::Named>,
    hall: &'a str,
    window: &'a str,
    case: Option<&'a str>,
}

/// Prints only the element with id `sheet` (and what is inside it): the
/// style sheet hides the rest while `body[data-print]` names it.
pub fn print_only(sheet: &str) {
    let body = gloo::utils::body();
    let _ = body.set_attribute("data-print", sheet);
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
    let _ = body.remove_attribute("data-print");
}

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub draft: Draft,
    /// Fields the clerk or citizen may still change (the citizen's form);
    /// from a counter case the draft is what the clerk wrote.
    #[prop_or(false)]
    pub editable: bool,
    #[prop_or_default]
    pub on_close: Option<Callback<()>>,
}

/// The request: who must answer, about what, by when; print and save.
#[component]
pub fn Sheet(props: &SheetProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let draft = use_state(|| props.draft.clone());
    let raised = use_state(crate::services::clock::now);
    let crate::state::app::TrustState::Ready(t) = &app.trust else { return Html::default() };
    let Some(ty) = t.license_type(&draft.type_code).cloned().map(Rc::new) else {
        return html! { <Alert tone={Tone::Error}>{ lang.t("证照类型不在目录中。", "The license type is not in the catalog.") }</Alert> };
    };
    let site = app.site.clone();
    let days = site.objection_days();
    let deadline = crate::services::site::working_days_after(*raised, days);
    let rule = if site.objection_rule.is_empty() {
        match lang {
            Lang::Zh => format!("发证部门应在 {days} 个工作日内核查（常熟市规定为 3 个工作日，柯桥区为 5 个工作日）"),
            Lang::En => format!(
                "The issuing department checks within {days} working days (3 in Changshu's rules, 5 in Keqiao's)"
            ),
        }
    } else {
        site.objection_rule.clone()
    };
    let set = {
        let draft = draft.clone();
        move |f: fn(&mut Draft, String)| {
            let draft = draft.clone();
            move |v: String| {
                let mut d = (*draft).clone();
                f(&mut d, v);
                draft.set(d);
            }
        }
    };
    let on_id = {
        let s = set(|d, v| d.license_id = v);
        Callback::from(move |e: InputEvent| s(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_field = {
        let s = set(|d, v| d.field = v);
        Callback::from(move |e: Event| s(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_problem = {
        let s = set(|d, v| d.problem = v);
        Callback::from(move |e: InputEvent| s(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let field_label = |key: &str| -> String {
        if key.is_empty() {
            return lang.t("整份证照（缺失或未签发）", "The license as a whole (missing, not issued)").to_owned();
        }
        ty.fields.iter().find(|f| f.key == key).map_or_else(
            || key.to_owned(),
            |f| match lang {
                Lang::Zh => f.label.clone(),
                Lang::En => f.label_en.clone().unwrap_or_else(|| f.label.clone()),
            },
        )
    };
    let ready = !draft.problem.trim().is_empty();
    let print = {
        let draft = draft.clone();
        Callback::from(move |_| {
            crate::services::audit::record_event(zz_log::Happened {
                case: draft.case.clone(),
                license_type: Some(draft.type_code.clone()),
                identifier: (!draft.license_id.is_empty()).then(|| draft.license_id.clone()),
                ..zz_log::Happened::new(zz_log::Event::Objection)
            });
            print_only("objection");
        })
    };
    let save = {
        let (draft, ty, site, rule) = (draft.clone(), ty.clone(), site.clone(), rule.clone());
        let raised = *raised;
        Callback::from(move |_| {
            let r = Request {
                format: "zz-objection/1",
                raised,
                deadline: deadline.map(|d| d.to_string()),
                working_days: days,
                rule: &rule,
                license_type: &ty.code,
                type_name: &ty.name,
                license_id: &draft.license_id,
                department: &ty.dept,
                issuer: draft.issuer.as_ref(),
                contact: ty.contact.as_deref(),
                field: &draft.field,
                problem: &draft.problem,
                organisation: site.org.as_ref(),
                hall: &site.hall,
                window: &site.window,
                case: draft.case.as_deref(),
            };
            let json = serde_json::to_string_pretty(&r).unwrap_or_default();
            crate::services::download::download(&format!("zz-objection-{}.json", raised), "application/json", &json);
        })
    };
    html! {
        <section class="objection" id="objection" aria-labelledby="objection-title">
            <h2 id="objection-title">{ lang.t("异议核查申请", "Request to check license data (objection)") }</h2>
            <dl class="objection-facts">
                <dt>{ lang.t("证照类型", "License type") }</dt><dd>{ &ty.name }{ " " }<code>{ &ty.code }</code></dd>
                if let Some(i) = &draft.issuer {
                    <dt>{ lang.t("发证机关", "Issued by") }</dt><dd id="objection-issuer">{ &i.name }</dd>
                }
                <dt>{ lang.t("主管部门", "Department of the type") }</dt><dd id="objection-dept">{ &ty.dept.name }</dd>
                if let Some(c) = &ty.contact {
                    <dt>{ lang.t("联系方式", "Contact") }</dt><dd id="objection-contact">{ c }</dd>
                }
                <dt>{ lang.t("提出时间", "Raised") }</dt><dd>{ lang.instant(*raised) }</dd>
                <dt>{ lang.t("核查期限", "Deadline") }</dt>
                <dd id="objection-deadline"><strong>{ deadline.map(|d| lang.date(d)).unwrap_or_default() }</strong>{ " " }
                    { match lang { Lang::Zh => format!("（{days} 个工作日）"), Lang::En => format!("({days} working days)") } }
                    <br/><small>{ &rule }{ lang.t("。期限按周一至周五计算，法定节假日顺延。", ". Counted Monday to Friday; public holidays extend it.") }</small></dd>
                if let Some(org) = &site.org {
                    <dt>{ lang.t("受理单位", "Raised at") }</dt><dd>{ &org.name }{ " " }{ &site.hall }{ " " }{ &site.window }</dd>
                }
                if let Some(c) = &draft.case {
                    <dt>{ lang.t("办件编号", "Case") }</dt><dd><code>{ c }</code></dd>
                }
            </dl>
            <div class="field wide">
                <label for="objection-id">{ lang.t("证照标识", "License identifier") }</label>
                <input id="objection-id" value={draft.license_id.clone()} oninput={on_id} readonly={!props.editable} />
            </div>
            <div class="field">
                <label for="objection-field">{ lang.t("有误的信息项", "The item that is wrong") }</label>
                <select id="objection-field" onchange={on_field} disabled={!props.editable}>
                    <option value="" selected={draft.field.is_empty()}>{ field_label("") }</option>
                    { for ty.fields.iter().map(|f| html! {
                        <option value={f.key.clone()} selected={draft.field == f.key}>{ field_label(&f.key) }</option>
                    }) }
                </select>
            </div>
            <div class="field wide">
                <label for="objection-problem">{ lang.t("问题说明（必填）", "What is wrong (required)") }</label>
                <textarea id="objection-problem" rows="3" value={draft.problem.clone()} oninput={on_problem} readonly={!props.editable} />
            </div>
            <p class="print-only signature-line">{ lang.t("申请人签字：＿＿＿＿＿＿　　经办人：＿＿＿＿＿＿", "Applicant: ____________    Clerk: ____________") }</p>
            <div class="log-tools no-print">
                // A citizen prints it or saves it as PDF (the print dialog's
                // choice); the counter also archives it as JSON.
                if props.editable {
                    <button type="button" class="button primary" id="objection-print" onclick={print} disabled={!ready}>{ lang.t("打印或保存为 PDF", "Print or save as PDF") }</button>
                } else {
                    <button type="button" class="button primary" id="objection-print" onclick={print} disabled={!ready}>{ lang.t("打印申请", "Print the request") }</button>
                    <button type="button" class="button" id="objection-save" onclick={save} disabled={!ready}>{ lang.t("保存为 JSON（归档）", "Save as JSON (archive)") }</button>
                }
                if let Some(close) = &props.on_close {
                    <button type="button" class="button" onclick={close.reform(|_| ())}>{ lang.t("关闭", "Close") }</button>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub type_code: AttrValue,
}

/// A citizen's objection from a catalog page: the form for one type.
#[component]
pub fn ObjectionPage(props: &PageProps) -> Html {
    let app = use_app();
    let draft = Draft { type_code: props.type_code.to_string(), ..Draft::default() };
    let render = Callback::from(
        move |_t: Rc<crate::services::trust::Trust>| html! { <Sheet draft={draft.clone()} editable=true /> },
    );
    html! {
        <section>
            <h1>{ app.t("证照信息有误或缺失", "License data wrong or missing") }</h1>
            <p>{ app.t(
                "填写后打印或保存为 PDF，交窗口或发证部门：发证部门应在期限内核查并更正或补签。",
                "Fill in, then print it or save it as PDF for the counter or the issuing department: it must check and correct or issue the license by the deadline.",
            ) }</p>
            <crate::components::need_trust::NeedTrust {render} />
        </section>
    }
}
