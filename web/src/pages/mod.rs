//! The pages, one per route: public ones (the portal's first load), the
//! staff pages and the citizen's wallet (both in the second program, loaded
//! when one is first opened).

pub mod public;
pub mod staff;
pub mod wallet;
