"""Opening the log folder, and what to show when the desktop cannot open it.

`QDesktopServices.openUrl` returns False when no file manager is set up (a bare
window manager, a kiosk; Qt prints "Unable to detect a launcher" to stderr and
nothing appears). Then `LogFolderDialog` shows the folder's path as selectable text
with a Copy button, so the user can still find the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

logger = logging.getLogger(__name__)

UrlOpener = Callable[[QUrl], object]


class LogFolderDialog(QDialog):
    """The log folder's path, selectable, with Copy and Close."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logFolderDialog")
        self.setWindowTitle(self.tr("Log folder"))
        self.folder = folder
        lead = QLabel(
            self.tr(
                "The log folder could not be opened: no file manager was found. "
                "It is here:"
            )
        )
        lead.setWordWrap(True)
        self.path_label = QLabel(str(folder))
        self.path_label.setObjectName("logFolderPath")
        self.path_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setObjectName("copyLogFolder")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(self.path_label)
        layout.addWidget(buttons)

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(str(self.folder))


def open_log_folder(
    folder: Path,
    parent: QWidget | None = None,
    opener: UrlOpener | None = None,
) -> LogFolderDialog | None:
    """Open `folder` in the file manager (`opener`, by default
    `QDesktopServices.openUrl`); if that fails, show (and return) the dialog with
    its path."""
    logger.info("opening the log folder %s", folder)
    opener = opener or QDesktopServices.openUrl
    if opener(QUrl.fromLocalFile(str(folder))) is not False:
        return None
    logger.warning("no file manager opened the log folder %s", folder)
    dialog = LogFolderDialog(folder, parent)
    dialog.open()
    return dialog
