"""`komora gui` (and `komora` alone): start the desktop app.

Qt is imported only inside `run`, so `komora --help` and the other subcommands stay
free of it. `--quit-after MS` quits on its own, for smoke tests of a built app:

    QT_QPA_PLATFORM=offscreen komora gui --quit-after 3000

Test hook, off unless the variable is set: `KOMORA_TEST_DRIVER=<module>` imports that
module and calls its `attach(session)` before the session starts. The end-to-end test
(tests/e2e/driver.py) uses it to watch and steer the real app process; a normal start
never sets it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app.cli_types import int_in

TEST_DRIVER_ENV = "KOMORA_TEST_DRIVER"
NO_DISPLAY = (
    "komora: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); run it "
    "in a desktop session, or set QT_QPA_PLATFORM=offscreen for a headless check"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the sandbox demo catalog whatever the settings say",
    )
    parser.add_argument(
        "--quit-after",
        type=int_in(0),
        metavar="MS",
        help="quit after MS milliseconds (smoke tests)",
    )


def has_display(environ: dict[str, str] | None = None) -> bool:
    """False on X11/Wayland systems with no display to open and no platform chosen.

    Qt would abort there (exit status 134) with advice to reinstall the application.
    Windows and macOS always have their own platform.
    """
    environ = dict(os.environ) if environ is None else environ
    if sys.platform in ("win32", "darwin") or environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2

    from PySide6.QtCore import QTimer

    from app.gui.app import GuiSession, create_application

    application = create_application(sys.argv[:1])
    session = GuiSession(application, force_sandbox=args.demo)
    driver = os.environ.get(TEST_DRIVER_ENV)
    if driver:
        importlib.import_module(driver).attach(session)
    session.start()
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, session.window.close)
    code = application.qt.exec()
    return int(code)
