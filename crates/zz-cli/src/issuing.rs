//! The issuing subcommands: keygen, issue, annotate, status, trust,
//! catalog, bundle, qr.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use zz_core::UnixTime;
use zz_core::dates::CstDate;
use zz_core::envelope::{Envelope, Typ, hex, kid_of};
use zz_core::ident::LicenseId;
use zz_core::model::{
    Annotation, Catalog, FieldValue, Holder, KeyEntry, License, LicenseType, Matter, Named, Role, StatusListPayload,
    StatusRef, StatusValue, TrustList,
};
use zz_issuer::{Key, StatusListBuilder};

use crate::files::{
    KeyFile, TimeSpec, beside, load_key, load_public, now, parse_hex32, read_limited, read_structured, write,
};

/// Writes a signed object and, if asked, its `ZZ1:` text and QR image.
pub fn write_outputs(cose: &[u8], out: &Path, text: Option<&Path>, qr: Option<&Path>) -> Result<()> {
    write(out, cose)?;
    eprintln!("wrote {}", out.display());
    let zz1 = zz_issuer::zz1_text(cose);
    if let Some(t) = text {
        write(t, format!("{zz1}\n"))?;
        eprintln!("wrote {}", t.display());
    }
    if let Some(q) = qr {
        write(q, zz_issuer::qr::png(&zz1).map_err(|e| anyhow!("{}: {e}", q.display()))?)?;
        eprintln!("wrote {}", q.display());
    }
    Ok(())
}

pub fn keygen(seed: Option<&str>, name: &str, out: Option<&Path>) -> Result<()> {
    let (key, note) = match seed {
        Some(seed) => (
            Key::derive(seed, name),
            format!("derived from the seed {seed:?}: anyone who knows the seed has this key; for demos and tests only"),
        ),
        None => {
            (Key::generate().map_err(|e| anyhow!("no system randomness: {e}"))?, "keep secretKey private".to_owned())
        }
    };
    let file = KeyFile::of(name, &key, &note, true);
    let json = serde_json::to_string_pretty(&file)? + "\n";
    match out {
        Some(path) => {
            write(path, &json)?;
            eprintln!("wrote {}", path.display());
            println!("{}", file.public_key);
        }
        None => print!("{json}"),
    }
    Ok(())
}

/// A license as a clerk writes it: the license fields of SPEC section 4,
/// with the identifier built from `serial` and `version` if not given.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct LicenseDraft {
    #[serde(rename = "type")]
    type_code: String,
    no: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    serial: Option<String>,
    #[serde(default)]
    version: Option<u16>,
    holder: Holder,
    issuer: Named,
    issued: CstDate,
    valid_from: CstDate,
    #[serde(default)]
    valid_to: Option<CstDate>,
    #[serde(default)]
    fields: toml::Table,
    #[serde(default)]
    prev: Option<String>,
    #[serde(default)]
    status: Option<StatusRef>,
    #[serde(default)]
    iat: Option<TimeSpec>,
}

fn field_value(key: &str, v: &toml::Value) -> Result<FieldValue> {
    Ok(match v {
        toml::Value::String(s) => FieldValue::Text(s.clone()),
        toml::Value::Integer(i) => FieldValue::Int(*i),
        toml::Value::Boolean(b) => FieldValue::Bool(*b),
        toml::Value::Datetime(d) => FieldValue::Text(d.to_string()),
        _ => bail!("field `fields.{key}`: must be text, an integer or a boolean"),
    })
}

pub fn issue(
    input: &Path,
    key_path: &Path,
    iat: Option<UnixTime>,
    out: &Path,
    text: Option<&Path>,
    qr: Option<&Path>,
    ofd: Option<(&Path, Option<&Path>)>,
) -> Result<()> {
    let key = load_key(key_path)?;
    /// The license types of a catalog file (`zz catalog`'s input, or the
    /// demo's `inputs/catalog.json`): all the OFD face needs.
    #[derive(Deserialize)]
    struct CatalogTypes {
        types: Vec<zz_core::model::LicenseType>,
    }
    let catalog: Option<CatalogTypes> = match ofd {
        Some((_, Some(c))) => Some(read_structured(c)?),
        _ => None,
    };
    let d: LicenseDraft = read_structured(input)?;
    let id = match (d.id, d.serial) {
        (Some(id), _) => id,
        (None, Some(serial)) => LicenseId::format(&d.type_code, &d.issuer.code, &serial, d.version.unwrap_or(1))
            .ok_or_else(|| {
                anyhow!("{}: field `serial`: type, issuer code and serial must be 0-9 and A-Z", input.display())
            })?,
        (None, None) => bail!("{}: field `id`: give `id`, or `serial` (and `version`) to build it", input.display()),
    };
    let fields = d
        .fields
        .iter()
        .map(|(k, v)| field_value(k, v).map(|fv| (k.clone(), fv)))
        .collect::<Result<Vec<_>>>()
        .with_context(|| input.display().to_string())?;
    let iat = match (iat, d.iat) {
        (Some(t), _) => t,
        (None, Some(t)) => t.unix().with_context(|| format!("{}: field `iat`", input.display()))?,
        (None, None) => now(),
    };
    let license = License {
        id,
        type_code: d.type_code,
        no: d.no,
        holder: d.holder,
        issuer: d.issuer,
        issued: d.issued,
        valid_from: d.valid_from,
        valid_to: d.valid_to,
        fields,
        prev: d.prev,
        status: d.status,
        iat,
    };
    let cose = zz_issuer::issue(&license, &key);
    write_outputs(&cose, out, text, qr)?;
    if let Some((path, _)) = ofd {
        let ty = catalog.as_ref().and_then(|c| c.types.iter().find(|t| t.code == license.type_code));
        write(path, zz_issuer::demo::ofd::demo_sealed(&cose, &license, ty, iat))?;
        eprintln!("wrote {}", path.display());
        eprintln!(
            "  sealed with the DEMO SM2 seal of {}: its keys derive from a public seed; never use it for real",
            license.issuer.name
        );
    }
    println!("{}", license.id);
    Ok(())
}

/// An annotation as a clerk writes it (SPEC section 5); times are RFC 3339
/// or unix seconds.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AnnotationDraft {
    purpose: String,
    #[serde(default)]
    matter: Option<Named>,
    #[serde(default)]
    recipient: Option<Named>,
    valid_from: TimeSpec,
    valid_to: TimeSpec,
    maker: Named,
    /// The person entrusted to present the copy (受托人).
    #[serde(default)]
    agent: Option<Holder>,
    #[serde(default)]
    iat: Option<TimeSpec>,
}

pub fn annotate(
    license: &Path,
    input: &Path,
    key_path: &Path,
    out: &Path,
    text: Option<&Path>,
    qr: Option<&Path>,
) -> Result<()> {
    let key = load_key(key_path)?;
    let cose = read_limited(license, zz_core::transport::MAX_OBJECT as u64)?;
    let cose = zz_core::transport::decode_input(&cose)
        .map(|d| d.cose)
        .map_err(|e| anyhow!("{}: {}", license.display(), e.en()))?;
    Envelope::parse_as(&cose, Typ::License)
        .map_err(|e| anyhow!("{}: not a license original: {e:?}", license.display()))?;
    let d: AnnotationDraft = read_structured(input)?;
    let field = |name: &str, t: &TimeSpec| t.unix().with_context(|| format!("{}: field `{name}`", input.display()));
    let annotation = Annotation {
        purpose: d.purpose,
        matter: d.matter,
        recipient: d.recipient,
        valid_from: field("validFrom", &d.valid_from)?,
        valid_to: field("validTo", &d.valid_to)?,
        maker: d.maker,
        agent: d.agent,
        iat: d.iat.as_ref().map(|t| field("iat", t)).transpose()?.unwrap_or_else(now),
    };
    if annotation.valid_to <= annotation.valid_from {
        bail!("{}: field `validTo`: must be after validFrom", input.display());
    }
    write_outputs(&zz_issuer::annotate(&cose, &annotation, &key), out, text, qr)
}

/// Reads a signed status list file for editing.
fn read_status(path: &Path) -> Result<StatusListPayload> {
    let bytes = read_limited(path, zz_core::bundle::MAX_BUNDLE as u64)?;
    let env =
        Envelope::parse_as(&bytes, Typ::Status).map_err(|e| anyhow!("{}: not a status list: {e:?}", path.display()))?;
    let value = env.payload_item().map_err(|e| anyhow!("{}: {}", path.display(), e.reason()))?;
    StatusListPayload::from_cbor(&value).map_err(|e| anyhow!("{}: {}", path.display(), e.reason()))
}

pub enum StatusAction {
    Create { id: String, entries: u64, ttl: u64 },
    Set { idx: u64, value: StatusValue },
    Show { idx: Option<u64> },
}

pub fn status(
    list: &Path,
    action: StatusAction,
    key: Option<&Path>,
    out: Option<&Path>,
    iat: Option<UnixTime>,
    ttl: Option<u64>,
) -> Result<()> {
    let (mut builder, old_ttl) = match &action {
        StatusAction::Create { id, entries, ttl } => (StatusListBuilder::new(id.clone(), *entries), *ttl),
        _ => {
            let p = read_status(list)?;
            let b = StatusListBuilder::from_payload(&p).map_err(|e| anyhow!("{}: lst: {}", list.display(), e.en()))?;
            if let StatusAction::Show { idx } = action {
                return show_status(&p, &b, idx);
            }
            (b, p.ttl)
        }
    };
    if let StatusAction::Set { idx, value } = action {
        builder.set(idx, value).map_err(|e| anyhow!("{}: {e}", list.display()))?;
    }
    let key = load_key(key.ok_or_else(|| anyhow!("--key is required to sign the list"))?)?;
    let payload = builder.payload(iat.unwrap_or_else(now), ttl.unwrap_or(old_ttl));
    let target = out.unwrap_or(list);
    write(target, zz_issuer::sign_status_list(&payload, &key))?;
    eprintln!("wrote {} ({} entries)", target.display(), builder.len());
    Ok(())
}

fn show_status(p: &StatusListPayload, b: &StatusListBuilder, idx: Option<u64>) -> Result<()> {
    match idx {
        Some(i) => println!("{}", b.get(i).map_err(|e| anyhow!("{e}"))?.as_str()),
        None => {
            println!("id {}  entries {}  iat {}  ttl {} s", p.id, b.len(), p.iat, p.ttl);
            for (i, v) in b.entries() {
                println!("{i}\t{}", v.as_str());
            }
        }
    }
    Ok(())
}

/// A trust-list key as a clerk writes it: the public key (hex or a key
/// file), its organisation, roles, types and validity.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct KeyDraft {
    #[serde(default)]
    public_key: Option<String>,
    #[serde(default)]
    key_file: Option<PathBuf>,
    org: Named,
    roles: Vec<Role>,
    #[serde(default)]
    types: Option<Vec<String>>,
    valid_from: TimeSpec,
    valid_to: TimeSpec,
    #[serde(default)]
    revoked_at: Option<TimeSpec>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TrustDraft {
    seq: u64,
    #[serde(default)]
    iat: Option<TimeSpec>,
    next_update: TimeSpec,
    keys: Vec<KeyDraft>,
}

pub fn trust(input: &Path, root: &Path, out: &Path) -> Result<()> {
    let root = load_key(root)?;
    let d: TrustDraft = read_structured(input)?;
    let at = |field: String, t: &TimeSpec| t.unix().with_context(|| format!("{}: field `{field}`", input.display()));
    let mut keys = Vec::new();
    for (i, k) in d.keys.iter().enumerate() {
        let pk = match (&k.public_key, &k.key_file) {
            (Some(hexkey), _) => {
                parse_hex32(hexkey).with_context(|| format!("{}: field `keys[{i}].publicKey`", input.display()))?
            }
            (None, Some(file)) => load_public(&beside(input, file))?,
            (None, None) => bail!("{}: field `keys[{i}]`: give publicKey or keyFile", input.display()),
        };
        keys.push(KeyEntry {
            kid: kid_of(&pk),
            pk,
            org: k.org.clone(),
            roles: k.roles.clone(),
            types: k.types.clone(),
            valid_from: at(format!("keys[{i}].validFrom"), &k.valid_from)?,
            valid_to: at(format!("keys[{i}].validTo"), &k.valid_to)?,
            revoked_at: k.revoked_at.as_ref().map(|t| at(format!("keys[{i}].revokedAt"), t)).transpose()?,
        });
    }
    let list = TrustList {
        seq: d.seq,
        iat: d.iat.as_ref().map(|t| at("iat".into(), t)).transpose()?.unwrap_or_else(now),
        next_update: at("nextUpdate".into(), &d.next_update)?,
        keys,
    };
    write(out, zz_issuer::sign_trust_list(&list, &root))?;
    eprintln!(
        "wrote {} (seq {}, {} keys, signed by root {})",
        out.display(),
        list.seq,
        list.keys.len(),
        hex(&root.kid())
    );
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogDraft {
    seq: u64,
    #[serde(default)]
    iat: Option<TimeSpec>,
    types: Vec<LicenseType>,
    #[serde(default)]
    matters: Vec<Matter>,
}

pub fn catalog(input: &Path, root: &Path, out: &Path) -> Result<()> {
    let root = load_key(root)?;
    let d: CatalogDraft = read_structured(input)?;
    let iat = match &d.iat {
        Some(t) => t.unix().with_context(|| format!("{}: field `iat`", input.display()))?,
        None => now(),
    };
    let catalog = Catalog { seq: d.seq, iat, types: d.types, matters: d.matters };
    write(out, zz_issuer::sign_catalog(&catalog, &root))?;
    eprintln!(
        "wrote {} (seq {}, {} types, {} matters)",
        out.display(),
        catalog.seq,
        catalog.types.len(),
        catalog.matters.len()
    );
    Ok(())
}

pub fn bundle(trust: &Path, catalog: &Path, status: &[PathBuf], out: &Path) -> Result<()> {
    let limit = zz_core::bundle::MAX_BUNDLE as u64;
    let mut items = vec![read_limited(trust, limit)?, read_limited(catalog, limit)?];
    for s in status {
        items.push(read_limited(s, limit)?);
    }
    for (path, (item, typ)) in std::iter::once(trust)
        .chain(std::iter::once(catalog))
        .chain(status.iter().map(PathBuf::as_path))
        .zip(items.iter().zip([Typ::Trust, Typ::Catalog].into_iter().chain(std::iter::repeat(Typ::Status))))
    {
        Envelope::parse_as(item, typ).map_err(|e| anyhow!("{}: {e:?}", path.display()))?;
    }
    let bytes = zz_issuer::bundle(items.iter().map(Vec::as_slice));
    write(out, &bytes)?;
    eprintln!("wrote {} ({} items, {} bytes)", out.display(), items.len(), bytes.len());
    Ok(())
}

pub fn qr_encode(input: &Path, out: &Path, text: Option<&Path>) -> Result<()> {
    let bytes = read_limited(input, zz_core::transport::MAX_OBJECT as u64 * 2)?;
    let cose = zz_core::transport::decode_input(&bytes)
        .map(|d| d.cose)
        .map_err(|e| anyhow!("{}: {}", input.display(), e.en()))?;
    let zz1 = zz_issuer::zz1_text(&cose);
    write(out, zz_issuer::qr::png(&zz1).map_err(|e| anyhow!("{}: {e}", out.display()))?)?;
    eprintln!("wrote {}", out.display());
    if let Some(t) = text {
        write(t, format!("{zz1}\n"))?;
        eprintln!("wrote {}", t.display());
    }
    Ok(())
}

pub fn qr_decode(images: &[PathBuf], json: bool) -> Result<bool> {
    let mut found_all = true;
    let mut all = Vec::new();
    for path in images {
        let bytes = read_limited(path, zz_qr::MAX_FILE as u64)?;
        let codes = zz_qr::decode_image(&bytes).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        if codes.is_empty() {
            eprintln!("{}: no QR code found", crate::terminal::safe(&path.display().to_string()));
            found_all = false;
        }
        if json {
            all.push(codes);
        } else {
            for c in codes {
                println!("{}", crate::terminal::safe(&c));
            }
        }
    }
    if json {
        let out = if images.len() == 1 { serde_json::to_string(&all[0])? } else { serde_json::to_string(&all)? };
        println!("{out}");
    }
    Ok(found_all)
}
