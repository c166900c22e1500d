"""The serial scanner in the app: `SerialReader` run in a QThread, reported by signals.

Signals (payloads are frozen dataclasses, delivered on the thread that owns the
`SerialScanner`, normally the GUI thread):
- `scan_received(Scan)`
- `notice_raised(Notice)`
- `status_changed(SerialStatus)`: connecting, connected, disconnected, failed, stopped
- `bytes_received(SerialRead)`: raw reads, for the diagnostics panel
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.hardware.ports import PortLister, system_ports
from app.hardware.scan import Notice, Scan, SerialSettings
from app.hardware.serial_reader import (
    RESCAN_INTERVAL_S,
    PortOpener,
    SerialRead,
    SerialReader,
    SerialState,
    SerialStatus,
    open_port,
)

logger = logging.getLogger(__name__)

STOP_WAIT_MS = 3000


class _SerialWorker(QObject):
    """Lives in the reader thread; turns listener calls into (queued) signals."""

    scan_received = Signal(object)
    notice_raised = Signal(object)
    status_changed = Signal(object)
    bytes_received = Signal(object)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.reader: SerialReader | None = None

    # SerialListener
    def scan(self, scan: Scan) -> None:
        self.scan_received.emit(scan)

    def notice(self, notice: Notice) -> None:
        self.notice_raised.emit(notice)

    def status(self, status: SerialStatus) -> None:
        self.status_changed.emit(status)

    def raw(self, read: SerialRead) -> None:
        self.bytes_received.emit(read)

    @Slot()
    def run(self) -> None:
        reader = self.reader
        try:
            if reader is not None:
                reader.run()
        except Exception as error:
            logger.exception("serial reader failed")
            device = reader.device if reader is not None else ""
            self.status_changed.emit(
                SerialStatus(
                    SerialState.FAILED,
                    device,
                    f"Reading the scanner on {device} failed: {error}. The details "
                    "are in the log.",
                )
            )
        finally:
            self.finished.emit()


class SerialScanner(QObject):
    """One serial scanner; `start()` opens and reads in a thread, `stop()` ends it.

    Signals: `scan_received(Scan)`, `notice_raised(Notice)`,
    `status_changed(SerialStatus)` and `bytes_received(SerialRead)`.
    """

    scan_received = Signal(object)
    notice_raised = Signal(object)
    status_changed = Signal(object)
    bytes_received = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        port_lister: PortLister = system_ports,
        opener: PortOpener = open_port,
        rescan_interval_s: float = RESCAN_INTERVAL_S,
    ) -> None:
        super().__init__(parent)
        self._port_lister = port_lister
        self._opener = opener
        self._rescan_interval_s = rescan_interval_s
        self._thread: QThread | None = None
        self._worker: _SerialWorker | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self, settings: SerialSettings) -> None:
        """Open `settings.port` and read until `stop()` (restarts if running)."""
        self.stop()
        worker = _SerialWorker()
        worker.reader = SerialReader(
            settings,
            worker,
            port_lister=self._port_lister,
            opener=self._opener,
            rescan_interval_s=self._rescan_interval_s,
        )
        thread = QThread()
        thread.setObjectName(f"serial-{settings.port}")
        worker.moveToThread(thread)
        worker.scan_received.connect(self.scan_received)
        worker.notice_raised.connect(self.notice_raised)
        worker.status_changed.connect(self.status_changed)
        worker.bytes_received.connect(self.bytes_received)
        worker.finished.connect(thread.quit)
        # Deleted in its own thread as that thread ends; afterwards it has no loop.
        thread.finished.connect(worker.deleteLater)
        thread.started.connect(worker.run)
        self._thread, self._worker = thread, worker
        logger.info("starting serial scanner on %s", settings.port)
        thread.start()

    def stop(self) -> None:
        """Orderly stop: flag and cancel the read, end the loop, wait for the thread."""
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is None or worker is None:
            return
        if worker.reader is not None:
            worker.reader.stop()
        thread.quit()
        if not thread.wait(STOP_WAIT_MS):
            logger.error("serial reader thread did not stop within %d ms", STOP_WAIT_MS)
            return
        thread.deleteLater()
