//! What every page shares: the app state (language, trust data), the hook
//! that reads it, the trust data as a property, and the wrapper for pages
//! that need trust data.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::site::{From as SiteFrom, Site};
use crate::trust::Trust;

/// The trust data as the app knows it.
#[derive(Clone)]
pub enum TrustState {
    Loading,
    Ready(Rc<Trust>),
    Failed(crate::trust::Refusal),
}

impl PartialEq for TrustState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (TrustState::Loading, TrustState::Loading) => true,
            (TrustState::Ready(a), TrustState::Ready(b)) => Rc::ptr_eq(a, b),
            (TrustState::Failed(a), TrustState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// State shared by every page: language, trust data and the site's
/// configuration, in one place.
#[derive(Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub trust: TrustState,
    pub set_lang: Callback<Lang>,
    pub set_trust: Callback<Rc<Trust>>,
    /// The deployment's organisation, hall, window and matters.
    pub site: Rc<Site>,
    pub site_from: SiteFrom,
    pub set_site: Callback<(Rc<Site>, SiteFrom)>,
}

impl AppState {
    pub fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.t(zh, en)
    }

    /// What a verification is asked for `matter` (and an applicant): the
    /// site's organisation goes with every one.
    pub fn usage(&self, matter: Option<String>, applicant: Option<String>) -> zz_web::OwnedUsage {
        zz_web::OwnedUsage { matter, org: self.site.org_code(), applicant }
    }
}

/// The app state; every page is inside the provider.
#[hook]
pub fn use_app() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| AppState {
        lang: Lang::Zh,
        trust: TrustState::Loading,
        set_lang: Callback::noop(),
        set_trust: Callback::noop(),
        site: Rc::default(),
        site_from: SiteFrom::Nothing,
        set_site: Callback::noop(),
    })
}

/// Trust data as a property (compared by pointer).
#[derive(Clone)]
pub struct TrustProp(pub Rc<Trust>);

impl PartialEq for TrustProp {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

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
