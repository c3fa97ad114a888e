//! One way to present a license, for the verify page and the counter: the
//! camera on demand, a file or pasted text; what is presented is verified
//! by the core (with the matter in hand), recorded in the log, announced
//! with a sound, and handed to the page with where it came from.

pub mod camera;
pub mod input;

use std::rc::Rc;

use yew::prelude::*;
use zz_core::{Report, Verdict};

use crate::services::clock;
use crate::services::verification::{LastCode, Source};
use crate::state::app::{TrustProp, use_app};
use crate::workers::protocol::OfdPage;

/// Seconds during which the same code held before the camera is not
/// verified again.
const REPEAT_WINDOW: i64 = 30;

/// A verification of what was presented.
pub struct Presented {
    pub report: Report,
    pub source: Source,
    /// An OFD file's first page, drawn from what its signatures cover
    /// (none when the file is invalid).
    pub page: Option<Rc<OfdPage>>,
    /// The object verified (see [`crate::services::verification::Verification`]).
    pub object: Rc<Vec<u8>>,
}

#[derive(Properties, PartialEq)]
pub struct PresentProps {
    pub trust: TrustProp,
    /// What is being handled (matter, organisation, applicant), as given.
    pub usage: crate::workers::protocol::OwnedUsage,
    /// Each verification, with where the license came from.
    pub on_report: Callback<Presented>,
    /// A sound with every verdict (the counter), not only the camera's.
    #[prop_or(false)]
    pub sound_always: bool,
    /// Verify what was presented last again when the matter changes (the
    /// verify page). The counter starts a new case instead.
    #[prop_or(false)]
    pub again_on_matter: bool,
    /// Extra classes of the block (e.g. `no-print`).
    #[prop_or_default]
    pub class: Classes,
    /// Shown first in the block (the verify page's matter chooser).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Present(props: &PresentProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let camera = use_state(|| false);
    let last_code = use_mut_ref(LastCode::default);
    // What was presented last: verified again when the matter changes (if
    // asked), so that no verdict stays on screen for a matter it was not
    // made for; otherwise forgotten.
    let last_input = use_mut_ref(|| None::<(Vec<u8>, Source)>);
    let run = {
        let last_input = last_input.clone();
        let t = props.trust.0.clone();
        let usage = props.usage.clone();
        let on_report = props.on_report.clone();
        let sound_always = props.sound_always;
        Callback::from(move |(bytes, source): (Vec<u8>, Source)| {
            *last_input.borrow_mut() = Some((bytes.clone(), source.clone()));
            let on_report = on_report.clone();
            crate::services::verification::verify_presented(
                bytes,
                t.clone(),
                usage.clone(),
                Callback::from(move |v: crate::services::verification::Verification| {
                    if sound_always || source == Source::Camera {
                        crate::services::sound::beep(v.report.verdict == Verdict::Valid);
                    }
                    on_report.emit(Presented {
                        report: v.report,
                        source: source.clone(),
                        page: v.page,
                        object: v.object,
                    });
                }),
            );
        })
    };
    {
        let run = run.clone();
        let again_on_matter = props.again_on_matter;
        // Not when only the challenge's nonce changes: a challenge is used
        // once, and a new one must not verify the last input again.
        let usage = crate::workers::protocol::OwnedUsage { nonce: None, ..props.usage.clone() };
        use_effect_with(usage, move |_| {
            let last = last_input.borrow_mut().take();
            if let (Some(input), true) = (last, again_on_matter) {
                run.emit(input);
            }
        });
    }
    let on_codes = {
        let run = run.clone();
        Callback::from(move |codes: Vec<String>| {
            let Some(text) = last_code.borrow_mut().fresh(&codes, clock::now(), REPEAT_WINDOW) else { return };
            run.emit((text.into_bytes(), Source::Camera));
        })
    };
    let toggle_camera = {
        let camera = camera.clone();
        Callback::from(move |_| camera.set(!*camera))
    };
    html! {
        <div class={classes!("verify-inputs", props.class.clone())}>
            { props.children.clone() }
            <div class="scan-toggle">
                <button type="button" class="button" aria-pressed={camera.to_string()} onclick={toggle_camera}>
                    { crate::components::icons::Icon::Camera.html() }{ " " }
                    { if *camera { lang.t("关闭摄像头", "Stop the camera") } else { lang.t("用摄像头扫码", "Scan with the camera") } }
                </button>
            </div>
            if *camera {
                <crate::components::present::camera::Camera {on_codes} />
            }
            <crate::components::present::input::LicenseInput on_input={run} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MatterSelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The chosen matter's code, empty for none.
    pub value: String,
    pub onchange: Callback<Event>,
}

/// The matter being handled: the site's matters (only those in scoped
/// mode, where "no matter" is not offered), then the rest of the catalog.
#[component]
pub fn MatterSelect(props: &MatterSelectProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let crate::state::app::TrustState::Ready(t) = &app.trust else { return Html::default() };
    let none = if app.site.may_verify_without_matter() {
        lang.t("不指定事项", "No matter")
    } else {
        lang.t("请选择事项", "Choose the matter")
    };
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} onchange={props.onchange.clone()}>
                <option value="" selected={props.value.is_empty()}>{ none }</option>
                { for app.site.offered(&t.bundle().catalog.matters).into_iter().map(|m| html! {
                    <option value={m.code.clone()} selected={props.value == m.code}>{ format!("{}（{}）", m.name, m.code) }</option>
                }) }
            </select>
        </div>
    }
}
