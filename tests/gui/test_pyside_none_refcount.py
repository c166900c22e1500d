"""Guard against the PySide6 6.12.0 reference leak on None.

PySide6 6.12.0 on Python 3.11 drops one reference to None each time a Qt method that
returns nothing (void in C++) is called from Python. None's count falls until the
interpreter frees it and aborts with "none_dealloc", typically after a few thousand
calls, so the app dies minutes after start. 6.11.3 is sound; pyproject pins <6.12.
These tests make the calls in a child process, so a bad PySide6 kills the child and
not the test run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import PySide6

CALLS = 20_000

_CHILD = textwrap.dedent(
    """
    import json, os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    obj = QObject()
    widget = QWidget()
    calls = int(sys.argv[1])
    before = sys.getrefcount(None)
    for i in range(calls):
        # both return void in C++, so PySide hands back None each time
        obj.setObjectName("n")
        widget.setEnabled(i % 2 == 0)
    after = sys.getrefcount(None)
    print(json.dumps({"before": before, "after": after}))
    """
)


def test_installed_pyside_is_below_the_leaking_release() -> None:
    version = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    assert version < (6, 12), (
        f"PySide6 {PySide6.__version__} is installed; 6.12.0 loses a reference to None "
        "on every Qt call that returns nothing and aborts with 'none_dealloc' after a "
        "few thousand calls. Install PySide6-Essentials<6.12 (6.11.3 is sound)."
    )


def test_void_qt_calls_keep_the_reference_to_none() -> None:
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(CALLS)],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert child.returncode == 0, (
        f"{2 * CALLS} void Qt calls crashed the interpreter (exit {child.returncode}); "
        f"this is the PySide6 6.12.0 'none_dealloc' bug. stderr: {child.stderr[-2000:]}"
    )
    counts = json.loads(child.stdout.strip().splitlines()[-1])
    lost = counts["before"] - counts["after"]
    # a sound build may move the count by a handful (caches, interned objects); the
    # bug loses one per call, tens of thousands here
    assert lost < 100, (
        f"None lost {lost} references over {2 * CALLS} void Qt calls: the PySide6 "
        "6.12.0 reference leak on None"
    )
