"""README pictures the other screenshot scripts do not take, from the real app.

    python scripts/readme_screenshots.py                 # into resources/screenshots/
    python scripts/readme_screenshots.py --output-dir /tmp/shots --language en

It starts its own Xvfb (no xvfb-run needed) and runs `python -m app gui` on the
sandbox demo catalog in a temporary data folder, steered the way the end-to-end test
steers it (tests/e2e: XTEST key events for the scanner, the test driver for the
rest). Files written:

- unknown-scan-wizard.png: Labels mode, two known products scanned into the queue,
  then a code the catalog does not have: the add-product wizard opens over the main
  window with the code filled in (the whole screen, as a person sees it).
- delivery-labels-a4.png: the first page of the queue printed to PDF on the A4 sheet
  template (3 × 8 labels of 70 × 37 mm), rendered by poppler at 72 dpi.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.app_process import (  # noqa: E402 - after the path is set
    AppProcess,
    app_env,
    env_without_session_bus,
)
from tests.e2e.scanning import keyboard_scan  # noqa: E402
from tests.e2e.xserver import xvfb  # noqa: E402

DEFAULT_OUTPUT = ROOT / "resources" / "screenshots"
SCREEN = (1100, 700)  # the main window's own default size: no border around it
F7 = 73  # X keycode of F7 (Labels mode)
KNOWN = ("4820017000024", "9770013061206 48", "5449000000996")
UNKNOWN = "4820024700016"
SHEET = ("a4-3x8-70x37", 300)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--language", choices=("uk", "en"), default="uk")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="komora-shots-") as folder:
        home = Path(folder)
        with xvfb(*SCREEN) as x:
            env = env_without_session_bus(app_env(x.env(), home))
            settings = {"interface_language": args.language, "scanner": {"beep": False}}
            (home / "config" / "settings.json").write_text(
                json.dumps(settings), encoding="utf-8"
            )
            app = AppProcess(env, home / "app.stderr")
            try:
                started = app.expect(lambda e: e["event"] == "started", "its start")
                window = int(started["window"])
                app.command("wait_ready", codes=list(KNOWN), timeout=180)
                x.focus(window)
                app.command("wait_focus")
                x.type_keycodes([F7], gap_ms=1)
                app.expect(lambda e: e["event"] == "mode_changed", "Labels mode")
                for code in KNOWN:
                    keyboard_scan(app, x, window, code)
                since = app.mark()
                keyboard_scan(app, x, window, UNKNOWN)
                app.expect(
                    lambda e: (
                        e["event"] == "shown" and e["class"] == "AddProductWizard"
                    ),
                    "the wizard",
                    since=since,
                )
                app.command("wait_idle")
                target = args.output_dir / "unknown-scan-wizard.png"
                x.screenshot(str(target))
                print(target)

                pdf = home / "labels.pdf"
                app.command("close_wizard", code=UNKNOWN)
                app.command("export", template=SHEET[0], dpi=SHEET[1], path=str(pdf))
                sheet = args.output_dir / "delivery-labels-a4"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "72",
                        "-png",
                        "-singlefile",
                        str(pdf),
                        str(sheet),
                    ],
                    check=True,
                    timeout=120,
                )
                print(sheet.with_suffix(".png"))
            finally:
                app.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
