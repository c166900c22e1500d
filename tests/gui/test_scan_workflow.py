"""The scan workflow: Find, Labels and Check, the journal first, the feedback.

Keyboard scans go through a real `WedgeFilter` as synthetic key events sent to a
window (as the platform delivers them); serial scans through a real `SerialScanner`
reading pyserial's `loop://`. The catalog is a local one built in the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from app.domain.barcode import with_check_digit
from app.domain.models import Barcode, Price, PriceLevel, Product, ProductUnit, Series
from app.gui.label_queue_dock import LabelQueueDock
from app.gui.scan_workflow import (
    OutcomeKind,
    ScanBanner,
    ScanBeeper,
    ScanMode,
    ScanOutcome,
    ScanWorkflow,
)
from app.gui.tasks import TaskRunner
from app.hardware.scan import Scan, ScanSource, SerialSettings
from app.hardware.serial_reader import SerialState, open_port
from app.hardware.serial_scanner import SerialScanner
from app.hardware.wedge_filter import WedgeFilter
from app.labels.content import LabelProduct
from app.store.catalog import Catalog
from app.store.records import LookupResult, ProductDetails
from app.store.scan_journal import ScanJournal, ScanResult

DEMO_CODE = "4820017000024"  # the sandbox's demo water, also in this test catalog
UNKNOWN_CODE = "4006381333931"
BAD_CHECK_DIGIT = "4006381333932"
T0 = datetime(2026, 1, 1, tzinfo=UTC)
KEY_T0 = 10_000  # Qt treats a timestamp of 0 as "none"
EVDEV_DIGIT = {d: (11 if d == "0" else int(d) + 1) for d in "0123456789"}


def add_product(catalog: Catalog, id_goods: int, name: str, bar_code: str) -> None:
    catalog.upsert_products(
        [
            Product(
                id_goods=id_goods, guid=f"p-{id_goods}", name_goods=name, time_change=T0
            )
        ]
    )
    details = ProductDetails(
        units=[
            ProductUnit(
                id_unit=1, name_unit="шт", type_unit=1, rate=Decimal(1), is_default=True
            )
        ],
        series=[Series(id_series="-", name_series="-")],
        prices=[
            Price(
                id_goods=id_goods,
                id_unit=1,
                id_series="-",
                id_price_level=1,
                price=Decimal("18.90"),
                min_price=Decimal("18.90"),
                max_price=Decimal("18.90"),
            )
        ],
        barcodes=[Barcode(bar_code=bar_code, id_unit=1, id_series="-", guid=bar_code)],
    )
    catalog.replace_details(id_goods, details, T0)


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    store = Catalog(tmp_path / "catalog.sqlite3")
    store.replace_price_levels(
        [PriceLevel(id_price_level=1, name_price_level="Retail", guid="lv-1")]
    )
    add_product(store, 1, "Вода питна 1,5 л", DEMO_CODE)
    yield store
    store.close()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[ScanJournal]:
    store = ScanJournal(tmp_path / "scans.sqlite3")
    yield store
    store.close()


class FakePanel:
    """The catalog panel's `show_product_for_scan`; notes what the journal held."""

    def __init__(self, journal: ScanJournal) -> None:
        self.journal = journal
        self.shown: list[LookupResult] = []
        self.journal_at_show: list[tuple[str, ScanResult]] = []

    def show_product_for_scan(self, result: LookupResult) -> bool:
        latest = self.journal.recent(1)[0]
        self.journal_at_show.append((latest.raw_text, latest.result))
        self.shown.append(result)
        return True


class FakeLabels:
    def __init__(self, journal: ScanJournal) -> None:
        self.journal = journal
        self.added: list[LabelProduct] = []
        self.journal_at_add: list[tuple[str, ScanResult]] = []

    def add_label(self, product: LabelProduct, quantity: int = 1) -> int:
        latest = self.journal.recent(1)[0]
        self.journal_at_add.append((latest.raw_text, latest.result))
        self.added.extend([product] * quantity)
        return 0


@pytest.fixture
def panel(journal: ScanJournal) -> FakePanel:
    return FakePanel(journal)


@pytest.fixture
def workflow(
    qtbot: QtBot, journal: ScanJournal, catalog: Catalog, panel: FakePanel
) -> Iterator[ScanWorkflow]:
    flow = ScanWorkflow(journal)
    flow.set_catalog(catalog, panel)
    yield flow
    flow.wait_for_done()


@pytest.fixture
def wedge(qtbot: QtBot) -> Iterator[WedgeFilter]:
    wedge = WedgeFilter(platform="xcb")
    wedge.install(QApplication.instance())
    yield wedge
    wedge.uninstall()


@pytest.fixture
def window(qtbot: QtBot) -> tuple[QMainWindow, QLineEdit]:
    window = QMainWindow()
    field = QLineEdit()
    window.setCentralWidget(field)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return window, field


# What the US digit keys type with AZERTY (fr) active, no Shift.
AZERTY_TOP_ROW = dict(zip("1234567890", "&é\"'(-è_çà", strict=True))


def type_scan(
    window: QMainWindow,
    code: str,
    start_ms: float = 0,
    layout: dict[str, str] | None = None,
) -> None:
    """A scanner's burst: each digit pressed and released 8 ms apart, then Return,
    with X11 native scan codes, sent to the window as the platform would; `layout`
    is what the active layout makes of each digit's key (none: the digit)."""
    handle = window.windowHandle()
    assert handle is not None
    t = KEY_T0 + start_ms
    texts = [layout[d] if layout else d for d in code]
    keys = [
        (Qt.Key(ord(text.upper())), text, EVDEV_DIGIT[d] + 8)
        for d, text in zip(code, texts, strict=True)
    ]
    keys.append((Qt.Key.Key_Return, "\r", 28 + 8))
    for key, text, scan_code in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(
                kind, key, Qt.KeyboardModifier.NoModifier, scan_code, 0, 0, text
            )
            event.setTimestamp(int(t))
            QApplication.sendEvent(handle, event)
            t += 2
        t += 6


def outcome_of(qtbot: QtBot, flow: ScanWorkflow, scan: Scan) -> ScanOutcome:
    with qtbot.waitSignal(flow.scan_handled, timeout=5000) as blocker:
        flow.handle_scan(scan)
    outcome: ScanOutcome = blocker.args[0]
    return outcome


def keyboard_scan(text: str) -> Scan:
    return Scan(text, ScanSource.KEYBOARD, t_ms=0, duration_ms=100)


def journal_result(journal: ScanJournal, journal_id: int) -> ScanResult:
    return next(e.result for e in journal.recent(50) if e.id == journal_id)


# --- Find --------------------------------------------------------------------------


def test_a_wedge_scan_of_a_known_code_in_find_mode_selects_the_product(
    qtbot: QtBot,
    wedge: WedgeFilter,
    window: tuple[QMainWindow, QLineEdit],
    workflow: ScanWorkflow,
    panel: FakePanel,
    journal: ScanJournal,
) -> None:
    main, field = window
    wedge.scan_received.connect(workflow.handle_scan)

    with qtbot.waitSignal(workflow.scan_handled, timeout=5000) as blocker:
        type_scan(main, DEMO_CODE)

    outcome: ScanOutcome = blocker.args[0]
    assert outcome.kind is OutcomeKind.FOUND
    assert outcome.id_goods == 1
    assert outcome.message == "Вода питна 1,5 л"
    assert [r.product.id_goods for r in panel.shown] == [1]
    assert field.text() == ""  # the scan's keys were swallowed, not typed
    # The journal held the scan, still pending, when the product was shown.
    assert panel.journal_at_show == [(DEMO_CODE, ScanResult.PENDING)]
    qtbot.waitUntil(
        lambda: journal_result(journal, outcome.journal_id) is ScanResult.FOUND
    )


def test_an_unknown_code_in_find_mode_emits_unknown_code(
    qtbot: QtBot, workflow: ScanWorkflow, journal: ScanJournal
) -> None:
    seen: list[tuple[str, ScanResult]] = []

    def on_unknown(code: str) -> None:
        latest = journal.recent(1)[0]
        seen.append((code, latest.result))

    workflow.unknown_code.connect(on_unknown)
    with qtbot.waitSignal(workflow.unknown_code, timeout=5000) as blocker:
        workflow.handle_scan(keyboard_scan(UNKNOWN_CODE))

    assert blocker.args == [UNKNOWN_CODE]
    assert seen == [(UNKNOWN_CODE, ScanResult.PENDING)]
    qtbot.waitUntil(lambda: journal.recent(1)[0].result is ScanResult.NOT_FOUND)


def test_an_invalid_code_shows_its_reason_and_is_journaled_as_invalid(
    qtbot: QtBot, workflow: ScanWorkflow, journal: ScanJournal, panel: FakePanel
) -> None:
    banner = ScanBanner()
    qtbot.addWidget(banner)
    workflow.scan_handled.connect(banner.show_outcome)
    unknown: list[str] = []
    workflow.unknown_code.connect(unknown.append)

    outcome = outcome_of(qtbot, workflow, keyboard_scan(BAD_CHECK_DIGIT))

    assert outcome.kind is OutcomeKind.INVALID
    assert "should end in 1" in outcome.message
    assert "should end in 1" in banner.text()
    assert banner.tone == "bad" and not banner.isHidden()
    assert panel.shown == [] and unknown == []
    entry = journal.recent(1)[0]
    assert entry.raw_text == BAD_CHECK_DIGIT and entry.reading is None
    qtbot.waitUntil(lambda: journal.recent(1)[0].result is ScanResult.INVALID)


# --- Labels ------------------------------------------------------------------------


def test_labels_mode_adds_one_label_per_scan_to_the_queue(
    qtbot: QtBot, workflow: ScanWorkflow, journal: ScanJournal, panel: FakePanel
) -> None:
    runner = TaskRunner()
    dock = LabelQueueDock(runner, {"template": "thermal-58x40", "dpi": "203"})
    qtbot.addWidget(dock)
    workflow.labels = dock
    workflow.set_mode(ScanMode.LABELS)

    first = outcome_of(qtbot, workflow, keyboard_scan(DEMO_CODE))
    second = outcome_of(qtbot, workflow, keyboard_scan(DEMO_CODE))

    assert (first.kind, second.kind) == (OutcomeKind.QUEUED, OutcomeKind.QUEUED)
    queue = dock.model.queue
    assert len(queue) == 1
    assert queue[0].quantity == 2
    assert queue[0].product.bar_code == DEMO_CODE
    assert queue[0].product.name == "Вода питна 1,5 л"
    assert queue[0].template_name == "thermal-58x40"
    assert panel.shown == []  # Labels mode does not jump around the catalog


def test_labels_mode_journals_each_scan_before_queueing_it(
    qtbot: QtBot, workflow: ScanWorkflow, journal: ScanJournal
) -> None:
    labels = FakeLabels(journal)
    workflow.labels = labels
    workflow.set_mode(ScanMode.LABELS)

    outcome_of(qtbot, workflow, keyboard_scan(DEMO_CODE))

    assert labels.journal_at_add == [(DEMO_CODE, ScanResult.PENDING)]
    assert [p.bar_code for p in labels.added] == [DEMO_CODE]
    qtbot.waitUntil(lambda: journal.recent(1)[0].result is ScanResult.FOUND)


def test_labels_mode_unknown_code_queues_nothing_and_offers_the_wizard(
    qtbot: QtBot, workflow: ScanWorkflow, journal: ScanJournal
) -> None:
    labels = FakeLabels(journal)
    workflow.labels = labels
    workflow.set_mode(ScanMode.LABELS)
    unknown: list[str] = []
    workflow.unknown_code.connect(unknown.append)

    outcome = outcome_of(qtbot, workflow, keyboard_scan(UNKNOWN_CODE))

    assert outcome.kind is OutcomeKind.UNKNOWN
    assert labels.added == []
    assert unknown == [UNKNOWN_CODE]


def test_check_mode_never_offers_the_wizard(
    qtbot: QtBot, workflow: ScanWorkflow
) -> None:
    workflow.set_mode(ScanMode.CHECK)
    unknown: list[str] = []
    workflow.unknown_code.connect(unknown.append)

    outcome = outcome_of(qtbot, workflow, keyboard_scan(UNKNOWN_CODE))

    assert outcome.kind is OutcomeKind.READING
    assert unknown == []


# --- Check -------------------------------------------------------------------------


def test_check_mode_shows_the_reading_and_selects_nothing(
    qtbot: QtBot, workflow: ScanWorkflow, panel: FakePanel
) -> None:
    workflow.set_mode(ScanMode.CHECK)
    in_store = with_check_digit("220123401250")  # weight 1.250 kg of item 01234

    weighed = outcome_of(qtbot, workflow, keyboard_scan(in_store))
    with_add_on = outcome_of(qtbot, workflow, keyboard_scan(UNKNOWN_CODE + " 12"))

    assert weighed.kind is OutcomeKind.READING
    assert weighed.message.startswith("EAN-13 " + in_store)
    assert "in-store code" in weighed.message
    assert "item 01234" in weighed.message and "quantity 1.250" in weighed.message
    assert with_add_on.message == (
        "EAN-13 4006381333931 + add-on 12 · manufacturer's code (GTIN)"
    )
    assert panel.shown == []


def test_the_mode_actions_switch_the_mode(qtbot: QtBot, workflow: ScanWorkflow) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    group = workflow.build_actions(window)
    actions = {a.objectName(): a for a in group.actions()}
    assert [a.shortcut().toString() for a in group.actions()] == ["F6", "F7", "F8"]

    with qtbot.waitSignal(workflow.mode_changed) as blocker:
        actions["scanMode_check"].trigger()

    assert blocker.args == [ScanMode.CHECK]
    assert workflow.mode is ScanMode.CHECK
    workflow.set_mode(ScanMode.LABELS)
    assert actions["scanMode_labels"].isChecked()


# --- serial ------------------------------------------------------------------------


def test_a_serial_scan_through_loop_lands_like_a_keyboard_scan(
    qtbot: QtBot, workflow: ScanWorkflow, panel: FakePanel, journal: ScanJournal
) -> None:
    ports = []

    def opener(device: str, settings: SerialSettings) -> object:
        port = open_port(device, settings)
        ports.append(port)
        return port

    scanner = SerialScanner(port_lister=list, opener=opener)  # type: ignore[arg-type]
    scanner.scan_received.connect(workflow.handle_scan)
    with qtbot.waitSignal(
        scanner.status_changed,
        check_params_cb=lambda s: s.state is SerialState.CONNECTED,
        timeout=5000,
    ):
        scanner.start(SerialSettings(port="loop://"))
    try:
        with qtbot.waitSignal(workflow.scan_handled, timeout=5000) as blocker:
            ports[0].write(DEMO_CODE.encode() + b"\r")
    finally:
        scanner.stop()

    outcome: ScanOutcome = blocker.args[0]
    assert outcome.kind is OutcomeKind.FOUND
    assert [r.product.id_goods for r in panel.shown] == [1]
    assert journal.recent(1)[0].source == "serial:loop://"


# --- feedback ----------------------------------------------------------------------


def test_the_beeper_beeps_once_found_twice_unknown_three_times_invalid(
    qtbot: QtBot,
) -> None:
    beeps: list[int] = []
    beeper = ScanBeeper(beep=lambda: beeps.append(1))

    def outcome(kind: OutcomeKind) -> ScanOutcome:
        return ScanOutcome(kind, ScanMode.FIND, "1", "", 1)

    for kind, count in (
        (OutcomeKind.FOUND, 1),
        (OutcomeKind.UNKNOWN, 2),
        (OutcomeKind.INVALID, 3),
    ):
        beeps.clear()
        beeper.play(outcome(kind))
        qtbot.waitUntil(lambda count=count: len(beeps) == count)
        assert not beeper._timer.isActive()
