//! What the two programs (the portal and the staff pages) tell each other
//! on `window`.

/// Told on `window` when one program changed what the other must follow:
/// the language (kept in local storage), the trust data, the site's
/// configuration. The portal and the staff pages are two wasm programs.
pub const EVENT_LANG: &str = "zz-lang";
pub const EVENT_TRUST: &str = "zz-trust";
pub const EVENT_SITE: &str = "zz-site";
pub const EVENT_OPERATOR: &str = "zz-operator";

thread_local! {
    /// Set while this program tells the other: its own event is not news.
    static TELLING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub fn tell(event: &str) {
    if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new(event)) {
        TELLING.with(|t| t.set(true));
        let _ = w.dispatch_event(&e);
        TELLING.with(|t| t.set(false));
    }
}

/// Whether this program is telling the other right now (its own event is
/// not news to it).
pub fn telling() -> bool {
    TELLING.with(|t| t.get())
}
