"""Keep the Ukrainian translation in step with the code.

    python scripts/translations.py update        # lupdate over app/, then lrelease
    python scripts/translations.py missing       # list strings with no translation
    python scripts/translations.py missing --json > todo.json
    python scripts/translations.py apply todo.json   # write translations, then update

`komora_uk.ts` is the one source of truth; the `.qm` beside it is compiled from it.
`missing --json` writes `[{"context", "source", "translation"}]` with empty
translations; fill them in (by hand, or with any tool) and feed the file to `apply`.
Translators who prefer Qt Linguist can open the `.ts` with `pyside6-linguist` instead.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "app"
TS_FILE = ROOT / "resources" / "translations" / "komora_uk.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
LANGUAGE = "uk_UA"


def qt_tool(name: str) -> str:
    """`pyside6-lupdate` or `pyside6-lrelease`: beside this Python, else on PATH."""
    candidate = Path(sys.executable).parent / f"pyside6-{name}"
    if candidate.exists():
        return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def source_files(root: Path = SOURCES) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts_file: Path, sources: Path = SOURCES) -> None:
    """Merge the strings of every app/**/*.py into `ts_file`, dropping vanished ones."""
    files = [str(p) for p in source_files(sources)]
    subprocess.run(
        [
            qt_tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            LANGUAGE,
            *files,
            "-ts",
            str(ts_file),
        ],
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True
    )


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool


def read_entries(ts_file: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            text = (translation.text or "") if translation is not None else ""
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source", ""),
                    translation=text,
                    finished=kind != "unfinished" and bool(text.strip()),
                )
            )
    return entries


def missing(ts_file: Path) -> list[Entry]:
    return [e for e in read_entries(ts_file) if not e.finished]


def apply_translations(ts_file: Path, translations: list[dict[str, str]]) -> int:
    """Write translations keyed by (context, source) into the .ts; returns a count."""
    wanted = {
        (t["context"], t["source"]): t["translation"]
        for t in translations
        if t.get("translation", "").strip()
    }
    tree = ET.parse(ts_file)
    applied = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""))
            if key not in wanted:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = wanted[key]
            translation.attrib.pop("type", None)
            applied += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return applied


def update() -> None:
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="refresh the .ts from app/ and compile the .qm")
    listing = commands.add_parser("missing", help="list untranslated strings")
    listing.add_argument("--json", action="store_true", help="as JSON for `apply`")
    applying = commands.add_parser("apply", help="write translations from a JSON file")
    applying.add_argument("file", type=Path)
    args = parser.parse_args(argv)

    if args.command == "update":
        update()
        todo = missing(TS_FILE)
        print(f"{TS_FILE.relative_to(ROOT)}: {len(todo)} string(s) without translation")
        return 0
    if args.command == "missing":
        lupdate(TS_FILE)
        todo = missing(TS_FILE)
        if args.json:
            rows = [
                {"context": e.context, "source": e.source, "translation": ""}
                for e in todo
            ]
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            for entry in todo:
                print(f"{entry.context}\t{entry.source}")
        return 1 if todo else 0
    if args.command == "apply":
        rows = json.loads(args.file.read_text(encoding="utf-8"))
        lupdate(TS_FILE)  # so strings added since the last update can be filled
        count = apply_translations(TS_FILE, rows)
        update()
        print(f"applied {count} translation(s); {len(missing(TS_FILE))} still missing")
        return 0
    return 2


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
