"""Generates the pinyin tables of crates/zz-catalog/src/ from PyPI's pypinyin
(pinned below): the toneless readings (at most two, most common first) of
the 6,763 characters of GB 2312, which every ordinary license name is
written in. A rarer character matches a search only as itself.

- syllables.txt: every syllable, one per line, sorted (ü as v).
- pinyin.bin: a bitmap over U+4E00..U+9FFF (bit set: the character has
  readings; byte i holds characters 8i..8i+7, lowest bit first); then for
  each such character, in code point order, two bytes (little-endian):
  1 + the index in syllables.txt of its first reading; then the second
  readings of polyphones: two bytes of the character's rank among those
  with readings, two bytes of 1 + syllable index.

usage: python3 scripts/gen-pinyin.py   (needs: pip install pypinyin==0.55.0)
"""
from pathlib import Path

from pypinyin import Style, pinyin

FIRST, LAST = 0x4E00, 0x9FFF


def in_gb2312(c):
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


readings = {}
for cp in range(FIRST, LAST + 1):
    if not in_gb2312(chr(cp)):
        continue
    got = pinyin(chr(cp), style=Style.NORMAL, heteronym=True, errors="ignore")
    seen = []
    for r in got[0] if got else []:
        r = r.lower().replace("ü", "v")
        if r.isascii() and r.isalpha() and r not in seen:
            seen.append(r)
    if seen:
        readings[cp] = seen[:2]
syllables = sorted({s for rs in readings.values() for s in rs})
index = {s: i + 1 for i, s in enumerate(syllables)}
bitmap = bytearray((LAST - FIRST + 1 + 7) // 8)
first, second = bytearray(), bytearray()
for rank, (cp, rs) in enumerate(sorted(readings.items())):
    o = cp - FIRST
    bitmap[o // 8] |= 1 << (o % 8)
    first += index[rs[0]].to_bytes(2, "little")
    if len(rs) > 1:
        second += rank.to_bytes(2, "little") + index[rs[1]].to_bytes(2, "little")
src = Path(__file__).resolve().parent.parent / "crates/zz-catalog/src"
(src / "syllables.txt").write_text("\n".join(syllables) + "\n")
(src / "pinyin.bin").write_bytes(bytes(bitmap + first + second))
print(f"{len(readings)} characters, {len(syllables)} syllables, {len(second) // 4} with a second reading; "
      f"pinyin.bin {len(bitmap) + len(first) + len(second)} bytes")
