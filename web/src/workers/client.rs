//! The portal's side of its workers: each spawned (and its wasm fetched)
//! on first use, its answers handed to the callbacks waiting, in order.

use std::cell::RefCell;

use gloo::worker::{Spawnable, WorkerBridge};
use yew::Callback;

use crate::workers::ofd::OfdWorker;
use crate::workers::protocol::{DecodeRequest, DecodeResponse, OfdRequest, OfdResponse};
use crate::workers::qr::QrWorker;

/// The loader Trunk writes beside the worker (relative to the app).
const WORKER_LOADER: &str = "zz-decoder_loader.js";
/// The OFD worker's loader.
const OFD_WORKER_LOADER: &str = "zz-ofd_loader.js";

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
