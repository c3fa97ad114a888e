//! The subcommands of `zz`, one module each: its arguments (clap) and its
//! `run`. `main.rs` names them and dispatches; what several share is in
//! the modules beside this one (`files`, `verifying`, `auditing`,
//! `archive`, `terminal`).

pub mod annotate;
pub mod bundle;
pub mod catalog;
pub mod demo;
pub mod issue;
pub mod keygen;
pub mod log;
pub mod ofd;
pub mod present;
pub mod qr;
pub mod status;
pub mod trust;
pub mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::files;
use crate::terminal::safe;

/// Where a signed license or annotated copy goes.
#[derive(clap::Args)]
pub struct Outputs {
    /// Where to write the signed object (.zzl).
    #[arg(long, short)]
    out: PathBuf,
    /// Also write the ZZ1: text here.
    #[arg(long)]
    text: Option<PathBuf>,
    /// Also write a QR code PNG here.
    #[arg(long)]
    qr: Option<PathBuf>,
}

impl Outputs {
    /// Writes a signed object and, if asked, its `ZZ1:` text and QR image.
    pub fn write(&self, cose: &[u8]) -> Result<()> {
        files::write(&self.out, cose)?;
        eprintln!("wrote {}", self.out.display());
        let zz1 = zz_issuer::zz1_text(cose);
        if let Some(t) = &self.text {
            files::write(t, format!("{zz1}\n"))?;
            eprintln!("wrote {}", t.display());
        }
        if let Some(q) = &self.qr {
            files::write(q, zz_issuer::qr::png(&zz1).map_err(|e| anyhow!("{}: {e}", q.display()))?)?;
            eprintln!("wrote {}", q.display());
        }
        Ok(())
    }
}

/// The exit status of a command that succeeded (0) or failed: its error on
/// standard error after `zz: `, and 1.
pub fn done(result: Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zz: {}", safe(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// The exit status of a command that may find nothing to give: 0 when it
/// did, 1 when it did not, and as [`done`] on an error.
pub fn found(result: Result<bool>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => done(Err(e)),
    }
}
