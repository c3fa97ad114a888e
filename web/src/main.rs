//! The ZZ Verify portal: the public catalog for citizens, usage lists, and
//! offline verification for counter staff. All validity decisions come
//! from `zz-core`; this crate only shows its reports.

mod advice;
mod app;
mod catalog;
mod counter;
mod home;
mod i18n;
mod icons;
mod input;
mod kiosk;
mod log;
mod matters;
mod objection;
mod pin;
mod present;
mod scan;
mod settings;
mod site;
mod store;
mod trust;
mod verify;

use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{AppState, TrustState, use_app};
use crate::i18n::Lang;
use crate::trust::Trust;

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
    #[at("/settings")]
    Settings,
    #[not_found]
    #[at("/404")]
    NotFound,
}

const KEY_LANG: &str = "zz.lang";

#[component]
fn App() -> Html {
    let lang = use_state(|| LocalStorage::get::<String>(KEY_LANG).map_or(Lang::Zh, |s| Lang::from_code(&s)));
    let trust = use_state(|| TrustState::Loading);
    let site = use_state(|| (Rc::new(site::Site::default()), site::From::Nothing));
    {
        let trust = trust.clone();
        let site = site.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // The organisation first: nothing is verified without it.
                let (s, from) = site::load().await;
                site.set((Rc::new(s), from));
                trust.set(match trust::load().await {
                    Ok(t) => TrustState::Ready(t),
                    Err(e) => TrustState::Failed(e),
                });
            });
        });
    }
    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.html_lang());
            }
        });
    }
    let state = AppState {
        lang: *lang,
        trust: (*trust).clone(),
        set_lang: {
            let lang = lang.clone();
            Callback::from(move |l: Lang| {
                let _ = LocalStorage::set(KEY_LANG, l.code());
                lang.set(l);
            })
        },
        set_trust: {
            let trust = trust.clone();
            Callback::from(move |t: Rc<Trust>| trust.set(TrustState::Ready(t)))
        },
        site: site.0.clone(),
        site_from: site.1,
        set_site: {
            let site = site.clone();
            Callback::from(move |s| site.set(s))
        },
    };
    if kiosk::requested() {
        return html! {
            <ContextProvider<AppState> context={state}>
                <settings::TrustNotices />
                <kiosk::KioskApp />
            </ContextProvider<AppState>>
        };
    }
    html! {
        <ContextProvider<AppState> context={state}>
            <HashRouter>
                <a class="skip-link" href="#main" onclick={skip_to_main()}>{ lang.t("跳到主要内容", "Skip to content") }</a>
                <Header />
                <settings::TrustNotices />
                <main id="main" tabindex="-1">
                    <Switch<Route> render={switch} />
                </main>
                <Footer />
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

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <home::Home /> },
        Route::Verify => html! { <verify::VerifyPage /> },
        Route::Counter => html! { <counter::CounterPage /> },
        Route::Catalog => html! { <catalog::CatalogPage /> },
        Route::Type { code } => html! { <catalog::TypePage {code} /> },
        Route::Matters => html! { <matters::MattersPage /> },
        Route::Matter { code } => html! { <matters::MattersPage focus={Some(code)} /> },
        Route::Objection { code } => html! { <objection::ObjectionPage type_code={code} /> },
        Route::Log => html! { <log::LogPage /> },
        Route::Settings => html! { <settings::SettingsPage /> },
        Route::NotFound => html! { <NotFound /> },
    }
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
                    { link(Route::Log, "核验记录", "Log") }
                    { link(Route::Settings, "设置", "Settings") }
                </ul>
            </nav>
            <button type="button" class="lang" onclick={switch_lang} lang={other.html_lang()}>
                { if other == Lang::En { "English" } else { "中文" } }
            </button>
            <settings::TrustBadge />
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

fn main() {
    console_error_panic_hook::set_once();
    if let Some(sw) = web_sys::window().map(|w| w.navigator().service_worker()) {
        let _ = sw.register("sw.js");
    }
    yew::Renderer::<App>::new().render();
}
