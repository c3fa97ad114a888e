//! The kiosk's staff screen: a kiosk supervisor (or an administrator)
//! signs in to import trust data or leave kiosk mode; untouched for a
//! while, it goes back to self-service (signing out).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::services::session::Role;
use crate::state::app::{TrustProp, use_app};

/// Seconds the staff screen stays open untouched before it goes back to
/// self-service and signs out.
const STAFF_IDLE_SECONDS: u32 = 120;

#[derive(Properties, PartialEq)]
pub struct StaffProps {
    pub trust: TrustProp,
    /// Back to self-service, signing out whoever signed in here.
    pub on_back: Callback<()>,
}

#[component]
pub fn KioskStaff(props: &StaffProps) -> Html {
    let lang = use_app().lang;
    // Back (signing out) after a while untouched; the timer goes with the
    // screen.
    let idle = use_mut_ref(|| None::<Timeout>);
    let touch = {
        let (idle, go_back) = (idle.clone(), props.on_back.clone());
        Callback::from(move |()| {
            let go_back = go_back.clone();
            *idle.borrow_mut() = Some(Timeout::new(STAFF_IDLE_SECONDS * 1000, move || go_back.emit(())));
        })
    };
    {
        let touch = touch.clone();
        use_effect_with((), move |_| touch.emit(()));
    }
    // Leaving kiosk mode: logged, signed out, then the portal.
    let leave = Callback::from(|_| {
        if !crate::services::session::signed_in_as(Role::Supervisor) {
            return;
        }
        crate::services::audit::record(zz_log::Event::KioskLeft);
        crate::services::accounts::sign_out();
        wasm_bindgen_futures::spawn_local(async {
            crate::services::audit::settled().await;
            let location = gloo::utils::window().location();
            let path = location.pathname().unwrap_or_else(|_| "/".into());
            let _ = location.set_href(&format!("{path}#/"));
        });
    });
    html! {
        <div class="kiosk-staff" onclick={touch.reform(|_: MouseEvent| ())} onkeydown={touch.reform(|_: KeyboardEvent| ())}>
            <h1>{ lang.t("工作人员", "Staff") }</h1>
            <crate::components::gate::Gate need={Role::Supervisor} what={lang.t("更新信任数据和退出自助模式", "Updating trust data and leaving kiosk mode")}>
                <crate::components::gate::OperatorLine />
                <crate::components::trust_import::ImportBundle trust={props.trust.clone()} />
                <button type="button" class="button" id="leave-kiosk" onclick={leave}>{ lang.t("退出自助模式", "Leave kiosk mode") }</button>
            </crate::components::gate::Gate>
            <button type="button" class="button primary" id="back-to-kiosk" onclick={props.on_back.reform(|_: MouseEvent| ())}>{ lang.t("返回自助核验", "Back to self-service") }</button>
        </div>
    }
}
