//! The portal's first load: the app (language, trust data, the site's
//! configuration), the header and the routes. The staff pages (counter,
//! log, statistics, settings, objection request) are a second program, loaded when
//! first opened ([`crate::programs::staff`]), so that the first load stays small.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages::public::{catalog, home, kiosk, matters, verify};
use crate::state::app::{AppState, use_app};
use crate::words::lang::Lang;

#[derive(Clone, Routable, PartialEq)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/verify")]
    Verify,
    #[at("/counter")]
    Counter,
    #[at("/catalog")]
    Catalog,
    #[at("/catalog/:code")]
    Type { code: String },
    #[at("/matters")]
    Matters,
    #[at("/matters/:code")]
    Matter { code: String },
    #[at("/objection/:code")]
    Objection { code: String },
    #[at("/log")]
    Log,
    #[at("/stats")]
    Stats,
    #[at("/settings")]
    Settings,
    #[at("/wallet")]
    Wallet,
    #[not_found]
    #[at("/404")]
    NotFound,
}

#[component]
fn App() -> Html {
    let state = crate::state::app::use_root_state();
    let lang = state.lang;
    if kiosk::requested() {
        return html! {
            <ContextProvider<AppState> context={state}>
                <crate::components::trust_status::TrustNotices />
                <kiosk::KioskApp />
            </ContextProvider<AppState>>
        };
    }
    html! {
        <ContextProvider<AppState> context={state}>
            <HashRouter>
                <a class="skip-link" href="#main" onclick={skip_to_main()}>{ lang.t("跳到主要内容", "Skip to content") }</a>
                <Header />
                <crate::components::trust_status::TrustNotices />
                <Switch<Route> render={switch} />
                if let Some(bottom) = gloo::utils::document().get_element_by_id("bottom") {
                    { create_portal(html! { <Footer /> }, bottom) }
                }
            </HashRouter>
        </ContextProvider<AppState>>
    }
}

/// With a hash router, `#main` would be taken as a route: focus instead.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = gloo::utils::document().get_element_by_id("main")
            && let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main)
        {
            let _ = main.focus();
        }
    })
}

/// The page of a route: the portal's own in its `<main>`; a staff page is
/// drawn by the staff program beside the portal (in `#staff`, with its own
/// `<main>`: two Yew programs must not share a subtree of the page).
fn switch(route: Route) -> Html {
    let page = match route {
        Route::Home => html! { <home::Home /> },
        Route::Verify => html! { <verify::VerifyPage /> },
        Route::Catalog => html! { <catalog::CatalogPage /> },
        Route::Type { code } => html! { <catalog::TypePage {code} /> },
        Route::Matters => html! { <matters::MattersPage /> },
        Route::Matter { code } => html! { <matters::MattersPage focus={Some(code)} /> },
        Route::NotFound => html! { <NotFound /> },
        Route::Counter => return html! { <crate::programs::staff::StaffHost page="counter" /> },
        Route::Objection { code } => {
            return html! { <crate::programs::staff::StaffHost page={format!("objection/{code}")} /> };
        }
        Route::Log => return html! { <crate::programs::staff::StaffHost page="log" /> },
        Route::Stats => return html! { <crate::programs::staff::StaffHost page="stats" /> },
        Route::Settings => return html! { <crate::programs::staff::StaffHost page="settings" /> },
        Route::Wallet => return html! { <crate::programs::staff::StaffHost page="wallet" /> },
    };
    html! { <main id="main" tabindex="-1">{ page }</main> }
}

#[component]
fn Header() -> Html {
    let app = use_app();
    let route = use_route::<Route>();
    // Plain anchors (hash routes): `aria-current` belongs on the link.
    let link = |to: Route, zh: &str, en: &str| {
        let current = route.as_ref() == Some(&to)
            || matches!(
                (&route, &to),
                (Some(Route::Type { .. }), Route::Catalog) | (Some(Route::Matter { .. }), Route::Matters)
            );
        html! {
            <li><a href={format!("#{}", to.to_path())} class={classes!(current.then_some("current"))}
                aria-current={current.then_some("page")}>{ app.t(zh, en) }</a></li>
        }
    };
    let other = if app.lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let switch_lang = {
        let set = app.set_lang.clone();
        Callback::from(move |_| set.emit(other))
    };
    html! {
        <header class="top">
            <div class="brand">
                <Link<Route> to={Route::Home}>
                    <span class="logo" aria-hidden="true">{"证"}</span>
                    <span>{ app.t("电子证照核验", "E-License Verify") }</span>
                </Link<Route>>
            </div>
            <nav aria-label={app.t("主导航", "Main")}>
                <ul>
                    { link(Route::Verify, "核验", "Verify") }
                    { link(Route::Counter, "窗口办件", "Counter") }
                    { link(Route::Catalog, "证照目录", "Catalog") }
                    { link(Route::Matters, "用证清单", "Usage lists") }
                    { link(Route::Wallet, "我的证照", "My licenses") }
                    { link(Route::Log, "核验记录", "Log") }
                    { link(Route::Stats, "统计", "Statistics") }
                    { link(Route::Settings, "设置", "Settings") }
                </ul>
            </nav>
            <button type="button" class="lang" onclick={switch_lang} lang={other.html_lang()}>
                { if other == Lang::En { "English" } else { "中文" } }
            </button>
            <crate::components::trust_status::TrustBadge />
        </header>
    }
}

#[component]
fn Footer() -> Html {
    let app = use_app();
    html! {
        <footer class="bottom">
            <p>{ app.t(
                "核验在本设备上离线完成，不向网络发送任何数据。截图、扫描件和照片不具有法律效力，只有签名数据有效。",
                "Verification runs offline on this device and sends nothing over the network. Screenshots, scans and photos have no legal force: only the signed data counts.",
            ) }</p>
        </footer>
    }
}

#[component]
fn NotFound() -> Html {
    let app = use_app();
    html! {
        <section>
            <h1>{ app.t("页面不存在", "Page not found") }</h1>
            <p><Link<Route> to={Route::Home}>{ app.t("返回首页", "Back to the start page") }</Link<Route>></p>
        </section>
    }
}

/// Starts the portal.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(sw) = web_sys::window().map(|w| w.navigator().service_worker()) {
        let _ = sw.register("sw.js");
    }
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
