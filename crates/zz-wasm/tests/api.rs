//! The JavaScript API, in a JavaScript engine: Node by default, headless
//! Chromium with WASM_BINDGEN_USE_BROWSER=1 (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use zz_issuer::demo::{self, SampleData};
use zz_wasm::ZzVerifier;

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap()
}

fn sample(w: &demo::World, name: &str) -> Vec<u8> {
    match &w.samples.iter().find(|s| s.name == name).unwrap().data {
        SampleData::Cose(c) => c.clone(),
        SampleData::Text(t) => t.clone().into_bytes(),
    }
}

fn now(w: &demo::World) -> Option<f64> {
    Some(w.now.as_secs() as f64)
}

#[wasm_bindgen_test]
fn loads_and_summarises_the_trust_data() {
    let w = demo::world(demo::DEFAULT_NOW);
    let v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    let s = v.summary(now(&w));
    assert_eq!(get(&s, "trustSeq").as_f64(), Some(7.0));
    assert_eq!(get(&s, "outdated").as_bool(), Some(false));
    assert!(get(&s, "types").as_f64().unwrap() >= 30.0);
    assert!(js_sys::Array::is_array(&get(&s, "statusLists")));
}

#[wasm_bindgen_test]
fn refuses_bad_trust_data_with_a_message() {
    let w = demo::world(demo::DEFAULT_NOW);
    let err = ZzVerifier::new("# no keys\n", &w.bundle, None, None).err().map(JsValue::from).unwrap();
    let msg = js_sys::Error::from(err).message().as_string().unwrap();
    assert!(msg.contains("roots"), "{msg}");
    let err = ZzVerifier::new(&w.roots_txt, b"garbage", None, None).err().map(JsValue::from).unwrap();
    assert!(js_sys::Error::from(err).message().as_string().unwrap().contains("bundle refused"));
    assert!(ZzVerifier::new(&w.roots_txt, &w.bundle, Some(8.0), None).is_err(), "rollback");
}

#[wasm_bindgen_test]
fn verifies_bytes_and_text_into_plain_objects() {
    let w = demo::world(demo::DEFAULT_NOW);
    let v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    let bytes = js_sys::Uint8Array::from(sample(&w, "valid-business-license").as_slice());
    let r = JsValue::from(v.verify(bytes.into(), now(&w), None, None, None, None));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("valid"));
    assert_eq!(get(&r, "kind").as_string().as_deref(), Some("license"));
    let checks = js_sys::Array::from(&get(&r, "checks"));
    assert_eq!(checks.length(), 22);
    assert_eq!(get(&checks.get(0), "id").as_string().as_deref(), Some("decode"));
    assert!(get(&get(&r, "license"), "fields").is_object());
    assert!(get(&r, "annotation").is_null());
    // Converted once: a second read gives the same object.
    assert!(js_sys::Object::is(&get(&r, "checks"), &get(&r, "checks")));
    // toJSON gives the whole report, equal part by part to the getters.
    let whole = js_sys::Reflect::get(&r, &"toJSON".into()).map(js_sys::Function::from).unwrap().call0(&r).unwrap();
    let json = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    for k in [
        "verdict",
        "kind",
        "checks",
        "verified",
        "license",
        "annotation",
        "signer",
        "annotationSigner",
        "matter",
        "now",
        "trust",
    ] {
        assert_eq!(json(&get(&whole, k)), json(&get(&r, k)), "{k}");
    }
    assert!(json(&get(&whole, "signer")).contains("\"kid\""));

    let text = String::from_utf8(sample(&w, "invalid-revoked")).unwrap_or_default();
    let text = if text.is_empty() { zz_issuer::zz1_text(&sample(&w, "invalid-revoked")) } else { text };
    let r = JsValue::from(v.verify(JsValue::from_str(&text), now(&w), None, None, None, None));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("invalid"));
    assert_eq!(get(&r, "verified").as_bool(), Some(false));

    let ann = js_sys::Uint8Array::from(sample(&w, "annotated-valid").as_slice());
    let r = JsValue::from(v.verify(ann.clone().into(), now(&w), Some("310000-DJ-0201".into()), None, None, None));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("valid"));
    assert_eq!(get(&r, "kind").as_string().as_deref(), Some("annotated"));
    let r = JsValue::from(v.verify(ann.into(), now(&w), Some("310000-GG-0701".into()), None, None, None));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("invalid"));
    assert_eq!(
        v.verify_verdict(&sample(&w, "indeterminate-no-status"), now(&w), None, None, None, None),
        "indeterminate"
    );
}

/// SPEC section 10's optional organisation and applicant, as JS passes them.
#[wasm_bindgen_test]
fn organisation_and_applicant() {
    let w = demo::world(demo::DEFAULT_NOW);
    let v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    let check = |r: &JsValue, id: &str| {
        let checks = js_sys::Array::from(&get(r, "checks"));
        let c = checks.iter().find(|c| get(c, "id").as_string().as_deref() == Some(id)).unwrap();
        get(&c, "outcome").as_string().unwrap()
    };
    for name in ["annotated-for-this-org", "annotated-other-org", "annotated-agent", "applicant-not-holder"] {
        let s = w.samples.iter().find(|s| s.name == name).unwrap();
        let demo::SampleData::Cose(bytes) = &s.data else { unreachable!() };
        let r = JsValue::from(v.verify(
            js_sys::Uint8Array::from(bytes.as_slice()).into(),
            now(&w),
            s.matter.clone(),
            s.org.clone(),
            s.applicant.clone(),
            s.nonce.clone(),
        ));
        assert_eq!(get(&r, "verdict").as_string().as_deref(), Some(s.expect), "{name}");
        for (id, want) in &s.checks {
            assert_eq!(check(&r, id), *want, "{name} {id}");
        }
        assert_eq!(js_sys::Array::from(&get(&r, "checks")).length(), 22);
    }
    // Neither given: the recipient is a warning, the applicant not checked.
    let ann = js_sys::Uint8Array::from(sample(&w, "annotated-valid").as_slice());
    let r = JsValue::from(v.verify(ann.into(), now(&w), None, None, None, None));
    assert_eq!((check(&r, "annotation-recipient").as_str(), check(&r, "applicant").as_str()), ("warn", "skip"));
    assert!(get(&get(&r, "annotation"), "recipient").is_object());
}

#[wasm_bindgen_test]
fn catalog_queries() {
    let w = demo::world(demo::DEFAULT_NOW);
    let v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    let hits = js_sys::Array::from(&v.search("yyzz", JsValue::UNDEFINED));
    assert_eq!(hits.length(), 1);
    assert_eq!(get(&hits.get(0), "name").as_string().as_deref(), Some("营业执照"));
    let code = get(&hits.get(0), "code").as_string().unwrap();
    assert_eq!(get(&v.license_type(&code), "name").as_string().as_deref(), Some("营业执照"));
    assert!(v.license_type("nope").is_null());
    assert!(js_sys::Array::from(&v.matters_accepting(&code)).length() >= 3);
    let public = js_sys::Array::from(&v.types(None)).length();
    let all = js_sys::Array::from(&v.types(Some(true))).length();
    assert!(public < all);
    let filter = js_sys::Object::new();
    js_sys::Reflect::set(&filter, &"holder".into(), &"person".into()).unwrap();
    let persons = js_sys::Array::from(&v.search("", filter.into()));
    assert!(persons.length() > 3 && persons.length() < public);
    assert!(get(&v.matter("310000-DJ-0201"), "needs").is_object());
}

#[wasm_bindgen_test]
fn both_conversions_give_the_same_objects() {
    let w = demo::world(demo::DEFAULT_NOW);
    let v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    let json = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    let ann = sample(&w, "annotated-valid");
    let all = |v: &ZzVerifier| {
        let r =
            JsValue::from(v.verify(js_sys::Uint8Array::from(ann.as_slice()).into(), now(&w), None, None, None, None));
        let whole = js_sys::Reflect::get(&r, &"toJSON".into()).map(js_sys::Function::from).unwrap().call0(&r).unwrap();
        [whole, v.summary(now(&w)), v.types(Some(true)), v.matters(), v.search("zz", JsValue::UNDEFINED)]
            .map(|x| json(&x))
    };
    zz_wasm::force_conversion(Some("json".into()));
    let by_json = all(&v);
    zz_wasm::force_conversion(Some("serde".into()));
    let by_serde = all(&v);
    zz_wasm::force_conversion(None);
    assert_eq!(by_json, by_serde);
    assert!(by_json.iter().all(|s| s.len() > 20 && s != "null"), "{by_json:?}");
}

#[wasm_bindgen_test]
fn replacing_the_bundle_refuses_rollback_and_keeps_the_old_one() {
    let w = demo::world(demo::DEFAULT_NOW);
    let mut v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    // The outdated bundle has seq 6 < 7: refused, and the old one stays.
    let message = |r: Result<JsValue, wasm_bindgen::JsError>| {
        js_sys::Error::from(JsValue::from(r.err().unwrap())).message().as_string().unwrap()
    };
    assert!(message(v.replace_bundle(&w.bundle_outdated, now(&w), None)).contains("rollback"));
    assert!(message(v.replace_bundle(b"junk", now(&w), None)).contains("not a CBOR array"));
    assert_eq!(get(&v.summary(now(&w)), "trustSeq").as_f64(), Some(7.0));
    assert!(v.replace_bundle(&w.bundle, now(&w), None).is_ok(), "the same seq is not a rollback");
}

#[wasm_bindgen_test]
fn strict_key_and_signed_message() {
    let w = demo::world(demo::DEFAULT_NOW);
    let lic = sample(&w, "valid-business-license");
    let msg = zz_wasm::signed_message(&lic).map_err(JsValue::from).unwrap();
    let env = zz_core::Envelope::parse(&lic).unwrap();
    let key = w.keys.iter().find(|(n, _, _)| n == "samr").unwrap().1.public();
    let k = zz_wasm::StrictKey::new(&key).map_err(JsValue::from).unwrap();
    assert!(k.verify(&msg, env.signature()));
    let mut bad = msg.clone();
    bad[20] ^= 1;
    assert!(!k.verify(&bad, env.signature()));
    assert!(zz_wasm::StrictKey::new(&[0; 31]).is_err());
    assert!(zz_wasm::signed_message(b"nope").is_err());
    // A live presentation: what its device signature covers.
    let live = sample(&w, "live-presentation");
    let ds = zz_core::envelope::DeviceSigned::parse(&live).unwrap();
    assert_eq!(zz_wasm::signed_message(&live).map_err(JsValue::from).unwrap(), ds.to_be_signed());
}

#[wasm_bindgen_test]
fn qr_codes_in_images_and_frames() {
    let w = demo::world(demo::DEFAULT_NOW);
    let text = zz_issuer::zz1_text(&sample(&w, "valid-business-license"));
    let png = zz_issuer::qr::png(&text).unwrap();
    let found = zz_wasm::decode_qr_image(&png).map_err(JsValue::from).unwrap();
    assert_eq!(found.length(), 1);
    assert_eq!(found.get(0).as_string().as_deref(), Some(text.as_str()));
    let img = zz_issuer::qr::render(&zz_issuer::qr::encode(&text).unwrap(), 3);
    let (width, height) = img.dimensions();
    let rgba: Vec<u8> = img.as_raw().iter().flat_map(|&v| [v, v, v, 255]).collect();
    assert_eq!(zz_wasm::decode_qr_rgba(&rgba, width, height, None).length(), 1);
    assert_eq!(zz_wasm::decode_qr_rgba(&rgba, width, height, Some(7)).length(), 1);
    assert_eq!(zz_wasm::decode_qr_luma(img.clone().into_raw(), width, height, None).length(), 1);
    assert_eq!(zz_wasm::decode_qr_luma(img.into_raw(), width, height, Some(0)).length(), 1);
    assert!(zz_wasm::decode_qr_image(b"nope").is_err());
}

/// A hostile bundle from a USB stick once trapped the module (16 levels of
/// huge length claims reserved gigabytes), after which every call on the
/// verifier threw "recursive use of an object detected". Now it is refused
/// and the verifier goes on as before.
#[wasm_bindgen_test]
fn a_refused_hostile_bundle_leaves_the_verifier_usable() {
    let w = demo::world(demo::DEFAULT_NOW);
    let mut v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    let claim = |major: u8| {
        let mut h = vec![major << 5 | 27];
        h.extend((1u64 << 40).to_be_bytes());
        h
    };
    let mut nested = Vec::new();
    for _ in 0..16 {
        nested.extend(claim(4));
    }
    nested.resize(4 << 20, 0);
    // The same inside a bundle item's envelope.
    let mut item = vec![0xd2, 0x84, 0x40];
    item.extend(&nested);
    let mut in_item = vec![0x81, 0x5a];
    in_item.extend((item.len() as u32).to_be_bytes());
    in_item.extend(&item);
    for hostile in [nested, in_item] {
        let err = v.replace_bundle(&hostile, now(&w), None).err().map(JsValue::from).unwrap();
        assert!(js_sys::Error::from(err).message().as_string().unwrap().contains("bundle refused"));
        assert!(ZzVerifier::new(&w.roots_txt, &hostile, None, None).is_err());
        let bytes = js_sys::Uint8Array::from(sample(&w, "valid-business-license").as_slice());
        let r = JsValue::from(v.verify(bytes.into(), now(&w), None, None, None, None));
        assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("valid"));
        assert_eq!(get(&v.summary(now(&w)), "trustSeq").as_f64(), Some(7.0));
    }
}

#[wasm_bindgen_test]
fn verifies_and_draws_ofd_files_with_the_sm2_roots_set() {
    let w = demo::world(demo::DEFAULT_NOW);
    let o = demo::ofd::ofd_world(&w);
    let file = |n: &str| o.samples.iter().find(|s| s.name == n).unwrap().data.clone();
    let mut v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, None).map_err(JsValue::from).unwrap();
    let valid = file("ofd-valid-business-license");
    let bytes = || JsValue::from(js_sys::Uint8Array::from(valid.as_slice()));
    // No SM2 roots yet: the seal is sound but its signer is not trusted.
    let r = JsValue::from(v.verify(bytes(), now(&w), None, None, None, None));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("indeterminate"));
    assert!(v.set_sm2_roots("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", None).is_err());
    assert_eq!(v.set_sm2_roots(&o.roots_pem, None).map_err(JsValue::from).unwrap(), 2);
    let r = JsValue::from(v.verify(bytes(), now(&w), None, None, None, None));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("valid"));
    assert_eq!(get(&r, "kind").as_string().as_deref(), Some("ofd"));
    let sigs = js_sys::Array::from(&get(&r, "signatures"));
    assert_eq!(sigs.length(), 1);
    let s = sigs.get(0);
    assert_eq!(get(&s, "format").as_string().as_deref(), Some("ses-v4"));
    assert!(get(&get(&s, "seal"), "name").as_string().unwrap().ends_with("电子证照专用章"));
    assert!(get(&get(&s, "signer"), "subject").as_string().unwrap().contains("DEMO"));
    assert!(get(&s, "time").as_f64().is_some());
    assert_eq!(js_sys::Array::from(&get(&s, "checks")).length(), 5);
    let page = v.render_ofd(&valid, None, now(&w)).map_err(JsValue::from).unwrap();
    assert!(get(&page, "svg").as_string().unwrap().contains("class=\"seal\""));
    assert_eq!(get(&page, "pages").as_f64(), Some(1.0));
    // Tampered: invalid, and no page.
    let tampered = file("ofd-invalid-tampered-page");
    let r =
        JsValue::from(v.verify(js_sys::Uint8Array::from(tampered.as_slice()).into(), now(&w), None, None, None, None));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("invalid"));
    assert!(v.render_ofd(&tampered, None, now(&w)).map_err(JsValue::from).unwrap().is_null());
    assert!(v.render_ofd(&valid, Some(3), now(&w)).is_err(), "no page 4");
}

/// Several authorities (SPEC section 9): one added by name, verified by
/// the one that lists its signer, replaced on its own; one sharing a kid
/// refused while the others keep working.
#[wasm_bindgen_test]
fn authorities_are_added_named_and_replaced_on_their_own() {
    let w = demo::world(demo::DEFAULT_NOW);
    let zj = demo::region::neighbour(&w);
    let mut v = ZzVerifier::new(&w.roots_txt, &w.bundle, None, Some(demo::HOME_AUTHORITY.into()))
        .map_err(JsValue::from)
        .unwrap();
    let zj_license = match &zj.samples[0].data {
        SampleData::Cose(c) => c.clone(),
        SampleData::Text(_) => unreachable!(),
    };
    let verify = |v: &ZzVerifier, bytes: &[u8]| {
        JsValue::from(v.verify(js_sys::Uint8Array::from(bytes).into(), now(&w), None, None, None, None))
    };
    let r = verify(&v, &zj_license);
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("invalid"));
    let s = v.add_authority(zj.name, &zj.roots_txt, &zj.bundle, None, now(&w)).map_err(JsValue::from).unwrap();
    assert_eq!(get(&s, "trustSeq").as_f64(), Some(3.0));
    let r = verify(&v, &zj_license);
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("valid"));
    assert_eq!(get(&r, "authority").as_string().as_deref(), Some(zj.name));
    let home = verify(&v, &sample(&w, "valid-business-license"));
    assert_eq!(get(&home, "authority").as_string().as_deref(), Some(demo::HOME_AUTHORITY));
    let list = js_sys::Array::from(&v.authorities(now(&w)));
    assert_eq!(list.length(), 2);
    assert_eq!(get(&list.get(1), "name").as_string().as_deref(), Some(zj.name));
    assert_eq!(get(&list.get(0), "home").as_bool(), Some(true));
    // The name is taken; the neighbour's bundle replaces its own only.
    assert!(v.add_authority(zj.name, &zj.roots_txt, &zj.bundle, None, now(&w)).is_err());
    assert!(v.replace_bundle(&zj.bundle, now(&w), Some(zj.name.into())).is_ok());
    let err = v.replace_bundle(&w.bundle, now(&w), Some(zj.name.into())).err().map(JsValue::from).unwrap();
    assert!(js_sys::Error::from(err).message().as_string().unwrap().contains("bundle refused"));
    // A kid the home one lists: refused, and both keep working.
    v.remove_authority(zj.name).map_err(JsValue::from).unwrap();
    let err = v.add_authority(zj.name, &zj.roots_txt, &zj.bundle_shared_kid, None, now(&w)).err().map(JsValue::from);
    let msg = js_sys::Error::from(err.unwrap()).message().as_string().unwrap();
    assert!(msg.contains("already listed by authority"), "{msg}");
    assert_eq!(js_sys::Array::from(&v.authorities(now(&w))).length(), 1);
    let r = verify(&v, &sample(&w, "valid-business-license"));
    assert_eq!(get(&r, "verdict").as_string().as_deref(), Some("valid"));
}
