//! 动态核验: the verifier's challenge for a live presentation (SPEC
//! section 13). When switched on it shows a fresh nonce (16 random bytes)
//! as a `ZZ1N:` QR code with its expiry; the holder's phone answers it, and
//! a verification made with it uses it up: the next one gets a new nonce.

use yew::prelude::*;
use zz_core::UnixTime;

use crate::services::clock;
use crate::state::app::use_app;
use crate::words::lang::Lang;

/// How long a challenge is shown before a new one replaces it (s).
pub const CHALLENGE_SECS: u64 = 300;

/// A challenge: its nonce and when it expires.
#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    pub nonce: Vec<u8>,
    pub expires: UnixTime,
}

impl Challenge {
    /// A new challenge: 16 bytes from the browser's CSPRNG.
    pub fn fresh() -> Option<Challenge> {
        let mut nonce = [0u8; 16];
        web_sys::window().and_then(|w| w.crypto().ok())?.get_random_values_with_u8_array(&mut nonce).ok()?;
        Some(Challenge { nonce: nonce.to_vec(), expires: clock::now().saturating_add_secs(CHALLENGE_SECS) })
    }

    /// The text of its QR code: `ZZ1N:` and the nonce in upper-case hex.
    pub fn text(&self) -> String {
        format!("ZZ1N:{}", zz_core::hex::hex(&self.nonce).to_uppercase())
    }
}

#[derive(Properties, PartialEq)]
pub struct ChallengeProps {
    /// The challenge in force (`None`: 动态核验 is off).
    pub challenge: Option<Challenge>,
    /// Switched on (a new challenge) or off.
    pub on_change: Callback<Option<Challenge>>,
    /// Draws the challenge's text as a QR code (the counter, in the second
    /// program, has the QR encoder; the verify page, in the first load,
    /// shows the code as text: the encoder is 20 KB).
    #[prop_or_default]
    pub qr: Option<Callback<String, Html>>,
}

/// The 动态核验 switch and, when on, the challenge to show the holder.
#[component]
pub fn LiveChallenge(props: &ChallengeProps) -> Html {
    let lang = use_app().lang;
    let toggle = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            on_change.emit(if on { Challenge::fresh() } else { None });
        })
    };
    // An expired challenge is replaced.
    {
        let (on_change, current) = (props.on_change.clone(), props.challenge.clone());
        use_effect_with(current.clone(), move |_| {
            let tick = current.map(|c| {
                gloo::timers::callback::Interval::new(5000, move || {
                    if clock::now() >= c.expires {
                        on_change.emit(Challenge::fresh());
                    }
                })
            });
            move || drop(tick)
        });
    }
    html! {
        <div class="live-challenge no-print">
            <label class="switch">
                <input type="checkbox" id="live-switch" checked={props.challenge.is_some()} onchange={toggle} />
                { " " }{ lang.t("动态核验（要求持证人现场亮证）", "Live check (the holder shows the license live)") }
            </label>
            if let Some(c) = &props.challenge {
                <div class="challenge" id="challenge" data-nonce={zz_core::hex::hex(&c.nonce)}>
                    <p>{ lang.t(
                        "请持证人在手机“我的证照”中点“亮证”，先扫描此核验码，再出示手机上的动态码。此码只用一次。",
                        "Ask the holder to open My licenses, tap Show live, scan this challenge, then show the code on the phone. It is used once.",
                    ) }</p>
                    if let Some(qr) = &props.qr { { qr.emit(c.text()) } }
                    <p><code id="challenge-text" class="challenge-text">{ c.text() }</code></p>
                    <p class="expires">{ match lang {
                        Lang::Zh => format!("有效至 {}", lang.instant(c.expires)),
                        Lang::En => format!("Valid until {}", lang.instant(c.expires)),
                    } }</p>
                </div>
            }
        </div>
    }
}
