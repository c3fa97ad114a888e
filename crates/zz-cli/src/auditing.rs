//! The audit log from the command line: `zz verify --log FILE` appends one
//! signed entry per input (the CLI is a verifying device too, with its key
//! kept beside the log), `zz log checkpoint` signs the head for keeping
//! elsewhere, and `zz log verify` checks a log (the portal's export or the
//! CLI's) and names the first entry that broke.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use serde::Serialize;
use zz_core::{Report, UnixTime};
use zz_issuer::Key;
use zz_log::Event;
use zz_log::audit::{self, Checkpoint, Device, Entry, GENESIS, Operator};

use crate::files::{KeyFile, load_key, read_limited, write};
use crate::terminal::safe;

/// Largest log read (100,000 entries of a few hundred bytes, with room).
const MAX_LOG: u64 = 512 * 1024 * 1024;
/// Largest checkpoint read.
const MAX_CHECKPOINT: u64 = 64 * 1024;

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
fn read_log(path: &Path) -> Result<(audit::Header, Vec<Entry>)> {
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

/// `zz log checkpoint`: the head of the log signed by its device.
pub fn checkpoint(log: &Path, key: &Path, out: &Path, now: UnixTime) -> Result<()> {
    let device = device(key)?;
    let (h, entries) = read_log(log)?;
    if h != device.header() {
        return Err(anyhow!("{}: the log is another device's ({})", log.display(), h.device));
    }
    audit::verify(&h, &entries, None)
        .map_err(|b| anyhow!("{}: broken at line {:?}: {}", log.display(), b.line, b.why))?;
    let last = entries.last().ok_or_else(|| anyhow!("{}: no entry to cover", log.display()))?;
    let c = device.checkpoint(last, now.as_secs());
    write(out, serde_json::to_string_pretty(&c)? + "\n")?;
    println!("checkpoint of {} entries (to #{}), device {}", entries.len(), c.n, c.device);
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Outcome<'a> {
    log: &'a str,
    intact: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a audit::Intact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    broken: Option<&'a audit::Broken>,
}

/// `zz log verify`: 0 intact, 1 broken, 2 unreadable. Several files are
/// one device's log in parts ([`audit::join`]).
pub fn verify(logs: &[PathBuf], checkpoint: Option<&Path>, json: bool) -> i32 {
    let parts = logs.iter().map(|l| read_log(l)).collect::<Result<Vec<_>>>();
    let joined = parts.and_then(|p| audit::join(p).map_err(|e| anyhow!("{}", e.0)));
    let read = joined.and_then(|(h, e)| {
        let c = checkpoint
            .map(|p| -> Result<Checkpoint> {
                serde_json::from_slice(&read_limited(p, MAX_CHECKPOINT)?)
                    .map_err(|e| anyhow!("{}: not a checkpoint: {e}", p.display()))
            })
            .transpose()?;
        Ok((h, e, c))
    });
    let (header, entries, c) = match read {
        Ok(t) => t,
        Err(e) => {
            eprintln!("zz log verify: {}", safe(&format!("{e:#}")));
            return 2;
        }
    };
    let result = audit::verify(&header, &entries, c.as_ref());
    let name = logs.iter().map(|l| l.display().to_string()).collect::<Vec<_>>().join(" + ");
    if json {
        let out = Outcome {
            log: &name,
            intact: result.is_ok(),
            summary: result.as_ref().ok(),
            broken: result.as_ref().err(),
        };
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        match &result {
            Ok(s) => println!(
                "✔ intact  {}  device {} · {} entries (#{}–#{}){}",
                safe(&name),
                s.device,
                s.entries,
                s.first.unwrap_or(0),
                s.last.unwrap_or(0),
                if s.checkpoint {
                    " · checkpoint holds"
                } else if s.checkpoint_pruned {
                    " · the checkpoint covers only entries pruned since"
                } else {
                    ""
                }
            ),
            Err(b) => println!(
                "✘ broken  {}  {}{}: {}",
                safe(&name),
                b.line.map(|l| format!("line {l}")).unwrap_or_else(|| "the log".into()),
                b.n.map(|n| format!(" (entry #{n})")).unwrap_or_default(),
                safe(&b.why)
            ),
        }
    }
    if result.is_ok() { 0 } else { 1 }
}
