"""The application-wide wedge filter with real widgets (K1, K3, K4, K5, K6).

Key events are built with native scan codes and sent to the window's QWindow, which is
where a real key event enters a widget app: Qt then forwards the same QKeyEvent to the
focus widget and, while it is ignored, to its parents, and the application filter sees
each offer.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import scanner_cases as cases
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.hardware.key_burst import KeyBurstDecoder
from app.hardware.scan import (
    KeyEvent,
    Notice,
    NoticeKind,
    Scan,
    WedgeRule,
    WedgeTerminator,
)
from app.hardware.wedge_filter import SCAN_REPLACES, ScanRoute, WedgeFilter

# Qt treats a timestamp of 0 as "none given"; real events never have it.
T0 = 10_000

_MODIFIERS = {
    "Shift": Qt.KeyboardModifier.ShiftModifier,
    "Control": Qt.KeyboardModifier.ControlModifier,
    "Keypad": Qt.KeyboardModifier.KeypadModifier,
}


def qt_event(event: KeyEvent) -> QKeyEvent:
    modifiers = Qt.KeyboardModifier.NoModifier
    for name in event.modifiers:
        modifiers |= _MODIFIERS[name]
    # Qt's enum names no Cyrillic key (Qt sends their code points); none is read.
    key = Qt.Key.__members__.get(event.key, Qt.Key.Key_unknown)
    qt_key = QKeyEvent(
        QEvent.Type.KeyPress if event.pressed else QEvent.Type.KeyRelease,
        key,
        modifiers,
        event.scan_code,
        0,
        0,
        event.text,
        event.autorepeat,
    )
    qt_key.setTimestamp(int(T0 + event.t_ms))
    return qt_key


class Collected(QObject):
    def __init__(self, wedge: WedgeFilter) -> None:
        super().__init__()
        self.scans: list[Scan] = []
        self.notices: list[Notice] = []
        self.disabled: list[str] = []
        wedge.scan_received.connect(self.scans.append)
        wedge.notice_raised.connect(self.notices.append)
        wedge.disabled.connect(self.disabled.append)

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.scans]


@pytest.fixture
def wedge(qtbot: QtBot) -> Iterator[WedgeFilter]:
    wedge = WedgeFilter(platform="xcb")
    wedge.install(QApplication.instance())
    yield wedge
    wedge.uninstall()


@pytest.fixture
def main_window(qtbot: QtBot) -> tuple[QMainWindow, QLineEdit]:
    window = QMainWindow()
    line_edit = QLineEdit()
    window.setCentralWidget(line_edit)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    line_edit.setFocus()
    qtbot.waitUntil(line_edit.hasFocus)
    return window, line_edit


def send(window: QWidget, events: list[KeyEvent], *also_to: QObject) -> None:
    """Deliver like the platform does; offer each event again to `also_to`."""
    handle = window.windowHandle()
    assert handle is not None
    for event in events:
        qt_key = qt_event(event)
        QApplication.sendEvent(handle, qt_key)
        for receiver in also_to:
            QApplication.sendEvent(receiver, qt_key)


def scanner_keys(code: str, start: float = 0, gap: float = 10) -> list[KeyEvent]:
    return cases.us_digits(code, start, gap) + cases.return_key(start + len(code) * gap)


# --- K3 -------------------------------------------------------------------------------


def test_k3_each_key_press_counts_once_however_often_it_is_offered(
    qtbot: QtBot, wedge: WedgeFilter, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window
    got = Collected(wedge)

    # Every event is offered to the window, the line edit and the main window.
    send(window, scanner_keys(cases.EAN), line_edit, window)

    assert got.texts == [cases.EAN]
    assert line_edit.text() == ""


def test_k3_autorepeat_and_shortcut_override_are_ignored(
    qtbot: QtBot, wedge: WedgeFilter, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window
    got = Collected(wedge)
    handle = window.windowHandle()
    events = scanner_keys(cases.EAN)

    for event in events:
        override = qt_event(event)
        if event.pressed:
            # Qt asks the focus object about shortcuts before each press.
            shortcut = QKeyEvent(
                QEvent.Type.ShortcutOverride,
                override.key(),
                override.modifiers(),
                override.text(),
            )
            QApplication.sendEvent(line_edit, shortcut)
        QApplication.sendEvent(handle, override)
    repeat = qt_event(KeyEvent(500, True, "Key_4", "4", 13, autorepeat=True))
    QApplication.sendEvent(handle, repeat)

    assert got.texts == [cases.EAN]
    assert line_edit.text() == "4"  # the auto-repeat went through as typing


def test_a_focus_change_mid_burst_does_not_split_the_scan(
    qtbot: QtBot, wedge: WedgeFilter
) -> None:
    window = QWidget()
    form = QFormLayout(window)
    first, second = QLineEdit(), QLineEdit()
    form.addRow("a", first)
    form.addRow("b", second)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    got = Collected(wedge)
    events = scanner_keys(cases.EAN, gap=5)

    send(window, events[:12])
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    send(window, events[12:])

    assert got.texts == [cases.EAN]
    assert (first.text(), second.text()) == ("", "")


# --- K4 -------------------------------------------------------------------------------


def test_k4_person_typing_reaches_the_line_edit_unchanged(
    qtbot: QtBot, wedge: WedgeFilter, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window
    got = Collected(wedge)
    entered: list[str] = []
    line_edit.returnPressed.connect(lambda: entered.append(line_edit.text()))
    events, _start = cases.k4_person_then_scanner()

    send(window, events)
    qtbot.waitUntil(lambda: len(got.scans) == 1)

    assert entered == ["secret"]  # the person's Enter arrived after all six letters
    assert line_edit.text() == "secret"
    assert got.texts == [cases.EAN]


def test_k4_a_lone_key_is_delivered_after_the_gap(
    qtbot: QtBot, wedge: WedgeFilter, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window

    send(window, cases.tap(0, "Key_X", "x", cases.EVDEV_LETTER["x"]))

    assert line_edit.text() == ""  # held while it might start a scan
    qtbot.waitUntil(lambda: line_edit.text() == "x")


def test_terminator_none_delivers_the_scan_on_the_idle_timer(qtbot: QtBot) -> None:
    wedge = WedgeFilter(WedgeRule(terminator=WedgeTerminator.NONE), platform="xcb")
    wedge.install()
    try:
        window = QMainWindow()
        line_edit = QLineEdit()
        window.setCentralWidget(line_edit)
        qtbot.addWidget(window)
        window.show()
        line_edit.setFocus()
        with qtbot.waitSignal(wedge.scan_received) as blocker:
            send(window, cases.us_digits(cases.EAN, 0, 5))
        assert blocker.args[0].text == cases.EAN
        assert line_edit.text() == ""
    finally:
        wedge.uninstall()


# --- K1 and K5 through the filter ---------------------------------------------


def test_k1_azerty_scan_through_the_filter(
    qtbot: QtBot, wedge: WedgeFilter, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window
    got = Collected(wedge)

    send(window, cases.k1_azerty("xcb"))

    assert got.texts == [cases.EAN]
    assert line_edit.text() == ""


def test_k5_numlock_off_moves_no_caret_and_raises_a_notice(
    qtbot: QtBot, wedge: WedgeFilter, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window
    line_edit.setText("abc")
    line_edit.setCursorPosition(3)
    got = Collected(wedge)

    send(window, cases.k5_keypad(numlock=False))

    assert got.scans == []
    assert [n.kind for n in got.notices] == [NoticeKind.NUMLOCK_OFF]
    assert (line_edit.text(), line_edit.cursorPosition()) == ("abc", 3)


def test_k5_numlock_on_keypad_scan(
    qtbot: QtBot, wedge: WedgeFilter, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window
    got = Collected(wedge)

    send(window, cases.k5_keypad(numlock=True))

    assert got.texts == [cases.EAN]
    assert line_edit.text() == ""


# --- K6 -------------------------------------------------------------------------------


class Form(QDialog):
    """A barcode field, a quantity and a default button."""

    def __init__(self) -> None:
        super().__init__()
        layout = QFormLayout(self)
        self.bar_code = QLineEdit()
        self.quantity = QSpinBox()
        self.quantity.setValue(1)
        self.ok = QPushButton("OK")
        self.ok.setDefault(True)
        self.clicks = 0
        self.ok.clicked.connect(self._on_ok_clicked)
        layout.addRow("Bar code", self.bar_code)
        layout.addRow("Quantity", self.quantity)
        layout.addRow(self.ok)

    def _on_ok_clicked(self) -> None:
        self.clicks += 1


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    form = Form()
    qtbot.addWidget(form)
    form.setModal(False)
    form.show()
    form.activateWindow()
    form.bar_code.setFocus()
    qtbot.waitUntil(form.bar_code.hasFocus)
    return form


def test_k6_the_return_of_a_scan_presses_no_default_button_and_moves_no_focus(
    qtbot: QtBot, wedge: WedgeFilter, form: Form
) -> None:
    got = Collected(wedge)

    send(form, cases.k6_two_scans(), form.bar_code, form)

    assert got.texts == [cases.EAN, cases.EAN_2]
    assert form.clicks == 0
    assert form.bar_code.hasFocus()
    assert (form.bar_code.text(), form.quantity.value()) == ("", 1)


def test_k6_a_person_pressing_return_still_presses_the_default_button(
    qtbot: QtBot, wedge: WedgeFilter, form: Form
) -> None:
    # The control for the test above: the form does react to a typed Return.
    send(form, cases.return_key(0))

    assert form.clicks == 1


def test_k6_tab_terminator_moves_no_focus(qtbot: QtBot, form: Form) -> None:
    wedge = WedgeFilter(WedgeRule(terminator=WedgeTerminator.TAB), platform="xcb")
    wedge.install()
    got = Collected(wedge)
    try:
        events = cases.us_digits(cases.EAN, 0, 5)
        events += cases.tap(65, "Key_Tab", "\t", cases.EVDEV["Tab"])
        send(form, events)
    finally:
        wedge.uninstall()

    assert got.texts == [cases.EAN]
    assert form.bar_code.hasFocus()


# --- routing: a scan the app does not take -------------------------------------------


class Routed:
    """A router that answers `route` and notes what it was asked about."""

    def __init__(self, wedge: WedgeFilter, route: ScanRoute) -> None:
        self.route = route
        self.asked: list[QObject | None] = []
        self.typed: list[str] = []
        self.ignored: list[str] = []
        wedge.set_router(self)
        wedge.scan_typed.connect(lambda scan: self.typed.append(scan.text))
        wedge.scan_ignored.connect(lambda scan: self.ignored.append(scan.text))

    def __call__(self, target: QObject | None) -> ScanRoute:
        self.asked.append(target)
        return self.route


def test_a_scan_routed_as_typing_reaches_the_focused_field_without_its_return(
    qtbot: QtBot, wedge: WedgeFilter, form: Form
) -> None:
    got = Collected(wedge)
    router = Routed(wedge, ScanRoute.TYPING)

    send(form, cases.k6_two_scans(), form.bar_code, form)

    assert router.asked == [form.bar_code, form.bar_code]
    assert form.bar_code.text() == cases.EAN + cases.EAN_2
    assert router.typed == [cases.EAN, cases.EAN_2]
    assert got.scans == []
    assert form.clicks == 0  # the scanner's Return pressed no default button
    assert form.bar_code.hasFocus()


@pytest.mark.parametrize(
    ("events", "code"),
    [
        (cases.k1_azerty("xcb"), cases.EAN),  # the keys' text: "'àà\"_&\"\"\"ç\"&"
        (cases.ukrainian_code("ZK48201"), "ZK48201"),  # the keys' text: "ЯЛ48201"
    ],
    ids=["azerty", "ukrainian"],
)
def test_a_scan_routed_as_typing_types_the_code_the_scanner_pressed_not_the_layout_s(
    qtbot: QtBot, wedge: WedgeFilter, form: Form, events: list[KeyEvent], code: str
) -> None:
    router = Routed(wedge, ScanRoute.TYPING)

    send(form, events, form.bar_code, form)

    assert form.bar_code.text() == code
    assert router.typed == [code]
    assert form.clicks == 0


def test_a_scan_routed_as_typing_replaces_what_a_field_for_codes_holds(
    qtbot: QtBot, wedge: WedgeFilter, form: Form
) -> None:
    router = Routed(wedge, ScanRoute.TYPING)
    form.bar_code.setProperty(SCAN_REPLACES, True)
    form.bar_code.setText(cases.EAN)
    form.bar_code.setCursorPosition(4)

    send(form, cases.k6_two_scans(), form.bar_code, form)

    assert form.bar_code.text() == cases.EAN_2  # each scan replaced the last
    assert router.typed == [cases.EAN, cases.EAN_2]
    assert form.clicks == 0


def test_a_scan_routed_as_typing_is_inserted_at_the_cursor_of_an_ordinary_field(
    qtbot: QtBot, wedge: WedgeFilter, form: Form
) -> None:
    Routed(wedge, ScanRoute.TYPING)
    form.bar_code.setText("ref: ; ok")
    form.bar_code.setCursorPosition(5)

    send(form, scanner_keys(cases.EAN), form.bar_code, form)

    assert form.bar_code.text() == f"ref: {cases.EAN}; ok"
    assert form.bar_code.cursorPosition() == 5 + len(cases.EAN)


def text_of(field: QWidget) -> str:
    if isinstance(field, QTextEdit | QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QComboBox):
        return field.currentText()
    assert isinstance(field, QLineEdit | QSpinBox)
    return field.text()


def text_field(kind: str) -> QWidget:
    """A field of `kind` holding "7" with the cursor at its end."""
    if kind == "spin box":
        spin_box = QSpinBox()
        spin_box.setRange(0, 999_999_999)
        spin_box.setValue(7)
        spin_box.findChild(QLineEdit).setCursorPosition(1)
        return spin_box
    if kind == "combo box":
        combo_box = QComboBox()
        combo_box.setEditable(True)
        combo_box.setEditText("7")
        return combo_box
    edit = QTextEdit() if kind == "text edit" else QPlainTextEdit()
    edit.setPlainText("7")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    return edit


@pytest.mark.parametrize(
    "kind", ["spin box", "combo box", "text edit", "plain text edit"]
)
@pytest.mark.parametrize("replaces", [False, True], ids=["inserts", "replaces"])
def test_a_scan_routed_as_typing_reaches_every_kind_of_text_field(
    qtbot: QtBot, wedge: WedgeFilter, kind: str, replaces: bool
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = text_field(kind)
    field.setProperty(SCAN_REPLACES, replaces)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    router = Routed(wedge, ScanRoute.TYPING)

    send(dialog, scanner_keys("12345678"), field, dialog)

    assert router.asked == [field]
    assert text_of(field) == ("12345678" if replaces else "712345678")


@pytest.mark.parametrize("route", [ScanRoute.IGNORE, ScanRoute.SCAN])
def test_a_scan_routed_to_be_ignored_or_received_is_swallowed(
    qtbot: QtBot, wedge: WedgeFilter, form: Form, route: ScanRoute
) -> None:
    got = Collected(wedge)
    router = Routed(wedge, route)

    send(form, cases.k6_two_scans())

    both = [cases.EAN, cases.EAN_2]
    assert (got.texts, router.ignored, router.typed) == (
        both if route is ScanRoute.SCAN else [],
        both if route is ScanRoute.IGNORE else [],
        [],
    )
    assert (form.bar_code.text(), form.clicks) == ("", 0)


def test_typing_is_never_offered_to_the_router(
    qtbot: QtBot, wedge: WedgeFilter, form: Form
) -> None:
    router = Routed(wedge, ScanRoute.IGNORE)

    send(form, cases.us_digits("12", 0, 5) + cases.return_key(10))

    assert router.asked == []
    assert form.bar_code.text() == "12"
    assert form.clicks == 1  # a short burst is typing: its Return acts


# --- switching itself off -------------------------------------------------------------


class BrokenDecoder(KeyBurstDecoder):
    def feed(self, event: KeyEvent) -> object:  # type: ignore[override]
        raise RuntimeError("decoder bug")


def test_a_failing_handler_switches_the_filter_off_and_says_so(
    qtbot: QtBot, main_window: tuple[QMainWindow, QLineEdit]
) -> None:
    window, line_edit = main_window
    wedge = WedgeFilter(decoder=BrokenDecoder(), platform="xcb")
    wedge.install()
    got = Collected(wedge)

    send(window, cases.us_digits("42", 0, 5))

    assert wedge.is_disabled
    assert len(got.disabled) == 1 and "switched itself off" in got.disabled[0]
    assert line_edit.text() == "42"  # keys are not trapped
    wedge.uninstall()
