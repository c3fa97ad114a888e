//! The verification log: every verification and staff action recorded in
//! IndexedDB as an audit log entry (`zz_log::audit`): chained to the one
//! before and signed by this device's WebCrypto key, with the organisation
//! and window of the site's configuration. A page to browse and filter it,
//! check it, export it (the format `zz log verify` reads), sign its head
//! as a checkpoint, and clear it after a confirmation.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use zz_core::Report;
use zz_log::audit::{self, GENESIS};
use zz_log::{Event, Happened};

use crate::services::clock::cst_day;
use crate::services::device::Device;
use crate::services::download::download;
use crate::services::idb::IdbError;
use crate::services::session::{self, Role};
use crate::services::storage::{KEY_AUDIT_HEAD, KEY_CHECKPOINT_DAY, KEY_CHECKPOINTS, KEY_DRILL};

/// Why the log could not be written or read.
#[derive(Clone, Debug, PartialEq)]
pub enum AuditError {
    /// The device's key cannot be had, or cannot sign (WebCrypto).
    Device(String),
    /// The log's store (IndexedDB).
    Store(IdbError),
    /// An entry as stored is not one.
    Unreadable(String),
    /// Local storage refused the head or a checkpoint.
    Storage(String),
    /// A checkpoint of a log with no entry.
    Empty,
    /// The log's lock (Web Locks) failed.
    Lock(String),
    /// Entries queued here are still waiting to be stored.
    StillWriting,
    /// Nothing to prune.
    NothingToDrop,
    /// The signed note of a prune was not stored: nothing was dropped.
    NoteNotWritten,
}

impl std::fmt::Display for AuditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuditError::Device(e) | AuditError::Storage(e) | AuditError::Lock(e) => f.write_str(e),
            AuditError::Store(e) => write!(f, "{e}"),
            AuditError::Unreadable(e) => write!(f, "unreadable entry: {e}"),
            AuditError::Empty => f.write_str("the log is empty"),
            AuditError::StillWriting => f.write_str("entries are still being written: try again"),
            AuditError::NothingToDrop => f.write_str("nothing to prune"),
            AuditError::NoteNotWritten => f.write_str("the note was not written: nothing was dropped"),
        }
    }
}

impl From<IdbError> for AuditError {
    fn from(e: IdbError) -> AuditError {
        AuditError::Store(e)
    }
}

/// This device's key, for the log.
async fn device() -> Result<std::rc::Rc<Device>, AuditError> {
    crate::services::device::device().await.map_err(AuditError::Device)
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Head {
    count: u64,
    hash: String,
}

fn head() -> Head {
    LocalStorage::get(KEY_AUDIT_HEAD).unwrap_or_default()
}

/// What is logged: a verification, or something the staff did, with who
/// and in which case (taken when it happened, not when it is stored); or a
/// checkpoint of the head.
enum Logged {
    Verified(Box<Report>, Stamp),
    Happened(Box<When>, Stamp),
    Checkpoint,
}

/// Something the staff did, and when (unix seconds).
struct When {
    happened: Happened,
    time: i64,
}

/// Who did it (the session signed in when it happened, which attests the
/// entry), in which case, and whether as a practice run.
struct Stamp {
    session: Option<std::rc::Rc<session::Live>>,
    /// Whether the entry carries the session's delegation (the entry that
    /// starts a session, or a roster).
    delegate: bool,
    case: Option<String>,
    drill: bool,
}

impl Stamp {
    fn now(case: Option<String>) -> Stamp {
        Stamp {
            session: session::live(),
            delegate: false,
            case: case.or_else(|| CASE.with(|c| c.borrow().clone())),
            drill: drill(),
        }
    }

    fn operator(&self) -> Option<audit::Operator> {
        self.session.as_ref().map(|s| s.operator.clone())
    }
}

/// Checkpoints kept on this device (the last few).
const MAX_CHECKPOINTS: usize = 60;

/// The checkpoints signed on this device, newest last. (Kept as JSON text:
/// the portal's first load only appends to them.)
pub fn checkpoints() -> Vec<audit::Checkpoint> {
    kept_checkpoints().iter().filter_map(|c| serde_json::from_str(c).ok()).collect()
}

fn kept_checkpoints() -> Vec<String> {
    LocalStorage::get(KEY_CHECKPOINTS).unwrap_or_default()
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
    record(if on { Event::DrillStart } else { Event::DrillEnd });
    if !on {
        LocalStorage::delete(KEY_DRILL);
    }
}

/// Records one entry. Entries are appended one at a time: the head moves
/// only once the entry is stored. The first entry of each day (China
/// Standard Time) is followed by a checkpoint.
async fn append(what: Logged) -> Result<(), AuditError> {
    let device = device().await?;
    let h = head();
    let (org, window) = SITE.with(|s| s.borrow().clone());
    let (mut entry, stamp) = match what {
        Logged::Checkpoint => return sign_checkpoint(&device, &h).await.map(|_| ()),
        Logged::Verified(report, stamp) => (
            audit::Entry {
                time: report.now.as_secs(),
                event: Event::Verify.as_str().into(),
                operator: stamp.operator(),
                case: stamp.case.clone(),
                drill: stamp.drill,
                matter: report.matter.clone(),
                verified: Some(audit::Verified::of(&report)),
                ..audit::Entry::default()
            },
            stamp,
        ),
        Logged::Happened(w, stamp) => (
            audit::Entry {
                time: w.time,
                event: w.happened.event,
                operator: stamp.operator(),
                case: stamp.case.clone(),
                drill: stamp.drill,
                matter: w.happened.matter,
                license_type: w.happened.license_type,
                identifier: w.happened.identifier,
                detail: w.happened.detail,
                staff_key: w.happened.staff_key,
                ..audit::Entry::default()
            },
            stamp,
        ),
    };
    entry.org = org;
    entry.window = window;
    entry.n = h.count + 1;
    entry.prev = if h.count == 0 { GENESIS.to_owned() } else { h.hash.clone() };
    // The session attests the entry (its place in the chain included);
    // the device signs it with the attestation.
    if let Some(s) = &stamp.session {
        let d = &s.delegation;
        entry.by = Some(zz_log::staff::Attestation {
            session: d.session(),
            delegation: stamp.delegate.then(|| Box::new(d.clone())),
            sig: String::new(),
        });
        let sig = s.key.sign(&entry.attested_bytes()).await.map_err(AuditError::Device)?;
        if let Some(by) = &mut entry.by {
            by.sig = zz_core::envelope::hex(&sig);
        }
    }
    entry.sig = device.sign(&entry.signed_bytes()).await.map_err(AuditError::Device)?;
    crate::services::idb::audit_append(&entry.line()).await?;
    let head = Head { count: entry.n, hash: entry.hash() };
    LocalStorage::set(KEY_AUDIT_HEAD, &head).map_err(|e| AuditError::Storage(e.to_string()))?;
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
pub const LOGGED: &str = "zz-logged";

/// Signs the head as a checkpoint and keeps it with the last few.
async fn sign_checkpoint(device: &Device, h: &Head) -> Result<audit::Checkpoint, AuditError> {
    if h.count == 0 {
        return Err(AuditError::Empty);
    }
    let mut c = audit::Checkpoint {
        format: audit::CHECKPOINT_FORMAT.to_owned(),
        device: device.header.device.clone(),
        n: h.count,
        head: h.hash.clone(),
        time: crate::services::clock::now().as_secs(),
        sig: String::new(),
    };
    c.sig = device.sign(&c.signed_bytes()).await.map_err(AuditError::Device)?;
    let mut kept = kept_checkpoints();
    kept.push(serde_json::to_string(&c).map_err(|e| AuditError::Storage(e.to_string()))?);
    let over = kept.len().saturating_sub(MAX_CHECKPOINTS);
    kept.drain(..over);
    LocalStorage::set(KEY_CHECKPOINTS, &kept).map_err(|e| AuditError::Storage(e.to_string()))?;
    let _ = LocalStorage::set(KEY_CHECKPOINT_DAY, cst_day(c.time));
    Ok(c)
}

/// Signs the head as a checkpoint now, once what is queued is stored (the
/// log page's button).
pub async fn checkpoint_now() -> Result<audit::Checkpoint, AuditError> {
    settled().await;
    sign_checkpoint(&*device().await?, &head()).await
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

/// Records something the staff did, with nothing more to say of it.
pub fn record(event: Event) {
    record_event(Happened::new(event));
}

/// Records something the staff did (an event of [`audit::Entry`]), in the
/// open case unless it names one.
pub fn record_event(what: Happened) {
    let stamp = Stamp::now(what.case.clone());
    let time = crate::services::clock::now().as_secs();
    enqueue(Logged::Happened(Box::new(When { happened: what, time }), stamp));
}

/// Records the entry that starts the session signed in (`sign-in`, the
/// first administrator's setup): it carries the session's delegation.
pub fn record_delegated(what: Happened) {
    let stamp = Stamp { delegate: true, ..Stamp::now(what.case.clone()) };
    let time = crate::services::clock::now().as_secs();
    enqueue(Logged::Happened(Box::new(When { happened: what, time }), stamp));
}

/// The roster of staff keys as the log stored here has it
/// ([`zz_log::staff::Roster`]), once what is queued is stored. Only the
/// entries that can change it are read: those that carry a delegation,
/// change the staff, or end a session.
pub async fn roster() -> zz_log::staff::Roster {
    settled().await;
    let device = match device().await {
        Ok(d) => d.header.device.clone(),
        Err(_) => return zz_log::staff::Roster::default(),
    };
    let mut entries = Vec::new();
    // Whether the log starts after a prune: its first entry is not entry 1.
    let mut first_n = None;
    let _ = crate::services::idb::audit_read(|lines| {
        if first_n.is_none() {
            #[derive(Deserialize)]
            struct N {
                n: u64,
            }
            first_n = lines.first().map(|l| serde_json::from_str::<N>(l).map_or(0, |e| e.n));
        }
        // What can change the roster or end a session: the same as reading
        // every entry would give.
        let relevant = |l: &&String| {
            l.contains("\"delegation\"") || l.contains("\"event\":\"staff-") || l.contains("\"event\":\"sign-out\"")
        };
        for l in lines.iter().filter(relevant) {
            if let Ok(e) = serde_json::from_str::<audit::Entry>(l) {
                entries.push(e);
            }
        }
        Ok::<(), IdbError>(())
    })
    .await;
    // P-256 sessions' signatures are checked ahead, by WebCrypto.
    let mut good = std::collections::HashSet::new();
    for c in zz_log::staff::Roster::p256_checks(&entries) {
        if crate::services::device::verify_p256(&c.key, &c.message, &c.sig).await {
            good.insert(c);
        }
    }
    let p256 = move |key: &[u8], message: &[u8], sig: &[u8]| {
        good.contains(&zz_log::staff::P256Signed { key: key.to_vec(), message: message.to_vec(), sig: sig.to_vec() })
    };
    let mut roster = zz_log::staff::Roster::new(&device);
    roster.follow_all(&entries, first_n.is_some_and(|n| n > 1), &p256);
    roster
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
            if let Err(e) = locked(append(what)).await {
                gloo::console::error!(format!("verification log: {e}"));
            }
        }
        DRAINING.with(|d| d.set(false));
    });
}

/// Runs an append holding the device's log lock (Web Locks), so that the
/// portal and the staff program, and other tabs, append one at a time: each
/// reads the head another has just moved. Without Web Locks it runs as is.
async fn locked(append: impl std::future::Future<Output = Result<(), AuditError>> + 'static) -> Result<(), AuditError> {
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
            append.await.map(|()| JsValue::UNDEFINED).map_err(|e| JsValue::from_str(&e.to_string()))
        })
    });
    let promise =
        request.call2(&locks, &"zz-audit-log".into(), &held).map_err(|e| AuditError::Lock(format!("{e:?}")))?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map(drop)
        .map_err(|e| AuditError::Lock(e.as_string().unwrap_or_else(|| "the log lock failed".into())))
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
pub async fn load() -> Result<Loaded, AuditError> {
    let header = device().await?.header.clone();
    let mut entries = Vec::new();
    crate::services::idb::audit_read(|lines| {
        for l in lines {
            entries.push(serde_json::from_str::<audit::Entry>(&l).map_err(|e| AuditError::Unreadable(e.to_string()))?);
        }
        Ok::<(), AuditError>(())
    })
    .await?;
    let legacy = crate::services::idb::legacy_log_all().await.unwrap_or_default();
    Ok(Loaded { header, entries: entries.into(), legacy: legacy.into() })
}

/// The chain as last checked on the log page.
#[derive(Clone, PartialEq)]
pub enum ChainState {
    Unchecked,
    Intact(usize),
    Broken(String),
}

/// Checks the chain of the log as stored now, once what is queued is
/// stored (a page's copy may be older than the head), and against the head
/// kept apart (entries cut off the end).
pub async fn check() -> Result<(Loaded, ChainState), AuditError> {
    settled().await;
    let l = load().await?;
    let h = head();
    let last = l.entries.last().map(|e| (e.n, e.hash())).unwrap_or((0, String::new()));
    let state = match audit::verify(&l.header, &l.entries, None) {
        // The head kept apart: entries cut off the end.
        Ok(_) if h.count != last.0 || (h.count > 0 && h.hash != last.1) => {
            ChainState::Broken(format!("{}/{}", l.entries.len(), h.count))
        }
        Ok(_) => ChainState::Intact(l.entries.len()),
        Err(b) => ChainState::Broken(b.n.map_or_else(|| b.why.clone(), |n| format!("#{n}"))),
    };
    Ok((l, state))
}

/// An administrator's action on the log.
#[derive(Clone, Copy, PartialEq)]
pub enum Job {
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

/// Starts an administrator's action on the log: refused (`Err(Some)`)
/// unless an administrator is signed in, and not started (`Err(None)`)
/// while another runs. The action runs on the log as stored once what is
/// queued is stored.
pub fn act(job: Job) -> Result<impl std::future::Future<Output = Done>, Option<Done>> {
    if !session::signed_in_as(Role::Admin) {
        return Err(Some(Done::Refused(job.name())));
    }
    if ACTING.with(|a| a.replace(true)) {
        return Err(None);
    }
    Ok(async move {
        let done = run(job).await;
        ACTING.with(|a| a.set(false));
        done
    })
}

async fn run(job: Job) -> Done {
    if !settled().await {
        return Done::Failed(AuditError::StillWriting);
    }
    let l = match load().await {
        Ok(l) => l,
        Err(e) => return Done::Failed(e),
    };
    let exported = |what: &str, n: usize| {
        record_event(Happened { detail: Some(what.into()), ..Happened::new(Event::LogExport) });
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
            let cutoff = crate::services::clock::now().as_secs().saturating_sub(i64::from(days) * 86_400);
            match l.entries.iter().rposition(|e| e.time < cutoff && e.event != Event::Pruned.as_str()) {
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
        return Done::Failed(AuditError::NothingToDrop);
    };
    // The administrator's session writes the roster again: without one
    // signed in still (it may have ended meanwhile), nothing is dropped.
    if !session::signed_in_as(Role::Admin) {
        return Done::Refused("prune");
    }
    let first = dropped.first().map_or(0, |e| e.n);
    download(
        &format!("zz-audit-log-{}-{}-{}.jsonl", l.header.device, first, last.n),
        "application/jsonl",
        &audit::to_text(&l.header, dropped),
    );
    // What is kept must still anchor the roster: the administrator's
    // session writes it again, with its delegation, first (so the note
    // after it is attributed too).
    let roster = roster().await;
    if !roster.anchored() {
        // Nothing would anchor what is kept: the staff would be locked out.
        return Done::Failed(AuditError::Unreadable("the log holds no staff roster to keep".into()));
    }
    record_delegated(Happened { detail: Some(roster.detail()), ..Happened::new(Event::StaffRoster) });
    record_event(Happened { detail: Some(format!("{} {}", last.n, last.hash())), ..Happened::new(Event::Pruned) });
    if !settled().await {
        return Done::Failed(AuditError::NoteNotWritten);
    }
    match crate::services::idb::audit_drop_first(through + 1).await {
        Ok(()) => Done::Pruned(last.n),
        Err(e) => Done::Failed(e.into()),
    }
}

/// What an administrator's action on the log came to.
#[derive(Clone, PartialEq)]
pub enum Done {
    /// Refused: no administrator signed in (the action's name).
    Refused(&'static str),
    /// Exported (entries).
    Exported(usize),
    /// Pruned up to this entry, after exporting them.
    Pruned(u64),
    /// Nothing older than the retention period.
    NothingToPrune(u32),
    Failed(AuditError),
}
