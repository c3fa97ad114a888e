//! Cross-checks with implementations nobody here wrote (tests/interop/
//! gmssl_sm2.py, Python `gmssl`; OpenSSL 3):
//!
//! - `sm2_interop sign DIR`: SM2 signatures by our signer (zz-issuer's
//!   `Sm2Key`) over varied messages, SM3 digests, and the demo SM2
//!   certificates (root, CA, a department signer) as PEM, into DIR.
//! - `sm2_interop verify FILE`: verifies the signatures another
//!   implementation made (`[{"pub", "msg", "sig"}]`, hex; the signature DER
//!   or raw r‖s) with our verifier, and that each fails once the message
//!   changes. Exit 1 on any disagreement.
//! - `sm2_interop signed-data DIR PYTHON`: OFD files whose digital
//!   signature is a SignedData made by tests/interop/cms_sm2.py (asn1crypto
//!   and gmssl; OpenSSL 3.0 cannot sign CMS with SM2) with the demo
//!   signer's key: PKCS#7 with the content attached (the SM3 of
//!   Signature.xml), GB/T 35275 detached (Signature.xml itself); verifies
//!   each (valid with the demo roots) and changed copies (invalid), and an
//!   attached one whose messageDigest is wrong but soundly signed (invalid:
//!   `ofd-signed-hash`), and keeps them in DIR.

use std::fmt::Write as _;

use zz_issuer::demo::ofd::DemoPki;
use zz_issuer::ofd::Sm2Key;

fn hex(b: &[u8]) -> String {
    b.iter().fold(String::new(), |mut s, x| {
        let _ = write!(s, "{x:02x}");
        s
    })
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn messages() -> Vec<Vec<u8>> {
    let mut m: Vec<Vec<u8>> = vec![Vec::new(), b"abc".to_vec(), "电子证照 OFD 签章".as_bytes().to_vec()];
    m.extend((0..29).map(|i| (0..(i * 37 + 1)).map(|j| (j * 7 + i) as u8).collect()));
    m
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("sign") => {
            let dir = std::path::Path::new(&args[2]);
            std::fs::create_dir_all(dir).unwrap();
            let mut sigs = Vec::new();
            for (i, msg) in messages().into_iter().enumerate() {
                let key = Sm2Key::derive("zz sm2 interop (public seed)", &format!("k{}", i % 4));
                let sig = key.sign(&msg);
                sigs.push(serde_json::json!({ "pub": hex(&key.public()), "msg": hex(&msg), "sig": hex(&sig) }));
            }
            std::fs::write(dir.join("ours.json"), serde_json::to_string_pretty(&sigs).unwrap()).unwrap();
            let digests: Vec<_> = messages()
                .iter()
                .map(|m| serde_json::json!({ "msg": hex(m), "sm3": hex(&zz_ofd::sm::sm3(m)) }))
                .collect();
            std::fs::write(dir.join("sm3.json"), serde_json::to_string_pretty(&digests).unwrap()).unwrap();
            let pki = DemoPki::new();
            let signer = pki.sealer("上海市市场监督管理局", "11310000002417009R").signer;
            std::fs::write(dir.join("root.pem"), pki.root.pem()).unwrap();
            std::fs::write(dir.join("ca.pem"), pki.ca.pem()).unwrap();
            std::fs::write(dir.join("signer.pem"), signer.pem()).unwrap();
            std::fs::write(dir.join("maker.pem"), pki.maker.pem()).unwrap();
            println!("{} signatures, {} digests, 4 certificates in {}", sigs.len(), digests.len(), dir.display());
        }
        Some("signed-data") => signed_data(std::path::Path::new(&args[2]), &args[3]),
        Some("verify") => {
            let list: Vec<serde_json::Value> = serde_json::from_slice(&std::fs::read(&args[2]).unwrap()).unwrap();
            let mut bad = 0;
            for v in &list {
                let (pk, msg, sig) = (
                    unhex(v["pub"].as_str().unwrap()),
                    unhex(v["msg"].as_str().unwrap()),
                    unhex(v["sig"].as_str().unwrap()),
                );
                if zz_ofd::sm::verify(&pk, &msg, &sig).is_err() {
                    eprintln!("does not verify: {v}");
                    bad += 1;
                }
                let mut other = msg.clone();
                other.push(1);
                if zz_ofd::sm::verify(&pk, &other, &sig).is_ok() {
                    eprintln!("verifies another message: {v}");
                    bad += 1;
                }
            }
            println!("verified {} signatures made elsewhere, {bad} disagreements", list.len());
            std::process::exit(i32::from(bad > 0));
        }
        _ => {
            eprintln!("usage: sm2_interop sign DIR | verify FILE | signed-data DIR PYTHON");
            std::process::exit(2);
        }
    }
}

/// OFD files signed with a SignedData made in Python, verified here.
fn signed_data(dir: &std::path::Path, python: &str) {
    use zz_core::{Bundle, CheckId, Outcome, Roots, Verdict};
    std::fs::create_dir_all(dir).unwrap();
    let w = zz_issuer::demo::world(zz_issuer::demo::DEFAULT_NOW);
    let biz = w.samples.iter().find(|s| s.name == "valid-business-license").unwrap();
    let zz_issuer::demo::SampleData::Cose(cose) = &biz.data else { unreachable!() };
    let pki = DemoPki::new();
    // The issuing department's own signer: the demo trust list lists it
    // in its seals for the license's type (SPEC 12, `ofd-seal-authority`).
    let (dept, code) = zz_issuer::demo::ofd::license_issuer(cose).unwrap();
    let signer = pki.sealer(&dept, &code).signer;
    std::fs::write(dir.join("signer.pem"), signer.pem()).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/interop/cms_sm2.py");
    let roots = zz_ofd::cert::parse_pem(&pki.roots_pem()).unwrap();
    let bundle = Bundle::load(&w.bundle, &Roots::parse(&w.roots_txt).unwrap(), None).unwrap();
    let opts = zz_ofd::Options { roots: &roots, now: w.now, zz1: Some(zz_core::Context::new(&bundle, w.now)) };
    let at = zz_core::UnixTime::from_secs(w.now.as_secs() - 3600);
    let mut failures = 0;
    // (attached, messageDigest wrong but signed soundly)
    for (attached, wrong_digest) in [(true, false), (false, false), (true, true)] {
        let mut o = zz_issuer::demo::ofd::license_ofd(&w, cose, None, at).unwrap();
        o.sign_with(at, |xml| {
            let input = dir.join("cms-input.bin");
            std::fs::write(&input, if attached { zz_ofd::sm::sm3(xml).to_vec() } else { xml.to_vec() }).unwrap();
            let out = dir.join("cms.der");
            let (mode, flavour) = if attached { ("attached", "pkcs7") } else { ("detached", "gbt35275") };
            let st = std::process::Command::new(python)
                .arg(script)
                .arg(hex(&signer.key.secret()))
                .arg(dir.join("signer.pem"))
                .arg(&input)
                .arg(&out)
                .args([mode, flavour])
                .args(wrong_digest.then_some("wrong-digest"))
                .output()
                .unwrap();
            assert!(st.status.success(), "cms_sm2.py: {}", String::from_utf8_lossy(&st.stderr));
            std::fs::read(&out).unwrap()
        });
        let bytes = o.to_zip();
        let name = match (attached, wrong_digest) {
            (true, false) => "signed-data-attached.ofd",
            (false, _) => "signed-data-detached.ofd",
            (true, true) => "signed-data-attached-wrong-digest.ofd",
        };
        std::fs::write(dir.join(name), &bytes).unwrap();
        let r = zz_ofd::verify(&bytes, &opts);
        let s = &r.signatures[0];
        if wrong_digest {
            // The content is SM3 of Signature.xml and the SM2 signature over
            // the attributes is sound, but messageDigest is not SM3 of the
            // content: the signature does not cover this Signature.xml.
            println!("{name}: {}", r.verdict.as_str());
            if r.verdict != Verdict::Invalid
                || s.outcome(CheckId::OfdSignedHash) != Outcome::Fail
                || s.outcome(CheckId::OfdSignature) != Outcome::Pass
            {
                eprintln!("  expected invalid by ofd-signed-hash alone: {r:#?}");
                failures += 1;
            }
            continue;
        }
        println!(
            "{name}: {} (format {:?}; {})",
            r.verdict.as_str(),
            s.format,
            s.checks.iter().map(|c| format!("{} {:?}", c.id.as_str(), c.outcome)).collect::<Vec<_>>().join(", ")
        );
        if r.verdict != Verdict::Valid || s.time.is_none() || s.signer.is_none() {
            eprintln!("  expected valid with a signer and a time: {r:#?}");
            failures += 1;
        }
        // The same signature value over another Signature.xml: the signed
        // digest no longer matches.
        let mut changed = o.clone();
        let xml = changed.file_mut("Doc_0/Signs/Sign_0/Signature.xml").unwrap();
        *xml = String::from_utf8_lossy(xml).replacen("ZZ Verify demo", "ZZ Verify demx", 1).into_bytes();
        let r = zz_ofd::verify(&changed.to_zip(), &opts);
        if r.signatures[0].outcome(CheckId::OfdSignedHash) != Outcome::Fail {
            eprintln!("  a changed Signature.xml still matches: {r:#?}");
            failures += 1;
        }
        // One bit of the SM2 signature changed.
        let value = o.files().find(|(p, _)| p.ends_with("SignedValue.dat")).unwrap().1.to_vec();
        let mut flipped = value.clone();
        let at = flipped.len() - 5;
        flipped[at] ^= 1;
        let mut sig = o.clone();
        sig.put("Doc_0/Signs/Sign_0/SignedValue.dat", flipped);
        let r = zz_ofd::verify(&sig.to_zip(), &opts);
        if r.signatures[0].outcome(CheckId::OfdSignature) != Outcome::Fail {
            eprintln!("  a changed signature verifies: {r:#?}");
            failures += 1;
        }
    }
    std::process::exit(i32::from(failures > 0));
}
