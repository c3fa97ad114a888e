"""Runs PyPI zxing-cpp over the QR benchmark set (the same grey frames zz-qr
reads) and prints per category the share of images whose every code was
read and the median time per image at 640x480 and 1280x720, as zz-qr's
`qr_bench_eval` does. With --best, zxing-cpp at its best: its binarizers
in turn (LocalAverage, its default, then GlobalHistogram, FixedThreshold
and BoolCast), each tried only when the ones before read nothing, as
zz-qr's passes are; the time is that of the whole cascade.
usage: zxingcpp_eval.py DIR [--best] [--json]
"""
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import zxingcpp

root = Path(sys.argv[1])
best = "--best" in sys.argv[2:]
BINARIZERS = [zxingcpp.Binarizer.LocalAverage]
if best:
    BINARIZERS += [zxingcpp.Binarizer.GlobalHistogram, zxingcpp.Binarizer.FixedThreshold, zxingcpp.Binarizer.BoolCast]


def read(img):
    found = []
    for b in BINARIZERS:
        found = [r.text for r in zxingcpp.read_barcodes(
            img, formats=zxingcpp.BarcodeFormat.QRCode, try_rotate=True, try_downscale=True, binarizer=b)]
        if found:
            break
    return found


rows = {}
for m in json.loads((root / "manifest.json").read_text()):
    img = np.frombuffer((root / m["gray"]).read_bytes(), dtype=np.uint8).reshape(m["height"], m["width"])
    t = time.perf_counter()
    found = read(img)
    ms = (time.perf_counter() - t) * 1e3
    row = rows.setdefault(m["category"], [0, 0, [], []])
    # Every code read; on a frame with no code, nothing.
    row[0] += all(p in found for p in m["payloads"]) and (bool(m["payloads"]) or not found)
    row[1] += 1
    row[2 if m["width"] == 640 else 3].append(ms)
out = []
for cat in sorted(rows):
    ok, total, a, b = rows[cat]
    out.append({"category": cat, "ok": ok, "total": total, "ms640": statistics.median(a), "ms1280": statistics.median(b)})
if "--json" in sys.argv[2:]:
    print(json.dumps(out))
else:
    for r in out:
        print(f"{r['category']:16} {r['ok']:3}/{r['total']:<3} {100 * r['ok'] / r['total']:5.0f} %   {r['ms640']:7.1f} ms @640x480  {r['ms1280']:7.1f} ms @1280x720")
