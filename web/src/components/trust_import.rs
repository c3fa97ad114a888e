//! Importing a trust bundle file (a USB stick), for a kiosk supervisor or
//! an administrator.

use web_sys::HtmlInputElement;
use yew::prelude::*;
use zz_log::Happened;

use crate::components::alert::{Alert, Tone};
use crate::services::trust;
use crate::state::app::{TrustProp, use_app};
use crate::words::lang::Lang;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub trust: TrustProp,
    /// Whether to offer a sign-in form (not where the page offers one
    /// already).
    #[prop_or(true)]
    pub sign_in: bool,
}

/// Importing a trust bundle (a kiosk supervisor or an administrator signed
/// in): on the settings page, and on the kiosk's staff screen (which has
/// only this, to keep the portal's first load small).
#[component]
pub fn ImportBundle(props: &ImportProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = &props.trust.0;
    // The authority whose data was imported (named when there are
    // several) and its seq, or why the file was refused.
    let message = use_state(|| None::<Result<(Option<String>, u64), trust::Refusal>>);
    let on_file = {
        let message = message.clone();
        let set_trust = app.set_trust.clone();
        let current = t.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            // Checked again here: the page may be older than a sign-out.
            if !crate::services::session::signed_in_as(crate::services::session::Role::Supervisor) {
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
                crate::services::audit::record_event(Happened {
                    detail: Some(match &result {
                        Ok((next, name)) => match next.authorities.get(name) {
                            Some(a) => format!("{name} seq {}", a.bundle.trust.seq),
                            None => name.clone(),
                        },
                        Err(e) => e.en.clone(),
                    }),
                    ..Happened::new(if result.is_ok() {
                        zz_log::Event::TrustImport
                    } else {
                        zz_log::Event::TrustImportRefused
                    })
                });
                match result {
                    Ok((next, name)) => {
                        let seq = next.authorities.get(&name).map_or(0, |a| a.bundle.trust.seq);
                        let several = next.authorities.len() > 1;
                        set_trust.emit(next);
                        message.set(Some(Ok((several.then_some(name), seq))));
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
            "选择信任数据包（.zzb，例如 U 盘中的文件）。它须由某一信任机构已固定的根密钥签名（据此判断属于哪个机构），且版本不低于该机构当前版本；被拒绝的文件不会替换任何数据。",
            "Choose a trust bundle (.zzb, for example from a USB stick). It must be signed by the pinned roots of one trust authority (which says whose it is) and not be older than that authority's current data; a refused file never replaces any data.",
        ) }</p>
        <crate::components::gate::Gate need={crate::services::session::Role::Supervisor} what={lang.t("导入信任数据", "Importing trust data")} sign_in={props.sign_in}>
            <label for="bundle-file" class="button">{ lang.t("选择 .zzb 文件", "Choose a .zzb file") }</label>
            <input id="bundle-file" type="file" accept=".zzb,application/octet-stream" class="visually-hidden-file" onchange={on_file} />
        </crate::components::gate::Gate>
        <div role="status" aria-live="polite" id="import-result">
        { match &*message {
            Some(Ok((name, seq))) => html! { <Alert tone={Tone::Ok} icon=true>{ match (lang, name) {
                (Lang::Zh, Some(n)) => format!("已导入「{n}」的信任数据第 {seq} 版，其他信任机构的数据不变。"),
                (Lang::En, Some(n)) => format!("Imported the trust data of {n}, seq {seq}; the other authorities' data is unchanged."),
                (Lang::Zh, None) => format!("已导入信任数据第 {seq} 版。"),
                (Lang::En, None) => format!("Imported trust data seq {seq}."),
            } }</Alert> },
            Some(Err(e)) => html! { <Alert tone={Tone::Error} icon=true>{ lang.t("已拒绝该文件，继续使用当前信任数据：", "The file was refused; the current trust data stays: ") }{ lang.t(&e.zh, &e.en) }</Alert> },
            None => html! {},
        } }
        </div>
        </>
    }
}
