//! The citizen's wallet (我的证照, SPEC section 13): licenses kept on this
//! device (IndexedDB) with their status as last verified, and the device
//! key that shows them live (亮证): made by WebCrypto on first use,
//! non-extractable (Ed25519 where the browser has it, P-256 otherwise).

use serde::{Deserialize, Serialize};
use zz_core::envelope::{DeviceAlg, Unsigned};
use zz_core::model::{DeviceKey, Presentation};
use zz_core::{UnixTime, Verdict};

use crate::services::device::{KeyPair, key_pair};

/// The IndexedDB slot of the wallet's key pair (apart from the audit log's).
const KEY_SLOT: &str = "wallet-key";
/// The IndexedDB key of the licenses kept.
const LICENSES: &str = "zz.wallet";
/// Most licenses a wallet keeps.
pub const MAX_LICENSES: usize = 50;
/// How often a live code is made again (SPEC section 13: at least every
/// 30 s; verifiers take it for 90 s).
pub const REFRESH_SECS: u32 = 20;

/// A license kept in the wallet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kept {
    /// The tagged COSE bytes, hex.
    pub cose: String,
    pub added: i64,
    /// The verdict when last verified, and when.
    pub verdict: Verdict,
    pub checked: i64,
}

impl Kept {
    pub fn bytes(&self) -> Vec<u8> {
        zz_core::hex::parse_hex(&self.cose).unwrap_or_default()
    }
}

/// The licenses kept (newest first).
pub async fn licenses() -> Vec<Kept> {
    crate::services::idb::get(LICENSES)
        .await
        .ok()
        .flatten()
        .and_then(|b| serde_json::from_str(&String::from_utf8(b).unwrap_or_default()).ok())
        .unwrap_or_default()
}

async fn store(list: &[Kept]) -> Result<(), String> {
    let json = serde_json::to_string(list).map_err(|e| e.to_string())?;
    crate::services::idb::put(LICENSES, json.as_bytes()).await.map_err(|e| e.to_string())
}

/// Keeps a license (its verified report gives the verdict); one already
/// kept is replaced. Refused beyond [`MAX_LICENSES`].
pub async fn keep(cose: &[u8], verdict: Verdict, now: UnixTime) -> Result<Vec<Kept>, String> {
    let mut list = licenses().await;
    let hex = zz_core::hex::hex(cose);
    list.retain(|k| k.cose != hex);
    if list.len() >= MAX_LICENSES {
        return Err(format!("the wallet holds at most {MAX_LICENSES} licenses"));
    }
    list.insert(0, Kept { cose: hex, added: now.as_secs(), verdict, checked: now.as_secs() });
    store(&list).await?;
    Ok(list)
}

/// Removes a license.
pub async fn remove(cose: &str) -> Result<Vec<Kept>, String> {
    let mut list = licenses().await;
    list.retain(|k| k.cose != cose);
    store(&list).await?;
    Ok(list)
}

/// Records a new verdict for a license kept.
pub async fn checked(cose: &str, verdict: Verdict, now: UnixTime) -> Vec<Kept> {
    let mut list = licenses().await;
    for k in list.iter_mut().filter(|k| k.cose == cose) {
        k.verdict = verdict;
        k.checked = now.as_secs();
    }
    let _ = store(&list).await;
    list
}

/// The wallet's device key.
pub struct WalletKey {
    pair: KeyPair,
    /// The public key as a license's `cnf` names it.
    pub public: DeviceKey,
}

/// The wallet's key: the one kept on this device, or a new one.
pub async fn key() -> Result<WalletKey, String> {
    let pair = key_pair(KEY_SLOT).await?;
    let public = match (pair.p256, pair.raw_public.as_slice()) {
        (false, raw) => DeviceKey::Ed25519(<[u8; 32]>::try_from(raw).map_err(|_| "not an Ed25519 key")?),
        (true, [4, rest @ ..]) if rest.len() == 64 => {
            let (x, y) = rest.split_at(32);
            DeviceKey::P256 {
                x: <[u8; 32]>::try_from(x).map_err(|_| "bad P-256 key")?,
                y: <[u8; 32]>::try_from(y).map_err(|_| "bad P-256 key")?,
            }
        }
        _ => return Err("not a P-256 public key".into()),
    };
    Ok(WalletKey { pair, public })
}

impl WalletKey {
    /// A live presentation of a license (tagged COSE bytes) made at `now`,
    /// answering `nonce`, as `ZZ1:` text.
    pub async fn present(&self, license: &[u8], now: UnixTime, nonce: Option<Vec<u8>>) -> Result<String, String> {
        let payload = Presentation { iat: now, nonce, aud: None };
        let bytes = zz_core::cbor::encode(&payload.to_value(license));
        let alg = if self.pair.p256 { DeviceAlg::Es256 } else { DeviceAlg::EdDsa };
        let unsigned = Unsigned::presentation(bytes, alg);
        let signature = self.pair.sign(&unsigned.to_be_signed()).await?;
        Ok(zz_core::transport::encode_text(&unsigned.finish(signature)))
    }

    /// The public key as the issuer is given it: a JWK (JSON).
    pub fn jwk(&self) -> String {
        use base64::Engine;
        let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
        match &self.public {
            DeviceKey::Ed25519(x) => format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#, b64(x)),
            DeviceKey::P256 { x, y } => format!(r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}"}}"#, b64(x), b64(y)),
        }
    }
}

/// A challenge shown by a verifier (`ZZ1N:` and the nonce in hex), if
/// `text` is one.
pub fn challenge(text: &str) -> Option<Vec<u8>> {
    let hex = text.trim().strip_prefix("ZZ1N:")?;
    zz_core::hex::parse_hex(hex).filter(|n| (8..=32).contains(&n.len()))
}
