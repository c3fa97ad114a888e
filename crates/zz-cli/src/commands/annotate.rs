//! `zz annotate`: makes an annotated copy (加注件) of a signed license.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use zz_core::envelope::{Envelope, Typ};
use zz_core::model::{Annotation, Holder, Named};

use super::Outputs;
use crate::files::{TimeSpec, load_key, now, read_limited, read_structured};

#[derive(clap::Args)]
pub struct Args {
    /// The signed license (.zzl or ZZ1: text).
    license: PathBuf,
    /// The annotation: purpose, matter, recipient, validFrom, validTo, maker,
    /// and optionally agent (受托人: name, idType, id).
    annotation: PathBuf,
    /// Key file of an annotating key (role `annotate`).
    #[arg(long)]
    key: PathBuf,
    #[command(flatten)]
    outputs: Outputs,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(annotate(&self.license, &self.annotation, &self.key, &self.outputs))
    }
}

/// An annotation as a clerk writes it (SPEC section 5); times are RFC 3339
/// or unix seconds.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AnnotationDraft {
    purpose: String,
    #[serde(default)]
    matter: Option<Named>,
    #[serde(default)]
    recipient: Option<Named>,
    valid_from: TimeSpec,
    valid_to: TimeSpec,
    maker: Named,
    /// The person entrusted to present the copy (受托人).
    #[serde(default)]
    agent: Option<Holder>,
    #[serde(default)]
    iat: Option<TimeSpec>,
}

fn annotate(license: &Path, input: &Path, key_path: &Path, outputs: &Outputs) -> Result<()> {
    let key = load_key(key_path)?;
    let cose = read_limited(license, zz_core::transport::MAX_OBJECT as u64)?;
    let cose = zz_core::transport::decode_input(&cose)
        .map(|d| d.cose)
        .map_err(|e| anyhow!("{}: {}", license.display(), e.en()))?;
    Envelope::parse_as(&cose, Typ::License)
        .map_err(|e| anyhow!("{}: not a license original: {e:?}", license.display()))?;
    let d: AnnotationDraft = read_structured(input)?;
    let field = |name: &str, t: &TimeSpec| t.unix().with_context(|| format!("{}: field `{name}`", input.display()));
    let annotation = Annotation {
        purpose: d.purpose,
        matter: d.matter,
        recipient: d.recipient,
        valid_from: field("validFrom", &d.valid_from)?,
        valid_to: field("validTo", &d.valid_to)?,
        maker: d.maker,
        agent: d.agent,
        iat: d.iat.as_ref().map(|t| field("iat", t)).transpose()?.unwrap_or_else(now),
    };
    if annotation.valid_to <= annotation.valid_from {
        bail!("{}: field `validTo`: must be after validFrom", input.display());
    }
    outputs.write(&zz_issuer::annotate(&cose, &annotation, &key))
}
