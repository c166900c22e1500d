"""Screenshots of the main window (and the Settings dialog) in both languages.

    xvfb-run -a -s "-screen 0 1280x800x24" python scripts/screenshot.py
    python scripts/screenshot.py --platform offscreen --output-dir /tmp/shots

Each language runs in its own process, since a window's text is set when it is
built. The app runs on the sandbox demo catalog in a temporary data folder, so
neither the user's settings nor their catalog are touched, and the pictures show the
same demo data on every machine. Files: `main-window-<lang>.png` and
`settings-<lang>.png` in the output folder (default resources/screenshots/).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "resources" / "screenshots"
LANGUAGES = ("uk", "en")
WINDOW_SIZE = (1200, 760)
SERVER_TIMEOUT_MS = 60_000
DEMO_BAR_CODE = "4820017000024"  # a demo product with two units, prices, barcodes
SETTLE_MS = 500  # let layouts and the first paint finish before grabbing


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM")
        or ("xcb" if "DISPLAY" in os.environ else "offscreen"),
        help="Qt platform plugin: xcb under Xvfb (default when DISPLAY is set)",
    )
    parser.add_argument("--language", choices=LANGUAGES, help="one language only")
    return parser.parse_args(argv)


def shoot(language: str, output_dir: Path) -> int:
    """In this process: start the app in `language`, grab, quit."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer

    from app.gui.app import GuiSession, create_application
    from app.gui.settings import Settings

    output_dir.mkdir(parents=True, exist_ok=True)
    application = create_application(
        sys.argv[:1], Settings(interface_language=language)
    )
    session = GuiSession(application)
    window = session.window
    window.resize(*WINDOW_SIZE)
    result = {"code": 1}

    def grab(widget: object, name: str) -> None:
        path = output_dir / f"{name}-{language}.png"
        if not widget.grab().save(str(path)):  # type: ignore[attr-defined]
            raise SystemExit(f"could not write {path}")
        print(path)

    def take_pictures() -> None:
        grab(window, "main-window")
        dialog = window.open_settings()
        QTimer.singleShot(SETTLE_MS, lambda: finish(dialog))

    def finish(dialog: object) -> None:
        grab(dialog, "settings")
        dialog.reject()  # type: ignore[attr-defined]
        result["code"] = 0
        window.close()

    def on_failure(failure: object) -> None:
        print(f"the sandbox did not start: {failure}", file=sys.stderr)
        window.close()

    def on_server_ready(_server: object) -> None:
        # The catalog panel syncs the demo catalog first; show a product when done.
        panel = session.catalog_panel
        if panel is None:
            QTimer.singleShot(SETTLE_MS, take_pictures)
            return

        def show_catalog(*_args: object) -> None:
            found = panel.catalog.search(DEMO_BAR_CODE)
            if found:
                panel.select_product(found[0].id_goods)
            QTimer.singleShot(SETTLE_MS, take_pictures)

        panel.controller.sync_finished.connect(show_catalog)
        panel.controller.sync_failed.connect(show_catalog)

    session.server_ready.connect(on_server_ready)
    session.server_failed.connect(on_failure)
    QTimer.singleShot(SERVER_TIMEOUT_MS, window.close)  # never hang a CI job
    session.start()
    application.qt.exec()
    return result["code"]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.language:
        return shoot(args.language, args.output_dir.resolve())

    failures = 0
    for language in LANGUAGES:
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
                    "--language",
                    language,
                    "--output-dir",
                    str(args.output_dir.resolve()),
                ],
                env=env,
                cwd=ROOT,
                check=False,
            )
            failures += child.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
