"""The Scanner settings page: its values, the port list and the test scan.

The test scan's keys are emitted on a real `WedgeFilter`'s `key_seen` signal (the
filter itself is tested in tests/hardware), with X11 native scan codes.
"""

from __future__ import annotations

import os

from pytestqt.qtbot import QtBot

from app.gui.scan_workflow import ScanWorkflow
from app.gui.scanner_page import ScannerPage, read_controls, scanner_config
from app.gui.settings import Settings
from app.hardware.ports import PortInfo
from app.hardware.scan import (
    KeyEvent,
    Parity,
    SerialSettings,
    SerialTerminator,
    WedgeRule,
    WedgeTerminator,
    settings_to_dict,
)
from app.hardware.scan_check import TEST_BAR_CODE, ScanCheck, ScanProblem
from app.hardware.serial_reader import SerialState
from app.hardware.serial_scanner import SerialScanner
from app.hardware.wedge_filter import WedgeFilter
from app.store.scan_journal import ScanJournal

EVDEV_DIGIT = {d: (11 if d == "0" else int(d) + 1) for d in "0123456789"}
KEYPAD_NAVIGATION = {
    "7": (71, "Key_Home"),
    "8": (72, "Key_Up"),
    "9": (73, "Key_PageUp"),
    "4": (75, "Key_Left"),
    "5": (76, "Key_Clear"),
    "6": (77, "Key_Right"),
    "1": (79, "Key_End"),
    "2": (80, "Key_Down"),
    "3": (81, "Key_PageDown"),
    "0": (82, "Key_Insert"),
}
AZERTY = {
    "1": ("&", "Key_Ampersand"),
    "2": ("é", "Key_Eacute"),
    "3": ('"', "Key_QuoteDbl"),
    "4": ("'", "Key_Apostrophe"),
    "5": ("(", "Key_ParenLeft"),
    "6": ("-", "Key_Minus"),
    "7": ("è", "Key_Egrave"),
    "8": ("_", "Key_Underscore"),
    "9": ("ç", "Key_Ccedilla"),
    "0": ("à", "Key_Agrave"),
}
RETURN = 28


def tap(t: float, key: str, text: str, evdev: int, *mods: str) -> list[KeyEvent]:
    code = evdev + 8  # X11 keycodes are evdev codes + 8
    return [
        KeyEvent(t, True, key, text, code, frozenset(mods)),
        KeyEvent(t + 2, False, key, text, code, frozenset(mods)),
    ]


def us_scan(code: str, gap: float = 6, terminator: bool = True) -> list[KeyEvent]:
    events: list[KeyEvent] = []
    for i, digit in enumerate(code):
        events += tap(i * gap, f"Key_{digit}", digit, EVDEV_DIGIT[digit])
    if terminator:
        events += tap(len(code) * gap, "Key_Return", "\r", RETURN)
    return events


def run_test(qtbot: QtBot, page: ScannerPage, wedge: WedgeFilter, events) -> ScanCheck:
    page.start_test()
    with qtbot.waitSignal(page.test_finished, timeout=3000) as blocker:
        for event in events:
            wedge.key_seen.emit(event)
    check: ScanCheck = blocker.args[0]
    return check


def make_page(qtbot: QtBot, wedge: WedgeFilter | None = None) -> ScannerPage:
    ports = [
        PortInfo("/dev/ttyACM2", "Barcode Scanner", 0x05E0, 0x1200, "S1"),
        PortInfo("/dev/ttyACM10", "USB Serial"),
    ]
    page = ScannerPage(wedge, port_lister=lambda: ports, platform="xcb", idle_ms=50)
    qtbot.addWidget(page)
    page.load(Settings())
    return page


# --- values ------------------------------------------------------------------------


def test_load_and_store_keep_every_setting(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    settings = Settings(
        scanner={
            "wedge": settings_to_dict(
                WedgeRule(
                    min_length=8,
                    max_gap_ms=50,
                    terminator=WedgeTerminator.TAB,
                    prefix="\x02",
                    suffix="\x03",
                    aim_identifier=True,
                )
            ),
            "serial": {
                "port": "/dev/ttyACM2",
                "baud_rate": 115200,
                "parity": "E",
                "stop_bits": 2,
                "terminator": "crlf",
            },
            "beep": False,
            "kept": "unknown keys stay",
        }
    )

    page.load(settings)
    assert page.prefix_edit.text() == "\\x02"
    assert page.port_combo.currentText() == "/dev/ttyACM2 Barcode Scanner [05E0:1200]"
    stored = Settings()
    stored.scanner = dict(settings.scanner)
    page.store(stored)

    config = scanner_config(stored.scanner)
    assert config.wedge == WedgeRule(
        min_length=8,
        max_gap_ms=50,
        terminator=WedgeTerminator.TAB,
        prefix="\x02",
        suffix="\x03",
        aim_identifier=True,
    )
    assert config.serial.port == "/dev/ttyACM2"
    assert config.serial.baud_rate == 115200
    assert config.serial.parity is Parity.EVEN
    assert config.serial.stop_bits == 2
    assert config.serial.terminator is SerialTerminator.CRLF
    assert config.beep is False
    assert stored.scanner["kept"] == "unknown keys stay"


def test_the_port_list_shows_usb_ids_and_takes_a_typed_url(qtbot: QtBot) -> None:
    page = make_page(qtbot)

    items = [page.port_combo.itemText(i) for i in range(page.port_combo.count())]
    assert items == [
        "none (no serial scanner)",
        "/dev/ttyACM2 Barcode Scanner [05E0:1200]",
        "/dev/ttyACM10 USB Serial",
    ]
    assert page.port() == ""
    page.port_combo.setCurrentIndex(1)
    assert page.port() == "/dev/ttyACM2"
    page.port_combo.setEditText("socket://10.0.0.7:4001")
    assert page.serial_settings().port == "socket://10.0.0.7:4001"


def test_a_damaged_section_falls_back_to_defaults() -> None:
    config = scanner_config({"wedge": {"min_length": "six"}, "serial": []})
    assert config.wedge == WedgeRule()
    assert config.serial.port == ""


def test_control_characters_are_typed_as_escapes() -> None:
    assert read_controls("\\x02AB\\x03") == "\x02AB\x03"


def test_a_burst_shorter_than_the_gap_is_refused(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.max_gap_spin.setValue(500)
    page.max_burst_spin.setValue(400)
    assert "longest whole code" in page.validate()


# --- the test scan -----------------------------------------------------------------


def test_a_good_test_scan_says_all_right(qtbot: QtBot) -> None:
    wedge = WedgeFilter(platform="xcb")
    page = make_page(qtbot, wedge)

    check = run_test(qtbot, page, wedge, us_scan(TEST_BAR_CODE))

    assert check.problems == ()
    assert page.test_result.text().startswith("All right: 4006381333931 arrived")
    assert not page.testing


def test_numlock_off_is_reported_with_the_fix(qtbot: QtBot) -> None:
    wedge = WedgeFilter(platform="xcb")
    page = make_page(qtbot, wedge)
    events: list[KeyEvent] = []
    for i, digit in enumerate(TEST_BAR_CODE):
        evdev, key = KEYPAD_NAVIGATION[digit]
        events += tap(i * 6, key, "", evdev, "Keypad")
    events += tap(13 * 6, "Key_Enter", "\r", 96, "Keypad")

    check = run_test(qtbot, page, wedge, events)

    assert ScanProblem.NUMLOCK_OFF in check.problems
    assert "NumLock is off" in page.test_result.text()


def test_a_missing_terminator_is_reported(qtbot: QtBot) -> None:
    wedge = WedgeFilter(platform="xcb")
    page = make_page(qtbot, wedge)

    check = run_test(qtbot, page, wedge, us_scan(TEST_BAR_CODE, terminator=False))

    assert check.problems == (ScanProblem.TERMINATOR_MISSING,)
    assert "sent no Enter or Tab" in page.test_result.text()


def test_an_azerty_layout_is_reported_but_scans_still_work(qtbot: QtBot) -> None:
    wedge = WedgeFilter(platform="xcb")
    page = make_page(qtbot, wedge)
    events: list[KeyEvent] = []
    for i, digit in enumerate(TEST_BAR_CODE):
        text, key = AZERTY[digit]
        events += tap(i * 6, key, text, EVDEV_DIGIT[digit])
    events += tap(13 * 6, "Key_Return", "\r", RETURN)

    check = run_test(qtbot, page, wedge, events)

    assert check.problems == (ScanProblem.LAYOUT_DIFFERS,)
    assert check.ok
    text = page.test_result.text()
    assert text.startswith("Scans will work, but:")
    assert "keyboard layout differs" in text


def test_the_workflow_ignores_scans_while_the_test_runs(qtbot: QtBot, tmp_path) -> None:
    wedge = WedgeFilter(platform="xcb")
    page = make_page(qtbot, wedge)
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    workflow = ScanWorkflow(journal)
    page.test_running.connect(workflow.set_suspended)

    page.start_test()
    assert workflow.suspended
    run_test(qtbot, page, wedge, us_scan(TEST_BAR_CODE))

    assert not workflow.suspended
    journal.close()


def test_the_test_barcode_on_screen_decodes_to_the_test_code(qtbot: QtBot) -> None:
    import io

    import zxingcpp
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    page = make_page(qtbot, WedgeFilter(platform="xcb"))
    page.start_test()

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert page.test_barcode.pixmap().toImage().save(buffer, "PNG")
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data()))))
    assert [(b.text, b.format.name) for b in found] == [(TEST_BAR_CODE, "EAN13")]
    page._finish_test()


def test_a_serial_scan_during_the_test_is_its_result(qtbot: QtBot, tmp_path) -> None:
    master, slave = os.openpty()
    device = os.ttyname(slave)
    os.close(slave)  # pyserial opens the path itself
    serial = SerialScanner()
    journal = ScanJournal(tmp_path / "scans.sqlite3")
    workflow = ScanWorkflow(journal)
    serial.scan_received.connect(workflow.handle_scan)
    page = ScannerPage(
        WedgeFilter(platform="xcb"),
        port_lister=lambda: [],
        platform="xcb",
        serial=serial,
    )
    qtbot.addWidget(page)
    page.test_running.connect(workflow.set_suspended)
    handled: list[object] = []
    workflow.scan_handled.connect(handled.append)
    try:
        with qtbot.waitSignal(
            serial.status_changed,
            check_params_cb=lambda s: s.state is SerialState.CONNECTED,
            timeout=5000,
        ):
            serial.start(SerialSettings(port=device, terminator=SerialTerminator.CR))
        page.start_test()
        with qtbot.waitSignal(page.serial_test_finished, timeout=5000) as blocker:
            os.write(master, TEST_BAR_CODE.encode() + b"\r")
    finally:
        serial.stop()
        os.close(master)

    assert blocker.args[0].text == TEST_BAR_CODE
    assert not page.testing and not workflow.suspended
    text = page.test_result.text()
    assert device in text and TEST_BAR_CODE in text and "it works" in text
    assert page.test_button.text() == page.tr("S&can a test barcode")
    assert workflow.wait_for_done() and handled == []  # the test took it, not a lookup
    journal.close()
