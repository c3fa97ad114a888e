//! The applicant (办事主体) and the agent (受托人) of a case.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zz_core::Verdict;
use zz_core::model::{ID_TYPE_RESIDENT, ID_TYPE_USCC};

use crate::components::alert::{Alert, Tone};
use crate::state::app::use_app;
use crate::words::lang::Lang;

use super::case::{Action, Case, Party};

#[derive(Properties, PartialEq)]
pub(super) struct PeopleProps {
    pub(super) case: UseReducerHandle<Case>,
}

/// The applicant (办事主体) and the agent (受托人): typed, or the applicant
/// read from a license presented; confirmed by the clerk; the identity
/// document tick.
#[component]
pub(super) fn People(props: &PeopleProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let case = &props.case;
    let kind = use_state(|| ID_TYPE_RESIDENT.to_owned());
    let name = use_state(String::new);
    let id = use_state(String::new);
    let with_agent = use_state(|| false);
    let agent_name = use_state(String::new);
    let agent_id = use_state(String::new);
    let error = use_state(|| None::<&'static str>);
    let editing = case.applicant.is_none();

    let text = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| s.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| kind.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_agent = {
        let with_agent = with_agent.clone();
        Callback::from(move |e: Event| with_agent.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    // A license presented names its holder: offered as the applicant.
    let offered = case.rows.iter().filter_map(|r| r.presented.as_ref()).find_map(|p| {
        (p.report.verdict != Verdict::Invalid || p.report.verified).then_some(())?;
        p.report.license.as_ref().map(|l| l.holder.clone())
    });
    let take = {
        let (kind, name, id) = (kind.clone(), name.clone(), id.clone());
        let offered = offered.clone();
        Callback::from(move |_| {
            if let Some(h) = &offered {
                kind.set(if h.id_type == ID_TYPE_USCC { ID_TYPE_USCC.to_owned() } else { ID_TYPE_RESIDENT.to_owned() });
                name.set(h.name.clone());
                id.set(h.id.clone());
            }
        })
    };
    let confirm = {
        let (case, kind, name, id, error) = (case.clone(), kind.clone(), name.clone(), id.clone(), error.clone());
        let (with_agent, agent_name, agent_id) = (with_agent.clone(), agent_name.clone(), agent_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let good = |t: &str, v: &str| match t {
                ID_TYPE_USCC => zz_core::ident::uscc_valid(v),
                _ => zz_core::ident::resident_id_valid(v),
            };
            let (n, i) = (name.trim().to_owned(), id.trim().to_uppercase());
            if n.is_empty() || !good(&kind, &i) {
                error.set(Some("applicant"));
                return;
            }
            let agent = if *with_agent {
                let (an, ai) = (agent_name.trim().to_owned(), agent_id.trim().to_uppercase());
                if an.is_empty() || !good(ID_TYPE_RESIDENT, &ai) {
                    error.set(Some("agent"));
                    return;
                }
                Some(Party { name: an, id_type: ID_TYPE_RESIDENT.to_owned(), id: ai })
            } else {
                None
            };
            error.set(None);
            case.dispatch(Action::People(Some(Party { name: n, id_type: (*kind).clone(), id: i }), agent));
        })
    };
    let change = {
        let case = case.clone();
        Callback::from(move |_| case.dispatch(Action::People(None, None)))
    };
    let on_identity = {
        let case = case.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            if on {
                crate::services::audit::record(zz_log::Event::IdentityChecked);
            }
            case.dispatch(Action::Identity(on))
        })
    };
    if !editing {
        let a = case.applicant.clone().unwrap_or_default();
        return html! {
            <div class="people case-part no-print" id="people">
                <p><strong>{ lang.t("办事主体：", "Applicant: ") }</strong>{ format!("{} {}", zz_log::mask_name(&a.name), zz_log::mask_code(&a.id)) }
                    if let Some(g) = &case.agent {
                        { " · " }<strong>{ lang.t("受托人：", "Agent: ") }</strong>{ format!("{} {}", zz_log::mask_name(&g.name), zz_log::mask_code(&g.id)) }
                    }
                    { " " }<button type="button" class="button small" onclick={change}>{ lang.t("更改", "Change") }</button>
                </p>
                <div class="check-field">
                    <input type="checkbox" id="identity-checked" checked={case.identity.is_some()} onchange={on_identity} />
                    <label for="identity-checked">{ if case.agent.is_some() {
                        lang.t("已核验受托人的身份证件及委托材料", "I checked the agent's identity document and authorisation")
                    } else {
                        lang.t("已核验办事主体的身份证件", "I checked the applicant's identity document")
                    } }</label>
                </div>
            </div>
        };
    }
    html! {
        <form class="people case-part no-print" id="people" onsubmit={confirm} aria-labelledby="people-title">
            <h2 id="people-title">{ lang.t("办事主体", "Applicant") }</h2>
            <div class="field">
                <label for="applicant-kind">{ lang.t("证件类型", "ID type") }</label>
                <select id="applicant-kind" onchange={on_kind}>
                    <option value={ID_TYPE_RESIDENT} selected={*kind == ID_TYPE_RESIDENT}>{ lang.t("居民身份证（个人）", "Resident ID (a person)") }</option>
                    <option value={ID_TYPE_USCC} selected={*kind == ID_TYPE_USCC}>{ lang.t("统一社会信用代码（单位）", "USCC (an organisation)") }</option>
                </select>
            </div>
            <div class="field">
                <label for="applicant-name">{ lang.t("名称或姓名", "Name") }</label>
                <input id="applicant-name" value={(*name).clone()} oninput={text(&name)} autocomplete="off" />
            </div>
            <div class="field">
                <label for="applicant-id">{ lang.t("证件号码", "ID number") }</label>
                <input id="applicant-id" value={(*id).clone()} oninput={text(&id)} autocomplete="off" spellcheck="false" />
            </div>
            if let Some(h) = &offered {
                <p><button type="button" class="button small" id="applicant-from-license" onclick={take}>
                    { match lang { Lang::Zh => format!("以证照持证人（{}）为办事主体", zz_log::mask_holder(h)), Lang::En => format!("Take the license holder ({}) as the applicant", zz_log::mask_holder(h)) } }
                </button></p>
            }
            <div class="check-field">
                <input type="checkbox" id="with-agent" checked={*with_agent} onchange={on_agent} />
                <label for="with-agent">{ lang.t("由受托人代为办理", "An agent acts for the applicant") }</label>
            </div>
            if *with_agent {
                <div class="field">
                    <label for="agent-name">{ lang.t("受托人姓名", "Agent's name") }</label>
                    <input id="agent-name" value={(*agent_name).clone()} oninput={text(&agent_name)} autocomplete="off" />
                </div>
                <div class="field">
                    <label for="agent-id">{ lang.t("受托人身份证号码", "Agent's resident ID") }</label>
                    <input id="agent-id" value={(*agent_id).clone()} oninput={text(&agent_id)} autocomplete="off" spellcheck="false" />
                </div>
            }
            if let Some(which) = *error {
                <Alert tone={Tone::Error} urgent=true id="people-error">{ if which == "agent" {
                    lang.t("请填写受托人姓名和正确的身份证号码（校验位不符）。", "Enter the agent's name and a correct resident ID (the check character does not match).")
                } else {
                    lang.t("请填写办事主体名称和正确的证件号码（校验位不符）。", "Enter the applicant's name and a correct ID number (the check character does not match).")
                } }</Alert>
            }
            <button type="submit" class="button primary" id="people-confirm">{ lang.t("确认办事主体", "Confirm the applicant") }</button>
        </form>
    }
}
