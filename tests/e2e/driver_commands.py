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

from PySide6.QtWidgets import QApplication, QWidget, QWizard

from tests.e2e.driver import Step, decimal_text, emit

if TYPE_CHECKING:
    from tests.e2e.driver import Driver


def visible_windows(class_name: str) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ == class_name and w.isVisible()
    ]


def the_window(class_name: str) -> QWidget:
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


def register(driver: Driver) -> None:
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
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        yield finish.isEnabled
        finish.click()
        yield lambda: not wizard.isVisible()
        return {"id_goods": result.id_goods, "guid": result.guid, "offered": offered}

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
