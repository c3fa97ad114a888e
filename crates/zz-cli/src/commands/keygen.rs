//! `zz keygen`: a signing key, random or derived from a public seed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use zz_issuer::Key;

use crate::files::{KeyFile, write};

// The subcommand's about text is the doc comment of its variant in main.rs.
#[derive(clap::Args)]
pub struct Args {
    /// Derive the key from this seed text (demos and tests only: anyone
    /// who knows the seed has the key).
    #[arg(long)]
    seed: Option<String>,
    /// Name of the key (also part of the derivation with --seed).
    #[arg(long, default_value = "key")]
    name: String,
    /// Write the key file here (JSON with the secret key); prints the
    /// public key. Without it the key file goes to standard output.
    #[arg(long, short)]
    out: Option<PathBuf>,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(keygen(self.seed.as_deref(), &self.name, self.out.as_deref()))
    }
}

pub fn keygen(seed: Option<&str>, name: &str, out: Option<&Path>) -> Result<()> {
    let (key, note) = match seed {
        Some(seed) => (
            Key::derive(seed, name),
            format!("derived from the seed {seed:?}: anyone who knows the seed has this key; for demos and tests only"),
        ),
        None => {
            (Key::generate().map_err(|e| anyhow!("no system randomness: {e}"))?, "keep secretKey private".to_owned())
        }
    };
    let file = KeyFile::of(name, &key, &note, true);
    let json = serde_json::to_string_pretty(&file)? + "\n";
    match out {
        Some(path) => {
            write(path, &json)?;
            eprintln!("wrote {}", path.display());
            println!("{}", file.public_key);
        }
        None => print!("{json}"),
    }
    Ok(())
}
