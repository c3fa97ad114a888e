//! `zz issue`: signs a license original from a JSON or TOML description.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;
use zz_core::UnixTime;
use zz_core::dates::CstDate;
use zz_core::ident::LicenseId;
use zz_core::model::{FieldValue, Holder, License, Named, StatusRef};

use super::Outputs;
use crate::files::{TimeSpec, load_key, now, read_structured, time_arg, write};

#[derive(clap::Args)]
pub struct Args {
    /// The license: SPEC section 4 fields; `id`, or `serial` and `version`.
    license: PathBuf,
    /// Key file of an issuing key (role `issue` in the trust list).
    #[arg(long)]
    key: PathBuf,
    /// The holder's device key to bind (`cnf`, SPEC section 13): a COSE_Key
    /// (CBOR), a JWK (JSON, Ed25519 or P-256), or 32 raw bytes (Ed25519).
    /// The license can then be shown live (亮证); a copy of it is not valid.
    #[arg(long, value_name = "FILE")]
    holder_key: Option<PathBuf>,
    /// Signing time (RFC 3339 or unix seconds); default the file's `iat`, else now.
    #[arg(long, value_parser = time_arg)]
    iat: Option<UnixTime>,
    #[command(flatten)]
    outputs: Outputs,
    /// Also write a one-page OFD e-license carrying the license (SPEC 12),
    /// sealed with the issuing department's DEMO SM2 seal (public seed).
    #[arg(long)]
    ofd: Option<PathBuf>,
    /// The catalog (JSON, as `zz demo` writes `inputs/catalog.json`) giving
    /// the OFD face its title and field labels.
    #[arg(long, requires = "ofd")]
    catalog: Option<PathBuf>,
}

impl Args {
    pub fn run(self) -> ExitCode {
        let ofd = self.ofd.as_deref().map(|p| (p, self.catalog.as_deref()));
        let cnf = match self.holder_key.as_deref().map(holder_key).transpose() {
            Ok(k) => k,
            Err(e) => return super::done(Err(e)),
        };
        super::done(issue(&self.license, &self.key, self.iat, cnf, &self.outputs, ofd))
    }
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

/// A holder's device key file (`--holder-key`).
fn holder_key(path: &Path) -> Result<zz_core::model::DeviceKey> {
    let bytes = crate::files::read_limited(path, 64 * 1024)?;
    zz_issuer::device::parse_holder_key(&bytes).map_err(|e| anyhow!("{}: {e}", path.display()))
}

fn issue(
    input: &Path,
    key_path: &Path,
    iat: Option<UnixTime>,
    cnf: Option<zz_core::model::DeviceKey>,
    outputs: &Outputs,
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
        cnf,
        iat,
    };
    let cose = zz_issuer::issue(&license, &key);
    outputs.write(&cose)?;
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
