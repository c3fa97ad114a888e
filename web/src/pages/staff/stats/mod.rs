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

mod charts;
mod sources;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use zz_log::stats::{self, Count, Filter};

use crate::components::alert::{Alert, Tone};
use crate::state::app::use_app;
use crate::words::lang::Lang;

use charts::{Chart, MatterChart};
use sources::{Opened, Sources};

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

#[component]
fn StatsView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let loaded =
        use_state(|| None::<(Result<crate::services::audit::Loaded, crate::services::audit::AuditError>, f64)>);
    let filter = use_state(Filter::default);
    // Exported logs opened instead of this device's.
    let files = use_state(|| None::<(Vec<Opened>, std::rc::Rc<Vec<zz_log::audit::Entry>>)>);
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
        bundle.as_ref().and_then(|t| t.bundle().matter(code)).map_or_else(|| code.to_owned(), |m| m.name.clone())
    };
    let type_name = |code: &str| -> String { bundle.as_ref().map_or(code, |t| t.type_name(code)).to_owned() };
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
            <Sources opened={files.as_ref().map(|(o, _)| o.clone())} on_opened={{
                let files = files.clone();
                Callback::from(move |f| files.set(f))
            }} />
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
