//! The trust data on the settings page: its status, the SM2 roots, new
//! roots the site offers, and importing a bundle.

use yew::prelude::*;

use crate::components::alert::{Alert, Tone};
use crate::components::trust_import::ImportBundle;
use crate::services::clock;
use crate::services::trust::{self, BundleOrigin};
use crate::state::app::{TrustProp, use_app};
use crate::words::lang::Lang;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub trust: TrustProp,
    /// Whether to offer a sign-in form for importing (not where the page
    /// offers one already).
    #[prop_or(true)]
    pub sign_in: bool,
}

/// Trust data status and bundle import (a kiosk supervisor or an
/// administrator signed in).
#[component]
pub fn TrustPanel(props: &PanelProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = &props.trust.0;
    let now = clock::now();
    let s = t.bundle().summary(now);
    let warning = |on: bool, zh: &str, en: &str| {
        if on {
            html! { <li>{ crate::components::icons::Icon::Warning.html() }{ " " }{ lang.t(zh, en) }</li> }
        } else {
            html! {}
        }
    };
    html! {
        <>
        <OfferedRoots anchor={Anchor::Zz1} authority={t.home_name().to_owned()} home=true offered={props.trust.0.offered_roots.clone()} />
        <h2>{ lang.t("信任数据", "Trust data") }
            if t.authorities.len() > 1 || !t.refused.is_empty() { { format!("（{}{}）", t.home_name(), lang.t("，本地", ", home")) } }
        </h2>
        if s.outdated || s.stale || s.clock_behind {
            <div class="alert warn" role="alert"><ul>
                { warning(s.outdated, "信任列表已过更新时间，请尽快更新信任数据。", "The trust list is past its next update: update the trust data.") }
                { warning(s.stale, "有状态列表已过期：注销与停用信息可能不是最新，相关核验结果为“无法确认”。", "A status list is stale: revocations may be missing, and such verifications are indeterminate.") }
                { warning(s.clock_behind, "设备时钟早于信任数据的签发时间，时钟可能有误。", "The device clock is earlier than the trust data: the clock is probably wrong.") }
            </ul></div>
        }
        <dl class="facts" id="trust-status">
            <dt>{ lang.t("来源", "Source") }</dt>
            <dd>{ match t.source { BundleOrigin::Shipped => lang.t("随站点发布", "Shipped with the site"), BundleOrigin::Imported => lang.t("已导入的文件", "Imported file") } }</dd>
            <dt>{ lang.t("信任列表版本", "Trust list seq") }</dt><dd data-testid="trust-seq">{ s.trust_seq }</dd>
            <dt>{ lang.t("签发时间", "Signed") }</dt><dd>{ lang.instant(s.trust_iat) }{ " · " }{ lang.age(s.age_seconds) }{ lang.t("前", " ago") }</dd>
            <dt>{ lang.t("下次更新", "Next update") }</dt><dd>{ lang.instant(s.next_update) }</dd>
            <dt>{ lang.t("目录版本", "Catalog seq") }</dt><dd>{ s.catalog_seq }{ " · " }{ lang.instant(s.catalog_iat) }</dd>
            <dt>{ lang.t("内容", "Contents") }</dt>
            <dd>{ match lang {
                Lang::Zh => format!("{} 个密钥，{} 类证照（公开 {} 类），{} 个事项", s.keys, s.types, s.public_types, s.matters),
                Lang::En => format!("{} keys, {} license types ({} public), {} matters", s.keys, s.types, s.public_types, s.matters),
            } }</dd>
        </dl>
        <table>
            <caption>{ lang.t("状态列表", "Status lists") }</caption>
            <thead><tr>
                <th scope="col">{ lang.t("列表", "List") }</th>
                <th scope="col">{ lang.t("条目数", "Entries") }</th>
                <th scope="col">{ lang.t("签发时间", "Signed") }</th>
                <th scope="col">{ lang.t("可依赖至", "Relied on until") }</th>
                <th scope="col">{ lang.t("状态", "State") }</th>
            </tr></thead>
            <tbody>
            { for s.status_lists.iter().map(|l| html! { <tr>
                <td><code>{ &l.id }</code></td>
                <td>{ l.entries }</td>
                <td>{ lang.instant(l.iat) }{ " (" }{ lang.age(l.age_seconds) }{ lang.t("前)", " ago)") }</td>
                <td>{ lang.instant(l.expires) }</td>
                <td>{ if l.stale { crate::components::icons::Icon::Warning.html() } else { crate::components::icons::Icon::Check.html() } }{ " " }{ if l.stale { lang.t("已过期", "stale") } else { lang.t("有效", "fresh") } }</td>
            </tr> }) }
            </tbody>
        </table>
        <Sm2Roots trust={props.trust.clone()} />
        <OtherAuthorities trust={props.trust.clone()} />
        <ImportBundle trust={props.trust.clone()} sign_in={props.sign_in} />
        </>
    }
}

/// The other regions' trust authorities (SPEC section 9): each with its
/// roots, seq, age and SM2 roots, and those that could not be loaded.
#[component]
fn OtherAuthorities(props: &PanelProps) -> Html {
    let lang = use_app().lang;
    let t = &props.trust.0;
    if t.others.is_empty() && t.refused.is_empty() {
        return html! {};
    }
    let now = clock::now();
    html! {
        <>
        <h2>{ lang.t("其他地区的信任机构", "Other regions' trust authorities") }</h2>
        <p>{ lang.t(
            "其他地区签发的证照用该地区自己的信任数据核验（按签发密钥自动选择）；办理事项仍以本地用证清单为准。每个机构的根密钥在本设备首次使用时固定，信任数据各自导入、各自防回退。",
            "Licenses of other regions are verified with that region's own trust data (chosen by the signing key); matters are still decided by the home usage lists. Each authority's roots are pinned on this device on first use, and its trust data is imported and guarded against rollback on its own.",
        ) }</p>
        <table id="authorities">
            <thead><tr>
                <th scope="col">{ lang.t("信任机构", "Authority") }</th>
                <th scope="col">{ lang.t("根密钥", "Roots") }</th>
                <th scope="col">{ lang.t("信任列表版本", "Trust list seq") }</th>
                <th scope="col">{ lang.t("签发时间", "Signed") }</th>
                <th scope="col">{ lang.t("SM2 根证书", "SM2 roots") }</th>
                <th scope="col">{ lang.t("来源", "Source") }</th>
            </tr></thead>
            <tbody>
            { for t.others.iter().filter_map(|o| t.authorities.get(&o.name).map(|a| (o, a))).map(|(o, a)| {
                let s = a.bundle.summary(now);
                let sm2 = o.raw.sm2_roots.matches("-----BEGIN CERTIFICATE-----").count();
                html! { <tr data-authority={o.name.clone()}>
                    <th scope="row">{ &o.name }</th>
                    <td><code>{ o.roots.kids().map(|k| zz_core::hex::hex(k)).collect::<Vec<_>>().join(" ") }</code></td>
                    <td data-testid="authority-seq">{ s.trust_seq }</td>
                    <td>{ lang.instant(s.trust_iat) }{ " · " }{ lang.age(s.age_seconds) }{ lang.t("前", " ago") }
                        if s.outdated || s.stale { { " " }{ crate::components::icons::Icon::Warning.html() }{ lang.t("需更新", "needs an update") } }</td>
                    <td>{ match lang { Lang::Zh => format!("{sm2} 张"), Lang::En => format!("{sm2}") } }</td>
                    <td>{ match o.source { BundleOrigin::Shipped => lang.t("随站点发布", "Shipped with the site"), BundleOrigin::Imported => lang.t("已导入的文件", "Imported file") } }</td>
                </tr> }
            }) }
            { for t.refused.iter().map(|(name, e)| html! { <tr data-authority={name.clone()} class="refused">
                <th scope="row">{ name }</th>
                <td colspan="5">{ crate::components::icons::Icon::Warning.html() }{ " " }{ lang.t("未加载：", "Not loaded: ") }{ lang.t(&e.zh, &e.en) }</td>
            </tr> }) }
            </tbody>
        </table>
        { for t.others.iter().map(|o| html! {
            <>
            <OfferedRoots anchor={Anchor::Zz1} authority={o.name.clone()} home=false offered={o.offered_roots.clone()} />
            <OfferedRoots anchor={Anchor::Sm2} authority={o.name.clone()} home=false offered={o.raw.offered_sm2_roots.clone()} />
            </>
        }) }
        </>
    }
}

/// Which pinned roots: the ZZ1 roots or the SM2 roots for OFD seals.
#[derive(Clone, Copy, PartialEq)]
enum Anchor {
    Zz1,
    Sm2,
}

#[derive(Properties, PartialEq)]
struct OfferedProps {
    anchor: Anchor,
    /// Whose roots, and whether it is the home authority.
    authority: String,
    home: bool,
    offered: Option<String>,
}

/// Adopting the roots the site now serves (ZZ1 or SM2): an
/// administrator's action, confirmed, never silent.
#[component]
fn OfferedRoots(props: &OfferedProps) -> Html {
    let lang = use_app().lang;
    let error = use_state(|| None::<trust::Refusal>);
    let Some(offered) = props.offered.clone() else {
        return html! {};
    };
    let anchor = props.anchor;
    let (authority, home) = (props.authority.clone(), props.home);
    let (title, note, question, button, testid) = match anchor {
        Anchor::Zz1 => (
            lang.t("根密钥已更改", "Root keys changed"),
            lang.t("站点提供的根密钥与本设备首次使用时固定的不同。核验继续使用固定的根密钥。",
                   "The root keys the site serves differ from the ones pinned when this device first used it. Verification goes on with the pinned ones."),
            lang.t("确认采用站点提供的新根密钥？此后只有由新根密钥签名的信任数据有效。仅在主管部门通知更换时操作。",
                   "Adopt the new root keys the site serves? From then on only trust data signed by them is accepted. Do this only when the authority has announced the change."),
            lang.t("采用新的根密钥（管理员）", "Adopt the new root keys (administrator)"),
            "adopt-roots",
        ),
        Anchor::Sm2 => (
            lang.t("SM2 根证书已更改", "SM2 roots changed"),
            lang.t("站点提供的 SM2 根证书与本设备固定的不同，核验继续使用固定的证书。",
                   "The SM2 roots the site serves differ from the ones pinned here; verification goes on with the pinned ones."),
            lang.t("确认采用站点提供的新 SM2 根证书？此后 OFD 文件的签章按新根证书判断是否可信。仅在主管部门通知更换时操作。",
                   "Adopt the new SM2 root certificates the site serves? From then on OFD seals are trusted by them. Do this only when the authority has announced the change."),
            lang.t("采用新的 SM2 根证书（管理员）", "Adopt the new SM2 roots (administrator)"),
            "adopt-sm2-roots",
        ),
    };
    let adopt = {
        let error = error.clone();
        Callback::from(move |_| {
            if !crate::services::session::signed_in_as(crate::services::session::Role::Admin) {
                error.set(Some(trust::Refusal {
                    zh: "需要管理员登录（见下方“工作人员”）。".into(),
                    en: "An administrator must sign in (see Staff below).".into(),
                }));
                return;
            }
            if !gloo::dialogs::confirm(question) {
                return;
            }
            let done = match anchor {
                Anchor::Zz1 => trust::adopt_offered_roots(&authority, home, &offered),
                Anchor::Sm2 => trust::adopt_offered_sm2_roots(&authority, home, &offered),
            };
            crate::services::audit::record_event(zz_log::Happened {
                detail: Some(format!("{} {authority}", if anchor == Anchor::Zz1 { "zz1" } else { "sm2" })),
                ..zz_log::Happened::new(if done.is_ok() {
                    zz_log::Event::RootsAdopted
                } else {
                    zz_log::Event::RootsAdoptionRefused
                })
            });
            match done {
                Ok(()) => wasm_bindgen_futures::spawn_local(async {
                    crate::services::audit::settled().await;
                    let _ = gloo::utils::window().location().reload();
                }),
                Err(e) => error.set(Some(e)),
            }
        })
    };
    html! {
        <>
        <h2>{ title }if !home { { format!("（{}）", props.authority) } }</h2>
        <p>{ note }</p>
        <button type="button" class="button danger" onclick={adopt} data-testid={testid}>{ button }</button>
        if let Some(e) = &*error { <Alert tone={Tone::Error} urgent=true>{ lang.t(&e.zh, &e.en) }</Alert> }
        </>
    }
}

/// The pinned SM2 roots for OFD seals (`trust/sm2-roots.pem`): their
/// certificates, read by the OFD worker (fetched only on this page or
/// when an OFD file arrives).
#[component]
fn Sm2Roots(props: &PanelProps) -> Html {
    use crate::workers::protocol::{OfdRequest, OfdResponse, RootInfo};
    let lang = use_app().lang;
    let pem = props.trust.0.raw.sm2_roots.clone();
    let certs = use_state(|| None::<Result<Vec<RootInfo>, String>>);
    {
        let certs = certs.clone();
        use_effect_with(pem.clone(), move |pem| {
            if !pem.trim().is_empty() {
                crate::workers::client::ofd(
                    OfdRequest::Roots { pem: pem.clone() },
                    Callback::from(move |r: OfdResponse| {
                        certs.set(Some(match r {
                            OfdResponse::Roots(list) => list,
                            _ => Err("unexpected answer".into()),
                        }))
                    }),
                );
            }
        });
    }
    let rows: Vec<[String; 3]> = match &*certs {
        None => vec![[lang.t("读取中…", "Reading…").to_owned(), String::new(), String::new()]],
        Some(Err(e)) => vec![[
            format!("{}{e}", lang.t("证书无法读取：", "A certificate cannot be read: ")),
            String::new(),
            String::new(),
        ]],
        Some(Ok(list)) => list
            .iter()
            .map(|c| {
                let at = zz_core::UnixTime::from_secs;
                [
                    c.subject.clone(),
                    lang.t(if c.root { "根证书" } else { "中间 CA" }, if c.root { "Root" } else { "Intermediate CA" })
                        .to_owned(),
                    format!("{} – {}", lang.instant(at(c.not_before)), lang.instant(at(c.not_after))),
                ]
            })
            .collect(),
    };
    html! {
        <>
        <h2>{ lang.t("OFD 签章的 SM2 根证书", "SM2 root certificates for OFD seals") }</h2>
        if pem.trim().is_empty() {
            <p>{ lang.t("站点未提供 SM2 根证书（trust/sm2-roots.pem）：OFD 文件的签章人均不可信，结果最多为“无法确认”。",
                        "The site serves no SM2 roots (trust/sm2-roots.pem): no OFD signer is trusted, and results are at best indeterminate.") }</p>
        } else {
            <table id="sm2-roots">
                <caption>{ lang.t("已固定的证书（更换部署：替换站点的 trust/sm2-roots.pem）", "Pinned certificates (to deploy others, replace the site's trust/sm2-roots.pem)") }</caption>
                <thead><tr>
                    <th scope="col">{ lang.t("主体", "Subject") }</th>
                    <th scope="col">{ lang.t("类型", "Kind") }</th>
                    <th scope="col">{ lang.t("有效期", "Valid") }</th>
                </tr></thead>
                <tbody>{ for rows.into_iter().map(|[a, b, c]| html! { <tr><td>{ a }</td><td>{ b }</td><td>{ c }</td></tr> }) }</tbody>
            </table>
        }
        <OfferedRoots anchor={Anchor::Sm2} authority={props.trust.0.home_name().to_owned()} home=true offered={props.trust.0.raw.offered_sm2_roots.clone()} />
        </>
    }
}
