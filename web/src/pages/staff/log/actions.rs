//! The log's actions: check the chain, sign a checkpoint, and an
//! administrator's exports, prune and clear, with what each came to.

use yew::prelude::*;
use zz_log::audit;

use crate::components::alert::{Alert, Tone};
use crate::components::icons::Icon;
use crate::services::audit::{AuditError, ChainState, Done, Job, Loaded, act, check, checkpoint_now};
use crate::services::session::{Role, role_of};
use crate::state::app::use_app;
use crate::words::lang::Lang;

use super::checkpoints::{CheckpointList, download_checkpoint};

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    /// The log as last read.
    pub loaded: Option<Loaded>,
    /// The checkpoints signed here.
    pub kept: Vec<audit::Checkpoint>,
    /// Reads the log again.
    pub reload: Callback<()>,
    /// The log as read by a check of its chain.
    pub on_checked: Callback<Result<Loaded, AuditError>>,
    /// A checkpoint was signed.
    pub on_kept: Callback<()>,
}

#[component]
pub fn LogActions(props: &ActionsProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let chain = use_state(|| ChainState::Unchecked);
    let confirm = use_state(|| false);
    let done = use_state(|| None::<Done>);
    let busy = use_state(|| false);
    let loaded = props.loaded.clone();
    // The chain is checked on the log as stored now.
    let check_chain = {
        let (chain, on_checked) = (chain.clone(), props.on_checked.clone());
        Callback::from(move |_| {
            let (chain, on_checked) = (chain.clone(), on_checked.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match check().await {
                    Ok((l, state)) => {
                        chain.set(state);
                        on_checked.emit(Ok(l));
                    }
                    Err(e) => on_checked.emit(Err(e)),
                }
            });
        })
    };
    let admin = app.operator.as_ref().and_then(role_of) == Some(Role::Admin);
    // Exports, pruning and clearing: an administrator's, one at a time, on
    // the log as stored now; logged.
    let days = app.site.retention_days();
    let act = |job: Job| {
        let (done, busy, reload, chain) = (done.clone(), busy.clone(), props.reload.clone(), chain.clone());
        Callback::from(move |_: MouseEvent| {
            let running = match act(job) {
                Ok(running) => running,
                Err(refused) => {
                    if refused.is_some() {
                        done.set(refused);
                    }
                    return;
                }
            };
            busy.set(true);
            chain.set(ChainState::Unchecked);
            let (done, busy, reload) = (done.clone(), busy.clone(), reload.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = running.await;
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
        let on_kept = props.on_kept.clone();
        Callback::from(move |_| {
            let on_kept = on_kept.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(c) = checkpoint_now().await {
                    download_checkpoint(&c);
                    on_kept.emit(());
                }
            });
        })
    };
    let admin_note = if admin { "" } else { lang.t("（需管理员）", " (administrator)") };
    html! {
        <>
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
                ChainState::Intact(n) => html! { <p class="alert ok" data-chain="intact">{ Icon::Check.html() }{ " " }{ match lang {
                    Lang::Zh => format!("记录链完整（{n} 条）。"),
                    Lang::En => format!("The chain is intact ({n} entries)."),
                } }</p> },
                ChainState::Broken(at) => html! { <p class="alert error" data-chain="broken">{ Icon::Cross.html() }{ " " }{ match lang {
                    Lang::Zh => format!("记录链已被破坏（{at}）：有记录被修改、删除或插入。"),
                    Lang::En => format!("The chain is broken ({at}): an entry was edited, deleted or inserted."),
                } }</p> },
            } }
            </div>
            <div role="status" aria-live="polite" id="log-done">
            { match &*done {
                None => html! {},
                Some(Done::Refused(what)) => html! { <p class="alert error" role="alert" id="log-refused" data-what={*what}>{ Icon::Cross.html() }{ " " }{ lang.t(
                    "导出、清理和清空核验记录需要管理员登录。", "Exporting, pruning and clearing the log need an administrator to sign in.") }</p> },
                Some(Done::Exported(n)) => html! { <Alert tone={Tone::Ok}>{ match lang {
                    Lang::Zh => format!("已导出 {n} 条记录。"),
                    Lang::En => format!("{n} entries exported."),
                } }</Alert> },
                Some(Done::Pruned(n)) => html! { <Alert tone={Tone::Ok} id="log-pruned">{ match lang {
                    Lang::Zh => format!("已导出并清理第 {n} 条及之前的记录；日志中留有签名说明。"),
                    Lang::En => format!("Entries up to #{n} were exported and pruned; a signed note stays in the log."),
                } }</Alert> },
                Some(Done::NothingToPrune(d)) => html! { <Alert tone={Tone::Info}>{ match lang {
                    Lang::Zh => format!("没有 {d} 天前的记录。"),
                    Lang::En => format!("No entries are older than {d} days."),
                } }</Alert> },
                Some(Done::Failed(e)) => html! { <Alert tone={Tone::Error}>{ e.to_string() }</Alert> },
            } }
            </div>
            <CheckpointList kept={props.kept.clone()} />
        </>
    }
}
