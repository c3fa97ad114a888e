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
        Some("verify") => {
            let list: Vec<serde_json::Value> = serde_json::from_slice(&std::fs::read(&args[2]).unwrap()).unwrap();
            let mut bad = 0;
            for v in &list {
                let (pk, msg, sig) = (unhex(v["pub"].as_str().unwrap()), unhex(v["msg"].as_str().unwrap()), unhex(v["sig"].as_str().unwrap()));
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
            eprintln!("usage: sm2_interop sign DIR | verify FILE");
            std::process::exit(2);
        }
    }
}
