#!/usr/bin/env bash
# Builds everything and serves the portal with the demo world at
# http://127.0.0.1:8080 (also: /example/ for the plain JS API, /bench/ for
# the in-browser benchmark, /samples/ for the demo samples).
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/build-web.sh"
step "serving dist/ at http://127.0.0.1:8080 (Ctrl-C stops)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
