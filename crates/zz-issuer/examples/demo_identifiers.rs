//! Prints every identifier, holder ID and USCC of the demo world with the
//! core's verdict on its check character, as JSON, for
//! `tests/interop/stdnum_check.py` to compare with python-stdnum.

use zz_core::envelope::{Envelope, Typ};
use zz_core::ident::{LicenseId, resident_id_valid, uscc_valid};
use zz_core::model::{Annotation, FieldValue, License};
use zz_issuer::demo::{self, SampleData};

fn licenses(cose: &[u8], out: &mut Vec<License>) {
    let Ok(env) = Envelope::parse(cose) else { return };
    let Ok(value) = env.payload_item() else { return };
    match env.typ {
        Typ::License => out.extend(License::from_cbor(&value).ok()),
        Typ::Annotated => {
            if let Ok((_, inner)) = Annotation::from_cbor(&value) {
                licenses(inner, out);
            }
        }
        _ => {}
    }
}

fn main() {
    let w = demo::world(demo::DEFAULT_NOW);
    let mut items: Vec<(String, String, bool)> = Vec::new();
    let mut push = |kind: &str, value: &str| {
        let core = match kind {
            "license-id" => LicenseId::parse(value).is_ok(),
            "resident-id" => resident_id_valid(value),
            _ => uscc_valid(value),
        };
        let item = (kind.to_owned(), value.to_owned(), core);
        if !items.contains(&item) {
            items.push(item);
        }
    };
    let mut all = Vec::new();
    for s in &w.samples {
        if let SampleData::Cose(c) = &s.data {
            licenses(c, &mut all);
        }
    }
    for l in &all {
        push("license-id", &l.id);
        match l.holder.id_type.as_str() {
            "111" => push("resident-id", &l.holder.id),
            "001" => push("uscc", &l.holder.id),
            _ => {}
        }
        push("uscc", &l.issuer.code);
        for (k, v) in &l.fields {
            if let FieldValue::Text(t) = v {
                if k.ends_with("Id") || k == "idNumber" {
                    push("resident-id", t);
                } else if k == "uscc" {
                    push("uscc", t);
                }
            }
        }
    }
    for t in &w.catalog.types {
        push("uscc", &t.dept.code);
        push("uscc", &t.code[..18]);
    }
    for m in &w.catalog.matters {
        push("uscc", &m.dept.code);
    }
    for k in &w.trust.keys {
        push("uscc", &k.org.code);
    }
    let json: Vec<serde_json::Value> = items
        .iter()
        .map(|(kind, value, core)| serde_json::json!({"kind": kind, "value": value, "core": core}))
        .collect();
    println!("{}", serde_json::Value::Array(json));
}
