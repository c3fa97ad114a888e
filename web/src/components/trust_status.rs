//! The trust data's state on every page: its age in the header, and the
//! notices that hold while the demo root is loaded or the site serves other
//! roots.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::Route;
use crate::services::clock;
use crate::state::app::{TrustState, use_app};

/// The age of the trust data, always visible in the header.
#[component]
pub fn TrustBadge() -> Html {
    let app = use_app();
    let TrustState::Ready(t) = &app.trust else {
        return html! {};
    };
    let s = t.bundle().summary(clock::now());
    // A stale status list only concerns its own licenses: the settings page
    // and each verification say so; the badge warns for the whole data.
    let warn = s.outdated || s.clock_behind;
    let text = app.lang.trust_age(&s);
    html! {
        <Link<Route> to={Route::Settings} classes={classes!("badge", warn.then_some("warn"))}>
            if warn { { crate::components::icons::Icon::Warning.html() }{ " " } }{ text }
        </Link<Route>>
    }
}

/// Notices every page carries while they hold: the demo root is loaded
/// (anyone can sign as it), or the site serves other roots than the ones
/// pinned on this device.
#[component]
pub fn TrustNotices() -> Html {
    let app = use_app();
    let TrustState::Ready(t) = &app.trust else {
        return html! {};
    };
    if !t.is_demo() && t.offered_roots.is_none() {
        return html! {};
    }
    html! {
        <section class="notices" aria-label={app.t("重要提示", "Notices")}>
        if t.is_demo() {
            <div class="demo-banner" role="note" data-testid="demo-banner">
                <strong>{ "演示数据" }</strong>{ " · " }
                { app.t("仅供演示，不得用于真实核验：演示根密钥由公开种子生成，任何人都能用它签名。",
                        "Demo data — not for real use: the demo root key derives from a public seed, so anyone can sign with it.") }
            </div>
        }
        if t.offered_roots.is_some() {
            <div class="alert error roots-changed" role="alert" data-testid="roots-changed">
                <strong>{ app.t("站点提供的根密钥已更改，本设备未采用。", "The site now serves other root keys: this device has not adopted them.") }</strong>
                { " " }
                { app.t("核验仍使用本设备固定的根密钥。若更换是管理员所为，请在“设置”页确认采用。",
                        "Verification still uses the roots pinned on this device. If an administrator made the change, adopt them on the settings page.") }
            </div>
        }
        </section>
    }
}
