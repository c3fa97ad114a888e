//! Services: storage, signing, the audit log, staff accounts, trust data,
//! the site's configuration and verification. They draw nothing and hold
//! no hooks; pages reach them through state and components.

pub mod accounts;
pub mod audit;
pub mod device;
pub mod idb;
pub mod site;
pub mod trust;
pub mod verification;
