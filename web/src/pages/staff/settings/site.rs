//! The site's configuration on the settings page.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::alert::{Alert, Tone};
use crate::state::app::use_app;

/// The deployment's configuration on this device: organisation, hall,
/// window, matters, scoped mode, objection deadline, log retention. Saving
/// needs an administrator signed in; the site's own `trust/site.json` is
/// used again on request.
#[component]
pub fn SiteSettings() -> Html {
    let app = use_app();
    let lang = app.lang;
    let site = (*app.site).clone();
    let matters = use_state(|| site.matters.clone());
    let refs: [NodeRef; 7] = Default::default();
    let [org_name, org_code, hall, window, days, rule, retention] = refs.clone();
    let scoped = use_node_ref();
    let message = use_state(|| None::<Result<&'static str, String>>);
    {
        // The inputs start from the configuration in use, once: a message
        // drawn after a refused save must not reset what was typed.
        let (refs, site, scoped) = (refs.clone(), site.clone(), scoped.clone());
        use_effect_with((), move |_| {
            if let Some(i) = scoped.cast::<HtmlInputElement>() {
                i.set_checked(site.scoped);
            }
            let org = site.org.clone().unwrap_or(zz_core::model::Named { name: String::new(), code: String::new() });
            let days = site.objection_days().to_string();
            let keep = site.retention_days().to_string();
            let values = [&org.name, &org.code, &site.hall, &site.window, &days, &site.objection_rule, &keep];
            for (r, v) in refs.iter().zip(values) {
                if let Some(i) = r.cast::<HtmlInputElement>() {
                    i.set_value(v);
                }
            }
        });
    }
    let crate::state::app::TrustState::Ready(t) = &app.trust else { return html! {} };
    let value = crate::components::field::value;
    let save = {
        let (matters, message, set_site, refs, scoped) =
            (matters.clone(), message.clone(), app.set_site.clone(), refs.clone(), scoped.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [org_name, org_code, hall, window, days, rule, retention] = &refs;
            if !crate::services::session::signed_in_as(crate::services::session::Role::Admin) {
                message.set(Some(Err(crate::services::accounts::message(
                    lang,
                    crate::services::accounts::AccountError::NotAllowed,
                ))));
                return;
            }
            let code = value(org_code).trim().to_uppercase();
            if !code.is_empty() && !zz_core::ident::uscc_valid(&code) {
                message.set(Some(Err(lang
                    .t("统一社会信用代码校验位不符。", "The USCC's check character does not match.")
                    .to_owned())));
                return;
            }
            let next = crate::services::site::Site {
                org: (!code.is_empty())
                    .then(|| zz_core::model::Named { name: value(org_name).trim().to_owned(), code }),
                hall: value(hall).trim().to_owned(),
                window: value(window).trim().to_owned(),
                matters: (*matters).clone(),
                scoped: scoped.cast::<HtmlInputElement>().is_some_and(|i| i.checked()),
                objection_days: value(days).trim().parse().ok(),
                objection_rule: value(rule).trim().to_owned(),
                retention_days: value(retention).trim().parse().ok(),
            };
            match crate::services::site::Site::parse(&serde_json::to_string(&next).unwrap_or_default()) {
                Some(parsed) => match crate::services::site::save(Some(&parsed)) {
                    Ok(()) => {
                        crate::services::audit::record_event(zz_log::Happened {
                            detail: Some(serde_json::to_string(&parsed).unwrap_or_default()),
                            ..zz_log::Happened::new(zz_log::Event::Setting)
                        });
                        set_site.emit((Rc::new(parsed), crate::services::site::SiteOrigin::Device));
                        message.set(Some(Ok("saved")));
                    }
                    Err(e) => message.set(Some(Err(e))),
                },
                None => message.set(Some(Err("?".into()))),
            }
        })
    };
    let revert = {
        let (message, set_site) = (message.clone(), app.set_site.clone());
        Callback::from(move |_| {
            if !crate::services::session::signed_in_as(crate::services::session::Role::Admin) {
                message.set(Some(Err(crate::services::accounts::message(
                    lang,
                    crate::services::accounts::AccountError::NotAllowed,
                ))));
                return;
            }
            let _ = crate::services::site::save(None);
            crate::services::audit::record_event(zz_log::Happened {
                detail: Some("site.json".into()),
                ..zz_log::Happened::new(zz_log::Event::Setting)
            });
            let (message, set_site) = (message.clone(), set_site.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (s, from) = crate::services::site::load().await;
                set_site.emit((Rc::new(s), from));
                message.set(Some(Ok("reverted")));
            });
        })
    };
    let toggle = |code: String| {
        let matters = matters.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut m: Vec<String> = (*matters).iter().filter(|c| **c != code).cloned().collect();
            if on {
                m.push(code.clone());
            }
            matters.set(m);
        })
    };
    let from = match app.site_from {
        crate::services::site::SiteOrigin::Nothing => lang.t("未配置", "none"),
        crate::services::site::SiteOrigin::Served => lang.t("站点的 trust/site.json", "the site's trust/site.json"),
        crate::services::site::SiteOrigin::Device => lang.t("本设备的设置", "this device's settings"),
    };
    html! {
        <>
        <h2 id="site-h">{ lang.t("用证单位与窗口", "Organisation and window") }</h2>
        <p>{ lang.t("当前配置来源：", "Configuration in use: ") }<strong id="site-from">{ from }</strong>{ lang.t(
            "。部署时替换站点的 trust/site.json；也可在此为本设备设置（需管理员登录）。",
            ". Replace the site's trust/site.json at deployment, or set it for this device here (an administrator signed in).",
        ) }</p>
        <form class="site-form" onsubmit={save} aria-labelledby="site-h">
            <div class="field"><label for="site-org-name">{ lang.t("单位名称", "Organisation") }</label><input id="site-org-name" ref={org_name} /></div>
            <div class="field"><label for="site-org-code">{ lang.t("统一社会信用代码", "USCC") }</label><input id="site-org-code" ref={org_code} spellcheck="false" /></div>
            <div class="field"><label for="site-hall">{ lang.t("服务大厅", "Service hall") }</label><input id="site-hall" ref={hall} /></div>
            <div class="field"><label for="site-window">{ lang.t("窗口", "Window") }</label><input id="site-window" ref={window} /></div>
            <fieldset>
                <legend>{ lang.t("本单位办理的事项", "The matters it handles") }</legend>
                { for t.bundle().catalog.matters.iter().map(|m| html! {
                    <div class="check-field">
                        <input type="checkbox" id={format!("site-m-{}", m.code)} checked={matters.contains(&m.code)} onchange={toggle(m.code.clone())} />
                        <label for={format!("site-m-{}", m.code)}>{ format!("{}（{}）", m.name, m.code) }</label>
                    </div>
                }) }
            </fieldset>
            <div class="check-field">
                <input type="checkbox" id="site-scoped" ref={scoped.clone()} />
                <label for="site-scoped">{ lang.t("仅限本单位事项（不选择事项不能核验）", "Its matters only (nothing is verified without a matter)") }</label>
            </div>
            <div class="field"><label for="site-days">{ lang.t("异议核查期限（工作日）", "Objection deadline (working days)") }</label>
                <input id="site-days" ref={days} type="number" min="1" max="60" /></div>
            <div class="field wide"><label for="site-rule">{ lang.t("期限依据", "The rule that sets it") }</label><input id="site-rule" ref={rule} /></div>
            <div class="field"><label for="site-retention">{ lang.t("核验记录保留天数", "Days the log keeps entries") }</label>
                <input id="site-retention" ref={retention} type="number" min="1" max="3650" /></div>
            <button type="submit" class="button primary" id="site-save">{ lang.t("保存到本设备", "Save on this device") }</button>
            { " " }<button type="button" class="button" onclick={revert}>{ lang.t("改用站点配置", "Use the site's configuration") }</button>
        </form>
        <div role="status" aria-live="polite" id="site-result">
        { match &*message {
            Some(Ok(_)) => html! { <Alert tone={Tone::Ok} icon=true>{ lang.t("已保存。", "Saved.") }</Alert> },
            Some(Err(e)) => html! { <Alert tone={Tone::Error} icon=true>{ e }</Alert> },
            None => html! {},
        } }
        </div>
        </>
    }
}
