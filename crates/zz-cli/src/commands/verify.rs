//! `zz verify`: licenses, annotated copies and OFD files (SPEC sections
//! 11, 12), or a case record again (`--case`).

use std::path::PathBuf;
use std::process::ExitCode;

use zz_core::UnixTime;

use crate::files::{self, time_arg};
use crate::verifying::{self, Lang};
use crate::{archive, auditing, terminal};

// The subcommand's about and after-help texts are on its variant in main.rs.
#[derive(clap::Args)]
pub struct Args {
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
    #[arg(long, required_unless_present = "authority", conflicts_with = "authority", requires = "roots")]
    bundle: Option<PathBuf>,
    /// Pinned root public keys, one per line as 64 hex digits.
    #[arg(long, required_unless_present = "authority", conflicts_with = "authority", requires = "bundle")]
    roots: Option<PathBuf>,
    /// A trust authority (a region), repeatable: DIR holds roots.txt,
    /// bundle.zzb and optionally sm2-roots.pem. The first is the home
    /// authority, whose catalog decides matters; each input is verified
    /// by the authority that lists its signer. Instead of --bundle,
    /// --roots and --sm2-roots (which are one authority named home).
    #[arg(long, value_name = "NAME=DIR", value_parser = verifying::AuthorityFiles::parse)]
    authority: Vec<verifying::AuthorityFiles>,
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
    /// The nonce shown to the holder (the ZZ1N: challenge, hex): a live
    /// presentation must answer it (SPEC section 13).
    #[arg(long, value_name = "HEX", value_parser = crate::commands::present::nonce_arg)]
    nonce: Option<crate::commands::present::Nonce>,
    /// Pinned SM2 root certificates (PEM) for OFD files; without them no
    /// OFD signer can be trusted.
    #[arg(long, conflicts_with = "authority")]
    sm2_roots: Option<PathBuf>,
    /// One JSON object per input (an array for several inputs).
    #[arg(long)]
    json: bool,
    /// Refuse a trust list whose seq is below this (rollback).
    #[arg(long)]
    min_seq: Option<u64>,
    /// Language of the human-readable output.
    #[arg(long, value_enum, default_value = "zh")]
    lang: Lang,
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
}

impl Args {
    pub fn run(self) -> ExitCode {
        let Args {
            inputs,
            case,
            bundle,
            roots,
            authority,
            now,
            matter,
            org,
            applicant,
            nonce,
            sm2_roots,
            json,
            min_seq,
            lang,
            log,
            device_key,
            operator,
            staff_no,
        } = self;
        let trust = match (bundle, roots) {
            (Some(bundle), Some(roots)) => {
                vec![verifying::AuthorityFiles { name: "home".into(), bundle, roots, sm2_roots }]
            }
            _ => authority,
        };
        let args = verifying::Args {
            inputs: &inputs,
            trust: &trust,
            now: now.unwrap_or_else(files::now),
            usage: zz_core::Usage {
                matter: matter.as_deref(),
                org: org.as_deref(),
                applicant: applicant.as_deref(),
                nonce: nonce.as_ref().map(|n| n.0.as_slice()),
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
        ExitCode::from(verifying::run(&args) as u8)
    }
}
