//! The `zz` command line: SPEC section 11's contract, the demo world, the
//! README walkthrough, and clear errors for bad input files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn zz() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zz"))
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("zz runs")
}

const NOW: &str = "2026-11-22T09:30:00+08:00";

/// A demo world written once per test into a temporary directory.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = run(zz().arg("demo").arg(&out));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, out)
}

fn verify(demo: &Path, inputs: &[&str], extra: &[&str]) -> Output {
    run(zz()
        .current_dir(demo)
        .arg("verify")
        .args(inputs)
        .args(["--bundle", "trust/bundle.zzb", "--roots", "trust/roots.txt", "--now", NOW])
        .args(extra))
}

#[test]
fn every_demo_sample_in_every_form_gives_its_promised_verdict() {
    let (_tmp, d) = demo();
    let manifest: Vec<Value> = serde_json::from_slice(&std::fs::read(d.join("samples/samples.json")).unwrap()).unwrap();
    assert!(manifest.len() >= 40);
    let mut pngs = 0;
    for s in &manifest {
        for f in s["files"].as_array().unwrap() {
            let f = f.as_str().unwrap();
            pngs += usize::from(f.ends_with(".png"));
            let now = s["now"].as_u64().map_or(NOW.to_owned(), |n| n.to_string());
            let mut cmd = zz();
            cmd.current_dir(&d).args(["verify", f, "--json", "--now", &now]);
            match s["authorities"].as_array() {
                // The neighbouring province's samples: both authorities.
                Some(all) => {
                    for a in all {
                        cmd.args(["--authority", a.as_str().unwrap()]);
                    }
                }
                None => {
                    cmd.args(["--roots", "trust/roots.txt", "--bundle", s["bundle"].as_str().unwrap()]);
                    if let Some(r) = s["sm2Roots"].as_str() {
                        cmd.args(["--sm2-roots", r]);
                    }
                }
            }
            if let Some(m) = s["matter"].as_str() {
                cmd.args(["--matter", m]);
            }
            if let Some(o) = s["org"].as_str() {
                cmd.args(["--org", o]);
            }
            if let Some(id) = s["applicant"].as_str() {
                cmd.args(["--applicant", id]);
            }
            if let Some(n) = s["nonce"].as_str() {
                cmd.args(["--nonce", n]);
            }
            let o = run(&mut cmd);
            let r: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{f}: {e}"));
            let expect = s["expect"].as_str().unwrap();
            assert_eq!(r["verdict"], expect, "{f}: {}", r["checks"]);
            let code = match expect {
                "valid" => 0,
                "invalid" => 1,
                _ => 3,
            };
            assert_eq!(o.status.code(), Some(code), "{f}");
            for (id, outcome) in s["checks"].as_object().unwrap() {
                // Document checks, then those of an OFD file's first signature.
                let c = r["checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .chain(r["signatures"][0]["checks"].as_array().into_iter().flatten())
                    .find(|c| c["id"] == id.as_str())
                    .unwrap_or_else(|| panic!("{f}: no {id}"));
                assert_eq!(&c["outcome"], outcome, "{f}: {id}");
            }
        }
    }
    assert!(pngs >= 40, "QR images verified: {pngs}");
}

/// `--authority NAME=DIR` (SPEC section 11): two regions, each input
/// verified by the one that lists its signer; the report names it.
#[test]
fn two_authorities_verify_each_region_with_its_own_trust_data() {
    let (_tmp, d) = demo();
    let both = ["--authority", "上海市=trust", "--authority", "浙江省=trust/regions/zhejiang"];
    let inputs = ["samples/valid-business-license.zzl", "samples/zj-valid-business-license.zzl"];
    let o = run(zz().current_dir(&d).arg("verify").args(inputs).args(both).args(["--now", NOW, "--json"]));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let a: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((&a[0]["verdict"], &a[0]["authority"]), (&Value::from("valid"), &Value::from("上海市")));
    assert_eq!((&a[1]["verdict"], &a[1]["authority"]), (&Value::from("valid"), &Value::from("浙江省")));
    assert_eq!(a[1]["trust"]["trustSeq"], 3, "the neighbour's own trust list");
    // Human output names the authority.
    let o = run(zz().current_dir(&d).arg("verify").arg(inputs[1]).args(both).args(["--now", NOW]));
    assert!(String::from_utf8_lossy(&o.stdout).contains("由「浙江省」的信任数据核验"));
    // Home alone: the neighbour's licence is not trusted.
    let o = verify(&d, &[inputs[1]], &["--json"]);
    assert_eq!(o.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["authority"], "home");
    // The home catalog decides matters: a matter of the neighbour's own
    // usage lists is unknown at the home hall.
    let o = run(zz().current_dir(&d).arg("verify").arg(inputs[1]).args(both).args([
        "--now",
        NOW,
        "--matter",
        "330000-XK-0101",
    ]));
    assert_eq!(o.status.code(), Some(1));
    // A neighbour listing a home kid is refused (exit 4, both named).
    let o = run(zz().current_dir(&d).arg("verify").arg(inputs[0]).args([
        "--authority",
        "上海市=trust",
        "--authority",
        "浙江省=trust/regions/zhejiang-shared-kid",
        "--now",
        NOW,
    ]));
    assert_eq!(o.status.code(), Some(4));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("\"浙江省\" refused") && err.contains("already listed by authority \"上海市\""), "{err}");
    // The same trust data under two names: its kids clash, exit 4.
    let o = run(zz()
        .current_dir(&d)
        .arg("verify")
        .arg(inputs[0])
        .args(["--authority", "上海市=trust", "--authority", "x=trust/regions/zhejiang"])
        .args(["--authority", "y=trust/regions/zhejiang", "--now", NOW]));
    assert_eq!(o.status.code(), Some(4), "the same authority twice (its kids clash)");
    // Usage errors: --authority with --bundle, or a malformed NAME=DIR.
    let o = run(zz().current_dir(&d).args([
        "verify",
        inputs[0],
        "--authority",
        "上海市=trust",
        "--bundle",
        "trust/bundle.zzb",
        "--roots",
        "trust/roots.txt",
    ]));
    assert_eq!(o.status.code(), Some(2));
    let o = run(zz().current_dir(&d).args(["verify", inputs[0], "--authority", "trust"]));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn json_output_follows_section_11() {
    let (_tmp, d) = demo();
    let o = verify(&d, &["samples/valid-business-license.zzl"], &["--json"]);
    assert_eq!(o.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["verdict"], "valid");
    assert_eq!(r["kind"], "license");
    for c in r["checks"].as_array().unwrap() {
        for k in ["id", "outcome", "zh", "en"] {
            assert!(c[k].is_string(), "{c}");
        }
    }
    // Several inputs: an array, in order; the worst verdict sets the exit.
    let o = verify(
        &d,
        &["samples/valid-business-license.zzl", "samples/indeterminate-no-status.txt", "samples/annotated-valid.png"],
        &["--json"],
    );
    assert_eq!(o.status.code(), Some(3));
    let a: Value = serde_json::from_slice(&o.stdout).unwrap();
    let verdicts: Vec<&str> = a.as_array().unwrap().iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["valid", "indeterminate", "valid"]);
    assert_eq!(a[2]["kind"], "annotated");
    let o = verify(&d, &["samples/valid-business-license.zzl", "samples/invalid-revoked.zzl"], &["--json"]);
    assert_eq!(o.status.code(), Some(1));
    // The unrecognisable: kind null.
    let o = verify(&d, &["samples/invalid-not-a-license.txt"], &["--json"]);
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["kind"], Value::Null);
}

#[test]
fn unreadable_inputs_get_a_failing_decode_check() {
    let (_tmp, d) = demo();
    let o = verify(&d, &["no/such/file.zzl"], &["--json"]);
    assert_eq!(o.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["checks"][0]["id"], "decode");
    assert_eq!(r["checks"][0]["outcome"], "fail");
    // An image with no code in it.
    let blank = d.join("blank.png");
    let img = image_blank_png();
    std::fs::write(&blank, img).unwrap();
    let o = verify(&d, &["blank.png"], &["--json"]);
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["checks"][0]["outcome"], "fail");
    assert_eq!(o.status.code(), Some(1));
}

fn image_blank_png() -> Vec<u8> {
    // A 1x1 white PNG.
    vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
        8, 0, 0, 0, 0, 0x3a, 0x7e, 0x9b, 0x55, 0, 0, 0, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0x0f,
        0x00, 0x01, 0x01, 0x01, 0x00, 0x1b, 0xb6, 0xee, 0x56, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
        0x82,
    ]
}

#[test]
fn standard_input_is_read_for_dash() {
    let (_tmp, d) = demo();
    let text = std::fs::read(d.join("samples/valid-driving-license.txt")).unwrap();
    let mut child = zz()
        .current_dir(&d)
        .args(["verify", "-", "--bundle", "trust/bundle.zzb", "--roots", "trust/roots.txt", "--now", NOW, "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["verdict"], "valid");
}

#[test]
fn exit_status_4_for_bad_trust_data_and_2_for_usage() {
    let (_tmp, d) = demo();
    let lic = "samples/valid-business-license.zzl";
    let with = |bundle: &str, roots: &str, extra: &[&str]| {
        run(zz().current_dir(&d).args(["verify", lic, "--bundle", bundle, "--roots", roots, "--now", NOW]).args(extra))
    };
    std::fs::write(d.join("empty-roots.txt"), "# no keys here\n\n").unwrap();
    std::fs::write(d.join("bad-roots.txt"), "not hex\n").unwrap();
    std::fs::write(d.join("other-roots.txt"), format!("{}\n", "AB".repeat(32).replace("AB", "5a"))).unwrap();
    // A roots file is a few lines: the demo roots followed by 2 MiB of
    // comment are refused before being read whole (else they would load).
    let roots = std::fs::read_to_string(d.join("trust/roots.txt")).unwrap();
    std::fs::write(d.join("huge-roots.txt"), format!("{roots}#{}\n", "x".repeat(2 << 20))).unwrap();
    for (bundle, roots, extra) in [
        ("trust/bundle.zzb", "empty-roots.txt", vec![]),
        ("trust/bundle.zzb", "bad-roots.txt", vec![]),
        ("trust/bundle.zzb", "missing-roots.txt", vec![]),
        ("trust/bundle.zzb", "huge-roots.txt", vec![]),
        ("missing.zzb", "trust/roots.txt", vec![]),
        ("samples/valid-business-license.zzl", "trust/roots.txt", vec![]),
        ("trust/bundle.zzb", "trust/roots.txt", vec!["--min-seq", "8"]),
    ] {
        let o = with(bundle, roots, &extra);
        assert_eq!(o.status.code(), Some(4), "{bundle} {roots} {extra:?}");
        assert!(!o.stderr.is_empty(), "a reason on stderr");
        assert!(o.stdout.is_empty());
    }
    assert_eq!(with("trust/bundle.zzb", "trust/roots.txt", &["--min-seq", "7"]).status.code(), Some(0));
    // Usage errors, checked first.
    assert_eq!(run(zz().current_dir(&d).args(["verify", lic])).status.code(), Some(2));
    assert_eq!(run(zz().current_dir(&d).args(["verify", "--bundle", "x", "--roots", "y"])).status.code(), Some(2));
    let o = run(zz().current_dir(&d).args([
        "verify",
        lic,
        "--bundle",
        "trust/bundle.zzb",
        "--roots",
        "trust/roots.txt",
        "--now",
        "yesterday",
    ]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(run(zz().args(["frobnicate"])).status.code(), Some(2));
    // Unix seconds and either case of hex work.
    let upper = std::fs::read_to_string(d.join("trust/roots.txt")).unwrap().to_uppercase();
    std::fs::write(d.join("upper-roots.txt"), upper).unwrap();
    let o = run(zz()
        .current_dir(&d)
        .args(["verify", lic, "--bundle", "trust/bundle.zzb", "--roots", "upper-roots.txt"])
        .args(["--now", "1795311000"]));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        vec![],
        vec!["keygen"],
        vec!["issue"],
        vec!["annotate"],
        vec!["status"],
        vec!["status", "create"],
        vec!["status", "set"],
        vec!["status", "clear"],
        vec!["status", "show"],
        vec!["trust"],
        vec!["catalog"],
        vec!["bundle"],
        vec!["qr"],
        vec!["qr", "encode"],
        vec!["qr", "decode"],
        vec!["verify"],
        vec!["demo"],
    ] {
        let o = run(zz().args(&sub).arg("--help"));
        assert!(o.status.success(), "{sub:?}");
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(help.contains("Usage:"), "{sub:?}: {help}");
    }
}

#[test]
fn the_readme_walkthrough_works() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/walkthrough");
    for f in ["trust.toml", "catalog.toml", "license.toml", "annotation.toml", "walkthrough.sh"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let o = run(Command::new("bash").arg("walkthrough.sh").current_dir(dir.path()).env("ZZ", env!("CARGO_BIN_EXE_zz")));
    assert!(o.status.success(), "{}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.matches("✔ 有效").count(), 6, "{out}");
    assert!(out.contains("✘ 无效") && out.contains("证照已注销"), "{out}");
    // The copy at a bank, and for a stranger.
    assert!(out.contains("annotation-recipient") && out.contains("不能用于本单位"), "{out}");
    assert!(out.contains("办事主体既不是持证人，也不是加注件指定的受托人"), "{out}");
    // The OFD e-license: valid, drawn, and invalid once its page changed.
    assert!(out.contains("✔ 有效  out/license.ofd"), "{out}");
    assert!(out.contains("✘ 无效  out/tampered.ofd") && out.contains("ofd-references"), "{out}");
    // Its cause first: the changed page, not the license it leaves uncovered.
    let at = out.find("✘ 无效  out/tampered.ofd").unwrap();
    let cause = out[at..].lines().nth(1).unwrap_or_default();
    assert!(cause.contains("原因") && cause.contains("(ofd-references)"), "{cause}");
    let svg = std::fs::read_to_string(dir.path().join("out/license.svg")).unwrap();
    assert!(svg.contains("营业执照") && svg.contains("class=\"seal\""), "{svg}");
    // qr decode reads the image it wrote.
    let o = run(zz().current_dir(dir.path()).args(["qr", "decode", "out/license.png", "--json"]));
    let codes: Vec<String> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(codes, vec![std::fs::read_to_string(dir.path().join("out/license.txt")).unwrap().trim().to_owned()]);
}

#[test]
fn bad_input_files_name_the_file_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let o = run(zz().current_dir(p).args(["keygen", "--seed", "t", "--name", "k", "--out", "k.json"]));
    assert!(o.status.success());
    std::fs::write(
        p.join("lic.toml"),
        "type = \"X\"\nno = \"1\"\nid = \"x\"\nissued = \"2026-02-30\"\nvalidFrom = \"2026-01-01\"\n[holder]\nname=\"a\"\nidType=\"001\"\nid=\"x\"\n[issuer]\nname=\"a\"\ncode=\"b\"\n",
    )
    .unwrap();
    let o = run(zz().current_dir(p).args(["issue", "lic.toml", "--key", "k.json", "--out", "x.zzl"]));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("lic.toml") && err.contains("issued") && err.contains("2026-02-30"), "{err}");
    std::fs::write(p.join("trust.json"), r#"{"seq": 1, "nextUpdate": 5, "keys": [{"publicKey": "zz", "org": {"name": "a", "code": "b"}, "roles": ["issue"], "validFrom": 0, "validTo": 9}]}"#).unwrap();
    let o = run(zz().current_dir(p).args(["trust", "trust.json", "--root", "k.json", "--out", "t.zzt"]));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("trust.json") && err.contains("keys[0].publicKey"), "{err}");
    std::fs::write(p.join("trust.json"), r#"{"seq": 1, "nextUpdate": 5, "keys": [{"publicKey": "00", "org": {"name": "a"}, "roles": ["boss"], "validFrom": 0, "validTo": 9}]}"#).unwrap();
    let o = run(zz().current_dir(p).args(["trust", "trust.json", "--root", "k.json", "--out", "t.zzt"]));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("trust.json") && err.contains("keys[0]"), "{err}");
}

/// A holder name with `\r ESC[2K ESC[1A` once redrew an invalid license as
/// "✔ 有效" on a terminal: input-derived text is printed escaped.
#[test]
fn attacker_text_cannot_redraw_the_terminal() {
    let (_tmp, d) = demo();
    let o = run(zz().current_dir(&d).args(["keygen", "--name", "forger", "--out", "forger.json"]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let license =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/walkthrough/license.toml"))
            .unwrap()
            .replace(
                "name = \"上海示例科技有限公司\"\nidType",
                "name = \"X\\r\\u001b[2K\\u001b[1A✔ 有效  \\u202eevil\\nline\"\nidType",
            );
    std::fs::write(d.join("evil.toml"), license).unwrap();
    let o = run(zz().current_dir(&d).args(["issue", "evil.toml", "--key", "forger.json", "--out", "evil.zzl"]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = verify(&d, &["evil.zzl"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("✘ 无效  evil.zzl"), "{out}");
    for raw in ['\u{1b}', '\r', '\u{202e}'] {
        assert!(!out.contains(raw), "{raw:?} printed raw: {out:?}");
    }
    assert!(out.contains("X\\u{d}\\u{1b}[2K\\u{1b}[1A✔ 有效  \\u{202e}evil\\u{a}line"), "{out}");
    // JSON keeps the data as it is (escaped by the JSON encoder).
    let o = verify(&d, &["evil.zzl"], &["--json"]);
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["license"]["holder"]["name"], "X\r\u{1b}[2K\u{1b}[1A✔ 有效  \u{202e}evil\nline");
}

fn ofd_testdata(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/ofd").join(name)
}

#[test]
fn ofd_files_are_verified_by_section_12() {
    let (_tmp, d) = demo();
    let file = |n: &str| ofd_testdata(n).to_string_lossy().into_owned();
    // A sound tax-bureau seal, no SM2 root pinned: indeterminate (exit 3).
    let o = verify(&d, &[&file("v4signed.ofd")], &["--json"]);
    assert_eq!(o.status.code(), Some(3), "{}", String::from_utf8_lossy(&o.stderr));
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["verdict"], "indeterminate");
    assert_eq!(j["kind"], "ofd");
    let sig = &j["signatures"][0];
    assert_eq!(sig["format"], "ses-v4");
    assert_eq!(sig["seal"]["name"], "测试全国统一发票监制章国家税务总局重庆市税务局");
    let outcome =
        |id: &str| sig["checks"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["outcome"].clone();
    assert_eq!(outcome("ofd-signature"), "pass");
    assert_eq!(outcome("ofd-signer-chain"), "warn");
    let doc = |id: &str| j["checks"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["outcome"].clone();
    assert_eq!(doc("ofd-package"), "pass");
    // It carries no ZZ1 license (SPEC 12): a warning, and its tax-bureau
    // seal is not in the demo trust list's seals.
    assert_eq!(doc("ofd-license"), "warn");
    assert_eq!(doc("ofd-face"), "skip");
    assert_eq!(doc("ofd-seal-authority"), "warn");
    // Signed after its certificate expired, and unsigned: invalid (exit 1).
    for f in ["SESV4SignDoc.ofd", "unsigned-helloworld.ofd"] {
        let o = verify(&d, &[&file(f)], &[]);
        assert_eq!(o.status.code(), Some(1), "{f}: {}", String::from_utf8_lossy(&o.stdout));
    }
    // The bare signature with its certificate supplied as the SM2 roots.
    let o = verify(&d, &[&file("DigitalSign.ofd")], &["--json", "--sm2-roots", &file("USER.cert.pem")]);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let sig = &j["signatures"][0];
    let ok = sig["checks"].as_array().unwrap().iter().any(|c| c["id"] == "ofd-signature" && c["outcome"] == "pass");
    assert!(ok, "{sig}");
    // Human output names the seal and the signer.
    let o = verify(&d, &[&file("v4signed.ofd")], &["--lang", "en"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("OFD file") && text.contains("ses-v4") && text.contains("ofd-signer-chain"), "{text}");
    // An SM2 roots file that is not PEM: exit 4.
    let o = verify(&d, &[&file("v4signed.ofd")], &["--sm2-roots", "trust/roots.txt"]);
    assert_eq!(o.status.code(), Some(4));
}

/// A counter case record as the portal saves it, made from demo samples:
/// the property transfer (real-estate and marriage copies), verified at
/// the demo's time at the land registry.
fn case_record(d: &Path) -> (zz_log::case::CaseRecord, String) {
    use zz_log::case::{CaseRecord, FORMAT, Party, Row, Verified};
    let w = zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW);
    let roots = zz_core::Roots::parse(&w.roots_txt).unwrap();
    let bundle = zz_core::Bundle::load(&w.bundle, &roots, None).unwrap();
    let matter = bundle.matter("310000-DJ-0201").unwrap().clone();
    // The applicant is the holder of both (李明).
    let marriage = std::fs::read(d.join("samples/annotated-valid.zzl")).unwrap();
    let holder =
        zz_core::verify(&marriage, zz_core::Context::new(&bundle, w.now)).license.map(|l| l.holder.id).unwrap();
    let usage = zz_core::Usage {
        matter: Some(&matter.code),
        org: Some(&w.registry.code),
        applicant: Some(&holder),
        nonce: None,
    };
    let ctx = zz_core::Context::new(&bundle, w.now).with(usage);
    let row = |need: &zz_core::model::Need, sample: &str| {
        let bytes = std::fs::read(d.join(format!("samples/{sample}.zzl"))).unwrap();
        let r = zz_core::verify(&bytes, ctx);
        assert_eq!(r.verdict, zz_core::Verdict::Valid, "{sample}");
        assert_eq!(r.outcome(zz_core::CheckId::Applicant), zz_core::Outcome::Pass);
        Row {
            needed_type: need.type_code.clone(),
            annotated_required: need.annotated,
            verified: Some(Verified::of(&r, &bytes)),
            exception: None,
        }
    };
    let rows = vec![row(&matter.needs[0], "annotated-real-estate"), row(&matter.needs[1], "annotated-valid")];
    let record = CaseRecord {
        format: FORMAT.into(),
        id: "case-1".into(),
        started: w.now,
        recorded: w.now,
        org: Some(w.registry.clone()),
        hall: "大厅".into(),
        window: "3".into(),
        matter: zz_core::model::Named { name: matter.name.clone(), code: matter.code.clone() },
        applicant: Party::masked("李明", "111", &holder),
        agent: None,
        identity_checked: Some(w.now),
        outcome: CaseRecord::outcome_of(&rows, true),
        exceptions: CaseRecord::exceptions_of(&rows),
        trust_seq: bundle.trust.seq,
        catalog_seq: bundle.catalog.seq,
        licenses: rows,
    };
    (record, holder)
}

#[test]
fn a_case_record_is_verified_again_and_tampering_is_caught() {
    use zz_log::case::{CaseOutcome, CaseRecord, Exception, ExceptionKind};
    let (_tmp, d) = demo();
    let (record, holder) = case_record(&d);
    assert_eq!(record.outcome, CaseOutcome::Complete);
    let check = |record: &CaseRecord, extra: &[&str]| {
        std::fs::write(d.join("case.json"), serde_json::to_vec_pretty(record).unwrap()).unwrap();
        let o = run(zz()
            .current_dir(&d)
            .args([
                "verify",
                "--case",
                "case.json",
                "--json",
                "--bundle",
                "trust/bundle.zzb",
                "--roots",
                "trust/roots.txt",
            ])
            .args(extra));
        let v: Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
        (o.status.code(), v)
    };
    // As saved: it holds, at the time of the case (no --now).
    let (code, v) = check(&record, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["holds"], true);
    assert_eq!(v["applicantChecked"], false);
    assert_eq!(v["reports"].as_array().unwrap().len(), 2);
    // The applicant given again: the holder passes, a stranger does not.
    assert_eq!(check(&record, &["--applicant", &holder]).0, Some(0));
    let (code, v) = check(&record, &["--applicant", "110105194912310029"]);
    assert_eq!(code, Some(1));
    assert!(v["mismatches"].to_string().contains("applicant"), "{v:#}");

    type Edit = Box<dyn Fn(&mut CaseRecord)>;
    let tampered: Vec<(&str, Edit)> = vec![
        ("a verdict", Box::new(|r| r.licenses[0].verified.as_mut().unwrap().verdict = "invalid".into())),
        (
            "one byte of an object",
            Box::new(|r| {
                let v = r.licenses[1].verified.as_mut().unwrap();
                let mut b = v.object_bytes().unwrap();
                let i = b.len() / 2;
                b[i] ^= 1;
                *v = zz_log::case::Verified { object: base64_of(&b), ..v.clone() };
            }),
        ),
        ("the identifier", Box::new(|r| r.licenses[0].verified.as_mut().unwrap().identifier = Some("x".into()))),
        ("the masked holder", Box::new(|r| r.licenses[1].verified.as_mut().unwrap().holder = Some("王*华 x".into()))),
        ("the outcome", Box::new(|r| r.outcome = CaseOutcome::CompleteWithExceptions)),
        ("the identity tick", Box::new(|r| r.identity_checked = None)),
        ("the matter", Box::new(|r| r.matter.code = "310000-GG-0701".into())),
        ("the organisation", Box::new(|r| r.org.as_mut().unwrap().code = "91310000132500001X".into())),
        (
            "a row removed",
            Box::new(|r| {
                r.licenses.pop();
            }),
        ),
        (
            "an exception with no note",
            Box::new(|r| {
                r.licenses[1].exception =
                    Some(Exception { kind: ExceptionKind::Paper, note: " ".into(), promised: None });
                r.outcome = CaseRecord::outcome_of(&r.licenses, true);
                r.exceptions = CaseRecord::exceptions_of(&r.licenses);
            }),
        ),
        ("the format", Box::new(|r| r.format = "zz-case/0".into())),
    ];
    for (what, edit) in tampered {
        let mut r = record.clone();
        edit(&mut r);
        let (code, v) = check(&r, &[]);
        assert_eq!(code, Some(1), "{what}: {v:#}");
        assert_eq!(v["holds"], false, "{what}");
        assert!(!v["mismatches"].as_array().unwrap().is_empty(), "{what}");
    }
    // An exception with its note stands in for a license.
    let mut r = record.clone();
    r.licenses[1].verified = None;
    r.licenses[1].exception = Some(Exception {
        kind: ExceptionKind::Pending,
        note: "结婚证补交".into(),
        promised: Some("2026-12-01".into()),
    });
    r.outcome = CaseRecord::outcome_of(&r.licenses, true);
    r.exceptions = CaseRecord::exceptions_of(&r.licenses);
    assert_eq!(r.outcome, CaseOutcome::CompleteWithExceptions);
    let (code, v) = check(&r, &[]);
    assert_eq!(code, Some(0), "{v:#}");
    // Human output, and garbage.
    std::fs::write(d.join("junk.json"), "{}").unwrap();
    let o = run(zz().current_dir(&d).args([
        "verify",
        "--case",
        "junk.json",
        "--bundle",
        "trust/bundle.zzb",
        "--roots",
        "trust/roots.txt",
    ]));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a case record"));
    // --case and inputs together are a usage error.
    let o = run(zz().current_dir(&d).args(["verify", "x.zzl", "--case", "junk.json", "--bundle", "b", "--roots", "r"]));
    assert_eq!(o.status.code(), Some(2));
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// `zz verify --log` keeps a signed audit log; `zz log verify` checks it and
/// names what broke: an edit, a deletion, an insertion, a reordering, and
/// (against a checkpoint) a truncation.
#[test]
fn the_audit_log_of_zz_verify_is_checked_by_zz_log_verify() {
    let (_tmp, d) = demo();
    let log = |extra: &[&str]| {
        verify(
            &d,
            &["samples/valid-business-license.zzl", "samples/invalid-revoked.zzl", "samples/annotated-valid.zzl"],
            &[
                &["--log", "audit.log", "--device-key", "device.json", "--operator", "王芳", "--staff-no", "S0012"],
                extra,
            ]
            .concat(),
        )
    };
    assert_eq!(log(&[]).status.code(), Some(1)); // one input is invalid
    assert_eq!(log(&["--matter", "310000-DJ-0201"]).status.code(), Some(1));
    let key = std::fs::read_to_string(d.join("device.json")).unwrap();
    assert!(key.contains("secretKey") && key.contains("device key"), "{key}");
    let text = std::fs::read_to_string(d.join("audit.log")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7, "{text}");
    assert!(lines[1].contains("\"operator\":{\"name\":\"王芳\",\"number\":\"S0012\""), "{}", lines[1]);
    assert!(lines[3].contains("\"authority\":{\"maker\":"), "an annotated copy's authority: {}", lines[3]);
    let check = |file: &str, extra: &[&str]| {
        let o = run(zz().current_dir(&d).args(["log", "verify", file, "--json"]).args(extra));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
        (o.status.code(), v)
    };
    let (code, v) = check("audit.log", &[]);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["summary"]["entries"], 6);
    // `--operator` only names someone: no staff session proves it, and
    // `zz log verify` says so (an error with --attributed).
    let unproven = v["attribution"]["unproven"].as_array().cloned().unwrap_or_default();
    assert_eq!(unproven.len(), 6, "{v:#}");
    assert!(unproven[0]["why"].as_str().unwrap_or_default().contains("only claimed"), "{v:#}");
    assert_eq!(unproven[0]["operator"], "S0012 王芳 cli", "{v:#}");
    assert_eq!(check("audit.log", &["--attributed"]).0, Some(1));
    let o = run(zz().current_dir(&d).args(["log", "verify", "audit.log"]));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("6 entries name an operator without proof") && o.status.success(), "{out}");
    // A checkpoint kept elsewhere.
    let o = run(zz().current_dir(&d).args([
        "log",
        "checkpoint",
        "audit.log",
        "--device-key",
        "device.json",
        "-o",
        "kept.json",
    ]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(check("audit.log", &["--checkpoint", "kept.json"]).0, Some(0));
    let tampered = |name: &str, lines: Vec<String>| {
        std::fs::write(d.join(name), lines.join("\n") + "\n").unwrap();
        check(name, &["--checkpoint", "kept.json"])
    };
    let own: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut edited = own.clone();
    edited[3] = edited[3].replacen("\"valid\"", "\"invalid\"", 1);
    let mut deleted = own.clone();
    deleted.remove(2);
    let mut inserted = own.clone();
    inserted.insert(3, own[2].clone());
    let mut reordered = own.clone();
    reordered.swap(2, 3);
    for (what, lines, line) in
        [("edited", edited, 4), ("deleted", deleted, 3), ("inserted", inserted, 4), ("reordered", reordered, 3)]
    {
        let (code, v) = tampered(&format!("{what}.log"), lines);
        assert_eq!(code, Some(1), "{what}: {v:#}");
        assert_eq!(v["broken"]["line"], line, "{what}: {v:#}");
    }
    let (code, v) = tampered("truncated.log", own[..5].to_vec());
    assert_eq!(code, Some(1), "{v:#}");
    assert!(v["broken"]["why"].as_str().unwrap().contains("missing at the end"), "{v:#}");
    // Human output names the entry.
    let o = run(zz().current_dir(&d).args(["log", "verify", "edited.log"]));
    assert!(String::from_utf8_lossy(&o.stdout).contains("line 4 (entry #3)"), "{}", String::from_utf8_lossy(&o.stdout));
    // Unreadable: 2.
    std::fs::write(d.join("junk.log"), "hello\n").unwrap();
    assert_eq!(check("junk.log", &[]).0, Some(2));
    // Another device's key cannot append to this log.
    let o = verify(&d, &["samples/valid-business-license.zzl"], &["--log", "audit.log", "--device-key", "other.json"]);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("another device"));
    // Pinning the device: a log re-signed whole under another key verifies
    // on its own, and not as this device's (by id or public key).
    let (_, v) = check("audit.log", &[]);
    let id = v["summary"]["device"].as_str().unwrap().to_owned();
    let header: Value = serde_json::from_str(lines[0]).unwrap();
    let public = header["publicKey"].as_str().unwrap().to_owned();
    assert_eq!(check("audit.log", &["--device", &id]).0, Some(0));
    assert_eq!(check("audit.log", &["--device", &public.to_uppercase()]).0, Some(0));
    let o =
        verify(&d, &["samples/valid-business-license.zzl"], &["--log", "resigned.log", "--device-key", "forger.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(check("resigned.log", &[]).0, Some(0), "re-signed whole: intact on its own");
    for pinned in [&id, &public] {
        let (code, v) = check("resigned.log", &["--device", pinned]);
        assert_eq!(code, Some(1), "{v:#}");
        assert!(v["broken"]["why"].as_str().unwrap().contains("not the device given"), "{v:#}");
    }
    // A pin that is no id or key is a usage error, not a broken log.
    assert_eq!(check("audit.log", &["--device", "not hex"]).0, Some(2));
    assert_eq!(check("audit.log", &["--device", &id[..8]]).0, Some(2));
    // What only a checkpoint catches: the tail cut off still verifies as
    // this device's log.
    std::fs::write(d.join("cut.log"), own[..5].join("\n") + "\n").unwrap();
    assert_eq!(check("cut.log", &["--device", &id]).0, Some(0));
    assert_eq!(check("cut.log", &["--device", &id, "--checkpoint", "kept.json"]).0, Some(1));
}

/// `zz trust --seal` (SPEC section 6, `seals`): the certificate is listed by
/// the SHA-256 of its SubjectPublicKeyInfo for the department given, a
/// subject naming another USCC is warned about, the same certificate given
/// again replaces its entry (to revoke it), and `--seal` needs its period.
#[test]
fn trust_lists_seal_certificates_by_their_key() {
    use zz_issuer::ofd::{CertSpec, Sm2Cert, Sm2Key, Usage};
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let o = run(zz().current_dir(p).args(["keygen", "--seed", "t", "--name", "root", "--out", "root.json"]));
    assert!(o.status.success());
    let cert = Sm2Cert::new(
        &CertSpec {
            subject: "CN=某局电子印章,O=113100000241700046某局,C=CN",
            serial: 9,
            not_before: zz_core::UnixTime::from_secs(0),
            not_after: zz_core::UnixTime::from_secs(4_000_000_000),
            usage: Usage::Signer,
        },
        Sm2Key::derive("cli test", "seal"),
        None,
    );
    std::fs::write(p.join("seal.pem"), cert.pem()).unwrap();
    std::fs::write(p.join("seal.der"), &cert.der).unwrap();
    let spki = zz_ofd::cert::Cert::parse(&cert.der).unwrap().spki_sha256;
    std::fs::write(
        p.join("trust.json"),
        format!(
            r#"{{"seq": 1, "nextUpdate": 4000000000, "keys": [],
                "seals": [{{"cert": "seal.der", "org": {{"name": "某局", "code": "113100000241700046"}}, "types": ["A"], "validFrom": 0, "validTo": 9}},
                          {{"spki": "{}", "org": {{"name": "乙局", "code": "B"}}, "validFrom": 0, "validTo": 9}}]}}"#,
            "ab".repeat(32)
        ),
    )
    .unwrap();
    let read = |file: &str| {
        let bytes = std::fs::read(p.join(file)).unwrap();
        let env = zz_core::Envelope::parse_as(&bytes, zz_core::Typ::Trust).unwrap();
        zz_core::model::TrustList::from_cbor(&env.payload_item().unwrap()).unwrap()
    };
    let o = run(zz().current_dir(p).args(["trust", "trust.json", "--root", "root.json", "--out", "a.zzt"]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("warning"), "the same USCC: no warning");
    let seals = read("a.zzt").seals.unwrap();
    assert_eq!(seals.len(), 2);
    assert_eq!((seals[0].spki, seals[0].org.code.as_str()), (spki, "113100000241700046"));
    assert_eq!(seals[0].types.as_deref(), Some(&["A".to_owned()][..]));
    assert_eq!(seals[1].spki, [0xab; 32]);
    // On the command line, for another department: warned, and replacing
    // the file's entry of that certificate.
    let o = run(zz().current_dir(p).args([
        "trust",
        "trust.json",
        "--root",
        "root.json",
        "--out",
        "b.zzt",
        "--seal",
        "seal.pem",
        "--org-code",
        "12310000MB2F00001X",
        "--org-name",
        "某镇",
        "--types",
        "X,Y",
        "--valid-from",
        "0",
        "--valid-to",
        "2026-01-01T00:00:00+08:00",
        "--revoked-at",
        "100",
    ]));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("warning") && err.contains("113100000241700046") && err.contains("12310000MB2F00001X"),
        "{err}"
    );
    let seals = read("b.zzt").seals.unwrap();
    assert_eq!(seals.len(), 2, "replaced, not added");
    let s = seals.iter().find(|s| s.spki == spki).unwrap();
    assert_eq!((s.org.name.as_str(), s.org.code.as_str()), ("某镇", "12310000MB2F00001X"));
    assert_eq!(s.types.as_deref(), Some(&["X".to_owned(), "Y".to_owned()][..]));
    assert_eq!(s.revoked_at, Some(zz_core::UnixTime::from_secs(100)));
    assert_eq!(s.valid_to, zz_core::UnixTime::from_secs(1_767_196_800));
    // --seal without its period is a usage error.
    let o = run(zz().current_dir(p).args([
        "trust",
        "trust.json",
        "--root",
        "root.json",
        "--out",
        "c.zzt",
        "--seal",
        "seal.pem",
        "--org-code",
        "B",
    ]));
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
}
