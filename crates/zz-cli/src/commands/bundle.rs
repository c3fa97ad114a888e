//! `zz bundle`: packs a trust list, a catalog and status lists into a
//! bundle (.zzb).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use zz_core::envelope::{Envelope, Typ};

use crate::files::{read_limited, write};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    trust: PathBuf,
    #[arg(long)]
    catalog: PathBuf,
    /// A signed status list (repeatable).
    #[arg(long)]
    status: Vec<PathBuf>,
    #[arg(long, short)]
    out: PathBuf,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(bundle(&self.trust, &self.catalog, &self.status, &self.out))
    }
}

fn bundle(trust: &Path, catalog: &Path, status: &[PathBuf], out: &Path) -> Result<()> {
    let limit = zz_core::bundle::MAX_BUNDLE as u64;
    let mut items = vec![read_limited(trust, limit)?, read_limited(catalog, limit)?];
    for s in status {
        items.push(read_limited(s, limit)?);
    }
    for (path, (item, typ)) in std::iter::once(trust)
        .chain(std::iter::once(catalog))
        .chain(status.iter().map(PathBuf::as_path))
        .zip(items.iter().zip([Typ::Trust, Typ::Catalog].into_iter().chain(std::iter::repeat(Typ::Status))))
    {
        Envelope::parse_as(item, typ).map_err(|e| anyhow!("{}: {e:?}", path.display()))?;
    }
    let bytes = zz_issuer::bundle(items.iter().map(Vec::as_slice));
    write(out, &bytes)?;
    eprintln!("wrote {} ({} items, {} bytes)", out.display(), items.len(), bytes.len());
    Ok(())
}
