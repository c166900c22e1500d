"""The main window's layout: a sensible first one, and the person's own kept.

At the first start the window takes most of the screen it opens on (nearly all of a
1280×800 laptop's, a comfortable part of a 1920×1080 monitor's), centred, and the
docks at the bottom (the label queue) get a modest height, so the products table,
where shop staff spend the day, has most of the room. The label queue stays at the
bottom rather than the right: its rows are short and few, while on the right it
would take 300 px or more from a products table whose seven columns already need
most of a 1280 px screen's width.

What the person then makes of it (the window's size and place, where the docks are
and how big, the splitters between the group tree, the table and the details) is
written when the window closes and put back at the next start. It goes into its own
file, `window-layout.ini` in `app.paths.config_dir()`, through QSettings in INI
format: the values are Qt's own opaque byte strings, unlike the readable
`settings.json`, and an INI file stays a file on every platform (QSettings' native
format is the registry on Windows). A missing or unreadable layout, or one saved by
a build with other docks, falls back to the first-start layout.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

from app import paths

logger = logging.getLogger(__name__)

LAYOUT_FILE_NAME = "window-layout.ini"
# Bumped when the docks change so much that an old saved state would misplace them.
STATE_VERSION = 1

FRAME_ROOM = QSize(24, 64)  # the frame, its title bar and a desktop panel
MAX_WINDOW = QSize(1600, 1000)  # beyond this, on a big monitor, rows only get longer
MIN_WINDOW = QSize(960, 600)
BOTTOM_DOCK_SHARE = 0.22  # of the window's height, and at most ...
BOTTOM_DOCK_MAX = 240  # ... this many pixels


def layout_file() -> Path:
    return paths.config_dir() / LAYOUT_FILE_NAME


def default_window_rect(available: QRect) -> QRect:
    """The first-start window (its inside, without the frame) on a screen whose
    free area is `available`: nearly all of a small screen, centred."""
    room = QSize(
        available.width() - FRAME_ROOM.width(),
        available.height() - FRAME_ROOM.height(),
    )
    size = room.boundedTo(MAX_WINDOW).expandedTo(MIN_WINDOW)
    size = size.boundedTo(available.size())
    rect = QRect(available.topLeft(), size)
    rect.moveCenter(available.center())
    return rect


def default_bottom_dock_height(window_height: int) -> int:
    return min(BOTTOM_DOCK_MAX, int(window_height * BOTTOM_DOCK_SHARE))


class WindowLayout:
    """Puts a main window's layout back, or the first-start one, and saves it.

    Call `restore_geometry` before the window is shown, `restore_state` once its
    docks are added, `restore_splitters` on each content widget set into it, and
    `save` when it closes.
    """

    def __init__(self, window: QMainWindow, path: Path | None = None) -> None:
        self.window = window
        self.path = path or layout_file()
        self._splitter_roots: list[QWidget] = []

    def _store(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def _read(self, key: str) -> QByteArray | None:
        value = self._store().value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    # --- restoring ------------------------------------------------------------------

    def restore_geometry(self) -> bool:
        """The saved size and place; else the first-start size. True when saved."""
        saved = self._read("window/geometry")
        if saved is not None and self.window.restoreGeometry(saved):
            return True
        screen = self.window.screen()
        if screen is not None:
            rect = default_window_rect(screen.availableGeometry())
            self.window.resize(rect.size())
            self.window.move(rect.topLeft())
        return False

    def restore_state(self) -> bool:
        """The saved docks and toolbars; else the first-start dock sizes."""
        saved = self._read("window/state")
        if saved is not None and self.window.restoreState(saved, STATE_VERSION):
            return True
        self.apply_default_docks()
        return False

    def apply_default_docks(self) -> None:
        """Bottom docks a modest height, whatever their contents would ask for."""
        bottom = [
            dock
            for dock in self.window.findChildren(QDockWidget)
            if self.window.dockWidgetArea(dock)
            == Qt.DockWidgetArea.BottomDockWidgetArea
            and not dock.isFloating()
        ]
        if not bottom:
            return
        height = default_bottom_dock_height(self.window.height())
        self.window.resizeDocks(bottom, [height] * len(bottom), Qt.Orientation.Vertical)

    def restore_splitters(self, root: QWidget) -> None:
        """The saved sizes of each named splitter inside `root` (kept for `save`)."""
        self._splitter_roots.append(root)
        store = self._store()
        for splitter in _named_splitters(root):
            value = store.value(f"splitters/{splitter.objectName()}")
            if isinstance(value, QByteArray) and not value.isEmpty():
                splitter.restoreState(value)

    # --- saving ---------------------------------------------------------------------

    def save(self) -> None:
        store = self._store()
        # Full screen (F11) is a moment's mode: the next start opens as before it.
        if not self.window.isFullScreen():
            store.setValue("window/geometry", self.window.saveGeometry())
        store.setValue("window/state", self.window.saveState(STATE_VERSION))
        self._splitter_roots = [r for r in self._splitter_roots if shiboken6.isValid(r)]
        for root in self._splitter_roots:
            for splitter in _named_splitters(root):
                store.setValue(
                    f"splitters/{splitter.objectName()}", splitter.saveState()
                )
        store.sync()
        if store.status() != QSettings.Status.NoError:
            logger.warning("the window layout could not be saved to %s", self.path)
        else:
            logger.info("window layout saved to %s", self.path)


def _named_splitters(root: QWidget) -> list[QSplitter]:
    found = root.findChildren(QSplitter)
    if isinstance(root, QSplitter):
        found.insert(0, root)
    return [splitter for splitter in found if splitter.objectName()]
