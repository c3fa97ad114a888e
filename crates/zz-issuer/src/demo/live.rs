//! The demo's live presentations (亮证, SPEC section 13): holders' wallets
//! (device keys derived from the public seed), licenses bound to them, and
//! samples of every outcome of `holder-binding`, `presentation-fresh` and
//! `presentation-audience`.

use zz_core::UnixTime;

use super::{SEED, Sample, SampleData};
use crate::device::{DeviceKind, DeviceSigner};

/// The nonce the demo's challenge samples were answered for (hex in the
/// samples' manifest: `zz verify --nonce`).
pub const NONCE: [u8; 16] = *b"ZZ1 demo nonce!!";
/// How long before the world's time the demo presentations were made.
pub const MADE_BEFORE: u64 = 10;

/// A holder's demo wallet key (anyone who knows the seed holds it).
pub fn wallet(kind: DeviceKind, holder: &str) -> DeviceSigner {
    DeviceSigner::derive(kind, SEED, &format!("wallet/{holder}"))
}

/// What the live samples are made from.
pub(super) struct Bound<'a> {
    pub now: UnixTime,
    /// A license bound to `ed` (Ed25519), and one bound to `p256`.
    pub ed_license: &'a [u8],
    pub ed: &'a DeviceSigner,
    pub p256_license: &'a [u8],
    pub p256: &'a DeviceSigner,
    /// A valid license that binds no device.
    pub unbound: &'a [u8],
    /// The organisation the demo portal verifies as.
    pub org: &'a str,
}

fn sample(
    name: &str,
    zh: &str,
    en: &str,
    data: Vec<u8>,
    expect: &'static str,
    checks: Vec<(&'static str, &'static str)>,
) -> Sample {
    Sample::new(name, zh, en, SampleData::Cose(data), expect, checks)
}

/// The live samples.
pub(super) fn samples(b: &Bound<'_>) -> Vec<Sample> {
    let made = b.now.saturating_sub_secs(MADE_BEFORE);
    let live = b.ed.present(b.ed_license, made, None, None);
    let other_device = wallet(DeviceKind::Ed25519, "someone else");
    let mut out = vec![
        sample(
            "live-presentation",
            "持证人手机现场亮证（绑定设备签名，10 秒前生成）",
            "Shown live by the holder's bound phone (made 10 s ago)",
            live.clone(),
            "valid",
            vec![("holder-binding", "pass"), ("presentation-fresh", "pass")],
        ),
        sample(
            "live-presentation-p256",
            "用 P-256 设备密钥现场亮证（浏览器无 Ed25519 时）",
            "Shown live with a P-256 device key (where the browser has no Ed25519)",
            b.p256.present(b.p256_license, made, None, None),
            "valid",
            vec![("holder-binding", "pass")],
        ),
        sample(
            "live-bare-bound-license",
            "绑定了持证人设备的证照被直接出示（截图或照片）：请持证人现场亮证",
            "A license bound to the holder's device shown bare (a screenshot or photo): ask for it live",
            b.ed_license.to_vec(),
            "indeterminate",
            vec![("holder-binding", "warn")],
        ),
        sample(
            "live-other-device",
            "由另一部设备签名的出示码（不是持证人绑定的设备）",
            "A presentation signed by another device than the bound one",
            other_device.present(b.ed_license, made, None, None),
            "invalid",
            vec![("holder-binding", "fail")],
        ),
        sample(
            "live-unbound-license",
            "未绑定设备的证照被当作现场出示码出示",
            "A license that binds no device, presented as if live",
            b.ed.present(b.unbound, made, None, None),
            "invalid",
            vec![("holder-binding", "fail")],
        ),
    ];
    let mut replayed = sample(
        "live-presentation-replayed",
        "同一出示码 91 秒后再次出示（截图或录屏重放）",
        "The same presentation shown again 91 s after it was made (a replayed screenshot)",
        live,
        "invalid",
        vec![("presentation-fresh", "fail"), ("holder-binding", "pass")],
    );
    replayed.now = Some(made.saturating_add_secs(91));
    out.push(replayed);
    let mut answered = sample(
        "live-challenge-answered",
        "持证人扫描窗口核验码后亮证：出示码回应了本次随机数",
        "Shown live after scanning the counter's challenge: it answers this nonce",
        b.ed.present(b.ed_license, made, Some(&NONCE), Some(b.org)),
        "valid",
        vec![("presentation-fresh", "pass"), ("presentation-audience", "pass")],
    );
    answered.nonce = Some(NONCE.to_vec());
    answered.org = Some(b.org.to_owned());
    out.push(answered);
    let mut mismatch = sample(
        "live-nonce-mismatch",
        "出示码回应的不是本次核验码（事先生成或转发）",
        "A presentation answering another challenge (made earlier or forwarded)",
        b.ed.present(b.ed_license, made, Some(b"another challenge"), None),
        "invalid",
        vec![("presentation-fresh", "fail")],
    );
    mismatch.nonce = Some(NONCE.to_vec());
    out.push(mismatch);
    let mut elsewhere = sample(
        "live-for-other-org",
        "向其他单位出示的出示码",
        "A presentation made for another organisation",
        b.ed.present(b.ed_license, made, None, Some("91310000MA1FL0000X")),
        "invalid",
        vec![("presentation-audience", "fail")],
    );
    elsewhere.org = Some(b.org.to_owned());
    out.push(elsewhere);
    out
}
