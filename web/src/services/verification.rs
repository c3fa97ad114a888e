//! Scanning: the camera (front or back, torch where supported) and image
//! files, decoded by the QR worker off the main thread. The worker and its
//! wasm are fetched on first use, not with the portal.

use std::cell::RefCell;

use gloo::timers::callback::{Interval, Timeout};
use gloo::worker::{Spawnable, WorkerBridge};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlSelectElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints, MediaStreamTrack,
};
use yew::prelude::*;
use zz_core::UnixTime;
use zz_web::ofd_worker_api::{OfdPage, OfdRequest, OfdResponse};
use zz_web::zz_worker_api::{DecodeRequest, DecodeResponse};
use zz_web::{OfdWorker, QrWorker};

use crate::services::trust::Trust;
use crate::state::app::use_app;

/// The loader Trunk writes beside the worker (relative to the app).
const WORKER_LOADER: &str = "zz-decoder_loader.js";
/// The OFD worker's loader.
const OFD_WORKER_LOADER: &str = "zz-ofd_loader.js";
/// How long an OFD verification may take before the page says the worker
/// did not answer (a 64 MiB file takes a few seconds).
const OFD_WAIT_MS: u32 = 30_000;
/// Frames are scaled to at most this width before decoding.
const FRAME_WIDTH: u32 = 960;
/// Time between frames sent to the worker (one in flight at a time).
const FRAME_MS: u32 = 100;

/// A worker spawned (and its wasm fetched) on first use, and the
/// callbacks waiting for its answers, which come in order.
type Bridge<W> = RefCell<Option<WorkerBridge<W>>>;
type Pending<W> = RefCell<Vec<Callback<<W as gloo::worker::Worker>::Output>>>;

thread_local! {
    static WORKER: Bridge<QrWorker> = const { RefCell::new(None) };
    static PENDING: Pending<QrWorker> = const { RefCell::new(Vec::new()) };
    static OFD_WORKER: Bridge<OfdWorker> = const { RefCell::new(None) };
    static OFD_PENDING: Pending<OfdWorker> = const { RefCell::new(Vec::new()) };
}

/// Sends a request to a worker, spawning it from `loader` on first use.
fn ask<W>(
    worker: &'static std::thread::LocalKey<Bridge<W>>,
    pending: &'static std::thread::LocalKey<Pending<W>>,
    loader: &str,
    request: W::Input,
    done: Callback<W::Output>,
) where
    W: gloo::worker::Worker + 'static,
    W::Input: serde::Serialize + for<'de> serde::Deserialize<'de>,
    W::Output: serde::Serialize + for<'de> serde::Deserialize<'de>,
{
    worker.with(|w| {
        let mut w = w.borrow_mut();
        let bridge = w.get_or_insert_with(|| {
            W::spawner()
                .callback(move |response| {
                    let next = pending.with(|p| {
                        let mut p = p.borrow_mut();
                        if p.is_empty() { None } else { Some(p.remove(0)) }
                    });
                    if let Some(cb) = next {
                        cb.emit(response);
                    }
                })
                .spawn_with_loader(loader)
        });
        pending.with(|p| p.borrow_mut().push(done));
        bridge.send(request);
    });
}

/// Sends a request to the OFD worker (fetched when the first OFD arrives).
pub fn ofd(request: OfdRequest, done: Callback<OfdResponse>) {
    ask(&OFD_WORKER, &OFD_PENDING, OFD_WORKER_LOADER, request, done);
}

/// Sends a request to the QR decoding worker (fetched when scanning or an
/// image upload starts).
pub fn decode(request: DecodeRequest, done: Callback<DecodeResponse>) {
    ask(&WORKER, &PENDING, WORKER_LOADER, request, done);
}

/// A short tone: high for valid, low for anything else.
pub fn beep(ok: bool) {
    let Ok(ctx) = web_sys::AudioContext::new() else { return };
    let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else { return };
    osc.frequency().set_value(if ok { 880.0 } else { 220.0 });
    gain.gain().set_value(0.15);
    let _ = osc.connect_with_audio_node(&gain);
    let _ = gain.connect_with_audio_node(&ctx.destination());
    let now = ctx.current_time();
    let _ = osc.start();
    let _ = osc.stop_with_when(now + if ok { 0.18 } else { 0.45 });
}

#[derive(Clone, PartialEq)]
enum CameraState {
    Starting,
    Scanning,
    Denied,
    NoCamera,
    Unavailable,
}

/// Why the camera could not start, from the DOMException name.
fn camera_error(e: &JsValue) -> CameraState {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => CameraState::Denied,
        "NotFoundError" | "OverconstrainedError" | "NotReadableError" => CameraState::NoCamera,
        _ => CameraState::Unavailable,
    }
}

fn stop(stream: &Option<MediaStream>) {
    if let Some(s) = stream {
        for t in s.get_tracks().iter() {
            if let Ok(t) = t.dyn_into::<MediaStreamTrack>() {
                t.stop();
            }
        }
    }
}

async fn open_camera(device: Option<String>, facing: &str) -> Result<MediaStream, JsValue> {
    let devices = web_sys::window()
        .ok_or(JsValue::NULL)?
        .navigator()
        .media_devices()
        .map_err(|_| JsValue::from_str("unavailable"))?;
    let video = js_sys::Object::new();
    match device {
        Some(id) => js_sys::Reflect::set(&video, &"deviceId".into(), &JsValue::from_str(&id))?,
        None => js_sys::Reflect::set(&video, &"facingMode".into(), &JsValue::from_str(facing))?,
    };
    js_sys::Reflect::set(&video, &"width".into(), &JsValue::from(1280))?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video);
    let stream = JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?;
    stream.dyn_into::<MediaStream>()
}

async fn video_inputs() -> Vec<(String, String)> {
    let Some(devices) = web_sys::window().and_then(|w| w.navigator().media_devices().ok()) else { return Vec::new() };
    let Ok(promise) = devices.enumerate_devices() else { return Vec::new() };
    let Ok(list) = JsFuture::from(promise).await else { return Vec::new() };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|d| d.dyn_into::<web_sys::MediaDeviceInfo>().ok())
        .filter(|d| d.kind() == web_sys::MediaDeviceKind::Videoinput)
        .enumerate()
        .map(|(i, d)| (d.device_id(), if d.label().is_empty() { format!("Camera {}", i + 1) } else { d.label() }))
        .collect()
}

fn video_track(stream: &MediaStream) -> Option<MediaStreamTrack> {
    stream.get_video_tracks().get(0).dyn_into::<MediaStreamTrack>().ok()
}

fn torch_supported(track: &MediaStreamTrack) -> bool {
    js_sys::Reflect::get(track, &"getCapabilities".into())
        .ok()
        .filter(|f| f.is_function())
        .and_then(|f| f.unchecked_into::<js_sys::Function>().call0(track).ok())
        .and_then(|caps| js_sys::Reflect::get(&caps, &"torch".into()).ok())
        .is_some_and(|t| !t.is_undefined())
}

fn set_torch(track: &MediaStreamTrack, on: bool) {
    let advanced = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&advanced, &"torch".into(), &JsValue::from_bool(on));
    let constraints = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&constraints, &"advanced".into(), &js_sys::Array::of1(&advanced));
    if let Ok(f) = js_sys::Reflect::get(track, &"applyConstraints".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call1(track, &constraints);
    }
}

/// Grey pixels of the current video frame, scaled to at most FRAME_WIDTH.
fn grab(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Option<(u32, u32, Vec<u8>)> {
    let (vw, vh) = (video.video_width(), video.video_height());
    if vw == 0 || vh == 0 {
        return None;
    }
    let scale = (f64::from(FRAME_WIDTH) / f64::from(vw)).min(1.0);
    let (w, h) = ((f64::from(vw) * scale) as u32, (f64::from(vh) * scale) as u32);
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, f64::from(w), f64::from(h)).ok()?;
    let Clamped(rgba) = ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)).ok()?.data();
    Some((w, h, zz_qr::luma_of_rgba(&rgba)))
}

#[derive(Properties, PartialEq)]
pub struct CameraProps {
    /// Called with the payloads of each frame where codes were found.
    pub on_codes: Callback<Vec<String>>,
    /// Offer the camera chooser and torch (kiosks hide them).
    #[prop_or(true)]
    pub controls: bool,
    /// The page offers an upload beside the camera (a kiosk does not: its
    /// messages then send the citizen to staff).
    #[prop_or(true)]
    pub upload_offered: bool,
    /// Told whether the camera works (false once it failed, true again
    /// when it scans).
    #[prop_or_default]
    pub on_working: Callback<bool>,
}

/// The camera viewfinder: scans continuously while shown.
#[component]
pub fn Camera(props: &CameraProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let video = use_node_ref();
    let canvas = use_node_ref();
    let state = use_state(|| CameraState::Starting);
    let devices = use_state(Vec::<(String, String)>::new);
    let device = use_state(|| None::<String>);
    let facing = use_state(|| "environment".to_owned());
    let torch = use_state(|| None::<bool>);
    let stream = use_mut_ref(|| None::<MediaStream>);
    let timer = use_mut_ref(|| None::<Interval>);
    let busy = use_mut_ref(|| false);
    // Bumped by "try again" to reopen the camera.
    let attempt = use_state(|| 0u32);
    {
        let (video, canvas, state, devices, torch) =
            (video.clone(), canvas.clone(), state.clone(), devices.clone(), torch.clone());
        let (stream, timer, busy, on_codes) = (stream.clone(), timer.clone(), busy.clone(), props.on_codes.clone());
        use_effect_with(((*device).clone(), (*facing).clone(), *attempt), move |(device, facing, _)| {
            let (device, facing) = (device.clone(), facing.clone());
            state.set(CameraState::Starting);
            let (stream_start, timer_start) = (stream.clone(), timer.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let s = match open_camera(device, &facing).await {
                    Ok(s) => s,
                    Err(e) => {
                        state.set(camera_error(&e));
                        return;
                    }
                };
                if let Some(v) = video.cast::<HtmlVideoElement>() {
                    v.set_src_object(Some(&s));
                    let _ = v.play();
                }
                torch.set(video_track(&s).filter(torch_supported).map(|_| false));
                *stream_start.borrow_mut() = Some(s);
                devices.set(video_inputs().await);
                state.set(CameraState::Scanning);
                let interval = Interval::new(FRAME_MS, move || {
                    if *busy.borrow() {
                        return;
                    }
                    let (Some(v), Some(c)) = (video.cast::<HtmlVideoElement>(), canvas.cast::<HtmlCanvasElement>())
                    else {
                        return;
                    };
                    let Some((width, height, luma)) = grab(&v, &c) else { return };
                    *busy.borrow_mut() = true;
                    let (busy, on_codes) = (busy.clone(), on_codes.clone());
                    decode(
                        DecodeRequest::Frame { width, height, luma },
                        Callback::from(move |r: DecodeResponse| {
                            *busy.borrow_mut() = false;
                            if let DecodeResponse::Codes { codes, .. } = r
                                && !codes.is_empty()
                            {
                                on_codes.emit(codes);
                            }
                        }),
                    );
                });
                *timer_start.borrow_mut() = Some(interval);
            });
            move || {
                timer.borrow_mut().take();
                stop(&stream.borrow_mut().take());
            }
        });
    }
    let on_device = {
        let device = device.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            device.set(Some(s.value()).filter(|v| !v.is_empty()));
        })
    };
    let flip = {
        let facing = facing.clone();
        let device = device.clone();
        Callback::from(move |_| {
            device.set(None);
            facing.set(if *facing == "environment" { "user".into() } else { "environment".into() });
        })
    };
    let toggle_torch = {
        let torch = torch.clone();
        let stream = stream.clone();
        Callback::from(move |_| {
            if let (Some(on), Some(track)) = (*torch, stream.borrow().as_ref().and_then(video_track)) {
                set_torch(&track, !on);
                torch.set(Some(!on));
            }
        })
    };
    {
        let on_working = props.on_working.clone();
        let failed = !matches!(*state, CameraState::Starting | CameraState::Scanning);
        use_effect_with(failed, move |failed| on_working.emit(!failed));
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    let message = match *state {
        CameraState::Starting => Some(lang.t("正在打开摄像头…", "Opening the camera…")),
        CameraState::Scanning => None,
        _ if !props.upload_offered => Some(lang.t(
            "摄像头暂时无法使用，请联系工作人员。",
            "The camera cannot be used just now: please ask a member of staff.",
        )),
        CameraState::Denied => Some(lang.t(
            "摄像头权限被拒绝。请在浏览器设置中允许使用摄像头，或改为上传文件或图片。",
            "Camera permission was denied. Allow the camera in the browser's settings, or upload a file or image instead.",
        )),
        CameraState::NoCamera => Some(lang.t(
            "没有找到可用的摄像头。请改为上传证照文件或二维码图片。",
            "No usable camera was found. Upload a license file or a picture of the QR code instead.",
        )),
        CameraState::Unavailable => Some(lang.t(
            "此浏览器或页面不能使用摄像头（需要 HTTPS 或本机地址）。请改为上传文件或图片。",
            "The camera cannot be used here (it needs HTTPS or localhost). Upload a file or image instead.",
        )),
    };
    let scanning = *state == CameraState::Scanning;
    html! {
        <div class="camera" data-camera={match *state {
            CameraState::Starting => "starting", CameraState::Scanning => "scanning", CameraState::Denied => "denied",
            CameraState::NoCamera => "none", CameraState::Unavailable => "unavailable" }}>
            <div class={classes!("viewfinder", (!scanning).then_some("off"))}>
                <video ref={video} autoplay=true muted=true playsinline=true aria-label={lang.t("摄像头画面", "Camera view")} />
                <div class="frame" aria-hidden="true"></div>
            </div>
            <canvas ref={canvas} hidden=true></canvas>
            if let Some(m) = message {
                <p class={classes!("alert", (!matches!(*state, CameraState::Starting)).then_some("error"))} role="status">{ m }</p>
            }
            if !matches!(*state, CameraState::Starting | CameraState::Scanning) {
                <button type="button" class="button retry" onclick={retry}>{ lang.t("重试", "Try again") }</button>
            }
            if props.controls && scanning {
                <div class="camera-controls">
                    if devices.len() > 1 {
                        <label for="camera-device">{ lang.t("摄像头", "Camera") }</label>
                        <select id="camera-device" onchange={on_device}>
                            { for devices.iter().map(|(id, label)| html! {
                                <option value={id.clone()} selected={device.as_deref() == Some(id.as_str())}>{ label }</option>
                            }) }
                        </select>
                    }
                    <button type="button" class="button" onclick={flip}>{ lang.t("切换前后摄像头", "Switch front/back") }</button>
                    if let Some(on) = *torch {
                        <button type="button" class="button" aria-pressed={on.to_string()} onclick={toggle_torch}>
                            { if on { lang.t("关闭补光", "Torch off") } else { lang.t("打开补光", "Torch on") } }
                        </button>
                    }
                </div>
            }
        </div>
    }
}

/// The last code read from the camera and when: the same code held in
/// front of the camera is verified once, not on every frame.
pub struct LastCode {
    text: String,
    at: UnixTime,
}

impl Default for LastCode {
    fn default() -> Self {
        LastCode { text: String::new(), at: UnixTime::EPOCH }
    }
}

impl LastCode {
    /// The payload to verify among a frame's codes (the core's
    /// [`zz_core::transport::pick_code`]), unless it is the one read less
    /// than `window` seconds before `now`.
    pub fn fresh(&mut self, codes: &[String], now: UnixTime, window: i64) -> Option<String> {
        let text = zz_core::transport::pick_code(codes)?.to_owned();
        if self.text == text && now.seconds_since(self.at) < window {
            return None;
        }
        self.text.clone_from(&text);
        self.at = now;
        Some(text)
    }

    /// Starts the window again at `now` (the kiosk, back to waiting).
    pub fn restart(&mut self, now: UnixTime) {
        self.at = now;
    }
}

/// What a presented file holds for the core: license bytes or text as
/// they are, or, for a PNG or JPEG image, the QR code read by the worker.
/// `done` gets the bytes to verify, or the reason (zh, en) there are none.
pub fn resolve(bytes: Vec<u8>, done: Callback<Result<Vec<u8>, (String, String)>>) {
    if zz_qr::sniff(&bytes).is_none() {
        done.emit(Ok(bytes));
        return;
    }
    decode(
        DecodeRequest::Image(bytes),
        Callback::from(move |r: DecodeResponse| {
            done.emit(match r {
                DecodeResponse::Codes { codes, .. } => zz_core::transport::pick_code(&codes)
                    .map(|c| c.as_bytes().to_vec())
                    .ok_or_else(|| ("图片中未找到二维码".to_owned(), "No QR code was found in the image".to_owned())),
                DecodeResponse::Error(e) => {
                    Err((format!("图片无法读取：{e}"), format!("The image cannot be read: {e}")))
                }
            })
        }),
    );
}

/// A verification of what was presented.
#[derive(Clone)]
pub struct Verification {
    pub report: zz_core::Report,
    /// An OFD file's first page, drawn from what its signatures cover.
    pub page: Option<std::rc::Rc<OfdPage>>,
    /// What was verified: a license's or annotated copy's COSE bytes, or
    /// the OFD file (empty when nothing could be read).
    pub object: std::rc::Rc<Vec<u8>>,
}

/// Verifies what was presented (license bytes or text, an image whose
/// QR code the worker reads, or an OFD file, which the OFD worker verifies
/// and draws) at the device's clock, for `usage` (matter, organisation,
/// applicant, as given); records it in the log and hands `done` the core's
/// report, with an OFD file's page and the object verified.
pub fn verify_presented(
    bytes: Vec<u8>,
    trust: std::rc::Rc<Trust>,
    usage: zz_web::OwnedUsage,
    done: Callback<Verification>,
) {
    if zz_ofd::package::looks_like_zip(&bytes) {
        let now = crate::services::trust::now();
        let raw = trust.raw.clone();
        let object = std::rc::Rc::new(bytes.clone());
        let request = OfdRequest::Verify {
            bytes,
            roots: raw.roots.clone(),
            bundle: raw.bundle.clone(),
            sm2_roots: raw.sm2_roots.clone(),
            now: now.as_secs(),
            usage: usage.clone(),
        };
        // A worker that cannot be loaded (offline before it was ever
        // fetched) never answers: after a while, say so. Whichever comes
        // first (`None`: the wait is over) is the one result.
        let answered = std::cell::Cell::new(false);
        let finish = std::rc::Rc::new(move |response: Option<OfdResponse>| {
            if answered.replace(true) {
                return;
            }
            let ctx = zz_core::Context::new(&trust.bundle, now).with(usage.usage());
            let refused = |zh: &str, en: &str| {
                zz_core::verify::undecodable(
                    ctx,
                    format!("OFD 文件无法核验：{zh}"),
                    format!("The OFD file cannot be verified: {en}"),
                )
            };
            let (report, page) = match response {
                Some(OfdResponse::Verified { report: w, license, page, .. }) => {
                    // The carried license's data, from its bytes (the
                    // worker decided with the same inputs).
                    let carried = license.map(|bytes| zz_core::verify(&bytes, ctx));
                    let r = zz_core::Report {
                        verdict: w.verdict,
                        kind: w.kind,
                        checks: w.checks,
                        verified: w.verified,
                        license: carried.as_ref().and_then(|c| c.license.clone()),
                        annotation: None,
                        signer: carried.and_then(|c| c.signer),
                        annotation_signer: None,
                        matter: w.matter,
                        now: w.now,
                        trust: w.trust,
                        signatures: w.signatures,
                    };
                    (r, page.map(std::rc::Rc::new))
                }
                Some(OfdResponse::Error(e)) => (refused(&e, &e), None),
                Some(OfdResponse::Roots(_)) => (refused("unexpected answer", "unexpected answer"), None),
                None => (
                    refused(
                        "核验程序未能加载或未在时限内完成（首次使用需联网）",
                        "its checker did not load or finish in time (the first use needs the network)",
                    ),
                    None,
                ),
            };
            crate::services::audit::record_later(&report);
            done.emit(Verification { report, page, object: object.clone() });
        });
        let waited = finish.clone();
        Timeout::new(OFD_WAIT_MS, move || waited(None)).forget();
        ofd(request, Callback::from(move |response| finish(Some(response))));
        return;
    }
    resolve(
        bytes,
        Callback::from(move |input: Result<Vec<u8>, (String, String)>| {
            let ctx = zz_core::Context::new(&trust.bundle, crate::services::trust::now()).with(usage.usage());
            let (report, object) = match input {
                Ok(bytes) => {
                    // The signed object itself (a case record keeps it):
                    // the COSE bytes of `ZZ1:` text.
                    let object = zz_core::transport::decode_input(&bytes)
                        .map_or_else(|_| bytes.clone(), |d| d.cose.into_owned());
                    (zz_core::verify(&bytes, ctx), object)
                }
                Err((zh, en)) => (zz_core::verify::undecodable(ctx, zh, en), Vec::new()),
            };
            crate::services::audit::record_later(&report);
            done.emit(Verification { report, page: None, object: std::rc::Rc::new(object) });
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::LastCode;
    use zz_core::UnixTime;

    #[test]
    fn the_same_code_is_verified_once_per_window() {
        let codes = |t: &str| vec!["junk".to_owned(), t.to_owned()];
        let at = UnixTime::from_secs;
        let mut last = LastCode::default();
        assert_eq!(last.fresh(&codes("ZZ1:A"), at(100), 30).as_deref(), Some("ZZ1:A"));
        assert_eq!(last.fresh(&codes("ZZ1:A"), at(129), 30), None);
        // Another code at once; the first again after the window.
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(129), 30).as_deref(), Some("ZZ1:B"));
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(159), 30).as_deref(), Some("ZZ1:B"));
        // Restarting the window keeps the code out for a full window more.
        last.restart(at(200));
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(229), 30), None);
        assert_eq!(last.fresh(&codes("ZZ1:B"), at(230), 30).as_deref(), Some("ZZ1:B"));
        assert_eq!(last.fresh(&[], at(300), 30), None);
    }
}

/// Where a presented license came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Read by the camera.
    Camera,
    /// A file (license, text or image), by name.
    File(String),
    /// `ZZ1:` text pasted in.
    Pasted,
}

impl Source {
    /// How the source is named on screen; nothing for pasted text.
    pub fn label(&self, lang: crate::words::lang::Lang) -> String {
        match self {
            Source::Camera => lang.t("摄像头", "camera").to_owned(),
            Source::File(name) => name.clone(),
            Source::Pasted => String::new(),
        }
    }
}
