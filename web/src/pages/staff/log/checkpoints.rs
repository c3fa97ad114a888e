//! The checkpoints signed on this device, to keep elsewhere.

use yew::prelude::*;
use zz_core::UnixTime;
use zz_log::audit;

use crate::components::qr_code::qr_svg;
use crate::services::download::download;
use crate::state::app::use_app;
use crate::words::lang::Lang;

pub fn download_checkpoint(c: &audit::Checkpoint) {
    let name = format!("zz-checkpoint-{}-{}.json", c.device, c.n);
    download(&name, "application/json", &serde_json::to_string_pretty(c).unwrap_or_default());
}

#[derive(Properties, PartialEq)]
pub struct CheckpointProps {
    pub kept: Vec<audit::Checkpoint>,
}

/// The checkpoints signed here, newest first: each to download, or to show
/// as a QR code that a supervisor photographs or scans elsewhere.
#[component]
pub fn CheckpointList(props: &CheckpointProps) -> Html {
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
