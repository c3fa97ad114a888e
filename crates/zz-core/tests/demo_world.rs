//! Every sample of the demo world gives the verdict and check outcomes its
//! name promises.

use zz_core::{Bundle, CheckId, Context, Outcome, Roots, Verdict, verify};
use zz_issuer::demo::{self, SampleData};

fn outcome(s: &str) -> Outcome {
    match s {
        "pass" => Outcome::Pass,
        "fail" => Outcome::Fail,
        "warn" => Outcome::Warn,
        "skip" => Outcome::Skip,
        other => panic!("unknown outcome {other:?} in the samples' manifest"),
    }
}

#[test]
fn every_sample_gives_its_promised_verdict() {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = Roots::parse(&w.roots_txt).unwrap();
    let bundle = Bundle::load(&w.bundle, &roots, None).unwrap();
    let outdated = Bundle::load(&w.bundle_outdated, &roots, None).unwrap();
    let mut problems = Vec::new();
    for s in &w.samples {
        let b = if s.bundle.is_some() { &outdated } else { &bundle };
        let now = s.now.unwrap_or(w.now);
        let input: Vec<u8> = match &s.data {
            SampleData::Cose(c) => c.clone(),
            SampleData::Text(t) => t.clone().into_bytes(),
        };
        let r = verify(&input, Context::new(b, now).with(s.usage()));
        // The JSON of a report reads back as the same report (the portal's
        // OFD worker sends reports as JSON).
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<zz_core::Report>(&json).unwrap(), r, "{}", s.name);
        if r.verdict.as_str() != s.expect {
            problems.push(format!(
                "{}: verdict {} (expected {}): {:?}",
                s.name,
                r.verdict.as_str(),
                s.expect,
                r.checks
                    .iter()
                    .filter(|c| c.outcome != Outcome::Pass)
                    .map(|c| format!("{} {:?} {}", c.id.as_str(), c.outcome, c.en))
                    .collect::<Vec<_>>()
            ));
        }
        // Messages are for clerks: no key ids (16 hex digits) in them.
        for c in &r.checks {
            for text in [&c.zh, &c.en] {
                let hex_run = text
                    .split(|c: char| !matches!(c, '0'..='9' | 'a'..='f'))
                    .any(|run| run.len() == 16 && run.bytes().any(|b| b.is_ascii_alphabetic()));
                if hex_run {
                    problems.push(format!("{}: check {} names a key id: {}", s.name, c.id.as_str(), text));
                }
            }
        }
        for (id, want) in &s.checks {
            let got = r.outcome(CheckId::from_id(id).unwrap());
            if got != outcome(want) {
                problems.push(format!(
                    "{}: check {id} is {got:?}, expected {want}: {}",
                    s.name,
                    r.check(CheckId::from_id(id).unwrap()).unwrap().en
                ));
            }
        }
        // Text form gives the same verdict.
        if let SampleData::Cose(c) = &s.data {
            let text = zz_issuer::zz1_text(c);
            let t = verify(text.as_bytes(), Context::new(b, now).with(s.usage()));
            assert_eq!(t.verdict, r.verdict, "{} as text: {:?}", s.name, t.failures().collect::<Vec<_>>());
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn demo_world_is_deterministic_and_covers_everything() {
    let a = demo::world(demo::DEFAULT_NOW);
    let b = demo::world(demo::DEFAULT_NOW);
    assert_eq!(a.bundle, b.bundle);
    assert_eq!(a.samples.len(), b.samples.len());
    assert!(a.catalog.types.len() >= 30, "{} types", a.catalog.types.len());
    assert!(a.catalog.matters.len() >= 10);
    for v in [Verdict::Valid, Verdict::Invalid, Verdict::Indeterminate] {
        assert!(a.samples.iter().any(|s| s.expect == v.as_str()), "no {v:?} sample");
    }
    // Every check of section 10 is exercised failing (or warning, for
    // warn-only checks) and passing by some sample.
    for id in CheckId::ALL {
        let seen = |o: &str| a.samples.iter().any(|s| s.checks.iter().any(|(c, out)| c == &id.as_str() && *out == o));
        assert!(seen("fail") || seen("warn"), "no sample makes {} fail or warn", id.as_str());
    }
}

#[test]
fn sig_structure_equals_cosets_for_every_sample() {
    use coset::TaggedCborSerializable;
    let w = demo::world(demo::DEFAULT_NOW);
    let mut n = 0;
    for s in &w.samples {
        let SampleData::Cose(c) = &s.data else { continue };
        let (Ok(env), Ok(sign1)) = (zz_core::Envelope::parse(c), coset::CoseSign1::from_tagged_slice(c)) else {
            continue;
        };
        assert_eq!(env.to_be_signed(), sign1.tbs_data(b""), "{}", s.name);
        assert_eq!(env.payload(), sign1.payload.as_deref().unwrap(), "{}", s.name);
        assert_eq!(env.signature(), sign1.signature.as_slice(), "{}", s.name);
        n += 1;
    }
    assert!(n >= 45, "{n}");
}

#[test]
fn the_demo_root_is_recognised_and_only_it() {
    let w = demo::world(demo::DEFAULT_NOW);
    let roots = zz_core::Roots::parse(&w.roots_txt).unwrap();
    assert!(roots.includes_demo_root());
    assert_eq!(zz_issuer::Key::derive(demo::SEED, "root").public(), zz_core::bundle::DEMO_ROOT);
    let other =
        zz_core::Roots::from_public_keys(&[zz_issuer::Key::derive("another authority", "root").public()]).unwrap();
    assert!(!other.includes_demo_root());
}
