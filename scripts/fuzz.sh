#!/usr/bin/env bash
# Fuzzes decode+verify, bundle loading, QR decoding and OFD verification with cargo-fuzz
# (libFuzzer) for SECONDS each (default 60), seeded with the demo world and
# its QR codes and the real OFD files, and prints the execution counts. cargo-fuzz needs nightly
# features: RUSTC_BOOTSTRAP enables them on the stable toolchain, the only
# one on these machines.
source "$(dirname "$0")/lib.sh"
SECONDS_PER_TARGET=${1:-60}
ensure_cargo_fuzz
export RUSTC_BOOTSTRAP=1
cargo build --locked -q -p zz-cli
corpus="$ROOT/target/fuzz-corpus"
rm -rf "$corpus" && mkdir -p "$corpus/verify" "$corpus/bundle" "$corpus/ofd"
cargo run --locked -q -p zz-qr --example qr_fuzz_seeds "$corpus/qr"
"$ROOT/target/debug/zz" demo "$corpus/demo" 2>/dev/null
cp "$corpus"/demo/samples/*.zzl "$corpus"/demo/samples/*.txt "$corpus/verify/"
cp "$corpus"/demo/trust/*.zzb "$corpus/bundle/"
cp "$ROOT"/../shared/testdata/ofd/*.ofd "$corpus"/demo/samples/*.ofd "$corpus/ofd/"
for target in verify bundle qr ofd; do
  log="$ROOT/target/fuzz-$target.log"
  cargo fuzz build -O "$target"
  # QR frames of up to 32 KB (e.g. 180×180): each runs every decoding pass.
  if [ "$target" = qr ]; then max_len=32768; else max_len=131072; fi
  cargo fuzz run -O "$target" "$corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len="$max_len" -rss_limit_mb=2048 -print_final_stats=1 \
    > "$log" 2>&1 || { tail -50 "$log"; echo "fuzz target $target failed" >&2; exit 1; }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "fuzz $target: $runs executions in ${SECONDS_PER_TARGET}s ($rate exec/s), no crash"
done
