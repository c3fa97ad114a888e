#!/usr/bin/env bash
# The benchmarks of the README, rerunnable: core verify vs bare verify_strict
# (criterion and an interleaved ratio), the 10^7-entry status list, and
# `zz verify` throughput over 10^4 licenses next to pycose.
# `scripts/bench.sh quick` skips criterion.
source "$(dirname "$0")/lib.sh"
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

if [ "${1:-}" != quick ]; then
  step "criterion: cargo bench -p zz-core --bench verify"
  cargo bench --locked -p zz-core --bench verify 2>&1 | grep -E "^[a-z].*/|time:" | tee "$OUT/criterion.txt"
fi

step "interleaved ratio: full verify / bare verify_strict"
cargo run --locked --release -q -p zz-core --example ratio | tee "$OUT/ratio.txt"

step "status list of 10^7 entries"
cargo run --locked --release -q -p zz-core --example status_memory | tee "$OUT/status.txt"

step "image limits: zz qr decode on the largest and on hostile images (time, peak memory)"
cargo build --locked --release -q -p zz-cli
cargo run --locked --release -q -p zz-qr --example image_limits "$OUT/images" > /dev/null
for f in "$OUT"/images/*; do
  /usr/bin/time -f "$(basename "$f") ($(stat -c %s "$f") bytes): %e s, peak RSS %M KB, exit %x" \
    "$ROOT/target/release/zz" qr decode "$f" > /dev/null 2> "$OUT/image.err" || true
  tail -1 "$OUT/image.err"
done | tee "$OUT/images.txt"

step "zz verify over 10^4 licenses"
cargo build --locked --release -q -p zz-cli
ZZ="$ROOT/target/release/zz"
rm -rf "$OUT/demo" "$OUT/licenses"
"$ZZ" demo "$OUT/demo" 2>/dev/null
cargo run --locked --release -q -p zz-issuer --example bench_licenses "$OUT/licenses" 10000
ensure_python
"$PY" - "$ZZ" "$OUT" <<'PY' | tee "$OUT/throughput.txt"
import glob, os, subprocess, sys, time
zz, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(out, "licenses", "*.zzl")))
cmd = [zz, "verify", *files, "--bundle", f"{out}/demo/trust/bundle.zzb",
       "--roots", f"{out}/demo/trust/roots.txt", "--now", "2026-11-22T09:30:00+08:00"]
runs = []
for _ in range(5):
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs.append(time.perf_counter() - t)
    assert p.returncode == 0, p.returncode
runs.sort()
med = runs[len(runs) // 2]
print(f"zz verify: {len(files)} licenses in {med:.3f} s (median of 5) = {len(files) / med:.0f} per second, "
      f"on {os.cpu_count()} cores, all valid")
PY
"$PY" tests/interop/pycose_throughput.py "$OUT/demo" "$OUT/licenses" | tee -a "$OUT/throughput.txt"

step "in Chromium: verification vs bare verify_strict, libsodium, noble; catalog search with 10^4 types; first-load size"
ensure_chromium
"$ROOT/scripts/build-web.sh" > "$OUT/build-web.log" 2>&1 || { tail -30 "$OUT/build-web.log"; exit 1; }
rm -rf "$OUT/site-big" && cp -r dist-bench "$OUT/site-big"
cargo run --locked --release -q -p zz-issuer --example big_world "$OUT/site-big" 10000
node scripts/bench-browser.mjs dist-bench "$OUT/site-big" | tee "$OUT/browser.txt"

step "QR decoding: zz-qr against zxing-wasm, jsQR, @zxing/library (Chromium) and PyPI zxing-cpp"
cargo run --locked --release -q -p zz-qr --example qr_bench_set "$OUT/qr-bench" 10
cargo run --locked --release -q -p zz-qr --example qr_bench_eval "$OUT/qr-bench" --json > "$OUT/qr-zz-native.json"
cargo run --locked --release -q -p zz-qr --example qr_camera_eval "$OUT/qr-bench" | tee "$OUT/qr-camera.txt"
"$PY" -m pip install --quiet -r tests/qr/requirements.txt
"$PY" tests/qr/zxingcpp_eval.py "$OUT/qr-bench" --json > "$OUT/qr-zxingcpp.json"
# zxing-cpp at its best (every binarizer in turn), and a second set that
# no pass was tuned on (other draws, strengths moved by up to ±20 %).
"$PY" tests/qr/zxingcpp_eval.py "$OUT/qr-bench" --best | tee "$OUT/qr-zxingcpp-best.txt"
cargo run --locked --release -q -p zz-qr --example qr_bench_set "$OUT/qr-bench-7" 10 7
cargo run --locked --release -q -p zz-qr --example qr_bench_eval "$OUT/qr-bench-7" | tee "$OUT/qr-zz-native-7.txt"
"$PY" tests/qr/zxingcpp_eval.py "$OUT/qr-bench-7" --best | tee "$OUT/qr-zxingcpp-best-7.txt"
ln -sfn "$OUT/qr-bench" dist-bench/bench/qr-set
ZXING_CPP="$OUT/qr-zxingcpp.json" ZZ_NATIVE="$OUT/qr-zz-native.json" node scripts/bench-qr.mjs dist-bench | tee "$OUT/qr.txt"
rm -f dist-bench/bench/qr-set
