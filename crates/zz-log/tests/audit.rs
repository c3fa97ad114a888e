//! The audit log against a deliberate editor: every edit, deletion,
//! insertion and reordering is caught even when the editor recomputes every
//! hash (without the device key, nothing can be signed); truncation and a
//! log re-signed with another key are caught against a checkpoint; pruning
//! leaves a log that verifies.

use zz_log::audit::{self, Device, Entry, GENESIS, Operator, Verified};

const T0: i64 = 1_795_311_000;

fn device(seed: u8) -> Device {
    Device::from_secret(&[seed; 32])
}

fn entry(i: u64) -> Entry {
    Entry {
        time: T0 + i as i64 * 60,
        event: if i.is_multiple_of(5) { "exception-paper".into() } else { "verify".into() },
        operator: Some(Operator { name: "王*".into(), number: "S0012".into(), role: "counter".into() }),
        org: Some("11310000024175008N".into()),
        window: Some("3 号窗口".into()),
        case: Some(format!("case-{}", i / 3)),
        matter: Some("310000-DJ-0201".into()),
        verified: (!i.is_multiple_of(5)).then(|| Verified {
            kind: Some("license".into()),
            identifier: Some(format!("1.2.156.x.{i}")),
            verdict: "valid".into(),
            trust_seq: 7,
            ..Verified::default()
        }),
        ..Entry::default()
    }
}

/// A log of `n` entries written by `d`.
fn log(d: &Device, n: u64) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for i in 1..=n {
        let prev = out.last().map_or(GENESIS.to_owned(), Entry::hash);
        out.push(d.seal(entry(i), i, &prev));
    }
    out
}

/// What an editor without the key can do: recompute every `prev` after an
/// edit (signatures cannot be made again).
fn rechain(entries: &mut [Entry]) {
    let mut prev = GENESIS.to_owned();
    for (i, e) in entries.iter_mut().enumerate() {
        e.n = i as u64 + 1;
        e.prev = prev.clone();
        prev = e.hash();
    }
}

#[test]
fn an_intact_log_verifies_and_reads_back_from_its_text() {
    let d = device(1);
    let es = log(&d, 50);
    let text = audit::to_text(&d.header(), &es);
    let (h, back) = audit::parse(&text).unwrap();
    assert_eq!(back, es);
    let ok = audit::verify(&h, &back, None).unwrap();
    assert_eq!((ok.entries, ok.first, ok.last), (50, Some(1), Some(50)));
    assert_eq!(ok.head, es[49].hash());
    let c = d.checkpoint(&es[49], T0 + 9999);
    assert!(audit::verify(&h, &back, Some(&c)).unwrap().checkpoint);
}

#[test]
fn edits_with_every_hash_recomputed_are_caught_without_the_key() {
    let d = device(1);
    let h = d.header();
    let es = log(&d, 20);
    type Edit = Box<dyn Fn(&mut Vec<Entry>)>;
    let edits: Vec<(&str, Edit)> = vec![
        ("a verdict", Box::new(|es| es[7].verified.as_mut().unwrap().verdict = "invalid".into())),
        ("the operator", Box::new(|es| es[7].operator.as_mut().unwrap().number = "S9999".into())),
        ("the time", Box::new(|es| es[7].time += 1)),
        ("a drill flag", Box::new(|es| es[7].drill = true)),
        (
            "a deletion",
            Box::new(|es| {
                es.remove(7);
            }),
        ),
        (
            "an insertion",
            Box::new(|es| {
                let copy = es[3].clone();
                es.insert(8, copy);
            }),
        ),
        ("a reordering", Box::new(|es| es.swap(7, 8))),
    ];
    for (what, edit) in edits {
        // Hashes left as they were.
        let mut bad = es.clone();
        edit(&mut bad);
        let broken = audit::verify(&h, &bad, None).expect_err(what);
        assert!(broken.n.is_some() && broken.line.is_some(), "{what}: {broken:?}");
        // Hashes recomputed by the editor: the signatures still fail.
        rechain(&mut bad);
        let broken = audit::verify(&h, &bad, None).expect_err(what);
        assert!(broken.why.contains("signature"), "{what}: {broken:?}");
        // Entry 8 (index 7) is on line 9 (the header is line 1); the
        // insertion is at index 8.
        let line = if what == "an insertion" { 10 } else { 9 };
        assert_eq!(broken.line, Some(line), "{what}: the first changed entry");
    }
}

#[test]
fn truncation_and_a_log_re_signed_with_another_key_are_caught_against_a_checkpoint() {
    let d = device(1);
    let es = log(&d, 30);
    let c = d.checkpoint(&es[24], T0 + 5000);
    // Entries cut off the end still verify on their own...
    let cut = &es[..20];
    assert!(audit::verify(&d.header(), cut, None).is_ok());
    // ...but not against the checkpoint kept elsewhere.
    let broken = audit::verify(&d.header(), cut, Some(&c)).unwrap_err();
    assert!(broken.why.contains("missing at the end"), "{broken:?}");
    // A whole log re-signed with the editor's own key.
    let other = device(2);
    let mut forged = es.clone();
    forged[3].verified = None;
    let mut prev = GENESIS.to_owned();
    for (i, e) in forged.iter_mut().enumerate() {
        *e = other.seal(e.clone(), i as u64 + 1, &prev);
        prev = e.hash();
    }
    assert!(audit::verify(&other.header(), &forged, None).is_ok());
    let broken = audit::verify(&other.header(), &forged, Some(&c)).unwrap_err();
    assert!(broken.why.contains("not this device's"), "{broken:?}");
    // A header that claims the device but carries another key.
    let mut lying = other.header();
    lying.device = d.header().device;
    assert!(audit::verify(&lying, &forged, Some(&c)).is_err());
    // The checkpoint's entry changed.
    let mut changed = es.clone();
    changed[24].time += 1;
    changed[24] = d.seal(changed[24].clone(), 25, &changed[23].hash());
    let broken = audit::verify(&d.header(), &changed[..25], Some(&c)).unwrap_err();
    assert_eq!(broken.n, Some(25), "{broken:?}");
}

#[test]
fn pruning_leaves_a_log_that_verifies_and_cannot_be_faked() {
    let d = device(1);
    let es = log(&d, 40);
    let kept = audit::prune(&d, &es, 25, T0 + 8000, Entry::default()).unwrap();
    assert_eq!(kept.first().unwrap().n, 26);
    let last = kept.last().unwrap();
    assert_eq!((last.n, last.event.as_str()), (41, "pruned"));
    let ok = audit::verify(&d.header(), &kept, None).unwrap();
    assert_eq!((ok.first, ok.last), (Some(26), Some(41)));
    // Verifies across the cut with a checkpoint taken after it.
    let c = d.checkpoint(last, T0 + 8001);
    assert!(audit::verify(&d.header(), &kept, Some(&c)).is_ok());
    // Without a signed `pruned` entry, a log that starts late is missing
    // its beginning.
    let broken = audit::verify(&d.header(), &es[25..], None).unwrap_err();
    assert!(broken.why.contains("missing"), "{broken:?}");
    // The pruned entry is signed: claiming a later cut fails.
    let mut more = kept.clone();
    if let Some(p) = more.last_mut() {
        p.detail = Some(format!("30 {}", es[29].hash()));
    }
    assert!(audit::verify(&d.header(), &more[5..], None).is_err());
    // Pruning everything leaves just the signed note.
    let all = audit::prune(&d, &es, 40, T0 + 9000, Entry::default()).unwrap();
    assert_eq!(all.len(), 1);
    assert!(audit::verify(&d.header(), &all, None).is_ok());
}

#[test]
fn unreadable_text_says_why() {
    for (text, why) in [
        ("", "empty"),
        ("not json\n", "line 1"),
        (r#"{"format":"zz-log/1","device":"x","alg":"Ed25519","publicKey":"00"}"#, "format"),
    ] {
        let e = audit::parse(text).unwrap_err();
        assert!(e.0.contains(why), "{text:?}: {e:?}");
    }
    let d = device(1);
    let mut text = audit::to_text(&d.header(), &log(&d, 2));
    text.push_str("{\"n\": \n");
    assert!(audit::parse(&text).unwrap_err().0.contains("line 4"));
    let bad_key = zz_log::audit::Header { public_key: "zz".into(), ..d.header() };
    assert!(audit::verify(&bad_key, &[], None).is_err());
}

/// A device whose WebCrypto has no Ed25519 signs with ECDSA on P-256
/// (r‖s, as WebCrypto gives it): the same log verifies, and the same edits
/// are caught; an Ed25519 header over its entries is refused.
#[test]
fn a_p256_device_log_verifies_and_edits_are_caught() {
    use p256::ecdsa::{Signature, SigningKey, signature::Signer};
    let key = SigningKey::from_slice(&[0x42; 32]).unwrap();
    let public = key.verifying_key().to_encoded_point(false);
    let header = audit::header_of_p256(public.as_bytes()).unwrap();
    assert_eq!((header.alg.as_str(), header.public_key.len()), (audit::ALG_P256, 130));
    let sign = |bytes: &[u8]| {
        let sig: Signature = key.sign(bytes);
        zz_core::envelope::hex(&sig.to_bytes())
    };
    let mut es: Vec<Entry> = Vec::new();
    for i in 1..=10u64 {
        let mut e = Entry { n: i, prev: es.last().map_or(GENESIS.to_owned(), Entry::hash), ..entry(i) };
        e.sig = sign(&e.signed_bytes());
        es.push(e);
    }
    let text = audit::to_text(&header, &es);
    let (h, read) = audit::parse(&text).unwrap();
    assert_eq!(audit::verify(&h, &read, None).unwrap().entries, 10);
    let mut c = audit::Checkpoint {
        format: audit::CHECKPOINT_FORMAT.into(),
        device: header.device.clone(),
        n: 10,
        head: es[9].hash(),
        time: T0,
        sig: String::new(),
    };
    c.sig = sign(&c.signed_bytes());
    assert!(audit::verify(&header, &es, Some(&c)).is_ok());
    assert!(audit::verify(&header, &es[..8], Some(&c)).is_err(), "truncation");
    let mut edited = es.clone();
    edited[3].verified.as_mut().unwrap().verdict = "invalid".into();
    rechain(&mut edited);
    assert_eq!(audit::verify(&header, &edited, None).unwrap_err().n, Some(4));
    // The same key claimed as Ed25519, or another curve point, is refused.
    let wrong_alg = audit::Header { alg: audit::ALG.into(), ..header.clone() };
    assert!(audit::verify(&wrong_alg, &es, None).is_err());
    let mut other = public.as_bytes().to_vec();
    other[40] ^= 1;
    assert!(audit::header_of_p256(&other).is_none());
}

/// The portal writes the signed `pruned` note before it drops entries: a
/// log caught between the two (the note, every entry still there) verifies.
#[test]
fn a_pruned_note_before_the_drop_leaves_a_log_that_verifies() {
    let d = device(3);
    let mut es = log(&d, 12);
    let note = Entry {
        event: "pruned".into(),
        time: T0 + 9000,
        detail: Some(format!("8 {}", es[7].hash())),
        ..Entry::default()
    };
    let prev = es[11].hash();
    es.push(d.seal(note, 13, &prev));
    assert!(audit::verify(&d.header(), &es, None).is_ok(), "before the drop");
    assert!(audit::verify(&d.header(), &es[8..], None).is_ok(), "after the drop");
    assert!(audit::verify(&d.header(), &es[7..], None).is_err(), "dropped one too few");
    assert!(audit::verify(&d.header(), &es[9..], None).is_err(), "dropped one too many");
}

/// A line changed without changing what it says (a field added, keys
/// reordered, spaces) is still not as the device wrote it.
#[test]
fn lines_not_as_written_are_caught() {
    let d = device(4);
    let es = log(&d, 6);
    let text = audit::to_text(&d.header(), &es);
    let lines: Vec<&str> = text.lines().collect();
    let third = lines[3];
    for edited in [
        third.replacen("{", "{\"note\":\"approved\",", 1),
        third.replacen("{", "{ ", 1),
        format!("{third} "),
        // The same fields, "n" moved to the end.
        format!("{{{},\"n\":3}}", third.strip_prefix("{\"n\":3,").unwrap().strip_suffix('}').unwrap()),
    ] {
        assert_ne!(edited, third);
        let mut out = lines.clone();
        out[3] = &edited;
        let (h, read) = audit::parse(&(out.join("\n") + "\n")).unwrap();
        let broken = audit::verify(&h, &read, None).unwrap_err();
        assert_eq!(broken.n, Some(3), "{edited}: {broken:?}");
        assert!(broken.why.contains("not as the device wrote it"), "{broken:?}");
    }
    // Windows line ends are only line ends.
    let (h, read) = audit::parse(&text.replace('\n', "\r\n")).unwrap();
    assert!(audit::verify(&h, &read, None).is_ok());
}

/// Numbers at the top of the range are refused, not wrapped.
#[test]
fn huge_numbers_do_not_overflow() {
    let d = device(5);
    let note = Entry { event: "pruned".into(), detail: Some(format!("{} {}", u64::MAX, GENESIS)), ..Entry::default() };
    let one = d.seal(note, u64::MAX, GENESIS);
    assert!(audit::verify(&d.header(), &[one], None).is_err());
    let last = d.seal(
        Entry { event: "pruned".into(), detail: Some(format!("{} {}", u64::MAX - 1, GENESIS)), ..Entry::default() },
        u64::MAX,
        GENESIS,
    );
    assert!(audit::verify(&d.header(), &[last], None).is_err());
}

/// A checkpoint kept before a prune: its entry named by the signed note
/// holds; an older one says it covers only what was dropped; without the
/// note the missing entry breaks the log.
#[test]
fn checkpoints_older_than_a_prune() {
    let d = device(6);
    let es = log(&d, 30);
    let at_10 = d.checkpoint(&es[9], T0 + 100);
    let at_20 = d.checkpoint(&es[19], T0 + 200);
    let kept = audit::prune(&d, &es, 20, T0 + 300, Entry::default()).unwrap();
    let ok = audit::verify(&d.header(), &kept, Some(&at_20)).unwrap();
    assert!(ok.checkpoint && !ok.checkpoint_pruned, "{ok:?}");
    let older = audit::verify(&d.header(), &kept, Some(&at_10)).unwrap();
    assert!(!older.checkpoint && older.checkpoint_pruned, "{older:?}");
    // A checkpoint of entry 20 whose head is not the note's: another log.
    let elsewhere = d.checkpoint(&Entry { n: 20, ..es[18].clone() }, T0);
    assert!(audit::verify(&d.header(), &kept, Some(&elsewhere)).is_err());
    // Cut without a note: the checkpoint's entry is simply missing.
    assert!(audit::verify(&d.header(), &es[20..], Some(&at_20)).is_err());
}

/// Archives of pruned entries and the log after them verify together,
/// in any order, overlaps counted once; another device's file is refused.
#[test]
fn archives_and_the_log_after_them_verify_together() {
    let d = device(7);
    let es = log(&d, 30);
    // Two prunes: 1–10, then 11–20; archives are exported before each.
    let first = audit::prune(&d, &es, 10, T0 + 300, Entry::default()).unwrap();
    let archive_1 = es[..10].to_vec();
    let mut with_first = es.clone();
    with_first.push(first.last().unwrap().clone());
    let second = audit::prune(&d, &with_first, 20, T0 + 400, Entry::default()).unwrap();
    let archive_2 = with_first[10..20].to_vec();
    let h = d.header();
    // Alone, a later archive misses its beginning.
    assert!(audit::verify(&h, &archive_2, None).is_err());
    assert!(audit::verify(&h, &second, None).is_ok());
    let (jh, all) =
        audit::join(vec![(h.clone(), second.clone()), (h.clone(), archive_2.clone()), (h.clone(), archive_1.clone())])
            .unwrap();
    let ok = audit::verify(&jh, &all, None).unwrap();
    assert_eq!((ok.first, ok.last, ok.entries), (Some(1), Some(32), 32));
    // The same archive twice is counted once.
    let (_, again) =
        audit::join(vec![(h.clone(), archive_1.clone()), (h.clone(), archive_1.clone()), (h.clone(), es.clone())])
            .unwrap();
    assert_eq!(again.len(), 30);
    // An entry of the same number with other contents stays, and breaks it.
    let mut changed = archive_1.clone();
    changed[4] = d.seal(Entry { time: T0 + 1, ..changed[4].clone() }, 5, &changed[3].hash());
    let (_, both) = audit::join(vec![(h.clone(), es.clone()), (h.clone(), changed)]).unwrap();
    assert!(audit::verify(&h, &both, None).is_err());
    assert!(audit::join(vec![(h.clone(), es.clone()), (device(8).header(), log(&device(8), 3))]).is_err());
    // An entry repeated within one file is an insertion, joined or not.
    let mut inserted = es.clone();
    inserted.insert(5, es[4].clone());
    let (_, one) = audit::join(vec![(h.clone(), inserted.clone())]).unwrap();
    assert_eq!(audit::verify(&h, &one, None).unwrap_err().n, Some(5));
    let (_, two) = audit::join(vec![(h.clone(), archive_1.clone()), (h.clone(), inserted)]).unwrap();
    assert!(audit::verify(&h, &two, None).is_err());
}

#[test]
fn a_device_is_named_by_its_public_key_or_its_id() {
    let h = zz_log::audit::header(zz_log::audit::ALG, &[7u8; 32]);
    assert!(zz_log::audit::is_device(&h, &h.device));
    assert!(zz_log::audit::is_device(&h, &h.public_key.to_uppercase()));
    assert!(zz_log::audit::is_device(&h, &format!(" {} ", h.device)));
    let other = zz_log::audit::header(zz_log::audit::ALG, &[8u8; 32]);
    for pinned in [other.device.as_str(), other.public_key.as_str(), "", "zz", &h.device[..8]] {
        assert!(!zz_log::audit::is_device(&h, pinned), "{pinned:?}");
    }
}
