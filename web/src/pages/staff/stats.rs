//! The statistics page (统计) for supervisors: this device's log totalled
//! by `zz_log::stats` — verifications by day and by hour, by verdict,
//! matter and license type, the e-license use rate per matter (用证率),
//! the undecided share, the checks that fail most. Each chart is drawn here
//! in SVG and followed by its numbers as a table; filters by date, window
//! and operator; CSV export. A supervisor can also open logs exported from
//! other devices (each checked as `zz log verify` does) and see their
//! totals together. Practice runs are left out. The time the
//! totals took is shown (`#stats-time`: `data-ms`, and `data-load-ms` for
//! reading the log), for the benchmark (`scripts/bench-browser.mjs`).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zz_log::stats::{self, Count, Filter};

use crate::components::alert::{Alert, Tone};
use crate::state::app::use_app;
use crate::words::lang::Lang;

#[component]
pub fn StatsPage() -> Html {
    let lang = use_app().lang;
    html! {
        <section class="stats">
            <h1>{ lang.t("用证统计", "Statistics") }</h1>
            <crate::components::gate::Gate need={crate::services::session::Role::Counter} what={lang.t("查看统计", "The statistics")}>
                <crate::components::gate::OperatorLine />
                <StatsView />
            </crate::components::gate::Gate>
        </section>
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{:.1}%", x * 100.0))
}

/// Largest exported log opened, and most at once.
const MAX_FILE: f64 = 64.0 * 1024.0 * 1024.0;
const MAX_FILES: u32 = 20;

/// An exported log opened on this page: its device and how it checked.
#[derive(Clone, PartialEq)]
struct Opened {
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

#[component]
fn StatsView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let loaded =
        use_state(|| None::<(Result<crate::services::audit::Loaded, crate::services::audit::AuditError>, f64)>);
    let filter = use_state(Filter::default);
    // Exported logs opened instead of this device's.
    let files = use_state(|| None::<(Vec<Opened>, std::rc::Rc<Vec<zz_log::audit::Entry>>)>);
    let on_files = {
        let files = files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let files = files.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (opened, all) = open_files(list).await;
                files.set(Some((opened, all.into())));
            });
        })
    };
    let this_device = {
        let files = files.clone();
        Callback::from(move |_| files.set(None))
    };
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let started = now_ms();
                let l = crate::services::audit::load().await;
                loaded.set(Some((l, now_ms() - started)));
            });
        });
    }
    let (entries, load_ms) = match &*loaded {
        None => {
            return html! { <p class="loading" role="status">{ lang.t("正在读取核验记录…", "Reading the log…") }</p> };
        }
        Some((Err(e), _)) => return html! { <Alert tone={Tone::Error} urgent=true>{ e.to_string() }</Alert> },
        Some((Ok(l), ms)) => match &*files {
            Some((_, all)) => (all.clone(), *ms),
            None => (l.entries.clone(), *ms),
        },
    };
    let today = stats::day_of(crate::services::clock::now().as_secs());
    let started = now_ms();
    let t = stats::compute(&entries, &filter, today);
    let ms = now_ms() - started;
    let bundle = match &app.trust {
        crate::state::app::TrustState::Ready(t) => Some(t.clone()),
        _ => None,
    };
    let matter_name = |code: &str| -> String {
        if code.is_empty() {
            return lang.t("（未选事项）", "(no matter)").to_owned();
        }
        bundle.as_ref().and_then(|t| t.bundle.matter(code)).map_or_else(|| code.to_owned(), |m| m.name.clone())
    };
    let type_name = |code: &str| -> String { bundle.as_ref().map_or(code, |t| t.bundle.type_name(code)).to_owned() };
    let check_name = |id: &str| -> String {
        zz_core::CheckId::from_id(id).map_or(id, |c| lang.t(c.title_zh(), c.title_en())).to_owned()
    };
    let set = |f: fn(&mut Filter, String)| {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()))
                .unwrap_or_default();
            let mut next = (*filter).clone();
            f(&mut next, v);
            filter.set(next);
        })
    };
    let export = {
        let t = t.clone();
        Callback::from(move |_| {
            crate::services::download::download("zz-statistics.csv", "text/csv", &stats::to_csv(&t))
        })
    };
    let day_value = |d: Option<i64>| d.map(stats::date_of_day).unwrap_or_default();
    let days: Vec<(String, u64)> =
        t.days.iter().map(|d| (d.key.get(5..).unwrap_or_default().to_owned(), d.count)).collect();
    let hours: Vec<(String, u64)> = t.hours.iter().enumerate().map(|(h, c)| (format!("{h}"), *c)).collect();
    let verdicts = [
        (crate::words::verdict::verdict_label(lang, zz_core::Verdict::Valid).to_owned(), t.valid),
        (crate::words::verdict::verdict_label(lang, zz_core::Verdict::Invalid).to_owned(), t.invalid),
        (crate::words::verdict::verdict_label(lang, zz_core::Verdict::Indeterminate).to_owned(), t.indeterminate),
    ];
    let named = |v: &[Count], name: &dyn Fn(&str) -> String| -> Vec<(String, u64)> {
        v.iter().map(|c| (name(&c.key), c.count)).collect()
    };
    let types = named(&t.types, &type_name);
    let failing = named(&t.failing, &check_name);
    html! {
        <div class="stats-view">
            <div class="stats-source">
                <p>{ match &*files {
                    None => lang.t("统计本设备的核验记录。主管可打开其他设备导出的日志（.jsonl，可多选），合并统计。",
                        "Totals of this device's log. A supervisor can open logs exported from other devices (.jsonl, several at once) and see their totals together."),
                    Some(_) => lang.t("统计打开的导出日志：", "Totals of the exported logs opened:"),
                } }</p>
                if let Some((opened, _)) = &*files {
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
            <form class="search stats-filters" aria-label={lang.t("筛选", "Filters")} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field"><label for="stats-from">{ lang.t("起始日期", "From") }</label>
                    <input id="stats-from" type="date" value={day_value(filter.from)} onchange={set(|f, v| f.from = stats::day_of_date(&v))} /></div>
                <div class="field"><label for="stats-to">{ lang.t("截止日期", "To") }</label>
                    <input id="stats-to" type="date" value={day_value(filter.to)} onchange={set(|f, v| f.to = stats::day_of_date(&v))} /></div>
                <div class="field"><label for="stats-window">{ lang.t("窗口", "Window") }</label>
                    <select id="stats-window" onchange={set(|f, v| f.window = (!v.is_empty()).then_some(v))}>
                        <option value="" selected={filter.window.is_none()}>{ lang.t("全部", "All") }</option>
                        { for t.windows.iter().map(|w| html! { <option value={w.clone()} selected={filter.window.as_ref() == Some(w)}>{ w }</option> }) }
                    </select></div>
                <div class="field"><label for="stats-operator">{ lang.t("操作人员", "Operator") }</label>
                    <select id="stats-operator" onchange={set(|f, v| f.operator = (!v.is_empty()).then_some(v))}>
                        <option value="" selected={filter.operator.is_none()}>{ lang.t("全部", "All") }</option>
                        { for t.operators.iter().map(|(number, name)| html! {
                            <option value={number.clone()} selected={filter.operator.as_ref() == Some(number)}>{ format!("{number} {name}") }</option>
                        }) }
                    </select></div>
                <button type="button" class="button" id="stats-csv" onclick={export}>{ lang.t("导出 CSV", "Export CSV") }</button>
            </form>
            <p class="meta" id="stats-time" data-ms={format!("{ms:.1}")} data-load-ms={format!("{load_ms:.1}")} data-entries={entries.len().to_string()}>{ match lang {
                Lang::Zh => format!("统计了 {} 条记录，用时 {:.0} 毫秒；模拟办事 {} 条未计入。", entries.len(), ms, t.drills),
                Lang::En => format!("{} entries totalled in {:.0} ms; {} drill entries left out.", entries.len(), ms, t.drills),
            } }</p>
            <dl class="stats-cards" id="stats-summary">
                <div><dt>{ lang.t("核验次数", "Verifications") }</dt><dd data-stat="verifications">{ t.verifications }</dd></div>
                <div><dt>{ lang.t("有效", "Valid") }</dt><dd data-stat="valid">{ t.valid }</dd></div>
                <div><dt>{ lang.t("无效", "Invalid") }</dt><dd data-stat="invalid">{ t.invalid }</dd></div>
                <div><dt>{ lang.t("无法确认占比", "Undecided share") }</dt><dd data-stat="undecided">{ percent(t.undecided_share()) }</dd></div>
                <div><dt>{ lang.t("用证率", "E-license use rate") }</dt><dd data-stat="use-rate">{ percent(t.use_rate()) }</dd></div>
            </dl>
            <Chart id="by-day" title={lang.t("近 30 天每日核验次数", "Verifications per day, last 30 days")}
                head={[lang.t("日期", "Day"), lang.t("核验次数", "Verifications")]} rows={days} vertical=true />
            <Chart id="by-hour" title={lang.t("按时段（时）核验次数", "Verifications by hour of day")}
                head={[lang.t("时", "Hour"), lang.t("核验次数", "Verifications")]} rows={hours} vertical=true />
            <Chart id="by-verdict" title={lang.t("按结论", "By verdict")}
                head={[lang.t("结论", "Verdict"), lang.t("次数", "Count")]} rows={verdicts.to_vec()} />
            <MatterChart rows={t.matters.iter().map(|m| (matter_name(&m.matter), m.clone())).collect::<Vec<_>>()} />
            <Chart id="by-type" title={lang.t("按证照类型", "By license type")}
                head={[lang.t("证照类型", "License type"), lang.t("核验次数", "Verifications")]} rows={types} />
            <Chart id="failing" title={lang.t("最常未通过的检查项", "Checks that fail most")}
                head={[lang.t("检查项", "Check"), lang.t("次数", "Count")]} rows={failing} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    id: AttrValue,
    title: AttrValue,
    head: [&'static str; 2],
    rows: Vec<(String, u64)>,
    /// Columns (days, hours) rather than rows of bars.
    #[prop_or(false)]
    vertical: bool,
}

/// A bar chart in SVG, then its numbers as a table.
#[component]
fn Chart(props: &ChartProps) -> Html {
    let lang = use_app().lang;
    let max = props.rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    let n = props.rows.len();
    let chart = if n == 0 {
        html! { <p class="meta">{ lang.t("暂无数据。", "No data.") }</p> }
    } else if props.vertical {
        let (w, h, bw) = (640.0, 160.0, 620.0 / n as f64);
        let step = n.div_ceil(10).max(1);
        html! {
            <svg class="chart columns" viewBox={format!("-10 0 {w} {}", h + 20.0)} role="img" aria-label={props.title.clone()}>
                <line x1="0" y1={h.to_string()} x2="620" y2={h.to_string()} class="axis" />
                { for props.rows.iter().enumerate().map(|(i, (label, v))| {
                    let bh = (*v as f64 / max) * (h - 14.0);
                    let x = i as f64 * bw;
                    html! { <g>
                        <rect class="bar" x={format!("{:.1}", x + bw * 0.15)} y={format!("{:.1}", h - bh)} width={format!("{:.1}", bw * 0.7)} height={format!("{bh:.1}")}><title>{ format!("{label}: {v}") }</title></rect>
                        if *v > 0 && n <= 31 { <text x={format!("{:.1}", x + bw / 2.0)} y={format!("{:.1}", h - bh - 3.0)} class="value">{ v }</text> }
                        if i % step == 0 { <text x={format!("{:.1}", x + bw / 2.0)} y={format!("{:.1}", h + 14.0)} class="label">{ label }</text> }
                    </g> }
                }) }
            </svg>
        }
    } else {
        let (w, bh) = (640.0, 22.0);
        let h = bh * n as f64;
        html! {
            <svg class="chart" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={props.title.clone()}>
                { for props.rows.iter().enumerate().map(|(i, (label, v))| {
                    let bw = (*v as f64 / max) * (w - 260.0);
                    let y = i as f64 * bh;
                    html! { <g>
                        <text x="0" y={format!("{:.1}", y + bh * 0.7)} class="label">{ shorten(label, 14) }</text>
                        <rect class="bar" x="200" y={format!("{:.1}", y + 3.0)} width={format!("{bw:.1}")} height={format!("{:.1}", bh - 6.0)}><title>{ format!("{label}: {v}") }</title></rect>
                        <text x={format!("{:.1}", 206.0 + bw)} y={format!("{:.1}", y + bh * 0.7)} class="value">{ v }</text>
                    </g> }
                }) }
            </svg>
        }
    };
    html! {
        <figure class="stats-chart" id={props.id.clone()}>
            <figcaption><h2>{ props.title.clone() }</h2></figcaption>
            { chart }
            if n > 0 {
                <details>
                    <summary>{ lang.t("数据表", "Table") }</summary>
                    <table>
                        <caption class="visually-hidden">{ props.title.clone() }</caption>
                        <thead><tr><th scope="col">{ props.head[0] }</th><th scope="col">{ props.head[1] }</th></tr></thead>
                        <tbody>{ for props.rows.iter().map(|(k, v)| html! { <tr><th scope="row">{ k }</th><td>{ v }</td></tr> }) }</tbody>
                    </table>
                </details>
            }
        </figure>
    }
}

fn shorten(s: &str, chars: usize) -> String {
    if s.chars().count() <= chars {
        return s.to_owned();
    }
    format!("{}…", s.chars().take(chars - 1).collect::<String>())
}

#[derive(Properties, PartialEq)]
struct MatterProps {
    rows: Vec<(String, stats::MatterUse)>,
}

/// Per matter: e-licenses, paper originals and other exceptions as a
/// stacked bar, and the use rate (用证率).
#[component]
fn MatterChart(props: &MatterProps) -> Html {
    let lang = use_app().lang;
    let title = lang.t(
        "按事项：电子证照、纸质证照与其他例外（用证率）",
        "By matter: e-licenses, paper and other exceptions (use rate)",
    );
    let max = props.rows.iter().map(|(_, m)| m.e_license + m.paper + m.other).max().unwrap_or(0).max(1) as f64;
    let (w, bh) = (640.0, 24.0);
    let h = bh * props.rows.len() as f64;
    let scale = |v: u64| v as f64 / max * (w - 300.0);
    html! {
        <figure class="stats-chart" id="by-matter">
            <figcaption><h2>{ title }</h2>
                <p class="legend"><span class="key e"></span>{ lang.t("电子证照", "E-license") }
                    <span class="key p"></span>{ lang.t("纸质证照", "Paper") }
                    <span class="key o"></span>{ lang.t("其他例外", "Other exceptions") }</p>
            </figcaption>
            if props.rows.is_empty() {
                <p class="meta">{ lang.t("暂无数据。", "No data.") }</p>
            } else {
                <svg class="chart" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={title}>
                    { for props.rows.iter().enumerate().map(|(i, (name, m))| {
                        let y = i as f64 * bh;
                        let (e, p, o) = (scale(m.e_license), scale(m.paper), scale(m.other));
                        html! { <g>
                            <text x="0" y={format!("{:.1}", y + bh * 0.7)} class="label">{ shorten(name, 14) }</text>
                            <rect class="bar e" x="200" y={format!("{:.1}", y + 3.0)} width={format!("{e:.1}")} height={format!("{:.1}", bh - 6.0)} />
                            <rect class="bar p" x={format!("{:.1}", 200.0 + e)} y={format!("{:.1}", y + 3.0)} width={format!("{p:.1}")} height={format!("{:.1}", bh - 6.0)} />
                            <rect class="bar o" x={format!("{:.1}", 200.0 + e + p)} y={format!("{:.1}", y + 3.0)} width={format!("{o:.1}")} height={format!("{:.1}", bh - 6.0)} />
                            <text x={format!("{:.1}", 206.0 + e + p + o)} y={format!("{:.1}", y + bh * 0.7)} class="value">{ percent(m.use_rate()) }</text>
                        </g> }
                    }) }
                </svg>
                <details>
                    <summary>{ lang.t("数据表", "Table") }</summary>
                    <table>
                        <caption class="visually-hidden">{ title }</caption>
                        <thead><tr>
                            <th scope="col">{ lang.t("事项", "Matter") }</th>
                            <th scope="col">{ lang.t("核验次数", "Verifications") }</th>
                            <th scope="col">{ lang.t("电子证照", "E-license") }</th>
                            <th scope="col">{ lang.t("纸质证照", "Paper") }</th>
                            <th scope="col">{ lang.t("其他例外", "Other exceptions") }</th>
                            <th scope="col">{ lang.t("用证率", "Use rate") }</th>
                        </tr></thead>
                        <tbody>{ for props.rows.iter().map(|(name, m)| html! { <tr data-matter={m.matter.clone()}>
                            <th scope="row">{ name }</th><td>{ m.verifications }</td><td>{ m.e_license }</td>
                            <td>{ m.paper }</td><td>{ m.other }</td><td>{ percent(m.use_rate()) }</td>
                        </tr> }) }</tbody>
                    </table>
                </details>
            }
        </figure>
    }
}
