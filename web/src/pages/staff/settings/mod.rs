//! The settings page: trust data, the site's configuration, kiosk mode,
//! staff accounts and language.

mod site;
mod trust;

use std::rc::Rc;

use yew::prelude::*;

use crate::components::need_trust::NeedTrust;
use crate::services::trust::Trust;
use crate::state::app::use_app;
use crate::words::lang::Lang;

#[component]
pub fn SettingsPage() -> Html {
    let app = use_app();
    // The site's configuration is loaded before the trust data: once
    // that is ready, the form starts from the configuration in use.
    let render = Callback::from(
        |t: Rc<Trust>| html! { <><trust::TrustPanel trust={crate::state::app::TrustProp(t)} sign_in={false} /><site::SiteSettings /></> },
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
        <crate::pages::staff::accounts::StaffSettings />
        </>
    }
}
