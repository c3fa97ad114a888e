pub mod detector;
mod qr_code_multi_reader;
pub use qr_code_multi_reader::*;
