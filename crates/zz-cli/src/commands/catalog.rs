//! `zz catalog`: signs a catalog and usage lists from a JSON or TOML
//! description.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde::Deserialize;
use zz_core::model::{Catalog, LicenseType, Matter};

use crate::files::{TimeSpec, load_key, now, read_structured, write};

#[derive(clap::Args)]
pub struct Args {
    /// The catalog: seq, iat, types, matters.
    input: PathBuf,
    #[arg(long)]
    root: PathBuf,
    #[arg(long, short)]
    out: PathBuf,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(catalog(&self.input, &self.root, &self.out))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogDraft {
    seq: u64,
    #[serde(default)]
    iat: Option<TimeSpec>,
    types: Vec<LicenseType>,
    #[serde(default)]
    matters: Vec<Matter>,
}

fn catalog(input: &Path, root: &Path, out: &Path) -> Result<()> {
    let root = load_key(root)?;
    let d: CatalogDraft = read_structured(input)?;
    let iat = match &d.iat {
        Some(t) => t.unix().with_context(|| format!("{}: field `iat`", input.display()))?,
        None => now(),
    };
    let catalog = Catalog { seq: d.seq, iat, types: d.types, matters: d.matters };
    write(out, zz_issuer::sign_catalog(&catalog, &root))?;
    eprintln!(
        "wrote {} (seq {}, {} types, {} matters)",
        out.display(),
        catalog.seq,
        catalog.types.len(),
        catalog.matters.len()
    );
    Ok(())
}
