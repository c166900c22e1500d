"""The Ukrainian translation is complete, compiled, and loads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from app.gui import i18n
from scripts import translations


@pytest.fixture
def translator(qapp):
    installed = i18n.Translations(qapp)
    yield installed
    installed.apply(i18n.ENGLISH)


def test_every_user_visible_string_has_a_ukrainian_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "komora_uk.ts"
    shutil.copy(translations.TS_FILE, fresh)

    translations.lupdate(fresh)

    todo = translations.missing(fresh)
    listing = "\n".join(f"  [{e.context}] {e.source!r}" for e in todo)
    assert not todo, (
        f"{len(todo)} string(s) in app/ have no Ukrainian translation:\n{listing}\n"
        "Run `python scripts/translations.py missing --json > todo.json`, fill in the "
        "translations, then `python scripts/translations.py apply todo.json`."
    )


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "komora_uk.qm"

    translations.lrelease(translations.TS_FILE, compiled)

    assert translations.QM_FILE.exists(), "run `python scripts/translations.py update`"
    assert compiled.read_bytes() == translations.QM_FILE.read_bytes(), (
        "komora_uk.qm is older than komora_uk.ts; "
        "run `python scripts/translations.py update`"
    )


def test_ukrainian_loads_ours_and_qts_own(translator: i18n.Translations) -> None:
    assert translator.apply(i18n.UKRAINIAN)

    assert QCoreApplication.translate("TaskErrors", "File not found: %1") == (
        "Файл не знайдено: %1"
    )
    # a string from qtbase_uk.qm: the standard button Qt draws in its dialogs
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Скасувати"


def test_english_removes_the_translators(translator: i18n.Translations) -> None:
    translator.apply(i18n.UKRAINIAN)

    assert translator.apply(i18n.ENGLISH)

    assert QCoreApplication.translate("TaskErrors", "File not found: %1") == (
        "File not found: %1"
    )


def test_missing_translation_file_is_reported(
    translator: i18n.Translations, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)

    assert not translator.apply(i18n.UKRAINIAN)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("uk_UA", "uk"), ("en_US", "en"), ("de_DE", "en"), ("C", "en")],
)
def test_default_language_follows_the_system(locale: str, expected: str) -> None:
    assert i18n.system_language(QLocale(locale)) == expected


def test_a_setting_wins_over_the_system() -> None:
    assert i18n.resolve_language("uk") == "uk"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("") in i18n.LANGUAGES


def test_the_file_dialog_speaks_ukrainian(translator: i18n.Translations) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    assert translator.apply(i18n.UKRAINIAN)
    dialog = QFileDialog(None, "Export labels")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    dialog.deleteLater()

    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Перегляд в:"
    # Qt 6 asks with an accelerator, which qtbase_uk.qm lacks (AcceleratorFallback).
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Перегляд в:"
    assert {"&Перегляд в:", "&Тип файлів:"} <= labels
    assert not labels & {"&Look in:", "Files of &type:"}


def test_a_text_no_translator_has_stays_as_written(
    translator: i18n.Translations,
) -> None:
    from PySide6.QtWidgets import QLabel, QWidget

    class Box(QWidget):
        pass

    assert translator.apply(i18n.UKRAINIAN)
    assert QCoreApplication.translate("Nowhere", "DPI:") == "DPI:"
    assert QCoreApplication.translate("Nowhere", "&Nothing") == "&Nothing"
    # tr() also asks the base classes' contexts when the class's own translation
    # equals the source, as "DPI:" does in the label queue.
    box = Box()
    assert QLabel(box.tr("DPI:"), box).text() == "DPI:"
    box.deleteLater()


def test_english_file_dialog_keeps_its_accelerators(
    translator: i18n.Translations,
) -> None:
    translator.apply(i18n.UKRAINIAN)

    translator.apply(i18n.ENGLISH)

    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


def _ukrainian_messages() -> list[tuple[str, str]]:
    from xml.etree import ElementTree

    root = ElementTree.parse(translations.TS_FILE).getroot()
    return [
        (message.findtext("source") or "", message.findtext("translation") or "")
        for message in root.iter("message")
        if message.find("translation") is not None
        and message.find("translation").get("type") not in ("obsolete", "vanished")
    ]


def test_no_message_shows_staff_the_word_guid() -> None:
    shown = [(s, t) for s, t in _ukrainian_messages() if "guid" in (s + t).lower()]

    assert not shown


def test_the_settings_window_is_named_in_the_locative() -> None:
    # "у Налаштуваннях → Принтер", not "в Налаштування → Принтер".
    nominative = re.compile(r"(^|\s)[ув] Налаштування(\s|$)")
    wrong = [t for _s, t in _ukrainian_messages() if nominative.search(t)]

    assert not wrong
    assert any("у Налаштуваннях → Принтер" in t for _s, t in _ukrainian_messages())
