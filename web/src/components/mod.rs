//! Components that several pages draw.

pub mod icons;
pub mod present;
