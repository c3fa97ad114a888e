use yew::prelude::*;
use yew_router::prelude::*;

use crate::Route;
use crate::app::{NeedTrust, use_app};

#[component]
pub fn MattersPage() -> Html {
    let app = use_app();
    let lang = app.lang;
    let render = Callback::from(move |t: std::rc::Rc<crate::trust::Trust>| {
        let b = &t.bundle;
        html! {
            <ul class="matters">
            { for b.catalog.matters.iter().map(|m| html! {
                <li class="matter" id={format!("matter-{}", m.code)}>
                    <h2>{ &m.name }</h2>
                    <p class="meta"><span>{ lang.t("事项编码：", "Matter code: ") }<code>{ &m.code }</code></span>
                       <span>{ lang.t("受理部门：", "Department: ") }{ &m.dept.name }</span></p>
                    <table>
                        <caption>{ lang.t("所需证照", "Licenses needed") }</caption>
                        <thead><tr><th scope="col">{ lang.t("证照", "License") }</th><th scope="col">{ lang.t("形式", "Form") }</th></tr></thead>
                        <tbody>
                        { for m.needs.iter().map(|n| {
                            let ty = b.license_type(&n.type_code);
                            let name = ty.map_or(n.type_code.clone(), |t| t.name.clone());
                            let public = ty.is_some_and(|t| t.public);
                            html! { <tr>
                                <td>{ if public {
                                    html! { <Link<Route> to={Route::Type { code: n.type_code.clone() }}>{ name }</Link<Route>> }
                                } else { html! { name } } }</td>
                                <td>{ if n.annotated { lang.t("加注件", "Annotated copy") } else { lang.t("原件或加注件", "Original or annotated copy") } }</td>
                            </tr> }
                        }) }
                        </tbody>
                    </table>
                </li>
            }) }
            </ul>
        }
    });
    html! {
        <section>
            <h1>{ app.t("用证清单", "Usage lists") }</h1>
            <p>{ app.t("各办理事项接受的电子证照，以及是否须提交加注件。", "The e-licenses each service matter accepts, and whether an annotated copy is required.") }</p>
            <NeedTrust {render} />
        </section>
    }
}
