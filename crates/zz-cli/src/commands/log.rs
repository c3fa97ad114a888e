//! `zz log`: checks an audit log (the portal's export or `zz verify
//! --log`'s) and names the first entry that broke; signs its head as a
//! checkpoint to keep elsewhere.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use serde::Serialize;
use zz_core::UnixTime;
use zz_log::audit::{self, Checkpoint};
use zz_log::staff;

use crate::auditing::{device, read_log};
use crate::files::{self, read_limited, time_arg, write};
use crate::terminal::safe;

/// Largest checkpoint read.
const MAX_CHECKPOINT: u64 = 64 * 1024;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Check a log: every entry signed by its device and chained to the one
    /// before; with a checkpoint, nothing cut off or re-signed. Several
    /// files of one device (archives of pruned entries and the log after
    /// them) are checked as one. Each entry is attributed to the staff key
    /// whose session signed it; entries that only name an operator are
    /// listed. Exit 0 intact, 1 broken (the first broken entry is named;
    /// with --attributed, also when an entry names an operator without
    /// proof), 2 unreadable.
    Verify {
        #[arg(required = true, value_name = "LOG")]
        logs: Vec<PathBuf>,
        /// A checkpoint of this log kept elsewhere (`zz log checkpoint`, or
        /// the portal's).
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        /// The device the log must be from: its public key (hex; the
        /// stronger pin) or its 16-digit id (64 bits), as recorded when it
        /// was set up. Without it (or a checkpoint), a log re-signed whole
        /// under another key verifies.
        #[arg(long, value_name = "PUBKEY|ID")]
        device: Option<String>,
        /// Fail (exit 1) when an entry names an operator its staff session
        /// does not prove.
        #[arg(long)]
        attributed: bool,
        /// An administrator's staff key (hex, as the log's first
        /// `staff-added` or a `staff-roster` names it), recorded when the
        /// device was set up: only such a key may anchor the roster (a log
        /// whose staff entries were rewritten on the device is then not
        /// attributed). Repeatable.
        #[arg(long = "admin-key", value_name = "HEX")]
        admin_keys: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Sign the head of a log written by `zz verify --log` with its device
    /// key, as a checkpoint to keep elsewhere.
    Checkpoint {
        log: PathBuf,
        #[arg(long, value_name = "KEY")]
        device_key: PathBuf,
        #[arg(long, short)]
        out: PathBuf,
        #[arg(long, value_parser = time_arg)]
        now: Option<UnixTime>,
    },
}

impl Args {
    pub fn run(self) -> ExitCode {
        match self.action {
            Action::Verify { logs, checkpoint, device, attributed, admin_keys, json } => {
                let asked =
                    Asked { checkpoint: checkpoint.as_deref(), device: device.as_deref(), attributed, admin_keys };
                ExitCode::from(verify(&logs, &asked, json) as u8)
            }
            Action::Checkpoint { log, device_key, out, now } => {
                super::done(checkpoint(&log, &device_key, &out, now.unwrap_or_else(files::now)))
            }
        }
    }
}

/// `zz log checkpoint`: the head of the log signed by its device.
fn checkpoint(log: &Path, key: &Path, out: &Path, now: UnixTime) -> Result<()> {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'a Attributed>,
}

/// Whom a log's entries are attributed to ([`staff::Roster`]).
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Attributed {
    /// Entries proven, per staff key.
    staff: Vec<StaffEntries>,
    /// Entries that name an operator (or carry a session) without proof.
    unproven: Vec<Unproven>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StaffEntries {
    staff: String,
    role: String,
    staff_key: String,
    entries: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Unproven {
    n: u64,
    /// The line in the file, or 0 when several files were joined.
    #[serde(skip_serializing_if = "is_zero")]
    line: usize,
    event: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    operator: Option<String>,
    why: String,
}

/// What `zz log verify` is asked to hold the log to.
struct Asked<'a> {
    checkpoint: Option<&'a Path>,
    device: Option<&'a str>,
    attributed: bool,
    admin_keys: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn attribute(device: &str, entries: &[audit::Entry], admin_keys: &[String], one_file: bool) -> Attributed {
    let mut roster = if admin_keys.is_empty() {
        staff::Roster::new(device)
    } else {
        staff::Roster::pinned(device, admin_keys.to_vec())
    };
    let starts_pruned = entries.first().is_some_and(|e| e.n > 1);
    let who = roster.follow_all(entries, starts_pruned, &staff::native_p256);
    let mut out = Attributed::default();
    for (i, (e, a)) in entries.iter().zip(who).enumerate() {
        match a {
            staff::Attribution::Nobody => {}
            staff::Attribution::Staff { staff, role, staff_key } => {
                match out.staff.iter_mut().find(|s| s.staff_key == staff_key && s.role == role && s.staff == staff) {
                    Some(s) => s.entries += 1,
                    None => out.staff.push(StaffEntries { staff, role, staff_key, entries: 1 }),
                }
            }
            staff::Attribution::Unproven { why } => out.unproven.push(Unproven {
                n: e.n,
                // Lines are of one file; of several joined, the entry's
                // number says where.
                line: if one_file { i + 2 } else { 0 },
                event: e.event.clone(),
                operator: e.operator.as_ref().map(|o| format!("{} {} {}", o.number, o.name, o.role)),
                why,
            }),
        }
    }
    out
}

/// `zz log verify`: 0 intact, 1 broken, 2 unreadable. Several files are
/// one device's log in parts ([`audit::join`]).
fn verify(logs: &[PathBuf], asked: &Asked, json: bool) -> i32 {
    let (checkpoint, device, attributed) = (asked.checkpoint, asked.device, asked.attributed);
    if asked.admin_keys.iter().any(|k| k.trim().len() != 64 || !k.trim().bytes().all(|b| b.is_ascii_hexdigit())) {
        eprintln!("zz log verify: --admin-key takes a staff key: 64 hex digits");
        return 2;
    }
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
    // A pin that is no device's id or public key is a mistake of the
    // command, not a broken log.
    if let Some(d) = device.map(str::trim)
        && !(matches!(d.len(), 16 | 64 | 130) && d.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        eprintln!("zz log verify: --device takes a device id (16 hex digits) or a public key (64 or 130 hex digits)");
        return 2;
    }
    let result = match device {
        Some(d) if !audit::is_device(&header, d) => Err(audit::Broken {
            line: Some(1),
            n: None,
            why: format!(
                "the log is device {}'s, not the device given ({}): another device's log, or re-signed whole under another key",
                header.device,
                d.trim()
            ),
        }),
        _ => audit::verify(&header, &entries, c.as_ref()),
    };
    let name = logs.iter().map(|l| l.display().to_string()).collect::<Vec<_>>().join(" + ");
    // Attribution is read only of a log that holds.
    let who = result.as_ref().ok().map(|_| attribute(&header.device, &entries, &asked.admin_keys, logs.len() == 1));
    if json {
        let out = Outcome {
            log: &name,
            intact: result.is_ok(),
            summary: result.as_ref().ok(),
            broken: result.as_ref().err(),
            attribution: who.as_ref(),
        };
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        match &result {
            Ok(s) => println!(
                "✔ intact  {}  device {}{} · {} entries (#{}–#{}){}",
                safe(&name),
                s.device,
                if device.is_some() { " (the device given)" } else { "" },
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
        if let Some(who) = &who {
            for s in &who.staff {
                println!(
                    "  staff {} ({}) key {}: {} entries attributed",
                    safe(&s.staff),
                    safe(&s.role),
                    safe(&s.staff_key),
                    s.entries
                );
            }
            if !who.unproven.is_empty() {
                println!("⚠ {} entries name an operator without proof (not attributable):", who.unproven.len());
                for u in who.unproven.iter().take(20) {
                    println!(
                        "  {}entry #{} {}{}: {}",
                        if u.line > 0 { format!("line {} ", u.line) } else { String::new() },
                        u.n,
                        safe(&u.event),
                        u.operator.as_deref().map(|o| format!(" by {}", safe(o))).unwrap_or_default(),
                        safe(&u.why)
                    );
                }
                if who.unproven.len() > 20 {
                    println!("  … and {} more (--json lists all)", who.unproven.len() - 20);
                }
            }
        }
    }
    let unattributed = who.as_ref().is_some_and(|w| !w.unproven.is_empty());
    if result.is_ok() && !(attributed && unattributed) { 0 } else { 1 }
}
