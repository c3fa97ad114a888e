//! Several trust authorities (SPEC sections 9 and 11): each region has its
//! own roots, bundle, catalog and status lists, and a service hall verifies
//! licenses of other regions with those regions' trust data, offline,
//! without giving up its own.
//!
//! - The first authority is the **home** one. Its catalog decides matters
//!   (the hall handles its own matters, whoever issued the license).
//! - Each authority is loaded, replaced and rolled back on its own: its
//!   bundle is verified against its own pinned roots ([`Bundle::load`]) and
//!   a replacement older than what it holds is refused ([`HighWater`]).
//! - An input is verified by the authority whose trust list holds the kid
//!   of the license's signer (of the license inside, for an annotated
//!   copy); when none does, by the home authority (whose checks then fail
//!   `signer-trusted`). Nothing is mixed: the signer keys, the catalog entry
//!   and the status list all come from the one authority that verifies.
//! - A kid listed by two authorities would make that choice ambiguous: the
//!   authority added second is refused, and the first keeps working.
//!
//! SPEC section 9 names these rules without spelling them out; the choices
//! above are the safe reading (see the README, "Several authorities").

use std::fmt;

use crate::bundle::{Bundle, BundleError, HighWater};
use crate::hex::hex;
use crate::keys::Kid;

/// Most authorities one verifier holds (a region and its neighbours).
pub const MAX_AUTHORITIES: usize = 32;
/// Longest authority name, in characters.
pub const MAX_NAME: usize = 64;

/// One authority: a name people recognise (a region, e.g. `浙江省`) and its
/// verified bundle.
#[derive(Clone, Debug)]
pub struct Authority {
    pub name: String,
    pub bundle: Bundle,
}

/// Why an authority was refused. The authorities held before stay as they
/// were.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthorityError {
    /// The name is empty, too long, or holds control characters.
    BadName(String),
    /// A kid of this authority's trust list is listed by another one.
    SharedKid { name: String, kid: Kid, other: String },
    /// The replacement is older than the bundle the authority holds.
    Bundle { name: String, error: BundleError },
    /// More than [`MAX_AUTHORITIES`].
    TooMany,
    /// No authority by that name (or the home one, which cannot be removed).
    NotFound(String),
}

impl AuthorityError {
    /// Why, in Chinese, for people at a counter.
    pub fn zh(&self) -> String {
        match self {
            AuthorityError::BadName(n) => format!("信任机构名称「{n}」不可用（不能为空、过长或含控制字符）"),
            AuthorityError::SharedKid { name, kid, other } => format!(
                "信任机构「{name}」的密钥 {} 已由「{other}」列出：同一密钥不能属于两个机构，「{name}」的这份数据未被采用，「{other}」照常使用",
                hex(kid)
            ),
            AuthorityError::Bundle { name, error } => format!("信任机构「{name}」：{}", error.zh()),
            AuthorityError::TooMany => format!("信任机构过多（最多 {MAX_AUTHORITIES} 个）"),
            AuthorityError::NotFound(n) => format!("没有名为「{n}」的信任机构"),
        }
    }
}

impl fmt::Display for AuthorityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthorityError::BadName(n) => {
                write!(f, "authority name {n:?} is empty, too long or holds control characters")
            }
            AuthorityError::SharedKid { name, kid, other } => write!(
                f,
                "authority {name:?} refused: its key {} is already listed by authority {other:?} (a kid may belong to one authority only; {other:?} is still in use)",
                hex(kid)
            ),
            AuthorityError::Bundle { name, error } => write!(f, "authority {name:?}: {error}"),
            AuthorityError::TooMany => write!(f, "more than {MAX_AUTHORITIES} authorities"),
            AuthorityError::NotFound(n) => write!(f, "no authority named {n:?}"),
        }
    }
}

impl std::error::Error for AuthorityError {}

/// The authorities a verifier holds, the home one first.
#[derive(Clone, Debug)]
pub struct Authorities {
    home: Authority,
    others: Vec<Authority>,
}

fn check_name(name: &str) -> Result<(), AuthorityError> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > MAX_NAME || n.len() != name.len() || name.chars().any(char::is_control) {
        return Err(AuthorityError::BadName(name.chars().take(MAX_NAME).collect()));
    }
    Ok(())
}

impl Authorities {
    /// The home authority alone.
    pub fn new(name: &str, bundle: Bundle) -> Result<Authorities, AuthorityError> {
        check_name(name)?;
        Ok(Authorities { home: Authority { name: name.to_owned(), bundle }, others: Vec::new() })
    }

    /// Adds an authority, or replaces the bundle of the one with this name
    /// (never with an older one: rollback is refused per authority). A kid
    /// that another authority lists refuses it; on any refusal nothing
    /// changes.
    pub fn put(&mut self, name: &str, bundle: Bundle) -> Result<(), AuthorityError> {
        check_name(name)?;
        for other in self.iter().filter(|a| a.name != name) {
            if let Some(kid) = bundle.trust.keys.iter().map(|k| k.kid).find(|kid| other.bundle.key(kid).is_some()) {
                return Err(AuthorityError::SharedKid { name: name.to_owned(), kid, other: other.name.clone() });
            }
        }
        let full = self.len() >= MAX_AUTHORITIES;
        let held =
            if self.home.name == name { Some(&mut self.home) } else { self.others.iter_mut().find(|a| a.name == name) };
        match held {
            Some(held) => {
                HighWater::of(&held.bundle)
                    .check(&bundle)
                    .map_err(|error| AuthorityError::Bundle { name: name.to_owned(), error })?;
                held.bundle = bundle;
            }
            None if full => return Err(AuthorityError::TooMany),
            None => self.others.push(Authority { name: name.to_owned(), bundle }),
        }
        Ok(())
    }

    /// Removes an authority other than the home one.
    pub fn remove(&mut self, name: &str) -> Result<Authority, AuthorityError> {
        match self.others.iter().position(|a| a.name == name) {
            Some(i) => Ok(self.others.remove(i)),
            None => Err(AuthorityError::NotFound(name.to_owned())),
        }
    }

    /// The home authority (the first).
    pub fn home(&self) -> &Authority {
        &self.home
    }

    /// The authority with this name.
    pub fn get(&self, name: &str) -> Option<&Authority> {
        self.iter().find(|a| a.name == name)
    }

    /// The authority whose trust list holds `kid`, or the home one.
    pub fn for_kid(&self, kid: &Kid) -> &Authority {
        if self.home.bundle.key(kid).is_some() {
            return &self.home;
        }
        self.others.iter().find(|a| a.bundle.key(kid).is_some()).unwrap_or(&self.home)
    }

    /// Every authority, the home one first.
    pub fn iter(&self) -> impl Iterator<Item = &Authority> {
        std::iter::once(&self.home).chain(&self.others)
    }

    /// The position of an authority in [`Authorities::iter`] (for callers
    /// that keep something per authority alongside, such as SM2 roots).
    pub fn position(&self, name: &str) -> Option<usize> {
        self.iter().position(|a| a.name == name)
    }

    /// How many there are (at least one: the home authority).
    pub fn len(&self) -> usize {
        1 + self.others.len()
    }

    /// Never empty: there is always the home authority.
    pub fn is_empty(&self) -> bool {
        false
    }
}
