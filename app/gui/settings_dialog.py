"""The Settings dialog: a list of pages on the left, the chosen page on the right.

Pages: Server, Interface, Scanner, Printer. Scanner and Printer are placeholders
until their issues land. To add or fill a page, write a QWidget with two methods,

    def load(self, settings: Settings) -> None: ...   # show the values
    def store(self, settings: Settings) -> None: ...  # write the edited values back

(the `SettingsPage` protocol), keep your values in your own section of `Settings`
(`settings.scanner` / `settings.printer` are free-form dicts for exactly that),
and give it to the dialog: `dialog.set_page(PAGE_SCANNER, ScannerPage(...), title)`
replaces the placeholder, `dialog.add_page(key, widget, title)` appends a new one.
A page may also define `validate() -> str` returning a translated reason it cannot be
saved ("" when it can). The dialog saves the settings and the token when OK is
pressed and emits `settings_saved`.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui import i18n
from app.gui.connection_check import ConnectionReport, check_connection
from app.gui.settings import (
    API_LOCALES,
    ServerMode,
    Settings,
    TokenStore,
    save_settings,
)
from app.gui.tasks import TaskFailure, TaskRunner

logger = logging.getLogger(__name__)

PAGE_SERVER = "server"
PAGE_INTERFACE = "interface"
PAGE_SCANNER = "scanner"
PAGE_PRINTER = "printer"


@runtime_checkable
class SettingsPage(Protocol):
    def load(self, settings: Settings) -> None: ...

    def store(self, settings: Settings) -> None: ...


def is_valid_server_url(text: str) -> bool:
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())


class ServerPage(QWidget):
    """Sandbox or a back office: address, API locale, token, "Test connection".

    `sandbox_url` and `sandbox_token` are those of the running sandbox server, used
    by "Test connection" while the sandbox is chosen (None: not running).
    """

    def __init__(
        self,
        token_store: TokenStore,
        runner: TaskRunner,
        sandbox_url: str | None = None,
        sandbox_token: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._token_store = token_store
        self._runner = runner
        self._sandbox_url = sandbox_url
        self._sandbox_token = sandbox_token
        self._loaded_url = ""

        self.sandbox_choice = QRadioButton(
            self.tr("&Sandbox: a demo catalog on this computer")
        )
        self.back_office_choice = QRadioButton(self.tr("&Back office"))
        self._choices = QButtonGroup(self)
        self._choices.addButton(self.sandbox_choice)
        self._choices.addButton(self.back_office_choice)

        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.url_error = QLabel()
        self.url_error.setObjectName("fieldError")
        self.url_error.setStyleSheet("color: #b00020;")
        self.url_error.hide()

        self.locale_combo = QComboBox()
        for code in API_LOCALES:
            self.locale_combo.addItem(i18n.language_name(code), code)

        self.token_edit = QLineEdit()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("paste the access token here"))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        if not token_store.persistent:
            self.keyring_note.setText(
                self.tr(
                    "This computer has no password store (keyring), so the token is "
                    "kept only while the app runs and is asked for at each start."
                )
            )
        self.keyring_note.setVisible(not token_store.persistent)

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setObjectName("testResult")

        back_office = QFormLayout()
        back_office.addRow(self.tr("Server &address:"), self.url_edit)
        back_office.addRow("", self.url_error)
        back_office.addRow(self.tr("&Language of names:"), self.locale_combo)
        back_office.addRow(self.tr("Access to&ken:"), self.token_edit)
        back_office.addRow("", self.keyring_note)
        self._back_office_fields = QWidget()
        self._back_office_fields.setLayout(back_office)

        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.sandbox_choice)
        layout.addWidget(self.back_office_choice)
        layout.addWidget(self._back_office_fields)
        layout.addLayout(test_row)
        layout.addStretch(1)

        self.back_office_choice.toggled.connect(self._on_mode_toggled)
        self.url_edit.textChanged.connect(self._on_url_changed)
        self.test_button.clicked.connect(self._on_test_clicked)

    # --- SettingsPage ---------------------------------------------------------

    def load(self, settings: Settings) -> None:
        back_office = settings.server_mode is ServerMode.BACK_OFFICE
        self.back_office_choice.setChecked(back_office)
        self.sandbox_choice.setChecked(not back_office)
        self.url_edit.setText(settings.back_office_url)
        self.locale_combo.setCurrentIndex(max(0, API_LOCALES.index(settings.locale)))
        self._loaded_url = settings.back_office_url.strip()
        token = self._token_store.get(self._loaded_url) if self._loaded_url else None
        self.token_edit.setText(token or "")
        self._on_mode_toggled(back_office)

    def store(self, settings: Settings) -> None:
        settings.server_mode = self.mode()
        settings.back_office_url = self.url_edit.text().strip()
        settings.locale = str(self.locale_combo.currentData())

    def validate(self) -> str:
        if self.mode() is ServerMode.SANDBOX:
            return ""
        if not is_valid_server_url(self.url_edit.text()):
            return self.tr(
                "Enter the back office's address, starting with https:// or http://."
            )
        return ""

    # --- what the dialog saves besides Settings --------------------------------

    def mode(self) -> ServerMode:
        if self.back_office_choice.isChecked():
            return ServerMode.BACK_OFFICE
        return ServerMode.SANDBOX

    def token(self) -> str:
        return self.token_edit.text().strip()

    def save_token(self) -> None:
        """Keep the typed token for the typed URL (keyring or memory)."""
        url = self.url_edit.text().strip()
        if self.mode() is not ServerMode.BACK_OFFICE or not url:
            return
        if self._loaded_url and self._loaded_url != url and not self.token():
            return
        self._token_store.set(url, self.token())

    # --- slots ----------------------------------------------------------------

    @Slot(bool)
    def _on_mode_toggled(self, back_office: bool) -> None:
        self._back_office_fields.setEnabled(back_office)
        self.test_result.clear()
        self._show_url_error()

    @Slot(str)
    def _on_url_changed(self, _text: str) -> None:
        self.test_result.clear()
        self._show_url_error()

    def _show_url_error(self) -> None:
        reason = self.validate() if self.url_edit.text().strip() else ""
        self.url_error.setText(reason)
        self.url_error.setVisible(bool(reason))

    @Slot()
    def _on_test_clicked(self) -> None:
        if self.mode() is ServerMode.SANDBOX:
            if not self._sandbox_url:
                self._show_test_result(
                    False, self.tr("The sandbox server is not running.")
                )
                return
            url, token = self._sandbox_url, self._sandbox_token
        else:
            reason = self.validate()
            if reason:
                self._show_test_result(False, reason)
                return
            url, token = self.url_edit.text().strip(), self.token()
        locale = str(self.locale_combo.currentData())

        self.test_result.setText(self.tr("Connecting…"))
        self._runner.run(
            check_connection,
            url,
            locale,
            token,
            on_done=self._on_test_done,
            on_error=self._on_test_failed,
            disable=[self.test_button],
            name="test connection",
        )

    def _on_test_done(self, report: ConnectionReport) -> None:
        self._show_test_result(
            True,
            self.tr("Connected. Price levels on the server: %1.").replace(
                "%1", str(len(report.price_levels))
            ),
        )

    def _on_test_failed(self, failure: TaskFailure) -> None:
        self._show_test_result(False, failure.message)

    def _show_test_result(self, ok: bool, text: str) -> None:
        self.test_result.setProperty("ok", ok)
        self.test_result.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.test_result.setText(text)


class InterfacePage(QWidget):
    """Interface language and debug logging."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("As the system"), "")
        for code in i18n.LANGUAGES:
            self.language_combo.addItem(i18n.language_name(code), code)
        self.debug_check = QCheckBox(
            self.tr("&Detailed log (for support; includes scanner traffic)")
        )
        note = QLabel(self.tr("A new language applies fully after a restart."))
        note.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("Interface &language:"), self.language_combo)
        form.addRow("", note)
        form.addRow("", self.debug_check)

    def load(self, settings: Settings) -> None:
        index = self.language_combo.findData(settings.interface_language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.debug_check.setChecked(settings.debug_logging)

    def store(self, settings: Settings) -> None:
        settings.interface_language = str(self.language_combo.currentData())
        settings.debug_logging = self.debug_check.isChecked()


class PlaceholderPage(QWidget):
    """Stands in for a page another part of the app will provide."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(text)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addStretch(1)

    def load(self, settings: Settings) -> None:
        pass

    def store(self, settings: Settings) -> None:
        pass


class SettingsDialog(QDialog):
    """Edits a copy of the settings; OK validates every page, then saves.

    Signals:
        settings_saved(Settings): the settings were written to disk (a copy).
    """

    settings_saved = Signal(object)

    def __init__(
        self,
        settings: Settings,
        token_store: TokenStore,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        sandbox_url: str | None = None,
        sandbox_token: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings.copy()
        self._keys: list[str] = []

        self.page_list = QListWidget()
        self.page_list.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.pages = QStackedWidget()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.server_page = ServerPage(
            token_store, runner, sandbox_url=sandbox_url, sandbox_token=sandbox_token
        )
        self.interface_page = InterfacePage()
        self.add_page(PAGE_SERVER, self.server_page, self.tr("Server"))
        self.add_page(PAGE_INTERFACE, self.interface_page, self.tr("Interface"))
        self.add_page(
            PAGE_SCANNER,
            PlaceholderPage(self.tr("Scanner settings arrive with scanner support.")),
            self.tr("Scanner"),
        )
        self.add_page(
            PAGE_PRINTER,
            PlaceholderPage(self.tr("Printer settings arrive with label printing.")),
            self.tr("Printer"),
        )

        self.page_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(640, 400)

    def add_page(self, key: str, page: QWidget, title: str) -> None:
        """Append a page; `page` implements `SettingsPage` (load/store)."""
        if key in self._keys:
            raise ValueError(f"settings page {key!r} exists; use set_page to replace")
        self._keys.append(key)
        self.page_list.addItem(title)
        self.pages.addWidget(page)
        self._fit_page_list()
        self._load(page)

    def set_page(self, key: str, page: QWidget, title: str | None = None) -> None:
        """Replace the page registered as `key` (e.g. a placeholder)."""
        index = self._keys.index(key)
        old = self.page(key)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(old)
        old.deleteLater()
        if title is not None:
            self.page_list.item(index).setText(title)
            self._fit_page_list()
        self._load(page)

    def _fit_page_list(self) -> None:
        # as wide as the longest title (they differ a lot between languages)
        margins = 2 * self.page_list.frameWidth() + 24
        self.page_list.setFixedWidth(self.page_list.sizeHintForColumn(0) + margins)

    def page(self, key: str) -> QWidget:
        widget = self.pages.widget(self._keys.index(key))
        if widget is None:
            raise KeyError(key)
        return widget

    def show_page(self, key: str) -> None:
        self.page_list.setCurrentRow(self._keys.index(key))

    def edited_settings(self) -> Settings:
        """The settings as the pages show them now (a new object)."""
        edited = self._settings.copy()
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if isinstance(page, SettingsPage):
                page.store(edited)
        return edited

    def _load(self, page: QWidget) -> None:
        if isinstance(page, SettingsPage):
            page.load(self._settings)

    def accept(self) -> None:
        for index in range(self.pages.count()):
            validate = getattr(self.pages.widget(index), "validate", None)
            reason = validate() if validate is not None else ""
            if reason:
                self.page_list.setCurrentRow(index)
                self.error_label.setText(reason)
                self.error_label.show()
                return

        edited = self.edited_settings()
        try:
            save_settings(edited)
        except OSError as error:
            logger.error("saving settings failed: %s", error)
            self.error_label.setText(
                self.tr("The settings could not be saved: %1").replace(
                    "%1", error.strerror or str(error)
                )
            )
            self.error_label.show()
            return
        self.server_page.save_token()
        self._settings = edited
        self.settings_saved.emit(edited.copy())
        super().accept()
