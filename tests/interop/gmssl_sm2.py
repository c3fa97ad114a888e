"""SM2 and SM3 against Python gmssl (PyPI, written by others), both ways,
and our certificates and digests against OpenSSL 3.

Usage: gmssl_sm2.py DIR  (DIR from `sm2_interop sign DIR`; writes
DIR/theirs.json for `sm2_interop verify`).
"""
import base64
import json
import os
import subprocess
import sys

from gmssl import sm2, sm3, func

d = sys.argv[1]


def raw_of_der(der: bytes) -> str:
    """r||s hex from DER SEQUENCE{INTEGER r, INTEGER s}."""
    assert der[0] == 0x30
    i = 2 if der[1] < 0x80 else 2 + (der[1] & 0x7F)
    out = []
    for _ in range(2):
        assert der[i] == 0x02
        n = der[i + 1]
        v = int.from_bytes(der[i + 2:i + 2 + n], "big")
        out.append(f"{v:064x}")
        i += 2 + n
    return "".join(out)


def der_of_raw(raw: bytes) -> bytes:
    def integer(b: bytes) -> bytes:
        b = b.lstrip(b"\0") or b"\0"
        if b[0] & 0x80:
            b = b"\0" + b
        return bytes([2, len(b)]) + b
    body = integer(raw[:32]) + integer(raw[32:])
    return bytes([0x30, len(body)]) + body


# Ours -> gmssl: every signature verifies, and not over another message.
ours = json.load(open(os.path.join(d, "ours.json")))
for v in ours:
    pub = v["pub"][2:]  # gmssl takes x||y without the 04 prefix
    c = sm2.CryptSM2(private_key=None, public_key=pub)
    msg = bytes.fromhex(v["msg"])
    sig = raw_of_der(bytes.fromhex(v["sig"]))
    assert c.verify_with_sm3(sig, msg), f"gmssl refuses our signature {v}"
    assert not c.verify_with_sm3(sig, msg + b"\x01"), f"gmssl accepts ours over another message {v}"
print(f"gmssl verifies our {len(ours)} SM2 signatures")

# SM3 digests agree with gmssl and with OpenSSL.
digests = json.load(open(os.path.join(d, "sm3.json")))
for v in digests:
    msg = bytes.fromhex(v["msg"])
    assert sm3.sm3_hash(func.bytes_to_list(msg)) == v["sm3"], f"SM3 differs from gmssl on {v['msg'][:40]}"
    o = subprocess.run(["openssl", "dgst", "-sm3", "-r"], input=msg, capture_output=True, check=True).stdout.split()[0].decode()
    assert o == v["sm3"], f"SM3 differs from OpenSSL on {v['msg'][:40]}"
print(f"SM3 agrees with gmssl and OpenSSL on {len(digests)} messages")

# gmssl -> ours: keys and signatures made by gmssl, raw r||s and as DER.
theirs = []
for i, v in enumerate(ours):
    priv = f"{(0x1234567 + i * 0x9e3779b97f4a7c15) % (2**255):064x}"
    c = sm2.CryptSM2(private_key=priv, public_key="")
    pub = c._kg(int(priv, 16), sm2.default_ecc_table["g"])
    c = sm2.CryptSM2(private_key=priv, public_key=pub)
    msg = bytes.fromhex(v["msg"])
    sig = c.sign_with_sm3(msg, func.random_hex(64))
    assert c.verify_with_sm3(sig, msg)
    raw = bytes.fromhex(sig)
    form = raw if i % 2 else der_of_raw(raw)
    theirs.append({"pub": "04" + pub, "msg": v["msg"], "sig": form.hex()})
json.dump(theirs, open(os.path.join(d, "theirs.json"), "w"))
print(f"gmssl made {len(theirs)} signatures for sm2_interop verify")

# OpenSSL reads our certificates and verifies the chain (SM2, default ID).
for name in ["root", "ca", "signer", "maker"]:
    text = subprocess.run(["openssl", "x509", "-in", os.path.join(d, f"{name}.pem"), "-noout", "-text"],
                          capture_output=True, check=True, text=True).stdout
    assert "SM2" in text or "sm2" in text, f"{name}: {text[:400]}"
# OpenSSL 3.0 computes Z with an empty ID unless told the default one
# (GB/T 35276's 1234567812345678, which our certificates are signed with),
# and applies that option to the leaf only: each link is verified on its
# own, its issuer as the anchor (-partial_chain).
def verify_link(cert, issuer):
    return subprocess.run(["openssl", "verify", "-vfyopt", "distid:1234567812345678", "-partial_chain",
                           "-CAfile", os.path.join(d, issuer), cert], capture_output=True, text=True)


for name, issuer in [("root", "root.pem"), ("ca", "root.pem"), ("signer", "ca.pem"), ("maker", "ca.pem")]:
    r = verify_link(os.path.join(d, f"{name}.pem"), issuer)
    assert r.returncode == 0 and ": OK" in r.stdout, f"openssl verify {name}: {r.stdout} {r.stderr}"
# ... and refuses a certificate whose signature was changed.
pem = open(os.path.join(d, "signer.pem")).read().splitlines()
body = "".join(pem[1:-1])
der = bytearray(base64.b64decode(body))
der[-3] ^= 1
bad = os.path.join(d, "signer-bad.pem")
open(bad, "w").write("-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(bytes(der)).decode() + "-----END CERTIFICATE-----\n")
assert verify_link(bad, "ca.pem").returncode != 0, "OpenSSL accepts a changed certificate signature"
print("OpenSSL reads the 4 demo certificates, verifies their chains to the root, and refuses a changed one")
