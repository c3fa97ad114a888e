//! One license a case needs: how it was presented and verified, or
//! resolved otherwise, and the way to an exception.

use yew::prelude::*;
use zz_core::model::Need;

use crate::components::alert::{Alert, Tone};
use crate::components::icons::Icon;
use crate::pages::staff::objection::Draft;
use crate::state::app::{TrustProp, use_app};
use crate::words::verdict::verdict_label;

use super::case::Case;
use super::exception::ExceptionForm;

#[derive(Properties, PartialEq)]
pub(super) struct RowProps {
    pub case: UseReducerHandle<Case>,
    pub row: usize,
    pub need: Need,
    pub trust: TrustProp,
    /// Its exception form is open.
    pub editing: bool,
    /// Opens its exception form.
    pub on_edit: Callback<()>,
    /// The exception form closed; with the objection draft when one was
    /// raised.
    pub on_done: Callback<Option<Draft>>,
}

#[component]
pub(super) fn NeedRow(props: &RowProps) -> Html {
    let lang = use_app().lang;
    let (case, i, need, t) = (&props.case, props.row, &props.need, &props.trust.0);
    let name = t.type_name(&need.type_code).to_owned();
    let row = case.rows.get(i).cloned().unwrap_or_default();
    let problem = case.holder_problem(i, lang);
    let edit = props.on_edit.reform(|_: MouseEvent| ());
    html! { <tr data-type={need.type_code.clone()} data-verdict={row.presented.as_ref().map(|p| p.report.verdict.as_str())}
            data-exception={row.exception.as_ref().map(|e| e.kind.as_str())} data-resolved={case.row_resolved(i).to_string()}>
        <td>{ name }</td>
        <td>{ if need.annotated { lang.t("加注件", "Annotated copy") } else { lang.t("原件或加注件", "Original or annotated copy") } }</td>
        <td>
            { match &row.presented {
                // Completed by an exception: not waiting any more.
                None if row.exception.is_some() => html! { <span class="by-exception">{ lang.t("已按例外处理", "Resolved by exception") }</span> },
                None => html! { <span class="pending">{ lang.t("待核验", "Waiting") }</span> },
                Some(p) => {
                    let (icon, w, cls) = (Icon::of_verdict(p.report.verdict).html(), verdict_label(lang, p.report.verdict), p.report.verdict.as_str());
                    let why = crate::words::verdict::verdict_words(lang, &p.report).1;
                    let next = crate::words::advice::Problem::of(&p.report, t.bundle_of(&p.report))
                        .map(|pr| crate::words::advice::next_step(pr, lang, crate::words::advice::Audience::Clerk, &p.report, t.bundle_of(&p.report)));
                    let vouched = t.vouched_by(&p.report).map(|a| crate::words::verdict::vouched(lang, a));
                    let holder = p.report.license.as_ref().map(|l| zz_log::mask_holder(&l.holder)).unwrap_or_default();
                    html! { <span class={classes!("row-verdict", cls)}><strong>{ icon }{ " " }{ w }</strong>{ " · " }{ holder }<br/><small>{ why }</small>
                        if let Some(v) = vouched { <br/><small class="vouched">{ v }</small> }
                        if let Some(n) = next { <br/><small class="next-step">{ lang.t("下一步：", "Next: ") }{ n }</small> }
                    </span> }
                }
            } }
            if let Some(pr) = &problem {
                <Alert tone={Tone::Error} urgent=true icon=true class="holder-problem">{ pr }</Alert>
            }
            if let Some(e) = &row.exception {
                <p class="exception" data-kind={e.kind.as_str()}>
                    <strong>{ lang.t("例外：", "Exception: ") }{ lang.t(e.kind.zh(), e.kind.en()) }</strong>{ " · " }{ &e.note }
                    if let Some(d) = &e.promised { { " · " }{ lang.t("承诺补交日期：", "promised by ") }{ lang.date_text(d) } }
                </p>
            }
            if !case.row_resolved(i) || row.exception.is_some() {
                <button type="button" class="button small no-print" onclick={edit}>
                    { if row.exception.is_some() { lang.t("修改例外…", "Change the exception…") } else { lang.t("例外处理…", "Resolve otherwise…") } }
                </button>
            }
            if props.editing {
                <ExceptionForm case={case.clone()} row={i} type_code={need.type_code.clone()} on_done={props.on_done.clone()} />
            }
        </td>
    </tr> }
}
