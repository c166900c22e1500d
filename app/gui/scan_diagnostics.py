"""Scanner diagnostics: raw keys and bytes with their timing, and what was decoded.

A non-modal window (Tools → Scanner diagnostics) listing, while it is open, every key
the wedge filter sees and every read from the serial scanner, each with the time since
the previous one of its kind, then the scans and notices decoded from them. "Record"
writes the same raw events to a komora-scan-recording file (`ScanRecorder`) that
`python -m app scanner replay FILE` decodes again.

Also here: the translated words for scanner notices and serial states, which the
status bar uses too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.hardware.errors import (
    ScannerPermissionDenied,
    ScannerPortBusy,
    ScannerPortNotFound,
)
from app.hardware.recording import RecordingWriter, ScanRecorder
from app.hardware.scan import KeyEvent, Notice, NoticeKind, Scan, ScanSource
from app.hardware.serial_reader import SerialRead, SerialState, SerialStatus
from app.hardware.serial_scanner import SerialScanner
from app.hardware.wedge_filter import WedgeFilter

logger = logging.getLogger(__name__)

MAX_LINES = 5000


def notice_text(notice: Notice) -> str:
    texts = {
        NoticeKind.LAYOUT_MISMATCH: QCoreApplication.translate(
            "ScannerNotices",
            "The scanner's keys could not be read with the active keyboard layout. "
            "Set the scanner to the computer's layout, or switch the computer to "
            "the scanner's (usually US English).",
        ),
        NoticeKind.NUMLOCK_OFF: QCoreApplication.translate(
            "ScannerNotices",
            "The scanner sent keypad keys while NumLock is off, so the code arrived "
            "as arrow keys. Turn NumLock on, or set the scanner to send normal "
            "number keys.",
        ),
        NoticeKind.CAPS_LOCK: QCoreApplication.translate(
            "ScannerNotices",
            "Caps Lock is on: the scanner's letters arrive in the wrong case. Turn "
            "Caps Lock off.",
        ),
        NoticeKind.GARBLED_SERIAL: QCoreApplication.translate(
            "ScannerNotices",
            "The serial scanner sent data that cannot be a barcode. Check that the "
            "baud rate, data bits, parity and stop bits match the scanner's (often "
            "9600 8N1).",
        ),
    }
    return texts.get(notice.kind, notice.message)


def serial_state_text(status: SerialStatus) -> str:
    """Short words for the status bar: "serial /dev/ttyACM0 connected"."""
    words = {
        SerialState.CONNECTING: QCoreApplication.translate(
            "ScannerStatus", "%1: connecting…"
        ),
        SerialState.CONNECTED: QCoreApplication.translate("ScannerStatus", "%1: ready"),
        SerialState.DISCONNECTED: QCoreApplication.translate(
            "ScannerStatus", "%1: unplugged, waiting"
        ),
        SerialState.FAILED: QCoreApplication.translate(
            "ScannerStatus", "%1: not working"
        ),
        SerialState.STOPPED: QCoreApplication.translate("ScannerStatus", "%1: off"),
    }
    return words[status.state].replace("%1", status.port or "?")


def serial_failure_text(status: SerialStatus) -> str:
    """A sentence the user can act on, by the error's type."""
    error = status.error
    port = status.port or "?"
    if isinstance(error, ScannerPermissionDenied):
        return QCoreApplication.translate(
            "ScannerStatus",
            "You may not open the serial port %1. Add your user to the 'dialout' "
            "group (Debian, Ubuntu, Fedora) or 'uucp' (Arch): sudo usermod -aG "
            "dialout $USER, then log out and in again.",
        ).replace("%1", port)
    if isinstance(error, ScannerPortBusy):
        return QCoreApplication.translate(
            "ScannerStatus",
            "The serial port %1 is in use by another program. Close it and try again.",
        ).replace("%1", port)
    if isinstance(error, ScannerPortNotFound):
        return QCoreApplication.translate(
            "ScannerStatus",
            "There is no serial port %1. Plug the scanner in or choose its port in "
            "Settings → Scanner.",
        ).replace("%1", port)
    if status.state is SerialState.DISCONNECTED:
        return QCoreApplication.translate(
            "ScannerStatus",
            "The scanner on %1 was unplugged; it is used again as soon as it is back.",
        ).replace("%1", port)
    return QCoreApplication.translate(
        "ScannerStatus",
        "The serial scanner on %1 does not work. The details are in the log.",
    ).replace("%1", port)


def recording_platform() -> str:
    name = QGuiApplication.platformName()
    if name.startswith("wayland"):
        return "wayland"
    if name == "windows":
        return "windows"
    return "xcb"


def _printable(data: bytes) -> str:
    return "".join(chr(b) if 32 <= b < 127 else "·" for b in data)


class ScanDiagnostics(QDialog):
    """The raw scanner traffic and its decoding; see the module docstring.

    `serial` may be None (no serial scanner); `ask_path` asks where to record
    (tests answer directly).
    """

    def __init__(
        self,
        wedge: WedgeFilter | None,
        serial: SerialScanner | None,
        parent: QWidget | None = None,
        *,
        ask_path: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scanDiagnostics")
        self.setWindowTitle(self.tr("Scanner diagnostics"))
        self._wedge = wedge
        self._serial = serial
        self._ask_path = ask_path or self._ask_recording_path
        self._last_key_ms: float | None = None
        self._last_read_ms: float | None = None
        self._connected = False
        self.recorder: ScanRecorder | None = None
        self.recording_path: Path | None = None

        self.log = QPlainTextEdit()
        self.log.setObjectName("diagnosticsLog")
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(MAX_LINES)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.hint = QLabel(
            self.tr(
                "Scan a barcode: each key or serial read is listed with the time "
                "since the previous one, then the scan decoded from them. Scanner "
                "keys come a few milliseconds apart; typing, a hundred or more."
            )
        )
        self.hint.setWordWrap(True)
        self.record_button = QPushButton(self.tr("&Record to file…"))
        self.record_button.setObjectName("recordButton")
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.recording_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.clear_button)
        row.addWidget(self.recording_label, 1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.log, 1)
        layout.addLayout(row)
        self.resize(820, 520)

        self.record_button.clicked.connect(self._on_record_clicked)
        self.clear_button.clicked.connect(self.log.clear)
        self.close_button.clicked.connect(self.close)

    # --- listening only while shown -------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._listen(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop_recording()
        self._listen(False)
        super().hideEvent(event)

    def _listen(self, on: bool) -> None:
        if on == self._connected:
            return
        self._connected = on
        pairs: list[tuple[object, Callable[..., None]]] = []
        if self._wedge is not None:
            pairs += [
                (self._wedge.key_seen, self.add_key),
                (self._wedge.scan_received, self.add_scan),
                (self._wedge.scan_typed, self.add_scan_set_aside),
                (self._wedge.scan_ignored, self.add_scan_set_aside),
                (self._wedge.notice_raised, self.add_notice),
            ]
        if self._serial is not None:
            pairs += [
                (self._serial.bytes_received, self.add_read),
                (self._serial.scan_received, self.add_scan),
                (self._serial.notice_raised, self.add_notice),
                (self._serial.status_changed, self.add_status),
            ]
        for signal, slot in pairs:
            if on:
                signal.connect(slot)  # type: ignore[attr-defined]
            else:
                signal.disconnect(slot)  # type: ignore[attr-defined]

    # --- lines ----------------------------------------------------------------------

    def _line(self, text: str) -> None:
        self.log.appendPlainText(text)

    @Slot(object)
    def add_key(self, event: KeyEvent) -> None:
        if self.recorder is not None:
            self.recorder.key(event)
        gap = 0.0 if self._last_key_ms is None else event.t_ms - self._last_key_ms
        self._last_key_ms = event.t_ms
        arrow = "↓" if event.pressed else "↑"
        text = repr(event.text) if event.text else ""
        mods = f" [{'+'.join(sorted(event.modifiers))}]" if event.modifiers else ""
        repeat = " autorepeat" if event.autorepeat else ""
        self._line(
            f"{gap:+9.1f} ms  key    {arrow} {event.key:<16} {text:<6}"
            f" sc={event.scan_code}{mods}{repeat}"
        )

    @Slot(object)
    def add_read(self, read: SerialRead) -> None:
        if self.recorder is not None:
            self.recorder.serial(read)
        gap = 0.0 if self._last_read_ms is None else read.t_ms - self._last_read_ms
        self._last_read_ms = read.t_ms
        self._line(
            f"{gap:+9.1f} ms  serial {read.port}  {read.data.hex(' ')}"
            f"  |{_printable(read.data)}|"
        )

    @Slot(object)
    def add_scan(self, scan: Scan) -> None:
        source = (
            self.tr("serial %1").replace("%1", scan.port or "?")
            if scan.source is ScanSource.SERIAL
            else self.tr("keyboard")
        )
        aim = f", {scan.symbology_identifier}" if scan.symbology_identifier else ""
        self._line(
            "  "
            + self.tr("SCAN %1 (%2, %3 characters in %4 ms%5)")
            .replace("%1", scan.text)
            .replace("%2", source)
            .replace("%3", str(len(scan.text)))
            .replace("%4", f"{scan.duration_ms:.0f}")
            .replace("%5", aim)
        )

    @Slot(object)
    def add_scan_set_aside(self, scan: Scan) -> None:
        """A keyboard scan made while another window than the main one was active."""
        self.add_scan(scan)
        self._line(
            "    "
            + self.tr("not looked up: a window other than the main window was active")
        )

    @Slot(object)
    def add_notice(self, notice: Notice) -> None:
        detail = f" ({notice.detail})" if notice.detail else ""
        self._line(
            "  "
            + self.tr("NOTICE %1: %2")
            .replace("%1", notice.kind.value)
            .replace("%2", notice_text(notice) + detail)
        )

    @Slot(object)
    def add_status(self, status: SerialStatus) -> None:
        if self.recorder is not None:
            self.recorder.status(status)
        self._line("  " + self.tr("STATUS %1").replace("%1", serial_state_text(status)))

    # --- recording ------------------------------------------------------------------

    def _ask_recording_path(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Record scanner traffic"),
            str(Path.home() / "scanner-recording.jsonl"),
            self.tr("Scan recordings (*.jsonl)"),
        )
        return Path(name) if name else None

    @Slot()
    def _on_record_clicked(self) -> None:
        if self.recorder is not None:
            self.stop_recording()
            return
        path = self._ask_path()
        if path is not None:
            self.start_recording(path)

    def start_recording(self, path: Path) -> None:
        try:
            writer = RecordingWriter.open(path, recording_platform())
        except OSError as error:
            logger.warning("cannot record to %s: %s", path, error)
            self.recording_label.setText(
                self.tr("Cannot write %1: %2")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error))
            )
            return
        self.recorder = ScanRecorder(writer)
        self.recording_path = path
        logger.info("recording scanner traffic to %s", path)
        self.record_button.setText(self.tr("&Stop recording"))
        self.recording_label.setText(
            self.tr("Recording to %1").replace("%1", path.name)
        )

    def stop_recording(self) -> None:
        if self.recorder is None:
            return
        self.recorder.close()
        self.recorder = None
        logger.info("recording stopped: %s", self.recording_path)
        self.record_button.setText(self.tr("&Record to file…"))
        self.recording_label.setText(
            self.tr("Saved %1").replace("%1", str(self.recording_path))
        )
