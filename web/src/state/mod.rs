//! The app's state (language, trust data, site, who is signed in), its
//! hook, and what the two programs tell each other.

pub mod app;
pub mod events;
