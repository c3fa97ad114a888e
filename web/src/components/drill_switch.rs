//! The practice-mode switch of the counter.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::services::audit::{drill, set_drill};
use crate::state::app::use_app;

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
            <div class="check-field no-print">
                <input type="checkbox" id="drill" checked={*on} onchange={toggle} />
                <label for="drill">{ lang.t("模拟办事（练习，不计入统计）", "Drill (practice, left out of the statistics)") }</label>
            </div>
            if *on {
                <p class="alert warn" role="status" id="drill-on">{ lang.t("模拟办事中：本设备的记录标为模拟。", "Drill mode: this device's entries are marked as practice.") }</p>
            }
        </div>
    }
}
