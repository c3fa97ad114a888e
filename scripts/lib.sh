# Shared helpers of scripts/*.sh: each `ensure_*` installs one pinned tool,
# idempotently, from the package registries (never from GitHub).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CARGO_FUZZ_VERSION=0.13.2
TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen of Cargo.lock (pinned "=0.2.130" in the crates).
WASM_BINDGEN_VERSION=0.2.130
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Python with the interop tools (pycose, cbor2<6, python-stdnum), pinned.
ensure_python() {
  local venv="$ROOT/tests/.venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
  fi
  if ! cmp -s tests/interop/requirements.txt "$venv/.installed" 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
    cp tests/interop/requirements.txt "$venv/.installed"
  fi
  PY="$venv/bin/python"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_cargo_fuzz() {
  if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    # Not --locked: its lockfile pins a crate version the registry here lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# Debian's Chromium and CJK fonts (screenshots of Chinese pages).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver fonts-noto-cjk
  fi
}

# npm packages from package-lock.json: wasm-opt (binaryen), playwright-core,
# axe-core, and the libraries the browser benchmark compares with.
ensure_npm() {
  if ! cmp -s package-lock.json node_modules/.zz-installed 2>/dev/null; then
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.zz-installed
  fi
}
