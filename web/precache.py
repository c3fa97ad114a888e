"""Trunk post-build hook: fills the service worker's precache list with
every file of the build (paths relative to the site) and a version that
changes with their contents."""
import hashlib
import json
import os
from pathlib import Path

staging = Path(os.environ["TRUNK_STAGING_DIR"])
# Not precached: sample files, the JS module, its example and benchmark
# pages, and trust files the portal does not load.
SKIP_DIRS = {"samples", "pkg", "example", "bench", "items"}
SKIP_FILES = {"sw.js", "bundle-outdated.zzb", "bundle-next.zzb"}
# The QR decoder is fetched when scanning starts, then kept by the
# service worker's runtime cache: not part of the first load.
SKIP_PREFIXES = ("zz-decoder",)
files = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file()
    and p.name not in SKIP_FILES
    and not p.name.startswith(SKIP_PREFIXES)
    and not SKIP_DIRS & set(p.relative_to(staging).parts)
)
digest = hashlib.sha256()
for f in files:
    digest.update(f.encode())
    digest.update((staging / f).read_bytes())
sw = staging / "sw.js"
text = sw.read_text()
text = text.replace('"__VERSION__"', json.dumps(digest.hexdigest()[:16]))
text = text.replace('["__PRECACHE__"]', json.dumps(["./"] + files))
sw.write_text(text)
print(f"precache: {len(files)} files")
