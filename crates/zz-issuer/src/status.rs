//! Building status lists (SPEC section 8).

use zz_core::UnixTime;
use zz_core::bundle::MAX_STATUS_LIST;
use zz_core::model::{StatusListPayload, StatusValue};
use zz_core::transport::inflate_zlib;

/// A status array being edited: 2 bits per entry, 4 entries per byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusListBuilder {
    pub id: String,
    bits: Vec<u8>,
}

/// An index past the end of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    pub idx: u64,
    pub len: u64,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "index {} is past the end of a list of {} entries", self.idx, self.len)
    }
}

impl std::error::Error for OutOfRange {}

impl StatusListBuilder {
    /// A list of at least `entries` entries, all valid (rounded up to 4).
    pub fn new(id: impl Into<String>, entries: u64) -> StatusListBuilder {
        let bytes = usize::try_from(entries.div_ceil(4)).unwrap_or(usize::MAX);
        StatusListBuilder { id: id.into(), bits: vec![0; bytes] }
    }

    /// The list of an existing payload, for editing.
    pub fn from_payload(p: &StatusListPayload) -> Result<StatusListBuilder, zz_core::transport::DecodeError> {
        Ok(StatusListBuilder { id: p.id.clone(), bits: inflate_zlib(&p.lst, MAX_STATUS_LIST)? })
    }

    pub fn len(&self) -> u64 {
        self.bits.len() as u64 * 4
    }

    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }

    fn locate(&self, idx: u64) -> Result<(usize, u32), OutOfRange> {
        let byte = usize::try_from(idx / 4).ok().filter(|&b| b < self.bits.len());
        byte.map(|b| (b, (idx % 4) as u32 * 2)).ok_or(OutOfRange { idx, len: self.len() })
    }

    pub fn get(&self, idx: u64) -> Result<StatusValue, OutOfRange> {
        let (byte, shift) = self.locate(idx)?;
        Ok(StatusValue::from_bits(self.bits[byte] >> shift))
    }

    /// Sets entry `idx`.
    pub fn set(&mut self, idx: u64, value: StatusValue) -> Result<(), OutOfRange> {
        let (byte, shift) = self.locate(idx)?;
        let b = &mut self.bits[byte];
        *b = (*b & !(3 << shift)) | ((value as u8) << shift);
        Ok(())
    }

    /// Clears entry `idx` back to valid.
    pub fn clear(&mut self, idx: u64) -> Result<(), OutOfRange> {
        self.set(idx, StatusValue::Valid)
    }

    /// Entries that are not valid.
    pub fn entries(&self) -> impl Iterator<Item = (u64, StatusValue)> + '_ {
        self.bits.iter().enumerate().flat_map(|(i, &b)| {
            (0..4u64).filter_map(move |k| {
                let v = StatusValue::from_bits(b >> (k * 2));
                (v != StatusValue::Valid).then_some((i as u64 * 4 + k, v))
            })
        })
    }

    /// The payload to sign: the array zlib-compressed.
    pub fn payload(&self, iat: UnixTime, ttl: u64) -> StatusListPayload {
        StatusListPayload {
            id: self.id.clone(),
            lst: miniz_oxide::deflate::compress_to_vec_zlib(&self.bits, 9),
            iat,
            ttl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_clear_round_trip() {
        let mut b = StatusListBuilder::new("x", 10);
        assert_eq!(b.len(), 12);
        b.set(0, StatusValue::Revoked).unwrap();
        b.set(5, StatusValue::Suspended).unwrap();
        b.set(11, StatusValue::Superseded).unwrap();
        assert!(b.set(12, StatusValue::Revoked).is_err());
        // Entry 0 is the two least significant bits of byte 0.
        assert_eq!(b.bits[0], 0b01);
        assert_eq!(b.bits[1], 0b10 << 2);
        assert_eq!(b.bits[2], 0b11 << 6);
        let again = StatusListBuilder::from_payload(&b.payload(UnixTime::from_secs(1), 2)).unwrap();
        assert_eq!(again, b);
        b.clear(5).unwrap();
        assert_eq!(b.get(5), Ok(StatusValue::Valid));
        assert_eq!(b.entries().collect::<Vec<_>>(), vec![(0, StatusValue::Revoked), (11, StatusValue::Superseded)]);
    }
}
