//! The staff pages: drawn by the staff program, loaded when one is first
//! opened.

pub mod accounts;
pub mod counter;
pub mod log;
pub mod objection;
pub mod settings;
pub mod stats;
