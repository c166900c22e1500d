"""Render resources/icons/komora.svg to PNGs (256 px and smaller) with QtSvg.

    python scripts/render_icon.py

The PNGs are committed: the Linux .desktop entry, the Windows installer and window
managers without SVG support use them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (256, 128, 48)


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), b"PNG"):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # QImage painting needs an application
    svg = ICONS / "komora.svg"
    for size in SIZES:
        name = "komora.png" if size == 256 else f"komora-{size}.png"
        render(svg, size, ICONS / name)
        print(ICONS / name)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
