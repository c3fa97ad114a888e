"""pycose (an independent COSE implementation) verifies licenses and an
annotated copy issued by `zz`, and refuses a tampered one.

usage: pycose_verify.py DEMO_DIR
"""
import json
import sys
from pathlib import Path

import cbor2
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import Sign1Message

demo = Path(sys.argv[1])


def public_key(name):
    return bytes.fromhex(json.loads((demo / "demo-keys" / f"{name}.json").read_text())["publicKey"])


def check(cose_bytes, pk, typ):
    msg = Sign1Message.decode(cose_bytes)
    assert msg.phdr[16] == typ, msg.phdr
    msg.key = OKPKey(crv=Ed25519, x=pk)
    return msg, msg.verify_signature()


# A license original signed by the market bureau.
lic = (demo / "samples" / "valid-business-license.zzl").read_bytes()
msg, ok = check(lic, public_key("samr"), "application/zz-license+cbor")
assert ok, "pycose refused a zz license"
payload = cbor2.loads(msg.payload)
assert payload["v"] == 1 and payload["id"].startswith("1.2.156.3005.2."), payload

# An annotated copy: the platform's signature outside, the bureau's inside.
ann = (demo / "samples" / "annotated-valid.zzl").read_bytes()
msg, ok = check(ann, public_key("platform-annotate"), "application/zz-annotated+cbor")
assert ok, "pycose refused a zz annotated copy"
inner = cbor2.loads(msg.payload)["license"]
_, ok = check(inner, public_key("civil"), "application/zz-license+cbor")
assert ok, "pycose refused the license inside the annotated copy"

# A tampered license must not verify.
bad = (demo / "samples" / "invalid-tampered.zzl").read_bytes()
_, ok = check(bad, public_key("samr"), "application/zz-license+cbor")
assert not ok, "pycose accepted a tampered license"
print("pycose: zz license and annotated copy verify; tampered refused")
