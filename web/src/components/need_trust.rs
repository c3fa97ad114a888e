//! The wrapper of pages that need trust data.

use std::rc::Rc;

use yew::prelude::*;

use crate::services::trust::Trust;
use crate::state::app::{TrustState, use_app};

/// A page that needs trust data: shows loading or the error until ready.
#[derive(Properties, PartialEq)]
pub struct NeedTrustProps {
    pub render: Callback<Rc<Trust>, Html>,
}

#[component]
pub fn NeedTrust(props: &NeedTrustProps) -> Html {
    let app = use_app();
    match &app.trust {
        TrustState::Loading => {
            html! { <p class="loading" role="status">{ app.t("正在加载信任数据…", "Loading trust data…") }</p> }
        }
        TrustState::Failed(e) => html! {
            <div class="alert error" role="alert">
                <p><strong>{ app.t("无法加载信任数据，不能核验。", "The trust data could not be loaded: nothing can be verified.") }</strong></p>
                <p>{ app.t(&e.zh, &e.en) }</p>
            </div>
        },
        TrustState::Ready(t) => props.render.emit(t.clone()),
    }
}
