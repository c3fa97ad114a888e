#!/usr/bin/env bash
# Builds the site into dist/: the demo world, the JS module (pkg/), and the
# portal (Trunk, release: opt-level z, LTO, wasm-opt). Installs what it needs.
source "$(dirname "$0")/lib.sh"
ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_npm

step "zz and the demo world (public/demo)"
cargo build --locked --release -p zz-cli
rm -rf public/demo && ./target/release/zz demo public/demo

step "the JavaScript module (public/pkg) and the benchmark's libraries"
cargo build --locked -p zz-wasm --target wasm32-unknown-unknown --profile wasm-fast
rm -rf public/pkg
wasm-bindgen --target web --out-dir public/pkg target/wasm32-unknown-unknown/wasm-fast/zz_wasm.wasm
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  public/pkg/zz_wasm_bg.wasm -o public/pkg/zz_wasm_bg.wasm
rm -rf public/bench/vendor && mkdir -p public/bench/vendor
cp -r node_modules/libsodium node_modules/libsodium-wrappers public/bench/vendor/
cp -r node_modules/@noble/ed25519 public/bench/vendor/noble-ed25519
cp -r node_modules/@noble/hashes public/bench/vendor/noble-hashes
mkdir -p public/bench/vendor/zxing-wasm/dist public/bench/vendor/jsqr public/bench/vendor/zxing-library
cp -r node_modules/zxing-wasm/dist/iife node_modules/zxing-wasm/dist/reader public/bench/vendor/zxing-wasm/dist/
cp -r node_modules/jsqr/dist public/bench/vendor/jsqr/
cp -r node_modules/@zxing/library/umd public/bench/vendor/zxing-library/
mkdir -p public/bench/vendor/sm-crypto && cp -r node_modules/sm-crypto/dist public/bench/vendor/sm-crypto/

step "the portal (Trunk)"
trunk build --release

# What is deployed is dist/. The benchmark pages (third-party libraries)
# and the plain-HTML example go beside a copy of it, never into it.
step "dist-bench/: the site with the benchmark and example pages"
rm -rf dist-bench && cp -r dist dist-bench && cp -r public/bench public/example dist-bench/
