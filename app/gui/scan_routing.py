"""Where a keyboard-wedge scan goes, by the window that has the focus.

While the main window (or one of its floating docks) is active, a scan goes to the
scan workflow. While another window is active (a dialog, the add-product wizard, a file
dialog, a message box), the scan belongs to that window: the wedge filter swallows its
keys and types the scan's text into the focused text field (`ScanRoute.TYPING`). The
text is the one read from the keys the scanner pressed, so with AZERTY or Ukrainian
active the field gets the digits, not "&é\"'(" or Cyrillic; the scanner's terminator
is not typed, so Return presses no default button (OK, Next, Save) before the person
has seen the code; the person confirms. It is inserted at the cursor, as typing is,
except in a field meant for codes (`mark_for_codes`: the wizard's barcode on page 1
and its barcodes-page rows, the refused-barcode fix, the Add/Edit barcode dialog's
code), whose code it replaces. If the focused widget there takes no text (a button, a
list), the scan is ignored and the app says so rather than acting behind the dialog:
a wizard opened over a modal dialog could not even be used. (A window with
`accept_scan(text) -> bool`, the add-product wizard, is offered such a scan first; see
`Scanning`.)

The settings page's test scan reads raw keys while the Settings dialog is active: the
scan then still goes to the (suspended) workflow, so its keys are swallowed.

    wedge.set_router(ScanRouter(main_window, testing=lambda: workflow.suspended))
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.hardware.wedge_filter import SCAN_REPLACES, ScanRoute

logger = logging.getLogger(__name__)


def takes_text(target: QObject | None) -> bool:
    """Whether typed characters would go into `target` as text."""
    if not isinstance(target, QWidget) or not target.isEnabled():
        return False
    if isinstance(target, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
        return not target.isReadOnly()
    if isinstance(target, QComboBox):
        return target.isEditable()
    return False


def mark_for_codes(field: QWidget) -> None:
    """A keyboard scan typed into `field` replaces its text instead of adding to it."""
    field.setProperty(SCAN_REPLACES, True)


def window_of(target: QObject | None) -> QWidget | None:
    """The top-level window the focus object lives in (the active one if unknown)."""
    if isinstance(target, QWidget):
        return target.window()
    return QApplication.activeWindow()


class ScanRouter:
    """The wedge filter's router; see the module docstring."""

    def __init__(self, main_window: QWidget, testing: Callable[[], bool]) -> None:
        self.main_window = main_window
        self._testing = testing

    # FIXME(scanner): serial scans are routed only to the wizard (`Scanning`); with
    # another dialog active (the Add barcode dialog included) they reach the
    # workflow as before instead of its focused field.
    def __call__(self, target: QObject | None) -> ScanRoute:
        if self._testing():
            return ScanRoute.SCAN  # the scanner test reads the keys; swallow them
        window = window_of(target)
        if window is None or self.is_main(window):
            return ScanRoute.SCAN
        if takes_text(target):
            logger.info("a scan goes into %s as typing", type(window).__name__)
            return ScanRoute.TYPING
        logger.info("a scan is ignored: %s is active", type(window).__name__)
        return ScanRoute.IGNORE

    def is_main(self, window: QWidget) -> bool:
        if window is self.main_window:
            return True
        # A floating dock (the label queue) is still part of the main window.
        return (
            isinstance(window, QDockWidget)
            and window.parentWidget() is self.main_window
        )
