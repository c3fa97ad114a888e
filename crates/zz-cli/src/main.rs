//! `zz`: issue, inspect and verify ZZ1 e-licenses. Each subcommand, its
//! arguments and its `run`, is a module of [`commands`]; this names them
//! and dispatches.

mod archive;
mod auditing;
mod commands;
mod files;
mod terminal;
mod verifying;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::{annotate, bundle, catalog, demo, issue, keygen, log, ofd, present, qr, status, trust, verify};

#[derive(Parser)]
#[command(name = "zz", version, about = "Issue and verify ZZ1 e-licenses (电子证照) and annotated copies (加注件).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make a signing key (random, or derived from a public seed for demos).
    Keygen(keygen::Args),
    /// Sign a license original from a JSON or TOML description.
    Issue(issue::Args),
    /// Make an annotated copy (加注件) of a signed license.
    Annotate(annotate::Args),
    /// Present a license live (亮证, SPEC section 13), signed by this device's key.
    Present(present::Args),
    /// Create, change and show status lists (revoke, suspend, supersede).
    Status(status::Args),
    /// OFD e-license files (SPEC section 12): draw a page, the demo SM2 roots.
    Ofd(ofd::Args),
    /// The audit log: check one (the portal's export or `zz verify --log`'s),
    /// sign its head as a checkpoint to keep elsewhere.
    Log(log::Args),
    /// Sign a trust list from a JSON or TOML description (with a root key).
    Trust(trust::Args),
    /// Sign a catalog and usage lists from a JSON or TOML description.
    Catalog(catalog::Args),
    /// Pack a trust list, a catalog and status lists into a bundle (.zzb).
    Bundle(bundle::Args),
    /// QR codes: write one for a license, or read the codes in images.
    Qr(qr::Args),
    /// Verify licenses, annotated copies and OFD files (SPEC sections 11, 12).
    #[command(after_help = "Exit status: 0 all valid, 1 any invalid, 3 otherwise indeterminate, \
                            4 bundle or roots unreadable or refused, 2 usage error.")]
    Verify(verify::Args),
    /// Write the demo world: keys, trust data, catalog and samples.
    Demo(demo::Args),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Keygen(c) => c.run(),
        Command::Issue(c) => c.run(),
        Command::Annotate(c) => c.run(),
        Command::Present(c) => c.run(),
        Command::Status(c) => c.run(),
        Command::Ofd(c) => c.run(),
        Command::Log(c) => c.run(),
        Command::Trust(c) => c.run(),
        Command::Catalog(c) => c.run(),
        Command::Bundle(c) => c.run(),
        Command::Qr(c) => c.run(),
        Command::Verify(c) => c.run(),
        Command::Demo(c) => c.run(),
    }
}
