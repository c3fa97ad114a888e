//! 我的证照 (`#/wallet`): the citizen's wallet (SPEC section 13). Licenses
//! are added from a file or pasted text, kept on this device and listed
//! with their status as last verified; "绑定本机" shows this device's key
//! for the issuer to bind; "亮证" shows a bound license as a live code,
//! signed again every 20 s, full screen, optionally answering the
//! counter's challenge (`ZZ1N:`, scanned or typed). Loaded with the second program (not in
//! the portal's first load).

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use zz_core::{Kind, Report, Verdict};

use crate::components::alert::{Alert, Tone};
use crate::components::need_trust::NeedTrust;
use crate::components::present::camera::Camera;
use crate::services::clock;
use crate::services::trust::Trust;
use crate::services::wallet::{self, Kept, REFRESH_SECS};
use crate::state::app::use_app;
use crate::words::lang::Lang;

#[component]
pub fn WalletPage() -> Html {
    let app = use_app();
    let render = Callback::from(|t: Rc<Trust>| html! { <Wallet trust={crate::state::app::TrustProp(t)} /> });
    html! {
        <section class="wallet">
            <h1>{ app.t("我的证照", "My licenses") }</h1>
            <p class="lead">{ app.t(
                "证照保存在本机，不上传。已绑定本机的证照可以“亮证”：手机现场生成动态码，每 20 秒刷新，截图无效。",
                "Licenses are kept on this device and never uploaded. A license bound to this device can be shown live: the phone makes a code that changes every 20 s, so a screenshot does not count.",
            ) }</p>
            <NeedTrust {render} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WalletProps {
    trust: crate::state::app::TrustProp,
}

/// A license kept, as read for the list.
struct Entry {
    kept: Kept,
    report: Report,
}

fn read(t: &Trust, kept: Kept) -> Entry {
    let ctx = zz_core::Context::among(&t.authorities, clock::now());
    let report = zz_core::verify(&kept.bytes(), ctx);
    Entry { kept, report }
}

/// The verdict the wallet shows its holder: a bound license kept here is
/// the holder's own, not a copy shown to someone, so the `holder-binding`
/// warning (a bare bound license) does not make it "cannot be confirmed".
fn own_verdict(r: &Report) -> Verdict {
    use zz_core::{CheckId, Outcome};
    let only_copy = r.verdict == Verdict::Indeterminate
        && r.outcome(CheckId::Status) == Outcome::Pass
        && r.checks.iter().all(|c| {
            c.outcome != Outcome::Warn
                || c.id == CheckId::HolderBinding
                || c.id == CheckId::LicenseValidity
                || c.id == CheckId::Bundle
        });
    if only_copy { Verdict::Valid } else { r.verdict }
}

#[component]
fn Wallet(props: &WalletProps) -> Html {
    let lang = use_app().lang;
    let t = props.trust.0.clone();
    let list = use_state(Vec::<Kept>::new);
    let key = use_state(|| None::<Result<Rc<wallet::WalletKey>, String>>);
    let message = use_state(|| None::<(Tone, String)>);
    let live = use_state(|| None::<usize>);
    let scanning = use_state(|| false);
    // The entries whose holder is shown unmasked (the holder asked).
    let revealed = use_state(std::collections::BTreeSet::<usize>::new);
    let paste = use_node_ref();
    {
        let (list, key) = (list.clone(), key.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                list.set(wallet::licenses().await);
                key.set(Some(wallet::key().await.map(Rc::new)));
            });
        });
    }
    // Adds what was given: a license original (file or ZZ1: text).
    let add = {
        let (t, list, message) = (t.clone(), list.clone(), message.clone());
        Callback::from(move |bytes: Vec<u8>| {
            let now = clock::now();
            let r = zz_core::verify(&bytes, zz_core::Context::among(&t.authorities, now));
            let cose = zz_core::transport::decode_input(&bytes).map(|d| d.cose.into_owned()).ok();
            let (list, message) = (list.clone(), message.clone());
            match (r.kind, cose) {
                (Some(Kind::License), Some(cose)) if r.presentation.is_none() => {
                    let verdict = own_verdict(&r);
                    wasm_bindgen_futures::spawn_local(async move {
                        match wallet::keep(&cose, verdict, now).await {
                            Ok(l) => {
                                list.set(l);
                                message.set(Some((
                                    Tone::Ok,
                                    lang.t("已添加到本机。", "Added to this device.").to_owned(),
                                )));
                            }
                            Err(e) => message.set(Some((Tone::Error, e))),
                        }
                    });
                }
                _ => message.set(Some((
                    Tone::Error,
                    lang.t(
                        "这不是证照原件（只能添加证照原件：.zzl 文件或 ZZ1: 文本）。",
                        "This is not a license original (add a .zzl file or ZZ1: text).",
                    )
                    .to_owned(),
                ))),
            }
        })
    };
    let on_file = {
        let add = add.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let add = add.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(bytes) = gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
                    add.emit(bytes);
                }
            });
        })
    };
    let on_paste = {
        let (add, paste) = (add.clone(), paste.clone());
        Callback::from(move |_| {
            if let Some(area) = paste.cast::<HtmlTextAreaElement>() {
                add.emit(area.value().into_bytes());
                area.set_value("");
            }
        })
    };
    // The first code the camera sees is added (and the camera closed).
    let on_codes = {
        let (add, scanning) = (add.clone(), scanning.clone());
        Callback::from(move |codes: Vec<String>| {
            if let Some(code) = codes.into_iter().next() {
                scanning.set(false);
                add.emit(code.into_bytes());
            }
        })
    };
    let toggle_scan = {
        let scanning = scanning.clone();
        Callback::from(move |_| scanning.set(!*scanning))
    };
    let entries: Vec<Entry> = list.iter().cloned().map(|k| read(&t, k)).collect();
    let my_key = match &*key {
        Some(Ok(k)) => Some(k.clone()),
        _ => None,
    };
    let bound = |e: &Entry| {
        let cnf = e.report.license.as_ref().and_then(|l| l.cnf.as_ref());
        my_key.as_ref().is_some_and(|k| cnf == Some(&k.public))
    };
    let showing = live.and_then(|i| entries.get(i)).filter(|e| bound(e));
    if let (Some(e), Some(k)) = (showing, my_key.clone()) {
        let close = {
            let live = live.clone();
            Callback::from(move |_| live.set(None))
        };
        let ty = e.report.license.as_ref().map(|l| t.type_name(&l.type_code).to_owned()).unwrap_or_default();
        let holder = e.report.license.as_ref().map(|l| zz_log::mask_name(&l.holder.name)).unwrap_or_default();
        return html! { <LiveCode license={Rc::new(e.kept.bytes())} key_={k} {ty} {holder} on_close={close} /> };
    }
    html! {
        <>
        if let Some((tone, m)) = &*message { <Alert tone={*tone} icon=true>{ m }</Alert> }
        <h2>{ lang.t("本机的证照", "Licenses on this device") }</h2>
        if entries.is_empty() {
            <p class="empty">{ lang.t("还没有证照。", "No license yet.") }</p>
        }
        <ul class="wallet-list" id="wallet-list">
        { for entries.iter().enumerate().map(|(i, e)| {
            let l = e.report.license.as_ref();
            let ty = l.map(|l| t.type_name(&l.type_code).to_owned()).unwrap_or_default();
            let shown = revealed.contains(&i);
            let holder = l
                .map(|l| if shown { format!("{} {}", l.holder.name, l.holder.id) } else { zz_log::mask_holder(&l.holder) })
                .unwrap_or_default();
            let reveal = {
                let revealed = revealed.clone();
                Callback::from(move |_| {
                    let mut set = (*revealed).clone();
                    if !set.remove(&i) {
                        set.insert(i);
                    }
                    revealed.set(set);
                })
            };
            let is_bound = bound(e);
            let show = { let live = live.clone(); Callback::from(move |_| live.set(Some(i))) };
            let forget = {
                let (list, cose) = (list.clone(), e.kept.cose.clone());
                Callback::from(move |_| {
                    if !gloo::dialogs::confirm("从本机删除这份证照？ / Remove this license from this device?") { return; }
                    let (list, cose) = (list.clone(), cose.clone());
                    wasm_bindgen_futures::spawn_local(async move { if let Ok(l) = wallet::remove(&cose).await { list.set(l); } });
                })
            };
            let verdict = own_verdict(&e.report);
            html! { <li class={classes!("wallet-item", verdict.as_str())} data-verdict={verdict.as_str()} data-bound={is_bound.to_string()}>
                <p class="name"><strong>{ ty }</strong>{ " · " }<span class="holder">{ holder }</span>
                    { " " }<button type="button" class="button small reveal" aria-pressed={shown.to_string()} onclick={reveal}>
                        { if shown { lang.t("隐藏号码", "Hide the number") } else { lang.t("显示完整号码", "Show in full") } }
                    </button>
                </p>
                <p class="meta">
                    { crate::components::icons::Icon::of_verdict(verdict).html() }{ " " }
                    { crate::words::verdict::verdict_label(lang, verdict) }
                    { " · " }{ lang.t("核验于 ", "checked ") }{ lang.instant(zz_core::UnixTime::from_secs(e.kept.checked)) }
                    { " · " }{ if is_bound { lang.t("已绑定本机", "bound to this device") } else { lang.t("未绑定本机，不能亮证", "not bound to this device: cannot be shown live") } }
                </p>
                <p class="actions">
                    <button type="button" class="button primary" onclick={show} disabled={!is_bound || verdict == Verdict::Invalid} data-testid="show-live">{ lang.t("亮证", "Show live") }</button>
                    { " " }<button type="button" class="button" onclick={forget}>{ lang.t("删除", "Remove") }</button>
                </p>
            </li> }
        }) }
        </ul>
        <h2>{ lang.t("添加证照", "Add a license") }</h2>
        <p>
            <button type="button" class="button" id="wallet-scan" aria-pressed={scanning.to_string()} onclick={toggle_scan}>
                { crate::components::icons::Icon::Camera.html() }{ " " }
                { if *scanning { lang.t("关闭摄像头", "Stop the camera") } else { lang.t("扫码添加", "Scan to add") } }
            </button>
        </p>
        if *scanning { <Camera {on_codes} /> }
        <p>
            <label for="wallet-file" class="button">{ lang.t("选择证照文件（.zzl、.txt）", "Choose a license file (.zzl, .txt)") }</label>
            <input id="wallet-file" type="file" accept=".zzl,.txt" class="visually-hidden-file" onchange={on_file} />
        </p>
        <div class="field wide">
            <label for="wallet-text">{ lang.t("或粘贴 ZZ1: 文本", "Or paste ZZ1: text") }</label>
            <textarea id="wallet-text" ref={paste} rows="3" />
        </div>
        <button type="button" class="button" onclick={on_paste} id="wallet-add">{ lang.t("添加", "Add") }</button>
        <h2>{ lang.t("绑定本机", "Bind this device") }</h2>
        { match &*key {
            None => html! { <p role="status">{ lang.t("正在准备本机密钥…", "Preparing this device's key…") }</p> },
            Some(Err(e)) => html! { <Alert tone={Tone::Error}>{ lang.t("本机不能生成密钥，不能亮证：", "This device cannot make a key and cannot show licenses live: ") }{ e }</Alert> },
            Some(Ok(k)) => { let jwk = k.jwk(); html! {
                <div class="bind" id="bind">
                    <p>{ lang.t(
                        "把本机公钥交给发证部门（扫描下方二维码或复制文本），证照签发时绑定本机后即可亮证。私钥只存在本机浏览器中，不能导出。",
                        "Give this device's public key to the issuing department (scan the code or copy the text); once a license is issued bound to it, it can be shown live. The private key stays in this browser and cannot be exported.",
                    ) }{ " (" }{ k.public.kind() }{ ")" }</p>
                    { crate::components::qr_code::qr_svg(&jwk, lang.t("本机公钥", "This device's public key")) }
                    <pre class="public-key" id="public-key">{ jwk }</pre>
                </div>
            } }
        } }
        </>
    }
}

#[derive(Properties)]
struct LiveProps {
    license: Rc<Vec<u8>>,
    key_: Rc<wallet::WalletKey>,
    ty: String,
    holder: String,
    on_close: Callback<MouseEvent>,
}

impl PartialEq for LiveProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.license, &other.license) && Rc::ptr_eq(&self.key_, &other.key_) && self.ty == other.ty
    }
}

/// The live code, full screen: signed again every 20 s with a visible
/// countdown and the time; it can answer the counter's challenge.
#[component]
fn LiveCode(props: &LiveProps) -> Html {
    let lang = use_app().lang;
    let code = use_state(|| None::<Result<String, String>>);
    let left = use_state(|| REFRESH_SECS);
    let nonce = use_state(|| None::<Vec<u8>>);
    let round = use_state(|| 0u32);
    let scanning = use_state(|| false);
    let challenge = use_node_ref();
    {
        // Sign again for each round and each challenge.
        let (code, key, license, nonce_now) =
            (code.clone(), props.key_.clone(), props.license.clone(), (*nonce).clone());
        use_effect_with((*round, (*nonce).clone()), move |_| {
            mark(None);
            wasm_bindgen_futures::spawn_local(async move {
                code.set(Some(key.present(&license, clock::now(), nonce_now).await));
            });
        });
    }
    // A refresh is measured from the start of signing to the code drawn
    // (`zz-live-refresh` in the page's performance timeline; the bench
    // reads it: `BENCH_ONLY=wallet node scripts/bench-browser.mjs`).
    use_effect_with((*code).clone(), |c| {
        if matches!(c, Some(Ok(_))) {
            mark(Some("zz-live-refresh"));
        }
    });
    {
        let (left, round) = (left.clone(), round.clone());
        use_effect_with((), move |_| {
            let started = std::cell::Cell::new(js_sys::Date::now());
            let tick = gloo::timers::callback::Interval::new(1000, move || {
                let gone = ((js_sys::Date::now() - started.get()) / 1000.0).floor() as u32;
                if gone >= REFRESH_SECS {
                    started.set(js_sys::Date::now());
                    left.set(REFRESH_SECS);
                    round.set(*round + 1);
                } else {
                    left.set(REFRESH_SECS - gone);
                }
            });
            move || drop(tick)
        });
    }
    let answer = {
        let (nonce, challenge) = (nonce.clone(), challenge.clone());
        Callback::from(move |_| {
            if let Some(n) = challenge.cast::<HtmlInputElement>().and_then(|i| wallet::challenge(&i.value())) {
                nonce.set(Some(n));
            }
        })
    };
    // The camera takes the first challenge it sees, then closes.
    let on_codes = {
        let (nonce, scanning) = (nonce.clone(), scanning.clone());
        Callback::from(move |codes: Vec<String>| {
            if let Some(n) = codes.iter().find_map(|c| wallet::challenge(c)) {
                scanning.set(false);
                nonce.set(Some(n));
            }
        })
    };
    let toggle_scan = {
        let scanning = scanning.clone();
        Callback::from(move |_| scanning.set(!*scanning))
    };
    html! {
        <div class="live-code" role="dialog" aria-modal="true" aria-labelledby="live-title" id="live-code">
            <h1 id="live-title">{ lang.t("亮证", "Show live") }</h1>
            <p class="what"><strong>{ &props.ty }</strong>{ " · " }{ &props.holder }</p>
            { match &*code {
                Some(Ok(text)) => html! { <div class="code" data-code={text.clone()}>{ crate::components::qr_code::qr_svg(text, lang.t("现场亮证码", "Live code")) }</div> },
                Some(Err(e)) => html! { <Alert tone={Tone::Error}>{ e }</Alert> },
                None => html! { <p role="status">{ lang.t("正在生成…", "Making the code…") }</p> },
            } }
            <p class="countdown" aria-live="off">{ match lang {
                Lang::Zh => format!("{} 秒后刷新 · {}", *left, lang.instant(clock::now())),
                Lang::En => format!("Refreshes in {} s · {}", *left, lang.instant(clock::now())),
            } }</p>
            if nonce.is_some() { <p class="answered" id="answered">{ lang.t("已回应窗口核验码", "Answering the counter's challenge") }</p> }
            <button type="button" class="button" id="scan-challenge" aria-pressed={scanning.to_string()} onclick={toggle_scan}>
                { crate::components::icons::Icon::Camera.html() }{ " " }
                { if *scanning { lang.t("关闭摄像头", "Stop the camera") } else { lang.t("扫描窗口核验码", "Scan the counter's challenge") } }
            </button>
            if *scanning { <Camera {on_codes} /> }
            <div class="field">
                <label for="challenge">{ lang.t("窗口核验码（ZZ1N:…，可选）", "The counter's challenge (ZZ1N:…, optional)") }</label>
                <input id="challenge" ref={challenge} autocomplete="off" />
            </div>
            <button type="button" class="button" onclick={answer} id="answer">{ lang.t("回应核验码", "Answer the challenge") }</button>
            { " " }<button type="button" class="button" onclick={props.on_close.clone()} id="live-close">{ lang.t("关闭", "Close") }</button>
            <p class="note">{ lang.t("截图、照片无效：核验方只接受 90 秒内生成的码。", "A screenshot or photo does not count: verifiers take only codes made in the last 90 s.") }</p>
        </div>
    }
}

/// Marks the start of a refresh (`None`), or measures one since then.
fn mark(measure: Option<&str>) {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else { return };
    let _ = match measure {
        None => p.mark("zz-live-start"),
        Some(name) => p.measure_with_start_mark(name, "zz-live-start"),
    };
}
