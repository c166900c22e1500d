"""Interface language: which translation files to load, and loading them.

The app speaks Ukrainian or English. The source strings are English, so English needs
no translation file; Ukrainian loads two:

- `resources/translations/komora_uk.qm`: the app's own strings, compiled from
  `komora_uk.ts` by `scripts/translations.py` (`make translations`);
- `qtbase_uk.qm` from PySide6's translations folder: Qt's own buttons and dialogs
  (OK, Cancel, the file dialog).

Qt's file dialog asks for "&Look in:" and "Files of &type:", which qtbase_uk.qm (as
shipped with PySide6 6.11) has only without the "&"; `AcceleratorFallback` answers
such strings from the plain ones.

Qt looks a string up in the most recently installed translator first, so the app's
file is installed last. Changing the language while the app runs affects windows
built afterwards; the settings dialog says a restart applies it everywhere.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths

logger = logging.getLogger(__name__)

UKRAINIAN = "uk"
ENGLISH = "en"
LANGUAGES: tuple[str, ...] = (UKRAINIAN, ENGLISH)
TRANSLATION_BASENAME = "komora"


def language_name(code: str) -> str:
    """A language's name in that language, for the language picker."""
    return {UKRAINIAN: "Українська", ENGLISH: "English"}[code]


def system_language(locale: QLocale | None = None) -> str:
    """Ukrainian when the system speaks it, otherwise English."""
    locale = locale if locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Ukrainian:
        return UKRAINIAN
    return ENGLISH


def resolve_language(setting: str | None) -> str:
    """The language to use for a setting of "uk", "en" or empty (follow the system)."""
    if setting in LANGUAGES:
        return setting
    if setting:
        logger.warning("unknown interface language %r; following the system", setting)
    return system_language()


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def app_translation_file(language: str) -> Path:
    return translations_dir() / f"{TRANSLATION_BASENAME}_{language}.qm"


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class AcceleratorFallback(QTranslator):
    """Answers a source with a keyboard accelerator ("&Look in:") that `base` lacks
    from `base`'s translation of the plain text ("Look in:"), the accelerator put
    on its first letter. Installed before `base`, so it is asked last."""

    def __init__(self, base: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._base = base

    def isEmpty(self) -> bool:
        return False

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": Qt takes an empty (but not null) string as the translation,
        # and every text no translator has came out blank ("DPI:" in the queue).
        # "&&" is a literal ampersand, not an accelerator.
        if "&" not in source_text or "&&" in source_text:
            return None
        plain = source_text.replace("&", "")
        translated = self._base.translate(context, plain, disambiguation, n)
        return f"&{translated}" if translated else None


class Translations:
    """Installs and swaps the translators of one application object."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ENGLISH

    def apply(self, language: str) -> bool:
        """Switch to `language`; False when a file it needs is missing (logged)."""
        self._remove()
        self.language = language
        if language == ENGLISH:
            QLocale.setDefault(QLocale(QLocale.Language.English))
            return True

        QLocale.setDefault(QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine))
        complete = True
        qt_own = QTranslator(self._app)
        if qt_own.load(f"qtbase_{language}", str(qt_translations_dir())):
            self._install(AcceleratorFallback(qt_own, self._app))
            self._install(qt_own)
        else:
            folder = qt_translations_dir()
            logger.warning("Qt's own %s translation not found in %s", language, folder)
            complete = False

        ours = QTranslator(self._app)
        path = app_translation_file(language)
        if ours.load(str(path)):
            self._install(ours)
        else:
            logger.error("%s translation %s missing or unreadable", language, path)
            complete = False
        logger.info("interface language %s", language)
        return complete

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)

    def _remove(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
