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

use crate::state::app::use_app;
use crate::words::lang::Lang;

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

/// What is logged: a verification, or something the staff did, with who
/// and in which case (taken when it happened, not when it is stored); or a
/// checkpoint of the head.
enum Logged {
    Verified(Box<Report>, Stamp),
    Happened(zz_log::Happened, Stamp),
    Checkpoint,
}

/// Who did it, in which case, and whether as a practice run.
struct Stamp {
    operator: Option<audit::Operator>,
    case: Option<String>,
    drill: bool,
}

impl Stamp {
    fn now(case: Option<String>) -> Stamp {
        Stamp {
            operator: crate::services::accounts::current(),
            case: case.or_else(|| CASE.with(|c| c.borrow().clone())),
            drill: drill(),
        }
    }
}

/// Checkpoints signed on this device, newest last (the last few kept).
const KEY_CHECKPOINTS: &str = "zz.checkpoints";
const MAX_CHECKPOINTS: usize = 60;
/// Whether this device is in practice mode (模拟办事).
const KEY_DRILL: &str = "zz.drill";

/// The CST day of the last checkpoint signed here (for the daily one).
const KEY_CHECKPOINT_DAY: &str = "zz.checkpointDay";

/// The checkpoints signed on this device, newest last. (Kept as JSON text:
/// the portal's first load only appends to them.)
pub fn checkpoints() -> Vec<audit::Checkpoint> {
    kept_checkpoints().iter().filter_map(|c| serde_json::from_str(c).ok()).collect()
}

fn kept_checkpoints() -> Vec<String> {
    LocalStorage::get(KEY_CHECKPOINTS).unwrap_or_default()
}

/// The day (China Standard Time) of a Unix time, as days since 1970.
fn cst_day(time: i64) -> i64 {
    time.saturating_add(8 * 3600).div_euclid(86_400)
}

/// Whether what is done now is a practice run, kept out of the statistics.
pub fn drill() -> bool {
    LocalStorage::get::<bool>(KEY_DRILL).unwrap_or(false)
}

/// Starts or ends practice mode (logged).
pub fn set_drill(on: bool) {
    if on {
        let _ = LocalStorage::set(KEY_DRILL, true);
    }
    record_event(zz_log::Happened { event: if on { "drill-start" } else { "drill-end" }.into(), ..Default::default() });
    if !on {
        LocalStorage::delete(KEY_DRILL);
    }
}

/// Records one entry. Entries are appended one at a time: the head moves
/// only once the entry is stored. The first entry of each day (China
/// Standard Time) is followed by a checkpoint.
async fn record(what: Logged) -> Result<(), String> {
    let device = crate::services::device::device().await?;
    let h = head();
    let (org, window) = SITE.with(|s| s.borrow().clone());
    let mut entry = match what {
        Logged::Checkpoint => return sign_checkpoint(&device, &h).await.map(|_| ()),
        Logged::Verified(report, stamp) => audit::Entry {
            time: report.now.as_secs(),
            event: "verify".into(),
            operator: stamp.operator,
            case: stamp.case,
            drill: stamp.drill,
            matter: report.matter.clone(),
            verified: Some(audit::Verified::of(&report)),
            ..audit::Entry::default()
        },
        Logged::Happened(w, stamp) => audit::Entry {
            time: crate::services::trust::now().as_secs(),
            event: w.event,
            operator: stamp.operator,
            case: stamp.case,
            drill: stamp.drill,
            matter: w.matter,
            license_type: w.license_type,
            identifier: w.identifier,
            detail: w.detail,
            ..audit::Entry::default()
        },
    };
    entry.org = org;
    entry.window = window;
    entry.n = h.count + 1;
    entry.prev = if h.count == 0 { GENESIS.to_owned() } else { h.hash.clone() };
    entry.sig = device.sign(&entry.signed_bytes()).await?;
    crate::services::idb::audit_append(&entry.line()).await?;
    let head = Head { count: entry.n, hash: entry.hash() };
    LocalStorage::set(KEY_HEAD, &head).map_err(|e| e.to_string())?;
    if LocalStorage::get::<i64>(KEY_CHECKPOINT_DAY).ok() != Some(cst_day(entry.time)) {
        sign_checkpoint(&device, &head).await?;
    }
    // The log page, in either program, shows it.
    if let Ok(e) = web_sys::Event::new(LOGGED) {
        let _ = gloo::utils::window().dispatch_event(&e);
    }
    Ok(())
}

/// Told on `window` after each entry is stored.
const LOGGED: &str = "zz-logged";

/// Signs the head as a checkpoint and keeps it with the last few.
async fn sign_checkpoint(device: &crate::services::device::Device, h: &Head) -> Result<audit::Checkpoint, String> {
    if h.count == 0 {
        return Err("the log is empty".into());
    }
    let mut c = audit::Checkpoint {
        format: audit::CHECKPOINT_FORMAT.to_owned(),
        device: device.header.device.clone(),
        n: h.count,
        head: h.hash.clone(),
        time: crate::services::trust::now().as_secs(),
        sig: String::new(),
    };
    c.sig = device.sign(&c.signed_bytes()).await?;
    let mut kept = kept_checkpoints();
    kept.push(serde_json::to_string(&c).map_err(|e| e.to_string())?);
    let over = kept.len().saturating_sub(MAX_CHECKPOINTS);
    kept.drain(..over);
    LocalStorage::set(KEY_CHECKPOINTS, &kept).map_err(|e| e.to_string())?;
    let _ = LocalStorage::set(KEY_CHECKPOINT_DAY, cst_day(c.time));
    Ok(c)
}

/// Signs the head as a checkpoint once what is waiting is recorded (at
/// sign-out).
pub fn checkpoint_later() {
    enqueue(Logged::Checkpoint);
}

/// Sets the organisation's code and the window every entry carries.
pub fn set_site(site: &crate::services::site::Site) {
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
    enqueue(Logged::Verified(Box::new(report.clone()), Stamp::now(None)));
}

/// Records something the staff did (an event of [`audit::Entry`]), in the
/// open case unless it names one.
pub fn record_event(what: zz_log::Happened) {
    let stamp = Stamp::now(what.case.clone());
    enqueue(Logged::Happened(what, stamp));
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
            if let Err(e) = locked(record(what)).await {
                gloo::console::error!(format!("verification log: {e}"));
            }
        }
        DRAINING.with(|d| d.set(false));
    });
}

/// Runs an append holding the device's log lock (Web Locks), so that the
/// portal and the staff program, and other tabs, append one at a time: each
/// reads the head another has just moved. Without Web Locks it runs as is.
async fn locked(append: impl std::future::Future<Output = Result<(), String>> + 'static) -> Result<(), String> {
    use wasm_bindgen::{JsCast, JsValue};
    let locks =
        js_sys::Reflect::get(&gloo::utils::window().navigator(), &"locks".into()).ok().filter(|l| l.is_object());
    let request = locks
        .as_ref()
        .and_then(|l| js_sys::Reflect::get(l, &"request".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else { return append.await };
    let held = wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| {
        wasm_bindgen_futures::future_to_promise(async move {
            append.await.map(|()| JsValue::UNDEFINED).map_err(|e| JsValue::from_str(&e))
        })
    });
    let promise = request.call2(&locks, &"zz-audit-log".into(), &held).map_err(|e| format!("{e:?}"))?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map(drop)
        .map_err(|e| e.as_string().unwrap_or_else(|| "the log lock failed".into()))
}

/// The practice-mode switch (模拟办事): while on, every entry is marked a
/// drill and left out of the statistics.
#[component]
pub fn DrillSwitch() -> Html {
    let lang = use_app().lang;
    let on = use_state(drill);
    let toggle = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            set_drill(checked);
            on.set(checked);
        })
    };
    html! {
        <div class={classes!("drill", on.then_some("on"))}>
            <div class="check-field">
                <input type="checkbox" id="drill" checked={*on} onchange={toggle} />
                <label for="drill">{ lang.t("模拟办事（练习，不计入统计）", "Drill (practice, left out of the statistics)") }</label>
            </div>
            if *on {
                <p class="alert warn" role="status" id="drill-on">{ lang.t("模拟办事中：本设备的记录标为模拟。", "Drill mode: this device's entries are marked as practice.") }</p>
            }
        </div>
    }
}

/// Waits (five seconds at most) until every entry queued here is stored;
/// whether they were.
pub async fn settled() -> bool {
    for _ in 0..200 {
        if !DRAINING.with(std::cell::Cell::get) && PENDING.with(|q| q.borrow().is_empty()) {
            return true;
        }
        gloo::timers::future::TimeoutFuture::new(25).await;
    }
    gloo::console::warn!("verification log: entries are still waiting to be written");
    false
}

/// The log as stored: this device's header and every entry.
#[derive(Clone, PartialEq)]
pub struct Loaded {
    pub header: audit::Header,
    pub entries: std::rc::Rc<Vec<audit::Entry>>,
    /// Records of the log from before entries were signed.
    pub legacy: std::rc::Rc<Vec<String>>,
}

/// Reads the whole log (and the records from before entries were signed).
pub async fn load() -> Result<Loaded, String> {
    let header = crate::services::device::device().await?.header.clone();
    let mut entries = Vec::new();
    crate::services::idb::audit_read(|lines| {
        for l in lines {
            entries.push(serde_json::from_str::<audit::Entry>(&l).map_err(|e| format!("unreadable entry: {e}"))?);
        }
        Ok(())
    })
    .await?;
    let legacy = crate::services::idb::legacy_log_all().await.unwrap_or_default();
    Ok(Loaded { header, entries: entries.into(), legacy: legacy.into() })
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

/// An administrator's action on the log.
#[derive(Clone, Copy, PartialEq)]
enum Job {
    /// Export the log for `zz log verify`, as CSV, or the records from
    /// before entries were signed.
    Log,
    Csv,
    Legacy,
    /// Export and drop the entries older than this many days.
    Prune(u32),
    /// Export and drop every entry.
    Clear,
}

impl Job {
    fn name(self) -> &'static str {
        match self {
            Job::Log => "export",
            Job::Csv => "csv",
            Job::Legacy => "legacy",
            Job::Prune(_) => "prune",
            Job::Clear => "clear",
        }
    }
}

thread_local! {
    /// Whether an administrator's action is running (one at a time).
    static ACTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs an administrator's action on the log as stored once what is
/// queued is stored.
async fn run(job: Job) -> Done {
    if !settled().await {
        return Done::Failed("entries are still being written: try again".into());
    }
    let l = match load().await {
        Ok(l) => l,
        Err(e) => return Done::Failed(e),
    };
    let exported = |what: &str, n: usize| {
        record_event(zz_log::Happened { event: "log-export".into(), detail: Some(what.into()), ..Default::default() });
        Done::Exported(n)
    };
    match job {
        Job::Csv => {
            download("zz-audit-log.csv", "text/csv", &audit::to_csv(&l.header, &l.entries));
            exported("csv", l.entries.len())
        }
        // The log as `zz log verify` reads it: this device's header, then
        // every entry as stored.
        Job::Log => {
            let name = format!("zz-audit-log-{}.jsonl", l.header.device);
            download(&name, "application/jsonl", &audit::to_text(&l.header, &l.entries));
            exported("jsonl", l.entries.len())
        }
        Job::Legacy => {
            download("zz-verification-log-unsigned.json", "application/json", &format!("[{}]", l.legacy.join(",")));
            exported("unsigned", l.legacy.len())
        }
        Job::Prune(days) => {
            let cutoff = crate::services::trust::now().as_secs().saturating_sub(i64::from(days) * 86_400);
            match l.entries.iter().rposition(|e| e.time < cutoff && e.event != "pruned") {
                Some(i) => prune_through(&l, i).await,
                None => Done::NothingToPrune(days),
            }
        }
        Job::Clear => match l.entries.len().checked_sub(1) {
            Some(i) => prune_through(&l, i).await,
            None => Done::Exported(0),
        },
    }
}

/// Exports the entries up to position `through` as their own file, then
/// drops them. The log goes on from where it was: a signed note of the
/// last entry dropped and its hash is written first (a log with the note
/// and every entry still verifies; one cut without it would not), so the
/// rest verifies and a checkpoint kept elsewhere shows it. The file of a
/// later prune verifies together with the earlier ones (`zz log verify
/// FIRST SECOND …`).
async fn prune_through(l: &Loaded, through: usize) -> Done {
    let (Some(last), Some(dropped)) = (l.entries.get(through), l.entries.get(..=through)) else {
        return Done::Failed("nothing to prune".into());
    };
    let first = dropped.first().map_or(0, |e| e.n);
    download(
        &format!("zz-audit-log-{}-{}-{}.jsonl", l.header.device, first, last.n),
        "application/jsonl",
        &audit::to_text(&l.header, dropped),
    );
    record_event(zz_log::Happened {
        event: "pruned".into(),
        detail: Some(format!("{} {}", last.n, last.hash())),
        ..Default::default()
    });
    if !settled().await {
        return Done::Failed("the note was not written: nothing was dropped".into());
    }
    match crate::services::idb::audit_drop_first(through + 1).await {
        Ok(()) => Done::Pruned(last.n),
        Err(e) => Done::Failed(e),
    }
}

/// What an administrator's action on the log came to.
#[derive(Clone, PartialEq)]
enum Done {
    /// Refused: no administrator signed in (the action's name).
    Refused(&'static str),
    /// Exported (entries).
    Exported(usize),
    /// Pruned up to this entry, after exporting them.
    Pruned(u64),
    /// Nothing older than the retention period.
    NothingToPrune(u32),
    Failed(String),
}

/// Rows per page of the list.
const PAGE: usize = 100;

/// The log page: for staff signed in.
#[component]
pub fn LogPage() -> Html {
    let lang = use_app().lang;
    html! {
        <section>
            <h1>{ lang.t("核验记录", "Verification log") }</h1>
            <crate::services::accounts::Gate need={crate::services::accounts::Role::Counter} what={lang.t("查看核验记录", "The verification log")}>
                <crate::services::accounts::OperatorLine />
                <LogView />
            </crate::services::accounts::Gate>
        </section>
    }
}

/// The log itself: check, checkpoints, exports and pruning (the last two
/// for an administrator), and the entries, a page at a time.
#[component]
fn LogView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let entries = use_state(|| None::<Result<Loaded, String>>);
    let verdict = use_state(String::new);
    let query = use_state(String::new);
    let page = use_state(|| 0usize);
    let chain = use_state(|| ChainState::Unchecked);
    let confirm = use_state(|| false);
    let done = use_state(|| None::<Done>);
    let busy = use_state(|| false);
    let kept = use_state(checkpoints);
    // Reads the log again; asked while reading, once more after (so a
    // burst of new entries costs two reads, not one each).
    let reading = use_mut_ref(|| (false, false));
    let reload = {
        let (entries, kept, reading) = (entries.clone(), kept.clone(), reading.clone());
        Callback::from(move |()| {
            if reading.borrow().0 {
                reading.borrow_mut().1 = true;
                return;
            }
            reading.borrow_mut().0 = true;
            let (entries, kept, reading) = (entries.clone(), kept.clone(), reading.clone());
            wasm_bindgen_futures::spawn_local(async move {
                loop {
                    entries.set(Some(load().await));
                    kept.set(checkpoints());
                    if !std::mem::take(&mut reading.borrow_mut().1) {
                        break;
                    }
                }
                reading.borrow_mut().0 = false;
            });
        })
    };
    {
        // Read now, and again as entries are stored (by either program).
        let reload = reload.clone();
        use_effect_with((), move |_| {
            reload.emit(());
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), LOGGED, move |_| reload.emit(()));
            move || drop(listener)
        });
    }
    let loaded = match &*entries {
        Some(Ok(l)) => Some(l.clone()),
        _ => None,
    };
    let list: std::rc::Rc<Vec<audit::Entry>> = loaded.as_ref().map(|l| l.entries.clone()).unwrap_or_default();
    // Names from the trust data in hand (codes when it does not know them).
    let bundle = match &app.trust {
        crate::state::app::TrustState::Ready(t) => Some(t.clone()),
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
                    e.operator.as_ref().map(|o| format!("{} {}", o.name, o.number)),
                    Some(e.event.clone()),
                    Some(type_name(e.license_type())),
                    Some(matter_name(e.matter.as_deref())),
                ]
                .iter()
                .any(|f| f.as_deref().is_some_and(|s| s.to_lowercase().contains(&q)))
        })
        .collect();
    let pages = shown.len().div_ceil(PAGE).max(1);
    let at = (*page).min(pages - 1);
    // The chain is checked on the log as stored now, once what is queued
    // is stored (the page's copy may be older than the head).
    let check_chain = {
        let (chain, entries) = (chain.clone(), entries.clone());
        Callback::from(move |_| {
            let (chain, entries) = (chain.clone(), entries.clone());
            wasm_bindgen_futures::spawn_local(async move {
                settled().await;
                let l = load().await;
                if let Ok(l) = &l {
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
                }
                entries.set(Some(l));
            });
        })
    };
    let admin = app.operator.as_ref().and_then(crate::services::accounts::role_of)
        == Some(crate::services::accounts::Role::Admin);
    // Exports, pruning and clearing: an administrator's, one at a time, on
    // the log as stored now; logged.
    let days = app.site.retention_days();
    let act = |job: Job| {
        let (done, busy, reload, chain) = (done.clone(), busy.clone(), reload.clone(), chain.clone());
        Callback::from(move |_: MouseEvent| {
            if !crate::services::accounts::signed_in_as(crate::services::accounts::Role::Admin) {
                done.set(Some(Done::Refused(job.name())));
                return;
            }
            if ACTING.with(|a| a.replace(true)) {
                return;
            }
            busy.set(true);
            chain.set(ChainState::Unchecked);
            let (done, busy, reload) = (done.clone(), busy.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = run(job).await;
                ACTING.with(|a| a.set(false));
                done.set(Some(result));
                busy.set(false);
                reload.emit(());
            });
        })
    };
    let (export_log, export_csv, export_legacy, prune) =
        (act(Job::Log), act(Job::Csv), act(Job::Legacy), act(Job::Prune(days)));
    let clear = {
        let (confirm, clear_all) = (confirm.clone(), act(Job::Clear));
        Callback::from(move |e: MouseEvent| {
            if !*confirm {
                confirm.set(true);
                return;
            }
            confirm.set(false);
            clear_all.emit(e);
        })
    };
    // A checkpoint: the head signed by this device, to keep elsewhere.
    let checkpoint = {
        let kept = kept.clone();
        Callback::from(move |_| {
            let kept = kept.clone();
            wasm_bindgen_futures::spawn_local(async move {
                settled().await;
                let Ok(device) = crate::services::device::device().await else { return };
                if let Ok(c) = sign_checkpoint(&device, &head()).await {
                    download_checkpoint(&c);
                    kept.set(checkpoints());
                }
            });
        })
    };
    let on_verdict = {
        let (verdict, page) = (verdict.clone(), page.clone());
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            verdict.set(s.value());
            page.set(0);
        })
    };
    let on_query = {
        let (query, page) = (query.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            query.set(i.value());
            page.set(0);
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_| page.set(to))
    };
    let verdict_of = |v: &str| match v {
        "valid" => Verdict::Valid,
        "invalid" => Verdict::Invalid,
        _ => Verdict::Indeterminate,
    };
    let verdict_word = |v: &str| crate::pages::public::verify::verdict_label(lang, verdict_of(v));
    // Names come from the trust data: wait for it (a failed load still
    // shows the log, with codes).
    if app.trust == crate::state::app::TrustState::Loading {
        return html! { <p class="loading" role="status">{ lang.t("正在加载…", "Loading…") }</p> };
    }
    let admin_note = if admin { "" } else { lang.t("（需管理员）", " (administrator)") };
    html! {
        <>
            <p>{ lang.t(
                "每次核验和工作人员的操作都记录在本设备上：时间、操作人员、单位与窗口、办件、事项、证照类型、标识、脱敏后的持证主体、结论和未通过的项目。每条记录含前一条的哈希值，并由本设备不可导出的密钥签名：修改、删除或插入都会被发现；每次退出登录和每天第一条记录时自动签署检查点，另行保存检查点可发现截断。",
                "Every verification and staff action is recorded on this device: time, operator, organisation and window, case, matter, license type, identifier, masked holder, verdict and failed checks. Each entry holds the hash of the one before and is signed with this device's non-extractable key: edits, deletions and insertions are detected; a checkpoint is signed at each sign-out and with the first entry of each day; keep checkpoints elsewhere to detect truncation.",
            ) }</p>
            if let Some(l) = &loaded {
                <p class="meta">{ lang.t("本设备：", "This device: ") }<code id="log-device">{ &l.header.device }</code>
                    { " · " }{ lang.t("导出的日志可用 zz log verify 校验", "exported logs are checked with zz log verify") }</p>
                if !l.legacy.is_empty() {
                    <p class="meta">{ match lang {
                        Lang::Zh => format!("本设备另有 {} 条启用签名前的记录。", l.legacy.len()),
                        Lang::En => format!("This device also holds {} entries from before entries were signed.", l.legacy.len()),
                    } }{ " " }<button type="button" class="button small" id="log-legacy" disabled={*busy} onclick={export_legacy}>{ lang.t("导出", "Export") }{ admin_note }</button></p>
                }
            }
            <div class="log-tools">
                <button type="button" class="button" onclick={check_chain}>{ lang.t("校验记录链", "Check the chain") }</button>
                <button type="button" class="button" id="log-checkpoint" onclick={checkpoint}>{ lang.t("签署检查点", "Sign a checkpoint") }</button>
                <button type="button" class="button" id="log-export" disabled={*busy} onclick={export_log}>{ lang.t("导出日志", "Export the log") }{ admin_note }</button>
                <button type="button" class="button" id="log-csv" disabled={*busy} onclick={export_csv}>{ lang.t("导出 CSV", "Export CSV") }{ admin_note }</button>
                <button type="button" class="button" id="log-prune" disabled={*busy} onclick={prune}>{ match lang {
                    Lang::Zh => format!("导出并清理 {days} 天前的记录"),
                    Lang::En => format!("Export and prune entries older than {days} days"),
                } }{ admin_note }</button>
                <button type="button" class="button danger" id="log-clear" disabled={*busy} onclick={clear}>
                    { if *confirm { lang.t("确认导出并清空全部记录", "Confirm: export and clear every entry") } else { lang.t("清空记录…", "Clear the log…") } }{ admin_note }
                </button>
            </div>
            <div role="status" aria-live="polite" id="chain-result">
            { match &*chain {
                ChainState::Unchecked => html! {},
                ChainState::Intact(n) => html! { <p class="alert ok" data-chain="intact">{ crate::components::icons::Icon::Check.html() }{ " " }{ match lang {
                    Lang::Zh => format!("记录链完整（{n} 条）。"),
                    Lang::En => format!("The chain is intact ({n} entries)."),
                } }</p> },
                ChainState::Broken(at) => html! { <p class="alert error" data-chain="broken">{ crate::components::icons::Icon::Cross.html() }{ " " }{ match lang {
                    Lang::Zh => format!("记录链已被破坏（{at}）：有记录被修改、删除或插入。"),
                    Lang::En => format!("The chain is broken ({at}): an entry was edited, deleted or inserted."),
                } }</p> },
            } }
            </div>
            <div role="status" aria-live="polite" id="log-done">
            { match &*done {
                None => html! {},
                Some(Done::Refused(what)) => html! { <p class="alert error" role="alert" id="log-refused" data-what={*what}>{ crate::components::icons::Icon::Cross.html() }{ " " }{ lang.t(
                    "导出、清理和清空核验记录需要管理员登录。", "Exporting, pruning and clearing the log need an administrator to sign in.") }</p> },
                Some(Done::Exported(n)) => html! { <p class="alert ok">{ match lang {
                    Lang::Zh => format!("已导出 {n} 条记录。"),
                    Lang::En => format!("{n} entries exported."),
                } }</p> },
                Some(Done::Pruned(n)) => html! { <p class="alert ok" id="log-pruned">{ match lang {
                    Lang::Zh => format!("已导出并清理第 {n} 条及之前的记录；日志中留有签名说明。"),
                    Lang::En => format!("Entries up to #{n} were exported and pruned; a signed note stays in the log."),
                } }</p> },
                Some(Done::NothingToPrune(d)) => html! { <p class="alert info">{ match lang {
                    Lang::Zh => format!("没有 {d} 天前的记录。"),
                    Lang::En => format!("No entries are older than {d} days."),
                } }</p> },
                Some(Done::Failed(e)) => html! { <p class="alert error">{ e }</p> },
            } }
            </div>
            <CheckpointList kept={(*kept).clone()} />
            <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field wide">
                    <label for="log-q">{ lang.t("筛选（事项、证照、标识、持证主体、操作人员、办件）", "Filter (matter, license, identifier, holder, operator, case)") }</label>
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
                    Lang::Zh => format!("共 {} 条，符合 {} 条（最新在前），第 {} / {} 页", list.len(), shown.len(), at + 1, pages),
                    Lang::En => format!("{} entries, {} match (newest first), page {} of {}", list.len(), shown.len(), at + 1, pages),
                } }</caption>
                <thead><tr>
                    <th scope="col">{ "#" }</th>
                    <th scope="col">{ lang.t("时间", "Time") }</th>
                    <th scope="col">{ lang.t("结论", "Verdict") }</th>
                    <th scope="col">{ lang.t("证照", "License") }</th>
                    <th scope="col">{ lang.t("持证主体", "Holder") }</th>
                    <th scope="col">{ lang.t("事项", "Matter") }</th>
                    <th scope="col">{ lang.t("操作人员", "Operator") }</th>
                    <th scope="col">{ lang.t("未通过", "Failed") }</th>
                </tr></thead>
                <tbody>
                { for shown.iter().skip(at * PAGE).take(PAGE).map(|e| html! { <tr data-verdict={e.verdict().to_owned()} data-event={e.staff_event().map(str::to_owned)} data-case={e.case.clone()} data-drill={e.drill.then_some("1")}>
                    <td data-label="#">{ e.n }</td>
                    <td data-label={lang.t("时间", "Time")}>{ lang.instant(UnixTime::from_secs(e.time)) }</td>
                    <td data-label={lang.t("结论", "Verdict")}>{ match e.staff_event() {
                        Some(ev) => html! { <span class="event">{ event_words(lang, ev) }</span> },
                        None => html! { <>{ crate::pages::public::verify::verdict_icon(verdict_of(e.verdict())) }{ " " }{ verdict_word(e.verdict()) }</> },
                    } }{ if e.drill { lang.t("（模拟）", " (drill)") } else { "" } }</td>
                    <td data-label={lang.t("证照", "License")} class="license" title={e.identifier().unwrap_or_default().to_owned()}>{ type_name(e.license_type()) }</td>
                    <td data-label={lang.t("持证主体", "Holder")}>{ e.holder().unwrap_or_default().to_owned() }</td>
                    <td data-label={lang.t("事项", "Matter")}>{ matter_name(e.matter.as_deref()) }</td>
                    <td data-label={lang.t("操作人员", "Operator")} class="operator">{ e.operator.as_ref().map(|o| format!("{}（{}）", o.name, o.number)).unwrap_or_default() }</td>
                    <td data-label={lang.t("未通过", "Failed")}>{ failed_words(e) }</td>
                </tr> }) }
                </tbody>
            </table>
            if pages > 1 {
                <nav class="pager" aria-label={lang.t("分页", "Pages")}>
                    <button type="button" class="button small" id="log-prev" disabled={at == 0} onclick={go(at.saturating_sub(1))}>{ lang.t("上一页", "Previous") }</button>
                    <span>{ format!(" {} / {} ", at + 1, pages) }</span>
                    <button type="button" class="button small" id="log-next" disabled={at + 1 >= pages} onclick={go(at + 1)}>{ lang.t("下一页", "Next") }</button>
                </nav>
            }
        </>
    }
}

fn download_checkpoint(c: &audit::Checkpoint) {
    let name = format!("zz-checkpoint-{}-{}.json", c.device, c.n);
    download(&name, "application/json", &serde_json::to_string_pretty(c).unwrap_or_default());
}

#[derive(Properties, PartialEq)]
struct CheckpointProps {
    kept: Vec<audit::Checkpoint>,
}

/// The checkpoints signed here, newest first: each to download, or to show
/// as a QR code that a supervisor photographs or scans elsewhere.
#[component]
fn CheckpointList(props: &CheckpointProps) -> Html {
    let lang = use_app().lang;
    let shown = use_state(|| None::<u64>);
    if props.kept.is_empty() {
        return html! {};
    }
    html! {
        <details class="checkpoints" id="checkpoints">
            <summary>{ match lang {
                Lang::Zh => format!("本设备签署的检查点（最近 {} 个）", props.kept.len()),
                Lang::En => format!("Checkpoints signed here (last {})", props.kept.len()),
            } }</summary>
            <p>{ lang.t(
                "将检查点文件或其二维码另行保存（例如由主管拍照或打印）：之后对该检查点之前记录的任何修改、删除、插入或截断都会被 zz log verify --checkpoint 发现。",
                "Keep a checkpoint's file or its QR code elsewhere (a supervisor photographs or prints it): any later edit, deletion, insertion or truncation before it is found by zz log verify --checkpoint.",
            ) }</p>
            <ul>
            { for props.kept.iter().rev().map(|c| {
                let (n, c1, c2) = (c.n, c.clone(), shown.clone());
                html! { <li data-n={n.to_string()}>
                    { match lang {
                        Lang::Zh => format!("至第 {} 条 · {} ", c.n, lang.instant(UnixTime::from_secs(c.time))),
                        Lang::En => format!("up to #{} · {} ", c.n, lang.instant(UnixTime::from_secs(c.time))),
                    } }
                    <button type="button" class="button small" onclick={Callback::from(move |_| download_checkpoint(&c1))}>{ lang.t("下载", "Download") }</button>
                    { " " }
                    <button type="button" class="button small checkpoint-qr-button" onclick={Callback::from(move |_| c2.set(if *c2 == Some(n) { None } else { Some(n) }))}>{ lang.t("二维码", "QR code") }</button>
                    if *shown == Some(n) {
                        <div class="checkpoint-qr">{ qr_svg(&serde_json::to_string(c).unwrap_or_default(), lang.t("检查点二维码", "Checkpoint QR code")) }</div>
                    }
                </li> }
            }) }
            </ul>
        </details>
    }
}

/// `text` as a QR code drawn in SVG (medium error correction, a quiet
/// zone of four modules).
fn qr_svg(text: &str, label: &str) -> Html {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M) else {
        return html! {};
    };
    let w = code.width();
    let mut path = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            path.push_str(&format!("M{},{}h1v1h-1z", i % w + 4, i / w + 4));
        }
    }
    let size = w + 8;
    html! {
        <svg class="qr" role="img" aria-label={label.to_owned()} viewBox={format!("0 0 {size} {size}")} width="240" height="240" shape-rendering="crispEdges">
            <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
            <path d={path} fill="#000" />
        </svg>
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
        ("sign-in", _) => lang.t("登录", "Signed in"),
        ("sign-out", _) => lang.t("退出登录", "Signed out"),
        ("sign-in-refused", _) => lang.t("登录被拒绝（工号或 PIN 不正确）", "Sign-in refused (wrong number or PIN)"),
        ("staff-added", _) => lang.t("添加工作人员账号", "Staff account added"),
        ("staff-removed", _) => lang.t("删除工作人员账号", "Staff account removed"),
        ("staff-pin-reset", _) => lang.t("重设工作人员 PIN", "Staff PIN reset"),
        ("staff-pin-changed", _) => lang.t("修改本人 PIN", "Own PIN changed"),
        ("trust-import", _) => lang.t("导入信任数据", "Trust data imported"),
        ("trust-import-refused", _) => lang.t("拒绝导入信任数据", "Trust data import refused"),
        ("setting", _) => lang.t("修改用证单位与窗口设置", "Site settings changed"),
        ("roots-adopted", _) => lang.t("采用新的根密钥", "New roots adopted"),
        ("roots-adoption-refused", _) => lang.t("采用新的根密钥失败", "Adopting new roots failed"),
        ("log-export", _) => lang.t("导出核验记录", "Log exported"),
        ("kiosk-left", _) => lang.t("退出自助模式", "Kiosk mode left"),
        ("drill-start", _) => lang.t("开始模拟办事", "Drill started"),
        ("drill-end", _) => lang.t("结束模拟办事", "Drill ended"),
        (other, _) => other,
    };
    words.to_owned()
}
