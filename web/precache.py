"""Trunk post-build hook: puts the Content-Security-Policy in index.html
(with the hash of each inline script Trunk wrote), then fills the service
worker's precache list with every file of the build (paths relative to the
site) and a version that changes with their contents."""
import base64
import hashlib
import json
import os
import re
from pathlib import Path

staging = Path(os.environ["TRUNK_STAGING_DIR"])

# The policy of SECURITY.md (deployments should also send it, with
# frame-ancestors, as a header): scripts only from the site and the inline
# loader Trunk writes (by hash), wasm compiled, nothing fetched from
# elsewhere (license data never leaves the device), no plugins, no <base>.
index = staging / "index.html"
html = index.read_text()
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'" for body in inline
)
policy = "; ".join([
    "default-src 'self'",
    f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
])
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
html = re.sub(r"(<meta charset[^>]*>)", lambda m: m.group(1) + "\n    " + meta, html, count=1)
assert meta in html, "index.html has no <meta charset>"
# Chromium ignores `integrity` on a preload fetched as `fetch` (the wasm)
# and warns about it on every load (crbug.com/981419): it protects nothing
# there, so it is left out; the module script and CSS keep theirs.
def no_fetch_integrity(tag):
    t = tag.group(0)
    if re.search(r'\brel="?preload\b', t) and re.search(r'\bas="?fetch\b', t):
        t = re.sub(r'\s+integrity=("[^"]*"|[^\s>]+)', "", t)
    return t
html = re.sub(r"<link\b[^>]*>", no_fetch_integrity, html)
index.write_text(html)
(staging / "csp.txt").write_text(policy + "\n")
print(f"csp: {len(inline)} inline script(s) hashed")
# The workers (the QR decoder and the OFD verifier: NAME.js and its wasm,
# which Trunk names without a hash): renamed by content, and each loader,
# which keeps its name, pointed at the new names. The loader's content then
# changes with any worker change, and so does the service worker's version
# below: a fix reaches every client.
for worker in ["zz-decoder", "zz-ofd"]:
    worker_files = [staging / f"{worker}.js", staging / f"{worker}_bg.wasm"]
    loader = staging / f"{worker}_loader.js"
    if all(f.exists() for f in worker_files) and loader.exists():
        h = hashlib.sha256()
        for f in worker_files:
            h.update(f.read_bytes())
        tag = h.hexdigest()[:16]
        text = loader.read_text()
        for f in worker_files:
            hashed = f.name.replace(worker, f"{worker}-{tag}", 1)
            assert f.name in text, f"{loader.name} does not name {f.name}"
            text = text.replace(f.name, hashed)
            f.rename(staging / hashed)
        # wasm-bindgen's init takes one object now; the path alone is
        # deprecated and warned about in every worker.
        text = re.sub(r"""wasm_bindgen\((["'][^"']*["'])\)""", r"wasm_bindgen({ module_or_path: \1 })", text)
        assert "module_or_path" in text, f"{loader.name}: no wasm_bindgen call to rewrite"
        loader.write_text(text)
        print(f"{worker}: content tag {tag}")

# The staff pages (counter, log, settings, objection request): a second
# program, loaded on the main thread the first time one is opened. Trunk
# builds it like a worker (no-modules JS and its wasm); renamed by content,
# and a loader that keeps its name is written for the portal to add.
staff = [staging / "zz-staff.js", staging / "zz-staff_bg.wasm"]
if all(f.exists() for f in staff):
    h = hashlib.sha256()
    for f in staff:
        h.update(f.read_bytes())
    tag = h.hexdigest()[:16]
    js, wasm = (f.name.replace("zz-staff", f"zz-staff-{tag}", 1) for f in staff)
    for f, name in zip(staff, (js, wasm)):
        f.rename(staging / name)
    (staging / "zz-staff_loader.js").write_text(
        "// Loads the portal's staff pages (written by web/precache.py).\n"
        "(() => {\n"
        "  const s = document.createElement(\"script\");\n"
        f"  s.src = \"./{js}\";\n"
        f"  s.onload = () => wasm_bindgen({{ module_or_path: \"./{wasm}\" }})\n"
        "    .then(() => window.dispatchEvent(new Event(\"zz-staff-ready\")));\n"
        "  document.head.append(s);\n"
        "})();\n"
    )
    print(f"zz-staff: content tag {tag}")

# Not precached: sample files, the JS module, its example and benchmark
# pages, and trust files the portal does not load.
SKIP_DIRS = {"samples", "pkg", "example", "bench", "items", "zhejiang-shared-kid"}
SKIP_FILES = {"sw.js", "bundle-outdated.zzb", "bundle-next.zzb", "bundle-duplicate-seal.zzb", "csp.txt"}
# The QR decoder (fetched when scanning starts), the OFD worker (fetched
# when an OFD file arrives) and the staff pages (when one is opened), then
# kept by the service worker's runtime cache: not part of the first load.
SKIP_PREFIXES = ("zz-decoder", "zz-ofd", "zz-staff")
files = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file()
    and p.name not in SKIP_FILES
    and not p.name.startswith(SKIP_PREFIXES)
    and not SKIP_DIRS & set(p.relative_to(staging).parts)
)
digest = hashlib.sha256()
# The version covers what is fetched later too (the decoder, the OFD
# worker, the staff pages): a change of any of them reaches every client.
versioned = files + sorted(p.name for p in staging.iterdir() if p.is_file() and p.name.startswith(SKIP_PREFIXES))
for f in versioned:
    digest.update(f.encode())
    digest.update((staging / f).read_bytes())
sw = staging / "sw.js"
text = sw.read_text()
text = text.replace('"__VERSION__"', json.dumps(digest.hexdigest()[:16]))
text = text.replace('["__PRECACHE__"]', json.dumps(["./"] + files))
sw.write_text(text)
print(f"precache: {len(files)} files")
