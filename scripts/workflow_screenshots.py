"""Screenshots of the scan workflow and label printing, on the sandbox demo catalog.

    xvfb-run -a -s "-screen 0 1280x900x24" python scripts/workflow_screenshots.py
    python scripts/workflow_screenshots.py --language en --output-dir /tmp/shots

The app runs in a temporary data folder (the user's settings and catalog are not
touched). Scans are typed as key events into the window, through the real wedge
filter. Files in the output folder (default resources/screenshots/): scan-found.png,
label-queue.png, preview-thermal.png, preview-a4.png, scanner-diagnostics.png.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "resources" / "screenshots"
WINDOW_SIZE = (1200, 860)
QUEUE_HEIGHT = 270  # the label queue dock in label-queue.png
SERVER_TIMEOUT_MS = 90_000
SETTLE_MS = 600
FOUND_CODE = "4820017000024"
LABEL_CODES = ("4820017000024", "4820017000024", "5449000009067", "54491472")
EVDEV_DIGIT = {d: (11 if d == "0" else int(d) + 1) for d in "0123456789"}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--language", choices=("uk", "en"), default="uk")
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM")
        or ("xcb" if "DISPLAY" in os.environ else "offscreen"),
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def type_code(window: object, code: str) -> None:
    """A scanner's burst, 6 ms a key, as X11 key events sent to the window."""
    from PySide6.QtCore import QDateTime, QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    handle = window.windowHandle()  # type: ignore[attr-defined]
    t = QDateTime.currentMSecsSinceEpoch() % 1_000_000_000 + 1
    keys = [(getattr(Qt.Key, f"Key_{d}"), d, EVDEV_DIGIT[d] + 8) for d in code]
    keys.append((Qt.Key.Key_Return, "\r", 36))
    for key, text, scan_code in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(
                kind, key, Qt.KeyboardModifier.NoModifier, scan_code, 0, 0, text
            )
            event.setTimestamp(t)
            QApplication.sendEvent(handle, event)
            t += 2
        t += 4


def shoot(language: str, output_dir: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt, QTimer

    from app.gui.app import GuiSession, create_application
    from app.gui.scan_workflow import ScanMode
    from app.gui.settings import Settings

    output_dir.mkdir(parents=True, exist_ok=True)
    application = create_application(
        sys.argv[:1], Settings(interface_language=language)
    )
    session = GuiSession(application)
    window = session.window
    window.resize(*WINDOW_SIZE)
    scanning = session.scanning
    dock = scanning.dock
    result = {"code": 1}
    steps: list[Callable[[], None]] = []

    def grab(widget: object, name: str) -> None:
        path = output_dir / f"{name}.png"
        if not widget.grab().save(str(path)):  # type: ignore[attr-defined]
            raise SystemExit(f"could not write {path}")
        print(path)

    def next_step() -> None:
        if steps:
            QTimer.singleShot(SETTLE_MS, steps.pop(0))
        else:
            result["code"] = 0
            window.close()

    def after_scans(count: int, then: Callable[[], None]) -> None:
        left = {"n": count}

        def on_handled(_outcome: object) -> None:
            left["n"] -= 1
            if left["n"] == 0:
                scanning.workflow.scan_handled.disconnect(on_handled)
                then()

        scanning.workflow.scan_handled.connect(on_handled)

    def scan_found() -> None:
        dock.hide()
        after_scans(1, lambda: QTimer.singleShot(SETTLE_MS, grab_found))
        type_code(window, FOUND_CODE)

    def grab_found() -> None:
        grab(window, "scan-found")
        next_step()

    def fill_queue() -> None:
        dock.show()
        # Labels work: the queue pulled taller than it starts, as a person doing a
        # delivery's labels would (the app keeps that for the next start).
        window.resizeDocks([dock], [QUEUE_HEIGHT], Qt.Orientation.Vertical)
        scanning.workflow.set_mode(ScanMode.LABELS)
        after_scans(len(LABEL_CODES), lambda: QTimer.singleShot(SETTLE_MS, grab_queue))
        for delay, code in enumerate(LABEL_CODES):
            QTimer.singleShot(200 * delay, lambda code=code: type_code(window, code))

    def grab_queue() -> None:
        grab(window, "label-queue")
        next_step()

    def preview(name: str, template: str) -> Callable[[], None]:
        def start() -> None:
            dock.template_combo.setCurrentIndex(dock.template_combo.findData(template))
            dock.table.selectAll()
            dock.apply_template_button.click()
            dock.preview_dialog = None
            dock.preview()
            wait_dialog()

        def wait_dialog() -> None:
            dialog = dock.preview_dialog
            if dialog is None:
                QTimer.singleShot(100, wait_dialog)
                return
            dialog.resize(760, 720 if template.startswith("a4") else 520)
            dialog.show_page(0)
            QTimer.singleShot(SETTLE_MS, lambda: finish(dialog))

        def finish(dialog: object) -> None:
            grab(dialog, name)
            dialog.close()  # type: ignore[attr-defined]
            next_step()

        return start

    def diagnostics() -> None:
        scanning.workflow.set_mode(ScanMode.CHECK)
        panel = scanning.open_diagnostics()
        after_scans(1, lambda: QTimer.singleShot(SETTLE_MS, lambda: grab_diag(panel)))
        type_code(window, "4823090107840")

    def grab_diag(panel: object) -> None:
        grab(panel, "scanner-diagnostics")
        panel.close()  # type: ignore[attr-defined]
        next_step()

    steps.extend(
        [
            scan_found,
            fill_queue,
            preview("preview-thermal", "thermal-58x40"),
            preview("preview-a4", "a4-3x8-70x37"),
            diagnostics,
        ]
    )

    def on_server_ready(_server: object) -> None:
        panel = session.catalog_panel
        if panel is None:
            window.close()
            return
        panel.controller.sync_finished.connect(lambda *_: next_step())
        panel.controller.sync_failed.connect(lambda *_: window.close())

    session.server_ready.connect(on_server_ready)
    session.server_failed.connect(lambda *_: window.close())
    QTimer.singleShot(SERVER_TIMEOUT_MS, window.close)  # never hang a CI job
    session.start()
    window.activateWindow()
    application.qt.exec()
    return result["code"]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return shoot(args.language, args.output_dir.resolve())
    with tempfile.TemporaryDirectory(prefix="komora-shots-") as home:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=args.platform,
            KOMORA_DATA_DIR=str(Path(home) / "data"),
            KOMORA_CONFIG_DIR=str(Path(home) / "config"),
            KOMORA_LOG_DIR=str(Path(home) / "log"),
        )
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "--language",
                args.language,
                "--output-dir",
                str(args.output_dir.resolve()),
            ],
            env=env,
            cwd=ROOT,
            check=False,
        )
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
