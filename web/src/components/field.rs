//! Reading and clearing form inputs.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The text of the input behind `r` (empty if it is not drawn).
pub fn value(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// The value of the input an event came from.
pub fn value_of(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// Empties the inputs behind `refs` (PINs once read).
pub fn clear(refs: &[&NodeRef]) {
    for r in refs {
        if let Some(i) = r.cast::<HtmlInputElement>() {
            i.set_value("");
        }
    }
}
