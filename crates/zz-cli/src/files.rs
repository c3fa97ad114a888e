//! Reading what a clerk writes by hand (JSON or TOML), key files, times.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use zz_core::UnixTime;
use zz_core::envelope::hex;
use zz_issuer::Key;

/// Reads a JSON or TOML file (by extension; `.toml` is TOML, else JSON)
/// into `T`, naming the file, the field and the reason on error.
pub fn read_structured<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let is_toml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        let de = toml::Deserializer::parse(&text).map_err(|e| anyhow!("{}: not valid TOML: {e}", path.display()))?;
        serde_path_to_error::deserialize(de).map_err(|e| {
            let field = e.path().to_string();
            anyhow!("{}: field `{field}`: {}", path.display(), e.into_inner().message().trim())
        })
    } else {
        let de = &mut serde_json::Deserializer::from_str(&text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let field = e.path().to_string();
            anyhow!("{}: field `{field}`: {}", path.display(), e.into_inner())
        })
    }
}

/// An instant written as RFC 3339 text or unix seconds.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum TimeSpec {
    Unix(u64),
    Text(String),
}

impl TimeSpec {
    pub fn unix(&self) -> Result<UnixTime> {
        match self {
            TimeSpec::Unix(t) => Ok(UnixTime::from_unsigned(*t)),
            TimeSpec::Text(s) => parse_time(s),
        }
    }
}

/// Parses RFC 3339 (`2026-11-22T09:30:00+08:00`) or unix seconds.
pub fn parse_time(s: &str) -> Result<UnixTime> {
    if let Ok(t) = s.trim().parse::<u64>() {
        return Ok(UnixTime::from_unsigned(t));
    }
    let t = OffsetDateTime::parse(s.trim(), &Rfc3339)
        .map_err(|e| anyhow!("{s:?} is not RFC 3339 time or unix seconds: {e}"))?;
    let t = UnixTime::from_secs(t.unix_timestamp());
    if t < UnixTime::EPOCH {
        bail!("{s:?} is before 1970");
    }
    Ok(t)
}

/// For clap: a time argument.
pub fn time_arg(s: &str) -> std::result::Result<UnixTime, String> {
    parse_time(s).map_err(|e| e.to_string())
}

/// The system clock.
pub fn now() -> UnixTime {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(UnixTime::EPOCH, |d| UnixTime::from_unsigned(d.as_secs()))
}

/// A key file: JSON with the secret key (keep it private).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyFile {
    #[serde(default)]
    pub name: String,
    pub kid: String,
    pub public_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_key: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl KeyFile {
    pub fn of(name: &str, key: &Key, note: &str, with_secret: bool) -> KeyFile {
        KeyFile {
            name: name.to_owned(),
            kid: hex(&key.kid()),
            public_key: hex(&key.public()),
            secret_key: with_secret.then(|| hex(&key.secret())),
            note: note.to_owned(),
        }
    }
}

/// 32 bytes from 64 hex digits (surrounding spaces ignored).
pub fn parse_hex32(s: &str) -> Result<[u8; 32]> {
    zz_core::envelope::parse_hex32(s.trim()).ok_or_else(|| anyhow!("expected 64 hex digits"))
}

/// Loads a signing key from a key file.
pub fn load_key(path: &Path) -> Result<Key> {
    let file: KeyFile = read_structured(path)?;
    let secret = file
        .secret_key
        .as_deref()
        .ok_or_else(|| anyhow!("{}: field `secretKey`: missing (this is a public key file)", path.display()))?;
    let key = Key::from_secret(parse_hex32(secret).with_context(|| format!("{}: field `secretKey`", path.display()))?);
    if hex(&key.public()) != file.public_key.to_ascii_lowercase() {
        bail!("{}: field `publicKey`: does not belong to the secret key", path.display());
    }
    Ok(key)
}

/// Loads a public key from a key file (secret or public).
pub fn load_public(path: &Path) -> Result<[u8; 32]> {
    let file: KeyFile = read_structured(path)?;
    parse_hex32(&file.public_key).with_context(|| format!("{}: field `publicKey`", path.display()))
}

/// Writes bytes, creating parent directories.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create directory", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
}

/// Reads a file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let mut out = Vec::new();
    file.take(limit + 1).read_to_end(&mut out).with_context(|| format!("{}: cannot read", path.display()))?;
    if out.len() as u64 > limit {
        bail!("{}: larger than {limit} bytes", path.display());
    }
    Ok(out)
}

/// A path relative to the directory of another file.
pub fn beside(file: &Path, rel: &Path) -> PathBuf {
    if rel.is_absolute() { rel.to_owned() } else { file.parent().unwrap_or(Path::new(".")).join(rel) }
}
