//! SM2 signatures with SM3 (GB/T 32918, GB/T 35276): RustCrypto's `sm2`
//! computes the signer's Z value from the default ID; the value is DER
//! `SEQUENCE{r, s}`, or raw 64-byte r‖s (accepted, and said).

use der::Decode;
use der::asn1::UintRef;
use sm2::dsa::signature::Verifier;
use sm2::dsa::{Signature, VerifyingKey};

use crate::asn1::items;

/// The OID of SM2 with SM3 (`SignatureMethod`, certificate and seal
/// signature algorithms).
pub const SM2_WITH_SM3: &str = "1.2.156.10197.1.501";
/// The default user ID of GB/T 35276 that goes into Z.
pub const DEFAULT_ID: &str = "1234567812345678";

/// How a signature value was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Der,
    /// Raw 64-byte r‖s: accepted with a `warn`.
    Raw,
}

/// Why an SM2 signature does not verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmError {
    /// The public key is not a point of the SM2 curve.
    BadKey,
    /// The value is neither DER SEQUENCE{r, s} nor 64 bytes.
    BadValue,
    /// Well-formed, but it does not verify.
    Mismatch,
}

/// Reads a signature value.
pub fn signature(value: &[u8]) -> Option<(Signature, Form)> {
    if let Ok(parts) = items(value, "SM2 signature")
        && let [r, s] = parts.as_slice()
    {
        let scalar = |tlv: &[u8]| -> Option<[u8; 32]> {
            let b = UintRef::from_der(tlv).ok()?.as_bytes();
            let mut out = [0u8; 32];
            let start = 32usize.checked_sub(b.len())?;
            out.get_mut(start..)?.copy_from_slice(b);
            Some(out)
        };
        let sig = Signature::from_scalars(scalar(r)?, scalar(s)?).ok()?;
        return Some((sig, Form::Der));
    }
    if value.len() == 64 {
        return Signature::from_slice(value).ok().map(|s| (s, Form::Raw));
    }
    None
}

/// Verifies an SM2-with-SM3 signature over `message` by the key given as a
/// SEC1 point (`04‖x‖y`), with the default ID.
pub fn verify(public_key: &[u8], message: &[u8], value: &[u8]) -> Result<Form, SmError> {
    let key = VerifyingKey::from_sec1_bytes(DEFAULT_ID, public_key).map_err(|_| SmError::BadKey)?;
    let (sig, form) = signature(value).ok_or(SmError::BadValue)?;
    key.verify(message, &sig).map(|()| form).map_err(|_| SmError::Mismatch)
}

/// SM3 of `data`.
pub fn sm3(data: &[u8]) -> [u8; 32] {
    use sm3::Digest;
    sm3::Sm3::digest(data).into()
}
