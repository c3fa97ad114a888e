//! The audit log: every use of a license and every staff action as an
//! entry that holds the hash of the one before and is signed by the key of
//! the device that wrote it (Ed25519, or ECDSA on P-256 where the browser's
//! WebCrypto has no Ed25519). Someone who edits entries and
//! recomputes every hash still cannot sign them; entries cut off the end,
//! or a whole log re-signed with another key, are caught against a
//! checkpoint (the head signed by the device, kept elsewhere).
//!
//! The file is JSON Lines: a header line (format, device id, public key),
//! then one entry per line, in order. The portal and `zz verify --log`
//! write the same format; `zz log verify` checks it.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zz_core::envelope::{hex, parse_hex};

use crate::Event;

/// The header's `format`.
pub const FORMAT: &str = "zz-log/2";
/// A checkpoint's `format`.
pub const CHECKPOINT_FORMAT: &str = "zz-log-checkpoint/1";
/// The signature algorithm of device keys.
pub const ALG: &str = "Ed25519";
/// The algorithm of a device whose WebCrypto has no Ed25519: ECDSA on
/// P-256 with SHA-256; the public key SEC1 (uncompressed, 65 bytes), each
/// signature r‖s (64 bytes), as WebCrypto gives them.
pub const ALG_P256: &str = "ECDSA-P256-SHA256";
/// Largest line read (an entry holds a few hundred bytes).
pub const MAX_LINE: usize = 64 * 1024;

/// The first line of a log: which device wrote it, with which key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Header {
    pub format: String,
    pub device: String,
    pub alg: String,
    /// The device's public key, hex.
    pub public_key: String,
}

/// Who did it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operator {
    pub name: String,
    /// Staff number.
    pub number: String,
    /// `counter`, `supervisor` or `admin`.
    pub role: String,
}

/// On what authority an annotated copy was used: who made it, for which
/// organisation, for what purpose.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Authority {
    pub maker: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    pub purpose: String,
}

/// A verification as logged: no more personal data than needed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verified {
    /// `license`, `annotated`, `ofd`, or absent when nothing was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The holder, masked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    pub verdict: String,
    /// Ids of the checks that failed.
    pub failed: Vec<String>,
    pub trust_seq: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// Shown live by the holder's bound device (亮证, SPEC section 13).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub live: bool,
    /// The nonce the presentation answered (hex), when it was a live
    /// presentation made for a challenge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

impl Verified {
    pub fn of(report: &zz_core::Report) -> Verified {
        let seen = crate::Seen::of(report);
        Verified {
            kind: seen.kind,
            license_type: seen.license_type,
            identifier: seen.identifier,
            holder: seen.holder,
            verdict: report.verdict.as_str().to_owned(),
            failed: report.failures().map(|c| c.id.as_str().to_owned()).collect(),
            trust_seq: report.trust.trust_seq,
            authority: report.annotation.as_ref().map(|a| Authority {
                maker: a.maker.name.clone(),
                recipient: a.recipient.as_ref().map(|r| r.name.clone()),
                purpose: a.purpose.clone(),
            }),
            live: report.presented,
            nonce: report.presentation.as_ref().and_then(|p| p.nonce.as_deref()).map(zz_core::hex::hex),
        }
    }
}

/// One event.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Position in the log, from 1.
    pub n: u64,
    /// Unix seconds.
    pub time: i64,
    /// `verify`, `exception-…`, `reveal`, `identity-checked`,
    /// `trust-import`, `setting`, `sign-in`, `sign-out`, `clear`,
    /// `pruned`, `case-complete`, `case-complete-with-exceptions`, … (the
    /// name of an [`Event`]; kept as written, so that a name not known
    /// here still reads and verifies: see [`Entry::event_kind`]).
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<Operator>,
    /// The organisation's code and the window, from the site configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<Verified>,
    /// The license an event other than a verification is about (a reveal,
    /// an exception): its type and identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// What else the event says (for `pruned`: the last entry dropped and
    /// its hash, `N HASH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A practice run (模拟办事), left out of the statistics.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drill: bool,
    /// The new staff key (hex) of `staff-added`, `staff-pin-reset` and
    /// `staff-pin-changed` ([`crate::staff`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_key: Option<String>,
    /// The staff session that wrote it, and its signature: what attributes
    /// the entry to the operator it names ([`crate::staff::Roster`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<crate::staff::Attestation>,
    /// SHA-256 (hex) of the line of the entry before; 64 zeros for the
    /// first.
    pub prev: String,
    /// The device's signature (hex) over the entry's line without `sig`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sig: String,
    /// Set by [`parse`] when the line read is not the entry's own line
    /// (fields added, reordered or respaced): not as the device wrote it.
    #[serde(skip)]
    pub not_as_written: bool,
}

/// The `prev` of the first entry.
pub const GENESIS: &str = crate::GENESIS;

impl Entry {
    /// The entry's event; `None` for a name not known here.
    pub fn event_kind(&self) -> Option<Event> {
        Event::parse(&self.event)
    }

    /// The license's type: the verified one, or the one the event is about.
    pub fn license_type(&self) -> Option<&str> {
        self.verified.as_ref().and_then(|v| v.license_type.as_deref()).or(self.license_type.as_deref())
    }

    /// The license's identifier, likewise.
    pub fn identifier(&self) -> Option<&str> {
        self.verified.as_ref().and_then(|v| v.identifier.as_deref()).or(self.identifier.as_deref())
    }

    /// The masked holder of a verification.
    pub fn holder(&self) -> Option<&str> {
        self.verified.as_ref().and_then(|v| v.holder.as_deref())
    }

    /// The verdict of a verification; empty for other events.
    pub fn verdict(&self) -> &str {
        self.verified.as_ref().map_or("", |v| v.verdict.as_str())
    }

    /// The checks a verification failed.
    pub fn failed(&self) -> &[String] {
        self.verified.as_ref().map_or(&[], |v| v.failed.as_slice())
    }

    /// What the staff did, when the entry is not a verification.
    pub fn staff_event(&self) -> Option<&str> {
        (self.event != Event::Verify.as_str()).then_some(self.event.as_str())
    }

    /// What the device signs: the entry's JSON without `sig`.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let unsigned = Entry { sig: String::new(), ..self.clone() };
        serde_json::to_vec(&unsigned).unwrap_or_default()
    }

    /// What the staff session signs: the entry's JSON without `sig` and
    /// without the session's own signature (its number and `prev`
    /// included: the signature holds its place in the chain).
    pub fn attested_bytes(&self) -> Vec<u8> {
        let mut unsigned = Entry { sig: String::new(), ..self.clone() };
        if let Some(by) = &mut unsigned.by {
            by.sig = String::new();
        }
        serde_json::to_vec(&unsigned).unwrap_or_default()
    }

    /// The entry's line, signature included.
    pub fn line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// SHA-256 (hex) of the line: the next entry's `prev`.
    pub fn hash(&self) -> String {
        hex(&Sha256::digest(self.line().as_bytes()))
    }
}

/// A device's signing key, and what it signs.
pub struct Device {
    key: SigningKey,
}

impl Device {
    pub fn from_secret(secret: &[u8; 32]) -> Device {
        Device { key: SigningKey::from_bytes(secret) }
    }

    pub fn secret(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    pub fn header(&self) -> Header {
        header_of(&self.key.verifying_key())
    }

    /// Signs `entry` as entry number `n` after `prev` (the hash of the
    /// entry before, or [`GENESIS`]).
    pub fn seal(&self, mut entry: Entry, n: u64, prev: &str) -> Entry {
        entry.n = n;
        entry.prev = prev.to_owned();
        entry.sig = String::new();
        entry.sig = hex(&self.key.sign(&entry.signed_bytes()).to_bytes());
        entry
    }

    /// A checkpoint of the log whose last entry is `last`.
    pub fn checkpoint(&self, last: &Entry, time: i64) -> Checkpoint {
        let mut c = Checkpoint {
            format: CHECKPOINT_FORMAT.to_owned(),
            device: self.header().device,
            n: last.n,
            head: last.hash(),
            time,
            sig: String::new(),
        };
        c.sig = hex(&self.key.sign(&c.signed_bytes()).to_bytes());
        c
    }
}

/// The header of a device's raw public key (32 bytes); `None` when it is
/// not an Ed25519 public key.
pub fn header_of_raw(public: &[u8]) -> Option<Header> {
    let bytes: [u8; 32] = public.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok().map(|k| header_of(&k))
}

/// The header of a device's public key; the device id is the first 16 hex
/// digits of the key's SHA-256.
pub fn header_of(public: &VerifyingKey) -> Header {
    header(ALG, public.as_bytes())
}

/// The header of a P-256 device key ([`ALG_P256`]), SEC1 bytes; `None`
/// when they are not a point of the curve.
pub fn header_of_p256(public: &[u8]) -> Option<Header> {
    p256::ecdsa::VerifyingKey::from_sec1_bytes(public).ok()?;
    Some(header(ALG_P256, public))
}

/// The header of a key of `alg` as its device exported it (not checked
/// here: `verify` reads it; this keeps curve arithmetic out of a portal
/// that only signs).
pub fn header(alg: &str, public: &[u8]) -> Header {
    Header { format: FORMAT.to_owned(), device: device_id(public), alg: alg.to_owned(), public_key: hex(public) }
}

/// Whether a log's header is that of the device `pinned` names, by its
/// public key (hex) or its id (16 hex digits), as recorded when the device
/// was set up. A log re-signed whole under another key verifies on its own;
/// only this, or a checkpoint kept elsewhere, tells it apart.
pub fn is_device(header: &Header, pinned: &str) -> bool {
    let pinned = pinned.trim().to_ascii_lowercase();
    let ok_hex = !pinned.is_empty() && pinned.bytes().all(|b| b.is_ascii_hexdigit());
    ok_hex && (pinned == header.public_key.to_ascii_lowercase() || pinned == header.device.to_ascii_lowercase())
}

/// A device's id: the first 16 hex digits of its public key's SHA-256.
pub fn device_id(public: &[u8]) -> String {
    hex(&Sha256::digest(public)).chars().take(16).collect()
}

/// The head of a log as signed by its device, kept elsewhere: entries cut
/// off before it, or a log re-signed with another key, no longer match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Checkpoint {
    pub format: String,
    pub device: String,
    /// The last entry it covers, and that entry's hash.
    pub n: u64,
    pub head: String,
    pub time: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sig: String,
}

impl Checkpoint {
    /// What the device signs: the checkpoint's JSON without `sig`.
    pub fn signed_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&Checkpoint { sig: String::new(), ..self.clone() }).unwrap_or_default()
    }
}

/// Where a log stopped holding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Broken {
    /// The line (1 is the header), or `None` for the log as a whole.
    pub line: Option<usize>,
    /// The entry's number, when it has one.
    pub n: Option<u64>,
    pub why: String,
}

/// A log that holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Intact {
    pub device: String,
    pub entries: usize,
    /// The first and last entry numbers (the first is above 1 after pruning).
    pub first: Option<u64>,
    pub last: Option<u64>,
    pub head: String,
    /// Whether a checkpoint was given and holds.
    pub checkpoint: bool,
    /// The checkpoint given covers only entries pruned since (it holds
    /// nothing left to check; a newer one does).
    pub checkpoint_pruned: bool,
}

/// Why a log could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// A device's public key, of either algorithm.
enum DeviceKey {
    Ed25519(VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
}

impl DeviceKey {
    fn of(h: &Header) -> Option<DeviceKey> {
        let raw = parse_hex(&h.public_key)?;
        match h.alg.as_str() {
            ALG => VerifyingKey::from_bytes(&raw.try_into().ok()?).ok().map(DeviceKey::Ed25519),
            ALG_P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(&raw).ok().map(DeviceKey::P256),
            _ => None,
        }
    }

    /// Whether `sig` (hex) is this key's signature of `message`.
    fn signed(&self, message: &[u8], sig: &str) -> bool {
        let Some(bytes) = parse_hex(sig) else { return false };
        match self {
            DeviceKey::Ed25519(k) => {
                <[u8; 64]>::try_from(bytes).is_ok_and(|b| k.verify(message, &Signature::from_bytes(&b)).is_ok())
            }
            DeviceKey::P256(k) => {
                p256::ecdsa::Signature::from_slice(&bytes).is_ok_and(|s| k.verify(message, &s).is_ok())
            }
        }
    }
}

/// Reads a log's text: the header and the entries.
pub fn parse(text: &str) -> Result<(Header, Vec<Entry>), Unreadable> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (_, first) = lines.next().ok_or_else(|| Unreadable("empty".into()))?;
    let header: Header =
        serde_json::from_str(first).map_err(|e| Unreadable(format!("line 1: not a log header: {e}")))?;
    if header.format != FORMAT || (header.alg != ALG && header.alg != ALG_P256) {
        return Err(Unreadable(format!(
            "line 1: format {} {}, expected {FORMAT} with {ALG} or {ALG_P256}",
            header.format, header.alg
        )));
    }
    let mut entries = Vec::new();
    for (i, l) in lines {
        if l.len() > MAX_LINE {
            return Err(Unreadable(format!("line {}: longer than {MAX_LINE} bytes", i + 1)));
        }
        let mut e: Entry =
            serde_json::from_str(l).map_err(|e| Unreadable(format!("line {}: not an entry: {e}", i + 1)))?;
        e.not_as_written = e.line() != l;
        entries.push(e);
    }
    Ok((header, entries))
}

/// Several exports of one device's log (archives of pruned entries, and
/// the log after them) as one: in order of their first entry, an entry
/// that two files hold taken once (the same number with other contents,
/// or an entry repeated within one file, is kept, for [`verify`] to
/// report).
pub fn join(parts: Vec<(Header, Vec<Entry>)>) -> Result<(Header, Vec<Entry>), Unreadable> {
    let mut parts = parts;
    let header = parts.first().map(|p| p.0.clone()).ok_or_else(|| Unreadable("no log".into()))?;
    if parts.iter().any(|(h, _)| *h != header) {
        return Err(Unreadable("the logs are of different devices or keys".into()));
    }
    parts.sort_by_key(|(_, es)| es.first().map_or(u64::MAX, |e| e.n));
    // An entry another file holds too is taken once; one repeated within
    // a file stays (an insertion, for `verify` to report).
    let mut seen: std::collections::HashMap<u64, String> = std::collections::HashMap::new();
    let mut all = Vec::new();
    for (_, entries) in parts {
        let mut in_this = std::collections::HashSet::new();
        let mut added = Vec::new();
        for e in entries {
            let hash = e.hash();
            let first_here = in_this.insert(e.n);
            if !(first_here && seen.get(&e.n) == Some(&hash)) {
                added.push((e.n, hash));
                all.push(e);
            }
        }
        seen.extend(added);
    }
    Ok((header, all))
}

/// Checks a log: every entry signed by the header's key, numbered in
/// order, holding the hash of the one before; a log that starts after
/// entry 1 must say, in a signed `pruned` entry, which entry it was pruned
/// after and that entry's hash. With a checkpoint, the log must be the
/// checkpoint's device's and hold its head.
pub fn verify(header: &Header, entries: &[Entry], checkpoint: Option<&Checkpoint>) -> Result<Intact, Broken> {
    let whole = |why: String| Broken { line: None, n: None, why };
    let key = DeviceKey::of(header).ok_or_else(|| whole("the header's public key cannot be read".into()))?;
    if parse_hex(&header.public_key).map(|k| device_id(&k)).as_deref() != Some(header.device.as_str()) {
        return Err(whole("the device id is not that of the public key".into()));
    }
    // Pruned: the first entry kept follows the one the `pruned` entry names.
    let pruned_after = entries.iter().rev().find(|e| e.event == Event::Pruned.as_str()).and_then(|e| {
        let (n, hash) = e.detail.as_deref()?.split_once(' ')?;
        Some((n.parse::<u64>().ok()?, hash.to_owned()))
    });
    let mut expected_n = 1;
    let mut prev = GENESIS.to_owned();
    // Whether the log starts after the entry a `pruned` note names.
    let mut starts_pruned = None;
    if let (Some(first), Some((after, hash))) = (entries.first(), &pruned_after)
        && after.checked_add(1) == Some(first.n)
    {
        expected_n = first.n;
        prev = hash.clone();
        starts_pruned = Some((*after, hash.clone()));
    }
    for (i, e) in entries.iter().enumerate() {
        let at = |why: &str| Broken { line: Some(i + 2), n: Some(e.n), why: why.to_owned() };
        if e.not_as_written {
            return Err(at("its line is not as the device wrote it (fields added, removed, reordered or respaced)"));
        }
        let signed = key.signed(&e.signed_bytes(), &e.sig);
        if !signed {
            return Err(at("its signature does not verify with the device's key: edited or not written here"));
        }
        if e.n != expected_n {
            return Err(at(if e.n > expected_n {
                "entries before it are missing (deleted or reordered)"
            } else {
                "its number repeats an earlier one (inserted or reordered)"
            }));
        }
        if e.prev != prev {
            return Err(at(
                "it does not follow the entry before (an entry before it was changed, removed or inserted)",
            ));
        }
        prev = e.hash();
        expected_n = expected_n.checked_add(1).ok_or_else(|| at("its number is the largest there is"))?;
    }
    let mut checkpoint_pruned = false;
    if let Some(c) = checkpoint {
        let signed = key.signed(&c.signed_bytes(), &c.sig);
        if c.format != CHECKPOINT_FORMAT || c.device != header.device || !signed {
            return Err(whole("the checkpoint is not this device's: the log was replaced or re-signed".into()));
        }
        match entries.iter().find(|e| e.n == c.n) {
            Some(e) if e.hash() == c.head => {}
            Some(e) => {
                return Err(Broken {
                    line: entries.iter().position(|x| x.n == e.n).map(|i| i + 2),
                    n: Some(e.n),
                    why: "it differs from the entry the checkpoint signed".into(),
                });
            }
            None if entries.last().is_none_or(|l| l.n < c.n) => {
                return Err(whole(format!(
                    "entries are missing at the end: the checkpoint covers entry {}, the log ends at {}",
                    c.n,
                    entries.last().map_or(0, |l| l.n)
                )));
            }
            // The checkpoint's entry was pruned since: the signed note
            // names the last entry dropped and its hash.
            None => match &starts_pruned {
                Some((after, hash)) if c.n == *after && c.head == *hash => {}
                Some((after, _)) if c.n < *after => checkpoint_pruned = true,
                _ => {
                    return Err(whole(format!(
                        "entry {} of the checkpoint is missing, and no signed note says it was pruned",
                        c.n
                    )));
                }
            },
        }
    }
    Ok(Intact {
        device: header.device.clone(),
        entries: entries.len(),
        first: entries.first().map(|e| e.n),
        last: entries.last().map(|e| e.n),
        head: prev,
        checkpoint: checkpoint.is_some() && !checkpoint_pruned,
        checkpoint_pruned,
    })
}

/// Drops the entries up to `up_to` (which the caller has exported first)
/// and appends a signed `pruned` entry naming the last one dropped and its
/// hash: the rest still verifies.
pub fn prune(device: &Device, entries: &[Entry], up_to: u64, time: i64, event: Entry) -> Option<Vec<Entry>> {
    let dropped = entries.iter().find(|e| e.n == up_to)?;
    let detail = format!("{up_to} {}", dropped.hash());
    let mut kept: Vec<Entry> = entries.iter().filter(|e| e.n > up_to).cloned().collect();
    let (n, prev) = kept.last().or(Some(dropped)).map(|l| (l.n + 1, l.hash()))?;
    kept.push(device.seal(
        Entry { event: Event::Pruned.as_str().into(), time, detail: Some(detail), ..event },
        n,
        &prev,
    ));
    Some(kept)
}

/// The text of a log.
pub fn to_text(header: &Header, entries: &[Entry]) -> String {
    let mut out = serde_json::to_string(header).unwrap_or_default();
    out.push('\n');
    for e in entries {
        out.push_str(&e.line());
        out.push('\n');
    }
    out
}

/// The log as CSV (RFC 4180 quoting), with a header row, after a UTF-8
/// byte order mark; a cell a spreadsheet would take for a formula gets a
/// leading `'` ([`crate::csv_cell`]). Every row names the device and its
/// public key, as every export does.
pub fn to_csv(header: &Header, entries: &[Entry]) -> String {
    let mut out = String::from(
        "\u{feff}n,time,event,operator,staffNo,org,window,case,matter,kind,licenseType,identifier,holder,verdict,failed,drill,trustSeq,prev,sig,detail,maker,recipient,purpose,device,publicKey\r\n",
    );
    for e in entries {
        let v = e.verified.as_ref();
        let a = v.and_then(|v| v.authority.as_ref());
        let op = e.operator.as_ref();
        let cols = [
            e.n.to_string(),
            zz_core::UnixTime::from_secs(e.time).en(),
            e.event.clone(),
            op.map(|o| o.name.clone()).unwrap_or_default(),
            op.map(|o| o.number.clone()).unwrap_or_default(),
            e.org.clone().unwrap_or_default(),
            e.window.clone().unwrap_or_default(),
            e.case.clone().unwrap_or_default(),
            e.matter.clone().unwrap_or_default(),
            v.and_then(|v| v.kind.clone()).unwrap_or_default(),
            e.license_type().unwrap_or_default().to_owned(),
            e.identifier().unwrap_or_default().to_owned(),
            e.holder().unwrap_or_default().to_owned(),
            e.verdict().to_owned(),
            e.failed().join(" "),
            if e.drill { "1".into() } else { String::new() },
            v.map(|v| v.trust_seq.to_string()).unwrap_or_default(),
            e.prev.clone(),
            e.sig.clone(),
            e.detail.clone().unwrap_or_default(),
            a.map(|a| a.maker.clone()).unwrap_or_default(),
            a.and_then(|a| a.recipient.clone()).unwrap_or_default(),
            a.map(|a| a.purpose.clone()).unwrap_or_default(),
            header.device.clone(),
            header.public_key.clone(),
        ];
        out.push_str(&cols.iter().map(|c| crate::csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
