//! `zz trust`: signs a trust list from a JSON or TOML description, with the
//! SM2 seal certificates of OFD e-licenses (SPEC section 6, `seals`) from
//! the description or the command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use zz_core::UnixTime;
use zz_core::envelope::{hex, kid_of};
use zz_core::model::{KeyEntry, Named, Role, SealEntry, TrustList};

use crate::files::{TimeSpec, beside, load_key, load_public, now, parse_hex32, parse_time, read_structured, write};

#[derive(clap::Args)]
pub struct Args {
    /// The trust list: seq, iat, nextUpdate, keys, and optionally seals.
    input: PathBuf,
    /// Key file of a root key.
    #[arg(long)]
    root: PathBuf,
    #[arg(long, short)]
    out: PathBuf,
    #[command(flatten)]
    seal: SealArgs,
}

/// One more seal certificate, given on the command line.
#[derive(clap::Args)]
struct SealArgs {
    /// An SM2 certificate (PEM or DER) that seals OFD e-licenses, listed
    /// by the SHA-256 of its SubjectPublicKeyInfo.
    #[arg(long, value_name = "CERT.pem", requires_all = ["org_code", "valid_from", "valid_to"])]
    seal: Option<PathBuf>,
    /// The department it belongs to: its USCC (never read from the
    /// certificate).
    #[arg(long, value_name = "USCC", requires = "seal")]
    org_code: Option<String>,
    /// The department's name (default: its code).
    #[arg(long, value_name = "NAME", requires = "seal")]
    org_name: Option<String>,
    /// License type codes it may seal, comma-separated (none: it may seal
    /// no license).
    #[arg(long, value_name = "T1,T2", value_delimiter = ',', requires = "seal")]
    types: Vec<String>,
    /// From when it is listed (RFC 3339 or unix seconds).
    #[arg(long, value_name = "TIME", requires = "seal")]
    valid_from: Option<String>,
    /// Until when it is listed.
    #[arg(long, value_name = "TIME", requires = "seal")]
    valid_to: Option<String>,
    /// When it was revoked: signatures made from then on are refused.
    #[arg(long, value_name = "TIME", requires = "seal")]
    revoked_at: Option<String>,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(trust(&self.input, &self.root, &self.out, &self.seal))
    }
}

/// A seal certificate as a clerk writes it: the certificate file (or the
/// SPKI hash in hex), the department, the types and the listing period.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SealDraft {
    #[serde(default)]
    cert: Option<PathBuf>,
    #[serde(default)]
    spki: Option<String>,
    org: Named,
    #[serde(default)]
    types: Option<Vec<String>>,
    valid_from: TimeSpec,
    valid_to: TimeSpec,
    #[serde(default)]
    revoked_at: Option<TimeSpec>,
}

/// The SHA-256 of a certificate's SubjectPublicKeyInfo, and the USCC its
/// subject's `O` starts with (as some CAs write it), if any.
fn seal_cert(path: &Path) -> Result<([u8; 32], Option<String>)> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let cert = match std::str::from_utf8(&bytes) {
        Ok(text) if text.contains("-----BEGIN") => zz_ofd::cert::parse_pem(text).and_then(|c| c.into_iter().next()),
        _ => zz_ofd::cert::Cert::parse(&bytes),
    }
    .with_context(|| format!("{}: not an X.509 certificate", path.display()))?;
    Ok((cert.spki_sha256, subject_uscc(&cert.subject)))
}

/// The 18-character USCC an `O` of the subject starts with, if it has a
/// valid check character.
fn subject_uscc(subject: &str) -> Option<String> {
    subject.split(',').filter_map(|rdn| rdn.trim().strip_prefix("O=")).find_map(|o| {
        let code: String = o.chars().take(18).collect();
        (code.chars().count() == 18 && zz_core::ident::uscc_valid(&code)).then_some(code)
    })
}

/// Says so when a certificate's subject names another USCC than the one
/// the seal entry gives (the entry still stands: the trust list decides).
fn warn_if_other_uscc(what: &str, in_cert: Option<&str>, given: &str) {
    if let Some(c) = in_cert.filter(|c| !c.eq_ignore_ascii_case(given.trim())) {
        eprintln!(
            "warning: {what}: the certificate's subject O starts with USCC {c}, not the org code given ({given})"
        );
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
    #[serde(default)]
    seals: Option<Vec<SealDraft>>,
}

fn trust(input: &Path, root: &Path, out: &Path, extra: &SealArgs) -> Result<()> {
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
    let mut seals = match &d.seals {
        None => None,
        Some(list) => {
            let mut out = Vec::new();
            for (i, s) in list.iter().enumerate() {
                let what = format!("{}: field `seals[{i}]`", input.display());
                let spki = match (&s.cert, &s.spki) {
                    (Some(file), _) => {
                        let (spki, uscc) = seal_cert(&beside(input, file))?;
                        warn_if_other_uscc(&what, uscc.as_deref(), &s.org.code);
                        spki
                    }
                    (None, Some(h)) => parse_hex32(h).with_context(|| format!("{what}.spki"))?,
                    (None, None) => bail!("{what}: give cert or spki"),
                };
                out.push(SealEntry {
                    spki,
                    org: s.org.clone(),
                    types: s.types.clone(),
                    valid_from: at(format!("seals[{i}].validFrom"), &s.valid_from)?,
                    valid_to: at(format!("seals[{i}].validTo"), &s.valid_to)?,
                    revoked_at: s.revoked_at.as_ref().map(|t| at(format!("seals[{i}].revokedAt"), t)).transpose()?,
                });
            }
            Some(out)
        }
    };
    if let Some(cert) = &extra.seal {
        let (spki, uscc) = seal_cert(cert)?;
        let code = extra.org_code.clone().unwrap_or_default();
        warn_if_other_uscc(&cert.display().to_string(), uscc.as_deref(), &code);
        let time = |t: &Option<String>, flag: &str| -> Result<Option<UnixTime>> {
            t.as_deref().map(parse_time).transpose().with_context(|| format!("--{flag}"))
        };
        let entry = SealEntry {
            spki,
            org: Named { name: extra.org_name.clone().unwrap_or_else(|| code.clone()), code },
            types: (!extra.types.is_empty()).then(|| extra.types.clone()),
            valid_from: time(&extra.valid_from, "valid-from")?.context("--valid-from is required with --seal")?,
            valid_to: time(&extra.valid_to, "valid-to")?.context("--valid-to is required with --seal")?,
            revoked_at: time(&extra.revoked_at, "revoked-at")?,
        };
        // The same certificate listed again on the command line replaces
        // its entry (to revoke it, say).
        let list = seals.get_or_insert_with(Vec::new);
        list.retain(|s| s.spki != entry.spki);
        list.push(entry);
    }
    let list = TrustList {
        seq: d.seq,
        iat: d.iat.as_ref().map(|t| at("iat".into(), t)).transpose()?.unwrap_or_else(now),
        next_update: at("nextUpdate".into(), &d.next_update)?,
        keys,
        seals,
    };
    write(out, zz_issuer::sign_trust_list(&list, &root))?;
    eprintln!(
        "wrote {} (seq {}, {} keys, {} seals, signed by root {})",
        out.display(),
        list.seq,
        list.keys.len(),
        list.seals.as_ref().map_or(0, Vec::len),
        hex(&root.kid())
    );
    Ok(())
}
