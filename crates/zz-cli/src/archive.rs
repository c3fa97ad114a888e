//! `zz verify --case CASE.json`: verifies a case archive (归档) again. Each
//! signed object the counter's case record holds is verified at the time
//! of the case (or `--now`) for the record's matter and organisation, and
//! compared with what the record says it gave; the record must add up
//! (outcome, exceptions, one row per license the matter needs).

use serde::Serialize;
use zz_core::{Context, Report, UnixTime, Usage};
use zz_log::case::{self, CaseRecord, Mismatch};

use crate::files::read_limited;
use crate::terminal::safe;
use crate::verifying::{Args, EXIT_INVALID, EXIT_VALID, Lang, load_all, verify_bytes};

/// Largest case record read: a few OFD files of up to 64 MiB, in base64.
const MAX_CASE: u64 = 512 * 1024 * 1024;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Output<'a> {
    case: &'a str,
    /// Whether the record's verdicts and outcome hold.
    holds: bool,
    now: UnixTime,
    /// The applicant could not be checked again (the record masks it):
    /// give `--applicant` to check it.
    applicant_checked: bool,
    mismatches: &'a [Mismatch],
    /// The report of each row's object, verified again (`null` for a row
    /// with no object).
    reports: &'a [Option<Report>],
}

/// Verifies the record at `path` again; the exit status is 0 when it
/// holds, 1 when it does not (or cannot be read), 4 for the trust data.
pub fn run(args: &Args<'_>, path: &std::path::Path, now: Option<UnixTime>) -> i32 {
    let (authorities, sm2_roots) = match load_all(args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let sm2_roots: Vec<&[zz_ofd::cert::Cert]> = sm2_roots.iter().map(Vec::as_slice).collect();
    let record: CaseRecord = match read_limited(path, MAX_CASE)
        .map_err(|e| format!("{e:#}"))
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| format!("{}: not a case record: {e}", path.display())))
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("zz verify: {}", safe(&e));
            return EXIT_INVALID;
        }
    };
    let now = now.unwrap_or(record.started);
    let usage = Usage {
        matter: Some(&record.matter.code),
        org: record.org.as_ref().map(|o| o.code.as_str()),
        applicant: args.usage.applicant,
        nonce: None,
    };
    let ctx = Context::among(&authorities, now).with(usage);
    // The home catalog decides matters (SPEC section 9).
    let needs = authorities.home().bundle.matter(&record.matter.code).map(|m| m.needs.as_slice());
    let mut mismatches = case::check_record(&record, needs);
    let mut reports = Vec::new();
    for (i, row) in record.licenses.iter().enumerate() {
        let Some(v) = &row.verified else {
            reports.push(None);
            continue;
        };
        let Some(bytes) = v.object_bytes() else {
            reports.push(None);
            continue;
        };
        let r = verify_bytes(&bytes, ctx, &sm2_roots);
        mismatches.extend(case::compare(i, v, &r, args.usage.applicant.is_some()));
        reports.push(Some(r));
    }
    let holds = mismatches.is_empty();
    let case_path = path.display().to_string();
    if args.json {
        let out = Output {
            case: &case_path,
            holds,
            now,
            applicant_checked: args.usage.applicant.is_some(),
            mismatches: &mismatches,
            reports: &reports,
        };
        match serde_json::to_string_pretty(&out) {
            Ok(j) => println!("{j}"),
            Err(e) => eprintln!("zz verify: cannot write JSON: {e}"),
        }
    } else {
        let zh = args.lang == Lang::Zh;
        let head = match (holds, zh) {
            (true, true) => "✔ 办件记录成立",
            (false, true) => "✘ 办件记录不成立",
            (true, false) => "✔ THE CASE RECORD HOLDS",
            (false, false) => "✘ THE CASE RECORD DOES NOT HOLD",
        };
        let mut out = format!("{head}  {}  ({} · {})\n", safe(&case_path), safe(&record.matter.name), now.en());
        for m in &mismatches {
            let row = m.row.map(|r| format!("#{} ", r + 1)).unwrap_or_default();
            out.push_str(&format!("    ✘ {row}{}\n", safe(&m.what)));
        }
        if args.usage.applicant.is_none() {
            out.push_str(if zh {
                "    · 办事主体证件号码在记录中已脱敏，未重新核对（可用 --applicant 提供）\n"
            } else {
                "    · the applicant's ID is masked in the record and was not checked again (give --applicant)\n"
            });
        }
        print!("{out}");
    }
    if holds { EXIT_VALID } else { EXIT_INVALID }
}
