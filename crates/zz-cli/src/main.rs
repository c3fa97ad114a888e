//! `zz`: issue, inspect and verify ZZ1 e-licenses.

mod archive;
mod auditing;
mod demo;
mod files;
mod issuing;
mod terminal;
mod verifying;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use zz_core::UnixTime;
use zz_core::model::StatusValue;

use crate::files::time_arg;

#[derive(Parser)]
#[command(name = "zz", version, about = "Issue and verify ZZ1 e-licenses (电子证照) and annotated copies (加注件).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Make a signing key (random, or derived from a public seed for demos).
    Keygen {
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
    },
    /// Sign a license original from a JSON or TOML description.
    Issue {
        /// The license: SPEC section 4 fields; `id`, or `serial` and `version`.
        license: PathBuf,
        /// Key file of an issuing key (role `issue` in the trust list).
        #[arg(long)]
        key: PathBuf,
        /// Signing time (RFC 3339 or unix seconds); default the file's `iat`, else now.
        #[arg(long, value_parser = time_arg)]
        iat: Option<UnixTime>,
        #[command(flatten)]
        outputs: Outputs,
        /// Also write a one-page OFD e-license carrying the license (SPEC 12),
        /// sealed with the issuing department's DEMO SM2 seal (public seed).
        #[arg(long)]
        ofd: Option<PathBuf>,
        /// The catalog (JSON, as `zz demo` writes `inputs/catalog.json`) giving
        /// the OFD face its title and field labels.
        #[arg(long, requires = "ofd")]
        catalog: Option<PathBuf>,
    },
    /// Make an annotated copy (加注件) of a signed license.
    Annotate {
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
    },
    /// Create, change and show status lists (revoke, suspend, supersede).
    Status {
        #[command(subcommand)]
        action: StatusCommand,
    },
    /// OFD e-license files (SPEC section 12): draw a page, the demo SM2 roots.
    Ofd {
        #[command(subcommand)]
        action: OfdCommand,
    },
    /// The audit log: check one (the portal's export or `zz verify --log`'s),
    /// sign its head as a checkpoint to keep elsewhere.
    Log {
        #[command(subcommand)]
        action: LogCommand,
    },
    /// Sign a trust list from a JSON or TOML description (with a root key).
    Trust {
        /// The trust list: seq, iat, nextUpdate, keys.
        input: PathBuf,
        /// Key file of a root key.
        #[arg(long)]
        root: PathBuf,
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Sign a catalog and usage lists from a JSON or TOML description.
    Catalog {
        /// The catalog: seq, iat, types, matters.
        input: PathBuf,
        #[arg(long)]
        root: PathBuf,
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Pack a trust list, a catalog and status lists into a bundle (.zzb).
    Bundle {
        #[arg(long)]
        trust: PathBuf,
        #[arg(long)]
        catalog: PathBuf,
        /// A signed status list (repeatable).
        #[arg(long)]
        status: Vec<PathBuf>,
        #[arg(long, short)]
        out: PathBuf,
    },
    /// QR codes: write one for a license, or read the codes in images.
    Qr {
        #[command(subcommand)]
        action: QrCommand,
    },
    /// Verify licenses, annotated copies and OFD files (SPEC sections 11, 12).
    #[command(after_help = "Exit status: 0 all valid, 1 any invalid, 3 otherwise indeterminate, \
                            4 bundle or roots unreadable or refused, 2 usage error.")]
    Verify {
        /// .zzl files, ZZ1: text files, PNG or JPEG images of QR codes, OFD files, or - for standard input.
        #[arg(required_unless_present = "case", conflicts_with = "case")]
        inputs: Vec<String>,
        /// A counter case record (JSON, as the portal saves it for the case
        /// archive): verify every signed object it holds again, at the time
        /// of the case unless --now is given, for its matter and
        /// organisation, and say whether the record's verdicts hold (exit
        /// 0) or not (1). The status lists are those of --bundle.
        #[arg(long, value_name = "CASE.json")]
        case: Option<PathBuf>,
        /// The trust bundle (.zzb).
        #[arg(long)]
        bundle: PathBuf,
        /// Pinned root public keys, one per line as 64 hex digits.
        #[arg(long)]
        roots: PathBuf,
        /// Verification time, RFC 3339 or unix seconds (default: the system clock).
        #[arg(long, value_parser = time_arg)]
        now: Option<UnixTime>,
        /// The service matter (用证事项) code being handled.
        #[arg(long)]
        matter: Option<String>,
        /// The verifying organisation's unified social credit code (用证单位):
        /// an annotated copy made for another organisation fails.
        #[arg(long, value_name = "USCC")]
        org: Option<String>,
        /// The applicant's ID (办事主体): resident ID number or USCC; a license
        /// of someone else (not the holder, nor the copy's agent) fails.
        #[arg(long, value_name = "ID")]
        applicant: Option<String>,
        /// Pinned SM2 root certificates (PEM) for OFD files; without them no
        /// OFD signer can be trusted.
        #[arg(long)]
        sm2_roots: Option<PathBuf>,
        /// One JSON object per input (an array for several inputs).
        #[arg(long)]
        json: bool,
        /// Refuse a trust list whose seq is below this (rollback).
        #[arg(long)]
        min_seq: Option<u64>,
        /// Language of the human-readable output.
        #[arg(long, value_enum, default_value = "zh")]
        lang: verifying::Lang,
        /// Append one signed entry per input to this audit log (JSON Lines,
        /// the portal's export format; made when missing).
        #[arg(long, value_name = "FILE", requires = "device_key")]
        log: Option<PathBuf>,
        /// The key that signs the log (made, random, on first use; keep it
        /// beside the log).
        #[arg(long, value_name = "KEY", requires = "log")]
        device_key: Option<PathBuf>,
        /// Who is verifying, for the log: name and staff number.
        #[arg(long, requires = "log")]
        operator: Option<String>,
        #[arg(long, requires = "log")]
        staff_no: Option<String>,
    },
    /// Write the demo world: keys, trust data, catalog and samples.
    Demo {
        out: PathBuf,
        /// Reference time of the world (RFC 3339 or unix seconds).
        #[arg(long, value_parser = time_arg, default_value_t = zz_issuer::demo::DEFAULT_NOW)]
        now: UnixTime,
    },
}

/// Where a signed license or annotated copy goes.
#[derive(clap::Args)]
struct Outputs {
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

#[derive(Subcommand)]
enum StatusCommand {
    /// Create a list of N entries, all valid.
    Create {
        list: PathBuf,
        #[arg(long)]
        id: String,
        #[arg(long)]
        entries: u64,
        /// Seconds the list may be relied upon after signing.
        #[arg(long, default_value_t = 86_400)]
        ttl: u64,
        #[arg(long)]
        key: PathBuf,
        #[arg(long, value_parser = time_arg)]
        iat: Option<UnixTime>,
    },
    /// Set an entry: revoked, suspended, superseded or valid; re-signs the list.
    Set {
        list: PathBuf,
        idx: u64,
        #[arg(value_parser = status_value)]
        value: StatusValue,
        #[arg(long)]
        key: PathBuf,
        /// Write here instead of over the list.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = time_arg)]
        iat: Option<UnixTime>,
        #[arg(long)]
        ttl: Option<u64>,
    },
    /// Clear an entry back to valid; re-signs the list.
    Clear {
        list: PathBuf,
        idx: u64,
        #[arg(long)]
        key: PathBuf,
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(long, value_parser = time_arg)]
        iat: Option<UnixTime>,
    },
    /// Show a list's entries that are not valid, or one entry.
    Show { list: PathBuf, idx: Option<u64> },
}

#[derive(Subcommand)]
enum QrCommand {
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

#[derive(Subcommand)]
enum LogCommand {
    /// Check a log: every entry signed by its device and chained to the one
    /// before; with a checkpoint, nothing cut off or re-signed. Several
    /// files of one device (archives of pruned entries and the log after
    /// them) are checked as one. Exit 0 intact, 1 broken (the first broken
    /// entry is named), 2 unreadable.
    Verify {
        #[arg(required = true, value_name = "LOG")]
        logs: Vec<PathBuf>,
        /// A checkpoint of this log kept elsewhere (`zz log checkpoint`, or
        /// the portal's).
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Sign the head of a log written by `zz verify --log` with its device
    /// key, as a checkpoint to keep elsewhere.
    Checkpoint {
        log: PathBuf,
        #[arg(long, value_name = "KEY")]
        device_key: PathBuf,
        #[arg(long, short)]
        out: PathBuf,
        #[arg(long, value_parser = time_arg)]
        now: Option<UnixTime>,
    },
}

#[derive(Subcommand)]
enum OfdCommand {
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
}

fn status_value(s: &str) -> Result<StatusValue, String> {
    StatusValue::parse(s).ok_or_else(|| format!("{s:?}: expected valid, revoked, suspended or superseded"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Verify {
            inputs,
            case,
            bundle,
            roots,
            now,
            matter,
            org,
            applicant,
            sm2_roots,
            json,
            min_seq,
            lang,
            log,
            device_key,
            operator,
            staff_no,
        } => {
            let args = verifying::Args {
                inputs: &inputs,
                bundle: &bundle,
                roots: &roots,
                sm2_roots: sm2_roots.as_deref(),
                now: now.unwrap_or_else(files::now),
                usage: zz_core::Usage {
                    matter: matter.as_deref(),
                    org: org.as_deref(),
                    applicant: applicant.as_deref(),
                },
                json,
                min_seq,
                lang,
                audit: None,
            };
            let audit = match (log.as_deref(), device_key.as_deref()) {
                (Some(log), Some(key)) => match auditing::device(key) {
                    Ok(d) => Some(verifying::AuditLog {
                        log,
                        device: d,
                        operator: (operator.is_some() || staff_no.is_some()).then(|| zz_log::audit::Operator {
                            name: operator.clone().unwrap_or_default(),
                            number: staff_no.clone().unwrap_or_default(),
                            role: "cli".into(),
                        }),
                    }),
                    Err(e) => {
                        eprintln!("zz verify: {}", terminal::safe(&format!("{e:#}")));
                        return ExitCode::from(2);
                    }
                },
                _ => None,
            };
            let args = verifying::Args { audit, ..args };
            if let Some(case) = case {
                return ExitCode::from(archive::run(&args, &case, now) as u8);
            }
            return ExitCode::from(verifying::run(&args) as u8);
        }
        Command::Keygen { seed, name, out } => issuing::keygen(seed.as_deref(), &name, out.as_deref()),
        Command::Issue { license, key, iat, outputs: o, ofd, catalog } => issuing::issue(
            &license,
            &key,
            iat,
            &o.out,
            o.text.as_deref(),
            o.qr.as_deref(),
            ofd.as_deref().map(|p| (p, catalog.as_deref())),
        ),
        Command::Annotate { license, annotation, key, outputs: o } => {
            issuing::annotate(&license, &annotation, &key, &o.out, o.text.as_deref(), o.qr.as_deref())
        }
        Command::Status { action } => match action {
            StatusCommand::Create { list, id, entries, ttl, key, iat } => {
                issuing::status(&list, issuing::StatusAction::Create { id, entries, ttl }, Some(&key), None, iat, None)
            }
            StatusCommand::Set { list, idx, value, key, out, iat, ttl } => {
                issuing::status(&list, issuing::StatusAction::Set { idx, value }, Some(&key), out.as_deref(), iat, ttl)
            }
            StatusCommand::Clear { list, idx, key, out, iat } => issuing::status(
                &list,
                issuing::StatusAction::Set { idx, value: StatusValue::Valid },
                Some(&key),
                out.as_deref(),
                iat,
                None,
            ),
            StatusCommand::Show { list, idx } => {
                issuing::status(&list, issuing::StatusAction::Show { idx }, None, None, None, None)
            }
        },
        Command::Trust { input, root, out } => issuing::trust(&input, &root, &out),
        Command::Catalog { input, root, out } => issuing::catalog(&input, &root, &out),
        Command::Bundle { trust, catalog, status, out } => issuing::bundle(&trust, &catalog, &status, &out),
        Command::Qr { action } => match action {
            QrCommand::Encode { input, out, text } => issuing::qr_encode(&input, &out, text.as_deref()),
            QrCommand::Decode { images, json } => match issuing::qr_decode(&images, json) {
                Ok(true) => Ok(()),
                Ok(false) => return ExitCode::from(1),
                Err(e) => Err(e),
            },
        },
        Command::Demo { out, now } => demo::run(&out, now),
        Command::Log { action } => match action {
            LogCommand::Verify { logs, checkpoint, json } => {
                return ExitCode::from(auditing::verify(&logs, checkpoint.as_deref(), json) as u8);
            }
            LogCommand::Checkpoint { log, device_key, out, now } => {
                auditing::checkpoint(&log, &device_key, &out, now.unwrap_or_else(files::now))
            }
        },
        Command::Ofd { action } => match action {
            OfdCommand::Render { file, svg, page, sm2_roots, now } => {
                match verifying::render_ofd(&file, &svg, page, sm2_roots.as_deref(), now) {
                    Ok(true) => Ok(()),
                    Ok(false) => return ExitCode::from(1),
                    Err(e) => Err(e),
                }
            }
            OfdCommand::DemoRoots => {
                print!("{}", zz_issuer::demo::ofd::DemoPki::new().roots_pem());
                Ok(())
            }
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zz: {}", terminal::safe(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}
