"""Screenshots of the add-product wizard's five pages, in Ukrainian, under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" python scripts/wizard_screenshots.py
    python scripts/wizard_screenshots.py --language en --output-dir /tmp/shots

The wizard runs against an in-process sandbox server with the demo catalog and a
temporary data folder, and walks through a real creation: a product with a 13+2
barcode, a box of 12, prices on two levels and a generated in-store code. Files:
`wizard-1-identify.png` … `wizard-5-create.png` (default resources/screenshots/;
other languages get a `-<lang>` suffix).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "resources" / "screenshots"
WIZARD_SIZE = (820, 640)
WAIT_MS = 30_000
SETTLE_MS = 300  # let the layout and the first paint finish before grabbing


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--language", choices=("uk", "en"), default="uk")
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM")
        or ("xcb" if "DISPLAY" in os.environ else "offscreen"),
        help="Qt platform plugin: xcb under Xvfb (default when DISPLAY is set)",
    )
    return parser.parse_args(argv)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until `condition` holds (polled), or give up."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start(WAIT_MS)
    loop.exec()
    poll.stop()
    if not condition():
        raise SystemExit(f"gave up waiting for {what}")


def settle() -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()


def shoot(language: str, output_dir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import requests

    from app.api.client import CatalogClient
    from app.api.creation import CreationJournal
    from app.gui.app import create_application
    from app.gui.settings import Settings
    from app.gui.tasks import TaskRunner
    from app.gui.wizard import (
        AddProductWizard,
        ServerBarcodes,
        WizardSources,
        client_reference_loader,
    )
    from app.sandbox.testing import running_server

    output_dir.mkdir(parents=True, exist_ok=True)
    suffix = "" if language == "uk" else f"-{language}"
    application = create_application(
        sys.argv[:1], Settings(interface_language=language)
    )
    with running_server(demo=True) as server:
        client = CatalogClient(requests.Session(), server.base_url, server.token)
        runner = TaskRunner()
        barcodes = ServerBarcodes(client)
        sources = WizardSources(
            client=client,
            journal=CreationJournal(Path(os.environ["KOMORA_DATA_DIR"]) / "j.sqlite3"),
            runner=runner,
            load_reference=client_reference_loader(client),
            find_barcode_owner=barcodes.owner_of,
            codes_in_use=barcodes.codes,
        )
        wizard = AddProductWizard(sources)
        wizard.resize(*WIZARD_SIZE)
        wizard.show()
        wait_until(lambda: wizard.context.reference is not None, "the dictionaries")

        def grab(number: int, name: str) -> None:
            settle()
            path = output_dir / f"wizard-{number}-{name}{suffix}.png"
            if not wizard.grab().save(str(path)):
                raise SystemExit(f"could not write {path}")
            print(path)

        identify = wizard.identify_page
        identify.barcode_edit.setText("482000000000012")
        identify.name_edit.setText("Вода мінеральна Поляна Квасова 0,5 л")
        identify.group_picker.search.setText("вод")
        identify.name_edit.setFocus()
        wait_until(identify.isComplete, "page 1 to be complete")
        grab(1, "identify")

        wizard.next()
        units = wizard.units_page
        box = units.add_row()
        box.unit_combo.setCurrentIndex(box.unit_combo.findData(8))
        box.rate_edit.setText("12")
        extra = units.add_row()
        extra.rate_edit.setText("1,5")  # refused: shows a reason beside the row
        grab(2, "units")
        extra.remove_button.click()

        wizard.next()
        prices = wizard.prices_page
        purchase, retail = prices.rows()[:2]
        purchase.price_edit.setText("14,20")
        retail.price_edit.setText("18,90")
        retail.min_edit.setText("17")
        grab(3, "prices")

        wizard.next()
        barcodes_page = wizard.barcodes_page
        barcodes_page.generate_button.click()
        wait_until(lambda: len(barcodes_page.rows()) == 2, "a generated code")
        wait_until(barcodes_page.isComplete, "the new code to be checked")
        grab(4, "barcodes")

        wizard.next()
        create = wizard.create_page
        wait_until(create.create_button.isEnabled, "the draft to be journaled")
        create.create_button.click()
        wait_until(lambda: create.result is not None, "the product to be created")
        grab(5, "create")

        wizard.close()
        runner.wait_for_done(WAIT_MS)
    application.qt.quit()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    with tempfile.TemporaryDirectory(prefix="komora-wizard-shots-") as home:
        for folder in ("DATA", "CONFIG", "LOG"):
            os.environ[f"KOMORA_{folder}_DIR"] = str(Path(home) / folder.lower())
        shoot(args.language, args.output_dir.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
