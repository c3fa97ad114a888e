//! Who is verifying: the site's organisation, hall and window.

use yew::prelude::*;

use crate::state::app::use_app;

/// Who is verifying, on the verify page and at the counter: the
/// organisation, hall and window, whether scoped; or that none is set.
#[component]
pub fn SiteLine() -> Html {
    let app = use_app();
    let lang = app.lang;
    let s = &app.site;
    match &s.org {
        Some(org) => html! {
            <p class="site-line" id="site-line">
                { lang.t("用证单位：", "Organisation: ") }<strong>{ &org.name }</strong>
                if !s.hall.is_empty() || !s.window.is_empty() { { " · " }{ &s.hall }{ " " }{ &s.window } }
                if s.scoped { { " · " }{ lang.t("仅限本单位事项", "its matters only") } }
            </p>
        },
        None => html! {
            <p class="site-line unset" id="site-line">
                { lang.t("本设备未配置用证单位：加注件指定的用证单位无法核对（设置页可配置）。",
                    "No organisation is configured on this device: the organisation an annotated copy names cannot be checked (see settings).") }
            </p>
        },
    }
}
