//! The log page: browse and filter this device's audit log, check its
//! chain, sign checkpoints, and (an administrator) export, prune or clear
//! it. The log itself is [`crate::services::audit`]: this page shows it
//! and asks for its actions.

mod actions;
mod checkpoints;
mod table;

use yew::prelude::*;

use crate::components::gate::{Gate, OperatorLine};
use crate::services::audit::{AuditError, LOGGED, Loaded, checkpoints, load};
use crate::services::session::Role;
use crate::state::app::{TrustState, use_app};

use actions::LogActions;
use table::LogTable;

/// The log page: for staff signed in.
#[component]
pub fn LogPage() -> Html {
    let lang = use_app().lang;
    html! {
        <section>
            <h1>{ lang.t("核验记录", "Verification log") }</h1>
            <Gate need={Role::Counter} what={lang.t("查看核验记录", "The verification log")}>
                <OperatorLine />
                <LogView />
            </Gate>
        </section>
    }
}

/// The log itself: its actions, then the entries, a page at a time. Read
/// once shown and again as entries are stored.
#[component]
fn LogView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let entries = use_state(|| None::<Result<Loaded, AuditError>>);
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
    // Names come from the trust data: wait for it (a failed load still
    // shows the log, with codes).
    if app.trust == TrustState::Loading {
        return html! { <p class="loading" role="status">{ lang.t("正在加载…", "Loading…") }</p> };
    }
    let on_checked = {
        let entries = entries.clone();
        Callback::from(move |l: Result<Loaded, AuditError>| entries.set(Some(l)))
    };
    let on_kept = {
        let kept = kept.clone();
        Callback::from(move |()| kept.set(checkpoints()))
    };
    let error = match &*entries {
        Some(Err(e)) => Some(e.clone()),
        _ => None,
    };
    html! {
        <>
            <p>{ lang.t(
                "每次核验和工作人员的操作都记录在本设备上：时间、操作人员、单位与窗口、办件、事项、证照类型、标识、脱敏后的持证主体、结论和未通过的项目。每条记录含前一条的哈希值，并由本设备不可导出的密钥签名：修改、删除或插入都会被发现；每次退出登录和每天第一条记录时自动签署检查点，另行保存检查点可发现截断。",
                "Every verification and staff action is recorded on this device: time, operator, organisation and window, case, matter, license type, identifier, masked holder, verdict and failed checks. Each entry holds the hash of the one before and is signed with this device's non-extractable key: edits, deletions and insertions are detected; a checkpoint is signed at each sign-out and with the first entry of each day; keep checkpoints elsewhere to detect truncation.",
            ) }</p>
            <LogActions loaded={loaded.clone()} kept={(*kept).clone()} {reload} {on_checked} {on_kept} />
            <LogTable list={loaded.map(|l| l.entries).unwrap_or_default()} {error} />
        </>
    }
}
