//! A message box: what went right or wrong, in its tone's colour, with its
//! mark where the tone has one.

use yew::prelude::*;

use crate::components::icons::Icon;

/// What a message says of what happened.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Info,
    Warn,
    Error,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Info => "info",
            Tone::Warn => "warn",
            Tone::Error => "error",
        }
    }

    fn icon(self) -> Option<Icon> {
        match self {
            Tone::Ok => Some(Icon::Check),
            Tone::Info => None,
            Tone::Warn => Some(Icon::Warning),
            Tone::Error => Some(Icon::Cross),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AlertProps {
    pub tone: Tone,
    /// Said at once by screen readers (`role="alert"`).
    #[prop_or(false)]
    pub urgent: bool,
    /// The tone's mark before the words.
    #[prop_or(false)]
    pub icon: bool,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A message in a paragraph of class `alert` and its tone.
#[component]
pub fn Alert(props: &AlertProps) -> Html {
    let mark = props.tone.icon().filter(|_| props.icon);
    html! {
        <p class={classes!("alert", props.tone.class(), props.class.clone())} role={props.urgent.then_some("alert")} id={props.id.clone()}>
            if let Some(m) = mark { { m.html() }{ " " } }
            { props.children.clone() }
        </p>
    }
}
