//! # zz-core: the ZZ1 verification core
//!
//! Decodes and verifies Chinese electronic licenses (电子证照) and annotated
//! copies (加注件) in the ZZ1 format of `SPEC.md`, and reports every check.
//!
//! - no I/O and no clock: the caller passes bytes, a verified [`Bundle`] and
//!   `now` (a [`UnixTime`]);
//! - no panics on any input: clippy denies `unwrap`, `expect`, `panic!` and
//!   unchecked indexing outside tests, and `unsafe` is forbidden;
//! - this crate alone decides validity; the CLI and the portal only show the
//!   [`Report`].
//!
//! ```no_run
//! # fn demo(roots_txt: &str, bundle_bytes: &[u8], license: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
//! use zz_core::{Bundle, Context, Roots, UnixTime, verify};
//! let roots = Roots::parse(roots_txt)?;
//! let bundle = Bundle::load(bundle_bytes, &roots, None)?;
//! let report = verify(license, Context::new(&bundle, UnixTime::from_secs(1_795_311_000)));
//! println!("{}", report.verdict.as_str());
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod authority;
pub mod bundle;
pub mod cbor;
pub mod dates;
pub mod envelope;
pub mod hex;
pub mod ident;
pub mod keys;
pub mod model;
pub mod report;
pub mod time;
pub mod transport;
pub mod verify;

pub use crate::time::UnixTime;
pub use authority::{Authorities, Authority, AuthorityError};
pub use bundle::{Bundle, BundleError, HighWater, Roots, RootsError, StatusList, Why};
pub use envelope::{Envelope, Typ};
pub use keys::{Kid, kid_of};
pub use report::{CertInfo, Check, CheckId, Kind, Outcome, Report, SealInfo, SignatureReport, TrustSummary, Verdict};
pub use verify::{Context, Usage, verify};
