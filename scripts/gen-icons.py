"""Writes public/icons/icon-192.png and icon-512.png (and a maskable
variant): the shield-and-check of icon.svg, rasterised without any imaging
library. Run once; the PNGs are committed.
"""
import struct
import zlib
from pathlib import Path

BLUE, WHITE = (0x0B, 0x5C, 0xAD), (0xFF, 0xFF, 0xFF)


def inside_shield(x, y):
    # Shield of icon.svg in a 512 box: a rectangle on top, a tapering bottom.
    if y < 72 or y > 440:
        return False
    top = 72 + (128 - 72) * abs(x - 256) / 144
    if y < top or x < 112 or x > 400:
        return False
    if y <= 232:
        return True
    half = 144 * (1 - ((y - 232) / 208) ** 2) ** 0.5 if y < 440 else 0
    return abs(x - 256) <= half


def near_check(x, y):
    def dist(px, py, ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5
    return min(dist(x, y, 178, 262, 234, 318), dist(x, y, 234, 318, 338, 206)) <= 20


def pixel(x, y, maskable):
    # Maskable icons keep the content within the central 80 %.
    if maskable:
        x, y = 256 + (x - 256) / 0.8, 256 + (y - 256) / 0.8
    if near_check(x, y):
        return BLUE
    if inside_shield(x, y):
        return WHITE
    return BLUE


def png(size, maskable=False):
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            row += bytes(pixel((i + 0.5) * 512 / size, (j + 0.5) * 512 / size, maskable))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


out = Path(__file__).resolve().parent.parent / "public" / "icons"
for size in (192, 512):
    (out / f"icon-{size}.png").write_bytes(png(size))
(out / "icon-maskable-512.png").write_bytes(png(512, True))
print("wrote icons to", out)
