"""Generates the pinyin tables of crates/zz-catalog/src/ from PyPI's pypinyin
(pinned below): the toneless readings (at most two, most common first) of
the 6,763 characters of GB 2312, which every ordinary license name is
written in. A rarer character matches a search only as itself.

- syllables.txt: every syllable, one per line, sorted (ü as v).
- pinyin.bin: a bitmap over U+4E00..U+9FFF (bit set: the character has
  readings; byte i holds bits 8i..8i+7, lowest bit first: every bitmap
  here is laid out so); then the first reading of each such character, in
  code point order, as a plane of the low 8 bits of 1 + its index in
  syllables.txt and a bitmap of bit 8 (fewer than 512 syllables); then a
  bitmap over those characters (by rank) of the ones with a second
  reading, and those readings as the same two planes. Planes, not 16-bit
  values, because they compress better: 12 KB gzip in the portal's wasm
  instead of 17.

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
assert len(syllables) < 511


def planes(values):
    """The low bytes, then a bitmap of bit 8."""
    high = bytearray((len(values) + 7) // 8)
    for i, v in enumerate(values):
        if v >> 8:
            high[i // 8] |= 1 << (i % 8)
    return bytes(v & 0xFF for v in values) + bytes(high)


bitmap = bytearray((LAST - FIRST + 1 + 7) // 8)
ordered = sorted(readings.items())
has_second = bytearray((len(ordered) + 7) // 8)
first, second = [], []
for rank, (cp, rs) in enumerate(ordered):
    o = cp - FIRST
    bitmap[o // 8] |= 1 << (o % 8)
    first.append(index[rs[0]])
    if len(rs) > 1:
        has_second[rank // 8] |= 1 << (rank % 8)
        second.append(index[rs[1]])
table = bytes(bitmap) + planes(first) + bytes(has_second) + planes(second)
src = Path(__file__).resolve().parent.parent / "crates/zz-catalog/src"
(src / "syllables.txt").write_text("\n".join(syllables) + "\n")
(src / "pinyin.bin").write_bytes(table)
print(f"{len(readings)} characters, {len(syllables)} syllables, {len(second)} with a second reading; "
      f"pinyin.bin {len(table)} bytes")
