"""Scan to screen: from the terminator key of a scanner burst to the product shown.

    .venv/bin/python -m tests.benchmarks.bench_scan [--products N] [--scans N]

The real main window (offscreen Qt) is built by `app.gui.app.GuiSession` with the
local catalog of N products (default 100,000) in place; its server is a loopback
port that refuses connections, so the first sync fails at once and nothing changes
the catalog. Each scan is a synthetic burst of key events, 5 ms apart by their
timestamps, delivered to the window as the platform would, through the real
`WedgeFilter` and `ScanWorkflow` (journal write and lookup on the workflow's
thread, then `CatalogPanel.show_product_for_scan`). The clock starts when the
terminator key is sent and stops when the workflow has announced the product as
found and the window has been repainted with it. `QWidget.repaint()` of the whole
window is an upper bound on the next frame (which paints only what changed); the
time up to the announcement is reported too (`scan_to_handled_*`).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import ensure_qt_application, ms_summary

TARGET_P95_MS = 16.0
SCANS = 200
WARM_UP = 10
KEY_GAP_MS = 5
TIMEOUT_MS = 10_000
_DIGIT_SCAN_CODES = {str(d): 1 + d + 8 for d in range(1, 10)} | {"0": 19}
_RETURN_SCAN_CODE = 36


class _Refused:
    """A 'sandbox' whose port refuses connections (for `GuiSession`)."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.token = "bench"

    def close(self) -> None:
        pass


class _Keys:
    """Key events with increasing timestamps, as a wedge scanner types them."""

    def __init__(self) -> None:
        self.t_ms = 10_000

    def event(self, press: bool, key: Any, text: str, scan_code: int) -> Any:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent

        event = QKeyEvent(
            QEvent.Type.KeyPress if press else QEvent.Type.KeyRelease,
            key,
            Qt.KeyboardModifier.NoModifier,
            scan_code,
            0,
            0,
            text,
            False,
        )
        event.setTimestamp(int(self.t_ms))
        return event

    def burst(self, code: str) -> tuple[list[Any], Any, Any]:
        """(digit events, the terminator's press, its release)."""
        from PySide6.QtCore import Qt

        self.t_ms += 2000  # well apart from the previous scan
        events = []
        for digit in code:
            key = Qt.Key(Qt.Key.Key_0.value + int(digit))
            scan_code = _DIGIT_SCAN_CODES[digit]
            events.append(self.event(True, key, digit, scan_code))
            self.t_ms += 1
            events.append(self.event(False, key, digit, scan_code))
            self.t_ms += KEY_GAP_MS - 1
        press = self.event(True, Qt.Key.Key_Return, "\r", _RETURN_SCAN_CODE)
        self.t_ms += 1
        release = self.event(False, Qt.Key.Key_Return, "\r", _RETURN_SCAN_CODE)
        return events, press, release


def run(
    products: int = 100_000,
    scans: int = SCANS,
    catalog_path: Path | None = None,
    barcodes: list[str] | None = None,
) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.gui.app import GuiSession, create_application
    from app.gui.catalog_panel import catalog_path as panel_catalog_path
    from app.gui.scan_workflow import OutcomeKind
    from app.gui.settings import Settings, TokenStore
    from tests.benchmarks.catalog_gen import build_catalog

    ensure_qt_application()
    with tempfile.TemporaryDirectory() as tmp:
        if catalog_path is None or barcodes is None:
            generated = build_catalog(Path(tmp) / "catalog.sqlite3", products=products)
            catalog_path, barcodes = generated.path, generated.barcodes
        refused = _Refused()
        target = panel_catalog_path(refused.base_url, "uk", is_sandbox=True)
        shutil.copyfile(catalog_path, target)

        application = create_application(["komora-bench"], Settings())
        session = GuiSession(
            application,
            token_store=TokenStore(),
            sandbox_starter=lambda _path: refused,
        )
        session.start()
        loop = QEventLoop()
        session.server_ready.connect(lambda _server: loop.quit())
        QTimer.singleShot(TIMEOUT_MS, loop.quit)
        loop.exec()
        panel = session.catalog_panel
        if panel is None:
            raise RuntimeError("the catalog panel was not mounted")
        window = session.window
        window.activateWindow()
        QApplication.processEvents()
        handle = window.windowHandle()
        workflow = session.scanning.workflow

        outcomes: list[Any] = []
        handled_at: list[float] = []
        waiting = QEventLoop()

        def on_handled(outcome: Any) -> None:
            handled_at.append(time.perf_counter())
            outcomes.append(outcome)
            waiting.quit()

        workflow.scan_handled.connect(on_handled)  # after the banner and the beeper
        give_up = QTimer()  # one timer, stopped after each wait: no stale quits
        give_up.setSingleShot(True)
        give_up.setInterval(TIMEOUT_MS)
        give_up.timeout.connect(waiting.quit)
        rng = random.Random(11)
        keys = _Keys()
        samples = []
        to_handled = []
        failures = []
        for number in range(WARM_UP + scans):
            code = rng.choice(barcodes)
            digits, press, release = keys.burst(code)
            for event in digits:
                QApplication.sendEvent(handle, event)
            outcomes.clear()
            handled_at.clear()
            started = time.perf_counter()
            QApplication.sendEvent(handle, press)
            if not outcomes:
                give_up.start()
                waiting.exec()
                give_up.stop()
            window.repaint()
            elapsed = time.perf_counter() - started
            QApplication.sendEvent(handle, release)
            found = outcomes and outcomes[0].kind is OutcomeKind.FOUND
            shown = panel.current_product_id()
            if not found or shown is None or outcomes[0].id_goods != shown:
                failures.append((code, [o.kind.value for o in outcomes], shown))
                continue
            if number >= WARM_UP:
                samples.append(elapsed)
                to_handled.append(handled_at[0] - started)

        window.close()
        QApplication.processEvents()
        if not samples:
            raise RuntimeError(f"no scan was shown: {failures[:3]}")
    return {
        **ms_summary(samples, "scan_to_screen"),
        # Up to the workflow's announcement, before the window is repainted.
        **ms_summary(to_handled, "scan_to_handled"),
        "scan_to_screen_failures": len(failures),
        "scan_to_screen_failure_examples": [str(f) for f in failures[:3]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--scans", type=int, default=SCANS)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.products, args.scans), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
