//! Certificate chains to pinned roots: intermediate CAs pinned or carried
//! by the signature are links; only pinned self-signed roots are anchors.

use zz_issuer::demo::ofd::DemoPki;
use zz_ofd::cert::{Cert, Chain, chain};

#[test]
fn carried_certificates_are_links_never_anchors() {
    let pki = DemoPki::new();
    let parse = |der: &[u8]| Cert::parse(der).unwrap();
    let (root, ca) = (parse(&pki.root.der), parse(&pki.ca.der));
    let signer = parse(&pki.sealer("某局", "X1").signer.der);
    let at = zz_issuer::demo::DEFAULT_NOW.as_secs();
    let trusted = |c: Chain| matches!(c, Chain::Trusted { .. });
    // The CA pinned beside the root, or carried by the signature: trusted.
    assert!(trusted(chain(&signer, &[root.clone(), ca.clone()], &[], at)));
    assert!(trusted(chain(&signer, std::slice::from_ref(&root), std::slice::from_ref(&ca), at)));
    // Without the CA: no chain.
    assert_eq!(chain(&signer, std::slice::from_ref(&root), &[], at), Chain::Untrusted);
    // A carried root is never an anchor, with or without its CA.
    assert_eq!(chain(&signer, &[], &[root.clone(), ca.clone()], at), Chain::Untrusted);
    assert_eq!(chain(&root, &[], std::slice::from_ref(&root), at), Chain::Untrusted);
    // At a time the CA was not valid: said so.
    let before = zz_core::UnixTime::from_secs(0).as_secs() + 86_400;
    assert!(matches!(
        chain(&signer, std::slice::from_ref(&root), std::slice::from_ref(&ca), before),
        Chain::NotValidAt { .. }
    ));
}
