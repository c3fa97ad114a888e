"""Verifies the signatures of the benchmark licenses with pycose: what a
Python integrator would use instead of `zz verify` (signature only, no
trust, status or catalog checks). Prints licenses per second.

usage: pycose_throughput.py DEMO_DIR LICENSE_DIR
"""
import json
import sys
import time
from pathlib import Path

from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import Sign1Message

demo, folder = Path(sys.argv[1]), Path(sys.argv[2])
pk = bytes.fromhex(json.loads((demo / "demo-keys" / "samr.json").read_text())["publicKey"])
key = OKPKey(crv=Ed25519, x=pk)
files = sorted(folder.glob("*.zzl"))
start = time.perf_counter()
ok = 0
for f in files:
    msg = Sign1Message.decode(f.read_bytes())
    msg.key = key
    ok += msg.verify_signature()
elapsed = time.perf_counter() - start
assert ok == len(files), (ok, len(files))
print(f"pycose: {len(files)} signatures in {elapsed:.2f} s = {len(files) / elapsed:.0f} per second")
