//! `zz ofd`: draws a page of an OFD file (SPEC section 12), prints the demo
//! SM2 roots.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zz_core::{Outcome, UnixTime};

use crate::files::{read_limited, time_arg};
use crate::terminal::safe;
use crate::verifying::{MAX_INPUT, load_sm2_roots};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Draw a page of an OFD file as SVG from what its signatures cover:
    /// uncovered content is left out, and an invalid file is not drawn (exit 1).
    Render {
        /// The OFD file.
        file: PathBuf,
        /// Where to write the SVG.
        #[arg(long)]
        svg: PathBuf,
        /// The page, from 1.
        #[arg(long, default_value_t = 1)]
        page: usize,
        /// Pinned SM2 root certificates (PEM).
        #[arg(long)]
        sm2_roots: Option<PathBuf>,
        /// Verification time (RFC 3339 or unix seconds); default now.
        #[arg(long, value_parser = time_arg)]
        now: Option<UnixTime>,
    },
    /// Print the DEMO SM2 root and seal CA (PEM) that `zz issue --ofd` seals
    /// chain to. Derived from a public seed: never pin them for real use.
    DemoRoots,
    /// Print the DEMO seal signer certificate (PEM) that `zz issue --ofd`
    /// seals a department's licenses with, to list it in a trust list's
    /// seals (`zz trust --seal`). Derived from a public seed: demos only.
    DemoSigner {
        /// The department's code (the license's issuer code).
        #[arg(long, value_name = "USCC")]
        org_code: String,
        /// The department's name, as its licenses name it.
        #[arg(long, value_name = "NAME")]
        org_name: String,
    },
}

impl Args {
    pub fn run(self) -> ExitCode {
        match self.action {
            Action::Render { file, svg, page, sm2_roots, now } => {
                super::found(render_ofd(&file, &svg, page, sm2_roots.as_deref(), now))
            }
            Action::DemoRoots => {
                print!("{}", zz_issuer::demo::ofd::DemoPki::new().roots_pem());
                ExitCode::SUCCESS
            }
            Action::DemoSigner { org_code, org_name } => {
                print!("{}", zz_issuer::demo::ofd::DemoPki::new().own_signer(&org_name, &org_code).pem());
                ExitCode::SUCCESS
            }
        }
    }
}

/// `zz ofd render`: verifies an OFD file and draws a page of what its
/// signatures cover as SVG. `Ok(false)` when it is invalid (not drawn).
fn render_ofd(
    file: &Path,
    svg: &Path,
    page: usize,
    sm2_roots: Option<&Path>,
    now: Option<UnixTime>,
) -> anyhow::Result<bool> {
    let roots = load_sm2_roots(sm2_roots).map_err(|e| anyhow::anyhow!(e))?;
    let bytes = read_limited(file, MAX_INPUT)?;
    let opts = zz_ofd::Options { roots: &roots, now: now.unwrap_or_else(crate::files::now), zz1: None };
    let report = zz_ofd::verify(&bytes, &opts);
    match zz_ofd::render::render(&bytes, &report, page.saturating_sub(1)) {
        Ok(p) => {
            crate::files::write(svg, &p.svg)?;
            eprintln!("wrote {} (page {page} of {}; verdict {})", svg.display(), p.pages, report.verdict.as_str());
            if !p.not_covered.is_empty() {
                eprintln!("  not drawn, covered by no valid signature: {}", safe(&p.not_covered.join(", ")));
            }
            eprintln!("  the ZZ1 license it may carry is not checked here: use zz verify");
            Ok(true)
        }
        Err(zz_ofd::render::RenderError::Invalid) => {
            for c in report.checks.iter().chain(report.signatures.iter().flat_map(|s| s.checks.iter())) {
                if c.outcome == Outcome::Fail {
                    eprintln!("  {}: {}", c.id.as_str(), safe(&c.en));
                }
            }
            eprintln!("{}: invalid, not drawn", file.display());
            Ok(false)
        }
        Err(e) => Err(anyhow::anyhow!("{}: {e}", file.display())),
    }
}
