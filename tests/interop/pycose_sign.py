"""Signs a license with pycose, following SPEC.md alone (not zz's code),
and writes it as .zzl and as ZZ1: text, for `zz verify` to accept.

usage: pycose_sign.py DEMO_DIR OUT_PREFIX
"""
import hashlib
import json
import sys
import zlib
from pathlib import Path

import cbor2
from pycose.algorithms import EdDSA
from pycose.headers import Algorithm, KID
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import Sign1Message
from stdnum.iso7064 import mod_37_36
from stdnum.cn import uscc

demo = Path(sys.argv[1])
out = Path(sys.argv[2])
key = json.loads((demo / "demo-keys" / "samr.json").read_text())
pk = bytes.fromhex(key["publicKey"])
sk = bytes.fromhex(key["secretKey"])
kid = hashlib.sha256(pk).digest()[:8]

catalog = json.loads((demo / "inputs" / "catalog.json").read_text())
business = next(t for t in catalog["types"] if t["name"] == "营业执照")
# The issuing bureau's name and code, as on a license it issued.
sample = cbor2.loads(Sign1Message.decode((demo / "samples" / "valid-business-license.zzl").read_bytes()).payload)
issuer = sample["issuer"]

holder_code = "91310115" + "MA1K4L2R" + "0"
holder_code += uscc.calc_check_digit(holder_code)
middle = business["code"] + issuer["code"] + "2431999" + "001"
ident = "1.2.156.3005.2.{}.{}.{}.{}.{}".format(
    business["code"], issuer["code"], "2431999", "001", mod_37_36.calc_check_digit(middle))

payload = {
    "v": 1,
    "id": ident,
    "type": business["code"],
    "no": "沪0322431999",
    "holder": {"name": "上海互认测试有限公司", "idType": "001", "id": holder_code},
    "issuer": issuer,
    "issued": "2024-06-03",
    "validFrom": "2024-06-03",
    "fields": {
        "name": "上海互认测试有限公司",
        "uscc": holder_code,
        "entityType": "有限责任公司",
        "legalRep": "林小川",
        "established": "2024-06-03",
        "address": "上海市浦东新区博云路2号",
        "scope": "软件开发；信息技术咨询服务。",
        "employees": 12,
        "listed": False,
    },
    "status": {"list": "sh-2026-01", "idx": 8001},
    "iat": 1717376400,
}

msg = Sign1Message(
    phdr={Algorithm: EdDSA, KID: kid, 16: "application/zz-license+cbor"},
    uhdr={},
    payload=cbor2.dumps(payload),
)
msg.key = OKPKey(crv=Ed25519, x=pk, d=sk)
cose = msg.encode(tag=True)
assert cose[0] == 0xD2

B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def base45(data):
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        c, n = n % 45, n // 45
        d, e = n % 45, n // 45
        out += [B45[c], B45[d], B45[e]]
    if len(data) % 2:
        out += [B45[data[-1] % 45], B45[data[-1] // 45]]
    return "".join(out)


Path(str(out) + ".zzl").write_bytes(cose)
Path(str(out) + ".txt").write_text("ZZ1:" + base45(zlib.compress(cose, 9)) + "\n")
print("pycose signed", ident)
