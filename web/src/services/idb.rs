//! IndexedDB: a value store (imported bundles can be megabytes, more than
//! local storage holds; the device's signing key, which cannot leave
//! WebCrypto, is kept as a `CryptoKey`), the audit log (one line per
//! entry, in insertion order) and the log from before entries were signed.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DB: &str = "zz-verify";
const VERSION: u32 = 3;
const STORE: &str = "bytes";
/// The log written before entries were signed (kept, and exportable).
const LOG: &str = "log";
/// The audit log: signed entries (`zz_log::audit`).
const AUDIT: &str = "audit";

/// Why IndexedDB could not be read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdbError {
    RequestFailed,
    NoResult,
    Unavailable,
    CannotOpen,
    NotADatabase,
    CannotRead,
    NoStore,
    CannotWrite,
    CannotWriteLog,
    NoLogStore,
    CannotReadLog,
    FewerThanPruned,
    BadKey,
    CannotClearLog,
}

impl std::fmt::Display for IdbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IdbError::RequestFailed => "IndexedDB request failed",
            IdbError::NoResult => "IndexedDB request has no result",
            IdbError::Unavailable => "IndexedDB is not available",
            IdbError::CannotOpen => "cannot open IndexedDB",
            IdbError::NotADatabase => "not a database",
            IdbError::CannotRead => "cannot read IndexedDB",
            IdbError::NoStore => "no object store",
            IdbError::CannotWrite => "cannot write IndexedDB",
            IdbError::CannotWriteLog => "cannot write the log",
            IdbError::NoLogStore => "no log store",
            IdbError::CannotReadLog => "cannot read the log",
            IdbError::FewerThanPruned => "fewer entries than to prune",
            IdbError::BadKey => "bad key",
            IdbError::CannotClearLog => "cannot clear the log",
        })
    }
}

/// Waits for an IndexedDB request to succeed or fail.
async fn done(request: &IdbRequest) -> Result<JsValue, IdbError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(err.unchecked_ref()));
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| IdbError::RequestFailed)?;
    request.result().map_err(|_| IdbError::NoResult)
}

async fn open() -> Result<IdbDatabase, IdbError> {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or(IdbError::Unavailable)?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DB, VERSION).map_err(|_| IdbError::CannotOpen)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let names = db.object_store_names();
            if !names.contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
            for log in [LOG, AUDIT] {
                if !names.contains(log) {
                    let params = web_sys::IdbObjectStoreParameters::new();
                    params.set_auto_increment(true);
                    let _ = db.create_object_store_with_optional_parameters(log, &params);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&request).await?;
    drop(upgrade);
    db.dyn_into::<IdbDatabase>().map_err(|_| IdbError::NotADatabase)
}

/// Reads the bytes stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<Vec<u8>>, IdbError> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(|_| IdbError::CannotRead)?;
    let store = tx.object_store(STORE).map_err(|_| IdbError::NoStore)?;
    let request = store.get(&JsValue::from_str(key)).map_err(|_| IdbError::CannotRead)?;
    let value = done(&request).await?;
    Ok(value.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec()))
}

/// Stores `bytes` under `key`, replacing what was there.
pub async fn put(key: &str, bytes: &[u8]) -> Result<(), IdbError> {
    let db = open().await?;
    let tx =
        db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|_| IdbError::CannotWrite)?;
    let store = tx.object_store(STORE).map_err(|_| IdbError::NoStore)?;
    let request =
        store.put_with_key(&Uint8Array::from(bytes), &JsValue::from_str(key)).map_err(|_| IdbError::CannotWrite)?;
    done(&request).await.map(drop)
}

/// Reads the value stored under `key` (any value IndexedDB can clone).
pub async fn get_value(key: &str) -> Result<JsValue, IdbError> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(|_| IdbError::CannotRead)?;
    let store = tx.object_store(STORE).map_err(|_| IdbError::NoStore)?;
    let request = store.get(&JsValue::from_str(key)).map_err(|_| IdbError::CannotRead)?;
    done(&request).await
}

/// Stores `value` under `key` only if nothing is stored there yet; gives
/// what is stored afterwards (two programs starting at once keep one).
pub async fn put_value_once(key: &str, value: &JsValue) -> Result<JsValue, IdbError> {
    let db = open().await?;
    let tx =
        db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|_| IdbError::CannotWrite)?;
    let store = tx.object_store(STORE).map_err(|_| IdbError::NoStore)?;
    let request = store.add_with_key(value, &JsValue::from_str(key)).map_err(|_| IdbError::CannotWrite)?;
    match done(&request).await {
        Ok(_) => Ok(value.clone()),
        Err(_) => get_value(key).await,
    }
}

/// Deletes what is stored under `key`.
pub async fn delete(key: &str) -> Result<(), IdbError> {
    let db = open().await?;
    let tx =
        db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|_| IdbError::CannotWrite)?;
    let store = tx.object_store(STORE).map_err(|_| IdbError::NoStore)?;
    let request = store.delete(&JsValue::from_str(key)).map_err(|_| IdbError::CannotWrite)?;
    done(&request).await.map(drop)
}

/// Appends an audit log line.
pub async fn audit_append(line: &str) -> Result<(), IdbError> {
    append_to(AUDIT, line).await
}

/// Hands every audit log line to `each`, oldest first, a chunk at a time
/// (see [`read_chunks`]).
pub async fn audit_read<E: From<IdbError>>(each: impl FnMut(Vec<String>) -> Result<(), E>) -> Result<(), E> {
    read_chunks(AUDIT, each).await
}

/// Deletes every audit log line.
pub async fn audit_clear() -> Result<(), IdbError> {
    clear(AUDIT).await
}

/// Deletes the first `count` audit log lines (pruning: they were exported
/// first).
pub async fn audit_drop_first(count: usize) -> Result<(), IdbError> {
    let Some(last) = count.checked_sub(1) else { return Ok(()) };
    let db = open().await?;
    let tx =
        db.transaction_with_str_and_mode(AUDIT, IdbTransactionMode::Readwrite).map_err(|_| IdbError::CannotWriteLog)?;
    let store = tx.object_store(AUDIT).map_err(|_| IdbError::NoLogStore)?;
    let keys = done(&store.get_all_keys().map_err(|_| IdbError::CannotReadLog)?).await?;
    let key = js_sys::Array::from(&keys).get(u32::try_from(last).unwrap_or(u32::MAX));
    if key.is_undefined() {
        return Err(IdbError::FewerThanPruned);
    }
    let range = web_sys::IdbKeyRange::upper_bound(&key).map_err(|_| IdbError::BadKey)?;
    done(&store.delete(&range).map_err(|_| IdbError::CannotWriteLog)?).await.map(drop)
}

async fn append_to(store_name: &str, record: &str) -> Result<(), IdbError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(store_name, IdbTransactionMode::Readwrite)
        .map_err(|_| IdbError::CannotWriteLog)?;
    let store = tx.object_store(store_name).map_err(|_| IdbError::NoLogStore)?;
    let request = store.add(&JsValue::from_str(record)).map_err(|_| IdbError::CannotWriteLog)?;
    done(&request).await.map(drop)
}

/// Records read at a time: with 100,000 entries, one `getAll` held the
/// page still for 0.7 s (copying, converting and parsing them all in one
/// task); in chunks, the page answers between them.
const CHUNK: u32 = 4000;

/// Hands every record of a log store to `each`, oldest first, in chunks
/// of [`CHUNK`], all in one read transaction (one snapshot: a prune in
/// another tab cannot fall between two chunks). Each next request is made
/// as the last one's result arrives, while the transaction is active.
async fn read_chunks<E: From<IdbError>>(
    store_name: &str,
    mut each: impl FnMut(Vec<String>) -> Result<(), E>,
) -> Result<(), E> {
    let db = open().await?;
    let tx = db.transaction_with_str(store_name).map_err(|_| IdbError::CannotReadLog)?;
    let store = tx.object_store(store_name).map_err(|_| IdbError::NoLogStore)?;
    let mut after: Option<JsValue> = None;
    loop {
        let range = match &after {
            Some(key) => web_sys::IdbKeyRange::lower_bound_with_open(key, true).map_err(|_| IdbError::BadKey)?.into(),
            None => JsValue::UNDEFINED,
        };
        let keys = store.get_all_keys_with_key_and_limit(&range, CHUNK).map_err(|_| IdbError::CannotReadLog)?;
        let values = store.get_all_with_key_and_limit(&range, CHUNK).map_err(|_| IdbError::CannotReadLog)?;
        let keys = js_sys::Array::from(&done(&keys).await?);
        let values = js_sys::Array::from(&done(&values).await?);
        each(values.iter().filter_map(|v| v.as_string()).collect())?;
        if keys.length() < CHUNK {
            return Ok(());
        }
        after = Some(keys.get(keys.length() - 1));
    }
}

async fn all_of(store_name: &str) -> Result<Vec<String>, IdbError> {
    let mut all = Vec::new();
    read_chunks(store_name, |chunk| {
        all.extend(chunk);
        Ok(())
    })
    .await?;
    Ok(all)
}

async fn clear(store_name: &str) -> Result<(), IdbError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(store_name, IdbTransactionMode::Readwrite)
        .map_err(|_| IdbError::CannotClearLog)?;
    let store = tx.object_store(store_name).map_err(|_| IdbError::NoLogStore)?;
    let request = store.clear().map_err(|_| IdbError::CannotClearLog)?;
    done(&request).await.map(drop)
}

/// Every record of the log from before entries were signed.
pub async fn legacy_log_all() -> Result<Vec<String>, IdbError> {
    all_of(LOG).await
}
