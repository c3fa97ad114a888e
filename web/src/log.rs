//! The verification log: every verification and staff action recorded in
//! IndexedDB as an audit log entry (`zz_log::audit`): chained to the one
//! before and signed by this device's WebCrypto key, with the organisation
//! and window of the site's configuration. A page to browse and filter it,
//! check it, export it (the format `zz log verify` reads), sign its head
//! as a checkpoint, and clear it after a confirmation.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zz_core::{Report, UnixTime, Verdict};
use zz_log::audit::{self, GENESIS};

use crate::app::use_app;
use crate::i18n::Lang;

/// The last entry's number and hash, kept apart from the entries
/// (truncation).
const KEY_HEAD: &str = "zz.auditHead";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Head {
    count: u64,
    hash: String,
}

fn head() -> Head {
    LocalStorage::get(KEY_HEAD).unwrap_or_default()
}

/// What is logged: a verification, or something the staff did.
enum Logged {
    Verified(Box<Report>, Option<String>),
    Happened(zz_log::Happened),
}

/// Records one entry. Entries are appended one at a time: the head moves
/// only once the entry is stored.
async fn record(what: &Logged) -> Result<(), String> {
    let device = crate::device::device().await?;
    let h = head();
    let (org, window) = SITE.with(|s| s.borrow().clone());
    let mut entry = match what {
        Logged::Verified(report, case) => audit::Entry {
            time: report.now.as_secs(),
            event: "verify".into(),
            case: case.clone(),
            matter: report.matter.clone(),
            verified: Some(audit::Verified::of(report)),
            ..audit::Entry::default()
        },
        Logged::Happened(w) => audit::Entry {
            time: crate::trust::now().as_secs(),
            event: w.event.clone(),
            case: w.case.clone(),
            matter: w.matter.clone(),
            license_type: w.license_type.clone(),
            identifier: w.identifier.clone(),
            detail: w.detail.clone(),
            ..audit::Entry::default()
        },
    };
    entry.org = org;
    entry.window = window;
    entry.n = h.count + 1;
    entry.prev = if h.count == 0 { GENESIS.to_owned() } else { h.hash.clone() };
    entry.sig = device.sign(&entry.signed_bytes()).await?;
    crate::store::audit_append(&entry.line()).await?;
    LocalStorage::set(KEY_HEAD, Head { count: entry.n, hash: entry.hash() }).map_err(|e| e.to_string())
}

/// Sets the organisation's code and the window every entry carries.
pub fn set_site(site: &crate::site::Site) {
    let org = site.org_code();
    let window = (!site.window.is_empty()).then(|| site.window.clone());
    SITE.with(|s| *s.borrow_mut() = (org, window));
}

thread_local! {
    /// Verifications waiting to be recorded, oldest first.
    static PENDING: std::cell::RefCell<std::collections::VecDeque<Logged>> = Default::default();
    /// The counter case open on this page, stamped on its verifications.
    static CASE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The organisation's code and the window, stamped on every entry.
    static SITE: std::cell::RefCell<(Option<String>, Option<String>)> = const { std::cell::RefCell::new((None, None)) };
    /// Whether a task is recording them.
    static DRAINING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Records without waiting (the verdict is on screen already). Appends
/// are serialised: two quick verifications once read the same head and
/// were stored with the same `n` and `prev`, a broken chain.
pub fn record_later(report: &Report) {
    let case = CASE.with(|c| c.borrow().clone());
    enqueue(Logged::Verified(Box::new(report.clone()), case));
}

/// Records something the staff did (an event of [`Entry`]), in the open
/// case unless it names one.
pub fn record_event(mut what: zz_log::Happened) {
    if what.case.is_none() {
        what.case = CASE.with(|c| c.borrow().clone());
    }
    enqueue(Logged::Happened(what));
}

/// Sets the counter case that verifications belong to (`None` when the
/// counter is left).
pub fn set_case(case: Option<String>) {
    CASE.with(|c| *c.borrow_mut() = case);
}

fn enqueue(what: Logged) {
    PENDING.with(|q| q.borrow_mut().push_back(what));
    if DRAINING.with(|d| d.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        while let Some(what) = PENDING.with(|q| q.borrow_mut().pop_front()) {
            if let Err(e) = record(&what).await {
                gloo::console::error!(format!("verification log: {e}"));
            }
        }
        DRAINING.with(|d| d.set(false));
    });
}

/// The log as stored: this device's header and every entry.
#[derive(Clone, PartialEq)]
struct Loaded {
    header: audit::Header,
    entries: Vec<audit::Entry>,
    /// Records of the log from before entries were signed.
    legacy: Vec<String>,
}

async fn load() -> Result<Loaded, String> {
    let header = crate::device::device().await?.header.clone();
    let lines = crate::store::audit_all().await?;
    let entries = lines
        .iter()
        .map(|l| serde_json::from_str::<audit::Entry>(l).map_err(|e| format!("unreadable entry: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let legacy = crate::store::legacy_log_all().await.unwrap_or_default();
    Ok(Loaded { header, entries, legacy })
}

/// Starts a download of `text` as `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = gloo::utils::document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a) {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[derive(Clone, PartialEq)]
enum ChainState {
    Unchecked,
    Intact(usize),
    Broken(String),
}

#[component]
pub fn LogPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let entries = use_state(|| None::<Result<Loaded, String>>);
    let verdict = use_state(String::new);
    let query = use_state(String::new);
    let chain = use_state(|| ChainState::Unchecked);
    let confirm = use_state(|| false);
    let reload = {
        let entries = entries.clone();
        Callback::from(move |()| {
            let entries = entries.clone();
            wasm_bindgen_futures::spawn_local(async move { entries.set(Some(load().await)) });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with((), move |_| reload.emit(()));
    }
    let loaded = match &*entries {
        Some(Ok(l)) => Some(l.clone()),
        _ => None,
    };
    let list: Vec<audit::Entry> = loaded.as_ref().map(|l| l.entries.clone()).unwrap_or_default();
    // Names from the trust data in hand (codes when it does not know them).
    let bundle = match &app.trust {
        crate::app::TrustState::Ready(t) => Some(t.clone()),
        _ => None,
    };
    let type_name = |code: Option<&str>| -> String {
        let code = code.unwrap_or_default();
        bundle.as_ref().map_or(code, |t| t.bundle.type_name(code)).to_owned()
    };
    let matter_name = |code: Option<&str>| -> String {
        let code = code.unwrap_or_default();
        bundle.as_ref().and_then(|t| t.bundle.matter(code)).map_or_else(|| code.to_owned(), |m| m.name.clone())
    };
    let failed_words = |e: &audit::Entry| -> String {
        e.failed()
            .iter()
            .map(|id| zz_core::CheckId::from_id(id).map_or(id.as_str(), |c| lang.t(c.title_zh(), c.title_en())))
            .collect::<Vec<_>>()
            .join(lang.t("、", ", "))
    };
    let q = query.to_lowercase();
    let shown: Vec<&audit::Entry> = list
        .iter()
        .rev()
        .filter(|e| verdict.is_empty() || e.verdict() == *verdict)
        .filter(|e| {
            q.is_empty()
                || [
                    e.matter.clone(),
                    e.license_type().map(str::to_owned),
                    e.identifier().map(str::to_owned),
                    e.holder().map(str::to_owned),
                    e.case.clone(),
                    Some(type_name(e.license_type())),
                    Some(matter_name(e.matter.as_deref())),
                ]
                .iter()
                .any(|f| f.as_deref().is_some_and(|s| s.to_lowercase().contains(&q)))
        })
        .collect();
    let check_chain = {
        let chain = chain.clone();
        let loaded = loaded.clone();
        Callback::from(move |_| {
            let Some(l) = &loaded else { return };
            let h = head();
            let last = l.entries.last().map(|e| (e.n, e.hash())).unwrap_or((0, String::new()));
            chain.set(match audit::verify(&l.header, &l.entries, None) {
                // The head kept apart: entries cut off the end.
                Ok(_) if h.count != last.0 || (h.count > 0 && h.hash != last.1) => {
                    ChainState::Broken(format!("{}/{}", l.entries.len(), h.count))
                }
                Ok(_) => ChainState::Intact(l.entries.len()),
                Err(b) => ChainState::Broken(b.n.map_or_else(|| b.why.clone(), |n| format!("#{n}"))),
            });
        })
    };
    let export_csv = {
        let loaded = loaded.clone();
        Callback::from(move |_| {
            if let Some(l) = &loaded {
                download("zz-audit-log.csv", "text/csv", &audit::to_csv(&l.entries));
            }
        })
    };
    // A checkpoint: the head signed by this device, to keep elsewhere.
    let checkpoint = {
        let loaded = loaded.clone();
        Callback::from(move |_| {
            let Some(l) = loaded.clone() else { return };
            let Some(last) = l.entries.last().cloned() else { return };
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(device) = crate::device::device().await else { return };
                let mut c = audit::Checkpoint {
                    format: audit::CHECKPOINT_FORMAT.to_owned(),
                    device: l.header.device.clone(),
                    n: last.n,
                    head: last.hash(),
                    time: crate::trust::now().as_secs(),
                    sig: String::new(),
                };
                if let Ok(sig) = device.sign(&c.signed_bytes()).await {
                    c.sig = sig;
                    let name = format!("zz-checkpoint-{}-{}.json", c.device, c.n);
                    download(&name, "application/json", &serde_json::to_string_pretty(&c).unwrap_or_default());
                }
            });
        })
    };
    // The log as `zz log verify` reads it: this device's header, then every
    // entry as stored.
    let export_log = {
        let loaded = loaded.clone();
        Callback::from(move |_| {
            if let Some(l) = &loaded {
                let name = format!("zz-audit-log-{}.jsonl", l.header.device);
                download(&name, "application/jsonl", &audit::to_text(&l.header, &l.entries));
            }
        })
    };
    let export_legacy = {
        let loaded = loaded.clone();
        Callback::from(move |_| {
            if let Some(l) = &loaded {
                download("zz-verification-log-unsigned.json", "application/json", &format!("[{}]", l.legacy.join(",")));
            }
        })
    };
    let clear = {
        let loaded = loaded.clone();
        let confirm = confirm.clone();
        let reload = reload.clone();
        let chain = chain.clone();
        Callback::from(move |_| {
            if !*confirm {
                confirm.set(true);
                return;
            }
            confirm.set(false);
            let reload = reload.clone();
            chain.set(ChainState::Unchecked);
            // Cleared, the log goes on from where it was: its next entry is
            // a signed note of the last entry dropped and its hash, so the
            // rest still verifies and a checkpoint kept elsewhere shows it.
            let last = loaded.as_ref().and_then(|l| l.entries.last().map(|e| (e.n, e.hash())));
            wasm_bindgen_futures::spawn_local(async move {
                if crate::store::audit_clear().await.is_ok()
                    && let Some((n, hash)) = last
                {
                    let _ = LocalStorage::set(KEY_HEAD, Head { count: n, hash: hash.clone() });
                    let _ = record(&Logged::Happened(zz_log::Happened {
                        event: "pruned".into(),
                        detail: Some(format!("{n} {hash}")),
                        ..Default::default()
                    }))
                    .await;
                }
                reload.emit(());
            });
        })
    };
    let on_verdict = {
        let verdict = verdict.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            verdict.set(s.value());
        })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            query.set(i.value());
        })
    };
    let verdict_of = |v: &str| match v {
        "valid" => Verdict::Valid,
        "invalid" => Verdict::Invalid,
        _ => Verdict::Indeterminate,
    };
    let verdict_word = |v: &str| crate::verify::verdict_label(lang, verdict_of(v));
    // Names come from the trust data: wait for it (a failed load still
    // shows the log, with codes).
    if app.trust == crate::app::TrustState::Loading {
        return html! { <section><h1>{ lang.t("核验记录", "Verification log") }</h1><p class="loading" role="status">{ lang.t("正在加载…", "Loading…") }</p></section> };
    }
    html! {
        <section>
            <h1>{ lang.t("核验记录", "Verification log") }</h1>
            <p>{ lang.t(
                "每次核验和工作人员的操作都记录在本设备上：时间、单位与窗口、办件、事项、证照类型、标识、脱敏后的持证主体、结论和未通过的项目。每条记录含前一条的哈希值，并由本设备不可导出的密钥签名：修改、删除或插入都会被发现；签署检查点并另行保存，可发现截断。",
                "Every verification and staff action is recorded on this device: time, organisation and window, case, matter, license type, identifier, masked holder, verdict and failed checks. Each entry holds the hash of the one before and is signed with this device's non-extractable key: edits, deletions and insertions are detected; sign a checkpoint and keep it elsewhere to detect truncation.",
            ) }</p>
            if let Some(l) = &loaded {
                <p class="meta">{ lang.t("本设备：", "This device: ") }<code id="log-device">{ &l.header.device }</code>
                    { " · " }{ lang.t("导出的日志可用 zz log verify 校验", "exported logs are checked with zz log verify") }</p>
                if !l.legacy.is_empty() {
                    <p class="meta">{ match lang {
                        Lang::Zh => format!("本设备另有 {} 条启用签名前的记录。", l.legacy.len()),
                        Lang::En => format!("This device also holds {} entries from before entries were signed.", l.legacy.len()),
                    } }{ " " }<button type="button" class="button small" onclick={export_legacy}>{ lang.t("导出", "Export") }</button></p>
                }
            }
            <div class="log-tools">
                <button type="button" class="button" onclick={check_chain}>{ lang.t("校验记录链", "Check the chain") }</button>
                <button type="button" class="button" onclick={export_csv}>{ lang.t("导出 CSV", "Export CSV") }</button>
                <button type="button" class="button" id="log-export" onclick={export_log}>{ lang.t("导出日志", "Export the log") }</button>
                <button type="button" class="button" id="log-checkpoint" onclick={checkpoint}>{ lang.t("签署检查点", "Sign a checkpoint") }</button>
                <button type="button" class="button danger" onclick={clear}>
                    { if *confirm { lang.t("确认清空全部记录", "Confirm: clear every entry") } else { lang.t("清空记录…", "Clear the log…") } }
                </button>
            </div>
            <div role="status" aria-live="polite" id="chain-result">
            { match &*chain {
                ChainState::Unchecked => html! {},
                ChainState::Intact(n) => html! { <p class="alert ok" data-chain="intact">{ crate::icons::Icon::Check.html() }{ " " }{ match lang {
                    Lang::Zh => format!("记录链完整（{n} 条）。"),
                    Lang::En => format!("The chain is intact ({n} entries)."),
                } }</p> },
                ChainState::Broken(at) => html! { <p class="alert error" data-chain="broken">{ crate::icons::Icon::Cross.html() }{ " " }{ match lang {
                    Lang::Zh => format!("记录链已被破坏（{at}）：有记录被修改、删除或插入。"),
                    Lang::En => format!("The chain is broken ({at}): an entry was edited, deleted or inserted."),
                } }</p> },
            } }
            </div>
            <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field wide">
                    <label for="log-q">{ lang.t("筛选（事项、证照类型、标识、持证主体）", "Filter (matter, license type, identifier, holder)") }</label>
                    <input id="log-q" type="search" value={(*query).clone()} oninput={on_query} />
                </div>
                <div class="field">
                    <label for="log-verdict">{ lang.t("结论", "Verdict") }</label>
                    <select id="log-verdict" onchange={on_verdict}>
                        <option value="" selected={verdict.is_empty()}>{ lang.t("全部", "All") }</option>
                        { for ["valid", "invalid", "indeterminate"].iter().map(|v| html! {
                            <option value={*v} selected={*verdict == *v}>{ verdict_word(v) }</option>
                        }) }
                    </select>
                </div>
            </form>
            if let Some(Err(e)) = &*entries {
                <p class="alert error" role="alert">{ e }</p>
            }
            <table class="log">
                <caption>{ match lang {
                    Lang::Zh => format!("共 {} 条，显示 {} 条（最新在前）", list.len(), shown.len()),
                    Lang::En => format!("{} entries, {} shown (newest first)", list.len(), shown.len()),
                } }</caption>
                <thead><tr>
                    <th scope="col">{ "#" }</th>
                    <th scope="col">{ lang.t("时间", "Time") }</th>
                    <th scope="col">{ lang.t("结论", "Verdict") }</th>
                    <th scope="col">{ lang.t("证照", "License") }</th>
                    <th scope="col">{ lang.t("持证主体", "Holder") }</th>
                    <th scope="col">{ lang.t("事项", "Matter") }</th>
                    <th scope="col">{ lang.t("未通过", "Failed") }</th>
                </tr></thead>
                <tbody>
                { for shown.iter().map(|e| html! { <tr data-verdict={e.verdict().to_owned()} data-event={e.staff_event().map(str::to_owned)} data-case={e.case.clone()}>
                    <td data-label="#">{ e.n }</td>
                    <td data-label={lang.t("时间", "Time")}>{ lang.instant(UnixTime::from_secs(e.time)) }</td>
                    <td data-label={lang.t("结论", "Verdict")}>{ match e.staff_event() {
                        Some(ev) => html! { <span class="event">{ event_words(lang, ev) }</span> },
                        None => html! { <>{ crate::verify::verdict_icon(verdict_of(e.verdict())) }{ " " }{ verdict_word(e.verdict()) }</> },
                    } }</td>
                    <td data-label={lang.t("证照", "License")} class="license" title={e.identifier().unwrap_or_default().to_owned()}>{ type_name(e.license_type()) }</td>
                    <td data-label={lang.t("持证主体", "Holder")}>{ e.holder().unwrap_or_default().to_owned() }</td>
                    <td data-label={lang.t("事项", "Matter")}>{ matter_name(e.matter.as_deref()) }</td>
                    <td data-label={lang.t("未通过", "Failed")}>{ failed_words(e) }</td>
                </tr> }) }
                </tbody>
            </table>
        </section>
    }
}

/// What a staff event of the log means, in words.
pub fn event_words(lang: Lang, event: &str) -> String {
    let exception = event.strip_prefix("exception-").and_then(zz_log::case::ExceptionKind::parse);
    let words = match (event, exception) {
        (_, Some(k)) => return format!("{}{}", lang.t("例外：", "Exception: "), lang.t(k.zh(), k.en())),
        ("reveal", _) => lang.t("显示完整证件号码", "Full ID number shown"),
        ("identity-checked", _) => lang.t("已核验身份证件", "Identity document checked"),
        ("case-complete", _) => lang.t("办件完成", "Case complete"),
        ("case-complete-with-exceptions", _) => lang.t("办件完成（含例外）", "Case complete with exceptions"),
        ("objection", _) => lang.t("异议核查申请", "Objection request"),
        ("pruned", _) => lang.t("之前的记录已清空（留有签名说明）", "Earlier entries cleared (a signed note remains)"),
        (other, _) => other,
    };
    words.to_owned()
}
