//! The device's cameras: opening one (front or back, or by id), listing
//! them, the torch, and grey frames for the QR worker.

use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamConstraints,
    MediaStreamTrack,
};

/// Frames are scaled to at most this width before decoding.
const FRAME_WIDTH: u32 = 960;

/// Why a camera could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    Denied,
    NoCamera,
    Unavailable,
}

/// Why the camera could not start, from the DOMException name.
fn camera_error(e: &JsValue) -> CameraError {
    let name = js_sys::Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => CameraError::Denied,
        "NotFoundError" | "OverconstrainedError" | "NotReadableError" => CameraError::NoCamera,
        _ => CameraError::Unavailable,
    }
}

pub fn stop(stream: &Option<MediaStream>) {
    if let Some(s) = stream {
        for t in s.get_tracks().iter() {
            if let Ok(t) = t.dyn_into::<MediaStreamTrack>() {
                t.stop();
            }
        }
    }
}

/// Opens a camera: the one with this id, or the one facing this way
/// (`environment` or `user`).
pub async fn open_camera(device: Option<String>, facing: &str) -> Result<MediaStream, CameraError> {
    open(device, facing).await.map_err(|e| camera_error(&e))
}

async fn open(device: Option<String>, facing: &str) -> Result<MediaStream, JsValue> {
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

pub async fn video_inputs() -> Vec<(String, String)> {
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

pub fn video_track(stream: &MediaStream) -> Option<MediaStreamTrack> {
    stream.get_video_tracks().get(0).dyn_into::<MediaStreamTrack>().ok()
}

pub fn torch_supported(track: &MediaStreamTrack) -> bool {
    js_sys::Reflect::get(track, &"getCapabilities".into())
        .ok()
        .filter(|f| f.is_function())
        .and_then(|f| f.unchecked_into::<js_sys::Function>().call0(track).ok())
        .and_then(|caps| js_sys::Reflect::get(&caps, &"torch".into()).ok())
        .is_some_and(|t| !t.is_undefined())
}

pub fn set_torch(track: &MediaStreamTrack, on: bool) {
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
pub fn grab(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Option<(u32, u32, Vec<u8>)> {
    let (vw, vh) = (video.video_width(), video.video_height());
    if vw == 0 || vh == 0 {
        return None;
    }
    let scale = (f64::from(FRAME_WIDTH) / f64::from(vw)).min(1.0);
    let (w, h) = ((f64::from(vw) * scale) as u32, (f64::from(vh) * scale) as u32);
    canvas.set_width(w);
    canvas.set_height(h);
    // Read back every frame: tell the browser (it keeps the canvas in
    // memory, not on the GPU, and stops warning about it).
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into()).ok()?;
    let ctx =
        canvas.get_context_with_context_options("2d", &options).ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, f64::from(w), f64::from(h)).ok()?;
    let Clamped(rgba) = ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)).ok()?.data();
    Some((w, h, zz_qr::luma_of_rgba(&rgba)))
}
