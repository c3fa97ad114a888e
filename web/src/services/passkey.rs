//! Passkeys (WebAuthn) on security keys, as a second way to a staff key: a
//! roaming authenticator the member carries (USB or NFC), with user
//! verification (its fingerprint reader or its own PIN) and the PRF
//! extension (CTAP's hmac-secret), gives 32 secret bytes for the
//! credential, the same each time and only after the user is verified;
//! [`crate::services::accounts`] seals the staff key's seed with them.
//!
//! Never the computer's own (platform) authenticator: on a shared counter
//! PC it verifies whoever unlocks the computer, so any colleague could pick
//! another member's passkey, an administrator's too. The request asks for a
//! roaming authenticator; a credential made by another is refused, and one
//! used with an authenticator the browser names as the platform's. Nor a
//! passkey that may be synced (backup eligible: a password manager's, on a
//! phone or in the cloud), which would leave the key the member carries.
//!
//! Nothing here checks the authenticator's signature: the secret is what
//! proves the passkey (a wrong or missing one opens nothing), and an
//! assertion without user verification is refused. WebAuthn needs a
//! secure context under a domain name (`https://…` or `localhost`): served
//! from an IP address, passkeys are not offered.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The PRF input (the browser hashes it with WebAuthn's own context): one
/// fixed value, as the secret is per credential anyway.
const PRF_INPUT: &[u8] = b"zz-staff-passkey/1";
/// How long the browser waits for the user (milliseconds).
const TIMEOUT_MS: u32 = 120_000;
/// Longest credential id read (WebAuthn allows 1023 bytes).
pub const MAX_ID: usize = 1023;

/// Why a passkey could not be made or used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasskeyError {
    /// No WebAuthn here (an old browser, not a secure context, an IP
    /// address).
    Unsupported,
    /// The computer's own authenticator answered, not a security key.
    BuiltIn,
    /// The credential may be synced to other devices (backup eligible).
    Synced,
    /// The user cancelled, or the browser's wait ran out.
    Cancelled,
    /// The authenticator has no PRF extension: it cannot give a secret.
    NoPrf,
    /// The authenticator did not verify the user.
    NotVerified,
    /// This device has the passkey already.
    AlreadyHere,
}

/// Whether this page may offer passkeys: WebAuthn in a secure context
/// under a domain name.
pub fn available() -> bool {
    let window = gloo::utils::window();
    let host = window.location().hostname().unwrap_or_default();
    let ip = host.starts_with('[') || host.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    window.is_secure_context()
        && !ip
        && Reflect::get(&window, &"PublicKeyCredential".into()).is_ok_and(|f| f.is_function())
}

/// A plain JS object of `fields`.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

fn random(n: usize) -> Result<Vec<u8>, PasskeyError> {
    let mut b = vec![0u8; n];
    let crypto = gloo::utils::window().crypto().map_err(|_| PasskeyError::Unsupported)?;
    crypto.get_random_values_with_u8_array(&mut b).map_err(|_| PasskeyError::Unsupported)?;
    Ok(b)
}

/// The PRF extension's input.
fn prf_eval() -> JsValue {
    object(&[("prf", object(&[("eval", object(&[("first", bytes(PRF_INPUT))]))]))])
}

/// Calls `navigator.credentials.METHOD({ publicKey })` and waits for it.
async fn credentials(method: &str, public_key: JsValue) -> Result<JsValue, PasskeyError> {
    if !available() {
        return Err(PasskeyError::Unsupported);
    }
    let navigator = gloo::utils::window().navigator();
    let container = Reflect::get(&navigator, &"credentials".into()).map_err(|_| PasskeyError::Unsupported)?;
    let f: js_sys::Function = Reflect::get(&container, &method.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(PasskeyError::Unsupported)?;
    let options = object(&[("publicKey", public_key)]);
    let promise = f.call1(&container, &options).map_err(|_| PasskeyError::Unsupported)?;
    let made = JsFuture::from(js_sys::Promise::from(promise)).await.map_err(|e| {
        let name = Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        match name.as_str() {
            "InvalidStateError" => PasskeyError::AlreadyHere,
            "NotAllowedError" | "AbortError" => PasskeyError::Cancelled,
            _ => PasskeyError::Unsupported,
        }
    })?;
    if made.is_null() || made.is_undefined() { Err(PasskeyError::Cancelled) } else { Ok(made) }
}

/// The bytes of `value[path…]` (an ArrayBuffer or a view), at most `max`.
fn buffer_at(value: &JsValue, path: &[&str], max: usize) -> Option<Vec<u8>> {
    let mut v = value.clone();
    for p in path {
        v = Reflect::get(&v, &(*p).into()).ok().filter(|v| !v.is_undefined() && !v.is_null())?;
    }
    let view = if v.is_instance_of::<js_sys::ArrayBuffer>() {
        Uint8Array::new(&v)
    } else {
        Uint8Array::new_with_byte_offset_and_length(
            &Reflect::get(&v, &"buffer".into()).ok()?,
            Reflect::get(&v, &"byteOffset".into()).ok()?.as_f64()? as u32,
            Reflect::get(&v, &"byteLength".into()).ok()?.as_f64()? as u32,
        )
    };
    (view.length() as usize <= max).then(|| view.to_vec())
}

/// The PRF secret of a credential just made or used.
fn prf_secret(credential: &JsValue) -> Result<Option<[u8; 32]>, PasskeyError> {
    let results = Reflect::get(credential, &"getClientExtensionResults".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(credential).ok())
        .ok_or(PasskeyError::NoPrf)?;
    let prf = Reflect::get(&results, &"prf".into()).ok().filter(JsValue::is_object).ok_or(PasskeyError::NoPrf)?;
    let secret = buffer_at(&prf, &["results", "first"], 32).and_then(|b| <[u8; 32]>::try_from(b).ok());
    // Made with no result yet: `enabled` says whether one can come.
    if secret.is_none() && Reflect::get(&prf, &"enabled".into()).ok().and_then(|e| e.as_bool()) == Some(false) {
        return Err(PasskeyError::NoPrf);
    }
    Ok(secret)
}

/// WebAuthn's hint that a security key is wanted (browsers show that first).
fn security_key_hint() -> JsValue {
    Array::of1(&"security-key".into()).into()
}

/// What the browser says of the authenticator a credential was made or
/// used with (`authenticatorAttachment`), if it says.
fn attachment(credential: &JsValue) -> Option<String> {
    Reflect::get(credential, &"authenticatorAttachment".into()).ok().and_then(|a| a.as_string())
}

/// The flags byte of WebAuthn authenticator data (after the RP id hash).
const FLAGS_AT: usize = 32;
/// User verified.
const FLAG_UV: u8 = 0x04;
/// Backup eligible: the credential may be synced to other devices (a
/// password manager's passkey), so it is not a key the member carries.
const FLAG_BE: u8 = 0x08;

/// The authenticator data's flags: refuses a credential that may be
/// synced, and says whether the user was verified.
fn verified(data: &[u8]) -> Result<bool, PasskeyError> {
    let flags = data.get(FLAGS_AT).copied().ok_or(PasskeyError::Unsupported)?;
    if flags & FLAG_BE != 0 {
        return Err(PasskeyError::Synced);
    }
    Ok(flags & FLAG_UV != 0)
}

/// The authenticator data of a credential just made
/// (`response.getAuthenticatorData()`).
fn made_data(made: &JsValue) -> Option<Vec<u8>> {
    let response = Reflect::get(made, &"response".into()).ok()?;
    let f: js_sys::Function = Reflect::get(&response, &"getAuthenticatorData".into()).ok()?.dyn_into().ok()?;
    let data = f.call0(&response).ok()?;
    buffer_at(&object(&[("data", data)]), &["data"], 64 * 1024)
}

fn descriptors(ids: &[Vec<u8>]) -> JsValue {
    ids.iter().map(|id| object(&[("type", "public-key".into()), ("id", bytes(id))])).collect::<Array>().into()
}

/// Makes a passkey on a security key for a staff member (`number` as its
/// name), with user verification, and gives its id
/// and PRF secret (asking the authenticator again where it gives none while
/// making). `known` are the ids this device has for the member already.
pub async fn create(number: &str, name: &str, known: &[Vec<u8>]) -> Result<(Vec<u8>, [u8; 32]), PasskeyError> {
    let params: Array =
        [-8, -7, -257].iter().map(|alg| object(&[("type", "public-key".into()), ("alg", (*alg).into())])).collect();
    let public_key = object(&[
        ("rp", object(&[("name", "ZZ Verify 电子证照核验".into())])),
        ("user", object(&[("id", bytes(&random(16)?)), ("name", number.into()), ("displayName", name.into())])),
        ("challenge", bytes(&random(32)?)),
        ("pubKeyCredParams", params.into()),
        (
            "authenticatorSelection",
            object(&[
                ("authenticatorAttachment", "cross-platform".into()),
                ("residentKey", "discouraged".into()),
                ("userVerification", "required".into()),
            ]),
        ),
        ("excludeCredentials", descriptors(known)),
        ("hints", security_key_hint()),
        ("timeout", TIMEOUT_MS.into()),
        ("extensions", prf_eval()),
    ]);
    let made = credentials("create", public_key).await?;
    // Browsers say which authenticator made a credential: it must be a
    // roaming one, and one that keeps it (not synced).
    if attachment(&made).as_deref() != Some("cross-platform") {
        return Err(PasskeyError::BuiltIn);
    }
    if !verified(&made_data(&made).ok_or(PasskeyError::Unsupported)?)? {
        return Err(PasskeyError::NotVerified);
    }
    let id = buffer_at(&made, &["rawId"], MAX_ID).ok_or(PasskeyError::Unsupported)?;
    match prf_secret(&made)? {
        Some(secret) => Ok((id, secret)),
        None => {
            let (used, secret) = get(std::slice::from_ref(&id)).await?;
            if used == id { Ok((id, secret)) } else { Err(PasskeyError::Unsupported) }
        }
    }
}

/// Asks the user for one of the passkeys `ids` (verified), and gives the
/// one used and its PRF secret.
pub async fn get(ids: &[Vec<u8>]) -> Result<(Vec<u8>, [u8; 32]), PasskeyError> {
    let public_key = object(&[
        ("challenge", bytes(&random(32)?)),
        ("allowCredentials", descriptors(ids)),
        ("userVerification", "required".into()),
        ("hints", security_key_hint()),
        ("timeout", TIMEOUT_MS.into()),
        ("extensions", prf_eval()),
    ]);
    let used = credentials("get", public_key).await?;
    // Windows before 11 23H2 does not say when a credential is used (only
    // when it is made, where a roaming one is required): refused only when
    // the computer's own authenticator is named.
    if attachment(&used).as_deref() == Some("platform") {
        return Err(PasskeyError::BuiltIn);
    }
    let id = buffer_at(&used, &["rawId"], MAX_ID).ok_or(PasskeyError::Unsupported)?;
    let data = buffer_at(&used, &["response", "authenticatorData"], 64 * 1024).unwrap_or_default();
    if !verified(&data)? {
        return Err(PasskeyError::NotVerified);
    }
    let secret = prf_secret(&used)?.ok_or(PasskeyError::NoPrf)?;
    Ok((id, secret))
}
