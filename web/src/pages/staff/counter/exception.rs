//! Resolving a needed license otherwise (an exception), with its note.

use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;
use zz_log::case::{Exception, ExceptionKind};

use crate::components::alert::{Alert, Tone};
use crate::components::field::value_of;
use crate::state::app::use_app;

use super::case::{Action, Case};

#[derive(Properties, PartialEq)]
pub(super) struct ExceptionProps {
    pub(super) case: UseReducerHandle<Case>,
    pub(super) row: usize,
    pub(super) type_code: String,
    /// Closed; with the objection draft when one was raised.
    pub(super) on_done: Callback<Option<crate::pages::staff::objection::Draft>>,
}

/// Resolves a needed license otherwise, with a required note.
#[component]
pub(super) fn ExceptionForm(props: &ExceptionProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let current = props.case.rows.get(props.row).and_then(|r| r.exception.clone());
    let kind = use_state(|| current.as_ref().map_or(ExceptionKind::Paper, |e| e.kind));
    let note = use_state(|| current.as_ref().map(|e| e.note.clone()).unwrap_or_default());
    let promised = use_state(|| current.as_ref().and_then(|e| e.promised.clone()).unwrap_or_default());
    let field = use_state(String::new);
    let error = use_state(|| false);
    let id = |s: &str| format!("exc-{}-{s}", props.row);
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            if let Some(k) = ExceptionKind::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                kind.set(k);
            }
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_promised = {
        let promised = promised.clone();
        Callback::from(move |e: Event| promised.set(value_of(&e)))
    };
    let on_field = {
        let field = field.clone();
        Callback::from(move |e: Event| field.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let presented = props.case.rows.get(props.row).and_then(|r| r.presented.clone());
    let save = {
        let (case, row, on_done) = (props.case.clone(), props.row, props.on_done.clone());
        let (kind, note, promised, field, error) =
            (kind.clone(), note.clone(), promised.clone(), field.clone(), error.clone());
        let type_code = props.type_code.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pending = *kind == ExceptionKind::Pending;
            if note.trim().is_empty() || pending && zz_core::dates::CstDate::parse(&promised).is_none() {
                error.set(true);
                return;
            }
            let license = presented.as_ref().and_then(|p| p.report.license.as_ref());
            let identifier = license.map(|l| l.id.clone());
            let issuer = license.map(|l| l.issuer.clone());
            crate::services::audit::record_event(zz_log::Happened {
                matter: case.matter.as_ref().map(|m| m.code.clone()),
                license_type: Some(type_code.clone()),
                identifier: identifier.clone(),
                ..zz_log::Happened::new(zz_log::Event::Exception(*kind))
            });
            case.dispatch(Action::Exception(
                row,
                Some(Exception {
                    kind: *kind,
                    note: note.trim().to_owned(),
                    promised: pending.then(|| (*promised).clone()),
                }),
            ));
            let draft = (*kind == ExceptionKind::Objection).then(|| crate::pages::staff::objection::Draft {
                type_code: type_code.clone(),
                license_id: identifier.unwrap_or_default(),
                issuer,
                field: (*field).clone(),
                problem: note.trim().to_owned(),
                case: Some(case.id.clone()),
            });
            on_done.emit(draft);
        })
    };
    let remove = {
        let (case, row, on_done) = (props.case.clone(), props.row, props.on_done.clone());
        Callback::from(move |_| {
            case.dispatch(Action::Exception(row, None));
            on_done.emit(None);
        })
    };
    let cancel = props.on_done.reform(|_| None);
    let ty = match &app.trust {
        crate::state::app::TrustState::Ready(t) => t.license_type(&props.type_code).cloned(),
        _ => None,
    };
    html! {
        <form class="exception-form no-print" onsubmit={save} aria-label={lang.t("例外处理", "Resolve otherwise")}>
            <div class="field">
                <label for={id("kind")}>{ lang.t("处理方式", "How") }</label>
                <select id={id("kind")} onchange={on_kind}>
                    { for ExceptionKind::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={*kind == *k}>{ lang.t(k.zh(), k.en()) }</option>
                    }) }
                </select>
            </div>
            if *kind == ExceptionKind::Pending {
                <div class="field">
                    <label for={id("promised")}>{ lang.t("承诺补交日期", "Promised by") }</label>
                    <input type="date" id={id("promised")} value={(*promised).clone()} onchange={on_promised} />
                </div>
            }
            if *kind == ExceptionKind::Objection {
                <div class="field">
                    <label for={id("field")}>{ lang.t("有误的信息项", "The item that is wrong") }</label>
                    <select id={id("field")} onchange={on_field}>
                        <option value="" selected={field.is_empty()}>{ lang.t("整份证照（缺失或未签发）", "The license as a whole (missing, not issued)") }</option>
                        { for ty.iter().flat_map(|t| t.fields.iter()).map(|f| html! {
                            <option value={f.key.clone()} selected={*field == f.key}>{ lang.t(&f.label, f.label_en.as_deref().unwrap_or(&f.label)) }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="field wide">
                <label for={id("note")}>{ match *kind {
                    ExceptionKind::Objection => lang.t("问题说明（必填）", "What is wrong (required)"),
                    _ => lang.t("说明（必填）", "Note (required)"),
                } }</label>
                <textarea id={id("note")} rows="2" value={(*note).clone()} oninput={on_note} />
            </div>
            if *error {
                <Alert tone={Tone::Error} urgent=true>{ lang.t("请填写说明（容缺受理还需承诺补交日期）。", "Write a note (and, when accepted pending, the promised date).") }</Alert>
            }
            <button type="submit" class="button primary">{ lang.t("确定", "Save") }</button>
            { " " }<button type="button" class="button" onclick={cancel}>{ lang.t("取消", "Cancel") }</button>
            if current.is_some() {
                { " " }<button type="button" class="button danger" onclick={remove}>{ lang.t("撤销例外", "Remove the exception") }</button>
            }
        </form>
    }
}
