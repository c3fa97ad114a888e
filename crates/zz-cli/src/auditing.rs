//! The audit log from the command line: `zz verify --log FILE` appends one
//! signed entry per input (the CLI is a verifying device too, with its key
//! kept beside the log). `zz log checkpoint` signs the head for keeping
//! elsewhere, and `zz log verify` checks a log (the portal's export or the
//! CLI's) and names the first entry that broke (`commands::log`).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use zz_core::Report;
use zz_issuer::Key;
use zz_log::Event;
use zz_log::audit::{self, Device, Entry, GENESIS, Operator};

use crate::files::{KeyFile, load_key, read_limited, write};

/// Largest log read (100,000 entries of a few hundred bytes, with room).
const MAX_LOG: u64 = 512 * 1024 * 1024;

/// The device key at `path`, made (random) on first use.
pub fn device(path: &Path) -> Result<Device> {
    if !path.exists() {
        let key = Key::generate().map_err(|e| anyhow!("no system randomness: {e}"))?;
        let note = "ZZ Verify device key: signs this device's audit log. Keep it private, beside the log.";
        write(path, serde_json::to_string_pretty(&KeyFile::of("device", &key, note, true))? + "\n")?;
        restrict(path);
    }
    Ok(Device::from_secret(&load_key(path)?.secret()))
}

#[cfg(unix)]
fn restrict(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn restrict(_: &Path) {}

/// Reads a log: its header and entries.
pub fn read_log(path: &Path) -> Result<(audit::Header, Vec<Entry>)> {
    let bytes = read_limited(path, MAX_LOG)?;
    let text = String::from_utf8(bytes).map_err(|_| anyhow!("{}: not UTF-8 text", path.display()))?;
    audit::parse(&text).map_err(|e| anyhow!("{}: {}", path.display(), e.0))
}

/// Appends one entry per report to the log at `log` (made with this
/// device's header when missing), after checking that the log is this
/// device's and intact.
pub fn append(log: &Path, device: &Device, operator: Option<Operator>, reports: &[Report]) -> Result<()> {
    let header = device.header();
    let (last_n, mut prev) = if log.exists() {
        let (h, entries) = read_log(log)?;
        if h != header {
            return Err(anyhow!("{}: the log is another device's ({}), not this key's", log.display(), h.device));
        }
        audit::verify(&h, &entries, None)
            .map_err(|b| anyhow!("{}: broken at line {:?}: {}", log.display(), b.line, b.why))?;
        entries.last().map_or((0, GENESIS.to_owned()), |e| (e.n, e.hash()))
    } else {
        write(log, serde_json::to_string(&header)? + "\n")?;
        (0, GENESIS.to_owned())
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(log)
        .with_context(|| format!("{}: cannot append", log.display()))?;
    let mut text = String::new();
    for (i, r) in reports.iter().enumerate() {
        let e = Entry {
            time: r.now.as_secs(),
            event: Event::Verify.as_str().into(),
            operator: operator.clone(),
            matter: r.matter.clone(),
            verified: Some(audit::Verified::of(r)),
            ..Entry::default()
        };
        let e = device.seal(e, last_n + 1 + i as u64, &prev);
        prev = e.hash();
        text.push_str(&e.line());
        text.push('\n');
    }
    file.write_all(text.as_bytes()).with_context(|| format!("{}: cannot append", log.display()))
}
