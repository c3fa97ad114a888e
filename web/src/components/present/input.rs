//! Presenting a license: choose or drop a file, or paste `ZZ1:` text.

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::alert::{Alert, Tone};
use crate::services::verification::Source;
use crate::state::app::use_app;

/// Files larger than this are refused before reading (licenses are at
/// most 64 KiB, text a little more; photos of a QR code a few MB; OFD
/// files at most 64 MiB, SPEC section 12).
const MAX_FILE: f64 = zz_ofd::package::MAX_ARCHIVE as f64;

#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// Called with the bytes presented and where they came from (a file
    /// name, or empty for pasted text).
    pub on_input: Callback<(Vec<u8>, Source)>,
}

#[component]
pub fn LicenseInput(props: &InputProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let dragging = use_state(|| false);
    let read_file = {
        let run = props.on_input.clone();
        let problem = problem.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            if file.size() > MAX_FILE {
                problem.set(Some(name));
                return;
            }
            problem.set(None);
            let run = run.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let file = gloo::file::File::from(file);
                if let Ok(bytes) = gloo::file::futures::read_as_bytes(&file).await {
                    run.emit((bytes, Source::File(name)));
                }
            });
        })
    };
    let on_file = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|f| f.get(0)) {
                read_file.emit(f);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                read_file.emit(f);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let on_submit = {
        let text = text.clone();
        let run = props.on_input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit((text.as_bytes().to_vec(), Source::Pasted));
        })
    };
    html! {
        <>
        <div class={classes!("drop", dragging.then_some("over"))}
            ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <p>{ lang.t("将证照文件（.zzl、.txt、.ofd）或二维码图片拖放到此处，或", "Drop a license file (.zzl, .txt, .ofd) or a picture of its QR code here, or") }</p>
            <label for="file" class="button">{ lang.t("选择文件", "Choose a file") }</label>
            <input id="file" type="file" accept=".zzl,.txt,.ofd,.png,.jpg,.jpeg,text/plain,image/png,image/jpeg,application/ofd,application/octet-stream"
                class="visually-hidden-file" onchange={on_file} />
        </div>
        <form class="paste" onsubmit={on_submit}>
            <label for="zz1">{ lang.t("或粘贴 ZZ1: 文本", "Or paste ZZ1: text") }</label>
            <textarea id="zz1" rows="4" spellcheck="false" autocomplete="off" oninput={on_text}
                value={(*text).clone()} placeholder="ZZ1:…" />
            <button type="submit" class="primary" disabled={text.trim().is_empty()}>{ lang.t("核验", "Verify") }</button>
        </form>
        if let Some(name) = &*problem {
            <Alert tone={Tone::Error} urgent=true icon=true>{ lang.t("文件过大，不是电子证照：", "The file is too large to be a license: ") }{ name }</Alert>
        }
        </>
    }
}
