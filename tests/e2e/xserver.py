"""A private Xvfb for the end-to-end run, and a scanner that types through XTEST.

The approach is the one tests/hardware/test_wedge_xvfb.py explains at length:
- Xvfb picks its own display number (`-displayfd`) and runs with `-noreset`, so the
  keymap set with `setxkbmap` is not undone when the last client disconnects.
- A USB scanner sends key positions, not characters, so the scanner is emulated by X
  keycode through XTEST (python-xlib's `xtest.fake_input`): keycodes 10-19 are the
  top row's 1-9 and 0, 65 is the space bar, 36 is Return.
- XTEST's `time` field makes the server itself space the keys, so the gaps the app
  sees do not depend on this process being scheduled on time on a busy machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

TOP_ROW = {str(d): 9 + d for d in range(1, 10)} | {"0": 19}  # US key positions
SPACE = 65
RETURN = 36
SCANNER_GAP_MS = 5  # a fast USB scanner; the wedge rule allows 35 ms


class XServerMissingError(RuntimeError):
    """Xvfb or an X tool the run needs is not installed."""


def scanner_keycodes(text: str) -> list[int]:
    """The X keycodes a US-positioned scanner presses for `text`, then Return."""
    codes = []
    for char in text:
        if char == " ":
            codes.append(SPACE)
        elif char in TOP_ROW:
            codes.append(TOP_ROW[char])
        else:
            raise ValueError(
                f"the emulated scanner only sends digits and spaces: {text!r}"
            )
    return [*codes, RETURN]


@dataclass
class XServer:
    """A running Xvfb: its display name and an Xlib connection for XTEST."""

    display: str
    process: subprocess.Popen[bytes]
    connection: Any = None  # Xlib.display.Display, opened lazily

    def x(self) -> Any:
        if self.connection is None:
            from Xlib import display as xdisplay

            self.connection = xdisplay.Display(self.display)
        return self.connection

    def env(self) -> dict[str, str]:
        """The environment for an X client of this server (Qt on xcb)."""
        env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def run_tool(self, *command: str) -> None:
        if shutil.which(command[0]) is None:
            raise XServerMissingError(
                f"{command[0]} is needed (packaging/system-deps.sh installs it)"
            )
        subprocess.run(command, env=self.env(), check=True, timeout=60)

    def focus(self, window_id: int) -> None:
        """Give `window_id` the keyboard focus: no window manager runs here."""
        from Xlib import X

        window = self.x().create_resource_object("window", window_id)
        window.set_input_focus(X.RevertToParent, X.CurrentTime)
        self.x().sync()

    def type_keycodes(self, keycodes: list[int], gap_ms: int = SCANNER_GAP_MS) -> None:
        """Press and release each keycode, the server spacing presses `gap_ms`."""
        from Xlib import X
        from Xlib.ext import xtest

        x = self.x()
        for keycode in keycodes:
            xtest.fake_input(x, X.KeyPress, keycode, time=gap_ms)
            xtest.fake_input(x, X.KeyRelease, keycode, time=1)
        x.sync()

    def scan(self, text: str) -> None:
        """What a USB scanner in US mode does for a barcode reading `text`."""
        self.type_keycodes(scanner_keycodes(text))

    def screenshot(self, path: str) -> None:
        """The whole screen as PNG (for the README's pictures and failure reports)."""
        from Xlib import X

        x = self.x()
        root = x.screen().root
        geometry = root.get_geometry()
        raw = root.get_image(
            0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF
        )
        from PIL import Image

        image = Image.frombytes(
            "RGB", (geometry.width, geometry.height), raw.data, "raw", "BGRX"
        )
        image.save(path)


@contextmanager
def xvfb(width: int = 1280, height: int = 900) -> Iterator[XServer]:
    """Start Xvfb on a free display, set the US keymap, stop it afterwards."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise XServerMissingError("Xvfb is not installed (Debian package xvfb)")
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [
            binary,
            "-displayfd",
            str(write_end),
            "-noreset",  # keep the keymap when setxkbmap, the last client, leaves
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    server = XServer("", process)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()  # written once the server is ready
        if not number:
            raise XServerMissingError("Xvfb did not start (no display number written)")
        server.display = f":{number}"
        server.run_tool("setxkbmap", "us")
        yield server
    finally:
        if server.connection is not None:
            server.connection.close()
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
