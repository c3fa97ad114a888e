//! `zz demo OUTDIR`: writes the demo world of `zz_issuer::demo`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;
use zz_core::UnixTime;
use zz_core::envelope::hex;
use zz_issuer::demo::{self, SampleData};

use crate::files::{KeyFile, time_arg, write};

#[derive(clap::Args)]
pub struct Args {
    out: PathBuf,
    /// Reference time of the world (RFC 3339 or unix seconds).
    #[arg(long, value_parser = time_arg, default_value_t = zz_issuer::demo::DEFAULT_NOW)]
    now: UnixTime,
}

impl Args {
    pub fn run(self) -> ExitCode {
        super::done(run(&self.out, self.now))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ManifestEntry<'a> {
    name: &'a str,
    files: Vec<String>,
    expect: &'a str,
    checks: std::collections::BTreeMap<&'a str, &'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    matter: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    applicant: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    now: Option<UnixTime>,
    /// The nonce shown to the holder (hex: `zz verify --nonce`).
    #[serde(skip_serializing_if = "Option::is_none")]
    nonce: Option<String>,
    bundle: String,
    /// For OFD samples: the pinned SM2 roots to verify with.
    #[serde(skip_serializing_if = "Option::is_none")]
    sm2_roots: Option<&'a str>,
    /// For the neighbouring province's samples: the authorities to verify
    /// with (`--authority NAME=DIR`, home first), instead of `bundle`.
    #[serde(skip_serializing_if = "Option::is_none")]
    authorities: Option<Vec<String>>,
    zh: &'a str,
    en: &'a str,
    command: String,
}

fn run(out: &Path, now: UnixTime) -> Result<()> {
    let w = demo::world(now);
    let trust = out.join("trust");
    write(&trust.join("roots.txt"), &w.roots_txt)?;
    write(&trust.join("bundle.zzb"), &w.bundle)?;
    write(&trust.join("bundle-outdated.zzb"), &w.bundle_outdated)?;
    write(&trust.join("bundle-next.zzb"), &w.bundle_next)?;
    write(&trust.join("bundle-duplicate-seal.zzb"), &w.bundle_duplicate_seal)?;
    write(&trust.join("site.json"), site_json(&w))?;
    // The trust authorities the portal loads (SPEC section 9): the home
    // city, and the neighbouring province beside it.
    let authorities = serde_json::json!({
        "home": demo::HOME_AUTHORITY,
        "others": [{ "name": demo::region::NAME, "path": format!("{}/", demo::region::DIR) }],
    });
    write(&trust.join("authorities.json"), serde_json::to_string_pretty(&authorities)? + "\n")?;
    write(&trust.join("items/trust-list.zzt"), &w.trust_cose)?;
    write(&trust.join("items/catalog.zzc"), &w.catalog_cose)?;
    for (id, cose) in &w.status_cose {
        write(&trust.join(format!("items/status-{id}.zzs")), cose)?;
    }
    for (name, key, note) in &w.keys {
        let note = format!("{note}; DEMO KEY derived from the public seed {:?}: not secret, never deploy", demo::SEED);
        let file = KeyFile::of(name, key, &note, true);
        write(&out.join(format!("demo-keys/{name}.json")), serde_json::to_string_pretty(&file)? + "\n")?;
    }
    write(&out.join("inputs/catalog.json"), serde_json::to_string_pretty(&w.catalog)? + "\n")?;
    // The holders' wallets (SPEC section 13): `zz present --device-key`.
    for (file, kind, holder) in [
        ("wallet-wanglihua", zz_issuer::device::DeviceKind::Ed25519, "王丽华"),
        ("wallet-liming-p256", zz_issuer::device::DeviceKind::P256, "李明"),
    ] {
        let key = demo::live::wallet(kind, holder);
        let note = format!(
            "{holder}'s phone (wallet) key: signs live presentations; DEMO KEY derived from the public seed {:?}: not secret",
            demo::SEED
        );
        write(&out.join(format!("demo-keys/{file}.json")), super::present::key_file_json(&key, &note)?)?;
    }

    let samples = out.join("samples");
    let mut manifest = Vec::new();
    for s in &w.samples {
        let files = match &s.data {
            SampleData::Cose(cose) => write_signed(&samples, &s.name, cose)?,
            SampleData::Text(t) => {
                write(&samples.join(format!("{}.txt", s.name)), t)?;
                vec![format!("samples/{}.txt", s.name)]
            }
        };
        let bundle = format!("trust/{}", s.bundle.unwrap_or("bundle.zzb"));
        let mut command = format!(
            "zz verify {} --bundle {bundle} --roots trust/roots.txt --now {}",
            files[0],
            s.now.unwrap_or(w.now)
        );
        if let Some(m) = &s.matter {
            command.push_str(&format!(" --matter {m}"));
        }
        if let Some(o) = &s.org {
            command.push_str(&format!(" --org {o}"));
        }
        if let Some(a) = &s.applicant {
            command.push_str(&format!(" --applicant '{a}'"));
        }
        let nonce = s.nonce.as_deref().map(hex);
        if let Some(n) = &nonce {
            command.push_str(&format!(" --nonce {n}"));
        }
        manifest.push(ManifestEntry {
            name: &s.name,
            files,
            expect: s.expect,
            checks: s.checks.iter().copied().collect(),
            matter: s.matter.as_deref(),
            org: s.org.as_deref(),
            applicant: s.applicant.as_deref(),
            now: s.now,
            nonce,
            bundle,
            sm2_roots: None,
            authorities: None,
            zh: &s.zh,
            en: &s.en,
            command,
        });
    }
    // OFD e-licenses sealed by the demo SM2 PKI (SPEC section 12).
    let ofd = demo::ofd::ofd_world(&w);
    write(&trust.join("sm2-roots.pem"), &ofd.roots_pem)?;
    for s in &ofd.samples {
        let file = format!("samples/{}.ofd", s.name);
        write(&out.join(&file), &s.data)?;
        let command = format!(
            "zz verify {file} --bundle trust/bundle.zzb --roots trust/roots.txt --sm2-roots trust/sm2-roots.pem --now {}",
            w.now
        );
        manifest.push(ManifestEntry {
            name: s.name,
            files: vec![file],
            expect: s.expect,
            checks: s.checks.iter().copied().collect(),
            matter: None,
            org: None,
            applicant: None,
            now: None,
            nonce: None,
            bundle: "trust/bundle.zzb".into(),
            sm2_roots: Some("trust/sm2-roots.pem"),
            authorities: None,
            zh: s.zh,
            en: s.en,
            command,
        });
    }
    // The neighbouring province (SPEC section 9): its trust data, and its
    // samples verified with both authorities.
    let region = demo::region::neighbour(&w);
    for (dir, bundle) in
        [(demo::region::DIR, &region.bundle), (demo::region::SHARED_KID_DIR, &region.bundle_shared_kid)]
    {
        let d = trust.join(dir);
        write(&d.join("roots.txt"), &region.roots_txt)?;
        write(&d.join("bundle.zzb"), bundle)?;
        write(&d.join("sm2-roots.pem"), &region.sm2_roots_pem)?;
    }
    // Three filler authorities for the benchmark page (five loaded).
    for i in 0..3 {
        let (roots, bundle) = demo::region::filler(&w, i);
        let d = samples.join(format!("authorities/filler-{i}"));
        write(&d.join("roots.txt"), roots)?;
        write(&d.join("bundle.zzb"), bundle)?;
    }
    for (name, key, note) in &region.keys {
        let note = format!("{note}; DEMO KEY derived from the public seed {:?}: not secret, never deploy", demo::SEED);
        let file = KeyFile::of(name, key, &note, true);
        write(&out.join(format!("demo-keys/{name}.json")), serde_json::to_string_pretty(&file)? + "\n")?;
    }
    let authorities =
        vec![format!("{}=trust", demo::HOME_AUTHORITY), format!("{}=trust/{}", region.name, demo::region::DIR)];
    let flags = authorities.iter().map(|a| format!(" --authority {a}")).collect::<String>();
    let mut region_files: Vec<(&demo::Sample, Vec<String>)> = Vec::new();
    for s in &region.samples {
        let SampleData::Cose(cose) = &s.data else { continue };
        region_files.push((s, write_signed(&samples, &s.name, cose)?));
    }
    for (s, files) in &region_files {
        let mut command = format!("zz verify {}{flags} --now {}", files[0], w.now);
        if let Some(m) = &s.matter {
            command.push_str(&format!(" --matter {m}"));
        }
        manifest.push(ManifestEntry {
            name: &s.name,
            files: files.clone(),
            expect: s.expect,
            checks: s.checks.iter().copied().collect(),
            matter: s.matter.as_deref(),
            org: None,
            applicant: None,
            now: None,
            nonce: None,
            bundle: format!("trust/{}/bundle.zzb", demo::region::DIR),
            sm2_roots: None,
            authorities: Some(authorities.clone()),
            zh: &s.zh,
            en: &s.en,
            command,
        });
    }
    for s in &region.ofd_samples {
        let file = format!("samples/{}.ofd", s.name);
        write(&out.join(&file), &s.data)?;
        manifest.push(ManifestEntry {
            name: s.name,
            files: vec![file.clone()],
            expect: s.expect,
            checks: s.checks.iter().copied().collect(),
            matter: None,
            org: None,
            applicant: None,
            now: None,
            nonce: None,
            bundle: format!("trust/{}/bundle.zzb", demo::region::DIR),
            sm2_roots: Some("trust/sm2-roots.pem"),
            authorities: Some(authorities.clone()),
            zh: s.zh,
            en: s.en,
            command: format!("zz verify {file}{flags} --now {}", w.now),
        });
    }
    write(&samples.join("samples.json"), serde_json::to_string_pretty(&manifest)? + "\n")?;
    write(&out.join("README.md"), readme(&w, &ofd, &region))?;
    eprintln!("wrote the demo world to {} ({} samples, reference time {})", out.display(), w.samples.len(), now.en());
    Ok(())
}

/// Writes a signed sample as `.zzl`, `ZZ1:` text `.txt` and, when it fits
/// a QR code, `.png`; the files written, relative to the demo folder.
fn write_signed(samples: &Path, name: &str, cose: &[u8]) -> Result<Vec<String>> {
    let text = zz_issuer::zz1_text(cose);
    write(&samples.join(format!("{name}.zzl")), cose)?;
    write(&samples.join(format!("{name}.txt")), format!("{text}\n"))?;
    let mut files: Vec<String> = ["zzl", "txt"].map(|ext| format!("samples/{name}.{ext}")).into();
    // A catalog is too large for a QR code; licenses fit.
    if let Ok(png) = zz_issuer::qr::png(&text) {
        write(&samples.join(format!("{name}.png")), png)?;
        files.push(format!("samples/{name}.png"));
    }
    Ok(files)
}

fn readme(w: &demo::World, ofd: &demo::ofd::OfdWorld, region: &demo::region::Region) -> String {
    let mut s = format!(
        "# ZZ Verify demo world\n\n\
         Generated by `zz demo` for the reference time {} (unix {}).\n\n\
         **Every key here is derived from the public seed `{}`. Anyone can sign\n\
         as these departments: never deploy the demo roots.**\n\n\
         - `trust/roots.txt`: the pinned demo root (key id {}).\n\
         - `trust/bundle.zzb`: trust list (seq {}), catalog (seq {}, {} types, {} matters) and status lists.\n\
         - `trust/bundle-outdated.zzb`: the same with an older trust list (seq 6) past its next update.\n\
         - `trust/bundle-next.zzb`: the next update (seq 8), to try importing a bundle.\n\
         - `trust/bundle-duplicate-seal.zzb`: a trust list listing one seal certificate twice: refused.\n\
         - `trust/items/`: the signed items of the bundle.\n\
         - `trust/sm2-roots.pem`: the demo SM2 root and seal CA, to pin for OFD files (`--sm2-roots`).\n\
         - `trust/site.json`: the portal's configuration: it verifies as the land registry the demo copies name.\n\
         - `trust/authorities.json`: the trust authorities the portal loads: `{home}` (home, this folder) and\n  \
           the neighbouring province `{region}` beside it.\n\
         - `trust/{dir}/`: the neighbouring province {region}'s own trust data (`roots.txt`, `bundle.zzb`, `sm2-roots.pem`):\n  \
           `zz verify … --authority {home}=trust --authority {region}=trust/{dir}`.\n\
         - `trust/{shared}/`: the same province's data also listing a home key: refused beside the home authority.\n\
         - `demo-keys/`: the demo keys, secret halves included (they are not secret).\n\
         - `inputs/catalog.json`: the catalog as input for `zz catalog`.\n\
         - `samples/`: sample licenses as `.zzl`, `ZZ1:` text `.txt` and QR `.png`, and sealed OFD e-licenses `.ofd`;\n  \
           `samples/samples.json` lists, for each, the verdict `zz verify` gives and the command.\n\n\
         | sample | verdict | matter | what it shows |\n|---|---|---|---|\n",
        w.now.en(),
        w.now,
        demo::SEED,
        hex(&w.root.kid()),
        w.trust.seq,
        w.catalog.seq,
        w.catalog.types.len(),
        w.catalog.matters.len(),
        home = demo::HOME_AUTHORITY,
        region = region.name,
        dir = demo::region::DIR,
        shared = demo::region::SHARED_KID_DIR,
    );
    for x in &w.samples {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} / {} |\n",
            x.name,
            x.expect,
            x.matter.as_deref().unwrap_or(""),
            x.zh,
            x.en
        ));
    }
    for x in &ofd.samples {
        s.push_str(&format!("| `{}` (OFD) | {} | | {} / {} |\n", x.name, x.expect, x.zh, x.en));
    }
    for x in &region.samples {
        let m = x.matter.as_deref().unwrap_or("");
        s.push_str(&format!("| `{}` ({}) | {} | {m} | {} / {} |\n", x.name, region.name, x.expect, x.zh, x.en));
    }
    for x in &region.ofd_samples {
        s.push_str(&format!("| `{}` ({}, OFD) | {} | | {} / {} |\n", x.name, region.name, x.expect, x.zh, x.en));
    }
    s
}

/// The demo portal's configuration (`trust/site.json`): it verifies as the
/// land registry the demo's annotated copies are made for, at a window of
/// a service hall, not scoped (the demo shows every matter).
fn site_json(w: &demo::World) -> String {
    let site = serde_json::json!({
        "org": { "name": w.registry.name, "code": w.registry.code },
        "hall": "上海市政务服务中心（演示）",
        "window": "不动产登记 3 号窗口",
        "matters": ["310000-DJ-0201", "310000-GG-0301", "310000-GG-0701"],
        "scoped": false,
        "objectionDays": 3,
        "objectionRule": "常熟市规定发证部门 3 个工作日内核查（柯桥区为 5 个工作日）",
    });
    serde_json::to_string_pretty(&site).unwrap_or_default() + "\n"
}
