//! Trust data status, bundle import and language.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::Route;
use crate::services::trust::{self, Source, Trust};
use crate::state::app::{NeedTrust, TrustState, use_app};
use crate::words::lang::Lang;

/// The age of the trust data, always visible in the header.
#[component]
pub fn TrustBadge() -> Html {
    let app = use_app();
    let TrustState::Ready(t) = &app.trust else {
        return html! {};
    };
    let s = t.bundle.summary(trust::now());
    // A stale status list only concerns its own licenses: the settings page
    // and each verification say so; the badge warns for the whole data.
    let warn = s.outdated || s.clock_behind;
    let text = app.lang.trust_age(&s);
    html! {
        <Link<Route> to={Route::Settings} classes={classes!("badge", warn.then_some("warn"))}>
            if warn { { crate::components::icons::Icon::Warning.html() }{ " " } }{ text }
        </Link<Route>>
    }
}

/// Notices every page carries while they hold: the demo root is loaded
/// (anyone can sign as it), or the site serves other roots than the ones
/// pinned on this device.
#[component]
pub fn TrustNotices() -> Html {
    let app = use_app();
    let TrustState::Ready(t) = &app.trust else {
        return html! {};
    };
    if !t.is_demo() && t.offered_roots.is_none() {
        return html! {};
    }
    html! {
        <section class="notices" aria-label={app.t("重要提示", "Notices")}>
        if t.is_demo() {
            <div class="demo-banner" role="note" data-testid="demo-banner">
                <strong>{ "演示数据" }</strong>{ " · " }
                { app.t("仅供演示，不得用于真实核验：演示根密钥由公开种子生成，任何人都能用它签名。",
                        "Demo data — not for real use: the demo root key derives from a public seed, so anyone can sign with it.") }
            </div>
        }
        if t.offered_roots.is_some() {
            <div class="alert error roots-changed" role="alert" data-testid="roots-changed">
                <strong>{ app.t("站点提供的根密钥已更改，本设备未采用。", "The site now serves other root keys: this device has not adopted them.") }</strong>
                { " " }
                { app.t("核验仍使用本设备固定的根密钥。若更换是管理员所为，请在“设置”页确认采用。",
                        "Verification still uses the roots pinned on this device. If an administrator made the change, adopt them on the settings page.") }
            </div>
        }
        </section>
    }
}

/// Which pinned roots: the ZZ1 roots or the SM2 roots for OFD seals.
#[derive(Clone, Copy, PartialEq)]
enum Anchor {
    Zz1,
    Sm2,
}

#[derive(Properties, PartialEq)]
struct OfferedProps {
    anchor: Anchor,
    offered: Option<String>,
}

/// Adopting the roots the site now serves (ZZ1 or SM2): an
/// administrator's action, confirmed, never silent.
#[component]
fn OfferedRoots(props: &OfferedProps) -> Html {
    let lang = use_app().lang;
    let error = use_state(|| None::<trust::Refusal>);
    let Some(offered) = props.offered.clone() else {
        return html! {};
    };
    let anchor = props.anchor;
    let (title, note, question, button, testid) = match anchor {
        Anchor::Zz1 => (
            lang.t("根密钥已更改", "Root keys changed"),
            lang.t("站点提供的根密钥与本设备首次使用时固定的不同。核验继续使用固定的根密钥。",
                   "The root keys the site serves differ from the ones pinned when this device first used it. Verification goes on with the pinned ones."),
            lang.t("确认采用站点提供的新根密钥？此后只有由新根密钥签名的信任数据有效。仅在主管部门通知更换时操作。",
                   "Adopt the new root keys the site serves? From then on only trust data signed by them is accepted. Do this only when the authority has announced the change."),
            lang.t("采用新的根密钥（管理员）", "Adopt the new root keys (administrator)"),
            "adopt-roots",
        ),
        Anchor::Sm2 => (
            lang.t("SM2 根证书已更改", "SM2 roots changed"),
            lang.t("站点提供的 SM2 根证书与本设备固定的不同，核验继续使用固定的证书。",
                   "The SM2 roots the site serves differ from the ones pinned here; verification goes on with the pinned ones."),
            lang.t("确认采用站点提供的新 SM2 根证书？此后 OFD 文件的签章按新根证书判断是否可信。仅在主管部门通知更换时操作。",
                   "Adopt the new SM2 root certificates the site serves? From then on OFD seals are trusted by them. Do this only when the authority has announced the change."),
            lang.t("采用新的 SM2 根证书（管理员）", "Adopt the new SM2 roots (administrator)"),
            "adopt-sm2-roots",
        ),
    };
    let adopt = {
        let error = error.clone();
        Callback::from(move |_| {
            if !crate::services::accounts::signed_in_as(crate::services::accounts::Role::Admin) {
                error.set(Some(trust::Refusal {
                    zh: "需要管理员登录（见下方“工作人员”）。".into(),
                    en: "An administrator must sign in (see Staff below).".into(),
                }));
                return;
            }
            if !gloo::dialogs::confirm(question) {
                return;
            }
            let done = match anchor {
                Anchor::Zz1 => trust::adopt_offered_roots(&offered),
                Anchor::Sm2 => trust::adopt_offered_sm2_roots(&offered),
            };
            crate::services::audit::record_event(zz_log::Happened {
                event: if done.is_ok() { "roots-adopted" } else { "roots-adoption-refused" }.into(),
                detail: Some(if anchor == Anchor::Zz1 { "zz1" } else { "sm2" }.into()),
                ..Default::default()
            });
            match done {
                Ok(()) => wasm_bindgen_futures::spawn_local(async {
                    crate::services::audit::settled().await;
                    let _ = gloo::utils::window().location().reload();
                }),
                Err(e) => error.set(Some(e)),
            }
        })
    };
    html! {
        <>
        <h2>{ title }</h2>
        <p>{ note }</p>
        <button type="button" class="button danger" onclick={adopt} data-testid={testid}>{ button }</button>
        if let Some(e) = &*error { <p class="alert error" role="alert">{ lang.t(&e.zh, &e.en) }</p> }
        </>
    }
}

/// The pinned SM2 roots for OFD seals (`trust/sm2-roots.pem`): their
/// certificates, read by the OFD worker (fetched only on this page or
/// when an OFD file arrives).
#[component]
fn Sm2Roots(props: &PanelProps) -> Html {
    use zz_web::ofd_worker_api::{OfdRequest, OfdResponse, RootInfo};
    let lang = use_app().lang;
    let pem = props.trust.0.raw.sm2_roots.clone();
    let certs = use_state(|| None::<Result<Vec<RootInfo>, String>>);
    {
        let certs = certs.clone();
        use_effect_with(pem.clone(), move |pem| {
            if !pem.trim().is_empty() {
                crate::services::verification::ofd(
                    OfdRequest::Roots { pem: pem.clone() },
                    Callback::from(move |r: OfdResponse| {
                        certs.set(Some(match r {
                            OfdResponse::Roots(list) => list,
                            _ => Err("unexpected answer".into()),
                        }))
                    }),
                );
            }
        });
    }
    let rows: Vec<[String; 3]> = match &*certs {
        None => vec![[lang.t("读取中…", "Reading…").to_owned(), String::new(), String::new()]],
        Some(Err(e)) => vec![[
            format!("{}{e}", lang.t("证书无法读取：", "A certificate cannot be read: ")),
            String::new(),
            String::new(),
        ]],
        Some(Ok(list)) => list
            .iter()
            .map(|c| {
                let at = zz_core::UnixTime::from_secs;
                [
                    c.subject.clone(),
                    lang.t(if c.root { "根证书" } else { "中间 CA" }, if c.root { "Root" } else { "Intermediate CA" })
                        .to_owned(),
                    format!("{} – {}", lang.instant(at(c.not_before)), lang.instant(at(c.not_after))),
                ]
            })
            .collect(),
    };
    html! {
        <>
        <h2>{ lang.t("OFD 签章的 SM2 根证书", "SM2 root certificates for OFD seals") }</h2>
        if pem.trim().is_empty() {
            <p>{ lang.t("站点未提供 SM2 根证书（trust/sm2-roots.pem）：OFD 文件的签章人均不可信，结果最多为“无法确认”。",
                        "The site serves no SM2 roots (trust/sm2-roots.pem): no OFD signer is trusted, and results are at best indeterminate.") }</p>
        } else {
            <table id="sm2-roots">
                <caption>{ lang.t("已固定的证书（更换部署：替换站点的 trust/sm2-roots.pem）", "Pinned certificates (to deploy others, replace the site's trust/sm2-roots.pem)") }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t("主体", "Subject") }</th>
                    <th scope="col">{ lang.t("类型", "Kind") }</th>
                    <th scope="col">{ lang.t("有效期", "Valid") }</th>
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|[a, b, c]| html! { <tr><td>{ a }</td><td>{ b }</td><td>{ c }</td></tr> }) }</tbody>
            </table>
        }
        <OfferedRoots anchor={Anchor::Sm2} offered={props.trust.0.raw.offered_sm2_roots.clone()} />
        </>
    }
}

#[component]
pub fn SettingsPage() -> Html {
    let app = use_app();
    // The site's configuration is loaded before the trust data: once
    // that is ready, the form starts from the configuration in use.
    let render = Callback::from(
        |t: Rc<Trust>| html! { <><TrustPanel trust={crate::state::app::TrustProp(t)} sign_in={false} /><SiteSettings /></> },
    );
    let lang = app.lang;
    let choose = |l: Lang| {
        let set = app.set_lang.clone();
        Callback::from(move |_| set.emit(l))
    };
    html! {
        <section>
            <h1>{ app.t("设置", "Settings") }</h1>
            <NeedTrust {render} />
            <KioskAndStaff />
            <h2 id="lang-h">{ app.t("语言", "Language") }</h2>
            <div role="radiogroup" aria-labelledby="lang-h" class="radios">
                <label><input type="radio" name="lang" checked={lang == Lang::Zh} onchange={choose(Lang::Zh)} />{ "中文" }</label>
                <label lang="en"><input type="radio" name="lang" checked={lang == Lang::En} onchange={choose(Lang::En)} />{ "English" }</label>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub trust: crate::state::app::TrustProp,
    /// Whether to offer a sign-in form for importing (not where the page
    /// offers one already).
    #[prop_or(true)]
    pub sign_in: bool,
}

/// Trust data status and bundle import (a kiosk supervisor or an
/// administrator signed in).
#[component]
pub fn TrustPanel(props: &PanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = &props.trust.0;
    let now = trust::now();
    let s = t.bundle.summary(now);
    let warning = |on: bool, zh: &str, en: &str| {
        if on {
            html! { <li>{ crate::components::icons::Icon::Warning.html() }{ " " }{ lang.t(zh, en) }</li> }
        } else {
            html! {}
        }
    };
    html! {
        <>
        <OfferedRoots anchor={Anchor::Zz1} offered={props.trust.0.offered_roots.clone()} />
        <h2>{ lang.t("信任数据", "Trust data") }</h2>
        if s.outdated || s.stale || s.clock_behind {
            <div class="alert warn" role="alert"><ul>
                { warning(s.outdated, "信任列表已过更新时间，请尽快更新信任数据。", "The trust list is past its next update: update the trust data.") }
                { warning(s.stale, "有状态列表已过期：注销与停用信息可能不是最新，相关核验结果为“无法确认”。", "A status list is stale: revocations may be missing, and such verifications are indeterminate.") }
                { warning(s.clock_behind, "设备时钟早于信任数据的签发时间，时钟可能有误。", "The device clock is earlier than the trust data: the clock is probably wrong.") }
            </ul></div>
        }
        <dl class="facts" id="trust-status">
            <dt>{ lang.t("来源", "Source") }</dt>
            <dd>{ match t.source { Source::Shipped => lang.t("随站点发布", "Shipped with the site"), Source::Imported => lang.t("已导入的文件", "Imported file") } }</dd>
            <dt>{ lang.t("信任列表版本", "Trust list seq") }</dt><dd data-testid="trust-seq">{ s.trust_seq }</dd>
            <dt>{ lang.t("签发时间", "Signed") }</dt><dd>{ lang.instant(s.trust_iat) }{ " · " }{ lang.age(s.age_seconds) }{ lang.t("前", " ago") }</dd>
            <dt>{ lang.t("下次更新", "Next update") }</dt><dd>{ lang.instant(s.next_update) }</dd>
            <dt>{ lang.t("目录版本", "Catalog seq") }</dt><dd>{ s.catalog_seq }{ " · " }{ lang.instant(s.catalog_iat) }</dd>
            <dt>{ lang.t("内容", "Contents") }</dt>
            <dd>{ match lang {
                Lang::Zh => format!("{} 个密钥，{} 类证照（公开 {} 类），{} 个事项", s.keys, s.types, s.public_types, s.matters),
                Lang::En => format!("{} keys, {} license types ({} public), {} matters", s.keys, s.types, s.public_types, s.matters),
            } }</dd>
        </dl>
        <table>
            <caption>{ lang.t("状态列表", "Status lists") }</caption>
            <thead><tr>
                <th scope="col">{ lang.t("列表", "List") }</th>
                <th scope="col">{ lang.t("条目数", "Entries") }</th>
                <th scope="col">{ lang.t("签发时间", "Signed") }</th>
                <th scope="col">{ lang.t("可依赖至", "Relied on until") }</th>
                <th scope="col">{ lang.t("状态", "State") }</th>
            </tr></thead>
            <tbody>
            { for s.status_lists.iter().map(|l| html! { <tr>
                <td><code>{ &l.id }</code></td>
                <td>{ l.entries }</td>
                <td>{ lang.instant(l.iat) }{ " (" }{ lang.age(l.age_seconds) }{ lang.t("前)", " ago)") }</td>
                <td>{ lang.instant(l.expires) }</td>
                <td>{ if l.stale { crate::components::icons::Icon::Warning.html() } else { crate::components::icons::Icon::Check.html() } }{ " " }{ if l.stale { lang.t("已过期", "stale") } else { lang.t("有效", "fresh") } }</td>
            </tr> }) }
            </tbody>
        </table>
        <Sm2Roots trust={props.trust.clone()} />
        <ImportBundle trust={props.trust.clone()} sign_in={props.sign_in} />
        </>
    }
}

/// Importing a trust bundle (a kiosk supervisor or an administrator signed
/// in): on the settings page, and on the kiosk's staff screen (which has
/// only this, to keep the portal's first load small).
#[component]
pub fn ImportBundle(props: &PanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = &props.trust.0;
    let message = use_state(|| None::<Result<String, trust::Refusal>>);
    let on_file = {
        let message = message.clone();
        let set_trust = app.set_trust.clone();
        let current = t.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            // Checked again here: the page may be older than a sign-out.
            if !crate::services::accounts::signed_in_as(crate::services::accounts::Role::Supervisor) {
                message.set(Some(Err(trust::Refusal {
                    zh: "需要自助终端管理员或管理员登录".into(),
                    en: "a kiosk supervisor or an administrator must sign in".into(),
                })));
                return;
            }
            let message = message.clone();
            let set_trust = set_trust.clone();
            let current = current.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let file = gloo::file::File::from(file);
                let result = match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => trust::import(&current, &bytes).await,
                    Err(e) => Err(trust::Refusal { zh: "无法读取该文件".to_owned(), en: e.to_string() }),
                };
                crate::services::audit::record_event(zz_log::Happened {
                    event: if result.is_ok() { "trust-import" } else { "trust-import-refused" }.into(),
                    detail: Some(match &result {
                        Ok(next) => format!("seq {}", next.bundle.trust.seq),
                        Err(e) => e.en.clone(),
                    }),
                    ..Default::default()
                });
                match result {
                    Ok(next) => {
                        let seq = next.bundle.trust.seq;
                        set_trust.emit(next);
                        message.set(Some(Ok(format!("{seq}"))));
                    }
                    Err(e) => message.set(Some(Err(e))),
                }
            });
        })
    };
    html! {
        <>
        <h2>{ lang.t("导入信任数据", "Import trust data") }</h2>
        <p>{ lang.t(
            "选择信任数据包（.zzb，例如 U 盘中的文件）。它须由内置根密钥签名，且版本不低于当前版本；被拒绝的文件不会替换当前数据。",
            "Choose a trust bundle (.zzb, for example from a USB stick). It must be signed by the pinned roots and not older than the current one; a refused file never replaces the current data.",
        ) }</p>
        <crate::services::accounts::Gate need={crate::services::accounts::Role::Supervisor} what={lang.t("导入信任数据", "Importing trust data")} sign_in={props.sign_in}>
            <label for="bundle-file" class="button">{ lang.t("选择 .zzb 文件", "Choose a .zzb file") }</label>
            <input id="bundle-file" type="file" accept=".zzb,application/octet-stream" class="visually-hidden-file" onchange={on_file} />
        </crate::services::accounts::Gate>
        <div role="status" aria-live="polite" id="import-result">
        { match &*message {
            Some(Ok(seq)) => html! { <p class="alert ok">{ crate::components::icons::Icon::Check.html() }{ " " }{ match lang {
                Lang::Zh => format!("已导入信任数据第 {seq} 版。"),
                Lang::En => format!("Imported trust data seq {seq}."),
            } }</p> },
            Some(Err(e)) => html! { <p class="alert error">{ crate::components::icons::Icon::Cross.html() }{ " " }{ lang.t("已拒绝该文件，继续使用当前信任数据：", "The file was refused; the current trust data stays: ") }{ lang.t(&e.zh, &e.en) }</p> },
            None => html! {},
        } }
        </div>
        </>
    }
}

/// Kiosk mode, and the staff accounts.
#[component]
fn KioskAndStaff() -> Html {
    let lang = use_app().lang;
    html! {
        <>
        <h2>{ lang.t("自助终端", "Self-service kiosk") }</h2>
        <p>{ lang.t(
            "在网址后加上 ?kiosk 进入自助模式（全屏、摄像头常开、数秒后自动复位）。在自助模式中更新信任数据或退出自助模式需要自助终端管理员或管理员登录。",
            "Add ?kiosk to the address for kiosk mode (full screen, camera always on, resets after a few seconds). Updating trust data or leaving kiosk mode needs a kiosk supervisor or an administrator to sign in.",
        ) }</p>
        <p><a href="?kiosk">{ lang.t("打开自助模式", "Open kiosk mode") }</a></p>
        <crate::services::accounts::StaffSettings />
        </>
    }
}

/// The deployment's configuration on this device: organisation, hall,
/// window, matters, scoped mode, objection deadline, log retention. Saving
/// needs an administrator signed in; the site's own `trust/site.json` is
/// used again on request.
#[component]
fn SiteSettings() -> Html {
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
    let value = crate::services::accounts::value;
    let save = {
        let (matters, message, set_site, refs, scoped) =
            (matters.clone(), message.clone(), app.set_site.clone(), refs.clone(), scoped.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [org_name, org_code, hall, window, days, rule, retention] = &refs;
            if !crate::services::accounts::signed_in_as(crate::services::accounts::Role::Admin) {
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
                            event: "setting".into(),
                            detail: Some(serde_json::to_string(&parsed).unwrap_or_default()),
                            ..Default::default()
                        });
                        set_site.emit((Rc::new(parsed), crate::services::site::From::Device));
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
            if !crate::services::accounts::signed_in_as(crate::services::accounts::Role::Admin) {
                message.set(Some(Err(crate::services::accounts::message(
                    lang,
                    crate::services::accounts::AccountError::NotAllowed,
                ))));
                return;
            }
            let _ = crate::services::site::save(None);
            crate::services::audit::record_event(zz_log::Happened {
                event: "setting".into(),
                detail: Some("site.json".into()),
                ..Default::default()
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
        crate::services::site::From::Nothing => lang.t("未配置", "none"),
        crate::services::site::From::Served => lang.t("站点的 trust/site.json", "the site's trust/site.json"),
        crate::services::site::From::Device => lang.t("本设备的设置", "this device's settings"),
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
                { for t.bundle.catalog.matters.iter().map(|m| html! {
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
            Some(Ok(_)) => html! { <p class="alert ok">{ crate::components::icons::Icon::Check.html() }{ " " }{ lang.t("已保存。", "Saved.") }</p> },
            Some(Err(e)) => html! { <p class="alert error">{ crate::components::icons::Icon::Cross.html() }{ " " }{ e }</p> },
            None => html! {},
        } }
        </div>
        </>
    }
}
