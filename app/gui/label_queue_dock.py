"""The label queue dock: what waits to be printed, and the ways out.

The table shows an `app.labels.queue.LabelQueue` (product, code, quantity, template).
Labels come from Labels-mode scans (`add_label`), from the catalog's "add to label
queue" (`add_request`) and from the add-product wizard (`add_product_id`). The tool
row chooses the template for new labels and the printer's DPI, "Start at label N" for
a partly used sheet, and sends the queue out: Preview, Print (system printer through
`app.labels.printing`), Export (PDF, PNG or ZPL file) and Send (ZPL to host:9100).
Everything that lays out, renders, prints or sends runs on the task runner's threads;
a QPrinter is made on the GUI thread and then painted only by the one worker.

With a `SavedQueue` the queue is written to disk on every change (a small SQLite
commit, made on the GUI thread so what the table shows is what a killed app keeps) and
shown again at the next start; once the catalog is attached, the saved products are
re-read from it, and one that is no longer there stays in the queue, marked. The
template, DPI and "start at label" (per template) are kept there too, so a restart
finds the sheet as it was left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.label_preview import LabelPreviewDialog, PreviewSet, render_preview
from app.gui.printer_page import (
    DPI_CHOICES,
    PrinterChoice,
    label_error_message,
    printer_choice,
)
from app.gui.tasks import TaskFailure, TaskRunner, register_error_message
from app.labels.catalog_source import label_product_from_catalog, reread_from_catalog
from app.labels.content import LabelProduct
from app.labels.errors import LabelError
from app.labels.geometry import Dpi, parse_dpi
from app.labels.output import print_jobs, send_job_zpl, write_job
from app.labels.queue import MAX_COPIES, LabelQueue, PrintItem, PrintJob
from app.labels.saved_queue import SavedQueue, SheetState
from app.labels.templates import builtin_names, load_template
from app.store.catalog import Catalog

logger = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex
register_error_message(LabelError, label_error_message)


class QueueColumn(IntEnum):
    PRODUCT = 0
    CODE = 1
    QUANTITY = 2
    TEMPLATE = 3


GONE_COLOR = "#b3261e"  # the text of a row whose product left the catalog


class LabelQueueModel(QAbstractTableModel):
    """A `LabelQueue` as a table; the quantity is editable."""

    def __init__(self, queue: LabelQueue, parent: Any = None) -> None:
        super().__init__(parent)
        self.queue = queue

    # --- Qt -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.queue)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(QueueColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < len(QueueColumn)
        ):
            return None
        return {
            QueueColumn.PRODUCT: self.tr("Product"),
            QueueColumn.CODE: self.tr("Barcode"),
            QueueColumn.QUANTITY: self.tr("Labels"),
            QueueColumn.TEMPLATE: self.tr("Template"),
        }[QueueColumn(section)]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.queue):
            return None
        item = self.queue[index.row()]
        column = QueueColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column is QueueColumn.PRODUCT and item.catalog_gone:
                return self.tr("%1 (no longer in the catalog)").replace(
                    "%1", item.product.name
                )
            if column is QueueColumn.PRODUCT:
                return item.product.name
            if column is QueueColumn.CODE:
                code = item.product.bar_code
                extra = item.product.ext_bar_code
                return f"{code} {extra}" if extra else code
            if column is QueueColumn.QUANTITY:
                return item.quantity
            return item.template_name
        if role == Qt.ItemDataRole.TextAlignmentRole and column is QueueColumn.QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if item.catalog_gone and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(GONE_COLOR))
        if item.catalog_gone and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "This product or its barcode is no longer in the local catalog; "
                "its labels print as they were queued. Remove the row if they are "
                "not wanted."
            )
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == QueueColumn.QUANTITY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or index.column() != QueueColumn.QUANTITY
        ):
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if not 1 <= quantity <= MAX_COPIES:
            return False
        self.set_quantity(index.row(), quantity)
        return True

    # --- editing --------------------------------------------------------------------

    def add(self, product: LabelProduct, quantity: int, template_name: str) -> int:
        """Queue labels (merging into a row of the same product and template); raises
        LabelError when the label cannot be laid out."""
        before = len(self.queue)
        # Checked before the rows are announced: a refused label changes nothing.
        probe = LabelQueue(self.queue.dpi)
        probe.add(product, quantity, template_name)
        for row, item in enumerate(self.queue):
            if item.product == product and item.template_name == template_name:
                self.queue.add(product, quantity, template_name)
                cell = self.index(row, QueueColumn.QUANTITY)
                self.dataChanged.emit(cell, cell)
                return row
        self.beginInsertRows(QModelIndex(), before, before)
        row = self.queue.add(product, quantity, template_name)
        self.endInsertRows()
        return row

    def set_quantity(self, row: int, quantity: int) -> None:
        self.queue.set_quantity(row, quantity)
        cell = self.index(row, QueueColumn.QUANTITY)
        self.dataChanged.emit(cell, cell)

    def remove(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.queue):
                self.beginRemoveRows(QModelIndex(), row, row)
                self.queue.remove([row])
                self.endRemoveRows()

    def set_template(self, rows: Sequence[int], template_name: str) -> None:
        """Move rows to another template (they go to the end, merged by product)."""
        load_template(template_name)
        items = [self.queue[row] for row in sorted(set(rows)) if row < len(self.queue)]
        for item in items:  # check all before changing any
            LabelQueue(self.queue.dpi).add(item.product, item.quantity, template_name)
        self.remove(rows)
        for item in items:
            self.add(item.product, item.quantity, template_name)

    def clear(self) -> None:
        self.beginResetModel()
        self.queue.clear()
        self.endResetModel()

    def refresh(self, catalog: Catalog) -> list[PrintItem]:
        """Re-read every product from `catalog`; returns the rows it no longer has."""
        if not len(self.queue):
            return []
        gone = self.queue.refresh(lambda product: reread_from_catalog(catalog, product))
        self.dataChanged.emit(
            self.index(0, 0), self.index(len(self.queue) - 1, len(QueueColumn) - 1)
        )
        return gone


def dpi_of(text: str) -> Dpi:
    return parse_dpi(text.replace("×", "x"))


class LabelQueueDock(QDockWidget):
    """The queue, its template and DPI, and Preview / Print / Export / Send.

    `printer_factory` makes the QPrinter for a named system printer (tests pass one
    printing to PDF); `ask_path` asks where to export (tests answer directly);
    `saved` keeps the queue on disk (read here, written on every change; the
    caller closes it).

    Signals:
        queue_changed(int): the number of labels in the queue now.
        output_finished(object): a print, export or send ended; the list of files
            written (empty for print and send).
        output_failed(TaskFailure): it did not.
        message(str): a sentence for the status bar.
    """

    queue_changed = Signal(int)
    output_finished = Signal(object)
    output_failed = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        printer_settings: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        printer_factory: Callable[[str], QPrinter] | None = None,
        ask_path: Callable[[], Path | None] | None = None,
        saved: SavedQueue | None = None,
    ) -> None:
        super().__init__(self.tr("Label queue"), parent)
        self.setObjectName("labelQueueDock")
        self.runner = runner
        self.catalog: Catalog | None = None
        self.preview_dialog: LabelPreviewDialog | None = None
        self._printer_factory = printer_factory or _system_printer
        self._ask_path = ask_path or self._ask_export_path
        self._printers: list[QPrinter] = []  # alive until their job ends
        self.choice: PrinterChoice = printer_choice(printer_settings or {})

        self._saved = saved
        restored = self._restore()
        self.model = LabelQueueModel(LabelQueue(self.choice.dpi, items=restored), self)
        self._start_at: dict[str, int] = {}
        self._sheet_loading = True
        self._build()
        self._show_sheet(self._saved.load_sheet() if self._saved else None)
        self.apply_printer_settings(printer_settings or {})
        self._sheet_loading = False
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.dataChanged,
        ):
            signal.connect(self._on_model_changed)
        self._on_model_changed()

    # --- building -------------------------------------------------------------------

    def _restore(self) -> tuple[PrintItem, ...]:
        """The saved queue; what went wrong is said once the dock is wired up."""
        if self._saved is None:
            return ()
        try:
            loaded = self._saved.load()
        except LabelError as error:
            self._saved = None
            self._say_later(
                self.tr(
                    "The saved label queue cannot be read; labels queued now are "
                    "not kept after the app closes. %1"
                ).replace("%1", error.message)
            )
            return ()
        if loaded.unreadable:
            self._say_later(
                self.tr(
                    "%1 saved label row(s) could not be read and were left out."
                ).replace("%1", str(loaded.unreadable))
            )
        return loaded.items

    def _say_later(self, text: str) -> None:
        # Emitted from the event loop: the status bar is connected by then.
        QTimer.singleShot(0, self, lambda: self.message.emit(text))

    def _build(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("labelQueueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QueueColumn.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column in (QueueColumn.CODE, QueueColumn.QUANTITY, QueueColumn.TEMPLATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.template_combo = QComboBox()
        self.template_combo.setObjectName("labelTemplate")
        for name in builtin_names():
            self.template_combo.addItem(name, name)
        self.template_combo.setToolTip(self.tr("Template for labels added next"))
        self.apply_template_button = QPushButton(self.tr("Use for &selected"))
        self.dpi_combo = QComboBox()
        self.dpi_combo.setObjectName("labelDpi")
        self.dpi_combo.setEditable(True)
        for text in DPI_CHOICES:
            self.dpi_combo.addItem(text)
        self.start_spin = QSpinBox()
        self.start_spin.setObjectName("startAtLabel")
        self.start_spin.setRange(1, 1)
        self.start_spin.setToolTip(self.tr("First free label on a partly used sheet"))

        self.remove_button = QPushButton(self.tr("&Remove"))
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.preview_button = QPushButton(self.tr("Pre&view…"))
        self.print_button = QPushButton(self.tr("&Print"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.send_button = QPushButton(self.tr("Send to &ZPL printer"))
        self.summary = QLabel()
        self.summary.setObjectName("labelQueueSummary")

        settings_row = QHBoxLayout()
        settings_row.addWidget(QLabel(self.tr("Template:")))
        settings_row.addWidget(self.template_combo, 1)
        settings_row.addWidget(self.apply_template_button)
        settings_row.addWidget(QLabel(self.tr("DPI:")))
        settings_row.addWidget(self.dpi_combo)
        settings_row.addWidget(QLabel(self.tr("Start at label:")))
        settings_row.addWidget(self.start_spin)
        # One row of buttons under the table: the dock sits below the products
        # table, and every row it takes is a row of products less.
        button_row = QHBoxLayout()
        button_row.addWidget(self.remove_button)
        button_row.addWidget(self.clear_button)
        button_row.addSpacing(16)
        for button in (
            self.preview_button,
            self.print_button,
            self.export_button,
            self.send_button,
        ):
            button_row.addWidget(button)
        button_row.addStretch(1)
        button_row.addWidget(self.summary)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(settings_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row)
        self.setWidget(body)
        self.output_buttons = [
            self.preview_button,
            self.print_button,
            self.export_button,
            self.send_button,
        ]

        self.template_combo.currentIndexChanged.connect(self._on_template_changed)
        self.apply_template_button.clicked.connect(self._on_apply_template_clicked)
        self.dpi_combo.currentTextChanged.connect(self._on_dpi_text_changed)
        self.start_spin.valueChanged.connect(self._on_start_spin_value_changed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.model.clear)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_labels)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.send_button.clicked.connect(self.send_zpl)

    # --- settings -------------------------------------------------------------------

    def apply_printer_settings(self, printer: dict[str, Any]) -> None:
        """The printer settings; their template and DPI replace the dock's choice
        only when they changed (the choice kept from the last run stays)."""
        previous = self.choice
        self.choice = printer_choice(printer)
        if (self.choice.template, self.choice.dpi) != (previous.template, previous.dpi):
            self._show_choice(self.choice.template, str(self.choice.dpi))
        self.send_button.setEnabled(bool(self.choice.zpl_address))
        self._on_template_changed()

    def _show_choice(self, template: str, dpi: str) -> None:
        index = self.template_combo.findData(template)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)
        self.dpi_combo.setCurrentText(dpi)

    def _show_sheet(self, sheet: SheetState | None) -> None:
        """The sheet choice saved by the last run, else the printer settings'."""
        if sheet is None:
            self._show_choice(self.choice.template, str(self.choice.dpi))
            return
        self._start_at = dict(sheet.start_at)
        self._show_choice(
            sheet.template or self.choice.template, sheet.dpi or str(self.choice.dpi)
        )

    def _save_sheet(self) -> None:
        if self._saved is None or self._sheet_loading:
            return
        sheet = SheetState(
            self.template_name,
            self.dpi_combo.currentText(),
            MappingProxyType(dict(self._start_at)),
        )
        try:
            self._saved.save_sheet(sheet)
        except LabelError as error:
            self.message.emit(label_error_message(error))

    @property
    def template_name(self) -> str:
        return str(self.template_combo.currentData() or self.choice.template)

    def set_catalog(self, catalog: Catalog | None) -> None:
        """The local catalog: the queued products are re-read from it, and rows it no
        longer has are marked and named in the status bar."""
        self.catalog = catalog
        if catalog is None:
            return
        gone = self.model.refresh(catalog)
        if gone:
            self.message.emit(
                self.tr(
                    "No longer in the local catalog, kept in the label queue as "
                    "queued: %1"
                ).replace("%1", ", ".join(item.product.name for item in gone))
            )

    # --- adding ---------------------------------------------------------------------

    def add_label(self, product: LabelProduct, quantity: int = 1) -> int:
        """Queue labels on the current template; raises LabelError."""
        row = self.model.add(product, quantity, self.template_name)
        self.table.selectRow(row)
        return row

    @Slot(object)
    def add_request(self, request: Any) -> None:
        """From the catalog panel's `label_requested(LabelRequest)`."""
        self._add_from_catalog(
            request.id_goods, 1, request.bar_code, request.ext_bar_code
        )

    @Slot(int, int)
    def add_product_id(self, id_goods: int, quantity: int) -> None:
        """From the wizard's `print_labels_requested(id_goods, quantity)`."""
        self._add_from_catalog(id_goods, quantity, None, None)

    def _add_from_catalog(
        self,
        id_goods: int,
        quantity: int,
        bar_code: str | None,
        ext_bar_code: str | None,
    ) -> None:
        product = self.catalog.product(id_goods) if self.catalog else None
        if self.catalog is None or product is None:
            self.message.emit(
                self.tr(
                    "Product %1 is not in the local catalog yet; sync, then add "
                    "its labels again."
                ).replace("%1", str(id_goods))
            )
            return
        details = self.catalog.details(id_goods)
        barcodes = [b for b in details.barcodes if b.active] or list(details.barcodes)
        if bar_code is not None:
            barcodes = [
                b
                for b in barcodes
                if (b.bar_code, b.ext_bar_code) == (bar_code, ext_bar_code)
            ] or barcodes
        if not barcodes:
            self.message.emit(
                self.tr("%1 has no barcode to print.").replace(
                    "%1", product.product.name_goods
                )
            )
            return
        try:
            label = label_product_from_catalog(
                product.product.name_goods, id_goods, barcodes[0], details
            )
            self.add_label(label, quantity)
        except LabelError as error:
            self.message.emit(label_error_message(error))
            return
        self.message.emit(
            self.tr("%1 label(s) queued: %2")
            .replace("%1", str(quantity))
            .replace("%2", product.product.name_goods)
        )

    @Slot()
    def remove_selected(self) -> None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        self.model.remove(rows)

    # --- output ---------------------------------------------------------------------

    def jobs(self) -> list[PrintJob]:
        return self.model.queue.jobs(self.start_spin.value())

    def _run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        name: str,
        on_done: Callable[[Any], None] | None = None,
    ) -> int:
        return self.runner.run(
            fn,
            *args,
            on_done=on_done or self._on_output_done,
            on_error=self._on_output_failed,
            disable=self.output_buttons,
            name=name,
        )

    def _has_labels(self) -> bool:
        if len(self.model.queue):
            return True
        self.message.emit(self.tr("The label queue is empty."))
        return False

    @Slot()
    def preview(self) -> None:
        if self._has_labels():
            self._run(
                render_preview,
                self.jobs(),
                name="render a label preview",
                on_done=self._on_preview_rendered,
            )

    @Slot()
    def print_labels(self) -> None:
        """To the printer named in Settings; without one, the print dialog asks."""
        if not self._has_labels():
            return
        if self.choice.printer_name:
            self._print_on(self._printer_factory(self.choice.printer_name))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("labelPrintDialog")
        dialog.accepted.connect(lambda: self._print_on(printer))
        self._printers.append(printer)
        # Window-modal without exec(); PySide6's QPrintDialog.open() wants a slot.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _print_on(self, printer: QPrinter) -> None:
        jobs = self.jobs()
        self._printers.append(printer)
        logger.info("printing %d label(s) on %s", self.model.queue.label_count, printer)

        def done(_result: object) -> None:
            self._forget_printer(printer)
            self._on_output_done([])

        def failed(failure: TaskFailure) -> None:
            self._forget_printer(printer)
            self._on_output_failed(failure)

        self.runner.run(
            print_jobs,
            jobs,
            printer,
            on_done=done,
            on_error=failed,
            disable=self.output_buttons,
            name="print labels",
        )

    def _forget_printer(self, printer: QPrinter) -> None:
        if printer in self._printers:
            self._printers.remove(printer)

    def export_to(self, path: Path) -> int:
        """Write the queue to `path` (.pdf, .png or .zpl) off the GUI thread; one file
        (or set of PNGs) per template, the template's name added when several."""
        return self._run(
            _write_jobs, self.jobs(), path, name=f"export labels to {path.name}"
        )

    @Slot()
    def _on_export_clicked(self) -> None:
        if not self._has_labels():
            return
        path = self._ask_path()
        if path is not None:
            self.export_to(path)

    def _ask_export_path(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export labels"),
            str(Path.home() / "labels.pdf"),
            self.tr("PDF (*.pdf);;PNG images (*.png);;ZPL for Zebra printers (*.zpl)"),
        )
        return Path(name) if name else None

    @Slot()
    def send_zpl(self) -> None:
        if not self._has_labels():
            return
        host, port = self.choice.zpl_host_port()
        if not host:
            self.message.emit(
                self.tr("Set the ZPL printer's address in Settings → Printer.")
            )
            return
        self._run(
            _send_jobs, self.jobs(), host, port, name=f"send ZPL to {host}:{port}"
        )

    # --- slots ----------------------------------------------------------------------

    def _on_preview_rendered(self, preview: PreviewSet) -> None:
        self.preview_dialog = LabelPreviewDialog(preview, self.window())
        self.preview_dialog.open()

    def _on_output_done(self, written: list[Path]) -> None:
        if written:
            self.message.emit(
                self.tr("Labels written: %1").replace(
                    "%1", ", ".join(p.name for p in written)
                )
            )
        else:
            self.message.emit(self.tr("Labels sent to the printer."))
        self.output_finished.emit(written)

    def _on_output_failed(self, failure: TaskFailure) -> None:
        self.message.emit(failure.message)
        self.output_failed.emit(failure)

    @Slot()
    def _on_model_changed(self, *_args: object) -> None:
        queue = self.model.queue
        self.summary.setText(
            self.tr("%1 labels in %2 rows")
            .replace("%1", str(queue.label_count))
            .replace("%2", str(len(queue)))
        )
        self.remove_button.setEnabled(len(queue) > 0)
        self._save()
        self.queue_changed.emit(queue.label_count)

    def _save(self) -> None:
        if self._saved is None:
            return
        try:
            self._saved.save(list(self.model.queue))
        except LabelError as error:
            self.message.emit(label_error_message(error))

    @Slot()
    def _on_template_changed(self, *_args: object) -> None:
        try:
            per_sheet = load_template(self.template_name).labels_per_page
        except LabelError:
            per_sheet = 1
        # A partly used sheet of this template is still partly used: its own
        # start, not the one the range clamped the last template's to.
        loading, self._sheet_loading = self._sheet_loading, True
        self.start_spin.setRange(1, per_sheet)
        self.start_spin.setValue(self._start_at.get(self.template_name, 1))
        self._sheet_loading = loading
        self.start_spin.setEnabled(per_sheet > 1)
        self._save_sheet()

    @Slot(int)
    def _on_start_spin_value_changed(self, value: int) -> None:
        if self._sheet_loading:
            return
        if value > 1:
            self._start_at[self.template_name] = value
        else:
            self._start_at.pop(self.template_name, None)
        self._save_sheet()

    @Slot()
    def _on_apply_template_clicked(self) -> None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        try:
            self.model.set_template(rows, self.template_name)
        except LabelError as error:
            self.message.emit(label_error_message(error))

    @Slot(str)
    def _on_dpi_text_changed(self, text: str) -> None:
        try:
            dpi = dpi_of(text)
        except ValueError:
            return
        self.model.queue.dpi = dpi
        self._save_sheet()


# --- worker-thread jobs ------------------------------------------------------------


def _system_printer(name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    return printer


def job_path(path: Path, job: PrintJob, several: bool) -> Path:
    if not several:
        return path
    return path.with_name(f"{path.stem}-{job.template.name}{path.suffix}")


def _write_jobs(jobs: list[PrintJob], path: Path) -> list[Path]:
    written: list[Path] = []
    for job in jobs:
        written.extend(write_job(job, job_path(path, job, len(jobs) > 1)))
    return written


def _send_jobs(jobs: list[PrintJob], host: str, port: int) -> list[Path]:
    for job in jobs:
        send_job_zpl(job, host, port)
    return []
