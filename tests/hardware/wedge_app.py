"""A small app for the Xvfb end-to-end test: a line edit under the real WedgeFilter.

Run as `python tests/hardware/wedge_app.py` with DISPLAY set and QT_QPA_PLATFORM=xcb.
It prints JSON lines on stdout: `{"ready": ..., "window": id}` once shown,
`{"focus": bool}` when the line edit gains or loses focus, `{"text": str}` when the
line edit changes, `{"scan": str, "t_ms": n}` and `{"notice": kind}` from the filter,
and `{"t": ms, "local_t": ms, "key": name, "press": bool, "key_text": str,
"scan_code": n, "modifiers": [...]}` for every key event the filter sees (what Qt made
of the X key, before decoding; `local_t` is when it reached the app).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QWidget

from app.hardware.scan import KeyEvent, Notice, Scan
from app.hardware.wedge_filter import WedgeFilter


def emit(message: dict[str, object]) -> None:
    print(json.dumps(message, ensure_ascii=False), flush=True)


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("komora wedge test")
    line_edit = QLineEdit()
    window.setCentralWidget(line_edit)
    window.resize(400, 80)

    wedge = WedgeFilter()
    wedge.install(app)

    def on_scan(scan: Scan) -> None:
        emit({"scan": scan.text, "t_ms": scan.t_ms})

    def on_notice(notice: Notice) -> None:
        emit({"notice": notice.kind.value})

    def on_key(key: KeyEvent) -> None:
        emit(
            {
                "t": key.t_ms,
                "local_t": time.monotonic() * 1000.0,
                "key": key.key,
                "press": key.pressed,
                "key_text": key.text,
                "scan_code": key.scan_code,
                "modifiers": sorted(key.modifiers),
            }
        )

    def on_focus(_old: QWidget | None, new: QWidget | None) -> None:
        emit({"focus": new is line_edit})

    wedge.scan_received.connect(on_scan)
    wedge.notice_raised.connect(on_notice)
    wedge.disabled.connect(lambda message: emit({"disabled": message}))
    wedge.key_seen.connect(on_key)
    line_edit.textChanged.connect(lambda text: emit({"text": text}))
    app.focusChanged.connect(on_focus)

    window.show()
    window.activateWindow()
    line_edit.setFocus()
    QTimer.singleShot(
        0,
        lambda: emit(
            {
                "ready": True,
                "platform": app.platformName(),
                "window": int(window.winId()),
            }
        ),
    )
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
