"""Shared pieces of the benchmarks: percentiles, timing, the machine's description.

Not collected by pytest (`norecursedirs` excludes tests/benchmarks).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent.parent
PROFILES_DIR = BENCH_DIR / "profiles"


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (0 < fraction <= 1) of a non-empty sample."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def ms_summary(samples_s: Sequence[float], prefix: str) -> dict[str, float]:
    """median, p95, p99 and max of `samples_s` (seconds) in milliseconds."""
    ms = [s * 1000 for s in samples_s]
    return {
        f"{prefix}_median_ms": round(statistics.median(ms), 4),
        f"{prefix}_p95_ms": round(percentile(ms, 0.95), 4),
        f"{prefix}_p99_ms": round(percentile(ms, 0.99), 4),
        f"{prefix}_max_ms": round(max(ms), 4),
        f"{prefix}_count": len(ms),
    }


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import PySide6
    from PySide6 import QtCore

    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count() or 0,
        "system": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "pyside6": PySide6.__version__,
        "qt": QtCore.qVersion(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def ensure_qt_application() -> Any:
    """The QApplication of this process (offscreen when no platform is chosen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(["komora-bench"])
    return app
