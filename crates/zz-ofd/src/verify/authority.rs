//! Whose seal, and whose page (SPEC section 12): `ofd-seal-authority`, that
//! a signature covering the whole document is by a seal certificate the
//! trust list lists for the department that issued the license (SPEC
//! section 6, `seals`); and `ofd-face`, that the first page shows the
//! license it carries.

use zz_core::model::SealEntry;
use zz_core::{Bundle, CheckId, Outcome, UnixTime};

use super::report::{OfdCheck, SignatureReport, check};

/// The license an OFD carries, as the seal authority needs it.
pub(super) struct Carried<'a> {
    /// Its attachment and tag files (a covering signature must cover both);
    /// `None` when either is missing: then nothing covers them.
    pub files: Option<[&'a str; 2]>,
    /// The license's type and the department that issued it (the trust
    /// list's name and code of the key that signed it), when known.
    pub type_code: Option<&'a str>,
    pub issuer: Option<(&'a str, &'a str)>,
}

/// Why a covering signature's seal does not vouch for the license.
enum Refusal<'a> {
    /// No signer certificate, or one the trust list does not list.
    NotListed,
    /// Listed for another department.
    OtherDepartment(&'a SealEntry),
    /// Listed for this department, not for this type.
    OtherTypes(&'a SealEntry),
    /// Listed, but not usable at the signing time (or none is stated).
    NotAtTime(&'a SealEntry, Option<i64>),
}

/// The seal entry of a signature's signer, usable at its signing time.
fn listed<'b>(bundle: &'b Bundle, s: &SignatureReport) -> Result<&'b SealEntry, Refusal<'b>> {
    let entry = s.signer_spki.as_ref().and_then(|spki| bundle.seal(spki)).ok_or(Refusal::NotListed)?;
    match s.time {
        Some(t) if entry.usable_at(UnixTime::from_secs(t)) => Ok(entry),
        t => Err(Refusal::NotAtTime(entry, t)),
    }
}

/// `ofd-seal-authority`. `signatures` are the file's; `pages` every page's
/// content file; `carried` the license it carries, if any.
pub(super) fn seal_authority(
    signatures: &[SignatureReport],
    pages: &[String],
    carried: Option<&Carried<'_>>,
    bundle: Option<&Bundle>,
) -> OfdCheck {
    let id = CheckId::OfdSealAuthority;
    let Some(bundle) = bundle.filter(|b| b.has_seals()) else {
        return check(
            id,
            Outcome::Warn,
            "信任列表未列出签章证书：无法确认签章单位是否有权签发此证照",
            "The trust list lists no seal certificates: whether the sealing department may seal this cannot be confirmed",
        );
    };
    // A covering signature: none of its checks fails, and it covers every
    // page, and the license attachment and its tag file.
    let files_missing = carried.is_some_and(|c| c.files.is_none());
    let needed: Vec<&str> =
        pages.iter().map(String::as_str).chain(carried.and_then(|c| c.files).into_iter().flatten()).collect();
    let covering: Vec<&SignatureReport> = signatures
        .iter()
        .filter(|s| !files_missing && s.covers() && needed.iter().all(|f| s.references.iter().any(|r| r == f)))
        .collect();
    let Some(c) = carried else {
        // No license: which department sealed it, if the trust list says.
        return match covering.iter().find_map(|s| listed(bundle, s).ok()) {
            Some(e) => check(
                id,
                Outcome::Pass,
                format!("由{}（{}）签章", e.org.name, e.org.code),
                format!("Sealed by {} ({})", e.org.name, e.org.code),
            ),
            None => check(
                id,
                Outcome::Warn,
                "保护全部页面的签章证书未列入信任列表：无法确认签章单位",
                "No signature covering every page is by a seal certificate the trust list lists: the sealing department cannot be confirmed",
            ),
        };
    };
    let fail = |zh: String, en: String| check(id, Outcome::Fail, zh, en);
    let (Some(type_code), Some((issuer_name, issuer_code))) = (c.type_code, c.issuer) else {
        return fail(
            "无法确定电子证照的签发机关和类型，无法核对签章单位".into(),
            "The license's issuing department and type cannot be established: the seal cannot be matched to it".into(),
        );
    };
    if covering.is_empty() {
        return fail(
            "没有一个有效签名同时保护全部页面、电子证照附件及其标签".into(),
            "No valid signature covers every page, the license attachment and its tag file".into(),
        );
    }
    let mut refusals = Vec::new();
    for s in &covering {
        match listed(bundle, s) {
            Ok(e) if e.org.code != issuer_code => refusals.push(Refusal::OtherDepartment(e)),
            Ok(e) if !e.may_seal(type_code) => refusals.push(Refusal::OtherTypes(e)),
            Ok(e) => {
                return check(
                    id,
                    Outcome::Pass,
                    format!("由签发机关{}（{}）的签章证书签章", e.org.name, e.org.code),
                    format!("Sealed by a seal certificate of the issuing department, {} ({})", e.org.name, e.org.code),
                );
            }
            Err(r) => refusals.push(r),
        }
    }
    // The most telling reason: a listed seal of another department, then
    // of other types, then one not usable then, then an unlisted one.
    let rank = |r: &Refusal<'_>| match r {
        Refusal::OtherDepartment(_) => 0,
        Refusal::OtherTypes(_) => 1,
        Refusal::NotAtTime(..) => 2,
        Refusal::NotListed => 3,
    };
    refusals.sort_by_key(rank);
    match refusals.first() {
        Some(Refusal::OtherDepartment(e)) => fail(
            format!(
                "签章单位{}（{}）不是该证照的签发机关{}（{}）：他人的印章不能使本证照有效",
                e.org.name, e.org.code, issuer_name, issuer_code
            ),
            format!(
                "Sealed by {} ({}), not by the license's issuing department {} ({}): another department's seal cannot vouch for it",
                e.org.name, e.org.code, issuer_name, issuer_code
            ),
        ),
        Some(Refusal::OtherTypes(e)) => fail(
            format!("{}（{}）的签章证书无权签章此类证照（{type_code}）", e.org.name, e.org.code),
            format!(
                "The seal certificate of {} ({}) may not seal licenses of this type ({type_code})",
                e.org.name, e.org.code
            ),
        ),
        Some(Refusal::NotAtTime(e, t)) => {
            let when = t.map(UnixTime::from_secs);
            match (when, e.revoked_at) {
                (Some(t), Some(r)) if t >= r => fail(
                    format!("{}的签章证书在签章时已被撤销（{}）", e.org.name, r.zh()),
                    format!("The seal certificate of {} was revoked ({}) before the signing time", e.org.name, r.en()),
                ),
                (Some(t), _) => fail(
                    format!("签章时间（{}）不在{}签章证书的启用期内", t.zh(), e.org.name),
                    format!(
                        "The signing time ({}) is outside the listed period of {}'s seal certificate",
                        t.en(),
                        e.org.name
                    ),
                ),
                (None, _) => fail(
                    format!("签名未载明签章时间，无法确认{}的签章证书当时可用", e.org.name),
                    format!(
                        "The signature states no signing time: {}'s seal certificate cannot be shown usable then",
                        e.org.name
                    ),
                ),
            }
        }
        _ => fail(
            format!("签章证书未列入信任列表，不能证明由签发机关{issuer_name}（{issuer_code}）签章"),
            format!(
                "The seal certificate is not in the trust list: nothing shows it is the issuing department's, {issuer_name} ({issuer_code})"
            ),
        ),
    }
}

/// `ofd-face`: the first page's text shows the license's number or its
/// holder's name. `license`: `None` when the file carries none, `Some(None)`
/// when what it carries cannot be read as a license.
pub(super) fn face(first_page_text: &str, license: Option<Option<&zz_core::model::License>>) -> OfdCheck {
    let id = CheckId::OfdFace;
    let l = match license {
        None => return check(id, Outcome::Skip, "文件未携带电子证照", "The file carries no license"),
        Some(None) => {
            return check(
                id,
                Outcome::Skip,
                "文件携带的电子证照无法读取，无法与页面核对",
                "The license the file carries cannot be read: the page cannot be compared with it",
            );
        }
        Some(Some(l)) => l,
    };
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (no, name) = (squeeze(&l.no), squeeze(&l.holder.name));
    let shows = |s: &str| !s.is_empty() && first_page_text.contains(s);
    if shows(&no) || shows(&name) {
        check(id, Outcome::Pass, "页面显示该证照的编号或持证人", "The page shows the license's number or its holder")
    } else {
        check(
            id,
            Outcome::Warn,
            "第 1 页既未显示证照编号也未显示持证人姓名：页面可能是他人的证照",
            "Page 1 shows neither the license's number nor its holder's name: the page may be someone else's",
        )
    }
}

#[cfg(test)]
mod tests {
    use zz_core::model::{Catalog, KeyEntry, Named, Role, SealEntry, TrustList};
    use zz_core::{Bundle, CheckId, Outcome, Roots, UnixTime};

    use super::super::report::{SignatureReport, check};
    use super::{Carried, seal_authority};

    const NOW: i64 = 1_795_311_000;
    const ISSUER: &str = "11310000002417009R";
    const OTHER: &str = "11310000MB2F00001X";
    const TYPE: &str = "11100000000013338W001";

    fn at(secs: i64) -> UnixTime {
        UnixTime::from_secs(secs)
    }

    fn entry(spki: u8, code: &str, types: &[&str]) -> SealEntry {
        SealEntry {
            spki: [spki; 32],
            org: Named { name: format!("局{code}"), code: code.into() },
            types: Some(types.iter().map(|t| (*t).to_owned()).collect()),
            valid_from: at(NOW - 1000),
            valid_to: at(NOW + 1000),
            revoked_at: None,
        }
    }

    /// A bundle whose trust list lists these seals.
    fn bundle(seals: Option<Vec<SealEntry>>) -> Bundle {
        let root = zz_issuer::Key::derive("authority tests", "root");
        let issuer = zz_issuer::Key::derive("authority tests", "issuer");
        let named = Named { name: "局".into(), code: ISSUER.into() };
        let keys: Vec<KeyEntry> =
            vec![issuer.entry(named, &[Role::Issue], Some(vec![TYPE.into()]), (at(NOW - 9999), at(NOW + 9999)))];
        let trust = TrustList { seq: 1, iat: at(NOW - 10), next_update: at(NOW + 9999), keys, seals };
        let catalog = Catalog { seq: 1, iat: at(NOW - 10), types: vec![], matters: vec![] };
        let bytes = zz_issuer::bundle(
            [zz_issuer::sign_trust_list(&trust, &root), zz_issuer::sign_catalog(&catalog, &root)]
                .iter()
                .map(Vec::as_slice),
        );
        Bundle::load(&bytes, &Roots::from_public_keys(&[root.public()]).unwrap(), None).unwrap()
    }

    /// A sound signature by certificate key `spki` at `time`, covering `refs`.
    fn sig(spki: u8, time: Option<i64>, refs: &[&str]) -> SignatureReport {
        SignatureReport {
            id: "s".into(),
            format: None,
            checks: vec![check(CheckId::OfdSignature, Outcome::Pass, "", "")],
            signer: None,
            seal: None,
            time,
            references: refs.iter().map(|r| (*r).to_owned()).collect(),
            signer_spki: Some([spki; 32]),
        }
    }

    const ALL: [&str; 3] = ["Doc_0/Pages/Page_0/Content.xml", "Doc_0/Attachs/license.zzl", "Doc_0/Tags/License.xml"];

    fn pages() -> Vec<String> {
        vec![ALL[0].to_owned()]
    }

    fn carried() -> Carried<'static> {
        Carried { files: Some([ALL[1], ALL[2]]), type_code: Some(TYPE), issuer: Some(("局", ISSUER)) }
    }

    fn outcome(sigs: &[SignatureReport], c: Option<&Carried<'_>>, b: Option<&Bundle>) -> (Outcome, String) {
        let r = seal_authority(sigs, &pages(), c, b);
        (r.outcome, r.zh)
    }

    #[test]
    fn the_issuing_departments_listed_seal_covering_everything_passes() {
        let b = bundle(Some(vec![entry(1, ISSUER, &[TYPE]), entry(2, OTHER, &[TYPE])]));
        let (o, why) = outcome(&[sig(1, Some(NOW), &ALL)], Some(&carried()), Some(&b));
        assert_eq!(o, Outcome::Pass, "{why}");
        assert!(why.contains(ISSUER), "names the department: {why}");
    }

    #[test]
    fn another_department_other_types_revoked_unlisted_or_no_time_fail() {
        let b = bundle(Some(vec![entry(1, ISSUER, &[TYPE]), entry(2, OTHER, &[TYPE]), entry(3, ISSUER, &["X"])]));
        let c = carried();
        let fail = |s: SignatureReport, b: &Bundle| {
            let (o, why) = outcome(&[s], Some(&c), Some(b));
            assert_eq!(o, Outcome::Fail, "{why}");
            why
        };
        let why = fail(sig(2, Some(NOW), &ALL), &b);
        assert!(why.contains(OTHER) && why.contains(ISSUER), "names both departments: {why}");
        assert!(fail(sig(3, Some(NOW), &ALL), &b).contains("无权签章此类证照"));
        assert!(fail(sig(9, Some(NOW), &ALL), &b).contains("未列入信任列表"));
        assert!(fail(sig(1, None, &ALL), &b).contains("未载明签章时间"));
        let mut revoked = entry(1, ISSUER, &[TYPE]);
        revoked.revoked_at = Some(at(NOW));
        let rb = bundle(Some(vec![revoked]));
        assert!(fail(sig(1, Some(NOW), &ALL), &rb).contains("已被撤销"));
        assert_eq!(outcome(&[sig(1, Some(NOW - 1), &ALL)], Some(&c), Some(&rb)).0, Outcome::Pass, "signed before");
        // A license whose department or type is unknown cannot be matched.
        let unknown = Carried { issuer: None, ..carried() };
        assert_eq!(outcome(&[sig(1, Some(NOW), &ALL)], Some(&unknown), Some(&b)).0, Outcome::Fail);
    }

    #[test]
    fn the_seal_entry_is_usable_from_valid_from_until_before_valid_to() {
        let b = bundle(Some(vec![entry(1, ISSUER, &[TYPE])]));
        let c = carried();
        for (t, want) in [
            (NOW - 1001, Outcome::Fail),
            (NOW - 1000, Outcome::Pass),
            (NOW + 999, Outcome::Pass),
            (NOW + 1000, Outcome::Fail),
        ] {
            assert_eq!(outcome(&[sig(1, Some(t), &ALL)], Some(&c), Some(&b)).0, want, "signed at {t}");
        }
    }

    #[test]
    fn the_listed_seal_must_cover_every_page_the_attachment_and_its_tag() {
        let b = bundle(Some(vec![entry(1, ISSUER, &[TYPE]), entry(2, OTHER, &[TYPE])]));
        let c = carried();
        // The issuer's seal over the page only; another department's over
        // everything: the license is not vouched for by its department.
        for partial in [&ALL[..1], &ALL[..2], &ALL[1..]] {
            let sigs = [sig(1, Some(NOW), partial), sig(2, Some(NOW), &ALL)];
            let (o, why) = outcome(&sigs, Some(&c), Some(&b));
            assert_eq!(o, Outcome::Fail, "{partial:?}: {why}");
        }
        // Nothing covers everything.
        let (o, why) = outcome(&[sig(1, Some(NOW), &ALL[..2])], Some(&c), Some(&b));
        assert_eq!(o, Outcome::Fail);
        assert!(why.contains("同时保护"), "{why}");
        // The attachment or its tag missing: nothing covers it.
        let missing = Carried { files: None, ..carried() };
        assert_eq!(outcome(&[sig(1, Some(NOW), &ALL)], Some(&missing), Some(&b)).0, Outcome::Fail);
        // A signature one of whose checks fails covers nothing.
        let mut broken = sig(1, Some(NOW), &ALL);
        broken.checks.push(check(CheckId::OfdReferences, Outcome::Fail, "", ""));
        assert_eq!(outcome(&[broken], Some(&c), Some(&b)).0, Outcome::Fail);
    }

    #[test]
    fn without_a_seal_table_it_warns_and_without_a_license_it_names_the_department() {
        let c = carried();
        for b in [bundle(None), bundle(Some(vec![]))] {
            assert_eq!(outcome(&[sig(1, Some(NOW), &ALL)], Some(&c), Some(&b)).0, Outcome::Warn);
            assert_eq!(outcome(&[sig(1, Some(NOW), &ALL)], None, Some(&b)).0, Outcome::Warn);
        }
        assert_eq!(outcome(&[sig(1, Some(NOW), &ALL)], Some(&c), None).0, Outcome::Warn, "no trust data");
        let b = bundle(Some(vec![entry(1, ISSUER, &[TYPE])]));
        let (o, why) = outcome(&[sig(1, Some(NOW), &ALL[..1])], None, Some(&b));
        assert_eq!(o, Outcome::Pass);
        assert!(why.contains(ISSUER), "{why}");
        assert_eq!(outcome(&[sig(9, Some(NOW), &ALL[..1])], None, Some(&b)).0, Outcome::Warn, "unlisted");
        assert_eq!(outcome(&[sig(1, Some(NOW + 5000), &ALL[..1])], None, Some(&b)).0, Outcome::Warn, "not then");
    }

    #[test]
    fn the_face_shows_the_number_or_the_holder() {
        use zz_core::model::License;
        let mut l: License = serde_json::from_value(serde_json::json!({
            "id": "x", "type": TYPE, "no": "NO 123", "holder": {"name": "王 丽华", "idType": "111", "id": "1"},
            "issuer": {"name": "局", "code": ISSUER}, "issued": "2026-01-01", "validFrom": "2026-01-01",
            "fields": {}, "iat": 1
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let face = |text: &str, l: &License| super::face(text, Some(Some(l))).outcome;
        assert_eq!(face("持证主体王丽华", &l), Outcome::Pass);
        assert_eq!(face("编号NO123", &l), Outcome::Pass);
        assert_eq!(face("持证主体李四编号NO124", &l), Outcome::Warn);
        l.holder.name = " ".into();
        l.no = String::new();
        assert_eq!(face("", &l), Outcome::Warn, "empty values match nothing");
        assert_eq!(super::face("王丽华", None).outcome, Outcome::Skip);
        assert_eq!(super::face("王丽华", Some(None)).outcome, Outcome::Skip);
    }
}
