#!/usr/bin/env python3
"""Writes the web app's icons (wwwroot/icons/icon-192.png and icon-512.png) with nothing but the
standard library: a green square with a light sprout, legible at launcher size. Run it again only
to change the design; the PNGs are committed (docs/decisions/036-offline-field-work.md)."""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/HakuWinay.Contests.Web/wwwroot/icons"
GREEN, LIGHT, SOIL = (25, 110, 60), (235, 245, 225), (120, 80, 40)


def pixel(x: float, y: float) -> tuple:
    # Coordinates in 0..1. A stem, two leaves (ellipses) and a strip of soil.
    if y > 0.78:
        return SOIL
    if abs(x - 0.5) < 0.03 and 0.35 < y <= 0.78:
        return LIGHT
    for cx, cy in ((0.36, 0.42), (0.64, 0.34)):
        if ((x - cx) / 0.15) ** 2 + ((y - cy) / 0.08) ** 2 <= 1:
            return LIGHT
    return GREEN


def png(size: int) -> bytes:
    rows = b"".join(b"\x00" + b"".join(bytes(pixel((i + 0.5) / size, (j + 0.5) / size)) for i in range(size)) for j in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (OUT / f"icon-{size}.png").write_bytes(png(size))
