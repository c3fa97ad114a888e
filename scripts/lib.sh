# Shared helpers of scripts/*.sh: each `ensure_*` installs one pinned tool,
# idempotently, from the package registries (never from GitHub).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CARGO_FUZZ_VERSION=0.13.2

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
