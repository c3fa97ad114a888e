//! Icons as inline SVG, drawn in the text's colour: emoji and symbol
//! glyphs render as empty boxes on machines without such a font, as
//! kiosks often are. Every icon is decorative (`aria-hidden`): the words
//! beside it say the same.

use yew::prelude::*;
use zz_core::{Outcome, Verdict};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Camera,
    Check,
    Cross,
    Question,
    Warning,
    Dash,
}

impl Icon {
    /// The icon of a verdict.
    pub fn of_verdict(v: Verdict) -> Icon {
        match v {
            Verdict::Valid => Icon::Check,
            Verdict::Invalid => Icon::Cross,
            Verdict::Indeterminate => Icon::Question,
        }
    }

    /// The icon of a check's outcome.
    pub fn of_outcome(o: Outcome) -> Icon {
        match o {
            Outcome::Pass => Icon::Check,
            Outcome::Fail => Icon::Cross,
            Outcome::Warn => Icon::Warning,
            Outcome::Skip => Icon::Dash,
        }
    }

    fn path(self) -> &'static str {
        match self {
            Icon::Camera => "M3 8h4l2-3h6l2 3h4v11H3z M12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z",
            Icon::Check => "M4 12.5l5 5L20 6.5",
            Icon::Cross => "M6 6l12 12M18 6L6 18",
            Icon::Question => "M8.5 9a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3V15 M12 19v.01",
            Icon::Warning => "M12 3L2 20h20z M12 9.5v4.5 M12 17v.01",
            Icon::Dash => "M6 12h12",
        }
    }

    pub fn html(self) -> Html {
        html! {
            <svg class="svg-icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
                <path d={self.path()} fill="none" stroke="currentColor" stroke-width="2.5"
                    stroke-linecap="round" stroke-linejoin="round" />
            </svg>
        }
    }
}
