"""The main window's first layout, and the person's layout kept across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QSplitter

from app import paths
from app.gui.app import GuiSession
from app.gui.main_window import MainWindow
from app.gui.settings import Settings, TokenStore
from app.gui.window_layout import (
    BOTTOM_DOCK_MAX,
    MAX_WINDOW,
    WindowLayout,
    default_bottom_dock_height,
    default_window_rect,
    layout_file,
)
from tests.gui.fakes import MemoryKeyring

WAIT_MS = 10_000


class FakeSandbox:
    """No server: the catalog's first sync fails at once, the views are built."""

    def __init__(self, db_path: Path) -> None:
        self.base_url = "http://127.0.0.1:9"
        self.token = "sandbox-token"

    def close(self) -> None:
        pass


def new_session(qtbot, application) -> GuiSession:
    session = GuiSession(
        application,
        token_store=TokenStore(MemoryKeyring()),
        sandbox_starter=FakeSandbox,
    )
    qtbot.addWidget(session.window)
    return session


def start(qtbot, session: GuiSession) -> None:
    session.start()
    qtbot.waitUntil(lambda: session.catalog_panel is not None, timeout=WAIT_MS)
    qtbot.waitExposed(session.window)


# --- the first layout -------------------------------------------------------------


@pytest.mark.parametrize(
    "screen",
    [QRect(0, 0, 1280, 800), QRect(0, 0, 1366, 738), QRect(0, 24, 1920, 1056)],
)
def test_the_first_window_fits_the_screen_centred(screen: QRect) -> None:
    rect = default_window_rect(screen)
    assert screen.contains(rect)
    assert rect.width() <= MAX_WINDOW.width() and rect.height() <= MAX_WINDOW.height()
    assert abs(rect.center().x() - screen.center().x()) <= 1
    assert abs(rect.center().y() - screen.center().y()) <= 1
    # A laptop screen is used nearly whole; a big one is not filled edge to edge.
    if screen.width() < 1400:
        assert rect.width() >= screen.width() - 40
        assert rect.height() >= screen.height() - 80


def test_a_bottom_dock_starts_modest() -> None:
    assert default_bottom_dock_height(700) <= 160
    assert default_bottom_dock_height(2000) == BOTTOM_DOCK_MAX


def test_at_1100x700_the_products_table_shows_at_least_8_rows(
    qtbot, application
) -> None:
    session = new_session(qtbot, application)
    window = session.window
    window.resize(1100, 700)
    session.layout.apply_default_docks()
    start(qtbot, session)
    panel = session.catalog_panel
    assert panel is not None
    qtbot.waitUntil(lambda: window.size().toTuple() == (1100, 700))

    table = panel.table
    rows = table.viewport().height() / table.verticalHeader().defaultSectionSize()
    dock = session.scanning.dock
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert rows >= 8, (rows, dock.height(), panel.detail.height())
    assert table.height() > dock.height()  # the table, not the queue, has the room
    window.close()


# --- kept across restarts ---------------------------------------------------------


def shell_window(qtbot, runner) -> tuple[MainWindow, QDockWidget, QSplitter]:
    window = MainWindow(Settings(), TokenStore(MemoryKeyring()), runner)
    qtbot.addWidget(window)
    dock = QDockWidget("Queue", window)
    dock.setObjectName("queueDock")
    dock.setWidget(QLabel("labels"))
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setObjectName("contentSplitter")
    splitter.addWidget(QLabel("table"))
    splitter.addWidget(QLabel("detail"))
    window.set_content(splitter)
    return window, dock, splitter


def test_geometry_docks_and_splitters_round_trip(qtbot, runner, tmp_path) -> None:
    path = tmp_path / "layout.ini"
    window, dock, splitter = shell_window(qtbot, runner)
    layout = WindowLayout(window, path)
    layout.restore_geometry()
    layout.restore_state()
    layout.restore_splitters(splitter)
    window.resize(760, 580)  # inside the offscreen screen (800×800)
    window.show()
    qtbot.waitExposed(window)
    window.removeDockWidget(dock)  # the person drags the queue to the right
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.show()
    window.resizeDocks([dock], [300], Qt.Orientation.Horizontal)
    splitter.setSizes([400, 120])
    qtbot.waitUntil(lambda: dock.width() == 300)
    saved_sizes = splitter.sizes()
    layout.save()
    window.close()

    again, again_dock, again_splitter = shell_window(qtbot, runner)
    layout = WindowLayout(again, path)
    assert layout.restore_geometry()
    assert layout.restore_state()
    layout.restore_splitters(again_splitter)
    again.show()
    qtbot.waitExposed(again)
    assert again.size().toTuple() == (760, 580)
    assert again.dockWidgetArea(again_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    qtbot.waitUntil(lambda: again_dock.width() == 300)
    assert again_splitter.sizes() == saved_sizes


def test_full_screen_is_not_what_the_next_start_opens_in(
    qtbot, runner, tmp_path
) -> None:
    path = tmp_path / "layout.ini"
    window, _dock, _splitter = shell_window(qtbot, runner)
    layout = WindowLayout(window, path)
    window.resize(700, 500)
    window.show()
    qtbot.waitExposed(window)
    layout.save()
    window.full_screen_action.setChecked(True)
    qtbot.waitUntil(window.isFullScreen)
    layout.save()
    window.close()

    again, _dock, _splitter = shell_window(qtbot, runner)
    assert WindowLayout(again, path).restore_geometry()
    again.show()
    qtbot.waitExposed(again)
    assert not again.isFullScreen()
    assert again.size().toTuple() == (700, 500)


def test_a_damaged_layout_file_gives_the_first_layout(qtbot, runner, tmp_path) -> None:
    path = tmp_path / "layout.ini"
    path.write_bytes(b"[window]\ngeometry=@ByteArray(not a geometry)\nstate=3\n")
    window, _dock, _splitter = shell_window(qtbot, runner)
    layout = WindowLayout(window, path)
    assert not layout.restore_geometry()
    assert not layout.restore_state()
    screen = window.screen().availableGeometry()
    assert window.size() == default_window_rect(screen).size()


def test_the_session_saves_the_layout_on_close_and_restores_it(
    qtbot, application
) -> None:
    session = new_session(qtbot, application)
    start(qtbot, session)
    session.window.resize(740, 560)
    centre = session.catalog_panel.findChild(QSplitter, "centreSplitter")
    qtbot.waitUntil(lambda: session.window.size().toTuple() == (740, 560))
    centre.setSizes([300, 200])
    sizes = centre.sizes()
    session.window.close()
    assert layout_file() == paths.config_dir() / "window-layout.ini"
    assert layout_file().exists()

    again = new_session(qtbot, application)
    start(qtbot, again)
    assert again.window.size().toTuple() == (740, 560)
    centre = again.catalog_panel.findChild(QSplitter, "centreSplitter")
    assert centre.sizes() == sizes
    again.window.close()
