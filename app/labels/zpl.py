"""ZPL II output for Zebra-compatible thermal printers.

Each label is rendered at the printer's resolution and sent as one graphic field
(`^GFA`), so every bar lands on exactly the dots the layout chose and Cyrillic text
needs no printer font. The data goes to a file or to the printer's raw TCP port.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.labels.errors import OutputError

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

logger = logging.getLogger(__name__)

RAW_PORT = 9100
SEND_TIMEOUT_S = 10.0
# Grey levels below this print as a dot (the renderer draws pure black on white).
INK_THRESHOLD = 128
_TO_BITS = bytes(ord("1") if v < INK_THRESHOLD else ord("0") for v in range(256))


def mono_rows(grey: bytes, width: int, height: int, stride: int) -> bytes:
    """8-bit grey rows -> packed 1-bit rows, MSB first, 1 = dot, padded to bytes."""
    row_bytes = (width + 7) // 8
    out = bytearray()
    for y in range(height):
        row = grey[y * stride : y * stride + width].translate(_TO_BITS)
        bits = row.ljust(row_bytes * 8, b"0")
        out += int(bits, 2).to_bytes(row_bytes, "big")
    return bytes(out)


def label_zpl(bitmap: bytes, width: int, height: int, copies: int = 1) -> str:
    """One label: the whole label as a `^GFA` graphic field at the home position."""
    # FIXME(zpl): the field is plain hex, about 37 KB for a 58 × 40 mm label at
    # 203 dpi; Zebra's :Z64 (zlib + base64) form would cut that tenfold. Darkness and
    # print speed (~SD, ^PR) are left at the printer's settings.
    row_bytes = (width + 7) // 8
    if len(bitmap) != row_bytes * height:
        raise ValueError(
            f"bitmap is {len(bitmap)} bytes; {row_bytes * height} expected"
        )
    total = len(bitmap)
    return (
        "^XA\n"
        "^LH0,0\n"
        f"^PW{width}\n"
        f"^LL{height}\n"
        f"^FO0,0^GFA,{total},{total},{row_bytes},{bitmap.hex().upper()}^FS\n"
        f"^PQ{copies}\n"
        "^XZ\n"
    )


def image_to_zpl(image: QImage, copies: int = 1) -> str:
    """A QImage (any format) of one label at the printer's DPI as a ZPL label."""
    from PySide6.QtGui import QImage

    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    bitmap = mono_rows(data, grey.width(), grey.height(), grey.bytesPerLine())
    return label_zpl(bitmap, grey.width(), grey.height(), copies)


def write_zpl(labels: Sequence[str], path: Path) -> None:
    try:
        path.write_text("".join(labels), encoding="ascii")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error}", path=str(path)) from error
    logger.info("wrote %d ZPL label(s) to %s", len(labels), path)


def send_zpl(
    labels: Sequence[str],
    host: str,
    port: int = RAW_PORT,
    timeout: float = SEND_TIMEOUT_S,
) -> None:
    """Send to a printer's raw port; raises OutputError naming the printer."""
    data = "".join(labels).encode("ascii")
    try:
        with socket.create_connection((host, port), timeout=timeout) as connection:
            connection.sendall(data)
    except OSError as error:
        raise OutputError(
            f"cannot send labels to the printer at {host}:{port}: {error}; check that "
            "it is on, on the network, and takes raw ZPL on that port",
            host=host,
            port=port,
        ) from error
    logger.info(
        "sent %d ZPL label(s) (%d bytes) to %s:%d", len(labels), len(data), host, port
    )
