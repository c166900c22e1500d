"""The Inno Setup script and the Windows icon (Inno Setup itself only runs on Windows).

The script is read as Inno Setup reads it: `;` comments, `[Section]` headers,
`Directive=value` in [Setup], `Param: "value"; Param: ...` entries elsewhere, and
the preprocessor's `#define NAME "value"` substituted where `{#NAME}` appears.
"""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

import pytest
from PIL import Image

import app

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "komora.iss"
SCRIPT_DIR = ISS.parent

_DEFINE = re.compile(r'^\s*#define\s+(\w+)\s+"([^"]*)"\s*$')
_ENTRY_PARAM = re.compile(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')


def read_iss() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(#defines, section name -> its lines with the defines substituted)."""
    defines: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        define = _DEFINE.match(line)
        if define:
            defines[define.group(1)] = define.group(2)
            continue
        if line.startswith("#"):  # #ifndef / #endif
            continue
        for name, value in defines.items():
            line = line.replace("{#" + name + "}", value)
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header.group(1), [])
        else:
            assert current is not None, f"{line!r} comes before any [Section]"
            current.append(line)
    return defines, sections


def setup_directives() -> dict[str, str]:
    _defines, sections = read_iss()
    directives = {}
    for line in sections["Setup"]:
        key, _, value = line.partition("=")
        assert key not in directives, f"[Setup] sets {key} twice"
        directives[key.strip()] = value.strip()
    return directives


def entries(section: str) -> list[dict[str, str]]:
    _defines, sections = read_iss()
    parsed = []
    for line in sections[section]:
        params = {
            name: value.strip().strip('"') for name, value in _ENTRY_PARAM.findall(line)
        }
        assert params, f"[{section}] line {line!r} has no Param: value"
        parsed.append(params)
    return parsed


def script_path(relative: str) -> Path:
    """A path written in the script, as Inno Setup resolves it (from its folder)."""
    return (SCRIPT_DIR / Path(*PureWindowsPath(relative).parts)).resolve()


def test_the_default_version_is_the_apps_version() -> None:
    defines, _sections = read_iss()

    assert defines["AppVersion"] == app.__version__


def test_setup_icon_exists_and_the_output_goes_to_dist() -> None:
    directives = setup_directives()

    assert script_path(directives["SetupIconFile"]).is_file()
    assert script_path(directives["OutputDir"]) == ROOT / "dist"
    assert directives["OutputBaseFilename"] == f"komora-{app.__version__}-setup"


def test_app_id_is_a_fixed_guid_written_with_the_escaped_brace() -> None:
    directives = setup_directives()

    # `{{` is a literal `{` in Inno Setup; a single one would start a constant
    assert re.fullmatch(
        r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", directives["AppId"]
    )


def test_installs_per_user_by_default_into_the_64_bit_program_files() -> None:
    directives = setup_directives()

    assert directives["PrivilegesRequired"] == "lowest"
    assert directives["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert directives["DefaultDirName"].startswith("{autopf}")
    assert directives["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert directives["UninstallDisplayIcon"] == "{app}\\komora.exe"


def test_files_come_from_the_one_folder_build_the_spec_makes() -> None:
    spec = (ROOT / "packaging" / "komora.spec").read_text(encoding="utf-8")

    sources = [script_path(entry["Source"]) for entry in entries("Files")]

    build = ROOT / "dist" / "komora"
    assert build / "komora.exe" in sources
    assert build / "komora-cli.exe" in sources
    assert build / "_internal" / "*" in sources
    internal = next(e for e in entries("Files") if e["Source"].endswith("\\*"))
    assert {"recursesubdirs", "createallsubdirs"} <= set(internal["Flags"].split())
    # the executables' names are the spec's
    assert 'name="komora"' in spec and 'name="komora-cli"' in spec


def test_start_menu_entry_and_run_after_install_use_the_windowed_app() -> None:
    icons = entries("Icons")
    run = entries("Run")

    assert any(
        e["Name"] == "{autoprograms}\\Komora" and e["Filename"] == "{app}\\komora.exe"
        for e in icons
    )
    desktop = next(e for e in icons if e["Name"].startswith("{autodesktop}"))
    assert desktop["Tasks"] == "desktopicon"
    assert {task["Name"] for task in entries("Tasks")} == {"desktopicon"}
    assert run[0]["Filename"] == "{app}\\komora.exe"
    assert "postinstall" in run[0]["Flags"].split()


def test_the_installer_speaks_english_and_ukrainian() -> None:
    languages = {e["Name"]: e["MessagesFile"] for e in entries("Languages")}

    assert languages == {
        "en": "compiler:Default.isl",
        "uk": "compiler:Languages\\Ukrainian.isl",
    }


@pytest.mark.parametrize("size", [16, 32, 48, 256])
def test_the_ico_holds_the_sizes_windows_uses(size: int) -> None:
    with Image.open(SCRIPT_DIR / "komora.ico") as icon:
        assert (size, size) in icon.info["sizes"]


def test_the_ico_is_made_from_the_current_png() -> None:
    source = ROOT / "resources" / "icons" / "komora.png"

    with Image.open(SCRIPT_DIR / "komora.ico") as icon, Image.open(source) as png:
        icon.size = (256, 256)
        largest = icon.convert("RGBA")
        assert largest.tobytes() == png.convert("RGBA").tobytes(), (
            "komora.ico is out of date: run `.venv/bin/python packaging/make_icon.py`"
        )
