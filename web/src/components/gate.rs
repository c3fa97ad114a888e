//! The gate before staff pages and actions: who is signed in, and a
//! sign-in form for anyone whose role is too small.

use std::cell::RefCell;

use yew::prelude::*;
use zz_log::audit::Operator;

use crate::components::alert::{Alert, Tone};
use crate::components::field::{clear, value};
use crate::services::accounts::{
    AccountError, any, message, passkey_sign_in_offered, sign_in, sign_in_with_passkey, sign_out,
};
use crate::services::session::{Role, role_of};
use crate::state::app::use_app;
use crate::words::lang::Lang;

#[derive(Properties, PartialEq)]
pub struct GateProps {
    /// The least role that may see what is inside.
    pub need: Role,
    /// What the page is, for the sign-in prompt.
    pub what: AttrValue,
    /// Whether to offer a sign-in form (not where the page has one).
    #[prop_or(true)]
    pub sign_in: bool,
    #[prop_or_default]
    pub children: Html,
}

/// Whether the page shown is the settings page (where the first
/// administrator is set up).
fn on_settings() -> bool {
    gloo::utils::window().location().hash().is_ok_and(|h| h.starts_with("#/settings"))
}

/// Shows its children to someone signed in with at least `need`, and a
/// sign-in form to anyone else.
#[component]
pub fn Gate(props: &GateProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let allowed = app.operator.as_ref().and_then(role_of).is_some_and(|r| r >= props.need);
    if allowed {
        return props.children.clone();
    }
    html! {
        <div class="gate">
            <Alert tone={Tone::Info} id="gate-need">{ match lang {
                Lang::Zh => format!("{}需要{}登录。", props.what, props.need.who(lang)),
                Lang::En => format!("{} needs {} to sign in.", props.what, props.need.who(lang)),
            } }</Alert>
            // Signed in with too small a role: who it is, and a way to
            // sign in as someone else.
            if props.sign_in {
                <OperatorLine />
            }
            // Where to set up the first administrator, unless this is it.
            if !any() && !on_settings() {
                <p>{ lang.t("本设备尚未设置工作人员账号：请在“设置”页面设置管理员。", "No staff accounts are set up on this device: set up the administrator on the Settings page.") }</p>
                <p><a class="button" href="#/settings">{ lang.t("前往设置", "Go to Settings") }</a></p>
            } else if !any() {
                <p>{ lang.t("本设备尚未设置工作人员账号：请在下方设置管理员。", "No staff accounts are set up on this device: set up the administrator below.") }</p>
            } else if props.sign_in {
                <SignIn />
            }
        </div>
    }
}

/// Ends a sign-in attempt: the form free again, the attempt counted, and
/// the member signed in or the refusal shown.
fn settle(
    result: Result<Operator, AccountError>,
    busy: &RefCell<bool>,
    attempts: &UseStateHandle<u32>,
    error: &UseStateHandle<Option<AccountError>>,
    set_operator: &Callback<Option<Operator>>,
) {
    *busy.borrow_mut() = false;
    attempts.set(**attempts + 1);
    match result {
        Ok(op) => {
            error.set(None);
            set_operator.emit(Some(op));
        }
        Err(e) => error.set(Some(e)),
    }
}

/// Staff number and PIN; or, where this device keeps a passkey, the
/// security key (of the number typed, or anyone's).
#[component]
pub fn SignIn() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (number, pin) = (use_node_ref(), use_node_ref());
    let error = use_state(|| None::<AccountError>);
    // The PIN's derivation takes a moment: one attempt at a time (checked
    // at once, not at the next render), the button waiting with it; each
    // attempt that ends is counted (`data-attempts`).
    let busy = use_mut_ref(|| false);
    let attempts = use_state(|| 0u32);
    let submit = {
        let (number, pin, error, busy, attempts, set_operator) =
            (number.clone(), pin.clone(), error.clone(), busy.clone(), attempts.clone(), app.set_operator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if busy.replace(true) {
                return;
            }
            let (n, p) = (value(&number), value(&pin));
            clear(&[&pin]);
            let (error, busy, attempts, set_operator) =
                (error.clone(), busy.clone(), attempts.clone(), set_operator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = sign_in(&n, &p, crate::services::clock::now()).await;
                settle(result, &busy, &attempts, &error, &set_operator);
            });
        })
    };
    let with_passkey = {
        let (number, error, busy, attempts, set_operator) =
            (number.clone(), error.clone(), busy.clone(), attempts.clone(), app.set_operator.clone());
        Callback::from(move |_: MouseEvent| {
            if busy.replace(true) {
                return;
            }
            let n = value(&number);
            let (error, busy, attempts, set_operator) =
                (error.clone(), busy.clone(), attempts.clone(), set_operator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = sign_in_with_passkey(&n, crate::services::clock::now()).await;
                settle(result, &busy, &attempts, &error, &set_operator);
            });
        })
    };
    html! {
        <form class="sign-in" onsubmit={submit} aria-label={lang.t("工作人员登录", "Staff sign-in")} data-attempts={attempts.to_string()}>
            <div class="field">
                <label for="staff-number">{ lang.t("工号", "Staff number") }</label>
                <input id="staff-number" ref={number} autocomplete="username" />
            </div>
            <div class="field">
                <label for="staff-pin">{ lang.t("PIN", "PIN") }</label>
                <input id="staff-pin" ref={pin} type="password" inputmode="numeric" autocomplete="current-password" />
            </div>
            <button type="submit" class="button primary" id="sign-in">{ lang.t("登录", "Sign in") }</button>
            if passkey_sign_in_offered() {
                { " " }
                <button type="button" class="button" id="sign-in-passkey" onclick={with_passkey}>
                    { lang.t("用安全密钥登录", "Sign in with a security key") }
                </button>
            }
            if let Some(e) = *error {
                <Alert tone={Tone::Error} urgent=true id="sign-in-error">{ message(lang, e) }</Alert>
            }
        </form>
    }
}

/// Who is signed in, and the way out.
#[component]
pub fn OperatorLine() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(op) = app.operator.clone() else { return html! {} };
    let out = {
        let set_operator = app.set_operator.clone();
        Callback::from(move |_| {
            sign_out();
            set_operator.emit(None);
        })
    };
    html! {
        <p class="operator-line meta" id="operator">
            { lang.t("当前登录：", "Signed in: ") }<strong>{ &op.name }</strong>
            { format!("（{}，{}）", op.number, role_of(&op).map_or(op.role.as_str(), |r| r.words(lang))) }
            { " " }<button type="button" class="button small no-print" id="sign-out" onclick={out}>{ lang.t("退出登录", "Sign out") }</button>
        </p>
    }
}
