"""A SignedData made by implementations nobody here wrote: the structure by
asn1crypto's CMS classes, the SM2 signature by gmssl (Z with the default
ID), for `sm2_interop signed-data` (OpenSSL 3.0 cannot sign CMS with SM2).

usage: cms_sm2.py KEY_HEX CERT_PEM IN OUT attached|detached pkcs7|gbt35275 [wrong-digest]
  attached: IN becomes the content; detached: only its SM3 is signed.
  wrong-digest: the messageDigest attribute is not SM3 of the content
  (one bit flipped), and the signature over the attributes is sound: a
  verifier must still refuse it.
"""
import datetime
import sys

from asn1crypto import algos, cms, core, pem, x509
from gmssl import func, sm2, sm3

key_hex, cert_pem, src, dst, mode, flavour = sys.argv[1:7]
_, _, der = pem.unarmor(open(cert_pem, "rb").read())
cert = x509.Certificate.load(der)
content = open(src, "rb").read()
digest = bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(content)))
if sys.argv[7:] == ["wrong-digest"]:
    digest = bytes([digest[0] ^ 1]) + digest[1:]
SM3, SM2_SM3 = "1.2.156.10197.1.401", "1.2.156.10197.1.501"
DATA = "data" if flavour == "pkcs7" else "1.2.156.10197.6.1.4.2.1"

attrs = cms.CMSAttributes([
    cms.CMSAttribute({"type": "content_type", "values": [DATA]}),
    cms.CMSAttribute({"type": "signing_time", "values": [cms.Time({"utc_time": datetime.datetime(2026, 11, 22, 0, 30, tzinfo=datetime.timezone.utc)})]}),
    cms.CMSAttribute({"type": "message_digest", "values": [digest]}),
])
pub = cert.public_key["public_key"].native.hex()[2:]
signer = sm2.CryptSM2(private_key=key_hex, public_key=pub)
raw = bytes.fromhex(signer.sign_with_sm3(attrs.dump(), func.random_hex(64)))
assert signer.verify_with_sm3(raw.hex(), attrs.dump())
signature = algos.DSASignature({"r": int.from_bytes(raw[:32], "big"), "s": int.from_bytes(raw[32:], "big")}).dump()

info = cms.SignerInfo({
    "version": "v1",
    "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber(
        {"issuer": cert.issuer, "serial_number": cert.serial_number})}),
    "digest_algorithm": algos.DigestAlgorithm({"algorithm": SM3}),
    "signed_attrs": attrs,
    "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": SM2_SM3}),
    "signature": signature,
})
encap = {"content_type": DATA}
if mode == "attached":
    encap["content"] = content
sd = cms.SignedData({
    "version": "v1",
    "digest_algorithms": [algos.DigestAlgorithm({"algorithm": SM3})],
    "encap_content_info": encap,
    "certificates": [cert],
    "signer_infos": [info],
})


def tlv(tag: int, body: bytes) -> bytes:
    n = len(body)
    length = bytes([n]) if n < 0x80 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag]) + length + body


if flavour == "pkcs7":
    out = cms.ContentInfo({"content_type": "signed_data", "content": sd}).dump()
else:
    # GB/T 35275's own content type, the same SignedData inside [0].
    out = tlv(0x30, core.ObjectIdentifier("1.2.156.10197.6.1.4.2.2").dump() + tlv(0xA0, sd.dump()))
open(dst, "wb").write(out)
