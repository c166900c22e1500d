"""Unexpected exceptions: log them, show them, keep running.

`CrashHandler.install()` replaces `sys.excepthook` (exceptions escaping Qt slots and
event handlers land there) and `threading.excepthook` (exceptions ending a Python
thread). Each exception is logged at ERROR with its traceback and shown in a
`CrashDialog` with the details, a Copy button and the log's path. The dialog is not
modal-blocking: the event loop keeps running, and further exceptions while it is
open are appended to it instead of stacking windows.

The traceback text is passed through `app.logs.scrub` before it is logged or shown,
since an exception message can quote a header with a token in it.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import logs
from app.gui.log_folder import open_log_folder

logger = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def format_exception(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """The traceback as text, with anything that looks like a secret scrubbed."""
    text = "".join(traceback.format_exception(exc_type, error, tb))
    return logs.scrub(text)


class CrashDialog(QDialog):
    """Shows one or more unexpected errors: summary, details, log path, Copy."""

    def __init__(self, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self._log_path = log_path

        summary = QLabel(
            self.tr(
                "Komora ran into an error it did not expect. The app keeps running, "
                "but the last action may not have finished. The details were written "
                "to the log; if this happens again, send them to support."
            )
        )
        summary.setWordWrap(True)
        self.log_label = QLabel(self.tr("Log file: %1").replace("%1", str(log_path)))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(
            self.log_label.textInteractionFlags()
            | self.log_label.textInteractionFlags().TextSelectableByMouse
        )
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.open_log_button = QPushButton(self.tr("Open log &folder"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(
            self.open_log_button, QDialogButtonBox.ButtonRole.ActionRole
        )

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self.buttons)

        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.open_log_button.clicked.connect(self._on_open_log_clicked)
        self.resize(720, 420)

    def add_details(self, text: str) -> None:
        if self.details.toPlainText():
            self.details.appendPlainText("\n" + "-" * 60 + "\n")
        self.details.appendPlainText(text.rstrip())

    def details_text(self) -> str:
        return self.details.toPlainText()

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())

    @Slot()
    def _on_open_log_clicked(self) -> None:
        open_log_folder(self._log_path.parent, self)


class CrashHandler(QObject):
    """Routes unexpected exceptions from any thread to the log and a dialog.

    Signals:
        exception_shown(str): the scrubbed traceback text just logged and shown.
    """

    exception_shown = Signal(str)
    _from_thread = Signal(str)

    def __init__(
        self,
        log_path: Path | None = None,
        parent: QObject | None = None,
        *,
        dialog_parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._log_path = log_path or logs.log_file()
        self._dialog_parent = dialog_parent
        self.dialog: CrashDialog | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._installed = False
        self._from_thread.connect(self._on_thread_exception)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        self._installed = True

    def uninstall(self) -> None:
        if not self._installed:
            return
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        self._installed = False

    def handle(
        self,
        exc_type: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """sys.excepthook: called on the thread the exception escaped on."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, error, tb)
            return
        text = format_exception(exc_type, error, tb)
        logger.error("unexpected exception:\n%s", text)
        if threading.current_thread() is threading.main_thread():
            self._show(text)
        else:
            self._from_thread.emit(text)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        text = format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        name = args.thread.name if args.thread is not None else "?"
        logger.error("unexpected exception in thread %s:\n%s", name, text)
        self._from_thread.emit(text)  # queued to the GUI thread

    @Slot(str)
    def _on_thread_exception(self, text: str) -> None:
        self._show(text)

    def _show(self, text: str) -> None:
        if QApplication.instance() is None:
            return  # no GUI (a CLI command): the log has it
        if self.dialog is None or not self.dialog.isVisible():
            self.dialog = CrashDialog(self._log_path, self._dialog_parent)
        self.dialog.add_details(text)
        self.dialog.show()
        self.dialog.raise_()
        self.exception_shown.emit(text)
