//! Staff accounts on this device: name, staff number, role and PIN. A PIN
//! is never stored: only PBKDF2-HMAC-SHA256 of it with a random salt, at
//! least six digits, with a growing wait after wrong attempts (counted for
//! the device, so trying numbers does not reset it). Roles, each allowed
//! what the one before is:
//! - counter staff (窗口人员): the counter, the log and the statistics;
//! - kiosk supervisor (自助终端管理员): leaving kiosk mode, trust import;
//! - administrator (管理员): staff accounts, site settings, exporting,
//!   pruning and clearing the log.
//!
//! The first account, made when there is none, is an administrator. The
//! one signed in is kept in local storage for both programs; every log
//! entry carries them. Whoever controls the device's storage can reset it
//! all: the log's signatures, not the accounts, are what an auditor trusts.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zz_core::UnixTime;
use zz_core::envelope::hex;
use zz_log::audit::Operator;

use crate::state::app::use_app;
use crate::words::lang::Lang;

const KEY_ACCOUNTS: &str = "zz.staff";
const KEY_SESSION: &str = "zz.operator";
const KEY_FAILS: &str = "zz.signInFails";
/// Shortest PIN accepted.
pub const MIN_DIGITS: usize = 6;
/// Most accounts on one device.
pub const MAX_ACCOUNTS: usize = 200;
/// Longest name or staff number.
const MAX_FIELD: usize = 64;
/// PBKDF2 rounds: about a tenth of a second in the browser.
const ROUNDS: u32 = 60_000;
/// Wrong attempts allowed before waiting.
const FREE_ATTEMPTS: u32 = 3;
/// The first wait (seconds), doubling with each further wrong attempt, at
/// most an hour.
const FIRST_WAIT: u64 = 30;
const MAX_WAIT: u64 = 3600;

/// What a member of staff may do; each role may do what the ones before it
/// may.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Counter,
    Supervisor,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Counter, Role::Supervisor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Counter => "counter",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Who may do what needs this role.
    pub fn who(self, lang: Lang) -> &'static str {
        match self {
            Role::Counter => lang.t("工作人员", "staff"),
            Role::Supervisor => lang.t("自助终端管理员或管理员", "a kiosk supervisor or an administrator"),
            Role::Admin => lang.t("管理员", "an administrator"),
        }
    }

    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Role::Counter => lang.t("窗口人员", "counter staff"),
            Role::Supervisor => lang.t("自助终端管理员", "kiosk supervisor"),
            Role::Admin => lang.t("管理员", "administrator"),
        }
    }
}

/// The role of a signed-in operator (none for an unknown role).
pub fn role_of(op: &Operator) -> Option<Role> {
    Role::parse(&op.role)
}

#[derive(Clone, Debug, PartialEq)]
struct Account {
    name: String,
    number: String,
    /// [`Role::as_str`].
    role: String,
    salt: String,
    rounds: u32,
    hash: String,
}

// Accounts and the session are kept as tab-separated fields (names and
// numbers hold no control characters), not JSON objects: serde's derives
// for them cost the portal's first load 2.5 KB gzip.

impl Account {
    fn to_line(&self) -> String {
        [&self.name, &self.number, &self.role, &self.salt, &self.rounds.to_string(), &self.hash]
            .map(|s| s.as_str())
            .join("\t")
    }

    fn from_line(line: &str) -> Option<Account> {
        let mut f = line.split('\t').map(str::to_owned);
        let (name, number, role, salt) = (f.next()?, f.next()?, f.next()?, f.next()?);
        let rounds = f.next()?.parse().ok()?;
        Some(Account { name, number, role, salt, rounds, hash: f.next()? })
    }

    fn operator(&self) -> Operator {
        Operator { name: self.name.clone(), number: self.number.clone(), role: self.role.clone() }
    }
}

#[derive(Default, Serialize, Deserialize)]
struct Fails {
    count: u32,
    /// Unix seconds before which no attempt is taken.
    until: i64,
}

fn derive(pin: &str, salt: &str, rounds: u32) -> String {
    let mut out = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt.as_bytes(), rounds, &mut out);
    hex(&out)
}

fn random_salt() -> Option<String> {
    let mut salt = [0u8; 16];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut salt).ok()?;
    Some(hex(&salt))
}

fn accounts() -> Vec<Account> {
    let lines: Vec<String> = LocalStorage::get(KEY_ACCOUNTS).unwrap_or_default();
    lines.iter().filter_map(|l| Account::from_line(l)).collect()
}

fn save(all: &[Account]) -> Result<(), AccountError> {
    let lines: Vec<String> = all.iter().map(Account::to_line).collect();
    LocalStorage::set(KEY_ACCOUNTS, lines).map_err(|_| AccountError::Unavailable)
}

/// Whether any account is set up on this device.
pub fn any() -> bool {
    !accounts().is_empty()
}

/// The accounts as operators (name, number, role), for the administrator.
pub fn list() -> Vec<Operator> {
    accounts().iter().map(Account::operator).collect()
}

/// Whether `pin` is well-formed: at least [`MIN_DIGITS`] digits.
pub fn well_formed(pin: &str) -> bool {
    pin.len() >= MIN_DIGITS && pin.len() <= MAX_FIELD && pin.chars().all(|c| c.is_ascii_digit())
}

/// Why an account could not be made, changed or used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountError {
    /// Fewer than six digits, or not only digits.
    Malformed,
    /// No name or staff number, or one too long.
    Incomplete,
    /// The staff number is taken.
    Taken,
    /// Unknown staff number or wrong PIN (not told apart).
    Wrong,
    /// Too many wrong attempts: wait this many seconds.
    Wait(u64),
    /// Signed in, but the role may not do this.
    NotAllowed,
    /// The last administrator cannot be removed or demoted.
    LastAdmin,
    /// Too many accounts.
    Full,
    /// Local storage or the random source is unavailable.
    Unavailable,
}

/// Adds an account (logged as `staff-added`). The first one must be an
/// administrator; later ones need an administrator signed in.
pub fn add(name: &str, number: &str, role: Role, pin: &str) -> Result<Operator, AccountError> {
    let mut all = accounts();
    if all.is_empty() {
        if role != Role::Admin {
            return Err(AccountError::NotAllowed);
        }
    } else if !signed_in_as(Role::Admin) {
        return Err(AccountError::NotAllowed);
    }
    let (name, number) = (name.trim(), number.trim());
    let bad = |s: &str| s.is_empty() || s.len() > MAX_FIELD || s.chars().any(char::is_control);
    if bad(name) || bad(number) {
        return Err(AccountError::Incomplete);
    }
    if !well_formed(pin) {
        return Err(AccountError::Malformed);
    }
    if all.iter().any(|a| a.number == number) {
        return Err(AccountError::Taken);
    }
    if all.len() >= MAX_ACCOUNTS {
        return Err(AccountError::Full);
    }
    let salt = random_salt().ok_or(AccountError::Unavailable)?;
    let hash = derive(pin, &salt, ROUNDS);
    let account = Account {
        name: name.to_owned(),
        number: number.to_owned(),
        role: role.as_str().to_owned(),
        salt,
        rounds: ROUNDS,
        hash,
    };
    let op = account.operator();
    all.push(account);
    save(&all)?;
    crate::services::audit::record_event(zz_log::Happened {
        event: "staff-added".into(),
        detail: Some(format!("{} {}", op.number, op.role)),
        ..Default::default()
    });
    Ok(op)
}

/// Removes an account (an administrator signed in; not the last one;
/// logged as `staff-removed`). An
/// administrator who removes their own account is then signed out by the
/// caller, once the removal is logged.
pub fn remove(number: &str) -> Result<(), AccountError> {
    if !signed_in_as(Role::Admin) {
        return Err(AccountError::NotAllowed);
    }
    let mut all = accounts();
    let admin = Role::Admin.as_str();
    let admins = all.iter().filter(|a| a.role == admin).count();
    if all.iter().any(|a| a.number == number && a.role == admin) && admins <= 1 {
        return Err(AccountError::LastAdmin);
    }
    all.retain(|a| a.number != number);
    save(&all)?;
    crate::services::audit::record_event(zz_log::Happened {
        event: "staff-removed".into(),
        detail: Some(number.to_owned()),
        ..Default::default()
    });
    Ok(())
}

/// Sets an account's PIN: the account's own, or any one by an administrator.
pub fn set_pin(number: &str, pin: &str) -> Result<(), AccountError> {
    let me = current().ok_or(AccountError::NotAllowed)?;
    if me.number != number && !signed_in_as(Role::Admin) {
        return Err(AccountError::NotAllowed);
    }
    if !well_formed(pin) {
        return Err(AccountError::Malformed);
    }
    let mut all = accounts();
    let account = all.iter_mut().find(|a| a.number == number).ok_or(AccountError::Wrong)?;
    account.salt = random_salt().ok_or(AccountError::Unavailable)?;
    account.rounds = ROUNDS;
    account.hash = derive(pin, &account.salt, ROUNDS);
    save(&all)
}

/// Checks a staff number and PIN at `now`: refused without trying while a
/// wait from earlier wrong attempts lasts.
fn check(number: &str, pin: &str, now: UnixTime) -> Result<Account, AccountError> {
    let mut fails: Fails = LocalStorage::get(KEY_FAILS).unwrap_or_default();
    let until = UnixTime::from_secs(fails.until);
    if now < until {
        return Err(AccountError::Wait(until.checked_secs_since(now).unwrap_or(0)));
    }
    let found = accounts().into_iter().find(|a| a.number == number.trim());
    // An unknown number costs the same derivation as a known one.
    let (salt, rounds, hash) = found.as_ref().map_or(("-", ROUNDS, ""), |a| (&a.salt, a.rounds, &a.hash));
    if derive(pin, salt, rounds.min(10 * ROUNDS)) == hash
        && let Some(a) = found
    {
        LocalStorage::delete(KEY_FAILS);
        return Ok(a);
    }
    fails.count = fails.count.saturating_add(1);
    let wait = wait_after(fails.count);
    fails.until = now.saturating_add_secs(wait).as_secs();
    let _ = LocalStorage::set(KEY_FAILS, &fails);
    if wait > 0 { Err(AccountError::Wait(wait)) } else { Err(AccountError::Wrong) }
}

/// Seconds to wait after `count` wrong attempts in a row.
fn wait_after(count: u32) -> u64 {
    match count.checked_sub(FREE_ATTEMPTS) {
        None => 0,
        Some(n) => FIRST_WAIT.saturating_mul(1u64 << n.min(16)).min(MAX_WAIT),
    }
}

/// Who is signed in on this device (removing an account signs it out).
pub fn current() -> Option<Operator> {
    let line: String = LocalStorage::get(KEY_SESSION).ok()?;
    let mut f = line.split('\t').map(str::to_owned);
    Some(Operator { name: f.next()?, number: f.next()?, role: f.next()? })
}

/// Whether someone with at least `role` is signed in.
pub fn signed_in_as(role: Role) -> bool {
    current().and_then(|op| role_of(&op)).is_some_and(|r| r >= role)
}

/// Signs in (ending any other session): logged as `sign-in`, after the
/// `sign-out` of whoever was signed in before; a refused attempt as
/// `sign-in-refused` with the number tried.
pub fn sign_in(number: &str, pin: &str, now: UnixTime) -> Result<Operator, AccountError> {
    let account = check(number, pin, now).inspect_err(|_| {
        // A refused attempt is logged with the number tried (never the PIN).
        let tried: String = number.trim().chars().filter(|c| !c.is_control()).take(MAX_FIELD).collect();
        crate::services::audit::record_event(zz_log::Happened {
            event: "sign-in-refused".into(),
            detail: Some(tried),
            ..Default::default()
        });
    })?;
    if current().is_some() {
        sign_out();
    }
    let op = account.operator();
    let line = [op.name.as_str(), &op.number, &op.role].join("\t");
    LocalStorage::set(KEY_SESSION, line).map_err(|_| AccountError::Unavailable)?;
    crate::services::audit::record_event(zz_log::Happened { event: "sign-in".into(), ..Default::default() });
    Ok(op)
}

/// Signs out: logged as `sign-out` (ending a drill), and the log's head is
/// signed as a checkpoint.
pub fn sign_out() {
    if current().is_some() {
        // A drill ends with the session that started it.
        if crate::services::audit::drill() {
            crate::services::audit::set_drill(false);
        }
        crate::services::audit::record_event(zz_log::Happened { event: "sign-out".into(), ..Default::default() });
        crate::services::audit::checkpoint_later();
    }
    LocalStorage::delete(KEY_SESSION);
}

/// What a refusal means, in words.
pub fn message(lang: Lang, e: AccountError) -> String {
    match (e, lang) {
        (AccountError::Wrong, _) => lang.t("工号或 PIN 不正确。", "Wrong staff number or PIN.").to_owned(),
        (AccountError::Malformed, _) => {
            lang.t("PIN 须为至少 6 位数字。", "The PIN must be 6 or more digits.").to_owned()
        }
        (AccountError::Incomplete, _) => lang.t("请填写姓名和工号。", "Enter a name and a staff number.").to_owned(),
        (AccountError::Taken, _) => lang.t("该工号已有账号。", "That staff number has an account already.").to_owned(),
        (AccountError::NotAllowed, _) => lang.t("需要管理员登录。", "An administrator must be signed in.").to_owned(),
        (AccountError::LastAdmin, _) => {
            lang.t("不能删除最后一名管理员。", "The last administrator cannot be removed.").to_owned()
        }
        (AccountError::Full, _) => lang.t("账号数量已达上限。", "No more accounts can be added.").to_owned(),
        (AccountError::Wait(s), Lang::Zh) => format!("错误次数过多，请 {s} 秒后再试。"),
        (AccountError::Wait(s), Lang::En) => format!("Too many wrong attempts: try again in {s} seconds."),
        (AccountError::Unavailable, _) => {
            lang.t("本设备无法保存账号（存储不可用）。", "This device cannot store accounts (no storage).").to_owned()
        }
    }
}

/// The text of the input behind `r` (empty if it is not drawn).
pub fn value(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

fn clear(refs: &[&NodeRef]) {
    for r in refs {
        if let Some(i) = r.cast::<HtmlInputElement>() {
            i.set_value("");
        }
    }
}

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
            <p class="alert info" id="gate-need">{ match lang {
                Lang::Zh => format!("{}需要{}登录。", props.what, props.need.who(lang)),
                Lang::En => format!("{} needs {} to sign in.", props.what, props.need.who(lang)),
            } }</p>
            // Signed in with too small a role: who it is, and a way to
            // sign in as someone else.
            if props.sign_in {
                <OperatorLine />
            }
            if !any() {
                <p>{ lang.t("本设备尚未设置工作人员账号：请在“设置”页面设置管理员。", "No staff accounts are set up on this device: set up the administrator on the Settings page.") }</p>
                <p><a class="button" href="#/settings">{ lang.t("前往设置", "Go to Settings") }</a></p>
            } else if props.sign_in {
                <SignIn />
            }
        </div>
    }
}

/// Staff number and PIN.
#[component]
pub fn SignIn() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (number, pin) = (use_node_ref(), use_node_ref());
    let error = use_state(|| None::<AccountError>);
    let submit = {
        let (number, pin, error, set_operator) = (number.clone(), pin.clone(), error.clone(), app.set_operator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let result = sign_in(&value(&number), &value(&pin), crate::services::trust::now());
            clear(&[&pin]);
            match result {
                Ok(op) => {
                    error.set(None);
                    set_operator.emit(Some(op));
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    html! {
        <form class="sign-in" onsubmit={submit} aria-label={lang.t("工作人员登录", "Staff sign-in")}>
            <div class="field">
                <label for="staff-number">{ lang.t("工号", "Staff number") }</label>
                <input id="staff-number" ref={number} autocomplete="username" />
            </div>
            <div class="field">
                <label for="staff-pin">{ lang.t("PIN", "PIN") }</label>
                <input id="staff-pin" ref={pin} type="password" inputmode="numeric" autocomplete="current-password" />
            </div>
            <button type="submit" class="button primary" id="sign-in">{ lang.t("登录", "Sign in") }</button>
            if let Some(e) = *error {
                <p class="alert error" role="alert" id="sign-in-error">{ message(lang, e) }</p>
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
            { " " }<button type="button" class="button small" id="sign-out" onclick={out}>{ lang.t("退出登录", "Sign out") }</button>
        </p>
    }
}

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
    let admin = app.operator.as_ref().and_then(role_of) == Some(Role::Admin);
    let first = !any();
    let add_account = {
        let (refs, role, msg, version) = (refs.clone(), role.clone(), message_state.clone(), version.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let [name, number, pin] = &refs;
            let r = role.cast::<HtmlSelectElement>().and_then(|s| Role::parse(&s.value())).unwrap_or(Role::Admin);
            let result = add(&value(name), &value(number), r, &value(pin));
            clear(&[pin]);
            match result {
                Ok(op) => {
                    clear(&[name, number]);
                    msg.set(Some(Ok(op.number)));
                }
                Err(e) => msg.set(Some(Err(e))),
            }
            version.set(*version + 1);
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
                <div class="field"><label for="new-staff-pin">{ lang.t("初始 PIN（至少 6 位数字）", "First PIN (6 or more digits)") }</label><input id="new-staff-pin" ref={refs[2].clone()} type="password" inputmode="numeric" autocomplete="new-password" /></div>
                <button type="submit" class="button" id="add-staff">{ lang.t("添加", "Add") }</button>
            </form>
        } else if app.operator.is_none() {
            <p>{ lang.t("管理员登录后可管理工作人员账号。", "An administrator signs in to manage staff accounts.") }</p>
            <SignIn />
        }
        if app.operator.is_some() {
            <OwnPin />
        }
        <div role="status" aria-live="polite" id="staff-result">
        { match &*message_state {
            Some(Ok(n)) => html! { <p class="alert ok">{ crate::components::icons::Icon::Check.html() }{ " " }{ match lang {
                Lang::Zh => format!("已保存账号 {n}。"),
                Lang::En => format!("Account {n} saved."),
            } }</p> },
            Some(Err(e)) => html! { <p class="alert error">{ crate::components::icons::Icon::Cross.html() }{ " " }{ message(lang, *e) }</p> },
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
            let (n, p) = (value(number), value(pin));
            clear(&[pin]);
            let made =
                add(&value(name), &n, Role::Admin, &p).and_then(|_| sign_in(&n, &p, crate::services::trust::now()));
            done.emit(made);
        })
    };
    html! {
        <form class="staff-form" onsubmit={submit} aria-label={lang.t("设置管理员", "Set up the administrator")}>
            <div class="field"><label for="admin-name">{ lang.t("管理员姓名", "Administrator's name") }</label><input id="admin-name" ref={refs[0].clone()} autocomplete="name" /></div>
            <div class="field"><label for="admin-number">{ lang.t("工号", "Staff number") }</label><input id="admin-number" ref={refs[1].clone()} autocomplete="username" /></div>
            <div class="field"><label for="admin-pin">{ lang.t("PIN（至少 6 位数字）", "PIN (6 or more digits)") }</label><input id="admin-pin" ref={refs[2].clone()} type="password" inputmode="numeric" autocomplete="new-password" /></div>
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
    let reset_pin = use_node_ref();
    let rows = list();
    html! {
        <>
        <table class="staff">
            <caption>{ lang.t("本设备的工作人员账号", "Staff accounts on this device") }</caption>
            <thead><tr>
                <th scope="col">{ lang.t("姓名", "Name") }</th>
                <th scope="col">{ lang.t("工号", "Staff number") }</th>
                <th scope="col">{ lang.t("角色", "Role") }</th>
                <th scope="col">{ lang.t("操作", "Actions") }</th>
            </tr></thead>
            <tbody>
            { for rows.iter().map(|op| {
                let number = op.number.clone();
                let remove_it = {
                    let (number, error, change, set_operator) =
                        (number.clone(), error.clone(), props.on_change.clone(), app.set_operator.clone());
                    Callback::from(move |_| {
                        match remove(&number) {
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
                    })
                };
                let reset = {
                    let (number, error, reset_pin) = (number.clone(), error.clone(), reset_pin.clone());
                    Callback::from(move |_| {
                        let pin = value(&reset_pin);
                        clear(&[&reset_pin]);
                        match set_pin(&number, &pin) {
                            Ok(()) => {
                                error.set(None);
                                crate::services::audit::record_event(zz_log::Happened { event: "staff-pin-reset".into(), detail: Some(number.clone()), ..Default::default() });
                            }
                            Err(e) => error.set(Some(e)),
                        }
                    })
                };
                html! { <tr data-number={op.number.clone()}>
                    <td>{ &op.name }</td>
                    <td>{ &op.number }</td>
                    <td>{ role_of(op).map_or(op.role.as_str(), |r| r.words(lang)) }</td>
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
            <input id="reset-pin" ref={reset_pin} type="password" inputmode="numeric" autocomplete="new-password" />
        </div>
        if let Some(e) = *error {
            <p class="alert error" role="alert">{ message(lang, e) }</p>
        }
        </>
    }
}

/// The signed-in operator's own PIN.
#[component]
fn OwnPin() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (old, new) = (use_node_ref(), use_node_ref());
    let result = use_state(|| None::<Result<(), AccountError>>);
    let Some(me) = app.operator.clone() else { return html! {} };
    let submit = {
        let (old, new, result, me) = (old.clone(), new.clone(), result.clone(), me.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let r = check(&me.number, &value(&old), crate::services::trust::now())
                .and_then(|_| set_pin(&me.number, &value(&new)));
            clear(&[&old, &new]);
            if r.is_ok() {
                crate::services::audit::record_event(zz_log::Happened {
                    event: "staff-pin-changed".into(),
                    ..Default::default()
                });
            }
            result.set(Some(r));
        })
    };
    html! {
        <form class="pin-form" onsubmit={submit} aria-label={lang.t("修改我的 PIN", "Change my PIN")}>
            <h3>{ lang.t("修改我的 PIN", "Change my PIN") }</h3>
            <label for="old-pin">{ lang.t("当前 PIN", "Current PIN") }</label>
            <input id="old-pin" ref={old} type="password" inputmode="numeric" autocomplete="current-password" />
            <label for="new-pin">{ lang.t("新 PIN（至少 6 位数字）", "New PIN (6 or more digits)") }</label>
            <input id="new-pin" ref={new} type="password" inputmode="numeric" autocomplete="new-password" />
            <button type="submit" class="button">{ lang.t("保存 PIN", "Save the PIN") }</button>
            <div role="status" aria-live="polite" id="pin-result">
            { match *result {
                Some(Ok(())) => html! { <p class="alert ok">{ crate::components::icons::Icon::Check.html() }{ " " }{ lang.t("已保存。", "Saved.") }</p> },
                Some(Err(e)) => html! { <p class="alert error">{ crate::components::icons::Icon::Cross.html() }{ " " }{ message(lang, e) }</p> },
                None => html! {},
            } }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_after_three_wrong_attempts() {
        assert_eq!([0, 1, 2].map(wait_after), [0, 0, 0]);
        assert_eq!([3, 4, 5].map(wait_after), [30, 60, 120]);
        assert_eq!(wait_after(10), 3600);
        assert_eq!(wait_after(u32::MAX), 3600);
    }

    #[test]
    fn pins_need_six_digits() {
        assert!(well_formed("246813"));
        assert!(!well_formed("2468"));
        assert!(!well_formed("24681a"));
    }

    #[test]
    fn roles_are_ordered_and_named() {
        assert!(Role::Admin > Role::Supervisor && Role::Supervisor > Role::Counter);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn the_derivation_is_pbkdf2_hmac_sha256() {
        // RFC 7914 section 11's PBKDF2-HMAC-SHA256 vector (1 round).
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(hex(&out), "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        assert_ne!(derive("246813", "a", 2), derive("246813", "b", 2));
    }
}
