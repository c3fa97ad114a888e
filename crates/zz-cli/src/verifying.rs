//! `zz verify`: SPEC section 11.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use zz_core::verify::undecodable;
use zz_core::{Authorities, Bundle, Context, Outcome, Report, Roots, UnixTime, Verdict, verify};

use crate::files::read_limited;
use crate::terminal::safe;

/// Exit statuses of SPEC section 11.
pub const EXIT_VALID: i32 = 0;
pub const EXIT_INVALID: i32 = 1;
pub const EXIT_INDETERMINATE: i32 = 3;
pub const EXIT_TRUST: i32 = 4;

/// Largest input file read: an OFD archive (SPEC 12: 64 MiB); images
/// are held to zz-qr's own, smaller limit.
pub const MAX_INPUT: u64 = zz_ofd::package::MAX_ARCHIVE as u64;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

pub struct Args<'a> {
    pub inputs: &'a [String],
    /// The authorities, the home one first (SPEC section 9).
    pub trust: &'a [AuthorityFiles],
    pub now: UnixTime,
    pub usage: zz_core::Usage<'a>,
    pub json: bool,
    pub min_seq: Option<u64>,
    pub lang: Lang,
    /// Where each verification is logged, if anywhere.
    pub audit: Option<AuditLog<'a>>,
}

/// The audit log `zz verify --log` appends to, and the device that signs it.
pub struct AuditLog<'a> {
    pub log: &'a Path,
    pub device: zz_log::audit::Device,
    pub operator: Option<zz_log::audit::Operator>,
}

/// Where one authority's trust data is read from: `--bundle`, `--roots`
/// and `--sm2-roots` (the authority `home`), or `--authority NAME=DIR`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorityFiles {
    pub name: String,
    pub bundle: std::path::PathBuf,
    pub roots: std::path::PathBuf,
    pub sm2_roots: Option<std::path::PathBuf>,
}

impl AuthorityFiles {
    /// `NAME=DIR` of `--authority`: DIR holds `roots.txt`, `bundle.zzb`
    /// and, if the authority pins any, `sm2-roots.pem`.
    pub fn parse(arg: &str) -> Result<AuthorityFiles, String> {
        let (name, dir) = arg.split_once('=').ok_or_else(|| format!("{arg:?}: expected NAME=DIR"))?;
        if name.trim().is_empty() || dir.is_empty() {
            return Err(format!("{arg:?}: expected NAME=DIR"));
        }
        let dir = Path::new(dir);
        let sm2 = dir.join("sm2-roots.pem");
        Ok(AuthorityFiles {
            name: name.to_owned(),
            bundle: dir.join("bundle.zzb"),
            roots: dir.join("roots.txt"),
            sm2_roots: sm2.exists().then_some(sm2),
        })
    }
}

/// Largest roots file read (a roots file holds a few 65-byte lines).
const MAX_ROOTS_FILE: u64 = 1024 * 1024;

fn load_bundle(a: &AuthorityFiles, min_seq: Option<u64>) -> Result<Bundle, String> {
    let text = read_limited(&a.roots, MAX_ROOTS_FILE).map_err(|e| format!("{e:#}"))?;
    let text = String::from_utf8(text).map_err(|_| format!("{}: not UTF-8 text", a.roots.display()))?;
    let roots = Roots::parse(&text).map_err(|e| format!("{}: {e}", a.roots.display()))?;
    let bytes = read_limited(&a.bundle, zz_core::bundle::MAX_BUNDLE as u64).map_err(|e| format!("{e:#}"))?;
    Bundle::load(&bytes, &roots, min_seq).map_err(|e| format!("{}: refused: {e}", a.bundle.display()))
}

/// Every authority of `args` (`--min-seq` holds for the home one) and
/// each one's SM2 roots, in the same order.
fn load_trust(args: &Args<'_>) -> Result<(Authorities, Vec<Vec<zz_ofd::cert::Cert>>), String> {
    let mut files = args.trust.iter();
    let home = files.next().ok_or("no trust data: give --bundle and --roots, or --authority NAME=DIR")?;
    let mut all = Authorities::new(&home.name, load_bundle(home, args.min_seq)?).map_err(|e| e.to_string())?;
    let mut sm2 = vec![load_sm2_roots(home.sm2_roots.as_deref())?];
    for a in files {
        if all.get(&a.name).is_some() {
            return Err(format!("authority {:?} is given twice", a.name));
        }
        all.put(&a.name, load_bundle(a, None)?).map_err(|e| e.to_string())?;
        sm2.push(load_sm2_roots(a.sm2_roots.as_deref())?);
    }
    Ok((all, sm2))
}

/// Largest SM2 roots file read.
const MAX_SM2_ROOTS_FILE: u64 = 4 * 1024 * 1024;

pub fn load_sm2_roots(path: Option<&Path>) -> Result<Vec<zz_ofd::cert::Cert>, String> {
    let Some(path) = path else { return Ok(Vec::new()) };
    let bytes = read_limited(path, MAX_SM2_ROOTS_FILE).map_err(|e| format!("{e:#}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
    match zz_ofd::cert::parse_pem(&text) {
        Some(certs) if !certs.is_empty() => Ok(certs),
        Some(_) => Err(format!("{}: no certificate", path.display())),
        None => Err(format!("{}: a certificate cannot be read", path.display())),
    }
}

/// Verifies one input: a license file, `ZZ1:` text, an image of a QR code,
/// or an OFD file (a ZIP archive: SPEC section 12).
fn verify_input(input: &str, stdin: Option<&[u8]>, ctx: Context<'_>, sm2_roots: &[&[zz_ofd::cert::Cert]]) -> Report {
    let bytes = match (input, stdin) {
        ("-", Some(data)) => data.to_vec(),
        _ => match read_limited(Path::new(input), MAX_INPUT) {
            Ok(b) => b,
            Err(e) => return undecodable(ctx, format!("无法读取输入：{e:#}"), format!("Cannot read the input: {e:#}")),
        },
    };
    verify_bytes(&bytes, ctx, sm2_roots)
}

/// Verifies bytes: an OFD file, an image of a QR code, or a license or
/// annotated copy (binary or `ZZ1:` text). `sm2_roots` holds each
/// authority's SM2 roots, in the order of `ctx.authorities`.
pub fn verify_bytes(bytes: &[u8], ctx: Context<'_>, sm2_roots: &[&[zz_ofd::cert::Cert]]) -> Report {
    if zz_ofd::package::looks_like_zip(bytes) {
        return zz_ofd::report_among(bytes, ctx, sm2_roots);
    }
    if zz_qr::sniff(bytes).is_none() {
        return verify(bytes, ctx);
    }
    // One image decoded at a time: each may take up to ~160 MB, and
    // inputs are verified in parallel.
    static ONE_IMAGE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let decoded = {
        let _turn = ONE_IMAGE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        zz_qr::decode_image(bytes)
    };
    match decoded {
        Ok(codes) => match zz_core::transport::pick_code(&codes) {
            Some(text) => verify(text.as_bytes(), ctx),
            None => undecodable(ctx, "图片中未找到二维码", "No QR code was found in the image"),
        },
        Err(e) => undecodable(ctx, format!("图片无法读取：{e}"), format!("The image cannot be read: {e}")),
    }
}

#[derive(Serialize)]
struct Output<'a> {
    input: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// The authorities and their SM2 roots of `args`; on failure the message
/// is on standard error and the exit status is the error.
pub fn load_all(args: &Args<'_>) -> Result<(Authorities, Vec<Vec<zz_ofd::cert::Cert>>), i32> {
    load_trust(args).map_err(|e| {
        eprintln!("zz verify: {}", safe(&e));
        EXIT_TRUST
    })
}

pub fn run(args: &Args<'_>) -> i32 {
    let (authorities, sm2_roots) = match load_all(args) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let sm2_roots: Vec<&[zz_ofd::cert::Cert]> = sm2_roots.iter().map(Vec::as_slice).collect();
    let mut stdin_data = None;
    if args.inputs.iter().any(|i| i == "-") {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().take(MAX_INPUT + 1).read_to_end(&mut buf) {
            eprintln!("zz verify: cannot read standard input: {e}");
        }
        stdin_data = Some(buf);
    }
    let ctx = Context::among(&authorities, args.now).with(args.usage);

    let progress = Progress::new(args.inputs.len());
    let reports: Vec<Report> = args
        .inputs
        .par_iter()
        .map(|input| {
            let r = verify_input(input, stdin_data.as_deref(), ctx, &sm2_roots);
            progress.tick();
            r
        })
        .collect();
    progress.finish();

    if args.json {
        let outputs: Vec<Output<'_>> =
            args.inputs.iter().zip(&reports).map(|(input, report)| Output { input, report }).collect();
        let json = if outputs.len() == 1 {
            serde_json::to_string_pretty(&outputs[0])
        } else {
            serde_json::to_string_pretty(&outputs)
        };
        match json {
            Ok(j) => println!("{j}"),
            Err(e) => eprintln!("zz verify: cannot write JSON: {e}"),
        }
    } else {
        let mut out = String::new();
        for (input, r) in args.inputs.iter().zip(&reports) {
            human(&mut out, input, r, &authorities, args.lang);
        }
        print!("{out}");
    }
    if let Some(a) = &args.audit
        && let Err(e) = crate::auditing::append(a.log, &a.device, a.operator.clone(), &reports)
    {
        eprintln!("zz verify: the audit log: {}", safe(&format!("{e:#}")));
        return 2;
    }
    exit_code(&reports)
}

pub fn exit_code(reports: &[Report]) -> i32 {
    if reports.iter().any(|r| r.verdict == Verdict::Invalid) {
        EXIT_INVALID
    } else if reports.iter().any(|r| r.verdict == Verdict::Indeterminate) {
        EXIT_INDETERMINATE
    } else {
        EXIT_VALID
    }
}

fn human(out: &mut String, input: &str, r: &Report, authorities: &Authorities, lang: Lang) {
    use std::fmt::Write;
    let zh = lang == Lang::Zh;
    let verdict = match (r.verdict, zh) {
        (Verdict::Valid, true) => "✔ 有效",
        (Verdict::Invalid, true) => "✘ 无效",
        (Verdict::Indeterminate, true) => "? 无法确认",
        (Verdict::Valid, false) => "✔ VALID",
        (Verdict::Invalid, false) => "✘ INVALID",
        (Verdict::Indeterminate, false) => "? INDETERMINATE",
    };
    let kind = match (r.kind, zh) {
        (Some(zz_core::Kind::License), true) => "证照原件",
        (Some(zz_core::Kind::Annotated), true) => "加注件",
        (Some(zz_core::Kind::License), false) => "license",
        (Some(zz_core::Kind::Annotated), false) => "annotated copy",
        (Some(zz_core::Kind::Ofd), true) => "OFD 文件",
        (Some(zz_core::Kind::Ofd), false) => "OFD file",
        (None, true) => "无法识别",
        (None, false) => "unrecognised",
    };
    let _ = writeln!(out, "{verdict}  {}  ({kind})", safe(input));
    if let Some(c) = r.first_cause() {
        let (label, text) = if zh { ("原因", &c.zh) } else { ("cause", &c.en) };
        let _ = writeln!(out, "    {label}: {} ({})", safe(text), c.id.as_str());
    }
    if r.presented {
        let _ = writeln!(
            out,
            "    {}",
            if zh {
                "现场亮证：由持证人绑定的设备签名"
            } else {
                "shown live: signed by the holder's bound device"
            }
        );
    }
    let by = r.authority.as_deref().and_then(|n| authorities.get(n));
    let bundle = &by.unwrap_or_else(|| authorities.home()).bundle;
    if let Some(a) = by.filter(|_| authorities.len() > 1) {
        let name = safe(&a.name);
        let _ = writeln!(
            out,
            "    {}",
            if zh {
                format!("由「{name}」的信任数据核验")
            } else {
                format!("verified with the trust data of {name}")
            }
        );
    }
    if let Some(l) = &r.license {
        let type_name = bundle
            .license_type(&l.type_code)
            .map(|t| if zh { t.name.clone() } else { t.name_en.clone().unwrap_or_else(|| t.name.clone()) })
            .unwrap_or_else(|| l.type_code.clone());
        let (name, issuer, no) = (safe(&l.holder.name), safe(&l.issuer.name), safe(&l.no));
        let tag = if r.verified {
            ""
        } else if zh {
            "［未经验证］"
        } else {
            "[NOT VERIFIED] "
        };
        let _ = writeln!(out, "    {tag}{} · {name} · {issuer} · {no}", safe(&type_name));
    }
    if let Some(a) = &r.annotation {
        let until = if zh { a.valid_to.zh() } else { a.valid_to.en() };
        let matter = safe(a.matter.as_ref().map(|m| m.name.as_str()).unwrap_or("-"));
        let (p, m, u) = if zh { ("用途", "事项", "有效至") } else { ("purpose", "matter", "until") };
        let _ = writeln!(out, "    {p}: {} · {m}: {matter} · {u}: {until}", safe(&a.purpose));
        let recipient = a.recipient.as_ref().map(|x| safe(&x.name));
        let agent = a.agent.as_ref().map(|x| safe(&x.name));
        if recipient.is_some() || agent.is_some() {
            let (o, g) = if zh { ("用证单位", "受托人") } else { ("organisation", "agent") };
            let (recipient, agent) = (recipient.unwrap_or_else(|| "-".into()), agent.unwrap_or_else(|| "-".into()));
            let _ = writeln!(out, "    {o}: {recipient} · {g}: {agent}");
        }
    }
    let problems = |out: &mut String, checks: &[zz_core::Check], indent: &str| {
        for c in checks {
            let mark = match c.outcome {
                Outcome::Fail => "✘",
                Outcome::Warn => "!",
                _ => continue,
            };
            let _ = writeln!(out, "{indent}{mark} {}: {}", c.id.as_str(), safe(if zh { &c.zh } else { &c.en }));
        }
    };
    problems(out, &r.checks, "    ");
    for s in &r.signatures {
        let seal = s.seal.as_ref().map(|x| safe(&x.name)).unwrap_or_default();
        let signer = s.signer.as_ref().map(|c| safe(&c.subject)).unwrap_or_default();
        let when = s.time.map(|t| if zh { t.zh() } else { t.en() }).unwrap_or_default();
        let (sig, by, at) = if zh {
            ("签名", "签章人", "时间（签章人所述）")
        } else {
            ("signature", "signer", "time (the signer's claim)")
        };
        let _ = writeln!(
            out,
            "    {sig} {} [{}] {seal} · {by}: {signer} · {at}: {when}",
            safe(&s.id),
            s.format.as_deref().unwrap_or("?")
        );
        problems(out, &s.checks, "      ");
    }
}

/// A progress bar on standard error, shown only once a run has taken more
/// than a second (and only on a terminal).
struct Progress {
    bar: ProgressBar,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    fn new(len: usize) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} eta {eta}") {
            bar.set_style(style);
        }
        Progress { bar, start: Instant::now(), shown: AtomicBool::new(false) }
    }

    fn tick(&self) {
        self.bar.inc(1);
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() > Duration::from_secs(1)
            && std::io::stderr().is_terminal()
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
