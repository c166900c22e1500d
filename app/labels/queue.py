"""The label queue: what is waiting to be printed, as plain Python (no Qt).

The GUI's queue dock shows a `LabelQueue`; scans, selected products and the wizard add
to it. `build_pages` turns queued items into pages for one template and resolution;
the output functions in `output.py` write or print those pages on any thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from app.labels.content import LabelProduct
from app.labels.errors import LabelError
from app.labels.geometry import Dpi, LabelLayout, Page, layout_label, paginate
from app.labels.templates import Template, load_template

logger = logging.getLogger(__name__)

MAX_COPIES = 10_000


@dataclass(frozen=True)
class PrintItem:
    """`quantity` labels of one product on one template. `catalog_gone`: the product
    (or the barcode it carries) has left the local catalog since it was queued; it
    prints as it was queued."""

    product: LabelProduct
    quantity: int
    template_name: str
    catalog_gone: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.quantity <= MAX_COPIES:
            raise LabelError(
                f"{self.quantity} labels of {self.product.bar_code}: the number of "
                f"labels must be 1 to {MAX_COPIES}",
                quantity=self.quantity,
            )


@dataclass(frozen=True)
class PrintJob:
    """Items that share a template, printed at one resolution."""

    template: Template
    items: tuple[PrintItem, ...]
    dpi: Dpi
    start_at: int = 1  # first free label on a partly used sheet (1-based)
    today: dt.date | None = None

    @property
    def label_count(self) -> int:
        return sum(item.quantity for item in self.items)


def build_layouts(job: PrintJob) -> list[LabelLayout]:
    """One layout per label, in order; raises LabelError for the first item that
    cannot be printed, naming it."""
    today = job.today or dt.date.today()
    layouts: list[LabelLayout] = []
    for item in job.items:
        try:
            layout = layout_label(job.template, item.product, job.dpi, today)
        except LabelError as error:
            raise type(error)(
                f"{item.product.name} ({item.product.bar_code}): {error.message}",
                **error.params,
            ) from error
        layouts.extend([layout] * item.quantity)
    return layouts


def build_pages(job: PrintJob) -> list[Page]:
    return paginate(job.template, build_layouts(job), job.dpi, job.start_at)


class LabelQueue:
    """Items waiting to be printed, in order. Adding an item checks that its label can
    be laid out (valid code, fits the template at `dpi`) so the user hears at once."""

    def __init__(
        self,
        dpi: Dpi,
        today: dt.date | None = None,
        items: Sequence[PrintItem] = (),
    ) -> None:
        self.dpi = dpi
        self._today = today
        self._items: list[PrintItem] = list(items)  # e.g. the saved queue

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[PrintItem]:
        return iter(self._items)

    def __getitem__(self, row: int) -> PrintItem:
        return self._items[row]

    @property
    def label_count(self) -> int:
        return sum(item.quantity for item in self._items)

    def add(self, product: LabelProduct, quantity: int, template_name: str) -> int:
        """Queue labels; the same product on the same template adds to its row.
        Returns the row. Raises LabelError (TemplateError, UnprintableBarcode, ...)."""
        template = load_template(template_name)
        layout_label(template, product, self.dpi, self._today or dt.date.today())
        for row, item in enumerate(self._items):
            if item.product == product and item.template_name == template_name:
                self._items[row] = replace(item, quantity=item.quantity + quantity)
                return row
        self._items.append(PrintItem(product, quantity, template_name))
        logger.info("queued %d label(s) for %s", quantity, product.bar_code)
        return len(self._items) - 1

    def set_quantity(self, row: int, quantity: int) -> None:
        self._items[row] = replace(self._items[row], quantity=quantity)

    def remove(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            del self._items[row]

    def clear(self) -> None:
        self._items.clear()

    def refresh(
        self, reread: Callable[[LabelProduct], LabelProduct | None]
    ) -> list[PrintItem]:
        """Replace each product with `reread(product)` (the catalog's current one);
        one it returns None for is kept as it is, marked `catalog_gone`. Returns
        those items."""
        gone = []
        for row, item in enumerate(self._items):
            product = reread(item.product)
            if product is None:
                self._items[row] = replace(item, catalog_gone=True)
                gone.append(self._items[row])
            else:
                self._items[row] = replace(item, product=product, catalog_gone=False)
        return gone

    def jobs(self, start_at: int = 1) -> list[PrintJob]:
        """One job per template, in the order templates first appear; `start_at`
        applies to the first sheet template only (the sheet in the printer)."""
        names: list[str] = []
        for item in self._items:
            if item.template_name not in names:
                names.append(item.template_name)
        jobs = []
        first_sheet = True
        for name in names:
            template = load_template(name)
            items = tuple(i for i in self._items if i.template_name == name)
            jobs.append(
                PrintJob(
                    template=template,
                    items=items,
                    dpi=self.dpi,
                    start_at=start_at if template.sheet and first_sheet else 1,
                    today=self._today,
                )
            )
            first_sheet = first_sheet and template.sheet is None
        return jobs
