//! Which logs the statistics total: this device's, or logs exported from
//! other devices, each checked as `zz log verify` does.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::app::use_app;

/// Largest exported log opened, and most at once.
const MAX_FILE: f64 = 64.0 * 1024.0 * 1024.0;
const MAX_FILES: u32 = 20;

/// An exported log opened on this page: its device and how it checked.
#[derive(Clone, PartialEq)]
pub struct Opened {
    name: String,
    device: Option<String>,
    entries: usize,
    /// `Ok` when intact; otherwise why not (unreadable, or where it broke).
    check: Result<(), String>,
}

/// Reads and checks exported logs; their entries, together. The files of
/// one device (archives of pruned entries and the log after them, or the
/// same export twice) are checked as one log, each entry counted once; a
/// device whose files do not hold is listed, not counted.
async fn open_files(files: web_sys::FileList) -> (Vec<Opened>, Vec<zz_log::audit::Entry>) {
    use zz_log::audit;
    type Parts = Vec<(audit::Header, Vec<audit::Entry>)>;
    let mut opened: Vec<Opened> = Vec::new();
    let mut devices: Vec<(String, Parts, Vec<usize>)> = Vec::new();
    for i in 0..files.length().min(MAX_FILES) {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        if file.size() > MAX_FILE {
            opened.push(Opened { name, device: None, entries: 0, check: Err("> 64 MiB".into()) });
            continue;
        }
        let text = gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await.unwrap_or_default();
        match audit::parse(&text) {
            Err(e) => opened.push(Opened { name, device: None, entries: 0, check: Err(e.0) }),
            Ok((header, entries)) => {
                let device = header.device.clone();
                let row = opened.len();
                opened.push(Opened { name, device: Some(device.clone()), entries: entries.len(), check: Ok(()) });
                match devices.iter_mut().find(|d| d.0 == device) {
                    Some(d) => {
                        d.1.push((header, entries));
                        d.2.push(row);
                    }
                    None => devices.push((device, vec![(header, entries)], vec![row])),
                }
            }
        }
    }
    let why = |b: audit::Broken| b.n.map_or_else(|| b.why.clone(), |n| format!("#{n}: {}", b.why));
    let mut all = Vec::new();
    for (_, parts, rows) in devices {
        let joined = audit::join(parts.clone())
            .map_err(|e| e.0)
            .and_then(|(h, entries)| audit::verify(&h, &entries, None).map(|_| entries).map_err(why));
        match joined {
            Ok(entries) => all.extend(entries),
            // Together they do not hold: each file on its own, and those
            // that hold are counted (each entry once).
            Err(_) => {
                let mut good = Vec::new();
                for (part, row) in parts.into_iter().zip(rows) {
                    match audit::verify(&part.0, &part.1, None) {
                        Ok(_) => good.push(part),
                        Err(b) => {
                            if let Some(o) = opened.get_mut(row) {
                                o.check = Err(why(b));
                            }
                        }
                    }
                }
                if let Ok((_, entries)) = audit::join(good) {
                    all.extend(entries);
                }
            }
        }
    }
    (opened, all)
}

/// The logs opened and their entries together.
pub type Logs = (Vec<Opened>, Rc<Vec<zz_log::audit::Entry>>);

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    /// The exported logs opened, or none for this device's.
    pub opened: Option<Vec<Opened>>,
    /// Logs opened, or `None`: this device's again.
    pub on_opened: Callback<Option<Logs>>,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let lang = use_app().lang;
    let on_files = {
        let on_opened = props.on_opened.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let on_opened = on_opened.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (opened, all) = open_files(list).await;
                on_opened.emit(Some((opened, all.into())));
            });
        })
    };
    let this_device = {
        let on_opened = props.on_opened.clone();
        Callback::from(move |_| on_opened.emit(None))
    };
    html! {
    <div class="stats-source">
        <p>{ match &props.opened {
            None => lang.t("统计本设备的核验记录。主管可打开其他设备导出的日志（.jsonl，可多选），合并统计。",
                "Totals of this device's log. A supervisor can open logs exported from other devices (.jsonl, several at once) and see their totals together."),
            Some(_) => lang.t("统计打开的导出日志：", "Totals of the exported logs opened:"),
        } }</p>
        if let Some(opened) = &props.opened {
            <table class="stats-files" id="stats-files-table">
                <caption class="visually-hidden">{ lang.t("打开的日志", "Logs opened") }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t("文件", "File") }</th>
                    <th scope="col">{ lang.t("设备", "Device") }</th>
                    <th scope="col">{ lang.t("条目", "Entries") }</th>
                    <th scope="col">{ lang.t("校验", "Check") }</th>
                </tr></thead>
                <tbody>{ for opened.iter().map(|o| html! { <tr data-intact={o.check.is_ok().to_string()}>
                    <td>{ &o.name }</td>
                    <td><code>{ o.device.clone().unwrap_or_default() }</code></td>
                    <td>{ o.entries }</td>
                    <td>{ match &o.check {
                        Ok(()) => html! { <>{ crate::components::icons::Icon::Check.html() }{ " " }{ lang.t("完整", "intact") }</> },
                        Err(why) => html! { <>{ crate::components::icons::Icon::Cross.html() }{ " " }{ lang.t("已被破坏或无法读取，未计入：", "broken or unreadable, not counted: ") }{ why }</> },
                    } }</td>
                </tr> }) }</tbody>
            </table>
            <button type="button" class="button" id="stats-this-device" onclick={this_device}>{ lang.t("改为统计本设备", "Back to this device's log") }</button>
        }
        <label for="stats-files" class="button">{ lang.t("打开导出的日志…", "Open exported logs…") }</label>
        <input id="stats-files" type="file" multiple=true accept=".jsonl,application/jsonl,text/plain" class="visually-hidden-file" onchange={on_files} />
    </div>
    }
}
