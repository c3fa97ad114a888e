//! Verification: upload, drop or paste; the verdict in colour, icon and
//! words; the face drawn from the catalog template and the signed fields;
//! every check with its reason. The core decides; this page only shows.

mod face;
mod result;

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;
use zz_core::Report;

use crate::components::need_trust::NeedTrust;
use crate::services::trust::Trust;
use crate::services::verification::Source;
use crate::state::app::TrustProp;
use crate::state::app::use_app;

use result::ResultView;

#[component]
pub fn VerifyPage() -> Html {
    let app = use_app();
    let render = Callback::from(|t: Rc<Trust>| html! { <VerifyPanel trust={TrustProp(t)} /> });
    html! {
        <section>
            <h1>{ app.t("核验电子证照", "Verify an e-license") }</h1>
            <NeedTrust {render} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PanelProps {
    trust: TrustProp,
}

/// A verification and what was presented.
#[derive(PartialEq)]
struct Verified {
    pub report: Report,
    pub source: Source,
    /// An OFD file's page.
    pub page: Option<Rc<crate::workers::protocol::OfdPage>>,
    /// Bring the result into view and focus it: not when it is the same
    /// input verified again for another matter (focus stays on the chooser).
    pub focus: bool,
    /// Counts the verifications of this page (a new one is a new result).
    pub n: u64,
}

#[component]
fn VerifyPanel(props: &PanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let matter = use_state(String::new);
    let result = use_state(|| None::<Rc<Verified>>);

    let again = use_mut_ref(|| false);
    let count = use_mut_ref(|| 0u64);
    // 动态核验: the challenge in force, used once.
    let challenge = use_state(|| None::<crate::components::challenge::Challenge>);
    let on_challenge = {
        let challenge = challenge.clone();
        Callback::from(move |c| challenge.set(c))
    };
    let on_report = {
        let result = result.clone();
        let again = again.clone();
        let challenge = challenge.clone();
        Callback::from(move |p: crate::components::present::Presented| {
            if challenge.is_some() {
                challenge.set(crate::components::challenge::Challenge::fresh());
            }
            let focus = !again.replace(false);
            let n = {
                let mut c = count.borrow_mut();
                *c += 1;
                *c
            };
            result.set(Some(Rc::new(Verified { report: p.report, source: p.source, page: p.page, focus, n })));
        })
    };
    let on_matter = {
        let matter = matter.clone();
        let has_result = result.is_some();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            *again.borrow_mut() = has_result;
            matter.set(s.value());
        })
    };
    let announcement =
        result.as_ref().map(|r| crate::words::verdict::verdict_words(lang, &r.report).0.to_owned()).unwrap_or_default();
    let chooser = html! {
        <crate::components::present::MatterSelect id="matter" value={(*matter).clone()} onchange={on_matter}
            label={if app.site.may_verify_without_matter() { lang.t("办理事项（可选）", "Matter being handled (optional)") } else { lang.t("办理事项", "Matter being handled") }} />
    };
    html! {
        <>
        <crate::components::site_line::SiteLine />
        if matter.is_empty() && !app.site.may_verify_without_matter() {
            <div class="verify-inputs">
                { chooser }
                <p class="hint" id="choose-matter-first">{ lang.t("本机构仅在所办理的事项范围内用证：请先选择办理事项。", "This organisation uses licenses only for its matters: choose the matter first.") }</p>
            </div>
        } else {
            <crate::components::challenge::LiveChallenge challenge={(*challenge).clone()} on_change={on_challenge} />
            <crate::components::present::Present trust={props.trust.clone()}
                usage={crate::workers::protocol::OwnedUsage { nonce: challenge.as_ref().map(|c| c.nonce.clone()), ..app.usage((!matter.is_empty()).then(|| (*matter).clone()), None) }}
                {on_report} again_on_matter=true>
                { chooser }
            </crate::components::present::Present>
        }
        <div class="visually-hidden" role="status" aria-live="assertive" id="announce">{ announcement }</div>
        if let Some(r) = &*result {
            <ResultView verified={r.clone()} trust={props.trust.clone()} />
        }
        </>
    }
}
