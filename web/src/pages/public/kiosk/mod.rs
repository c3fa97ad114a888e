//! Kiosk mode (`?kiosk` in the URL): full screen, the camera always on, a
//! very large verdict with sound, back to waiting after a few seconds, no
//! way to navigate out, the trust data's age always shown. Behind the
//! "staff" button a kiosk supervisor (or an administrator) signs in to
//! import a bundle file (a USB stick) or leave kiosk mode; going back
//! signs them out.

mod staff;
mod verdict;

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;
use zz_core::{Report, Verdict};

use crate::components::need_trust::NeedTrust;
use crate::services::clock;
use crate::services::trust::Trust;
use crate::state::app::TrustProp;
use crate::state::app::use_app;

use staff::KioskStaff;
use verdict::KioskVerdict;

/// Seconds a verdict stays on screen (`?kiosk&reset=N` changes it).
const RESET_SECONDS: u32 = 8;

/// Whether the page was opened in kiosk mode.
pub fn requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| s.trim_start_matches('?').split('&').any(|p| p == "kiosk" || p.starts_with("kiosk=")))
}

fn reset_seconds() -> u32 {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| s.trim_start_matches('?').split('&').find_map(|p| p.strip_prefix("reset=").map(str::to_owned)))
        .and_then(|v| v.parse().ok())
        .filter(|&n: &u32| (1..=600).contains(&n))
        .unwrap_or(RESET_SECONDS)
}

#[component]
pub fn KioskApp() -> Html {
    let render = Callback::from(|t: Rc<Trust>| html! { <Kiosk trust={TrustProp(t)} /> });
    html! { <main id="main" class="kiosk"><NeedTrust {render} /></main> }
}

#[derive(Properties, PartialEq)]
struct Props {
    trust: TrustProp,
}

#[derive(Clone, PartialEq)]
enum Screen {
    Waiting,
    Verdict(Rc<Report>),
    Staff,
}

#[component]
fn Kiosk(props: &Props) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = props.trust.0.clone();
    let screen = use_state(|| Screen::Waiting);
    let timer = use_mut_ref(|| None::<Timeout>);
    // The prompt to hold a code up is shown only while the camera works.
    let camera_works = use_state(|| true);
    let last = use_mut_ref(crate::services::verification::LastCode::default);
    // What was presented (a code held up, or a file chosen) goes the same
    // path as on the verify page and the counter: the core verifies, the
    // log records; the verdict shows until the reset.
    // Each input is numbered: a result that arrives after a newer input
    // (a slow OFD file, then a code) or after the staff screen opened is
    // dropped.
    let generation = use_mut_ref(|| 0u64);
    let present = {
        let (screen, timer, last, t, generation) =
            (screen.clone(), timer.clone(), last.clone(), t.clone(), generation.clone());
        Callback::from(move |bytes: Vec<u8>| {
            let (screen, timer, last, generation) = (screen.clone(), timer.clone(), last.clone(), generation.clone());
            let mine = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            crate::services::verification::verify_presented(
                bytes,
                t.clone(),
                crate::workers::protocol::OwnedUsage::default(),
                Callback::from(move |v: crate::services::verification::Verification| {
                    if *generation.borrow() != mine {
                        return;
                    }
                    let report = v.report;
                    crate::services::sound::beep(report.verdict == Verdict::Valid);
                    screen.set(Screen::Verdict(Rc::new(report)));
                    let back = screen.clone();
                    let last = last.clone();
                    *timer.borrow_mut() = Some(Timeout::new(reset_seconds() * 1000, move || {
                        last.borrow_mut().restart(clock::now());
                        back.set(Screen::Waiting);
                    }));
                }),
            );
        })
    };
    let on_codes = {
        let (screen, last, present) = (screen.clone(), last.clone(), present.clone());
        Callback::from(move |codes: Vec<String>| {
            // A new code replaces a verdict at once; the one just read,
            // still held up, is not read again (`fresh`).
            if *screen == Screen::Staff {
                return;
            }
            // The code still held up after the reset is not read again.
            let now = clock::now();
            let Some(text) = last.borrow_mut().fresh(&codes, now, i64::from(reset_seconds()) + 5) else { return };
            present.emit(text.into_bytes());
        })
    };
    // A file (an OFD e-license from a USB stick or a phone): no paste box,
    // no drop zone, one button.
    let on_file = {
        let (screen, present) = (screen.clone(), present.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            let Some(file) = file.filter(|f| f.size() <= zz_ofd::package::MAX_ARCHIVE as f64) else { return };
            // A new file replaces the verdict shown at once.
            if *screen == Screen::Staff {
                return;
            }
            let present = present.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(bytes) = gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
                    present.emit(bytes);
                }
            });
        })
    };
    let staff = {
        let (screen, generation) = (screen.clone(), generation.clone());
        Callback::from(move |_| {
            // What is still being verified is not shown over the staff screen.
            *generation.borrow_mut() += 1;
            screen.set(Screen::Staff)
        })
    };
    // Back to the citizens: whoever signed in here is signed out.
    let go_back = {
        let (screen, set_operator) = (screen.clone(), app.set_operator.clone());
        Callback::from(move |()| {
            if crate::services::session::current().is_some() {
                crate::services::accounts::sign_out();
                set_operator.emit(None);
            }
            screen.set(Screen::Waiting)
        })
    };
    // A kiosk is unattended: no one stays signed in on it.
    {
        let set_operator = app.set_operator.clone();
        use_effect_with((), move |_| {
            if crate::services::session::current().is_some() {
                crate::services::accounts::sign_out();
                set_operator.emit(None);
            }
        });
    }
    let summary = t.bundle().summary(clock::now());
    let warn = summary.outdated || summary.clock_behind;
    let fullscreen = Callback::from(|_| {
        if let Some(el) = gloo::utils::document().document_element()
            && gloo::utils::document().fullscreen_element().is_none()
        {
            let _ = el.request_fullscreen();
        }
    });
    html! {
        <div class="kiosk-screen" onclick={fullscreen} oncontextmenu={Callback::from(|e: MouseEvent| e.prevent_default())}>
            { match &*screen {
                Screen::Waiting | Screen::Verdict(_) => html! {
                    <>
                    <div class={classes!("kiosk-camera", matches!(*screen, Screen::Verdict(_)).then_some("behind"))}>
                        <crate::components::present::camera::Camera on_codes={on_codes} controls={false} upload_offered={false}
                            on_working={{ let c = camera_works.clone(); Callback::from(move |ok| c.set(ok)) }} />
                    </div>
                    if let Screen::Verdict(r) = &*screen {
                        <KioskVerdict report={r.clone()} trust={props.trust.clone()} seconds={reset_seconds()} />
                    } else if *camera_works {
                        <div role="status"><h1 class="kiosk-prompt">{ lang.t("请将电子证照二维码对准摄像头", "Hold the e-license QR code up to the camera") }</h1></div>
                    }
                    // Under a verdict too: the next person's file is taken at once.
                    <div class="kiosk-file">
                        <label for="kiosk-file" class="button">{ lang.t("或选择电子证照文件（.ofd、.zzl）", "Or choose an e-license file (.ofd, .zzl)") }</label>
                        <input id="kiosk-file" type="file" accept=".ofd,.zzl,.txt,application/ofd,application/octet-stream,text/plain"
                            class="visually-hidden-file" onchange={on_file} />
                    </div>
                    </>
                },
                Screen::Staff => html! { <KioskStaff trust={props.trust.clone()} on_back={go_back.clone()} /> },
            } }
            <footer class={classes!("kiosk-footer", warn.then_some("warn"))}>
                <span>
                    if warn { { crate::components::icons::Icon::Warning.html() }{ " " } }{ lang.trust_age(&summary) }
                    { if summary.outdated { lang.t(" · 已过更新时间", " · past its update") } else { "" } }
                </span>
                if matches!(*screen, Screen::Waiting) {
                    <button type="button" class="kiosk-staff-button" onclick={staff}>{ lang.t("工作人员", "Staff") }</button>
                }
            </footer>
        </div>
    }
}
