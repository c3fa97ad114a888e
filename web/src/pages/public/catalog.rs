//! The public license catalog: search as you type, filters, detail pages.
//! Only entries whose `public` is true are shown.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;
use zz_catalog::Filter;
use zz_core::model::{HolderType, Level};

use crate::Route;
use crate::components::need_trust::NeedTrust;
use crate::services::trust::Trust;
use crate::state::app::{TrustProp, use_app};

/// Rows shown at first, and added by "show more".
const PAGE: usize = 50;

#[component]
pub fn CatalogPage() -> Html {
    let app = use_app();
    let render = Callback::from(|t: Rc<Trust>| html! { <CatalogList trust={TrustProp(t)} /> });
    html! {
        <section>
            <h1>{ app.t("电子证照目录", "E-license catalog") }</h1>
            <NeedTrust {render} />
        </section>
    }
}

/// The catalog search kept for this tab (session storage).
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct SavedSearch {
    q: String,
    dept: Option<String>,
    level: Option<String>,
    holder: Option<String>,
}

impl SavedSearch {
    fn load() -> SavedSearch {
        crate::services::storage::catalog_search()
    }

    fn save(q: &str, f: &Filter) {
        let s = SavedSearch {
            q: q.to_owned(),
            dept: f.dept.clone(),
            level: f.level.map(|l| l.as_str().to_owned()),
            holder: f.holder.map(|h| h.as_str().to_owned()),
        };
        crate::services::storage::set_catalog_search(s);
    }

    fn filter(&self) -> Filter {
        Filter {
            dept: self.dept.clone(),
            level: self.level.as_deref().and_then(Level::parse),
            holder: self.holder.as_deref().and_then(HolderType::parse),
            include_non_public: false,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub trust: TrustProp,
}

#[component]
fn CatalogList(props: &ListProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let trust = &props.trust.0;
    let catalog = &trust.bundle().catalog;
    // Search and filters survive a visit to a type and Back.
    let saved = use_memo((), |_| SavedSearch::load());
    let query = use_state(|| saved.q.clone());
    let filter = use_state(|| saved.filter());
    let shown = use_state(|| PAGE);
    use_effect_with(((*query).clone(), (*filter).clone()), |(q, f)| SavedSearch::save(q, f));
    // User Timing marks let benchmarks read the search time on its own.
    let perf = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &perf {
        let _ = p.mark("zz-search-start");
    }
    let (count, hits) = trust.index.search_top(catalog, &query, &filter, *shown);
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark("zz-search", "zz-search-start");
    }

    let on_query = {
        let query = query.clone();
        let shown = shown.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            shown.set(PAGE);
        })
    };
    // Stable across keystrokes, so that typing leaves the filters alone.
    let on_filter = {
        let filter = filter.clone();
        use_callback((), move |next: Filter, _| filter.set(next))
    };
    let depts = use_memo(props.trust.clone(), |t| {
        let mut d: Vec<(String, String)> =
            t.0.bundle()
                .catalog
                .types
                .iter()
                .filter(|t| t.public)
                .map(|t| (t.dept.code.clone(), t.dept.name.clone()))
                .collect();
        d.sort_unstable();
        d.dedup();
        d
    });
    html! {
        <>
        <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="field wide">
                <label for="q">{ lang.t("搜索（名称、代码或拼音，如 yyzz、yingye）", "Search (name, code or pinyin, e.g. yyzz, yingye)") }</label>
                <input id="q" type="search" value={(*query).clone()} oninput={on_query} autocomplete="off"
                    placeholder={lang.t("营业执照 / yyzz", "营业执照 / yyzz / business")} />
            </div>
            <Filters filter={(*filter).clone()} depts={depts.clone()} on_change={on_filter} />
        </form>
        <p class="count" role="status" aria-live="polite">{ match lang {
            crate::words::lang::Lang::Zh => format!("共 {count} 类证照"),
            crate::words::lang::Lang::En => format!("{count} license types"),
        } }</p>
        if count == 0 {
            <div class="empty-result">
                <p>{ lang.t("没有找到符合条件的证照类型。可以试试：", "No license type matches. Try:") }</p>
                <ul>
                    <li>{ lang.t("更短的关键词，如“许可证”或“执照”；", "a shorter word, such as 许可证 or “licence”;") }</li>
                    <li>{ lang.t("拼音或拼音首字母，如 yingye 或 yyzz（营业执照）；", "pinyin or its initials, such as yingye or yyzz (营业执照);") }</li>
                    <li>{ lang.t("证照类型代码的一部分；", "part of the type code;") }</li>
                    if filter.dept.is_some() || filter.level.is_some() || filter.holder.is_some() {
                        <li>
                            <button type="button" class="button" onclick={{
                                let filter = filter.clone();
                                Callback::from(move |_| filter.set(Filter::default()))
                            }}>{ lang.t("清除筛选条件", "Clear the filters") }</button>
                        </li>
                    }
                </ul>
            </div>
        }
        <ul class="types">
        // Plain links: a router `Link` per row costs more than the search.
        { for hits.iter().filter_map(|&i| catalog.types.get(i)).map(|t| html! {
            <li key={t.code.clone()}>
                <a class="name" href={format!("#/catalog/{}", t.code)}>
                    { if lang == crate::words::lang::Lang::En { t.name_en.as_deref().unwrap_or(&t.name) } else { &t.name } }
                </a>
                <span class="meta">{ format!("{} · {} · {}", t.code, t.dept.name, lang.level(t.level)) }</span>
            </li>
        }) }
        </ul>
        <OtherRegions trust={props.trust.clone()} query={(*query).clone()} />
        if count > *shown {
            <button type="button" class="button" onclick={{
                let shown = shown.clone();
                Callback::from(move |_| shown.set(*shown + PAGE))
            }}>{ match lang {
                crate::words::lang::Lang::Zh => format!("显示更多（还有 {} 类）", count - *shown),
                crate::words::lang::Lang::En => format!("Show more ({} more)", count - *shown),
            } }</button>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OtherProps {
    trust: TrustProp,
    query: String,
}

/// Other regions' license types the home catalog lacks (SPEC section 9),
/// marked with their region and the home matters that accept them.
#[component]
fn OtherRegions(props: &OtherProps) -> Html {
    let lang = use_app().lang;
    let t = &props.trust.0;
    let home = t.bundle();
    let q = props.query.trim().to_lowercase();
    let rows: Vec<Html> = t
        .authorities
        .iter()
        .skip(1)
        .flat_map(|a| a.bundle.catalog.types.iter().map(move |ty| (a, ty)))
        .filter(|(_, ty)| ty.public && home.license_type(&ty.code).is_none())
        .filter(|(_, ty)| {
            q.is_empty()
                || ty.name.to_lowercase().contains(&q)
                || ty.code.to_lowercase().contains(&q)
                || ty.name_en.as_deref().is_some_and(|n| n.to_lowercase().contains(&q))
        })
        .map(|(a, ty)| {
            let matters: Vec<&str> = home.matters_accepting(&ty.code).map(|m| m.name.as_str()).collect();
            html! { <li key={ty.code.clone()}>
                <a class="name" href={format!("#/catalog/{}", ty.code)}>
                    { if lang == crate::words::lang::Lang::En { ty.name_en.as_deref().unwrap_or(&ty.name) } else { &ty.name } }
                </a>
                <span class="region-tag">{ &a.name }</span>
                <span class="meta">{ format!("{} · {} · {}", ty.code, ty.dept.name, lang.level(ty.level)) }</span>
                <span class="meta">{ if matters.is_empty() {
                    lang.t("本地暂无接受它的事项", "No home matter accepts it yet").to_owned()
                } else {
                    format!("{}{}", lang.t("本地接受它的事项：", "Home matters that accept it: "), matters.join(lang.t("、", ", ")))
                } }</span>
            </li> }
        })
        .collect();
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="other-regions" aria-labelledby="other-regions">
            <h2 id="other-regions">{ lang.t("其他地区的证照类型", "Other regions' license types") }</h2>
            <p>{ lang.t("以下证照类型来自其他地区的电子证照目录，本机存有该地区的信任数据，可以核验。",
                        "These license types come from other regions' catalogs; this device holds those regions' trust data and can verify them.") }</p>
            <ul class="types">{ for rows }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FiltersProps {
    filter: Filter,
    depts: Rc<Vec<(String, String)>>,
    on_change: Callback<Filter>,
}

/// The department, level and holder filters: their own component, so
/// that a keystroke in the search box does not redraw them.
#[component]
fn Filters(props: &FiltersProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let filter = &props.filter;
    let depts = &props.depts;
    let select = |f: fn(&mut Filter, String)| {
        let current = props.filter.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let mut next = current.clone();
            f(&mut next, s.value());
            on_change.emit(next);
        })
    };
    html! {
        <>
            <div class="field">
                <label for="f-dept">{ lang.t("部门", "Department") }</label>
                <select id="f-dept" onchange={select(|f, v| f.dept = (!v.is_empty()).then_some(v))}>
                    // Every option says whether it is selected: Yew inserts
                    // options last to first, and the browser would pick the last.
                    <option value="" selected={filter.dept.is_none()}>{ lang.t("全部", "All") }</option>
                    { for depts.iter().map(|(code, name)| html! {
                        <option value={code.clone()} selected={filter.dept.as_ref() == Some(code)}>{ name }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="f-level">{ lang.t("层级", "Level") }</label>
                <select id="f-level" onchange={select(|f, v| f.level = Level::parse(&v))}>
                    <option value="" selected={filter.level.is_none()}>{ lang.t("全部", "All") }</option>
                    { for Level::ALL.iter().map(|l| html! {
                        <option value={l.as_str()} selected={filter.level == Some(*l)}>{ lang.level(*l) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="f-holder">{ lang.t("持证主体", "Holder") }</label>
                <select id="f-holder" onchange={select(|f, v| f.holder = HolderType::parse(&v))}>
                    <option value="" selected={filter.holder.is_none()}>{ lang.t("全部", "All") }</option>
                    { for HolderType::ALL.iter().map(|h| html! {
                        <option value={h.as_str()} selected={filter.holder == Some(*h)}>{ lang.holder(*h) }</option>
                    }) }
                </select>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct TypeProps {
    pub code: String,
}

#[component]
pub fn TypePage(props: &TypeProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let code = props.code.clone();
    let render = Callback::from(move |t: Rc<Trust>| {
        let b = t.bundle();
        // The home catalog's type, else another region's (SPEC section 9),
        // marked as such; the home matters that accept it either way.
        let found = match b.license_type(&code) {
            Some(ty) => Some((ty, None)),
            None => t
                .authorities
                .iter()
                .skip(1)
                .find_map(|a| a.bundle.license_type(&code).map(|ty| (ty, Some(a.name.clone())))),
        };
        let Some((ty, region)) = found.filter(|(ty, _)| ty.public) else {
            return html! {
                <>
                <h1>{ lang.t("未找到该证照类型", "License type not found") }</h1>
                <p><Link<Route> to={Route::Catalog}>{ lang.t("返回证照目录", "Back to the catalog") }</Link<Route>></p>
                </>
            };
        };
        let matters: Vec<_> = b.matters_accepting(&ty.code).collect();
        html! {
            <article class="type-detail">
                // In the language chosen; in English the Chinese name (the
                // one on the license) below it, never the other way round.
                if let (crate::words::lang::Lang::En, Some(en)) = (lang, &ty.name_en) {
                    <h1>{ en }</h1>
                    <p class="subtitle" lang="zh">{ &ty.name }</p>
                } else {
                    <h1>{ &ty.name }</h1>
                }
                if let Some(r) = &region {
                    <p class="region-note" id="type-region">{ match lang {
                        crate::words::lang::Lang::Zh => format!("这是{r}电子证照目录中的证照类型（其他地区），用{r}的信任数据核验。"),
                        crate::words::lang::Lang::En => format!("A license type of {r}'s catalog (another region), verified with {r}'s trust data."),
                    } }</p>
                }
                <dl class="facts">
                    <dt>{ lang.t("证照类型代码", "Type code") }</dt><dd><code>{ &ty.code }</code></dd>
                    <dt>{ lang.t("发证部门（定义部门）", "Department") }</dt><dd>{ &ty.dept.name }</dd>
                    <dt>{ lang.t("层级", "Level") }</dt><dd>{ lang.level(ty.level) }</dd>
                    <dt>{ lang.t("持证主体", "Holders") }</dt>
                    <dd>{ ty.holder_types.iter().map(|h| lang.holder(*h)).collect::<Vec<_>>().join(lang.t("、", ", ")) }</dd>
                    <dt>{ lang.t("归集起始时间", "Collected since") }</dt><dd>{ lang.date(ty.since) }</dd>
                    <dt>{ lang.t("有效期", "Validity") }</dt><dd>{ lang.validity(ty.validity) }</dd>
                    if let Some(rule) = &ty.code_rule {
                        <dt>{ lang.t("编号规则", "Numbering rule") }</dt><dd>{ rule }</dd>
                    }
                </dl>
                <h2>{ lang.t("照面信息", "Face fields") }</h2>
                <table>
                    <thead><tr>
                        <th scope="col">{ lang.t("项目", "Field") }</th>
                        <th scope="col">{ lang.t("类型", "Kind") }</th>
                        <th scope="col" class="nowrap">{ lang.t("必填", "Required") }</th>
                    </tr></thead>
                    <tbody>
                    { for ty.fields.iter().map(|f| html! { <tr>
                        <td>{ if lang == crate::words::lang::Lang::En { f.label_en.as_deref().unwrap_or(&f.label) } else { &f.label } }</td>
                        <td>{ lang.field_kind(f.kind) }
                            if let Some(o) = &f.options { <span class="options">{ format!("（{}）", o.join(" / ")) }</span> }
                        </td>
                        <td class="nowrap">{ if f.required { lang.t("是", "Yes") } else { lang.t("否", "No") } }</td>
                    </tr> }) }
                    </tbody>
                </table>
                <section class="how-to-get" aria-labelledby="how-to-get">
                    <h2 id="how-to-get">{ lang.t("如何申领、下载", "How to get it") }</h2>
                    <p>{ match lang {
                        crate::words::lang::Lang::Zh => format!("由发证部门签发：{}。电子证照在签发后归集到持证人名下，可在政务服务平台或移动端下载、出示。", ty.dept.name),
                        crate::words::lang::Lang::En => format!("Issued by {}. Once issued, the e-license is linked to its holder and can be downloaded and shown in the government service app.", ty.dept.name),
                    } }
                    if let Some(g) = &ty.guide {
                        { " " }<a href={g.clone()} rel="noopener noreferrer" target="_blank" id="type-guide">{ lang.t("办事指南", "Guide") }</a>
                    }
                    </p>
                    if let Some(c) = &ty.contact {
                        <p>{ lang.t("咨询：", "Contact: ") }<span id="type-contact">{ c }</span></p>
                    }
                    if !matters.is_empty() {
                        <p class="rights">{ lang.t(
                            "办理下列事项时，此电子证照与纸质证照具有同等效力：您有权拒绝提交纸质证照或复印件。",
                            "For the matters below this e-license counts as the paper one: you may decline to hand in the paper license or a copy.",
                        ) }</p>
                    }
                    <p><Link<Route> to={Route::Objection { code: ty.code.clone() }} classes="objection-link">{ lang.t("信息有误？申请核查", "Data wrong? Ask for a check") }</Link<Route>></p>
                </section>
                <h2>{ lang.t("接受此证照的事项", "Matters that accept it") }</h2>
                if matters.is_empty() {
                    <p>{ lang.t("暂无。", "None yet.") }</p>
                } else {
                    <ul>
                    { for matters.iter().map(|m| {
                        let annotated = m.need(&ty.code).is_some_and(|n| n.annotated);
                        html! { <li>
                            <Link<Route> to={Route::Matter { code: m.code.clone() }}>{ &m.name }</Link<Route>>
                            { " " }<code>{ &m.code }</code>
                            if annotated { { " · " }{ lang.t("须加注件", "annotated copy required") } }
                        </li> }
                    }) }
                    </ul>
                }
                <p><Link<Route> to={Route::Catalog}>{ lang.t("返回证照目录", "Back to the catalog") }</Link<Route>></p>
            </article>
        }
    });
    html! { <section><NeedTrust {render} /></section> }
}
