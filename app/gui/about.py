"""Help → About: the version, the server in use and the library versions.

Support asks for exactly this, so the dialog has a Copy button too.
"""

from __future__ import annotations

import html
import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__

# (shown name, distribution name) for the libraries whose versions matter in support
LIBRARIES: tuple[tuple[str, str], ...] = (
    ("requests", "requests"),
    ("pydantic", "pydantic"),
    ("pyserial", "pyserial"),
    ("python-barcode", "python-barcode"),
)


def library_versions() -> list[tuple[str, str]]:
    """(name, version) for Python, PySide6, Qt and the libraries above."""
    versions = [
        ("Python", platform.python_version()),
        ("PySide6", PySide6.__version__),
        ("Qt", qVersion()),
    ]
    for shown, distribution in LIBRARIES:
        try:
            versions.append((shown, metadata.version(distribution)))
        except metadata.PackageNotFoundError:
            missing = QCoreApplication.translate("AboutDialog", "not installed")
            versions.append((shown, missing))
    return versions


class AboutDialog(QDialog):
    """`server` is a ready, translated description of the server in use."""

    def __init__(self, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Komora"))
        self._server = server

        title = QLabel(f"<h2>Komora {html.escape(__version__)}</h2>")
        purpose = QLabel(
            self.tr("Scan stock, keep the catalog right, print shelf labels.")
        )
        purpose.setWordWrap(True)
        self.server_label = QLabel(self.tr("Server: %1").replace("%1", server))
        self.server_label.setWordWrap(True)
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>&nbsp;{html.escape(version)}</td></tr>"
            for name, version in library_versions()
        )
        self.versions_label = QLabel(f"<table>{rows}</table>")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addWidget(self.server_label)
        layout.addWidget(self.versions_label)
        layout.addWidget(buttons)

        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.setMinimumWidth(440)

    def as_text(self) -> str:
        lines = [f"Komora {__version__}", self.server_label.text()]
        lines += [f"{name} {version}" for name, version in library_versions()]
        return "\n".join(lines)

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())
