//! What every page shares: the app state (language, trust data, site,
//! who is signed in), the hook that reads it, and the trust data as a
//! property. Pages that need trust data wrap themselves in
//! [`crate::components::need_trust::NeedTrust`].

use std::rc::Rc;

use yew::prelude::*;

use crate::services::site::{Site, SiteOrigin};
use crate::services::storage;
use crate::services::trust::Trust;
use crate::state::events::{EVENT_LANG, EVENT_OPERATOR, EVENT_SITE, EVENT_TRUST, tell, telling};
use crate::words::lang::Lang;

/// The trust data as the app knows it.
#[derive(Clone)]
pub enum TrustState {
    Loading,
    Ready(Rc<Trust>),
    Failed(crate::services::trust::Refusal),
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
    pub site_from: SiteOrigin,
    pub set_site: Callback<(Rc<Site>, SiteOrigin)>,
    /// Who is signed in (see [`crate::services::accounts`]).
    pub operator: Option<zz_log::audit::Operator>,
    pub set_operator: Callback<Option<zz_log::audit::Operator>>,
}

impl AppState {
    pub fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.t(zh, en)
    }

    /// What a verification is asked for `matter` (and an applicant): the
    /// site's organisation goes with every one.
    pub fn usage(&self, matter: Option<String>, applicant: Option<String>) -> crate::workers::protocol::OwnedUsage {
        crate::workers::protocol::OwnedUsage { matter, org: self.site.org_code(), applicant, nonce: None }
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
        site_from: SiteOrigin::Nothing,
        set_site: Callback::noop(),
        operator: None,
        set_operator: Callback::noop(),
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

fn stored_lang() -> Lang {
    storage::lang().map_or(Lang::Zh, |s| Lang::from_code(&s))
}

/// The state of a program's root: the language, the site's configuration
/// (loaded first: nothing is verified without it), then the trust data;
/// what one program changes, the other follows.
#[hook]
pub fn use_root_state() -> AppState {
    let lang = use_state(stored_lang);
    let trust = use_state(|| TrustState::Loading);
    let site = use_state(|| (Rc::new(Site::default()), SiteOrigin::Nothing));
    let operator = use_state_eq(crate::services::session::current);
    // The session stored is taken once checked (see `session::restore`).
    let restore = {
        let operator = operator.clone();
        move || {
            let operator = operator.clone();
            wasm_bindgen_futures::spawn_local(async move {
                crate::services::session::restore(crate::services::audit::roster()).await;
                operator.set(crate::services::session::current());
            });
        }
    };
    let load_site = {
        let site = site.clone();
        move || {
            let site = site.clone();
            async move {
                let (s, from) = crate::services::site::load().await;
                site.set((Rc::new(s), from));
            }
        }
    };
    let load_trust = {
        let trust = trust.clone();
        move || {
            let trust = trust.clone();
            async move {
                trust.set(match crate::services::trust::load().await {
                    Ok(t) => TrustState::Ready(t),
                    Err(e) => TrustState::Failed(e),
                });
            }
        }
    };
    {
        let (load_site, load_trust, lang, restore) =
            (load_site.clone(), load_trust.clone(), lang.clone(), restore.clone());
        use_effect_with((), move |_| {
            restore();
            let (first_site, first_trust) = (load_site(), load_trust());
            wasm_bindgen_futures::spawn_local(async move {
                first_site.await;
                first_trust.await;
            });
            let follow = |event: &'static str, f: Box<dyn Fn()>| {
                gloo::events::EventListener::new(&gloo::utils::window(), event, move |_| {
                    if !telling() {
                        f();
                    }
                })
            };
            let listeners = [
                follow(EVENT_LANG, Box::new(move || lang.set(stored_lang()))),
                follow(EVENT_TRUST, Box::new(move || wasm_bindgen_futures::spawn_local(load_trust()))),
                follow(EVENT_SITE, Box::new(move || wasm_bindgen_futures::spawn_local(load_site()))),
                follow(EVENT_OPERATOR, Box::new(restore.clone())),
                // Another tab signed in or out.
                gloo::events::EventListener::new(&gloo::utils::window(), "storage", {
                    let restore = restore.clone();
                    move |_| restore()
                }),
                // A session whose setup entry was still being stored (by
                // the other program) when it was first checked.
                gloo::events::EventListener::new(&gloo::utils::window(), crate::services::audit::LOGGED, move |_| {
                    if crate::services::session::current().is_none() && crate::services::session::stored_any() {
                        restore();
                    }
                }),
            ];
            move || drop(listeners)
        });
    }
    // Every log entry carries the organisation and window in use.
    use_effect_with(site.0.clone(), |s| crate::services::audit::set_site(s));
    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.html_lang());
            }
        });
    }
    AppState {
        lang: *lang,
        trust: (*trust).clone(),
        set_lang: {
            let lang = lang.clone();
            Callback::from(move |l: Lang| {
                storage::set_lang(l.code());
                lang.set(l);
                tell(EVENT_LANG);
            })
        },
        set_trust: {
            let trust = trust.clone();
            Callback::from(move |t: Rc<Trust>| {
                trust.set(TrustState::Ready(t));
                tell(EVENT_TRUST);
            })
        },
        site: site.0.clone(),
        site_from: site.1,
        set_site: {
            let site = site.clone();
            Callback::from(move |s| {
                site.set(s);
                tell(EVENT_SITE);
            })
        },
        operator: (*operator).clone(),
        set_operator: {
            let operator = operator.clone();
            Callback::from(move |o| {
                operator.set(o);
                tell(EVENT_OPERATOR);
            })
        },
    }
}
