"""Generates crates/zz-catalog/src/initials.bin: for each character
U+4E00..U+9FFF, two bytes: the pinyin initials (a-z) of its two most common
readings, 0 where there is none. From PyPI pypinyin (pinned below).

usage: python3 scripts/gen-pinyin.py   (needs: pip install pypinyin==0.55.0)
"""
from pathlib import Path

from pypinyin import Style, pinyin

FIRST, LAST = 0x4E00, 0x9FFF
out = bytearray()
for cp in range(FIRST, LAST + 1):
    readings = pinyin(chr(cp), style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    letters = []
    for r in readings[0] if readings else []:
        c = r[:1].lower()
        if "a" <= c <= "z" and c not in letters:
            letters.append(c)
    letters = (letters + ["\0", "\0"])[:2]
    out += bytes(ord(c) if c != "\0" else 0 for c in letters)
path = Path(__file__).resolve().parent.parent / "crates/zz-catalog/src/initials.bin"
path.write_bytes(bytes(out))
print(f"wrote {path} ({len(out)} bytes)")
