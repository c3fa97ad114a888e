//! The portal's wasm programs and what they share, in layers (see README,
//! "The portal's layout"): the portal itself (`programs::portal`), the
//! staff pages (`programs::staff`: counter, log, statistics, settings,
//! objection request), the QR decoding worker and the OFD worker
//! (`workers`). All but the portal
//! are loaded only when first needed (a staff page; scanning or an image
//! upload; an OFD file), so that the portal's first load stays small.

// The modules name the crate as the programs do.
extern crate self as zz_web;

pub mod components;
pub mod pages;
pub mod programs;
pub mod services;
pub mod state;
pub mod words;
pub mod workers;

pub use programs::portal::Route;
pub use workers::protocol::OwnedUsage;
