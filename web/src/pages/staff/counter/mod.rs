//! The counter case (窗口办件) as the rules run it: the clerk picks the
//! matter and names the applicant (办事主体: typed, or read from a license
//! they present) and the agent (受托人) if any; every license presented is
//! verified by the core for the matter, the site's organisation and the
//! person presenting it; licenses of anyone but the applicant block the
//! case; the clerk ticks that the identity document was checked; a license
//! that cannot be verified electronically is resolved by an exception with
//! a note (paper original, accepted pending, issuance requested,
//! objection). The record prints and saves as JSON with the signed objects
//! themselves, for the case archive (`zz verify --case` checks it again).

mod case;
mod exception;
mod people;
mod row;

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use zz_log::case::CaseOutcome;

use crate::components::alert::{Alert, Tone};
use crate::components::need_trust::NeedTrust;
use crate::services::clock;
use crate::services::trust::Trust;
use crate::state::app::TrustProp;
use crate::state::app::use_app;
use crate::words::lang::Lang;

use case::{Action, Case, Presented};
use people::People;
use row::NeedRow;

#[component]
pub fn CounterPage() -> Html {
    let app = use_app();
    let render = Callback::from(|t: Rc<Trust>| html! { <Counter trust={TrustProp(t)} /> });
    html! {
        <section>
            <h1>{ app.t("窗口办件", "Counter: handle a case") }</h1>
            <crate::components::gate::Gate need={crate::services::session::Role::Counter} what={app.t("窗口办件", "The counter")}>
                <crate::components::gate::OperatorLine />
                <crate::components::drill_switch::DrillSwitch />
                <NeedTrust {render} />
            </crate::components::gate::Gate>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct Props {
    trust: TrustProp,
}

#[component]
fn Counter(props: &Props) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = props.trust.0.clone();
    let case = use_reducer(Case::default);
    let editing = use_state(|| None::<usize>);
    let objection = use_state(|| None::<crate::pages::staff::objection::Draft>);

    // Verifications of this page belong to the case.
    {
        let id = case.id.clone();
        use_effect_with(id, |id| {
            crate::services::audit::set_case((!id.is_empty()).then(|| id.clone()));
            || crate::services::audit::set_case(None)
        });
    }
    // New people: every license of the case is verified again for them.
    {
        let (case, t, app) = (case.clone(), t.clone(), app.clone());
        use_effect_with((case.applicant.clone(), case.agent.clone()), move |_| {
            let usage = app.usage(case.matter.as_ref().map(|m| m.code.clone()), case.presenter());
            for (i, row) in case.rows.iter().enumerate() {
                let Some(p) = row.presented.clone() else { continue };
                let case = case.clone();
                // A live presentation counts at the time it was shown, for
                // the challenge it answered (SPEC section 13).
                let live = p.report.presentation.as_ref();
                let usage =
                    crate::workers::protocol::OwnedUsage { nonce: live.and_then(|l| l.nonce.clone()), ..usage.clone() };
                crate::services::verification::verify_presented_at(
                    p.object.to_vec(),
                    t.clone(),
                    usage,
                    live.map(|_| p.report.now),
                    Callback::from(move |v: crate::services::verification::Verification| {
                        let again =
                            Presented { report: Rc::new(v.report), source: p.source.clone(), object: p.object.clone() };
                        case.dispatch(Action::Again(i, again));
                    }),
                );
            }
        });
    }
    // A completed case is logged once.
    {
        let outcome = case.outcome();
        let matter = case.matter.as_ref().map(|m| m.code.clone());
        use_effect_with((case.id.clone(), outcome), move |(id, outcome)| {
            if let Some(event) = zz_log::Event::case(*outcome) {
                crate::services::audit::record_event(zz_log::Happened {
                    case: Some(id.clone()),
                    matter,
                    ..zz_log::Happened::new(event)
                });
            }
        });
    }

    let on_matter = {
        let (case, t, editing, objection) = (case.clone(), t.clone(), editing.clone(), objection.clone());
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            editing.set(None);
            objection.set(None);
            case.dispatch(Action::New(t.bundle().matter(&code).cloned().map(Rc::new)));
        })
    };
    // 动态核验: the challenge in force, used once.
    let challenge = use_state(|| None::<crate::components::challenge::Challenge>);
    let on_challenge = {
        let challenge = challenge.clone();
        Callback::from(move |c| challenge.set(c))
    };
    let on_report = {
        let (case, challenge) = (case.clone(), challenge.clone());
        Callback::from(move |given: crate::components::present::Presented| {
            if challenge.is_some() {
                challenge.set(crate::components::challenge::Challenge::fresh());
            }
            case.dispatch(Action::Verified(Presented {
                report: Rc::new(given.report),
                source: given.source,
                object: given.object,
            }))
        })
    };
    let new_case = {
        let (case, editing, objection) = (case.clone(), editing.clone(), objection.clone());
        Callback::from(move |_| {
            editing.set(None);
            objection.set(None);
            case.dispatch(Action::New(case.matter.clone()));
        })
    };
    let outcome = case.outcome();
    let save = {
        let (case, t, site) = (case.clone(), t.clone(), app.site.clone());
        Callback::from(move |_| {
            let Some(record) = case.record(&t, &site) else { return };
            let json = serde_json::to_string_pretty(&record).unwrap_or_default();
            crate::services::download::download(&format!("zz-case-{}.json", record.id), "application/json", &json);
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let matter_code = case.matter.as_ref().map(|m| m.code.clone()).unwrap_or_default();
    html! {
        <>
        // On screen only: the printed record names the site in its header.
        <div class="no-print"><crate::components::site_line::SiteLine /></div>
        <div class="case-part no-print">
            <crate::components::present::MatterSelect id="case-matter" label={lang.t("办理事项", "Matter")} value={matter_code} onchange={on_matter} />
        </div>
        if let Some(m) = case.matter.clone() {
            <People case={case.clone()} />
            <crate::components::challenge::LiveChallenge challenge={(*challenge).clone()} on_change={on_challenge}
                qr={Callback::from(move |text: String| crate::components::qr_code::qr_svg(&text, lang.t("核验码", "Challenge")))} />
            <crate::components::present::Present trust={props.trust.clone()}
                usage={crate::workers::protocol::OwnedUsage { nonce: challenge.as_ref().map(|c| c.nonce.clone()), ..app.usage(Some(m.code.clone()), case.presenter()) }} {on_report}
                sound_always=true class="no-print case-part" />
            <section class="case case-part" aria-labelledby="case-title" data-complete={(outcome != CaseOutcome::Incomplete).to_string()} data-outcome={outcome.as_str()}>
                <h2 id="case-title">{ &m.name }{ " " }<code>{ &m.code }</code></h2>
                <p class="meta">
                    { lang.t("办件编号：", "Case: ") }<code id="case-id">{ &case.id }</code>{ " · " }
                    // One organisation, named once: the site handling the
                    // case when it is set, else the catalog's department.
                    if let Some(org) = &app.site.org {
                        { lang.t("受理单位：", "Handled by: ") }<span class="case-org">{ &org.name }{ " " }{ &app.site.window }</span>
                    } else {
                        { lang.t("受理部门：", "Department: ") }<span class="case-org">{ &m.dept.name }</span>
                    }
                    { " · " }{ lang.t("开始于 ", "Started ") }{ lang.instant(case.started) }
                </p>
                <p class="meta case-people">
                    { lang.t("办事主体：", "Applicant: ") }
                    { case.applicant.as_ref().map_or_else(|| lang.t("未填写", "not named").to_owned(), |a| format!("{} {}", zz_log::mask_name(&a.name), zz_log::mask_code(&a.id))) }
                    if let Some(g) = &case.agent {
                        { " · " }{ lang.t("受托人：", "Agent: ") }{ format!("{} {}", zz_log::mask_name(&g.name), zz_log::mask_code(&g.id)) }
                    }
                    { " · " }{ if case.identity.is_some() { lang.t("身份证件已核验", "identity document checked") } else { lang.t("身份证件未核验", "identity document not checked") } }
                </p>
                <table class="case-table">
                    <thead><tr>
                        <th scope="col">{ lang.t("所需证照", "License needed") }</th>
                        <th scope="col">{ lang.t("形式", "Form") }</th>
                        <th scope="col">{ lang.t("核验结果", "Result") }</th>
                    </tr></thead>
                    <tbody>
                    { for m.needs.iter().enumerate().map(|(i, need)| html! {
                        <NeedRow case={case.clone()} row={i} need={need.clone()} trust={props.trust.clone()} editing={*editing == Some(i)}
                            on_edit={{ let editing = editing.clone(); Callback::from(move |()| editing.set(Some(i))) }}
                            on_done={{ let (editing, objection) = (editing.clone(), objection.clone()); Callback::from(move |o: Option<crate::pages::staff::objection::Draft>| { editing.set(None); if o.is_some() { objection.set(o); } }) }} />
                    }) }
                    </tbody>
                </table>
                <div class="print-only">
                    <h3>{ lang.t("核验明细", "Details") }</h3>
                    { for case.rows.iter().filter_map(|r| r.presented.as_ref()).map(|p| {
                        let r = &p.report;
                        html! { <div class="print-license">
                            <p><strong>{ r.license.as_ref().map_or(String::new(), |l| t.type_name(&l.type_code).to_owned()) }</strong>
                               { " · " }{ crate::words::verdict::verdict_label(lang, r.verdict) }{ " · " }<code>{ r.license.as_ref().map_or("", |l| l.id.as_str()) }</code></p>
                            <p class="print-checks">{ for r.checks.iter().map(|c| html! {
                                <span>{ format!("{} {}；", lang.t(c.id.title_zh(), c.id.title_en()), crate::words::verdict::outcome_word(lang, c.outcome)) }</span>
                            }) }</p>
                        </div> }
                    }) }
                </div>
                if let Some(p) = &case.extra {
                    <Alert tone={Tone::Warn} urgent=true icon=true>{ match (&p.report.license, lang) {
                        (Some(l), Lang::Zh) => format!("“{}”不在本事项的用证清单中（{}）。", t.type_name(&l.type_code).to_owned(), p.source.label(lang)),
                        (Some(l), Lang::En) => format!("{} is not among this matter's licenses ({}).", t.type_name(&l.type_code).to_owned(), p.source.label(lang)),
                        (None, _) => format!("{}：{}", lang.t("无法识别", "Unrecognised"), crate::words::verdict::verdict_words(lang, &p.report).1),
                    } }</Alert>
                }
                <p class={classes!("case-status", (outcome != CaseOutcome::Incomplete).then_some("complete"))} role="status" aria-live="polite">{
                    match outcome {
                        CaseOutcome::Complete => html! { <>{ crate::components::icons::Icon::Check.html() }{ " " }{ lang.t("材料齐全，全部核验有效：可以受理。", "Complete: every license needed is valid.") }</> },
                        CaseOutcome::CompleteWithExceptions => html! { <>{ crate::components::icons::Icon::Check.html() }{ " " }{ lang.t("可以受理（含例外）：", "Complete with exceptions: ") }
                            { zz_log::case::kinds_of(case.rows.iter().map(|r| r.exception.as_ref()))
                                .iter().map(|k| lang.t(k.zh(), k.en())).collect::<Vec<_>>().join(lang.t("、", ", ")) }</> },
                        CaseOutcome::Incomplete => html! { <>{ lang.t("尚不能受理：", "Not complete: ") }{ missing(lang, &case).join(lang.t("；", "; ")) }</> },
                    }
                }</p>
                <p class="trust-age">{ lang.checked_against(&t.bundle().summary(clock::now())) }</p>
                <div class="log-tools no-print">
                    <button type="button" class="button" onclick={print}>{ lang.t("打印办件记录", "Print the record") }</button>
                    <button type="button" class="button" id="case-save" onclick={save}>{ lang.t("保存为 JSON（归档）", "Save as JSON (archive)") }</button>
                    <button type="button" class="button" onclick={new_case}>{ lang.t("新的办件", "New case") }</button>
                </div>
            </section>
        }
        if let Some(d) = &*objection {
            <crate::pages::staff::objection::Sheet draft={d.clone()} on_close={{ let objection = objection.clone(); Callback::from(move |()| objection.set(None)) }} />
        }
        </>
    }
}

/// What the case still lacks, in words.
fn missing(lang: Lang, case: &Case) -> Vec<&'static str> {
    let mut out = Vec::new();
    if case.applicant.is_none() {
        out.push(lang.t("填写办事主体", "name the applicant"));
    }
    if case.identity.is_none() {
        out.push(lang.t("核验身份证件", "check the identity document"));
    }
    if (0..case.rows.len()).any(|i| !case.row_resolved(i)) {
        out.push(lang.t("每份所需证照核验有效或例外处理", "every license valid or resolved otherwise"));
    }
    out
}
