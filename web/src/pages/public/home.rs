use yew::prelude::*;
use yew_router::prelude::*;

use crate::Route;
use crate::state::app::use_app;

#[component]
pub fn Home() -> Html {
    let app = use_app();
    let card = |to: Route, zh: &str, en: &str, dzh: &str, den: &str| {
        html! {
            <li class="card">
                <Link<Route> to={to}>
                    <strong>{ app.t(zh, en) }</strong>
                    <span>{ app.t(dzh, den) }</span>
                </Link<Route>>
            </li>
        }
    };
    html! {
        <section class="home">
            <h1>{ app.t("电子证照离线核验", "Offline e-license verification") }</h1>
            <p class="lead">{ app.t(
                "核验电子证照和加注件的签名、签发机关、有效期和状态，全部在本设备上完成。",
                "Check the signature, issuer, validity and status of e-licenses and annotated copies, entirely on this device.",
            ) }</p>
            <ul class="cards">
                { card(Route::Verify, "核验证照", "Verify a license", "上传文件或粘贴 ZZ1: 文本", "Upload a file or paste ZZ1: text") }
                { card(Route::Catalog, "证照目录", "License catalog", "查询证照类型、照面信息和发证部门", "Browse license types, their fields and issuers") }
                { card(Route::Matters, "用证清单", "Usage lists", "各办理事项需要哪些证照", "Which licenses each matter needs") }
                { card(Route::Settings, "信任数据与设置", "Trust data & settings", "信任数据版本、更新与语言", "Trust data version, updates and language") }
            </ul>
        </section>
    }
}
