//! The kiosk's verdict: very large, with what to do next and the
//! countdown back to waiting.

use std::rc::Rc;

use yew::prelude::*;
use zz_core::Report;

use crate::state::app::{TrustProp, use_app};
use crate::words::lang::Lang;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub report: Rc<Report>,
    pub trust: TrustProp,
    pub seconds: u32,
}

#[component]
pub fn KioskVerdict(props: &VerdictProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let r = &props.report;
    let (title, why) = crate::words::verdict::verdict_words(lang, r);
    let (icon, class) = (crate::components::icons::Icon::of_verdict(r.verdict).html(), r.verdict.as_str());
    let vouched = props.trust.0.vouched_by(r).map(|a| crate::words::verdict::vouched(lang, a));
    let next = crate::words::advice::Problem::of(r, props.trust.0.bundle_of(r))
        .map(|p| p.next_step(lang, crate::words::advice::Audience::Citizen));
    let purpose = r.annotation.as_ref().filter(|_| r.verified).map(|a| a.purpose.clone());
    // The countdown to waiting again, second by second.
    let left = use_state(|| props.seconds);
    {
        let left = left.clone();
        let total = props.seconds;
        use_effect_with(Rc::as_ptr(&props.report) as usize, move |_| {
            let started = js_sys::Date::now();
            left.set(total);
            let tick = gloo::timers::callback::Interval::new(1000, move || {
                let gone = ((js_sys::Date::now() - started) / 1000.0).round() as u32;
                left.set(total.saturating_sub(gone).max(1));
            });
            move || drop(tick)
        });
    }
    let what = r
        .license
        .as_ref()
        .filter(|_| r.verified)
        .map(|l| {
            let ty = props.trust.0.type_name(&l.type_code).to_owned();
            format!("{ty} · {}", zz_log::mask_name(&l.holder.name))
        })
        .unwrap_or_default();
    html! {
        <section class={classes!("kiosk-verdict", class)} data-verdict={r.verdict.as_str()} role="alert">
            <span class="icon" aria-hidden="true">{ icon }</span>
            <h1>{ title }</h1>
            <p class="why">{ why }</p>
            <p class="what">{ what }</p>
            if let Some(v) = vouched { <p class="vouched">{ v }</p> }
            if let Some(p) = purpose {
                <p class="purpose">{ lang.t("加注件用途：", "Purpose of this copy: ") }{ p }</p>
            }
            if let Some(n) = next {
                <p class="next-step">{ n }</p>
            }
            <p class="reset" aria-live="off">{ match lang {
                Lang::Zh => format!("{} 秒后返回", *left),
                Lang::En => format!("Back in {} seconds", *left),
            } }</p>
        </section>
    }
}
