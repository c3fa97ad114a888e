//! The counter case (窗口办件) as the rules run it: the clerk picks the
//! matter and names the applicant (办事主体: typed, or read from a license
//! they present) and the agent (受托人) if any; every license presented is
//! verified by the core for the matter, the site's organisation and the
//! person presenting it; licenses of anyone but the applicant block the
//! case; the clerk ticks that the identity document was checked; a license
//! that cannot be verified electronically is resolved by an exception with
//! a note (paper original, accepted pending, issuance requested,
//! objection). The record prints and saves as JSON with the signed objects
//! themselves, for the case archive (`zz verify --case` checks it again).

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::alert::{Alert, Tone};
use crate::components::field::value_of;
use crate::services::clock;
use zz_core::model::{ID_TYPE_RESIDENT, ID_TYPE_USCC, Matter, same_id};
use zz_core::{Report, UnixTime, Verdict};
use zz_log::case::{self, CaseOutcome, CaseRecord, Exception, ExceptionKind};

use crate::components::need_trust::NeedTrust;
use crate::services::trust::Trust;
use crate::services::verification::Source;
use crate::state::app::TrustProp;
use crate::state::app::use_app;
use crate::words::lang::Lang;

#[component]
pub fn CounterPage() -> Html {
    let app = use_app();
    let render = Callback::from(|t: Rc<Trust>| html! { <Counter trust={TrustProp(t)} /> });
    html! {
        <section>
            <h1>{ app.t("窗口办件", "Counter: handle a case") }</h1>
            <crate::components::gate::Gate need={crate::services::session::Role::Counter} what={app.t("窗口办件", "The counter")}>
                <crate::components::gate::OperatorLine />
                <crate::components::drill_switch::DrillSwitch />
                <NeedTrust {render} />
            </crate::components::gate::Gate>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct Props {
    trust: TrustProp,
}

/// One verified license of the case, with the object verified.
#[derive(Clone)]
struct Presented {
    report: Rc<Report>,
    source: Source,
    object: Rc<Vec<u8>>,
}

impl PartialEq for Presented {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

/// A person or organisation of the case, as the clerk confirmed it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Party {
    name: String,
    id_type: String,
    id: String,
}

#[derive(Clone, Default, PartialEq)]
struct Row {
    presented: Option<Presented>,
    exception: Option<Exception>,
}

/// The case: its matter, who it is for, and each needed license.
#[derive(Clone, PartialEq)]
struct Case {
    id: String,
    matter: Option<Rc<Matter>>,
    started: UnixTime,
    applicant: Option<Party>,
    agent: Option<Party>,
    identity: Option<UnixTime>,
    rows: Vec<Row>,
    /// A license no row of the matter needs.
    extra: Option<Presented>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            id: String::new(),
            matter: None,
            started: UnixTime::from_secs(0),
            applicant: None,
            agent: None,
            identity: None,
            rows: Vec::new(),
            extra: None,
        }
    }
}

enum Action {
    New(Option<Rc<Matter>>),
    People(Option<Party>, Option<Party>),
    Identity(bool),
    Verified(Presented),
    /// The license of a row verified again (for new people): kept only
    /// if the row still holds that object.
    Again(usize, Presented),
    Exception(usize, Option<Exception>),
}

impl Reducible for Case {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut c = (*self).clone();
        match action {
            Action::New(matter) => {
                let now = clock::now();
                c = Case {
                    id: new_case_id(now),
                    rows: vec![Row::default(); matter.as_ref().map_or(0, |m| m.needs.len())],
                    matter,
                    started: now,
                    ..Case::default()
                };
            }
            Action::People(applicant, agent) => {
                c.applicant = applicant;
                c.agent = agent;
                c.identity = None;
            }
            Action::Identity(on) => c.identity = on.then(clock::now),
            Action::Verified(p) => {
                let needs = c.matter.as_ref().map(|m| m.needs.clone()).unwrap_or_default();
                let type_code = p.report.license.as_ref().map(|l| l.type_code.clone());
                match type_code.and_then(|t| needs.iter().position(|n| n.type_code == t)) {
                    Some(i) => {
                        if let Some(row) = c.rows.get_mut(i) {
                            row.presented = Some(p);
                        }
                        c.extra = None;
                    }
                    None => c.extra = Some(p),
                }
            }
            Action::Again(i, p) => {
                if let Some(row) = c.rows.get_mut(i)
                    && row.presented.as_ref().is_some_and(|old| Rc::ptr_eq(&old.object, &p.object))
                {
                    row.presented = Some(p);
                }
            }
            Action::Exception(i, e) => {
                if let Some(row) = c.rows.get_mut(i) {
                    row.exception = e;
                }
            }
        }
        Rc::new(c)
    }
}

/// A case number: the start time (China Standard Time) and a random part.
fn new_case_id(now: UnixTime) -> String {
    let mut r = [0u8; 3];
    if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = c.get_random_values_with_u8_array(&mut r);
    }
    let date = zz_core::dates::CstDate::of_instant(now).map(|d| d.to_string().replace('-', "")).unwrap_or_default();
    let (h, m, s) = crate::services::clock::cst_time_of_day(now);
    format!("{date}-{h:02}{m:02}{s:02}-{}", zz_core::envelope::hex(&r))
}

impl Case {
    /// The ID of the person presenting the licenses: the agent when there
    /// is one (the core checks the copy names them), else the applicant.
    fn presenter(&self) -> Option<String> {
        self.agent.as_ref().or(self.applicant.as_ref()).map(|p| p.id.trim().to_owned())
    }

    /// Why the license of row `i` cannot count for this case although the
    /// core may find it valid: it is not the applicant's, or (before the
    /// applicant is named) another row's license is someone else's.
    fn holder_problem(&self, i: usize, lang: Lang) -> Option<String> {
        let holder = |r: &Row| r.presented.as_ref().and_then(|p| p.report.license.as_ref()).map(|l| l.holder.clone());
        let mine = holder(self.rows.get(i)?)?;
        if let Some(a) = &self.applicant {
            return (!same_id(&mine.id, &a.id)).then(|| {
                let who = zz_log::mask_holder(&mine);
                match lang {
                    Lang::Zh => format!("持证人（{who}）不是办事主体：不能用于本办件"),
                    Lang::En => format!("The holder ({who}) is not the applicant: it cannot count for this case"),
                }
            });
        }
        let other = self.rows.iter().filter_map(holder).find(|h| !same_id(&h.id, &mine.id))?;
        let who = zz_log::mask_holder(&other);
        Some(match lang {
            Lang::Zh => format!("与另一份证照的持证人（{who}）不是同一人：请确认办事主体"),
            Lang::En => format!("Not the same holder as another license ({who}): name the applicant"),
        })
    }

    fn row_resolved(&self, i: usize) -> bool {
        let Some(row) = self.rows.get(i) else { return false };
        row.exception.is_some()
            || row.presented.as_ref().is_some_and(|p| p.report.verdict == Verdict::Valid)
                && self.holder_problem(i, Lang::En).is_none()
    }

    fn outcome(&self) -> CaseOutcome {
        let all = !self.rows.is_empty() && (0..self.rows.len()).all(|i| self.row_resolved(i));
        if self.matter.is_none() || self.applicant.is_none() || self.identity.is_none() || !all {
            CaseOutcome::Incomplete
        } else if self.rows.iter().any(|r| r.exception.is_some()) {
            CaseOutcome::CompleteWithExceptions
        } else {
            CaseOutcome::Complete
        }
    }

    /// The record of the case (print and JSON).
    fn record(&self, t: &Trust, site: &crate::services::site::Site) -> Option<CaseRecord> {
        let m = self.matter.as_ref()?;
        let party = |p: &Party| case::Party::masked(&p.name, &p.id_type, &p.id);
        let rows: Vec<case::Row> = m
            .needs
            .iter()
            .zip(&self.rows)
            .map(|(need, row)| case::Row {
                needed_type: need.type_code.clone(),
                annotated_required: need.annotated,
                verified: row.presented.as_ref().map(|p| case::Verified::of(&p.report, &p.object)),
                exception: row.exception.clone(),
            })
            .collect();
        Some(CaseRecord {
            format: case::FORMAT.into(),
            id: self.id.clone(),
            started: self.started,
            recorded: clock::now(),
            org: site.org.clone(),
            hall: site.hall.clone(),
            window: site.window.clone(),
            matter: zz_core::model::Named { name: m.name.clone(), code: m.code.clone() },
            applicant: self.applicant.as_ref().map(party).unwrap_or_else(|| party(&Party::default())),
            agent: self.agent.as_ref().map(party),
            identity_checked: self.identity,
            outcome: self.outcome(),
            exceptions: CaseRecord::exceptions_of(&rows),
            trust_seq: t.bundle.trust.seq,
            catalog_seq: t.bundle.catalog.seq,
            licenses: rows,
        })
    }
}

#[component]
fn Counter(props: &Props) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = props.trust.0.clone();
    let case = use_reducer(Case::default);
    let editing = use_state(|| None::<usize>);
    let objection = use_state(|| None::<crate::pages::staff::objection::Draft>);

    // Verifications of this page belong to the case.
    {
        let id = case.id.clone();
        use_effect_with(id, |id| {
            crate::services::audit::set_case((!id.is_empty()).then(|| id.clone()));
            || crate::services::audit::set_case(None)
        });
    }
    // New people: every license of the case is verified again for them.
    {
        let (case, t, app) = (case.clone(), t.clone(), app.clone());
        use_effect_with((case.applicant.clone(), case.agent.clone()), move |_| {
            let usage = app.usage(case.matter.as_ref().map(|m| m.code.clone()), case.presenter());
            for (i, row) in case.rows.iter().enumerate() {
                let Some(p) = row.presented.clone() else { continue };
                let case = case.clone();
                crate::services::verification::verify_presented(
                    p.object.to_vec(),
                    t.clone(),
                    usage.clone(),
                    Callback::from(move |v: crate::services::verification::Verification| {
                        let again =
                            Presented { report: Rc::new(v.report), source: p.source.clone(), object: p.object.clone() };
                        case.dispatch(Action::Again(i, again));
                    }),
                );
            }
        });
    }
    // A completed case is logged once.
    {
        let outcome = case.outcome();
        use_effect_with((case.id.clone(), outcome), move |(id, outcome)| {
            if let Some(event) = zz_log::Event::case(*outcome) {
                crate::services::audit::record_event(zz_log::Happened {
                    case: Some(id.clone()),
                    ..zz_log::Happened::new(event)
                });
            }
        });
    }

    let on_matter = {
        let (case, t, editing, objection) = (case.clone(), t.clone(), editing.clone(), objection.clone());
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            editing.set(None);
            objection.set(None);
            case.dispatch(Action::New(t.bundle.matter(&code).cloned().map(Rc::new)));
        })
    };
    let on_report = {
        let case = case.clone();
        Callback::from(move |given: crate::components::present::Presented| {
            case.dispatch(Action::Verified(Presented {
                report: Rc::new(given.report),
                source: given.source,
                object: given.object,
            }))
        })
    };
    let new_case = {
        let (case, editing, objection) = (case.clone(), editing.clone(), objection.clone());
        Callback::from(move |_| {
            editing.set(None);
            objection.set(None);
            case.dispatch(Action::New(case.matter.clone()));
        })
    };
    let outcome = case.outcome();
    let save = {
        let (case, t, site) = (case.clone(), t.clone(), app.site.clone());
        Callback::from(move |_| {
            let Some(record) = case.record(&t, &site) else { return };
            let json = serde_json::to_string_pretty(&record).unwrap_or_default();
            crate::services::download::download(&format!("zz-case-{}.json", record.id), "application/json", &json);
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let word = |v: Verdict| {
        (
            crate::components::icons::Icon::of_verdict(v).html(),
            crate::words::verdict::verdict_label(lang, v),
            v.as_str(),
        )
    };
    let matter_code = case.matter.as_ref().map(|m| m.code.clone()).unwrap_or_default();
    html! {
        <>
        <crate::components::site_line::SiteLine />
        <div class="case-part no-print">
            <crate::components::present::MatterSelect id="case-matter" label={lang.t("办理事项", "Matter")} value={matter_code} onchange={on_matter} />
        </div>
        if let Some(m) = case.matter.clone() {
            <People case={case.clone()} />
            <crate::components::present::Present trust={props.trust.clone()} usage={app.usage(Some(m.code.clone()), case.presenter())} {on_report}
                sound_always=true class="no-print case-part" />
            <section class="case case-part" aria-labelledby="case-title" data-complete={(outcome != CaseOutcome::Incomplete).to_string()} data-outcome={outcome.as_str()}>
                <h2 id="case-title">{ &m.name }{ " " }<code>{ &m.code }</code></h2>
                <p class="meta">
                    { lang.t("办件编号：", "Case: ") }<code id="case-id">{ &case.id }</code>{ " · " }
                    { lang.t("受理部门：", "Department: ") }{ &m.dept.name }{ " · " }{ lang.t("开始于 ", "Started ") }{ lang.instant(case.started) }
                </p>
                <p class="meta case-people">
                    { lang.t("办事主体：", "Applicant: ") }
                    { case.applicant.as_ref().map_or_else(|| lang.t("未填写", "not named").to_owned(), |a| format!("{} {}", zz_log::mask_name(&a.name), zz_log::mask_code(&a.id))) }
                    if let Some(g) = &case.agent {
                        { " · " }{ lang.t("受托人：", "Agent: ") }{ format!("{} {}", zz_log::mask_name(&g.name), zz_log::mask_code(&g.id)) }
                    }
                    { " · " }{ if case.identity.is_some() { lang.t("身份证件已核验", "identity document checked") } else { lang.t("身份证件未核验", "identity document not checked") } }
                    if let Some(org) = &app.site.org {
                        { " · " }{ &org.name }{ " " }{ &app.site.window }
                    }
                </p>
                <table class="case-table">
                    <thead><tr>
                        <th scope="col">{ lang.t("所需证照", "License needed") }</th>
                        <th scope="col">{ lang.t("形式", "Form") }</th>
                        <th scope="col">{ lang.t("核验结果", "Result") }</th>
                    </tr></thead>
                    <tbody>
                    { for m.needs.iter().enumerate().map(|(i, need)| {
                        let name = t.bundle.type_name(&need.type_code).to_owned();
                        let row = case.rows.get(i).cloned().unwrap_or_default();
                        let problem = case.holder_problem(i, lang);
                        let edit = { let editing = editing.clone(); Callback::from(move |_| editing.set(Some(i))) };
                        html! { <tr data-type={need.type_code.clone()} data-verdict={row.presented.as_ref().map(|p| p.report.verdict.as_str())}
                                data-exception={row.exception.as_ref().map(|e| e.kind.as_str())} data-resolved={case.row_resolved(i).to_string()}>
                            <td>{ name }</td>
                            <td>{ if need.annotated { lang.t("加注件", "Annotated copy") } else { lang.t("原件或加注件", "Original or annotated copy") } }</td>
                            <td>
                                { match &row.presented {
                                    None => html! { <span class="pending">{ lang.t("待核验", "Waiting") }</span> },
                                    Some(p) => {
                                        let (icon, w, cls) = word(p.report.verdict);
                                        let why = crate::words::verdict::verdict_words(lang, &p.report).1;
                                        let next = crate::words::advice::Problem::of(&p.report, &t.bundle)
                                            .map(|pr| crate::words::advice::next_step(pr, lang, crate::words::advice::Audience::Clerk, &p.report, &t.bundle));
                                        let holder = p.report.license.as_ref().map(|l| zz_log::mask_holder(&l.holder)).unwrap_or_default();
                                        html! { <span class={classes!("row-verdict", cls)}><strong>{ icon }{ " " }{ w }</strong>{ " · " }{ holder }<br/><small>{ why }</small>
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
                                if *editing == Some(i) {
                                    <ExceptionForm case={case.clone()} row={i} type_code={need.type_code.clone()}
                                        on_done={{ let (editing, objection) = (editing.clone(), objection.clone()); Callback::from(move |o: Option<crate::pages::staff::objection::Draft>| { editing.set(None); if o.is_some() { objection.set(o); } }) }} />
                                }
                            </td>
                        </tr> }
                    }) }
                    </tbody>
                </table>
                <div class="print-only">
                    <h3>{ lang.t("核验明细", "Details") }</h3>
                    { for case.rows.iter().filter_map(|r| r.presented.as_ref()).map(|p| {
                        let r = &p.report;
                        html! { <div class="print-license">
                            <p><strong>{ r.license.as_ref().map_or(String::new(), |l| t.bundle.type_name(&l.type_code).to_owned()) }</strong>
                               { " · " }{ crate::words::verdict::verdict_label(lang, r.verdict) }{ " · " }<code>{ r.license.as_ref().map_or("", |l| l.id.as_str()) }</code></p>
                            <p class="print-checks">{ for r.checks.iter().map(|c| html! {
                                <span>{ format!("{} {}；", lang.t(c.id.title_zh(), c.id.title_en()), crate::pages::public::verify::outcome_words(lang, c.outcome).1) }</span>
                            }) }</p>
                        </div> }
                    }) }
                </div>
                if let Some(p) = &case.extra {
                    <p class="alert warn" role="alert">{ crate::components::icons::Icon::Warning.html() }{ " " }{ match (&p.report.license, lang) {
                        (Some(l), Lang::Zh) => format!("“{}”不在本事项的用证清单中（{}）。", t.bundle.type_name(&l.type_code).to_owned(), p.source.label(lang)),
                        (Some(l), Lang::En) => format!("{} is not among this matter's licenses ({}).", t.bundle.type_name(&l.type_code).to_owned(), p.source.label(lang)),
                        (None, _) => format!("{}：{}", lang.t("无法识别", "Unrecognised"), crate::words::verdict::verdict_words(lang, &p.report).1),
                    } }</p>
                }
                <p class={classes!("case-status", (outcome != CaseOutcome::Incomplete).then_some("complete"))} role="status" aria-live="polite">{
                    match outcome {
                        CaseOutcome::Complete => html! { <>{ crate::components::icons::Icon::Check.html() }{ " " }{ lang.t("材料齐全，全部核验有效：可以受理。", "Complete: every license needed is valid.") }</> },
                        CaseOutcome::CompleteWithExceptions => html! { <>{ crate::components::icons::Icon::Check.html() }{ " " }{ lang.t("可以受理（含例外）：", "Complete with exceptions: ") }
                            { case::kinds_of(case.rows.iter().map(|r| r.exception.as_ref()))
                                .iter().map(|k| lang.t(k.zh(), k.en())).collect::<Vec<_>>().join(lang.t("、", ", ")) }</> },
                        CaseOutcome::Incomplete => html! { <>{ lang.t("尚不能受理：", "Not complete: ") }{ missing(lang, &case).join(lang.t("；", "; ")) }</> },
                    }
                }</p>
                <p class="trust-age">{ lang.checked_against(&t.bundle.summary(clock::now())) }</p>
                <div class="log-tools no-print">
                    <button type="button" class="button" onclick={print}>{ lang.t("打印办件记录", "Print the record") }</button>
                    <button type="button" class="button" id="case-save" onclick={save}>{ lang.t("保存为 JSON（归档）", "Save as JSON (archive)") }</button>
                    <button type="button" class="button" onclick={new_case}>{ lang.t("新的办件", "New case") }</button>
                </div>
            </section>
        }
        if let Some(d) = &*objection {
            <crate::pages::staff::objection::Sheet draft={d.clone()} on_close={{ let objection = objection.clone(); Callback::from(move |()| objection.set(None)) }} />
        }
        </>
    }
}

/// What the case still lacks, in words.
fn missing(lang: Lang, case: &Case) -> Vec<&'static str> {
    let mut out = Vec::new();
    if case.applicant.is_none() {
        out.push(lang.t("填写办事主体", "name the applicant"));
    }
    if case.identity.is_none() {
        out.push(lang.t("核验身份证件", "check the identity document"));
    }
    if (0..case.rows.len()).any(|i| !case.row_resolved(i)) {
        out.push(lang.t("每份所需证照核验有效或例外处理", "every license valid or resolved otherwise"));
    }
    out
}

#[derive(Properties, PartialEq)]
struct PeopleProps {
    case: UseReducerHandle<Case>,
}

/// The applicant (办事主体) and the agent (受托人): typed, or the applicant
/// read from a license presented; confirmed by the clerk; the identity
/// document tick.
#[component]
fn People(props: &PeopleProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let case = &props.case;
    let kind = use_state(|| ID_TYPE_RESIDENT.to_owned());
    let name = use_state(String::new);
    let id = use_state(String::new);
    let with_agent = use_state(|| false);
    let agent_name = use_state(String::new);
    let agent_id = use_state(String::new);
    let error = use_state(|| None::<&'static str>);
    let editing = case.applicant.is_none();

    let text = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| s.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| kind.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_agent = {
        let with_agent = with_agent.clone();
        Callback::from(move |e: Event| with_agent.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    // A license presented names its holder: offered as the applicant.
    let offered = case.rows.iter().filter_map(|r| r.presented.as_ref()).find_map(|p| {
        (p.report.verdict != Verdict::Invalid || p.report.verified).then_some(())?;
        p.report.license.as_ref().map(|l| l.holder.clone())
    });
    let take = {
        let (kind, name, id) = (kind.clone(), name.clone(), id.clone());
        let offered = offered.clone();
        Callback::from(move |_| {
            if let Some(h) = &offered {
                kind.set(if h.id_type == ID_TYPE_USCC { ID_TYPE_USCC.to_owned() } else { ID_TYPE_RESIDENT.to_owned() });
                name.set(h.name.clone());
                id.set(h.id.clone());
            }
        })
    };
    let confirm = {
        let (case, kind, name, id, error) = (case.clone(), kind.clone(), name.clone(), id.clone(), error.clone());
        let (with_agent, agent_name, agent_id) = (with_agent.clone(), agent_name.clone(), agent_id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let good = |t: &str, v: &str| match t {
                ID_TYPE_USCC => zz_core::ident::uscc_valid(v),
                _ => zz_core::ident::resident_id_valid(v),
            };
            let (n, i) = (name.trim().to_owned(), id.trim().to_uppercase());
            if n.is_empty() || !good(&kind, &i) {
                error.set(Some("applicant"));
                return;
            }
            let agent = if *with_agent {
                let (an, ai) = (agent_name.trim().to_owned(), agent_id.trim().to_uppercase());
                if an.is_empty() || !good(ID_TYPE_RESIDENT, &ai) {
                    error.set(Some("agent"));
                    return;
                }
                Some(Party { name: an, id_type: ID_TYPE_RESIDENT.to_owned(), id: ai })
            } else {
                None
            };
            error.set(None);
            case.dispatch(Action::People(Some(Party { name: n, id_type: (*kind).clone(), id: i }), agent));
        })
    };
    let change = {
        let case = case.clone();
        Callback::from(move |_| case.dispatch(Action::People(None, None)))
    };
    let on_identity = {
        let case = case.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            if on {
                crate::services::audit::record(zz_log::Event::IdentityChecked);
            }
            case.dispatch(Action::Identity(on))
        })
    };
    if !editing {
        let a = case.applicant.clone().unwrap_or_default();
        return html! {
            <div class="people case-part no-print" id="people">
                <p><strong>{ lang.t("办事主体：", "Applicant: ") }</strong>{ format!("{} {}", zz_log::mask_name(&a.name), zz_log::mask_code(&a.id)) }
                    if let Some(g) = &case.agent {
                        { " · " }<strong>{ lang.t("受托人：", "Agent: ") }</strong>{ format!("{} {}", zz_log::mask_name(&g.name), zz_log::mask_code(&g.id)) }
                    }
                    { " " }<button type="button" class="button small" onclick={change}>{ lang.t("更改", "Change") }</button>
                </p>
                <div class="check-field">
                    <input type="checkbox" id="identity-checked" checked={case.identity.is_some()} onchange={on_identity} />
                    <label for="identity-checked">{ if case.agent.is_some() {
                        lang.t("已核验受托人的身份证件及委托材料", "I checked the agent's identity document and authorisation")
                    } else {
                        lang.t("已核验办事主体的身份证件", "I checked the applicant's identity document")
                    } }</label>
                </div>
            </div>
        };
    }
    html! {
        <form class="people case-part no-print" id="people" onsubmit={confirm} aria-labelledby="people-title">
            <h2 id="people-title">{ lang.t("办事主体", "Applicant") }</h2>
            <div class="field">
                <label for="applicant-kind">{ lang.t("证件类型", "ID type") }</label>
                <select id="applicant-kind" onchange={on_kind}>
                    <option value={ID_TYPE_RESIDENT} selected={*kind == ID_TYPE_RESIDENT}>{ lang.t("居民身份证（个人）", "Resident ID (a person)") }</option>
                    <option value={ID_TYPE_USCC} selected={*kind == ID_TYPE_USCC}>{ lang.t("统一社会信用代码（单位）", "USCC (an organisation)") }</option>
                </select>
            </div>
            <div class="field">
                <label for="applicant-name">{ lang.t("名称或姓名", "Name") }</label>
                <input id="applicant-name" value={(*name).clone()} oninput={text(&name)} autocomplete="off" />
            </div>
            <div class="field">
                <label for="applicant-id">{ lang.t("证件号码", "ID number") }</label>
                <input id="applicant-id" value={(*id).clone()} oninput={text(&id)} autocomplete="off" spellcheck="false" />
            </div>
            if let Some(h) = &offered {
                <p><button type="button" class="button small" id="applicant-from-license" onclick={take}>
                    { match lang { Lang::Zh => format!("以证照持证人（{}）为办事主体", zz_log::mask_holder(h)), Lang::En => format!("Take the license holder ({}) as the applicant", zz_log::mask_holder(h)) } }
                </button></p>
            }
            <div class="check-field">
                <input type="checkbox" id="with-agent" checked={*with_agent} onchange={on_agent} />
                <label for="with-agent">{ lang.t("由受托人代为办理", "An agent acts for the applicant") }</label>
            </div>
            if *with_agent {
                <div class="field">
                    <label for="agent-name">{ lang.t("受托人姓名", "Agent's name") }</label>
                    <input id="agent-name" value={(*agent_name).clone()} oninput={text(&agent_name)} autocomplete="off" />
                </div>
                <div class="field">
                    <label for="agent-id">{ lang.t("受托人身份证号码", "Agent's resident ID") }</label>
                    <input id="agent-id" value={(*agent_id).clone()} oninput={text(&agent_id)} autocomplete="off" spellcheck="false" />
                </div>
            }
            if let Some(which) = *error {
                <p class="alert error" role="alert" id="people-error">{ if which == "agent" {
                    lang.t("请填写受托人姓名和正确的身份证号码（校验位不符）。", "Enter the agent's name and a correct resident ID (the check character does not match).")
                } else {
                    lang.t("请填写办事主体名称和正确的证件号码（校验位不符）。", "Enter the applicant's name and a correct ID number (the check character does not match).")
                } }</p>
            }
            <button type="submit" class="button primary" id="people-confirm">{ lang.t("确认办事主体", "Confirm the applicant") }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ExceptionProps {
    case: UseReducerHandle<Case>,
    row: usize,
    type_code: String,
    /// Closed; with the objection draft when one was raised.
    on_done: Callback<Option<crate::pages::staff::objection::Draft>>,
}

/// Resolves a needed license otherwise, with a required note.
#[component]
fn ExceptionForm(props: &ExceptionProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let current = props.case.rows.get(props.row).and_then(|r| r.exception.clone());
    let kind = use_state(|| current.as_ref().map_or(ExceptionKind::Paper, |e| e.kind));
    let note = use_state(|| current.as_ref().map(|e| e.note.clone()).unwrap_or_default());
    let promised = use_state(|| current.as_ref().and_then(|e| e.promised.clone()).unwrap_or_default());
    let field = use_state(String::new);
    let error = use_state(|| false);
    let id = |s: &str| format!("exc-{}-{s}", props.row);
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            if let Some(k) = ExceptionKind::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                kind.set(k);
            }
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_promised = {
        let promised = promised.clone();
        Callback::from(move |e: Event| promised.set(value_of(&e)))
    };
    let on_field = {
        let field = field.clone();
        Callback::from(move |e: Event| field.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let presented = props.case.rows.get(props.row).and_then(|r| r.presented.clone());
    let save = {
        let (case, row, on_done) = (props.case.clone(), props.row, props.on_done.clone());
        let (kind, note, promised, field, error) =
            (kind.clone(), note.clone(), promised.clone(), field.clone(), error.clone());
        let type_code = props.type_code.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pending = *kind == ExceptionKind::Pending;
            if note.trim().is_empty() || pending && zz_core::dates::CstDate::parse(&promised).is_none() {
                error.set(true);
                return;
            }
            let license = presented.as_ref().and_then(|p| p.report.license.as_ref());
            let identifier = license.map(|l| l.id.clone());
            let issuer = license.map(|l| l.issuer.clone());
            crate::services::audit::record_event(zz_log::Happened {
                matter: case.matter.as_ref().map(|m| m.code.clone()),
                license_type: Some(type_code.clone()),
                identifier: identifier.clone(),
                ..zz_log::Happened::new(zz_log::Event::Exception(*kind))
            });
            case.dispatch(Action::Exception(
                row,
                Some(Exception {
                    kind: *kind,
                    note: note.trim().to_owned(),
                    promised: pending.then(|| (*promised).clone()),
                }),
            ));
            let draft = (*kind == ExceptionKind::Objection).then(|| crate::pages::staff::objection::Draft {
                type_code: type_code.clone(),
                license_id: identifier.unwrap_or_default(),
                issuer,
                field: (*field).clone(),
                problem: note.trim().to_owned(),
                case: Some(case.id.clone()),
            });
            on_done.emit(draft);
        })
    };
    let remove = {
        let (case, row, on_done) = (props.case.clone(), props.row, props.on_done.clone());
        Callback::from(move |_| {
            case.dispatch(Action::Exception(row, None));
            on_done.emit(None);
        })
    };
    let cancel = props.on_done.reform(|_| None);
    let ty = match &app.trust {
        crate::state::app::TrustState::Ready(t) => t.bundle.license_type(&props.type_code).cloned(),
        _ => None,
    };
    html! {
        <form class="exception-form no-print" onsubmit={save} aria-label={lang.t("例外处理", "Resolve otherwise")}>
            <div class="field">
                <label for={id("kind")}>{ lang.t("处理方式", "How") }</label>
                <select id={id("kind")} onchange={on_kind}>
                    { for ExceptionKind::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={*kind == *k}>{ lang.t(k.zh(), k.en()) }</option>
                    }) }
                </select>
            </div>
            if *kind == ExceptionKind::Pending {
                <div class="field">
                    <label for={id("promised")}>{ lang.t("承诺补交日期", "Promised by") }</label>
                    <input type="date" id={id("promised")} value={(*promised).clone()} onchange={on_promised} />
                </div>
            }
            if *kind == ExceptionKind::Objection {
                <div class="field">
                    <label for={id("field")}>{ lang.t("有误的信息项", "The item that is wrong") }</label>
                    <select id={id("field")} onchange={on_field}>
                        <option value="" selected={field.is_empty()}>{ lang.t("整份证照（缺失或未签发）", "The license as a whole (missing, not issued)") }</option>
                        { for ty.iter().flat_map(|t| t.fields.iter()).map(|f| html! {
                            <option value={f.key.clone()} selected={*field == f.key}>{ lang.t(&f.label, f.label_en.as_deref().unwrap_or(&f.label)) }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="field wide">
                <label for={id("note")}>{ match *kind {
                    ExceptionKind::Objection => lang.t("问题说明（必填）", "What is wrong (required)"),
                    _ => lang.t("说明（必填）", "Note (required)"),
                } }</label>
                <textarea id={id("note")} rows="2" value={(*note).clone()} oninput={on_note} />
            </div>
            if *error {
                <Alert tone={Tone::Error} urgent=true>{ lang.t("请填写说明（容缺受理还需承诺补交日期）。", "Write a note (and, when accepted pending, the promised date).") }</Alert>
            }
            <button type="submit" class="button primary">{ lang.t("确定", "Save") }</button>
            { " " }<button type="button" class="button" onclick={cancel}>{ lang.t("取消", "Cancel") }</button>
            if current.is_some() {
                { " " }<button type="button" class="button danger" onclick={remove}>{ lang.t("撤销例外", "Remove the exception") }</button>
            }
        </form>
    }
}
