#!/usr/bin/env bash
# Runs the whole test suite (what CI runs). Installs what it needs.
# FUZZ_SECONDS sets the fuzzing time per target (default 60).
source "$(dirname "$0")/lib.sh"
# A one-off build keeps no incremental state: CI never reuses it, and it
# was 0.8 GB of the test step's target/ (see Cargo.toml, [profile.dev]).
export CARGO_INCREMENTAL=0

step "format"
cargo fmt --all --check

step "clippy (core lints deny unwrap/expect/panic/indexing outside tests)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "unit, integration, vector, bit-flip and CLI tests"
cargo test --workspace --locked

step "the core builds for wasm32-unknown-unknown"
ensure_wasm_target
cargo build --locked -p zz-core --target wasm32-unknown-unknown

step "the demo world"
cargo build --locked -p zz-cli
ZZ="$ROOT/target/debug/zz"
OUT="$ROOT/target/test-out"
rm -rf "$OUT" && mkdir -p "$OUT"
"$ZZ" demo "$OUT/demo"

step "interop: pycose, python-stdnum"
ensure_python
"$PY" tests/interop/pycose_verify.py "$OUT/demo"
"$PY" tests/interop/pycose_sign.py "$OUT/demo" "$OUT/pycose-license"
for f in "$OUT/pycose-license.zzl" "$OUT/pycose-license.txt"; do
  "$ZZ" verify "$f" --bundle "$OUT/demo/trust/bundle.zzb" --roots "$OUT/demo/trust/roots.txt" \
    --now 2026-11-22T09:30:00+08:00
done
# 亮证 (SPEC 13): device keys made by Python's cryptography, licenses bound
# to them by zz; presentations signed there verified here, and ours there.
LIVE="$OUT/live"
"$PY" tests/interop/presentation.py keys "$LIVE"
"$ZZ" verify "$OUT/demo/samples/valid-driving-license.zzl" --json --bundle "$OUT/demo/trust/bundle.zzb" \
  --roots "$OUT/demo/trust/roots.txt" --now 2026-11-22T09:30:00+08:00 \
  | "$PY" -c 'import json,sys; l=json.load(sys.stdin)["license"]; print(json.dumps({k: l[k] for k in ("type","no","id","holder","issuer","issued","validFrom","validTo","fields","status")}))' \
  > "$LIVE/license.json"
for kind in ed p256; do
  "$ZZ" issue "$LIVE/license.json" --key "$OUT/demo/demo-keys/traffic.json" --holder-key "$LIVE/$kind.jwk" --iat 2026-11-22T09:00:00+08:00 \
    --out "$LIVE/bound-$kind.zzl" 2> /dev/null
  "$ZZ" present "$LIVE/bound-$kind.zzl" --device-key "$LIVE/$kind.key.json" --now 2026-11-22T09:30:00+08:00 > "$LIVE/ours-$kind.txt"
done
"$PY" tests/interop/presentation.py sign "$LIVE" 1795311000
for kind in ed p256; do
  "$ZZ" verify "$LIVE/theirs-$kind.zzl" --bundle "$OUT/demo/trust/bundle.zzb" --roots "$OUT/demo/trust/roots.txt" \
    --now 2026-11-22T09:30:30+08:00
done
"$PY" tests/interop/presentation.py verify "$LIVE"
cargo run --locked -q -p zz-issuer --example demo_identifiers > "$OUT/identifiers.json"
"$PY" tests/interop/stdnum_check.py "$OUT/identifiers.json"

step "interop: SM2 and SM3 with gmssl, certificates and digests with OpenSSL 3"
cargo run --locked -q -p zz-ofd --example sm2_interop sign "$OUT/sm2"
"$PY" tests/interop/gmssl_sm2.py "$OUT/sm2"
cargo run --locked -q -p zz-ofd --example sm2_interop verify "$OUT/sm2/theirs.json"
cargo run --locked -q -p zz-ofd --example sm2_interop signed-data "$OUT/signed-data" "$PY"

step "the JS module in Node and in headless Chromium (wasm-bindgen-test)"
ensure_wasm_bindgen
ensure_chromium
cargo test --locked -p zz-wasm --target wasm32-unknown-unknown
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked -p zz-wasm --target wasm32-unknown-unknown --test api

step "build the site (portal, JS module, demo world)"
scripts/build-web.sh

step "end-to-end tests in headless Chromium (screenshots in tests/artifacts/)"
cargo run --locked --release -q -p zz-qr --example e2e_media public/demo/samples/valid-business-license.png target/e2e-media \
  "ZZ1N:$(printf "ZZ1 demo nonce!!" | od -An -tx1 | tr -d " \n" | tr a-f A-F)"
node --test --test-concurrency=1 tests/e2e/

step "fuzzing (bounded)"
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"

printf '\n\033[1mall tests passed\033[0m\n'
