"""The commands the e2e driver runs inside the app (see tests/e2e/driver.py).

Each command is a generator on the GUI thread: it changes widgets the way a person
would (text into the fields, a click on the button), then yields a condition to wait
for; the driver resumes it when the condition holds. Values go into the wizard's own
widgets, so its validation, journal and creation flow run exactly as for a person.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from tests.e2e.driver import Step, decimal_text, emit

if TYPE_CHECKING:
    from tests.e2e.driver import Driver


def visible_windows(class_name: str) -> list[Any]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ == class_name and w.isVisible()
    ]


def the_window(class_name: str) -> Any:
    found = visible_windows(class_name)
    if len(found) != 1:
        raise AssertionError(f"expected one visible {class_name}, found {len(found)}")
    return found[0]


def group_id_of(groups: list[Any], path: str) -> int:
    """The id of the group at `path` ("Напої/Соки та нектари")."""
    by_id = {g.id_group: g for g in groups}

    def full(group: Any) -> str:
        names = [group.name_group]
        while group.id_owner_group is not None:
            group = by_id[group.id_owner_group]
            names.append(group.name_group)
        return "/".join(reversed(names))

    matches = [g.id_group for g in groups if full(g) == path]
    if len(matches) != 1:
        raise AssertionError(f"no single group at {path!r}: {matches}")
    return int(matches[0])


def select_unit(wizard: Any, short_name: str) -> None:
    units = wizard.units_page
    combo = units.default_unit_combo
    for index in range(combo.count()):
        data = combo.itemData(index)
        if data is not None and units.unit_short_name(int(data)) == short_name:
            combo.setCurrentIndex(index)
            return
    raise AssertionError(f"the units page offers no unit {short_name!r}")


def hold_creation_after_series(wizard: Any) -> None:
    """Fault injection: the creation's worker stops for good once the base series
    exists (step 3 of 7), so the test can kill the app with half a product made."""
    client = wizard.context.sources.client
    real = client.create_series

    def create_series_then_hold(guid: str, series: Any) -> Any:
        answer = real(guid, series)
        emit({"event": "creation_held", "guid": guid})
        threading.Event().wait()  # until the test kills the process
        return answer

    client.create_series = create_series_then_hold


WATCHED = ("ScanWorkflow", "WedgeFilter", "SerialScanner", "LabelQueueDock")
WATCH_MS = 250


def find_objects(driver: Driver, class_name: str) -> list[Any]:
    """Live objects of a class, wherever the composition root parented them."""
    roots = [QApplication.instance(), driver.session, driver.session.window]
    found: dict[int, Any] = {}
    for root in roots:
        if root is None:
            continue
        if type(root).__name__ == class_name:
            found[id(root)] = root
        for child in root.findChildren(QObject):
            if type(child).__name__ == class_name:
                found[id(child)] = child
    return list(found.values())


def the_object(driver: Driver, class_name: str) -> Any:
    found = find_objects(driver, class_name)
    if len(found) != 1:
        raise AssertionError(f"expected one {class_name}, found {len(found)}")
    return found[0]


def label_json(product: Any, level: int) -> dict[str, Any]:
    price = product.price_for(level)
    return {
        "bar_code": product.bar_code,
        "ext_bar_code": product.ext_bar_code,
        "name": product.name,
        "unit": product.unit,
        "price": None if price is None else str(price),
    }


class Watcher(QObject):
    """Connects to the app's scan, scanner and queue signals as they appear and
    reports them as events."""

    def __init__(self, driver: Driver) -> None:
        super().__init__(driver)
        self.driver = driver
        self._seen: list[Any] = []
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self.look)
        self._timer.start()

    def look(self) -> None:
        self._seen = [o for o in self._seen if shiboken6.isValid(o)]
        for class_name in WATCHED:
            for obj in find_objects(self.driver, class_name):
                if any(seen is obj for seen in self._seen):
                    continue
                self._seen.append(obj)
                getattr(self, f"_wire_{class_name}")(obj)
                emit({"event": "wired", "class": class_name})

    def _wire_ScanWorkflow(self, workflow: Any) -> None:
        def handled(outcome: Any) -> None:
            emit(
                {
                    "event": "scan_handled",
                    "kind": str(outcome.kind),
                    "mode": str(outcome.mode),
                    "code": outcome.code,
                    "message": outcome.message,
                    "journal_id": outcome.journal_id,
                    "id_goods": outcome.id_goods,
                }
            )

        workflow.scan_handled.connect(handled)
        workflow.mode_changed.connect(
            lambda mode: emit({"event": "mode_changed", "mode": str(mode)})
        )

    def _wire_WedgeFilter(self, wedge: Any) -> None:
        wedge.scan_received.connect(
            lambda scan: emit({"event": "wedge_scan", "text": scan.text})
        )
        wedge.disabled.connect(
            lambda text: emit({"event": "wedge_disabled", "message": text})
        )

    def _wire_SerialScanner(self, scanner: Any) -> None:
        scanner.scan_received.connect(
            lambda scan: emit(
                {"event": "serial_scan", "text": scan.text, "port": scan.port}
            )
        )
        scanner.status_changed.connect(
            lambda status: emit(
                {
                    "event": "serial_status",
                    "state": str(status.state),
                    "port": status.port,
                }
            )
        )

    def _wire_LabelQueueDock(self, dock: Any) -> None:
        dock.queue_changed.connect(
            lambda count: emit({"event": "queue_changed", "labels": count})
        )


def ask_for_labels(driver: Driver, create: Any, count: int) -> Step:
    """The create page's "Print labels" with `count`; waits until they are queued."""
    if count <= 0:
        return None
    docks = find_objects(driver, "LabelQueueDock")
    before = docks[0].model.queue.label_count if len(docks) == 1 else 0
    create.quantity.setValue(count)
    yield create.print_button.isEnabled
    create.print_button.click()
    yield (
        lambda: (
            the_object(driver, "LabelQueueDock").model.queue.label_count
            == (before + count)
        )
    )
    return None


def register(driver: Driver) -> None:
    driver.watcher = Watcher(driver)  # type: ignore[attr-defined]

    @driver.command("ping")
    def ping(request: dict[str, Any]) -> Step:
        yield None
        return {"pong": True}

    @driver.command("fill_wizard")
    def fill_wizard(request: dict[str, Any]) -> Step:
        """Complete the open AddProductWizard: name, group, unit, prices, create."""
        wizard: Any = None

        def wizard_open() -> bool:
            nonlocal wizard
            found = visible_windows("AddProductWizard")
            wizard = found[0] if len(found) == 1 else None
            return wizard is not None and wizard.context.reference is not None

        yield wizard_open
        page = wizard.identify_page
        scanned = page.barcode_edit.text()
        page.name_edit.setText(request["name"])
        page.group_picker.set_group_id(
            group_id_of(wizard.context.reference.groups, request["group"])
        )
        yield lambda: not page.is_checking() and page.isComplete()
        wizard.next()
        yield lambda: wizard.currentId() == 1  # PageId.UNITS
        select_unit(wizard, request["unit"])
        yield wizard.units_page.isComplete
        wizard.next()
        prices = wizard.prices_page
        yield lambda: bool(prices.rows())
        wanted = {-1: request["purchase_price"], 1: request["retail_price"]}
        for row in prices.rows():
            level = row.level.id_price_level
            if level in wanted:
                row.price_edit.setText(decimal_text(Decimal(wanted[level])))
        yield prices.isComplete
        wizard.next()
        barcodes = wizard.barcodes_page
        yield barcodes.isComplete
        listed = [(b.bar_code, b.ext_bar_code) for b in barcodes.barcodes()]
        wizard.next()
        create = wizard.create_page
        yield create.create_button.isEnabled
        if request.get("hold_after_series"):
            hold_creation_after_series(wizard)
        create.create_button.click()
        if request.get("hold_after_series"):
            return {"held": True, "scanned": scanned, "barcodes": listed}
        yield lambda: create.result is not None or bool(create.error.text())
        if create.result is None:
            raise AssertionError(f"creation failed: {create.error.text()}")
        result = create.result
        yield from ask_for_labels(driver, create, int(request.get("labels", 0)))
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        yield finish.isEnabled
        finish.click()
        yield lambda: not wizard.isVisible()
        return {
            "id_goods": result.id_goods,
            "guid": result.guid,
            "scanned": scanned,
            "barcodes": listed,
        }

    @driver.command("resume_draft")
    def resume_draft(request: dict[str, Any]) -> Step:
        """Resume the one draft the start-up dialog offers and finish its creation."""
        yield lambda: bool(visible_windows("UnfinishedDraftsDialog"))
        dialog: Any = the_window("UnfinishedDraftsDialog")
        offered = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.resume_button.click()
        wizard: Any = None

        def on_create_page() -> bool:
            nonlocal wizard
            found = visible_windows("AddProductWizard")
            wizard = found[0] if len(found) == 1 else None
            return wizard is not None and wizard.currentId() == 4  # PageId.CREATE

        yield on_create_page
        create = wizard.create_page
        yield create.create_button.isEnabled
        create.create_button.click()
        yield lambda: create.result is not None or bool(create.error.text())
        if create.result is None:
            raise AssertionError(f"resumed creation failed: {create.error.text()}")
        result = create.result
        yield from ask_for_labels(driver, create, int(request.get("labels", 0)))
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        yield finish.isEnabled
        finish.click()
        yield lambda: not wizard.isVisible()
        return {"id_goods": result.id_goods, "guid": result.guid, "offered": offered}

    @driver.command("wait_ready")
    def wait_ready(request: dict[str, Any]) -> Step:
        """The scan workflow has a local catalog that finds every one of `codes`
        (the first sync fills it product by product)."""
        from app.domain.barcode import read_barcode

        readings = [read_barcode(code) for code in request["codes"]]

        def ready() -> bool:
            found = find_objects(driver, "ScanWorkflow")
            catalog = found[0].catalog if len(found) == 1 else None
            return catalog is not None and all(
                catalog.lookup(reading) is not None for reading in readings
            )

        yield ready
        return {}

    @driver.command("wait_idle")
    def wait_idle(request: dict[str, Any]) -> Step:
        """No background task runs and the event loop has answered every tick
        within 50 ms for 300 ms: a scan now meets a responsive app, as a person's
        scanner usually does."""
        import time

        runner = driver.session.runner
        state = {"last": time.monotonic(), "quiet_since": time.monotonic()}

        def idle() -> bool:
            now = time.monotonic()
            late = now - state["last"] > 0.05
            state["last"] = now
            if late or runner.is_busy():
                state["quiet_since"] = now
                return False
            return now - state["quiet_since"] >= 0.3

        yield idle
        return {}

    @driver.command("wait_focus")
    def wait_focus(request: dict[str, Any]) -> Step:
        """Qt has taken in the X focus given to the main window: a key now goes to
        it (a key that arrives before Qt knows its focus window is dropped)."""
        from PySide6.QtGui import QGuiApplication

        window = driver.session.window
        yield lambda: QGuiApplication.focusWindow() is window.windowHandle()
        return {}

    @driver.command("close_wizard")
    def close_wizard(request: dict[str, Any]) -> Step:
        """Cancel the wizard opened for `code` (a scan the machine split)."""
        yield lambda: any(
            w.identify_page.barcode_edit.text() == request["code"]
            for w in visible_windows("AddProductWizard")
        )
        for wizard in visible_windows("AddProductWizard"):
            if wizard.identify_page.barcode_edit.text() == request["code"]:
                wizard.reject()
        yield (
            lambda: (
                not any(
                    w.identify_page.barcode_edit.text() == request["code"]
                    for w in visible_windows("AddProductWizard")
                )
            )
        )
        return {}

    @driver.command("set_mode")
    def set_mode(request: dict[str, Any]) -> Step:
        from app.gui.scan_workflow import ScanMode

        yield None
        workflow = the_object(driver, "ScanWorkflow")
        workflow.set_mode(ScanMode(request["mode"]))
        return {"mode": str(workflow.mode)}

    @driver.command("queue")
    def queue(request: dict[str, Any]) -> Step:
        """The label queue as it stands: one entry per row."""
        from app.labels.templates import load_template

        yield None
        dock = the_object(driver, "LabelQueueDock")
        rows = []
        for item in dock.model.queue:
            level = load_template(item.template_name).price_level
            rows.append(
                {
                    **label_json(item.product, level),
                    "quantity": item.quantity,
                    "template": item.template_name,
                    "price_level": level,
                }
            )
        return {"rows": rows, "labels": dock.model.queue.label_count}

    @driver.command("export")
    def export(request: dict[str, Any]) -> Step:
        """Every queued label on one template, at one DPI, written to `path` through
        the dock's own export (a worker thread, as the Export button does)."""
        dock = the_object(driver, "LabelQueueDock")
        template = request["template"]
        index = dock.template_combo.findData(template)
        if index < 0:
            raise AssertionError(f"the dock offers no template {template}")
        dock.template_combo.setCurrentIndex(index)
        dock.dpi_combo.setCurrentText(str(request["dpi"]))
        dock.table.selectAll()
        dock.apply_template_button.click()
        names = {item.template_name for item in dock.model.queue}
        if names != {template}:
            raise AssertionError(f"the queue kept other templates: {names}")
        outcome: list[Any] = []
        dock.output_finished.connect(outcome.append)
        dock.output_failed.connect(lambda failure: outcome.append(failure))
        dock.export_to(Path(request["path"]))
        yield lambda: bool(outcome)
        if not isinstance(outcome[0], list):
            raise AssertionError(f"export failed: {outcome[0].message}")
        return {
            "written": [str(p) for p in outcome[0]],
            "labels": dock.model.queue.label_count,
        }

    @driver.command("screenshot")
    def screenshot(request: dict[str, Any]) -> Step:
        """Grab a visible window (by class name, the main window by default)."""
        yield None
        name = request.get("window", "MainWindow")
        window = the_window(name)
        path = Path(request["path"])
        if not window.grab().save(str(path)):
            raise AssertionError(f"could not save {path}")
        return {"path": str(path)}

    @driver.command("quit")
    def quit_app(request: dict[str, Any]) -> Step:
        yield None
        driver.session.window.close()
        return {}
