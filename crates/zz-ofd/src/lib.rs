//! # zz-ofd: OFD e-license files with SM2 electronic seals
//!
//! SPEC section 12: an OFD file (GB/T 33190) is a ZIP archive whose root
//! holds `OFD.xml`; its documents' signatures (electronic seals per
//! GB/T 38540 / GM/T 0031, SignedData per GB/T 35275, bare SM2) protect the
//! files they reference. This crate reads a package within the limits of
//! section 12 and verifies it offline.
//!
//! Like `zz-core`: no I/O, no clock (time is a parameter), no panics: the
//! lints below deny `unwrap`, `expect`, `panic!` and unchecked indexing
//! outside tests, and `unsafe` is forbidden.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod asn1;
pub mod cert;
pub mod coverage;
pub mod document;
pub mod license;
pub mod package;
pub mod render;
pub mod ses;
pub mod signed_data;
pub mod sm;
pub mod verify;
pub mod xml;

pub use package::{Package, PackageError};
pub use verify::{OfdReport, Options, report, report_among, to_report, verify, verify_among};
