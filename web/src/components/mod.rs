//! Components that several pages draw.

pub mod alert;
pub mod challenge;
pub mod drill_switch;
pub mod field;
pub mod gate;
pub mod icons;
pub mod need_trust;
pub mod present;
pub mod qr_code;
pub mod site_line;
pub mod trust_import;
pub mod trust_status;
