use yew::prelude::*;
use yew_router::prelude::*;

use crate::Route;
use crate::components::need_trust::NeedTrust;
use crate::state::app::use_app;

#[derive(Properties, PartialEq)]
pub struct MattersProps {
    /// The matter to show first (`#/matters/CODE`): scrolled to and marked.
    #[prop_or_default]
    pub focus: Option<String>,
}

#[component]
pub fn MattersPage(props: &MattersProps) -> Html {
    let app = use_app();
    let focus = props.focus.clone();
    let render = Callback::from(move |t: std::rc::Rc<crate::services::trust::Trust>| {
        html! { <MatterList trust={crate::state::app::TrustProp(t)} focus={focus.clone()} /> }
    });
    html! {
        <section>
            <h1>{ app.t("用证清单", "Usage lists") }</h1>
            <p>{ app.t("各办理事项接受的电子证照，以及是否须提交加注件。", "The e-licenses each service matter accepts, and whether an annotated copy is required.") }</p>
            <NeedTrust {render} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    trust: crate::state::app::TrustProp,
    focus: Option<String>,
}

#[component]
fn MatterList(props: &ListProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let b = &props.trust.0.bundle();
    let focus = props.focus.clone();
    {
        // The chosen matter brought into view once the list is drawn.
        use_effect_with(focus.clone(), move |focus| {
            let el = focus.as_ref().and_then(|c| gloo::utils::document().get_element_by_id(&format!("matter-{c}")));
            if let Some(el) = el {
                el.scroll_into_view();
            }
        });
    }
    let current = |code: &str| focus.as_deref() == Some(code);
    html! {
        <ul class="matters">
        { for b.catalog.matters.iter().map(|m| html! {
            <li class={classes!("matter", current(&m.code).then_some("current"))}
                id={format!("matter-{}", m.code)} aria-current={current(&m.code).then_some("true")}>
                <h2>{ &m.name }</h2>
                <p class="meta"><span>{ lang.t("事项编码：", "Matter code: ") }<code>{ &m.code }</code></span>
                   <span>{ lang.t("受理部门：", "Department: ") }{ &m.dept.name }</span></p>
                <table>
                    <caption>{ lang.t("所需证照", "Licenses needed") }</caption>
                    <thead><tr><th scope="col">{ lang.t("证照", "License") }</th><th scope="col">{ lang.t("形式", "Form") }</th><th scope="col">{ lang.t("可免交的纸质材料", "Paper it replaces") }</th></tr></thead>
                    <tbody>
                    { for m.needs.iter().map(|n| {
                        // Another region's type (SPEC 9) is named from its catalog.
                        let ty = props.trust.0.license_type(&n.type_code);
                        let name = ty.map_or(n.type_code.clone(), |t| t.name.clone());
                        let link_name = name.clone();
                        let public = ty.is_some_and(|t| t.public);
                        html! { <tr>
                            <td>{ if public {
                                html! { <Link<Route> to={Route::Type { code: n.type_code.clone() }}>{ link_name }</Link<Route>> }
                            } else { html! { link_name } } }</td>
                            <td>{ if n.annotated { lang.t("加注件", "Annotated copy") } else { lang.t("原件或加注件", "Original or annotated copy") } }</td>
                            <td class="replaces">{ match lang {
                                crate::words::lang::Lang::Zh => format!("纸质《{name}》原件及复印件"),
                                crate::words::lang::Lang::En => format!("the paper {name} and its copies"),
                            } }</td>
                        </tr> }
                    }) }
                    </tbody>
                </table>
            </li>
        }) }
        </ul>
    }
}
