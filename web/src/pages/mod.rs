//! The pages, one per route: public ones (the portal's first load) and the
//! staff pages (the staff program).

pub mod public;
pub mod staff;
