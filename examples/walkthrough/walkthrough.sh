#!/usr/bin/env bash
# The README's `zz` walkthrough: keys, trust data, issue, annotate, verify,
# revoke, verify again. Run from a copy of this folder: it writes keys/ and out/.
set -euo pipefail
zz=${ZZ:-zz}
NOW=2026-11-22T09:30:00+08:00
mkdir -p out
# Demo keys derived from a public seed; drop --seed for real, random keys.
for k in issuer platform status; do
  $zz keygen --seed "zz walkthrough (public seed)" --name $k --out keys/$k.json >/dev/null
done
# keygen prints the public key: that line is the roots file.
$zz keygen --seed "zz walkthrough (public seed)" --name root --out keys/root.json > out/roots.txt
# The certificate that seals the department's OFD e-licenses (a DEMO one
# here), listed in the trust list's seals by trust.toml.
$zz ofd demo-signer --org-code 11310000002417009R --org-name 上海市市场监督管理局 > out/seal-signer.pem
$zz trust trust.toml --root keys/root.json --out out/trust.zzt
$zz catalog catalog.toml --root keys/root.json --out out/catalog.zzc
$zz status create out/status.zzs --id walkthrough-1 --entries 1024 --ttl 2592000 --key keys/status.json --iat 2026-11-21T00:00:00+08:00
$zz bundle --trust out/trust.zzt --catalog out/catalog.zzc --status out/status.zzs --out out/bundle.zzb
$zz issue license.toml --key keys/issuer.json --out out/license.zzl --text out/license.txt --qr out/license.png \
  --ofd out/license.ofd --catalog catalog.toml
$zz annotate out/license.zzl annotation.toml --key keys/platform.json --out out/annotated.zzl
$zz verify out/license.zzl out/license.txt out/license.png --bundle out/bundle.zzb --roots out/roots.txt --now $NOW
$zz verify out/annotated.zzl --bundle out/bundle.zzb --roots out/roots.txt --now $NOW --matter 310000-DJ-0201
# At the organisation the copy names, presented by the agent it names: valid.
$zz verify out/annotated.zzl --bundle out/bundle.zzb --roots out/roots.txt --now $NOW --matter 310000-DJ-0201 \
  --org 12310000425016977E --applicant 310104198509230553
# At a bank, or by anyone else: invalid.
if $zz verify out/annotated.zzl --bundle out/bundle.zzb --roots out/roots.txt --now $NOW --org 91310000132500001X; then
  echo "a copy made for the land registry verified at a bank" >&2; exit 1
fi
if $zz verify out/annotated.zzl --bundle out/bundle.zzb --roots out/roots.txt --now $NOW --applicant 310104199007020176; then
  echo "a copy verified for someone who is neither the holder nor the agent" >&2; exit 1
fi
# The OFD e-license: sealed with the DEMO SM2 seal, verified, drawn,
# then tampered with (one character of the page) and verified again.
$zz ofd demo-roots > out/sm2-roots.pem
$zz verify out/license.ofd --bundle out/bundle.zzb --roots out/roots.txt --sm2-roots out/sm2-roots.pem --now $NOW
$zz ofd render out/license.ofd --svg out/license.svg --sm2-roots out/sm2-roots.pem --now $NOW
python3 - <<'PY'
import zipfile
src = zipfile.ZipFile("out/license.ofd")
with zipfile.ZipFile("out/tampered.ofd", "w", zipfile.ZIP_DEFLATED) as dst:
    for name in src.namelist():
        data = src.read(name)
        if name.endswith("Page_0/Content.xml"):
            data = data.replace("有效期限".encode(), "有效期至".encode(), 1)
        dst.writestr(name, data)
PY
if $zz verify out/tampered.ofd --bundle out/bundle.zzb --roots out/roots.txt --sm2-roots out/sm2-roots.pem --now $NOW; then
  echo "a tampered OFD file verified" >&2; exit 1
fi
# Revoke the license (status index 7) and publish a new bundle.
$zz status set out/status.zzs 7 revoked --key keys/status.json --iat 2026-11-22T09:00:00+08:00
$zz bundle --trust out/trust.zzt --catalog out/catalog.zzc --status out/status.zzs --out out/bundle.zzb
if $zz verify out/license.zzl --bundle out/bundle.zzb --roots out/roots.txt --now $NOW; then
  echo "a revoked license verified" >&2; exit 1
fi
