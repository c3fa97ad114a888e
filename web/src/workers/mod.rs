//! The portal's web workers (QR decoding, OFD verification), what they
//! and the portal say to each other, and the portal's side of them.

pub mod client;
pub mod ofd;
pub mod protocol;
pub mod qr;
