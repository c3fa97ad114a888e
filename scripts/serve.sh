#!/usr/bin/env bash
# Builds everything and serves the demo world at http://127.0.0.1:8080.
# (The portal comes with the WASM/Yew issue; until then this serves the
# demo world's files: trust data and samples.)
source "$(dirname "$0")/lib.sh"
step "build"
cargo build --release --locked -p zz-cli
step "demo world"
rm -rf target/site && ./target/release/zz demo target/site
step "serving target/site at http://127.0.0.1:8080 (Ctrl-C stops)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory target/site
