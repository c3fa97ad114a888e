//! The device's signing key for the audit log: an Ed25519 key made by
//! WebCrypto as non-extractable (its secret half never leaves the browser's
//! key store, not even to this program) and kept in IndexedDB as a
//! `CryptoKey`; where WebCrypto has no Ed25519, an ECDSA P-256 key the same
//! way (`zz_log::audit::ALG_P256`). Every log entry is signed with it; its
//! public key and the device id (from the key) head every export.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use zz_core::envelope::hex;
use zz_log::audit::Header;

const KEY: &str = "device-key";

/// The key pair and the header of its public key.
pub struct Device {
    private: JsValue,
    /// What `sign` is called with: Ed25519, or ECDSA with SHA-256.
    params: JsValue,
    pub header: Header,
}

thread_local! {
    static DEVICE: RefCell<Option<Rc<Device>>> = const { RefCell::new(None) };
}

fn subtle() -> Result<JsValue, String> {
    let crypto = Reflect::get(&gloo::utils::window(), &"crypto".into()).map_err(|_| "no WebCrypto".to_owned())?;
    Reflect::get(&crypto, &"subtle".into()).ok().filter(|s| s.is_object()).ok_or_else(|| "no WebCrypto".to_owned())
}

/// Calls `subtle.NAME(args…)` and waits for its promise.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let subtle = subtle()?;
    let f: js_sys::Function =
        Reflect::get(&subtle, &name.into()).ok().and_then(|f| f.dyn_into().ok()).ok_or_else(|| format!("no {name}"))?;
    let promise = f.apply(&subtle, &args.iter().collect::<Array>()).map_err(|e| format!("{name}: {e:?}"))?;
    JsFuture::from(js_sys::Promise::from(promise)).await.map_err(|e| format!("{name}: {e:?}"))
}

/// PBKDF2-HMAC-SHA256 of `password` with `salt` and `rounds`, 32 bytes, by
/// WebCrypto (staff PINs: native speed, so the rounds can be many without
/// freezing the page).
pub async fn pbkdf2_sha256(password: &[u8], salt: &[u8], rounds: u32) -> Result<Vec<u8>, String> {
    let usages: Array = [JsValue::from("deriveBits")].into_iter().collect();
    let key = call(
        "importKey",
        &[
            "raw".into(),
            Uint8Array::from(password).into(),
            algorithm(&[("name", "PBKDF2")]),
            false.into(),
            usages.into(),
        ],
    )
    .await?;
    let params = algorithm(&[("name", "PBKDF2"), ("hash", "SHA-256")]);
    Reflect::set(&params, &"salt".into(), &Uint8Array::from(salt)).map_err(|e| format!("{e:?}"))?;
    Reflect::set(&params, &"iterations".into(), &rounds.into()).map_err(|e| format!("{e:?}"))?;
    let bits = call("deriveBits", &[params, key, 256.into()]).await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

/// Whether `sig` (r‖s) is the ECDSA P-256 / SHA-256 signature of `message`
/// by the SEC1 public key `key`, by WebCrypto (staff sessions where the
/// browser has no Ed25519: the curve's code stays out of the portal).
pub async fn verify_p256(key: &[u8], message: &[u8], sig: &[u8]) -> bool {
    let usages: Array = [JsValue::from("verify")].into_iter().collect();
    let curve = algorithm(&[("name", "ECDSA"), ("namedCurve", "P-256")]);
    let Ok(public) =
        call("importKey", &["raw".into(), Uint8Array::from(key).into(), curve, true.into(), usages.into()]).await
    else {
        return false;
    };
    let params = algorithm(&[("name", "ECDSA"), ("hash", "SHA-256")]);
    call("verify", &[params, public, Uint8Array::from(sig).into(), Uint8Array::from(message).into()])
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// AES-256-GCM by WebCrypto: seals (`seal`) or opens `data` under the raw
/// `key` with `iv` and the associated data `aad` (a passkey's seal of a
/// staff key's seed). Opening fails on any change.
pub async fn aes_gcm(seal: bool, key: &[u8], iv: &[u8], aad: &[u8], data: &[u8]) -> Result<Vec<u8>, String> {
    let usage = if seal { "encrypt" } else { "decrypt" };
    let usages: Array = [JsValue::from(usage)].into_iter().collect();
    let key = call(
        "importKey",
        &["raw".into(), Uint8Array::from(key).into(), algorithm(&[("name", "AES-GCM")]), false.into(), usages.into()],
    )
    .await?;
    let params = algorithm(&[("name", "AES-GCM")]);
    Reflect::set(&params, &"iv".into(), &Uint8Array::from(iv)).map_err(|e| format!("{e:?}"))?;
    Reflect::set(&params, &"additionalData".into(), &Uint8Array::from(aad)).map_err(|e| format!("{e:?}"))?;
    let out = call(usage, &[params, key, Uint8Array::from(data).into()]).await?;
    Ok(Uint8Array::new(&out).to_vec())
}

fn algorithm(fields: &[(&str, &str)]) -> JsValue {
    let alg = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&alg, &(*k).into(), &(*v).into());
    }
    alg.into()
}

fn ed25519() -> JsValue {
    algorithm(&[("name", "Ed25519")])
}

/// A non-extractable key pair kept in IndexedDB under `slot` (made on
/// first use: Ed25519, or ECDSA P-256 where WebCrypto has no Ed25519).
pub struct KeyPair {
    private: JsValue,
    /// What `sign` is called with: Ed25519, or ECDSA with SHA-256.
    params: JsValue,
    /// P-256 (else Ed25519).
    pub p256: bool,
    /// The public key: 32 bytes (Ed25519) or 65 (uncompressed P-256).
    pub raw_public: Vec<u8>,
}

impl KeyPair {
    /// The key's signature of `bytes` (64 bytes: Ed25519, or P-256's r‖s).
    pub async fn sign(&self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        let sig = call("sign", &[self.params.clone(), self.private.clone(), Uint8Array::from(bytes).into()]).await?;
        Ok(Uint8Array::new(&sig).to_vec())
    }
}

/// The key pair kept under `slot`, or a new one.
pub async fn key_pair(slot: &str) -> Result<KeyPair, String> {
    match stored_key_pair(slot).await {
        Some(pair) => Ok(pair),
        None => new_key_pair(slot).await,
    }
}

/// A new non-extractable key pair kept under `slot` (Ed25519, or ECDSA
/// P-256 where WebCrypto has no Ed25519); the one kept there if another
/// program made one first.
pub async fn new_key_pair(slot: &str) -> Result<KeyPair, String> {
    let usages: Array = ["sign", "verify"].iter().map(|u| JsValue::from_str(u)).collect();
    let made = match call("generateKey", &[ed25519(), JsValue::FALSE, usages.clone().into()]).await {
        Ok(made) => made,
        Err(_) => {
            let p256 = algorithm(&[("name", "ECDSA"), ("namedCurve", "P-256")]);
            call("generateKey", &[p256, JsValue::FALSE, usages.into()]).await?
        }
    };
    // Two programs starting at once keep one key.
    let pair = crate::services::idb::put_value_once(slot, &made).await.map_err(|e| e.to_string())?;
    read_pair(pair).await
}

/// The key pair kept under `slot`, if there is one.
pub async fn stored_key_pair(slot: &str) -> Option<KeyPair> {
    let pair = crate::services::idb::get_value(slot).await.ok().filter(JsValue::is_object)?;
    read_pair(pair).await.ok()
}

async fn read_pair(pair: JsValue) -> Result<KeyPair, String> {
    let private = Reflect::get(&pair, &"privateKey".into()).map_err(|_| "no private key".to_owned())?;
    let public = Reflect::get(&pair, &"publicKey".into()).map_err(|_| "no public key".to_owned())?;
    let name = Reflect::get(&private, &"algorithm".into())
        .and_then(|a| Reflect::get(&a, &"name".into()))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let raw_public = Uint8Array::new(&call("exportKey", &["raw".into(), public]).await?).to_vec();
    let p256 = name == "ECDSA";
    let params = if p256 { algorithm(&[("name", "ECDSA"), ("hash", "SHA-256")]) } else { ed25519() };
    Ok(KeyPair { private, params, p256, raw_public })
}

/// This device's key: the one kept, or a new one (non-extractable).
pub async fn device() -> Result<Rc<Device>, String> {
    if let Some(d) = DEVICE.with(|d| d.borrow().clone()) {
        return Ok(d);
    }
    let pair = key_pair(KEY).await?;
    let header = if pair.p256 {
        zz_log::audit::header(zz_log::audit::ALG_P256, &pair.raw_public)
    } else {
        zz_log::audit::header_of_raw(&pair.raw_public).ok_or_else(|| "not an Ed25519 public key".to_owned())?
    };
    let device = Rc::new(Device { private: pair.private, params: pair.params, header });
    DEVICE.with(|d| *d.borrow_mut() = Some(device.clone()));
    Ok(device)
}

impl Device {
    /// The device's signature of `bytes`, hex.
    pub async fn sign(&self, bytes: &[u8]) -> Result<String, String> {
        let sig = call("sign", &[self.params.clone(), self.private.clone(), Uint8Array::from(bytes).into()]).await?;
        Ok(hex(&Uint8Array::new(&sig).to_vec()))
    }
}
