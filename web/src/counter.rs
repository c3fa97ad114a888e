//! The counter workflow: staff pick the matter, the page lists the licenses
//! it needs, each license presented fills its row with the core's verdict;
//! when every row is valid the case is complete. The record can be printed
//! or saved as JSON.

use std::rc::Rc;

use serde::Serialize;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use zz_core::{Kind, Report, UnixTime, Verdict};

use crate::app::TrustProp;
use crate::app::{NeedTrust, use_app};
use crate::i18n::Lang;
use crate::scan::Source;
use crate::trust::{self, Trust};

#[component]
pub fn CounterPage() -> Html {
    let app = use_app();
    let render = Callback::from(|t: Rc<Trust>| html! { <Counter trust={TrustProp(t)} /> });
    html! {
        <section>
            <h1>{ app.t("窗口办件", "Counter: check a case") }</h1>
            <NeedTrust {render} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct Props {
    trust: TrustProp,
}

/// One verified license of the case.
#[derive(Clone, PartialEq)]
struct Presented {
    report: Rc<Report>,
    source: Source,
}

/// The saved verification record of a case.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
    matter: &'a zz_core::model::Matter,
    time: UnixTime,
    complete: bool,
    trust_seq: u64,
    catalog_seq: u64,
    licenses: Vec<RecordLicense<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordLicense<'a> {
    needed_type: &'a str,
    annotated_required: bool,
    kind: Option<&'static str>,
    license_type: Option<&'a str>,
    holder: Option<String>,
    identifier: Option<&'a str>,
    verdict: Option<&'static str>,
    checks: Option<&'a [zz_core::Check]>,
}

#[component]
fn Counter(props: &Props) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = props.trust.0.clone();
    let matter_code = use_state(String::new);
    let rows = use_state(Vec::<Option<Presented>>::new);
    let extra = use_state(|| None::<Presented>);
    let started = use_state(trust::now);
    let matter = t.bundle.matter(&matter_code).cloned();

    let on_matter = {
        let matter_code = matter_code.clone();
        let rows = rows.clone();
        let extra = extra.clone();
        let started = started.clone();
        let t = t.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let n = t.bundle.matter(&s.value()).map_or(0, |m| m.needs.len());
            rows.set(vec![None; n]);
            extra.set(None);
            started.set(trust::now());
            matter_code.set(s.value());
        })
    };
    let on_report = {
        let rows = rows.clone();
        let extra = extra.clone();
        let matter = matter.clone();
        Callback::from(move |given: crate::present::Presented| {
            let Some(m) = matter.clone() else { return };
            let p = Presented { report: Rc::new(given.report), source: given.source };
            let type_code = p.report.license.as_ref().map(|l| l.type_code.clone());
            match type_code.and_then(|c| m.needs.iter().position(|n| n.type_code == c)) {
                Some(i) => {
                    let mut next = (*rows).clone();
                    next.resize(m.needs.len(), None);
                    next[i] = Some(p);
                    rows.set(next);
                    extra.set(None);
                }
                None => extra.set(Some(p)),
            }
        })
    };
    let reset = {
        let rows = rows.clone();
        let extra = extra.clone();
        let started = started.clone();
        let n = matter.as_ref().map_or(0, |m| m.needs.len());
        Callback::from(move |_| {
            rows.set(vec![None; n]);
            extra.set(None);
            started.set(trust::now());
        })
    };
    let complete = matter.is_some()
        && !rows.is_empty()
        && rows.iter().all(|r| r.as_ref().is_some_and(|p| p.report.verdict == Verdict::Valid));
    let save = {
        let rows = rows.clone();
        let matter = matter.clone();
        let started = *started;
        let t = t.clone();
        Callback::from(move |_| {
            let Some(m) = &matter else { return };
            let licenses = m
                .needs
                .iter()
                .zip(rows.iter())
                .map(|(need, row)| {
                    let r = row.as_ref().map(|p| p.report.as_ref());
                    let l = r.and_then(|r| r.license.as_ref());
                    RecordLicense {
                        needed_type: &need.type_code,
                        annotated_required: need.annotated,
                        kind: r.and_then(|r| r.kind).map(Kind::as_str),
                        license_type: l.map(|l| l.type_code.as_str()),
                        holder: l.map(|l| zz_log::mask_holder(&l.holder)),
                        identifier: l.map(|l| l.id.as_str()),
                        verdict: r.map(|r| r.verdict.as_str()),
                        checks: r.map(|r| r.checks.as_slice()),
                    }
                })
                .collect();
            let record = Record {
                matter: m,
                time: started,
                complete: m.needs.len() == rows.len()
                    && rows.iter().all(|r| r.as_ref().is_some_and(|p| p.report.verdict == Verdict::Valid)),
                trust_seq: t.bundle.trust.seq,
                catalog_seq: t.bundle.catalog.seq,
                licenses,
            };
            let json = serde_json::to_string_pretty(&record).unwrap_or_default();
            crate::log::download(&format!("zz-case-{}-{}.json", m.code, started), "application/json", &json);
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let word = |v: Verdict| (crate::verify::verdict_icon(v), crate::verify::verdict_label(lang, v), v.as_str());
    html! {
        <>
        <div class="field no-print">
            <label for="case-matter">{ lang.t("办理事项", "Matter") }</label>
            <select id="case-matter" onchange={on_matter}>
                <option value="" selected={matter_code.is_empty()}>{ lang.t("请选择事项", "Choose the matter") }</option>
                { for t.bundle.catalog.matters.iter().map(|m| html! {
                    <option value={m.code.clone()} selected={*matter_code == m.code}>{ format!("{}（{}）", m.name, m.code) }</option>
                }) }
            </select>
        </div>
        if let Some(m) = &matter {
            <crate::present::Present trust={props.trust.clone()} usage={zz_web::OwnedUsage { matter: Some(m.code.clone()), ..Default::default() }} {on_report}
                sound_always=true class="no-print" />
            <section class="case" aria-labelledby="case-title" data-complete={complete.to_string()}>
                <h2 id="case-title">{ &m.name }{ " " }<code>{ &m.code }</code></h2>
                <p class="meta">{ lang.t("受理部门：", "Department: ") }{ &m.dept.name }{ " · " }{ lang.t("开始于 ", "Started ") }{ lang.instant(*started) }</p>
                <table class="case-table">
                    <thead><tr>
                        <th scope="col">{ lang.t("所需证照", "License needed") }</th>
                        <th scope="col">{ lang.t("形式", "Form") }</th>
                        <th scope="col">{ lang.t("核验结果", "Result") }</th>
                    </tr></thead>
                    <tbody>
                    { for m.needs.iter().enumerate().map(|(i, need)| {
                        let name = t.bundle.type_name(&need.type_code).to_owned();
                        let row = rows.get(i).cloned().flatten();
                        html! { <tr data-type={need.type_code.clone()} data-verdict={row.as_ref().map(|p| p.report.verdict.as_str())}>
                            <td>{ name }</td>
                            <td>{ if need.annotated { lang.t("加注件", "Annotated copy") } else { lang.t("原件或加注件", "Original or annotated copy") } }</td>
                            <td>{ match &row {
                                None => html! { <span class="pending">{ lang.t("待核验", "Waiting") }</span> },
                                Some(p) => {
                                    let (icon, w, cls) = word(p.report.verdict);
                                    let why = crate::verify::verdict_words(lang, &p.report).1;
                                    let next = crate::advice::Problem::of(&p.report, &t.bundle)
                                        .map(|pr| pr.next_step(lang, crate::advice::Audience::Clerk));
                                    let holder = p.report.license.as_ref().map(|l| zz_log::mask_holder(&l.holder)).unwrap_or_default();
                                    html! { <span class={classes!("row-verdict", cls)}><strong>{ icon }{ " " }{ w }</strong>{ " · " }{ holder }<br/><small>{ why }</small>
                                        if let Some(n) = next { <br/><small class="next-step">{ lang.t("下一步：", "Next: ") }{ n }</small> }
                                    </span> }
                                }
                            } }</td>
                        </tr> }
                    }) }
                    </tbody>
                </table>
                <div class="print-only">
                    <h3>{ lang.t("核验明细", "Details") }</h3>
                    { for rows.iter().flatten().map(|p| {
                        let r = &p.report;
                        html! { <div class="print-license">
                            <p><strong>{ r.license.as_ref().map_or(String::new(), |l| t.bundle.type_name(&l.type_code).to_owned()) }</strong>
                               { " · " }{ crate::verify::verdict_label(lang, r.verdict) }{ " · " }<code>{ r.license.as_ref().map_or("", |l| l.id.as_str()) }</code></p>
                            <p class="print-checks">{ for r.checks.iter().map(|c| html! {
                                <span>{ format!("{} {}；", lang.t(c.id.title_zh(), c.id.title_en()), crate::verify::outcome_words(lang, c.outcome).1) }</span>
                            }) }</p>
                        </div> }
                    }) }
                </div>
                if let Some(p) = &*extra {
                    <p class="alert warn" role="alert">{ crate::icons::Icon::Warning.html() }{ " " }{ match (&p.report.license, lang) {
                        (Some(l), Lang::Zh) => format!("“{}”不在本事项的用证清单中（{}）。", t.bundle.type_name(&l.type_code).to_owned(), p.source.label(lang)),
                        (Some(l), Lang::En) => format!("{} is not among this matter's licenses ({}).", t.bundle.type_name(&l.type_code).to_owned(), p.source.label(lang)),
                        (None, _) => format!("{}：{}", lang.t("无法识别", "Unrecognised"), crate::verify::verdict_words(lang, &p.report).1),
                    } }</p>
                }
                <p class={classes!("case-status", complete.then_some("complete"))} role="status" aria-live="polite">{
                    if complete { html! { <>{ crate::icons::Icon::Check.html() }{ " " }{ lang.t("材料齐全，全部核验有效：可以受理。", "Complete: every license needed is valid.") }</> } }
                    else { html! { lang.t("材料尚未齐全或有未通过核验的证照。", "Not complete yet: licenses are missing or not valid.") } }
                }</p>
                <p class="trust-age">{ lang.checked_against(&t.bundle.summary(trust::now())) }</p>
                <div class="log-tools no-print">
                    <button type="button" class="button" onclick={print}>{ lang.t("打印核验记录", "Print the record") }</button>
                    <button type="button" class="button" onclick={save}>{ lang.t("保存为 JSON", "Save as JSON") }</button>
                    <button type="button" class="button" onclick={reset}>{ lang.t("新的办件", "New case") }</button>
                </div>
            </section>
        }
        </>
    }
}
