//! `zz present`: a live presentation (亮证, SPEC section 13) of a license
//! bound to this device's key, as `ZZ1:` text or a QR image.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use serde::{Deserialize, Serialize};
use zz_core::UnixTime;
use zz_core::model::DeviceKey;
use zz_issuer::device::{DeviceKind, DeviceSigner};

use crate::files::{now, read_limited, time_arg, write};

#[derive(clap::Args)]
pub struct Args {
    /// The license original to present: a .zzl file or a file of ZZ1: text.
    license: PathBuf,
    /// The device key (JSON); made, random, on first use, with its public
    /// key beside it as KEY.pub.json (give that to the issuer:
    /// `zz issue --holder-key KEY.pub.json`).
    #[arg(long, value_name = "KEY")]
    device_key: PathBuf,
    /// Make a P-256 key on first use instead of Ed25519.
    #[arg(long)]
    p256: bool,
    /// The verifier's challenge: its nonce as hex (the ZZ1N: code's digits).
    #[arg(long, value_name = "HEX", value_parser = nonce_arg)]
    nonce: Option<Nonce>,
    /// The USCC of the organisation it is shown to.
    #[arg(long, value_name = "USCC")]
    aud: Option<String>,
    /// The presentation's time (RFC 3339 or unix seconds; default now).
    #[arg(long, value_parser = time_arg)]
    now: Option<UnixTime>,
    /// Write a QR code PNG here instead of printing the ZZ1: text.
    #[arg(long, value_name = "OUT")]
    png: Option<PathBuf>,
}

/// A challenge's nonce (one value, not a list of bytes, to clap).
#[derive(Clone, Debug)]
pub struct Nonce(pub Vec<u8>);

/// A nonce as hex: 8 to 32 bytes (SPEC section 13); `ZZ1N:` may precede it.
pub fn nonce_arg(s: &str) -> Result<Nonce, String> {
    let hex = s.trim();
    let hex = hex.strip_prefix("ZZ1N:").unwrap_or(hex);
    let bytes = zz_core::hex::parse_hex(hex).ok_or("expected hex digits")?;
    if !(8..=32).contains(&bytes.len()) {
        return Err("a nonce has 8 to 32 bytes".into());
    }
    Ok(Nonce(bytes))
}

/// A device key file.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DeviceKeyFile {
    /// `ed25519` or `p256`.
    kind: String,
    secret_key: String,
    public_key: DeviceKey,
    #[serde(default)]
    note: String,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(self.present())
    }

    fn present(&self) -> Result<()> {
        let device = device(&self.device_key, if self.p256 { DeviceKind::P256 } else { DeviceKind::Ed25519 })?;
        let bytes = read_limited(&self.license, 1024 * 1024)?;
        let decoded = zz_core::transport::decode_input(&bytes)
            .map_err(|e| anyhow!("{}: not a license: {}", self.license.display(), e.en()))?;
        let env = zz_core::Envelope::parse_as(&decoded.cose, zz_core::Typ::License)
            .map_err(|e| anyhow!("{}: not a license original: {e:?}", self.license.display()))?;
        let license = env
            .payload_item()
            .ok()
            .and_then(|v| zz_core::model::License::from_cbor(&v).ok())
            .ok_or_else(|| anyhow!("{}: the license cannot be read", self.license.display()))?;
        match &license.cnf {
            Some(k) if *k == device.public() => {}
            Some(_) => {
                eprintln!("warning: the license binds another device's key: verifiers will refuse this presentation")
            }
            None => eprintln!("warning: the license binds no device key: verifiers will refuse this presentation"),
        }
        let cose = device.present(
            &decoded.cose,
            self.now.unwrap_or_else(now),
            self.nonce.as_ref().map(|n| n.0.as_slice()),
            self.aud.as_deref(),
        );
        let text = zz_issuer::zz1_text(&cose);
        match &self.png {
            Some(out) => {
                write(out, zz_issuer::qr::png(&text).map_err(|e| anyhow!("{}: {e}", out.display()))?)?;
                eprintln!("wrote {}", out.display());
            }
            None => println!("{text}"),
        }
        Ok(())
    }
}

/// A device key file's text (as `zz present --device-key` reads it).
pub fn key_file_json(key: &DeviceSigner, note: &str) -> Result<String> {
    let file = DeviceKeyFile {
        kind: if key.kind() == DeviceKind::P256 { "p256" } else { "ed25519" }.into(),
        secret_key: zz_core::hex::hex(&key.secret()),
        public_key: key.public(),
        note: note.into(),
    };
    Ok(serde_json::to_string_pretty(&file)? + "\n")
}

/// The device key at `path`, made (random, of `kind`) when missing, with
/// its public key beside it.
fn device(path: &Path, kind: DeviceKind) -> Result<DeviceSigner> {
    if !path.exists() {
        let key = DeviceSigner::generate(kind).map_err(|e| anyhow!("no system randomness: {e}"))?;
        let note = "ZZ Verify holder device key: signs live presentations (亮证). Keep it private.";
        write(path, key_file_json(&key, note)?)?;
        restrict(path);
        let public = path.with_extension("pub.json");
        write(&public, serde_json::to_string_pretty(&key.public())? + "\n")?;
        eprintln!("made a device key {}; give its public key {} to the issuer", path.display(), public.display());
    }
    let file: DeviceKeyFile = serde_json::from_slice(&read_limited(path, 64 * 1024)?)
        .with_context(|| format!("{}: not a device key file", path.display()))?;
    let kind = match file.kind.as_str() {
        "ed25519" => DeviceKind::Ed25519,
        "p256" => DeviceKind::P256,
        k => bail!("{}: unknown key kind {k:?}", path.display()),
    };
    let secret = zz_core::envelope::parse_hex32(&file.secret_key)
        .ok_or_else(|| anyhow!("{}: secretKey must be 64 hex digits", path.display()))?;
    DeviceSigner::from_secret(kind, secret).ok_or_else(|| anyhow!("{}: the secret key is not usable", path.display()))
}

#[cfg(unix)]
fn restrict(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn restrict(_: &Path) {}
