//! The two Yew programs: the portal (first load, routes) and the staff
//! program (loaded when a staff page is first opened).

pub mod portal;
pub mod staff;
