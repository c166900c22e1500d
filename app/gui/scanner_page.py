"""The Scanner page of Settings: the keyboard wedge's rule, a serial scanner, a test.

`Settings.scanner` holds `wedge` (a `WedgeRule` as `settings_to_dict` writes it),
`serial` (`SerialSettings`; an empty `port` means no serial scanner) and `beep`
(sound on each scan). `scanner_config(settings.scanner)` reads them back tolerantly.

"Scan a test barcode" shows a barcode on screen; while the user scans it (or any
EAN-13 4006381333931), the page collects the wedge filter's raw keys
(`WedgeFilter.key_seen`) and `check_test_scan` says whether the keyboard layout,
NumLock, Caps Lock, the terminator and the speed suit the rule in the form. A scan
from the serial scanner (`serial`, a `SerialScanner`) during the test ends it at once
and is shown as its result: the code read and the port it came from.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.gui.settings import Settings
from app.hardware.ports import PortInfo, PortLister, system_ports
from app.hardware.scan import (
    KeyEvent,
    Parity,
    Scan,
    SerialSettings,
    SerialTerminator,
    WedgeRule,
    WedgeTerminator,
    serial_settings_from_dict,
    settings_to_dict,
    wedge_rule_from_dict,
)
from app.hardware.scan_check import TEST_BAR_CODE, ScanCheck, ScanProblem
from app.hardware.scan_check import check_test_scan as judge_test_scan
from app.hardware.serial_scanner import SerialScanner
from app.hardware.wedge_filter import WedgeFilter

logger = logging.getLogger(__name__)

BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
TEST_IDLE_MS = 700  # the test scan is over this long after its last key
TEST_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class ScannerConfig:
    wedge: WedgeRule = field(default_factory=WedgeRule)
    serial: SerialSettings = field(default_factory=SerialSettings)
    beep: bool = True


def scanner_config(data: dict[str, Any]) -> ScannerConfig:
    """The scanner settings; a damaged section falls back to its defaults."""
    try:
        wedge = wedge_rule_from_dict(dict(data.get("wedge") or {}))
    except (TypeError, ValueError) as error:
        logger.warning("scanner settings: wedge rule ignored: %s", error)
        wedge = WedgeRule()
    try:
        serial = serial_settings_from_dict(dict(data.get("serial") or {}))
    except (TypeError, ValueError) as error:
        logger.warning("scanner settings: serial settings ignored: %s", error)
        serial = SerialSettings()
    return ScannerConfig(wedge, serial, bool(data.get("beep", True)))


def show_controls(text: str) -> str:
    """Control characters as `\\xNN` so STX/ETX prefixes can be seen and typed."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 32 or c == "\\" else c for c in text)


def read_controls(text: str) -> str:
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), text)


def problem_text(problem: ScanProblem, check: ScanCheck) -> str:
    texts = {
        ScanProblem.NOTHING_RECEIVED: QCoreApplication.translate(
            "ScannerPage",
            "Nothing arrived from the scanner. Is it plugged in and set to USB "
            "keyboard mode?",
        ),
        ScanProblem.NUMLOCK_OFF: QCoreApplication.translate(
            "ScannerPage",
            "NumLock is off: the scanner's keypad digits arrived as arrow keys. Turn "
            "NumLock on, or set the scanner to send normal number keys.",
        ),
        ScanProblem.LAYOUT_UNREADABLE: QCoreApplication.translate(
            "ScannerPage",
            "The keys could not be read with the active keyboard layout. Set the "
            "scanner to the computer's layout, or switch the computer to US "
            "English while scanning.",
        ),
        ScanProblem.LAYOUT_DIFFERS: QCoreApplication.translate(
            "ScannerPage",
            "The keyboard layout differs from the scanner's (it typed %1). Komora "
            "reads the code anyway, but other programs will get the wrong text.",
        ).replace("%1", check.typed),
        ScanProblem.CAPS_LOCK: QCoreApplication.translate(
            "ScannerPage", "Caps Lock is on; turn it off for letters to arrive right."
        ),
        ScanProblem.TERMINATOR_MISSING: QCoreApplication.translate(
            "ScannerPage",
            "The scanner sent no Enter or Tab after the code. Set it to add Enter, "
            "or choose 'none' as the terminator here.",
        ),
        ScanProblem.TERMINATOR_WRONG: QCoreApplication.translate(
            "ScannerPage",
            "The scanner ends codes with another key than the one chosen here. "
            "Choose the terminator it sends.",
        ),
        ScanProblem.TOO_SLOW: QCoreApplication.translate(
            "ScannerPage",
            "The keys came slowly (up to %1 ms apart, %2 ms in all). Raise the "
            "longest gap or burst here, or speed up the scanner's keyboard output.",
        )
        .replace("%1", f"{check.max_gap_ms:.0f}")
        .replace("%2", f"{check.duration_ms:.0f}"),
        ScanProblem.TOO_SHORT: QCoreApplication.translate(
            "ScannerPage",
            "The code is shorter than the minimum length chosen here.",
        ),
        ScanProblem.WRONG_CODE: QCoreApplication.translate(
            "ScannerPage",
            "The scan read %1, not the test code %2: scan the barcode shown here.",
        )
        .replace("%1", check.decoded or "")
        .replace("%2", check.expected),
    }
    return texts[problem]


def describe_check(check: ScanCheck) -> str:
    if not check.problems:
        return (
            QCoreApplication.translate(
                "ScannerPage",
                "All right: %1 arrived whole, with the expected terminator, in %2 ms.",
            )
            .replace("%1", check.decoded or "")
            .replace("%2", f"{check.duration_ms:.0f}")
        )
    lines = [f"• {problem_text(problem, check)}" for problem in check.problems]
    if check.ok:
        lines.insert(
            0, QCoreApplication.translate("ScannerPage", "Scans will work, but:")
        )
    return "\n".join(lines)


def serial_test_text(scan: Scan) -> str:
    """The test's result for a serial scan: its port and what it read."""
    port = scan.port or "?"
    if scan.text == TEST_BAR_CODE:
        return (
            QCoreApplication.translate(
                "ScannerPage",
                "The serial scanner on %1 read the test barcode %2: it works.",
            )
            .replace("%1", port)
            .replace("%2", scan.text)
        )
    return (
        QCoreApplication.translate(
            "ScannerPage",
            "The serial scanner on %1 read “%2”, not the test barcode %3. If you "
            "scanned another code, the scanner works; if not, check its baud rate, "
            "data bits, parity and stop bits.",
        )
        .replace("%1", port)
        .replace("%2", scan.text)
        .replace("%3", TEST_BAR_CODE)
    )


def _combo(items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(0, index))


class ScannerPage(QScrollArea):
    """Settings page for scanners; `wedge` feeds the test scan (None: no test).

    Signals:
        test_running(bool): a test scan started or ended (the scan workflow
            ignores scans meanwhile).
        test_finished(ScanCheck): the test scan was judged (keyboard scans).
        serial_test_finished(Scan): the test ended with a serial scanner's scan.
    """

    test_running = Signal(bool)
    test_finished = Signal(object)
    serial_test_finished = Signal(object)

    def __init__(
        self,
        wedge: WedgeFilter | None = None,
        parent: QWidget | None = None,
        *,
        port_lister: PortLister = system_ports,
        platform: str | None = None,
        idle_ms: int = TEST_IDLE_MS,
        serial: SerialScanner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerPage")
        self._wedge = wedge
        self._serial = serial
        self._port_lister = port_lister
        self._platform = platform or QGuiApplication.platformName()
        self._events: list[KeyEvent] = []
        self.testing = False

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._finish_test)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.setInterval(TEST_TIMEOUT_MS)
        self._give_up.timeout.connect(self._finish_test)

        # The page scrolls: the Settings dialog is smaller than its three groups.
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_wedge())
        layout.addWidget(self._build_serial())
        layout.addWidget(self._build_test())
        self.beep_check = QCheckBox(self.tr("&Beep on each scan"))
        layout.addWidget(self.beep_check)
        layout.addStretch(1)
        self.refresh_ports()

    # --- building -------------------------------------------------------------------

    def _build_wedge(self) -> QGroupBox:
        box = QGroupBox(self.tr("Keyboard scanner (USB, acts as a keyboard)"))
        self.wedge_check = QCheckBox(self.tr("Tell &scans from typing"))
        self.min_length_spin = QSpinBox()
        self.min_length_spin.setRange(1, 64)
        self.max_gap_spin = QSpinBox()
        self.max_gap_spin.setRange(5, 1000)
        self.max_gap_spin.setSuffix(self.tr(" ms"))
        self.max_burst_spin = QSpinBox()
        self.max_burst_spin.setRange(100, 10_000)
        self.max_burst_spin.setSuffix(self.tr(" ms"))
        self.terminator_combo = _combo(
            [
                (self.tr("Enter (either)"), WedgeTerminator.ENTER),
                (self.tr("Keypad Enter"), WedgeTerminator.KEYPAD_ENTER),
                (self.tr("Tab"), WedgeTerminator.TAB),
                (self.tr("None (a pause ends the code)"), WedgeTerminator.NONE),
            ]
        )
        self.prefix_edit = QLineEdit()
        self.suffix_edit = QLineEdit()
        for edit in (self.prefix_edit, self.suffix_edit):
            edit.setPlaceholderText(self.tr("none; \\x02 for STX"))
        self.aim_check = QCheckBox(self.tr("Codes start with an AIM identifier (]E0…)"))
        self.us_keys_check = QCheckBox(
            self.tr("The scanner presses US key positions (most scanners)")
        )
        form = QFormLayout(box)
        form.addRow(self.wedge_check)
        form.addRow(self.tr("Minimum &length:"), self.min_length_spin)
        form.addRow(self.tr("Longest &gap between keys:"), self.max_gap_spin)
        form.addRow(self.tr("Longest &whole code:"), self.max_burst_spin)
        form.addRow(self.tr("&Ends with:"), self.terminator_combo)
        form.addRow(self.tr("&Prefix:"), self.prefix_edit)
        form.addRow(self.tr("S&uffix:"), self.suffix_edit)
        form.addRow(self.aim_check)
        form.addRow(self.us_keys_check)
        return box

    def _build_serial(self) -> QGroupBox:
        box = QGroupBox(self.tr("Serial scanner (COM port, USB serial)"))
        self.port_combo = QComboBox()
        self.port_combo.setObjectName("serialPort")
        self.port_combo.setEditable(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh_ports)
        port_row = QHBoxLayout()
        port_row.addWidget(self.port_combo, 1)
        port_row.addWidget(self.refresh_button)
        self.baud_combo = _combo([(str(rate), rate) for rate in BAUD_RATES])
        self.data_bits_combo = _combo([(str(bits), bits) for bits in (8, 7, 6, 5)])
        self.parity_combo = _combo(
            [
                (self.tr("none"), Parity.NONE),
                (self.tr("even"), Parity.EVEN),
                (self.tr("odd"), Parity.ODD),
                (self.tr("mark"), Parity.MARK),
                (self.tr("space"), Parity.SPACE),
            ]
        )
        self.stop_bits_combo = _combo([("1", 1.0), ("1.5", 1.5), ("2", 2.0)])
        self.serial_terminator_combo = _combo(
            [
                ("CR", SerialTerminator.CR),
                ("LF", SerialTerminator.LF),
                ("CR LF", SerialTerminator.CRLF),
                (self.tr("None (a pause ends the code)"), SerialTerminator.NONE),
            ]
        )
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(20, 2000)
        self.idle_spin.setSuffix(self.tr(" ms"))
        form = QFormLayout(box)
        port_label = QLabel(self.tr("P&ort:"))
        port_label.setBuddy(self.port_combo)
        form.addRow(port_label, port_row)
        form.addRow(self.tr("&Baud rate:"), self.baud_combo)
        form.addRow(self.tr("&Data bits:"), self.data_bits_combo)
        form.addRow(self.tr("P&arity:"), self.parity_combo)
        form.addRow(self.tr("S&top bits:"), self.stop_bits_combo)
        form.addRow(self.tr("E&nds with:"), self.serial_terminator_combo)
        form.addRow(self.tr("Pause that ends a code:"), self.idle_spin)
        return box

    def _build_test(self) -> QGroupBox:
        box = QGroupBox(self.tr("Test"))
        self.test_button = QPushButton(self.tr("S&can a test barcode"))
        self.test_button.setObjectName("scanTestButton")
        self.test_button.clicked.connect(self._on_test_clicked)
        self.test_button.setEnabled(self._wedge is not None or self._serial is not None)
        self.test_barcode = QLabel()
        self.test_barcode.setObjectName("testBarcode")
        self.test_barcode.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.test_barcode.hide()
        self.test_result = QLabel()
        self.test_result.setObjectName("scanTestResult")
        self.test_result.setWordWrap(True)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.test_barcode)
        layout.addWidget(self.test_result)
        return box

    # --- SettingsPage ---------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        config = scanner_config(settings.scanner)
        rule = config.wedge
        self.wedge_check.setChecked(rule.enabled)
        self.min_length_spin.setValue(rule.min_length)
        self.max_gap_spin.setValue(round(rule.max_gap_ms))
        self.max_burst_spin.setValue(round(rule.max_burst_ms))
        _select(self.terminator_combo, rule.terminator)
        self.prefix_edit.setText(show_controls(rule.prefix))
        self.suffix_edit.setText(show_controls(rule.suffix))
        self.aim_check.setChecked(rule.aim_identifier)
        self.us_keys_check.setChecked(rule.us_key_positions)

        serial = config.serial
        index = self.port_combo.findData(serial.port)
        if index < 0:
            self.port_combo.addItem(serial.port, serial.port)
            index = self.port_combo.count() - 1
        self.port_combo.setCurrentIndex(index)
        if self.baud_combo.findData(serial.baud_rate) < 0:
            self.baud_combo.addItem(str(serial.baud_rate), serial.baud_rate)
        _select(self.baud_combo, serial.baud_rate)
        _select(self.data_bits_combo, serial.data_bits)
        _select(self.parity_combo, serial.parity)
        _select(self.stop_bits_combo, float(serial.stop_bits))
        _select(self.serial_terminator_combo, serial.terminator)
        self.idle_spin.setValue(round(serial.idle_ms))
        self.beep_check.setChecked(config.beep)

    def store(self, settings: Settings) -> None:
        settings.scanner = dict(
            settings.scanner,
            wedge=settings_to_dict(self.wedge_rule()),
            serial=settings_to_dict(self.serial_settings()),
            beep=self.beep_check.isChecked(),
        )

    def validate(self) -> str:
        if self.max_burst_spin.value() <= self.max_gap_spin.value():
            return self.tr(
                "The longest whole code must be longer than the longest gap "
                "between keys."
            )
        return ""

    # --- the form's values ----------------------------------------------------------

    def wedge_rule(self) -> WedgeRule:
        return WedgeRule(
            min_length=self.min_length_spin.value(),
            max_gap_ms=float(self.max_gap_spin.value()),
            max_burst_ms=float(self.max_burst_spin.value()),
            terminator=WedgeTerminator(self.terminator_combo.currentData()),
            prefix=read_controls(self.prefix_edit.text()),
            suffix=read_controls(self.suffix_edit.text()),
            aim_identifier=self.aim_check.isChecked(),
            us_key_positions=self.us_keys_check.isChecked(),
            enabled=self.wedge_check.isChecked(),
        )

    def serial_settings(self) -> SerialSettings:
        return SerialSettings(
            port=self.port(),
            baud_rate=int(self.baud_combo.currentData()),
            data_bits=int(self.data_bits_combo.currentData()),
            parity=Parity(self.parity_combo.currentData()),
            stop_bits=float(self.stop_bits_combo.currentData()),
            terminator=SerialTerminator(self.serial_terminator_combo.currentData()),
            idle_ms=float(self.idle_spin.value()),
        )

    def port(self) -> str:
        """The chosen device, or what was typed (a pyserial URL such as loop://)."""
        text = self.port_combo.currentText().strip()
        index = self.port_combo.currentIndex()
        if index >= 0 and self.port_combo.itemText(index) == text:
            return str(self.port_combo.itemData(index) or "")
        return text

    @Slot()
    def refresh_ports(self) -> None:
        current = self.port()
        try:
            ports: list[PortInfo] = self._port_lister()
        except OSError as error:
            logger.warning("listing serial ports failed: %s", error)
            ports = []
        self.port_combo.clear()
        self.port_combo.addItem(self.tr("none (no serial scanner)"), "")
        for port in ports:
            self.port_combo.addItem(port.label, port.device)
        index = self.port_combo.findData(current)
        if index < 0 and current:
            self.port_combo.addItem(current, current)
            index = self.port_combo.count() - 1
        self.port_combo.setCurrentIndex(max(0, index))

    # --- the test scan --------------------------------------------------------------

    def _show_test_barcode(self) -> None:
        """The test code drawn by the label renderer, cut to the symbol and its
        digits (the label's other fields would only distract)."""
        import datetime as dt

        from app.labels import render
        from app.labels.content import LabelProduct
        from app.labels.errors import LabelError
        from app.labels.geometry import Dpi, layout_label
        from app.labels.templates import load_template

        dpi = Dpi(203, 203)
        try:
            layout = layout_label(
                load_template("thermal-58x30"),
                LabelProduct(bar_code=TEST_BAR_CODE, name="", unit=""),
                dpi,
                dt.date.today(),
            )
        except LabelError as error:
            logger.warning("the test barcode could not be drawn: %s", error)
            self.test_barcode.setText(TEST_BAR_CODE)
            self.test_barcode.show()
            return
        image = render.render_label_image(layout)
        code = layout.barcode
        left = max(0, code.x - code.quiet_left_dots)
        right = min(
            image.width(),
            code.x
            + code.symbol.width_modules * code.module_dots
            + code.quiet_right_dots,
        )
        top = max(0, code.bar_top - dpi.y_dots(1))
        bottom = min(image.height(), code.bar_top + code.bar_height + dpi.y_dots(3))
        symbol = image.copy(left, top, right - left, bottom - top)
        self.test_barcode.setPixmap(QPixmap.fromImage(symbol))
        self.test_barcode.setStyleSheet("background: white; padding: 8px;")
        self.test_barcode.show()

    @Slot()
    def _on_test_clicked(self) -> None:
        if self.testing:
            self._finish_test()
        else:
            self.start_test()

    def start_test(self) -> None:
        if (self._wedge is None and self._serial is None) or self.testing:
            return
        self._events = []
        self.testing = True
        if self._wedge is not None:
            self._wedge.key_seen.connect(self._on_wedge_key_seen)
        if self._serial is not None:
            self._serial.scan_received.connect(self._on_serial_scan_received)
        self._show_test_barcode()
        self.test_button.setText(self.tr("Stop the test"))
        self.test_result.setStyleSheet("")
        self.test_result.setText(
            self.tr("Scan the barcode above (or any copy of %1) now.").replace(
                "%1", TEST_BAR_CODE
            )
        )
        self._give_up.start()
        self.test_running.emit(True)

    @Slot(object)
    def _on_wedge_key_seen(self, event: KeyEvent) -> None:
        self._events.append(event)
        self._idle.start()

    @Slot(object)
    def _on_serial_scan_received(self, scan: Scan) -> None:
        if not self.testing:
            return
        self._end_test()
        logger.info("scanner test: serial scan on %s", scan.port)
        self.test_result.setStyleSheet("color: #0b6b24;")
        self.test_result.setText(serial_test_text(scan))
        self.test_running.emit(False)
        self.serial_test_finished.emit(scan)

    def _end_test(self) -> None:
        self.testing = False
        self._idle.stop()
        self._give_up.stop()
        if self._wedge is not None:
            self._wedge.key_seen.disconnect(self._on_wedge_key_seen)
        if self._serial is not None:
            self._serial.scan_received.disconnect(self._on_serial_scan_received)
        self.test_button.setText(self.tr("S&can a test barcode"))

    @Slot()
    def _finish_test(self) -> None:
        if not self.testing:
            return
        self._end_test()
        check = judge_test_scan(self._events, self._platform, self.wedge_rule())
        logger.info(
            "scanner test: %s", ", ".join(p.value for p in check.problems) or "ok"
        )
        colour = (
            "#0b6b24" if not check.problems else "#7a4b00" if check.ok else "#b00020"
        )
        self.test_result.setStyleSheet(f"color: {colour};")
        self.test_result.setText(describe_check(check))
        self.test_running.emit(False)
        self.test_finished.emit(check)
