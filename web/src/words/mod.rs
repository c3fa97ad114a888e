//! Words: the language switch and what the portal says in it (advice,
//! verdicts, audit events). No storage, no drawing.

pub mod advice;
pub mod events;
pub mod lang;
pub mod verdict;
