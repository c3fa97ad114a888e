//! The log's entries, filtered, newest first, a page at a time.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zz_core::{UnixTime, Verdict};
use zz_log::audit;

use crate::components::alert::{Alert, Tone};
use crate::components::icons::Icon;
use crate::services::audit::AuditError;
use crate::state::app::{TrustState, use_app};
use crate::words::events::event_words;
use crate::words::lang::Lang;
use crate::words::verdict::verdict_label;

/// Rows per page of the list.
const PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// Every entry, oldest first.
    pub list: Rc<Vec<audit::Entry>>,
    /// Why the log could not be read.
    pub error: Option<AuditError>,
}

#[component]
pub fn LogTable(props: &TableProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let verdict = use_state(String::new);
    let query = use_state(String::new);
    let page = use_state(|| 0usize);
    let list = &props.list;
    // Names from the trust data in hand (codes when it does not know them).
    let bundle = match &app.trust {
        TrustState::Ready(t) => Some(t.clone()),
        _ => None,
    };
    let type_name = |code: Option<&str>| -> String {
        let code = code.unwrap_or_default();
        bundle.as_ref().map_or(code, |t| t.type_name(code)).to_owned()
    };
    let matter_name = |code: Option<&str>| -> String {
        let code = code.unwrap_or_default();
        bundle.as_ref().and_then(|t| t.bundle().matter(code)).map_or_else(|| code.to_owned(), |m| m.name.clone())
    };
    let failed_words = |e: &audit::Entry| -> String {
        e.failed()
            .iter()
            .map(|id| zz_core::CheckId::from_id(id).map_or(id.as_str(), |c| lang.t(c.title_zh(), c.title_en())))
            .collect::<Vec<_>>()
            .join(lang.t("、", ", "))
    };
    let q = query.to_lowercase();
    let shown: Vec<&audit::Entry> = list
        .iter()
        .rev()
        .filter(|e| verdict.is_empty() || e.verdict() == *verdict)
        .filter(|e| {
            q.is_empty()
                || [
                    e.matter.clone(),
                    e.license_type().map(str::to_owned),
                    e.identifier().map(str::to_owned),
                    e.holder().map(str::to_owned),
                    e.case.clone(),
                    e.operator.as_ref().map(|o| format!("{} {}", o.name, o.number)),
                    Some(e.event.clone()),
                    Some(type_name(e.license_type())),
                    Some(matter_name(e.matter.as_deref())),
                ]
                .iter()
                .any(|f| f.as_deref().is_some_and(|s| s.to_lowercase().contains(&q)))
        })
        .collect();
    let pages = shown.len().div_ceil(PAGE).max(1);
    let at = (*page).min(pages - 1);
    let on_verdict = {
        let (verdict, page) = (verdict.clone(), page.clone());
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            verdict.set(s.value());
            page.set(0);
        })
    };
    let on_query = {
        let (query, page) = (query.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            query.set(i.value());
            page.set(0);
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_| page.set(to))
    };
    let verdict_of = |v: &str| match v {
        "valid" => Verdict::Valid,
        "invalid" => Verdict::Invalid,
        _ => Verdict::Indeterminate,
    };
    let verdict_word = |v: &str| verdict_label(lang, verdict_of(v));
    html! {
        <>
            <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field wide">
                    <label for="log-q">{ lang.t("筛选（事项、证照、标识、持证主体、操作人员、办件）", "Filter (matter, license, identifier, holder, operator, case)") }</label>
                    <input id="log-q" type="search" value={(*query).clone()} oninput={on_query} />
                </div>
                <div class="field">
                    <label for="log-verdict">{ lang.t("结论", "Verdict") }</label>
                    <select id="log-verdict" onchange={on_verdict}>
                        <option value="" selected={verdict.is_empty()}>{ lang.t("全部", "All") }</option>
                        { for ["valid", "invalid", "indeterminate"].iter().map(|v| html! {
                            <option value={*v} selected={*verdict == *v}>{ verdict_word(v) }</option>
                        }) }
                    </select>
                </div>
            </form>
            if let Some(e) = &props.error {
                <Alert tone={Tone::Error} urgent=true>{ e.to_string() }</Alert>
            }
            <table class="log">
                <caption>{ match lang {
                    Lang::Zh => format!("共 {} 条，符合 {} 条（最新在前），第 {} / {} 页", list.len(), shown.len(), at + 1, pages),
                    Lang::En => format!("{} entries, {} match (newest first), page {} of {}", list.len(), shown.len(), at + 1, pages),
                } }</caption>
                <thead><tr>
                    <th scope="col" class="nowrap">{ "#" }</th>
                    <th scope="col">{ lang.t("时间", "Time") }</th>
                    <th scope="col">{ lang.t("结论", "Verdict") }</th>
                    <th scope="col">{ lang.t("证照", "License") }</th>
                    <th scope="col">{ lang.t("持证主体", "Holder") }</th>
                    <th scope="col">{ lang.t("事项", "Matter") }</th>
                    <th scope="col">{ lang.t("操作人员", "Operator") }</th>
                    <th scope="col">{ lang.t("未通过", "Failed") }</th>
                </tr></thead>
                <tbody>
                { for shown.iter().skip(at * PAGE).take(PAGE).map(|e| html! { <tr data-verdict={e.verdict().to_owned()} data-event={e.staff_event().map(str::to_owned)} data-case={e.case.clone()} data-drill={e.drill.then_some("1")}>
                    <td data-label="#" class="nowrap">{ e.n }</td>
                    <td data-label={lang.t("时间", "Time")}>{ lang.instant(UnixTime::from_secs(e.time)) }</td>
                    <td data-label={lang.t("结论", "Verdict")}>{ match e.staff_event() {
                        Some(ev) => html! { <span class="event">{ event_words(lang, ev) }</span> },
                        None => html! { <>{ Icon::of_verdict(verdict_of(e.verdict())).html() }{ " " }{ verdict_word(e.verdict()) }</> },
                    } }{ if e.drill { lang.t("（模拟）", " (drill)") } else { "" } }</td>
                    <td data-label={lang.t("证照", "License")} class="license" title={e.identifier().unwrap_or_default().to_owned()}>{ type_name(e.license_type()) }</td>
                    <td data-label={lang.t("持证主体", "Holder")}>{ e.holder().unwrap_or_default().to_owned() }</td>
                    <td data-label={lang.t("事项", "Matter")}>{ matter_name(e.matter.as_deref()) }</td>
                    <td data-label={lang.t("操作人员", "Operator")} class="operator">{ e.operator.as_ref().map(|o| format!("{}（{}）", o.name, o.number)).unwrap_or_default() }</td>
                    <td data-label={lang.t("未通过", "Failed")}>{ failed_words(e) }</td>
                </tr> }) }
                </tbody>
            </table>
            if pages > 1 {
                <nav class="pager" aria-label={lang.t("分页", "Pages")}>
                    <button type="button" class="button small" id="log-prev" disabled={at == 0} onclick={go(at.saturating_sub(1))}>{ lang.t("上一页", "Previous") }</button>
                    <span>{ format!(" {} / {} ", at + 1, pages) }</span>
                    <button type="button" class="button small" id="log-next" disabled={at + 1 >= pages} onclick={go(at + 1)}>{ lang.t("下一页", "Next") }</button>
                </nav>
            }
        </>
    }
}
