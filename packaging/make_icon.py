"""Write packaging/windows/komora.ico from resources/icons/komora.png (Pillow).

The .ico is committed, so a Windows build needs nothing but PyInstaller and Inno
Setup; run this again after the PNG changes:

    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "komora.png"
TARGET = ROOT / "packaging" / "windows" / "komora.ico"

# Windows picks from these: 16 and 32 for title bars and lists, 48 for the desktop,
# 256 for large icon views (stored PNG-compressed inside the .ico).
SIZES = ((16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256))


def make_icon(source: Path = SOURCE, target: Path = TARGET) -> Path:
    with Image.open(source) as image:
        if image.size != (256, 256):
            raise SystemExit(f"{source} is {image.size}; the .ico needs a 256x256 PNG")
        image.convert("RGBA").save(target, format="ICO", sizes=list(SIZES))
    return target


if __name__ == "__main__":
    print(make_icon())
    sys.exit(0)
