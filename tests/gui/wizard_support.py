"""Shared set-up of the wizard tests: sources over the sandbox, keyboard helpers."""

from __future__ import annotations

from pathlib import Path

import requests
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.api.client import CatalogClient
from app.api.creation import CreationJournal
from app.gui.tasks import TaskRunner
from app.gui.wizard import (
    ServerBarcodes,
    WizardSources,
    client_reference_loader,
)
from app.sandbox.testing import SandboxServer


def make_client(
    server: SandboxServer, client_type: type[CatalogClient] = CatalogClient
) -> CatalogClient:
    return client_type(requests.Session(), server.base_url, server.token)


def sandbox_sources(
    client: CatalogClient, tmp_path: Path, runner: TaskRunner
) -> WizardSources:
    barcodes = ServerBarcodes(client)
    return WizardSources(
        client=client,
        journal=CreationJournal(tmp_path / "journal.sqlite3"),
        runner=runner,
        load_reference=client_reference_loader(client),
        find_barcode_owner=barcodes.owner_of,
        codes_in_use=barcodes.codes,
    )


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(text: str) -> None:
    """Key presses into the focused widget; letters QTest cannot map (Cyrillic)
    go as key events that carry the text, as a Ukrainian keyboard layout sends."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(focused(), char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(
                kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
            )
            QApplication.sendEvent(focused(), event)


def press(
    key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(focused(), key, modifier)
