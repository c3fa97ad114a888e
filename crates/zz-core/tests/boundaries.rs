//! Exact boundaries a mutation run found untested: the 64 KiB object limit
//! (binary and text) and the `bundle` check's two warnings.

mod common;

use common::*;
use zz_core::model::FieldValue;
use zz_core::transport::MAX_OBJECT;
use zz_core::{CheckId, Outcome, Verdict};

/// A license whose COSE bytes are exactly `size` long (padding a face
/// field; the length of its text header moves in steps, so search).
fn license_of_size(w: &World, size: usize) -> Vec<u8> {
    let with = |pad: usize| {
        let mut l = license();
        l.fields.push(("note".into(), FieldValue::Text("x".repeat(pad))));
        w.issue(&l)
    };
    let base = with(0).len();
    let mut pad = size.saturating_sub(base);
    loop {
        let cose = with(pad);
        match cose.len().cmp(&size) {
            std::cmp::Ordering::Equal => return cose,
            std::cmp::Ordering::Greater => pad -= cose.len() - size,
            std::cmp::Ordering::Less => pad += size - cose.len(),
        }
    }
}

#[test]
fn a_license_of_exactly_64_kib_is_read_and_one_byte_more_is_not() {
    let w = world();
    let at_limit = license_of_size(&w, MAX_OBJECT);
    assert_eq!(at_limit.len(), 65_536);
    let r = w.verify(&at_limit);
    assert_eq!(r.verdict, Verdict::Valid, "{:?}", r.failures().map(|c| c.id.as_str()).collect::<Vec<_>>());
    let over = license_of_size(&w, MAX_OBJECT + 1);
    let r = w.verify(&over);
    assert_eq!(r.outcome(CheckId::Decode), Outcome::Pass);
    assert_eq!(r.outcome(CheckId::Structure), Outcome::Fail);
    assert!(r.check(CheckId::Structure).unwrap().en.contains("64 KiB"));
    // The same through ZZ1: text: inflating stops at 64 KiB.
    assert_eq!(w.verify(zz_issuer::zz1_text(&at_limit).as_bytes()).verdict, Verdict::Valid);
    let r = w.verify(zz_issuer::zz1_text(&over).as_bytes());
    assert_eq!(r.outcome(CheckId::Decode), Outcome::Fail);
}

#[test]
fn bundle_warnings_start_exactly_at_their_instants() {
    let w = world();
    let cose = w.issue(&license());
    let (iat, next) = (w.bundle.trust.iat, w.bundle.trust.next_update);
    let bundle_at = |now| w.verify_at(&cose, now, None).outcome(CheckId::Bundle);
    // "past nextUpdate": now > nextUpdate.
    assert_eq!(bundle_at(next), Outcome::Pass);
    assert_eq!(bundle_at(next.saturating_add_secs(1)), Outcome::Warn);
    // "the clock is earlier than the bundle's iat": now < iat.
    assert_eq!(bundle_at(iat), Outcome::Pass);
    assert_eq!(bundle_at(iat.saturating_sub_secs(1)), Outcome::Warn);
    // A warning never changes the verdict by itself.
    assert_eq!(w.verify_at(&cose, iat.saturating_sub_secs(1), None).verdict, Verdict::Valid);
}
