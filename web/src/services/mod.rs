//! Services: storage, signing, the audit log, staff accounts, trust data,
//! the site's configuration and verification. They draw nothing and hold
//! no hooks; pages reach them through state and components.

pub mod accounts;
pub mod audit;
pub mod camera;
pub mod clock;
pub mod device;
pub mod download;
pub mod idb;
pub mod passkey;
pub mod session;
pub mod site;
pub mod sound;
pub mod storage;
pub mod trust;
pub mod verification;
pub mod wallet;
