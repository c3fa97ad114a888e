//! The camera viewfinder: scans continuously while shown, each frame
//! decoded by the QR worker.

use gloo::timers::callback::Interval;
use web_sys::{HtmlCanvasElement, HtmlSelectElement, HtmlVideoElement, MediaStream};
use yew::prelude::*;

use crate::services::camera::{
    CameraError, grab, open_camera, set_torch, stop, torch_supported, video_inputs, video_track,
};
use crate::state::app::use_app;
use crate::words::lang::Lang;
use crate::workers::client::decode;
use crate::workers::protocol::{DecodeRequest, DecodeResponse};

/// Time between frames sent to the worker (one in flight at a time).
const FRAME_MS: u32 = 100;

#[derive(Clone, PartialEq)]
enum CameraState {
    Starting,
    Scanning,
    Denied,
    NoCamera,
    Unavailable,
}

impl CameraState {
    /// Its name in `data-camera`.
    fn name(&self) -> &'static str {
        match self {
            CameraState::Starting => "starting",
            CameraState::Scanning => "scanning",
            CameraState::Denied => "denied",
            CameraState::NoCamera => "none",
            CameraState::Unavailable => "unavailable",
        }
    }

    /// What to tell the user (a kiosk, with no upload beside the camera,
    /// sends them to staff).
    fn message(&self, lang: Lang, upload_offered: bool) -> Option<&'static str> {
        match self {
            CameraState::Starting => Some(lang.t("正在打开摄像头…", "Opening the camera…")),
            CameraState::Scanning => None,
            _ if !upload_offered => Some(lang.t(
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
        }
    }
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
                        state.set(match e {
                            CameraError::Denied => CameraState::Denied,
                            CameraError::NoCamera => CameraState::NoCamera,
                            CameraError::Unavailable => CameraState::Unavailable,
                        });
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
    let message = state.message(lang, props.upload_offered);
    let scanning = *state == CameraState::Scanning;
    html! {
        <div class="camera" data-camera={state.name()}>
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
