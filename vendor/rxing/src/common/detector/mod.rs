mod monochrome_rectangle_detector;
pub use monochrome_rectangle_detector::*;

mod white_rectangle_detector;
pub use white_rectangle_detector::*;
