//! `zz qr`: writes the QR code of a license, reads the codes in images.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::files::{read_limited, write};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Write the QR code (alphanumeric, ECC Q) of a license as PNG.
    Encode {
        /// A .zzl file or ZZ1: text.
        input: PathBuf,
        #[arg(long, short)]
        out: PathBuf,
        /// Also write the ZZ1: text here.
        #[arg(long)]
        text: Option<PathBuf>,
    },
    /// Print every QR payload found in images, one per line.
    Decode {
        #[arg(required = true)]
        images: Vec<PathBuf>,
        /// A JSON array of payloads per image.
        #[arg(long)]
        json: bool,
    },
}

impl Args {
    pub fn run(self) -> ExitCode {
        match self.action {
            Action::Encode { input, out, text } => super::done(qr_encode(&input, &out, text.as_deref())),
            Action::Decode { images, json } => super::found(qr_decode(&images, json)),
        }
    }
}

fn qr_encode(input: &Path, out: &Path, text: Option<&Path>) -> Result<()> {
    let bytes = read_limited(input, zz_core::transport::MAX_OBJECT as u64 * 2)?;
    let cose = zz_core::transport::decode_input(&bytes)
        .map(|d| d.cose)
        .map_err(|e| anyhow!("{}: {}", input.display(), e.en()))?;
    let zz1 = zz_issuer::zz1_text(&cose);
    write(out, zz_issuer::qr::png(&zz1).map_err(|e| anyhow!("{}: {e}", out.display()))?)?;
    eprintln!("wrote {}", out.display());
    if let Some(t) = text {
        write(t, format!("{zz1}\n"))?;
        eprintln!("wrote {}", t.display());
    }
    Ok(())
}

fn qr_decode(images: &[PathBuf], json: bool) -> Result<bool> {
    let mut found_all = true;
    let mut all = Vec::new();
    for path in images {
        let bytes = read_limited(path, zz_qr::MAX_FILE as u64)?;
        let codes = zz_qr::decode_image(&bytes).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        if codes.is_empty() {
            eprintln!("{}: no QR code found", crate::terminal::safe(&path.display().to_string()));
            found_all = false;
        }
        if json {
            all.push(codes);
        } else {
            for c in codes {
                println!("{}", crate::terminal::safe(&c));
            }
        }
    }
    if json {
        let out = if images.len() == 1 { serde_json::to_string(&all[0])? } else { serde_json::to_string(&all)? };
        println!("{out}");
    }
    Ok(found_all)
}
