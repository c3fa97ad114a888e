//! `zz status`: creates, changes and shows status lists.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use zz_core::UnixTime;
use zz_core::envelope::{Envelope, Typ};
use zz_core::model::{StatusListPayload, StatusValue};
use zz_issuer::StatusListBuilder;

use crate::files::{load_key, now, read_limited, time_arg, write};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Create a list of N entries, all valid.
    Create {
        list: PathBuf,
        #[arg(long)]
        id: String,
        #[arg(long)]
        entries: u64,
        /// Seconds the list may be relied upon after signing.
        #[arg(long, default_value_t = 86_400)]
        ttl: u64,
        #[arg(long)]
        key: PathBuf,
        #[arg(long, value_parser = time_arg)]
        iat: Option<UnixTime>,
    },
    /// Set an entry: revoked, suspended, superseded or valid; re-signs the list.
    Set {
        list: PathBuf,
        idx: u64,
        #[arg(value_parser = status_value)]
        value: StatusValue,
        #[arg(long)]
        key: PathBuf,
        /// Write here instead of over the list.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = time_arg)]
        iat: Option<UnixTime>,
        #[arg(long)]
        ttl: Option<u64>,
    },
    /// Clear an entry back to valid; re-signs the list.
    Clear {
        list: PathBuf,
        idx: u64,
        #[arg(long)]
        key: PathBuf,
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = time_arg)]
        iat: Option<UnixTime>,
    },
    /// Show a list's entries that are not valid, or one entry.
    Show { list: PathBuf, idx: Option<u64> },
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(match self.action {
            Action::Create { list, id, entries, ttl, key, iat } => status(
                &list,
                StatusAction::Create { id, entries, ttl },
                Some(Signing { key: &key, out: None, iat, ttl: None }),
            ),
            Action::Set { list, idx, value, key, out, iat, ttl } => status(
                &list,
                StatusAction::Set { idx, value },
                Some(Signing { key: &key, out: out.as_deref(), iat, ttl }),
            ),
            Action::Clear { list, idx, key, out, iat } => status(
                &list,
                StatusAction::Set { idx, value: StatusValue::Valid },
                Some(Signing { key: &key, out: out.as_deref(), iat, ttl: None }),
            ),
            Action::Show { list, idx } => status(&list, StatusAction::Show { idx }, None),
        })
    }
}

fn status_value(s: &str) -> Result<StatusValue, String> {
    StatusValue::parse(s).ok_or_else(|| format!("{s:?}: expected valid, revoked, suspended or superseded"))
}

/// Reads a signed status list file for editing.
fn read_status(path: &Path) -> Result<StatusListPayload> {
    let bytes = read_limited(path, zz_core::bundle::MAX_BUNDLE as u64)?;
    let env =
        Envelope::parse_as(&bytes, Typ::Status).map_err(|e| anyhow!("{}: not a status list: {e:?}", path.display()))?;
    let value = env.payload_item().map_err(|e| anyhow!("{}: {}", path.display(), e.reason()))?;
    StatusListPayload::from_cbor(&value).map_err(|e| anyhow!("{}: {}", path.display(), e.reason()))
}

enum StatusAction {
    Create { id: String, entries: u64, ttl: u64 },
    Set { idx: u64, value: StatusValue },
    Show { idx: Option<u64> },
}

/// How a changed list is signed: the key, where the list goes (over the
/// list read when `None`), its `iat` (now when `None`) and its `ttl` (the
/// list's own when `None`).
struct Signing<'a> {
    key: &'a Path,
    out: Option<&'a Path>,
    iat: Option<UnixTime>,
    ttl: Option<u64>,
}

/// Creates, changes or shows the list at `list`; `signing` for a list
/// created or changed.
fn status(list: &Path, action: StatusAction, signing: Option<Signing<'_>>) -> Result<()> {
    let (mut builder, old_ttl) = match &action {
        StatusAction::Create { id, entries, ttl } => (StatusListBuilder::new(id.clone(), *entries), *ttl),
        _ => {
            let p = read_status(list)?;
            let b = StatusListBuilder::from_payload(&p).map_err(|e| anyhow!("{}: lst: {}", list.display(), e.en()))?;
            if let StatusAction::Show { idx } = action {
                return show_status(&p, &b, idx);
            }
            (b, p.ttl)
        }
    };
    if let StatusAction::Set { idx, value } = action {
        builder.set(idx, value).map_err(|e| anyhow!("{}: {e}", list.display()))?;
    }
    let Signing { key, out, iat, ttl } = signing.ok_or_else(|| anyhow!("--key is required to sign the list"))?;
    let key = load_key(key)?;
    let payload = builder.payload(iat.unwrap_or_else(now), ttl.unwrap_or(old_ttl));
    let target = out.unwrap_or(list);
    write(target, zz_issuer::sign_status_list(&payload, &key))?;
    eprintln!("wrote {} ({} entries)", target.display(), builder.len());
    Ok(())
}

fn show_status(p: &StatusListPayload, b: &StatusListBuilder, idx: Option<u64>) -> Result<()> {
    match idx {
        Some(i) => println!("{}", b.get(i).map_err(|e| anyhow!("{e}"))?.as_str()),
        None => {
            println!("id {}  entries {}  iat {}  ttl {} s", p.id, b.len(), p.iat, p.ttl);
            for (i, v) in b.entries() {
                println!("{i}\t{}", v.as_str());
            }
        }
    }
    Ok(())
}
