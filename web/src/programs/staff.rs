//! The staff pages as a second program: the counter, the verification
//! log, the statistics, the settings, the objection request and the
//! citizen's wallet (亮证). The portal's first load
//! does not carry them; the first time one is opened, the portal loads
//! this program (`zz-staff`, named by content and kept by the service
//! worker, like the QR decoder) and asks it to draw the page into the
//! portal's main area. Both programs load the same trust data and site
//! configuration, and tell each other when either changes (see
//! [`crate::state::app::use_root_state`]).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::alert::{Alert, Tone};
use crate::state::app::AppState;

/// The loader the build writes (see `web/precache.py`): it loads the staff
/// program and tells the page `zz-staff-ready`.
const LOADER: &str = "zz-staff_loader.js";
const READY: &str = "zz-staff-ready";
/// What the staff program puts on `window` once it runs.
const GLOBAL: &str = "zzStaff";
/// How long the first load of the staff program may take.
const WAIT_MS: u32 = 30_000;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// `counter`, `log`, `stats`, `settings` or `objection/CODE`.
    pub page: AttrValue,
}

/// The staff program's root: its own state (the same trust data, site and
/// language as the portal's) and the page asked for.
#[component]
fn StaffApp(props: &PageProps) -> Html {
    let state = crate::state::app::use_root_state();
    let page = match props.page.as_str() {
        "counter" => html! { <crate::pages::staff::counter::CounterPage /> },
        "log" => html! { <crate::pages::staff::log::LogPage /> },
        "stats" => html! { <crate::pages::staff::stats::StatsPage /> },
        "settings" => html! { <crate::pages::staff::settings::SettingsPage /> },
        "wallet" => html! { <crate::pages::wallet::WalletPage /> },
        other => match other.strip_prefix("objection/") {
            Some(code) => html! { <crate::pages::staff::objection::ObjectionPage type_code={code.to_owned()} /> },
            None => html! {},
        },
    };
    html! {
        <ContextProvider<AppState> context={state}>
            <HashRouter><main id="main" tabindex="-1">{ page }</main></HashRouter>
        </ContextProvider<AppState>>
    }
}

thread_local! {
    static HANDLE: RefCell<Option<AppHandle<StaffApp>>> = const { RefCell::new(None) };
}

/// Draws `page` into `root` (in the staff program), in place of the page
/// drawn before.
pub fn mount(root: web_sys::Element, page: String) {
    unmount();
    let handle = yew::Renderer::<StaffApp>::with_root_and_props(root, PageProps { page: page.into() }).render();
    HANDLE.with(|h| *h.borrow_mut() = Some(handle));
}

/// Removes the page drawn (in the staff program).
pub fn unmount() {
    if let Some(h) = HANDLE.with(|h| h.borrow_mut().take()) {
        h.destroy();
    }
}

/// The staff program's entry: puts `mount` and `unmount` on `window`.
pub fn register() {
    console_error_panic_hook::set_once();
    let api = js_sys::Object::new();
    let m = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Element, String)>::new(mount);
    let u = wasm_bindgen::closure::Closure::<dyn Fn()>::new(unmount);
    let _ = js_sys::Reflect::set(&api, &"mount".into(), m.as_ref());
    let _ = js_sys::Reflect::set(&api, &"unmount".into(), u.as_ref());
    m.forget();
    u.forget();
    let _ = js_sys::Reflect::set(&gloo::utils::window(), &GLOBAL.into(), &api);
}

/// The staff program's API on `window`, once it is loaded.
fn api() -> Option<(js_sys::Function, js_sys::Function)> {
    let api = js_sys::Reflect::get(&gloo::utils::window(), &GLOBAL.into()).ok().filter(|v| v.is_object())?;
    let f = |name: &str| js_sys::Reflect::get(&api, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok();
    Some((f("mount")?, f("unmount")?))
}

/// Loads the staff program once (its loader as a script of the site).
fn load() {
    let doc = gloo::utils::document();
    if doc.get_element_by_id("zz-staff-loader").is_some() {
        return;
    }
    if let Ok(s) = doc.create_element("script") {
        s.set_id("zz-staff-loader");
        let _ = s.set_attribute("src", LOADER);
        let _ = gloo::utils::head().append_child(&s);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Loading {
    Waiting,
    Shown,
    Failed,
}

/// Where the staff program draws: beside the portal's root, never inside
/// it (each Yew program marks the elements and events it handles, and two
/// programs in one subtree would take each other's marks).
const STAFF_ROOT: &str = "staff";

/// In the portal: a staff page. Loads the staff program if it is not loaded
/// yet and has it draw the page in `#staff`; says so if it cannot be had
/// (offline before its first use).
#[component]
pub fn StaffHost(props: &PageProps) -> Html {
    let app = crate::state::app::use_app();
    let state = use_state(|| Loading::Waiting);
    {
        let state = state.clone();
        use_effect_with(props.page.clone(), move |page| {
            let page = page.to_string();
            let show = {
                let state = state.clone();
                move || {
                    if let (Some((mount, _)), Some(el)) = (api(), gloo::utils::document().get_element_by_id(STAFF_ROOT))
                    {
                        let _ = mount.call2(&wasm_bindgen::JsValue::NULL, &el, &page.clone().into());
                        state.set(Loading::Shown);
                    }
                }
            };
            let mut waiting = None;
            if api().is_some() {
                show();
            } else {
                state.set(Loading::Waiting);
                load();
                let ready = gloo::events::EventListener::once(&gloo::utils::window(), READY, move |_| show());
                let late = {
                    let state = state.clone();
                    gloo::timers::callback::Timeout::new(WAIT_MS, move || {
                        if api().is_none() {
                            state.set(Loading::Failed);
                        }
                    })
                };
                waiting = Some((ready, late));
            }
            move || {
                drop(waiting);
                if let Some((_, unmount)) = api() {
                    let _ = unmount.call0(&wasm_bindgen::JsValue::NULL);
                }
            }
        });
    }
    match *state {
        Loading::Waiting => {
            html! { <main id="main" tabindex="-1"><p class="loading" role="status">{ app.t("正在加载…", "Loading…") }</p></main> }
        }
        Loading::Failed => html! { <main id="main" tabindex="-1"><Alert tone={Tone::Error} urgent=true>{ app.t(
            "此页面的程序未能加载：首次使用需联网，之后可离线使用。",
            "This page's program could not be loaded: its first use needs the network, later ones do not.",
        ) }</Alert></main> },
        Loading::Shown => html! {},
    }
}
