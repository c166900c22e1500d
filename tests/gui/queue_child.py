"""A process with the label queue dock that the tests kill with SIGKILL.

python -m tests.gui.queue_child QUEUE_FILE
    queues labels the way scans do (one per scan, a repeat adds to its row), edits a
    quantity, prints `queued` and waits on stdin for the kill.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.gui.label_queue_dock import LabelQueueDock
from app.gui.tasks import TaskRunner
from app.labels.content import LabelProduct
from app.labels.saved_queue import SavedQueue
from tests.gui import test_label_queue

WATER = replace(test_label_queue.WATER, id_goods=1)  # as if read from the catalog
PENCIL = LabelProduct(
    bar_code="4006381333931", name="Олівець", unit="шт", price=Decimal("12.50")
)


def main(queue_file: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([])
    dock = LabelQueueDock(
        TaskRunner(),
        {"template": "thermal-58x40", "dpi": "203"},
        saved=SavedQueue(Path(queue_file)),
    )
    for product in (WATER, PENCIL, WATER):
        dock.add_label(product)
    dock.model.set_quantity(1, 4)
    print("queued", flush=True)
    sys.stdin.read()  # until killed
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])
