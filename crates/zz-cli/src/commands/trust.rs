//! `zz trust`: signs a trust list from a JSON or TOML description.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use zz_core::envelope::{hex, kid_of};
use zz_core::model::{KeyEntry, Named, Role, TrustList};

use crate::files::{TimeSpec, beside, load_key, load_public, now, parse_hex32, read_structured, write};

#[derive(clap::Args)]
pub struct Args {
    /// The trust list: seq, iat, nextUpdate, keys.
    input: PathBuf,
    /// Key file of a root key.
    #[arg(long)]
    root: PathBuf,
    #[arg(long, short)]
    out: PathBuf,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(trust(&self.input, &self.root, &self.out))
    }
}

/// A trust-list key as a clerk writes it: the public key (hex or a key
/// file), its organisation, roles, types and validity.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct KeyDraft {
    #[serde(default)]
    public_key: Option<String>,
    #[serde(default)]
    key_file: Option<PathBuf>,
    org: Named,
    roles: Vec<Role>,
    #[serde(default)]
    types: Option<Vec<String>>,
    valid_from: TimeSpec,
    valid_to: TimeSpec,
    #[serde(default)]
    revoked_at: Option<TimeSpec>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TrustDraft {
    seq: u64,
    #[serde(default)]
    iat: Option<TimeSpec>,
    next_update: TimeSpec,
    keys: Vec<KeyDraft>,
}

fn trust(input: &Path, root: &Path, out: &Path) -> Result<()> {
    let root = load_key(root)?;
    let d: TrustDraft = read_structured(input)?;
    let at = |field: String, t: &TimeSpec| t.unix().with_context(|| format!("{}: field `{field}`", input.display()));
    let mut keys = Vec::new();
    for (i, k) in d.keys.iter().enumerate() {
        let pk = match (&k.public_key, &k.key_file) {
            (Some(hexkey), _) => {
                parse_hex32(hexkey).with_context(|| format!("{}: field `keys[{i}].publicKey`", input.display()))?
            }
            (None, Some(file)) => load_public(&beside(input, file))?,
            (None, None) => bail!("{}: field `keys[{i}]`: give publicKey or keyFile", input.display()),
        };
        keys.push(KeyEntry {
            kid: kid_of(&pk),
            pk,
            org: k.org.clone(),
            roles: k.roles.clone(),
            types: k.types.clone(),
            valid_from: at(format!("keys[{i}].validFrom"), &k.valid_from)?,
            valid_to: at(format!("keys[{i}].validTo"), &k.valid_to)?,
            revoked_at: k.revoked_at.as_ref().map(|t| at(format!("keys[{i}].revokedAt"), t)).transpose()?,
        });
    }
    let list = TrustList {
        seq: d.seq,
        iat: d.iat.as_ref().map(|t| at("iat".into(), t)).transpose()?.unwrap_or_else(now),
        next_update: at("nextUpdate".into(), &d.next_update)?,
        keys,
    };
    write(out, zz_issuer::sign_trust_list(&list, &root))?;
    eprintln!(
        "wrote {} (seq {}, {} keys, signed by root {})",
        out.display(),
        list.seq,
        list.keys.len(),
        hex(&root.kid())
    );
    Ok(())
}
