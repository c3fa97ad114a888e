"""Times `zz verify` over many files: the median of 5 runs, every file
valid, as files per second. For scripts/bench.sh.

usage: throughput.py WHAT ZZ GLOB [zz verify options...]
"""
import glob
import os
import subprocess
import sys
import time

what, zz, pattern, *options = sys.argv[1:]
files = sorted(glob.glob(pattern))
cmd = [zz, "verify", *files, *options]
runs = []
for _ in range(5):
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs.append(time.perf_counter() - t)
    assert p.returncode == 0, p.returncode
runs.sort()
med = runs[len(runs) // 2]
print(f"zz verify: {len(files)} {what} in {med:.3f} s (median of 5) = {len(files) / med:.0f} per second, "
      f"on {os.cpu_count()} cores, all valid")
