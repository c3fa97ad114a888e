//! Staff accounts on the settings page: the first administrator, then the
//! accounts an administrator keeps, and everyone's own PIN.

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use zz_log::audit::Operator;

use crate::components::alert::{Alert, Tone};
use crate::components::field::{clear, value};
use crate::components::gate::{OperatorLine, SignIn};
use crate::services::accounts::{
    AccountError, add, add_passkey, any, change_own_pin, list, message, passkeys_of, remove, remove_own_passkeys,
    reset_pin, sign_out, staff_key_of,
};
use crate::services::clock::now;
use crate::services::passkey;
use crate::services::session::{Role, current, role_of};
use crate::state::app::use_app;
use crate::words::lang::Lang;

/// The settings page's staff section: the first administrator when there
/// is none; then, for an administrator, the accounts (add, remove, reset a
/// PIN); and for anyone signed in, their own PIN.
#[component]
pub fn StaffSettings() -> Html {
    let app = use_app();
    let lang = app.lang;
    let refs: [NodeRef; 3] = Default::default();
    let role = use_node_ref();
    let message_state = use_state(|| None::<Result<String, AccountError>>);
    let version = use_state(|| 0u32);
    // Kept here: a session changed in another tab while a key is being
    // added redraws the member's own sections, and the outcome must stay
    // (shown to that member only).
    let passkey_outcome = use_state(|| None::<PasskeyOutcome>);
    let passkey_attempts = use_state(|| 0u32);
    let admin = app.operator.as_ref().and_then(role_of) == Some(Role::Admin);
    let first = !any();
    let add_account = {
        let (refs, role, msg, version) = (refs.clone(), role.clone(), message_state.clone(), version.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [name, number, pin] = &refs;
            let r = role.cast::<HtmlSelectElement>().and_then(|s| Role::parse(&s.value())).unwrap_or(Role::Admin);
            let (n, id, p) = (value(name), value(number), value(pin));
            clear(&[pin]);
            let (name, number, msg, version) = (name.clone(), number.clone(), msg.clone(), version.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match add(&n, &id, r, &p).await {
                    Ok(op) => {
                        clear(&[&name, &number]);
                        msg.set(Some(Ok(op.number)));
                    }
                    Err(e) => msg.set(Some(Err(e))),
                }
                version.set(*version + 1);
            });
        })
    };
    html! {
        <>
        <h2 id="staff-heading">{ lang.t("工作人员", "Staff") }</h2>
        <OperatorLine />
        if first {
            <p>{ lang.t(
                "本设备尚无工作人员账号。请先设置管理员：管理员可添加窗口人员和自助终端管理员，导出和清理核验记录。",
                "This device has no staff accounts yet. Set up the administrator first: they add counter staff and kiosk supervisors, and export and prune the log.",
            ) }</p>
            <FirstAdmin on_done={{
                let (msg, version, set_operator) = (message_state.clone(), version.clone(), app.set_operator.clone());
                Callback::from(move |op: Result<Operator, AccountError>| {
                    if let Ok(op) = &op { set_operator.emit(Some(op.clone())); }
                    msg.set(Some(op.map(|o| o.number)));
                    version.set(*version + 1);
                })
            }} />
        } else if admin {
            <StaffTable on_change={{ let v = version.clone(); Callback::from(move |()| v.set(*v + 1)) }} />
            <form class="staff-form" onsubmit={add_account} aria-label={lang.t("添加工作人员", "Add staff")}>
                <h3>{ lang.t("添加工作人员", "Add staff") }</h3>
                <div class="field"><label for="new-staff-name">{ lang.t("姓名", "Name") }</label><input id="new-staff-name" ref={refs[0].clone()} autocomplete="off" /></div>
                <div class="field"><label for="new-staff-number">{ lang.t("工号", "Staff number") }</label><input id="new-staff-number" ref={refs[1].clone()} autocomplete="off" /></div>
                <div class="field"><label for="new-staff-role">{ lang.t("角色", "Role") }</label>
                    <select id="new-staff-role" ref={role}>
                        { for Role::ALL.iter().map(|r| html! { <option value={r.as_str()} selected={*r == Role::Counter}>{ r.words(lang) }</option> }) }
                    </select>
                </div>
                <div class="field"><label for="new-staff-pin">{ lang.t("初始 PIN（至少 8 位数字）", "First PIN (8 or more digits)") }</label><input id="new-staff-pin" ref={refs[2].clone()} type="password" inputmode="numeric" autocomplete="new-password" /></div>
                <button type="submit" class="button" id="add-staff">{ lang.t("添加", "Add") }</button>
            </form>
        } else if app.operator.is_none() {
            <p>{ lang.t("管理员登录后可管理工作人员账号。", "An administrator signs in to manage staff accounts.") }</p>
            <SignIn />
        }
        if app.operator.is_some() {
            <OwnPin />
            <OwnPasskey outcome={passkey_outcome.clone()} attempts={passkey_attempts.clone()} />
        }
        <div role="status" aria-live="polite" id="staff-result">
        { match &*message_state {
            Some(Ok(n)) => html! { <Alert tone={Tone::Ok} icon=true>{ match lang {
                Lang::Zh => format!("已保存账号 {n}。"),
                Lang::En => format!("Account {n} saved."),
            } }</Alert> },
            Some(Err(e)) => html! { <Alert tone={Tone::Error} icon=true>{ message(lang, *e) }</Alert> },
            None => html! {},
        } }
        </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FirstAdminProps {
    on_done: Callback<Result<Operator, AccountError>>,
}

/// The first account: an administrator, signed in once made.
#[component]
fn FirstAdmin(props: &FirstAdminProps) -> Html {
    let lang = use_app().lang;
    let refs: [NodeRef; 3] = Default::default();
    let submit = {
        let (refs, done) = (refs.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [name, number, pin] = &refs;
            let (who, n, p) = (value(name), value(number), value(pin));
            clear(&[pin]);
            let done = done.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Made and signed in at once (its setup entry anchors the
                // roster).
                done.emit(add(&who, &n, Role::Admin, &p).await);
            });
        })
    };
    html! {
        <form class="staff-form" onsubmit={submit} aria-label={lang.t("设置管理员", "Set up the administrator")}>
            <div class="field"><label for="admin-name">{ lang.t("管理员姓名", "Administrator's name") }</label><input id="admin-name" ref={refs[0].clone()} autocomplete="name" /></div>
            <div class="field"><label for="admin-number">{ lang.t("工号", "Staff number") }</label><input id="admin-number" ref={refs[1].clone()} autocomplete="username" /></div>
            <div class="field"><label for="admin-pin">{ lang.t("PIN（至少 8 位数字）", "PIN (8 or more digits)") }</label><input id="admin-pin" ref={refs[2].clone()} type="password" inputmode="numeric" autocomplete="new-password" /></div>
            <button type="submit" class="button primary" id="setup-admin">{ lang.t("设置管理员", "Set up the administrator") }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    on_change: Callback<()>,
}

/// The accounts, for an administrator: remove one, or reset its PIN.
#[component]
fn StaffTable(props: &TableProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let error = use_state(|| None::<AccountError>);
    let new_pin = use_node_ref();
    let rows = list();
    html! {
        <>
        <table class="staff">
            <caption>{ lang.t("本设备的工作人员账号", "Staff accounts on this device") }</caption>
            <thead><tr>
                <th scope="col">{ lang.t("姓名", "Name") }</th>
                <th scope="col">{ lang.t("工号", "Staff number") }</th>
                <th scope="col">{ lang.t("角色", "Role") }</th>
                <th scope="col">{ lang.t("员工密钥（公钥，供核对）", "Staff key (public, to record)") }</th>
                <th scope="col">{ lang.t("操作", "Actions") }</th>
            </tr></thead>
            <tbody>
            { for rows.iter().map(|op| {
                let number = op.number.clone();
                let remove_it = {
                    let (number, error, change, set_operator) =
                        (number.clone(), error.clone(), props.on_change.clone(), app.set_operator.clone());
                    Callback::from(move |_| {
                        let (number, error, change, set_operator) =
                            (number.clone(), error.clone(), change.clone(), set_operator.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            match remove(&number).await {
                                Ok(()) => {
                                    error.set(None);
                                    if current().is_some_and(|op| op.number == number) {
                                        sign_out();
                                        set_operator.emit(None);
                                    }
                                }
                                Err(e) => error.set(Some(e)),
                            }
                            change.emit(());
                        });
                    })
                };
                let reset = {
                    let (number, error, new_pin) = (number.clone(), error.clone(), new_pin.clone());
                    Callback::from(move |_| {
                        let pin = value(&new_pin);
                        clear(&[&new_pin]);
                        let (number, error) = (number.clone(), error.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            match reset_pin(&number, &pin).await {
                                Ok(()) => error.set(None),
                                Err(e) => error.set(Some(e)),
                            }
                        });
                    })
                };
                html! { <tr data-number={op.number.clone()}>
                    <td>{ &op.name }</td>
                    <td>{ &op.number }</td>
                    <td>{ role_of(op).map_or(op.role.as_str(), |r| r.words(lang)) }</td>
                    <td>{ match staff_key_of(&op.number) {
                        Some(k) => html! { <code class="staff-key">{ k }</code> },
                        None => html! { lang.t("—（请重设 PIN）", "— (reset the PIN)") },
                    } }</td>
                    <td>
                        <button type="button" class="button small" onclick={reset} aria-label={format!("{} {}", lang.t("重设 PIN", "Reset the PIN of"), op.number)}>{ lang.t("重设 PIN", "Reset PIN") }</button>
                        { " " }
                        <button type="button" class="button small danger" onclick={remove_it} aria-label={format!("{} {}", lang.t("删除", "Remove"), op.number)}>{ lang.t("删除", "Remove") }</button>
                    </td>
                </tr> }
            }) }
            </tbody>
        </table>
        <div class="field">
            <label for="reset-pin">{ lang.t("重设 PIN 时使用的新 PIN", "New PIN for “Reset PIN”") }</label>
            <input id="reset-pin" ref={new_pin} type="password" inputmode="numeric" autocomplete="new-password" />
        </div>
        if let Some(e) = *error {
            <Alert tone={Tone::Error} urgent=true>{ message(lang, e) }</Alert>
        }
        </>
    }
}

/// The outcome of a change of one's own: what was done, or why not.
fn done_or_refused(lang: Lang, result: Option<Result<&'static str, AccountError>>) -> Html {
    match result {
        Some(Ok(done)) => html! { <Alert tone={Tone::Ok} icon=true>{ done }</Alert> },
        Some(Err(e)) => html! { <Alert tone={Tone::Error} icon=true>{ message(lang, e) }</Alert> },
        None => html! {},
    }
}

/// The signed-in operator's own PIN.
#[component]
fn OwnPin() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (old, new) = (use_node_ref(), use_node_ref());
    let result = use_state(|| None::<Result<(), AccountError>>);
    // One change at a time, checked at once (as the sign-in form does).
    let busy = use_mut_ref(|| false);
    let Some(me) = app.operator.clone() else { return html! {} };
    let submit = {
        let (old, new, result, me, busy, set_operator) =
            (old.clone(), new.clone(), result.clone(), me.clone(), busy.clone(), app.set_operator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if busy.replace(true) {
                return;
            }
            let (o, n) = (value(&old), value(&new));
            clear(&[&old, &new]);
            let (result, number, busy, set_operator) =
                (result.clone(), me.number.clone(), busy.clone(), set_operator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let r = change_own_pin(&number, &o, &n, now()).await;
                *busy.borrow_mut() = false;
                // Signed in again under the new key: the other program too.
                if r.is_ok() {
                    set_operator.emit(current());
                }
                result.set(Some(r));
            });
        })
    };
    html! {
        <form class="pin-form" onsubmit={submit} aria-label={lang.t("修改我的 PIN", "Change my PIN")}>
            <h3>{ lang.t("修改我的 PIN", "Change my PIN") }</h3>
            <label for="old-pin">{ lang.t("当前 PIN", "Current PIN") }</label>
            <input id="old-pin" ref={old} type="password" inputmode="numeric" autocomplete="current-password" />
            <label for="new-pin">{ lang.t("新 PIN（至少 8 位数字）", "New PIN (8 or more digits)") }</label>
            <input id="new-pin" ref={new} type="password" inputmode="numeric" autocomplete="new-password" />
            <button type="submit" class="button">{ lang.t("保存 PIN", "Save the PIN") }</button>
            <div role="status" aria-live="polite" id="pin-result">
            { done_or_refused(lang, result.map(|r| r.map(|()| lang.t("已保存。", "Saved.")))) }
            </div>
        </form>
    }
}

/// What a member's last add or removal of a passkey did.
#[derive(Clone, Copy, PartialEq)]
enum PasskeyDone {
    Added,
    Removed,
}

/// A passkey outcome, and whose it is.
#[derive(Clone, PartialEq)]
struct PasskeyOutcome {
    number: String,
    result: Result<PasskeyDone, AccountError>,
}

#[derive(Properties, PartialEq)]
struct OwnPasskeyProps {
    /// What the last add or removal did.
    outcome: UseStateHandle<Option<PasskeyOutcome>>,
    /// Each attempt that ends is counted (`data-attempts`).
    attempts: UseStateHandle<u32>,
}

/// The signed-in member's passkeys on this device (on security keys they
/// carry): add one (the PIN checked first), or remove them.
#[component]
fn OwnPasskey(props: &OwnPasskeyProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let pin = use_node_ref();
    let (result, attempts) = (props.outcome.clone(), props.attempts.clone());
    let busy = use_mut_ref(|| false);
    let Some(me) = app.operator.clone() else { return html! {} };
    let count = passkeys_of(&me.number);
    let heading = html! { <h3>{ lang.t("安全密钥（本设备）", "Security keys (this device)") }</h3> };
    if !passkey::available() {
        return html! { <section class="passkey-form" aria-label={lang.t("安全密钥", "Security keys")}>{ heading }<p class="meta" id="passkey-unavailable">{ lang.t(
            "此浏览器或地址不能使用安全密钥（需要网站以域名访问）：请使用 PIN 登录。",
            "Security keys cannot be used in this browser or at this address (the site must be reached by name): sign in with the PIN.",
        ) }</p></section> };
    }
    let submit = {
        let (pin, result, busy, number, attempts) =
            (pin.clone(), result.clone(), busy.clone(), me.number.clone(), attempts.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if busy.replace(true) {
                return;
            }
            let p = value(&pin);
            clear(&[&pin]);
            let (result, busy, number, attempts) = (result.clone(), busy.clone(), number.clone(), attempts.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let r = add_passkey(&number, &p, now()).await;
                *busy.borrow_mut() = false;
                attempts.set(*attempts + 1);
                result.set(Some(PasskeyOutcome { number, result: r.map(|()| PasskeyDone::Added) }));
            });
        })
    };
    let remove_all = {
        let (result, number) = (result.clone(), me.number.clone());
        Callback::from(move |_| {
            let r = remove_own_passkeys().map(|()| PasskeyDone::Removed);
            result.set(Some(PasskeyOutcome { number: number.clone(), result: r }));
        })
    };
    let shown = result.as_ref().filter(|o| o.number == me.number).map(|o| {
        o.result.map(|done| match done {
            PasskeyDone::Added => lang.t("已添加。", "Added."),
            PasskeyDone::Removed => lang.t("已删除。", "Removed."),
        })
    });
    html! {
        <form class="passkey-form" onsubmit={submit} aria-label={lang.t("安全密钥", "Security keys")} data-attempts={attempts.to_string()}>
            { heading }
            <p class="meta" id="passkey-count">{ match (lang, count) {
                (Lang::Zh, 0) => "您在本设备上还没有安全密钥。添加您随身携带的安全密钥（带指纹或密钥 PIN）后，可插入并验证即登录，记录仍由您的员工密钥签署。电脑自带的验证器不能使用：解锁电脑的任何人都能通过它。".to_owned(),
                (Lang::En, 0) => "You have no security key on this device. Add one you carry (with a fingerprint reader or its own PIN) to sign in by plugging it in and verifying; entries are still signed under your staff key. The computer's own authenticator cannot be used: it lets in whoever unlocks the computer.".to_owned(),
                (Lang::Zh, n) => format!("您在本设备上有 {n} 把安全密钥。"),
                (Lang::En, n) => format!("You have {n} security key(s) on this device."),
            } }</p>
            <label for="passkey-pin">{ lang.t("当前 PIN", "Current PIN") }</label>
            <input id="passkey-pin" ref={pin} type="password" inputmode="numeric" autocomplete="current-password" />
            <button type="submit" class="button" id="add-passkey">{ lang.t("添加安全密钥", "Add a security key") }</button>
            if count > 0 {
                { " " }
                <button type="button" class="button danger" id="remove-passkeys" onclick={remove_all}>{ lang.t("删除本设备上的安全密钥记录", "Remove my security keys from this device") }</button>
            }
            <div role="status" aria-live="polite" id="passkey-result">
            { done_or_refused(lang, shown) }
            </div>
        </form>
    }
}
