//! Text from inputs made safe to print on a terminal.
//!
//! A license is attacker-controlled data: a holder name holding
//! `\r ESC[2K ESC[1A` could redraw an invalid verdict as "✔ 有效", a
//! newline could add a line of its own, and bidi overrides could reorder
//! what the clerk reads. Every piece of input-derived text printed for
//! people goes through [`safe`]; JSON output is escaped by its encoder.

use std::borrow::Cow;

/// Whether `c` could change what a terminal shows beyond its own glyph:
/// C0 controls (tab and newline included), DEL, C1 controls, and the
/// bidirectional formatting characters.
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character written as a visible `\u{…}` escape.
pub fn safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert_eq!(safe("张三"), "张三");
        assert_eq!(safe("a\r\u{1b}[2K\u{1b}[1A✔ 有效"), "a\\u{d}\\u{1b}[2K\\u{1b}[1A✔ 有效");
        assert_eq!(safe("x\ny\tz\u{7f}\u{85}"), "x\\u{a}y\\u{9}z\\u{7f}\\u{85}");
        assert_eq!(safe("\u{202e}cod.exe"), "\\u{202e}cod.exe");
        assert_eq!(safe("\u{2066}\u{200f}"), "\\u{2066}\\u{200f}");
    }
}
