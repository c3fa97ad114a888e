"""Live presentations (亮证, SPEC section 13) across implementations: the
holder's device keys are made by Python's `cryptography` (Ed25519 and
P-256); `zz issue --holder-key` binds licenses to them; Python signs
presentations that `zz verify` must find valid, and checks the
presentations `zz present` signs with the same keys.

usage:
  presentation.py keys DIR          make the keys: DIR/{ed,p256}.jwk (for the issuer)
                                    and DIR/{ed,p256}.key.json (zz present's key file)
  presentation.py sign DIR NOW      sign DIR/bound-{ed,p256}.zzl at NOW into DIR/theirs-{ed,p256}.zzl
  presentation.py verify DIR        verify DIR/ours-{ed,p256}.txt (zz present's ZZ1: text) here
"""
import base64
import json
import sys
import zlib
from pathlib import Path

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

TYP = "application/zz-presentation+cbor"
B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def b45decode(s):
    """RFC 9285: three characters make two bytes, a last two make one."""
    out = bytearray()
    for i in range(0, len(s), 3):
        chunk = s[i:i + 3]
        n = sum(B45.index(c) * 45 ** k for k, c in enumerate(chunk))
        out += n.to_bytes(2 if len(chunk) == 3 else 1, "big")
    return bytes(out)


def from_text(text):
    assert text.startswith("ZZ1:"), text[:10]
    data = b45decode(text[4:].strip())
    return zlib.decompress(data)


def load(d, kind):
    pem = (d / f"{kind}.pem").read_bytes()
    return serialization.load_pem_private_key(pem, password=None)


def keys(d):
    d.mkdir(parents=True, exist_ok=True)
    ed = ed25519.Ed25519PrivateKey.generate()
    p = ec.generate_private_key(ec.SECP256R1())
    for kind, key in (("ed", ed), ("p256", p)):
        (d / f"{kind}.pem").write_bytes(
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    x = ed.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    (d / "ed.jwk").write_text(json.dumps({"kty": "OKP", "crv": "Ed25519", "x": b64u(x)}))
    (d / "ed.key.json").write_text(json.dumps({
        "kind": "ed25519",
        "secretKey": ed.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                      serialization.NoEncryption()).hex(),
        "publicKey": {"kty": "OKP", "crv": "Ed25519", "x": x.hex()},
    }))
    n = p.public_key().public_numbers()
    px, py = n.x.to_bytes(32, "big"), n.y.to_bytes(32, "big")
    (d / "p256.jwk").write_text(json.dumps({"kty": "EC", "crv": "P-256", "x": b64u(px), "y": b64u(py)}))
    (d / "p256.key.json").write_text(json.dumps({
        "kind": "p256",
        "secretKey": p.private_numbers().private_value.to_bytes(32, "big").hex(),
        "publicKey": {"kty": "EC2", "crv": "P-256", "x": px.hex(), "y": py.hex()},
    }))


def sig_structure(protected, payload):
    return cbor2.dumps(["Signature1", protected, b"", payload])


def sign(d, now):
    for kind, alg in (("ed", -8), ("p256", -7)):
        key = load(d, kind)
        lic = (d / f"bound-{kind}.zzl").read_bytes()
        protected = cbor2.dumps({1: alg, 16: TYP})
        payload = cbor2.dumps({"v": 1, "obj": lic, "iat": now})
        tbs = sig_structure(protected, payload)
        if kind == "ed":
            sig = key.sign(tbs)
        else:
            r, s = decode_dss_signature(key.sign(tbs, ec.ECDSA(hashes.SHA256())))
            sig = r.to_bytes(32, "big") + s.to_bytes(32, "big")
        msg = cbor2.CBORTag(18, [protected, {}, payload, sig])
        (d / f"theirs-{kind}.zzl").write_bytes(cbor2.dumps(msg))
        print(f"signed theirs-{kind}.zzl ({alg})")


def verify(d):
    for kind in ("ed", "p256"):
        cose = from_text((d / f"ours-{kind}.txt").read_text().strip())
        tag = cbor2.loads(cose)
        assert isinstance(tag, cbor2.CBORTag) and tag.tag == 18, "a tagged COSE_Sign1"
        protected, unprotected, payload, sig = tag.value
        header = cbor2.loads(protected)
        assert header == {1: -8 if kind == "ed" else -7, 16: TYP}, header
        assert unprotected == {}, unprotected
        body = cbor2.loads(payload)
        assert body["obj"] == (d / f"bound-{kind}.zzl").read_bytes(), "it carries the license as issued"
        tbs = sig_structure(protected, payload)
        key = load(d, kind).public_key()
        if kind == "ed":
            key.verify(sig, tbs)
        else:
            assert len(sig) == 64, "ES256 as r||s"
            der = encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
            key.verify(der, tbs, ec.ECDSA(hashes.SHA256()))
            # A changed byte must not verify.
            try:
                key.verify(der, tbs + b"x", ec.ECDSA(hashes.SHA256()))
                raise AssertionError("a changed message verified")
            except InvalidSignature:
                pass
        print(f"ours-{kind}: verified by cryptography")


if __name__ == "__main__":
    cmd, d = sys.argv[1], Path(sys.argv[2])
    {"keys": lambda: keys(d), "sign": lambda: sign(d, int(sys.argv[3])), "verify": lambda: verify(d)}[cmd]()
