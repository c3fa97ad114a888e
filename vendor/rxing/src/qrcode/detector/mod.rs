mod alignment_pattern;
mod alignment_pattern_finder;
mod finder_pattern;
mod finder_pattern_finder;
mod finder_pattern_info;
mod qrcode_detector;
mod qrcode_detector_result;

pub use alignment_pattern::*;
pub use alignment_pattern_finder::*;
pub use finder_pattern::*;
pub use finder_pattern_finder::*;
pub use finder_pattern_info::*;
pub use qrcode_detector::*;
pub use qrcode_detector_result::*;

#[cfg(test)]
#[cfg(all(feature = "decoders", feature = "encoders"))]
mod detector_test;
