"""The app's start-up as `komora gui` runs it, watched for its first paints.

Run by bench_startup.py in a fresh interpreter with QT_QPA_PLATFORM=offscreen and the
KOMORA_* folders pointing at a prepared data folder (the sandbox database and the
local catalog already there). It does what `app.gui.cli.run` does, plus an event
filter that notes the wall-clock time of the main window's first paint and of the
first paint of the products table with the catalog in it, then quits and prints one
JSON line: those times, the row count and its peak resident memory at that paint and
at exit (the closing waits for the first sync, which has started meanwhile).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any


def peak_rss_kb() -> int:
    """This process's peak resident memory in KiB.

    Linux's `ru_maxrss` is not used where /proc is there: a process created by fork
    and exec starts with its parent's high-water mark (a benchmark run that already
    holds 800 MB would report 800 MB for a 200 MB app). VmHWM belongs to the new
    program's memory alone.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.gui.app import GuiSession, create_application

    application = create_application(sys.argv[:1])
    session = GuiSession(application)
    seen: dict[str, Any] = {}

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if watched is session.window and "window_paint" not in seen:
                seen["window_paint"] = time.time()
            panel = session.catalog_panel
            if (
                panel is not None
                and "catalog_paint" not in seen
                and watched is panel.table.viewport()
            ):
                seen["catalog_paint"] = time.time()
                seen["rows"] = panel.products.rowCount()
                seen["peak_rss_kb"] = peak_rss_kb()
                QTimer.singleShot(0, session.window.close)
            return False

    watch = PaintWatch()
    application.qt.installEventFilter(watch)
    QTimer.singleShot(60_000, session.window.close)
    session.start()
    application.qt.exec()
    application.qt.removeEventFilter(watch)
    seen["exit_peak_rss_kb"] = peak_rss_kb()
    seen["exit_ru_maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(seen), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
