//! The citizen's pages and the kiosk: in the portal's first load.

pub mod catalog;
pub mod home;
pub mod kiosk;
pub mod matters;
pub mod verify;
