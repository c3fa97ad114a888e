//! Check characters of Chinese identifiers, and GB/T 36904 license
//! identifiers.
//!
//! These are a few lines of arithmetic each, and no maintained Rust crate
//! implements GB 11643, GB 32100 or ISO/IEC 7064 MOD 37,36; they are checked
//! against python-stdnum in `tests/interop`.

const ALNUM36: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/// GB 32100 alphabet: digits and capitals without I, O, S, V, Z.
const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Object identifier arc of e-license identifiers (GB/T 36904).
pub const LICENSE_ID_PREFIX: &str = "1.2.156.3005.2.";

fn index_of(alphabet: &[u8], c: u8) -> Option<u32> {
    alphabet.iter().position(|&a| a == c).and_then(|i| u32::try_from(i).ok())
}

/// ISO/IEC 7064 MOD 37,36 (hybrid system) check character over `0-9A-Z`.
pub fn mod37_36_check(data: &str) -> Option<char> {
    mod37_36_over(data.bytes())
}

/// The value of `0-9A-Z` in ISO/IEC 7064's alphanumeric alphabet.
fn alnum36(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        _ => None,
    }
}

fn mod37_36_over(data: impl Iterator<Item = u8>) -> Option<char> {
    const M: u32 = 36;
    let mut p = M;
    for c in data {
        let v = alnum36(c)?;
        let mut s = (p + v) % M;
        if s == 0 {
            s = M;
        }
        p = (s * 2) % (M + 1);
    }
    let check = (M + 1 - p) % M;
    ALNUM36.get(usize::try_from(check).ok()?).map(|&b| char::from(b))
}

/// GB 11643 resident ID number check character over the first 17 digits.
pub fn resident_id_check(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .enumerate()
        .map(|(i, d)| {
            // Weight of position i (from the left, 0-based) is 2^(17-i) mod 11.
            let weight = (1u32 << (17 - i)) % 11;
            weight * u32::from(d - b'0')
        })
        .sum();
    let check = (12 - sum % 11) % 11;
    Some(if check == 10 { 'X' } else { char::from(b'0' + check as u8) })
}

/// Whether a full 18-character resident ID number has the right check character.
pub fn resident_id_valid(id: &str) -> bool {
    id.len() == 18 && id.get(..17).and_then(resident_id_check).is_some_and(|c| id.ends_with(c))
}

/// GB 32100 unified social credit code check character over the first 17.
pub fn uscc_check(first17: &str) -> Option<char> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    let mut weight = 1u32;
    for c in first17.bytes() {
        sum += index_of(USCC_ALPHABET, c)? * weight;
        weight = weight * 3 % 31;
    }
    let check = (31 - sum % 31) % 31;
    USCC_ALPHABET.get(check as usize).map(|&b| char::from(b))
}

/// Whether a full 18-character USCC has the right check character.
pub fn uscc_valid(code: &str) -> bool {
    code.len() == 18 && code.get(..17).and_then(uscc_check).is_some_and(|c| code.ends_with(c))
}

/// A GB/T 36904 license identifier, split into its segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LicenseId<'a> {
    pub type_code: &'a str,
    pub org_code: &'a str,
    pub serial: &'a str,
    pub version: &'a str,
    pub check: &'a str,
}

/// Why an identifier is not well formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdProblem {
    Prefix,
    Segments,
    Characters,
    Version,
    Check,
}

impl<'a> LicenseId<'a> {
    /// Parses `1.2.156.3005.2.TYPE.ORG.SERIAL.VVV.C` and checks C.
    pub fn parse(id: &'a str) -> Result<LicenseId<'a>, IdProblem> {
        let rest = id.strip_prefix(LICENSE_ID_PREFIX).ok_or(IdProblem::Prefix)?;
        let mut parts = rest.split('.');
        let (Some(type_code), Some(org_code), Some(serial), Some(version), Some(check), None) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(IdProblem::Segments);
        };
        let alnum = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
        if ![type_code, org_code, serial].iter().all(|s| alnum(s)) {
            return Err(IdProblem::Characters);
        }
        if version.len() != 3 || !version.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdProblem::Version);
        }
        let body = [type_code, org_code, serial, version].into_iter().flat_map(|s| s.bytes());
        let expected = mod37_36_over(body).ok_or(IdProblem::Characters)?;
        if check.len() != 1 || !check.starts_with(expected) {
            return Err(IdProblem::Check);
        }
        Ok(LicenseId { type_code, org_code, serial, version, check })
    }

    /// Builds an identifier with its check character.
    pub fn format(type_code: &str, org_code: &str, serial: &str, version: u16) -> Option<String> {
        let version = format!("{version:03}");
        let check = mod37_36_check(&format!("{type_code}{org_code}{serial}{version}"))?;
        Some(format!("{LICENSE_ID_PREFIX}{type_code}.{org_code}.{serial}.{version}.{check}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_from_shared_testdata() {
        assert_eq!(resident_id_check("11010519491231002"), Some('X'));
        assert!(resident_id_valid("11010519491231002X"));
        assert!(!resident_id_valid("110105194912310021"));
        assert_eq!(uscc_check("91350100M000100Y4"), Some('3'));
        assert!(uscc_valid("91350100M000100Y43"));
        assert!(!uscc_valid("91350100M000100Y44"));
        for (id, c) in [
            ("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F", "F"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U", "U"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S", "S"),
        ] {
            assert_eq!(LicenseId::parse(id).map(|p| p.check), Ok(c), "{id}");
        }
    }

    #[test]
    fn identifier_problems() {
        let good = "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F";
        assert_eq!(LicenseId::parse(&good.replace(".F", ".G")), Err(IdProblem::Check));
        assert_eq!(LicenseId::parse(&good.replace("1.2.156.3005.2.", "1.2.156.3005.3.")), Err(IdProblem::Prefix));
        assert_eq!(LicenseId::parse(&good.replace(".001.", ".01.")), Err(IdProblem::Version));
        assert_eq!(LicenseId::parse(&good.replace("W032", "w032")), Err(IdProblem::Characters));
        assert_eq!(LicenseId::parse(&good.replace(".2430599", "")), Err(IdProblem::Segments));
        assert_eq!(
            LicenseId::format("11100000000013338W032", "11220000013544541J", "2430599", 1).as_deref(),
            Some(good)
        );
    }

    #[test]
    fn odd_input_never_panics() {
        assert!(!resident_id_valid("11010519491231002é"));
        assert!(!uscc_valid("91350100M000100Y4é"));
        assert!(!uscc_valid("é1350100M000100Y43"));
        assert_eq!(mod37_36_check("abc"), None);
    }
}
