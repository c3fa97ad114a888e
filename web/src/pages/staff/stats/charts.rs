//! The statistics' charts: bars or columns drawn in SVG, each followed by
//! its numbers as a table; the use rate per matter.

use yew::prelude::*;
use zz_log::stats;

use crate::state::app::use_app;

use super::percent;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub head: [&'static str; 2],
    pub rows: Vec<(String, u64)>,
    /// Columns (days, hours) rather than rows of bars.
    #[prop_or(false)]
    pub vertical: bool,
}

/// A bar chart in SVG, then its numbers as a table.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
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
pub struct MatterProps {
    pub rows: Vec<(String, stats::MatterUse)>,
}

/// Per matter: e-licenses, paper originals and other exceptions as a
/// stacked bar, and the use rate (用证率).
#[component]
pub fn MatterChart(props: &MatterProps) -> Html {
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
